//! The steps one by one: what the client said, what the trainee answered (or
//! that time ran out), how long it took against the limit, the feedback, what
//! changed, the other answers that were there, and "what if".

use bevy_egui::egui;

use super::Debrief;
use crate::app::actions::Action;
use crate::app::screens::{concept_links_ui, own_words_rating_ui, probe_recap_ui};
use crate::app::theme::palette;
use crate::app::widgets::{answer_level_ui, card_ui, level_colour, strong};
use crate::core::engine::{Branch, PlayableScenario, StepRecord, Transcript};
use crate::core::review::{Answer, LevelCounts, ReviewedStep, review, review_step};
use crate::core::wording;
use crate::tr;

/// Every step as a card, after a comparison with any path left by "what if".
pub(crate) fn timeline_ui(
    ui: &mut egui::Ui,
    debrief: &Debrief,
    transcript: &Transcript,
    actions: &mut Vec<Action>,
) {
    let (scenario, what_if) = (debrief.scenario, debrief.what_if);
    for branch in transcript.branches.iter().rev() {
        branch_comparison_ui(ui, scenario, transcript, branch);
    }
    if what_if {
        ui.label(egui::RichText::new(tr!("debrief-what-if-explained")).color(palette(ui).muted));
    }
    for step in review(scenario, transcript) {
        step_card_ui(ui, &step, debrief, actions);
        ui.add_space(6.0);
    }
}

fn step_card_ui(
    ui: &mut egui::Ui,
    step: &ReviewedStep,
    debrief: &Debrief,
    actions: &mut Vec<Action>,
) {
    let what_if = debrief.what_if;
    let colours = palette(ui);
    let record = step.record;
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let who = step.speaker.map_or(String::new(), |s| format!(" · {s}"));
            ui.label(
                egui::RichText::new(format!(
                    "{} · {}{who}",
                    wording::step_heading(record.index),
                    record.clock
                ))
                .color(colours.muted),
            );
            if what_if {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(tr!("debrief-go-back-here"))
                        .on_hover_text(tr!("debrief-go-back-here-hover"))
                        .clicked()
                    {
                        actions.push(Action::WhatIf(record.index));
                    }
                });
            }
        });
        if !step.said.is_empty() {
            ui.label(egui::RichText::new(format!("“{}”", step.said)).italics());
        }
        ui.add_space(4.0);
        if let Some((probe, noticed)) = step.probe() {
            ui.label(strong(wording::noticing(), 15.5));
            probe_recap_ui(ui, probe, noticed, 18.0);
            ui.add_space(4.0);
        }
        match step.answer {
            Answer::Choice(choice) => {
                let heading = wording::answer_heading(record.own_words.as_ref());
                ui.label(egui::RichText::new(heading).size(14.5).color(colours.muted));
                ui.label(strong(format!("“{}”", choice.says), 17.0));
            }
            Answer::Timeout => {
                ui.label(strong(step.answer.words(), 17.0).color(colours.warning));
            }
            Answer::Missing(_) => {
                ui.label(strong(step.answer.words(), 17.0));
            }
        }
        latency_ui(ui, step);
        if let Some(level) = step.quality {
            answer_level_ui(ui, level, 15.5);
        }
        if let Some(confidence) = record.confidence {
            ui.label(egui::RichText::new(wording::you_were(confidence)).color(colours.muted));
        }
        if record.own_words.is_some() {
            own_words_rating_ui(ui, step, what_if, actions);
        }
        if let Some(feedback) = step.feedback() {
            ui.add_space(4.0);
            ui.label(&feedback.relational);
            ui.label(
                egui::RichText::new(format!("{}: “{}”", step.voice, feedback.client)).italics(),
            );
            ui.label(
                egui::RichText::new(format!("{} ({})", feedback.concept, feedback.source))
                    .size(15.0)
                    .color(colours.muted),
            );
            concept_links_ui(ui, debrief.glossary, feedback, step.tags, actions);
        }
        if let Some((heading, inner)) = &step.inner {
            ui.label(
                egui::RichText::new(format!("{heading}: “{inner}”"))
                    .italics()
                    .color(colours.muted),
            );
        }
        changes_ui(ui, step);
        if !step.alternatives.is_empty() {
            let levels = LevelCounts::of(step.alternatives.iter().filter_map(|c| c.level()));
            let spread = wording::levels_listed(levels)
                .map(|levels| format!(": {levels}"))
                .unwrap_or_default();
            egui::CollapsingHeader::new(tr!(
                "debrief-other-answers",
                count = step.alternatives.len(),
                spread = spread
            ))
            .id_salt(("alternatives", record.index))
            .show(ui, |ui| {
                for choice in &step.alternatives {
                    ui.label(strong(format!("“{}”", choice.says), 15.5));
                    if let Some(level) = choice.level() {
                        ui.label(
                            egui::RichText::new(level.heading())
                                .size(14.5)
                                .color(level_colour(ui, level)),
                        );
                    }
                    if let Some(feedback) = &choice.feedback {
                        ui.label(egui::RichText::new(&feedback.relational).size(14.5));
                    }
                    ui.add_space(4.0);
                }
            });
        }
    });
}

/// "after 4.2 s of 45 s", with a bar for the share of the limit used.
fn latency_ui(ui: &mut egui::Ui, step: &ReviewedStep) {
    let colours = palette(ui);
    let record = step.record;
    let timing = egui::RichText::new(step.timing_in_words())
        .size(14.0)
        .color(colours.muted);
    match record.effective_limit {
        Some(limit) if limit > 0.0 => {
            let share = (record.latency / limit).clamp(0.0, 1.0) as f32;
            let fill = if share > 0.8 {
                colours.warning
            } else {
                colours.accent
            };
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(160.0)
                        .desired_height(8.0)
                        .fill(fill),
                );
                ui.label(timing);
            });
        }
        _ => {
            ui.label(timing);
        }
    }
}

/// What the answer changed: each dimension, ruptures opened and repaired.
fn changes_ui(ui: &mut egui::Ui, step: &ReviewedStep) {
    let colours = palette(ui);
    ui.horizontal_wrapped(|ui| {
        for moved in &step.moved {
            let arrow = if moved.to > moved.from { "▲" } else { "▼" };
            ui.label(egui::RichText::new(format!("{} {arrow}", moved.in_words())).size(14.0));
        }
        for &kind in &step.opened {
            ui.label(
                egui::RichText::new(wording::rupture_opened(kind))
                    .size(14.0)
                    .color(colours.warning),
            );
        }
        if step.repaired > 0 {
            ui.label(
                egui::RichText::new(wording::ruptures_repaired(step.repaired))
                    .size(14.0)
                    .color(colours.good),
            );
        }
        if !step.tags.is_empty() {
            ui.label(
                egui::RichText::new(step.tags.join(" · "))
                    .size(13.0)
                    .color(colours.muted),
            );
        }
    });
}

/// The path left behind by a "what if" beside the path taken since.
fn branch_comparison_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    transcript: &Transcript,
    branch: &Branch,
) {
    let colours = palette(ui);
    let answer_at = |steps: &[StepRecord]| {
        steps.first().map_or_else(
            || tr!("debrief-no-answer"),
            |step| review_step(scenario, step).answer.quoted(),
        )
    };
    let ending = |ending: &Option<crate::core::engine::EndingRecord>| {
        ending
            .as_ref()
            .map_or_else(|| wording::no_ending().to_owned(), |e| e.in_words())
    };
    let last_values = |steps: &[StepRecord]| {
        steps.last().map_or(String::new(), |s| {
            let value = |id: &str| s.state_after.values.get(id).copied().unwrap_or(0);
            tr!(
                "debrief-connection-and-distance",
                connection = value("connection"),
                distance = value("distance")
            )
        })
    };
    let now = transcript.steps.get(branch.from_step..).unwrap_or(&[]);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong(
            tr!("debrief-what-if", step = branch.from_step + 1),
            18.0,
        ));
        egui::Grid::new(("branch", branch.from_step, branch.steps.len()))
            .num_columns(2)
            .spacing([16.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for (label, steps, end) in [
                    (
                        tr!("debrief-first-time"),
                        branch.steps.as_slice(),
                        &branch.ending,
                    ),
                    (tr!("debrief-this-time"), now, &transcript.ending),
                ] {
                    ui.label(strong(label, 15.0));
                    ui.vertical(|ui| {
                        ui.label(answer_at(steps));
                        ui.label(
                            egui::RichText::new(tr!(
                                "debrief-branch-line",
                                ending = ending(end),
                                values = last_values(steps),
                                steps = steps.len()
                            ))
                            .size(14.0)
                            .color(colours.muted),
                        );
                    });
                    ui.end_row();
                }
            });
    });
    ui.add_space(6.0);
}
