//! Extraction: a scenario's texts as a string table, keeping the translations
//! of a table extracted before. A translation whose source text has changed
//! since keeps the lock of the old text, so it shows as stale until a
//! translator brings it up to date.

use super::table::{Row, StringTable, lock};
use super::texts::texts_mut;
use crate::core::model::Scenario;

/// Where a text's translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not translated yet.
    Missing,
    /// Translated from another wording of the source: its lock is not the
    /// current source's.
    Stale,
    /// Translated from the current source.
    Current,
}

/// Where the translation in `row` stands against `source`, the text as the
/// scenario has it now.
pub fn status(row: Option<&Row>, source: &str) -> Status {
    match row {
        Some(row) if row.is_translated() => {
            if row.effective_lock() == lock(source) {
                Status::Current
            } else {
                Status::Stale
            }
        }
        _ => Status::Missing,
    }
}

/// A freshly extracted table, and what became of the old one's rows.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub table: StringTable,
    /// Ids of the texts not translated yet.
    pub missing: Vec<String>,
    /// Ids of the texts whose translation was made from another wording.
    pub stale: Vec<String>,
    /// Ids of the translated rows of the old table that the scenario no longer
    /// has (see [`Unused`]).
    pub unused: Vec<String>,
}

/// What becomes of a translated row whose text the scenario no longer has
/// (its node was removed or renamed, or the table is now extracted for fewer
/// acts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unused {
    /// Kept at the end of the table, marked, so no translation is lost.
    Keep,
    /// Left out of the new table.
    Drop,
}

/// The comment that marks a stale row, before the text's own comment.
const STALE_MARK: &str = "STALE";

/// The comment that marks a row kept for a text the scenario no longer has.
const UNUSED_MARK: &str =
    "UNUSED: the scenario no longer has this text; kept so that its translation is not lost";

/// The table of `scenario`'s texts, carrying over the translations of
/// `previous` (a table extracted before) by id.
pub fn extract(scenario: &Scenario, previous: Option<&StringTable>, unused: Unused) -> Extraction {
    let mut scenario = scenario.clone();
    let texts = texts_mut(&mut scenario);
    let old = |id: &str| previous.and_then(|table| table.row(id));
    let (mut missing, mut stale) = (Vec::new(), Vec::new());
    let rows = texts
        .into_iter()
        .map(|text| {
            let source = text.text.clone();
            let before = old(&text.id);
            let mut row = Row {
                id: text.id.clone(),
                lock: lock(&source),
                translation: String::new(),
                comment: text.comment,
                source,
                line: 0,
            };
            match status(before, &row.source) {
                Status::Missing => missing.push(text.id),
                Status::Current => {
                    let before = before.expect("a current row exists");
                    row.translation = before.translation.clone();
                }
                Status::Stale => {
                    let before = before.expect("a stale row exists");
                    row.translation = before.translation.clone();
                    row.lock = before.effective_lock();
                    row.comment = if before.source == row.source {
                        before.comment.clone()
                    } else {
                        format!(
                            "{STALE_MARK}: the source changed; update the translation, then empty the lock. It was: \"{}\". {}",
                            before.source, row.comment
                        )
                    };
                    stale.push(text.id);
                }
            }
            row
        })
        .collect::<Vec<_>>();
    let gone: Vec<Row> = previous
        .map(|table| {
            table
                .rows
                .iter()
                .filter(|old| old.is_translated() && !rows.iter().any(|row| row.id == old.id))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let unused_ids = gone.iter().map(|row| row.id.clone()).collect();
    let mut rows = rows;
    if unused == Unused::Keep {
        rows.extend(gone.into_iter().map(|row| Row {
            comment: if row.comment.starts_with(UNUSED_MARK) {
                row.comment
            } else {
                format!("{UNUSED_MARK}. {}", row.comment)
            },
            line: 0,
            ..row
        }));
    }
    Extraction {
        table: StringTable { rows },
        missing,
        stale,
        unused: unused_ids,
    }
}
