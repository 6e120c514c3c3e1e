//! The glossary of the concepts the feedback names, each with its sources, and
//! the links from a piece of feedback to its entries.

use serde::Deserialize;

use super::model::Feedback;

/// The glossary shipped with Doorway (`assets/glossary.ron`).
const SHIPPED: &str = include_str!("../../assets/glossary.ron");

/// The most entries one piece of feedback links to.
const MAX_LINKS: usize = 3;

/// One concept.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub term: String,
    /// What it means, in plain words.
    pub gloss: String,
    /// What it looks like in a session.
    pub in_the_room: String,
    /// Full references.
    pub sources: Vec<String>,
    /// Words that link feedback to this entry when its concept or source
    /// mentions them (case does not matter).
    #[serde(default)]
    pub matches: Vec<String>,
    /// Answer tags that link to this entry; one ending in ":" matches every tag
    /// that starts with it.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Entry {
    /// Whether lower-cased `text` mentions one of the entry's words.
    fn mentioned_in(&self, text: &str) -> bool {
        self.matches
            .iter()
            .any(|word| text.contains(&word.to_lowercase()))
    }
}

/// Whether a wanted tag matches one of the answer's tags; a wanted tag ending
/// in ":" matches every tag with that prefix.
fn tag_matches(wanted: &str, tags: &[String]) -> bool {
    tags.iter().any(|tag| match wanted.strip_suffix(':') {
        Some(prefix) => tag
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(':')),
        None => tag == wanted,
    })
}

/// Every entry, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub entries: Vec<Entry>,
}

impl Glossary {
    /// The glossary built into the binary.
    pub fn shipped() -> Self {
        ron::from_str(SHIPPED).expect("the shipped glossary parses (a test checks it)")
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The entries a piece of feedback (and the answer's tags) links to, the
    /// best matches first: tags, then the concept's words, then the source's.
    pub fn links(&self, feedback: &Feedback, tags: &[String]) -> Vec<&Entry> {
        let concept = feedback.concept.to_lowercase();
        let source = feedback.source.to_lowercase();
        let mut ranked: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .filter_map(|entry| {
                let rank = if entry.tags.iter().any(|wanted| tag_matches(wanted, tags)) {
                    0
                } else if entry.mentioned_in(&concept) {
                    1
                } else if entry.mentioned_in(&source) {
                    2
                } else {
                    return None;
                };
                Some((rank, entry))
            })
            .collect();
        // A stable sort keeps the glossary's order within a rank.
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().take(MAX_LINKS).map(|(_, e)| e).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, load_str};
    use crate::core::shipped::SHIPPED_SCENARIOS;

    #[test]
    fn the_shipped_glossary_is_complete() {
        let glossary = Glossary::shipped();
        assert!(glossary.entries.len() >= 12);
        let mut ids: Vec<&str> = glossary.entries.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), glossary.entries.len(), "ids are unique");
        for entry in &glossary.entries {
            assert!(
                !entry.gloss.is_empty() && !entry.in_the_room.is_empty(),
                "{}",
                entry.id
            );
            assert!(!entry.sources.is_empty(), "{} has a source", entry.id);
        }
        for wanted in [
            "connection",
            "optimal-distance",
            "withdrawal-rupture",
            "confrontation-rupture",
            "immediate-repair",
            "exploratory-repair",
            "fis",
        ] {
            assert!(glossary.get(wanted).is_some(), "{wanted}");
        }
    }

    #[test]
    fn feedback_links_by_tag_then_concept_then_source() {
        let glossary = Glossary::shipped();
        let feedback = Feedback {
            relational: String::new(),
            client: String::new(),
            concept: "Too close: rescuing.".into(),
            source: "Bordin (1979)".into(),
            voice: None,
        };
        let ids = |tags: &[&str]| -> Vec<String> {
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            glossary
                .links(&feedback, &tags)
                .iter()
                .map(|e| e.id.clone())
                .collect()
        };
        assert_eq!(ids(&[]), ["optimal-distance", "frame"]);
        assert_eq!(
            ids(&["3RS:withdrawal"]),
            ["withdrawal-rupture", "optimal-distance", "frame"]
        );
        assert_eq!(
            ids(&["FIS:empathy"])[0],
            "fis",
            "a prefix tag matches any FIS item"
        );
        assert!(!ids(&["FISH:x"]).contains(&"fis".to_owned()));
    }

    #[test]
    fn every_piece_of_shipped_feedback_links_to_the_glossary() {
        let glossary = Glossary::shipped();
        let mut unlinked = Vec::new();
        for (name, text) in SHIPPED_SCENARIOS {
            let scenario = load_str(name, (*text).to_owned(), LoadOptions::default())
                .scenario
                .expect("it loads");
            for node in scenario.nodes() {
                let answers = node
                    .choices
                    .iter()
                    .map(|c| (c.id.as_str(), c.feedback.as_ref(), c.tags.as_slice()))
                    .chain(
                        node.timeout
                            .as_ref()
                            .map(|t| ("(timeout)", t.feedback.as_ref(), t.tags.as_slice())),
                    );
                for (id, feedback, tags) in answers {
                    let feedback = feedback.expect("every answer has feedback");
                    if glossary.links(feedback, tags).is_empty() {
                        unlinked.push(format!(
                            "{name}: {}/{id}: \"{}\" ({})",
                            node.id, feedback.concept, feedback.source
                        ));
                    }
                }
            }
        }
        assert!(
            unlinked.is_empty(),
            "linked to no entry:\n{}",
            unlinked.join("\n")
        );
    }
}
