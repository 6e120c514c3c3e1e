//! Ids made from words, and renamed everywhere they are used, so that an author
//! never types an id twice.

use crate::core::model::{Condition, Scenario, Step};

/// How many words of the text an id is made from.
const WORDS_IN_ID: usize = 4;

/// An id made from the first words of `words`: lower case, letters and digits
/// joined by `_`, a contraction kept as one word ("Theo! It's good to see
/// you." gives `theo_its_good_to`), or `fallback` when the words have no
/// letters or digits.
pub fn id_from_words(words: &str, fallback: &str) -> String {
    let id = words
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .map(plain_letter)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(WORDS_IN_ID)
        .collect::<Vec<_>>()
        .join("_");
    if id.is_empty() {
        fallback.to_owned()
    } else {
        id
    }
}

/// A letter without its accent where that is a plain letter ("í" as "i"), so
/// that ids stay easy to type in a search.
fn plain_letter(c: char) -> char {
    const ACCENTED: [(&str, char); 6] = [
        ("àáâãäå", 'a'),
        ("èéêë", 'e'),
        ("ìíîï", 'i'),
        ("òóôõö", 'o'),
        ("ùúûü", 'u'),
        ("ñ", 'n'),
    ];
    ACCENTED
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map_or(c, |&(_, plain)| plain)
}

/// `base`, or `base_2`, `base_3`… whichever is not taken.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken(id))
        .expect("some numbered id is free")
}

/// Whether any moment of the scenario has this id.
pub(super) fn moment_taken(scenario: &Scenario, id: &str) -> bool {
    scenario.nodes().any(|n| n.id == id)
}

/// Whether any answer of the scenario has this id.
pub(super) fn answer_taken(scenario: &Scenario, id: &str) -> bool {
    scenario
        .nodes()
        .flat_map(|n| n.choices.iter())
        .any(|c| c.id == id)
}

/// Renames a moment and every reference to it: the start, answers, timeouts,
/// deadlines, conditions, entry points and expectations.
pub fn rename_moment(scenario: &mut Scenario, from: &str, to: &str) {
    let rename = |id: &mut String| {
        if id == from {
            *id = to.to_owned();
        }
    };
    rename(&mut scenario.start);
    for act in &mut scenario.acts {
        for deadline in &mut act.deadlines {
            rename(&mut deadline.node);
        }
        for node in &mut act.nodes {
            rename(&mut node.id);
            if let Some(timeout) = &mut node.timeout {
                rename(&mut timeout.target);
            }
            for choice in &mut node.choices {
                rename(&mut choice.target);
                for condition in &mut choice.when {
                    if let Condition::Visited(id) | Condition::NotVisited(id) = condition {
                        rename(id);
                    }
                }
            }
        }
    }
    for entry in &mut scenario.entry_points {
        rename(&mut entry.node);
        entry.visited.iter_mut().for_each(rename);
    }
    for expectation in &mut scenario.expectations {
        if let Some(node) = &mut expectation.node {
            rename(node);
        }
    }
}

/// Renames an answer and the expectations' steps that choose it.
pub fn rename_answer(scenario: &mut Scenario, from: &str, to: &str) {
    for choice in scenario
        .acts
        .iter_mut()
        .flat_map(|a| a.nodes.iter_mut())
        .flat_map(|n| n.choices.iter_mut())
        .filter(|c| c.id == from)
    {
        to.clone_into(&mut choice.id);
    }
    for step in scenario
        .expectations
        .iter_mut()
        .flat_map(|e| e.steps.iter_mut())
    {
        if let Step::Choose(id) = step
            && id == from
        {
            to.clone_into(id);
        }
    }
}

/// Renames a character and every moment and feedback that names it.
pub fn rename_character(scenario: &mut Scenario, from: &str, to: &str) {
    for character in scenario.characters.iter_mut().filter(|c| c.id == from) {
        to.clone_into(&mut character.id);
    }
    let rename = |id: &mut Option<String>| {
        if id.as_deref() == Some(from) {
            *id = Some(to.to_owned());
        }
    };
    for act in &mut scenario.acts {
        rename(&mut act.client);
    }
    for node in scenario.acts.iter_mut().flat_map(|a| a.nodes.iter_mut()) {
        rename(&mut node.speaker);
        rename(&mut node.felt_by);
        let feedback = node
            .choices
            .iter_mut()
            .filter_map(|c| c.feedback.as_mut())
            .chain(node.timeout.iter_mut().filter_map(|t| t.feedback.as_mut()));
        for feedback in feedback {
            rename(&mut feedback.voice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_the_first_words() {
        assert_eq!(id_from_words("Is this a bad time?", "x"), "is_this_a_bad");
        assert_eq!(id_from_words("  Lucía's form  ", "x"), "lucias_form");
        assert_eq!(
            id_from_words("Theo! It's good to see you.", "x"),
            "theo_its_good_to"
        );
        assert_eq!(id_from_words("...", "moment"), "moment");
    }

    #[test]
    fn a_taken_id_is_numbered() {
        let taken = ["door", "door_2"];
        assert_eq!(unique_id("door", |id| taken.contains(&id)), "door_3");
        assert_eq!(unique_id("hall", |id| taken.contains(&id)), "hall");
    }
}
