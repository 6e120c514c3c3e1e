//! Exports from the debrief: Markdown for a supervisor, xAPI for an LMS.

use std::path::PathBuf;

use bevy_egui::egui;

use crate::app::actions::Action;
use crate::app::theme::palette;
use crate::app::widgets::strong;
use crate::core::export::ExportFormat;

/// Two export buttons, the reflections choice, and where the last file went.
pub(crate) fn export_ui(
    ui: &mut egui::Ui,
    include_reflections: &mut bool,
    last: Option<&Result<PathBuf, String>>,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.label(
        "Nothing leaves this computer unless you export it. Each export is a file you can \
         read first and then pass on yourself.",
    );
    ui.add_space(10.0);
    ui.label(strong("For your supervisor", 18.0));
    ui.label("A readable transcript: every step, your answers and timings, and the feedback.");
    ui.checkbox(include_reflections, "Include my reflections");
    if ui.button("Export as Markdown").clicked() {
        actions.push(Action::Export {
            format: ExportFormat::Markdown,
            reflections: *include_reflections,
        });
    }
    ui.add_space(10.0);
    ui.label(strong("For a learning management system", 18.0));
    ui.label(
        "xAPI 1.0.3 statements for a learning record store. They are anonymous unless you \
         give a name and email under Settings; reflections are never included.",
    );
    if ui.button("Export as xAPI").clicked() {
        actions.push(Action::Export {
            format: ExportFormat::Xapi,
            reflections: false,
        });
    }
    ui.add_space(10.0);
    match last {
        Some(Ok(path)) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new("Written to").color(colours.good));
                ui.monospace(path.display().to_string());
                if ui.button("Copy the path").clicked() {
                    ui.ctx().copy_text(path.display().to_string());
                }
            });
        }
        Some(Err(error)) => {
            ui.label(
                egui::RichText::new(format!("The export could not be written: {error}"))
                    .color(colours.warning),
            );
        }
        None => {}
    }
}
