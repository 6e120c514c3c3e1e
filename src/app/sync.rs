//! Sending attempts to the trainee's learning record store, through the core's
//! background worker: the settings form's state, queueing an attempt once it
//! is over (leaving the end screen, or leaving play), and each attempt's state
//! for the history. The app never waits on the network: it reads the worker's
//! events when it wakes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::state::state::StateTransitionEvent;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use super::attempts::{AttemptLeft, CurrentAttempt, SavedAttempts, scenario_of};
use super::library::ScenarioLibrary;
use super::notices::Notices;
use super::options::AppOptions;
use super::preferences::UserPreferences;
use super::state::AppState;
use crate::core::clock::unix_now;
use crate::core::cohort::source::LrsSource;
use crate::core::export::xapi::DEFAULT_BASE_IRI;
use crate::core::files::data_folder;
use crate::core::lrs::client::Credentials;
use crate::core::lrs::secret::Secret;
use crate::core::store::Attempt;
use crate::core::sync::queue::{SyncQueue, SyncState};
use crate::core::sync::queue_attempt;
use crate::core::sync::round::RoundEvent;
use crate::core::sync::settings::{Consent, SyncConfig, SyncSettings, save_secret, save_settings};
use crate::core::sync::worker::{SyncEvent, SyncWorker, Waker};
use crate::core::wording::capitalised;
use crate::tr;

/// What the settings form and the history ask of sending.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum SyncRequest {
    /// Save the form, agreed (the form's consent box is ticked), and send.
    Save,
    /// Test the form's address, key and secret (the saved secret if none is typed).
    Test,
    /// Withdraw the agreement and forget the secret.
    Stop,
    /// Queue an attempt kept here only.
    Queue(String),
}

/// The settings form as typed. Its debug output hides the secret.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SyncForm {
    pub endpoint: String,
    pub key: String,
    /// A new secret; empty keeps the saved one.
    pub secret: String,
    pub agreed: bool,
}

impl std::fmt::Debug for SyncForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncForm")
            .field("endpoint", &self.endpoint)
            .field("key", &self.key)
            .field("secret", &Secret::new(self.secret.clone()))
            .field("agreed", &self.agreed)
            .finish()
    }
}

/// Sending as the app knows it.
#[derive(Resource, Debug, Default)]
pub struct Sending {
    data: Option<PathBuf>,
    worker: Option<SyncWorker>,
    /// The settings as saved, and whether a secret is saved.
    pub saved: SyncSettings,
    pub has_secret: bool,
    pub form: SyncForm,
    /// Each attempt's state, by id; attempts not in it are kept here only.
    pub states: BTreeMap<String, SyncState>,
    /// Why the last round could not reach the store, if it could not.
    pub problem: Option<String>,
    /// The last connection test: under way (`None` inside), or its answer.
    pub test: Option<Option<Result<String, String>>>,
    /// The last save's outcome, for the form.
    pub saved_note: Option<Result<String, String>>,
}

impl Sending {
    /// Where an attempt stands.
    pub fn state_of(&self, attempt_id: &str) -> &SyncState {
        self.states
            .get(attempt_id)
            .unwrap_or(&SyncState::KeptHereOnly)
    }

    /// Whether attempts are sent now (agreed, with a key and a secret).
    pub fn is_on(&self) -> bool {
        self.saved.agreed() && !self.saved.key.trim().is_empty() && self.has_secret
    }

    /// The LRS address, when an address, key and secret are set (to read a
    /// class; reading needs no consent, which is about sending).
    pub(crate) fn readable_endpoint(&self) -> Option<&str> {
        let endpoint = self.saved.endpoint.trim();
        (!endpoint.is_empty() && !self.saved.key.trim().is_empty() && self.has_secret)
            .then_some(endpoint)
    }

    /// The LRS set in Settings, to read a class from.
    pub(crate) fn lrs_source(&self) -> Result<LrsSource, String> {
        let data = self
            .data
            .as_deref()
            .ok_or_else(|| tr!("sync-no-data-folder-lower"))?;
        let config = SyncConfig::load(data).config;
        let endpoint = config.settings.endpoint.trim().to_owned();
        if endpoint.is_empty() || config.settings.key.trim().is_empty() || config.secret.is_empty()
        {
            return Err(tr!("sync-not-all-set"));
        }
        Ok(LrsSource {
            endpoint,
            credentials: Credentials {
                key: config.settings.key.trim().to_owned(),
                secret: config.secret,
            },
            base_iri: DEFAULT_BASE_IRI.to_owned(),
        })
    }

    /// Reads the settings and the states; what went wrong reading them.
    fn read(&mut self) -> Option<String> {
        let data = self.data.as_ref()?;
        let loaded = SyncConfig::load(data);
        let config = loaded.config;
        self.has_secret = !config.secret.is_empty();
        self.form = SyncForm {
            endpoint: config.settings.endpoint.clone(),
            key: config.settings.key.clone(),
            secret: String::new(),
            agreed: config.settings.agreed(),
        };
        self.saved = config.settings;
        self.read_states();
        loaded.notice
    }

    fn read_states(&mut self) {
        if let Some(data) = &self.data {
            let queue = SyncQueue::in_data_folder(data);
            self.states = queue.states();
            self.problem = queue.problem().map(|p| p.reason);
        }
    }
}

/// Starts the worker and keeps the states current.
pub(super) struct SyncPlugin;

impl Plugin for SyncPlugin {
    fn build(&self, app: &mut App) {
        let data = data_folder(AppOptions::of(app).data_dir);
        app.add_message::<SyncRequest>()
            .insert_resource(Sending {
                data,
                ..Sending::default()
            })
            .add_systems(Startup, start_worker)
            .add_systems(
                Update,
                (
                    read_events,
                    answer_requests,
                    queue_the_ended_attempt,
                    queue_left_attempts,
                ),
            );
    }
}

fn start_worker(
    mut sending: ResMut<Sending>,
    mut notices: ResMut<Notices>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    if let Some(notice) = sending.read() {
        notices.post(AppState::Settings, notice);
    }
    let Some(data) = sending.data.clone() else {
        return;
    };
    // A round's end and a test's answer show at once, not at the next wake.
    let waker: Option<Waker> = proxy.map(|proxy| {
        let proxy = (**proxy).clone();
        Box::new(move || {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }) as Waker
    });
    match SyncWorker::start(data, waker) {
        Ok(worker) => sending.worker = Some(worker),
        Err(e) => notices.post(
            AppState::Settings,
            tr!("notice-sender-did-not-start", error = e.to_string()),
        ),
    }
}

/// Reads what the worker did: the attempts it tried are read again one by
/// one, and the problem when a round ends.
fn read_events(mut sending: ResMut<Sending>) {
    let Some(events) = sending.worker.as_ref().map(SyncWorker::events) else {
        return;
    };
    let Some(data) = sending.data.clone() else {
        return;
    };
    let queue = SyncQueue::in_data_folder(&data);
    for event in events {
        match event {
            SyncEvent::Tested(answer) => sending.test = Some(Some(answer)),
            SyncEvent::Attempt(
                RoundEvent::Sent { attempt_id, .. } | RoundEvent::NotSent { attempt_id, .. },
            ) => {
                let state = queue.state_of(&attempt_id);
                sending.states.insert(attempt_id, state);
            }
            SyncEvent::RoundOver { problem } => sending.problem = problem,
        }
    }
}

fn answer_requests(
    mut requests: MessageReader<SyncRequest>,
    mut sending: ResMut<Sending>,
    saved: Res<SavedAttempts>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        match request {
            SyncRequest::Save => {
                let note = save_form(&mut sending);
                sending.saved_note = Some(note);
                sending.read();
                // A fixed address or key is tried at once, not after the
                // wait the last failure set.
                if let Some(data) = &sending.data {
                    let _ = SyncQueue::in_data_folder(data).record_problem(None);
                }
                sending.read_states();
                wake(&sending);
            }
            SyncRequest::Test => test_form(&mut sending),
            SyncRequest::Stop => {
                let note = stop_sending(&sending);
                sending.saved_note = Some(note);
                sending.read();
            }
            SyncRequest::Queue(id) => {
                let problem = match saved.get(id) {
                    Some(attempt) => queue(&mut sending, attempt, &library, &preferences),
                    None => Some(tr!("notice-attempt-gone", id = id.as_str())),
                };
                if let Some(problem) = problem {
                    notices.post(AppState::History, problem);
                }
            }
        }
    }
}

fn save_form(sending: &mut Sending) -> Result<String, String> {
    let data = sending
        .data
        .clone()
        .ok_or_else(|| tr!("sync-no-data-folder"))?;
    let form = sending.form.clone();
    let endpoint = form.endpoint.trim().to_owned();
    if let Some(problem) = crate::core::lrs::endpoint::endpoint_problem(&endpoint) {
        return Err(capitalised(&problem.to_string()));
    }
    if form.key.trim().is_empty() {
        return Err(tr!("sync-write-key"));
    }
    if form.secret.is_empty() && !sending.has_secret {
        return Err(tr!("sync-write-secret"));
    }
    if !form.agreed {
        return Err(tr!("sync-agree-first"));
    }
    if !form.secret.is_empty() {
        save_secret(&data, &Secret::new(form.secret.trim()))
            .map_err(|e| tr!("sync-secret-not-kept", error = e.to_string()))?;
    }
    let consent = match &sending.saved.consent {
        Some(consent) if consent.endpoint == endpoint => consent.clone(),
        _ => Consent {
            endpoint: endpoint.clone(),
            given_at: unix_now(),
        },
    };
    let settings = SyncSettings {
        endpoint: endpoint.clone(),
        key: form.key.trim().to_owned(),
        consent: Some(consent),
    };
    save_settings(&data, &settings)
        .map_err(|e| tr!("sync-settings-not-kept", error = e.to_string()))?;
    Ok(tr!("sync-saved", endpoint = endpoint))
}

fn test_form(sending: &mut Sending) {
    let Some(worker) = &sending.worker else {
        return;
    };
    let secret = if sending.form.secret.is_empty() {
        sending
            .data
            .as_deref()
            .map(|data| SyncConfig::load(data).config.secret)
            .unwrap_or_default()
    } else {
        Secret::new(sending.form.secret.trim())
    };
    worker.test_connection(
        sending.form.endpoint.trim().to_owned(),
        Credentials {
            key: sending.form.key.trim().to_owned(),
            secret,
        },
    );
    sending.test = Some(None);
}

fn stop_sending(sending: &Sending) -> Result<String, String> {
    let data = sending
        .data
        .as_deref()
        .ok_or_else(|| tr!("sync-no-data-folder"))?;
    let settings = SyncSettings {
        consent: None,
        ..sending.saved.clone()
    };
    save_settings(data, &settings)
        .map_err(|e| tr!("sync-settings-not-kept", error = e.to_string()))?;
    save_secret(data, &Secret::default())
        .map_err(|e| tr!("sync-secret-not-removed", error = e.to_string()))?;
    Ok(tr!("sync-stopped"))
}

fn wake(sending: &Sending) {
    if let Some(worker) = &sending.worker {
        worker.wake();
    }
}

/// Queues an attempt (once: an attempt queued or sent is not queued again,
/// as a store keeps the first version of each statement) and wakes the worker.
fn queue(
    sending: &mut Sending,
    attempt: &Attempt,
    library: &ScenarioLibrary,
    preferences: &UserPreferences,
) -> Option<String> {
    let data = sending.data.clone()?;
    let Some(scenario) = scenario_of(library, &attempt.transcript.scenario_id) else {
        return Some(tr!(
            "sync-scenario-gone",
            title = attempt.scenario_title.as_str()
        ));
    };
    let result = queue_attempt(
        &data,
        attempt,
        &scenario,
        &preferences.current.export_identity,
    );
    sending.read_states();
    match result {
        Ok(true) => {
            wake(sending);
            None
        }
        Ok(false) => None,
        Err(problem) => Some(problem),
    }
}

/// The attempt on the end screen is over once the trainee leaves the end
/// screen for anything but play (a "what if" replay plays on in the same
/// attempt and comes back to the end screen), with its ratings and replays.
fn queue_the_ended_attempt(
    mut transitions: MessageReader<StateTransitionEvent<AppState>>,
    mut sending: ResMut<Sending>,
    current: Res<CurrentAttempt>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut notices: ResMut<Notices>,
) {
    let left_the_end = transitions.read().any(|transition| {
        transition.exited == Some(AppState::End) && transition.entered != Some(AppState::Play)
    });
    let Some(attempt) = current.attempt.as_ref().filter(|_| left_the_end) else {
        return;
    };
    if *sending.state_of(&attempt.id) != SyncState::KeptHereOnly {
        return;
    }
    if let Some(problem) = queue(&mut sending, attempt, &library, &preferences) {
        notices.post(AppState::Library, problem);
    }
}

/// An attempt left during play is over as soon as it is saved.
fn queue_left_attempts(
    mut left: MessageReader<AttemptLeft>,
    mut sending: ResMut<Sending>,
    saved: Res<SavedAttempts>,
    library: Res<ScenarioLibrary>,
    preferences: Res<UserPreferences>,
    mut notices: ResMut<Notices>,
) {
    for AttemptLeft(id) in left.read() {
        let Some(attempt) = saved.get(id) else {
            continue;
        };
        if *sending.state_of(id) != SyncState::KeptHereOnly {
            continue;
        }
        if let Some(problem) = queue(&mut sending, attempt, &library, &preferences) {
            notices.post(AppState::Library, problem);
        }
    }
}
