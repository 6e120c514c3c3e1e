//! The end of a scenario: the ending, a short summary, a grounding line, the
//! reflection prompts, and the debrief (steps, the relationship over time, the
//! map, earlier attempts, exports).

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::attempts::{CurrentAttempt, SavedAttempts};
use crate::app::debrief::{Debrief, DebriefState, DebriefTab, debrief_tabs_ui, debrief_view_ui};
use crate::app::glossary::GlossaryBook;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::session::ActiveSession;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{
    card_ui, column_ui, ctrl_enter_pressed, reading_column_ui, strong, trainee_support_ui,
};
use crate::core::engine::Engine;
use crate::core::engine::FeedbackMode;
use crate::core::practice_summary::PracticeSummary;
use crate::core::review::{summarize, summary_sentence};
use crate::core::store::Reflection;
use crate::core::wording::{self, grounding, reflection_prompts};
use crate::tr;

/// Draws the end screen.
pub(super) struct EndScreenPlugin;

impl Plugin for EndScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            end_screen
                .run_if(in_state(AppState::End).and_then(resource_exists::<ActiveSession>))
                .in_set(super::ScreenSet),
        );
    }
}

/// What the end screen keeps between frames: the reflections being written
/// (for the attempt with this id) and the debrief's tab.
#[derive(Default)]
struct EndScreenState {
    attempt_id: Option<String>,
    answers: Vec<String>,
    debrief: DebriefState,
}

fn end_screen(
    mut frame: ScreenFrame,
    session: Res<ActiveSession>,
    current: Res<CurrentAttempt>,
    saved: Res<SavedAttempts>,
    mut local: Local<EndScreenState>,
    glossary: Res<GlossaryBook>,
    preferences: Res<UserPreferences>,
) -> Result {
    frame.show(|root, wanted| {
        let prompts = reflection_prompts(session.engine.scenario());
        let attempt_id = current.attempt.as_ref().map(|a| a.id.clone());
        if local.attempt_id != attempt_id {
            *local = EndScreenState {
                attempt_id,
                answers: vec![String::new(); prompts.len()],
                debrief: DebriefState::default(),
            };
        }
        let state = &mut *local;
        egui::Panel::top("end-header").show(root, |ui| {
            reading_column_ui(ui, |ui| {
                ui.add_space(10.0);
                end_header_ui(ui, &session.engine, session.trial, wanted);
                debrief_tabs_ui(ui, &mut state.debrief.tab);
                ui.add_space(6.0);
            });
        });
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("end", state.debrief.tab))
                .show(ui, |ui| {
                    column_ui(ui, state.debrief.tab.width(), |ui| {
                        if state.debrief.tab == DebriefTab::Overview {
                            end_ui(ui, &session.engine, &preferences.current.support_line);
                            reflection_ui(
                                ui,
                                state.attempt_id.as_deref().unwrap_or_default(),
                                &prompts,
                                &mut state.answers,
                                current.reflections_kept,
                                wanted,
                            );
                        } else if let Some(attempt) = &current.attempt {
                            ui.add_space(12.0);
                            let debrief = Debrief {
                                scenario: session.engine.playable(),
                                attempt,
                                earlier: saved.of_scenario(&attempt.transcript.scenario_id),
                                what_if: true,
                                glossary: &glossary.0,
                            };
                            debrief_view_ui(
                                ui,
                                &debrief,
                                &mut state.debrief,
                                current.last_export.as_ref(),
                                wanted,
                            );
                        }
                        ui.add_space(24.0);
                    });
                });
        });
    })
}

/// The scenario's title and the ways on: play again, or the library (the
/// editor, after a trial from it).
pub(super) fn end_header_ui(
    ui: &mut egui::Ui,
    engine: &Engine,
    trial: bool,
    actions: &mut Vec<Action>,
) {
    let (back, again) = if trial {
        (tr!("back-to-the-editor"), tr!("end-try-again"))
    } else {
        (tr!("end-library"), tr!("end-play-again"))
    };
    ui.horizontal(|ui| {
        ui.label(strong(&engine.scenario().title, 20.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(strong(back, 16.0)).clicked() {
                actions.push(Action::Leave);
            }
            if ui.button(strong(again, 16.0)).clicked() {
                actions.push(Action::PlayAgain);
            }
        });
    });
}

/// The ending, the summary, the grounding line, and the scenario's support for
/// the trainee with their support line.
pub(super) fn end_ui(ui: &mut egui::Ui, engine: &Engine, support_line: &str) {
    let colours = palette(ui);
    let transcript = engine.transcript();
    ui.add_space(20.0);
    let ending_node = transcript
        .ending
        .as_ref()
        .and_then(|e| engine.playable().node(&e.node));
    match ending_node.and_then(|n| n.ending.as_ref()) {
        Some(ending) => {
            ui.label(
                egui::RichText::new(tr!(
                    "end-kind-and-meaning",
                    kind = ending.kind.label(),
                    meaning = ending.kind.meaning()
                ))
                .color(colours.muted),
            );
            ui.label(strong(&ending.title, 30.0));
            ui.label(egui::RichText::new(&ending.text).size(19.0));
        }
        None => {
            ui.label(strong(tr!("end-stopped"), 30.0));
        }
    }
    ui.add_space(8.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong(tr!("end-in-short"), 18.0));
        ui.label(summary(engine));
        for sentence in PracticeSummary::of(transcript).sentences() {
            ui.label(sentence);
        }
        if transcript.settings.feedback != FeedbackMode::Immediate
            && transcript.steps.iter().any(|s| s.own_words.is_some())
        {
            ui.label(egui::RichText::new(wording::rate_in_the_steps()).color(colours.accent));
        }
    });
    ui.label(
        egui::RichText::new(grounding())
            .italics()
            .color(colours.good),
    );
    if let Some(support) = &engine.scenario().trainee_support {
        trainee_support_ui(ui, support, support_line);
    }
    ui.label(egui::RichText::new(tr!("end-tabs-explained")).color(colours.muted));
}

/// The reflection prompts, with a button that keeps the answers with the
/// attempt (Ctrl+Enter in a field does the same). The first field has focus
/// when the screen opens, so the trainee can write at once.
pub(super) fn reflection_ui(
    ui: &mut egui::Ui,
    attempt_id: &str,
    prompts: &[String],
    answers: &mut [String],
    kept: bool,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(12.0);
    ui.label(strong(tr!("end-reflect"), 22.0));
    ui.label(egui::RichText::new(tr!("end-reflect-explained")).color(colours.muted));
    let keep_keys = ctrl_enter_pressed(ui);
    let mut kept_by_keys = false;
    for (index, (prompt, answer)) in prompts.iter().zip(answers.iter_mut()).enumerate() {
        let asked = ui.label(prompt.as_str());
        let field = ui
            .add(
                egui::TextEdit::multiline(answer)
                    .id_salt(("reflection", index))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(asked.id);
        // The first field asks for the focus until it has had it once (egui
        // drops focus while the window is not focused).
        let focused_once = egui::Id::new(("reflection-focused", attempt_id));
        if index == 0 && !ui.memory(|m| m.data.get_temp::<bool>(focused_once).unwrap_or(false)) {
            if field.has_focus() {
                ui.memory_mut(|m| m.data.insert_temp(focused_once, true));
            } else {
                field.request_focus();
            }
        }
        if keep_keys && field.has_focus() {
            // Ctrl+Enter also started a new line in the field.
            *answer = answer.trim_end().to_owned();
            kept_by_keys = true;
        }
    }
    ui.horizontal(|ui| {
        let keep = ui.button(tr!("end-keep-reflections"));
        if keep.clicked() || kept_by_keys {
            let reflections = prompts
                .iter()
                .zip(answers.iter())
                .filter(|(_, answer)| !answer.trim().is_empty())
                .map(|(prompt, answer)| Reflection {
                    prompt: prompt.clone(),
                    answer: answer.trim().to_owned(),
                })
                .collect();
            actions.push(Action::SaveReflections(reflections));
        }
        if kept {
            ui.label(egui::RichText::new(tr!("end-kept")).color(colours.good));
        }
    });
}

/// Steps, connection and distance, and ruptures, in a sentence or two.
pub(super) fn summary(engine: &Engine) -> String {
    summary_sentence(&summarize(engine.transcript()), engine.playable())
}
