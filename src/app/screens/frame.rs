//! What every screen draws with, so the nine screens do not repeat it: the egui
//! context and a root `Ui` over the whole window, the notices for this screen
//! on top, and the actions the screen asks for, written when it is done.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::app::accessibility::name_window;
use crate::app::actions::Action;
use crate::app::notices::Notices;
use crate::app::state::AppState;
use crate::app::widgets::{notice_ui, reading_column_ui, root_ui};

/// A screen's frame: see the module doc.
#[derive(SystemParam)]
pub(crate) struct ScreenFrame<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    notices: ResMut<'w, Notices>,
    state: Res<'w, State<AppState>>,
    actions: MessageWriter<'w, Action>,
}

impl ScreenFrame<'_, '_> {
    /// Draws the screen: the notices for it first, then `draw` with the root
    /// `Ui` and the list of actions to send.
    pub(crate) fn show(&mut self, draw: impl FnOnce(&mut egui::Ui, &mut Vec<Action>)) -> Result {
        let ctx = self.contexts.ctx_mut()?;
        let mut root = root_ui(ctx);
        let mut wanted = Vec::new();
        let screen = *self.state.get();
        name_window(ctx, &screen.title());
        if self.notices.on(screen).next().is_some() {
            egui::Panel::top("notices").show(&mut root, |ui| {
                notices_ui(ui, &mut self.notices, screen);
            });
        }
        draw(&mut root, &mut wanted);
        self.actions.write_batch(wanted);
        Ok(())
    }
}

/// The notices for `screen`, each with a button that dismisses it.
pub(super) fn notices_ui(ui: &mut egui::Ui, notices: &mut Notices, screen: AppState) {
    let mut dismissed = None;
    reading_column_ui(ui, |ui| {
        ui.add_space(6.0);
        for text in notices.on(screen) {
            if notice_ui(ui, text, true) {
                dismissed = Some(text.to_owned());
            }
            ui.add_space(4.0);
        }
    });
    if let Some(text) = dismissed {
        notices.dismiss(screen, &text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;

    #[test]
    fn a_screen_shows_its_own_notices_with_a_way_to_dismiss_them() {
        let mut notices = Notices::default();
        notices.post(AppState::End, "This attempt could not be saved.");
        notices.post(AppState::Briefing, "This scenario cannot begin.");
        let text = rendered(|ui| notices_ui(ui, &mut notices, AppState::End));
        assert!(text.contains("could not be saved"));
        assert!(text.contains("OK"));
        assert!(!text.contains("cannot begin"), "another screen's notice");
    }
}
