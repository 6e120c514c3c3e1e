//! The pause menu (Esc), over the play screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::state::PlayPhase;
use crate::app::theme::palette;
use crate::app::widgets::{strong, wide_button_ui};
use crate::tr;

/// Draws the pause menu.
pub(super) struct PauseScreenPlugin;

impl Plugin for PauseScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            pause_screen
                .run_if(in_state(PlayPhase::Paused))
                .in_set(super::ScreenSet),
        );
    }
}

fn pause_screen(mut contexts: EguiContexts, mut actions: MessageWriter<Action>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut wanted = Vec::new();
    egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| pause_ui(ui, &mut wanted));
    actions.write_batch(wanted);
    Ok(())
}

/// The pause menu's contents.
pub(super) fn pause_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.set_width(380.0);
    ui.label(strong(tr!("pause-heading"), 26.0));
    ui.label(tr!("pause-clock-stopped"));
    if wide_button_ui(ui, tr!("pause-resume")).clicked() {
        actions.push(Action::TogglePause);
    }
    if wide_button_ui(ui, tr!("settings-heading")).clicked() {
        actions.push(Action::OpenSettings);
    }
    if wide_button_ui(ui, tr!("pause-leave")).clicked() {
        actions.push(Action::Leave);
    }
    ui.label(
        egui::RichText::new(tr!("pause-leaving-is-fine"))
            .color(palette(ui).muted)
            .size(15.0),
    );
}
