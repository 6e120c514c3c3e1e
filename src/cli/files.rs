//! Finding scenario files and loading them for a command.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::core::diagnostic::FileReport;
use crate::core::load::{LoadOptions, Loaded, find_scenario_files, load_file, load_str};
use crate::core::model::Scenario;
use crate::core::shipped::SHIPPED_SCENARIOS;

/// The scenario files named on the command line (`scenarios/` when none are),
/// or a message on standard error and none when there are no files at all.
pub(super) fn scenario_files_or_complain(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        paths.to_vec()
    };
    let files = find_scenario_files(&paths);
    if files.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("no *.scenario.ron files found in {}", named.join(", "));
        return None;
    }
    Some(files)
}

/// Every scenario that loads without errors from `scenarios/`, the folders
/// given, and those shipped, in that order (the same id may come more than once,
/// in different versions).
pub(super) fn known_scenarios(folders: &[PathBuf]) -> Vec<Scenario> {
    let mut places = vec![PathBuf::from("scenarios")];
    places.extend_from_slice(folders);
    let on_disk = find_scenario_files(&places)
        .into_iter()
        .map(|path| load_file(&path, LoadOptions::default()));
    let shipped = SHIPPED_SCENARIOS
        .iter()
        .map(|(name, text)| load_str(name, (*text).to_owned(), LoadOptions::default()));
    on_disk
        .chain(shipped)
        .filter_map(|loaded| loaded.playable().cloned())
        .collect()
}

/// Loads one scenario for a command that needs it whole: on errors, prints them
/// to standard error and returns `None`.
pub(super) fn load_for_command(path: &Path) -> Option<Loaded> {
    let loaded = load_file(path, LoadOptions::default());
    if loaded.playable().is_some() {
        Some(loaded)
    } else {
        let _ = emit_to_stderr(&loaded.report);
        None
    }
}

/// Writes a report's diagnostics to standard output, in colour on a terminal.
pub(super) fn emit_to_stdout(report: &FileReport) -> std::io::Result<()> {
    report.emit(&mut StandardStream::stdout(colour_when(
        std::io::stdout().is_terminal(),
    )))
}

/// Writes a report's diagnostics to standard error, in colour on a terminal.
pub(super) fn emit_to_stderr(report: &FileReport) -> std::io::Result<()> {
    report.emit(&mut StandardStream::stderr(colour_when(
        std::io::stderr().is_terminal(),
    )))
}

/// Colour for a terminal, plain text for a pipe or a file.
fn colour_when(terminal: bool) -> ColorChoice {
    if terminal {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    }
}
