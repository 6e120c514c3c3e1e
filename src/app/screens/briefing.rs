//! The briefing: goals and content notes, where to start, the feedback mode and
//! the time accommodation, before anything starts.

use crate::app::courses::Courses;
use crate::core::course::Course;
use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::briefing::BriefingChoices;
use crate::app::library::ScenarioLibrary;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, reading_column_ui, strong, trainee_support_ui};
use crate::core::engine::{FeedbackMode, PracticeMode};
use crate::core::i18n;
use crate::core::model::Scenario;
use crate::core::preferences::Preferences;
use crate::core::wording::{self, level_and_length};
use crate::tr;

/// Draws the briefing.
pub(super) struct BriefingScreenPlugin;

impl Plugin for BriefingScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            briefing_screen
                .run_if(in_state(AppState::Briefing))
                .in_set(super::ScreenSet),
        );
    }
}

fn briefing_screen(
    mut frame: ScreenFrame,
    library: Res<ScenarioLibrary>,
    mut preferences: ResMut<UserPreferences>,
    mut choices: ResMut<BriefingChoices>,
    courses: Res<Courses>,
) -> Result {
    let playable = library.selected_entry().and_then(|e| e.playable.clone());
    let mut edited = preferences.current.clone();
    frame.show(|root, wanted| {
        let Some(playable) = playable else {
            wanted.push(Action::Back);
            return;
        };
        egui::Panel::bottom("briefing-actions").show(root, |ui| {
            begin_bar_ui(ui, wanted);
        });
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    let course = courses.course_of(&playable.scenario().id);
                    briefing_ui(
                        ui,
                        playable.scenario(),
                        course,
                        &mut choices,
                        &mut edited,
                        wanted,
                    );
                });
            });
        });
    })?;
    if edited != preferences.current {
        preferences.current = edited;
    }
    Ok(())
}

/// The briefing's contents.
pub(super) fn briefing_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    course: Option<&Course>,
    choices: &mut BriefingChoices,
    preferences: &mut Preferences,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(16.0);
    if ui.button(tr!("briefing-library")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(&scenario.title, 30.0));
    ui.label(egui::RichText::new(level_and_length(scenario)).color(colours.muted));
    ui.label(&scenario.summary);
    if !scenario.content_notes.is_empty() {
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(strong(wording::content_notes(), 18.0).color(colours.warning));
            for note in &scenario.content_notes {
                ui.label(format!("• {note}"));
            }
            ui.label(
                egui::RichText::new(tr!("briefing-leaving-is-fine"))
                    .color(colours.muted)
                    .size(15.0),
            );
        });
    }
    if let Some(support) = &scenario.trainee_support {
        trainee_support_ui(ui, support, &preferences.support_line);
    }
    if !scenario.learning_goals.is_empty() {
        ui.label(strong(wording::learning_goals(), 20.0));
        for goal in &scenario.learning_goals {
            ui.label(format!("• {goal}"));
        }
    }
    ui.separator();
    ui.label(strong(tr!("briefing-where-to-start"), 20.0));
    ui.radio_value(&mut choices.entry, None, tr!("briefing-from-the-beginning"));
    for entry in &scenario.entry_points {
        ui.radio_value(&mut choices.entry, Some(entry.id.clone()), &entry.title);
        if !entry.description.is_empty() {
            ui.label(
                egui::RichText::new(format!("    {}", entry.description))
                    .color(colours.muted)
                    .size(15.0),
            );
        }
    }
    practice_mode_ui(ui, scenario, preferences);
    ui.label(strong(tr!("briefing-feedback"), 20.0));
    match course {
        Some(course) => {
            choices.feedback = course.settings.feedback;
            ui.label(tr!(
                "briefing-feedback-set-by-course",
                feedback = feedback_label(course.settings.feedback),
                course = course.title.as_str()
            ));
        }
        None => {
            for mode in [
                FeedbackMode::Immediate,
                FeedbackMode::Deferred,
                FeedbackMode::Exam,
            ] {
                ui.radio_value(&mut choices.feedback, mode, feedback_label(mode));
            }
        }
    }
    ui.label(strong(wording::time(), 20.0));
    if let Some(course) = course {
        course_time_ui(ui, course, preferences);
    }
    time_accommodation_ui(ui, preferences);
    ui.add_space(24.0);
}

/// Whether the course's time defaults apply, when it sets any: they do while
/// the trainee's own are the app's defaults.
fn course_time_ui(ui: &mut egui::Ui, course: &Course, preferences: &Preferences) {
    let settings = &course.settings;
    if settings.default_time_multiplier == 1.0 && !settings.default_timers_off {
        return;
    }
    let course_time = if settings.default_timers_off {
        tr!("briefing-no-time-limits")
    } else {
        tr!(
            "briefing-times-time-to-answer",
            multiplier = i18n::decimal(settings.default_time_multiplier, 1)
        )
    };
    let own = preferences.time_multiplier != 1.0 || preferences.timers_off;
    let text = if own {
        tr!(
            "briefing-course-time-own",
            course = course.title.as_str(),
            time = course_time
        )
    } else {
        tr!(
            "briefing-course-time",
            course = course.title.as_str(),
            time = course_time
        )
    };
    ui.label(egui::RichText::new(text).color(palette(ui).muted));
}

/// A feedback mode as the briefing offers it.
fn feedback_label(mode: FeedbackMode) -> String {
    match mode {
        FeedbackMode::Immediate => tr!("briefing-feedback-immediate"),
        FeedbackMode::Deferred => tr!("briefing-feedback-deferred"),
        FeedbackMode::Exam => tr!("briefing-feedback-exam"),
    }
}

/// How the trainee answers, remembered for this scenario, and whether to be
/// asked how sure they are.
pub(super) fn practice_mode_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    preferences: &mut Preferences,
) {
    let colours = palette(ui);
    ui.label(strong(tr!("briefing-how-you-answer"), 20.0));
    let mut mode = preferences.practice_mode(&scenario.id);
    let probes = scenario.nodes().filter(|n| n.probe.is_some()).count();
    for option in PracticeMode::ALL {
        let available = option != PracticeMode::NoticeFirst || probes > 0;
        ui.add_enabled_ui(available, |ui| {
            ui.radio_value(&mut mode, option, option.label());
        });
        let mut note = option.description();
        if option == PracticeMode::NoticeFirst {
            note.push_str(&format!(" {}", wording::noticing_questions_here(probes)));
        }
        ui.label(
            egui::RichText::new(format!("    {note}"))
                .color(colours.muted)
                .size(15.0),
        );
    }
    if mode != preferences.practice_mode(&scenario.id) {
        preferences.practice_modes.insert(scenario.id.clone(), mode);
    }
    ui.checkbox(
        &mut preferences.ask_confidence,
        tr!("briefing-ask-confidence"),
    );
}

/// The bar that stays at the bottom of the briefing: Begin, and how to play.
pub(super) fn begin_bar_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let begin = ui.add(
            egui::Button::new(strong(tr!("briefing-begin"), 20.0))
                .min_size(egui::vec2(200.0, 48.0)),
        );
        if begin.clicked() {
            actions.push(Action::Begin);
        }
        ui.label(egui::RichText::new(tr!("briefing-keys")).color(palette(ui).muted));
    });
    ui.add_space(8.0);
}

/// The time accommodation (WCAG 2.2.1): a multiplier, off, and extension.
pub(super) fn time_accommodation_ui(ui: &mut egui::Ui, preferences: &mut Preferences) {
    ui.checkbox(&mut preferences.timers_off, tr!("briefing-timers-off"));
    ui.add_enabled_ui(!preferences.timers_off, |ui| {
        ui.add(
            egui::Slider::new(&mut preferences.time_multiplier, 1.0..=10.0)
                .step_by(0.5)
                .custom_formatter(|v, _| i18n::decimal(v, 1))
                .custom_parser(|text| text.replace(',', ".").parse().ok())
                .text(tr!("briefing-more-time")),
        );
        ui.add(
            egui::Slider::new(&mut preferences.extend_seconds, 5.0..=120.0)
                .step_by(5.0)
                .text(tr!("briefing-extend-seconds")),
        );
    });
}
