//! Finding scenario files and loading them for a command.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::core::diagnostic::FileReport;
use crate::core::load::{LoadOptions, Loaded, SCENARIO_EXTENSION, load_file};

/// The scenario files named by `paths`: files as given, folders searched
/// recursively for `*.scenario.ron`, each folder's files in name order.
/// Paths that do not exist are returned as they are, so loading reports them.
pub fn scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    found
}

fn collect(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        found.push(folder.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, found),
            Ok(_) if path.to_string_lossy().ends_with(SCENARIO_EXTENSION) => found.push(path),
            _ => {}
        }
    }
}

/// Loads one scenario for a command that needs it whole: on errors, prints them
/// to standard error and returns `None`.
pub fn load_for_command(path: &Path) -> Option<Loaded> {
    let loaded = load_file(path, LoadOptions::default());
    if loaded.playable().is_some() {
        Some(loaded)
    } else {
        let _ = emit_to_stderr(&loaded.report);
        None
    }
}

/// Writes a report's diagnostics to standard output, in colour on a terminal.
pub fn emit_to_stdout(report: &FileReport) -> std::io::Result<()> {
    let choice = if std::io::stdout().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    report.emit(&mut StandardStream::stdout(choice))
}

fn emit_to_stderr(report: &FileReport) -> std::io::Result<()> {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    report.emit(&mut StandardStream::stderr(choice))
}
