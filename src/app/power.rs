//! Power: the app sleeps while nothing moves; while a countdown runs it wakes
//! exactly when the seconds shown change (once a second), and it pauses a
//! scenario when the window loses focus (if the trainee wants that).
//!
//! Under a software renderer one frame of this window costs about a tenth of a
//! second of CPU, so redrawing ten times a second would keep a core busy: the
//! countdown is drawn in whole seconds and redrawn only when it changes. The
//! wake-up comes from a small timer thread through winit's event loop proxy:
//! changing `WinitSettings` instead would itself force an immediate frame.
//!
//! bevy_egui 0.42 pushes a `ModifiersChanged` event into egui's input every frame,
//! changed or not; egui treats any input event as a reason to repaint at once, and
//! bevy_egui then asks winit for another frame, so a reactive app never sleeps.
//! [`drop_unchanged_modifiers`] removes that event when the modifiers did not
//! change, which lets the app sleep.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::options::AppOptions;
use bevy::time::{TimeSystems, TimeUpdateStrategy};
use bevy::window::WindowFocused;
use bevy::winit::{
    EventLoopProxy, EventLoopProxyWrapper, UpdateMode, WinitSettings, WinitUserEvent,
};
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

use super::actions::Action;
use super::preferences::UserPreferences;
use super::scenario_assets::ScenarioHandles;
use super::session::ActiveSession;
use super::state::{AppState, PlayPhase};

/// How long after a whole second the frame comes, so the shown value has changed.
const AFTER_THE_SECOND: Duration = Duration::from_millis(5);

/// How soon the app looks again while scenario files are loading.
const WHILE_LOADING: Duration = Duration::from_millis(100);

/// The longest the app sleeps while focused and idle.
const IDLE_WAIT: Duration = Duration::from_secs(5);

/// Keeps the app asleep unless something moves.
/// (With the `continuous` option it redraws continuously instead, Bevy's
/// default, for measurements.)
pub(super) struct PowerPlugin;

impl Plugin for PowerPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, pause_on_focus_loss);
        app.insert_resource(FrameStart(Instant::now()))
            .add_systems(First, start_frame_clock.before(TimeSystems));
        if AppOptions::of(app).continuous {
            app.insert_resource(WinitSettings::game());
        } else {
            app.insert_resource(idle_settings())
                .add_systems(Startup, start_waker)
                .add_systems(Last, wake_for_countdown_or_loading);
        }
    }
}

fn idle_settings() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(IDLE_WAIT),
        unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(60)),
    }
}

/// When this frame began. Real time is read here, at the start of the frame:
/// Bevy's default takes it from the render world, which reports when the previous
/// frame was presented, and in a reactive app that can be most of a second ago,
/// so a countdown would lag by as much.
#[derive(Resource, Debug, Clone, Copy)]
struct FrameStart(Instant);

fn start_frame_clock(mut start: ResMut<FrameStart>, mut strategy: ResMut<TimeUpdateStrategy>) {
    let now = Instant::now();
    start.0 = now;
    *strategy = TimeUpdateStrategy::ManualInstant(now);
}

/// The scenario files asked for, and whether any is still loading.
#[derive(SystemParam)]
struct ScenarioLoading<'w> {
    server: Res<'w, AssetServer>,
    handles: Option<Res<'w, ScenarioHandles>>,
}

impl ScenarioLoading<'_> {
    fn any_loading(&self) -> bool {
        self.handles.as_ref().is_some_and(|handles| {
            handles.0.iter().any(|(handle, _)| {
                self.server
                    .get_load_state(handle)
                    .is_some_and(|s| s.is_loading())
            })
        })
    }
}

/// Time until `remaining`, shown rounded up to whole seconds, shows a new value.
pub(super) fn until_next_second(remaining: Duration) -> Duration {
    let into_second = Duration::from_nanos(u64::from(remaining.subsec_nanos()));
    if into_second.is_zero() {
        Duration::from_secs(1)
    } else {
        into_second
    }
}

/// Asks a timer thread to wake the event loop at an instant (or not at all).
#[derive(Resource)]
struct CountdownWaker {
    schedule: Sender<Option<Instant>>,
    scheduled: Option<Instant>,
}

/// A thread that sleeps until the latest instant it was given, then wakes the
/// event loop once.
fn spawn_waker(proxy: EventLoopProxy<WinitUserEvent>) -> Sender<Option<Instant>> {
    let (schedule, instants) = mpsc::channel::<Option<Instant>>();
    std::thread::spawn(move || {
        let mut deadline: Option<Instant> = None;
        loop {
            let next = match deadline {
                Some(at) => instants.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => instants.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(instant) => deadline = instant,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = proxy.send_event(WinitUserEvent::WakeUp);
                    deadline = None;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    });
    schedule
}

fn start_waker(proxy: Option<Res<EventLoopProxyWrapper>>, mut commands: Commands) {
    if let Some(proxy) = proxy {
        commands.insert_resource(CountdownWaker {
            schedule: spawn_waker((**proxy).clone()),
            scheduled: None,
        });
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

/// While a countdown runs, wakes the app just after its shown seconds change, so
/// it stays exact on screen; while scenario files load, and once after, wakes
/// it every [`WHILE_LOADING`] so they show once loaded (the loading threads
/// cannot wake it); otherwise lets it sleep.
fn wake_for_countdown_or_loading(
    session: Option<Res<ActiveSession>>,
    state: Res<State<AppState>>,
    phase: Option<Res<State<PlayPhase>>>,
    waker: Option<ResMut<CountdownWaker>>,
    frame: Res<FrameStart>,
    files: ScenarioLoading,
    mut was_loading: Local<bool>,
) {
    let Some(mut waker) = waker else { return };
    let running =
        *state.get() == AppState::Play && phase.is_some_and(|p| *p.get() == PlayPhase::Running);
    let countdown = session
        .filter(|s| running && s.countdown_running())
        .and_then(|s| s.engine.remaining())
        .map(|remaining| frame.0 + until_next_second(remaining) + AFTER_THE_SECOND);
    let loading = files.any_loading();
    // The frame after the last load ends carries its event to the library.
    let loading_wake = (loading || *was_loading).then(|| frame.0 + WHILE_LOADING);
    *was_loading = loading;
    let wake_at = countdown.into_iter().chain(loading_wake).min();
    if wake_at != waker.scheduled {
        waker.scheduled = wake_at;
        let _ = waker.schedule.send(wake_at);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_wake_is_when_the_shown_second_changes() {
        // 12.3 s shows as 13 until 12.0 s remain.
        assert_eq!(
            until_next_second(Duration::from_millis(12_300)),
            Duration::from_millis(300)
        );
        assert_eq!(
            until_next_second(Duration::from_secs(12)),
            Duration::from_secs(1)
        );
        assert_eq!(
            until_next_second(Duration::from_nanos(1)),
            Duration::from_nanos(1)
        );
    }
}
