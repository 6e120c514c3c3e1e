//! History: what to practise next, and per scenario every attempt kept, with
//! how connection and distance ended across attempts.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use egui_plot::{Line, Points, uniform_grid_spacer};

use crate::app::actions::Action;
use crate::app::attempts::SavedAttempts;
use crate::app::debrief::{DISTANCE_COLOUR, band_polygon, key_ui, still_plot};
use crate::app::library::ScenarioLibrary;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::sync::{Sending, SyncRequest};
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, reading_column_ui, strong};
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::PlayableScenario;
use crate::core::i18n::unix_time_in_words;
use crate::core::model::Scenario;
use crate::core::practice::{Suggestion, suggestions};
use crate::core::practice_summary::PracticeSummary;
use crate::core::review::{summarize, trajectory};
use crate::core::store::Attempt;
use crate::core::sync::queue::SyncState;
use crate::core::wording;
use crate::core::wording::{capitalised, sync_state_in_words};
use crate::core::wording::{ending_in_words, ruptures_in_words};
use crate::tr;

/// Draws the history.
pub(super) struct HistoryScreenPlugin;

impl Plugin for HistoryScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            history_screen
                .run_if(in_state(AppState::History))
                .in_set(super::ScreenSet),
        );
    }
}

fn history_screen(
    mut frame: ScreenFrame,
    library: Res<ScenarioLibrary>,
    saved: Res<SavedAttempts>,
    sending: Res<Sending>,
    mut sync_requests: MessageWriter<SyncRequest>,
    mut suggested: Local<Option<Vec<Suggestion>>>,
) -> Result {
    let mut requests = Vec::new();
    let shown = frame.show(|root, wanted| {
        let scenarios: Vec<&PlayableScenario> = library
            .entries
            .iter()
            .filter_map(|e| e.playable.as_deref())
            .collect();
        // Worked out again only when the attempts or the scenarios change.
        if suggested.is_none() || saved.is_changed() || library.is_changed() {
            let plain: Vec<&Scenario> = scenarios.iter().map(|s| s.scenario()).collect();
            *suggested = Some(suggestions(&plain, &saved.attempts));
        }
        let suggested = suggested.as_deref().unwrap_or_default();
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    let attempts = Attempts {
                        saved: &saved.attempts,
                        sending: &sending,
                    };
                    history_ui(ui, &scenarios, &attempts, suggested, wanted, &mut requests);
                });
            });
        });
    });
    sync_requests.write_batch(requests);
    shown
}

/// The attempts kept, and where each stands with the LRS.
pub(super) struct Attempts<'a> {
    pub saved: &'a [Attempt],
    pub sending: &'a Sending,
}

/// The history's contents.
pub(super) fn history_ui(
    ui: &mut egui::Ui,
    scenarios: &[&PlayableScenario],
    attempts: &Attempts,
    suggested: &[Suggestion],
    actions: &mut Vec<Action>,
    requests: &mut Vec<SyncRequest>,
) {
    let colours = palette(ui);
    ui.add_space(16.0);
    if ui.button(tr!("briefing-library")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(tr!("history-heading"), 30.0));
    let kept = if attempts.sending.is_on() {
        tr!("history-kept-and-sent")
    } else {
        tr!("history-kept")
    };
    ui.label(egui::RichText::new(tr!("history-explained", kept = kept)).color(colours.muted));
    if !suggested.is_empty() {
        ui.add_space(8.0);
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(strong(tr!("history-practise-next"), 20.0));
            for suggestion in suggested {
                suggestion_ui(ui, suggestion, actions);
            }
        });
    }
    if attempts.saved.is_empty() {
        ui.add_space(12.0);
        ui.label(tr!("history-no-attempts"));
        return;
    }
    for scenario in scenarios {
        let id = &scenario.scenario().id;
        let mine: Vec<&Attempt> = attempts
            .saved
            .iter()
            .filter(|a| &a.transcript.scenario_id == id)
            .collect();
        if !mine.is_empty() {
            ui.add_space(12.0);
            scenario_history_ui(ui, scenario, &mine, attempts.sending, actions, requests);
        }
    }
}

fn suggestion_ui(ui: &mut egui::Ui, suggestion: &Suggestion, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if ui.button(tr!("history-start")).clicked() {
            actions.push(Action::OpenBriefingAt {
                key: suggestion.scenario_id.clone(),
                entry: suggestion.entry.clone(),
            });
        }
        ui.add(egui::Label::new(&suggestion.text).wrap());
    });
}

/// One scenario: the trend across attempts and each attempt, newest first.
fn scenario_history_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    attempts: &[&Attempt],
    sending: &Sending,
    actions: &mut Vec<Action>,
    requests: &mut Vec<SyncRequest>,
) {
    let colours = palette(ui);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        let count = attempts.len();
        ui.label(strong(
            format!(
                "{} · {}",
                scenario.scenario().title,
                tr!("attempts", count = count)
            ),
            20.0,
        ));
        trend_plot_ui(ui, scenario, attempts);
        practice_trend_ui(ui, scenario, attempts);
        egui::Grid::new(("history", scenario.scenario().id.as_str()))
            .striped(true)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                let show_sync = sending.is_on() || !sending.states.is_empty();
                let headings = [
                    String::new(),
                    tr!("history-when"),
                    tr!("compare-ending"),
                    tr!("dimension-connection"),
                    tr!("dimension-distance"),
                    tr!("compare-ruptures"),
                    tr!("history-lrs"),
                ];
                let shown = if show_sync { 7 } else { 6 };
                for heading in &headings[..shown] {
                    ui.label(
                        egui::RichText::new(heading.as_str())
                            .color(colours.muted)
                            .size(14.0),
                    );
                }
                ui.end_row();
                for attempt in attempts.iter().rev() {
                    let summary = summarize(&attempt.transcript);
                    if ui.button(tr!("history-review")).clicked() {
                        actions.push(Action::ReviewAttempt(attempt.id.clone()));
                    }
                    ui.label(unix_time_in_words(attempt.saved_at));
                    let ending = ending_in_words(attempt.transcript.ending.as_ref());
                    ui.vertical(|ui| {
                        ui.set_max_width(if show_sync { 160.0 } else { 210.0 });
                        ui.add(egui::Label::new(egui::RichText::new(ending).size(14.5)).wrap());
                    });
                    ui.label(summary.connection.1.to_string());
                    ui.label(summary.distance.1.to_string());
                    ui.label(ruptures_in_words(
                        summary.ruptures_opened,
                        summary.ruptures_open,
                    ));
                    if show_sync {
                        sync_state_ui(ui, sending, &attempt.id, requests);
                    }
                    ui.end_row();
                }
            });
    });
}

/// Where one attempt stands with the LRS; one kept here only can be sent.
fn sync_state_ui(
    ui: &mut egui::Ui,
    sending: &Sending,
    attempt_id: &str,
    requests: &mut Vec<SyncRequest>,
) {
    let colours = palette(ui);
    match sending.state_of(attempt_id) {
        SyncState::KeptHereOnly if sending.is_on() => {
            if ui
                .button(tr!("history-send"))
                .on_hover_text(tr!("history-send-hover"))
                .clicked()
            {
                requests.push(SyncRequest::Queue(attempt_id.to_owned()));
            }
        }
        SyncState::KeptHereOnly => {
            ui.label(egui::RichText::new(tr!("sync-kept-here-only")).color(colours.muted));
        }
        SyncState::Queued(None) => match sending.problem.as_ref().filter(|_| sending.is_on()) {
            Some(problem) => {
                ui.colored_label(colours.warning, tr!("history-not-sent-yet"))
                    .on_hover_text(tr!("history-last-try-failed", problem = problem.as_str()));
            }
            None => {
                ui.label(tr!("sync-queued"));
            }
        },
        state @ SyncState::Queued(Some(_)) => {
            ui.colored_label(colours.warning, tr!("history-failed"))
                .on_hover_text(capitalised(&sync_state_in_words(state)));
        }
        state @ SyncState::Sent(_) => {
            ui.colored_label(colours.good, tr!("history-sent"))
                .on_hover_text(capitalised(&sync_state_in_words(state)));
        }
    }
}

/// The practice records attempt by attempt, where there are any: the mean
/// self-rating of the own words (1 to 5) and the share of noticing answers
/// that fitted, side by side.
fn practice_trend_ui(ui: &mut egui::Ui, scenario: &PlayableScenario, attempts: &[&Attempt]) {
    let summaries: Vec<PracticeSummary> = attempts
        .iter()
        .map(|a| PracticeSummary::of(&a.transcript))
        .collect();
    let points = |value: &dyn Fn(&PracticeSummary) -> Option<f64>| -> Vec<[f64; 2]> {
        summaries
            .iter()
            .enumerate()
            .filter_map(|(n, summary)| Some([(n + 1) as f64, value(summary)?]))
            .collect()
    };
    let ratings = points(&|s| s.mean_self_rating);
    let noticing = points(&|s| s.probe_accuracy().map(|share| share * 100.0));
    if ratings.is_empty() && noticing.is_empty() {
        return;
    }
    let colour = palette(ui).accent;
    let last_x = attempts.len() as f64 + 0.5;
    let id = scenario.scenario().id.as_str();
    ui.columns(2, |columns| {
        let plots = [
            (
                wording::mean_self_rating(),
                ratings,
                (1.0, 5.0, 1.0),
                "rating",
            ),
            (
                wording::noticing_that_fitted(),
                noticing,
                (0.0, 100.0, 25.0),
                "noticing",
            ),
        ];
        for (ui, (title, points, (low, high, step), salt)) in columns.iter_mut().zip(plots) {
            ui.label(egui::RichText::new(title.as_str()).size(14.0));
            if points.is_empty() {
                ui.label(egui::RichText::new(wording::not_practised_yet()).size(13.0));
                continue;
            }
            still_plot((salt, id), 140.0)
                .include_y(low)
                .include_y(high)
                .y_grid_spacer(uniform_grid_spacer(move |_| [step, step * 2.0, step * 4.0]))
                .y_axis_min_width(28.0)
                .include_x(0.5)
                .include_x(last_x)
                .x_axis_label(tr!("history-attempt-axis"))
                .show(ui, |plot| {
                    plot.line(
                        Line::new(title.as_str(), points.clone())
                            .color(colour)
                            .width(2.5),
                    );
                    plot.add(
                        Points::new(title.as_str(), points)
                            .color(colour)
                            .radius(3.5),
                    );
                });
        }
    });
}

/// Colours for the dimensions after connection and distance.
const OTHER_DIMENSION_COLOURS: [egui::Color32; 4] = [
    egui::Color32::from_rgb(0xc0, 0x8a, 0x3e),
    egui::Color32::from_rgb(0x5f, 0x9e, 0x8f),
    egui::Color32::from_rgb(0xb0, 0x5f, 0x7a),
    egui::Color32::from_rgb(0x7a, 0x7f, 0x3a),
];

/// How each dimension ended, attempt by attempt: connection and distance bold,
/// the others thinner.
fn trend_plot_ui(ui: &mut egui::Ui, scenario: &PlayableScenario, attempts: &[&Attempt]) {
    let colours = palette(ui);
    let ends = |id: &str| -> Vec<[f64; 2]> {
        attempts
            .iter()
            .enumerate()
            .filter_map(|(n, a)| {
                let value = trajectory(&a.transcript, id).last().copied()?;
                Some([(n + 1) as f64, f64::from(value)])
            })
            .collect()
    };
    let mut others = OTHER_DIMENSION_COLOURS.iter().cycle();
    let lines: Vec<(String, egui::Color32, f32, Vec<[f64; 2]>)> = scenario
        .dimensions()
        .iter()
        .map(|d| {
            let (colour, width) = match d.id.as_str() {
                CONNECTION => (colours.accent, 3.0),
                DISTANCE => (DISTANCE_COLOUR, 3.0),
                _ => (*others.next().expect("a cycle never ends"), 1.5),
            };
            (
                wording::dimension_label(&d.label).to_lowercase(),
                colour,
                width,
                ends(&d.id),
            )
        })
        .collect();
    let band = scenario.dimensions().get(DISTANCE).and_then(|d| d.optimal);
    let last_x = attempts.len() as f64 + 0.5;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr!("history-at-the-end")).size(14.0));
        for (name, colour, width, _) in &lines {
            key_ui(ui, *colour, *width, name);
        }
        key_ui(ui, colours.band, 10.0, &tr!("chart-optimal-distance"));
    });
    let band_fill = colours.band;
    still_plot(("trend", scenario.scenario().id.as_str()), 200.0)
        .include_y(-10.0)
        .include_y(10.0)
        .include_x(0.5)
        .include_x(last_x)
        .x_axis_label(tr!("history-attempt-axis"))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 && mark.value >= 1.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            if let Some(band) = band {
                plot.polygon(band_polygon(band, 0.5, last_x, band_fill));
            }
            for (name, colour, width, points) in lines {
                plot.line(
                    Line::new(name.clone(), points.clone())
                        .color(colour)
                        .width(width),
                );
                plot.add(Points::new(name, points).color(colour).radius(width + 1.0));
            }
        });
}
