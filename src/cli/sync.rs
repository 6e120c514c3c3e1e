//! `doorway sync`: attempts to the learning record store. Set it up (with the
//! trainee's consent), test it, send what is queued, queue older attempts,
//! see where each stands, and stop.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::export::find_scenario;
use crate::core::clock::format_unix_utc;
use crate::core::clock::unix_now;
use crate::core::files::data_folder;
use crate::core::lrs::client::{Client, Posted};
use crate::core::lrs::endpoint::endpoint_problem;
use crate::core::lrs::secret::Secret;
use crate::core::preferences::{default_preferences_path, load_preferences};
use crate::core::store::{AttemptStore, find_attempt};
use crate::core::sync::queue::{SyncQueue, SyncState};
use crate::core::sync::queue_attempt;
use crate::core::sync::round::{Due, RoundEvent, send_round};
use crate::core::sync::settings::{Consent, SyncConfig, consent_text, save_secret, save_settings};
use crate::core::wording::sync_state_in_words;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub action: Option<SyncAction>,
    /// List the queued, failed and sent attempts instead of sending.
    #[arg(long)]
    pub status: bool,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

#[derive(Debug, Subcommand)]
pub enum SyncAction {
    /// Set the LRS: its xAPI address and key; the secret is read from standard
    /// input (one line), so it never appears in the list of processes.
    Setup {
        /// The xAPI endpoint, such as https://lrs.example.org/xapi/.
        #[arg(long, value_name = "URL")]
        endpoint: String,
        /// The LRS key (the user name of its Basic sign-in).
        #[arg(long, value_name = "KEY")]
        key: String,
        /// Agree without being asked (the words agreed to are printed). Without
        /// it, the agreement is asked for on the terminal.
        #[arg(long)]
        agree: bool,
        #[command(flatten)]
        data: super::DataDirArg,
    },
    /// Test the LRS: ask for its xAPI version, and for one statement signed in
    /// with the key and secret.
    Test {
        #[command(flatten)]
        data: super::DataDirArg,
    },
    /// Queue attempts saved on this computer (ids, or their starts, or `latest`).
    Queue {
        #[arg(required = true)]
        attempts: Vec<String>,
        /// Also an attempt already sent: the LRS keeps the same statements
        /// once, and refuses changed ones (a new export email, say).
        #[arg(long)]
        again: bool,
        /// Also look for the scenarios in this folder (may be repeated).
        #[arg(long = "scenario-folder", value_name = "DIR")]
        scenario_folders: Vec<PathBuf>,
        #[command(flatten)]
        data: super::DataDirArg,
    },
    /// Stop sending: withdraw the agreement and forget the secret. Queued
    /// attempts stay queued until sending is set up again.
    Stop {
        #[command(flatten)]
        data: super::DataDirArg,
    },
}

/// Runs the command; false on any problem.
pub(super) fn run(args: &SyncArgs) -> bool {
    let data_dir = match &args.action {
        None => &args.data,
        Some(
            SyncAction::Setup { data, .. }
            | SyncAction::Test { data }
            | SyncAction::Queue { data, .. }
            | SyncAction::Stop { data },
        ) => data,
    };
    let Some(data) = data_folder(data_dir.data_dir.clone()) else {
        eprintln!("error: no data folder could be found; give one with --data-dir");
        return false;
    };
    let result = match &args.action {
        None if args.status => {
            print!("{}", status(&data));
            Ok(())
        }
        None => send_now(&data),
        Some(SyncAction::Setup {
            endpoint,
            key,
            agree,
            ..
        }) => setup(&data, endpoint, key, *agree),
        Some(SyncAction::Test { .. }) => test(&data),
        Some(SyncAction::Queue {
            attempts,
            again,
            scenario_folders,
            ..
        }) => queue(&data, attempts, *again, scenario_folders),
        Some(SyncAction::Stop { .. }) => stop(&data),
    };
    match result {
        Ok(()) => true,
        Err(message) => {
            eprintln!("error: {message}");
            false
        }
    }
}

fn setup(data: &Path, endpoint: &str, key: &str, agree: bool) -> Result<(), String> {
    let endpoint = endpoint.trim();
    if let Some(problem) = endpoint_problem(endpoint) {
        return Err(problem.to_string());
    }
    if key.trim().is_empty() {
        return Err("the key is empty".to_owned());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Paste the LRS secret and press Enter: ");
    }
    let mut secret = String::new();
    stdin
        .lock()
        .read_line(&mut secret)
        .map_err(|e| format!("the secret could not be read: {e}"))?;
    let secret = Secret::new(secret.trim_end_matches(['\n', '\r']));
    if secret.is_empty() {
        return Err("no secret was given on standard input".to_owned());
    }
    println!("{}\n", consent_text(endpoint));
    if !agree && !ask_agreement()? {
        return Err("sending was not set up: it was not agreed to".to_owned());
    }
    let mut settings = SyncConfig::load(data).config.settings;
    settings.endpoint = endpoint.to_owned();
    settings.key = key.trim().to_owned();
    settings.consent = Some(Consent {
        endpoint: endpoint.to_owned(),
        given_at: unix_now(),
    });
    save_secret(data, &secret).map_err(|e| format!("the secret could not be kept: {e}"))?;
    save_settings(data, &settings).map_err(|e| format!("the settings could not be kept: {e}"))?;
    // A fixed address or key is tried at once, not after the last failure's wait.
    let _ = SyncQueue::in_data_folder(data).record_problem(None);
    println!("Agreed. Finished and left attempts will be sent to {endpoint}.");
    Ok(())
}

/// Asks on the terminal; a reader that is not a terminal cannot agree.
fn ask_agreement() -> Result<bool, String> {
    if !std::io::stdin().is_terminal() {
        return Err(
            "agreeing needs a terminal; to agree in a script, give --agree after reading the words above"
                .to_owned(),
        );
    }
    print!("Type \"yes\" to agree: ");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    Ok(answer.trim().eq_ignore_ascii_case("yes"))
}

fn client(data: &Path) -> Result<Client, String> {
    let loaded = SyncConfig::load(data);
    if let Some(notice) = loaded.notice {
        eprintln!("warning: {notice}");
    }
    let (endpoint, credentials) = loaded
        .config
        .ready()
        .map_err(|why| format!("{why}; set it up with `doorway sync setup`"))?;
    Client::new(&endpoint, credentials).map_err(|e| e.to_string())
}

fn test(data: &Path) -> Result<(), String> {
    let client = client(data)?;
    let connection = client.check_connection().map_err(|e| e.to_string())?;
    println!("{}: {connection}.", client.host());
    Ok(())
}

/// Sends every queued attempt now, printing each.
fn send_now(data: &Path) -> Result<(), String> {
    let queue = SyncQueue::in_data_folder(data);
    let waiting = queue.waiting().len();
    if waiting == 0 {
        println!("Nothing is queued.");
        return Ok(());
    }
    let client = client(data)?;
    let mut sent = 0;
    let mut not_sent = 0;
    let end = send_round(
        &queue,
        &client,
        &unix_now,
        Due::Now,
        &mut |event| match event {
            RoundEvent::Sent { attempt_id, posted } => {
                sent += 1;
                match posted {
                    Posted::Stored => println!("sent {attempt_id}"),
                    Posted::AlreadyHeld => {
                        println!("sent {attempt_id} (the LRS already held it)")
                    }
                }
            }
            RoundEvent::NotSent { attempt_id, reason } => {
                not_sent += 1;
                eprintln!("not sent {attempt_id}: {reason}");
            }
        },
        &|| true,
    );
    let left = queue.waiting().len();
    println!("Sent {sent} of {waiting}; {left} still queued.");
    match end.problem {
        Some(problem) => Err(format!("{}; the queue is kept", problem.reason)),
        None if not_sent > 0 => Err(format!("{not_sent} attempts were not sent")),
        None => Ok(()),
    }
}

fn queue(data: &Path, queries: &[String], again: bool, folders: &[PathBuf]) -> Result<(), String> {
    let listing = AttemptStore::in_data_folder(data).load();
    let states = SyncQueue::in_data_folder(data).states();
    let identity = load_preferences(&default_preferences_path(data))
        .preferences
        .export_identity;
    for query in queries {
        let attempt = find_attempt(&listing.attempts, query).map_err(|e| e.to_string())?;
        if let Some(SyncState::Sent(sent)) = states.get(&attempt.id)
            && !again
        {
            return Err(format!(
                "attempt {} was sent on {}; give --again to send it again",
                attempt.id,
                format_unix_utc(sent.sent_at)
            ));
        }
        let transcript = &attempt.transcript;
        let scenario = find_scenario(&transcript.scenario_id, &transcript.content_hash, folders)
            .ok_or_else(|| {
                format!(
                    "the scenario \"{}\" of attempt {} was not found; give its folder with --scenario-folder",
                    transcript.scenario_id, attempt.id
                )
            })?;
        if !queue_attempt(data, attempt, &scenario, &identity)? {
            return Err(
                "sending is not agreed to; set it up with `doorway sync setup` first".to_owned(),
            );
        }
        println!("queued {}", attempt.id);
    }
    println!("Run `doorway sync` to send them now.");
    Ok(())
}

fn stop(data: &Path) -> Result<(), String> {
    let mut settings = SyncConfig::load(data).config.settings;
    settings.consent = None;
    save_settings(data, &settings).map_err(|e| format!("the settings could not be kept: {e}"))?;
    save_secret(data, &Secret::default())
        .map_err(|e| format!("the secret could not be removed: {e}"))?;
    println!("Sending is stopped and the secret forgotten. What was sent stays in the LRS.");
    Ok(())
}

/// The queue, what failed and what was sent, as text.
fn status(data: &Path) -> String {
    let loaded = SyncConfig::load(data);
    let queue = SyncQueue::in_data_folder(data);
    let mut text = String::new();
    let settings = &loaded.config.settings;
    text.push_str(&match loaded.config.ready() {
        Ok((endpoint, _)) => format!("Sending to {endpoint}, as agreed.\n"),
        Err(why) => format!("Not sending: {why}.\n"),
    });
    if let Some(consent) = &settings.consent {
        text.push_str(&format!(
            "Agreed on {} for {}.\n",
            format_unix_utc(consent.given_at),
            consent.endpoint
        ));
    }
    if let Some(problem) = queue.problem() {
        text.push_str(&format!(
            "The last try failed ({} in a row): {}. Next try after {}.\n",
            problem.tries,
            problem.reason,
            format_unix_utc(problem.next_try)
        ));
    }
    let states = queue.states();
    let (mut queued, mut sent) = (0, 0);
    for (id, state) in &states {
        match state {
            SyncState::Queued(_) => queued += 1,
            SyncState::Sent(_) => sent += 1,
            SyncState::KeptHereOnly => continue,
        }
        text.push_str(&format!("  {id}  {}\n", sync_state_in_words(state)));
    }
    text.push_str(&format!("{queued} queued, {sent} sent.\n"));
    text
}

/// After `play --save`: queues the attempt when sending is agreed to, and
/// sends the queue at once, saying how it went.
pub(super) fn send_after_play(
    data: &Path,
    attempt: &crate::core::store::Attempt,
    scenario: &crate::core::engine::PlayableScenario,
) {
    let identity = load_preferences(&default_preferences_path(data))
        .preferences
        .export_identity;
    match queue_attempt(data, attempt, scenario, &identity) {
        Ok(false) => {}
        Ok(true) => {
            if let Err(message) = send_now(data) {
                eprintln!("note: not sent to the LRS yet: {message}; `doorway sync` tries again");
            }
        }
        Err(message) => eprintln!("warning: {message}"),
    }
}
