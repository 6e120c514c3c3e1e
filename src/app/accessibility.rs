//! What a screen reader is told. egui names and roles every widget in its
//! AccessKit tree, and bevy_egui hands that tree to the platform (AT-SPI on
//! Linux). This file adds what egui leaves out:
//!
//! - **Announcements.** egui has no live regions of its own, but AccessKit has:
//!   a node marked live is spoken when it appears or its text changes (on Linux
//!   as an AT-SPI `Announcement`, which Orca reads). [`announce_ui`] adds such a
//!   node for text that arrives by itself: the client's line, the feedback, the
//!   countdown's warning, "time is up" and notices.
//! - **Text for drawings.** A meter or a bar painted by hand has no words;
//!   [`describe`] gives its node a role and a label.
//! - **Names.** A control whose visible words need their context gets a
//!   fuller name ([`name`]: "Open the briefing: Repair drill"), and the window
//!   is named after its screen ([`name_window`]).
//! - **Actions.** A screen reader can press a button or move the focus through
//!   AccessKit itself. bevy_winit queues those requests without waking the
//!   app, and bevy_egui does not pass them on: [`AccessibilityPlugin`] wakes
//!   the sleeping app when one is queued, and hands it to egui, which treats
//!   it as a click or a focus on the widget it names.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::accessibility::{WinitActionRequestHandler, WinitActionRequestHandlers};
use bevy::winit::{EventLoopProxy, EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::egui::accesskit::{Live, Role};
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, PrimaryEguiContext, egui};

use crate::tr;

/// How often a queued request from a screen reader is looked for while the app
/// sleeps: a lock and a length, ten times a second.
const LOOK_FOR_REQUESTS_EVERY: Duration = Duration::from_millis(100);

/// How many frames follow a screen reader's request at once: what it started
/// (a new screen, the feedback) takes a frame to happen and one to draw.
const FRAMES_AFTER_A_REQUEST: u32 = 3;

/// Wakes the app for a screen reader's requests and passes them to egui.
pub(super) struct AccessibilityPlugin;

impl Plugin for AccessibilityPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            pass_action_requests_to_egui
                .after(EguiInputSet::WriteEguiEvents)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Last, wake_for_action_requests);
    }
}

type RequestQueue = Arc<Mutex<WinitActionRequestHandler>>;

/// Moves each queued request from the platform into egui's input for the
/// window, where the widget it names handles it; then asks for the frames that
/// show what it did, since nothing else wakes the app for them.
fn pass_action_requests_to_egui(
    handlers: Option<Res<WinitActionRequestHandlers>>,
    mut inputs: Query<&mut EguiInput, With<PrimaryEguiContext>>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut frames_to_come: Local<u32>,
) {
    let (Some(handlers), Ok(mut input)) = (handlers, inputs.single_mut()) else {
        return;
    };
    for queue in handlers.values() {
        let Ok(mut queue) = queue.lock() else {
            continue;
        };
        if !queue.is_empty() {
            *frames_to_come = FRAMES_AFTER_A_REQUEST;
        }
        input
            .events
            .extend(queue.drain(..).map(egui::Event::AccessKitActionRequest));
    }
    if *frames_to_come > 0 {
        *frames_to_come -= 1;
        redraw.write(RequestRedraw);
    }
}

/// Once a window has its request queue, starts a thread that wakes the event
/// loop whenever a request waits in it.
fn wake_for_action_requests(
    handlers: Option<Res<WinitActionRequestHandlers>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
    mut watched: Local<usize>,
) {
    let (Some(handlers), Some(proxy)) = (handlers, proxy) else {
        return;
    };
    if handlers.len() == *watched {
        return;
    }
    *watched = handlers.len();
    let queues: Vec<RequestQueue> = handlers.values().cloned().collect();
    let proxy: EventLoopProxy<WinitUserEvent> = (**proxy).clone();
    std::thread::spawn(move || wake_while_requests_wait(&queues, &proxy));
}

/// Looks at the queues every [`LOOK_FOR_REQUESTS_EVERY`] and wakes the event
/// loop while any holds a request, until the event loop is gone.
fn wake_while_requests_wait(queues: &[RequestQueue], proxy: &EventLoopProxy<WinitUserEvent>) {
    loop {
        std::thread::sleep(LOOK_FOR_REQUESTS_EVERY);
        let waiting = queues
            .iter()
            .any(|queue| queue.lock().is_ok_and(|queue| !queue.is_empty()));
        if waiting && proxy.send_event(WinitUserEvent::WakeUp).is_err() {
            return;
        }
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

/// Gives a control the words a screen reader says for it, when its visible
/// words need the context around them: "Open the briefing: Repair drill".
pub(super) fn name(response: &egui::Response, words: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(words));
}

/// Names the window for a screen reader after the screen it shows: "Doorway:
/// Library".
pub(super) fn name_window(ctx: &egui::Context, screen: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
        node.set_label(tr!("window-name", screen = screen));
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
