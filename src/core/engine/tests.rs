//! The engine's behaviour: timers, clock and deadlines, acts, conditions,
//! feedback modes, rewind, determinism and save/restore.

use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::core::fixtures;
use crate::core::model::{EndingKind, RuptureKind};

/// The engine's fixture (`tests/fixtures/engine.scenario.ron`), for tests that
/// play an edited copy of it.
fn fixture_text() -> String {
    fixtures::fixture_text("engine").to_owned()
}

fn scenario_from(text: String) -> Arc<PlayableScenario> {
    fixtures::playable("engine", text)
}

fn fixture() -> Arc<PlayableScenario> {
    scenario_from(fixture_text())
}

fn start(scenario: &Arc<PlayableScenario>, settings: Settings) -> (Engine, Vec<SessionEvent>) {
    Engine::start(scenario, None, 7, settings).expect("starts")
}

/// Answers with `id` and goes on after the feedback, as a trainee who reads it
/// at once would: the events of both.
fn answer(engine: &mut Engine, id: &str) -> Vec<SessionEvent> {
    let mut events = engine.choose(id).expect("the choice is offered");
    if engine.reading_feedback() {
        events.extend(engine.go_on().expect("goes on"));
    }
    events
}

/// Goes on after the feedback of a timeout.
fn go_on_after_timeout(engine: &mut Engine) {
    assert!(engine.reading_feedback(), "the timeout's feedback shows");
    engine.go_on().expect("goes on");
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

fn count(events: &[SessionEvent], wanted: fn(&SessionEvent) -> bool) -> usize {
    events.iter().filter(|e| wanted(e)).count()
}

#[test]
fn starting_enters_the_first_node_with_its_act_and_timer() {
    let scenario = fixture();
    let (engine, events) = start(&scenario, Settings::default());
    assert!(
        matches!(&events[0], SessionEvent::ActBegan { act, clock, .. } if act == "one" && clock == "14:50")
    );
    match &events[1] {
        SessionEvent::NodeEntered {
            node,
            step,
            choices,
            text,
            ..
        } => {
            assert_eq!((node.as_str(), *step), ("a", 0));
            assert_eq!(choices.len(), 4);
            assert!(["A0", "A1", "A2", "A3"].contains(&text.as_str()));
        }
        other => panic!("expected NodeEntered, got {other:?}"),
    }
    assert_eq!(events[2], SessionEvent::TimerStarted { seconds: 30.0 });
    assert_eq!(engine.remaining(), Some(secs(30.0)));
    assert_eq!(engine.next_deadline(), Some(("Next client", 10)));
}

#[test]
fn a_tick_that_overshoots_times_out_once_at_the_limit_and_carries_the_rest() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    engine.tick(secs(45.0));
    assert!(engine.reading_feedback(), "with feedback after each answer");
    assert_eq!(engine.state().node, "a");
    assert_eq!(
        engine.state().timer.elapsed,
        secs(30.0),
        "the rest of the tick is not carried into the feedback"
    );

    let deferred = Settings {
        feedback: FeedbackMode::Deferred,
        ..Settings::default()
    };
    let (mut engine, _) = start(&scenario, deferred);
    let events = engine.tick(secs(45.0));
    assert_eq!(
        count(&events, |e| matches!(e, SessionEvent::TimedOut { .. })),
        1
    );
    let step = &engine.transcript().steps[0];
    assert_eq!(step.response, Response::Timeout);
    assert_eq!(step.latency, 30.0, "latency is the limit, not the tick");
    assert_eq!(engine.state().node, "b");
    assert_eq!(
        engine.state().timer.elapsed,
        secs(15.0),
        "the rest of the tick runs on"
    );
    assert!(
        engine
            .state()
            .relational
            .open_ruptures()
            .any(|r| r.kind == RuptureKind::Withdrawal)
    );
}

#[test]
fn many_tiny_irregular_ticks_do_not_drift() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    // 29.999999999 s in uneven pieces, then the last nanosecond.
    let pieces = [1_000_003u64, 7, 16_666_667, 3, 250_000_000];
    let mut total = 0u64;
    let limit = 30_000_000_000u64;
    'outer: loop {
        for &piece in &pieces {
            let piece = piece.min(limit - 1 - total);
            if piece == 0 {
                break 'outer;
            }
            let events = engine.tick(Duration::from_nanos(piece));
            assert!(
                events
                    .iter()
                    .all(|e| !matches!(e, SessionEvent::TimedOut { .. })),
                "early timeout at {total} ns"
            );
            total += piece;
        }
    }
    assert_eq!(engine.remaining(), Some(Duration::from_nanos(1)));
    let events = engine.tick(Duration::from_nanos(1));
    assert_eq!(
        count(&events, |e| matches!(e, SessionEvent::TimedOut { .. })),
        1
    );
    go_on_after_timeout(&mut engine);
    assert_eq!(engine.state().timer.elapsed, Duration::ZERO);
}

#[test]
fn paused_time_does_not_count_and_choices_wait() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    engine.tick(secs(10.0));
    assert_eq!(engine.pause(), vec![SessionEvent::Paused]);
    assert!(engine.pause().is_empty(), "pausing twice says nothing");
    assert!(engine.tick(secs(1000.0)).is_empty());
    assert_eq!(engine.choose("warm"), Err(EngineError::Paused));
    assert_eq!(engine.resume(), vec![SessionEvent::Resumed]);
    assert_eq!(engine.remaining(), Some(secs(20.0)));
    answer(&mut engine, "warm");
    assert_eq!(engine.transcript().steps[0].latency, 10.0);
}

#[test]
fn extending_adds_time_repeatedly_and_warns_again() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    let warning = engine.tick(secs(15.0));
    assert_eq!(
        warning,
        vec![SessionEvent::TimerWarning { remaining: 15.0 }]
    );
    assert!(engine.tick(secs(1.0)).is_empty(), "the warning comes once");
    for _ in 0..12 {
        engine.extend_timer(10.0).unwrap();
    }
    assert_eq!(
        engine.extend_timer(1e300),
        Err(EngineError::BadExtension),
        "more seconds than a clock can count are refused, not a panic"
    );
    assert_eq!(engine.remaining(), Some(secs(134.0)));
    assert!(engine.tick(secs(100.0)).is_empty());
    let again = engine.tick(secs(20.0));
    assert!(
        matches!(again[..], [SessionEvent::TimerWarning { .. }]),
        "{again:?}"
    );
    let out = engine.tick(secs(14.0));
    assert_eq!(
        count(&out, |e| matches!(e, SessionEvent::TimedOut { .. })),
        1
    );
    let step = &engine.transcript().steps[0];
    assert_eq!((step.extensions, step.effective_limit), (12, Some(150.0)));
    assert_eq!(engine.extend_timer(10.0), Err(EngineError::ReadingFeedback));
    go_on_after_timeout(&mut engine);
    assert_eq!(engine.extend_timer(-1.0), Err(EngineError::BadExtension));
}

#[test]
fn timers_off_never_time_out_but_record_latency() {
    let scenario = fixture();
    let settings = Settings {
        timers_off: true,
        ..Settings::default()
    };
    let (mut engine, events) = start(&scenario, settings);
    assert_eq!(
        count(&events, |e| matches!(e, SessionEvent::TimerStarted { .. })),
        0
    );
    assert!(engine.tick(secs(10_000.0)).is_empty());
    assert_eq!(engine.remaining(), None);
    assert_eq!(engine.extend_timer(5.0), Err(EngineError::NoTimer));
    answer(&mut engine, "warm");
    let step = &engine.transcript().steps[0];
    assert_eq!(
        (step.latency, step.time_limit, step.effective_limit),
        (10_000.0, Some(30.0), None)
    );
}

#[test]
fn the_multiplier_lengthens_every_limit() {
    let scenario = fixture();
    let settings = Settings {
        time_multiplier: 10.0,
        ..Settings::default()
    };
    let (mut engine, events) = start(&scenario, settings);
    assert!(events.contains(&SessionEvent::TimerStarted { seconds: 300.0 }));
    assert_eq!(
        count(&engine.tick(secs(299.0)), |e| matches!(
            e,
            SessionEvent::TimedOut { .. }
        )),
        0
    );
    assert_eq!(
        count(&engine.tick(secs(1.0)), |e| matches!(
            e,
            SessionEvent::TimedOut { .. }
        )),
        1
    );
}

#[test]
fn letting_time_run_out_takes_the_timeout_now() {
    let scenario = fixture();
    let settings = Settings {
        timers_off: true,
        ..Settings::default()
    };
    let (mut engine, _) = start(&scenario, settings);
    engine.tick(secs(3.0));
    let events = engine.let_time_run_out().unwrap();
    assert!(matches!(events[0], SessionEvent::TimedOut { .. }));
    assert_eq!(engine.transcript().steps[0].response, Response::Timeout);
    go_on_after_timeout(&mut engine);
    assert_eq!(
        engine.let_time_run_out(),
        Err(EngineError::NoTimer),
        "node b has no timeout"
    );
}

#[test]
fn passing_a_deadline_hands_over_to_its_node() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    let events = answer(&mut engine, "slow");
    assert!(events.contains(&SessionEvent::ClockMoved {
        from: "14:50".into(),
        to: "15:02".into()
    }));
    assert!(events.iter().any(
        |e| matches!(e, SessionEvent::DeadlinePassed { label, .. } if label == "Next client")
    ));
    assert_eq!(engine.state().node, "late", "the deadline replaced node b");
    assert_eq!(
        engine.transcript().steps[0].deadline.as_deref(),
        Some("Next client")
    );
    assert_eq!(engine.next_deadline(), None);
    // Pinned choices keep their written order.
    assert_eq!(engine.state().shown.choices, vec!["close", "close2"]);
}

#[test]
fn a_deadline_at_the_next_node_lets_an_ending_stand_unless_it_is_immediate() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "end_now");
    assert_eq!(engine.state().status, Status::Ended);
    assert_eq!(engine.transcript().ending.as_ref().unwrap().node, "done");

    let immediate = scenario_from(fixture_text().replace(
        r#"node: "late")"#,
        r#"node: "late", takes_over: Immediately)"#,
    ));
    let (mut engine, _) = start(&immediate, Settings::default());
    answer(&mut engine, "end_now");
    assert_eq!(engine.state().node, "late");
    assert_eq!(engine.state().status, Status::Playing);
}

#[test]
fn a_node_in_another_act_begins_that_act_and_its_clock() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    let events = answer(&mut engine, "jump");
    assert!(events.iter().any(
        |e| matches!(e, SessionEvent::ActBegan { act, clock, .. } if act == "two" && clock == "09:00")
    ));
    assert_eq!(engine.state().clock, 9 * 60);
    assert_eq!(engine.state().act, 1);
}

#[test]
fn a_deadline_whose_moment_was_already_reached_passes_without_a_word() {
    // "warm" leads straight to the next client's moment before 15:00; "close"
    // then carries the clock past 15:00 towards "b".
    let scenario = scenario_from(
        fixture_text()
            .replace(
                r#"id: "warm", says: "Warm", target: "b", minutes: 1,"#,
                r#"id: "warm", says: "Warm", target: "late", minutes: 1,"#,
            )
            .replace(
                r#"id: "close", says: "Close", target: "done","#,
                r#"id: "close", says: "Close", target: "b", minutes: 12,"#,
            ),
    );
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "warm");
    assert_eq!(engine.state().node, "late");
    let events = answer(&mut engine, "close");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SessionEvent::DeadlinePassed { .. })),
        "{events:?}"
    );
    assert_eq!(engine.state().node, "b", "the next client is not met twice");
    assert_eq!(engine.next_deadline(), None);
}

#[test]
fn an_answer_that_leads_into_another_act_leaves_the_deadlines_behind() {
    // "jump" takes 12 minutes now, past the first act's 15:00 deadline.
    let scenario = scenario_from(fixture_text().replace(
        r#"id: "jump", says: "Jump", target: "later","#,
        r#"id: "jump", says: "Jump", target: "later", minutes: 12,"#,
    ));
    let (mut engine, _) = start(&scenario, Settings::default());
    let events = answer(&mut engine, "jump");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SessionEvent::DeadlinePassed { .. })),
        "{events:?}"
    );
    assert_eq!(engine.state().node, "later");
    assert_eq!(engine.state().act, 1);
    assert_eq!(engine.transcript().steps[0].deadline, None);
}

#[test]
fn conditions_decide_which_choices_are_offered() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "warm");
    let mut offered = engine.state().shown.choices.clone();
    offered.sort();
    assert_eq!(offered, vec!["again", "on"], "no rupture is open");
    assert!(matches!(
        engine.choose("mend"),
        Err(EngineError::NotOffered { .. })
    ));

    let (mut engine, _) = start(&scenario, Settings::default());
    engine.tick(secs(30.0));
    go_on_after_timeout(&mut engine);
    let mut offered = engine.state().shown.choices.clone();
    offered.sort();
    assert_eq!(
        offered,
        vec!["again", "mend"],
        "the timeout opened a rupture"
    );
    let events = answer(&mut engine, "mend");
    assert!(events.contains(&SessionEvent::RuptureRepaired {
        kind: RuptureKind::Withdrawal,
        step: 1
    }));
    assert_eq!(engine.state().relational.ruptures[0].repaired_step, Some(1));
}

#[test]
fn effects_are_clamped_to_the_dimension_range() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "warm");
    answer(&mut engine, "again");
    assert_eq!(
        engine.state().relational.value("connection"),
        10,
        "2 + 20 stops at the maximum"
    );
}

#[test]
fn an_entry_point_starts_with_the_state_it_assumes() {
    let scenario = fixture();
    let (engine, events) = Engine::start(&scenario, Some("drill"), 1, Settings::default()).unwrap();
    assert_eq!(engine.state().node, "b");
    assert_eq!(engine.state().clock, 14 * 60 + 58);
    assert_eq!(engine.state().relational.value("connection"), -3);
    assert!(engine.state().relational.visited.contains("a"));
    assert!(engine.state().shown.choices.contains(&"mend".to_owned()));
    assert!(matches!(&events[0], SessionEvent::ActBegan { clock, .. } if clock == "14:58"));
    assert!(matches!(
        Engine::start(&scenario, Some("nope"), 1, Settings::default()),
        Err(EngineError::UnknownEntry(_))
    ));
}

#[test]
fn reaching_an_ending_ends_the_session() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "warm");
    let events = answer(&mut engine, "on");
    assert!(events.iter().any(|e| matches!(
        e,
        SessionEvent::Ended {
            kind: EndingKind::Repaired,
            ..
        }
    )));
    assert_eq!(engine.state().status, Status::Ended);
    assert_eq!(engine.choose("on"), Err(EngineError::NotPlaying));
    assert!(engine.tick(secs(100.0)).is_empty());
}

#[test]
fn a_node_with_nothing_to_offer_is_reported_as_stuck() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "jump");
    let events = answer(&mut engine, "to_stuck");
    assert!(events.contains(&SessionEvent::Stuck {
        node: "stuck".into()
    }));
    assert_eq!(engine.state().status, Status::Stuck);
}

#[test]
fn feedback_modes_decide_what_is_shown_but_the_transcript_keeps_everything() {
    let scenario = fixture();
    let shown = |mode: FeedbackMode| {
        let settings = Settings {
            feedback: mode,
            ..Settings::default()
        };
        let (mut engine, _) = start(&scenario, settings);
        let events = answer(&mut engine, "warm");
        let feedback = count(&events, |e| matches!(e, SessionEvent::FeedbackReady { .. }));
        let state = count(&events, |e| matches!(e, SessionEvent::StateChanged(_)));
        assert!(engine.transcript().steps[0].feedback.is_some());
        (feedback, state)
    };
    assert_eq!(shown(FeedbackMode::Immediate), (1, 1));
    assert_eq!(shown(FeedbackMode::Deferred), (0, 1));
    assert_eq!(shown(FeedbackMode::Exam), (0, 0));
}

#[test]
fn after_an_answer_the_engine_waits_for_the_reader() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    let events = engine.choose("warm").unwrap();
    assert_eq!(
        events.last(),
        Some(&SessionEvent::FeedbackReady { step: 0 })
    );
    assert!(engine.reading_feedback());
    assert_eq!(
        engine.state().node,
        "a",
        "the next moment is not entered yet"
    );
    assert_eq!(engine.remaining(), None, "no countdown runs while reading");
    assert!(
        engine.tick(secs(600.0)).is_empty(),
        "time passes without effect"
    );
    assert_eq!(engine.choose("warm"), Err(EngineError::ReadingFeedback));
    assert_eq!(engine.let_time_run_out(), Err(EngineError::ReadingFeedback));
    let events = engine.go_on().unwrap();
    assert!(matches!(&events[0], SessionEvent::NodeEntered { node, .. } if node == "b"));
    assert!(!engine.reading_feedback());
    assert_eq!(engine.go_on(), Err(EngineError::NothingToGoOn));
    assert_eq!(engine.transcript().steps.len(), 1);
}

#[test]
fn a_deadline_passed_by_an_answer_waits_for_the_reader_too() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    let events = engine.choose("slow").unwrap();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SessionEvent::DeadlinePassed { .. }))
    );
    assert_eq!(engine.state().node, "a");
    let events = engine.go_on().unwrap();
    assert!(matches!(&events[0], SessionEvent::NodeEntered { node, .. } if node == "late"));
}

#[test]
fn a_replayed_response_goes_straight_on() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    engine
        .respond_with(&Response::Choice("warm".into()))
        .unwrap();
    assert!(!engine.reading_feedback());
    assert_eq!(engine.state().node, "b");
}

#[test]
fn rewinding_keeps_the_abandoned_branch() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    engine.tick(secs(4.0));
    answer(&mut engine, "warm");
    answer(&mut engine, "on");
    let events = engine.rewind(1).unwrap();
    assert_eq!(events[0], SessionEvent::Rewound { to_step: 1 });
    assert_eq!(engine.state().node, "b");
    assert_eq!(engine.state().status, Status::Playing);
    assert_eq!(engine.transcript().steps.len(), 1);
    assert_eq!(
        engine.transcript().steps[0].latency,
        4.0,
        "earlier steps keep their record"
    );
    assert_eq!(engine.transcript().ending, None);
    let branch = &engine.transcript().branches[0];
    assert_eq!((branch.from_step, branch.steps.len()), (1, 1));
    assert_eq!(branch.ending.as_ref().unwrap().node, "done");
    answer(&mut engine, "again");
    assert_eq!(engine.state().node, "a");
    assert_eq!(engine.state().relational.value("connection"), 10);
    assert!(matches!(
        engine.rewind(9),
        Err(EngineError::BadStep { step: 9, steps: 2 })
    ));
}

#[test]
fn rewinding_to_the_start_restores_the_initial_state() {
    let scenario = fixture();
    let (mut engine, start_events) = start(&scenario, Settings::default());
    let first_text = match &start_events[1] {
        SessionEvent::NodeEntered { text, .. } => text.clone(),
        _ => unreachable!(),
    };
    engine.tick(secs(30.0));
    engine.rewind(0).unwrap();
    assert_eq!(engine.state().node, "a");
    assert_eq!(engine.state().relational.value("connection"), 0);
    assert!(engine.state().relational.ruptures.is_empty());
    assert_eq!(
        engine.shown_text(),
        first_text,
        "the step is shown as it was"
    );
}

/// Plays a fixed script and returns the transcript as JSON.
fn scripted(scenario: &Arc<PlayableScenario>, seed: u64) -> String {
    let (mut engine, _) = Engine::start(scenario, None, seed, Settings::default()).unwrap();
    engine.tick(secs(2.5));
    engine.choose("warm").unwrap();
    engine.tick(secs(1.25));
    engine.go_on().unwrap();
    answer(&mut engine, "again");
    engine.tick(secs(31.0));
    go_on_after_timeout(&mut engine);
    answer(&mut engine, "mend");
    serde_json::to_string(engine.transcript()).unwrap()
}

#[test]
fn the_same_seed_and_inputs_give_a_byte_identical_transcript() {
    let scenario = fixture();
    assert_eq!(scripted(&scenario, 42), scripted(&scenario, 42));
    let orders: std::collections::BTreeSet<String> =
        (0..20).map(|seed| scripted(&scenario, seed)).collect();
    assert!(
        orders.len() > 1,
        "different seeds show different wordings and orders"
    );
}

#[test]
fn a_restored_save_continues_identically() {
    let scenario = fixture();
    let (mut engine, _) = Engine::start(&scenario, None, 42, Settings::default()).unwrap();
    engine.tick(secs(2.5));
    engine.choose("warm").unwrap();
    engine.tick(secs(1.25));
    // Saved while the feedback on "warm" shows: the restored session still
    // waits for the reader.
    let saved = serde_json::to_string(engine.state()).unwrap();
    let state: SessionState = serde_json::from_str(&saved).unwrap();
    let mut restored = Engine::restore(&scenario, state).unwrap();
    assert!(restored.reading_feedback());
    for engine in [&mut engine, &mut restored] {
        engine.go_on().unwrap();
        answer(engine, "again");
        engine.tick(secs(31.0));
        go_on_after_timeout(engine);
        answer(engine, "mend");
    }
    assert_eq!(
        serde_json::to_string(engine.transcript()).unwrap(),
        serde_json::to_string(restored.transcript()).unwrap()
    );
    assert_eq!(
        serde_json::to_string(engine.transcript()).unwrap(),
        scripted(&scenario, 42)
    );
}

#[test]
fn a_save_from_another_version_of_the_scenario_is_refused() {
    let scenario = fixture();
    let (engine, _) = start(&scenario, Settings::default());
    let changed = scenario_from(fixture_text().replace(r#"says: "Warm""#, r#"says: "Warmer""#));
    assert_eq!(
        Engine::restore(&changed, engine.state().clone()).err(),
        Some(EngineError::ScenarioChanged)
    );
    assert_ne!(
        content_hash(scenario.scenario()),
        content_hash(changed.scenario())
    );
    assert_eq!(scenario.content_hash(), content_hash(scenario.scenario()));
}

#[test]
fn a_rupture_left_open_in_one_act_is_repaired_in_the_next() {
    let scenario = fixtures::fixture("two-acts");
    let (mut engine, _) = start(&scenario, Settings::default());
    answer(&mut engine, "brush_off");
    assert_eq!(engine.state().relational.open_ruptures().count(), 1);
    answer(&mut engine, "confirm_booking");
    assert_eq!(engine.state().node, "later");
    assert_eq!(engine.state().act, 1, "a week later is act two");
    assert_eq!(engine.state().clock, 9 * 60, "on its own clock");
    assert_eq!(
        engine.state().relational.open_ruptures().count(),
        1,
        "the rupture comes along"
    );
    for choice in ["own_it", "plan_next"] {
        answer(&mut engine, choice);
    }
    let ending = engine.transcript().ending.clone().unwrap();
    assert_eq!(
        (ending.node.as_str(), ending.kind),
        ("worked_through", EndingKind::Repaired)
    );
    assert_eq!(engine.state().relational.open_ruptures().count(), 0);
}

#[test]
fn a_session_can_start_at_any_node_with_a_given_state() {
    let scenario = fixture();
    let (mut engine, _) = start(&scenario, Settings::default());
    engine.tick(secs(30.0));
    let carried = engine.state().relational.clone();
    let (moved, events) = Engine::start_at(
        &scenario,
        "late",
        carried.clone(),
        Some(15 * 60 + 5),
        7,
        Settings::default(),
    )
    .unwrap();
    assert_eq!(moved.state().node, "late");
    let relational = &moved.state().relational;
    assert_eq!(
        (&relational.values, &relational.ruptures),
        (&carried.values, &carried.ruptures)
    );
    assert!(relational.visited.contains("a") && relational.visited.contains("late"));
    assert!(matches!(&events[0], SessionEvent::ActBegan { clock, .. } if clock == "15:05"));
    assert_eq!(
        moved.next_deadline(),
        None,
        "a deadline behind the clock has passed"
    );
    assert!(matches!(
        Engine::start_at(&scenario, "nowhere", carried, None, 7, Settings::default()),
        Err(EngineError::UnknownNode(_))
    ));
}
