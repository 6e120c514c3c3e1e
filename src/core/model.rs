//! The scenario format: the typed structures a `*.scenario.ron` file is read into.
//!
//! Field names here are the names authors write; `docs/scenario-format.md` documents
//! each of them with an example. Values an author may leave out have serde defaults,
//! and every struct rejects unknown fields so that a misspelt field is reported.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::clock::ClockTime;

/// A whole scenario: metadata, people, dimensions, acts with their nodes, drill
/// entry points and the expectations the test harness checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier, kept across versions (attempts refer to it).
    pub id: String,
    pub title: String,
    /// The author's version of this scenario, for example "1.2".
    pub version: String,
    /// The language the scenario is written in, as a two-letter ISO 639-1 code
    /// ("en", "es"); English when left out.
    #[serde(default = "default_language")]
    pub language: String,
    /// Set when this scenario is a translation of another: which one, and how
    /// far the translation has been reviewed.
    #[serde(default)]
    pub translation: Option<Translation>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub learning_goals: Vec<String>,
    /// Shown before play starts, so a trainee can choose whether to go on.
    #[serde(default)]
    pub content_notes: Vec<String>,
    /// Reflection prompts for the end of this scenario, asked before the
    /// default ones.
    #[serde(default)]
    pub reflection_prompts: Vec<String>,
    pub difficulty: Difficulty,
    pub estimated_minutes: u32,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Full references for the concepts the feedback cites.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Reading rate in words per minute used to check that timed text leaves time
    /// to think after reading it.
    #[serde(default = "default_reading_wpm")]
    pub reading_wpm: u32,
    /// This client's optimal distance, replacing the default band, with the reason.
    #[serde(default)]
    pub optimal_distance: Option<OptimalDistance>,
    /// Support for the trainee, shown on the briefing and the end screen with the
    /// support line from the settings: for scenarios that may stir the trainee's
    /// own history, such as a client at risk.
    #[serde(default)]
    pub trainee_support: Option<String>,
    #[serde(default)]
    pub characters: Vec<Character>,
    /// Dimensions declared by this scenario, in addition to (or replacing) the
    /// default set.
    #[serde(default)]
    pub dimensions: Vec<DimensionDef>,
    /// The node where play begins.
    #[serde(default)]
    pub start: String,
    pub acts: Vec<Act>,
    #[serde(default)]
    pub entry_points: Vec<EntryPoint>,
    #[serde(default)]
    pub expectations: Vec<Expectation>,
}

/// The default reading rate (words per minute) for the timed-text check: a
/// realistic rate for comparing options under stress or in a second language.
pub const DEFAULT_READING_WPM: u32 = 150;

fn default_reading_wpm() -> u32 {
    DEFAULT_READING_WPM
}

/// The language of a scenario that does not say: English.
pub const DEFAULT_LANGUAGE: &str = "en";

fn default_language() -> String {
    DEFAULT_LANGUAGE.to_owned()
}

/// Where a translated scenario comes from: written by `doorway strings apply`
/// from the source scenario and a string table (see [`crate::core::strings`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The id of the scenario this one translates.
    pub of: String,
    /// How far the translation has been checked.
    pub review: Review,
    /// When only the first acts are translated: how many. The acts after them
    /// are left out, and where the last one led on, the scenario ends.
    #[serde(default)]
    pub acts: Option<usize>,
    /// A word for trainees and instructors about the translation, in its language.
    #[serde(default)]
    pub note: String,
}

/// How far a translation has been checked, shown beside its language in the
/// library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    /// Drafted with a machine's help and read by a translator, not yet reviewed
    /// by a clinician who speaks the language.
    MachineAssisted,
    /// Translated by a person, not yet reviewed by a clinician who speaks the
    /// language.
    Unreviewed,
    /// Reviewed by a clinician who speaks the language.
    Reviewed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    Beginner,
    Intermediate,
    Advanced,
}

/// A person in the scenario: the client, the trainee, or anyone else who appears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub id: String,
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The person the trainee is working with.
    Client,
    /// The trainee's own role (the therapist).
    Trainee,
    /// The client whose session comes next.
    NextClient,
    Supervisor,
    FrontDesk,
    Other,
}

/// A relational dimension a response can move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dimension")]
pub struct DimensionDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub min: i32,
    pub max: i32,
    pub initial: i32,
    /// A band inside which the value is best; outside it, either way, counts against.
    #[serde(default)]
    pub optimal: Option<Band>,
    #[serde(default)]
    pub source: String,
}

/// An inclusive range of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub low: i32,
    pub high: i32,
}

impl Band {
    /// Whether `value` lies inside the band.
    pub fn contains(&self, value: i32) -> bool {
        (self.low..=self.high).contains(&value)
    }
}

/// The band of distance that is optimal for this client, and why: in the
/// Therapeutic Distance Scale model the optimal distance depends on the client
/// (Mallinckrodt, Choi & Daly, 2015).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptimalDistance {
    pub low: i32,
    pub high: i32,
    /// One line on why this band fits this client.
    pub reason: String,
}

impl OptimalDistance {
    /// The band without its reason.
    pub fn band(&self) -> Band {
        Band {
            low: self.low,
            high: self.high,
        }
    }
}

/// A scene with its own place, starting time of day, deadlines and nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub place: String,
    /// Time of day when the act begins, written "HH:MM" (24-hour clock).
    pub clock_start: ClockTime,
    /// The client of this act, by character id: whose experience the client
    /// line of feedback speaks for (see [`crate::core::felt_by`]). When left
    /// out, the first character with the role Client who speaks in the act.
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    pub nodes: Vec<Node>,
}

/// A moment in the act's day that changes the course of play when the scenario
/// clock passes it, for example "15:00: your next client arrives".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Time of day, written "HH:MM", within the act's day.
    pub at: ClockTime,
    /// What happens then, in the words shown to the trainee.
    pub label: String,
    /// The node that takes over.
    pub node: String,
    #[serde(default)]
    pub takes_over: TakeOver,
}

/// When a passed deadline's node takes over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TakeOver {
    /// As soon as the clock passes the deadline, interrupting the current moment.
    Immediately,
    /// Instead of the next node the trainee's choice would have led to.
    #[default]
    AtNextNode,
}

/// One moment of the scenario: someone speaks, the trainee answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// The character who speaks; none for narration alone.
    #[serde(default)]
    pub speaker: Option<String>,
    /// What the speaker says.
    #[serde(default)]
    pub text: String,
    /// Other wordings of `text`; one of `text` and these is picked by seeded chance.
    #[serde(default)]
    pub alternatives: Vec<String>,
    /// Scene-setting description shown before the speech.
    #[serde(default)]
    pub narration: Option<String>,
    /// The client's inner experience: hidden during play, shown with feedback.
    #[serde(default)]
    pub inner: Option<String>,
    /// Whose experience the client line of feedback speaks for at this moment,
    /// by character id, when it is not the act's client.
    #[serde(default)]
    pub felt_by: Option<String>,
    /// Seconds the trainee has to respond.
    #[serde(default)]
    pub time_limit: Option<f64>,
    /// What happens when the time limit runs out.
    #[serde(default)]
    pub timeout: Option<Timeout>,
    /// Keep the choices in the written order instead of shuffling them.
    #[serde(default)]
    pub pin_order: bool,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// A noticing question asked before the answers in "Notice first" practice.
    #[serde(default)]
    pub probe: Option<Probe>,
    /// Makes this node an ending.
    #[serde(default)]
    pub ending: Option<Ending>,
}

impl Node {
    /// A moment with this id and nothing else in it yet.
    pub fn empty(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            speaker: None,
            felt_by: None,
            text: String::new(),
            alternatives: Vec::new(),
            narration: None,
            inner: None,
            time_limit: None,
            timeout: None,
            pin_order: false,
            choices: Vec::new(),
            probe: None,
            ending: None,
        }
    }

    /// Whether this node ends the scenario.
    pub fn is_ending(&self) -> bool {
        self.ending.is_some()
    }

    /// Every wording of the node's speech: `text` first, then the alternatives.
    pub fn wordings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.alternatives.iter().map(String::as_str))
    }
}

/// A noticing question about the moment ("What is Theo feeling right now?"),
/// asked before the answers in "Notice first" practice. The trainee picks one
/// answer; one or more of them fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    pub question: String,
    pub answers: Vec<ProbeAnswer>,
    /// What there was to notice, shown after answering with the client's inner
    /// voice.
    #[serde(default)]
    pub explanation: String,
}

/// One answer to a noticing question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeAnswer {
    pub text: String,
    /// Whether this answer fits what the moment shows.
    #[serde(default)]
    pub fits: bool,
    /// Shown when this answer is picked.
    #[serde(default)]
    pub feedback: String,
}

impl Probe {
    /// Whether the answer at `index` (in written order) fits.
    pub fn fits(&self, index: usize) -> bool {
        self.answers.get(index).is_some_and(|answer| answer.fits)
    }
}

/// A response the trainee can give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable identifier, unique within its node.
    pub id: String,
    /// The trainee's words.
    pub says: String,
    /// The node this response leads to.
    pub target: String,
    /// Simulated minutes the response takes.
    #[serde(default)]
    pub minutes: u32,
    /// Changes to relational dimensions, by dimension id.
    #[serde(default)]
    pub effects: BTreeMap<String, i32>,
    #[serde(default)]
    pub rupture: Option<RuptureEffect>,
    #[serde(default)]
    pub feedback: Option<Feedback>,
    /// Coding tags such as "FIS:empathy" or "3RS:withdrawal".
    #[serde(default)]
    pub tags: Vec<String>,
    /// How well the response shows the skill; revealed after answering.
    #[serde(default)]
    pub quality: Option<Quality>,
    /// Deprecated: `exemplar: true` is read as `quality: Skilled`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exemplar: bool,
    /// All of these must hold for the choice to be offered.
    #[serde(default)]
    pub when: Vec<Condition>,
}

impl Choice {
    /// An answer with this id and nothing else yet: no words, no target, no
    /// minutes.
    pub fn empty(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            says: String::new(),
            target: String::new(),
            minutes: 0,
            effects: BTreeMap::new(),
            rupture: None,
            feedback: None,
            tags: Vec::new(),
            quality: None,
            exemplar: false,
            when: Vec::new(),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// How well a response shows the skill. Several responses at one moment may share
/// a level: there is rarely one right answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Quality {
    /// Shows the skill well.
    Skilled,
    /// Workable, with a cost or a missed chance.
    GoodEnough,
    /// Costs the relationship something.
    Costly,
}

impl Quality {
    /// Whether the response is at least good enough.
    pub fn is_good(self) -> bool {
        self != Quality::Costly
    }
}

impl Choice {
    /// The response's level: `quality`, or `Skilled` for a deprecated
    /// `exemplar: true`; none when the author gave neither.
    pub fn level(&self) -> Option<Quality> {
        self.quality.or(self.exemplar.then_some(Quality::Skilled))
    }
}

/// What happens when a timed node's limit runs out: a response like any other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeout {
    pub target: String,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub effects: BTreeMap<String, i32>,
    #[serde(default)]
    pub rupture: Option<RuptureEffect>,
    #[serde(default)]
    pub feedback: Option<Feedback>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A view of what a choice or a timeout does, so both can be handled alike.
#[derive(Debug, Clone, Copy)]
pub struct Outcome<'a> {
    pub target: &'a str,
    pub minutes: u32,
    pub effects: &'a BTreeMap<String, i32>,
    pub rupture: Option<RuptureEffect>,
    pub feedback: Option<&'a Feedback>,
}

impl Choice {
    /// What this choice does.
    pub fn outcome(&self) -> Outcome<'_> {
        Outcome {
            target: &self.target,
            minutes: self.minutes,
            effects: &self.effects,
            rupture: self.rupture,
            feedback: self.feedback.as_ref(),
        }
    }
}

impl Timeout {
    /// What timing out does.
    pub fn outcome(&self) -> Outcome<'_> {
        Outcome {
            target: &self.target,
            minutes: self.minutes,
            effects: &self.effects,
            rupture: self.rupture,
            feedback: self.feedback.as_ref(),
        }
    }
}

/// How a response changes the state of ruptures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuptureEffect {
    /// Opens a rupture of the given kind.
    Opens(RuptureKind),
    /// Repairs the ruptures that are open.
    Repairs,
}

/// The two kinds of rupture marker in the 3RS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RuptureKind {
    /// Moving away: minimal answers, deference, topic shifts, cancelling.
    Withdrawal,
    /// Moving against: complaints, criticism of the therapist or the frame.
    Confrontation,
}

/// Feedback on a response, in the three parts the relational-model guide asks for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// What the response does to the relationship, and the pull behind it.
    #[serde(default)]
    pub relational: String,
    /// What the client may feel, in the client's voice.
    #[serde(default)]
    pub client: String,
    /// Whose voice `client` is, by character id, for this answer alone: it
    /// overrides the node's `felt_by` and the act's `client`.
    #[serde(default)]
    pub voice: Option<String>,
    /// The concept the response illustrates.
    #[serde(default)]
    pub concept: String,
    /// Where the concept comes from.
    #[serde(default)]
    pub source: String,
}

/// A condition on the session state that decides whether a choice is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// The node was visited earlier in this session.
    Visited(String),
    /// The node was not visited yet.
    NotVisited(String),
    /// At least one rupture is open.
    RuptureOpen,
    /// No rupture is open.
    NoRuptureOpen,
    /// The dimension's value is at least this.
    AtLeast(String, i32),
    /// The dimension's value is at most this.
    AtMost(String, i32),
}

/// What happened to the relationship by an ending. The kinds describe, they do
/// not rank: a connection that held is as good an ending as a rupture repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EndingKind {
    /// The connection held; no rupture needed working through. (Older files'
    /// `Neutral` reads as this.)
    #[serde(alias = "Neutral")]
    Held,
    /// A rupture was worked through.
    Repaired,
    /// Things were left open, neither worked through nor worse.
    Unresolved,
    /// A rupture grew. (Older files' `RuptureDeepened` reads as this.)
    #[serde(alias = "RuptureDeepened")]
    Deepened,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub kind: EndingKind,
    pub title: String,
    /// Closing text shown at the end.
    #[serde(default)]
    pub text: String,
}

/// A named start other than the beginning, with the state it assumes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryPoint {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub node: String,
    /// Time of day to start at, "HH:MM"; the act's start when left out.
    #[serde(default)]
    pub clock: Option<ClockTime>,
    /// Dimension values assumed at the start; others take their initial value.
    #[serde(default)]
    pub state: BTreeMap<String, i32>,
    /// Ruptures assumed to be open at the start.
    #[serde(default)]
    pub open_ruptures: Vec<RuptureKind>,
    /// Nodes assumed to have been visited already.
    #[serde(default)]
    pub visited: Vec<String>,
}

/// A scripted path the test harness plays, with what it must reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub name: String,
    /// The entry point to start from; the beginning when left out.
    #[serde(default)]
    pub entry: Option<String>,
    pub steps: Vec<Step>,
    /// The ending kind the path must reach.
    #[serde(default)]
    pub ending: Option<EndingKind>,
    /// The node the path must end on.
    #[serde(default)]
    pub node: Option<String>,
    /// Ranges the dimensions must be in at the end of the path.
    #[serde(default)]
    pub state: BTreeMap<String, ValueRange>,
}

/// One step of an expectation's path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// Choose the response with this id at the current node.
    Choose(String),
    /// Let the current node's time limit run out.
    TimeOut,
}

/// An inclusive range; a missing bound is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueRange {
    #[serde(default)]
    pub min: Option<i32>,
    #[serde(default)]
    pub max: Option<i32>,
}

impl ValueRange {
    /// Whether `value` lies in the range.
    pub fn contains(&self, value: i32) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }
}

impl Scenario {
    /// Every node of every act, in file order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.acts.iter().flat_map(|act| act.nodes.iter())
    }

    /// The character with this id.
    pub fn character(&self, id: &str) -> Option<&Character> {
        self.characters.iter().find(|c| c.id == id)
    }
}
