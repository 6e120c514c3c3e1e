//! What the app is started with, from the command line: one resource, inserted
//! before the plugins are added, which read it as they build.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::core::i18n::Language;

/// Command-line options of the app.
#[derive(Resource, Debug, Clone, Default)]
pub struct AppOptions {
    /// Folders of scenarios besides `scenarios/` in the working folder.
    pub extra_scenario_folders: Vec<PathBuf>,
    /// Author mode: node ids, jumps, all feedback, a state watch.
    pub author: bool,
    /// A scenario file to open straight away.
    pub open_file: Option<PathBuf>,
    /// Begin the opened file at once, skipping its briefing.
    pub begin: bool,
    /// Open the opened file in the editor instead of at its briefing.
    pub edit: bool,
    /// Render the first interactive frame into this PNG and exit.
    pub screenshot: Option<PathBuf>,
    /// Where preferences (and later attempts) are kept; the user's data folder
    /// when not given.
    pub data_dir: Option<PathBuf>,
    /// Redraw continuously (Bevy's default), for power measurements.
    pub continuous: bool,
    /// The language asked for this run (`DOORWAY_LANGUAGE`): spoken over the
    /// setting until the setting is changed.
    pub language: Option<Language>,
    /// The system's language, spoken while the setting follows the system.
    /// The command line reads it from the environment; tests leave it
    /// English, so that they do not depend on the machine's locale.
    pub system_language: Language,
}

impl AppOptions {
    /// The options the app was given (the defaults when none were inserted).
    pub fn of(app: &App) -> Self {
        app.world()
            .get_resource::<AppOptions>()
            .cloned()
            .unwrap_or_default()
    }

    /// Where the editor makes new scenarios: `scenarios` in the data folder.
    pub fn new_scenarios_folder(&self) -> Option<PathBuf> {
        crate::core::files::data_folder(self.data_dir.clone()).map(|data| data.join("scenarios"))
    }

    /// Every folder scenarios are read from: `scenarios/` in the working folder,
    /// the folder of an opened file, the extra folders, and `scenarios` in the
    /// data folder, where the editor makes new scenarios.
    pub fn scenario_folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![PathBuf::from("scenarios")];
        if let Some(file) = &self.open_file {
            let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
            folders.push(folder.map_or_else(|| PathBuf::from("."), PathBuf::from));
        }
        folders.extend(self.extra_scenario_folders.iter().cloned());
        folders.extend(self.new_scenarios_folder());
        let mut unique: Vec<PathBuf> = Vec::new();
        for folder in folders {
            let canonical = folder.canonicalize().unwrap_or(folder);
            if !unique.contains(&canonical) {
                unique.push(canonical);
            }
        }
        unique
    }
}
