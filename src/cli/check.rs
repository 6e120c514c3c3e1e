//! `doorway check`: plays each scenario's expectations and explores it.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::OutputFormat;
use super::files::{emit_to_stdout, scenario_files_or_complain};
use crate::core::check::{CheckOptions, CheckReport, Exploration, Failure, check_scenario};
use crate::core::engine::PlayableScenario;
use crate::core::load::{LoadOptions, load_file};
use crate::core::wording;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario files, or folders to search (default: scenarios).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    /// Errors that stopped the scenario from loading.
    load_errors: usize,
    report: Option<CheckReport>,
}

/// Checks every scenario; true when nothing failed.
pub(super) fn run(args: &CheckArgs) -> bool {
    let Some(files) = scenario_files_or_complain(&args.paths) else {
        return false;
    };
    let mut results = Vec::new();
    let mut ok = true;
    for file in &files {
        let loaded = load_file(file, LoadOptions::default());
        let name = file.display().to_string();
        match loaded.playable().cloned() {
            Some(scenario) => {
                let report =
                    check_scenario(&PlayableScenario::new(scenario), CheckOptions::default());
                ok &= report.failures.is_empty();
                if args.format == OutputFormat::Human {
                    print!("{}", report_text(&name, &report));
                }
                results.push(JsonFile {
                    file: name,
                    load_errors: 0,
                    report: Some(report),
                });
            }
            None => {
                ok = false;
                if args.format == OutputFormat::Human {
                    let _ = emit_to_stdout(&loaded.report);
                    println!("FAIL {name}: it does not load (run `doorway validate`)\n");
                }
                results.push(JsonFile {
                    file: name,
                    load_errors: loaded.report.error_count(),
                    report: None,
                });
            }
        }
    }
    if args.format == OutputFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results).expect("plain data serialises")
        );
    }
    ok
}

fn report_text(file: &str, report: &CheckReport) -> String {
    let explored = match report.exploration {
        Exploration::Exhaustive => format!("all {} played", wording::plural(report.paths, "path")),
        Exploration::Sampled(n) => format!("{} sampled at random", wording::plural(n, "walk")),
    };
    let summary = format!(
        "{}, {explored}, {}/{} endings reached",
        wording::plural(report.expectations, "expectation"),
        report.endings_reached,
        report.endings
    );
    if report.failures.is_empty() {
        return format!("ok: {file} ({}): {summary}\n", report.scenario);
    }
    let mut out = format!("FAIL {file} ({}): {summary}\n", report.scenario);
    for failure in &report.failures {
        out.push_str(&failure_text(failure));
    }
    out
}

fn failure_text(failure: &Failure) -> String {
    let entry = failure
        .entry
        .as_deref()
        .map_or(String::new(), |e| format!(" from entry point {e}"));
    let path = if failure.path.is_empty() {
        String::new()
    } else {
        format!("\n    path{entry}: {}", failure.path.join(" -> "))
    };
    format!("  {}: {}{path}\n", failure.context, failure.message)
}
