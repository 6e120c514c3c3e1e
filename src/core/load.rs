//! Reading scenario files: size and nesting limits, parsing with `ron`, and turning
//! parse errors into located diagnostics with hints.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::clock::EXPECTED_TIME;
use super::diagnostic::{Diagnostic, FileReport, Location, Severity, offset_of};
use super::engine::{DraftBlocked, PlayableScenario};
use super::model::Scenario;
use super::source_map::SourceMap;
use super::suggest::did_you_mean;
use super::syntax_causes;
use super::validate::validate;

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Values nested deeper than this are refused (a scenario needs about ten levels).
pub const MAX_NESTING: usize = 32;

/// The file-name ending of scenario files.
pub const SCENARIO_EXTENSION: &str = ".scenario.ron";

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_bytes: u64,
    pub max_nesting: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_bytes: MAX_FILE_BYTES,
            max_nesting: MAX_NESTING,
        }
    }
}

/// The result of loading one file: the scenario when it parsed, and every problem
/// found. A scenario with errors in its report is played only as a draft.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Option<Scenario>,
    pub report: FileReport,
}

impl Loaded {
    /// The scenario, if it parsed and has no errors.
    pub fn playable(&self) -> Option<&Scenario> {
        self.scenario
            .as_ref()
            .filter(|_| self.report.error_count() == 0)
    }

    /// The scenario ready to play as a draft, errors and all (see
    /// [`PlayableScenario::draft`]); or why it cannot be played at all,
    /// such as a mistake in the notation that stops the file being read.
    pub fn draft(&self) -> Result<Arc<PlayableScenario>, DraftBlocked> {
        match &self.scenario {
            Some(scenario) => PlayableScenario::draft(scenario.clone(), &self.report.diagnostics),
            None => Err(DraftBlocked {
                errors: self
                    .report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .cloned()
                    .collect(),
            }),
        }
    }
}

/// Reads, parses and validates the scenario file at `path`.
pub fn load_file(path: &Path, options: LoadOptions) -> Loaded {
    let name = path.display().to_string();
    match read_limited(path, options.max_bytes) {
        Ok(bytes) => load_bytes(&name, bytes, options),
        Err(diagnostic) => Loaded {
            scenario: None,
            report: FileReport::new(name, String::new(), vec![*diagnostic]),
        },
    }
}

/// Parses and validates scenario text; `name` is used in messages.
pub fn load_str(name: &str, source: String, options: LoadOptions) -> Loaded {
    if source.len() as u64 > options.max_bytes {
        let diagnostic = too_large(source.len() as u64, options.max_bytes);
        return Loaded {
            scenario: None,
            report: FileReport::new(name, source, vec![diagnostic]),
        };
    }
    match parse(&source, options) {
        Ok(scenario) => {
            let mut diagnostics = validate(&scenario);
            diagnostics.extend(old_ending_kinds(&scenario, &source));
            Loaded {
                scenario: Some(scenario),
                report: FileReport::new(name, source, diagnostics),
            }
        }
        Err(diagnostic) => {
            let stopped = stopped_here(&diagnostic);
            Loaded {
                scenario: None,
                report: FileReport::new(name, source, vec![*diagnostic, stopped]),
            }
        }
    }
}

/// The ending kinds written with their old names, which still load (`Neutral`
/// as `Held`, `RuptureDeepened` as `Deepened`): named, so the file can be
/// brought up to date. The names are looked up where each ending's kind is
/// written, so a client line that says "neutral" is left alone.
fn old_ending_kinds(scenario: &Scenario, source: &str) -> Vec<Diagnostic> {
    const RENAMED: [(&str, &str); 2] = [("Neutral", "Held"), ("RuptureDeepened", "Deepened")];
    if !RENAMED.iter().any(|(old, _)| source.contains(old)) {
        return Vec::new();
    }
    let map = SourceMap::build(source);
    let endings = scenario.acts.iter().enumerate().flat_map(|(a, act)| {
        act.nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.is_ending())
            .map(move |(n, _)| format!("acts[{a}].nodes[{n}].ending.kind"))
    });
    let expected = scenario
        .expectations
        .iter()
        .enumerate()
        .filter(|(_, e)| e.ending.is_some())
        .map(|(e, _)| format!("expectations[{e}].ending"));
    endings
        .chain(expected)
        .filter_map(|path| {
            let span = map.get(&path)?;
            let written = source.get(span.clone())?.trim();
            let (old, new) = RENAMED.iter().find(|(old, _)| *old == written)?;
            Some(
                Diagnostic::new(
                    Severity::Warning,
                    "renamed-ending-kind",
                    Location::Bytes(span),
                    format!("the ending kind `{old}` is now called `{new}`"),
                )
                .with_label("read as the new name")
                .with_help(format!(
                    "write `{new}`: ending kinds describe what happened without ranking it (Held, Repaired, Unresolved, Deepened)"
                )),
            )
        })
        .collect()
}

/// Parses scenario text without validating it.
pub fn parse(source: &str, options: LoadOptions) -> Result<Scenario, Box<Diagnostic>> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(options.max_nesting)
        .from_str(source)
        .map_err(|error| Box::new(parse_error(source, &error, options)))
}

pub(super) fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
    let unreadable = |error: std::io::Error| {
        Box::new(
            Diagnostic::new(
                Severity::Error,
                "unreadable",
                Location::File,
                format!("cannot read the file {}: {error}", path.display()),
            )
            .with_help("check that the path is right and that you may read the file"),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max_bytes {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(Box::new(too_large(size, max_bytes)));
    }
    Ok(bytes)
}

/// Parses and validates a scenario from raw bytes (as the app's asset loader
/// receives them): size, UTF-8, then [`load_str`].
pub fn load_bytes(name: &str, bytes: Vec<u8>, options: LoadOptions) -> Loaded {
    if bytes.len() as u64 > options.max_bytes {
        let diagnostic = too_large(bytes.len() as u64, options.max_bytes);
        return Loaded {
            scenario: None,
            report: FileReport::new(name, String::new(), vec![diagnostic]),
        };
    }
    match String::from_utf8(bytes) {
        Ok(source) => load_str(name, source, options),
        Err(error) => Loaded {
            scenario: None,
            report: FileReport::new(name, String::new(), vec![not_utf8(&error)]),
        },
    }
}

pub(super) fn not_utf8(error: &std::string::FromUtf8Error) -> Diagnostic {
    let valid =
        String::from_utf8_lossy(&error.as_bytes()[..error.utf8_error().valid_up_to()]).into_owned();
    let line = valid.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let mut diagnostic = Diagnostic::new(
        Severity::Error,
        "not-utf8",
        Location::File,
        format!("the file is not UTF-8 text (at line {line}, column {column})"),
    )
    .with_help("save the file as UTF-8 in your editor");
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic
}

/// The scenario files named by `paths`: files as given, folders searched
/// recursively for `*.scenario.ron`, each folder's files in name order.
/// Paths that do not exist are returned as they are, so loading reports them.
pub fn find_scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            files_under(path, &is_scenario_file, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    found
}

fn is_scenario_file(path: &Path) -> bool {
    path.to_string_lossy().ends_with(SCENARIO_EXTENSION)
}

/// Every file under `folder` that is `wanted`, recursively, each folder's
/// files in name order. A folder that cannot be read is given itself, so that
/// reading it says why.
pub(crate) fn files_under(folder: &Path, wanted: &dyn Fn(&Path) -> bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        found.push(folder.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => files_under(&path, wanted, found),
            Ok(_) if wanted(&path) => found.push(path),
            _ => {}
        }
    }
}

fn too_large(size: u64, max_bytes: u64) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "too-large",
        Location::File,
        format!(
            "the file is {} bytes; scenario files may be at most {} bytes ({} MiB)",
            size,
            max_bytes,
            max_bytes / (1024 * 1024)
        ),
    )
    .with_help("split the scenario into several files")
}

pub(super) fn parse_error(source: &str, error: &SpannedError, options: LoadOptions) -> Diagnostic {
    let mut start = offset_of(source, error.span.start.line, error.span.start.col);
    let mut end = offset_of(source, error.span.end.line, error.span.end.col).max(start);
    let (code, message, label, help) = match syntax_causes::recognise(source, &error.code, start) {
        Some(cause) => {
            if let Some(at) = cause.at {
                (start, end) = (at, at + 1);
            }
            (cause.code, cause.message, cause.label, Some(cause.help))
        }
        None => describe(&error.code, options),
    };
    Diagnostic::new(Severity::Error, code, Location::Bytes(start..end), message)
        .with_label(label)
        .with_optional_help(help)
}

/// Said after a mistake the file cannot be read past: nothing after it was
/// checked.
pub(super) fn stopped_here(at: &Diagnostic) -> Diagnostic {
    Diagnostic::new(
        Severity::Note,
        "stopped-here",
        at.location.clone(),
        "checking stopped at this mistake, so anything after it is not checked yet",
    )
    .with_label("fix this first")
    .with_help("fix it and check again: problems further on are reported then")
}

/// Code, message, label and hint for a `ron` error, in an author's words.
fn describe(
    error: &RonError,
    options: LoadOptions,
) -> (&'static str, String, String, Option<String>) {
    let one_of = |expected: &[&str]| {
        let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
        format!("expected one of {}", list.join(", "))
    };
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map_or(String::new(), |o| format!(" in `{o}`"))
    };
    match error {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            "unknown-field",
            format!("unknown field `{found}`{}", within(outer)),
            "not a field here".into(),
            Some(did_you_mean(found, expected.iter().copied()).unwrap_or_else(|| one_of(expected))),
        ),
        RonError::MissingStructField { field, outer } => (
            "missing-field",
            format!("missing field `{field}`{}", within(outer)),
            format!("`{field}` must be given before this point"),
            Some(format!(
                "add `{field}: ...` (see docs/scenario-format.md for its form)"
            )),
        ),
        RonError::DuplicateStructField { field, outer } => (
            "duplicate-field",
            format!("the field `{field}` is given twice{}", within(outer)),
            "second time".into(),
            Some("keep one of the two".into()),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            "unknown-value",
            format!("`{found}` is not a known value{}", within(outer)),
            "unknown value".into(),
            Some(did_you_mean(found, expected.iter().copied()).unwrap_or_else(|| one_of(expected))),
        ),
        RonError::InvalidValueForType { expected, found } if expected == EXPECTED_TIME => (
            "bad-clock",
            format!("{found} is not a time of day; expected {EXPECTED_TIME}"),
            "expected \"HH:MM\"".into(),
            Some("write times on the 24-hour clock, from \"00:00\" to \"23:59\"".into()),
        ),
        RonError::InvalidValueForType { expected, found } => (
            "wrong-type",
            format!("expected {expected}, found {found}"),
            format!("expected {expected}"),
            Some("text goes in double quotes; numbers, true and false do not".into()),
        ),
        RonError::ExceededRecursionLimit => (
            "too-deep",
            format!(
                "values are nested more than {} levels deep",
                options.max_nesting
            ),
            "too deep".into(),
            Some(
                "a scenario needs about ten levels; look for brackets opened and never closed"
                    .into(),
            ),
        ),
        RonError::Eof => (
            "syntax",
            "the file ends too early".into(),
            "the file ends here".into(),
            Some("a bracket, parenthesis or quote is opened and not closed".into()),
        ),
        RonError::ExpectedString => (
            "wrong-type",
            "expected text in double quotes".into(),
            "expected text here".into(),
            Some("write text in double quotes, such as \"Hello\"".into()),
        ),
        RonError::ExpectedInteger | RonError::ExpectedFloat => (
            "wrong-type",
            "expected a number".into(),
            "expected a number here".into(),
            Some("write numbers without quotes, such as 2 or -1".into()),
        ),
        RonError::ExpectedBoolean => (
            "wrong-type",
            "expected true or false".into(),
            "expected true or false here".into(),
            None,
        ),
        RonError::ExpectedArray => (
            "wrong-type",
            "expected a list in square brackets".into(),
            "expected `[` here".into(),
            Some("write lists as [first, second], or [] for none".into()),
        ),
        RonError::ExpectedMap => (
            "wrong-type",
            "expected a table in curly braces".into(),
            "expected `{` here".into(),
            Some("write tables such as effects as {\"connection\": 1, \"distance\": -2}".into()),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            "wrong-type",
            format!("expected `{expected}(...)`, found `{found}(...)`"),
            format!("`{expected}` belongs here"),
            Some(format!("write `{expected}(...)`, or just `(...)`")),
        ),
        RonError::ExpectedComma => (
            "syntax",
            "expected a comma".into(),
            "a comma is missing before this".into(),
            Some("separate fields and list items with commas".into()),
        ),
        RonError::ExpectedStringEnd => (
            "syntax",
            "this text is not closed".into(),
            "the quote that opens it".into(),
            Some("close the text with a double quote; write \\\" for a quote inside it".into()),
        ),
        RonError::TrailingCharacters => (
            "syntax",
            "unexpected text after the end of the scenario".into(),
            "nothing may follow the scenario's closing parenthesis".into(),
            Some("check that the parentheses are balanced".into()),
        ),
        other => (
            "syntax",
            other.to_string(),
            "here".into(),
            Some("compare with the examples in docs/scenario-format.md".into()),
        ),
    }
}
