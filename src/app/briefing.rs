//! What the trainee picks in the briefing (the drill and the feedback mode),
//! kept as a resource so that Begin starts what the briefing shows: a practice
//! suggestion that opens the briefing at a drill begins at that drill.

use bevy::prelude::*;

use super::library::ScenarioLibrary;
use super::preferences::UserPreferences;
use super::state::AppState;
use crate::core::engine::FeedbackMode;

/// What the trainee picks in the briefing.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct BriefingChoices {
    /// The entry point (drill), or none for the beginning.
    pub entry: Option<String>,
    pub feedback: FeedbackMode,
}

/// Registers the choices, set afresh each time a briefing opens.
pub(super) fn plugin(app: &mut App) {
    app.insert_resource(BriefingChoices {
        entry: None,
        feedback: FeedbackMode::default(),
    })
    .add_systems(OnEnter(AppState::Briefing), reset_choices);
}

/// A briefing opens with the drill a suggestion picked (if any) and the
/// trainee's preferred feedback mode.
fn reset_choices(
    mut choices: ResMut<BriefingChoices>,
    preferences: Res<UserPreferences>,
    library: Res<ScenarioLibrary>,
) {
    *choices = BriefingChoices {
        entry: library.suggested_entry.clone(),
        feedback: preferences.current.feedback,
    };
}
