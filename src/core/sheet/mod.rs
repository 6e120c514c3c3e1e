//! The spreadsheet round trip: a scenario's moments and answers exported as
//! CSV, one row per answer, to draft and revise in a spreadsheet; and the sheet
//! imported back into the scenario file.
//!
//! A sheet cannot carry everything a scenario holds (characters, acts and their
//! clocks, sources, noticing probes, entry points, expectations...), so an
//! import merges into a base scenario: what the sheet carries replaces the
//! base's values and everything else is kept. A sheet that comes back
//! unchanged builds a scenario equal to the base, so nothing needs writing.
//! Every problem is reported with its row and column, and the validator's
//! findings on the built scenario too.

mod build;
mod changes;
mod columns;
mod export;
mod group;
mod locate;
mod problems;
mod table;
mod values;

pub use changes::{AnswerName, Changes};
pub use columns::{Column, TIME_RUNS_OUT};
pub use export::export_csv;
pub use problems::{Place, SheetProblem};
pub use table::Separator;

use crate::core::model::Scenario;
use crate::core::validate::validate;

/// A scenario built from a sheet.
#[derive(Debug, Clone)]
pub struct Imported {
    pub scenario: Scenario,
    /// Whether the scenario equals the base: there is nothing to write.
    pub unchanged: bool,
    pub changes: Changes,
    /// Warnings and notes: the validator's, and columns that were not read.
    pub problems: Vec<SheetProblem>,
}

/// Builds a scenario from CSV bytes and a base scenario, or returns every
/// problem found (errors, and the warnings and notes beside them).
pub fn import_csv(bytes: &[u8], base: &Scenario) -> Result<Imported, Vec<SheetProblem>> {
    let table = table::read_csv(bytes)?;
    let (moments, mut problems) = group::group(&table);
    if moments.is_empty() && problems.is_empty() {
        problems.push(
            SheetProblem::error(Place::Sheet, "the sheet has no rows below its header").with_help(
                "start from `doorway sheet export`, which writes every moment and answer",
            ),
        );
    }
    let built = build::build(base, &table.layout, &moments);
    let mut found = table.notes;
    let (scenario, changes, rows) = match built {
        Ok(built) if problems.is_empty() => built,
        Ok(_) => return Err(in_sheet_order(found, problems)),
        Err(more) => {
            problems.extend(more);
            return Err(in_sheet_order(found, problems));
        }
    };
    found.extend(
        validate(&scenario)
            .into_iter()
            .map(|diagnostic| locate::sheet_problem(diagnostic, &rows)),
    );
    let found = in_sheet_order(found, Vec::new());
    if found.iter().any(SheetProblem::is_error) {
        return Err(found);
    }
    Ok(Imported {
        unchanged: scenario == *base,
        scenario,
        changes,
        problems: found,
    })
}

/// Whether a fresh export of `scenario` can replace the sheet `bytes` without
/// losing anything typed in it: Doorway reads every column of the sheet, and
/// the sheet imports into `scenario` without a change. A sheet whose edits were
/// just imported is one, whatever ids it left blank and however the spreadsheet
/// wrote its cells.
pub fn is_imported(bytes: &[u8], scenario: &Scenario) -> bool {
    let reads_every_column = table::read_csv(bytes)
        .is_ok_and(|table| table.layout.positions.iter().all(Option::is_some));
    reads_every_column && import_csv(bytes, scenario).is_ok_and(|imported| imported.unchanged)
}

/// The problems by row and column, those about the sheet as a whole first and
/// those about the rest of the scenario file last.
fn in_sheet_order(mut first: Vec<SheetProblem>, then: Vec<SheetProblem>) -> Vec<SheetProblem> {
    first.extend(then);
    first.sort_by_key(|problem| match &problem.place {
        Place::Sheet => (0, 0),
        Place::Header { .. } => (1, 0),
        Place::Row { row, column } => (*row, column.map_or(0, |c| c.index() + 1)),
        Place::Scenario { row, .. } => (row.unwrap_or(usize::MAX), usize::MAX),
    });
    first
}

#[cfg(test)]
mod tests;
