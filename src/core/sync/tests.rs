use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use super::queue::{SyncQueue, SyncState};
use super::queue_attempt;
use super::round::{Due, RoundEvent, retry_delay, send_round};
use super::settings::{Consent, NotReady, SyncConfig, SyncSettings, save_secret, save_settings};
use super::worker::{SyncEvent, SyncWorker};
use crate::core::export::tests::fixed_attempt;
use crate::core::lrs::client::{Client, Credentials};
use crate::core::lrs::secret::Secret;
use crate::core::lrs::test_server::{Reply, TestServer};
use crate::core::preferences::ExportIdentity;
use crate::core::store::Attempt;

const SECRET: &str = "queue-secret-never-shown";

/// A store that keeps what it is sent and answers as a real one does.
fn accepting_store() -> TestServer {
    TestServer::start(|request| {
        if request.target.ends_with("/about") {
            return Reply::Status(200, r#"{"version":["1.0.3"]}"#.into());
        }
        if request.method == "GET" {
            return Reply::Status(200, r#"{"statements":[]}"#.into());
        }
        let sent: Vec<serde_json::Value> = serde_json::from_slice(&request.body).unwrap();
        let ids: Vec<_> = sent.iter().map(|s| s["id"].clone()).collect();
        Reply::Status(200, serde_json::to_string(&ids).unwrap())
    })
}

fn client(server: &TestServer) -> Client {
    Client::new(
        &format!("{}/xAPI/", server.url),
        Credentials {
            key: "k".into(),
            secret: Secret::new(SECRET),
        },
    )
    .unwrap()
}

/// An attempt with this id, its statements tagged with it.
fn attempt(id: &str) -> (Attempt, Vec<serde_json::Value>) {
    let (_, mut attempt) = fixed_attempt();
    attempt.id = id.to_owned();
    let statements = vec![
        json!({"id": format!("{id}-1")}),
        json!({"id": format!("{id}-2")}),
    ];
    (attempt, statements)
}

fn queue_with(ids: &[&str]) -> (tempfile::TempDir, SyncQueue) {
    let data = tempfile::tempdir().unwrap();
    let queue = SyncQueue::in_data_folder(data.path());
    for id in ids {
        let (attempt, statements) = attempt(id);
        queue.enqueue(&attempt, statements, 1_000).unwrap();
    }
    (data, queue)
}

fn round(
    queue: &SyncQueue,
    client: &Client,
    now: u64,
    due: Due,
) -> (Vec<RoundEvent>, super::round::RoundEnd) {
    let mut events = Vec::new();
    let end = send_round(
        queue,
        client,
        &|| now,
        due,
        &mut |e| events.push(e),
        &|| true,
    );
    (events, end)
}

#[test]
fn the_wait_between_tries_doubles_up_to_a_quarter_hour() {
    let waits: Vec<u64> = (1..=8).map(retry_delay).collect();
    assert_eq!(waits, [15, 30, 60, 120, 240, 480, 900, 900]);
    assert_eq!(retry_delay(u32::MAX), 900);
}

#[test]
fn a_round_sends_each_attempt_in_one_post_and_notes_it_sent() {
    let server = accepting_store();
    let (_data, queue) = queue_with(&["0000000002-bbbb", "0000000001-aaaa"]);
    let (events, end) = round(&queue, &client(&server), 2_000, Due::WhenDue);
    assert_eq!(end.problem, None);
    assert_eq!(end.next_due, None);
    let sent: Vec<_> = events
        .iter()
        .map(|e| match e {
            RoundEvent::Sent { attempt_id, .. } => attempt_id.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(sent, ["0000000001-aaaa", "0000000002-bbbb"], "oldest first");
    assert_eq!(server.requests().len(), 2);
    assert!(queue.waiting().is_empty());
    match &queue.states()["0000000001-aaaa"] {
        SyncState::Sent(sent) => {
            assert_eq!((sent.sent_at, sent.statements), (2_000, 2));
            assert_eq!(sent.host, "127.0.0.1");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_key_stops_the_round_and_keeps_every_attempt_queued() {
    let server = TestServer::start(|_| Reply::Status(401, "{}".into()));
    let (_data, queue) = queue_with(&["0000000001-aaaa", "0000000002-bbbb"]);
    let (events, end) = round(&queue, &client(&server), 5_000, Due::WhenDue);
    assert_eq!(server.requests().len(), 1, "one try tells it for all");
    assert_eq!(events.len(), 1);
    let problem = end.problem.expect("a problem");
    assert!(
        problem.reason.contains("check the key"),
        "{}",
        problem.reason
    );
    assert_eq!((problem.tries, problem.next_try), (1, 5_015));
    assert_eq!(queue.problem(), Some(problem.clone()));
    assert_eq!(queue.waiting().len(), 2);

    // Before the wait is over, the worker's round does not try.
    let (events, end) = round(&queue, &client(&server), 5_010, Due::WhenDue);
    assert!(events.is_empty());
    assert_eq!(end.next_due, Some(5_015));
    assert_eq!(server.requests().len(), 1);

    // After it, it tries again and waits twice as long.
    let (_, end) = round(&queue, &client(&server), 5_020, Due::WhenDue);
    assert_eq!(end.problem.map(|p| (p.tries, p.next_try)), Some((2, 5_050)));

    // `doorway sync` tries now, whatever the wait.
    let (_, end) = round(&queue, &client(&server), 5_021, Due::Now);
    assert_eq!(end.problem.map(|p| p.tries), Some(3));
}

#[test]
fn a_store_back_up_gets_everything_and_the_problem_is_cleared() {
    let (_data, queue) = queue_with(&["0000000001-aaaa", "0000000002-bbbb"]);
    let closed = TestServer::start(|_| Reply::Status(503, r#"{"detail":"down"}"#.into()));
    let (_, end) = round(&queue, &client(&closed), 100, Due::WhenDue);
    assert!(end.problem.unwrap().reason.contains("HTTP 503"));
    let up = accepting_store();
    let (events, end) = round(&queue, &client(&up), 200, Due::WhenDue);
    assert_eq!((events.len(), end.problem), (2, None));
    assert_eq!(queue.problem(), None);
    assert!(queue.waiting().is_empty());
}

#[test]
fn an_attempt_the_store_refuses_waits_alone_while_the_others_go() {
    let server = TestServer::start(|request| {
        let body = String::from_utf8_lossy(&request.body);
        if body.contains("0000000001-aaaa") {
            Reply::Status(400, r#"{"detail":"bad statement"}"#.into())
        } else {
            Reply::Status(200, r#"["0000000002-bbbb-1","0000000002-bbbb-2"]"#.into())
        }
    });
    let (_data, queue) = queue_with(&["0000000001-aaaa", "0000000002-bbbb"]);
    let (events, end) = round(&queue, &client(&server), 1_000, Due::WhenDue);
    assert_eq!(events.len(), 2);
    assert_eq!(end.problem, None);
    assert_eq!(end.next_due, Some(1_015));
    let states = queue.states();
    match &states["0000000001-aaaa"] {
        SyncState::Queued(Some(failure)) => {
            assert!(
                failure.reason.contains("bad statement"),
                "{}",
                failure.reason
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(states["0000000002-bbbb"], SyncState::Sent(_)));
}

#[test]
fn a_damaged_queue_file_is_set_aside_and_reported() {
    let (data, queue) = queue_with(&["0000000001-aaaa"]);
    let path = data.path().join("sync/queue/0000000001-aaaa.json");
    std::fs::write(&path, "{ not json").unwrap();
    let server = accepting_store();
    let (events, _) = round(&queue, &client(&server), 10, Due::WhenDue);
    match events.as_slice() {
        [RoundEvent::NotSent { reason, .. }] => assert!(reason.contains("damaged"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(!path.exists());
    let kept: Vec<_> = std::fs::read_dir(data.path().join("sync/queue"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    assert!(
        kept.iter()
            .any(|n| n.starts_with("0000000001-aaaa.json.damaged")),
        "{kept:?}"
    );
    assert!(server.requests().is_empty());
}

#[test]
fn queue_files_are_written_owner_only_and_ids_cannot_leave_the_folder() {
    let (data, queue) = queue_with(&["0000000001-aaaa"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.path().join("sync/queue/0000000001-aaaa.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (mut bad, statements) = attempt("x");
    bad.id = "../../escape".to_owned();
    assert!(queue.enqueue(&bad, statements, 1).is_err());
}

fn agreed_settings(endpoint: &str) -> SyncSettings {
    SyncSettings {
        endpoint: endpoint.to_owned(),
        key: "trainee".to_owned(),
        consent: Some(Consent {
            endpoint: endpoint.to_owned(),
            given_at: 1,
        }),
    }
}

#[test]
fn sending_needs_an_address_consent_for_it_a_key_and_a_secret() {
    let data = tempfile::tempdir().unwrap();
    let ready = || SyncConfig::load(data.path()).config.ready().map(|_| ());
    assert_eq!(ready(), Err(NotReady::NoEndpoint));
    let mut settings = agreed_settings("https://lrs.example.org/xapi/");
    settings.consent = None;
    save_settings(data.path(), &settings).unwrap();
    assert_eq!(ready(), Err(NotReady::NoConsent));
    save_settings(
        data.path(),
        &agreed_settings("https://lrs.example.org/xapi/"),
    )
    .unwrap();
    assert_eq!(ready(), Err(NotReady::NoSecret));
    save_secret(data.path(), &Secret::new(SECRET)).unwrap();
    assert_eq!(ready(), Ok(()));

    // Consent is for one address: another one needs it again.
    let mut moved = agreed_settings("https://lrs.example.org/xapi/");
    moved.endpoint = "https://other.example.org/xapi/".to_owned();
    save_settings(data.path(), &moved).unwrap();
    assert_eq!(ready(), Err(NotReady::NoConsent));

    save_settings(
        data.path(),
        &agreed_settings("http://lrs.example.org/xapi/"),
    )
    .unwrap();
    assert!(matches!(ready(), Err(NotReady::Endpoint(_))));
}

#[test]
fn the_secret_lives_alone_owner_only_and_never_shows() {
    let data = tempfile::tempdir().unwrap();
    save_settings(
        data.path(),
        &agreed_settings("https://lrs.example.org/xapi/"),
    )
    .unwrap();
    save_secret(data.path(), &Secret::new(SECRET)).unwrap();
    let settings_text = std::fs::read_to_string(data.path().join("sync/settings.ron")).unwrap();
    assert!(!settings_text.contains(SECRET));
    let secret_file = data.path().join("sync/secret");
    assert_eq!(std::fs::read_to_string(&secret_file).unwrap(), SECRET);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let loaded = SyncConfig::load(data.path());
        let mode = std::fs::metadata(&secret_file)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "made owner-only again");
        assert!(!format!("{loaded:?}").contains(SECRET));
    }
    save_secret(data.path(), &Secret::default()).unwrap();
    assert!(!secret_file.exists());
}

#[test]
fn damaged_settings_are_set_aside_and_reported() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("sync")).unwrap();
    std::fs::write(data.path().join("sync/settings.ron"), "(endpoint: ").unwrap();
    let loaded = SyncConfig::load(data.path());
    assert_eq!(loaded.config.settings, SyncSettings::default());
    let notice = loaded.notice.expect("a notice");
    assert!(
        notice.contains("damaged") && notice.contains("kept as"),
        "{notice}"
    );
    assert!(!data.path().join("sync/settings.ron").exists());
}

#[test]
fn attempts_are_queued_only_once_the_trainee_agreed() {
    let data = tempfile::tempdir().unwrap();
    let (scenario, attempt) = fixed_attempt();
    let identity = ExportIdentity::default();
    assert_eq!(
        queue_attempt(data.path(), &attempt, &scenario, &identity),
        Ok(false)
    );
    let queue = SyncQueue::in_data_folder(data.path());
    assert!(queue.waiting().is_empty());
    save_settings(
        data.path(),
        &agreed_settings("https://lrs.example.org/xapi/"),
    )
    .unwrap();
    assert_eq!(
        queue_attempt(data.path(), &attempt, &scenario, &identity),
        Ok(true)
    );
    let statements = queue.statements(&attempt.id).unwrap().statements;
    assert!(
        statements.len() > 4,
        "launched … terminated: {}",
        statements.len()
    );
    assert!(
        statements
            .iter()
            .all(|s| s["actor"]["account"]["name"].is_string())
    );
}

#[test]
fn the_worker_sends_what_was_queued_before_it_started() {
    let server = accepting_store();
    let endpoint = format!("{}/xAPI/", server.url);
    let (data, queue) = queue_with(&["0000000001-aaaa", "0000000002-bbbb"]);
    save_settings(data.path(), &agreed_settings(&endpoint)).unwrap();
    save_secret(data.path(), &Secret::new(SECRET)).unwrap();
    let worker = SyncWorker::start(data.path().to_owned(), None).unwrap();
    let events = wait_for(&worker, |events| {
        events
            .iter()
            .any(|e| matches!(e, SyncEvent::RoundOver { .. }))
    });
    let sent = events
        .iter()
        .filter(|e| matches!(e, SyncEvent::Attempt(RoundEvent::Sent { .. })))
        .count();
    assert_eq!(sent, 2);
    assert!(queue.waiting().is_empty());

    // A newly queued attempt goes when the worker is woken.
    let (attempt, statements) = attempt("0000000003-cccc");
    queue.enqueue(&attempt, statements, 3).unwrap();
    worker.wake();
    wait_for(&worker, |events| {
        events
            .iter()
            .any(|e| matches!(e, SyncEvent::Attempt(RoundEvent::Sent { attempt_id, .. }) if attempt_id == "0000000003-cccc"))
    });
    assert_eq!(server.requests().len(), 3);

    worker.test_connection(
        endpoint,
        Credentials {
            key: "k".into(),
            secret: Secret::new(SECRET),
        },
    );
    let events = wait_for(&worker, |events| {
        events.iter().any(|e| matches!(e, SyncEvent::Tested(_)))
    });
    assert!(events.contains(&SyncEvent::Tested(Ok(
        "the LRS answers and accepts the key and secret; it speaks xAPI 1.0.3".to_owned()
    ))));
}

#[test]
fn a_worker_without_consent_sends_nothing() {
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    let server = TestServer::start(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
        Reply::Status(200, "[]".into())
    });
    let (data, _queue) = queue_with(&["0000000001-aaaa"]);
    let mut settings = agreed_settings(&format!("{}/xAPI/", server.url));
    settings.consent = None;
    save_settings(data.path(), &settings).unwrap();
    save_secret(data.path(), &Secret::new(SECRET)).unwrap();
    let worker = SyncWorker::start(data.path().to_owned(), None).unwrap();
    worker.wake();
    std::thread::sleep(Duration::from_millis(300));
    assert!(worker.events().is_empty());
    assert_eq!(hits.load(Ordering::SeqCst), 0);
}

/// The worker's events until `done` holds for those seen so far (10 s at most).
fn wait_for(worker: &SyncWorker, done: impl Fn(&[SyncEvent]) -> bool) -> Vec<SyncEvent> {
    let started = Instant::now();
    let mut seen = Vec::new();
    while started.elapsed() < Duration::from_secs(10) {
        seen.extend(worker.events());
        if done(&seen) {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the worker did not get there: {seen:?}");
}

#[test]
fn an_attempt_the_store_holds_otherwise_is_not_tried_again_by_itself() {
    let server =
        TestServer::start(|_| Reply::Status(409, r#"{"detail":"Differing statements"}"#.into()));
    let (_data, queue) = queue_with(&["0000000001-aaaa"]);
    let (_, end) = round(&queue, &client(&server), 100, Due::WhenDue);
    assert_eq!(end.next_due, None, "no wait ends it");
    let (events, _) = round(&queue, &client(&server), 1_000_000, Due::WhenDue);
    assert!(events.is_empty());
    assert_eq!(server.requests().len(), 1);
    let (events, _) = round(&queue, &client(&server), 1_000_001, Due::Now);
    assert_eq!(events.len(), 1, "doorway sync tries it");
}

#[test]
fn a_wrong_path_or_a_busy_store_stops_the_round() {
    for status in [404, 429] {
        let server = TestServer::start(move |_| Reply::Status(status, "{}".into()));
        let (_data, queue) = queue_with(&["0000000001-aaaa", "0000000002-bbbb"]);
        let (_, end) = round(&queue, &client(&server), 100, Due::WhenDue);
        assert!(end.problem.is_some(), "{status}");
        assert_eq!(
            server.requests().len(),
            1,
            "{status}: one request tells it for all"
        );
    }
}

#[test]
fn an_attempt_queued_again_while_it_was_sent_stays_queued() {
    let (_data, queue) = queue_with(&["0000000001-aaaa"]);
    let read = queue.statements("0000000001-aaaa").unwrap();
    let (mut attempt, _) = attempt("0000000001-aaaa");
    attempt.scenario_title = "Changed meanwhile".to_owned();
    queue
        .enqueue(&attempt, vec![json!({"id": "new"})], 2)
        .unwrap();
    let sent = super::queue::Sent {
        sent_at: 3,
        statements: 2,
        host: "127.0.0.1".to_owned(),
    };
    queue.record_sent("0000000001-aaaa", &sent, &read).unwrap();
    assert_eq!(queue.state_of("0000000001-aaaa"), SyncState::Queued(None));
    assert_eq!(
        queue.statements("0000000001-aaaa").unwrap().statements,
        [json!({"id": "new"})]
    );
}
