//! Settings: time accommodations, text size, theme, motion and focus.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::briefing::time_accommodation_ui;
use super::sync_settings::{CourseLrs, sync_settings_ui};
use crate::app::actions::Action;
use crate::app::courses::Courses;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::session::AuthorMode;
use crate::app::state::AppState;
use crate::app::sync::{Sending, SyncRequest};
use crate::app::widgets::{reading_column_ui, strong};
use crate::core::preferences::{Preferences, Theme};

/// Draws the settings.
pub(super) struct SettingsScreenPlugin;

impl Plugin for SettingsScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            settings_screen
                .run_if(in_state(AppState::Settings))
                .in_set(super::ScreenSet),
        );
    }
}

fn settings_screen(
    mut frame: ScreenFrame,
    mut preferences: ResMut<UserPreferences>,
    mut author: ResMut<AuthorMode>,
    mut sending: ResMut<Sending>,
    courses: Res<Courses>,
    mut sync_requests: MessageWriter<SyncRequest>,
) -> Result {
    let course_lrs: Vec<CourseLrs> = courses
        .0
        .iter()
        .filter_map(|course| {
            Some(CourseLrs {
                title: course.title.clone(),
                endpoint: course.lrs.clone()?,
            })
        })
        .collect();
    let mut requests = Vec::new();
    let shown = frame.show(|root, wanted| {
    let mut edited = preferences.current.clone();
    let mut author_mode = author.0;
    egui::CentralPanel::default().show(root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            reading_column_ui(ui, |ui| {
                settings_ui(ui, &mut edited, wanted);
                sync_settings_ui(ui, &mut sending, &course_lrs, &mut requests);
                ui.label(strong("Authoring", 20.0));
                ui.checkbox(
                    &mut author_mode,
                    "Author mode: node ids, jump to any node, every choice's feedback, the state watch",
                );
            });
        });
    });
    if author_mode != author.0 {
        author.0 = author_mode;
    }
    if edited != preferences.current {
        preferences.current = edited.sanitised();
    }
    });
    sync_requests.write_batch(requests);
    shown
}

/// The settings' contents.
pub(super) fn settings_ui(
    ui: &mut egui::Ui,
    preferences: &mut Preferences,
    actions: &mut Vec<Action>,
) {
    ui.add_space(16.0);
    if ui.button("← Back (Esc)").clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong("Settings", 30.0));
    ui.label(strong("Time", 20.0));
    time_accommodation_ui(ui, preferences);
    ui.checkbox(
        &mut preferences.pause_on_focus_loss,
        "Pause when the window loses focus",
    );
    ui.label(strong("Reading", 20.0));
    ui.add(
        egui::Slider::new(&mut preferences.text_scale, 1.0..=2.0)
            .step_by(0.1)
            .custom_formatter(|v, _| format!("{:.0} %", v * 100.0))
            .text("text size"),
    );
    ui.horizontal(|ui| {
        ui.label("Theme:");
        for theme in Theme::ALL {
            ui.radio_value(&mut preferences.theme, theme, theme.label());
        }
    });
    ui.checkbox(
        &mut preferences.reduced_motion,
        "Reduce motion (no animations)",
    );
    ui.checkbox(
        &mut preferences.show_meters,
        "Show the relational meters during play",
    );
    ui.checkbox(
        &mut preferences.single_key_shortcuts,
        "Keys of one character in play (1–9 answer, E more time, S and U sure or unsure); \
         off for speech input",
    );
    let heading = ui.label(strong("Support", 20.0));
    ui.label(
        "Who you can reach when a scenario stirs something: your supervisor, your \
         counselling service, a crisis line. It is shown with the scenarios that touch \
         suicide or loss, on their briefing and end screen.",
    );
    ui.add(
        egui::TextEdit::singleline(&mut preferences.support_line)
            .hint_text("for example: my supervisor, Dr. Lee, 555-0142")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(heading.id);
    ui.label(strong("Exports for a learning management system", 20.0));
    ui.label(
        "xAPI exports name you only if you give an email here; otherwise they carry a random \
         name for this computer and nothing else about you.",
    );
    let identity = &mut preferences.export_identity;
    egui::Grid::new("export-identity")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut identity.name).hint_text("optional"))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Email");
            ui.add(
                egui::TextEdit::singleline(&mut identity.email)
                    .hint_text("leave empty to stay anonymous"),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
}
