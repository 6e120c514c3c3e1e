//! For tests of UI functions: the shapes (and so the text) a `_ui` function
//! draws, with the app's fonts installed as the app installs them.

use bevy_egui::egui;

/// Everything `add` draws in one frame, as debug text to search.
pub(super) fn rendered(mut add: impl FnMut(&mut egui::Ui)) -> String {
    let ctx = egui::Context::default();
    ctx.set_fonts(super::theme::fonts());
    // Fonts take effect on the next pass, as in the app.
    let mut first = ctx.run_ui(egui::RawInput::default(), |_| {});
    first.textures_delta.clear();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        egui::ScrollArea::vertical().show(ui, &mut add);
    });
    output.textures_delta.clear();
    format!("{:?}", output.shapes)
}
