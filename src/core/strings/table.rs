//! The string table as CSV, in Yarn Spinner's columns: `id`, `source` (the
//! text in the scenario's own language), `translation`, `lock` (a short hash of
//! the source the translation was made from) and `comment` (context for the
//! translator). Written in UTF-8 with a byte-order mark, so that Excel shows
//! accented letters right; read with or without it.

use std::fmt;

use sha2::{Digest, Sha256};

/// The byte-order mark that tells Excel the file is UTF-8.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The columns, in the order they are written.
const HEADER: [&str; 5] = ["id", "source", "translation", "lock", "comment"];

/// One text: its id, source, translation (empty when not translated yet), lock
/// and comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub source: String,
    pub translation: String,
    /// The [`lock`] of the source the translation was made from. Left empty by a
    /// translator who has brought a stale translation up to date: the row's
    /// own `source` is then the one it was made from.
    pub lock: String,
    pub comment: String,
    /// The row's line in the file (the header is line 1), or 0 for a row not
    /// read from a file.
    pub line: usize,
}

impl Row {
    /// Whether the row carries a translation.
    pub fn is_translated(&self) -> bool {
        !self.translation.trim().is_empty()
    }

    /// The lock of the source its translation was made from (see [`Row::lock`]).
    pub fn effective_lock(&self) -> String {
        if self.lock.trim().is_empty() {
            lock(&self.source)
        } else {
            self.lock.trim().to_owned()
        }
    }
}

/// A string table: one row per translatable text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StringTable {
    pub rows: Vec<Row>,
}

impl StringTable {
    /// The row with this id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }
}

/// The lock of a source text: the first eight hex digits of its SHA-256, as
/// Yarn Spinner writes it. A translation whose lock differs from its current
/// source's was made for another wording: it is stale.
pub fn lock(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    digest[..4]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// What is wrong in a table, and where: the line as a text editor counts it
/// (the header is line 1) and the column as a spreadsheet does (the cell's
/// place in its row, from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The table as CSV bytes.
pub fn write_table(table: &StringTable) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    let written = writer.write_record(HEADER).and_then(|()| {
        table.rows.iter().try_for_each(|row| {
            writer.write_record([
                &row.id,
                &row.source,
                &row.translation,
                &row.lock,
                &row.comment,
            ])
        })
    });
    written.expect("writing to memory does not fail");
    writer
        .into_inner()
        .expect("writing to memory does not fail")
}

/// Reads a table from CSV bytes: a header naming at least `id`, `source`,
/// `translation` and `lock` in any order (other columns are ignored), then
/// one row per text. Every problem found is returned, each at its line and
/// column.
pub fn read_table(bytes: &[u8]) -> Result<StringTable, Vec<TableError>> {
    let bytes = bytes
        .strip_prefix(BYTE_ORDER_MARK.as_bytes())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => {
            return Err(vec![TableError {
                line: 1,
                column: 1,
                message: format!(
                    "the table is empty; its first line names the columns: {}",
                    HEADER.join(",")
                ),
            }]);
        }
        Some(Err(error)) => return Err(vec![csv_error(&error, bytes)]),
        Some(Ok(header)) => header,
    };
    let columns = Columns::find(&header)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                errors.push(csv_error(&error, bytes));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(bytes, p.byte()));
        let cell = |index: usize| record.get(index).unwrap_or_default().to_owned();
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = Row {
            id: cell(columns.id).trim().to_owned(),
            source: cell(columns.source),
            translation: cell(columns.translation),
            lock: cell(columns.lock),
            comment: columns.comment.map(cell).unwrap_or_default(),
            line,
        };
        if row.id.is_empty() {
            errors.push(TableError {
                line,
                column: columns.id + 1,
                message: "this row has no id".to_owned(),
            });
            continue;
        }
        let lock = row.lock.trim();
        let is_a_lock = lock.len() == 8 && lock.chars().all(|c| c.is_ascii_hexdigit());
        if !lock.is_empty() && !is_a_lock {
            errors.push(TableError {
                line,
                column: columns.lock + 1,
                message: format!(
                    "\"{lock}\" is not a lock (eight hex digits); leave it as extracted, or empty it once the translation fits the source in this row"
                ),
            });
        }
        if let Some((_, first)) = seen.iter().find(|(id, _)| *id == row.id) {
            errors.push(TableError {
                line,
                column: columns.id + 1,
                message: format!("\"{}\" is here twice; line {first} has it first", row.id),
            });
            continue;
        }
        seen.push((row.id.clone(), line));
        rows.push(row);
    }
    if errors.is_empty() {
        Ok(StringTable { rows })
    } else {
        Err(errors)
    }
}

/// Where each column is, by its header.
struct Columns {
    id: usize,
    source: usize,
    translation: usize,
    lock: usize,
    comment: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Self, Vec<TableError>> {
        let at = |name: &str| {
            header
                .iter()
                .position(|cell| cell.trim().eq_ignore_ascii_case(name))
        };
        let missing: Vec<&str> = HEADER[..4]
            .iter()
            .copied()
            .filter(|name| at(name).is_none())
            .collect();
        match (at("id"), at("source"), at("translation"), at("lock")) {
            (Some(id), Some(source), Some(translation), Some(lock)) => Ok(Self {
                id,
                source,
                translation,
                lock,
                comment: at("comment"),
            }),
            _ => Err(vec![TableError {
                line: 1,
                column: 1,
                message: format!(
                    "the first line names no column {}; it should read {}",
                    missing
                        .iter()
                        .map(|name| format!("\"{name}\""))
                        .collect::<Vec<_>>()
                        .join(" or "),
                    HEADER.join(",")
                ),
            }]),
        }
    }
}

/// The line (from 1) of the record that starts at `byte`. The csv crate's own
/// line numbers lag by one after a CRLF line end, which tables have.
fn line_at(bytes: &[u8], byte: u64) -> usize {
    let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count()
}

/// A CSV error at its line, and at its cell when the csv crate knows which.
fn csv_error(error: &csv::Error, bytes: &[u8]) -> TableError {
    let line = error.position().map_or(1, |p| line_at(bytes, p.byte()));
    match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => TableError {
            line,
            column: err.field() + 1,
            message: "this cell is not UTF-8 text; save the table as \"CSV UTF-8\"".to_owned(),
        },
        _ => TableError {
            line,
            column: 1,
            message: format!("this line cannot be read as CSV: {error}"),
        },
    }
}
