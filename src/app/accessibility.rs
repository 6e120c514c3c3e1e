//! What a screen reader is told. egui names and roles every widget in its
//! AccessKit tree, and bevy_egui hands that tree to the platform (AT-SPI on
//! Linux). This file adds what egui leaves out:
//!
//! - **Announcements.** egui has no live regions of its own, but AccessKit has:
//!   a node marked live is spoken when it appears or its text changes (on Linux
//!   as an AT-SPI `Announcement`, which Orca reads). [`announce_ui`] adds such a
//!   node for text that arrives by itself: the client's line, the feedback, the
//!   countdown's warning and "time is up".
//! - **Text for drawings.** A meter or a bar painted by hand has no words;
//!   [`describe`] gives its node a role and a label.
//! - **Actions.** A screen reader can press a button or move the focus through
//!   AccessKit itself; [`AccessibilityPlugin`] passes those requests to egui,
//!   which bevy_egui does not do.

use bevy::a11y::ActionRequest;
use bevy::prelude::*;
use bevy_egui::egui::accesskit::{Live, Role};
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, PrimaryEguiContext, egui};

/// Passes the screen reader's action requests (press, focus) to egui.
pub(super) struct AccessibilityPlugin;

impl Plugin for AccessibilityPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            pass_action_requests_to_egui
                .after(EguiInputSet::WriteEguiEvents)
                .before(EguiPreUpdateSet::BeginPass),
        );
    }
}

/// Each request from the platform becomes an egui input event for the window's
/// context, where the widget it names handles it as a click or a focus.
fn pass_action_requests_to_egui(
    mut requests: MessageReader<ActionRequest>,
    mut inputs: Query<&mut EguiInput, With<PrimaryEguiContext>>,
) {
    let Ok(mut input) = inputs.single_mut() else {
        return;
    };
    for request in requests.read() {
        input
            .events
            .push(egui::Event::AccessKitActionRequest(request.0.clone()));
    }
}

/// How urgently an announcement interrupts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Urgency {
    /// Spoken after what the screen reader is saying now: new text to read.
    Polite,
    /// Spoken at once: the time is nearly or wholly up.
    Urgent,
}

/// Adds a node to the accessibility tree that a screen reader speaks when it
/// appears and whenever `text` changes. It has no look of its own: the same
/// words are drawn elsewhere for sighted readers. `key` tells apart two
/// announcements on one screen.
pub(super) fn announce_ui(ui: &egui::Ui, key: &str, text: &str, urgency: Urgency) {
    let (role, live) = match urgency {
        Urgency::Polite => (Role::Status, Live::Polite),
        Urgency::Urgent => (Role::Alert, Live::Assertive),
    };
    let id = egui::Id::new(("announcement", key));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(role);
        node.set_label(text);
        node.set_live(live);
    });
}

/// Gives a drawn widget's node a role and words, as a screen reader reads
/// them: a meter's "Connection: slightly connected (2)".
pub(super) fn describe(response: &egui::Response, role: Role, text: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(role);
        node.set_label(text);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::accessibility_tree;

    #[test]
    fn an_announcement_is_a_live_node_with_its_words() {
        let tree = accessibility_tree(|ui| {
            announce_ui(ui, "line", "Alex: Have you got a minute?", Urgency::Polite);
            announce_ui(ui, "time", "Time is up.", Urgency::Urgent);
        });
        let line = tree.find("Alex: Have you got a minute?").expect("the line");
        assert_eq!((line.role, line.live), (Role::Status, Live::Polite));
        let time = tree.find("Time is up.").expect("the warning");
        assert_eq!((time.role, time.live), (Role::Alert, Live::Assertive));
    }

    #[test]
    fn a_drawn_widget_takes_the_role_and_words_given() {
        let tree = accessibility_tree(|ui| {
            let (_, response) =
                ui.allocate_exact_size(egui::vec2(100.0, 10.0), egui::Sense::hover());
            describe(&response, Role::Meter, "Distance: a little too far (4)");
        });
        let meter = tree
            .find("Distance: a little too far (4)")
            .expect("the meter");
        assert_eq!(meter.role, Role::Meter);
    }
}
