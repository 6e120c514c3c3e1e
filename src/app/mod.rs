//! The desktop app: Bevy and egui on top of the core. Each plugin lives in its own
//! file; systems only translate between Bevy and the core.
//!
//! [`LogicPlugins`] holds everything that runs without a window (and is what the
//! headless tests use); [`run`] adds the window, egui and the screens.

mod accessibility;
mod actions;
mod attempts;
mod briefing;
mod class;
mod courses;
mod debrief;
mod editor;
mod glossary;
mod keyboard;
mod library;
mod navigation;
mod notices;
mod options;
mod power;
mod preferences;
mod scenario_assets;
mod screens;
mod screenshot;
mod session;
mod state;
mod sync;
#[cfg(test)]
mod test_render;
mod theme;
mod today;
mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::app::PluginGroupBuilder;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

pub use actions::Action;
pub use attempts::{CurrentAttempt, ReviewedAttempt, SavedAttempts};
pub use briefing::BriefingChoices;
pub use class::{ClassReport, ClassResults, ClassStatus};
pub use courses::Courses;
pub use editor::{Editor, EditorAction, EditorQuestion, EditorView};
pub use glossary::{GlossaryBook, GlossaryFocus};
pub use library::{LibraryEntry, ScenarioLibrary};
pub use notices::{Notice, Notices};
pub use options::AppOptions;
pub use preferences::UserPreferences;
pub use scenario_assets::{ScenarioFile, ScenarioFolders};
pub use session::ActiveSession;
pub use state::{AppState, PlayPhase};
pub use sync::{Sending, SyncForm, SyncRequest};
pub use today::{PracticeDay, PracticeSchedule};

/// Everything that runs without a window: scenarios and hot reload, the library,
/// a class's results, navigation between screens, the session and its timers, keys and preferences.
/// They read the [`AppOptions`] resource, which must be inserted first.
pub struct LogicPlugins;

impl PluginGroup for LogicPlugins {
    fn build(self) -> PluginGroupBuilder {
        PluginGroupBuilder::start::<Self>()
            .add(state::StatePlugin)
            .add(actions::ActionPlugin)
            .add(preferences::PreferencesPlugin)
            .add(scenario_assets::ScenarioAssetsPlugin)
            .add(library::LibraryPlugin)
            .add(courses::CoursesPlugin)
            .add(class::ClassPlugin)
            .add(session::SessionPlugin)
            .add(attempts::AttemptsPlugin)
            .add(sync::SyncPlugin)
            .add(today::TodayPlugin)
            .add(editor::EditorPlugin)
            .add(keyboard::KeyboardPlugin)
            .add(glossary::GlossaryPlugin)
            .add(notices::plugin)
            .add(briefing::plugin)
            .add(navigation::plugin)
    }
}

/// An app with everything but the window: minimal plugins, states, assets (watched
/// for edits when `watch` is set), input, and [`LogicPlugins`]. The headless
/// tests run this; time is the caller's to set.
pub fn headless_app(options: &AppOptions, watch: bool) -> App {
    let mut app = App::new();
    app.insert_resource(options.clone());
    let folders = options.scenario_folders();
    scenario_assets::register_sources(&mut app, &folders);
    app.add_plugins((
        MinimalPlugins,
        bevy::state::app::StatesPlugin,
        scenario_assets::asset_plugin_for(folders.first().map(PathBuf::as_path), watch),
        bevy::input::InputPlugin,
    ))
    .add_plugins(LogicPlugins);
    app
}

/// Opens the window and runs the app until it is closed.
pub fn run(options: AppOptions) -> ExitCode {
    let mut app = App::new();
    app.insert_resource(options.clone());
    let folders = options.scenario_folders();
    scenario_assets::register_sources(&mut app, &folders);
    let window = Window {
        title: "Doorway".into(),
        resolution: WindowResolution::new(1280, 800),
        ..default()
    };
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(window),
                ..default()
            })
            .set(scenario_assets::asset_plugin_for(
                folders.first().map(PathBuf::as_path),
                true,
            )),
    )
    .add_plugins(EguiPlugin::default())
    .add_plugins(LogicPlugins)
    .add_plugins((
        theme::ThemePlugin,
        power::PowerPlugin,
        accessibility::AccessibilityPlugin,
        screens::ScreensPlugin,
    ));
    if let Some(path) = &options.screenshot {
        let screen = match (&options.open_file, options.begin) {
            (Some(_), _) if options.edit => AppState::Editor,
            (Some(_), true) => AppState::Play,
            (Some(_), false) => AppState::Briefing,
            (None, _) => AppState::Library,
        };
        app.add_plugins(screenshot::ScreenshotPlugin {
            path: path.clone(),
            screen,
        });
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
