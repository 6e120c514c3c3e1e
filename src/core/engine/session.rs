//! The session engine: a state machine that plays a scenario. It is driven by
//! explicit time deltas and choices, and answers every call with events as data.
//! Given the scenario, the seed and the inputs with their times, it is fully
//! deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::events::{SessionEvent, ShownChoice};
use super::playable::PlayableScenario;
use super::random::{index_below, rng_for_step, shuffle};
use super::settings::{FeedbackMode, PracticeMode, Settings};
use super::state::{RelationalState, StateSnapshot};
use super::transcript::{
    Branch, Confidence, EndingRecord, OwnWords, ProbeRecord, Response, StepRecord, Transcript,
};
use crate::core::clock::format_clock;
use crate::core::dimensions::DimensionSet;
use crate::core::fis::{RATING_RANGE, SelfRating};
use crate::core::model::{Node, Outcome, ProbeAnswer, Quality, RuptureEffect, Scenario, TakeOver};
use crate::core::wording;

/// The shortest time limit the engine runs, whatever the multiplier.
const MIN_LIMIT: Duration = Duration::from_millis(1);

/// Timeouts one tick may cascade through; time beyond that is dropped, so a
/// huge tick over a loop of timed nodes cannot hang the caller.
const MAX_TIMEOUTS_PER_TICK: usize = 10_000;

/// Why a call could not be carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    UnknownEntry(String),
    UnknownNode(String),
    /// The choice is not among those offered at this node.
    NotOffered {
        choice: String,
        offered: Vec<String>,
    },
    /// The session has ended (or is stuck).
    NotPlaying,
    Paused,
    /// The current node has no time limit in force, or no timeout outcome.
    NoTimer,
    BadExtension,
    /// Rewind to a step that does not exist yet (`step` counts from 0; the
    /// message counts from 1, as the screens do).
    BadStep {
        step: usize,
        steps: usize,
    },
    /// A saved session was made on a different version of the scenario.
    ScenarioChanged,
    /// Feedback on the last answer is showing: go on ([`Engine::go_on`]) first.
    ReadingFeedback,
    /// There is no feedback to go on from.
    NothingToGoOn,
    /// The call does not fit where play stands within the moment (for example
    /// choosing while the trainee still writes their own words).
    WrongPhase {
        phase: Phase,
    },
    /// A self-rating outside 1 to 5.
    BadRating(u8),
    /// No answer to the noticing question has this position.
    NoSuchProbeAnswer(usize),
    /// In a draft: the answer is shown but has an error, so it cannot be
    /// chosen yet; `reason` is the error's message.
    CannotChooseYet {
        choice: String,
        reason: String,
    },
    /// In a draft: the moment's timeout has an error, so the moment cannot be
    /// let pass yet.
    CannotPassYet {
        reason: String,
    },
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownEntry(id) => write!(f, "no entry point \"{id}\""),
            Self::UnknownNode(id) => write!(f, "no node \"{id}\""),
            Self::NotOffered { choice, offered } => write!(
                f,
                "\"{choice}\" is not offered here; the choices are: {}",
                offered.join(", ")
            ),
            Self::NotPlaying => f.write_str("the session has ended"),
            Self::Paused => f.write_str("the session is paused"),
            Self::NoTimer => f.write_str("no time limit is running here"),
            Self::BadExtension => {
                f.write_str("extend by a positive number of seconds, fewer than a clock can count")
            }
            Self::BadStep { step, steps } => match steps {
                0 => write!(
                    f,
                    "step {} does not exist: nothing has been answered yet",
                    step + 1
                ),
                1 => write!(f, "step {} does not exist: there is only step 1", step + 1),
                _ => write!(
                    f,
                    "step {} does not exist: the steps are 1 to {steps}",
                    step + 1
                ),
            },
            Self::ScenarioChanged => {
                f.write_str("the saved session was made on a different version of the scenario")
            }
            Self::ReadingFeedback => {
                f.write_str("the feedback on your last answer is showing: go on first")
            }
            Self::NothingToGoOn => f.write_str("there is no feedback to go on from"),
            Self::WrongPhase { phase } => f.write_str(match phase {
                Phase::Noticing => "answer the question about the moment first",
                Phase::Noticed => "the feedback on your noticing is showing: go on first",
                Phase::Writing => "write your own words first, or let the time run out",
                Phase::Picking => "your words are in: pick the answer closest to them",
                Phase::Answering => "the answers are showing: choose one",
                Phase::Confiding => "say how sure you were of your answer first, or skip it",
            }),
            Self::BadRating(score) => {
                let (low, high) = RATING_RANGE;
                write!(f, "a rating is {low} to {high}, not {score}")
            }
            Self::NoSuchProbeAnswer(index) => {
                write!(f, "the question has no answer {}", index + 1)
            }
            Self::CannotChooseYet { reason, .. } => {
                write!(
                    f,
                    "this answer {}: {reason}",
                    wording::cannot_be_chosen_yet()
                )
            }
            Self::CannotPassYet { reason } => {
                write!(f, "{}: {reason}", wording::cannot_pass_yet())
            }
        }
    }
}

impl std::error::Error for EngineError {}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Playing,
    Ended,
    /// No choice is offered and no timeout can happen.
    Stuck,
    /// A draft goes no further: the moment has no answers yet, or none of
    /// them can be chosen yet ([`Engine::end_of_draft`] says why).
    EndOfDraft,
}

/// The response timer of the current node, counting play time only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeTimer {
    pub elapsed: Duration,
    /// The limit in force, after accommodations and extensions.
    pub limit: Option<Duration>,
    pub warned: bool,
    pub extensions: u32,
}

/// Where play stands within the current moment: a practice mode adds steps
/// before the answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The noticing question shows; the clock waits.
    Noticing,
    /// The noticing question's feedback shows (immediate feedback); the clock waits.
    Noticed,
    /// The trainee writes their own words; the clock runs.
    Writing,
    /// The own words are in; the trainee picks the closest written answer; the
    /// clock waits.
    Picking,
    /// The answers show and the clock runs.
    #[default]
    Answering,
    /// The answer is in; before any feedback the trainee says how sure they
    /// were (when the settings ask); the clock waits.
    Confiding,
}

impl Phase {
    /// Whether the response timer runs in this phase.
    pub fn clock_runs(self) -> bool {
        matches!(self, Phase::Writing | Phase::Answering)
    }
}

/// What the trainee did at the current moment before answering it, kept until
/// the answer's step is recorded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// The noticing question's answers, by position in the scenario, in the
    /// order shown.
    pub probe_order: Vec<usize>,
    pub probe: Option<ProbeRecord>,
    /// The own words typed so far, kept if the time runs out.
    pub draft: String,
    pub own_words: Option<OwnWords>,
    /// Play time spent while the clock waited (the noticing question).
    pub waited: Duration,
}

/// How the current node is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    /// Which wording: 0 is the node's `text`, then its alternatives.
    pub wording: usize,
    /// Ids of the choices offered, in the order shown (in a draft, with those
    /// that cannot be chosen yet: see `disabled`).
    pub choices: Vec<String>,
    /// In a draft: the choices shown that cannot be chosen yet, by id, each
    /// with why (an error's message).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub disabled: BTreeMap<String, String>,
    /// In a draft: why the moment cannot be let pass (its timeout has an error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_disabled: Option<String>,
    /// In a draft: why the moment's time limit does not run (its timeout or the
    /// limit itself has an error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer_off: Option<String>,
}

/// Everything needed to continue a session exactly: save it mid-scenario, restore
/// it with [`Engine::restore`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionState {
    pub node: String,
    pub act: usize,
    /// Minutes after midnight on the scenario clock.
    pub clock: u32,
    pub relational: RelationalState,
    /// Deadlines already passed, as (act, deadline) positions.
    pub fired_deadlines: BTreeSet<(usize, usize)>,
    pub timer: NodeTimer,
    pub paused: bool,
    pub shown: Presentation,
    pub status: Status,
    /// While feedback on the last answer is showing (immediate mode): the node
    /// the answer leads to, entered when the trainee goes on.
    #[serde(default)]
    pub next: Option<String>,
    /// Where play stands within the moment.
    #[serde(default)]
    pub phase: Phase,
    #[serde(default)]
    pub pending: Pending,
    pub transcript: Transcript,
}

/// Where and how a session begins.
struct Beginning<'a> {
    node: &'a str,
    relational: RelationalState,
    clock: Option<u32>,
    seed: u64,
    settings: Settings,
    entry: Option<&'a str>,
}

/// Plays one scenario.
#[derive(Debug, Clone)]
pub struct Engine {
    playable: Arc<PlayableScenario>,
    state: SessionState,
}

impl Engine {
    /// Starts a session at the beginning, or at the named entry point.
    pub fn start(
        playable: &Arc<PlayableScenario>,
        entry: Option<&str>,
        seed: u64,
        settings: Settings,
    ) -> Result<(Self, Vec<SessionEvent>), EngineError> {
        let scenario = playable.scenario();
        let entry_point = match entry {
            Some(id) => Some(
                scenario
                    .entry_points
                    .iter()
                    .find(|e| e.id == id)
                    .ok_or_else(|| EngineError::UnknownEntry(id.to_owned()))?,
            ),
            None => None,
        };
        let first = entry_point.map_or(scenario.start.as_str(), |e| e.node.as_str());
        let clock = entry_point
            .and_then(|e| e.clock)
            .map(|clock| clock.minutes());
        let relational = RelationalState::initial(playable.dimensions(), entry_point);
        let begin = Beginning {
            node: first,
            relational,
            clock,
            seed,
            settings,
            entry,
        };
        Self::begin(playable, begin)
    }

    /// Starts a session at any node, with a given relational state and clock (the
    /// act's start when none): how a session carries on after its scenario is
    /// edited, and how an author jumps to a node.
    pub fn start_at(
        playable: &Arc<PlayableScenario>,
        node: &str,
        relational: RelationalState,
        clock: Option<u32>,
        seed: u64,
        settings: Settings,
    ) -> Result<(Self, Vec<SessionEvent>), EngineError> {
        let begin = Beginning {
            node,
            relational,
            clock,
            seed,
            settings,
            entry: None,
        };
        Self::begin(playable, begin)
    }

    fn begin(
        playable: &Arc<PlayableScenario>,
        begin: Beginning,
    ) -> Result<(Self, Vec<SessionEvent>), EngineError> {
        let scenario = playable.scenario();
        let (act, _) = playable
            .position(begin.node)
            .ok_or_else(|| EngineError::UnknownNode(begin.node.to_owned()))?;
        let clock = begin
            .clock
            .unwrap_or(scenario.acts[act].clock_start.minutes());
        let settings = begin.settings.sanitised();
        let transcript = Transcript {
            scenario_id: scenario.id.clone(),
            scenario_version: scenario.version.clone(),
            content_hash: playable.content_hash().to_owned(),
            seed: begin.seed,
            entry: begin.entry.map(str::to_owned),
            settings,
            steps: Vec::new(),
            branches: Vec::new(),
            ending: None,
        };
        let state = SessionState {
            node: begin.node.to_owned(),
            act,
            clock,
            relational: begin.relational,
            fired_deadlines: BTreeSet::new(),
            timer: NodeTimer {
                elapsed: Duration::ZERO,
                limit: None,
                warned: false,
                extensions: 0,
            },
            paused: false,
            shown: Presentation {
                wording: 0,
                choices: Vec::new(),
                disabled: BTreeMap::new(),
                timeout_disabled: None,
                timer_off: None,
            },
            status: Status::Playing,
            next: None,
            phase: Phase::Answering,
            pending: Pending::default(),
            transcript,
        };
        let mut engine = Self {
            playable: Arc::clone(playable),
            state,
        };
        let mut events = Vec::new();
        engine.begin_act(act, clock, &mut events);
        engine.enter_node(begin.node, &mut events);
        Ok((engine, events))
    }

    /// Continues a saved session. Fails if the scenario has changed since.
    pub fn restore(
        playable: &Arc<PlayableScenario>,
        state: SessionState,
    ) -> Result<Self, EngineError> {
        if state.transcript.content_hash != playable.content_hash() {
            return Err(EngineError::ScenarioChanged);
        }
        if playable.position(&state.node).is_none() {
            return Err(EngineError::UnknownNode(state.node.clone()));
        }
        Ok(Self {
            playable: Arc::clone(playable),
            state,
        })
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        self.playable.scenario()
    }

    /// The scenario with its lookups, shared with other sessions on it.
    pub fn playable(&self) -> &Arc<PlayableScenario> {
        &self.playable
    }

    /// The whole state, for saving.
    pub fn state(&self) -> &SessionState {
        &self.state
    }

    /// The record so far.
    pub fn transcript(&self) -> &Transcript {
        &self.state.transcript
    }

    /// The dimensions in force.
    pub fn dimensions(&self) -> &DimensionSet {
        self.playable.dimensions()
    }

    /// The node play is at.
    pub fn node(&self) -> &Node {
        self.playable
            .node(&self.state.node)
            .expect("play is always at a node of the scenario")
    }

    /// The text of the current node as shown (the wording picked for it).
    pub fn shown_text(&self) -> &str {
        self.node()
            .wordings()
            .nth(self.state.shown.wording)
            .unwrap_or("")
    }

    /// Time left to respond, when a limit is in force and running (not while
    /// feedback shows).
    pub fn remaining(&self) -> Option<Duration> {
        if self.state.next.is_some() {
            return None;
        }
        let timer = &self.state.timer;
        timer.limit.map(|limit| limit.saturating_sub(timer.elapsed))
    }

    /// Whether feedback on the last answer is showing: nothing runs until the
    /// trainee goes on.
    pub fn reading_feedback(&self) -> bool {
        self.state.next.is_some() && self.state.phase != Phase::Confiding
    }

    /// The next deadline of the current act still to come, with the minutes left
    /// until it: what the app shows as "next client in 12 min".
    pub fn next_deadline(&self) -> Option<(&str, u32)> {
        let act = &self.scenario().acts[self.state.act];
        act.deadlines
            .iter()
            .enumerate()
            .filter(|(d, _)| !self.state.fired_deadlines.contains(&(self.state.act, *d)))
            .filter_map(|(_, deadline)| {
                let at = deadline.at.minutes();
                (at > self.state.clock).then(|| (deadline.label.as_str(), at - self.state.clock))
            })
            .min_by_key(|(_, minutes)| *minutes)
    }

    /// Lets play time pass. A running timer that reaches its limit takes the
    /// node's timeout outcome exactly once, at the limit; what remains of the tick
    /// runs on at the next node.
    pub fn tick(&mut self, elapsed: Duration) -> Vec<SessionEvent> {
        let mut events = Vec::new();
        let mut left = elapsed;
        for _ in 0..MAX_TIMEOUTS_PER_TICK {
            if self.state.status != Status::Playing
                || self.state.paused
                || self.state.next.is_some()
            {
                break;
            }
            if !self.state.phase.clock_runs() {
                self.state.pending.waited += left;
                break;
            }
            let timer = &mut self.state.timer;
            let Some(limit) = timer.limit else {
                timer.elapsed += left;
                break;
            };
            let until_end = limit.saturating_sub(timer.elapsed);
            if left < until_end {
                timer.elapsed += left;
                let remaining = limit - timer.elapsed;
                if !timer.warned
                    && remaining <= self.state.transcript.settings.warning_before(limit)
                {
                    timer.warned = true;
                    events.push(SessionEvent::TimerWarning {
                        remaining: remaining.as_secs_f64(),
                    });
                }
                break;
            }
            left -= until_end;
            timer.elapsed = limit;
            self.time_out(limit, &mut events);
        }
        events
    }

    /// Answers with the offered choice `id`.
    pub fn choose(&mut self, id: &str) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Answering, Phase::Picking])?;
        if !self.state.shown.choices.iter().any(|c| c == id) {
            return Err(EngineError::NotOffered {
                choice: id.to_owned(),
                offered: self.state.shown.choices.clone(),
            });
        }
        if let Some(reason) = self.state.shown.disabled.get(id) {
            return Err(EngineError::CannotChooseYet {
                choice: id.to_owned(),
                reason: reason.clone(),
            });
        }
        let latency = self.state.timer.elapsed;
        let mut events = vec![SessionEvent::ChoiceMade {
            node: self.state.node.clone(),
            choice: id.to_owned(),
            latency: latency.as_secs_f64(),
        }];
        self.respond(Response::Choice(id.to_owned()), latency, &mut events);
        Ok(events)
    }

    /// Gives a recorded response again (a choice, or letting the time run out)
    /// and goes straight on to the next moment: replays and checks do not stop
    /// to read feedback.
    pub fn respond_with(&mut self, response: &Response) -> Result<Vec<SessionEvent>, EngineError> {
        // A replay answers through any practice step; a timeout while writing
        // keeps the words typed so far.
        let keeps_phase = match response {
            Response::Choice(_) => self.state.phase == Phase::Picking,
            Response::Timeout => self.state.phase == Phase::Writing,
        };
        if !keeps_phase {
            self.state.phase = Phase::Answering;
        }
        let mut events = match response {
            Response::Choice(id) => self.choose(id)?,
            Response::Timeout => self.let_time_run_out()?,
        };
        if self.state.phase == Phase::Confiding {
            events.extend(self.confide(None)?);
        }
        if self.reading_feedback() {
            events.extend(self.go_on()?);
        }
        Ok(events)
    }

    /// After the feedback on an answer has been read: enters the moment the
    /// answer leads to, and its countdown starts.
    pub fn go_on(&mut self) -> Result<Vec<SessionEvent>, EngineError> {
        if self.state.phase == Phase::Confiding {
            return Err(EngineError::WrongPhase {
                phase: Phase::Confiding,
            });
        }
        let next = self.state.next.take().ok_or(EngineError::NothingToGoOn)?;
        let mut events = Vec::new();
        self.enter_node(&next, &mut events);
        Ok(events)
    }

    /// Takes the timeout outcome now: the trainee lets the moment pass (with time
    /// limits off this is the only way to), or an author tries the timeout branch.
    pub fn let_time_run_out(&mut self) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Answering, Phase::Writing])?;
        if self.node().timeout.is_none() {
            return Err(EngineError::NoTimer);
        }
        if let Some(reason) = &self.state.shown.timeout_disabled {
            return Err(EngineError::CannotPassYet {
                reason: reason.clone(),
            });
        }
        let mut events = Vec::new();
        self.time_out(self.state.timer.elapsed, &mut events);
        Ok(events)
    }

    /// The relationship as the trainee may see it now: while they say how
    /// sure they were, still as it was before the answer (a meter that moved
    /// would give the answer's level away).
    pub fn shown_state(&self) -> StateSnapshot {
        match self.state.transcript.steps.last() {
            Some(last) if self.state.phase == Phase::Confiding => last.state_before.clone(),
            _ => self.state.relational.snapshot(),
        }
    }

    /// The current moment's answers in the order shown; in a draft, each that
    /// cannot be chosen yet says why. Number them for the keyboard as the
    /// front end sees fit ([`ShownChoice::can_be_chosen`]).
    pub fn shown_choices(&self) -> Vec<ShownChoice> {
        let node = self.node();
        let shown = &self.state.shown;
        shown
            .choices
            .iter()
            .filter_map(|id| node.choices.iter().find(|c| &c.id == id))
            .map(|c| ShownChoice {
                id: c.id.clone(),
                says: c.says.clone(),
                disabled: shown.disabled.get(&c.id).cloned(),
            })
            .collect()
    }

    /// In a draft: why the current moment's time limit does not run (its
    /// timeout, or the limit itself, has an error).
    pub fn timer_off_because(&self) -> Option<&str> {
        self.state.shown.timer_off.as_deref()
    }

    /// Once a draft has gone as far as it is written ([`Status::EndOfDraft`]):
    /// why it goes no further. The moment has no answers yet (the error's
    /// message), or none of its answers can be chosen yet.
    pub fn end_of_draft(&self) -> Option<String> {
        if self.state.status == Status::EndOfDraft {
            self.why_the_draft_stops()
        } else {
            None
        }
    }

    /// Why a draft goes no further at the current moment, where nothing can be
    /// taken; none when that is not the draft's doing.
    fn why_the_draft_stops(&self) -> Option<String> {
        let unwritten = self
            .playable
            .gaps_at(&self.state.node)
            .and_then(|g| g.unwritten.clone());
        let shown = &self.state.shown;
        let something_disabled = !shown.disabled.is_empty() || shown.timeout_disabled.is_some();
        unwritten.or_else(|| {
            something_disabled.then(|| wording::no_answer_can_be_chosen_yet().to_owned())
        })
    }

    /// Where play stands within the current moment.
    pub fn phase(&self) -> Phase {
        self.state.phase
    }

    /// The noticing question's answers in the order shown, each with its
    /// position in the scenario (what [`Engine::answer_probe`] takes).
    pub fn probe_answers(&self) -> Vec<(usize, &ProbeAnswer)> {
        let Some(probe) = &self.node().probe else {
            return Vec::new();
        };
        self.state
            .pending
            .probe_order
            .iter()
            .filter_map(|&i| probe.answers.get(i).map(|answer| (i, answer)))
            .collect()
    }

    /// The noticing question's answer at this moment, once given.
    pub fn probe_record(&self) -> Option<&ProbeRecord> {
        self.state.pending.probe.as_ref()
    }

    /// Answers the noticing question with the answer at `index` (its position
    /// in the scenario). With immediate feedback the question's feedback shows
    /// until [`Engine::see_answers`]; otherwise the answers show at once.
    pub fn answer_probe(&mut self, index: usize) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Noticing])?;
        let probe = self.node().probe.as_ref().ok_or(EngineError::WrongPhase {
            phase: self.state.phase,
        })?;
        if index >= probe.answers.len() {
            return Err(EngineError::NoSuchProbeAnswer(index));
        }
        let fits = probe.fits(index);
        let pending = &mut self.state.pending;
        pending.probe = Some(ProbeRecord {
            shown: pending.probe_order.clone(),
            picked: index,
            fits,
            latency: pending.waited.as_secs_f64(),
        });
        let mut events = vec![SessionEvent::ProbeAnswered {
            node: self.state.node.clone(),
            picked: index,
            fits,
        }];
        if self.state.transcript.settings.feedback == FeedbackMode::Immediate {
            self.state.phase = Phase::Noticed;
        } else {
            self.show_answers(Phase::Answering, &mut events);
        }
        Ok(events)
    }

    /// After the noticing question's feedback: the answers show and the
    /// clock starts.
    pub fn see_answers(&mut self) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Noticed])?;
        let mut events = Vec::new();
        self.show_answers(Phase::Answering, &mut events);
        Ok(events)
    }

    /// Keeps the own words typed so far, so that they are recorded if the time
    /// runs out before they are submitted.
    pub fn set_draft(&mut self, text: &str) {
        if self.state.phase == Phase::Writing && self.state.pending.draft != text {
            text.clone_into(&mut self.state.pending.draft);
        }
    }

    /// Submits the trainee's own words: the clock stops and the written answers
    /// show, to pick the closest.
    pub fn submit_own_words(&mut self, text: &str) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Writing])?;
        self.state.pending.draft.clear();
        self.state.pending.own_words = Some(OwnWords {
            text: text.to_owned(),
            latency: self.state.timer.elapsed.as_secs_f64(),
            time_ran_out: false,
            none_close: false,
        });
        let mut events = vec![SessionEvent::OwnWordsKept {
            node: self.state.node.clone(),
            text: text.to_owned(),
        }];
        self.show_answers(Phase::Picking, &mut events);
        Ok(events)
    }

    /// Says whether none of the written answers is close to the own words; the
    /// answer chosen next is then the one the story follows.
    pub fn set_none_close(&mut self, none_close: bool) -> Result<(), EngineError> {
        self.require_playing()?;
        self.require_phase(&[Phase::Picking])?;
        if let Some(words) = &mut self.state.pending.own_words {
            words.none_close = none_close;
        }
        Ok(())
    }

    /// Says how sure the trainee was of the answer just given (none skips),
    /// before any feedback: then the feedback shows (immediate feedback) or play
    /// goes on to the next moment.
    pub fn confide(
        &mut self,
        confidence: Option<Confidence>,
    ) -> Result<Vec<SessionEvent>, EngineError> {
        if self.state.status != Status::Playing {
            return Err(EngineError::NotPlaying);
        }
        self.require_phase(&[Phase::Confiding])?;
        let step = self.state.transcript.steps.len() - 1;
        self.step_mut(step)?.confidence = confidence;
        self.state.phase = Phase::Answering;
        let mut events = Vec::new();
        if self.state.transcript.settings.feedback == FeedbackMode::Immediate {
            events.push(SessionEvent::FeedbackReady { step });
        } else if let Some(next) = self.state.next.take() {
            self.enter_node(&next, &mut events);
        }
        Ok(events)
    }

    /// Records how sure the trainee was of the answer at `step` (none clears it).
    pub fn rate_confidence(
        &mut self,
        step: usize,
        confidence: Option<Confidence>,
    ) -> Result<(), EngineError> {
        self.step_mut(step)?.confidence = confidence;
        Ok(())
    }

    /// Records the trainee's ratings of their own words at `step` (empty skips).
    pub fn rate_own_words(
        &mut self,
        step: usize,
        ratings: Vec<SelfRating>,
    ) -> Result<(), EngineError> {
        let (low, high) = RATING_RANGE;
        if let Some(bad) = ratings.iter().find(|r| !(low..=high).contains(&r.score)) {
            return Err(EngineError::BadRating(bad.score));
        }
        self.step_mut(step)?.self_ratings = ratings;
        Ok(())
    }

    /// Shows another wording of the current moment than `avoid`, where it has
    /// one: a repeated moment reads differently. Returns the moment as now shown.
    pub fn show_another_wording(&mut self, avoid: usize) -> Option<SessionEvent> {
        let wordings = self.node().alternatives.len() + 1;
        if wordings < 2 || self.state.shown.wording != avoid {
            return None;
        }
        self.state.shown.wording = (avoid + 1) % wordings;
        Some(self.node_entered_event())
    }

    fn step_mut(&mut self, step: usize) -> Result<&mut StepRecord, EngineError> {
        let steps = &mut self.state.transcript.steps;
        let count = steps.len();
        steps
            .get_mut(step)
            .ok_or(EngineError::BadStep { step, steps: count })
    }

    /// Moves on to the answers (to choose, or to pick the closest) and starts
    /// the clock where it runs.
    fn show_answers(&mut self, phase: Phase, events: &mut Vec<SessionEvent>) {
        self.state.phase = phase;
        events.push(SessionEvent::AnswersShown);
        if phase.clock_runs()
            && let Some(limit) = self.state.timer.limit
        {
            events.push(SessionEvent::TimerStarted {
                seconds: limit.as_secs_f64(),
            });
        }
    }

    fn require_phase(&self, allowed: &[Phase]) -> Result<(), EngineError> {
        if allowed.contains(&self.state.phase) {
            Ok(())
        } else {
            Err(EngineError::WrongPhase {
                phase: self.state.phase,
            })
        }
    }

    /// Stops the clock; nothing counts until [`Engine::resume`].
    pub fn pause(&mut self) -> Vec<SessionEvent> {
        if self.state.paused || self.state.status != Status::Playing {
            return Vec::new();
        }
        self.state.paused = true;
        vec![SessionEvent::Paused]
    }

    /// Starts the clock again.
    pub fn resume(&mut self) -> Vec<SessionEvent> {
        if !self.state.paused {
            return Vec::new();
        }
        self.state.paused = false;
        vec![SessionEvent::Resumed]
    }

    /// Adds time to the running limit; may be repeated as often as wanted.
    pub fn extend_timer(&mut self, seconds: f64) -> Result<Vec<SessionEvent>, EngineError> {
        self.require_playing()?;
        if !seconds.is_finite() || seconds <= 0.0 {
            return Err(EngineError::BadExtension);
        }
        let timer = &mut self.state.timer;
        let limit = timer.limit.ok_or(EngineError::NoTimer)?;
        let extended = Duration::try_from_secs_f64(seconds)
            .ok()
            .and_then(|added| limit.checked_add(added))
            .ok_or(EngineError::BadExtension)?;
        timer.limit = Some(extended);
        timer.extensions += 1;
        timer.warned = false;
        let remaining = extended.saturating_sub(timer.elapsed);
        Ok(vec![SessionEvent::TimerExtended {
            added: seconds,
            remaining: remaining.as_secs_f64(),
        }])
    }

    /// Goes back to step `step` (0 is the first), to respond differently. The
    /// steps from there on are kept in the transcript as an abandoned branch.
    pub fn rewind(&mut self, step: usize) -> Result<Vec<SessionEvent>, EngineError> {
        let steps = self.state.transcript.steps.len();
        if step >= steps {
            return Err(EngineError::BadStep { step, steps });
        }
        let old = &self.state.transcript;
        let entry = old.entry.clone();
        let (mut fresh, _) =
            Engine::start(&self.playable, entry.as_deref(), old.seed, old.settings)?;
        for record in &old.steps[..step] {
            let mut ignored = Vec::new();
            fresh.respond(record.response.clone(), Duration::ZERO, &mut ignored);
            if let Some(next) = fresh.state.next.take() {
                fresh.enter_node(&next, &mut ignored);
            }
        }
        let mut branches = old.branches.clone();
        branches.push(Branch {
            from_step: step,
            steps: old.steps[step..].to_vec(),
            ending: old.ending.clone(),
        });
        fresh.state.transcript.steps = old.steps[..step].to_vec();
        fresh.state.transcript.branches = branches;
        *self = fresh;
        let mut events = vec![SessionEvent::Rewound { to_step: step }];
        events.push(self.node_entered_event());
        if let Some(limit) = self.state.timer.limit {
            events.push(SessionEvent::TimerStarted {
                seconds: limit.as_secs_f64(),
            });
        }
        Ok(events)
    }

    fn require_playing(&self) -> Result<(), EngineError> {
        if self.state.status != Status::Playing {
            Err(EngineError::NotPlaying)
        } else if self.state.paused {
            Err(EngineError::Paused)
        } else if self.state.phase == Phase::Confiding {
            Err(EngineError::WrongPhase {
                phase: Phase::Confiding,
            })
        } else if self.reading_feedback() {
            Err(EngineError::ReadingFeedback)
        } else {
            Ok(())
        }
    }

    fn time_out(&mut self, latency: Duration, events: &mut Vec<SessionEvent>) {
        events.push(SessionEvent::TimedOut {
            node: self.state.node.clone(),
        });
        self.respond(Response::Timeout, latency, events);
    }

    /// What the trainee sees of the relationship in this feedback mode.
    fn shows_state(&self) -> bool {
        self.state.transcript.settings.feedback != FeedbackMode::Exam
    }

    /// Carries out a response: effects, ruptures, the clock and its deadlines,
    /// the transcript, and the feedback; then moves to the next node, or (in
    /// immediate mode) waits there until the trainee goes on.
    fn respond(&mut self, response: Response, latency: Duration, events: &mut Vec<SessionEvent>) {
        let playable = Arc::clone(&self.playable);
        let node = playable
            .node(&self.state.node)
            .expect("play is always at a node of the scenario");
        let step = self.state.transcript.steps.len();
        let (outcome, quality): (Outcome, Option<Quality>) = match &response {
            Response::Choice(id) => {
                let choice = node
                    .choices
                    .iter()
                    .find(|c| &c.id == id)
                    .expect("only offered choices are taken");
                (choice.outcome(), choice.level())
            }
            Response::Timeout => (
                node.timeout
                    .as_ref()
                    .expect("only nodes with a timeout time out")
                    .outcome(),
                None,
            ),
        };
        let state_before = self.state.relational.snapshot();
        let changes = self
            .state
            .relational
            .apply(outcome.effects, playable.dimensions());
        let shows_state = self.shows_state();
        if shows_state {
            events.extend(changes.into_iter().map(SessionEvent::StateChanged));
        }
        match outcome.rupture {
            Some(RuptureEffect::Opens(kind)) => {
                self.state.relational.open_rupture(kind, step);
                if shows_state {
                    events.push(SessionEvent::RuptureOpened { kind, step });
                }
            }
            Some(RuptureEffect::Repairs) => {
                for kind in self.state.relational.repair_all(step) {
                    if shows_state {
                        events.push(SessionEvent::RuptureRepaired { kind, step });
                    }
                }
            }
            None => {}
        }
        let clock_before = self.state.clock;
        let (target, deadline) = self.advance_clock(&playable, outcome, events);
        let pending = std::mem::take(&mut self.state.pending);
        let own_words = match (self.state.phase, &response) {
            (Phase::Writing, Response::Timeout) => Some(OwnWords {
                text: pending.draft,
                latency: latency.as_secs_f64(),
                // Not when the trainee let the moment pass before the limit.
                time_ran_out: self.state.timer.limit.is_some_and(|limit| latency >= limit),
                none_close: false,
            }),
            _ => pending.own_words,
        };
        self.state.phase = Phase::Answering;
        let response_kind = response.clone();
        let timer = &self.state.timer;
        let record = StepRecord {
            index: step,
            node: node.id.clone(),
            act: playable.scenario().acts[self.state.act].id.clone(),
            clock: format_clock(clock_before),
            wording: self.state.shown.wording,
            shown_choices: self.state.shown.choices.clone(),
            response,
            latency: latency.as_secs_f64(),
            time_limit: node.time_limit,
            effective_limit: timer.limit.map(|l| l.as_secs_f64()),
            extensions: timer.extensions,
            state_before,
            state_after: self.state.relational.snapshot(),
            feedback: outcome.feedback.cloned(),
            quality,
            deadline,
            own_words,
            probe: pending.probe,
            confidence: None,
            self_ratings: Vec::new(),
        };
        self.state.transcript.steps.push(record);
        let settings = self.state.transcript.settings;
        if settings.ask_confidence && matches!(response_kind, Response::Choice(_)) {
            self.state.next = Some(target.to_owned());
            self.state.phase = Phase::Confiding;
            events.push(SessionEvent::ConfidenceAsked { step });
        } else if settings.feedback == FeedbackMode::Immediate {
            self.state.next = Some(target.to_owned());
            events.push(SessionEvent::FeedbackReady { step });
        } else {
            self.enter_node(target, events);
        }
    }

    /// Moves the clock on by the response's minutes and fires the deadlines it
    /// passes. Returns the node to go to and the label of a deadline that passed.
    fn advance_clock<'p>(
        &mut self,
        playable: &'p PlayableScenario,
        outcome: Outcome<'p>,
        events: &mut Vec<SessionEvent>,
    ) -> (&'p str, Option<String>) {
        let passage = self.passage(playable, &outcome);
        let from = self.state.clock;
        let to = from.saturating_add(outcome.minutes);
        self.state.clock = to;
        if to != from {
            events.push(SessionEvent::ClockMoved {
                from: format_clock(from),
                to: format_clock(to),
            });
        }
        let act_index = self.state.act;
        let act = &playable.scenario().acts[act_index];
        for &d in passage.met.iter().chain(&passage.passed) {
            self.state.fired_deadlines.insert((act_index, d));
        }
        for &d in &passage.passed {
            let deadline = &act.deadlines[d];
            events.push(SessionEvent::DeadlinePassed {
                at: deadline.at.to_string(),
                label: deadline.label.clone(),
                node: deadline.node.clone(),
            });
        }
        let label = passage
            .passed
            .first()
            .map(|&d| act.deadlines[d].label.clone());
        (passage.target, label)
    }

    /// Where `outcome` would lead from the current moment, and the deadlines
    /// its minutes would pass: worked out without changing anything.
    fn passage<'p>(&self, playable: &'p PlayableScenario, outcome: &Outcome<'p>) -> Passage<'p> {
        let mut passage = Passage {
            target: outcome.target,
            met: Vec::new(),
            passed: Vec::new(),
            taken_over: false,
        };
        let act_index = self.state.act;
        let leaves_the_act = playable
            .position(outcome.target)
            .is_some_and(|(target_act, _)| target_act != act_index);
        if leaves_the_act {
            // The answer ends the act: its deadlines belong to a day left behind.
            return passage;
        }
        let act = &playable.scenario().acts[act_index];
        let from = self.state.clock;
        let to = from.saturating_add(outcome.minutes);
        let mut passed: Vec<(u32, usize)> = Vec::new();
        for (d, deadline) in act.deadlines.iter().enumerate() {
            let at = deadline.at.minutes();
            if self.state.fired_deadlines.contains(&(act_index, d)) || !(from < at && at <= to) {
                continue;
            }
            // A deadline whose moment play has already reached (the next
            // client came early, by another way) has happened: it passes
            // without a word.
            if self.state.relational.visited.contains(&deadline.node) {
                passage.met.push(d);
            } else {
                passed.push((at, d));
            }
        }
        passed.sort_unstable();
        passage.passed = passed.into_iter().map(|(_, d)| d).collect();
        if let Some(&first) = passage.passed.first() {
            let deadline = &act.deadlines[first];
            let target_ends = playable.node(outcome.target).is_some_and(Node::is_ending);
            if deadline.takes_over == TakeOver::Immediately || !target_ends {
                passage.target = deadline.node.as_str();
                passage.taken_over = true;
            }
        }
        passage
    }

    /// Starts an act at `clock`: deadlines already behind it count as passed.
    fn begin_act(&mut self, act_index: usize, clock: u32, events: &mut Vec<SessionEvent>) {
        let playable = Arc::clone(&self.playable);
        let act = &playable.scenario().acts[act_index];
        self.state.act = act_index;
        self.state.clock = clock;
        for (d, deadline) in act.deadlines.iter().enumerate() {
            if deadline.at.minutes() <= clock {
                self.state.fired_deadlines.insert((act_index, d));
            }
        }
        events.push(SessionEvent::ActBegan {
            act: act.id.clone(),
            title: act.title.clone(),
            place: act.place.clone(),
            clock: format_clock(clock),
        });
    }

    fn enter_node(&mut self, id: &str, events: &mut Vec<SessionEvent>) {
        let playable = Arc::clone(&self.playable);
        let Some((act, slot)) = playable.position(id) else {
            self.state.status = Status::Stuck;
            events.push(SessionEvent::Stuck {
                node: id.to_owned(),
            });
            return;
        };
        let scenario = playable.scenario();
        if act != self.state.act {
            self.begin_act(act, scenario.acts[act].clock_start.minutes(), events);
        }
        let node = &scenario.acts[act].nodes[slot];
        self.state.node = node.id.clone();
        self.state.relational.visited.insert(node.id.clone());
        let mut rng = rng_for_step(
            self.state.transcript.seed,
            self.state.transcript.steps.len(),
        );
        let wording = index_below(&mut rng, node.alternatives.len() + 1);
        let mut choices: Vec<String> = Vec::new();
        for choice in &node.choices {
            // Two answers with one id (an error in a draft) show once.
            if choice.when.iter().all(|w| self.state.relational.holds(w))
                && !choices.contains(&choice.id)
            {
                choices.push(choice.id.clone());
            }
        }
        if !node.pin_order {
            shuffle(&mut rng, &mut choices);
        }
        let probe = node
            .probe
            .as_ref()
            .filter(|_| playable.gaps_at(&node.id).is_none_or(|g| g.probe.is_none()));
        let probe_order = match probe {
            Some(probe) => {
                let mut order: Vec<usize> = (0..probe.answers.len()).collect();
                shuffle(&mut rng, &mut order);
                order
            }
            None => Vec::new(),
        };
        let settings = self.state.transcript.settings;
        self.state.shown = Presentation {
            wording,
            choices,
            disabled: BTreeMap::new(),
            timeout_disabled: None,
            timer_off: None,
        };
        self.state.timer = NodeTimer {
            elapsed: Duration::ZERO,
            limit: settings
                .effective_limit(node.time_limit)
                .map(|l| l.max(MIN_LIMIT)),
            warned: false,
            extensions: 0,
        };
        if playable.draft_errors() > 0 {
            self.mark_what_the_draft_cannot_play(&playable, node);
        }
        let choosable = self.state.shown.choices.len() - self.state.shown.disabled.len();
        self.state.phase = match settings.practice {
            PracticeMode::NoticeFirst if probe.is_some() && choosable > 0 => Phase::Noticing,
            PracticeMode::SayItFirst if choosable >= 2 => Phase::Writing,
            _ => Phase::Answering,
        };
        self.state.pending = Pending {
            probe_order,
            ..Pending::default()
        };
        events.push(self.node_entered_event());
        if let Some(ending) = &node.ending {
            self.state.status = Status::Ended;
            self.state.timer.limit = None;
            self.state.transcript.ending = Some(EndingRecord {
                node: node.id.clone(),
                kind: ending.kind,
                title: ending.title.clone(),
            });
            events.push(SessionEvent::Ended {
                node: node.id.clone(),
                kind: ending.kind,
                title: ending.title.clone(),
                text: ending.text.clone(),
            });
            return;
        }
        let can_pass = node.timeout.is_some() && self.state.shown.timeout_disabled.is_none();
        if choosable == 0 && !can_pass {
            if let Some(reason) = self.why_the_draft_stops() {
                self.state.status = Status::EndOfDraft;
                events.push(SessionEvent::EndOfDraft {
                    node: node.id.clone(),
                    reason,
                });
            } else {
                self.state.status = Status::Stuck;
                events.push(SessionEvent::Stuck {
                    node: node.id.clone(),
                });
            }
            return;
        }
        if self.state.phase == Phase::Noticing {
            if let Some(probe) = probe {
                events.push(SessionEvent::ProbeAsked {
                    question: probe.question.clone(),
                    answers: self.state.pending.probe_order.clone(),
                });
            }
        } else if let Some(limit) = self.state.timer.limit {
            events.push(SessionEvent::TimerStarted {
                seconds: limit.as_secs_f64(),
            });
        }
    }

    /// In a draft, marks what cannot be taken at the moment just entered, each
    /// with why: the answers and the timeout with an error, and those whose
    /// minutes would let a deadline take over that leads to no moment. Where
    /// the timeout cannot be taken, or the time limit has an error, the clock
    /// does not run.
    fn mark_what_the_draft_cannot_play(&mut self, playable: &PlayableScenario, node: &Node) {
        let gaps = playable.gaps_at(&node.id);
        let mut disabled = BTreeMap::new();
        for id in &self.state.shown.choices {
            let Some(choice) = node.choices.iter().find(|c| &c.id == id) else {
                continue;
            };
            let why = gaps
                .and_then(|g| g.choices.get(id).cloned())
                .or_else(|| self.deadline_in_the_way(playable, &choice.outcome()));
            if let Some(why) = why {
                disabled.insert(id.clone(), why);
            }
        }
        let timeout_disabled = node.timeout.as_ref().and_then(|timeout| {
            gaps.and_then(|g| g.timeout.clone())
                .or_else(|| self.deadline_in_the_way(playable, &timeout.outcome()))
        });
        let limit_authored =
            node.time_limit.is_some() && !self.state.transcript.settings.timers_off;
        let timer_off = timeout_disabled
            .clone()
            .or_else(|| gaps.and_then(|g| g.time_limit.clone()))
            .filter(|_| limit_authored);
        if timer_off.is_some() {
            self.state.timer.limit = None;
        }
        self.state.shown.disabled = disabled;
        self.state.shown.timeout_disabled = timeout_disabled;
        self.state.shown.timer_off = timer_off;
    }

    /// Why `outcome` cannot be taken in a draft: the first deadline its
    /// minutes pass would take over, and leads to no moment.
    fn deadline_in_the_way(
        &self,
        playable: &PlayableScenario,
        outcome: &Outcome,
    ) -> Option<String> {
        let passage = self.passage(playable, outcome);
        let first = *passage.passed.first().filter(|_| passage.taken_over)?;
        let why = playable.deadline_gap(self.state.act, first)?;
        let at = playable.scenario().acts[self.state.act].deadlines[first].at;
        Some(wording::passes_a_deadline_that_leads_nowhere(
            &at.to_string(),
            why,
        ))
    }

    fn node_entered_event(&self) -> SessionEvent {
        let node = self.node();
        let speaker = node
            .speaker
            .clone()
            .filter(|id| self.scenario().character(id).is_some());
        SessionEvent::NodeEntered {
            node: node.id.clone(),
            step: self.state.transcript.steps.len(),
            speaker,
            narration: node.narration.clone(),
            text: self.shown_text().to_owned(),
            choices: self.shown_choices(),
        }
    }
}

/// Where an outcome's minutes take play from the current moment.
struct Passage<'p> {
    /// The moment play goes to: the outcome's target, or the moment of the
    /// first deadline passed when that deadline takes over.
    target: &'p str,
    /// Deadlines whose moment play has already reached: they pass without a
    /// word.
    met: Vec<usize>,
    /// The deadlines passed, in the order they pass.
    passed: Vec<usize>,
    /// Whether the first deadline passed takes over from the outcome's target.
    taken_over: bool,
}
