//! Finding scenario files and loading them for a command.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::core::diagnostic::{FileReport, Severity};
use crate::core::engine::PlayableScenario;
use crate::core::load::{
    LoadOptions, Loaded, MAX_FILE_BYTES, find_scenario_files, load_file, load_str,
};
use crate::core::model::Scenario;
use crate::core::shipped::SHIPPED_SCENARIOS;
use crate::core::wording;

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

/// Loads one scenario to play as a draft, errors and all. When it has errors,
/// says so briefly on standard error first, one line each; when it cannot be
/// played at all, prints the report and why, and returns `None`.
pub(super) fn load_draft_for_command(path: &Path) -> Option<Arc<PlayableScenario>> {
    let loaded = load_file(path, LoadOptions::default());
    match loaded.draft() {
        Ok(playable) => {
            let report = &loaded.report;
            if playable.draft_errors() > 0 {
                eprintln!("{}", wording::draft_played_with(playable.draft_errors()));
                for error in report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                {
                    eprintln!(
                        "  {}:{}:{}: {}",
                        report.name, error.line, error.column, error.message
                    );
                }
                eprintln!();
            }
            Some(playable)
        }
        Err(blocked) => {
            let _ = emit_to_stderr(&loaded.report);
            eprintln!("error: {blocked}");
            None
        }
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

/// The bytes of a file that should be small, or why they cannot be read: a
/// file larger than the loader's limit is refused, as more than `what`
/// ("a scenario's sheet") holds.
pub(super) fn read_limited(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let cannot = |error: std::io::Error| format!("cannot read {}: {error}", path.display());
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{} is larger than {} MB, more than {what} holds",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}
