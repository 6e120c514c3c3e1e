//! The library: scenarios as cards with their content notes, a filter, and the
//! problems of any broken file.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::accessibility::name;
use crate::app::actions::Action;
use crate::app::attempts::SavedAttempts;
use crate::app::courses::Courses;
use crate::app::editor::EditorAction;
use crate::app::library::{EntrySource, LibraryEntry, ScenarioLibrary};
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::today::{PracticeDay, PracticeSchedule};
use crate::app::widgets::{card_ui, diagnostics_banner_ui, notice_ui, reading_column_ui, strong};
use crate::core::course::Course;
use crate::core::languages::versions_of;
use crate::core::model::Scenario;
use crate::core::wording::{self, languages_in_words, level_and_length};
use crate::tr;

/// Draws the library.
pub(super) struct LibraryScreenPlugin;

impl Plugin for LibraryScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            library_screen
                .run_if(in_state(AppState::Library))
                .in_set(super::ScreenSet),
        );
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn library_screen(
    mut frame: ScreenFrame,
    mut editor_actions: MessageWriter<EditorAction>,
    library: Res<ScenarioLibrary>,
    attempts: Res<SavedAttempts>,
    preferences: Res<UserPreferences>,
    schedule: Res<PracticeSchedule>,
    day: Res<PracticeDay>,
    mut filter: Local<String>,
    mut new_title: Local<String>,
    courses: Res<Courses>,
) -> Result {
    let mut edits = Vec::new();
    let due = schedule.due(day.0).len();
    frame.show(|root, wanted| {
        egui::Panel::top("library-header").show(root, |ui| {
            edits.extend(header_ui(ui, wanted));
        });
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    let mut notices: Vec<&str> =
                        library.notices.iter().map(String::as_str).collect();
                    notices.extend(preferences.notice.as_deref());
                    if due > 0 {
                        today_banner_ui(ui, due, wanted);
                    }
                    for course in &courses.0 {
                        course_shelf_ui(ui, course, &library, wanted);
                    }
                    library_ui(
                        ui,
                        &library.entries,
                        &attempts,
                        &notices,
                        &mut filter,
                        wanted,
                    );
                    edits.extend(editable_files_ui(ui, &library.entries));
                    edits.extend(new_scenario_ui(ui, &mut new_title));
                });
            });
        });
    })?;
    editor_actions.write_batch(edits);
    Ok(())
}

/// A course: its title and description, then its scenarios in the
/// instructor's order, each with the instructor's note and a way in.
fn course_shelf_ui(
    ui: &mut egui::Ui,
    course: &Course,
    library: &ScenarioLibrary,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(12.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new(tr!("library-course"))
                .color(colours.muted)
                .size(15.0),
        );
        ui.label(strong(&course.title, 22.0));
        if let Some(description) = &course.description {
            ui.label(description);
        }
        for (position, item) in course.scenarios.iter().enumerate() {
            ui.add_space(6.0);
            let entry = library.get(&item.id).filter(|e| e.playable.is_some());
            ui.horizontal_wrapped(|ui| {
                let title = entry.map_or(item.id.as_str(), LibraryEntry::title);
                ui.label(strong(format!("{}. {title}", position + 1), 18.0));
                match entry {
                    Some(entry) => {
                        let open = ui.button(tr!("library-open-briefing"));
                        name(&open, &wording::open_the_briefing_of(entry.title()));
                        if open.clicked() {
                            actions.push(Action::OpenBriefing(entry.key.clone()));
                        }
                    }
                    None => {
                        ui.label(
                            egui::RichText::new(tr!("library-not-in-library"))
                                .color(colours.warning),
                        );
                    }
                }
            });
            if let Some(note) = &item.note {
                ui.label(egui::RichText::new(note).color(colours.muted));
            }
        }
    });
}

/// Whether the file can be written, so edited in the app.
fn writable(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// Scenario files on disk, each with a button to edit it, including those
/// that do not load yet.
fn editable_files_ui(ui: &mut egui::Ui, entries: &[LibraryEntry]) -> Option<EditorAction> {
    let files: Vec<(&LibraryEntry, &std::path::PathBuf)> = entries
        .iter()
        .filter_map(|e| match &e.source {
            EntrySource::File(path) if writable(path) => Some((e, path)),
            _ => None,
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    let mut chosen = None;
    ui.add_space(12.0);
    ui.label(strong(tr!("library-your-files"), 20.0));
    for (entry, path) in files {
        ui.horizontal(|ui| {
            let edit = ui.button(tr!("library-edit"));
            name(&edit, &wording::edit_the_file_of(entry.title()));
            if edit.clicked() {
                chosen = Some(EditorAction::Open(path.clone()));
            }
            let title = if entry.problems.is_some() {
                tr!("library-file-has-problems", title = entry.title())
            } else {
                entry.title().to_owned()
            };
            ui.label(title).on_hover_text(path.display().to_string());
        });
    }
    chosen
}

/// A title field and a button that starts a new scenario in the editor.
fn new_scenario_ui(ui: &mut egui::Ui, title: &mut String) -> Option<EditorAction> {
    ui.add_space(12.0);
    let mut create = None;
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        let heading = ui.label(strong(tr!("library-write-new"), 20.0));
        ui.label(tr!("library-write-new-explained"));
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(title)
                    .hint_text(tr!("library-title-hint"))
                    .desired_width(420.0),
            )
            .labelled_by(heading.id);
            if ui
                .button(strong(tr!("library-new-scenario"), 17.0))
                .clicked()
            {
                create = Some(EditorAction::New(std::mem::take(title)));
            }
        });
    });
    create
}

/// The title and the buttons to the other screens; returns the editor's
/// action when "New scenario" was clicked.
fn header_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) -> Option<EditorAction> {
    let mut edit = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(strong("Doorway", 26.0));
        let tagline = egui::RichText::new(tr!("library-tagline")).color(palette(ui).muted);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!("library-settings")).clicked() {
                actions.push(Action::OpenSettings);
            }
            if ui.button(tr!("library-today")).clicked() {
                actions.push(Action::OpenToday);
            }
            if ui.button(tr!("library-history")).clicked() {
                actions.push(Action::OpenHistory);
            }
            if ui
                .button(tr!("library-class-results"))
                .on_hover_text(tr!("library-class-results-hover"))
                .clicked()
            {
                actions.push(Action::OpenClass);
            }
            if ui.button(tr!("library-concepts")).clicked() {
                actions.push(Action::OpenGlossary(None));
            }
            if ui
                .button(tr!("library-new-scenario"))
                .on_hover_text(tr!("library-new-scenario-hover"))
                .clicked()
            {
                edit = Some(EditorAction::New(String::new()));
            }
            // In the room the buttons leave, shortened when narrow.
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(tagline).truncate());
            });
        });
    });
    ui.add_space(8.0);
    edit
}

/// "3 moments to practise today", leading to the Today list.
fn today_banner_ui(ui: &mut egui::Ui, due: usize, actions: &mut Vec<Action>) {
    ui.add_space(12.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(strong(wording::moments_due(due), 19.0).color(palette(ui).accent));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(strong(tr!("library-practise-them"), 17.0))
                    .clicked()
                {
                    actions.push(Action::OpenToday);
                }
            });
        });
    });
}

/// Whether an entry matches the filter (title, id, summary or tags).
fn matches(entry: &LibraryEntry, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    if filter.is_empty() {
        return true;
    }
    let mut haystack = format!("{} {}", entry.key, entry.title()).to_lowercase();
    if let Some(playable) = &entry.playable {
        let scenario = playable.scenario();
        haystack.push_str(&scenario.summary.to_lowercase());
        for tag in &scenario.tags {
            haystack.push(' ');
            haystack.push_str(&tag.to_lowercase());
        }
    }
    haystack.contains(&filter)
}

/// The library's contents: notices, a filter and a card per scenario.
pub(super) fn library_ui(
    ui: &mut egui::Ui,
    entries: &[LibraryEntry],
    attempts: &SavedAttempts,
    notices: &[&str],
    filter: &mut String,
    actions: &mut Vec<Action>,
) {
    ui.add_space(12.0);
    for notice in notices {
        notice_ui(ui, notice, false);
    }
    for entry in entries {
        if let Some(report) = &entry.problems {
            diagnostics_banner_ui(ui, report, entry.playable.is_some());
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr!("library-find"));
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(tr!("library-find-hint"))
                .desired_width(320.0),
        )
        .labelled_by(label.id);
    });
    let shown: Vec<&LibraryEntry> = entries
        .iter()
        .filter(|e| e.playable.is_some() && matches(e, filter))
        .collect();
    if shown.is_empty() {
        ui.label(tr!("library-no-match"));
    }
    let loaded: Vec<&Scenario> = entries
        .iter()
        .filter_map(|e| Some(e.playable.as_ref()?.scenario()))
        .collect();
    for entry in shown {
        let last = attempts.latest_outcome(&entry.key);
        let languages = entry
            .playable
            .as_ref()
            .and_then(|p| languages_in_words(&versions_of(p.scenario(), &loaded)));
        scenario_card_ui(ui, entry, last.as_deref(), languages.as_deref(), actions);
        ui.add_space(6.0);
    }
}

/// The languages a scenario can be played in, on its card.
fn languages_ui(ui: &mut egui::Ui, languages: &str) {
    let colours = palette(ui);
    ui.label(
        egui::RichText::new(languages)
            .color(colours.muted)
            .size(15.0),
    );
}

fn scenario_card_ui(
    ui: &mut egui::Ui,
    entry: &LibraryEntry,
    last: Option<&str>,
    languages: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let Some(playable) = &entry.playable else {
        return;
    };
    let scenario = playable.scenario();
    let colours = palette(ui);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(strong(&scenario.title, 22.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(level_and_length(scenario)).color(colours.muted));
            });
        });
        if !scenario.summary.is_empty() {
            ui.label(&scenario.summary);
        }
        if !scenario.tags.is_empty() {
            ui.label(
                egui::RichText::new(scenario.tags.join(" · "))
                    .color(colours.accent)
                    .size(15.0),
            );
        }
        if let Some(languages) = languages {
            languages_ui(ui, languages);
        }
        if !scenario.content_notes.is_empty() {
            ui.label(
                egui::RichText::new(tr!(
                    "library-content-notes",
                    notes = scenario.content_notes.join(" · ")
                ))
                .color(colours.warning)
                .size(15.0),
            );
        }
        let last = last.map_or_else(
            || tr!("library-not-tried-yet"),
            |outcome| tr!("library-last-attempt", outcome = outcome),
        );
        ui.label(egui::RichText::new(last).color(colours.muted).size(14.0));
        ui.add_space(4.0);
        let open = ui.add(
            egui::Button::new(strong(tr!("library-open-briefing"), 18.0))
                .min_size(egui::vec2(220.0, 44.0)),
        );
        name(&open, &wording::open_the_briefing_of(entry.title()));
        if open.clicked() {
            actions.push(Action::OpenBriefing(entry.key.clone()));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;
    use crate::core::course::CourseScenario;

    #[test]
    fn a_course_shelf_lists_its_scenarios_in_order_with_their_notes() {
        let course = Course {
            title: "Returns".into(),
            description: Some("Four weeks".into()),
            scenarios: vec![
                CourseScenario {
                    id: "repair-drill".into(),
                    note: Some("Start with the repair".into()),
                },
                CourseScenario {
                    id: "not-here".into(),
                    note: None,
                },
            ],
            settings: Default::default(),
            lrs: None,
        };
        let library = crate::app::library::shipped_library();
        let text = rendered(|ui| course_shelf_ui(ui, &course, &library, &mut Vec::new()));
        let drill = text
            .find("1. Repair drill")
            .expect("the drill by its title");
        let missing = text.find("2. not-here").expect("the missing one by its id");
        assert!(drill < missing);
        assert!(text.contains("Start with the repair") && text.contains("not in the library"));
    }

    #[test]
    fn a_card_says_which_languages_its_scenario_has() {
        let library = crate::app::library::shipped_library();
        let cards_found_by = |filter: &str| {
            rendered(|ui| {
                library_ui(
                    ui,
                    &library.entries,
                    &SavedAttempts::default(),
                    &[],
                    &mut filter.to_owned(),
                    &mut Vec::new(),
                );
            })
        };
        let text = cards_found_by("simulacro");
        assert!(
            text.contains("English · Español (machine-assisted, awaiting review)"),
            "{text}"
        );
        let text = cards_found_by("session-limit");
        assert!(
            !text.contains("English"),
            "one language, nothing to say: {text}"
        );
    }
}
