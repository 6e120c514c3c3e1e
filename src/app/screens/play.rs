//! Play: the scene header with the pressure stated plainly, who speaks and what
//! they say, the countdown, the choices as large numbered buttons, the feedback
//! after each answer, the relational meters, and the author's tools.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::practice_parts;
use crate::app::accessibility::{Urgency, announce_ui, name};
use crate::app::actions::Action;
use crate::app::glossary::GlossaryBook;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::session::{ActiveSession, AuthorMode};
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{
    Fit, answer_level_ui, card_ui, countdown_ui, fitted_wide_button_ui, meter_ui, notice_ui,
    reading_column_ui, strong, wide_button_ui,
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
        play_ui(
            root,
            &session,
            &mut show_meters,
            author.0,
            &glossary.0,
            wanted,
        );
        if show_meters != preferences.current.show_meters {
            preferences.current.show_meters = show_meters;
        }
    })
}

/// The whole play screen in the window `root` covers. With room, the meters
/// stand in a panel on the right; when large text leaves little room, the
/// header takes one line and the meters follow the answers, so the client's
/// line, the countdown and every answer fit without scrolling.
pub(super) fn play_ui(
    root: &mut egui::Ui,
    session: &ActiveSession,
    show_meters: &mut bool,
    author: bool,
    glossary: &Glossary,
    wanted: &mut Vec<Action>,
) {
    let fit = Fit::of(root.ctx());
    egui::Panel::top("scene-header").show(root, |ui| {
        fit.tighten(ui);
        scene_header_ui(ui, session, show_meters, fit, wanted);
    });
    let shows_state = session.engine.transcript().settings.feedback != FeedbackMode::Exam;
    let meters = *show_meters && shows_state;
    if meters && !fit.is_compact() {
        egui::Panel::right("meters")
            .default_size(260.0)
            .show(root, |ui| {
                meters_ui(ui, &session.engine, author);
            });
    }
    if author {
        egui::Panel::left("author")
            .default_size(260.0)
            .show(root, |ui| {
                author_ui(ui, &session.engine, wanted);
            });
    }
    egui::CentralPanel::default().show(root, |ui| {
        fit.tighten(ui);
        let height = ui.available_height();
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
                        feedback_ui(ui, &step, glossary, wanted);
                    }
                    None if engine.phase() == Phase::Confiding => {
                        ui.add_space(18.0);
                        practice_parts::confidence_ui(ui, engine, wanted);
                    }
                    None => {
                        let fit = fitted_to(ui, &session.engine, fit, height);
                        moment_ui(ui, session, author, fit, wanted);
                    }
                }
                if meters && fit.is_compact() {
                    ui.separator();
                    meters_ui(ui, &session.engine, author);
                }
            });
        });
    });
}

/// Act, place, clock, and the pressure ("Priya arrives in 12 min"). When
/// compact, all of it flows in as few lines as it needs, with the countdown
/// beside the pressure rather than under the client's line; the place is left
/// out (the briefing gives it).
pub(super) fn scene_header_ui(
    ui: &mut egui::Ui,
    session: &ActiveSession,
    show_meters: &mut bool,
    fit: Fit,
    actions: &mut Vec<Action>,
) {
    let engine = &session.engine;
    let state = engine.state();
    let act = &engine.scenario().acts[state.act];
    let clock = format_clock(state.clock);
    let colours = palette(ui);
    let pressure = match engine.next_deadline() {
        Some((label, minutes)) => Some(wording::deadline_in(label, minutes)),
        None => session.deadline.clone(),
    };
    ui.add_space(fit.gap(6.0));
    if fit.is_compact() {
        // One flow that wraps: clock, act, pressure, countdown, then the buttons.
        ui.horizontal_wrapped(|ui| {
            ui.label(strong(format!("🕒 {clock}"), fit.text(20.0)));
            ui.label(strong(&act.title, fit.text(20.0)));
            if let Some(pressure) = &pressure {
                ui.label(strong(pressure, fit.text(17.0)).color(colours.warning));
            }
            if let Some((remaining, limit)) = running_countdown(session)
                && countdown_ui(ui, remaining, limit, session.warned, fit)
            {
                actions.push(Action::ExtendTime);
            }
            ui.toggle_value(show_meters, tr!("play-meters"));
            let pause = ui.button(tr!("pause-short"));
            name(&pause, &tr!("play-pause"));
            if pause.clicked() {
                actions.push(Action::TogglePause);
            }
        });
        ui.add_space(fit.gap(6.0));
        return;
    }
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
    if let Some(pressure) = pressure {
        ui.label(strong(pressure, 17.0).color(colours.warning));
    }
    ui.add_space(6.0);
}

/// The scales a compact moment may be drawn at, largest first: the smallest
/// keeps answers over 11 points, 22 pixels at 200 % text (the body text is 18
/// pixels at 100 %). Only the longest shipped moment, six drafted emails,
/// needs it.
const SCALES: [f32; 4] = [1.0, 0.9, 0.8, 0.75];

/// When compact, `fit` at the largest of [`SCALES`] at which the moment's
/// narration, line and answers fit in `height` points, judged by laying out
/// their words at the width there is; `fit` itself when roomy.
fn fitted_to(ui: &egui::Ui, engine: &Engine, fit: Fit, height: f32) -> Fit {
    if !fit.is_compact() {
        return fit;
    }
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing.y;
    let padding = ui.spacing().button_padding;
    let tall = |text: String, size: f32, wrap: f32| {
        let font = egui::FontId::proportional(size);
        ui.ctx()
            .fonts_mut(|fonts| fonts.layout(text, font, egui::Color32::WHITE, wrap))
            .size()
            .y
    };
    let node = engine.node();
    let text = engine.shown_text();
    let says: Vec<&str> = engine
        .shown_choices()
        .iter()
        .filter_map(|shown| node.choices.iter().find(|c| c.id == shown.id))
        .map(|choice| choice.says.as_str())
        .collect();
    let height_at = |fit: Fit| {
        let mut total = fit.gap(18.0) + fit.gap(12.0);
        if let Some(narration) = &node.narration {
            total += tall(narration.clone(), fit.text(19.0), width) + fit.gap(8.0) + spacing;
        }
        if !text.is_empty() {
            let line = format!("{} “{text}”", speaker_of(engine));
            total += tall(line, fit.text(24.0), width) + spacing;
        }
        for (index, says) in says.iter().enumerate() {
            let label = format!("{}   {says}", index + 1);
            let words = tall(label, fit.text(19.0), width - 2.0 * padding.x);
            total += words.max(fit.button_height() - 2.0 * padding.y) + 2.0 * padding.y + spacing;
        }
        total
    };
    SCALES
        .iter()
        .map(|&scale| fit.scaled(scale))
        .find(|&scaled| height_at(scaled) <= height)
        .unwrap_or(fit.scaled(SCALES[SCALES.len() - 1]))
}

/// The time left and the time limit, while the countdown runs.
fn running_countdown(session: &ActiveSession) -> Option<(Duration, Duration)> {
    let engine = &session.engine;
    if !engine.phase().clock_runs() {
        return None;
    }
    Some((engine.remaining()?, engine.state().timer.limit?))
}

/// The moment: narration, speech, countdown and choices.
pub(super) fn moment_ui(
    ui: &mut egui::Ui,
    session: &ActiveSession,
    author: bool,
    fit: Fit,
    actions: &mut Vec<Action>,
) {
    let engine = &session.engine;
    let node = engine.node();
    let colours = palette(ui);
    ui.add_space(fit.gap(18.0));
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
                .size(fit.text(19.0))
                .color(colours.muted),
        );
        ui.add_space(fit.gap(8.0));
    }
    let text = engine.shown_text();
    if !text.is_empty() {
        let speaker = speaker_of(engine);
        let line = egui::RichText::new(format!("“{text}”")).size(fit.text(24.0));
        if fit.is_compact() {
            ui.horizontal_wrapped(|ui| {
                if !speaker.is_empty() {
                    ui.label(strong(speaker, fit.text(18.0)).color(colours.accent));
                }
                ui.label(line);
            });
        } else {
            if !speaker.is_empty() {
                ui.label(strong(speaker, 18.0).color(colours.accent));
            }
            ui.label(line);
        }
    }
    let narrated = node.narration.as_deref().unwrap_or_default();
    let line = wording::moment_in_words(narrated, speaker_of(engine), text);
    announce_ui(ui, "moment", &line, Urgency::Polite);
    ui.add_space(fit.gap(12.0));
    if let Some((remaining, limit)) = running_countdown(session).filter(|_| !fit.is_compact()) {
        if countdown_ui(ui, remaining, limit, session.warned, fit) {
            actions.push(Action::ExtendTime);
        }
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
        choices_ui(ui, engine, author, fit, actions);
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
            choices_ui(ui, engine, author, fit, actions);
        }
        Phase::Answering | Phase::Confiding => choices_ui(ui, engine, author, fit, actions),
    }
}

/// The name of who speaks at the current moment, or "" for narration alone.
fn speaker_of(engine: &Engine) -> &str {
    engine
        .node()
        .speaker
        .as_deref()
        .and_then(|id| engine.scenario().character(id))
        .map_or("", |c| c.name.as_str())
}

/// The choices as large numbered buttons; in author mode, each with its feedback.
pub(super) fn choices_ui(
    ui: &mut egui::Ui,
    engine: &Engine,
    author: bool,
    fit: Fit,
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
                let text = egui::RichText::new(label).size(fit.text(19.0));
                if fitted_wide_button_ui(ui, text, fit).clicked() {
                    actions.push(Action::Choose(shown.id.clone()));
                }
            }
            Some(reason) => {
                ui.add_enabled_ui(false, |ui| {
                    let text = egui::RichText::new(label).size(fit.text(19.0));
                    fitted_wide_button_ui(ui, text, fit);
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
    let urgency = match step.answer {
        Answer::Timeout => Urgency::Urgent,
        _ => Urgency::Polite,
    };
    announce_ui(ui, "feedback", &step.in_one_passage(), urgency);
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
        meter_ui(ui, dim, state.values.get(&dim.id).copied().unwrap_or(0));
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
