//! The Class screen, for instructors: a folder of a class's exported files
//! read, then per scenario the figures `doorway cohort` prints, as charts, or
//! the scenario's map with each answer drawn by how often the class took it.
//! Learners show as "Learner 7" unless the names are asked for.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::class_figures::scenario_figures_ui;
use crate::app::actions::Action;
use crate::app::class::{ClassReport, ClassResults, ClassStatus};
use crate::app::debrief::{ClassAnswers, MapCache, MapOverlay, scenario_map_ui};
use crate::app::library::ScenarioLibrary;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::sync::Sending;
use crate::app::theme::palette;
use crate::app::widgets::{WIDE_WIDTH, column_ui, notice_ui, strong};
use crate::core::cohort::aggregate::ScenarioSummary;
use crate::core::cohort::source::ClassSource;
use crate::tr;

/// Draws the Class screen.
pub(super) struct ClassScreenPlugin;

impl Plugin for ClassScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            class_screen
                .run_if(in_state(AppState::Class))
                .in_set(super::ScreenSet),
        );
    }
}

/// The two views of a scenario's results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum ClassView {
    #[default]
    Figures,
    Map,
}

/// What the screen keeps between frames besides the results.
#[derive(Debug, Default)]
pub(super) struct ClassScreenState {
    view: ClassView,
    map: MapCache,
}

fn class_screen(
    mut frame: ScreenFrame,
    mut results: ResMut<ClassResults>,
    library: Res<ScenarioLibrary>,
    sending: Res<Sending>,
    mut state: Local<ClassScreenState>,
) -> Result {
    let lrs = sending.readable_endpoint();
    frame.show(|root, wanted| {
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                column_ui(ui, WIDE_WIDTH, |ui| {
                    class_ui(ui, &mut results, &library, lrs, &mut state, wanted);
                });
            });
        });
    })
}

/// The screen's contents: the source, then where the reading is.
pub(super) fn class_ui(
    ui: &mut egui::Ui,
    results: &mut ClassResults,
    library: &ScenarioLibrary,
    lrs: Option<&str>,
    state: &mut ClassScreenState,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(16.0);
    if ui.button(tr!("briefing-library")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(tr!("class-heading"), 30.0));
    ui.label(egui::RichText::new(tr!("class-explained")).color(colours.muted));
    let reading = matches!(results.status, ClassStatus::Reading(_));
    lrs_source_ui(ui, lrs, reading, actions);
    source_ui(ui, &mut results.folder, reading, actions);
    ui.add_space(8.0);
    match &results.status {
        ClassStatus::NotRead => {}
        ClassStatus::Reading(source) => {
            ui.label(strong(
                tr!("class-reading", source = source.to_string()),
                18.0,
            ));
        }
        ClassStatus::Failed(error) => {
            notice_ui(ui, &tr!("class-not-read", error = error.to_string()), false);
        }
        ClassStatus::Read(report) => report_ui(
            ui,
            report,
            &mut results.show_names,
            &mut results.scenario,
            library,
            state,
        ),
    }
}

/// The button that reads the LRS set in Settings, or where to set one.
fn lrs_source_ui(ui: &mut egui::Ui, lrs: Option<&str>, reading: bool, actions: &mut Vec<Action>) {
    match lrs {
        Some(endpoint) => {
            ui.horizontal_wrapped(|ui| {
                let button = egui::Button::new(strong(tr!("class-read-lrs"), 17.0));
                if ui.add_enabled(!reading, button).clicked() {
                    actions.push(Action::ReadClassFromLrs);
                }
                ui.label(tr!("class-lrs-endpoint", endpoint = endpoint));
            });
        }
        None => {
            ui.label(egui::RichText::new(tr!("class-no-lrs")).color(palette(ui).muted));
        }
    }
}

/// The folder field and the button that reads it (not while reading).
fn source_ui(ui: &mut egui::Ui, folder: &mut String, reading: bool, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("class-folder"));
        let field = ui
            .add(
                egui::TextEdit::singleline(folder)
                    .hint_text(tr!("class-folder-hint"))
                    .desired_width(560.0),
            )
            .labelled_by(label.id);
        let typed = !folder.trim().is_empty();
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(
                typed && !reading,
                egui::Button::new(strong(tr!("class-read"), 17.0)),
            )
            .clicked();
        if (clicked || entered) && typed && !reading {
            let folder = std::path::PathBuf::from(folder.trim());
            actions.push(Action::ReadClass(ClassSource::Folder(folder)));
        }
    });
}

/// A class read: the files skipped, the scenario picker, the names toggle and
/// the chosen view of the chosen scenario.
fn report_ui(
    ui: &mut egui::Ui,
    report: &ClassReport,
    show_names: &mut bool,
    picked: &mut Option<String>,
    library: &ScenarioLibrary,
    state: &mut ClassScreenState,
) {
    let colours = palette(ui);
    skipped_ui(ui, report);
    let summary = report.summary(*show_names);
    if summary.duplicates > 0 {
        ui.label(
            egui::RichText::new(tr!("class-duplicates", count = summary.duplicates))
                .color(colours.muted),
        );
    }
    let Some(first) = summary.scenarios.first() else {
        ui.label(strong(
            tr!("class-no-attempts", source = report.source.to_string()),
            18.0,
        ));
        return;
    };
    let shown = summary
        .scenarios
        .iter()
        .find(|s| Some(&s.scenario) == picked.as_ref())
        .unwrap_or(first);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("class-scenario"));
        for scenario in &summary.scenarios {
            let title = library
                .get(&scenario.scenario)
                .map_or(scenario.scenario.as_str(), |e| e.title());
            if ui
                .selectable_label(scenario.scenario == shown.scenario, strong(title, 16.0))
                .clicked()
            {
                *picked = Some(scenario.scenario.clone());
            }
        }
    });
    ui.horizontal(|ui| {
        ui.selectable_value(
            &mut state.view,
            ClassView::Figures,
            strong(tr!("class-figures"), 16.0),
        );
        ui.selectable_value(
            &mut state.view,
            ClassView::Map,
            strong(tr!("debrief-map"), 16.0),
        );
        ui.add_space(24.0);
        ui.checkbox(show_names, tr!("class-show-names"))
            .on_hover_text(tr!("class-show-names-hover"));
    });
    ui.separator();
    let playable = library
        .get(&shown.scenario)
        .and_then(|e| e.playable.as_deref());
    match state.view {
        ClassView::Figures => scenario_figures_ui(ui, shown, playable),
        ClassView::Map => class_map_ui(ui, shown, playable, &mut state.map),
    }
}

/// The scenario's map with the class's answers, when the library has it.
fn class_map_ui(
    ui: &mut egui::Ui,
    summary: &ScenarioSummary,
    scenario: Option<&crate::core::engine::PlayableScenario>,
    cache: &mut MapCache,
) {
    match scenario {
        Some(scenario) => scenario_map_ui(
            ui,
            scenario,
            MapOverlay::Class(&ClassAnswers::of(summary)),
            cache,
        ),
        None => {
            ui.label(tr!("class-no-map", scenario = summary.scenario.as_str()));
        }
    }
}

/// The files that were not read, and why; notes on statements left out.
fn skipped_ui(ui: &mut egui::Ui, report: &ClassReport) {
    let colours = palette(ui);
    for note in &report.notes {
        ui.label(egui::RichText::new(tr!("class-note", note = note.as_str())).color(colours.muted));
    }
    if report.skipped.is_empty() {
        return;
    }
    ui.label(
        strong(tr!("class-skipped", count = report.skipped.len()), 16.0).color(colours.warning),
    );
    egui::ScrollArea::vertical()
        .id_salt("class-skipped")
        .max_height(140.0)
        .show(ui, |ui| {
            for file in &report.skipped {
                ui.label(
                    egui::RichText::new(format!("{}: {}", file.path.display(), file.reason))
                        .size(14.0),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::library::shipped_library;
    use crate::app::test_render::rendered;
    use crate::core::cohort::synthetic_class::write_class;

    fn repair_drill(
        library: &ScenarioLibrary,
    ) -> std::sync::Arc<crate::core::engine::PlayableScenario> {
        library
            .get("repair-drill")
            .and_then(|entry| entry.playable.clone())
            .expect("the repair drill is shipped")
    }

    /// A generated class of `learners` at the repair drill, and a file that
    /// is not JSON, read.
    fn read_class_of(learners: usize) -> (ClassResults, ScenarioLibrary, tempfile::TempDir) {
        let library = shipped_library();
        let drill = repair_drill(&library);
        let folder = tempfile::tempdir().unwrap();
        write_class(folder.path(), &[drill], learners, 1).unwrap();
        std::fs::write(folder.path().join("notes.json"), "{ half").unwrap();
        let source = ClassSource::Folder(folder.path().to_path_buf());
        let results = ClassResults {
            status: ClassStatus::Read(ClassReport::read(source).unwrap()),
            ..ClassResults::default()
        };
        (results, library, folder)
    }

    fn draw(results: &mut ClassResults, library: &ScenarioLibrary, view: ClassView) -> String {
        let mut state = ClassScreenState {
            view,
            ..ClassScreenState::default()
        };
        rendered(|ui| class_ui(ui, results, library, None, &mut state, &mut Vec::new()))
    }

    fn summary(results: &ClassResults) -> &ScenarioSummary {
        let ClassStatus::Read(report) = &results.status else {
            panic!("read")
        };
        &report.summary(false).scenarios[0]
    }

    #[test]
    fn a_class_shows_its_figures_as_charts_with_learners_named_only_when_asked() {
        let (mut results, library, _folder) = read_class_of(12);
        let text = draw(&mut results, &library, ClassView::Figures);
        for expected in [
            "Repair drill",
            "12 learners, 12 attempts",
            "Endings",
            "Answer time: median",
            "Where connection falls most (mean change)",
            "Learner 12",
            "⚠ 1 file skipped:",
        ] {
            assert!(text.contains(expected), "missing {expected}: {text}");
        }
        assert!(!text.contains("Trainee"), "pseudonymous by default");
        assert!(
            text.contains("notes.json: not JSON"),
            "the file skipped and why: {text}"
        );
        // Each option's count and share is written at the end of its bar.
        let first = &summary(&results).moments[0];
        for option in &first.options {
            let share = crate::core::wording::percent_in_words(option.share.unwrap());
            let at_the_bar = format!("{} ({share})", option.chosen);
            assert!(text.lines().any(|l| l == at_the_bar), "{at_the_bar}");
        }
        results.show_names = true;
        let named = draw(&mut results, &library, ClassView::Figures);
        assert!(named.contains("Trainee 11") && !named.contains("Learner 12"));
    }

    #[test]
    fn moments_fewer_than_five_learners_met_show_counts_only() {
        let (mut results, library, _folder) = read_class_of(4);
        let text = draw(&mut results, &library, ClassView::Figures);
        assert!(
            text.contains("Fewer than 5 learners: counts only"),
            "{text}"
        );
        assert!(!text.contains("Answer time"), "no times under the rule");
        assert!(!text.contains('%'), "no shares under the rule: {text}");
        let first = &summary(&results).moments[0];
        let option = &first.options[0];
        assert!(text.contains(&format!("{}: {}", option.option, option.chosen)));
    }

    #[test]
    fn the_map_draws_how_many_of_the_class_took_each_answer() {
        let (mut results, library, _folder) = read_class_of(12);
        let text = draw(&mut results, &library, ClassView::Map);
        assert!(text.contains("answers the class took"), "{text}");
        let first = &summary(&results).moments[0];
        let drill = repair_drill(&library);
        let node = drill.node(&first.node).unwrap();
        // The answers leading to the same moment are counted together.
        let mut by_target = std::collections::BTreeMap::<&str, usize>::new();
        for option in &first.options {
            let choice = node.choices.iter().find(|c| c.id == option.option).unwrap();
            *by_target.entry(&choice.target).or_default() += option.chosen;
        }
        for taken in by_target.values() {
            assert!(text.lines().any(|l| l == taken.to_string()), "{taken}");
        }
    }

    #[test]
    fn the_reading_and_a_failure_are_said_on_the_screen() {
        let library = shipped_library();
        let source = ClassSource::Folder("/no/such/class".into());
        let mut results = ClassResults {
            status: ClassStatus::Reading(source),
            ..ClassResults::default()
        };
        assert!(
            draw(&mut results, &library, ClassView::Figures).contains("Reading /no/such/class…")
        );
        results.status = ClassStatus::Failed("/no/such/class is not a folder".into());
        let text = draw(&mut results, &library, ClassView::Figures);
        assert!(
            text.contains("could not be read: /no/such/class is not a folder"),
            "{text}"
        );
    }
}
