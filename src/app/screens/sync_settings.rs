//! The settings' section for sending attempts to a course's learning record
//! store: the address, key and secret, the words agreed to, a connection
//! test, and where sending stands.

use bevy_egui::egui;

use crate::app::sync::{Sending, SyncRequest};
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, strong};
use crate::core::sync::queue::SyncState;
use crate::core::sync::settings::consent_text;
use crate::core::wording::capitalised;
use crate::tr;

/// A course that names an LRS: its title and the address.
pub(super) struct CourseLrs {
    pub title: String,
    pub endpoint: String,
}

/// The section's contents.
pub(super) fn sync_settings_ui(
    ui: &mut egui::Ui,
    sending: &mut Sending,
    courses: &[CourseLrs],
    requests: &mut Vec<SyncRequest>,
) {
    let colours = palette(ui);
    ui.label(strong(tr!("sync-heading"), 20.0));
    ui.label(tr!("sync-explained"));
    ui.label(egui::RichText::new(status_line(sending)).color(colours.muted));
    for course in courses {
        if sending.form.endpoint.trim() != course.endpoint
            && ui
                .button(tr!(
                    "sync-use-course-lrs",
                    course = course.title.as_str(),
                    endpoint = course.endpoint.as_str()
                ))
                .clicked()
        {
            sending.form.endpoint = course.endpoint.clone();
            sending.form.agreed = false;
        }
    }
    let form = &mut sending.form;
    egui::Grid::new("lrs-settings")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr!("sync-address"));
            let address = ui
                .add(
                    egui::TextEdit::singleline(&mut form.endpoint)
                        .hint_text("https://lrs.example.org/xapi/")
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
            if address.changed() {
                // Agreeing is to one address: a new one is agreed to anew.
                form.agreed = false;
            }
            ui.end_row();
            let label = ui.label(tr!("sync-key"));
            ui.add(egui::TextEdit::singleline(&mut form.key).desired_width(360.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr!("sync-secret"));
            let hint = if sending.has_secret {
                tr!("sync-secret-kept")
            } else {
                tr!("sync-secret-hint")
            };
            ui.add(
                egui::TextEdit::singleline(&mut form.secret)
                    .password(true)
                    .hint_text(hint)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    if !form.endpoint.trim().is_empty() {
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(consent_text(form.endpoint.trim())).wrap());
            ui.checkbox(&mut form.agreed, tr!("sync-agree"));
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("sync-save")).clicked() {
            requests.push(SyncRequest::Save);
        }
        let testing = matches!(sending.test, Some(None));
        if ui
            .add_enabled(!testing, egui::Button::new(tr!("sync-test")))
            .clicked()
        {
            requests.push(SyncRequest::Test);
        }
        if sending.saved.consent.is_some() && ui.button(tr!("sync-stop")).clicked() {
            requests.push(SyncRequest::Stop);
        }
    });
    match &sending.test {
        Some(None) => {
            ui.label(tr!("sync-testing"));
        }
        Some(Some(Ok(found))) => {
            ui.colored_label(colours.good, format!("✔ {}.", capitalised(found)));
        }
        Some(Some(Err(why))) => {
            ui.colored_label(colours.warning, format!("✖ {}.", capitalised(why)));
        }
        None => {}
    }
    match &sending.saved_note {
        Some(Ok(note)) => {
            ui.colored_label(colours.good, note);
        }
        Some(Err(note)) => {
            ui.colored_label(colours.warning, note);
        }
        None => {}
    }
}

/// Where sending stands, in one line.
fn status_line(sending: &Sending) -> String {
    let (mut queued, mut sent) = (0, 0);
    for state in sending.states.values() {
        match state {
            SyncState::Queued(_) => queued += 1,
            SyncState::Sent(_) => sent += 1,
            SyncState::KeptHereOnly => {}
        }
    }
    let counts = tr!("sync-counts", sent = sent, queued = queued);
    if !sending.is_on() {
        return tr!("sync-not-sending", counts = counts);
    }
    let endpoint = sending.saved.endpoint.as_str();
    match &sending.problem {
        Some(problem) => tr!(
            "sync-sending-failed",
            endpoint = endpoint,
            problem = problem.as_str(),
            counts = counts
        ),
        None => tr!("sync-sending", endpoint = endpoint, counts = counts),
    }
}
