//! The scenario the editor starts a new file with: the least that plays, so
//! that the checker's list starts short and each item on it is a next step.

use super::operations::{empty_answer, empty_moment};
use crate::core::clock::ClockTime;
use crate::core::model::{Act, Character, Difficulty, Ending, EndingKind, Role, Scenario};

/// The id of the blank scenario's one answer, until it has words.
pub(super) const FIRST_ANSWER: &str = "first_answer";

/// A new scenario with this id and title: a client, the trainee, one act with
/// an opening moment (not yet timed) whose one answer leads to an ending. It
/// has no errors; its warnings say what to write next.
pub fn blank_scenario(id: &str, title: &str) -> Scenario {
    let answer = empty_answer(FIRST_ANSWER, "ending");
    let mut opening = empty_moment("opening".to_owned(), Some("client".to_owned()));
    opening.choices = vec![answer];
    let mut ending = empty_moment("ending".to_owned(), None);
    ending.ending = Some(Ending {
        kind: EndingKind::Held,
        title: "The end".to_owned(),
        text: String::new(),
    });
    Scenario {
        id: id.to_owned(),
        title: title.to_owned(),
        version: "0.1".to_owned(),
        language: crate::core::model::DEFAULT_LANGUAGE.to_owned(),
        translation: None,
        authors: Vec::new(),
        summary: String::new(),
        learning_goals: Vec::new(),
        content_notes: Vec::new(),
        reflection_prompts: Vec::new(),
        difficulty: Difficulty::Beginner,
        estimated_minutes: 5,
        tags: Vec::new(),
        sources: Vec::new(),
        reading_wpm: crate::core::model::DEFAULT_READING_WPM,
        optimal_distance: None,
        trainee_support: None,
        characters: vec![
            Character {
                id: "client".to_owned(),
                name: "Client".to_owned(),
                role: Role::Client,
                description: String::new(),
            },
            Character {
                id: "you".to_owned(),
                name: "You".to_owned(),
                role: Role::Trainee,
                description: String::new(),
            },
        ],
        dimensions: Vec::new(),
        start: "opening".to_owned(),
        acts: vec![Act {
            id: "act_one".to_owned(),
            title: "Act one".to_owned(),
            place: String::new(),
            client: None,
            clock_start: ClockTime::from_minutes(14 * 60 + 45),
            deadlines: Vec::new(),
            nodes: vec![opening, ending],
        }],
        entry_points: Vec::new(),
        expectations: Vec::new(),
    }
}
