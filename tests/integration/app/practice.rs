//! The practice modes in the app without a window: own words before the
//! answers (with a timeout while typing and "none of these"), the noticing
//! question, sure or unsure before the feedback, self-ratings, and the Today
//! list after a costly answer and once the day has come.

use bevy::prelude::*;
use doorway::app::{
    Action, AppState, CurrentAttempt, Notices, PracticeDay, PracticeSchedule, UserPreferences,
};
use doorway::core::engine::{Phase, PracticeMode, Response};
use doorway::core::fis::{FisItem, SelfRating};
use doorway::core::schedule::parse_day;

use super::Harness;

const PRACTICE: &str = include_str!("../../fixtures/practice.scenario.ron");

/// A harness on the practice fixture, in `mode`, asking how sure when
/// `confidence`.
fn harness(mode: PracticeMode, confidence: bool) -> Harness {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let mut preferences = harness.app.world_mut().resource_mut::<UserPreferences>();
    preferences
        .current
        .practice_modes
        .insert("practice".into(), mode);
    preferences.current.ask_confidence = confidence;
    harness
}

fn phase(harness: &Harness) -> Phase {
    harness.session().engine.phase()
}

/// The attempt files in the data folder, read.
fn saved_attempts(harness: &Harness) -> Vec<serde_json::Value> {
    let folder = harness._dirs.1.path().join("attempts");
    std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap())
        .collect()
}

#[test]
fn say_it_first_keeps_own_words_the_closest_answer_confidence_and_ratings() {
    let mut harness = harness(PracticeMode::SayItFirst, true);
    harness.begin_scenario("practice");
    assert_eq!(phase(&harness), Phase::Writing);
    harness.act(Action::Draft("You came".into()));
    harness.press(KeyCode::Digit1);
    assert_eq!(
        phase(&harness),
        Phase::Writing,
        "the answers are not shown yet"
    );
    harness.act(Action::SubmitOwnWords("You came back. Come in.".into()));
    assert_eq!(phase(&harness), Phase::Picking);
    harness.press(KeyCode::Digit0);
    let pending = harness.session().engine.state().pending.own_words.clone();
    assert!(pending.unwrap().none_close, "0 says none is close");
    harness.press(KeyCode::Digit1);
    assert_eq!(
        phase(&harness),
        Phase::Confiding,
        "asked before the feedback"
    );
    assert!(harness.shown_feedback().is_none());
    harness.press(KeyCode::KeyS);
    assert!(harness.shown_feedback().is_some(), "then the feedback");
    let ratings = vec![SelfRating {
        item: FisItem::Warmth,
        score: 4,
    }];
    harness.act(Action::RateOwnWords {
        step: 0,
        ratings: ratings.clone(),
    });
    harness.press(KeyCode::Enter);
    assert_eq!(harness.session().engine.state().node, "hall");

    // The time runs out at the hall while the trainee is typing.
    assert_eq!(phase(&harness), Phase::Writing);
    harness.act(Action::Draft("I was just".into()));
    harness.update(420);
    assert!(harness.shown_feedback().is_some(), "the timeout's feedback");
    harness.press(KeyCode::Enter);
    // The chair has one answer: no words asked; Enter skips the confidence.
    assert_eq!(phase(&harness), Phase::Answering);
    harness.press(KeyCode::Digit1);
    harness.press(KeyCode::Enter);
    harness.press(KeyCode::Enter);
    assert_eq!(harness.state(), AppState::End);

    let saved = saved_attempts(&harness);
    assert_eq!(saved.len(), 1);
    let steps = saved[0]["transcript"]["steps"].as_array().unwrap();
    assert_eq!(steps[0]["own_words"]["text"], "You came back. Come in.");
    assert_eq!(steps[0]["own_words"]["none_close"], true);
    assert_eq!(steps[0]["confidence"], "sure");
    assert_eq!(steps[0]["self_ratings"][0]["item"], "warmth");
    assert_eq!(steps[0]["self_ratings"][0]["score"], 4);
    assert_eq!(steps[1]["response"], "timeout");
    assert_eq!(steps[1]["own_words"]["text"], "I was just");
    assert_eq!(steps[1]["own_words"]["time_ran_out"], true);
    assert!(steps[2].get("confidence").is_none(), "skipped");
}

#[test]
fn notice_first_asks_the_question_while_the_clock_waits() {
    let mut harness = harness(PracticeMode::NoticeFirst, false);
    harness.begin_scenario("practice");
    assert_eq!(phase(&harness), Phase::Noticing);
    harness.update(600);
    assert!(
        harness.session().engine.transcript().steps.is_empty(),
        "a minute on the question runs no clock out"
    );
    let first_shown = harness.session().engine.probe_answers()[0].0;
    harness.press(KeyCode::Digit1);
    assert_eq!(phase(&harness), Phase::Noticed, "its feedback shows");
    harness.press(KeyCode::Enter);
    assert_eq!(phase(&harness), Phase::Answering);
    assert!(
        harness.session().engine.remaining().is_some(),
        "the clock runs"
    );
    harness.act(Action::Choose("welcome".into()));
    let step = &harness.session().engine.transcript().steps[0];
    let probe = step.probe.as_ref().expect("the noticing answer is kept");
    assert_eq!(probe.picked, first_shown);
    assert_eq!(step.response, Response::Choice("welcome".into()));
}

#[test]
fn the_today_list_brings_a_costly_moment_back_the_next_day() {
    let mut harness = harness(PracticeMode::Choose, false);
    let day = |text| PracticeDay(parse_day(text).unwrap());
    harness.app.insert_resource(day("2026-12-01"));
    harness.begin_scenario("practice");
    for answer in ["cold", "stay", "sit"] {
        harness.act(Action::Choose(answer.into()));
        harness.act(Action::Continue);
    }
    assert_eq!(harness.state(), AppState::End);
    let schedule = harness.app.world().resource::<PracticeSchedule>();
    assert!(schedule.due(parse_day("2026-12-01").unwrap()).is_empty());
    let due_tomorrow = schedule.due(parse_day("2026-12-02").unwrap());
    assert_eq!(due_tomorrow.len(), 1);
    assert_eq!(due_tomorrow[0].node, "door");
    assert!(
        harness
            .app
            .world()
            .resource::<CurrentAttempt>()
            .attempt
            .is_some()
    );
    harness.act(Action::Leave);

    // The next day: the moment is on the list, played alone, from its state.
    harness.app.insert_resource(day("2026-12-02"));
    harness.act(Action::OpenToday);
    assert_eq!(harness.state(), AppState::Today);
    harness.act(Action::PractiseToday(0));
    assert_eq!(harness.state(), AppState::Play);
    assert!(harness.session().practice.is_some());
    assert_eq!(harness.session().engine.state().node, "door");
    harness.act(Action::Choose("welcome".into()));
    assert!(harness.shown_feedback().is_some(), "with its feedback");
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::Today, "back to the list");
    let notices = harness.app.world().resource::<Notices>();
    assert_eq!(
        notices.on(AppState::Today).collect::<Vec<_>>(),
        ["Practice: answered well; it comes back in 3 days (box 2 of 4)."]
    );
    let schedule = harness.app.world().resource::<PracticeSchedule>();
    assert!(schedule.due(parse_day("2026-12-02").unwrap()).is_empty());
    let item = &schedule.schedule.items[0];
    assert_eq!(item.box_index, 1, "answered well, up a box");
    assert_eq!(item.due, parse_day("2026-12-05").unwrap());
    assert_eq!(saved_attempts(&harness).len(), 1, "practice is no attempt");
    let kept = std::fs::read_to_string(harness._dirs.1.path().join("practice-schedule.json"))
        .expect("the schedule is kept in the data folder");
    assert!(kept.contains("2026-12-05"));
}
