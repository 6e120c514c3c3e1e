//! For tests of UI functions: the text a `_ui` function draws, with the app's
//! fonts installed as the app installs them.

use bevy_egui::egui;

/// Every piece of text `add` draws in one frame, a line each, to search.
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
    let mut texts = Vec::new();
    for clipped in &output.shapes {
        collect_text(&clipped.shape, &mut texts);
    }
    texts.join("\n")
}

/// The text of a shape and of the shapes inside it.
fn collect_text(shape: &egui::Shape, texts: &mut Vec<String>) {
    match shape {
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_text(s, texts)),
        egui::Shape::Text(text) => texts.push(text.galley.text().to_owned()),
        _ => {}
    }
}
