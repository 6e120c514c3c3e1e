//! The session being played: starts it from the briefing, carries out the
//! trainee's actions, ticks its timers with real time, and follows the scenario
//! when its file is edited.

use std::time::Duration;

use bevy::prelude::*;

use super::actions::Action;
use super::library::{ScenarioLibrary, ScenarioUpdated};
use super::preferences::UserPreferences;
use super::state::{AppState, PlayPhase};
use crate::core::engine::{DimensionChange, Engine, FeedbackMode, SessionEvent, Settings, Status};
use crate::core::model::{Feedback, RuptureKind};

/// Feedback on the response just given, shown until the trainee goes on.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackView {
    /// What the trainee said, or none when time ran out.
    pub said: Option<String>,
    pub feedback: Option<Feedback>,
    /// The client's inner experience at that moment.
    pub inner: Option<String>,
    pub exemplar: bool,
    /// The answer's coding tags (FIS, 3RS), for the glossary links.
    pub tags: Vec<String>,
    /// The heading for the client part: "What Theo may have felt".
    pub voice: String,
    /// Who was speaking when the answer was given, by name.
    pub speaker: Option<String>,
    pub changes: Vec<DimensionChange>,
    pub opened: Option<RuptureKind>,
    pub repaired: bool,
}

/// The session in progress.
#[derive(Resource)]
pub struct ActiveSession {
    /// The library key of the scenario.
    pub key: String,
    pub engine: Engine,
    /// Feedback waiting to be read (the session is paused while it shows).
    pub feedback: Option<FeedbackView>,
    /// The last deadline that passed, to show in the header.
    pub deadline: Option<String>,
    /// A note for the trainee, such as "the scenario was edited".
    pub notice: Option<String>,
    /// Whether the countdown warning is showing.
    pub warned: bool,
    /// The attempt this session is kept as, once saved: a "what if" from the
    /// debrief goes on in the same attempt.
    pub attempt_id: Option<String>,
}

impl ActiveSession {
    /// Whether a countdown is running and visible.
    pub fn countdown_running(&self) -> bool {
        self.feedback.is_none()
            && !self.engine.state().paused
            && self.engine.state().status == Status::Playing
            && self.engine.remaining().is_some()
    }
}

/// The system that moves between screens and ends a session when the trainee
/// leaves; what must see the session before it goes runs before it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct NavigationSet;

/// Where Settings and the glossary go back to.
#[derive(Resource, Debug, Default)]
struct ReturnState(Option<AppState>);

/// Runs the session.
pub struct SessionPlugin {
    pub author: bool,
}

/// Author mode: node ids, jumps, all feedback, the state watch, time out now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthorMode(pub bool);

impl Plugin for SessionPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(AuthorMode(self.author))
            .init_resource::<ReturnState>()
            .add_systems(OnEnter(AppState::Play), reopen_pause_menu)
            .add_systems(
                Update,
                (
                    navigate.in_set(NavigationSet),
                    begin_session,
                    what_if.run_if(resource_exists::<ActiveSession>),
                    act_in_session.run_if(resource_exists::<ActiveSession>),
                    tick_session.run_if(resource_exists::<ActiveSession>),
                    follow_edits.run_if(resource_exists::<ActiveSession>),
                )
                    .chain(),
            );
    }
}

/// Coming back from the settings to a paused session shows the pause menu again.
fn reopen_pause_menu(
    session: Option<Res<ActiveSession>>,
    mut next_phase: ResMut<NextState<PlayPhase>>,
) {
    if session.is_some_and(|s| s.engine.state().paused && s.feedback.is_none()) {
        next_phase.set(PlayPhase::Paused);
    }
}

/// Settings, Back, Leave and Play again.
fn navigate(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    mut next: ResMut<NextState<AppState>>,
    mut return_to: ResMut<ReturnState>,
    mut commands: Commands,
) {
    for action in actions.read() {
        match action {
            Action::OpenSettings if *state.get() != AppState::Settings => {
                return_to.0 = Some(*state.get());
                next.set(AppState::Settings);
            }
            Action::OpenGlossary(_) if *state.get() != AppState::Glossary => {
                return_to.0 = Some(*state.get());
                next.set(AppState::Glossary);
            }
            Action::Back => match state.get() {
                AppState::Settings | AppState::Glossary => {
                    next.set(return_to.0.take().unwrap_or(AppState::Library))
                }
                AppState::Briefing | AppState::End | AppState::History => {
                    next.set(AppState::Library)
                }
                AppState::Review => next.set(AppState::History),
                _ => {}
            },
            Action::OpenHistory => next.set(AppState::History),
            Action::Leave => {
                commands.remove_resource::<ActiveSession>();
                next.set(AppState::Library);
            }
            Action::PlayAgain => {
                commands.remove_resource::<ActiveSession>();
                next.set(AppState::Briefing);
            }
            _ => {}
        }
    }
}

/// The settings a session starts with, from the preferences.
fn session_settings(preferences: &UserPreferences, feedback: FeedbackMode) -> Settings {
    Settings {
        feedback,
        time_multiplier: preferences.current.time_multiplier,
        timers_off: preferences.current.timers_off,
        ..Settings::default()
    }
}

fn begin_session(
    mut actions: MessageReader<Action>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut next: ResMut<NextState<AppState>>,
    mut commands: Commands,
) {
    for action in actions.read() {
        let Action::Begin { entry, feedback } = action else {
            continue;
        };
        let Some(entry_point) = library.selected_entry() else {
            continue;
        };
        let Some(playable) = &entry_point.playable else {
            continue;
        };
        let seed = rand::random::<u64>();
        let settings = session_settings(&preferences, *feedback);
        match Engine::start(playable, entry.as_deref(), seed, settings) {
            Ok((engine, events)) => {
                let mut session = ActiveSession {
                    key: entry_point.key.clone(),
                    engine,
                    feedback: None,
                    deadline: None,
                    notice: None,
                    warned: false,
                    attempt_id: None,
                };
                absorb(&mut session, &events);
                commands.insert_resource(session);
                next.set(AppState::Play);
            }
            Err(error) => warn!("cannot start {}: {error}", entry_point.key),
        }
    }
}

/// From the debrief: go back to a step and play on from there. The engine keeps
/// the steps left behind as a branch, which the debrief compares.
fn what_if(
    mut actions: MessageReader<Action>,
    mut session: ResMut<ActiveSession>,
    state: Res<State<AppState>>,
    mut next: ResMut<NextState<AppState>>,
) {
    for action in actions.read() {
        let Action::WhatIf(step) = action else {
            continue;
        };
        if *state.get() != AppState::End {
            continue;
        }
        match session.engine.rewind(*step) {
            Ok(events) => {
                session.feedback = None;
                session.deadline = None;
                session.notice = Some(format!(
                    "You went back to step {}. Your first path is kept: the debrief will compare the two.",
                    step + 1
                ));
                absorb(&mut session, &events);
                next.set(AppState::Play);
            }
            Err(error) => warn!("cannot go back: {error}"),
        }
    }
}

/// Carries out the trainee's actions during play.
#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn act_in_session(
    mut actions: MessageReader<Action>,
    mut session: ResMut<ActiveSession>,
    preferences: Res<UserPreferences>,
    author: Res<AuthorMode>,
    state: Res<State<AppState>>,
    phase: Option<Res<State<PlayPhase>>>,
    mut next_phase: ResMut<NextState<PlayPhase>>,
    mut next: ResMut<NextState<AppState>>,
) {
    if *state.get() != AppState::Play {
        actions.clear();
        return;
    }
    let paused = phase.is_some_and(|p| *p.get() == PlayPhase::Paused);
    for action in actions.read() {
        let session = session.as_mut();
        let result = match action {
            Action::TogglePause => {
                if paused {
                    next_phase.set(PlayPhase::Running);
                    if session.feedback.is_none() {
                        session.engine.resume();
                    }
                } else {
                    next_phase.set(PlayPhase::Paused);
                    session.engine.pause();
                }
                continue;
            }
            _ if paused => continue,
            Action::Continue => {
                if session.feedback.take().is_some() {
                    session.engine.resume();
                }
                continue;
            }
            _ if session.feedback.is_some() => continue,
            Action::Choose(id) => session.engine.choose(id),
            Action::ChooseNumber(number) => {
                match session
                    .engine
                    .state()
                    .shown
                    .choices
                    .get(number.wrapping_sub(1))
                {
                    Some(id) => {
                        let id = id.clone();
                        session.engine.choose(&id)
                    }
                    None => continue,
                }
            }
            Action::ExtendTime => session
                .engine
                .extend_timer(preferences.current.extend_seconds),
            Action::TimeOutNow if author.0 => session.engine.let_time_run_out(),
            Action::JumpTo(node) if author.0 => {
                jump(session, node);
                continue;
            }
            _ => continue,
        };
        match result {
            Ok(events) => absorb(session, &events),
            Err(error) => debug!("{error}"),
        }
    }
    if session.engine.state().status != Status::Playing && session.feedback.is_none() {
        next.set(AppState::End);
    }
}

/// Author mode: go to a node, keeping the relational state and the clock.
fn jump(session: &mut ActiveSession, node: &str) {
    let state = session.engine.state();
    let started = Engine::start_at(
        session.engine.playable(),
        node,
        state.relational.clone(),
        None,
        state.transcript.seed,
        state.transcript.settings,
    );
    if let Ok((engine, events)) = started {
        session.engine = engine;
        session.feedback = None;
        absorb(session, &events);
    }
}

/// Real time moves the countdown (not virtual time, which Bevy clamps to 250 ms a
/// frame while the app sleeps between frames).
fn tick_session(
    time: Res<Time<Real>>,
    mut session: ResMut<ActiveSession>,
    state: Res<State<AppState>>,
    phase: Option<Res<State<PlayPhase>>>,
    mut next: ResMut<NextState<AppState>>,
) {
    let running = *state.get() == AppState::Play
        && phase.is_some_and(|p| *p.get() == PlayPhase::Running)
        && session.feedback.is_none();
    if !running {
        return;
    }
    let delta: Duration = time.delta();
    let events = session.engine.tick(delta);
    if !events.is_empty() {
        absorb(&mut session, &events);
        if session.engine.state().status != Status::Playing && session.feedback.is_none() {
            next.set(AppState::End);
        }
    }
}

/// Takes in the engine's events: feedback to show (pausing the session while it
/// is read), deadlines and warnings.
fn absorb(session: &mut ActiveSession, events: &[SessionEvent]) {
    let mut said = None;
    let mut tags = Vec::new();
    let mut at: Option<String> = None;
    let mut changes = Vec::new();
    let mut opened = None;
    let mut repaired = false;
    for event in events {
        match event {
            SessionEvent::ChoiceMade { choice, node, .. } => {
                at = Some(node.clone());
                let chosen = session
                    .engine
                    .playable()
                    .node(node)
                    .and_then(|n| n.choices.iter().find(|c| &c.id == choice));
                said = chosen.map(|c| c.says.clone());
                tags = chosen.map(|c| c.tags.clone()).unwrap_or_default();
            }
            SessionEvent::TimedOut { node } => {
                at = Some(node.clone());
                tags = session
                    .engine
                    .playable()
                    .node(node)
                    .and_then(|n| n.timeout.as_ref())
                    .map(|t| t.tags.clone())
                    .unwrap_or_default();
            }
            SessionEvent::StateChanged(change) => changes.push(change.clone()),
            SessionEvent::RuptureOpened { kind, .. } => opened = Some(*kind),
            SessionEvent::RuptureRepaired { .. } => repaired = true,
            SessionEvent::DeadlinePassed { at, label, .. } => {
                session.deadline = Some(format!("{at}: {label}"))
            }
            SessionEvent::TimerWarning { .. } => session.warned = true,
            SessionEvent::TimerStarted { .. } | SessionEvent::TimerExtended { .. } => {
                session.warned = false
            }
            SessionEvent::FeedbackReady {
                feedback,
                inner,
                exemplar,
                ..
            } => {
                let client = feedback.as_ref().map_or("", |f| f.client.as_str());
                let (voice, speaker) = voice_at(session, at.as_deref().unwrap_or(""), client);
                session.feedback = Some(FeedbackView {
                    said: said.take(),
                    feedback: feedback.clone(),
                    inner: inner.clone(),
                    exemplar: *exemplar,
                    tags: std::mem::take(&mut tags),
                    voice,
                    speaker,
                    changes: std::mem::take(&mut changes),
                    opened: opened.take(),
                    repaired: std::mem::take(&mut repaired),
                });
                session.engine.pause();
            }
            _ => {}
        }
    }
}

/// The heading for the client part of the feedback on an answer at `node`, and
/// the name of whoever was speaking there.
fn voice_at(session: &ActiveSession, node: &str, client: &str) -> (String, Option<String>) {
    let playable = session.engine.playable();
    let scenario = playable.scenario();
    let speaker = playable.node(node).and_then(|n| n.speaker.as_deref());
    let name = speaker
        .and_then(|id| scenario.characters.iter().find(|c| c.id == id))
        .map(|c| c.name.clone());
    (
        crate::core::review::feedback_voice(scenario, speaker, client),
        name,
    )
}

/// When the scenario being played is edited, carry on from the same moment if
/// that node still exists, or start again.
fn follow_edits(
    mut updates: MessageReader<ScenarioUpdated>,
    library: Res<ScenarioLibrary>,
    mut session: ResMut<ActiveSession>,
) {
    for ScenarioUpdated(key) in updates.read() {
        if *key != session.key {
            continue;
        }
        let Some(playable) = library.get(key).and_then(|e| e.playable.clone()) else {
            continue;
        };
        if playable.content_hash() == session.engine.playable().content_hash() {
            continue; // the same text loaded again, as at start-up
        }
        let state = session.engine.state().clone();
        let settings = state.transcript.settings;
        let seed = state.transcript.seed;
        let carried = Engine::start_at(
            &playable,
            &state.node,
            state.relational,
            Some(state.clock),
            seed,
            settings,
        );
        let (engine, events, notice) = match carried {
            Ok((engine, events)) => (
                engine,
                events,
                "The scenario was edited: you carry on from the same moment.",
            ),
            Err(_) => match Engine::start(&playable, None, seed, settings) {
                Ok((engine, events)) => (
                    engine,
                    events,
                    "The scenario was edited and this moment is gone: it starts again.",
                ),
                Err(_) => continue,
            },
        };
        session.engine = engine;
        session.feedback = None;
        session.notice = Some(notice.into());
        absorb(&mut session, &events);
    }
}
