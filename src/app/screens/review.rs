//! The debrief of a saved attempt, opened from the history: the same views as
//! the end screen, with the reflections kept and exports, but no "what if".

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::attempts::{ReviewedAttempt, SavedAttempts, scenario_of};
use crate::app::debrief::{Debrief, DebriefState, DebriefTab, debrief_tabs_ui, debrief_view_ui};
use crate::app::glossary::GlossaryBook;
use crate::app::library::ScenarioLibrary;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, column_ui, reading_column_ui, strong};
use crate::core::i18n::unix_time_in_words;
use crate::core::practice_summary::PracticeSummary;
use crate::core::review::{summarize, summary_sentence};
use crate::core::store::Attempt;
use crate::tr;

/// Draws the review.
pub(super) struct ReviewScreenPlugin;

impl Plugin for ReviewScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            review_screen
                .run_if(in_state(AppState::Review))
                .in_set(super::ScreenSet),
        );
    }
}

fn review_screen(
    mut frame: ScreenFrame,
    library: Res<ScenarioLibrary>,
    saved: Res<SavedAttempts>,
    reviewed: Res<ReviewedAttempt>,
    mut state: Local<(Option<String>, DebriefState)>,
    glossary: Res<GlossaryBook>,
) -> Result {
    frame.show(|root, wanted| {
        if state.0 != reviewed.id {
            *state = (reviewed.id.clone(), DebriefState::default());
        }
        let attempt = reviewed.id.as_deref().and_then(|id| saved.get(id));
        let scenario = attempt.and_then(|a| scenario_of(&library, &a.transcript.scenario_id));
        let debrief = &mut state.1;
        egui::Panel::top("review-header").show(root, |ui| {
            reading_column_ui(ui, |ui| {
                ui.add_space(10.0);
                ui.horizontal(|ui| {
                    if ui.button(tr!("review-history")).clicked() {
                        wanted.push(Action::Back);
                    }
                    if let Some(attempt) = attempt {
                        ui.label(strong(&attempt.scenario_title, 20.0));
                    }
                });
                if scenario.is_some() {
                    debrief_tabs_ui(ui, &mut debrief.tab);
                }
                ui.add_space(6.0);
            });
        });
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("review", debrief.tab))
                .show(ui, |ui| {
                    column_ui(ui, debrief.tab.width(), |ui| {
                        ui.add_space(12.0);
                        let Some(attempt) = attempt else {
                            ui.label(tr!("review-gone"));
                            return;
                        };
                        let scenario_id = &attempt.transcript.scenario_id;
                        let Some(scenario) = &scenario else {
                            ui.label(tr!("review-scenario-gone", id = scenario_id.as_str()));
                            return;
                        };
                        if debrief.tab == DebriefTab::Overview {
                            attempt_overview_ui(ui, attempt, scenario);
                        } else {
                            let view = Debrief {
                                scenario,
                                attempt,
                                earlier: saved.of_scenario(scenario_id),
                                what_if: false,
                                glossary: &glossary.0,
                            };
                            debrief_view_ui(
                                ui,
                                &view,
                                debrief,
                                reviewed.last_export.as_ref(),
                                wanted,
                            );
                        }
                        ui.add_space(24.0);
                    });
                });
        });
    })
}

/// The attempt's ending, summary and reflections.
fn attempt_overview_ui(
    ui: &mut egui::Ui,
    attempt: &Attempt,
    scenario: &crate::core::engine::PlayableScenario,
) {
    let colours = palette(ui);
    let transcript = &attempt.transcript;
    ui.label(
        egui::RichText::new(tr!(
            "review-played",
            when = unix_time_in_words(attempt.saved_at)
        ))
        .color(colours.muted),
    );
    match &transcript.ending {
        Some(ending) => {
            ui.label(egui::RichText::new(ending.kind.label()).color(colours.muted));
            ui.label(strong(&ending.title, 28.0));
            if let Some(text) = scenario
                .node(&ending.node)
                .and_then(|n| n.ending.as_ref())
                .map(|e| e.text.as_str())
                .filter(|t| !t.is_empty())
            {
                ui.label(egui::RichText::new(text).size(18.0));
            }
        }
        None => {
            ui.label(strong(tr!("review-left-before-an-ending"), 28.0));
        }
    }
    if scenario.content_hash() != transcript.content_hash {
        ui.label(egui::RichText::new(tr!("review-edited-since")).color(colours.warning));
    }
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(summary_sentence(&summarize(transcript), scenario));
        for sentence in PracticeSummary::of(transcript).sentences() {
            ui.label(sentence);
        }
    });
    if !attempt.reflections.is_empty() {
        ui.add_space(8.0);
        ui.label(strong(tr!("review-your-reflections"), 20.0));
        for reflection in &attempt.reflections {
            ui.label(egui::RichText::new(&reflection.prompt).color(colours.muted));
            ui.label(&reflection.answer);
            ui.add_space(4.0);
        }
    }
    ui.add_space(12.0);
}
