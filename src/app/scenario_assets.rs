//! Scenario files as Bevy assets: one asset source per scenario folder, a loader
//! that runs the core loader (so a broken file arrives as its diagnostics, not as
//! a failed load), and hot reload through the file watcher.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoader, AssetPath, LoadContext};
use bevy::prelude::*;

use super::options::AppOptions;
use crate::core::load::{LoadOptions, Loaded, find_scenario_files, load_bytes};
use crate::tr;

/// One scenario file as loaded: the scenario if it parsed, and its report.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioFile {
    /// Where the file is, for messages.
    pub path: PathBuf,
    pub loaded: Loaded,
}

/// The folders scenarios are read from, each with its asset source.
#[derive(Resource, Debug, Clone, Default)]
pub struct ScenarioFolders {
    /// (asset source name, or none for the default source; folder).
    pub folders: Vec<(Option<String>, PathBuf)>,
    /// Problems reading the folders, in words for the user.
    pub notices: Vec<String>,
}

/// Handles of every scenario file being watched, with their paths.
#[derive(Resource, Debug, Default)]
pub(super) struct ScenarioHandles(pub Vec<(Handle<ScenarioFile>, PathBuf)>);

/// Asks for a scenario file to be loaded and watched, if it is not yet: a file
/// the editor just made.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(super) struct WatchFile(pub PathBuf);

/// Registers a source per folder. Must run before the asset plugin is added.
/// The folder for new scenarios is made if it is missing, so that it is
/// watched from the start.
pub(super) fn register_sources(app: &mut App, folders: &[PathBuf]) {
    if let Some(new_scenarios) = AppOptions::of(app).new_scenarios_folder() {
        let _ = std::fs::create_dir_all(new_scenarios);
    }
    let mut registered = ScenarioFolders::default();
    for (index, folder) in folders.iter().enumerate() {
        if index == 0 {
            registered.folders.push((None, folder.clone()));
            continue;
        }
        let name = format!("scenarios{index}");
        let path = folder.to_string_lossy().into_owned();
        app.register_asset_source(
            name.clone(),
            AssetSourceBuilder::platform_default(&path, None),
        );
        registered.folders.push((Some(name), folder.clone()));
    }
    app.insert_resource(registered);
}

/// The asset plugin, reading the first scenario folder as its default source.
pub(super) fn asset_plugin_for(first_folder: Option<&Path>, watch: bool) -> AssetPlugin {
    AssetPlugin {
        file_path: first_folder
            .map_or_else(|| "scenarios".into(), |f| f.to_string_lossy().into_owned()),
        watch_for_changes_override: Some(watch),
        ..default()
    }
}

/// Reads scenario files with the core loader.
#[derive(TypePath)]
struct ScenarioLoader {
    folders: Arc<Vec<(Option<String>, PathBuf)>>,
}

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        context: &mut LoadContext<'_>,
    ) -> Result<ScenarioFile, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let asset_path = context.path();
        let source = asset_path.source().as_str().map(str::to_owned);
        let folder = self
            .folders
            .iter()
            .find(|(name, _)| *name == source)
            .map(|(_, folder)| folder.clone())
            .unwrap_or_default();
        let path = folder.join(asset_path.path());
        let loaded = load_bytes(&path.display().to_string(), bytes, LoadOptions::default());
        Ok(ScenarioFile { path, loaded })
    }

    fn extensions(&self) -> &[&str] {
        &["scenario.ron"]
    }
}

/// Loads and watches every scenario file in the registered folders.
pub(super) struct ScenarioAssetsPlugin;

impl Plugin for ScenarioAssetsPlugin {
    fn build(&self, app: &mut App) {
        let folders = app
            .world_mut()
            .get_resource_or_insert_with(ScenarioFolders::default)
            .folders
            .clone();
        app.init_asset::<ScenarioFile>()
            .register_asset_loader(ScenarioLoader {
                folders: Arc::new(folders),
            })
            .init_resource::<ScenarioHandles>()
            .add_message::<WatchFile>()
            .add_systems(Startup, load_scenario_files)
            .add_systems(Update, watch_new_files);
    }
}

fn load_scenario_files(
    server: Res<AssetServer>,
    mut folders: ResMut<ScenarioFolders>,
    mut handles: ResMut<ScenarioHandles>,
) {
    let mut notices = Vec::new();
    for (source, folder) in folders.folders.clone() {
        if !folder.is_dir() {
            if source.is_some() {
                notices.push(tr!(
                    "notice-folder-not-found",
                    folder = folder.display().to_string()
                ));
            }
            continue;
        }
        for file in find_scenario_files(std::slice::from_ref(&folder)) {
            let Ok(relative) = file.strip_prefix(&folder) else {
                notices.push(tr!(
                    "notice-folder-not-read",
                    folder = file.display().to_string()
                ));
                continue;
            };
            let mut asset_path = AssetPath::from_path(relative).into_owned();
            if let Some(name) = &source {
                asset_path = asset_path.with_source(name.clone());
            }
            handles.0.push((server.load(asset_path), file.clone()));
        }
    }
    folders.notices.extend(notices);
}

/// Loads the files asked for that no handle watches yet, from the folder that
/// holds them.
fn watch_new_files(
    mut requests: MessageReader<WatchFile>,
    server: Res<AssetServer>,
    folders: Res<ScenarioFolders>,
    mut handles: ResMut<ScenarioHandles>,
) {
    for WatchFile(file) in requests.read() {
        let file = file.canonicalize().unwrap_or_else(|_| file.clone());
        if handles
            .0
            .iter()
            .any(|(_, watched)| watched.canonicalize().unwrap_or_else(|_| watched.clone()) == file)
        {
            continue;
        }
        let Some((source, relative)) = folders.folders.iter().find_map(|(source, folder)| {
            let folder = folder.canonicalize().unwrap_or_else(|_| folder.clone());
            file.strip_prefix(&folder)
                .ok()
                .map(|relative| (source.clone(), relative.to_path_buf()))
        }) else {
            continue;
        };
        let mut asset_path = AssetPath::from_path(&relative).into_owned();
        if let Some(name) = source {
            asset_path = asset_path.with_source(name);
        }
        handles.0.push((server.load(asset_path), file));
    }
}
