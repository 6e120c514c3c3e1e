//! Settings: time accommodations, language, text size, theme, motion and focus.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::briefing::time_accommodation_ui;
use super::sync_settings::{CourseLrs, sync_settings_ui};
use crate::app::actions::Action;
use crate::app::courses::Courses;
use crate::app::options::AppOptions;
use crate::app::preferences::UserPreferences;
use crate::app::screens::ScreenFrame;
use crate::app::session::AuthorMode;
use crate::app::state::AppState;
use crate::app::sync::{Sending, SyncRequest};
use crate::app::widgets::{reading_column_ui, strong};
use crate::core::i18n::{self, Language};
use crate::core::preferences::{Preferences, Theme};
use crate::core::wording;
use crate::tr;

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
    options: Res<AppOptions>,
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
                    settings_ui(ui, &mut edited, options.system_language, wanted);
                    sync_settings_ui(ui, &mut sending, &course_lrs, &mut requests);
                    ui.label(strong(tr!("settings-authoring"), 20.0));
                    ui.checkbox(&mut author_mode, tr!("settings-author-mode"));
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
    system_language: Language,
    actions: &mut Vec<Action>,
) {
    ui.add_space(16.0);
    if ui.button(tr!("back")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(tr!("settings-heading"), 30.0));
    ui.label(strong(wording::time(), 20.0));
    time_accommodation_ui(ui, preferences);
    ui.checkbox(
        &mut preferences.pause_on_focus_loss,
        tr!("settings-pause-on-focus-loss"),
    );
    ui.label(strong(tr!("settings-language"), 20.0));
    language_ui(ui, &mut preferences.language, system_language);
    ui.label(strong(tr!("settings-reading"), 20.0));
    ui.add(
        egui::Slider::new(&mut preferences.text_scale, 1.0..=2.0)
            .step_by(0.1)
            .custom_formatter(|v, _| i18n::percent(v))
            .text(tr!("settings-text-size")),
    );
    ui.horizontal(|ui| {
        ui.label(tr!("settings-theme"));
        for theme in Theme::ALL {
            ui.radio_value(&mut preferences.theme, theme, theme.label());
        }
    });
    ui.checkbox(
        &mut preferences.reduced_motion,
        tr!("settings-reduced-motion"),
    );
    ui.checkbox(&mut preferences.show_meters, tr!("settings-show-meters"));
    ui.checkbox(
        &mut preferences.single_key_shortcuts,
        tr!("settings-single-key-shortcuts"),
    );
    let heading = ui.label(strong(tr!("settings-support"), 20.0));
    ui.label(tr!("settings-support-explained"));
    ui.add(
        egui::TextEdit::singleline(&mut preferences.support_line)
            .hint_text(tr!("settings-support-hint"))
            .desired_width(f32::INFINITY),
    )
    .labelled_by(heading.id);
    ui.label(strong(tr!("settings-exports"), 20.0));
    ui.label(tr!("settings-exports-explained"));
    let identity = &mut preferences.export_identity;
    egui::Grid::new("export-identity")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr!("settings-name"));
            ui.add(
                egui::TextEdit::singleline(&mut identity.name).hint_text(tr!("settings-optional")),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr!("settings-email"));
            ui.add(
                egui::TextEdit::singleline(&mut identity.email)
                    .hint_text(tr!("settings-email-hint")),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
}

/// The language of the interface: the system's, or one named in itself.
/// Choosing one changes every screen at once.
fn language_ui(ui: &mut egui::Ui, chosen: &mut Option<Language>, system: Language) {
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(
            chosen,
            None,
            tr!("settings-language-system", language = system.own_name()),
        );
        for language in Language::ALL {
            ui.radio_value(chosen, Some(language), language.own_name());
        }
    });
}
