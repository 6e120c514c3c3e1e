//! The glossary: the concepts the feedback names, loaded once, and which entry
//! the glossary screen should show first.

use bevy::prelude::*;

use super::actions::Action;
use crate::core::glossary::Glossary;

/// The glossary the app shows.
#[derive(Resource, Debug)]
pub struct GlossaryBook(pub Glossary);

/// The entry asked for when the glossary was opened (from a feedback link).
#[derive(Resource, Debug, Default)]
pub struct GlossaryFocus(pub Option<String>);

/// Loads the glossary and follows links into it.
pub(super) struct GlossaryPlugin;

impl Plugin for GlossaryPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(GlossaryBook(Glossary::shipped()))
            .init_resource::<GlossaryFocus>()
            .add_systems(Update, follow_links);
    }
}

fn follow_links(mut actions: MessageReader<Action>, mut focus: ResMut<GlossaryFocus>) {
    for action in actions.read() {
        if let Action::OpenGlossary(entry) = action {
            focus.0 = entry.clone();
        }
    }
}
