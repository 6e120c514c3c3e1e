//! Applying a string table: the scenario with each text replaced by its
//! translation, given its own id and marked as a translation.

use super::extract::{Status, status};
use super::part::{PartError, first_acts};
use super::table::StringTable;
use super::texts::texts_mut;
use crate::core::model::{Review, Scenario, Translation};

/// What a translation is, besides its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The language of the translation, as a two-letter code ("es").
    pub language: String,
    pub review: Review,
    /// A word about the translation, in its language.
    pub note: String,
    /// Translate only the first acts: how many.
    pub acts: Option<usize>,
}

/// The translated scenario, and what it lacks.
#[derive(Debug, Clone)]
pub struct Applied {
    pub scenario: Scenario,
    /// Ids of the texts the table does not translate: they are left in the
    /// source language.
    pub missing: Vec<String>,
    /// Ids of the texts translated from another wording of the source: their
    /// old translation is used.
    pub stale: Vec<String>,
    /// Ids in the table that name no text of the scenario.
    pub unknown: Vec<String>,
}

impl Applied {
    /// Whether every text is translated from its current source.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty()
    }
}

/// The id of a translation of the scenario `of` into `language`: `drop-in.es`.
/// Attempts are kept by scenario id, so a trainee's attempts at the
/// translation stay apart from those at the original.
pub fn translated_id(of: &str, language: &str) -> String {
    format!("{of}.{language}")
}

/// `source` translated by `table` into `target`'s language.
pub fn apply(
    source: &Scenario,
    table: &StringTable,
    target: &Target,
) -> Result<Applied, PartError> {
    let mut scenario = match target.acts {
        Some(acts) => first_acts(source, acts)?,
        None => source.clone(),
    };
    let (mut missing, mut stale) = (Vec::new(), Vec::new());
    let mut known = std::collections::HashSet::new();
    for text in texts_mut(&mut scenario) {
        let row = table.row(&text.id);
        match status(row, text.text) {
            Status::Missing => missing.push(text.id.clone()),
            Status::Stale => stale.push(text.id.clone()),
            Status::Current => {}
        }
        if let Some(row) = row.filter(|row| row.is_translated()) {
            *text.text = row.translation.clone();
        }
        known.insert(text.id);
    }
    let unknown = table
        .rows
        .iter()
        .filter(|row| !known.contains(row.id.as_str()))
        .map(|row| row.id.clone())
        .collect();
    let of = source
        .translation
        .as_ref()
        .map_or_else(|| source.id.clone(), |t| t.of.clone());
    scenario.id = translated_id(&of, &target.language);
    scenario.language = target.language.clone();
    scenario.translation = Some(Translation {
        of,
        review: target.review,
        acts: target.acts,
        note: target.note.clone(),
    });
    Ok(Applied {
        scenario,
        missing,
        stale,
        unknown,
    })
}
