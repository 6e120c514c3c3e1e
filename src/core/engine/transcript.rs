//! The record of a session: every step with what was shown, what was answered,
//! how long it took and what it did, tied to the exact scenario text by a hash.

use serde::{Deserialize, Serialize};

use super::settings::Settings;
use super::state::StateSnapshot;
use crate::core::fis::SelfRating;
use crate::core::model::{EndingKind, Feedback, Quality};

/// The response given at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Choice(String),
    Timeout,
}

/// One step: a node and the response to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub index: usize,
    pub node: String,
    pub act: String,
    /// The scenario clock when the node was entered, "HH:MM".
    pub clock: String,
    /// Which wording of the node's text was shown (0 is `text`).
    pub wording: usize,
    /// The ids of the choices offered, in the order shown.
    pub shown_choices: Vec<String>,
    pub response: Response,
    /// Seconds of play from entering the node to the response.
    pub latency: f64,
    /// The authored time limit, in seconds.
    pub time_limit: Option<f64>,
    /// The limit in force after accommodations and extensions.
    pub effective_limit: Option<f64>,
    /// How many times the trainee extended the time here.
    pub extensions: u32,
    pub state_before: StateSnapshot,
    pub state_after: StateSnapshot,
    pub feedback: Option<Feedback>,
    /// The level of the answer given; none for a timeout or an unrated answer.
    pub quality: Option<Quality>,
    /// A deadline that passed during this step, by its label.
    pub deadline: Option<String>,
    /// What the trainee wrote first ("Say it first").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_words: Option<OwnWords>,
    /// The noticing question answered before the answers ("Notice first").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<ProbeRecord>,
    /// How sure the trainee was of the answer, when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The trainee's ratings of their own words; empty when not rated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_ratings: Vec<SelfRating>,
}

/// The trainee's own words at a moment, written before the answers showed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnWords {
    pub text: String,
    /// Seconds from entering the moment to submitting (or to the time running out).
    pub latency: f64,
    /// Whether the time ran out while writing (the timeout's path was taken;
    /// false when the trainee let the moment pass before the limit).
    pub time_ran_out: bool,
    /// The trainee said none of the written answers was close to their words
    /// (the answer recorded is the one they chose for the story to follow).
    pub none_close: bool,
}

/// A noticing question's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProbeRecord {
    /// The answers' positions in the scenario, in the order shown.
    pub shown: Vec<usize>,
    /// The answer picked, by its position in the scenario.
    pub picked: usize,
    /// Whether the picked answer fits.
    pub fits: bool,
    /// Seconds from the question showing to the answer.
    pub latency: f64,
}

/// How sure the trainee was of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Sure,
    Unsure,
}

/// The ending a session reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndingRecord {
    pub node: String,
    pub kind: EndingKind,
    pub title: String,
}

/// Steps abandoned by a rewind, kept for "what if" in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    /// The step the trainee went back to.
    pub from_step: usize,
    pub steps: Vec<StepRecord>,
    pub ending: Option<EndingRecord>,
}

/// The whole record of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub scenario_id: String,
    pub scenario_version: String,
    /// SHA-256 of the scenario's content, so an attempt stays tied to its text.
    pub content_hash: String,
    pub seed: u64,
    pub entry: Option<String>,
    pub settings: Settings,
    pub steps: Vec<StepRecord>,
    pub branches: Vec<Branch>,
    pub ending: Option<EndingRecord>,
}
