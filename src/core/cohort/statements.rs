//! Turning xAPI statements into [`AttemptRecord`]s, one statement at a time,
//! for files and for a learning record store alike.
//!
//! A store hands statements over page by page in its own order: newest first
//! by the xAPI standard, oldest first in some stores, the attempts of a class
//! interleaved. So a [`Grouper`] holds only the attempts in progress, keyed by
//! registration. An attempt is whole once both its ends are in (`launched`,
//! the first statement, and `terminated`, the last), whichever order they
//! came in; it is handed over a little later still ([`SETTLING_STATEMENTS`]),
//! since statements written in the same instant (`completed` and
//! `terminated`) may come in either order.

use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{AttemptRecord, Learner, MomentAnswer};
use crate::core::dimensions::CONNECTION;
use crate::core::model::{EndingKind, Quality};

/// How many statements after its second end an attempt waits for stragglers
/// before it is handed over.
pub const SETTLING_STATEMENTS: u64 = 500;

/// What a statement lacks to be one of Doorway's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDoorways {
    NoRegistration,
    NoActor,
    NoObjectId,
    /// Its activity is not a Doorway scenario or moment.
    OtherActivity,
}

impl NotDoorways {
    /// What the statement has not, for a message: "statement 3 has no registration".
    pub fn missing(self) -> &'static str {
        match self {
            Self::NoRegistration => "registration",
            Self::NoActor => "actor",
            Self::NoObjectId => "object id",
            Self::OtherActivity => "scenario",
        }
    }
}

/// An attempt being put together, and which of its ends have come.
struct InProgress {
    record: AttemptRecord,
    launched: bool,
    terminated: bool,
}

/// Groups statements into attempts by registration; see the module's doc.
#[derive(Default)]
pub struct Grouper {
    in_progress: HashMap<String, InProgress>,
    /// Whole attempts waiting out [`SETTLING_STATEMENTS`], by the count of
    /// statements taken when they became whole.
    settling: VecDeque<(u64, String)>,
    /// The registrations already handed over.
    handed_over: HashSet<String>,
    taken: u64,
    /// Statements of an attempt that had already been handed over, left out.
    pub late: usize,
}

impl Grouper {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one statement, calling `found` with any attempt now settled; a
    /// statement that is not Doorway's is refused and changes nothing.
    pub fn take(
        &mut self,
        statement: &Value,
        found: &mut dyn FnMut(AttemptRecord),
    ) -> Result<(), NotDoorways> {
        let registration = statement["context"]["registration"]
            .as_str()
            .ok_or(NotDoorways::NoRegistration)?;
        let learner = learner_of_actor(&statement["actor"]).ok_or(NotDoorways::NoActor)?;
        let object = statement["object"]["id"]
            .as_str()
            .ok_or(NotDoorways::NoObjectId)?;
        let (scenario, node) = scenario_and_node(object).ok_or(NotDoorways::OtherActivity)?;
        self.taken += 1;
        if self.handed_over.contains(registration) {
            self.late += 1;
        } else {
            let attempt = self
                .in_progress
                .entry(registration.to_owned())
                .or_insert_with(|| InProgress {
                    record: AttemptRecord {
                        learner,
                        registration: registration.to_owned(),
                        scenario: scenario.to_owned(),
                        started: i64::MAX,
                        answers: Vec::new(),
                        ending: None,
                        from_xapi: true,
                    },
                    launched: false,
                    terminated: false,
                });
            let was_whole = attempt.launched && attempt.terminated;
            add_statement(attempt, statement, node);
            if !was_whole && attempt.launched && attempt.terminated {
                self.settling
                    .push_back((self.taken, registration.to_owned()));
            }
        }
        while let Some((_, registration)) = self
            .settling
            .pop_front_if(|(whole_at, _)| *whole_at + SETTLING_STATEMENTS <= self.taken)
        {
            self.hand_over(&registration, found);
        }
        Ok(())
    }

    /// Hands over every attempt still held, whole or not (an attempt left
    /// open, or one whose first statements the store did not send).
    pub fn finish(mut self, found: &mut dyn FnMut(AttemptRecord)) {
        let mut rest: Vec<InProgress> = self.in_progress.drain().map(|(_, a)| a).collect();
        rest.sort_by(|a, b| a.record.registration.cmp(&b.record.registration));
        for attempt in rest {
            found(finished(attempt));
        }
    }

    fn hand_over(&mut self, registration: &str, found: &mut dyn FnMut(AttemptRecord)) {
        if let Some(attempt) = self.in_progress.remove(registration) {
            self.handed_over.insert(registration.to_owned());
            found(finished(attempt));
        }
    }
}

fn finished(attempt: InProgress) -> AttemptRecord {
    let mut record = attempt.record;
    record.answers.sort_by_key(|a| a.step);
    record
}

fn add_statement(attempt: &mut InProgress, statement: &Value, node: Option<&str>) {
    let record = &mut attempt.record;
    let started = statement["timestamp"]
        .as_str()
        .and_then(|t| OffsetDateTime::parse(t, &Rfc3339).ok())
        .map_or(0, OffsetDateTime::unix_timestamp);
    record.started = record.started.min(started);
    let verb = statement["verb"]["id"].as_str().unwrap_or_default();
    let result = &statement["result"];
    match (verb.rsplit('/').next(), node) {
        (Some("launched"), _) => attempt.launched = true,
        (Some("terminated"), _) => attempt.terminated = true,
        (Some("answered"), Some(node)) => record.answers.push(answer(statement, node, result)),
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
        connection_change: super::read::connection_change(
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
