//! For tests of UI functions: the text a `_ui` function draws, and the
//! accessibility tree it gives a screen reader, with the app's fonts installed
//! as the app installs them.

use bevy_egui::egui;
use std::collections::HashMap;

use bevy_egui::egui::accesskit::{Live, Node, NodeId, Role};

/// Every piece of text `add` draws in one frame, a line each, to search.
pub(super) fn rendered(mut add: impl FnMut(&mut egui::Ui)) -> String {
    let ctx = egui::Context::default();
    ctx.set_fonts(super::theme::fonts());
    // Fonts take effect on the next pass, as in the app.
    let output = run_twice(&ctx, egui::RawInput::default(), |ui| {
        egui::ScrollArea::vertical().show(ui, &mut add);
    });
    let mut texts = Vec::new();
    for clipped in &output.shapes {
        collect_text(&clipped.shape, &mut texts);
    }
    texts.join("\n")
}

/// One node of the accessibility tree: its role, its words (label or value),
/// and whether it is spoken when it changes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AccessibleNode {
    pub(super) role: Role,
    pub(super) words: String,
    pub(super) live: Live,
    /// Where it is drawn, in points, when it is drawn.
    pub(super) bounds: Option<egui::Rect>,
}

/// The accessibility tree of one frame, as AccessKit hands it to the platform.
#[derive(Debug, Clone)]
pub(super) struct AccessibilityTree {
    pub(super) nodes: Vec<AccessibleNode>,
}

impl AccessibilityTree {
    /// The first node whose words are `words`.
    pub(super) fn find(&self, words: &str) -> Option<&AccessibleNode> {
        self.nodes.iter().find(|node| node.words == words)
    }

    /// The first node of `role` whose words contain `part`.
    pub(super) fn find_role(&self, role: Role, part: &str) -> Option<&AccessibleNode> {
        self.nodes
            .iter()
            .find(|node| node.role == role && node.words.contains(part))
    }

    /// The controls (buttons, links, fields, boxes, sliders) that have no
    /// words for a screen reader to say.
    pub(super) fn unnamed_controls(&self) -> Vec<&AccessibleNode> {
        self.nodes
            .iter()
            .filter(|node| is_control(node.role) && node.words.trim().is_empty())
            .collect()
    }

    /// The live nodes: what is announced.
    pub(super) fn announced(&self) -> Vec<&AccessibleNode> {
        self.nodes
            .iter()
            .filter(|node| node.live != Live::Off)
            .collect()
    }
}

fn is_control(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::Link
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::CheckBox
            | Role::RadioButton
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
    )
}

/// The accessibility tree `add` gives in one frame.
pub(super) fn accessibility_tree(mut add: impl FnMut(&mut egui::Ui)) -> AccessibilityTree {
    let ctx = egui::Context::default();
    ctx.set_fonts(super::theme::fonts());
    ctx.enable_accesskit();
    let output = run_twice(&ctx, egui::RawInput::default(), |ui| {
        egui::ScrollArea::vertical().show(ui, &mut add);
    });
    tree_of(output)
}

/// The accessibility tree of a whole screen drawn by `add` in a window of
/// `size` points (a 1280 × 800 window at 200 % text is 640 × 400 points), with
/// the app's style, where every node has its bounds.
pub(super) fn window_tree(size: egui::Vec2, add: impl FnMut(&mut egui::Ui)) -> AccessibilityTree {
    let ctx = egui::Context::default();
    ctx.set_fonts(super::theme::fonts());
    super::theme::style(&ctx, &Default::default());
    ctx.enable_accesskit();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    tree_of(run_twice(&ctx, input, add))
}

fn tree_of(output: egui::FullOutput) -> AccessibilityTree {
    let update = output
        .platform_output
        .accesskit_update
        .expect("AccessKit is on, so the frame has a tree");
    let own_words: HashMap<NodeId, &str> = update
        .nodes
        .iter()
        .map(|(id, node)| (*id, words_of(node)))
        .collect();
    let nodes = update
        .nodes
        .iter()
        .map(|(_, node)| accessible(node, &own_words))
        .collect();
    AccessibilityTree { nodes }
}

/// A node's own words: its label, or a label's value.
fn words_of(node: &Node) -> &str {
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// A node as a screen reader names it: by its own words, or by those of the
/// nodes that label it.
fn accessible(node: &Node, own_words: &HashMap<NodeId, &str>) -> AccessibleNode {
    let words = match words_of(node) {
        "" => node
            .labelled_by()
            .iter()
            .filter_map(|id| own_words.get(id).copied())
            .collect::<Vec<_>>()
            .join(" "),
        own => own.to_owned(),
    };
    AccessibleNode {
        role: node.role(),
        words,
        live: node.live().unwrap_or(Live::Off),
        bounds: node.bounds().map(|b| {
            egui::Rect::from_min_max(
                egui::pos2(b.x0 as f32, b.y0 as f32),
                egui::pos2(b.x1 as f32, b.y1 as f32),
            )
        }),
    }
}

/// Runs `add` in a second pass, after a first that installs the fonts, and
/// returns the second pass's output.
fn run_twice(
    ctx: &egui::Context,
    input: egui::RawInput,
    add: impl FnMut(&mut egui::Ui),
) -> egui::FullOutput {
    let mut first = ctx.run_ui(input.clone(), |_| {});
    first.textures_delta.clear();
    let mut output = ctx.run_ui(input, add);
    output.textures_delta.clear();
    output
}

/// The text of a shape and of the shapes inside it.
fn collect_text(shape: &egui::Shape, texts: &mut Vec<String>) {
    match shape {
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_text(s, texts)),
        egui::Shape::Text(text) => texts.push(text.galley.text().to_owned()),
        _ => {}
    }
}
