//! The sheet's columns: their headers in plain words, which of them describe a
//! moment (filled on the moment's first row) and which an answer, and reading a
//! header row back into columns.

use crate::core::suggest::closest;

/// One column of the sheet, in the order an export writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Moment,
    Act,
    Speaker,
    Narration,
    SpeakerSays,
    InnerVoice,
    TimeLimit,
    AnswerId,
    TraineeSays,
    LeadsTo,
    Minutes,
    Effects,
    Rupture,
    Quality,
    WhatItDid,
    ClientFelt,
    Concept,
    Source,
    Tags,
    Ending,
    EndingTitle,
    EndingText,
}

/// How many columns there are.
pub(super) const COLUMN_COUNT: usize = Column::ALL.len();

impl Column {
    /// Every column, in the order an export writes them.
    pub const ALL: [Column; 22] = [
        Column::Moment,
        Column::Act,
        Column::Speaker,
        Column::Narration,
        Column::SpeakerSays,
        Column::InnerVoice,
        Column::TimeLimit,
        Column::AnswerId,
        Column::TraineeSays,
        Column::LeadsTo,
        Column::Minutes,
        Column::Effects,
        Column::Rupture,
        Column::Quality,
        Column::WhatItDid,
        Column::ClientFelt,
        Column::Concept,
        Column::Source,
        Column::Tags,
        Column::Ending,
        Column::EndingTitle,
        Column::EndingText,
    ];

    /// The header an export writes, in words an instructor uses.
    pub fn header(self) -> &'static str {
        match self {
            Column::Moment => "moment",
            Column::Act => "act",
            Column::Speaker => "speaker",
            Column::Narration => "narration",
            Column::SpeakerSays => "speaker says",
            Column::InnerVoice => "inner voice",
            Column::TimeLimit => "time limit (s)",
            Column::AnswerId => "answer id",
            Column::TraineeSays => "trainee says",
            Column::LeadsTo => "leads to",
            Column::Minutes => "minutes",
            Column::Effects => "effects",
            Column::Rupture => "rupture",
            Column::Quality => "quality",
            Column::WhatItDid => "what it did",
            Column::ClientFelt => "what the client may have felt",
            Column::Concept => "concept",
            Column::Source => "source",
            Column::Tags => "tags",
            Column::Ending => "ending",
            Column::EndingTitle => "ending title",
            Column::EndingText => "ending text",
        }
    }

    /// Where this column is kept in a row of cells.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the column describes the moment rather than one answer: filled on
    /// the moment's first row only, and may be on any of its rows on import.
    pub fn is_moment_level(self) -> bool {
        matches!(
            self,
            Column::Act
                | Column::Speaker
                | Column::Narration
                | Column::SpeakerSays
                | Column::InnerVoice
                | Column::TimeLimit
                | Column::Ending
                | Column::EndingTitle
                | Column::EndingText
        )
    }

    /// Whether the column describes one answer (or the moment's time running out).
    pub fn is_answer_level(self) -> bool {
        self != Column::Moment && !self.is_moment_level()
    }

    /// Whether a sheet must have this column to be read back: the columns that
    /// say which moment and answer a row is, and where the answer leads.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Column::Moment | Column::AnswerId | Column::TraineeSays | Column::LeadsTo
        )
    }

    /// The column with this header, ignoring case and surrounding spaces.
    fn from_header(header: &str) -> Option<Column> {
        let wanted = header.trim();
        Column::ALL
            .into_iter()
            .find(|column| column.header().eq_ignore_ascii_case(wanted))
    }
}

/// The answer id written on the row that says what happens when a moment's time
/// runs out.
pub const TIME_RUNS_OUT: &str = "(time runs out)";

/// Whether an answer id cell names the moment's time running out (with or
/// without the brackets, in any case).
pub(super) fn is_time_runs_out(cell: &str) -> bool {
    let words = cell.trim().trim_start_matches('(').trim_end_matches(')');
    words.trim().eq_ignore_ascii_case("time runs out")
}

/// Which column each position of the header row holds.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// For each position, the column there; none for a column that is not read.
    pub(super) positions: Vec<Option<Column>>,
}

impl Layout {
    /// Whether the sheet has this column.
    pub(super) fn has(&self, column: Column) -> bool {
        self.positions.contains(&Some(column))
    }
}

/// What reading the header row found wrong, or worth saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HeaderProblem {
    /// A required column is missing.
    Missing(Column),
    /// A header close to a column's, likely misspelt.
    Misspelt { written: String, meant: Column },
    /// The same column twice.
    Twice { column: Column },
    /// A header that names no column, kept in the sheet and not read.
    NotRead { written: String },
}

/// Reads a header row: the columns found, and what was wrong with it.
pub(super) fn read_header(headers: &[String]) -> (Layout, Vec<HeaderProblem>) {
    let mut problems = Vec::new();
    let mut positions = Vec::with_capacity(headers.len());
    for header in headers {
        let column = Column::from_header(header);
        match column {
            Some(column) if positions.contains(&Some(column)) => {
                problems.push(HeaderProblem::Twice { column });
                positions.push(None);
            }
            Some(column) => positions.push(Some(column)),
            None => {
                positions.push(None);
                if header.trim().is_empty() {
                    continue;
                }
                let meant = closest(
                    &header.trim().to_lowercase(),
                    Column::ALL.iter().map(|c| c.header()),
                )
                .and_then(Column::from_header);
                problems.push(match meant {
                    Some(meant) if !positions.contains(&Some(meant)) => HeaderProblem::Misspelt {
                        written: header.trim().to_owned(),
                        meant,
                    },
                    _ => HeaderProblem::NotRead {
                        written: header.trim().to_owned(),
                    },
                });
            }
        }
    }
    let layout = Layout { positions };
    for column in Column::ALL {
        if column.is_required() && !layout.has(column) {
            let misspelt = problems
                .iter()
                .any(|p| matches!(p, HeaderProblem::Misspelt { meant, .. } if *meant == column));
            if !misspelt {
                problems.push(HeaderProblem::Missing(column));
            }
        }
    }
    (layout, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn every_column_reads_back_from_its_header() {
        let all: Vec<String> = Column::ALL.iter().map(|c| c.header().to_owned()).collect();
        let (layout, problems) = read_header(&all);
        assert!(problems.is_empty(), "{problems:?}");
        for (position, column) in Column::ALL.iter().enumerate() {
            assert_eq!(layout.positions[position], Some(*column));
            assert_eq!(column.index(), position);
        }
    }

    #[test]
    fn headers_are_read_in_any_case_and_order_with_columns_left_out() {
        let (layout, problems) = read_header(&headers(&[
            " Trainee Says ",
            "MOMENT",
            "leads to",
            "answer id",
        ]));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(layout.positions[1], Some(Column::Moment));
        assert!(!layout.has(Column::Effects));
    }

    #[test]
    fn a_misspelt_header_is_named_with_the_column_meant() {
        let (_, problems) = read_header(&headers(&[
            "moment",
            "answer id",
            "trainee says",
            "leads too",
            "my notes",
            "moment",
        ]));
        assert_eq!(
            problems,
            vec![
                HeaderProblem::Misspelt {
                    written: "leads too".into(),
                    meant: Column::LeadsTo
                },
                HeaderProblem::NotRead {
                    written: "my notes".into()
                },
                HeaderProblem::Twice {
                    column: Column::Moment
                },
            ]
        );
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let (_, problems) = read_header(&headers(&["moment", "trainee says"]));
        assert_eq!(
            problems,
            vec![
                HeaderProblem::Missing(Column::AnswerId),
                HeaderProblem::Missing(Column::LeadsTo)
            ]
        );
    }

    #[test]
    fn the_time_runs_out_row_is_recognised_loosely() {
        for cell in ["(time runs out)", " Time runs out ", "(TIME RUNS OUT)"] {
            assert!(is_time_runs_out(cell), "{cell}");
        }
        assert!(!is_time_runs_out("time_runs_out_here"));
    }
}
