//! The trainee's preferences as a resource: read at start (a damaged file is set
//! aside and reported), written back atomically whenever they change.

use std::path::PathBuf;

use bevy::prelude::*;

use super::notices::Notices;
use super::options::AppOptions;
use super::state::AppState;

use crate::core::files::data_folder;
use crate::core::i18n::{self, Language};
use crate::core::preferences::{
    Preferences, default_preferences_path, load_preferences, save_preferences,
};
use crate::tr;

/// The preferences in force, where they are kept, and any problem reading them.
#[derive(Resource, Debug, Clone)]
pub struct UserPreferences {
    pub current: Preferences,
    /// The file they are saved to; none when no data folder could be found.
    pub path: Option<PathBuf>,
    /// A problem found while loading them, told on the library.
    pub notice: Option<String>,
}

/// Loads the preferences and saves them when they change.
pub(super) struct PreferencesPlugin;

impl Plugin for PreferencesPlugin {
    fn build(&self, app: &mut App) {
        let options = AppOptions::of(app);
        let path = data_folder(options.data_dir).map(|dir| default_preferences_path(&dir));
        let (current, notice) = match &path {
            Some(path) => {
                let loaded = load_preferences(path);
                (loaded.preferences, loaded.notice)
            }
            None => (
                Preferences::default(),
                Some(tr!("notice-preferences-not-kept")),
            ),
        };
        // A language asked for this run wins until the setting is changed.
        let language = options
            .language
            .unwrap_or_else(|| current.interface_language(options.system_language));
        i18n::set_language(language);
        app.insert_resource(UserPreferences {
            current,
            path,
            notice,
        })
        .add_systems(PreUpdate, follow_the_language_setting)
        .add_systems(Last, save_changed_preferences);
    }
}

/// Speaks the language chosen in Settings as soon as it is chosen.
fn follow_the_language_setting(
    preferences: Res<UserPreferences>,
    options: Res<AppOptions>,
    mut last_seen: Local<Option<Option<Language>>>,
) {
    let chosen = preferences.current.language;
    match *last_seen {
        None => *last_seen = Some(chosen),
        Some(seen) if seen != chosen => {
            *last_seen = Some(chosen);
            i18n::set_language(
                preferences
                    .current
                    .interface_language(options.system_language),
            );
        }
        Some(_) => {}
    }
}

/// Saves the preferences when they change; a failure is told on the screen
/// where the change was made.
fn save_changed_preferences(
    preferences: Res<UserPreferences>,
    mut last_saved: Local<Option<Preferences>>,
    state: Res<State<AppState>>,
    mut notices: ResMut<Notices>,
) {
    if last_saved.is_none() {
        *last_saved = Some(preferences.current.clone());
        return;
    }
    if last_saved.as_ref() == Some(&preferences.current) {
        return;
    }
    *last_saved = Some(preferences.current.clone());
    let Some(path) = preferences.path.clone() else {
        return;
    };
    if let Err(error) = save_preferences(&path, &preferences.current) {
        notices.post(
            *state.get(),
            tr!(
                "notice-preferences-not-saved",
                path = path.display().to_string(),
                error = error.to_string()
            ),
        );
    }
}
