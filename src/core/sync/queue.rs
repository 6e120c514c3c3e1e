//! The queue of attempts waiting for the LRS, on disk so that it survives a
//! restart, a killed app and a dead network. In the data folder's `sync/`:
//!
//! - `queue/ID.json`: one attempt's statements, written atomically;
//! - `queue/ID.failed`: why the store refused that attempt, and when to try again;
//! - `sent/ID.json`: when the attempt was sent, once it was;
//! - `problem.json`: why the last round could not reach the store at all
//!   (no connection, a refused key), and when to try again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::files::{set_aside, write_atomically};
use crate::core::store::Attempt;

/// The queue in one data folder.
#[derive(Debug, Clone)]
pub struct SyncQueue {
    folder: PathBuf,
}

/// A queued attempt as written.
#[derive(Debug, Serialize, Deserialize)]
struct QueuedFile {
    attempt_id: String,
    scenario_title: String,
    queued_at: u64,
    statements: Vec<Value>,
}

/// A failed try, for one attempt or for the whole queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Tries that failed in a row.
    pub tries: u32,
    pub reason: String,
    /// Seconds since the Unix epoch.
    pub last_try: u64,
    pub next_try: u64,
}

/// A sent attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    /// Seconds since the Unix epoch.
    pub sent_at: u64,
    pub statements: usize,
    /// The store's machine.
    pub host: String,
}

/// Where one attempt stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncState {
    /// Never queued: sending was off, or the attempt is older.
    KeptHereOnly,
    /// Waiting to be sent; with the last failure, if a try failed.
    Queued(Option<Failure>),
    Sent(Sent),
}

/// An attempt waiting in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub attempt_id: String,
    /// Its own last failure, if the store refused it.
    pub failure: Option<Failure>,
}

/// A queued attempt as read: its statements, and the file's bytes, so that
/// noting it sent leaves alone a file queued again meanwhile.
#[derive(Debug)]
pub struct QueuedRead {
    pub statements: Vec<Value>,
    bytes: Vec<u8>,
}

/// A queued attempt as read, or why it cannot be.
pub type Statements = Result<QueuedRead, String>;

/// Attempt ids are made of digits, letters and dashes (see [`Attempt::new`]);
/// anything else is not a queue file of ours.
fn is_attempt_id(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl SyncQueue {
    pub fn in_data_folder(data: &Path) -> Self {
        Self {
            folder: data.join("sync"),
        }
    }

    fn queued_path(&self, id: &str) -> PathBuf {
        self.folder.join("queue").join(format!("{id}.json"))
    }

    fn failed_path(&self, id: &str) -> PathBuf {
        self.folder.join("queue").join(format!("{id}.failed"))
    }

    fn sent_path(&self, id: &str) -> PathBuf {
        self.folder.join("sent").join(format!("{id}.json"))
    }

    fn problem_path(&self) -> PathBuf {
        self.folder.join("problem.json")
    }

    /// Queues an attempt's statements. An attempt sent before is queued
    /// again only when asked: a store keeps the same statements once, and
    /// refuses changed ones under the same ids.
    pub fn enqueue(
        &self,
        attempt: &Attempt,
        statements: Vec<Value>,
        now: u64,
    ) -> std::io::Result<()> {
        if !is_attempt_id(&attempt.id) {
            return Err(std::io::Error::other(format!(
                "\"{}\" is not an attempt id",
                attempt.id
            )));
        }
        let file = QueuedFile {
            attempt_id: attempt.id.clone(),
            scenario_title: attempt.scenario_title.clone(),
            queued_at: now,
            statements,
        };
        let bytes = serde_json::to_vec(&file).expect("JSON values serialise");
        write_atomically(&self.queued_path(&attempt.id), &bytes)?;
        remove_if_there(&self.failed_path(&attempt.id))?;
        remove_if_there(&self.sent_path(&attempt.id))
    }

    /// The attempts waiting, oldest first.
    pub fn waiting(&self) -> Vec<Waiting> {
        let mut ids = ids_in(&self.folder.join("queue"), "json");
        ids.sort();
        ids.into_iter()
            .map(|attempt_id| Waiting {
                failure: read_json(&self.failed_path(&attempt_id)),
                attempt_id,
            })
            .collect()
    }

    /// A queued attempt's statements. A damaged file is set aside and the
    /// error says where it went.
    pub fn statements(&self, id: &str) -> Statements {
        let path = self.queued_path(id);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("its queue file cannot be read: {e}"))?;
        match serde_json::from_slice::<QueuedFile>(&bytes) {
            Ok(file) => Ok(QueuedRead {
                statements: file.statements,
                bytes,
            }),
            Err(error) => {
                let _ = std::fs::remove_file(self.failed_path(id));
                Err(match set_aside(&path) {
                    Ok(place) => format!(
                        "its queue file was damaged ({error}); it was kept as {}",
                        place.display()
                    ),
                    Err(e) => {
                        format!("its queue file was damaged ({error}) and stays in place ({e})")
                    }
                })
            }
        }
    }

    /// Notes that the store refused one attempt; it stays queued.
    pub fn record_refusal(&self, id: &str, failure: &Failure) -> std::io::Result<()> {
        write_json(&self.failed_path(id), failure)
    }

    /// Notes that an attempt was sent, and takes it out of the queue, unless
    /// it was queued again since it was read (another process did): then it
    /// stays queued for the next round.
    pub fn record_sent(&self, id: &str, sent: &Sent, read: &QueuedRead) -> std::io::Result<()> {
        write_json(&self.sent_path(id), sent)?;
        if std::fs::read(self.queued_path(id)).is_ok_and(|now| now != read.bytes) {
            return Ok(());
        }
        remove_if_there(&self.queued_path(id))?;
        remove_if_there(&self.failed_path(id))
    }

    /// Why the store could not be reached or signed in to, if it last could not.
    pub fn problem(&self) -> Option<Failure> {
        read_json(&self.problem_path())
    }

    /// Notes why the whole queue could not be sent; `None` clears it.
    pub fn record_problem(&self, problem: Option<&Failure>) -> std::io::Result<()> {
        match problem {
            Some(failure) => write_json(&self.problem_path(), failure),
            None => remove_if_there(&self.problem_path()),
        }
    }

    /// Where one attempt stands.
    pub fn state_of(&self, id: &str) -> SyncState {
        if self.queued_path(id).exists() {
            return SyncState::Queued(read_json(&self.failed_path(id)));
        }
        match read_json(&self.sent_path(id)) {
            Some(sent) => SyncState::Sent(sent),
            None => SyncState::KeptHereOnly,
        }
    }

    /// Every attempt the queue knows of, by id: queued or sent.
    pub fn states(&self) -> BTreeMap<String, SyncState> {
        let mut states: BTreeMap<String, SyncState> = BTreeMap::new();
        for id in ids_in(&self.folder.join("sent"), "json") {
            if let Some(sent) = read_json(&self.sent_path(&id)) {
                states.insert(id, SyncState::Sent(sent));
            }
        }
        for waiting in self.waiting() {
            states.insert(waiting.attempt_id, SyncState::Queued(waiting.failure));
        }
        states
    }
}

/// The ids of the files named `ID.extension` in `folder`.
fn ids_in(folder: &Path, extension: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let id = name.strip_suffix(extension)?.strip_suffix('.')?;
            is_attempt_id(id).then(|| id.to_owned())
        })
        .collect()
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    write_atomically(
        path,
        &serde_json::to_vec(value).expect("plain data serialises"),
    )
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
