//! Play: the scene header with the pressure stated plainly, who speaks and what
//! they say, the countdown, the choices as large numbered buttons, the feedback
//! after each answer, the relational meters, and the author's tools.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::practice_parts;
use crate::app::actions::Action;
use crate::app::glossary::GlossaryBook;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::session::{ActiveSession, AuthorMode};
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{
    answer_level_ui, card_ui, countdown_ui, meter_ui, notice_ui, reading_column_ui, strong,
    wide_button_ui,
};
use crate::core::clock::format_clock;
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{Engine, FeedbackMode, Phase};
use crate::core::glossary::Glossary;
use crate::core::review::{Answer, ReviewedStep, review_step};
use crate::core::wording;
use crate::tr;

/// Draws the play screen.
pub(super) struct PlayScreenPlugin;

impl Plugin for PlayScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            play_screen
                .run_if(in_state(AppState::Play).and_then(resource_exists::<ActiveSession>))
                .in_set(super::ScreenSet),
        );
    }
}

fn play_screen(
    mut frame: ScreenFrame,
    session: Res<ActiveSession>,
    mut preferences: ResMut<UserPreferences>,
    author: Res<AuthorMode>,
    glossary: Res<GlossaryBook>,
) -> Result {
    frame.show(|root, wanted| {
        let mut show_meters = preferences.current.show_meters;
        egui::Panel::top("scene-header").show(root, |ui| {
            scene_header_ui(ui, &session, &mut show_meters, wanted);
        });
        let shows_state = session.engine.transcript().settings.feedback != FeedbackMode::Exam;
        if show_meters && shows_state {
            egui::Panel::right("meters")
                .default_size(260.0)
                .show(root, |ui| {
                    meters_ui(ui, &session.engine, author.0);
                });
        }
        if author.0 {
            egui::Panel::left("author")
                .default_size(260.0)
                .show(root, |ui| {
                    author_ui(ui, &session.engine, wanted);
                });
        }
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    if let Some(notice) = &session.notice {
                        notice_ui(ui, notice, false);
                    }
                    let engine = &session.engine;
                    let answered = engine.transcript().steps.last();
                    match answered.filter(|_| engine.reading_feedback()) {
                        Some(record) => {
                            let step = review_step(engine.playable(), record);
                            feedback_ui(ui, &step, &glossary.0, wanted);
                        }
                        None if engine.phase() == Phase::Confiding => {
                            ui.add_space(18.0);
                            practice_parts::confidence_ui(ui, engine, wanted);
                        }
                        None => moment_ui(ui, &session, author.0, wanted),
                    }
                });
            });
        });
        if show_meters != preferences.current.show_meters {
            preferences.current.show_meters = show_meters;
        }
    })
}

/// Act, place, clock, and the pressure ("Priya arrives in 12 min").
pub(super) fn scene_header_ui(
    ui: &mut egui::Ui,
    session: &ActiveSession,
    show_meters: &mut bool,
    actions: &mut Vec<Action>,
) {
    let engine = &session.engine;
    let state = engine.state();
    let act = &engine.scenario().acts[state.act];
    let clock = format_clock(state.clock);
    let colours = palette(ui);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(strong(format!("🕒 {clock}"), 20.0));
        ui.label(strong(&act.title, 20.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!("play-pause")).clicked() {
                actions.push(Action::TogglePause);
            }
            ui.toggle_value(show_meters, tr!("play-meters"));
        });
    });
    if !act.place.is_empty() {
        ui.label(egui::RichText::new(&act.place).color(colours.muted));
    }
    if let Some((label, minutes)) = engine.next_deadline() {
        let text = wording::deadline_in(label, minutes);
        ui.label(strong(text, 17.0).color(colours.warning));
    } else if let Some(deadline) = &session.deadline {
        ui.label(strong(deadline, 17.0).color(colours.warning));
    }
    ui.add_space(6.0);
}

/// The moment: narration, speech, countdown and choices.
fn moment_ui(ui: &mut egui::Ui, session: &ActiveSession, author: bool, actions: &mut Vec<Action>) {
    let engine = &session.engine;
    let node = engine.node();
    let colours = palette(ui);
    ui.add_space(18.0);
    if author {
        ui.label(
            egui::RichText::new(format!("node: {}", node.id))
                .monospace()
                .color(colours.accent),
        );
    }
    if let Some(said) = session
        .practice
        .as_ref()
        .and_then(|p| p.said_before.as_deref())
    {
        ui.label(
            egui::RichText::new(wording::said_just_before(said))
                .size(16.0)
                .color(colours.muted),
        );
        ui.add_space(6.0);
    }
    if let Some(narration) = &node.narration {
        ui.label(
            egui::RichText::new(narration)
                .italics()
                .size(19.0)
                .color(colours.muted),
        );
        ui.add_space(8.0);
    }
    let text = engine.shown_text();
    if !text.is_empty() {
        let speaker = node
            .speaker
            .as_deref()
            .and_then(|id| engine.scenario().character(id))
            .map_or("", |c| c.name.as_str());
        if !speaker.is_empty() {
            ui.label(strong(speaker, 18.0).color(colours.accent));
        }
        ui.label(egui::RichText::new(format!("“{text}”")).size(24.0));
    }
    ui.add_space(12.0);
    if engine.phase().clock_runs()
        && let (Some(remaining), Some(limit)) = (engine.remaining(), engine.state().timer.limit)
    {
        countdown_ui(ui, remaining, limit, session.warned);
        ui.add_space(8.0);
    }
    if let Some(timer_off) = engine.timer_off_because() {
        ui.label(
            egui::RichText::new(timer_off)
                .color(colours.muted)
                .size(15.0),
        );
    }
    if let Some(reason) = engine.end_of_draft() {
        choices_ui(ui, engine, author, actions);
        ui.add_space(8.0);
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(strong(wording::end_of_draft(&reason), 19.0).color(colours.warning));
            let back = if session.trial {
                tr!("back-to-the-editor")
            } else {
                tr!("play-leave")
            };
            if wide_button_ui(ui, back).clicked() {
                actions.push(Action::Leave);
            }
        });
        return;
    }
    match engine.phase() {
        Phase::Noticing => practice_parts::probe_ui(ui, engine, actions),
        Phase::Noticed => practice_parts::probe_feedback_ui(ui, engine, actions),
        Phase::Writing => practice_parts::own_words_ui(ui, &session.draft, actions),
        Phase::Picking => {
            practice_parts::picking_heading_ui(ui, engine, actions);
            choices_ui(ui, engine, author, actions);
        }
        Phase::Answering | Phase::Confiding => choices_ui(ui, engine, author, actions),
    }
}

/// The choices as large numbered buttons; in author mode, each with its feedback.
pub(super) fn choices_ui(
    ui: &mut egui::Ui,
    engine: &Engine,
    author: bool,
    actions: &mut Vec<Action>,
) {
    let node = engine.node();
    for (index, shown) in engine.shown_choices().iter().enumerate() {
        let Some(choice) = node.choices.iter().find(|c| c.id == shown.id) else {
            continue;
        };
        let label = format!("{}   {}", index + 1, choice.says);
        match &shown.disabled {
            None => {
                if wide_button_ui(ui, egui::RichText::new(label).size(19.0)).clicked() {
                    actions.push(Action::Choose(shown.id.clone()));
                }
            }
            Some(reason) => {
                ui.add_enabled_ui(false, |ui| {
                    wide_button_ui(ui, egui::RichText::new(label).size(19.0));
                });
                ui.label(
                    egui::RichText::new(format!("✖ {}: {reason}", wording::cannot_be_chosen_yet()))
                        .color(ui.visuals().error_fg_color)
                        .size(15.0),
                );
            }
        }
        if author {
            let level = choice
                .level()
                .map(|level| format!(" ({})", level.label()))
                .unwrap_or_default();
            ui.collapsing(format!("{} → {}{level}", choice.id, choice.target), |ui| {
                if let Some(feedback) = &choice.feedback {
                    ui.label(&feedback.relational);
                    ui.label(egui::RichText::new(format!("“{}”", feedback.client)).italics());
                    ui.label(format!("{} ({})", feedback.concept, feedback.source));
                }
            });
        }
    }
    if engine.state().shown.choices.is_empty()
        && node.timeout.is_some()
        && engine.remaining().is_none()
        && wide_button_ui(ui, tr!("play-let-the-moment-pass")).clicked()
    {
        actions.push(Action::TimeOutNow);
    }
}

/// Feedback on the answer just given, as the core reviews the step: what was
/// said, the three parts of the feedback, the client's inner experience and
/// what changed. The engine waits until the trainee goes on.
pub(super) fn feedback_ui(
    ui: &mut egui::Ui,
    step: &ReviewedStep,
    glossary: &Glossary,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(18.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        match step.answer {
            Answer::Choice(choice) => {
                let heading = wording::answer_heading(step.record.own_words.as_ref());
                ui.label(egui::RichText::new(heading).color(colours.muted));
                ui.label(egui::RichText::new(format!("“{}”", choice.says)).size(20.0));
            }
            _ => {
                ui.label(strong(step.answer.words(), 20.0));
            }
        }
        if let Some(confidence) = step.record.confidence {
            ui.label(egui::RichText::new(wording::you_were(confidence)).color(colours.muted));
        }
        if let Some(level) = step.quality {
            answer_level_ui(ui, level, 16.0);
        }
        if let Some(spread) = step.others_in_words() {
            ui.label(egui::RichText::new(spread).color(colours.muted));
        }
        if let Some(feedback) = step.feedback() {
            ui.add_space(6.0);
            ui.label(strong(wording::what_it_does(), 18.0));
            ui.label(&feedback.relational);
            ui.label(strong(&step.voice, 18.0));
            ui.label(egui::RichText::new(format!("“{}”", feedback.client)).italics());
            ui.label(strong(wording::the_concept(), 18.0));
            ui.label(format!("{}  ({})", feedback.concept, feedback.source));
            super::concept_links_ui(ui, glossary, feedback, step.tags, actions);
        }
        if let Some((heading, inner)) = &step.inner {
            ui.label(strong(heading, 18.0));
            ui.label(
                egui::RichText::new(format!("“{inner}”"))
                    .italics()
                    .color(colours.muted),
            );
        }
        let changes = step.changes_in_words();
        let shows_state = step.record.state_before != step.record.state_after;
        if shows_state && !changes.is_empty() {
            ui.label(
                egui::RichText::new(changes.join(" · "))
                    .color(colours.accent)
                    .size(15.0),
            );
        }
    });
    if step.record.own_words.is_some() {
        ui.add_space(10.0);
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            practice_parts::own_words_rating_ui(ui, step, true, actions);
        });
    }
    ui.add_space(10.0);
    let go_on = ui.add(
        egui::Button::new(strong(tr!("play-continue"), 19.0)).min_size(egui::vec2(220.0, 48.0)),
    );
    if go_on.clicked() {
        actions.push(Action::Continue);
    }
}

/// Connection, distance with its optimal band, open ruptures (and, for authors,
/// every dimension), as the engine lets the trainee see them.
pub(super) fn meters_ui(ui: &mut egui::Ui, engine: &Engine, all: bool) {
    ui.add_space(12.0);
    ui.label(strong(tr!("play-the-relationship"), 18.0));
    let state = engine.shown_state();
    for dim in engine.dimensions().iter() {
        let main = dim.id == CONNECTION || dim.id == DISTANCE;
        if !main && !all {
            continue;
        }
        let label = if dim.id == DISTANCE {
            tr!("play-distance")
        } else {
            wording::dimension_label(&dim.label)
        };
        meter_ui(
            ui,
            &label,
            state.values.get(&dim.id).copied().unwrap_or(0),
            (dim.min, dim.max),
            dim.optimal.map(|b| (b.low, b.high)),
        );
        ui.add_space(4.0);
    }
    let open = wording::open_ruptures_in_words(state.open_ruptures.iter().copied());
    if !open.is_empty() {
        ui.label(
            egui::RichText::new(tr!("play-open-rupture", ruptures = open))
                .color(palette(ui).warning),
        );
    }
}

/// Author mode: the node, a jump to any node, and the timeout.
fn author_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    ui.add_space(12.0);
    ui.label(strong(tr!("play-author"), 18.0));
    ui.label(
        egui::RichText::new(tr!("play-at-node", node = engine.node().id.as_str())).monospace(),
    );
    if engine.node().timeout.is_some() && ui.button(tr!("play-time-out-now")).clicked() {
        actions.push(Action::TimeOutNow);
    }
    ui.label(tr!("play-jump-to"));
    egui::ScrollArea::vertical()
        .id_salt("jump")
        .max_height(360.0)
        .show(ui, |ui| {
            for node in engine.scenario().nodes() {
                if ui.small_button(&node.id).clicked() {
                    actions.push(Action::JumpTo(node.id.clone()));
                }
            }
        });
    ui.separator();
    ui.label(strong(tr!("play-watch"), 16.0));
    let state = &engine.state().relational;
    for (id, value) in &state.values {
        ui.label(egui::RichText::new(format!("{id}: {value}")).monospace());
    }
    ui.label(egui::RichText::new(tr!("play-visited", count = state.visited.len())).monospace());
}
