//! A map of the scenario: every moment as a box, laid out by steps from the
//! start; the trainee's path drawn over it, the answers not taken at each step
//! shown faintly, and the answers that show the skill well in green.

use std::collections::HashSet;

use bevy_egui::egui;

use super::key_ui;
use crate::app::theme::palette;
use crate::core::engine::{PlayableScenario, Transcript};
use crate::core::layout::{MapLayout, layout};
use crate::core::model::{EndingKind, Node, Quality};

const BOX: egui::Vec2 = egui::vec2(140.0, 40.0);
const GAP: egui::Vec2 = egui::vec2(54.0, 16.0);

/// A map's layout, kept between frames for the scenario (by content hash) it
/// was worked out for: laying out a large scenario every frame would cost.
#[derive(Debug, Clone, Default)]
pub(crate) struct MapCache {
    content_hash: String,
    layout: MapLayout,
}

impl MapCache {
    /// The layout of `scenario`, worked out again only when it changed.
    fn layout_of(&mut self, scenario: &PlayableScenario) -> &MapLayout {
        if self.content_hash != scenario.content_hash() {
            self.layout = layout(scenario.scenario());
            self.content_hash = scenario.content_hash().to_owned();
        }
        &self.layout
    }
}

/// The map, in a scroll area, with a key above it.
pub(crate) fn scenario_map_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    transcript: &Transcript,
    cache: &mut MapCache,
) {
    let colours = palette(ui);
    let map = cache.layout_of(scenario);
    let path = path_of(transcript);
    ui.horizontal_wrapped(|ui| {
        key_ui(ui, colours.accent, 4.0, "your path");
        key_ui(ui, colours.good, 2.0, "answers that show the skill well");
        key_ui(ui, colours.muted, 1.0, "other answers");
        ui.label(
            egui::RichText::new("Hover over a moment to read it.")
                .size(14.0)
                .color(colours.muted),
        );
    });
    let size = map_size(map);
    egui::ScrollArea::both()
        .id_salt("scenario-map")
        .max_height(ui.available_height().max(360.0))
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            draw_map(ui, rect, scenario, map, &path);
        });
}

/// The nodes visited, in order, ending with the ending reached.
fn path_of(transcript: &Transcript) -> Vec<&str> {
    let mut path: Vec<&str> = transcript.steps.iter().map(|s| s.node.as_str()).collect();
    if let Some(ending) = &transcript.ending {
        path.push(&ending.node);
    }
    path
}

fn draw_map(
    ui: &egui::Ui,
    rect: egui::Rect,
    scenario: &PlayableScenario,
    map: &MapLayout,
    path: &[&str],
) {
    let colours = palette(ui);
    let painter = ui.painter_at(rect);
    let box_at = |id: &str| box_rect(rect, map, id);
    let visited: HashSet<&str> = path.iter().copied().collect();
    let taken: HashSet<(&str, &str)> = path.windows(2).map(|w| (w[0], w[1])).collect();

    // Every answer as a faint edge; those that show the skill well in green.
    for node in scenario.scenario().acts.iter().flat_map(|a| &a.nodes) {
        let Some(from) = box_at(&node.id) else {
            continue;
        };
        let seen = visited.contains(node.id.as_str());
        let timeout = node.timeout.as_ref().map(|t| (t.target.as_str(), false));
        let answers = node
            .choices
            .iter()
            .map(|c| (c.target.as_str(), c.level() == Some(Quality::Skilled)))
            .chain(timeout);
        for (target, shows_the_skill) in answers {
            let Some(to) = box_at(target) else { continue };
            let stroke = if shows_the_skill {
                egui::Stroke::new(
                    2.0,
                    colours.good.gamma_multiply(if seen { 1.0 } else { 0.5 }),
                )
            } else {
                egui::Stroke::new(
                    1.0,
                    colours.muted.gamma_multiply(if seen { 0.8 } else { 0.35 }),
                )
            };
            edge(&painter, from, to, stroke);
        }
    }
    // The path over them.
    for (from, to) in &taken {
        if let (Some(a), Some(b)) = (box_at(from), box_at(to)) {
            edge(&painter, a, b, egui::Stroke::new(4.0, colours.accent));
        }
    }
    for node in scenario.scenario().acts.iter().flat_map(|a| &a.nodes) {
        let Some(area) = box_at(&node.id) else {
            continue;
        };
        let on_path = visited.contains(node.id.as_str());
        let background = ui.visuals().panel_fill;
        let fill = match node.ending.as_ref().map(|e| e.kind) {
            // The kinds describe, they do not rank: held and repaired share a
            // tint, and a deepened rupture is marked without alarm.
            Some(EndingKind::Held | EndingKind::Repaired) => tint(background, colours.good, 0.3),
            Some(EndingKind::Deepened) => tint(background, colours.warning, 0.2),
            Some(EndingKind::Unresolved) => tint(background, colours.muted, 0.2),
            None if on_path => tint(background, colours.accent, 0.2),
            None => ui.visuals().faint_bg_color,
        };
        let stroke = if on_path {
            egui::Stroke::new(2.5, colours.accent)
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        painter.rect(area, 8.0, fill, stroke, egui::StrokeKind::Inside);
        let label = ui.painter().layout(
            short_label(node),
            egui::FontId::proportional(12.5),
            ui.visuals().text_color(),
            BOX.x - 10.0,
        );
        let position = area.center() - label.size() / 2.0;
        painter.galley(position, label, ui.visuals().text_color());
        let hover = ui.interact(
            area,
            ui.id().with(("map-node", &node.id)),
            egui::Sense::hover(),
        );
        hover.on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            if let Some(ending) = &node.ending {
                ui.label(crate::app::widgets::strong(&ending.title, 15.0));
            }
            ui.label(egui::RichText::new(format!("“{}”", node.text)).italics());
        });
    }
}

/// Where the box of the moment `id` is drawn on a map whose top left is at
/// `rect`'s.
pub(crate) fn box_rect(rect: egui::Rect, map: &MapLayout, id: &str) -> Option<egui::Rect> {
    map.place(id).map(|p| {
        let min = rect.min
            + egui::vec2(
                GAP.x + p.column as f32 * (BOX.x + GAP.x),
                GAP.y + p.row as f32 * (BOX.y + GAP.y),
            );
        egui::Rect::from_min_size(min, BOX)
    })
}

/// The size of a map drawn with [`box_rect`].
pub(crate) fn map_size(map: &MapLayout) -> egui::Vec2 {
    egui::vec2(
        map.columns as f32 * (BOX.x + GAP.x) + GAP.x,
        map.rows as f32 * (BOX.y + GAP.y) + GAP.y,
    )
}

/// A few words to name a moment on the map: an ending's title, or the node id
/// in words.
fn short_label(node: &Node) -> String {
    let text = match &node.ending {
        Some(ending) => ending.title.clone(),
        None => node.id.replace('_', " "),
    };
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 5 {
        words.truncate(5);
        return format!("{}…", words.join(" "));
    }
    words.join(" ")
}

/// A curve between two boxes: from the right of one to the left of the next
/// column, or looping out to the right for a step within a column or back.
fn edge(painter: &egui::Painter, from: egui::Rect, to: egui::Rect, stroke: egui::Stroke) {
    let (start, end, c1, c2) = if to.left() > from.right() {
        let (start, end) = (from.right_center(), to.left_center());
        let bend = ((end.x - start.x) / 2.0).max(30.0);
        (
            start,
            end,
            start + egui::vec2(bend, 0.0),
            end - egui::vec2(bend, 0.0),
        )
    } else {
        let (start, end) = (from.right_center(), to.right_center());
        let reach = 36.0 + (start.y - end.y).abs() * 0.15;
        (
            start,
            end,
            start + egui::vec2(reach, 0.0),
            end + egui::vec2(reach, 0.0),
        )
    };
    painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
        [start, c1, c2, end],
        false,
        egui::Color32::TRANSPARENT,
        stroke,
    ));
    let direction = (end - c2).normalized();
    let across = direction.rot90();
    let tip = vec![
        end,
        end - direction * 7.0 + across * 4.0,
        end - direction * 7.0 - across * 4.0,
    ];
    painter.add(egui::Shape::convex_polygon(
        tip,
        stroke.color,
        egui::Stroke::NONE,
    ));
}

/// `colour` mixed into `background` by `amount` (0 to 1), opaque.
fn tint(background: egui::Color32, colour: egui::Color32, amount: f32) -> egui::Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * amount).round() as u8;
    egui::Color32::from_rgb(
        mix(background.r(), colour.r()),
        mix(background.g(), colour.g()),
        mix(background.b(), colour.b()),
    )
}
