//! Where attempts are sent and whether the trainee agreed: `sync/settings.ron`
//! in the data folder, and the secret alone in `sync/secret`, readable by its
//! owner only. The secret never goes into the settings file, an export, a log
//! or a message.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::files::{set_aside, write_atomically};
use crate::core::lrs::client::Credentials;
use crate::core::lrs::endpoint::{EndpointProblem, endpoint_problem};
use crate::core::lrs::secret::Secret;
use crate::tr;

/// The LRS and the consent, as saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncSettings {
    /// The xAPI endpoint, such as `https://lrs.example.org/xapi/`.
    pub endpoint: String,
    /// The LRS key (its user name for Basic sign-in).
    pub key: String,
    /// The trainee's agreement; none until given.
    pub consent: Option<Consent>,
}

/// The trainee agreed, at this time, to send attempts to this endpoint. A
/// changed endpoint needs a new agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub endpoint: String,
    /// Seconds since the Unix epoch.
    pub given_at: u64,
}

impl SyncSettings {
    /// Whether the trainee agreed to send to the endpoint now set.
    pub fn agreed(&self) -> bool {
        self.consent
            .as_ref()
            .is_some_and(|c| !self.endpoint.trim().is_empty() && c.endpoint == self.endpoint)
    }
}

/// What the trainee agrees to, in words they can read.
pub fn consent_text(endpoint: &str) -> String {
    tr!("sync-consent", endpoint = endpoint)
}

/// Why attempts cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    NoEndpoint,
    Endpoint(EndpointProblem),
    NoConsent,
    NoKey,
    NoSecret,
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoEndpoint => f.write_str("no LRS address is set"),
            Self::Endpoint(problem) => problem.fmt(f),
            Self::NoConsent => f.write_str("sending has not been agreed to for this address"),
            Self::NoKey => f.write_str("no LRS key is set"),
            Self::NoSecret => f.write_str("no LRS secret is set"),
        }
    }
}

/// The settings with the secret.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncConfig {
    pub settings: SyncSettings,
    pub secret: Secret,
}

/// The settings as read, with what went wrong in words for the trainee.
#[derive(Debug, Clone, Default)]
pub struct LoadedSync {
    pub config: SyncConfig,
    pub notice: Option<String>,
}

fn settings_path(data: &Path) -> PathBuf {
    data.join("sync").join("settings.ron")
}

fn secret_path(data: &Path) -> PathBuf {
    data.join("sync").join("secret")
}

impl SyncConfig {
    /// Reads the settings and the secret. A damaged settings file is set
    /// aside and reported; a secret file others could read is made
    /// owner-only again.
    pub fn load(data: &Path) -> LoadedSync {
        let mut notice = None;
        let path = settings_path(data);
        let settings = match std::fs::read_to_string(&path) {
            Ok(text) => ron::from_str(&text).unwrap_or_else(|error| {
                let kept = match set_aside(&path) {
                    Ok(place) => format!("it was kept as {}", place.display()),
                    Err(e) => format!("it could not be moved aside ({e})"),
                };
                notice = Some(format!(
                    "The LRS settings were damaged ({error}); {kept}. Set the LRS again in Settings."
                ));
                SyncSettings::default()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SyncSettings::default(),
            Err(e) => {
                notice = Some(format!(
                    "The LRS settings at {} could not be read ({e}).",
                    path.display()
                ));
                SyncSettings::default()
            }
        };
        let secret_file = secret_path(data);
        let secret = match std::fs::read_to_string(&secret_file) {
            Ok(text) => {
                keep_owner_only(&secret_file);
                Secret::new(text.trim_end_matches(['\n', '\r']))
            }
            Err(_) => Secret::default(),
        };
        LoadedSync {
            config: SyncConfig { settings, secret },
            notice,
        }
    }

    /// The endpoint and credentials, when attempts may be sent.
    pub fn ready(&self) -> Result<(String, Credentials), NotReady> {
        let endpoint = self.settings.endpoint.trim();
        if endpoint.is_empty() {
            return Err(NotReady::NoEndpoint);
        }
        if let Some(problem) = endpoint_problem(endpoint) {
            return Err(NotReady::Endpoint(problem));
        }
        if !self.settings.agreed() {
            return Err(NotReady::NoConsent);
        }
        if self.settings.key.trim().is_empty() {
            return Err(NotReady::NoKey);
        }
        if self.secret.is_empty() {
            return Err(NotReady::NoSecret);
        }
        Ok((
            endpoint.to_owned(),
            Credentials {
                key: self.settings.key.trim().to_owned(),
                secret: self.secret.clone(),
            },
        ))
    }
}

/// Saves the settings atomically.
pub fn save_settings(data: &Path, settings: &SyncSettings) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_atomically(&settings_path(data), text.as_bytes())
}

/// Saves the secret, owner-only; an empty secret removes the file.
pub fn save_secret(data: &Path, secret: &Secret) -> std::io::Result<()> {
    let path = secret_path(data);
    if secret.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    write_atomically(&path, secret.expose().as_bytes())
}

#[cfg(unix)]
fn keep_owner_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(metadata) = std::fs::metadata(path)
        && metadata.permissions().mode() & 0o077 != 0
    {
        // Best effort: a secret others can read is narrowed again.
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
}

#[cfg(not(unix))]
fn keep_owner_only(_path: &Path) {}
