//! What an import found wrong, each problem placed where a spreadsheet user
//! looks for it: a row as the spreadsheet numbers it (the header is row 1) and a
//! column by its header; or, for what the sheet does not carry, the place in
//! the scenario file.

use std::fmt;

use crate::core::diagnostic::Severity;

use super::columns::Column;
use super::values::CellError;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The sheet as a whole (it cannot be read, or has no header row).
    Sheet,
    /// A row of the sheet, at a column when one is at fault.
    Row { row: usize, column: Option<Column> },
    /// A header cell, by what it says.
    Header { written: String },
    /// Something the scenario file holds and the sheet does not, named by its
    /// path in the scenario (`acts[0].deadlines[1].node`), with the moment's row
    /// when it belongs to a moment of the sheet.
    Scenario { path: String, row: Option<usize> },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Sheet => write!(f, "the sheet"),
            Place::Row { row, column: None } => write!(f, "row {row}"),
            Place::Row {
                row,
                column: Some(column),
            } => write!(f, "row {row}, {}", column.header()),
            Place::Header { written } => write!(f, "row 1, the column \"{written}\""),
            Place::Scenario {
                path,
                row: Some(row),
            } => write!(f, "row {row} (in the scenario file: {path})"),
            Place::Scenario { path, row: None } => write!(f, "the scenario file, at {path}"),
        }
    }
}

/// One problem: how serious, where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    pub severity: Severity,
    pub place: Place,
    pub message: String,
    pub help: Option<String>,
    /// The validator's code for the problem, when the validator found it.
    pub code: Option<&'static str>,
}

impl SheetProblem {
    /// An error at `place`.
    pub(super) fn error(place: Place, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            place,
            message: message.into(),
            help: None,
            code: None,
        }
    }

    /// An error in one cell.
    pub(super) fn in_cell(row: usize, column: Column, message: impl Into<String>) -> Self {
        Self::error(
            Place::Row {
                row,
                column: Some(column),
            },
            message,
        )
    }

    /// An error in one cell that could not be read.
    pub(super) fn unreadable_cell(row: usize, column: Column, error: CellError) -> Self {
        let mut problem = Self::in_cell(row, column, error.message);
        problem.help = error.help;
        problem
    }

    /// Adds how to fix it.
    pub(super) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether the problem stops the import.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for SheetProblem {
    /// One line: `row 12, leads to: "r2_opne" is not a moment; did you mean "r2_open"?`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        if let Some(code) = self.code {
            write!(f, " [{code}]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_as_one_line_with_its_row_column_and_fix() {
        let problem = SheetProblem::in_cell(12, Column::LeadsTo, "\"r2_opne\" is not a moment")
            .with_help("did you mean \"r2_open\"?");
        assert_eq!(
            problem.to_string(),
            "row 12, leads to: \"r2_opne\" is not a moment; did you mean \"r2_open\"?"
        );
        let elsewhere = SheetProblem::error(
            Place::Scenario {
                path: "acts[0].deadlines[0].node".into(),
                row: None,
            },
            "the deadline names \"gone\", which does not exist",
        );
        assert_eq!(
            elsewhere.to_string(),
            "the scenario file, at acts[0].deadlines[0].node: the deadline names \"gone\", which does not exist"
        );
    }
}
