//! Sending attempts to the learning record store the trainee chose: the
//! settings and the consent, the on-disk queue (one file per attempt), a round
//! of sending with backoff, and the background worker the app runs. The app
//! and `doorway sync` share all of it.

pub mod queue;
pub mod round;
pub mod settings;
pub mod worker;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::core::clock::unix_now;
use crate::core::engine::PlayableScenario;
use crate::core::export::ExportSource;
use crate::core::export::xapi::{self, XapiOptions};
use crate::core::preferences::ExportIdentity;
use crate::core::store::Attempt;
use queue::SyncQueue;
use settings::SyncConfig;

/// Puts a finished or left attempt's statements in the queue, when the
/// trainee has agreed to send to the endpoint in the settings. Returns
/// whether it was queued; an error says why it could not be.
pub fn queue_attempt(
    data: &Path,
    attempt: &Attempt,
    scenario: &PlayableScenario,
    identity: &ExportIdentity,
) -> Result<bool, String> {
    let config = SyncConfig::load(data).config;
    if !config.settings.agreed() {
        return Ok(false);
    }
    let options = XapiOptions {
        actor: xapi::actor_of(identity, data)?,
        base_iri: xapi::DEFAULT_BASE_IRI.to_owned(),
    };
    let statements = xapi::statements(ExportSource { attempt, scenario }, &options);
    SyncQueue::in_data_folder(data)
        .enqueue(attempt, statements, unix_now())
        .map_err(|e| format!("the attempt could not be queued for the LRS: {e}"))?;
    Ok(true)
}
