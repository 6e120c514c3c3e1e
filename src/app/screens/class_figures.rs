//! One scenario's figures on the Class screen, as `doorway cohort` prints
//! them: endings and each moment's answers as bar charts, answer times, where
//! connection falls most, and each learner's first attempt against the latest.
//! A moment fewer than five learners met shows its counts only, in words.

use bevy_egui::egui;
use egui_plot::{AxisHints, Bar, BarChart, Text, uniform_grid_spacer};

use crate::app::debrief::{key_ui, still_plot};
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, level_colour, strong};
use crate::core::cohort::aggregate::{MomentSummary, ScenarioSummary};
use crate::core::engine::PlayableScenario;
use crate::core::model::{EndingKind, Quality};
use crate::core::wording::{self, capitalised, percent_in_words};
use crate::tr;

/// One bar of a chart: what it counts, how many, and what is said after the
/// count (an option's share, an ending's kind).
struct CountBar {
    label: String,
    count: usize,
    detail: Option<String>,
    colour: egui::Color32,
}

/// The figures of one scenario.
pub(super) fn scenario_figures_ui(
    ui: &mut egui::Ui,
    summary: &ScenarioSummary,
    scenario: Option<&PlayableScenario>,
) {
    let colours = palette(ui);
    ui.label(strong(
        tr!(
            "class-learners-and-attempts",
            learners = summary.learners,
            attempts = summary.attempts
        ),
        19.0,
    ));
    ui.add_space(8.0);
    ui.label(strong(tr!("class-endings"), 20.0));
    endings_chart_ui(ui, summary, scenario);
    ui.add_space(8.0);
    ui.label(strong(tr!("class-moments"), 20.0));
    ui.horizontal_wrapped(|ui| {
        for level in [Quality::Skilled, Quality::GoodEnough, Quality::Costly] {
            key_ui(ui, level_colour(ui, level), 10.0, &level.heading());
        }
        key_ui(ui, colours.muted, 10.0, &tr!("class-no-level"));
    });
    for moment in &summary.moments {
        moment_ui(ui, moment, scenario);
        ui.add_space(6.0);
    }
    if !summary.connection_falls.is_empty() {
        ui.add_space(8.0);
        ui.label(strong(capitalised(&wording::connection_falls_most()), 20.0));
        for fall in &summary.connection_falls {
            ui.label(format!(
                "{}: {}",
                moment_name(&fall.node),
                wording::connection_fall_in_words(fall.mean_change, fall.answers)
            ));
        }
    }
    ui.add_space(8.0);
    ui.label(strong(capitalised(&wording::first_against_latest()), 20.0));
    progress_table_ui(ui, summary);
}

/// The endings reached, and the attempts left before one.
fn endings_chart_ui(
    ui: &mut egui::Ui,
    summary: &ScenarioSummary,
    scenario: Option<&PlayableScenario>,
) {
    let colours = palette(ui);
    let mut bars: Vec<CountBar> = summary
        .endings
        .iter()
        .map(|ending| CountBar {
            label: scenario
                .and_then(|s| s.node(&ending.node))
                .and_then(|n| n.ending.as_ref())
                .map_or_else(|| moment_name(&ending.node), |e| e.title.clone()),
            count: ending.attempts,
            detail: Some(ending.kind.label()),
            colour: match ending.kind {
                EndingKind::Held | EndingKind::Repaired => colours.good,
                EndingKind::Deepened => colours.warning,
                EndingKind::Unresolved => colours.muted,
            },
        })
        .collect();
    if summary.unfinished > 0 {
        bars.push(CountBar {
            label: capitalised(&wording::no_ending()),
            count: summary.unfinished,
            detail: None,
            colour: colours.muted.gamma_multiply(0.6),
        });
    }
    counts_chart_ui(
        ui,
        ("class-endings", &summary.scenario),
        &tr!("class-attempts-axis"),
        &bars,
    );
}

/// One moment: how many met it, its answers as a chart (or counts only), and
/// its answer times.
fn moment_ui(ui: &mut egui::Ui, moment: &MomentSummary, scenario: Option<&PlayableScenario>) {
    let colours = palette(ui);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(strong(moment_name(&moment.node), 18.0));
            ui.label(
                egui::RichText::new(tr!(
                    "class-moment-counts",
                    learners = moment.learners,
                    answers = moment.answers,
                    timeouts = moment.timeouts
                ))
                .color(colours.muted),
            );
        });
        if let Some(node) = scenario.and_then(|s| s.node(&moment.node)) {
            ui.label(
                egui::RichText::new(format!("“{}”", node.text))
                    .italics()
                    .size(15.0)
                    .color(colours.muted),
            );
        }
        let mut bars: Vec<CountBar> = moment
            .options
            .iter()
            .map(|option| CountBar {
                label: option.option.clone(),
                count: option.chosen,
                detail: option.share.map(percent_in_words),
                colour: option
                    .quality
                    .map_or(colours.muted, |level| level_colour(ui, level)),
            })
            .collect();
        if moment.timeouts > 0 {
            bars.push(CountBar {
                label: tr!("class-time-ran-out"),
                count: moment.timeouts,
                detail: None,
                colour: colours.muted,
            });
        }
        if moment.counts_only {
            ui.label(
                egui::RichText::new(capitalised(&wording::counts_only_in_words()))
                    .color(colours.muted),
            );
            let counts: Vec<String> = bars
                .iter()
                .map(|bar| format!("{}: {}", bar.label, bar.count))
                .collect();
            ui.label(counts.join(" · "));
            return;
        }
        counts_chart_ui(
            ui,
            ("class-moment", &moment.node),
            &tr!("class-answers-axis"),
            &bars,
        );
        if let (Some(median), Some(iqr)) = (moment.median_seconds, moment.iqr_seconds) {
            ui.label(capitalised(&wording::answer_time_in_words(median, iqr)));
        }
    });
}

/// Horizontal bars, the first on top, each with its count (and share) at
/// its end and its label on the left, as wide as the longest needs (up to
/// nearly half the chart).
fn counts_chart_ui(ui: &mut egui::Ui, id: impl egui::AsId, counted: &str, bars: &[CountBar]) {
    if bars.is_empty() {
        ui.label(tr!("class-nothing-to-count"));
        return;
    }
    let top = bars.len() - 1;
    let most = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let text_colour = ui.visuals().text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = labels
        .iter()
        .map(|label| {
            ui.painter()
                .layout_no_wrap(label.clone(), font.clone(), text_colour)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let label_width = (widest + 16.0).min(ui.available_width() * 0.45);
    // The labels on the left, in the text's colour at every bar (egui_plot
    // fades axis labels closer than 30 points apart): 36 points a bar.
    let label_axis = AxisHints::new_y()
        .min_thickness(label_width)
        .label_spacing(0.0..=1.0)
        .tick_label_color(text_colour)
        .formatter(move |mark, _| {
            let position = top as f64 - mark.value;
            if position.fract() == 0.0 && position >= 0.0 {
                labels.get(position as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        });
    still_plot(id, 36.0 * bars.len() as f32 + 56.0)
        .show_grid([true, false])
        .include_x(0.0)
        .include_x(most * 1.35)
        .include_y(-0.6)
        .include_y(top as f64 + 0.6)
        .custom_y_axes(vec![label_axis])
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .x_grid_spacer(uniform_grid_spacer(move |_| {
            let step = whole_step(most);
            [step, step * 5.0, step * 10.0]
        }))
        .x_axis_label(counted)
        .show(ui, |plot| {
            for (position, bar) in bars.iter().enumerate() {
                let y = (top - position) as f64;
                let count = bar.count as f64;
                plot.bar_chart(
                    BarChart::new(
                        bar.label.clone(),
                        vec![
                            Bar::new(y, count)
                                .width(0.7)
                                .fill(bar.colour)
                                .name(&bar.label),
                        ],
                    )
                    .horizontal()
                    .color(bar.colour),
                );
                plot.text(
                    Text::new(
                        bar.label.clone(),
                        [count + most * 0.02, y].into(),
                        egui::RichText::new(count_in_words(bar)).size(14.0),
                    )
                    .color(text_colour)
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
        });
}

/// "7 (58 %)", "3 (Held)" or just "2".
fn count_in_words(bar: &CountBar) -> String {
    match &bar.detail {
        Some(detail) => format!("{} ({detail})", bar.count),
        None => bar.count.to_string(),
    }
}

/// A moment's id in words: "door_opens" is "door opens".
fn moment_name(node: &str) -> String {
    node.replace('_', " ")
}

/// Each learner's attempts, first against latest.
fn progress_table_ui(ui: &mut egui::Ui, summary: &ScenarioSummary) {
    let colours = palette(ui);
    egui::Grid::new(("class-progress", &summary.scenario))
        .striped(true)
        .spacing(egui::vec2(24.0, 6.0))
        .show(ui, |ui| {
            for heading in [
                tr!("class-learner"),
                tr!("class-attempts"),
                tr!("class-first"),
                tr!("class-latest"),
            ] {
                ui.label(strong(heading, 16.0).color(colours.muted));
            }
            ui.end_row();
            for learner in &summary.progress {
                ui.label(&learner.learner);
                ui.label(learner.attempts.to_string());
                ui.label(wording::attempt_brief_in_words(&learner.first));
                ui.label(wording::attempt_brief_in_words(&learner.latest));
                ui.end_row();
            }
        });
}

/// A whole-number grid step for counts up to `most`: 1, 2 or 5 times a power
/// of ten, about eight steps across.
fn whole_step(most: f64) -> f64 {
    let wanted = (most / 8.0).max(1.0);
    let magnitude = 10f64.powf(wanted.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= wanted)
        .unwrap_or(magnitude * 10.0)
}

#[cfg(test)]
mod tests {
    use super::whole_step;

    #[test]
    fn counts_are_gridded_in_whole_steps() {
        let steps: Vec<f64> = [1.0, 8.0, 12.0, 30.0, 75.0, 900.0]
            .into_iter()
            .map(whole_step)
            .collect();
        assert_eq!(steps, [1.0, 1.0, 2.0, 5.0, 10.0, 200.0]);
    }
}
