//! What the engine tells its caller, as plain data. The app draws these; the
//! command line prints them.

use serde::Serialize;

use super::state::DimensionChange;
use crate::core::model::{EndingKind, RuptureKind};

/// A choice as it is offered, in the order shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShownChoice {
    pub id: String,
    pub says: String,
    /// In a draft: why this answer cannot be chosen yet (an error's message,
    /// such as `the choice "ask" leads to "r2_open", which does not exist`).
    /// Show it, marked as not to be chosen; the engine refuses it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<String>,
}

impl ShownChoice {
    /// Whether the answer can be chosen (always, outside drafts).
    pub fn can_be_chosen(&self) -> bool {
        self.disabled.is_none()
    }
}

/// Something that happened in the session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum SessionEvent {
    /// A new act began, with its place and the time on the scenario clock.
    ActBegan {
        act: String,
        title: String,
        place: String,
        clock: String,
    },
    /// Play arrived at a node: its resolved text and the choices in shown order.
    NodeEntered {
        node: String,
        step: usize,
        speaker: Option<String>,
        narration: Option<String>,
        text: String,
        choices: Vec<ShownChoice>,
    },
    /// The response timer started.
    TimerStarted {
        seconds: f64,
    },
    /// Little time is left; the trainee can extend it.
    TimerWarning {
        remaining: f64,
    },
    /// More time was added.
    TimerExtended {
        added: f64,
        remaining: f64,
    },
    /// The time ran out; the timeout outcome follows.
    TimedOut {
        node: String,
    },
    /// A noticing question is asked before the answers ("Notice first"); the
    /// answers are positions in the scenario's `probe.answers`, in the order
    /// shown. The clock waits.
    ProbeAsked {
        question: String,
        answers: Vec<usize>,
    },
    /// The noticing question was answered.
    ProbeAnswered {
        node: String,
        picked: usize,
        fits: bool,
    },
    /// The trainee's own words are in ("Say it first"); the clock stops.
    OwnWordsKept {
        node: String,
        text: String,
    },
    /// The written answers show: to choose from, or to pick the closest to the
    /// own words.
    AnswersShown,
    /// The trainee chose.
    ChoiceMade {
        node: String,
        choice: String,
        latency: f64,
    },
    /// Feedback on the response just given is ready to read (immediate mode):
    /// `review::review_step` of this step says it all. The session waits until
    /// the trainee goes on ([`super::Engine::go_on`]).
    FeedbackReady {
        step: usize,
    },
    /// The answer at this step is in; the session waits for how sure the
    /// trainee was ([`super::Engine::confide`]) before any feedback.
    ConfidenceAsked {
        step: usize,
    },
    /// The scenario clock moved on.
    ClockMoved {
        from: String,
        to: String,
    },
    /// The clock passed a deadline.
    DeadlinePassed {
        at: String,
        label: String,
        node: String,
    },
    /// A dimension changed.
    StateChanged(DimensionChange),
    RuptureOpened {
        kind: RuptureKind,
        step: usize,
    },
    RuptureRepaired {
        kind: RuptureKind,
        step: usize,
    },
    Paused,
    Resumed,
    /// Play went back to an earlier step; the abandoned branch is kept.
    Rewound {
        to_step: usize,
    },
    /// The scenario reached an ending.
    Ended {
        node: String,
        kind: EndingKind,
        title: String,
        text: String,
    },
    /// No choice is offered and no timeout can happen: the scenario cannot go on
    /// (an authoring error that `doorway check` reports).
    Stuck {
        node: String,
    },
    /// A draft goes no further at this moment: it has no answers yet, or none
    /// of them can be chosen yet; `reason` says which.
    EndOfDraft {
        node: String,
        reason: String,
    },
}
