//! xAPI 1.0.3 statements for an attempt: launched, initialized, answered at each
//! step, completed (when an ending was reached) and terminated. The practice
//! modes add, before a step's answer, an `answered` statement for the noticing
//! question (a `choice` interaction) and one for the trainee's own words (a
//! `fill-in` interaction whose response is the words, with the self-ratings and
//! the "none close" flag in result extensions); the confidence rating travels in
//! the answer's result extensions.
//!
//! Relational answers seldom have one right answer, so no answer to a moment
//! carries `correctResponsesPattern` or `success`; a noticing question does, as
//! its author marks the answers that fit. The only score is on `completed`:
//! the final connection, which is a scale from acute disconnection to mutual
//! connection and so means something scaled to -1..1. The dimensions, ruptures
//! and FIS/3RS codes travel in extensions. Statement and registration ids are
//! derived from the attempt id, so exporting an attempt twice gives the same
//! statements and a learning record store keeps them once.

use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use std::path::Path;

use super::ExportSource;
use crate::core::dimensions::CONNECTION;
use crate::core::engine::{Response, StateSnapshot, StepRecord};
use crate::core::fis::SelfRating;
use crate::core::install::install_name;
use crate::core::preferences::ExportIdentity;
use crate::core::review::{ReviewedStep, review, summarize};

/// The base of the IRIs for activities, extensions and the anonymous account's
/// home page, unless an institution gives its own. `.invalid` is reserved
/// (RFC 2606): it can never point at someone else's site.
pub const DEFAULT_BASE_IRI: &str = "https://doorway.invalid";

/// The xAPI version these statements follow.
pub const XAPI_VERSION: &str = "1.0.3";

const VERB_BASE: &str = "http://adlnet.gov/expapi/verbs";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const LANGUAGE: &str = "en";

/// Who the statements are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Identified by email (`mailto:` is added).
    Email { name: Option<String>, email: String },
    /// Identified by an account on a system, such as the institution's LMS.
    Account {
        name: Option<String>,
        home_page: String,
        account_name: String,
    },
}

impl Actor {
    /// An anonymous actor: an account with this installation's random name,
    /// since every statement needs an identifier for its actor.
    pub fn anonymous(install_name: &str, base_iri: &str) -> Self {
        Actor::Account {
            name: None,
            home_page: base_iri.to_owned(),
            account_name: install_name.to_owned(),
        }
    }

    fn to_json(&self) -> Value {
        let mut agent = Map::new();
        agent.insert("objectType".into(), json!("Agent"));
        let name = match self {
            Actor::Email { name, email } => {
                agent.insert("mbox".into(), json!(format!("mailto:{email}")));
                name
            }
            Actor::Account {
                name,
                home_page,
                account_name,
            } => {
                agent.insert(
                    "account".into(),
                    json!({"homePage": home_page, "name": account_name}),
                );
                name
            }
        };
        if let Some(name) = name.as_ref().filter(|n| !n.trim().is_empty()) {
            agent.insert("name".into(), json!(name));
        }
        Value::Object(agent)
    }
}

/// The actor for the learner set in the preferences: by email when there is
/// one, else this installation's anonymous account.
pub fn actor_of(identity: &ExportIdentity, data: &Path) -> Result<Actor, String> {
    let email = identity.email.trim();
    if email.is_empty() {
        let name = install_name(data)
            .map_err(|e| format!("this installation's name could not be kept: {e}"))?;
        return Ok(Actor::anonymous(&name, DEFAULT_BASE_IRI));
    }
    let name = identity.name.trim();
    Ok(Actor::Email {
        name: (!name.is_empty()).then(|| name.to_owned()),
        email: email.to_owned(),
    })
}

/// How to write the statements.
#[derive(Debug, Clone)]
pub struct XapiOptions {
    pub actor: Actor,
    /// The base of activity and extension IRIs, without a trailing slash.
    pub base_iri: String,
}

/// The statements as a pretty-printed JSON array, ready to post to an LRS.
pub fn render(source: ExportSource, options: &XapiOptions) -> String {
    let statements = Value::Array(statements(source, options));
    serde_json::to_string_pretty(&statements).expect("JSON values serialise") + "\n"
}

/// The statements of an attempt, in order.
pub fn statements(source: ExportSource, options: &XapiOptions) -> Vec<Value> {
    Writer::new(source, options).statements()
}

/// Builds statements that share an actor, a registration and a scenario.
struct Writer<'a> {
    source: ExportSource<'a>,
    base: String,
    actor: Value,
    registration: String,
    scenario_activity: Value,
    /// When the attempt began, in nanoseconds since the Unix epoch.
    started: i128,
}

impl<'a> Writer<'a> {
    fn new(source: ExportSource<'a>, options: &XapiOptions) -> Self {
        let base = options.base_iri.trim_end_matches('/').to_owned();
        let transcript = &source.attempt.transcript;
        let scenario = source.scenario.scenario();
        let total: f64 = transcript.steps.iter().map(|s| s.latency).sum();
        let saved = i128::from(source.attempt.saved_at) * 1_000_000_000;
        Self {
            registration: registration_of(&source.attempt.id),
            scenario_activity: json!({
                "objectType": "Activity",
                "id": format!("{base}/scenarios/{}", transcript.scenario_id),
                "definition": {
                    "name": {LANGUAGE: scenario.title},
                    "description": {LANGUAGE: scenario.summary},
                    "type": SIMULATION,
                },
            }),
            actor: options.actor.to_json(),
            started: saved - seconds_to_nanos(total),
            source,
            base,
        }
    }

    fn statements(&self) -> Vec<Value> {
        let transcript = &self.source.attempt.transcript;
        // The statements every attempt has, whose ids come from their positions
        // in this list (as they always have); a practice statement's id comes
        // from its step, and it goes just before that step's answer.
        let mut numbered = vec![
            self.statement(
                "launched",
                self.scenario_activity.clone(),
                None,
                self.started,
                None,
            ),
            self.statement(
                "initialized",
                self.scenario_activity.clone(),
                None,
                self.started,
                None,
            ),
        ];
        let mut practice: Vec<(usize, Value)> = Vec::new();
        let mut elapsed = 0.0;
        for step in review(self.source.scenario, transcript) {
            let entered = self.started + seconds_to_nanos(elapsed);
            let before = numbered.len();
            if let Some(statement) = self.probe_answered(&step, entered) {
                practice.push((before, statement));
            }
            if let Some(statement) = self.own_words_answered(&step, entered) {
                practice.push((before, statement));
            }
            elapsed += step.record.latency;
            numbered.push(self.answered(&step, self.started + seconds_to_nanos(elapsed)));
        }
        let end = self.started + seconds_to_nanos(elapsed);
        if transcript.ending.is_some() {
            numbered.push(self.statement(
                "completed",
                self.scenario_activity.clone(),
                Some(self.completed_result(elapsed)),
                end,
                None,
            ));
        }
        numbered.push(self.statement(
            "terminated",
            self.scenario_activity.clone(),
            Some(json!({"duration": iso_duration(elapsed)})),
            end,
            None,
        ));
        for (position, statement) in numbered.iter_mut().enumerate() {
            statement["id"] = json!(self.statement_id(&[&position.to_string()]));
        }
        let mut practice = practice.into_iter().peekable();
        let mut statements = Vec::with_capacity(numbered.len() + practice.len());
        for (position, statement) in numbered.into_iter().enumerate() {
            while let Some((_, before)) = practice.next_if(|(at, _)| *at == position) {
                statements.push(before);
            }
            statements.push(statement);
        }
        statements
    }

    /// A statement id from the attempt and `parts`.
    fn statement_id(&self, parts: &[&str]) -> String {
        let mut all = vec![self.source.attempt.id.as_str(), "statement"];
        all.extend_from_slice(parts);
        uuid_from(&all)
    }

    /// A statement with the shared parts (its id is added in [`Self::statements`]).
    fn statement(
        &self,
        verb: &str,
        object: Value,
        result: Option<Value>,
        at: i128,
        context_extensions: Option<Value>,
    ) -> Value {
        let transcript = &self.source.attempt.transcript;
        let mut context = json!({
            "registration": self.registration,
            "platform": "Doorway",
            "language": LANGUAGE,
            "revision": transcript.scenario_version,
        });
        let mut extensions = json!({
            self.extension("content-hash"): transcript.content_hash,
            self.extension("settings"): transcript.settings,
        });
        if let Some(Value::Object(more)) = context_extensions {
            extensions.as_object_mut().expect("an object").extend(more);
        }
        context["extensions"] = extensions;
        if object["id"] != self.scenario_activity["id"] {
            context["contextActivities"] = json!({"parent": [self.scenario_activity]});
        }
        let mut statement = json!({
            "version": XAPI_VERSION,
            "actor": self.actor,
            "verb": {
                "id": format!("{VERB_BASE}/{verb}"),
                "display": {"en-US": verb},
            },
            "object": object,
            "context": context,
            "timestamp": timestamp(at),
        });
        if let Some(result) = result {
            statement["result"] = result;
        }
        statement
    }

    fn answered(&self, step: &ReviewedStep, at: i128) -> Value {
        let record = step.record;
        let choices: Vec<Value> = record
            .shown_choices
            .iter()
            .map(|id| {
                let words = step
                    .node
                    .and_then(|n| n.choices.iter().find(|c| &c.id == id))
                    .map_or(id.as_str(), |c| c.says.as_str());
                json!({"id": id, "description": {LANGUAGE: words}})
            })
            .collect();
        let object = json!({
            "objectType": "Activity",
            "id": self.moment_id(record, ""),
            "definition": {
                "name": {LANGUAGE: Self::moment_name(step)},
                "description": {LANGUAGE: step.said},
                "type": INTERACTION,
                "interactionType": "choice",
                "choices": choices,
            },
        });
        let mut result = json!({
            "duration": iso_duration(record.latency),
            "extensions": {
                self.extension("timed-out"): record.response == Response::Timeout,
                self.extension("state-before"): state_json(&record.state_before),
                self.extension("state-after"): state_json(&record.state_after),
                self.extension("quality"): record.quality,
            },
        });
        if let Response::Choice(id) = &record.response {
            result["response"] = json!(id);
        }
        if let Some(confidence) = record.confidence {
            result["extensions"][self.extension("confidence")] = json!(confidence);
        }
        if record.own_words.is_none() && !record.self_ratings.is_empty() {
            result["extensions"][self.extension("self-ratings")] =
                ratings_json(&record.self_ratings);
        }
        let context = self.step_context(step);
        self.statement("answered", object, Some(result), at, Some(context))
    }

    /// The context extensions of every statement about a step.
    fn step_context(&self, step: &ReviewedStep) -> Value {
        let record = step.record;
        json!({
            self.extension("codes"): step.tags,
            self.extension("step"): record.index,
            self.extension("scenario-clock"): record.clock,
            self.extension("time-limit-seconds"): record.effective_limit,
            self.extension("extensions-asked"): record.extensions,
        })
    }

    /// The activity of a moment, or of one part of it (`/own-words`, `/probe`).
    fn moment_id(&self, record: &StepRecord, part: &str) -> String {
        let scenario_id = &self.source.attempt.transcript.scenario_id;
        format!(
            "{}/scenarios/{scenario_id}/nodes/{}{part}",
            self.base, record.node
        )
    }

    /// The moment's name in statements: "Cal, at 14:45".
    fn moment_name(step: &ReviewedStep) -> String {
        match step.speaker {
            Some(speaker) => format!("{speaker}, at {}", step.record.clock),
            None => format!("At {}", step.record.clock),
        }
    }

    /// The trainee's own words at a step, as a `fill-in` interaction whose
    /// response is the words, kept when they were written (`entered` is when
    /// the moment began).
    fn own_words_answered(&self, step: &ReviewedStep, entered: i128) -> Option<Value> {
        let record = step.record;
        let words = record.own_words.as_ref()?;
        let object = json!({
            "objectType": "Activity",
            "id": self.moment_id(record, "/own-words"),
            "definition": {
                "name": {LANGUAGE: format!("{}: your own words", Self::moment_name(step))},
                "description": {LANGUAGE: step.said},
                "type": INTERACTION,
                "interactionType": "fill-in",
            },
        });
        let mut extensions = json!({
            self.extension("timed-out"): words.time_ran_out,
            self.extension("none-close"): words.none_close,
        });
        if !record.self_ratings.is_empty() {
            extensions[self.extension("self-ratings")] = ratings_json(&record.self_ratings);
        }
        let result = json!({
            "response": words.text,
            "duration": iso_duration(words.latency),
            "extensions": extensions,
        });
        let at = entered + seconds_to_nanos(words.latency);
        let mut statement = self.statement(
            "answered",
            object,
            Some(result),
            at,
            Some(self.step_context(step)),
        );
        statement["id"] = json!(self.statement_id(&["own-words", &record.index.to_string()]));
        Some(statement)
    }

    /// The answer to a step's noticing question, as a `choice` interaction:
    /// the answers in written order (`answer-0`, `answer-1`, ...), each fitting
    /// answer a correct response on its own.
    fn probe_answered(&self, step: &ReviewedStep, entered: i128) -> Option<Value> {
        let record = step.record;
        let answer = record.probe.as_ref()?;
        let mut definition = json!({
            "name": {LANGUAGE: format!("{}: noticing", Self::moment_name(step))},
            "type": INTERACTION,
            "interactionType": "choice",
        });
        // The question as the scenario has it now; an edited scenario may have
        // dropped it, and the record still says what was picked and whether it fitted.
        if let Some((probe, _)) = step.probe() {
            definition["description"] = json!({LANGUAGE: probe.question});
            definition["choices"] = probe
                .answers
                .iter()
                .enumerate()
                .map(|(position, a)| json!({"id": probe_answer_id(position), "description": {LANGUAGE: a.text}}))
                .collect();
            definition["correctResponsesPattern"] = probe
                .answers
                .iter()
                .enumerate()
                .filter(|(_, a)| a.fits)
                .map(|(position, _)| json!(probe_answer_id(position)))
                .collect();
        }
        let object = json!({
            "objectType": "Activity",
            "id": self.moment_id(record, "/probe"),
            "definition": definition,
        });
        let result = json!({
            "response": probe_answer_id(answer.picked),
            "success": answer.fits,
            "duration": iso_duration(answer.latency),
        });
        let mut statement = self.statement(
            "answered",
            object,
            Some(result),
            entered,
            Some(self.step_context(step)),
        );
        statement["id"] = json!(self.statement_id(&["probe", &record.index.to_string()]));
        Some(statement)
    }

    fn completed_result(&self, elapsed: f64) -> Value {
        let transcript = &self.source.attempt.transcript;
        let summary = summarize(transcript);
        let ending = transcript.ending.as_ref().expect("only for an ending");
        let mut result = json!({
            "completion": true,
            "duration": iso_duration(elapsed),
            "extensions": {
                self.extension("ending"): {"node": ending.node, "kind": ending.kind, "title": ending.title},
                self.extension("state-after"): transcript.steps.last().map(|s| state_json(&s.state_after)),
                self.extension("ruptures-opened"): summary.ruptures_opened,
                self.extension("ruptures-repaired"): summary.ruptures_repaired,
            },
        });
        if let Some(connection) = self.source.scenario.dimensions().get(CONNECTION) {
            let (_, value) = summary.connection;
            let reach = connection.min.abs().max(connection.max.abs()).max(1);
            result["score"] = json!({
                "scaled": f64::from(value) / f64::from(reach),
                "raw": value,
                "min": connection.min,
                "max": connection.max,
            });
        }
        result
    }

    fn extension(&self, name: &str) -> String {
        format!("{}/xapi/extensions/{name}", self.base)
    }
}

/// The id of a noticing answer in statements, from its written position.
fn probe_answer_id(position: usize) -> String {
    format!("answer-{position}")
}

/// Self-ratings as an object of FIS item tag to score: `{"warmth": 4}`.
fn ratings_json(ratings: &[SelfRating]) -> Value {
    ratings
        .iter()
        .map(|rating| (rating.item.tag().to_owned(), json!(rating.score)))
        .collect::<Map<String, Value>>()
        .into()
}

fn state_json(state: &StateSnapshot) -> Value {
    json!({"dimensions": state.values, "open_ruptures": state.open_ruptures})
}

fn seconds_to_nanos(seconds: f64) -> i128 {
    (seconds * 1e9).round() as i128
}

/// An RFC 3339 timestamp in UTC with milliseconds.
fn timestamp(nanos: i128) -> String {
    let millis = nanos.div_euclid(1_000_000) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(millis)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// An ISO 8601 duration to the hundredth of a second, as xAPI asks: "PT1M5.25S".
pub fn iso_duration(seconds: f64) -> String {
    let hundredths = (seconds.max(0.0) * 100.0).round() as u64;
    let (hours, rest) = (hundredths / 360_000, hundredths % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    let mut out = "PT".to_owned();
    if hours > 0 {
        out += &format!("{hours}H");
    }
    if minutes > 0 {
        out += &format!("{minutes}M");
    }
    if rest > 0 || (hours == 0 && minutes == 0) {
        out += &format!("{}.{:02}S", rest / 100, rest % 100);
    }
    out
}

/// The name of the namespace Doorway's statement and registration ids are made
/// in, itself a name-based UUID under the URL namespace. It must never change:
/// re-exporting an attempt has to give the same ids.
const ID_NAMESPACE_URL: &str = "https://doorway.invalid/xapi/ids";

/// The xAPI registration of an attempt, as its statements carry it.
pub fn registration_of(attempt_id: &str) -> String {
    uuid_from(&[attempt_id, "registration"])
}

/// A name-based UUID (version 5, RFC 9562) from `parts`, each followed by a
/// zero byte, in Doorway's namespace: the same parts always give the same id.
fn uuid_from(parts: &[&str]) -> String {
    let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, ID_NAMESPACE_URL.as_bytes());
    let mut name = Vec::new();
    for part in parts {
        name.extend_from_slice(part.as_bytes());
        name.push(0);
    }
    Uuid::new_v5(&namespace, &name).hyphenated().to_string()
}

#[cfg(test)]
#[path = "xapi_tests.rs"]
mod tests;
