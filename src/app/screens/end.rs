//! The end of a scenario: the ending, a short summary, a grounding line, and the
//! debrief of every step with its feedback.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::attempts::CurrentAttempt;
use crate::app::session::ActiveSession;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, ending_label, reading_column_ui, root_ui, strong};
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{Engine, Response};
use crate::core::store::{DEFAULT_PROMPTS, Reflection};

/// Draws the end screen.
pub struct EndScreenPlugin;

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

fn end_screen(
    mut contexts: EguiContexts,
    session: Res<ActiveSession>,
    current: Res<CurrentAttempt>,
    mut answers: Local<(Option<String>, Vec<String>)>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let mut wanted = Vec::new();
    let attempt_id = current.attempt.as_ref().map(|a| a.id.clone());
    if answers.0 != attempt_id {
        *answers = (attempt_id, vec![String::new(); DEFAULT_PROMPTS.len()]);
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            reading_column_ui(ui, |ui| {
                end_ui(ui, &session.engine, &mut wanted);
                reflection_ui(ui, &mut answers.1, current.reflections_kept, &mut wanted);
                debrief_ui(ui, &session.engine);
            });
        });
    });
    actions.write_batch(wanted);
    Ok(())
}

/// The grounding line every ending closes with.
pub const GROUNDING: &str = "Before you go on: feel your feet on the floor and take one slow breath. \
This was practice; whatever came up in you is information, not a verdict.";

/// The end screen's contents.
pub fn end_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    let colours = palette(ui);
    let transcript = engine.transcript();
    ui.add_space(20.0);
    let ending_node = transcript
        .ending
        .as_ref()
        .and_then(|e| engine.playable().node(&e.node));
    match ending_node.and_then(|n| n.ending.as_ref()) {
        Some(ending) => {
            ui.label(egui::RichText::new(ending_label(ending.kind)).color(colours.muted));
            ui.label(strong(&ending.title, 30.0));
            ui.label(egui::RichText::new(&ending.text).size(19.0));
        }
        None => {
            ui.label(strong("The scenario stopped", 30.0));
        }
    }
    ui.add_space(8.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong("In short", 18.0));
        ui.label(summary(engine));
    });
    ui.label(egui::RichText::new(GROUNDING).italics().color(colours.good));
    ui.horizontal(|ui| {
        if ui
            .add(egui::Button::new(strong("Play again", 18.0)).min_size(egui::vec2(160.0, 44.0)))
            .clicked()
        {
            actions.push(Action::PlayAgain);
        }
        if ui
            .add(egui::Button::new(strong("Library", 18.0)).min_size(egui::vec2(160.0, 44.0)))
            .clicked()
        {
            actions.push(Action::Leave);
        }
    });
}

/// The reflection prompts, with a button that keeps the answers with the attempt.
pub fn reflection_ui(
    ui: &mut egui::Ui,
    answers: &mut [String],
    kept: bool,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(12.0);
    ui.label(strong("Reflect", 22.0));
    for (prompt, answer) in DEFAULT_PROMPTS.iter().zip(answers.iter_mut()) {
        ui.label(*prompt);
        ui.add(
            egui::TextEdit::multiline(answer)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
    }
    ui.horizontal(|ui| {
        if ui.button("Keep my reflections with this attempt").clicked() {
            let reflections = DEFAULT_PROMPTS
                .iter()
                .zip(answers.iter())
                .filter(|(_, answer)| !answer.trim().is_empty())
                .map(|(prompt, answer)| Reflection {
                    prompt: (*prompt).to_owned(),
                    answer: answer.trim().to_owned(),
                })
                .collect();
            actions.push(Action::SaveReflections(reflections));
        }
        if kept {
            ui.label(egui::RichText::new("Kept. Only you can read them.").color(colours.good));
        }
    });
}

/// Every step with what was said, how long it took, and its feedback.
pub fn debrief_ui(ui: &mut egui::Ui, engine: &Engine) {
    let colours = palette(ui);
    let transcript = engine.transcript();
    ui.add_space(12.0);
    ui.label(strong("Debrief: step by step", 22.0));
    for step in &transcript.steps {
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            let node = engine.playable().node(&step.node);
            let text = node
                .and_then(|n| n.wordings().nth(step.wording))
                .unwrap_or("");
            ui.label(
                egui::RichText::new(format!("{}. {}", step.index + 1, step.clock))
                    .color(colours.muted),
            );
            if !text.is_empty() {
                ui.label(egui::RichText::new(format!("“{text}”")).italics());
            }
            let answer = match &step.response {
                Response::Choice(id) => node
                    .and_then(|n| n.choices.iter().find(|c| &c.id == id))
                    .map_or(id.clone(), |c| format!("You: “{}”", c.says)),
                Response::Timeout => "The time ran out.".into(),
            };
            ui.label(strong(answer, 17.0));
            let limit = step
                .effective_limit
                .map_or(String::new(), |l| format!(" of {l:.0} s"));
            ui.label(
                egui::RichText::new(format!("after {:.1} s{limit}", step.latency))
                    .size(14.0)
                    .color(colours.muted),
            );
            if let Some(feedback) = &step.feedback {
                ui.label(&feedback.relational);
                ui.label(egui::RichText::new(format!("“{}”", feedback.client)).italics());
                ui.label(
                    egui::RichText::new(format!("{} ({})", feedback.concept, feedback.source))
                        .size(15.0),
                );
            }
        });
    }
    ui.add_space(24.0);
}

/// Steps, connection and distance, and ruptures, in a sentence or two.
pub fn summary(engine: &Engine) -> String {
    let transcript = engine.transcript();
    let state = &engine.state().relational;
    let first = transcript.steps.first().map(|s| &s.state_before.values);
    let start = |id: &str| first.and_then(|v| v.get(id)).copied().unwrap_or(0);
    let distance = state.value(DISTANCE);
    let band = engine
        .dimensions()
        .get(DISTANCE)
        .and_then(|d| d.optimal)
        .map_or("", |band| {
            if band.contains(distance) {
                " (within the optimal band)"
            } else if distance > band.high {
                " (too distant)"
            } else {
                " (too close)"
            }
        });
    let opened = state.ruptures.len();
    let repaired = state
        .ruptures
        .iter()
        .filter(|r| r.repaired_step.is_some())
        .count();
    format!(
        "{} steps. Connection {} → {}; distance {} → {}{band}. Ruptures opened: {opened}, repaired: {repaired}.",
        transcript.steps.len(),
        start(CONNECTION),
        state.value(CONNECTION),
        start(DISTANCE),
        distance,
    )
}
