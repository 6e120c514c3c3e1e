//! Reading a folder of exported xAPI files and attempt files, file by file,
//! into [`AttemptRecord`]s. A file that cannot be read is reported and skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{AttemptRecord, Learner, MomentAnswer};
use crate::core::dimensions::CONNECTION;
use crate::core::export::xapi::registration_of;
use crate::core::model::{EndingKind, Quality};
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

fn connection_change(before: Option<i32>, after: Option<i32>) -> Option<i32> {
    Some(after? - before?)
}

/// The attempts in a file of statements, one per registration.
fn from_statements(statements: &[Value]) -> Result<Vec<AttemptRecord>, String> {
    let mut attempts: BTreeMap<String, AttemptRecord> = BTreeMap::new();
    for (position, statement) in statements.iter().enumerate() {
        let bad = |what: &str| format!("statement {} has no {what}", position + 1);
        let registration = statement["context"]["registration"]
            .as_str()
            .ok_or_else(|| bad("registration"))?;
        let learner = learner_of_actor(&statement["actor"]).ok_or_else(|| bad("actor"))?;
        let object = statement["object"]["id"]
            .as_str()
            .ok_or_else(|| bad("object id"))?;
        let (scenario, node) = scenario_and_node(object).ok_or_else(|| bad("scenario"))?;
        let started = statement["timestamp"]
            .as_str()
            .and_then(|t| OffsetDateTime::parse(t, &Rfc3339).ok())
            .map_or(0, OffsetDateTime::unix_timestamp);
        let record = attempts
            .entry(registration.to_owned())
            .or_insert_with(|| AttemptRecord {
                learner,
                registration: registration.to_owned(),
                scenario: scenario.to_owned(),
                started,
                answers: Vec::new(),
                ending: None,
                from_xapi: true,
            });
        record.started = record.started.min(started);
        let verb = statement["verb"]["id"].as_str().unwrap_or_default();
        let result = &statement["result"];
        match (verb.rsplit('/').next(), node) {
            (Some("answered"), Some(node)) => {
                record.answers.push(answer(statement, node, result));
            }
            (Some("completed"), _) => {
                let ending = extension(result, "ending");
                let kind: Option<EndingKind> = serde_json::from_value(ending["kind"].clone()).ok();
                if let (Some(node), Some(kind)) = (ending["node"].as_str(), kind) {
                    record.ending = Some((node.to_owned(), kind));
                }
            }
            _ => {}
        }
    }
    let mut attempts: Vec<AttemptRecord> = attempts.into_values().collect();
    for attempt in &mut attempts {
        attempt.answers.sort_by_key(|a| a.step);
    }
    Ok(attempts)
}

fn answer(statement: &Value, node: &str, result: &Value) -> MomentAnswer {
    let connection = |state: &Value| {
        state["dimensions"][CONNECTION]
            .as_i64()
            .and_then(|v| i32::try_from(v).ok())
    };
    let quality: Option<Quality> = serde_json::from_value(extension(result, "quality").clone())
        .ok()
        .flatten();
    MomentAnswer {
        node: node.to_owned(),
        step: extension(&statement["context"], "step")
            .as_u64()
            .map_or(0, |s| s as usize),
        choice: result["response"].as_str().map(str::to_owned),
        quality,
        timed_out: extension(result, "timed-out").as_bool() == Some(true),
        seconds: result["duration"].as_str().map_or(0.0, duration_seconds),
        connection_change: connection_change(
            connection(extension(result, "state-before")),
            connection(extension(result, "state-after")),
        ),
    }
}

/// A Doorway extension of a result or context by its last name.
fn extension<'a>(holder: &'a Value, name: &str) -> &'a Value {
    let suffix = format!("/xapi/extensions/{name}");
    holder["extensions"]
        .as_object()
        .and_then(|map| map.iter().find(|(key, _)| key.ends_with(&suffix)))
        .map_or(&Value::Null, |(_, value)| value)
}

fn learner_of_actor(actor: &Value) -> Option<Learner> {
    let name = actor["name"].as_str().map(str::to_owned);
    let id = if let Some(mbox) = actor["mbox"].as_str() {
        mbox.to_owned()
    } else {
        let account = &actor["account"];
        format!(
            "{}/{}",
            account["homePage"].as_str()?,
            account["name"].as_str()?
        )
    };
    Some(Learner { id, name })
}

/// The scenario id of an activity, and the node of a moment's answer (none
/// for the scenario itself and for the parts of a moment: noticing, own words).
fn scenario_and_node(activity: &str) -> Option<(&str, Option<&str>)> {
    let (_, rest) = activity.rsplit_once("/scenarios/")?;
    let mut parts = rest.split('/');
    let scenario = parts.next()?;
    let node = match (parts.next(), parts.next(), parts.next()) {
        (Some("nodes"), Some(node), None) => Some(node),
        _ => None,
    };
    Some((scenario, node))
}

/// Seconds in an ISO 8601 duration as xAPI writes it ("PT1M5.25S").
fn duration_seconds(text: &str) -> f64 {
    let mut seconds = 0.0;
    let mut number = String::new();
    for c in text.trim_start_matches("PT").chars() {
        match c {
            'H' | 'M' | 'S' => {
                let value: f64 = number.parse().unwrap_or(0.0);
                seconds += value
                    * match c {
                        'H' => 3600.0,
                        'M' => 60.0,
                        _ => 1.0,
                    };
                number.clear();
            }
            _ => number.push(c),
        }
    }
    seconds
}
