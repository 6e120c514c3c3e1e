//! The screens as Bevy states.

use bevy::prelude::*;

use crate::tr;

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum AppState {
    #[default]
    Library,
    Briefing,
    Play,
    End,
    Settings,
    /// Attempts kept, trends and what to practise next.
    History,
    /// The debrief of a saved attempt.
    Review,
    /// The concepts behind the feedback, with their sources.
    Glossary,
    /// The moments due for practice today.
    Today,
    /// The scenario editor.
    Editor,
    /// A class's results: the instructor's view of many learners' attempts.
    Class,
}

impl AppState {
    /// The screen's name, as the window's accessible name gives it to a screen
    /// reader ("Doorway: Library").
    pub fn title(self) -> String {
        match self {
            AppState::Library => tr!("screen-library"),
            AppState::Briefing => tr!("screen-briefing"),
            AppState::Play => tr!("screen-play"),
            AppState::End => tr!("screen-end"),
            AppState::Settings => tr!("screen-settings"),
            AppState::History => tr!("screen-history"),
            AppState::Review => tr!("screen-review"),
            AppState::Glossary => tr!("screen-glossary"),
            AppState::Today => tr!("screen-today"),
            AppState::Editor => tr!("screen-editor"),
            AppState::Class => tr!("screen-class"),
        }
    }
}

/// Within play: running, or paused with the pause menu open.
#[derive(SubStates, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[source(AppState = AppState::Play)]
pub enum PlayPhase {
    #[default]
    Running,
    Paused,
}

/// Registers the states.
pub(super) struct StatePlugin;

impl Plugin for StatePlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<AppState>().add_sub_state::<PlayPhase>();
    }
}
