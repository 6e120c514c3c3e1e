//! Problems found in a scenario file, located by line and column and rendered the
//! way rustc renders its errors.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;

use super::source_map::SourceMap;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, not a problem by itself: `--deny-warnings` leaves notes be.
    Note,
    /// The pedagogical lint: the scenario plays, but something is likely wrong.
    Warning,
    /// The scenario cannot be played as written.
    Error,
}

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole file (for example, it could not be read).
    File,
    /// A value, named by its path in the scenario, such as
    /// `acts[0].nodes[2].choices[1].target`. The closest enclosing value that exists
    /// in the source is used when the path itself is absent.
    Path(String),
    /// A byte range in the source.
    Bytes(Range<usize>),
}

/// One problem, with a code, a message, and a hint on how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable name for the kind of problem, such as `unknown-target`.
    pub code: &'static str,
    pub message: String,
    /// A short note shown under the offending text.
    pub label: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip)]
    pub location: Location,
    /// Other places that explain the problem, such as the first use of an id.
    #[serde(skip)]
    pub related: Vec<(Location, String)>,
    /// Byte range in the source, once located.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// Byte ranges of the related places, once located.
    #[serde(skip)]
    pub related_spans: Vec<(Range<usize>, String)>,
    /// 1-based line, once located (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column in characters, once located.
    pub column: usize,
}

impl Diagnostic {
    /// A problem at `location`.
    pub fn new(
        severity: Severity,
        code: &'static str,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            location,
            related: Vec::new(),
            span: None,
            related_spans: Vec::new(),
            line: 0,
            column: 0,
        }
    }

    /// An error at the value with this path.
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, Location::Path(path.into()), message)
    }

    /// A warning at the value with this path.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(
            Severity::Warning,
            code,
            Location::Path(path.into()),
            message,
        )
    }

    /// A note at the value with this path.
    pub fn note(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, Location::Path(path.into()), message)
    }

    /// Adds the note shown under the offending text.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a hint when there is one.
    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Adds another place that explains the problem, with a note.
    pub fn with_related(mut self, path: impl Into<String>, note: impl Into<String>) -> Self {
        self.related
            .push((Location::Path(path.into()), note.into()));
        self
    }

    fn locate(&mut self, source: &str, map: Option<&SourceMap>) {
        let find = |location: &Location| match location {
            Location::File => None,
            Location::Bytes(range) => Some(range.clone()),
            Location::Path(path) => map.and_then(|m| m.find(path)),
        };
        self.related_spans = self
            .related
            .iter()
            .filter_map(|(location, note)| Some((find(location)?, note.clone())))
            .collect();
        if let Some(span) = find(&self.location) {
            let (line, column) = line_and_column(source, span.start);
            self.line = line;
            self.column = column;
            self.span = Some(span);
        }
    }
}

/// The 1-based line and character column of a byte offset.
pub fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The byte offset of a 1-based line and character column, clamped to the source.
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        match source.match_indices('\n').nth(line - 2) {
            Some((i, _)) => i + 1,
            None => return source.len(),
        }
    };
    let rest = &source[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let within = rest[..line_len]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_len, |(i, _)| i);
    line_start + within
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Everything found in one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file's name as shown to the user.
    pub name: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// A report on `source`, locating each diagnostic. The source map is built only
    /// when some diagnostic names a path, so a clean file costs nothing extra.
    pub fn new(name: impl Into<String>, source: String, mut diagnostics: Vec<Diagnostic>) -> Self {
        let needs_map = diagnostics
            .iter()
            .flat_map(|d| std::iter::once(&d.location).chain(d.related.iter().map(|(l, _)| l)))
            .any(|location| matches!(location, Location::Path(_)));
        let map = needs_map.then(|| SourceMap::build(&source));
        for diagnostic in &mut diagnostics {
            diagnostic.locate(&source, map.as_ref());
        }
        diagnostics.sort_by_key(|d| (d.line, d.column, std::cmp::Reverse(d.severity)));
        Self {
            name: name.into(),
            source,
            diagnostics,
        }
    }

    /// Adds a diagnostic found after the file was checked (one about the file
    /// among others), located in the file like the rest.
    pub fn add(&mut self, mut diagnostic: Diagnostic) {
        let map = matches!(diagnostic.location, Location::Path(_))
            .then(|| SourceMap::build(&self.source));
        diagnostic.locate(&self.source, map.as_ref());
        self.diagnostics.push(diagnostic);
        self.diagnostics
            .sort_by_key(|d| (d.line, d.column, std::cmp::Reverse(d.severity)));
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// Number of notes.
    pub fn note_count(&self) -> usize {
        self.count(Severity::Note)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Turns every warning into an error (`--deny-warnings`); notes stay notes.
    pub fn deny_warnings(&mut self) {
        for diagnostic in &mut self.diagnostics {
            if diagnostic.severity == Severity::Warning {
                diagnostic.severity = Severity::Error;
            }
        }
    }

    /// Writes every diagnostic the way rustc does, with the offending lines.
    pub fn emit(&self, writer: &mut dyn WriteColor) -> std::io::Result<()> {
        let file = SimpleFile::new(self.name.as_str(), self.source.as_str());
        let config = term::Config::default();
        for diagnostic in &self.diagnostics {
            term::emit_to_write_style(writer, &config, &file, &to_codespan(diagnostic))
                .map_err(std::io::Error::other)?;
        }
        Ok(())
    }

    /// The diagnostics as plain text, without colour.
    pub fn render_plain(&self) -> String {
        let file = SimpleFile::new(self.name.as_str(), self.source.as_str());
        let config = term::Config::default();
        self.diagnostics
            .iter()
            .filter_map(|d| term::emit_into_string(&config, &file, &to_codespan(d)).ok())
            .collect()
    }
}

fn to_codespan(diagnostic: &Diagnostic) -> CsDiagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let mut out = CsDiagnostic::new(severity)
        .with_code(diagnostic.code)
        .with_message(&diagnostic.message);
    let mut labels = Vec::new();
    if let Some(span) = &diagnostic.span {
        labels.push(Label::primary((), span.clone()).with_message(&diagnostic.label));
    }
    for (span, note) in &diagnostic.related_spans {
        labels.push(Label::secondary((), span.clone()).with_message(note));
    }
    out = out.with_labels(labels);
    if let Some(help) = &diagnostic.help {
        out = out.with_notes(vec![format!("help: {help}")]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let source = "ab\ncé d\n";
        assert_eq!(line_and_column(source, 0), (1, 1));
        assert_eq!(line_and_column(source, 3), (2, 1));
        // "é" is two bytes; "d" is the fourth character of line 2.
        assert_eq!(line_and_column(source, 7), (2, 4));
    }

    #[test]
    fn offset_of_inverts_line_and_column() {
        let source = "ab\ncé d\nlast";
        for offset in [0, 1, 3, 4, 6, 7, 9, 12] {
            let (line, column) = line_and_column(source, offset);
            assert_eq!(offset_of(source, line, column), offset);
        }
        assert_eq!(offset_of(source, 99, 1), source.len());
    }
}
