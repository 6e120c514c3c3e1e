//! Connection and distance over the steps, with distance's optimal band shaded
//! and the steps where a rupture opened or was repaired marked.

use bevy_egui::egui;
use egui_plot::{Line, LineStyle, Plot, Polygon, VLine};

use crate::core::model::Band;

use super::key_ui;

use crate::app::theme::palette;
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{PlayableScenario, Transcript};
use crate::core::review::{review, trajectory};
use crate::core::wording;
use crate::tr;

/// A plot that stays still: charts here are for reading, not exploring.
pub(crate) fn still_plot<'a>(id: impl egui::AsId, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
}

/// The optimal band of distance, shaded from `x_from` to `x_to`.
pub(crate) fn band_polygon<'a>(
    band: Band,
    x_from: f64,
    x_to: f64,
    fill: egui::Color32,
) -> Polygon<'a> {
    let (low, high) = (f64::from(band.low), f64::from(band.high));
    Polygon::new(
        tr!("chart-optimal-distance"),
        vec![[x_from, low], [x_to, low], [x_to, high], [x_from, high]],
    )
    .fill_color(fill)
    .stroke(egui::Stroke::NONE)
    .allow_hover(false)
}

/// The colour of the distance line, apart from the theme's accent.
pub(crate) const DISTANCE_COLOUR: egui::Color32 = egui::Color32::from_rgb(0x9b, 0x59, 0xb6);

/// The plot, with a key and a sentence on how to read it.
pub(crate) fn trajectory_plot_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    transcript: &Transcript,
) {
    let colours = palette(ui);
    if transcript.steps.is_empty() {
        ui.label(tr!("chart-no-steps"));
        return;
    }
    let dimensions = scenario.dimensions();
    let points = |id: &str| -> Vec<[f64; 2]> {
        trajectory(transcript, id)
            .iter()
            .enumerate()
            .map(|(step, value)| [step as f64, f64::from(*value)])
            .collect()
    };
    let band = dimensions.get(DISTANCE).and_then(|d| d.optimal);
    let (low, high) = dimensions
        .iter()
        .filter(|d| d.id == CONNECTION || d.id == DISTANCE)
        .fold((0, 0), |(low, high), d| (low.min(d.min), high.max(d.max)));
    let steps = review(scenario, transcript);
    let connection_colour = colours.accent;
    let distance_colour = DISTANCE_COLOUR;
    let last_x = transcript.steps.len() as f64;
    ui.horizontal_wrapped(|ui| {
        key_ui(ui, connection_colour, 3.0, &tr!("chart-connection"));
        key_ui(ui, distance_colour, 3.0, &tr!("chart-distance"));
        key_ui(ui, colours.band, 10.0, &tr!("chart-optimal-distance"));
        key_ui(ui, colours.warning, 2.0, &tr!("chart-rupture-opened"));
        key_ui(ui, colours.good, 2.0, &tr!("chart-rupture-repaired"));
    });
    let band_fill = colours.band;
    still_plot(("trajectory", transcript.content_hash.as_str()), 300.0)
        .include_y(f64::from(low))
        .include_y(f64::from(high))
        .include_x(-0.2)
        .include_x(last_x + 0.2)
        .x_axis_label(tr!("chart-after-step"))
        .show(ui, |plot| {
            if let Some(band) = band {
                plot.polygon(band_polygon(band, -0.2, last_x + 0.2, band_fill));
            }
            plot.line(
                Line::new(tr!("chart-connection"), points(CONNECTION))
                    .color(connection_colour)
                    .width(3.0),
            );
            plot.line(
                Line::new(tr!("chart-distance"), points(DISTANCE))
                    .color(distance_colour)
                    .width(3.0),
            );
            for step in &steps {
                let x = (step.record.index + 1) as f64;
                if !step.opened.is_empty() {
                    plot.add(
                        VLine::new(tr!("chart-rupture-opened"), x)
                            .color(colours.warning)
                            .style(LineStyle::dashed_dense())
                            .width(2.0),
                    );
                }
                if step.repaired > 0 {
                    plot.add(
                        VLine::new(tr!("chart-rupture-repaired"), x)
                            .color(colours.good)
                            .width(2.0),
                    );
                }
            }
        });
    ui.label(
        egui::RichText::new(tr!("chart-explained"))
            .size(14.0)
            .color(colours.muted),
    );
    if let Some(own) = &scenario.scenario().optimal_distance {
        ui.label(
            egui::RichText::new(wording::optimal_distance_in_words(own))
                .size(14.0)
                .color(colours.muted),
        );
    }
}
