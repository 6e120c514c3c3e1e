//! Exports from the debrief: Markdown for a supervisor, xAPI for an LMS.

use std::path::PathBuf;

use bevy_egui::egui;

use crate::app::actions::Action;
use crate::app::theme::palette;
use crate::app::widgets::strong;
use crate::core::export::ExportFormat;
use crate::tr;

/// Two export buttons, the reflections choice, and where the last file went.
pub(crate) fn export_ui(
    ui: &mut egui::Ui,
    include_reflections: &mut bool,
    last: Option<&Result<PathBuf, String>>,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.label(tr!("export-explained"));
    ui.add_space(10.0);
    ui.label(strong(tr!("export-for-supervisor"), 18.0));
    ui.label(tr!("export-for-supervisor-explained"));
    ui.checkbox(include_reflections, tr!("export-include-reflections"));
    if ui.button(tr!("export-markdown")).clicked() {
        actions.push(Action::Export {
            format: ExportFormat::Markdown,
            reflections: *include_reflections,
        });
    }
    ui.add_space(10.0);
    ui.label(strong(tr!("export-for-lms"), 18.0));
    ui.label(tr!("export-for-lms-explained"));
    if ui.button(tr!("export-xapi")).clicked() {
        actions.push(Action::Export {
            format: ExportFormat::Xapi,
            reflections: false,
        });
    }
    ui.add_space(10.0);
    match last {
        Some(Ok(path)) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(tr!("export-written-to")).color(colours.good));
                ui.monospace(path.display().to_string());
                if ui.button(tr!("export-copy-path")).clicked() {
                    ui.ctx().copy_text(path.display().to_string());
                }
            });
        }
        Some(Err(error)) => {
            ui.label(
                egui::RichText::new(tr!("export-failed", error = error.as_str()))
                    .color(colours.warning),
            );
        }
        None => {}
    }
}
