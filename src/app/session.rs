//! The session being played: starts it from the briefing, carries out the
//! trainee's actions, ticks its timers with real time, and follows the scenario
//! when its file is edited.

use std::time::Duration;

use bevy::prelude::*;

use super::options::AppOptions;

use super::actions::Action;
use super::briefing::BriefingChoices;
use super::courses::Courses;
use super::library::{ScenarioLibrary, ScenarioUpdated};
use super::navigation::{GoTo, NavigationSet};
use super::notices::Notices;
use super::preferences::UserPreferences;
use super::state::{AppState, PlayPhase};
use crate::core::engine::{
    Engine, EngineError, FeedbackMode, Phase, SessionEvent, Settings, Status,
};
use crate::core::wording;
use crate::tr;

/// The session in progress.
#[derive(Resource)]
pub struct ActiveSession {
    /// The library key of the scenario.
    pub key: String,
    pub engine: Engine,
    /// The last deadline that passed, to show in the header.
    pub deadline: Option<String>,
    /// A note for the trainee, such as "the scenario was edited".
    pub notice: Option<String>,
    /// Whether the countdown warning is showing.
    pub warned: bool,
    /// The attempt this session is kept as, once saved: a "what if" from the
    /// debrief goes on in the same attempt.
    pub attempt_id: Option<String>,
    /// The own words typed so far at this moment ("Say it first").
    pub draft: String,
    /// Set when the session plays one moment from the Today list: it is not
    /// kept as an attempt, and after its feedback play returns to the list.
    pub practice: Option<PracticeItem>,
    /// A trial from the editor: not kept as an attempt, and leaving it goes
    /// back to the editor.
    pub trial: bool,
}

/// The moment from the Today list a session plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeItem {
    pub scenario_id: String,
    pub node: String,
    /// What the trainee answered just before the moment, shown above it.
    pub said_before: Option<String>,
}

impl ActiveSession {
    /// A session on a freshly started engine.
    pub fn new(key: String, engine: Engine) -> Self {
        Self {
            key,
            engine,
            deadline: None,
            notice: None,
            warned: false,
            attempt_id: None,
            draft: String::new(),
            practice: None,
            trial: false,
        }
    }

    /// Whether this session plays one moment from the Today list and its
    /// feedback is showing: going on returns to the list.
    pub fn practice_done(&self) -> bool {
        self.practice.is_some() && self.engine.reading_feedback()
    }
}

impl ActiveSession {
    /// Whether a countdown is running and visible (not while feedback shows:
    /// the engine then waits for the reader).
    pub fn countdown_running(&self) -> bool {
        !self.engine.state().paused
            && self.engine.state().status == Status::Playing
            && self.engine.remaining().is_some()
    }
}

/// Runs the session.
pub(super) struct SessionPlugin;

/// Author mode: node ids, jumps, all feedback, the state watch, time out now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct AuthorMode(pub bool);

impl Plugin for SessionPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(AuthorMode(AppOptions::of(app).author))
            .add_systems(OnEnter(AppState::Play), reopen_pause_menu)
            .add_systems(
                Update,
                (
                    begin_session.after(NavigationSet),
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
    if session.is_some_and(|s| s.engine.state().paused) {
        next_phase.set(PlayPhase::Paused);
    }
}

/// The settings a session on a scenario starts with, from the preferences.
pub(super) fn session_settings(
    preferences: &UserPreferences,
    feedback: FeedbackMode,
    scenario_id: &str,
) -> Settings {
    let current = &preferences.current;
    Settings {
        feedback,
        time_multiplier: current.time_multiplier,
        timers_off: current.timers_off,
        practice: current.practice_mode(scenario_id),
        ask_confidence: current.ask_confidence,
        ..Settings::default()
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn begin_session(
    mut actions: MessageReader<Action>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut go_to: MessageWriter<GoTo>,
    choices: Res<BriefingChoices>,
    courses: Res<Courses>,
    mut notices: ResMut<Notices>,
    mut commands: Commands,
) {
    for action in actions.read() {
        if *action != Action::Begin {
            continue;
        }
        let BriefingChoices { entry, feedback } = &*choices;
        let Some(entry_point) = library.selected_entry() else {
            continue;
        };
        let Some(playable) = &entry_point.playable else {
            notices.post(AppState::Briefing, tr!("notice-scenario-has-errors"));
            continue;
        };
        let seed = rand::random::<u64>();
        let mut settings = session_settings(&preferences, *feedback, &playable.scenario().id);
        if let Some(course) = courses.course_of(&playable.scenario().id) {
            settings = course.settings.applied_to(settings);
        }
        match Engine::start(playable, entry.as_deref(), seed, settings) {
            Ok((engine, events)) => {
                let mut session = ActiveSession::new(entry_point.key.clone(), engine);
                absorb(&mut session, &events);
                commands.insert_resource(session);
                go_to.write(GoTo(AppState::Play));
            }
            Err(error) => notices.post(
                AppState::Briefing,
                tr!("notice-cannot-begin", error = error.to_string()),
            ),
        }
    }
}

/// From the debrief: go back to a step and play on from there. The engine keeps
/// the steps left behind as a branch, which the debrief compares.
fn what_if(
    mut actions: MessageReader<Action>,
    mut session: ResMut<ActiveSession>,
    state: Res<State<AppState>>,
    mut go_to: MessageWriter<GoTo>,
    mut notices: ResMut<Notices>,
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
                session.deadline = None;
                session.notice = Some(tr!("notice-went-back", step = step + 1));
                absorb(&mut session, &events);
                go_to.write(GoTo(AppState::Play));
            }
            Err(error) => notices.post(
                AppState::End,
                tr!("notice-cannot-go-back", error = error.to_string()),
            ),
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
    mut go_to: MessageWriter<GoTo>,
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
                    session.engine.resume();
                } else {
                    next_phase.set(PlayPhase::Paused);
                    session.engine.pause();
                }
                continue;
            }
            _ if paused => continue,
            Action::RateOwnWords { step, ratings } => session
                .engine
                .rate_own_words(*step, ratings.clone())
                .map(|()| Vec::new()),
            // The Today list takes the session back after its one moment.
            Action::Continue if session.practice_done() => continue,
            Action::Continue => match session.engine.phase() {
                Phase::Confiding => session.engine.confide(None),
                Phase::Noticed => session.engine.see_answers(),
                _ if session.engine.reading_feedback() => session.engine.go_on(),
                _ => continue,
            },
            Action::Confide(confidence) => session.engine.confide(*confidence),
            _ if session.engine.reading_feedback() => continue,
            Action::Choose(id) => session.engine.choose(id),
            Action::ChooseNumber(number) => match choice_at(&session.engine, *number) {
                Some(Numbered::Probe(index)) => session.engine.answer_probe(index),
                Some(Numbered::Answer(id)) => session.engine.choose(&id),
                None => continue,
            },
            Action::AnswerProbe(index) => session.engine.answer_probe(*index),
            Action::Draft(text) => {
                session.engine.set_draft(text);
                text.clone_into(&mut session.draft);
                continue;
            }
            Action::SubmitOwnWords(text) => session.engine.submit_own_words(text),
            Action::NoneClose => session.engine.set_none_close(true).map(|()| Vec::new()),
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
            Err(
                error @ (EngineError::CannotChooseYet { .. } | EngineError::CannotPassYet { .. }),
            ) => {
                session.notice = Some(wording::capitalised(&error.to_string()));
            }
            Err(error) => debug!("{error}"),
        }
    }
    if has_ended(&session.engine) {
        go_to.write(GoTo(AppState::End));
    }
}

/// Whether play is over and the end screen is due. Where a draft stops, play
/// stays on its screen, which says so and offers the way back.
fn has_ended(engine: &Engine) -> bool {
    !matches!(engine.state().status, Status::Playing | Status::EndOfDraft)
}

/// What a number key picks where play stands.
enum Numbered {
    /// An answer to the noticing question, by its position in the scenario.
    Probe(usize),
    /// A written answer, by id.
    Answer(String),
}

/// The noticing answer or written answer shown at `number` (1 is the first).
fn choice_at(engine: &Engine, number: usize) -> Option<Numbered> {
    let position = number.checked_sub(1)?;
    match engine.phase() {
        Phase::Noticing => engine
            .probe_answers()
            .get(position)
            .map(|(index, _)| Numbered::Probe(*index)),
        Phase::Answering | Phase::Picking => engine
            .state()
            .shown
            .choices
            .get(position)
            .map(|id| Numbered::Answer(id.clone())),
        Phase::Noticed | Phase::Writing | Phase::Confiding => None,
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
    mut go_to: MessageWriter<GoTo>,
) {
    let running =
        *state.get() == AppState::Play && phase.is_some_and(|p| *p.get() == PlayPhase::Running);
    if !running {
        return;
    }
    let delta: Duration = time.delta();
    let events = session.engine.tick(delta);
    if !events.is_empty() {
        absorb(&mut session, &events);
        if has_ended(&session.engine) {
            go_to.write(GoTo(AppState::End));
        }
    }
}

/// Takes in the engine's events: the deadline that passed and the countdown
/// warning, for the header. (Feedback is read from the engine's transcript: the
/// engine waits while it shows.)
pub(super) fn absorb(session: &mut ActiveSession, events: &[SessionEvent]) {
    for event in events {
        match event {
            SessionEvent::NodeEntered { .. } | SessionEvent::Rewound { .. } => {
                session.draft.clear()
            }
            SessionEvent::DeadlinePassed { at, label, .. } => {
                session.deadline = Some(format!("{at}: {label}"))
            }
            SessionEvent::TimerWarning { .. } => session.warned = true,
            SessionEvent::TimerStarted { .. } | SessionEvent::TimerExtended { .. } => {
                session.warned = false
            }
            _ => {}
        }
    }
}

/// When the scenario being played is edited, carry on from the same moment if
/// that node still exists, or start again.
fn follow_edits(
    mut updates: MessageReader<ScenarioUpdated>,
    library: Res<ScenarioLibrary>,
    mut session: ResMut<ActiveSession>,
    mut notices: ResMut<Notices>,
) {
    for ScenarioUpdated(key) in updates.read() {
        // A trial plays the editor's draft, not the file the library reads.
        if *key != session.key || session.trial {
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
            Ok((engine, events)) => (engine, events, tr!("notice-edited-carry-on")),
            Err(_) => match Engine::start(&playable, None, seed, settings) {
                Ok((engine, events)) => (engine, events, tr!("notice-edited-starts-again")),
                Err(error) => {
                    notices.post(
                        AppState::Play,
                        tr!("notice-edited-cannot-begin", error = error.to_string()),
                    );
                    continue;
                }
            },
        };
        session.engine = engine;
        session.notice = Some(notice);
        absorb(&mut session, &events);
    }
}
