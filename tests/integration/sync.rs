//! Sending attempts to a real learning record store (Ralph on loopback, started
//! by `.ci/run`; see `scripts/lrs.sh`), as a trainee does: `doorway sync setup`,
//! `doorway play --save`, `doorway sync`. Without a store the tests say they
//! skipped, unless `DOORWAY_REQUIRE_LRS=1`.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use doorway::core::export::ExportSource;
use doorway::core::export::xapi::{self, Actor, XapiOptions, registration_of};
use doorway::core::store::{Attempt, AttemptStore};
use doorway::core::sync::queue::SyncQueue;
use doorway::core::sync::round::RoundEvent;
use doorway::core::sync::worker::{SyncEvent, SyncWorker};

use super::cli::doorway_with_input;
use super::lrs::store::Lrs;

const FIXTURE: &str = "tests/fixtures/two-acts.scenario.ron";
const FIXTURE_FOLDER: &str = "tests/fixtures";
/// The fixture played to its repair ending.
const REPAIR: &str = "choose brush_off\nchoose repair\nchoose ask_more\nchoose book_after_repair\n";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `doorway` from the repository with `input` on its standard input.
fn doorway(args: &[&str], input: &str) -> Output {
    doorway_with_input(args, &repo(), input)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A data folder set up to send to `endpoint` with `secret`, agreed.
fn set_up(data: &Path, endpoint: &str, key: &str, secret: &str) {
    let data_dir = data.to_str().unwrap();
    let output = doorway(
        &[
            "sync",
            "setup",
            "--endpoint",
            endpoint,
            "--key",
            key,
            "--agree",
            "--data-dir",
            data_dir,
        ],
        &format!("{secret}\n"),
    );
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("can read it"),
        "the words agreed to: {}",
        text(&output)
    );
}

fn endpoint(lrs: &Lrs) -> String {
    format!("{}/xAPI/", lrs.url)
}

/// Plays the fixture to its end with `--save`; the attempt's id.
fn play_and_save(data: &Path) -> (Output, String) {
    let output = doorway(
        &[
            "play",
            FIXTURE,
            "--script",
            "-",
            "--save",
            "--data-dir",
            data.to_str().unwrap(),
        ],
        REPAIR,
    );
    let listing = AttemptStore::in_data_folder(data).load();
    let id = listing
        .attempts
        .last()
        .expect("an attempt was saved")
        .id
        .clone();
    (output, id)
}

fn in_store(lrs: &Lrs, attempt_id: &str) -> usize {
    lrs.all_statements(&[
        ("registration", &registration_of(attempt_id)),
        ("limit", "100"),
    ])
    .len()
}

fn status(data: &Path) -> String {
    text(&doorway(
        &["sync", "--status", "--data-dir", data.to_str().unwrap()],
        "",
    ))
}

/// An endpoint on loopback where nothing listens.
fn nobody_there() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    format!("http://127.0.0.1:{port}/xAPI/")
}

#[test]
fn a_played_attempt_reaches_the_store_and_a_resend_stores_nothing_twice() {
    let Some(lrs) = Lrs::from_environment("a_played_attempt_reaches_the_store") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    set_up(data.path(), &endpoint(&lrs), &lrs.user, &lrs.secret);
    let (output, id) = play_and_save(data.path());
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains(&format!("sent {id}")),
        "{}",
        text(&output)
    );
    let stored = in_store(&lrs, &id);
    assert!(stored >= 6, "launched, initialized, 4 answers, …: {stored}");
    assert!(
        status(data.path()).contains(&format!("{id}  sent")),
        "{}",
        status(data.path())
    );

    // Queued and sent again: the store answers, and keeps each statement once.
    let data_dir = data.path().to_str().unwrap();
    let queue = |again: &[&str]| {
        let mut args = vec!["sync", "queue", &id];
        args.extend(again);
        args.extend(["--scenario-folder", FIXTURE_FOLDER, "--data-dir", data_dir]);
        doorway(&args, "")
    };
    let refused = queue(&[]);
    assert_eq!(refused.status.code(), Some(1), "sent once already");
    assert!(
        text(&refused).contains("give --again"),
        "{}",
        text(&refused)
    );
    let queued = queue(&["--again"]);
    assert!(queued.status.success(), "{}", text(&queued));
    let again = doorway(&["sync", "--data-dir", data_dir], "");
    assert!(again.status.success(), "{}", text(&again));
    assert!(text(&again).contains("Sent 1 of 1"), "{}", text(&again));
    assert_eq!(in_store(&lrs, &id), stored);

    // The history says so too.
    let history = doorway(
        &[
            "history",
            "--format",
            "json",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        "",
    );
    let json: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let state = json["scenarios"][0]["attempts"][0]["lrs"]
        .as_str()
        .unwrap_or_default();
    assert!(state.starts_with("sent to 127.0.0.1 on "), "{state}");

    // Nothing about the secret reaches the outputs or the settings.
    for output in [&output, &queued, &again] {
        assert!(!text(output).contains(&lrs.secret));
    }
    let settings = std::fs::read_to_string(data.path().join("sync/settings.ron")).unwrap();
    assert!(!settings.contains(&lrs.secret));
}

#[test]
fn a_store_that_is_down_then_up_loses_nothing() {
    let Some(lrs) = Lrs::from_environment("a_store_that_is_down_then_up_loses_nothing") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    set_up(data.path(), &nobody_there(), &lrs.user, &lrs.secret);
    let (output, id) = play_and_save(data.path());
    assert!(
        output.status.success(),
        "the attempt is saved: {}",
        text(&output)
    );
    assert!(
        text(&output).contains("cannot be reached"),
        "{}",
        text(&output)
    );
    let waiting = status(data.path());
    assert!(waiting.contains(&format!("{id}  queued")), "{waiting}");
    assert!(
        waiting.contains("The last try failed (1 in a row)"),
        "{waiting}"
    );

    set_up(data.path(), &endpoint(&lrs), &lrs.user, &lrs.secret);
    let sent = doorway(&["sync", "--data-dir", data.path().to_str().unwrap()], "");
    assert!(sent.status.success(), "{}", text(&sent));
    assert!(in_store(&lrs, &id) >= 6);
    assert!(!status(data.path()).contains("last try failed"));
}

#[test]
fn a_refused_key_says_so_and_keeps_the_queue() {
    let Some(lrs) = Lrs::from_environment("a_refused_key_says_so_and_keeps_the_queue") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    set_up(data.path(), &endpoint(&lrs), &lrs.user, "not-the-secret");
    let (_, id) = play_and_save(data.path());
    let again = doorway(&["sync", "--data-dir", data.path().to_str().unwrap()], "");
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again).contains("check the key and secret"),
        "{}",
        text(&again)
    );
    assert!(
        text(&again).contains("the queue is kept"),
        "{}",
        text(&again)
    );
    assert!(!text(&again).contains("not-the-secret"));
    assert!(status(data.path()).contains(&format!("{id}  queued")));
    assert_eq!(in_store(&lrs, &id), 0);
    let test = doorway(
        &["sync", "test", "--data-dir", data.path().to_str().unwrap()],
        "",
    );
    assert_eq!(test.status.code(), Some(1));
    assert!(text(&test).contains("HTTP 401"), "{}", text(&test));
    set_up(data.path(), &endpoint(&lrs), &lrs.user, &lrs.secret);
    let test = doorway(
        &["sync", "test", "--data-dir", data.path().to_str().unwrap()],
        "",
    );
    assert!(test.status.success(), "{}", text(&test));
    assert!(
        text(&test).contains("127.0.0.1: the LRS answers and accepts the key and secret."),
        "{}",
        text(&test)
    );
}

/// `count` attempts of the fixture, each with its own id, queued in `data`
/// (as the app leaves them when it is killed before it sends).
fn queue_copies(data: &Path, count: usize) -> Vec<String> {
    let played = tempfile::tempdir().unwrap();
    let (output, _) = play_and_save(played.path());
    assert!(output.status.success());
    let original = AttemptStore::in_data_folder(played.path())
        .load()
        .attempts
        .remove(0);
    let scenario = doorway::core::engine::PlayableScenario::new(
        doorway::core::load::load_file(&repo().join(FIXTURE), Default::default())
            .playable()
            .cloned()
            .expect("the fixture loads"),
    );
    let options = XapiOptions {
        actor: Actor::anonymous("doorway-test-class", xapi::DEFAULT_BASE_IRI),
        base_iri: xapi::DEFAULT_BASE_IRI.to_owned(),
    };
    let queue = SyncQueue::in_data_folder(data);
    let run = std::process::id();
    (0..count)
        .map(|n| {
            let attempt = Attempt {
                id: format!("{:010}-{run:08x}{n:06}", original.saved_at),
                ..original.clone()
            };
            let statements = xapi::statements(
                ExportSource {
                    attempt: &attempt,
                    scenario: &scenario,
                },
                &options,
            );
            queue.enqueue(&attempt, statements, 1).unwrap();
            attempt.id
        })
        .collect()
}

#[test]
fn attempts_queued_by_a_killed_app_are_sent_when_the_worker_starts() {
    let Some(lrs) = Lrs::from_environment("attempts_queued_by_a_killed_app") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    set_up(data.path(), &endpoint(&lrs), &lrs.user, &lrs.secret);
    let ids = queue_copies(data.path(), 3);
    let worker = SyncWorker::start(data.path().to_owned(), None).unwrap();
    let started = Instant::now();
    let mut sent = Vec::new();
    while sent.len() < ids.len() && started.elapsed() < Duration::from_secs(60) {
        for event in worker.events() {
            match event {
                SyncEvent::Attempt(RoundEvent::Sent { attempt_id, .. }) => sent.push(attempt_id),
                SyncEvent::Attempt(RoundEvent::NotSent { reason, .. }) => panic!("{reason}"),
                _ => {}
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(sent, ids);
    for id in &ids {
        assert!(in_store(&lrs, id) >= 6);
    }
}

#[test]
fn a_thousand_queued_attempts_drain() {
    let Some(lrs) = Lrs::from_environment("a_thousand_queued_attempts_drain") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    set_up(data.path(), &endpoint(&lrs), &lrs.user, &lrs.secret);
    let ids = queue_copies(data.path(), 1000);
    let started = Instant::now();
    let output = doorway(&["sync", "--data-dir", data.path().to_str().unwrap()], "");
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("Sent 1000 of 1000; 0 still queued."),
        "{}",
        text(&output)
    );
    eprintln!(
        "1,000 attempts sent in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for id in [&ids[0], &ids[499], &ids[999]] {
        assert!(in_store(&lrs, id) >= 6, "{id}");
    }
    assert!(status(data.path()).contains("0 queued, 1000 sent."));
}
