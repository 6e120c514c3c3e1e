//! Finding, reading and checking `course.ron` files.

use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::Course;
use super::checks::check;
use crate::core::diagnostic::{Diagnostic, FileReport, Location, Severity, offset_of};
use crate::core::load::{
    LoadOptions, files_under, find_scenario_files, load_file, load_str, not_utf8, parse_error,
    read_limited, stopped_here,
};
use crate::core::shipped::SHIPPED_SCENARIOS;

/// The name of a course file.
pub const COURSE_FILE_NAME: &str = "course.ron";

/// Field names that would hold a secret: refused with a word on where secrets go.
const SECRET_FIELDS: [&str; 7] = [
    "key",
    "secret",
    "password",
    "token",
    "username",
    "lrs_key",
    "lrs_secret",
];

/// The result of loading one course file: the course when it parsed, and every
/// problem found.
#[derive(Debug, Clone)]
pub struct LoadedCourse {
    pub course: Option<Course>,
    pub report: FileReport,
}

impl LoadedCourse {
    /// The course, if it parsed and has no errors.
    pub fn usable(&self) -> Option<&Course> {
        self.course
            .as_ref()
            .filter(|_| self.report.error_count() == 0)
    }
}

/// Whether `path` names a course file.
pub fn is_course_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name == COURSE_FILE_NAME)
}

/// The course files named by `paths`: course files as given, folders searched
/// recursively for `course.ron`, each folder's files in name order. Other
/// files are left out (they are scenarios).
pub fn find_course_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            files_under(path, &is_course_file, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    // A folder that cannot be read is reported by the scenarios' search.
    found.retain(|path| is_course_file(path));
    found
}

/// The ids a course in `folder` may name: those of the scenarios in the folder
/// (and below it) that parse, then those shipped with Doorway.
pub fn known_scenario_ids(folder: &Path) -> Vec<String> {
    let on_disk = find_scenario_files(&[folder.to_path_buf()])
        .into_iter()
        .filter(|path| path.is_file())
        .filter_map(|path| load_file(&path, LoadOptions::default()).scenario);
    let shipped = SHIPPED_SCENARIOS.iter().filter_map(|(name, text)| {
        load_str(name, (*text).to_owned(), LoadOptions::default()).scenario
    });
    let mut ids: Vec<String> = on_disk.chain(shipped).map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Reads and checks the course file at `path` against the scenarios beside it
/// and those shipped.
pub fn load_course_file(path: &Path, options: LoadOptions) -> LoadedCourse {
    let name = path.display().to_string();
    let failed = |diagnostic: Diagnostic, source: String| LoadedCourse {
        course: None,
        report: FileReport::new(name.clone(), source, vec![diagnostic]),
    };
    let bytes = match read_limited(path, options.max_bytes) {
        Ok(bytes) => bytes,
        Err(diagnostic) => return failed(*diagnostic, String::new()),
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => return failed(not_utf8(&error), String::new()),
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    load_course_str(&name, source, &known_scenario_ids(folder), options)
}

/// Parses and checks course text; `known_ids` are the scenario ids it may
/// name, and `name` is used in messages.
pub fn load_course_str(
    name: &str,
    source: String,
    known_ids: &[String],
    options: LoadOptions,
) -> LoadedCourse {
    match parse(&source, options) {
        Ok(course) => {
            let diagnostics = check(&course, known_ids);
            LoadedCourse {
                course: Some(course),
                report: FileReport::new(name, source, diagnostics),
            }
        }
        Err(diagnostic) => {
            let stopped = stopped_here(&diagnostic);
            LoadedCourse {
                course: None,
                report: FileReport::new(name, source, vec![*diagnostic, stopped]),
            }
        }
    }
}

fn parse(source: &str, options: LoadOptions) -> Result<Course, Box<Diagnostic>> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(options.max_nesting)
        .from_str(source)
        .map_err(|error| {
            Box::new(
                secret_field(source, &error)
                    .unwrap_or_else(|| for_a_course(parse_error(source, &error, options))),
            )
        })
}

/// A notation mistake worded for a course: its hints point to the courses
/// guide rather than the scenario guide.
fn for_a_course(mut diagnostic: Diagnostic) -> Diagnostic {
    const SCENARIO_GUIDE: &str = "docs/scenario-format.md";
    if let Some(help) = &mut diagnostic.help {
        *help = help.replace(SCENARIO_GUIDE, "docs/courses.md");
    }
    diagnostic
}

/// A field that would hold the LRS key or secret, which a course file never does.
fn secret_field(source: &str, error: &SpannedError) -> Option<Diagnostic> {
    let RonError::NoSuchStructField { found, .. } = &error.code else {
        return None;
    };
    let field = SECRET_FIELDS
        .iter()
        .find(|secret| found.eq_ignore_ascii_case(secret))?;
    let start = offset_of(source, error.span.start.line, error.span.start.col);
    let end = offset_of(source, error.span.end.line, error.span.end.col).max(start);
    Some(
        Diagnostic::new(
            Severity::Error,
            "secret-in-course",
            Location::Bytes(start..end),
            format!("a course file cannot hold `{field}`"),
        )
        .with_label("remove this")
        .with_help(
            "secrets are never written in course files, which are shared with every trainee: \
             each trainee enters the LRS key and secret in the app's settings",
        ),
    )
}
