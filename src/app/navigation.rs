//! Moving between screens, in one place: the trainee's Back, Settings,
//! Glossary, History, Today, Class, Leave and Play again, and the moves other systems ask for
//! with a [`GoTo`] message (a session began, play ended, a review opened). No
//! other system writes `NextState<AppState>`.

use bevy::prelude::*;

use super::actions::Action;
use super::editor::EditorAction;
use super::session::ActiveSession;
use super::state::AppState;

/// A system's request to show another screen.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct GoTo(pub AppState);

/// The system that moves between screens on the trainee's actions and ends a
/// session when the trainee leaves; what must see the session before it goes
/// runs before it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct NavigationSet;

/// Where Settings and the glossary go back to.
#[derive(Resource, Debug, Default)]
struct ReturnState(Option<AppState>);

/// Registers navigation.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ReturnState>()
        .add_message::<GoTo>()
        .add_systems(Update, navigate.in_set(NavigationSet))
        .add_systems(PostUpdate, go_to);
}

/// Settings, the glossary, Back, History, Leave and Play again.
fn navigate(
    mut actions: MessageReader<Action>,
    state: Res<State<AppState>>,
    mut next: ResMut<NextState<AppState>>,
    mut return_to: ResMut<ReturnState>,
    session: Option<Res<ActiveSession>>,
    mut editor_actions: MessageWriter<EditorAction>,
    mut commands: Commands,
) {
    for action in actions.read() {
        match action {
            Action::OpenSettings if *state.get() != AppState::Settings => {
                return_to.0 = Some(*state.get());
                next.set(AppState::Settings);
            }
            Action::OpenGlossary(_) if *state.get() != AppState::Glossary => {
                return_to.0 = Some(*state.get());
                next.set(AppState::Glossary);
            }
            Action::Back
                if *state.get() == AppState::End && session.as_ref().is_some_and(|s| s.trial) =>
            {
                next.set(AppState::Editor);
            }
            Action::Back => match state.get() {
                AppState::Settings | AppState::Glossary => {
                    next.set(return_to.0.take().unwrap_or(AppState::Library))
                }
                AppState::Briefing
                | AppState::End
                | AppState::History
                | AppState::Today
                | AppState::Class => next.set(AppState::Library),
                AppState::Review => next.set(AppState::History),
                _ => {}
            },
            Action::OpenHistory => next.set(AppState::History),
            Action::OpenToday => next.set(AppState::Today),
            Action::OpenClass => next.set(AppState::Class),
            Action::Leave => {
                // A moment from the Today list goes back to the list, a trial
                // to the editor.
                let practising = session.as_ref().is_some_and(|s| s.practice.is_some());
                let trying = session.as_ref().is_some_and(|s| s.trial);
                commands.remove_resource::<ActiveSession>();
                next.set(if practising {
                    AppState::Today
                } else if trying {
                    AppState::Editor
                } else {
                    AppState::Library
                });
            }
            Action::PlayAgain if session.as_ref().is_some_and(|s| s.trial) => {
                // A trial is tried again by the editor, on the draft as it is.
                commands.remove_resource::<ActiveSession>();
                next.set(AppState::Editor);
                editor_actions.write(EditorAction::PlayFromHere);
            }
            Action::PlayAgain => {
                commands.remove_resource::<ActiveSession>();
                next.set(AppState::Briefing);
            }
            _ => {}
        }
    }
}

/// Carries out the moves other systems asked for this frame (the last one wins).
fn go_to(mut requests: MessageReader<GoTo>, mut next: ResMut<NextState<AppState>>) {
    if let Some(GoTo(screen)) = requests.read().last() {
        next.set(*screen);
    }
}
