//! The screens, one file each. Every screen is a system that draws with egui and
//! turns what the trainee does into [`Action`](super::Action) messages.

#[cfg(test)]
mod accessibility_tests;
mod briefing;
mod class;
mod class_figures;
mod editor;
mod editor_fields;
mod editor_map;
mod editor_moment;
mod editor_scenario;
mod end;
mod frame;
mod glossary;
mod history;
#[cfg(test)]
mod layout_tests;
mod library;
mod pause;
mod play;
mod practice_parts;
mod review;
mod settings;
#[cfg(test)]
mod spanish_tests;
mod sync_settings;
mod today;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

pub(super) use frame::ScreenFrame;
pub(super) use glossary::concept_links_ui;
pub(super) use practice_parts::{own_words_rating_ui, probe_recap_ui};

use super::theme::FontsReady;

/// All screens.
pub(super) struct ScreensPlugin;

/// The screens' drawing systems: once the fonts are in use.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ScreenSet;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.configure_sets(
            EguiPrimaryContextPass,
            ScreenSet.run_if(resource_exists::<FontsReady>),
        )
        .add_plugins((
            library::LibraryScreenPlugin,
            briefing::BriefingScreenPlugin,
            play::PlayScreenPlugin,
            pause::PauseScreenPlugin,
            end::EndScreenPlugin,
            settings::SettingsScreenPlugin,
            history::HistoryScreenPlugin,
            review::ReviewScreenPlugin,
            glossary::GlossaryScreenPlugin,
            today::TodayScreenPlugin,
            editor::EditorScreenPlugin,
            class::ClassScreenPlugin,
        ));
    }
}
