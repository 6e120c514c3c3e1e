//! Reading a folder of exported xAPI files and attempt files, file by file,
//! into [`AttemptRecord`]s. A file that cannot be read is reported and skipped.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::statements::Grouper;
use super::{AttemptRecord, Learner, MomentAnswer};
use crate::core::dimensions::CONNECTION;
use crate::core::export::xapi::registration_of;
use crate::core::store::Attempt;

/// A file that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Calls `found` with each attempt in the `.json` files under `folder`
/// (recursively, in sorted order); returns the files skipped.
pub fn read_folder(folder: &Path, found: &mut dyn FnMut(AttemptRecord)) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    let mut files = Vec::new();
    collect_files(folder, &mut files, &mut skipped);
    files.sort();
    for path in files {
        match read_file(folder, &path) {
            Ok(records) => records.into_iter().for_each(&mut *found),
            Err(reason) => skipped.push(Skipped { path, reason }),
        }
    }
    skipped
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped {
                path: folder.to_owned(),
                reason: format!("the folder cannot be read: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files, skipped);
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
}

/// The attempts in one file: an array of xAPI statements or an attempt.
pub fn read_file(root: &Path, path: &Path) -> Result<Vec<AttemptRecord>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    match value {
        Value::Array(statements) => from_statements(&statements),
        Value::Object(ref fields) if fields.contains_key("transcript") => {
            let attempt: Attempt =
                serde_json::from_value(value).map_err(|e| format!("not a Doorway attempt: {e}"))?;
            Ok(vec![from_attempt(&attempt, learner_of_file(root, path))])
        }
        _ => Err("neither xAPI statements (an array) nor a Doorway attempt".to_owned()),
    }
}

/// The learner of an attempt file: the first folder under the folder read.
fn learner_of_file(root: &Path, path: &Path) -> Learner {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts = relative.components();
    let first = parts.next().filter(|_| parts.next().is_some());
    let id = first.map_or_else(
        || "(no folder)".to_owned(),
        |c| c.as_os_str().to_string_lossy().into_owned(),
    );
    Learner {
        name: Some(id.clone()),
        id: format!("folder:{id}"),
    }
}

/// An attempt file as a record.
pub fn from_attempt(attempt: &Attempt, learner: Learner) -> AttemptRecord {
    let transcript = &attempt.transcript;
    let total: f64 = transcript.steps.iter().map(|s| s.latency).sum();
    AttemptRecord {
        learner,
        registration: registration_of(&attempt.id),
        scenario: transcript.scenario_id.clone(),
        started: attempt.saved_at as i64 - total.round() as i64,
        answers: transcript
            .steps
            .iter()
            .map(|step| MomentAnswer {
                node: step.node.clone(),
                step: step.index,
                choice: match &step.response {
                    crate::core::engine::Response::Choice(id) => Some(id.clone()),
                    _ => None,
                },
                quality: step.quality,
                timed_out: step.response == crate::core::engine::Response::Timeout,
                seconds: step.latency,
                connection_change: connection_change(
                    step.state_before.values.get(CONNECTION).copied(),
                    step.state_after.values.get(CONNECTION).copied(),
                ),
            })
            .collect(),
        ending: transcript.ending.as_ref().map(|e| (e.node.clone(), e.kind)),
        from_xapi: false,
    }
}

pub(super) fn connection_change(before: Option<i32>, after: Option<i32>) -> Option<i32> {
    Some(after? - before?)
}

/// The attempts in a file of statements, one per registration; an error
/// names the first statement that is not Doorway's.
fn from_statements(statements: &[Value]) -> Result<Vec<AttemptRecord>, String> {
    let mut grouper = Grouper::new();
    let mut attempts = Vec::new();
    for (position, statement) in statements.iter().enumerate() {
        grouper
            .take(statement, &mut |attempt| attempts.push(attempt))
            .map_err(|lack| format!("statement {} has no {}", position + 1, lack.missing()))?;
    }
    grouper.finish(&mut |attempt| attempts.push(attempt));
    Ok(attempts)
}
