//! Play: the scene header with the pressure stated plainly, who speaks and what
//! they say, the countdown, the choices as large numbered buttons, the feedback
//! after each answer, the relational meters, and the author's tools.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::glossary::GlossaryBook;
use crate::app::preferences::UserPreferences;
use crate::app::session::{ActiveSession, AuthorMode, FeedbackView};
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{
    card_ui, countdown_ui, meter_ui, notice_ui, reading_column_ui, root_ui, strong, wide_button_ui,
};
use crate::core::clock::format_clock;
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{Engine, FeedbackMode};
use crate::core::glossary::Glossary;

/// Draws the play screen.
pub struct PlayScreenPlugin;

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
    mut contexts: EguiContexts,
    session: Res<ActiveSession>,
    mut preferences: ResMut<UserPreferences>,
    author: Res<AuthorMode>,
    glossary: Res<GlossaryBook>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let mut wanted = Vec::new();
    let mut show_meters = preferences.current.show_meters;
    egui::Panel::top("scene-header").show(&mut root, |ui| {
        scene_header_ui(ui, &session, &mut show_meters, &mut wanted);
    });
    let shows_state = session.engine.transcript().settings.feedback != FeedbackMode::Exam;
    if show_meters && shows_state {
        egui::Panel::right("meters")
            .default_size(260.0)
            .show(&mut root, |ui| {
                meters_ui(ui, &session.engine, author.0);
            });
    }
    if author.0 {
        egui::Panel::left("author")
            .default_size(260.0)
            .show(&mut root, |ui| {
                author_ui(ui, &session.engine, &mut wanted);
            });
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            reading_column_ui(ui, |ui| {
                if let Some(notice) = &session.notice {
                    notice_ui(ui, notice);
                }
                match &session.feedback {
                    Some(view) => feedback_ui(ui, view, &glossary.0, &mut wanted),
                    None => moment_ui(ui, &session, author.0, &mut wanted),
                }
            });
        });
    });
    if show_meters != preferences.current.show_meters {
        preferences.current.show_meters = show_meters;
    }
    actions.write_batch(wanted);
    Ok(())
}

/// Act, place, clock, and the pressure ("Priya arrives in 12 min").
pub fn scene_header_ui(
    ui: &mut egui::Ui,
    session: &ActiveSession,
    show_meters: &mut bool,
    actions: &mut Vec<Action>,
) {
    let engine = &session.engine;
    let state = engine.state();
    // While feedback shows, the header stays with the moment it is about, even
    // when the answer has already led into the next act.
    let answered = session
        .feedback
        .as_ref()
        .and_then(|_| engine.transcript().steps.last());
    let answered_act =
        answered.and_then(|step| engine.scenario().acts.iter().position(|a| a.id == step.act));
    let act_index = answered_act.unwrap_or(state.act);
    let act = &engine.scenario().acts[act_index];
    let clock = answered.map_or_else(|| format_clock(state.clock), |step| step.clock.clone());
    let colours = palette(ui);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(strong(format!("🕒 {clock}"), 20.0));
        ui.label(strong(&act.title, 20.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("⏸ Pause (Esc)").clicked() {
                actions.push(Action::TogglePause);
            }
            ui.toggle_value(show_meters, "Meters");
        });
    });
    if !act.place.is_empty() {
        ui.label(egui::RichText::new(&act.place).color(colours.muted));
    }
    let same_act = act_index == state.act;
    if let Some((label, minutes)) = engine.next_deadline().filter(|_| same_act) {
        let text = match minutes {
            1 => format!("{label} in 1 minute"),
            n => format!("{label} in {n} minutes"),
        };
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
            .and_then(|id| engine.scenario().characters.iter().find(|c| c.id == id))
            .map_or("", |c| c.name.as_str());
        if !speaker.is_empty() {
            ui.label(strong(speaker, 18.0).color(colours.accent));
        }
        ui.label(egui::RichText::new(format!("“{text}”")).size(24.0));
    }
    ui.add_space(12.0);
    if let (Some(remaining), Some(limit)) = (engine.remaining(), engine.state().timer.limit) {
        countdown_ui(ui, remaining, limit, session.warned);
        ui.add_space(8.0);
    }
    choices_ui(ui, engine, author, actions);
}

/// The choices as large numbered buttons; in author mode, each with its feedback.
pub fn choices_ui(ui: &mut egui::Ui, engine: &Engine, author: bool, actions: &mut Vec<Action>) {
    let node = engine.node();
    for (index, id) in engine.state().shown.choices.iter().enumerate() {
        let Some(choice) = node.choices.iter().find(|c| &c.id == id) else {
            continue;
        };
        let label = format!("{}   {}", index + 1, choice.says);
        if wide_button_ui(ui, egui::RichText::new(label).size(19.0)).clicked() {
            actions.push(Action::Choose(id.clone()));
        }
        if author {
            let star = if choice.exemplar { " ★ exemplar" } else { "" };
            ui.collapsing(format!("{} → {}{star}", choice.id, choice.target), |ui| {
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
        && wide_button_ui(ui, "Let the moment pass").clicked()
    {
        actions.push(Action::TimeOutNow);
    }
}

/// Feedback on the answer just given.
pub fn feedback_ui(
    ui: &mut egui::Ui,
    view: &FeedbackView,
    glossary: &Glossary,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(18.0);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        match &view.said {
            Some(said) => {
                ui.label(egui::RichText::new("You said").color(colours.muted));
                ui.label(egui::RichText::new(format!("“{said}”")).size(20.0));
            }
            None => {
                ui.label(strong("The time ran out", 20.0));
            }
        }
        if view.exemplar {
            ui.label(strong("★ A response that shows the skill well", 16.0).color(colours.good));
        }
        if let Some(feedback) = &view.feedback {
            ui.add_space(6.0);
            ui.label(strong("What it does", 18.0));
            ui.label(&feedback.relational);
            ui.label(strong(&view.voice, 18.0));
            ui.label(egui::RichText::new(format!("“{}”", feedback.client)).italics());
            ui.label(strong("The concept", 18.0));
            ui.label(format!("{}  ({})", feedback.concept, feedback.source));
            super::concept_links_ui(ui, glossary, feedback, &view.tags, actions);
        }
        if let Some(inner) = &view.inner {
            let heading = view.speaker.as_ref().map_or("Inside".to_owned(), |name| {
                format!("Inside, {name} was thinking")
            });
            ui.label(strong(heading, 18.0));
            ui.label(
                egui::RichText::new(format!("“{inner}”"))
                    .italics()
                    .color(colours.muted),
            );
        }
        let mut changes: Vec<String> = view
            .changes
            .iter()
            .map(|c| format!("{} {} → {}", c.dimension, c.from, c.to))
            .collect();
        if let Some(kind) = view.opened {
            changes.push(format!("a {} rupture opened", kind.label().to_lowercase()));
        }
        if view.repaired {
            changes.push("the rupture was repaired".into());
        }
        if !changes.is_empty() {
            ui.label(
                egui::RichText::new(changes.join(" · "))
                    .color(colours.accent)
                    .size(15.0),
            );
        }
    });
    ui.add_space(10.0);
    let go_on = ui
        .add(egui::Button::new(strong("Continue (Enter)", 19.0)).min_size(egui::vec2(220.0, 48.0)));
    if go_on.clicked() {
        actions.push(Action::Continue);
    }
}

/// Connection, distance with its optimal band, open ruptures (and, for authors,
/// every dimension).
pub fn meters_ui(ui: &mut egui::Ui, engine: &Engine, all: bool) {
    ui.add_space(12.0);
    ui.label(strong("The relationship", 18.0));
    let state = &engine.state().relational;
    for dim in engine.dimensions().iter() {
        let main = dim.id == CONNECTION || dim.id == DISTANCE;
        if !main && !all {
            continue;
        }
        let label = if dim.id == DISTANCE {
            "Distance (close ← → distant)".to_owned()
        } else {
            dim.label.clone()
        };
        meter_ui(
            ui,
            &label,
            state.value(&dim.id),
            (dim.min, dim.max),
            dim.optimal.map(|b| (b.low, b.high)),
        );
        ui.add_space(4.0);
    }
    let open: Vec<String> = state
        .open_ruptures()
        .map(|r| format!("{:?}", r.kind).to_lowercase())
        .collect();
    if !open.is_empty() {
        ui.label(
            egui::RichText::new(format!("Open rupture: {}", open.join(", ")))
                .color(palette(ui).warning),
        );
    }
}

/// Author mode: the node, a jump to any node, and the timeout.
fn author_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    ui.add_space(12.0);
    ui.label(strong("Author", 18.0));
    ui.label(egui::RichText::new(format!("at {}", engine.node().id)).monospace());
    if engine.node().timeout.is_some() && ui.button("Time out now").clicked() {
        actions.push(Action::TimeOutNow);
    }
    ui.label("Jump to:");
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
    ui.label(strong("Watch", 16.0));
    let state = &engine.state().relational;
    for (id, value) in &state.values {
        ui.label(egui::RichText::new(format!("{id}: {value}")).monospace());
    }
    ui.label(egui::RichText::new(format!("visited: {}", state.visited.len())).monospace());
}
