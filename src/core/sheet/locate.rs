//! Placing the validator's findings on the sheet: a path such as
//! `acts[0].nodes[2].choices[1].target` becomes the row of that answer and the
//! column "leads to"; what the sheet does not carry (a moment's alternatives,
//! an answer's conditions) is named by its path with the moment's or answer's
//! row; the rest (characters, deadlines, expectations) by its path in the file.

use super::build::RowMap;
use super::columns::Column;
use super::problems::{Place, SheetProblem};
use crate::core::diagnostic::{Diagnostic, Location};

/// The validator's finding as a sheet problem.
pub(super) fn sheet_problem(diagnostic: Diagnostic, rows: &RowMap) -> SheetProblem {
    let mut place = match &diagnostic.location {
        // The validator places what concerns the scenario as a whole at its id.
        Location::Path(path) if path != "id" => place_of(path, rows),
        _ => Place::Sheet,
    };
    let said_for_sheet = in_sheet_words(diagnostic.code);
    if let (Some((_, Some(cell))), Place::Row { column, .. }) = (said_for_sheet, &mut place) {
        *column = Some(cell);
    }
    SheetProblem {
        severity: diagnostic.severity,
        place,
        message: diagnostic.message,
        help: said_for_sheet
            .map(|(help, _)| help.to_owned())
            .or(diagnostic.help),
        code: Some(diagnostic.code),
    }
}

/// How to fix, in the sheet's terms, the problems whose usual hint is written
/// in the scenario file's notation; with the column to fix it in when the
/// validator's path names another.
fn in_sheet_words(code: &str) -> Option<(&'static str, Option<Column>)> {
    Some(match code {
        "missing-timeout" => (
            "add a row whose answer id is (time runs out), saying where the moment goes when nobody answers",
            None,
        ),
        "timeout-without-limit" => (
            "give the moment a time limit (s), or take out its (time runs out) row",
            None,
        ),
        "missing-feedback" => (
            "fill in what it did, what the client may have felt, concept and source",
            Some(Column::WhatItDid),
        ),
        "unrated-answer" => (
            "write Skilled, Good enough or Costly",
            Some(Column::Quality),
        ),
        "no-top-answer" => (
            "write Skilled in the quality of the answers that show the skill well",
            None,
        ),
        _ => return None,
    })
}

fn place_of(path: &str, rows: &RowMap) -> Place {
    let elsewhere = |row: Option<usize>| Place::Scenario {
        path: path.to_owned(),
        row,
    };
    let Some((act, rest)) = index_after(path, "acts[") else {
        return elsewhere(None);
    };
    let Some((node, rest)) = rest
        .strip_prefix('.')
        .and_then(|rest| index_after(rest, "nodes["))
    else {
        return elsewhere(None);
    };
    let Some(moment) = rows.acts.get(act).and_then(|nodes| nodes.get(node)) else {
        return elsewhere(None);
    };
    let first_row = moment.by_column[Column::Moment.index()];
    let field = first_field(rest);
    if field == "choices" {
        let answer = rest
            .strip_prefix(".")
            .and_then(|rest| index_after(rest, "choices["))
            .and_then(|(c, rest)| Some((*moment.answers.get(c)?, rest)));
        return match answer {
            Some((row, rest)) => cell_or_elsewhere(row, answer_column(rest), path),
            None => Place::Row {
                row: first_row,
                column: Some(Column::Moment),
            },
        };
    }
    if field == "timeout" {
        let row = moment.time_runs_out.unwrap_or(first_row);
        let after = rest.strip_prefix(".timeout").unwrap_or_default();
        return cell_or_elsewhere(row, answer_column(after), path);
    }
    match moment_column(field) {
        Some(column) => Place::Row {
            row: moment.by_column[column.index()],
            column: Some(column),
        },
        None => elsewhere(Some(first_row)),
    }
}

fn cell_or_elsewhere(row: usize, column: Option<Option<Column>>, path: &str) -> Place {
    match column {
        Some(column) => Place::Row { row, column },
        None => Place::Scenario {
            path: path.to_owned(),
            row: Some(row),
        },
    }
}

/// `rest` after `prefix` and a number in brackets: `acts[3].x` gives (3, ".x").
fn index_after<'p>(path: &'p str, prefix: &str) -> Option<(usize, &'p str)> {
    let rest = path.strip_prefix(prefix)?;
    let (number, rest) = rest.split_once(']')?;
    Some((number.parse().ok()?, rest))
}

/// The first field named in `.field.more` or `.field[1]`; empty for none.
fn first_field(rest: &str) -> &str {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    &rest[..end]
}

/// The column of a moment's field; none for a field the sheet does not carry.
fn moment_column(field: &str) -> Option<Column> {
    Some(match field {
        "" | "id" => Column::Moment,
        "speaker" => Column::Speaker,
        "text" => Column::SpeakerSays,
        "narration" => Column::Narration,
        "inner" => Column::InnerVoice,
        "time_limit" => Column::TimeLimit,
        "ending" => Column::Ending,
        _ => return None,
    })
}

/// The column of an answer's field, from the path after the answer:
/// `Some(None)` for the answer as a whole, none for a field the sheet does not
/// carry.
fn answer_column(rest: &str) -> Option<Option<Column>> {
    let field = first_field(rest);
    Some(Some(match field {
        "" => return Some(None),
        "id" => Column::AnswerId,
        "says" => Column::TraineeSays,
        "target" => Column::LeadsTo,
        "minutes" => Column::Minutes,
        "effects" => Column::Effects,
        "rupture" => Column::Rupture,
        "quality" | "exemplar" => Column::Quality,
        "tags" => Column::Tags,
        "feedback" => {
            let part = rest.strip_prefix(".feedback").unwrap_or_default();
            match first_field(part) {
                "" | "relational" => Column::WhatItDid,
                "client" => Column::ClientFelt,
                "concept" => Column::Concept,
                "source" => Column::Source,
                _ => return None,
            }
        }
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sheet::build::MomentRows;
    use crate::core::sheet::columns::COLUMN_COUNT;

    fn rows() -> RowMap {
        let mut by_column = [2; COLUMN_COUNT];
        by_column[Column::SpeakerSays.index()] = 3;
        RowMap {
            acts: vec![vec![MomentRows {
                by_column,
                answers: vec![2, 3],
                time_runs_out: Some(4),
            }]],
        }
    }

    fn place(path: &str) -> String {
        place_of(path, &rows()).to_string()
    }

    #[test]
    fn paths_of_moments_and_answers_become_rows_and_columns() {
        assert_eq!(
            place("acts[0].nodes[0].choices[1].target"),
            "row 3, leads to"
        );
        assert_eq!(
            place("acts[0].nodes[0].choices[0].feedback.source"),
            "row 2, source"
        );
        assert_eq!(
            place("acts[0].nodes[0].choices[0].feedback"),
            "row 2, what it did"
        );
        assert_eq!(place("acts[0].nodes[0].choices[1]"), "row 3");
        assert_eq!(place("acts[0].nodes[0].text"), "row 3, speaker says");
        assert_eq!(place("acts[0].nodes[0].timeout.effects"), "row 4, effects");
        assert_eq!(place("acts[0].nodes[0].ending.kind"), "row 2, ending");
        assert_eq!(place("acts[0].nodes[0].choices"), "row 2, moment");
    }

    #[test]
    fn hints_in_the_files_notation_are_said_for_the_sheet() {
        let diagnostic = Diagnostic::warning(
            "missing-feedback",
            "acts[0].nodes[0].choices[1].id",
            "the choice \"x\" has no feedback",
        )
        .with_help("add `feedback: Feedback(...)`");
        assert_eq!(
            sheet_problem(diagnostic, &rows()).to_string(),
            "row 3, what it did: the choice \"x\" has no feedback; fill in what it did, \
             what the client may have felt, concept and source [missing-feedback]"
        );
    }

    #[test]
    fn what_the_sheet_does_not_carry_is_named_in_the_file() {
        assert_eq!(
            place("acts[0].nodes[0].choices[1].when[0]"),
            "row 3 (in the scenario file: acts[0].nodes[0].choices[1].when[0])"
        );
        assert_eq!(
            place("acts[0].nodes[0].alternatives[1]"),
            "row 2 (in the scenario file: acts[0].nodes[0].alternatives[1])"
        );
        assert_eq!(
            place("acts[0].deadlines[0].node"),
            "the scenario file, at acts[0].deadlines[0].node"
        );
        assert_eq!(place("start"), "the scenario file, at start");
        assert_eq!(
            place("acts[0].nodes[0].choices[0].feedback.voice"),
            "row 2 (in the scenario file: acts[0].nodes[0].choices[0].feedback.voice)"
        );
    }
}
