//! The editor's map: every moment as a box laid out by steps from the start,
//! its answers as edges, moments no start reaches and moments that lead
//! nowhere marked; a click on a moment opens its form.

use bevy_egui::egui;

use crate::app::debrief::{box_rect, map_size};
use crate::app::theme::palette;
use crate::core::graph::ScenarioGraph;
use crate::core::layout::layout;
use crate::core::model::Scenario;
use crate::tr;

/// What the map knows of each moment.
struct Marks {
    /// No way from the start or a drill reaches it.
    unreachable: Vec<bool>,
    /// Not an ending, and no answer, timeout or deadline leads on from it.
    dead_end: Vec<bool>,
}

fn marks(scenario: &Scenario) -> Marks {
    let graph = ScenarioGraph::build(scenario);
    let roots = std::iter::once(scenario.start.as_str())
        .chain(scenario.entry_points.iter().map(|e| e.node.as_str()))
        .filter_map(|id| graph.index(id));
    let reachable = graph.reachable_from(roots);
    let dead_end = (0..graph.len())
        .map(|i| !graph.nodes[i].is_ending() && graph.outgoing_ids(i).is_empty())
        .collect();
    Marks {
        unreachable: reachable.iter().map(|r| !r).collect(),
        dead_end,
    }
}

/// The map; returns the moment clicked, if any.
pub(super) fn editor_map_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    selected: Option<&str>,
) -> Option<String> {
    let colours = palette(ui);
    let map = layout(scenario);
    let marks = marks(scenario);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(tr!("editor-map-unreachable")).color(ui.visuals().error_fg_color),
        );
        ui.label(egui::RichText::new(tr!("editor-map-dead-end")).color(colours.warning));
        ui.label(egui::RichText::new(tr!("editor-map-click")).color(colours.muted));
    });
    let size = map_size(&map);
    let mut clicked = None;
    egui::ScrollArea::both()
        .id_salt("editor-map")
        .max_height(ui.available_height())
        .auto_shrink(false)
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let box_at = |id: &str| box_rect(rect, &map, id);
            for node in scenario.nodes() {
                let Some(from) = box_at(&node.id) else {
                    continue;
                };
                let targets = node
                    .choices
                    .iter()
                    .map(|c| c.target.as_str())
                    .chain(node.timeout.iter().map(|t| t.target.as_str()));
                for target in targets {
                    if let Some(to) = box_at(target) {
                        painter.line_segment(
                            [from.right_center(), to.left_center()],
                            egui::Stroke::new(1.0, colours.muted.gamma_multiply(0.6)),
                        );
                    }
                }
            }
            for (index, node) in scenario.nodes().enumerate() {
                let Some(area) = box_at(&node.id) else {
                    continue;
                };
                let stroke_colour = if marks.unreachable.get(index).copied().unwrap_or(false) {
                    ui.visuals().error_fg_color
                } else if marks.dead_end.get(index).copied().unwrap_or(false) {
                    colours.warning
                } else if selected == Some(node.id.as_str()) {
                    colours.accent
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke.color
                };
                let width = if selected == Some(node.id.as_str()) {
                    3.0
                } else {
                    1.5
                };
                let fill = if node.is_ending() {
                    colours.good.gamma_multiply(0.25)
                } else {
                    ui.visuals().faint_bg_color
                };
                painter.rect(
                    area,
                    6.0,
                    fill,
                    egui::Stroke::new(width, stroke_colour),
                    egui::StrokeKind::Inside,
                );
                let label = painter.layout(
                    node.id.replace('_', " "),
                    egui::FontId::proportional(12.5),
                    ui.visuals().text_color(),
                    area.width() - 10.0,
                );
                painter.galley(
                    area.center() - label.size() / 2.0,
                    label,
                    ui.visuals().text_color(),
                );
                let response = ui.interact(
                    area,
                    ui.id().with(("editor-map", &node.id)),
                    egui::Sense::click(),
                );
                if response.clicked() {
                    clicked = Some(node.id.clone());
                }
                response.on_hover_text(&node.text);
            }
        });
    clicked
}

/// Whether the moment at this position in file order is unreachable or a
/// dead end, for the moment list.
pub(super) fn moment_marks(scenario: &Scenario) -> Vec<(bool, bool)> {
    let marks = marks(scenario);
    marks.unreachable.into_iter().zip(marks.dead_end).collect()
}
