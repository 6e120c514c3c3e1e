//! Attempts: each finished session is kept in the attempt store, and the library
//! shows how each scenario's latest attempt ended, across runs of the app.

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::*;

use super::actions::Action;
use super::library::ScenarioLibrary;
use super::session::ActiveSession;
use super::state::AppState;
use super::widgets::ending_label;
use crate::core::engine::Transcript;
use crate::core::files::data_folder;
use crate::core::store::{Attempt, AttemptStore};

/// How each scenario's latest attempt ended, by scenario id.
#[derive(Resource, Debug, Default)]
pub struct LastAttempts(pub HashMap<String, String>);

/// The attempt of the session on the end screen, as saved, and whether the
/// trainee's reflections are kept with it.
#[derive(Resource, Debug, Default)]
pub struct CurrentAttempt {
    pub attempt: Option<Attempt>,
    pub reflections_kept: bool,
}

/// The store attempts are saved to, when a data folder was found.
#[derive(Resource, Debug, Clone)]
struct Store(AttemptStore);

/// Keeps attempts.
pub struct AttemptsPlugin {
    pub data_dir: Option<PathBuf>,
}

impl Plugin for AttemptsPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<LastAttempts>()
            .init_resource::<CurrentAttempt>()
            .add_systems(Update, keep_reflections)
            .add_systems(Startup, read_attempts)
            .add_systems(OnEnter(AppState::End), keep_attempt)
            .add_systems(Update, keep_abandoned_attempt);
        if let Some(data) = data_folder(self.data_dir.clone()) {
            app.insert_resource(Store(AttemptStore::in_data_folder(&data)));
        }
    }
}

/// "Caught in time (Repaired)", or how an unfinished attempt stopped.
fn outcome(transcript: &Transcript) -> String {
    match &transcript.ending {
        Some(ending) => format!("{} ({})", ending.title, ending_label(ending.kind)),
        None => "left before an ending".to_owned(),
    }
}

fn read_attempts(
    store: Option<Res<Store>>,
    mut last: ResMut<LastAttempts>,
    mut library: ResMut<ScenarioLibrary>,
) {
    let Some(store) = store else { return };
    let listing = store.0.load();
    for attempt in &listing.attempts {
        last.0.insert(
            attempt.transcript.scenario_id.clone(),
            outcome(&attempt.transcript),
        );
    }
    for aside in &listing.set_aside {
        let kept = aside
            .moved_to
            .as_ref()
            .map_or("it could not be moved".to_owned(), |p| {
                format!("it was kept as {}", p.display())
            });
        library.notices.push(format!(
            "A saved attempt could not be read ({}); {kept}.",
            aside.reason
        ));
    }
}

fn keep_attempt(
    session: Option<Res<ActiveSession>>,
    store: Option<Res<Store>>,
    last: ResMut<LastAttempts>,
    library: ResMut<ScenarioLibrary>,
    mut current: ResMut<CurrentAttempt>,
) {
    if let Some(session) = session {
        *current = CurrentAttempt {
            attempt: Some(save(&session, store.as_deref(), last, library)),
            reflections_kept: false,
        };
    }
}

/// Writes the reflections into the attempt just saved (the same file, atomically).
fn keep_reflections(
    mut actions: MessageReader<Action>,
    store: Option<Res<Store>>,
    mut current: ResMut<CurrentAttempt>,
    mut library: ResMut<ScenarioLibrary>,
) {
    for action in actions.read() {
        let Action::SaveReflections(reflections) = action else {
            continue;
        };
        let Some(attempt) = current.attempt.as_mut() else {
            continue;
        };
        attempt.reflections = reflections.clone();
        let saved = store.as_ref().map(|store| store.0.save(attempt));
        match saved {
            Some(Err(error)) => library
                .notices
                .push(format!("Your reflections could not be saved: {error}")),
            _ => current.reflections_kept = true,
        }
    }
}

/// A session left during play is kept too, once something was answered (the end
/// screen keeps the others).
fn keep_abandoned_attempt(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    session: Option<Res<ActiveSession>>,
    store: Option<Res<Store>>,
    last: ResMut<LastAttempts>,
    library: ResMut<ScenarioLibrary>,
) {
    let left = actions.read().any(|a| *a == Action::Leave) && *state.get() == AppState::Play;
    let Some(session) = session.filter(|_| left) else {
        return;
    };
    if !session.engine.transcript().steps.is_empty() {
        save(&session, store.as_deref(), last, library);
    }
}

/// Saves the session as an attempt and notes its outcome; returns the attempt.
fn save(
    session: &ActiveSession,
    store: Option<&Store>,
    mut last: ResMut<LastAttempts>,
    mut library: ResMut<ScenarioLibrary>,
) -> Attempt {
    let transcript = session.engine.transcript();
    last.0
        .insert(transcript.scenario_id.clone(), outcome(transcript));
    let attempt = Attempt::new(&session.engine.scenario().title, transcript.clone());
    if let Some(Err(error)) = store.map(|store| store.0.save(&attempt)) {
        library
            .notices
            .push(format!("This attempt could not be saved: {error}"));
    }
    attempt
}
