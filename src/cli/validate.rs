//! `doorway validate`: errors and warnings for scenario files and folders.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::OutputFormat;
use super::files::{emit_to_stdout, scenario_files_or_complain};
use crate::core::diagnostic::{Diagnostic, FileReport};
use crate::core::load::{LoadOptions, load_file};
use crate::core::wording;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Scenario files, or folders to search for `*.scenario.ron` (default: scenarios).
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
    let Some(files) = scenario_files_or_complain(&args.paths) else {
        return false;
    };
    let reports: Vec<FileReport> = files
        .iter()
        .map(|file| {
            let mut report = load_file(file, LoadOptions::default()).report;
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
