//! The floor for `doorway --screenshot`: Bevy and bevy_egui with Doorway's own
//! Cargo features, the same window, one egui label, a screenshot after 3 frames,
//! then exit. `scripts/first-frame.sh` times the two side by side.
//!
//! `bare_window PATH` writes the screenshot to PATH.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::window::WindowResolution;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

/// Frames drawn before the capture.
const FRAMES: u32 = 3;

#[derive(Resource)]
struct ScreenshotPath(PathBuf);

fn main() -> AppExit {
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("bare_window.png"), PathBuf::from);
    let window = Window {
        title: "Doorway".into(),
        resolution: WindowResolution::new(1280, 800),
        ..default()
    };
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(window),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .insert_resource(ScreenshotPath(path))
        .add_systems(Startup, spawn_camera)
        .add_systems(EguiPrimaryContextPass, label_ui)
        .add_systems(Update, capture_after_frames)
        .run()
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn label_ui(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "bare-root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.label("A bare Bevy + bevy_egui window.");
    });
    Ok(())
}

fn capture_after_frames(mut frames: Local<u32>, path: Res<ScreenshotPath>, mut commands: Commands) {
    *frames += 1;
    if *frames != FRAMES {
        return;
    }
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path.0.clone()))
        .observe(
            |_captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                exit.write(AppExit::Success);
            },
        );
}
