//! The editor's form fields: each bound to a value of the scenario by its path,
//! so that an edit is recorded under that path (typing into one field is one
//! step to undo), a click on a problem focuses the field at fault, and the
//! problems of a field show under it.

use bevy_egui::egui;

use crate::app::accessibility::name;
use crate::app::editor::EditorAction;
use crate::app::theme::palette;
use crate::core::diagnostic::{Diagnostic, Location, Severity};
use crate::tr;

/// The longest label that sits beside its drop-down.
const SHORT_LABEL: usize = 24;

/// What one frame of a form needs and gives back.
pub(super) struct Form<'a> {
    /// The path of a field to focus, taken by the field that has it.
    pub focus: &'a mut Option<String>,
    pub problems: &'a [Diagnostic],
    /// The path of the field edited this frame.
    pub changed: Option<String>,
    /// Edits that are steps of their own (add, remove, lead to a new moment).
    pub actions: Vec<EditorAction>,
}

impl<'a> Form<'a> {
    pub(super) fn new(focus: &'a mut Option<String>, problems: &'a [Diagnostic]) -> Self {
        Self {
            focus,
            problems,
            changed: None,
            actions: Vec::new(),
        }
    }

    /// Notes an edit of `path` and focuses the widget when a problem asked
    /// for it; then shows the field's own problems under it.
    pub(super) fn watch(&mut self, ui: &mut egui::Ui, response: &egui::Response, path: &str) {
        if response.changed() {
            self.changed = Some(path.to_owned());
        }
        if self.focus.as_deref() == Some(path) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
            *self.focus = None;
        }
        self.problems_at_ui(ui, path);
    }

    /// The problems located exactly at `path`, in the colour of their
    /// severity.
    pub(super) fn problems_at_ui(&self, ui: &mut egui::Ui, path: &str) {
        let colours = palette(ui);
        for problem in self
            .problems
            .iter()
            .filter(|p| matches!(&p.location, Location::Path(at) if at == path))
        {
            let colour = match problem.severity {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => colours.warning,
                Severity::Note => colours.muted,
            };
            ui.label(
                egui::RichText::new(format!("⚠ {}", problem.message))
                    .color(colour)
                    .size(14.0),
            );
        }
    }

    /// A labelled text field, `lines` tall (1 is a single line).
    pub(super) fn text_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        path: &str,
        value: &mut String,
        lines: usize,
    ) -> egui::Response {
        let heading = ui.label(egui::RichText::new(label).strong());
        let edit = if lines > 1 {
            egui::TextEdit::multiline(value).desired_rows(lines)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY).id_salt(path))
            .labelled_by(heading.id);
        self.watch(ui, &response, path);
        response
    }

    /// A text field for a value that may be left out: empty means left out.
    pub(super) fn optional_text_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        path: &str,
        value: &mut Option<String>,
        lines: usize,
    ) {
        let mut text = value.clone().unwrap_or_default();
        self.text_ui(ui, label, path, &mut text, lines);
        if self.changed.as_deref() == Some(path) {
            *value = (!text.is_empty()).then_some(text);
        }
    }

    /// A list of texts, one field each, with a way to add and remove one.
    pub(super) fn text_list_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        path: &str,
        items: &mut Vec<String>,
        add_label: &str,
    ) {
        ui.label(egui::RichText::new(label).strong());
        let mut remove = None;
        for (index, item) in items.iter_mut().enumerate() {
            let item_path = format!("{path}[{index}]");
            ui.horizontal(|ui| {
                let remove_button = ui.small_button("✖").on_hover_text(tr!("form-remove"));
                let words = tr!("form-remove-item", item = label, number = index + 1);
                name(&remove_button, &words);
                if remove_button.clicked() {
                    remove = Some(index);
                }
                let response = ui.add(
                    egui::TextEdit::multiline(item)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .id_salt(&item_path),
                );
                name(&response, &format!("{label} {}", index + 1));
                self.watch(ui, &response, &item_path);
            });
        }
        if let Some(index) = remove {
            items.remove(index);
            self.changed = Some(format!("{path}.remove"));
        }
        if ui.button(add_label).clicked() {
            items.push(String::new());
            self.changed = Some(format!("{path}.add"));
        }
        self.problems_at_ui(ui, path);
    }

    /// A choice among `options` (label, value), shown as a drop-down.
    pub(super) fn pick_ui<T: PartialEq + Clone>(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        path: &str,
        value: &mut T,
        options: &[(String, T)],
    ) {
        let mut combo = |ui: &mut egui::Ui| {
            let shown = options
                .iter()
                .find(|(_, v)| v == value)
                .map_or("—", |(l, _)| l.as_str());
            let response = egui::ComboBox::from_id_salt(path)
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for (option_label, option) in options {
                        if ui.selectable_label(option == value, option_label).clicked()
                            && option != value
                        {
                            *value = option.clone();
                            self.changed = Some(path.to_owned());
                        }
                    }
                })
                .response;
            if self.focus.as_deref() == Some(path) {
                response.request_focus();
                response.scroll_to_me(Some(egui::Align::Center));
                *self.focus = None;
            }
        };
        // A short label sits beside its drop-down, a long one above it.
        if label.chars().count() <= SHORT_LABEL {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(label).strong());
                combo(ui);
            });
        } else {
            ui.label(egui::RichText::new(label).strong());
            combo(ui);
        }
        self.problems_at_ui(ui, path);
    }

    /// A whole number in `range`.
    pub(super) fn number_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        path: &str,
        value: &mut u32,
        range: std::ops::RangeInclusive<u32>,
        unit: &str,
    ) {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(label).strong());
            // A value out of range in the file stays as it is until edited:
            // drawing must not change it.
            let response = ui.add(
                egui::DragValue::new(value)
                    .range(range)
                    .clamp_existing_to_range(false)
                    .suffix(unit),
            );
            self.watch(ui, &response, path);
        });
    }
}

/// The scenario's characters as options to pick, after one for none (`none`
/// names what leaving it empty means).
pub(super) fn character_options(
    scenario: &crate::core::model::Scenario,
    none: &str,
) -> Vec<(String, Option<String>)> {
    std::iter::once((none.to_owned(), None))
        .chain(
            scenario
                .characters
                .iter()
                .map(|c| (c.name.clone(), Some(c.id.clone()))),
        )
        .collect()
}
