//! Sending from the app: the settings form saved with consent, an attempt
//! queued when the trainee leaves its end screen or leaves play, and the
//! background sender's result in each attempt's state. The store is Ralph on
//! loopback (`.ci/run` starts it); the tests that need it say they skipped
//! without it, unless `DOORWAY_REQUIRE_LRS=1`.

use doorway::app::{Action, AppState, CurrentAttempt, Sending, SyncForm, SyncRequest};
use doorway::core::export::xapi::registration_of;
use doorway::core::sync::queue::SyncState;

use super::{Harness, finish_with};
use crate::lrs::store::Lrs;

/// Fills in the settings form and saves it.
fn send_to(harness: &mut Harness, endpoint: &str, key: &str, secret: &str, agreed: bool) {
    harness.app.world_mut().resource_mut::<Sending>().form = SyncForm {
        endpoint: endpoint.to_owned(),
        key: key.to_owned(),
        secret: secret.to_owned(),
        agreed,
    };
    harness.app.world_mut().write_message(SyncRequest::Save);
    harness.update(2);
}

fn state_of(harness: &Harness, id: &str) -> SyncState {
    harness
        .app
        .world()
        .resource::<Sending>()
        .state_of(id)
        .clone()
}

/// The id of the attempt on the end screen.
fn current_attempt(harness: &Harness) -> String {
    harness
        .app
        .world()
        .resource::<CurrentAttempt>()
        .attempt
        .as_ref()
        .expect("an attempt on the end screen")
        .id
        .clone()
}

/// Ends the test scenario and leaves the end screen; the attempt's id.
fn finish_and_leave(harness: &mut Harness) -> String {
    finish_with(harness, "welcome");
    let id = current_attempt(harness);
    harness.act(Action::Back);
    assert_ne!(harness.state(), AppState::End);
    id
}

#[test]
fn without_consent_nothing_is_saved_or_queued() {
    let mut harness = Harness::new(false);
    send_to(
        &mut harness,
        "https://lrs.example.org/xapi/",
        "k",
        "s",
        false,
    );
    let sending = harness.app.world().resource::<Sending>();
    let note = sending.saved_note.clone().expect("a note on the form");
    assert_eq!(
        note,
        Err("Sending starts once you agree to the words above.".to_owned())
    );
    assert!(!sending.is_on());
    let id = finish_and_leave(&mut harness);
    assert_eq!(state_of(&harness, &id), SyncState::KeptHereOnly);
    let data = harness._dirs.1.path();
    assert!(!data.join("sync/secret").exists());
    assert!(!data.join("sync/queue").exists());
}

#[test]
fn an_unreachable_store_keeps_the_attempt_queued_with_the_reason() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut harness = Harness::new(false);
    send_to(
        &mut harness,
        &format!("http://127.0.0.1:{port}/xAPI/"),
        "k",
        "s",
        true,
    );
    assert!(harness.app.world().resource::<Sending>().is_on());
    harness.begin();
    harness.act(Action::Choose("later".into()));
    harness.act(Action::TogglePause);
    harness.act(Action::Leave);
    let left = doorway::core::store::AttemptStore::in_data_folder(harness._dirs.1.path())
        .load()
        .attempts
        .remove(0);
    harness.update_until("the sender tried", |world| {
        world.resource::<Sending>().problem.is_some()
    });
    assert_eq!(state_of(&harness, &left.id), SyncState::Queued(None));
    let problem = harness.app.world().resource::<Sending>().problem.clone();
    assert!(
        problem
            .as_deref()
            .unwrap_or_default()
            .contains("cannot be reached"),
        "{problem:?}"
    );
}

#[test]
fn a_finished_attempt_reaches_the_store_once_the_end_screen_is_left() {
    let Some(lrs) = Lrs::from_environment("app::sync::a_finished_attempt_reaches_the_store") else {
        return;
    };
    let mut harness = Harness::new(false);
    let endpoint = format!("{}/xAPI/", lrs.url);
    send_to(&mut harness, &endpoint, &lrs.user, &lrs.secret, true);
    let note = harness.app.world().resource::<Sending>().saved_note.clone();
    assert!(matches!(note, Some(Ok(_))), "{note:?}");
    let settings =
        std::fs::read_to_string(harness._dirs.1.path().join("sync/settings.ron")).unwrap();
    assert!(!settings.contains(&lrs.secret));

    let id = finish_and_leave(&mut harness);
    harness.update_until("the attempt is sent", |world| {
        matches!(
            world.resource::<Sending>().state_of(&id),
            SyncState::Sent(_)
        )
    });
    let stored = lrs.all_statements(&[("registration", &registration_of(&id)), ("limit", "100")]);
    assert!(stored.len() >= 4, "launched … terminated: {}", stored.len());

    // The connection test runs in the background too.
    harness.app.world_mut().write_message(SyncRequest::Test);
    harness.update_until("the test answers", |world| {
        matches!(world.resource::<Sending>().test, Some(Some(_)))
    });
    let test = harness.app.world().resource::<Sending>().test.clone();
    assert!(
        matches!(&test, Some(Some(Ok(found))) if found.contains("accepts the key and secret")),
        "{test:?}"
    );
}

#[test]
fn a_what_if_replay_is_sent_with_the_attempt_once_the_end_screen_is_left() {
    let mut harness = Harness::new(false);
    send_to(&mut harness, "http://127.0.0.1:9/xAPI/", "k", "s", true);
    finish_with(&mut harness, "welcome");
    let id = current_attempt(&harness);
    harness.act(Action::WhatIf(0));
    assert_eq!(harness.state(), AppState::Play);
    assert_eq!(
        state_of(&harness, &id),
        SyncState::KeptHereOnly,
        "a replay is part of the attempt: not sent yet"
    );
    harness.act(Action::Choose("later".into()));
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    harness.act(Action::Back);
    assert!(matches!(state_of(&harness, &id), SyncState::Queued(_)));
}
