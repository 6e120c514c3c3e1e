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

/// Title, summary, level, goals, notes, prompts, tags and sources.
pub(super) fn details_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(egui::RichText::new("The scenario").size(22.0).strong());
    form.problems_at_ui(ui, "");
    form.text_ui(ui, "Title", "title", &mut scenario.title, 1);
    form.text_ui(ui, "Version", "version", &mut scenario.version, 1);
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (super::editor_moment::moment_label(n), n.id.clone()))
        .collect();
    form.pick_ui(ui, "Play starts at", "start", &mut scenario.start, &moments);
    form.text_ui(
        ui,
        "Summary (shown on the library card)",
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
    form.pick_ui(ui, "Level", "difficulty", &mut scenario.difficulty, &levels);
    form.number_ui(
        ui,
        "About how long it takes",
        "estimated_minutes",
        &mut scenario.estimated_minutes,
        1..=240,
        " min",
    );
    form.text_list_ui(
        ui,
        "Authors",
        "authors",
        &mut scenario.authors,
        "+ An author",
    );
    form.text_list_ui(
        ui,
        "Learning goals",
        "learning_goals",
        &mut scenario.learning_goals,
        "+ A learning goal",
    );
    form.text_list_ui(
        ui,
        "Content notes (shown before it starts)",
        "content_notes",
        &mut scenario.content_notes,
        "+ A content note",
    );
    form.text_list_ui(
        ui,
        "Reflection prompts (asked at the end)",
        "reflection_prompts",
        &mut scenario.reflection_prompts,
        "+ A reflection prompt",
    );
    form.text_list_ui(ui, "Tags", "tags", &mut scenario.tags, "+ A tag");
    form.text_list_ui(
        ui,
        "Sources (full references)",
        "sources",
        &mut scenario.sources,
        "+ A source",
    );
    form.optional_text_ui(
        ui,
        "Support for the trainee (for scenarios that may stir them)",
        "trainee_support",
        &mut scenario.trainee_support,
        2,
    );
}

/// Every character: name, role and description; ids made from the name.
pub(super) fn characters_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(egui::RichText::new("Characters").size(22.0).strong());
    form.problems_at_ui(ui, "characters");
    let roles: Vec<(String, Role)> = [
        ("Client", Role::Client),
        ("The trainee", Role::Trainee),
        ("The next client", Role::NextClient),
        ("Supervisor", Role::Supervisor),
        ("Front desk", Role::FrontDesk),
        ("Someone else", Role::Other),
    ]
    .into_iter()
    .map(|(label, role)| (label.to_owned(), role))
    .collect();
    for (index, character) in scenario.characters.iter_mut().enumerate() {
        let path = format!("characters[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            form.problems_at_ui(ui, &path);
            form.text_ui(ui, "Name", &format!("{path}.name"), &mut character.name, 1);
            ui.label(
                egui::RichText::new(format!(
                    "Id in the file: {} (made from the name)",
                    character.id
                ))
                .size(14.0),
            );
            form.pick_ui(
                ui,
                "Role",
                &format!("{path}.role"),
                &mut character.role,
                &roles,
            );
            form.text_ui(
                ui,
                "Who they are",
                &format!("{path}.description"),
                &mut character.description,
                2,
            );
        });
    }
    if ui.button("+ Add a character").clicked() {
        form.actions.push(EditorAction::AddCharacter);
    }
}

/// Every act: title, place, when its clock starts, and its deadlines.
pub(super) fn acts_form_ui(ui: &mut egui::Ui, form: &mut Form, scenario: &mut Scenario) {
    ui.label(
        egui::RichText::new("Acts and the clock")
            .size(22.0)
            .strong(),
    );
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (n.id.clone(), n.id.clone()))
        .collect();
    let clients = character_options(scenario, "The first client who speaks in it");
    for (index, act) in scenario.acts.iter_mut().enumerate() {
        let path = format!("acts[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            form.problems_at_ui(ui, &path);
            form.text_ui(ui, "Act title", &format!("{path}.title"), &mut act.title, 1);
            form.text_ui(
                ui,
                "Where and when",
                &format!("{path}.place"),
                &mut act.place,
                1,
            );
            form.pick_ui(
                ui,
                "The client of this act (whose feelings the feedback speaks for)",
                &format!("{path}.client"),
                &mut act.client,
                &clients,
            );
            if ui.button("+ Add a moment to this act").clicked() {
                form.actions.push(EditorAction::AddMomentToAct(index));
            }
            clock_ui(
                ui,
                form,
                "The clock starts at",
                &format!("{path}.clock_start"),
                &mut act.clock_start,
            );
            deadlines_ui(ui, form, act, &path, &moments);
        });
    }
    if ui.button("+ Add an act").clicked() {
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
    ui.label(egui::RichText::new("Deadlines: at a time, play moves to a moment").strong());
    let mut remove = None;
    for (index, deadline) in act.deadlines.iter_mut().enumerate() {
        let deadline_path = format!("{path}.deadlines[{index}]");
        ui.horizontal(|ui| {
            let remove_button = ui.small_button("✖").on_hover_text("Remove");
            name(&remove_button, &format!("Remove deadline {}", index + 1));
            if remove_button.clicked() {
                remove = Some(index);
            }
            clock_ui(
                ui,
                form,
                "At",
                &format!("{deadline_path}.at"),
                &mut deadline.at,
            );
        });
        form.text_ui(
            ui,
            "What happens",
            &format!("{deadline_path}.label"),
            &mut deadline.label,
            1,
        );
        form.pick_ui(
            ui,
            "Go to",
            &format!("{deadline_path}.node"),
            &mut deadline.node,
            moments,
        );
        let ways = vec![
            ("At the next moment".to_owned(), TakeOver::AtNextNode),
            ("At once, even mid-answer".to_owned(), TakeOver::Immediately),
        ];
        form.pick_ui(
            ui,
            "Takes over",
            &format!("{deadline_path}.takes_over"),
            &mut deadline.takes_over,
            &ways,
        );
    }
    if let Some(index) = remove {
        act.deadlines.remove(index);
        form.changed = Some(format!("{path}.deadlines.remove"));
    }
    if ui.button("+ Add a deadline").clicked() {
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
                    egui::RichText::new("write a time such as 14:45")
                        .color(ui.visuals().error_fg_color),
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
    ui.label(egui::RichText::new("Drills").size(22.0).strong());
    ui.label("A drill starts the scenario at a moment past the beginning, with the state it assumes there. The briefing offers each one.");
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
            form.text_ui(ui, "Title", &format!("{path}.title"), &mut entry.title, 1);
            form.text_ui(
                ui,
                "What has happened before it",
                &format!("{path}.description"),
                &mut entry.description,
                2,
            );
            form.pick_ui(
                ui,
                "Starts at",
                &format!("{path}.node"),
                &mut entry.node,
                &moments,
            );
            if !entry.state.is_empty() || !entry.open_ruptures.is_empty() {
                ui.label(format!(
                    "It assumes {}. To change that, edit the file in a text editor.",
                    entry
                        .state
                        .iter()
                        .map(|(id, value)| format!("{id} at {value}"))
                        .chain(
                            entry
                                .open_ruptures
                                .iter()
                                .map(|k| format!("an open {} rupture", k.label().to_lowercase()))
                        )
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if ui.button("Remove this drill").clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        scenario.entry_points.remove(index);
        form.changed = Some("entry_points.remove".to_owned());
    }
    if ui.button("+ Add a drill").clicked() {
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
