//! The sheet as CSV text: written in UTF-8 with a byte-order mark, so that
//! Excel shows accented names (Lucía) right; read with or without the mark,
//! separated by commas, semicolons (Excel in languages with a decimal comma) or
//! tabs, with any line endings.

use super::columns::{COLUMN_COUNT, Column, HeaderProblem, Layout, read_header};
use super::problems::{Place, SheetProblem};
use crate::core::diagnostic::Severity;

/// The byte-order mark that tells Excel the file is UTF-8.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// What separates the cells of a row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Separator {
    /// `,`: what most spreadsheets read.
    #[default]
    Comma,
    /// `;`: what Excel reads and writes in languages with a decimal comma.
    Semicolon,
}

impl Separator {
    fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }
}

/// The sheet's rows of cells, one cell per column, in the columns' order.
pub(super) type Cells = [String; COLUMN_COUNT];

/// Writes the header row and `rows` as CSV.
pub(super) fn write_csv(rows: &[Cells], separator: Separator) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .terminator(csv::Terminator::CRLF)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    let written = writer
        .write_record(Column::ALL.iter().map(|c| c.header()))
        .and_then(|()| rows.iter().try_for_each(|row| writer.write_record(row)));
    written.expect("writing to memory does not fail");
    writer
        .into_inner()
        .expect("writing to memory does not fail")
}

/// A row read from a sheet, with its number as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub(super) struct SheetRow {
    /// The row's number in the spreadsheet: the header is row 1.
    pub(super) number: usize,
    cells: Cells,
}

impl SheetRow {
    /// The cell in `column`, tidied (see [`super::values::tidy`]); blank when
    /// the sheet has no such column.
    pub(super) fn cell(&self, column: Column) -> &str {
        &self.cells[column.index()]
    }

    /// Whether every cell is blank.
    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// A sheet read from CSV: which columns it has, and its rows.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) layout: Layout,
    pub(super) rows: Vec<SheetRow>,
    /// What is worth saying but does not stop the import (a column not read).
    pub(super) notes: Vec<SheetProblem>,
}

/// Reads CSV bytes into a table, or says every reason it cannot.
pub(super) fn read_csv(bytes: &[u8]) -> Result<Table, Vec<SheetProblem>> {
    let bytes = bytes
        .strip_prefix(BYTE_ORDER_MARK.as_bytes())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(guess_separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let number = index + 1;
        match record {
            Ok(record) => records.push((number, record)),
            Err(error) => problems.push(SheetProblem::error(
                Place::Row {
                    row: number,
                    column: None,
                },
                format!("this row cannot be read: {error}"),
            )),
        }
    }
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(vec![
            SheetProblem::error(Place::Sheet, "the sheet is empty").with_help(format!(
                "start from `doorway sheet export`: its first row names the columns, among them {}",
                required_headers()
            )),
        ]);
    };
    let header = text_cells(header, 1, &mut problems);
    let (layout, header_problems) = read_header(&header);
    let mut notes = Vec::new();
    for problem in header_problems {
        let problem = header_problem(problem);
        if problem.is_error() {
            problems.push(problem);
        } else {
            notes.push(problem);
        }
    }
    let rows = rows
        .iter()
        .map(|(number, record)| {
            let cells = text_cells(record, *number, &mut problems);
            sheet_row(*number, &cells, &layout, &mut problems)
        })
        .collect();
    if problems.is_empty() {
        Ok(Table {
            layout,
            rows,
            notes,
        })
    } else {
        Err(problems)
    }
}

/// The separator of the header row: the one of `,` `;` and tab it has most of.
fn guess_separator(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|separator| {
            (
                first_line.iter().filter(|&b| b == separator).count(),
                *separator == b',',
            )
        })
        .expect("three candidates")
}

/// A record's cells as text; a cell that is not UTF-8 is reported and read
/// with its bad bytes replaced.
fn text_cells(
    record: &csv::ByteRecord,
    row: usize,
    problems: &mut Vec<SheetProblem>,
) -> Vec<String> {
    let mut reported = false;
    record
        .iter()
        .map(|bytes| match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                if !reported {
                    reported = true;
                    problems.push(
                        SheetProblem::error(
                            Place::Row { row, column: None },
                            "this row is not UTF-8 text, so accented letters cannot be read",
                        )
                        .with_help(
                            "save the sheet as \"CSV UTF-8\" (Excel) or choose the character set \
                             Unicode (UTF-8) when saving (LibreOffice)",
                        ),
                    );
                }
                String::from_utf8_lossy(bytes).into_owned()
            }
        })
        .collect()
}

fn sheet_row(
    number: usize,
    cells: &[String],
    layout: &Layout,
    problems: &mut Vec<SheetProblem>,
) -> SheetRow {
    let mut row = SheetRow {
        number,
        cells: Default::default(),
    };
    for (position, cell) in cells.iter().enumerate() {
        match layout.positions.get(position) {
            Some(Some(column)) => row.cells[column.index()] = super::values::tidy(cell),
            Some(None) => {}
            None if cell.trim().is_empty() => {}
            None => problems.push(
                SheetProblem::error(
                    Place::Row {
                        row: number,
                        column: None,
                    },
                    format!(
                        "cell {} holds \"{}\", beyond the last column",
                        position + 1,
                        cell.trim()
                    ),
                )
                .with_help("give the column a header in row 1, or move the text into a column"),
            ),
        }
    }
    row
}

fn header_problem(problem: HeaderProblem) -> SheetProblem {
    match problem {
        HeaderProblem::Missing(column) => SheetProblem::error(
            Place::Row {
                row: 1,
                column: None,
            },
            format!("there is no column \"{}\"", column.header()),
        )
        .with_help(format!(
            "a sheet needs the columns {}; add the missing one to row 1",
            required_headers()
        )),
        HeaderProblem::Misspelt { written, meant } => SheetProblem::error(
            Place::Header {
                written: written.clone(),
            },
            format!("\"{written}\" is not a column Doorway reads"),
        )
        .with_help(format!("did you mean \"{}\"?", meant.header())),
        HeaderProblem::Twice { column } => SheetProblem::error(
            Place::Row {
                row: 1,
                column: Some(column),
            },
            "this column comes twice",
        )
        .with_help("keep one of them"),
        HeaderProblem::NotRead { written } => SheetProblem {
            severity: Severity::Note,
            place: Place::Header {
                written: written.clone(),
            },
            message: "Doorway does not read this column; its cells are left out of the scenario"
                .to_owned(),
            help: None,
            code: None,
        },
    }
}

fn required_headers() -> String {
    Column::ALL
        .into_iter()
        .filter(|c| c.is_required())
        .map(|c| format!("\"{}\"", c.header()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_with(cells: &[(Column, &str)]) -> Cells {
        let mut row: Cells = Default::default();
        for (column, text) in cells {
            row[column.index()] = (*text).to_owned();
        }
        row
    }

    #[test]
    fn what_is_written_reads_back_with_quotes_commas_and_line_breaks() {
        let row = row_with(&[
            (Column::Moment, "knock"),
            (Column::Speaker, "Lucía"),
            (Column::SpeakerSays, "She said \"hi\", then:\nbye"),
        ]);
        for separator in [Separator::Comma, Separator::Semicolon] {
            let bytes = write_csv(std::slice::from_ref(&row), separator);
            assert!(bytes.starts_with(BYTE_ORDER_MARK.as_bytes()));
            let table = read_csv(&bytes).expect("it reads back");
            assert_eq!(table.rows.len(), 1);
            assert_eq!(table.rows[0].number, 2);
            assert_eq!(table.rows[0].cell(Column::Speaker), "Lucía");
            assert_eq!(
                table.rows[0].cell(Column::SpeakerSays),
                "She said \"hi\", then:\nbye"
            );
        }
    }

    #[test]
    fn semicolons_tabs_no_mark_and_plain_line_feeds_are_read() {
        for text in [
            "moment;answer id;trainee says;leads to\nknock;hi;Hello, Theo;end\n",
            "moment\tanswer id\ttrainee says\tleads to\r\nknock\thi\tHello, Theo\tend",
            "\u{feff}moment,answer id,trainee says,leads to\r\nknock,hi,\"Hello, Theo\",end\r\n",
        ] {
            let table = read_csv(text.as_bytes()).expect("it reads");
            assert_eq!(table.rows[0].cell(Column::TraineeSays), "Hello, Theo");
            assert_eq!(table.rows[0].cell(Column::LeadsTo), "end");
        }
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        let text = "moment,answer id,trainee says,leads to\na,,\"two\nlines\",b\nc,,x,d\n";
        let table = read_csv(text.as_bytes()).expect("it reads");
        assert_eq!(table.rows[1].number, 3);
    }

    #[test]
    fn text_that_is_not_utf8_is_named_with_its_row() {
        let mut bytes = b"moment,answer id,trainee says,leads to\nknock,hi,".to_vec();
        bytes.extend_from_slice(b"Luc\xeda\n");
        let problems = read_csv(&bytes).unwrap_err();
        assert_eq!(
            problems[0].place,
            Place::Row {
                row: 2,
                column: None
            }
        );
        assert!(problems[0].help.as_deref().unwrap().contains("CSV UTF-8"));
    }

    #[test]
    fn an_empty_sheet_and_text_beyond_the_last_column_are_refused() {
        assert_eq!(read_csv(b"").unwrap_err()[0].place, Place::Sheet);
        let problems =
            read_csv(b"moment,answer id,trainee says,leads to\nknock,hi,Hello,end,oops\n")
                .unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "row 2: cell 5 holds \"oops\", beyond the last column; give the column a header in row 1, or move the text into a column"
        );
    }

    #[test]
    fn a_column_that_is_not_read_is_a_note() {
        let table = read_csv(b"moment,answer id,trainee says,leads to,my notes\n").unwrap();
        assert_eq!(table.notes.len(), 1);
        assert_eq!(
            table.notes[0].to_string(),
            "row 1, the column \"my notes\": Doorway does not read this column; its cells are left out of the scenario"
        );
    }
}
