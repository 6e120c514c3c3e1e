//! `doorway validate`: errors and warnings for scenario and course files and folders.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::OutputFormat;
use super::files::emit_to_stdout;
use crate::core::course::{COURSE_FILE_NAME, find_course_files, is_course_file, load_course_file};
use crate::core::diagnostic::{Diagnostic, FileReport};
use crate::core::load::{LoadOptions, SCENARIO_EXTENSION, find_scenario_files, load_file};
use crate::core::model::Scenario;
use crate::core::validate::translations_without_source;
use crate::core::wording;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Scenario and course files, or folders to search for `*.scenario.ron` and
    /// `course.ron` (default: scenarios).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Treat warnings (the teaching lint) as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    files: Vec<JsonFile<'a>>,
    errors: usize,
    warnings: usize,
}

/// Validates every file; true when no errors were found.
pub(super) fn run(args: &ValidateArgs) -> bool {
    let Some(files) = files_or_complain(&args.paths) else {
        return false;
    };
    let mut loaded: Vec<(FileReport, Option<Scenario>)> = files
        .iter()
        .map(|file| {
            if is_course_file(file) {
                (load_course_file(file, LoadOptions::default()).report, None)
            } else {
                let loaded = load_file(file, LoadOptions::default());
                (loaded.report, loaded.scenario)
            }
        })
        .collect();
    let scenarios: Vec<(usize, &Scenario)> = loaded
        .iter()
        .enumerate()
        .filter_map(|(index, (_, scenario))| Some((index, scenario.as_ref()?)))
        .collect();
    let only: Vec<&Scenario> = scenarios.iter().map(|(_, scenario)| *scenario).collect();
    let found: Vec<(usize, Diagnostic)> = translations_without_source(&only)
        .into_iter()
        .map(|(index, diagnostic)| (scenarios[index].0, diagnostic))
        .collect();
    for (index, diagnostic) in found {
        loaded[index].0.add(diagnostic);
    }
    let reports: Vec<FileReport> = loaded
        .into_iter()
        .map(|(mut report, _)| {
            if args.deny_warnings {
                report.deny_warnings();
            }
            report
        })
        .collect();
    let errors: usize = reports.iter().map(FileReport::error_count).sum();
    let warnings: usize = reports.iter().map(FileReport::warning_count).sum();
    match args.format {
        OutputFormat::Json => {
            let summary = JsonSummary {
                files: reports
                    .iter()
                    .map(|r| JsonFile {
                        file: &r.name,
                        errors: r.error_count(),
                        warnings: r.warning_count(),
                        diagnostics: &r.diagnostics,
                    })
                    .collect(),
                errors,
                warnings,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&summary).expect("plain data serialises")
            );
        }
        OutputFormat::Human => {
            for report in &reports {
                if !report.diagnostics.is_empty() {
                    let _ = emit_to_stdout(report);
                }
                if report.error_count() + report.warning_count() == 0 {
                    println!("ok: {}", report.name);
                }
            }
            let notes: usize = reports.iter().map(FileReport::note_count).sum();
            let notes = match notes {
                0 => String::new(),
                n => format!(", {}", wording::plural(n, "note")),
            };
            println!(
                "{} checked: {}, {}{notes}",
                wording::plural(reports.len(), "file"),
                wording::plural(errors, "error"),
                wording::plural(warnings, "warning")
            );
        }
    }
    errors == 0
}

/// The scenario files then the course files named on the command line
/// (`scenarios/` when none are), or a message on standard error and none when
/// there are no files at all.
fn files_or_complain(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        paths.to_vec()
    };
    let (courses_named, others): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|path| is_course_file(path));
    let mut files = find_scenario_files(&others);
    files.extend(courses_named);
    files.extend(find_course_files(&others));
    if files.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "no *{SCENARIO_EXTENSION} or {COURSE_FILE_NAME} files found in {}",
            named.join(", ")
        );
        return None;
    }
    Some(files)
}
