//! The edits the editor offers besides typing into a field: adding and removing
//! moments and answers. Each keeps every id unique and every reference whole.

use std::collections::BTreeSet;

use super::ids::{answer_taken, id_from_words, moment_taken, unique_id};
use crate::core::model::{Character, Choice, Node, Role, Scenario};

/// Where a moment is: its act and its place in the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MomentAt {
    pub act: usize,
    pub node: usize,
}

/// Finds the moment with this id.
pub fn find_moment(scenario: &Scenario, id: &str) -> Option<MomentAt> {
    scenario.acts.iter().enumerate().find_map(|(act, a)| {
        a.nodes
            .iter()
            .position(|n| n.id == id)
            .map(|node| MomentAt { act, node })
    })
}

/// An answer with no words yet, taking a minute, leading to `target`.
pub(super) fn empty_answer(id: &str, target: &str) -> Choice {
    Choice {
        target: target.to_owned(),
        minutes: 1,
        ..Choice::empty(id)
    }
}

/// A moment with nothing in it yet, spoken by `speaker`.
pub(super) fn empty_moment(id: String, speaker: Option<String>) -> Node {
    Node {
        speaker,
        ..Node::empty(id)
    }
}

/// Adds an empty moment after `after` in its act (at the end of the first act
/// when `after` is none or unknown), spoken by the same speaker, and returns
/// its id.
pub(super) fn add_moment(scenario: &mut Scenario, after: Option<&str>) -> String {
    let id = unique_id(NEW_MOMENT, |id| moment_taken(scenario, id));
    let at = after.and_then(|after| find_moment(scenario, after));
    let speaker = at.and_then(|at| scenario.acts[at.act].nodes[at.node].speaker.clone());
    let moment = empty_moment(id.clone(), speaker);
    match at {
        Some(at) => scenario.acts[at.act].nodes.insert(at.node + 1, moment),
        None => {
            if let Some(act) = scenario.acts.first_mut() {
                act.nodes.push(moment);
            }
        }
    }
    id
}

/// Adds an answer to the moment `node`, leading to the next moment of the act
/// (the moment itself at the end of an act), so that it leads somewhere to
/// change rather than nowhere; returns its id.
pub(super) fn add_answer(scenario: &mut Scenario, node: &str) -> Option<String> {
    let at = find_moment(scenario, node)?;
    let id = unique_id(&format!("{node}_answer"), |id| answer_taken(scenario, id));
    let next = scenario.acts[at.act]
        .nodes
        .get(at.node + 1)
        .map(|n| n.id.clone());
    let target = next.unwrap_or_else(|| node.to_owned());
    let choice = empty_answer(&id, &target);
    scenario.acts[at.act].nodes[at.node].choices.push(choice);
    Some(id)
}

/// Adds a new moment after `node` and points the answer `choice` of `node` at
/// it: "leads to a new moment". Returns the new moment's id.
pub fn lead_to_new_moment(scenario: &mut Scenario, node: &str, choice: usize) -> Option<String> {
    let at = find_moment(scenario, node)?;
    let says = scenario.acts[at.act].nodes[at.node]
        .choices
        .get(choice)?
        .says
        .clone();
    let speaker = scenario.acts[at.act].nodes[at.node].speaker.clone();
    let base = format!("after_{}", id_from_words(&says, "answer"));
    let id = unique_id(&base, |id| moment_taken(scenario, id));
    scenario.acts[at.act]
        .nodes
        .insert(at.node + 1, empty_moment(id.clone(), speaker));
    scenario.acts[at.act].nodes[at.node].choices[choice].target = id.clone();
    Some(id)
}

/// Removes a moment. References to it stay, for the checker to list as
/// answers that lead nowhere: the author decides where they go instead. When
/// play started there, it starts at the next moment now.
pub fn remove_moment(scenario: &mut Scenario, id: &str) -> bool {
    let Some(at) = find_moment(scenario, id) else {
        return false;
    };
    scenario.acts[at.act].nodes.remove(at.node);
    if scenario.start == id {
        let next = scenario.nodes().next().map(|n| n.id.clone());
        scenario.start = next.unwrap_or_default();
    }
    true
}

/// The start of the ids the editor gives new moments until they have words.
const NEW_MOMENT: &str = "new_moment";

/// Gives each moment, answer and character in `made` (ids the editor made
/// before there were words) an id made from its words once it has some,
/// renaming every reference, and takes it out of `made`: an id is named once.
/// Returns whether any id changed.
pub(super) fn name_new_ids(scenario: &mut Scenario, made: &mut BTreeSet<String>) -> bool {
    let mut renamed = false;
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .filter(|n| made.contains(&n.id) && !n.text.trim().is_empty())
        .map(|n| (n.id.clone(), n.text.clone()))
        .collect();
    for (old, text) in moments {
        made.remove(&old);
        let id = unique_id(&id_from_words(&text, NEW_MOMENT), |id| {
            id != old && moment_taken(scenario, id)
        });
        if id != old {
            super::ids::rename_moment(scenario, &old, &id);
            renamed = true;
        }
    }
    let answers: Vec<(String, String, String)> = scenario
        .nodes()
        .flat_map(|n| n.choices.iter().map(move |c| (n, c)))
        .filter(|(_, c)| made.contains(&c.id) && !c.says.trim().is_empty())
        .map(|(n, c)| (n.id.clone(), c.id.clone(), c.says.clone()))
        .collect();
    for (node, old, says) in answers {
        made.remove(&old);
        let base = format!("{node}_{}", id_from_words(&says, "answer"));
        let id = unique_id(&base, |id| id != old && answer_taken(scenario, id));
        if id != old {
            super::ids::rename_answer(scenario, &old, &id);
            renamed = true;
        }
    }
    let characters: Vec<(String, String)> = scenario
        .characters
        .iter()
        .filter(|c| made.contains(&c.id) && !c.name.trim().is_empty())
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    for (old, name) in characters {
        made.remove(&old);
        let id = unique_id(&id_from_words(&name, "character"), |id| {
            id != old && scenario.characters.iter().any(|c| c.id == id)
        });
        if id != old {
            super::ids::rename_character(scenario, &old, &id);
            renamed = true;
        }
    }
    renamed
}

/// Adds a character with no name yet, and returns its id.
pub(super) fn add_character(scenario: &mut Scenario) -> String {
    let id = unique_id("character", |id| {
        scenario.characters.iter().any(|c| c.id == id)
    });
    scenario.characters.push(Character {
        id: id.clone(),
        name: String::new(),
        role: Role::Client,
        description: String::new(),
    });
    id
}

/// Adds an empty moment at the end of the act at `act`, and returns its id.
pub(super) fn add_moment_to_act(scenario: &mut Scenario, act: usize) -> Option<String> {
    let id = unique_id(NEW_MOMENT, |id| moment_taken(scenario, id));
    scenario
        .acts
        .get_mut(act)?
        .nodes
        .push(Node::empty(id.clone()));
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::editor::blank::blank_scenario;

    #[test]
    fn a_new_moment_goes_after_the_one_selected_with_its_speaker() {
        let mut scenario = blank_scenario("s", "S");
        let id = add_moment(&mut scenario, Some("opening"));
        let ids: Vec<&str> = scenario.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["opening", id.as_str(), "ending"]);
        assert_eq!(scenario.acts[0].nodes[1].speaker.as_deref(), Some("client"));
        assert_ne!(add_moment(&mut scenario, None), id, "ids stay unique");
    }

    #[test]
    fn an_answer_can_lead_to_a_moment_made_for_it() {
        let mut scenario = blank_scenario("s", "S");
        let answer = add_answer(&mut scenario, "opening").expect("the moment exists");
        let index = scenario.acts[0].nodes[0]
            .choices
            .iter()
            .position(|c| c.id == answer)
            .expect("added");
        scenario.acts[0].nodes[0].choices[index].says = "Come in, I have ten minutes.".into();
        let moment = lead_to_new_moment(&mut scenario, "opening", index).expect("made");
        assert_eq!(moment, "after_come_in_i_have");
        assert_eq!(scenario.acts[0].nodes[0].choices[index].target, moment);
        let mut made = BTreeSet::from([answer.clone()]);
        assert!(name_new_ids(&mut scenario, &mut made));
        assert_eq!(
            scenario.acts[0].nodes[0].choices[index].id,
            "opening_come_in_i_have"
        );
        assert!(made.is_empty());
        scenario.acts[0].nodes[0].choices[index].says = "Answer her question".into();
        assert!(!name_new_ids(&mut scenario, &mut made), "named once");
    }
}

#[cfg(test)]
mod naming_tests {
    use super::*;
    use crate::core::editor::blank::blank_scenario;

    #[test]
    fn an_id_that_is_already_its_words_stays_and_hand_written_ids_are_left_alone() {
        let mut scenario = blank_scenario("s", "S");
        let id = add_moment(&mut scenario, None);
        let at = find_moment(&scenario, &id).expect("added");
        scenario.acts[at.act].nodes[at.node].text = "…".into();
        let mut made = BTreeSet::from([id.clone()]);
        assert!(
            !name_new_ids(&mut scenario, &mut made),
            "no words: the id stays"
        );
        assert!(
            !name_new_ids(&mut scenario, &mut BTreeSet::new()),
            "and no flip"
        );
        assert!(find_moment(&scenario, &id).is_some());
        scenario.acts[0].nodes[0].choices[0].id = "opening_answer_a".into();
        scenario.acts[0].nodes[0].choices[0].says = "Come in".into();
        assert!(!name_new_ids(&mut scenario, &mut BTreeSet::new()));
        assert_eq!(scenario.acts[0].nodes[0].choices[0].id, "opening_answer_a");
    }

    #[test]
    fn removing_the_first_moment_moves_the_start() {
        let mut scenario = blank_scenario("s", "S");
        assert!(remove_moment(&mut scenario, "opening"));
        assert_eq!(scenario.start, "ending");
    }
}
