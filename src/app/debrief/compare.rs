//! This attempt beside the same scenario's earlier ones: how each ended, the
//! relationship at the end, ruptures, timing, and where the paths parted.

use bevy_egui::egui;
use egui_plot::Line;

use super::chart::still_plot;
use super::key_ui;

use crate::app::theme::palette;
use crate::app::widgets::strong;
use crate::core::dimensions::CONNECTION;
use crate::core::engine::PlayableScenario;
use crate::core::i18n::{decimal, unix_time_in_words};
use crate::core::review::{AttemptSummary, summarize, trajectory};
use crate::core::store::Attempt;
use crate::core::wording::ending_in_words;
use crate::tr;

/// Colours for earlier attempts' lines, told apart from the accent of this one.
const EARLIER_COLOURS: [egui::Color32; 3] = [
    egui::Color32::from_rgb(0xc0, 0x8a, 0x3e),
    egui::Color32::from_rgb(0x8e, 0x6c, 0xb0),
    egui::Color32::from_rgb(0x5f, 0x9e, 0x8f),
];

/// How many earlier attempts sit beside this one.
const SHOWN: usize = 3;

/// A table with a column per attempt, and their connection lines on one plot.
pub(crate) fn earlier_attempts_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    this: &Attempt,
    earlier: &[&Attempt],
) {
    let colours = palette(ui);
    let earlier: Vec<&Attempt> = earlier
        .iter()
        .copied()
        .filter(|a| a.id != this.id)
        .collect();
    if earlier.is_empty() {
        ui.label(tr!(
            "compare-first-attempt",
            title = scenario.scenario().title.as_str()
        ));
        return;
    }
    let shown = &earlier[earlier.len().saturating_sub(SHOWN)..];
    let mut columns: Vec<(String, &Attempt)> = shown
        .iter()
        .map(|a| (unix_time_in_words(a.saved_at), *a))
        .collect();
    columns.push((tr!("compare-this-attempt"), this));
    let summaries: Vec<AttemptSummary> = columns
        .iter()
        .map(|(_, a)| summarize(&a.transcript))
        .collect();
    if earlier.len() > SHOWN {
        ui.label(
            egui::RichText::new(tr!(
                "compare-most-recent",
                shown = SHOWN,
                count = earlier.len()
            ))
            .color(colours.muted),
        );
    }
    egui::ScrollArea::horizontal()
        .id_salt("earlier-attempts")
        .show(ui, |ui| {
            egui::Grid::new("earlier-attempts-grid")
                .striped(true)
                .spacing([18.0, 8.0])
                .show(ui, |ui| {
                    ui.label("");
                    for (title, _) in &columns {
                        ui.label(strong(title, 15.0));
                    }
                    ui.end_row();
                    let row = |ui: &mut egui::Ui, label: &str, cells: Vec<String>| {
                        ui.label(egui::RichText::new(label).color(colours.muted));
                        for cell in cells {
                            ui.label(cell);
                        }
                        ui.end_row();
                    };
                    row(
                        ui,
                        &tr!("compare-ending"),
                        columns
                            .iter()
                            .map(|(_, a)| {
                                // Two lines, to keep the columns narrow.
                                a.transcript.ending.as_ref().map_or_else(
                                    || ending_in_words(None),
                                    |e| format!("{}\n({})", e.title, e.kind.label()),
                                )
                            })
                            .collect(),
                    );
                    let cells = |f: &dyn Fn(&AttemptSummary) -> String| {
                        summaries.iter().map(f).collect::<Vec<_>>()
                    };
                    row(ui, &tr!("compare-steps"), cells(&|s| s.steps.to_string()));
                    row(
                        ui,
                        &tr!("dimension-connection"),
                        cells(&|s| format!("{} → {}", s.connection.0, s.connection.1)),
                    );
                    row(
                        ui,
                        &tr!("dimension-distance"),
                        cells(&|s| format!("{} → {}", s.distance.0, s.distance.1)),
                    );
                    row(
                        ui,
                        &tr!("compare-ruptures"),
                        cells(&|s| {
                            tr!(
                                "compare-ruptures-cell",
                                opened = s.ruptures_opened,
                                repaired = s.ruptures_repaired
                            )
                        }),
                    );
                    row(
                        ui,
                        &tr!("compare-time-ran-out"),
                        cells(&|s| s.timeouts.to_string()),
                    );
                    row(
                        ui,
                        &tr!("compare-mean-time"),
                        cells(&|s| {
                            s.mean_latency
                                .map_or("–".into(), |l| format!("{} s", decimal(l, 1)))
                        }),
                    );
                    row(
                        ui,
                        &tr!("compare-answers-by-level"),
                        cells(&|s| {
                            format!(
                                "{} / {} / {}",
                                s.levels.skilled, s.levels.good_enough, s.levels.costly
                            )
                        }),
                    );
                    row(
                        ui,
                        &tr!("compare-paths-part"),
                        columns
                            .iter()
                            .map(|(_, a)| match parting_step(a, this) {
                                _ if a.id == this.id => "–".to_owned(),
                                Some(step) => tr!("compare-step", step = step + 1),
                                None => tr!("compare-same-path"),
                            })
                            .collect(),
                    );
                });
        });
    ui.add_space(8.0);
    let last = columns.len() - 1;
    let colour_of = |index: usize| {
        if index == last {
            colours.accent
        } else {
            EARLIER_COLOURS[index % EARLIER_COLOURS.len()]
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr!("compare-connection-by-step")).size(14.0));
        for (index, (title, _)) in columns.iter().enumerate() {
            let width = if index == last { 3.5 } else { 2.0 };
            key_ui(ui, colour_of(index), width, title);
        }
    });
    still_plot(("connection-by-attempt", this.id.as_str()), 220.0)
        .x_axis_label(tr!("chart-after-step"))
        .y_axis_label(tr!("chart-connection"))
        .show(ui, |plot| {
            for (index, (title, attempt)) in columns.iter().enumerate() {
                let points: Vec<[f64; 2]> = trajectory(&attempt.transcript, CONNECTION)
                    .iter()
                    .enumerate()
                    .map(|(step, value)| [step as f64, f64::from(*value)])
                    .collect();
                let width = if index == last { 3.5 } else { 2.0 };
                plot.line(
                    Line::new(title.clone(), points)
                        .width(width)
                        .color(colour_of(index)),
                );
            }
        });
}

/// The first step where two attempts answered differently (or reached a
/// different moment), or none if one path contains the other.
fn parting_step(a: &Attempt, b: &Attempt) -> Option<usize> {
    a.transcript
        .steps
        .iter()
        .zip(&b.transcript.steps)
        .position(|(x, y)| x.node != y.node || x.response != y.response)
}
