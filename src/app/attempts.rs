//! Attempts: each session is kept in the attempt store once something was
//! answered; the library, the history and the debrief's comparisons read them;
//! exports are written from here.

use std::path::PathBuf;

use bevy::prelude::*;

use super::options::AppOptions;

use super::actions::Action;
use super::library::ScenarioLibrary;
use super::navigation::GoTo;
use super::navigation::NavigationSet;
use super::notices::Notices;
use super::preferences::UserPreferences;
use super::session::ActiveSession;
use super::state::AppState;
use crate::core::engine::PlayableScenario;
use crate::core::export::xapi::{self, DEFAULT_BASE_IRI, XapiOptions};
use crate::core::export::{ExportFormat, ExportSource, markdown};
use crate::core::files::{data_folder, write_atomically};
use crate::core::store::{Attempt, AttemptStore};
use crate::core::wording::ending_in_words;
use crate::tr;

/// Every attempt kept on this computer, oldest first.
#[derive(Resource, Debug, Default)]
pub struct SavedAttempts {
    pub attempts: Vec<Attempt>,
}

impl SavedAttempts {
    /// How the latest attempt at a scenario ended, in words.
    pub fn latest_outcome(&self, scenario_id: &str) -> Option<String> {
        self.of_scenario(scenario_id)
            .last()
            .map(|a| ending_in_words(a.transcript.ending.as_ref()))
    }

    /// The attempts at one scenario, oldest first.
    pub fn of_scenario(&self, scenario_id: &str) -> Vec<&Attempt> {
        self.attempts
            .iter()
            .filter(|a| a.transcript.scenario_id == scenario_id)
            .collect()
    }

    /// The attempt with this id.
    pub fn get(&self, id: &str) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.id == id)
    }

    /// Adds an attempt, or replaces the one with its id.
    fn keep(&mut self, attempt: Attempt) {
        match self.attempts.iter_mut().find(|a| a.id == attempt.id) {
            Some(slot) => *slot = attempt,
            None => self.attempts.push(attempt),
        }
    }
}

/// The attempt of the session on the end screen, as saved, whether the
/// trainee's reflections are kept with it, and the last export.
#[derive(Resource, Debug, Default)]
pub struct CurrentAttempt {
    pub attempt: Option<Attempt>,
    pub reflections_kept: bool,
    /// Where the last export went, or why it failed.
    pub last_export: Option<Result<PathBuf, String>>,
}

/// The saved attempt open on the review screen, by id.
#[derive(Resource, Debug, Default)]
pub struct ReviewedAttempt {
    pub id: Option<String>,
    pub last_export: Option<Result<PathBuf, String>>,
}

/// An attempt left during play was saved, and is over: its id.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(super) struct AttemptLeft(pub String);

/// The data folder and the store attempts are saved to, when one was found.
#[derive(Resource, Debug, Clone)]
struct Store {
    data: PathBuf,
    attempts: AttemptStore,
}

/// Keeps attempts.
pub(super) struct AttemptsPlugin;

/// The system that keeps the attempt of a session that reached its end: what
/// reads the kept attempt runs after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct AttemptKept;

impl Plugin for AttemptsPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<SavedAttempts>()
            .init_resource::<CurrentAttempt>()
            .init_resource::<ReviewedAttempt>()
            .add_message::<AttemptLeft>()
            .add_systems(Startup, read_attempts)
            .add_systems(OnEnter(AppState::End), keep_attempt.in_set(AttemptKept))
            .add_systems(
                Update,
                (
                    keep_reflections,
                    keep_self_ratings,
                    keep_abandoned_attempt.before(NavigationSet),
                    export_attempt,
                    open_review,
                ),
            );
        if let Some(data) = data_folder(AppOptions::of(app).data_dir) {
            app.insert_resource(Store {
                attempts: AttemptStore::in_data_folder(&data),
                data,
            });
        }
    }
}

/// Said when there is no data folder to keep attempts, reflections or exports in.
fn no_data_folder() -> String {
    tr!("notice-no-data-folder")
}

fn read_attempts(
    store: Option<Res<Store>>,
    mut saved: ResMut<SavedAttempts>,
    mut library: ResMut<ScenarioLibrary>,
) {
    let Some(store) = store else { return };
    let listing = store.attempts.load();
    library.notices.extend(listing.problems());
    saved.attempts = listing.attempts;
}

fn keep_attempt(
    session: Option<ResMut<ActiveSession>>,
    store: Option<Res<Store>>,
    saved: ResMut<SavedAttempts>,
    mut notices: ResMut<Notices>,
    mut current: ResMut<CurrentAttempt>,
) {
    let Some(mut session) = session.filter(|s| s.practice.is_none() && !s.trial) else {
        // A trial or a practised moment keeps no attempt: nothing of an
        // earlier one stays current.
        *current = CurrentAttempt::default();
        return;
    };
    let earlier = current
        .attempt
        .take()
        .filter(|a| Some(&a.id) == session.attempt_id.as_ref());
    let reflections_kept = earlier.as_ref().is_some_and(|a| !a.reflections.is_empty());
    let saved_to = save(&mut session, earlier, store.as_deref(), saved);
    let attempt = saved_to.attempt;
    if let Some(problem) = saved_to.problem {
        notices.post(AppState::End, problem);
    }
    *current = CurrentAttempt {
        attempt: Some(attempt),
        reflections_kept,
        last_export: None,
    };
}

/// Writes the reflections into the attempt just saved (the same file, atomically).
fn keep_reflections(
    mut actions: MessageReader<Action>,
    store: Option<Res<Store>>,
    mut current: ResMut<CurrentAttempt>,
    mut saved: ResMut<SavedAttempts>,
    mut notices: ResMut<Notices>,
) {
    for action in actions.read() {
        let Action::SaveReflections(reflections) = action else {
            continue;
        };
        let Some(attempt) = current.attempt.as_mut() else {
            continue;
        };
        attempt.reflections = reflections.clone();
        let written = store.as_ref().map(|store| store.attempts.save(attempt));
        saved.keep(attempt.clone());
        match written {
            Some(Ok(_)) => current.reflections_kept = true,
            Some(Err(error)) => notices.post(
                AppState::End,
                tr!("notice-reflections-not-saved", error = error.to_string()),
            ),
            None => notices.post(
                AppState::End,
                tr!("notice-reflections-not-kept", why = no_data_folder()),
            ),
        }
    }
}

/// Self-ratings given on the end screen's debrief (feedback waited for the
/// end): into the session and the attempt just saved (the same file, atomically).
fn keep_self_ratings(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    session: Option<ResMut<ActiveSession>>,
    store: Option<Res<Store>>,
    mut current: ResMut<CurrentAttempt>,
    mut saved: ResMut<SavedAttempts>,
    mut notices: ResMut<Notices>,
) {
    let Some(mut session) = session else {
        actions.clear();
        return;
    };
    for action in actions.read() {
        let Action::RateOwnWords { step, ratings } = action else {
            continue;
        };
        if *state.get() != AppState::End {
            continue;
        }
        if let Err(error) = session.engine.rate_own_words(*step, ratings.clone()) {
            notices.post(
                AppState::End,
                tr!("notice-rating-not-kept", error = error.to_string()),
            );
            continue;
        }
        let Some(attempt) = current.attempt.as_mut() else {
            continue;
        };
        attempt.transcript = session.engine.transcript().clone();
        let written = store.as_ref().map(|store| store.attempts.save(attempt));
        saved.keep(attempt.clone());
        if let Some(Err(error)) = written {
            notices.post(
                AppState::End,
                tr!("notice-ratings-not-saved", error = error.to_string()),
            );
        }
    }
}

/// A session left during play is kept too, once something was answered (the end
/// screen keeps the others).
#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn keep_abandoned_attempt(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    session: Option<ResMut<ActiveSession>>,
    store: Option<Res<Store>>,
    saved: ResMut<SavedAttempts>,
    mut notices: ResMut<Notices>,
    current: Res<CurrentAttempt>,
    mut over: MessageWriter<AttemptLeft>,
) {
    let left = actions.read().any(|a| *a == Action::Leave) && *state.get() == AppState::Play;
    let Some(mut session) = session.filter(|s| left && s.practice.is_none() && !s.trial) else {
        return;
    };
    if !session.engine.transcript().steps.is_empty() {
        let earlier = current
            .attempt
            .clone()
            .filter(|a| Some(&a.id) == session.attempt_id.as_ref());
        let saved_to = save(&mut session, earlier, store.as_deref(), saved);
        if let Some(problem) = saved_to.problem {
            // Leaving goes to the library: say it there.
            notices.post(AppState::Library, problem);
        }
        over.write(AttemptLeft(saved_to.attempt.id));
    }
}

/// An attempt as kept, and why it could not be written to disk, if it could not.
struct Saved {
    attempt: Attempt,
    problem: Option<String>,
}

/// Saves the session as an attempt (the same one again after a "what if") and
/// returns it.
fn save(
    session: &mut ActiveSession,
    earlier: Option<Attempt>,
    store: Option<&Store>,
    mut saved: ResMut<SavedAttempts>,
) -> Saved {
    let transcript = session.engine.transcript().clone();
    let attempt = match earlier {
        Some(earlier) => Attempt {
            transcript,
            ..earlier
        },
        None => Attempt::new(&session.engine.scenario().title, transcript),
    };
    session.attempt_id = Some(attempt.id.clone());
    let problem = match store.map(|store| store.attempts.save(&attempt)) {
        Some(Ok(_)) => None,
        Some(Err(error)) => Some(tr!("notice-attempt-not-saved", error = error.to_string())),
        None => Some(tr!("notice-attempt-not-kept", why = no_data_folder())),
    };
    saved.keep(attempt.clone());
    Saved { attempt, problem }
}

/// Writes the attempt on the end screen, or the one under review, to
/// `DATA/exports/ID.md` (or `.xapi.json`).
#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn export_attempt(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    store: Option<Res<Store>>,
    session: Option<Res<ActiveSession>>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    saved: Res<SavedAttempts>,
    mut current: ResMut<CurrentAttempt>,
    mut reviewed: ResMut<ReviewedAttempt>,
) {
    for action in actions.read() {
        let Action::Export {
            format,
            reflections,
        } = action
        else {
            continue;
        };
        let (attempt, scenario, slot) = match state.get() {
            AppState::End => (
                current.attempt.clone(),
                session.as_ref().map(|s| s.engine.playable().clone()),
                &mut current.last_export,
            ),
            AppState::Review => {
                let attempt = reviewed.id.as_deref().and_then(|id| saved.get(id)).cloned();
                let scenario = attempt
                    .as_ref()
                    .and_then(|a| scenario_of(&library, &a.transcript.scenario_id));
                (attempt, scenario, &mut reviewed.last_export)
            }
            _ => continue,
        };
        let (Some(attempt), Some(scenario)) = (attempt, scenario) else {
            continue;
        };
        let Some(store) = store.as_deref() else {
            *slot = Some(Err(tr!("notice-nothing-exported", why = no_data_folder())));
            continue;
        };
        *slot = Some(write_export(
            store,
            &attempt,
            &scenario,
            *format,
            *reflections,
            &preferences,
        ));
    }
}

/// The playable version of a scenario in the library, by id.
pub(super) fn scenario_of(
    library: &ScenarioLibrary,
    scenario_id: &str,
) -> Option<std::sync::Arc<PlayableScenario>> {
    entry_of(library, scenario_id).and_then(|e| e.playable.clone())
}

/// The library entry of a playable scenario, by the scenario's id.
pub(super) fn entry_of<'a>(
    library: &'a ScenarioLibrary,
    scenario_id: &str,
) -> Option<&'a crate::app::library::LibraryEntry> {
    library.entries.iter().find(|e| {
        e.playable
            .as_ref()
            .is_some_and(|p| p.scenario().id == scenario_id)
    })
}

fn write_export(
    store: &Store,
    attempt: &Attempt,
    scenario: &PlayableScenario,
    format: ExportFormat,
    reflections: bool,
    preferences: &UserPreferences,
) -> Result<PathBuf, String> {
    let source = ExportSource { attempt, scenario };
    let text = match format {
        ExportFormat::Markdown => markdown::render(source, reflections),
        ExportFormat::Xapi => {
            let actor = xapi::actor_of(&preferences.current.export_identity, &store.data)?;
            xapi::render(
                source,
                &XapiOptions {
                    actor,
                    base_iri: DEFAULT_BASE_IRI.to_owned(),
                },
            )
        }
    };
    let path = store
        .data
        .join("exports")
        .join(format!("{}.{}", attempt.id, format.extension()));
    write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(path)
}

fn open_review(
    mut actions: MessageReader<Action>,
    saved: Res<SavedAttempts>,
    mut reviewed: ResMut<ReviewedAttempt>,
    mut go_to: MessageWriter<GoTo>,
) {
    for action in actions.read() {
        if let Action::ReviewAttempt(id) = action
            && saved.get(id).is_some()
        {
            *reviewed = ReviewedAttempt {
                id: Some(id.clone()),
                last_export: None,
            };
            go_to.write(GoTo(AppState::Review));
        }
    }
}
