//! The background worker: a thread that sends the queue whenever something is
//! due, so the app never waits on the network. The app wakes it when it queues
//! an attempt or the settings change, asks it to test a connection, and reads
//! what happened as [`SyncEvent`]s.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::queue::SyncQueue;
use super::round::{Due, RoundEvent, send_round};
use super::settings::SyncConfig;
use crate::core::clock::unix_now;
use crate::core::lrs::client::{Client, Credentials};

/// What the worker is asked to do.
#[derive(Debug)]
enum Command {
    /// Look at the settings and the queue again.
    Wake,
    /// Test this store with these credentials.
    Test {
        endpoint: String,
        credentials: Credentials,
    },
}

/// What the worker did, for the app to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// One attempt's fate in a round.
    Attempt(RoundEvent),
    /// A round ended, with the problem that stopped it.
    RoundOver { problem: Option<String> },
    /// A connection test's answer: what it found, or why it failed.
    Tested(Result<String, String>),
}

/// Called when the worker has news the app should show at once (a round
/// ended, a test answered): the app wakes its window with it.
pub type Waker = Box<dyn Fn() + Send>;

/// The worker's side of the events, with the waker.
struct Outbox {
    events: Sender<SyncEvent>,
    waker: Option<Waker>,
}

impl Outbox {
    fn send(&self, event: SyncEvent) {
        let wake = !matches!(event, SyncEvent::Attempt(_));
        let _ = self.events.send(event);
        if wake && let Some(waker) = &self.waker {
            waker();
        }
    }
}

/// The running worker. Dropping it stops the thread after its current request.
#[derive(Debug)]
pub struct SyncWorker {
    commands: Sender<Command>,
    events: Mutex<Receiver<SyncEvent>>,
    stopping: Arc<AtomicBool>,
}

impl SyncWorker {
    /// Starts the worker for the data folder `data`; it sends what is due at
    /// once, and calls `waker` when a round ends or a test answers.
    pub fn start(data: PathBuf, waker: Option<Waker>) -> std::io::Result<Self> {
        let (commands, inbox) = mpsc::channel();
        let (sender, events) = mpsc::channel();
        let outbox = Outbox {
            events: sender,
            waker,
        };
        let stopping = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopping);
        std::thread::Builder::new()
            .name("doorway-sync".to_owned())
            .spawn(move || run(&data, &inbox, &outbox, &flag))?;
        Ok(Self {
            commands,
            events: Mutex::new(events),
            stopping,
        })
    }

    /// Sends what is due now: an attempt was queued or the settings changed.
    pub fn wake(&self) {
        let _ = self.commands.send(Command::Wake);
    }

    /// Tests a connection; the answer comes as [`SyncEvent::Tested`].
    pub fn test_connection(&self, endpoint: String, credentials: Credentials) {
        let _ = self.commands.send(Command::Test {
            endpoint,
            credentials,
        });
    }

    /// What happened since the last call.
    pub fn events(&self) -> Vec<SyncEvent> {
        self.events
            .lock()
            .map(|events| events.try_iter().collect())
            .unwrap_or_default()
    }
}

impl Drop for SyncWorker {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::Relaxed);
    }
}

fn run(data: &std::path::Path, inbox: &Receiver<Command>, outbox: &Outbox, stopping: &AtomicBool) {
    let queue = SyncQueue::in_data_folder(data);
    // Between attempts: not stopped, and still agreed to (Stop sending, or a
    // new address, ends a round under way).
    let go_on =
        || !stopping.load(Ordering::Relaxed) && SyncConfig::load(data).config.ready().is_ok();
    while !stopping.load(Ordering::Relaxed) {
        let next_due = send_due(data, &queue, outbox, &go_on);
        let command = match next_due {
            Some(time) => {
                let wait = Duration::from_secs(time.saturating_sub(unix_now()).max(1));
                inbox.recv_timeout(wait)
            }
            None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match command {
            Ok(Command::Wake) | Err(RecvTimeoutError::Timeout) => {}
            Ok(Command::Test {
                endpoint,
                credentials,
            }) => {
                let answer = Client::new(&endpoint, credentials)
                    .and_then(|client| client.check_connection())
                    .map(|connection| connection.to_string())
                    .map_err(|e| e.to_string());
                outbox.send(SyncEvent::Tested(answer));
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
}

/// One round, if sending is set up; when the next one is due.
fn send_due(
    data: &std::path::Path,
    queue: &SyncQueue,
    outbox: &Outbox,
    go_on: &dyn Fn() -> bool,
) -> Option<u64> {
    let config = SyncConfig::load(data).config;
    let (endpoint, credentials) = config.ready().ok()?;
    if queue.waiting().is_empty() {
        return None;
    }
    let client = match Client::new(&endpoint, credentials) {
        Ok(client) => client,
        Err(error) => {
            outbox.send(SyncEvent::RoundOver {
                problem: Some(error.to_string()),
            });
            return None;
        }
    };
    let end = send_round(
        queue,
        &client,
        &unix_now,
        Due::WhenDue,
        &mut |event| {
            outbox.send(SyncEvent::Attempt(event));
        },
        go_on,
    );
    outbox.send(SyncEvent::RoundOver {
        problem: end.problem.map(|p| p.reason),
    });
    end.next_due
}
