//! The editor screen: the file and its state with undo, redo, save and play
//! from here on top; the parts of the scenario and its moments on the left;
//! the checker's problems on the right, each a click away from its field; the
//! form of what is selected in the middle.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::editor_fields::Form;
use super::editor_map::{editor_map_ui, moment_marks};
use super::editor_moment::{moment_form_ui, moment_label};
use super::editor_scenario::{acts_form_ui, characters_form_ui, details_form_ui, drills_form_ui};
use crate::app::editor::{Editor, EditorAction, EditorQuestion, EditorView};
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, strong};
use crate::core::diagnostic::{Diagnostic, Location, Severity};
use crate::core::editor::{editor_hint, find_moment};
use crate::tr;

/// Draws the editor.
pub(super) struct EditorScreenPlugin;

impl Plugin for EditorScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            editor_screen
                .run_if(in_state(AppState::Editor).and_then(resource_exists::<Editor>))
                .in_set(super::ScreenSet),
        );
    }
}

fn editor_screen(
    mut frame: ScreenFrame,
    mut editor: ResMut<Editor>,
    mut editor_actions: MessageWriter<EditorAction>,
) -> Result {
    let mut wanted_edits = Vec::new();
    frame.show(|root, _| {
        wanted_edits.extend(shortcuts(root));
        egui::Panel::top("editor-header").show(root, |ui| {
            header_ui(ui, &editor, &mut wanted_edits);
            if let Some(question) = editor.question {
                question_ui(ui, question, &mut wanted_edits);
            }
            if let Some(kept) = &editor.recovery {
                let changed = kept.file_changed_since(editor.draft.file_text());
                recovery_ui(ui, kept.saved_at, changed, &mut wanted_edits);
            }
        });
        egui::Panel::left("editor-parts")
            .default_size(270.0)
            .show(root, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| parts_ui(ui, &editor, &mut wanted_edits));
            });
        egui::Panel::right("editor-problems")
            .default_size(320.0)
            .show(root, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| problems_ui(ui, &editor, &mut wanted_edits));
            });
        egui::CentralPanel::default().show(root, |ui| {
            form_ui(ui, &mut editor, &mut wanted_edits);
        });
    })?;
    editor_actions.write_batch(wanted_edits);
    Ok(())
}

/// Ctrl+S saves, Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo: taken before
/// the text fields see them, so that undo is the editor's, for every field.
/// With Alt held (AltGr, which types letters such as ż on some keyboards) the
/// keys are left to the text. An undo or redo ends typing in the field that
/// has the focus, so that it shows the scenario as it is now.
fn shortcuts(ui: &mut egui::Ui) -> Vec<EditorAction> {
    let command = egui::Modifiers::COMMAND;
    let mut actions = Vec::new();
    if ui.input(|input| input.modifiers.alt) {
        return actions;
    }
    ui.input_mut(|input| {
        if input.consume_key(command, egui::Key::S) {
            actions.push(EditorAction::Save);
        }
        if input.consume_key(command | egui::Modifiers::SHIFT, egui::Key::Z)
            || input.consume_key(command, egui::Key::Y)
        {
            actions.push(EditorAction::Redo);
        }
        if input.consume_key(command, egui::Key::Z) {
            actions.push(EditorAction::Undo);
        }
    });
    if actions
        .iter()
        .any(|a| matches!(a, EditorAction::Undo | EditorAction::Redo))
    {
        ui.memory_mut(|memory| memory.stop_text_input());
    }
    actions
}

fn header_ui(ui: &mut egui::Ui, editor: &Editor, actions: &mut Vec<EditorAction>) {
    let colours = palette(ui);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("editor-library")).clicked() {
            actions.push(EditorAction::Close);
        }
        let name = editor
            .draft
            .file()
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        ui.label(strong(&editor.draft.scenario().title, 20.0));
        ui.label(egui::RichText::new(name).color(colours.muted))
            .on_hover_text(editor.draft.file().display().to_string());
        let state = if editor.draft.is_unsaved() {
            egui::RichText::new(tr!("editor-unsaved")).color(colours.warning)
        } else {
            egui::RichText::new(tr!("editor-saved")).color(colours.muted)
        };
        ui.label(state);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let here = if editor.moment().is_some() {
                tr!("editor-play-from-here")
            } else {
                tr!("editor-play-from-start")
            };
            if ui.button(strong(here, 17.0)).clicked() {
                actions.push(EditorAction::PlayFromHere);
            }
            if ui.button(tr!("editor-save")).clicked() {
                actions.push(EditorAction::Save);
            }
            if ui
                .add_enabled(
                    editor.draft.can_redo(),
                    egui::Button::new(tr!("editor-redo")),
                )
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
            {
                actions.push(EditorAction::Redo);
            }
            if ui
                .add_enabled(
                    editor.draft.can_undo(),
                    egui::Button::new(tr!("editor-undo")),
                )
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                actions.push(EditorAction::Undo);
            }
        });
    });
    if let Some(status) = &editor.status {
        ui.label(egui::RichText::new(status).color(colours.accent));
    }
    ui.add_space(4.0);
}

fn question_ui(ui: &mut egui::Ui, question: EditorQuestion, actions: &mut Vec<EditorAction>) {
    let (text, yes, no) = match question {
        EditorQuestion::SaveDropsComments => (
            tr!("editor-drops-comments"),
            tr!("editor-save-without-comments"),
            tr!("editor-dont-save"),
        ),
        EditorQuestion::ChangedOnDisk => (
            tr!("editor-changed-on-disk"),
            tr!("editor-save-over-it"),
            tr!("editor-dont-save"),
        ),
        EditorQuestion::LeaveUnsaved => (
            tr!("editor-leave-unsaved"),
            tr!("editor-leave-without-saving"),
            tr!("editor-stay"),
        ),
    };
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong(text, 17.0).color(palette(ui).warning));
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                actions.push(EditorAction::Confirm);
            }
            if ui.button(no).clicked() {
                actions.push(EditorAction::Cancel);
            }
        });
    });
}

fn recovery_ui(
    ui: &mut egui::Ui,
    saved_at: u64,
    file_changed_since: bool,
    actions: &mut Vec<EditorAction>,
) {
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            strong(
                tr!(
                    "editor-recovered",
                    when = crate::core::i18n::unix_time_in_words(saved_at)
                ),
                17.0,
            )
            .color(palette(ui).warning),
        );
        if file_changed_since {
            ui.label(tr!("editor-recovered-file-changed"));
        }
        ui.horizontal(|ui| {
            if ui.button(tr!("editor-take-them-back")).clicked() {
                actions.push(EditorAction::Recover);
            }
            if ui.button(tr!("editor-forget-them")).clicked() {
                actions.push(EditorAction::DiscardRecovery);
            }
        });
    });
}

/// The parts of the scenario, then its moments act by act, each marked when
/// no start reaches it or it leads nowhere.
fn parts_ui(ui: &mut egui::Ui, editor: &Editor, actions: &mut Vec<EditorAction>) {
    let colours = palette(ui);
    let marks = moment_marks(editor.draft.scenario());
    let marked = marks
        .iter()
        .filter(|&&(unreachable, dead_end)| unreachable || dead_end)
        .count();
    for (label, view) in [
        (tr!("editor-the-scenario"), EditorView::Details),
        (tr!("editor-characters"), EditorView::Characters),
        (tr!("editor-acts"), EditorView::Acts),
        (tr!("editor-drills"), EditorView::Drills),
        (
            match marked {
                0 => tr!("debrief-map"),
                n => tr!("editor-map-marked", count = n),
            },
            EditorView::Map,
        ),
    ] {
        if ui.selectable_label(editor.view == view, label).clicked() {
            actions.push(EditorAction::Show(view));
        }
    }
    ui.separator();
    let mut position = 0;
    let mut chosen = None;
    for act in &editor.draft.scenario().acts {
        ui.label(
            egui::RichText::new(&act.title)
                .color(colours.muted)
                .strong(),
        );
        for node in &act.nodes {
            let (unreachable, dead_end) = marks.get(position).copied().unwrap_or_default();
            position += 1;
            let mut text = egui::RichText::new(moment_label(node));
            if unreachable {
                text = text.color(ui.visuals().error_fg_color);
            } else if dead_end {
                text = text.color(colours.warning);
            }
            let selected = editor.moment() == Some(node.id.as_str());
            if ui.selectable_label(selected, text).clicked() {
                chosen = Some(node.id.clone());
            }
        }
    }
    if let Some(id) = chosen {
        actions.push(EditorAction::Show(EditorView::Moment(id)));
    }
    ui.add_space(6.0);
    if ui.button(tr!("editor-add-moment")).clicked() {
        actions.push(EditorAction::AddMoment);
    }
    if editor.moment().is_some() && ui.button(tr!("editor-remove-moment")).clicked() {
        actions.push(EditorAction::RemoveMoment);
    }
}

/// The checker's problems, most serious first, each a button to its field.
fn problems_ui(ui: &mut egui::Ui, editor: &Editor, actions: &mut Vec<EditorAction>) {
    let problems = editor.draft.problems();
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .count();
    ui.label(strong(tr!("editor-checker"), 19.0));
    let summary = match (errors, warnings) {
        (0, 0) => tr!("editor-no-problems"),
        (0, w) => tr!("editor-warnings-only", warnings = w),
        (e, 0) => tr!("editor-errors-only", errors = e),
        (e, w) => tr!("editor-errors-and-warnings", errors = e, warnings = w),
    };
    ui.label(summary);
    ui.add_space(4.0);
    let mut go_to = None;
    for problem in problems {
        if problem_ui(ui, problem) {
            go_to = Some(problem.location.clone());
        }
    }
    if let Some(Location::Path(path)) = go_to {
        actions.push(EditorAction::GoToField(path));
    }
}

/// One problem; true when it was clicked.
fn problem_ui(ui: &mut egui::Ui, problem: &Diagnostic) -> bool {
    let colours = palette(ui);
    let (mark, colour) = match problem.severity {
        Severity::Error => (tr!("editor-error"), ui.visuals().error_fg_color),
        Severity::Warning => (tr!("editor-warning"), colours.warning),
        Severity::Note => (tr!("editor-note"), colours.muted),
    };
    let mut clicked = false;
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(mark).color(colour).strong().size(14.0));
        let response = ui.add(egui::Label::new(&problem.message).sense(egui::Sense::click()));
        if let Some(help) = editor_hint(problem.code, problem.help.as_deref()) {
            ui.label(egui::RichText::new(help).size(14.0).color(colours.muted));
        }
        if matches!(problem.location, Location::Path(_)) {
            clicked = response.on_hover_text(tr!("editor-go-to-it")).clicked()
                || ui.small_button(tr!("editor-go-to-it-arrow")).clicked();
        }
    });
    clicked
}

/// What keeps a form's scroll position and focus while its moment is renamed:
/// the kind of view, and a moment's place in the scenario.
fn form_salt(
    view: &EditorView,
    scenario: &crate::core::model::Scenario,
) -> (std::mem::Discriminant<EditorView>, Option<(usize, usize)>) {
    let place = match view {
        EditorView::Moment(id) => find_moment(scenario, id).map(|at| (at.act, at.node)),
        _ => None,
    };
    (std::mem::discriminant(view), place)
}

/// The form of what is selected, in a scroll area.
fn form_ui(ui: &mut egui::Ui, editor: &mut Editor, actions: &mut Vec<EditorAction>) {
    if editor.view == EditorView::Map {
        let selected = editor.moment().map(str::to_owned);
        if let Some(id) = editor_map_ui(ui, editor.draft.scenario(), selected.as_deref()) {
            actions.push(EditorAction::Show(EditorView::Moment(id)));
        }
        return;
    }
    let problems = editor.draft.problems().to_vec();
    let view = editor.view.clone();
    let Editor { draft, focus, .. } = &mut *editor;
    let mut form = Form::new(focus, &problems);
    egui::ScrollArea::vertical()
        .id_salt(("editor-form", form_salt(&view, draft.scenario())))
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(820.0) - 12.0);
            let scenario = draft.scenario_mut();
            match &view {
                EditorView::Details => details_form_ui(ui, &mut form, scenario),
                EditorView::Characters => characters_form_ui(ui, &mut form, scenario),
                EditorView::Acts => acts_form_ui(ui, &mut form, scenario),
                EditorView::Drills => drills_form_ui(ui, &mut form, scenario),
                EditorView::Moment(id) => match find_moment(scenario, id) {
                    Some(at) => moment_form_ui(ui, &mut form, scenario, at.act, at.node),
                    None => {
                        ui.label(tr!("editor-moment-gone"));
                    }
                },
                EditorView::Map => {}
            }
        });
    let changed = form.changed.take();
    actions.append(&mut form.actions);
    if let Some(key) = changed {
        draft.commit(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;
    use crate::core::load::{LoadOptions, parse};
    use crate::core::shipped::SHIPPED_SCENARIOS;

    /// Drawing a form must not edit: a file opened and looked at stays saved,
    /// so its save changes no byte.
    #[test]
    fn drawing_every_form_of_every_shipped_scenario_changes_nothing() {
        // Values outside the forms' ranges, as a hand-written file may have.
        let mut out_of_range =
            parse(SHIPPED_SCENARIOS[0].1, LoadOptions::default()).expect("parses");
        out_of_range.estimated_minutes = 0;
        out_of_range.acts[0].nodes[0].time_limit = Some(900.0);
        out_of_range.acts[0].nodes[1].time_limit = Some(3.0);
        out_of_range.acts[0].nodes[0].choices[0].minutes = 180;
        let out_of_range = crate::core::scenario_text::scenario_text(&out_of_range);
        let cases = SHIPPED_SCENARIOS
            .iter()
            .copied()
            .chain([("out of range", out_of_range.as_str())]);
        for (name, text) in cases {
            let original = parse(text, LoadOptions::default()).expect("shipped scenarios parse");
            let mut scenario = original.clone();
            let mut focus = None;
            let problems = Vec::new();
            let mut changed = Vec::new();
            let mut asked = 0;
            let mut draw = |ui: &mut egui::Ui| {
                let mut form = Form::new(&mut focus, &problems);
                details_form_ui(ui, &mut form, &mut scenario);
                characters_form_ui(ui, &mut form, &mut scenario);
                acts_form_ui(ui, &mut form, &mut scenario);
                drills_form_ui(ui, &mut form, &mut scenario);
                for act in 0..scenario.acts.len() {
                    for node in 0..scenario.acts[act].nodes.len() {
                        moment_form_ui(ui, &mut form, &mut scenario, act, node);
                    }
                }
                changed.extend(form.changed.take());
                asked += form.actions.len();
            };
            let text = rendered(&mut draw);
            assert!(text.contains("Who speaks"), "{name}: the forms drew");
            assert!(changed.is_empty(), "{name}: {changed:?}");
            assert_eq!(asked, 0, "{name}: drawing asked for an edit");
            assert!(scenario == original, "{name} was changed by drawing it");
        }
    }

    #[test]
    fn a_problem_shows_under_its_field_and_a_click_asks_for_it() {
        let problem = Diagnostic::new(
            Severity::Error,
            "unknown-target",
            Location::Path("acts[0].nodes[0].choices[0].target".into()),
            "the choice leads to \"nowhere\", which is not a node",
        );
        let text = rendered(|ui| {
            let mut focus = None;
            let problems = vec![problem.clone()];
            let form = Form::new(&mut focus, &problems);
            form.problems_at_ui(ui, "acts[0].nodes[0].choices[0].target");
            problem_ui(ui, &problem);
        });
        assert_eq!(text.matches("which is not a node").count(), 2, "{text}");
        assert!(text.contains("Go to it"));
    }
}
