//! Power: the app sleeps while nothing moves, wakes ten times a second while a
//! countdown runs, and pauses a scenario when the window loses focus (if the
//! trainee wants that).
//!
//! bevy_egui 0.42 pushes a `ModifiersChanged` event into egui's input every frame,
//! changed or not; egui treats any input event as a reason to repaint at once, and
//! bevy_egui then asks winit for another frame, so a reactive app never sleeps.
//! [`drop_unchanged_modifiers`] removes that event when the modifiers did not
//! change, which lets the app sleep.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::WindowFocused;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

use super::actions::Action;
use super::preferences::UserPreferences;
use super::session::ActiveSession;
use super::state::{AppState, PlayPhase};

/// How often the screen is redrawn while a countdown runs.
pub const COUNTDOWN_FRAME: Duration = Duration::from_millis(100);

/// The longest the app sleeps while focused and idle.
const IDLE_WAIT: Duration = Duration::from_secs(5);

/// Keeps the app asleep unless something moves.
pub struct PowerPlugin {
    /// Redraw continuously instead (Bevy's default), for measurements.
    pub continuous: bool,
}

impl Plugin for PowerPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, pause_on_focus_loss);
        if self.continuous {
            app.insert_resource(WinitSettings::game());
        } else {
            app.insert_resource(idle_settings())
                .add_systems(Update, wake_for_countdown);
        }
    }
}

fn idle_settings() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(IDLE_WAIT),
        unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(60)),
    }
}

fn countdown_settings() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(COUNTDOWN_FRAME),
        unfocused_mode: UpdateMode::reactive_low_power(COUNTDOWN_FRAME),
    }
}

/// Removes `ModifiersChanged` from egui's input unless the modifiers changed.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => {
                let changed = *last != Some(*modifiers);
                *last = Some(*modifiers);
                changed
            }
            _ => true,
        });
    }
}

/// Wakes the app every [`COUNTDOWN_FRAME`] while a countdown runs, so it stays
/// exact on screen; otherwise lets it sleep.
fn wake_for_countdown(
    session: Option<Res<ActiveSession>>,
    state: Res<State<AppState>>,
    phase: Option<Res<State<PlayPhase>>>,
    mut settings: ResMut<WinitSettings>,
) {
    let running = *state.get() == AppState::Play
        && phase.is_some_and(|p| *p.get() == PlayPhase::Running)
        && session.is_some_and(|s| s.countdown_running());
    let wanted = if running {
        countdown_settings()
    } else {
        idle_settings()
    };
    if settings.focused_mode != wanted.focused_mode {
        *settings = wanted;
    }
}

fn pause_on_focus_loss(
    mut focus: MessageReader<WindowFocused>,
    preferences: Res<UserPreferences>,
    state: Res<State<AppState>>,
    phase: Option<Res<State<PlayPhase>>>,
    mut actions: MessageWriter<Action>,
) {
    let lost = focus.read().any(|event| !event.focused);
    let running =
        *state.get() == AppState::Play && phase.is_some_and(|p| *p.get() == PlayPhase::Running);
    if lost && running && preferences.current.pause_on_focus_loss {
        actions.write(Action::TogglePause);
    }
}
