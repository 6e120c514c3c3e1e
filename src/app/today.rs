//! The Today list: the spaced-practice schedule, kept in the data folder.
//! A finished attempt puts its hard moments on it; a moment from the list is
//! played alone (with immediate feedback) and its answer moves it up a box or
//! back to the first; then play returns to the list.

use std::path::PathBuf;

use bevy::prelude::*;
use time::Date;

use super::actions::Action;
use super::attempts::{AttemptKept, CurrentAttempt, SavedAttempts, entry_of};
use super::library::ScenarioLibrary;
use super::navigation::GoTo;
use super::notices::Notices;
use super::options::AppOptions;
use super::preferences::UserPreferences;
use super::session::{ActiveSession, PracticeItem, session_settings};
use super::state::AppState;
use crate::core::engine::FeedbackMode;
use crate::core::files::data_folder;
use crate::core::schedule::{
    Item, Schedule, load_schedule, median_latency, save_schedule, schedule_path, today,
};
use crate::core::wording;
use crate::tr;

/// The schedule, where it is kept, and the day it is read for.
#[derive(Resource, Debug)]
pub struct PracticeSchedule {
    pub schedule: Schedule,
    /// None without a data folder: the list then lasts until Doorway closes.
    path: Option<PathBuf>,
    /// False when the file there is from a newer Doorway and must be left alone.
    writable: bool,
    /// What went wrong reading the file, for the Today screen.
    pub notice: Option<String>,
}

/// The day the Today list is for: the system's date, or one a test sets.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeDay(pub Date);

impl PracticeSchedule {
    /// The moments due on `day`, interleaved across scenarios.
    pub fn due(&self, day: Date) -> Vec<&Item> {
        self.schedule.due(day)
    }

    /// Writes the schedule atomically; a problem is said on `screen`.
    fn save(&self, notices: &mut Notices, screen: AppState) {
        let (Some(path), true) = (&self.path, self.writable) else {
            return;
        };
        if let Err(error) = save_schedule(path, &self.schedule) {
            notices.post(
                screen,
                tr!("notice-schedule-not-saved", error = error.to_string()),
            );
        }
    }
}

/// Keeps the Today list.
pub(super) struct TodayPlugin;

impl Plugin for TodayPlugin {
    fn build(&self, app: &mut App) {
        let path = data_folder(AppOptions::of(app).data_dir).map(|data| schedule_path(&data));
        let loaded = path.as_deref().map(load_schedule);
        let (schedule, writable, notice) = match loaded {
            Some(loaded) => (loaded.schedule, loaded.writable, loaded.notice),
            None => (Schedule::default(), false, None),
        };
        app.insert_resource(PracticeSchedule {
            schedule,
            path,
            writable,
            notice,
        })
        .insert_resource(PracticeDay(today()))
        .add_systems(OnEnter(AppState::End), note_attempt.after(AttemptKept))
        .add_systems(Update, (practise_moment, moment_practised));
    }
}

/// A finished attempt's hard moments go on the list, due tomorrow.
fn note_attempt(
    current: Res<CurrentAttempt>,
    session: Option<Res<ActiveSession>>,
    saved: Res<SavedAttempts>,
    day: Res<PracticeDay>,
    mut schedule: ResMut<PracticeSchedule>,
    mut notices: ResMut<Notices>,
) {
    let (Some(attempt), Some(session)) = (&current.attempt, session) else {
        return;
    };
    let median = median_latency(&saved.attempts);
    schedule.schedule.note_attempt(
        session.engine.playable(),
        &attempt.transcript,
        median,
        day.0,
    );
    schedule.save(&mut notices, AppState::End);
}

/// Starts the moment picked from the Today list, with the state it had.
#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn practise_moment(
    mut actions: MessageReader<Action>,
    schedule: Res<PracticeSchedule>,
    day: Res<PracticeDay>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut notices: ResMut<Notices>,
    mut go_to: MessageWriter<GoTo>,
    mut commands: Commands,
) {
    for action in actions.read() {
        let Action::PractiseToday(position) = action else {
            continue;
        };
        let Some(item) = schedule.due(day.0).get(*position).copied() else {
            continue;
        };
        let Some((key, playable)) = entry_of(&library, &item.scenario_id)
            .and_then(|e| Some((e.key.clone(), e.playable.clone()?)))
        else {
            notices.post(
                AppState::Today,
                tr!("notice-today-scenario-gone", id = item.scenario_id.as_str()),
            );
            continue;
        };
        let settings = session_settings(&preferences, FeedbackMode::Immediate, &item.scenario_id);
        match item.start(&playable, rand::random::<u64>(), settings) {
            Ok((engine, _)) => {
                let mut session = ActiveSession::new(key, engine);
                session.practice = Some(PracticeItem {
                    scenario_id: item.scenario_id.clone(),
                    node: item.node.clone(),
                    said_before: item.start.said_before.clone(),
                });
                commands.insert_resource(session);
                go_to.write(GoTo(AppState::Play));
            }
            Err(error) => notices.post(
                AppState::Today,
                tr!("notice-today-moment-changed", error = error.to_string()),
            ),
        }
    }
}

/// After the moment's feedback: its answer moves it on the schedule, and play
/// returns to the list.
fn moment_practised(
    mut actions: MessageReader<Action>,
    session: Option<Res<ActiveSession>>,
    day: Res<PracticeDay>,
    mut schedule: ResMut<PracticeSchedule>,
    mut notices: ResMut<Notices>,
    mut go_to: MessageWriter<GoTo>,
    mut commands: Commands,
) {
    let Some(session) = session else {
        actions.clear();
        return;
    };
    let went_on = actions.read().any(|action| *action == Action::Continue);
    let (true, Some(practice), Some(step)) = (
        went_on && session.practice_done(),
        &session.practice,
        session.engine.transcript().steps.first(),
    ) else {
        return;
    };
    let still_listed =
        schedule
            .schedule
            .record_practice(&practice.scenario_id, &practice.node, step, day.0);
    let item = schedule
        .schedule
        .items
        .iter()
        .find(|i| i.scenario_id == practice.scenario_id && i.node == practice.node);
    let title = &session.engine.scenario().title;
    notices.post(
        AppState::Today,
        wording::practised_in_words(
            title,
            still_listed == Some(false),
            item.map(|i| (i.box_index, (i.due - day.0).whole_days())),
        ),
    );
    schedule.save(&mut notices, AppState::Today);
    commands.remove_resource::<ActiveSession>();
    go_to.write(GoTo(AppState::Today));
}
