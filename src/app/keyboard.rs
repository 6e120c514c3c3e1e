//! Keys: 1 to 9 choose, Enter goes on after feedback, Esc pauses (or goes back),
//! E adds time, S and U say sure or unsure, 0 says none of the answers is close
//! to the own words. The keys of one character can be turned off in Settings. While a text field has focus its keys are its own: none of
//! these but Esc act (the field sends with Ctrl+Enter itself). Everything else
//! is egui's own keyboard navigation (Tab, Space, Enter on the focused button).

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::actions::Action;
use super::preferences::UserPreferences;
use super::state::AppState;
use crate::core::engine::Confidence;

/// Maps keys to actions.
pub(super) struct KeyboardPlugin;

impl Plugin for KeyboardPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            keys_to_actions
                .after(InputSystems)
                .run_if(resource_exists::<ButtonInput<KeyCode>>),
        );
    }
}

const NUMBER_KEYS: [(KeyCode, KeyCode); 9] = [
    (KeyCode::Digit1, KeyCode::Numpad1),
    (KeyCode::Digit2, KeyCode::Numpad2),
    (KeyCode::Digit3, KeyCode::Numpad3),
    (KeyCode::Digit4, KeyCode::Numpad4),
    (KeyCode::Digit5, KeyCode::Numpad5),
    (KeyCode::Digit6, KeyCode::Numpad6),
    (KeyCode::Digit7, KeyCode::Numpad7),
    (KeyCode::Digit8, KeyCode::Numpad8),
    (KeyCode::Digit9, KeyCode::Numpad9),
];

fn keys_to_actions(
    keys: Res<ButtonInput<KeyCode>>,
    state: Res<State<AppState>>,
    egui_input: Option<Res<EguiWantsInput>>,
    preferences: Res<UserPreferences>,
    mut actions: MessageWriter<Action>,
) {
    let typing = egui_input.is_some_and(|input| input.wants_keyboard_input());
    match state.get() {
        AppState::Play => {
            if keys.just_pressed(KeyCode::Escape) {
                actions.write(Action::TogglePause);
            }
            if typing {
                return;
            }
            if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
                actions.write(Action::Continue);
            }
            if !preferences.current.single_key_shortcuts {
                return;
            }
            for (number, (digit, numpad)) in NUMBER_KEYS.iter().enumerate() {
                if keys.any_just_pressed([*digit, *numpad]) {
                    actions.write(Action::ChooseNumber(number + 1));
                }
            }
            if keys.just_pressed(KeyCode::KeyE) {
                actions.write(Action::ExtendTime);
            }
            if keys.just_pressed(KeyCode::KeyS) {
                actions.write(Action::Confide(Some(Confidence::Sure)));
            }
            if keys.just_pressed(KeyCode::KeyU) {
                actions.write(Action::Confide(Some(Confidence::Unsure)));
            }
            if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
                actions.write(Action::NoneClose);
            }
        }
        AppState::Briefing
        | AppState::Today
        | AppState::Settings
        | AppState::End
        | AppState::History
        | AppState::Review
        | AppState::Glossary
        | AppState::Class => {
            if keys.just_pressed(KeyCode::Escape) {
                actions.write(Action::Back);
            }
        }
        AppState::Library | AppState::Editor => {}
    }
}
