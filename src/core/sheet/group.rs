//! Reading the rows of a sheet as moments and answers: which moment each row
//! belongs to (a blank moment cell continues the moment of the row above), the
//! moment's own cells gathered from whichever of its rows hold them, and the
//! answers with their ids, made from the words where the id cell is blank.

use std::collections::HashMap;

use super::columns::{COLUMN_COUNT, Column, is_time_runs_out};
use super::problems::SheetProblem;
use super::table::{SheetRow, Table};
use super::values::id_from_words;

/// A moment as the sheet gives it.
#[derive(Debug)]
pub(super) struct SheetMoment<'t> {
    pub(super) id: String,
    /// The moment's first row.
    pub(super) first_row: usize,
    /// For each moment-level column, the moment's value and the row it is on.
    values: [Option<(&'t str, usize)>; COLUMN_COUNT],
    pub(super) answers: Vec<SheetAnswer<'t>>,
    /// The row saying what happens when the moment's time runs out.
    pub(super) time_runs_out: Option<&'t SheetRow>,
}

impl SheetMoment<'_> {
    /// The moment's value in a moment-level column; blank when no row has one.
    pub(super) fn value(&self, column: Column) -> &str {
        self.values[column.index()].map_or("", |(value, _)| value)
    }

    /// The row a moment-level value is on: the moment's first row when no row
    /// has one.
    pub(super) fn row_of(&self, column: Column) -> usize {
        self.values[column.index()].map_or(self.first_row, |(_, row)| row)
    }
}

/// An answer as the sheet gives it.
#[derive(Debug)]
pub(super) struct SheetAnswer<'t> {
    pub(super) row: &'t SheetRow,
    pub(super) id: String,
    /// Whether the id was made from the words (the id cell was blank).
    pub(super) made: bool,
}

/// The sheet's moments in the order they first appear, or nothing and the
/// problems found (all of them) when rows cannot be placed.
pub(super) fn group(table: &Table) -> (Vec<SheetMoment<'_>>, Vec<SheetProblem>) {
    let mut moments: Vec<SheetMoment<'_>> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut current: Option<usize> = None;
    for row in table.rows.iter().filter(|row| !row.is_blank()) {
        let id = row.cell(Column::Moment);
        let index = if id.is_empty() {
            match current {
                Some(index) => index,
                None => {
                    problems.push(
                        SheetProblem::in_cell(row.number, Column::Moment, "this row has no moment")
                            .with_help("write the id of the moment the row belongs to"),
                    );
                    continue;
                }
            }
        } else if let Some(&index) = by_id.get(id) {
            index
        } else {
            by_id.insert(id, moments.len());
            moments.push(SheetMoment {
                id: id.to_owned(),
                first_row: row.number,
                values: [None; COLUMN_COUNT],
                answers: Vec::new(),
                time_runs_out: None,
            });
            moments.len() - 1
        };
        current = Some(index);
        let moment = &mut moments[index];
        gather_moment_values(moment, row, &mut problems);
        place_answer(moment, row, &mut problems);
    }
    for moment in &mut moments {
        check_answer_ids(moment, &mut problems);
        make_missing_ids(moment);
    }
    (moments, problems)
}

fn gather_moment_values<'t>(
    moment: &mut SheetMoment<'t>,
    row: &'t SheetRow,
    problems: &mut Vec<SheetProblem>,
) {
    for column in Column::ALL.into_iter().filter(|c| c.is_moment_level()) {
        let cell = row.cell(column);
        if cell.is_empty() {
            continue;
        }
        match moment.values[column.index()] {
            None => moment.values[column.index()] = Some((cell, row.number)),
            Some((earlier, _)) if earlier == cell => {}
            Some((earlier, earlier_row)) => problems.push(
                SheetProblem::in_cell(
                    row.number,
                    column,
                    format!(
                        "\"{}\" differs from row {earlier_row}, which says \"{}\" for the same moment \"{}\"",
                        short(cell),
                        short(earlier),
                        moment.id
                    ),
                )
                .with_help(
                    "write a moment's value once (or the same on each of its rows); \
                     to start a new moment, write its id in the moment column",
                ),
            ),
        }
    }
}

/// The start of a long text, to quote it in a message.
fn short(text: &str) -> String {
    const MOST: usize = 40;
    if text.chars().count() <= MOST {
        text.to_owned()
    } else {
        let start: String = text.chars().take(MOST).collect();
        format!("{}...", start.trim_end())
    }
}

fn place_answer<'t>(
    moment: &mut SheetMoment<'t>,
    row: &'t SheetRow,
    problems: &mut Vec<SheetProblem>,
) {
    let has_answer = Column::ALL
        .into_iter()
        .filter(|c| c.is_answer_level())
        .any(|c| !row.cell(c).is_empty());
    if !has_answer {
        return;
    }
    let id = row.cell(Column::AnswerId);
    if is_time_runs_out(id) {
        for column in [Column::TraineeSays, Column::Quality] {
            if !row.cell(column).is_empty() {
                problems.push(
                    SheetProblem::in_cell(
                        row.number,
                        column,
                        "the time running out is not an answer the trainee gives",
                    )
                    .with_help(format!(
                        "leave {} blank on this row: it says what happens when nobody answers",
                        column.header()
                    )),
                );
            }
        }
        match moment.time_runs_out {
            Some(earlier) => problems.push(
                SheetProblem::in_cell(
                    row.number,
                    Column::AnswerId,
                    format!(
                        "the time runs out a second time at \"{}\" (row {} already says what happens)",
                        moment.id, earlier.number
                    ),
                )
                .with_help("keep one of the two rows"),
            ),
            None => moment.time_runs_out = Some(row),
        }
        return;
    }
    if row.cell(Column::TraineeSays).is_empty() {
        problems.push(
            SheetProblem::in_cell(row.number, Column::TraineeSays, "this answer says nothing")
                .with_help(
                    "write the trainee's words, or clear the row's answer cells for a moment without answers",
                ),
        );
    }
    moment.answers.push(SheetAnswer {
        row,
        id: id.to_owned(),
        made: false,
    });
}

fn check_answer_ids(moment: &SheetMoment<'_>, problems: &mut Vec<SheetProblem>) {
    for (i, answer) in moment.answers.iter().enumerate() {
        if answer.id.is_empty() {
            continue;
        }
        if let Some(earlier) = moment.answers[..i].iter().find(|a| a.id == answer.id) {
            problems.push(
                SheetProblem::in_cell(
                    answer.row.number,
                    Column::AnswerId,
                    format!(
                        "the answer id \"{}\" is also on row {} of the moment \"{}\"",
                        answer.id, earlier.row.number, moment.id
                    ),
                )
                .with_help("give each answer of a moment its own id, or leave the cell blank to have one made from the words"),
            );
        }
    }
}

/// Gives the answers whose id cell is blank an id made from their words,
/// unique within the moment. The same words give the same id each time, so
/// importing a sheet again matches the answers made the first time.
fn make_missing_ids(moment: &mut SheetMoment<'_>) {
    for i in 0..moment.answers.len() {
        if !moment.answers[i].id.is_empty() {
            continue;
        }
        let taken = |candidate: &str| moment.answers.iter().any(|a| a.id == candidate);
        let id = id_from_words(
            moment.answers[i].row.cell(Column::TraineeSays),
            "answer",
            &taken,
        );
        let answer = &mut moment.answers[i];
        answer.id = id;
        answer.made = true;
    }
}
