//! A map of the scenario: every moment as a box, laid out by steps from the
//! start. Over it either a trainee's path (the answers not taken at each step
//! shown faintly, and the answers that show the skill well in green), or how
//! often a class took each answer (the more often, the thicker and darker the
//! edge, with the count beside it).

use std::collections::{BTreeMap, HashMap, HashSet};

use bevy_egui::egui;

use super::key_ui;
use crate::app::theme::palette;
use crate::core::cohort::aggregate::ScenarioSummary;
use crate::core::engine::{PlayableScenario, Transcript};
use crate::core::layout::{MapLayout, layout};
use crate::core::model::{EndingKind, Node, Quality};
use crate::tr;

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

/// What is drawn over the map.
#[derive(Debug, Clone, Copy)]
pub(crate) enum MapOverlay<'a> {
    /// One attempt's path.
    Path(&'a Transcript),
    /// How often a class took each answer.
    Class(&'a ClassAnswers),
}

/// How many times a class took each answer of a scenario, by moment and
/// option (none for the time running out), and the moments and endings met.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClassAnswers {
    taken: HashMap<(String, Option<String>), usize>,
    met: HashSet<String>,
}

impl ClassAnswers {
    /// The answers counted in a scenario's summary.
    pub(crate) fn of(summary: &ScenarioSummary) -> Self {
        let mut answers = Self::default();
        for moment in &summary.moments {
            answers.met.insert(moment.node.clone());
            for option in &moment.options {
                answers.taken.insert(
                    (moment.node.clone(), Some(option.option.clone())),
                    option.chosen,
                );
            }
            if moment.timeouts > 0 {
                answers
                    .taken
                    .insert((moment.node.clone(), None), moment.timeouts);
            }
        }
        answers
            .met
            .extend(summary.endings.iter().map(|e| e.node.clone()));
        answers
    }

    fn taken(&self, node: &str, choice: Option<&str>) -> usize {
        self.taken
            .get(&(node.to_owned(), choice.map(str::to_owned)))
            .copied()
            .unwrap_or(0)
    }
}

/// The map, in a scroll area, with a key above it.
pub(crate) fn scenario_map_ui(
    ui: &mut egui::Ui,
    scenario: &PlayableScenario,
    overlay: MapOverlay,
    cache: &mut MapCache,
) {
    let colours = palette(ui);
    let map = cache.layout_of(scenario);
    ui.horizontal_wrapped(|ui| {
        match overlay {
            MapOverlay::Path(_) => {
                key_ui(ui, colours.accent, 4.0, &tr!("map-your-path"));
                key_ui(ui, colours.good, 2.0, &tr!("map-skilled-answers"));
                key_ui(ui, colours.muted, 1.0, &tr!("map-other-answers"));
            }
            MapOverlay::Class(_) => {
                key_ui(ui, colours.accent, 5.0, &tr!("map-class-answers"));
                key_ui(ui, colours.muted, 1.0, &tr!("map-answers-nobody-took"));
            }
        }
        ui.label(
            egui::RichText::new(tr!("map-hover"))
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
            draw_map(ui, rect, scenario, map, overlay);
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
    overlay: MapOverlay,
) {
    let colours = palette(ui);
    let painter = ui.painter_at(rect);
    let box_at = |id: &str| box_rect(rect, map, id);
    let path = match overlay {
        MapOverlay::Path(transcript) => path_of(transcript),
        MapOverlay::Class(_) => Vec::new(),
    };
    let visited: HashSet<&str> = match overlay {
        MapOverlay::Path(_) => path.iter().copied().collect(),
        MapOverlay::Class(answers) => answers.met.iter().map(String::as_str).collect(),
    };
    match overlay {
        MapOverlay::Path(_) => draw_path_edges(ui, &painter, scenario, &box_at, &visited, &path),
        MapOverlay::Class(answers) => draw_class_edges(ui, &painter, scenario, &box_at, answers),
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

/// Every answer as a faint edge, those that show the skill well in green,
/// and the path over them.
fn draw_path_edges(
    ui: &egui::Ui,
    painter: &egui::Painter,
    scenario: &PlayableScenario,
    box_at: &dyn Fn(&str) -> Option<egui::Rect>,
    visited: &HashSet<&str>,
    path: &[&str],
) {
    let colours = palette(ui);
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
            edge(painter, from, to, stroke);
        }
    }
    for step in path.windows(2) {
        if let (Some(a), Some(b)) = (box_at(step[0]), box_at(step[1])) {
            edge(painter, a, b, egui::Stroke::new(4.0, colours.accent));
        }
    }
}

/// Every answer as an edge as thick and dark as the class took it often
/// (answers leading to the same moment together), with how many times.
fn draw_class_edges(
    ui: &egui::Ui,
    painter: &egui::Painter,
    scenario: &PlayableScenario,
    box_at: &dyn Fn(&str) -> Option<egui::Rect>,
    answers: &ClassAnswers,
) {
    let colours = palette(ui);
    let mut edges: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for node in scenario.scenario().acts.iter().flat_map(|a| &a.nodes) {
        let timeout = node.timeout.as_ref().map(|t| (t.target.as_str(), None));
        let targets = node
            .choices
            .iter()
            .map(|c| (c.target.as_str(), Some(c.id.as_str())))
            .chain(timeout);
        for (target, choice) in targets {
            *edges.entry((node.id.as_str(), target)).or_default() +=
                answers.taken(&node.id, choice);
        }
    }
    let most = edges.values().copied().max().unwrap_or(0).max(1) as f32;
    let mut labels = Vec::new();
    for ((from, to), taken) in edges {
        let (Some(a), Some(b)) = (box_at(from), box_at(to)) else {
            continue;
        };
        let stroke = if taken == 0 {
            egui::Stroke::new(1.0, colours.muted.gamma_multiply(0.35))
        } else {
            let weight = taken as f32 / most;
            egui::Stroke::new(
                1.5 + 6.5 * weight,
                colours.accent.gamma_multiply(0.3 + 0.7 * weight),
            )
        };
        let middle = edge(painter, a, b, stroke);
        if taken > 0 {
            labels.push((middle, taken));
        }
    }
    // The counts over every edge, so no edge hides one; a count that would
    // cover another (edges looping back meet beside their column) moves down.
    let mut placed: Vec<egui::Rect> = Vec::new();
    for (at, taken) in labels {
        let text = painter.layout_no_wrap(
            taken.to_string(),
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
        let mut area = egui::Rect::from_center_size(at, text.size() + egui::vec2(8.0, 2.0));
        while placed.iter().any(|other| other.intersects(area)) {
            area = area.translate(egui::vec2(0.0, area.height() + 2.0));
        }
        placed.push(area);
        painter.rect(
            area,
            4.0,
            ui.visuals().panel_fill,
            egui::Stroke::new(1.0, colours.accent),
            egui::StrokeKind::Inside,
        );
        painter.galley(
            area.center() - text.size() / 2.0,
            text,
            ui.visuals().text_color(),
        );
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
/// Returns the curve's middle.
fn edge(
    painter: &egui::Painter,
    from: egui::Rect,
    to: egui::Rect,
    stroke: egui::Stroke,
) -> egui::Pos2 {
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
    // A cubic Bézier's point at t = 1/2.
    let middle = (start.to_vec2() + (c1.to_vec2() + c2.to_vec2()) * 3.0 + end.to_vec2()) / 8.0;
    middle.to_pos2()
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
