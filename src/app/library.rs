//! The scenario library: the shipped scenarios and those on disk, each with its
//! last good version and the problems of its latest edit.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use super::options::AppOptions;

use super::actions::Action;
use super::navigation::GoTo;
use super::notices::Notices;
use super::scenario_assets::{ScenarioFile, ScenarioFolders, ScenarioHandles};
use super::session::ActiveSession;
use super::state::AppState;
use crate::core::diagnostic::FileReport;
use crate::core::engine::PlayableScenario;
use crate::core::load::{LoadOptions, load_str};
use crate::core::shipped::SHIPPED_SCENARIOS;
use crate::tr;

/// Where a library entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrySource {
    /// Embedded in the app.
    Shipped,
    /// A file on disk (it takes the place of a shipped scenario with its id).
    File(PathBuf),
}

/// One scenario in the library.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    /// The scenario id, or the file's path for a file that never loaded.
    pub key: String,
    pub source: EntrySource,
    /// The last version that loaded without errors: what plays.
    pub playable: Option<Arc<PlayableScenario>>,
    /// The problems of the latest version, when it has errors.
    pub problems: Option<FileReport>,
}

impl LibraryEntry {
    /// The title to show.
    pub fn title(&self) -> &str {
        self.playable
            .as_ref()
            .map_or(self.key.as_str(), |p| p.scenario().title.as_str())
    }
}

/// Every scenario the trainee can choose.
#[derive(Resource, Debug, Default)]
pub struct ScenarioLibrary {
    pub entries: Vec<LibraryEntry>,
    /// The scenario whose briefing is open, by key.
    pub selected: Option<String>,
    /// The drill the briefing starts with picked (from a practice suggestion).
    pub suggested_entry: Option<String>,
    /// Problems with folders or files, in words for the user.
    pub notices: Vec<String>,
}

impl ScenarioLibrary {
    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The selected entry.
    pub fn selected_entry(&self) -> Option<&LibraryEntry> {
        self.selected.as_deref().and_then(|key| self.get(key))
    }

    /// Takes in a newly loaded or edited file. Returns the key of the entry whose
    /// playable version changed.
    fn take_file(&mut self, file: &ScenarioFile) -> Option<FileChange> {
        let source = EntrySource::File(file.path.clone());
        let existing = self.entries.iter().position(|e| e.source == source);
        match file.loaded.playable() {
            Some(scenario) => {
                let playable = PlayableScenario::new(scenario.clone());
                let key = scenario.id.clone();
                let position = existing.or_else(|| {
                    self.entries
                        .iter()
                        .position(|e| e.key == key && e.source == EntrySource::Shipped)
                });
                let entry = LibraryEntry {
                    key: key.clone(),
                    source,
                    playable: Some(playable),
                    problems: None,
                };
                match position {
                    Some(index) => self.entries[index] = entry,
                    None => self.entries.push(entry),
                }
                Some(FileChange::Playable(key))
            }
            None => match existing {
                Some(index) => {
                    let entry = &mut self.entries[index];
                    entry.problems = Some(file.loaded.report.clone());
                    Some(FileChange::Broken(entry.key.clone()))
                }
                None => {
                    self.entries.push(LibraryEntry {
                        key: file.path.display().to_string(),
                        source,
                        playable: None,
                        problems: Some(file.loaded.report.clone()),
                    });
                    None
                }
            },
        }
    }
}

/// What a loaded file did to an entry of the library.
enum FileChange {
    /// The entry with this key has a new playable version.
    Playable(String),
    /// An edit broke the entry with this key; it keeps its last good version.
    Broken(String),
}

/// A scenario's playable version changed (it was edited and still loads).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(super) struct ScenarioUpdated(pub String);

/// A file to open straight away, until it has loaded (and begun, if asked).
#[derive(Resource, Debug, Default)]
struct PendingOpen {
    path: Option<PathBuf>,
    begin: bool,
}

/// Builds the library and keeps it up to date.
/// (A file given on the command line is opened, and begun if asked.)
pub(super) struct LibraryPlugin;

impl Plugin for LibraryPlugin {
    fn build(&self, app: &mut App) {
        let options = AppOptions::of(app);
        let pending = options
            .open_file
            .as_ref()
            .filter(|_| !options.edit)
            .map(|f| f.canonicalize().unwrap_or_else(|_| f.clone()));
        app.insert_resource(shipped_library())
            .insert_resource(PendingOpen {
                path: pending,
                begin: options.begin,
            })
            .add_message::<ScenarioUpdated>()
            .add_systems(
                Update,
                (
                    take_folder_notices,
                    take_loaded_files,
                    open_pending_file,
                    open_briefing,
                )
                    .chain(),
            );
    }
}

/// The library with the shipped scenarios.
pub(super) fn shipped_library() -> ScenarioLibrary {
    let entries = SHIPPED_SCENARIOS
        .iter()
        .filter_map(|(name, text)| {
            let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
            let scenario = loaded.playable()?.clone();
            Some(LibraryEntry {
                key: scenario.id.clone(),
                source: EntrySource::Shipped,
                playable: Some(PlayableScenario::new(scenario)),
                problems: None,
            })
        })
        .collect();
    ScenarioLibrary {
        entries,
        ..default()
    }
}

fn take_folder_notices(folders: Res<ScenarioFolders>, mut library: ResMut<ScenarioLibrary>) {
    if folders.is_changed() {
        for notice in &folders.notices {
            if !library.notices.contains(notice) {
                library.notices.push(notice.clone());
            }
        }
    }
}

fn take_loaded_files(
    mut events: MessageReader<AssetEvent<ScenarioFile>>,
    files: Res<Assets<ScenarioFile>>,
    handles: Res<ScenarioHandles>,
    mut library: ResMut<ScenarioLibrary>,
    mut updated: MessageWriter<ScenarioUpdated>,
    session: Option<Res<ActiveSession>>,
    mut notices: ResMut<Notices>,
) {
    for event in events.read() {
        let id = match event {
            AssetEvent::Added { id } | AssetEvent::Modified { id } => *id,
            _ => continue,
        };
        if !handles.0.iter().any(|(handle, _)| handle.id() == id) {
            continue;
        }
        let Some(file) = files.get(id) else { continue };
        match library.take_file(file) {
            Some(FileChange::Playable(key)) => {
                updated.write(ScenarioUpdated(key));
            }
            Some(FileChange::Broken(key)) if session.as_ref().is_some_and(|s| s.key == key) => {
                notices.post(
                    AppState::Play,
                    tr!(
                        "notice-broken-since-edit",
                        file = file.path.display().to_string()
                    ),
                );
            }
            _ => {}
        }
    }
}

fn open_pending_file(
    mut pending: ResMut<PendingOpen>,
    library: Res<ScenarioLibrary>,
    state: Res<State<AppState>>,
    _preferences: Res<super::preferences::UserPreferences>,
    mut actions: MessageWriter<Action>,
) {
    if pending.begin && pending.path.is_none() && *state.get() == AppState::Briefing {
        pending.begin = false;
        actions.write(Action::Begin);
        return;
    }
    let Some(path) = pending.path.clone() else {
        return;
    };
    let entry = library
        .entries
        .iter()
        .find(|e| e.source == EntrySource::File(path.clone()));
    if let Some(entry) = entry {
        if entry.playable.is_some() {
            actions.write(Action::OpenBriefing(entry.key.clone()));
        } else {
            pending.begin = false;
        }
        pending.path = None;
    }
}

fn open_briefing(
    mut actions: MessageReader<Action>,
    mut library: ResMut<ScenarioLibrary>,
    mut go_to: MessageWriter<GoTo>,
) {
    for action in actions.read() {
        let (key, entry) = match action {
            Action::OpenBriefing(key) => (key, None),
            Action::OpenBriefingAt { key, entry } => (key, entry.clone()),
            _ => continue,
        };
        if library.get(key).is_some_and(|e| e.playable.is_some()) {
            library.selected = Some(key.clone());
            library.suggested_entry = entry;
            go_to.write(GoTo(AppState::Briefing));
        }
    }
}
