//! The editor's forms for what is not a moment: the scenario's details,
//! characters, acts with their clock and deadlines, and drills.

use bevy_egui::egui;

use super::editor_fields::{Form, character_options};
use crate::app::accessibility::name;
use crate::app::editor::EditorAction;
use crate::app::widgets::card_ui;
use crate::core::clock::ClockTime;
use crate::core::editor::unique_id;
use crate::core::model::{Act, Deadline, Difficulty, EntryPoint, Role, Scenario, TakeOver};
use crate::tr;

/// Title, summary, level, goals, notes, prompts, tags and sources.
pub(super) fn details_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(
        egui::RichText::new(tr!("editor-the-scenario"))
            .size(22.0)
            .strong(),
    );
    form.problems_at_ui(ui, "");
    form.text_ui(ui, &tr!("form-title"), "title", &mut scenario.title, 1);
    form.text_ui(
        ui,
        &tr!("form-version"),
        "version",
        &mut scenario.version,
        1,
    );
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (super::editor_moment::moment_label(n), n.id.clone()))
        .collect();
    form.pick_ui(
        ui,
        &tr!("form-start"),
        "start",
        &mut scenario.start,
        &moments,
    );
    form.text_ui(
        ui,
        &tr!("form-summary"),
        "summary",
        &mut scenario.summary,
        3,
    );
    let levels: Vec<(String, Difficulty)> = [
        Difficulty::Beginner,
        Difficulty::Intermediate,
        Difficulty::Advanced,
    ]
    .into_iter()
    .map(|d| (d.label().to_owned(), d))
    .collect();
    form.pick_ui(
        ui,
        &tr!("form-level"),
        "difficulty",
        &mut scenario.difficulty,
        &levels,
    );
    form.number_ui(
        ui,
        &tr!("form-minutes"),
        "estimated_minutes",
        &mut scenario.estimated_minutes,
        1..=240,
        &tr!("form-min"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-authors"),
        "authors",
        &mut scenario.authors,
        &tr!("form-add-author"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-goals"),
        "learning_goals",
        &mut scenario.learning_goals,
        &tr!("form-add-goal"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-content-notes"),
        "content_notes",
        &mut scenario.content_notes,
        &tr!("form-add-content-note"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-prompts"),
        "reflection_prompts",
        &mut scenario.reflection_prompts,
        &tr!("form-add-prompt"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-tags"),
        "tags",
        &mut scenario.tags,
        &tr!("form-add-tag"),
    );
    form.text_list_ui(
        ui,
        &tr!("form-sources"),
        "sources",
        &mut scenario.sources,
        &tr!("form-add-source"),
    );
    form.optional_text_ui(
        ui,
        &tr!("form-support"),
        "trainee_support",
        &mut scenario.trainee_support,
        2,
    );
}

/// Every character: name, role and description; ids made from the name.
pub(super) fn characters_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(
        egui::RichText::new(tr!("editor-characters"))
            .size(22.0)
            .strong(),
    );
    form.problems_at_ui(ui, "characters");
    let roles: Vec<(String, Role)> = [
        (&tr!("form-role-client"), Role::Client),
        (&tr!("form-role-trainee"), Role::Trainee),
        (&tr!("form-role-next-client"), Role::NextClient),
        (&tr!("form-role-supervisor"), Role::Supervisor),
        (&tr!("form-role-front-desk"), Role::FrontDesk),
        (&tr!("form-role-other"), Role::Other),
    ]
    .into_iter()
    .map(|(label, role)| (label.to_owned(), role))
    .collect();
    for (index, character) in scenario.characters.iter_mut().enumerate() {
        let path = format!("characters[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            form.problems_at_ui(ui, &path);
            form.text_ui(
                ui,
                &tr!("settings-name"),
                &format!("{path}.name"),
                &mut character.name,
                1,
            );
            ui.label(
                egui::RichText::new(tr!("form-character-id", id = character.id.as_str()))
                    .size(14.0),
            );
            form.pick_ui(
                ui,
                &tr!("form-role"),
                &format!("{path}.role"),
                &mut character.role,
                &roles,
            );
            form.text_ui(
                ui,
                &tr!("form-who"),
                &format!("{path}.description"),
                &mut character.description,
                2,
            );
        });
    }
    if ui.button(tr!("form-add-character")).clicked() {
        form.actions.push(EditorAction::AddCharacter);
    }
}

/// Every act: title, place, when its clock starts, and its deadlines.
pub(super) fn acts_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(egui::RichText::new(tr!("editor-acts")).size(22.0).strong());
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (n.id.clone(), n.id.clone()))
        .collect();
    let clients = character_options(scenario, &tr!("form-first-client"));
    for (index, act) in scenario.acts.iter_mut().enumerate() {
        let path = format!("acts[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            form.problems_at_ui(ui, &path);
            form.text_ui(
                ui,
                &tr!("form-act-title"),
                &format!("{path}.title"),
                &mut act.title,
                1,
            );
            form.text_ui(
                ui,
                &tr!("form-place"),
                &format!("{path}.place"),
                &mut act.place,
                1,
            );
            form.pick_ui(
                ui,
                &tr!("form-act-client"),
                &format!("{path}.client"),
                &mut act.client,
                &clients,
            );
            if ui.button(tr!("form-add-moment-to-act")).clicked() {
                form.actions.push(EditorAction::AddMomentToAct(index));
            }
            clock_ui(
                ui,
                form,
                &tr!("form-clock-start"),
                &format!("{path}.clock_start"),
                &mut act.clock_start,
            );
            deadlines_ui(ui, form, act, &path, &moments);
        });
    }
    if ui.button(tr!("form-add-act")).clicked() {
        let id = unique_id("act", |id| scenario.acts.iter().any(|a| a.id == id));
        let clock = scenario
            .acts
            .last()
            .map_or(ClockTime::from_minutes(9 * 60), |a| a.clock_start);
        scenario.acts.push(Act {
            id,
            title: String::new(),
            place: String::new(),
            client: None,
            clock_start: clock,
            deadlines: Vec::new(),
            nodes: Vec::new(),
        });
        form.changed = Some("acts.add".to_owned());
    }
}

fn deadlines_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    act: &mut Act,
    path: &str,
    moments: &[(String, String)],
) {
    ui.label(egui::RichText::new(tr!("form-deadlines")).strong());
    let mut remove = None;
    for (index, deadline) in act.deadlines.iter_mut().enumerate() {
        let deadline_path = format!("{path}.deadlines[{index}]");
        ui.horizontal(|ui| {
            let remove_button = ui.small_button("✖").on_hover_text(tr!("form-remove"));
            name(
                &remove_button,
                &tr!("form-remove-deadline", number = index + 1),
            );
            if remove_button.clicked() {
                remove = Some(index);
            }
            clock_ui(
                ui,
                form,
                &tr!("form-at"),
                &format!("{deadline_path}.at"),
                &mut deadline.at,
            );
        });
        form.text_ui(
            ui,
            &tr!("form-what-happens"),
            &format!("{deadline_path}.label"),
            &mut deadline.label,
            1,
        );
        form.pick_ui(
            ui,
            &tr!("form-go-to"),
            &format!("{deadline_path}.node"),
            &mut deadline.node,
            moments,
        );
        let ways = vec![
            (tr!("form-at-next-moment"), TakeOver::AtNextNode),
            (tr!("form-at-once"), TakeOver::Immediately),
        ];
        form.pick_ui(
            ui,
            &tr!("form-takes-over"),
            &format!("{deadline_path}.takes_over"),
            &mut deadline.takes_over,
            &ways,
        );
    }
    if let Some(index) = remove {
        act.deadlines.remove(index);
        form.changed = Some(format!("{path}.deadlines.remove"));
    }
    if ui.button(tr!("form-add-deadline")).clicked() {
        act.deadlines.push(Deadline {
            at: act.clock_start,
            label: String::new(),
            node: act.nodes.first().map(|n| n.id.clone()).unwrap_or_default(),
            takes_over: TakeOver::AtNextNode,
        });
        form.changed = Some(format!("{path}.deadlines.add"));
    }
}

/// A time of day as "HH:MM", kept as typed until it reads as a time.
fn clock_ui(ui: &mut egui::Ui, form: &mut Form, label: &str, path: &str, value: &mut ClockTime) {
    let typed = egui::Id::new(("typed clock", path));
    let mut text = ui
        .data(|d| d.get_temp::<String>(typed))
        .unwrap_or_else(|| value.to_string());
    ui.horizontal(|ui| {
        let heading = ui.label(egui::RichText::new(label).strong());
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(70.0)
                    .id_salt(path),
            )
            .labelled_by(heading.id);
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(typed, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(typed));
        }
        match text.parse::<ClockTime>() {
            Ok(time) if time != *value => {
                *value = time;
                form.changed = Some(path.to_owned());
            }
            Ok(_) => {}
            Err(_) => {
                ui.label(
                    egui::RichText::new(tr!("form-time-hint")).color(ui.visuals().error_fg_color),
                );
            }
        }
        if form.focus.as_deref() == Some(path) {
            response.request_focus();
            *form.focus = None;
        }
    });
}

/// Drills: starts past the beginning, each with the state it assumes.
pub(super) fn drills_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(
        egui::RichText::new(tr!("editor-drills"))
            .size(22.0)
            .strong(),
    );
    ui.label(tr!("form-drills-explained"));
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (n.id.clone(), n.id.clone()))
        .collect();
    let mut remove = None;
    for (index, entry) in scenario.entry_points.iter_mut().enumerate() {
        let path = format!("entry_points[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            form.problems_at_ui(ui, &path);
            form.text_ui(
                ui,
                &tr!("form-title"),
                &format!("{path}.title"),
                &mut entry.title,
                1,
            );
            form.text_ui(
                ui,
                &tr!("form-before-drill"),
                &format!("{path}.description"),
                &mut entry.description,
                2,
            );
            form.pick_ui(
                ui,
                &tr!("form-starts-at"),
                &format!("{path}.node"),
                &mut entry.node,
                &moments,
            );
            if !entry.state.is_empty() || !entry.open_ruptures.is_empty() {
                ui.label(tr!(
                    "form-drill-assumes",
                    state = entry
                        .state
                        .iter()
                        .map(|(id, value)| tr!("form-value-at", id = id.as_str(), value = *value))
                        .chain(
                            entry
                                .open_ruptures
                                .iter()
                                .map(|k| tr!("form-open-rupture", kind = k.label().to_lowercase()))
                        )
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if ui.button(tr!("form-remove-drill")).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        scenario.entry_points.remove(index);
        form.changed = Some("entry_points.remove".to_owned());
    }
    if ui.button(tr!("form-add-drill")).clicked() {
        let id = unique_id("drill", |id| {
            scenario.entry_points.iter().any(|e| e.id == id)
        });
        scenario.entry_points.push(EntryPoint {
            id,
            title: String::new(),
            description: String::new(),
            node: scenario.start.clone(),
            clock: None,
            state: Default::default(),
            open_ruptures: Vec::new(),
            visited: Vec::new(),
        });
        form.changed = Some("entry_points.add".to_owned());
    }
}
