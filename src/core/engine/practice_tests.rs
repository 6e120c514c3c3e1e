//! The practice modes in the engine: own words before the answers, the
//! noticing question, confidence and self-ratings, and another wording on a
//! repeat. They play `tests/fixtures/practice.scenario.ron`.

use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::core::fis::{FisItem, SelfRating};
use crate::core::fixtures;

fn practice() -> Arc<PlayableScenario> {
    fixtures::fixture("practice")
}

fn start(mode: PracticeMode, feedback: FeedbackMode) -> Engine {
    let settings = Settings {
        practice: mode,
        feedback,
        ..Settings::default()
    };
    Engine::start(&practice(), None, 3, settings)
        .expect("starts")
        .0
}

#[test]
fn own_words_come_first_and_the_clock_stops_when_they_are_in() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    assert_eq!(engine.phase(), Phase::Writing);
    assert!(matches!(
        engine.choose("welcome"),
        Err(EngineError::WrongPhase {
            phase: Phase::Writing
        })
    ));
    engine.tick(Duration::from_secs(12));
    let events = engine.submit_own_words("You came back. Come in.").unwrap();
    assert!(events.contains(&SessionEvent::AnswersShown));
    assert_eq!(engine.phase(), Phase::Picking);
    engine.tick(Duration::from_secs(100));
    assert_eq!(engine.transcript().steps.len(), 0, "picking is not timed");
    engine.choose("welcome").unwrap();
    let step = &engine.transcript().steps[0];
    let words = step.own_words.as_ref().expect("own words kept");
    assert_eq!(words.text, "You came back. Come in.");
    assert_eq!(words.latency, 12.0);
    assert!(!words.time_ran_out && !words.none_close);
    assert_eq!(step.response, Response::Choice("welcome".into()));
    assert_eq!(
        step.latency, 12.0,
        "the answer's time is the time to say it"
    );
    assert!(engine.reading_feedback());
}

#[test]
fn time_running_out_while_writing_keeps_the_draft_and_takes_the_timeout() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    engine.tick(Duration::from_secs(5));
    engine.set_draft("I was just");
    let events = engine.tick(Duration::from_secs(40));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SessionEvent::TimedOut { node } if node == "door"))
    );
    let step = &engine.transcript().steps[0];
    assert_eq!(step.response, Response::Timeout);
    let words = step.own_words.as_ref().unwrap();
    assert_eq!(words.text, "I was just");
    assert!(words.time_ran_out);
    assert_eq!(words.latency, 40.0);
}

#[test]
fn none_of_these_records_the_answer_the_story_follows() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Deferred);
    assert!(engine.set_none_close(true).is_err(), "not before the words");
    engine.submit_own_words("Something else entirely").unwrap();
    engine.set_none_close(true).unwrap();
    engine.choose("limit").unwrap();
    let step = &engine.transcript().steps[0];
    assert!(step.own_words.as_ref().unwrap().none_close);
    assert_eq!(step.quality, Some(crate::core::model::Quality::GoodEnough));
    assert_eq!(engine.state().node, "hall", "deferred feedback moves on");
    assert_eq!(engine.phase(), Phase::Writing, "the next moment asks again");
}

#[test]
fn a_moment_with_one_answer_asks_no_words() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Exam);
    engine.submit_own_words("a").unwrap();
    engine.choose("welcome").unwrap();
    engine.submit_own_words("b").unwrap();
    engine.choose("stay").unwrap();
    assert_eq!(engine.state().node, "chair");
    assert_eq!(engine.phase(), Phase::Answering);
    engine.choose("sit").unwrap();
    assert!(engine.transcript().steps[2].own_words.is_none());
}

#[test]
fn the_noticing_question_comes_first_with_the_clock_waiting() {
    let scenario = practice();
    let settings = Settings {
        practice: PracticeMode::NoticeFirst,
        ..Settings::default()
    };
    let (mut engine, events) = Engine::start(&scenario, None, 3, settings).unwrap();
    assert_eq!(engine.phase(), Phase::Noticing);
    let asked = events
        .iter()
        .find_map(|e| match e {
            SessionEvent::ProbeAsked { answers, .. } => Some(answers.clone()),
            _ => None,
        })
        .expect("the question is asked");
    let mut sorted = asked.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 1, 2], "every answer is shown once");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SessionEvent::TimerStarted { .. })),
        "the clock waits for the question"
    );
    engine.tick(Duration::from_secs(90));
    assert!(engine.transcript().steps.is_empty());
    assert_eq!(
        engine.answer_probe(7),
        Err(EngineError::NoSuchProbeAnswer(7))
    );
    let events = engine.answer_probe(1).unwrap();
    assert!(events.contains(&SessionEvent::ProbeAnswered {
        node: "door".into(),
        picked: 1,
        fits: false
    }));
    assert_eq!(engine.phase(), Phase::Noticed, "its feedback shows");
    let events = engine.see_answers().unwrap();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SessionEvent::TimerStarted { seconds } if *seconds == 40.0))
    );
    engine.tick(Duration::from_secs(4));
    engine.choose("cold").unwrap();
    let step = &engine.transcript().steps[0];
    let probe = step.probe.as_ref().unwrap();
    assert_eq!((probe.picked, probe.fits), (1, false));
    assert_eq!(probe.shown, asked);
    assert_eq!(probe.latency, 90.0);
    assert_eq!(
        step.latency, 4.0,
        "the answer's time starts with the answers"
    );
    engine.go_on().unwrap();
    assert_eq!(engine.state().node, "hall");
    assert_eq!(engine.phase(), Phase::Answering, "no question at the hall");
}

#[test]
fn without_immediate_feedback_the_answers_follow_the_question_at_once() {
    let mut engine = start(PracticeMode::NoticeFirst, FeedbackMode::Exam);
    engine.answer_probe(0).unwrap();
    assert_eq!(engine.phase(), Phase::Answering);
    engine.choose("welcome").unwrap();
    assert!(engine.transcript().steps[0].probe.as_ref().unwrap().fits);
}

#[test]
fn confidence_and_self_ratings_are_kept_with_their_step() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    engine.submit_own_words("Come in").unwrap();
    engine.choose("welcome").unwrap();
    engine.rate_confidence(0, Some(Confidence::Sure)).unwrap();
    let rating = |item, score| SelfRating { item, score };
    assert_eq!(
        engine.rate_own_words(0, vec![rating(FisItem::Warmth, 6)]),
        Err(EngineError::BadRating(6))
    );
    engine
        .rate_own_words(
            0,
            vec![rating(FisItem::Warmth, 4), rating(FisItem::Empathy, 2)],
        )
        .unwrap();
    assert!(matches!(
        engine.rate_confidence(3, None),
        Err(EngineError::BadStep { step: 3, steps: 1 })
    ));
    let step = &engine.transcript().steps[0];
    assert_eq!(step.confidence, Some(Confidence::Sure));
    assert_eq!(step.self_ratings.len(), 2);
}

#[test]
fn a_saved_session_mid_question_carries_on_where_it_was() {
    let mut engine = start(PracticeMode::NoticeFirst, FeedbackMode::Immediate);
    engine.tick(Duration::from_secs(3));
    let saved = serde_json::to_string(engine.state()).unwrap();
    let state: SessionState = serde_json::from_str(&saved).unwrap();
    let mut restored = Engine::restore(&practice(), state).unwrap();
    assert_eq!(restored.phase(), Phase::Noticing);
    restored.answer_probe(2).unwrap();
    assert!(restored.probe_record().unwrap().fits);
}

#[test]
fn a_repeat_shows_another_wording() {
    let mut engine = start(PracticeMode::Choose, FeedbackMode::Immediate);
    let first = engine.state().shown.wording;
    let shown = engine.show_another_wording(first).expect("reworded");
    assert_ne!(engine.state().shown.wording, first);
    assert!(matches!(shown, SessionEvent::NodeEntered { text, .. } if text == engine.shown_text()));
    let now = engine.state().shown.wording;
    assert!(
        engine.show_another_wording(first).is_none(),
        "already different"
    );
    assert_eq!(engine.state().shown.wording, now);
}

#[test]
fn replays_and_checks_answer_through_any_practice_mode() {
    let mut engine = start(PracticeMode::NoticeFirst, FeedbackMode::Immediate);
    engine
        .respond_with(&Response::Choice("welcome".into()))
        .unwrap();
    assert_eq!(engine.state().node, "hall");
    let mut writing = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    writing.respond_with(&Response::Timeout).unwrap();
    assert_eq!(writing.state().node, "hall");
}

#[test]
fn confidence_is_asked_before_any_feedback_in_every_feedback_mode() {
    for feedback in [
        FeedbackMode::Immediate,
        FeedbackMode::Deferred,
        FeedbackMode::Exam,
    ] {
        let settings = Settings {
            ask_confidence: true,
            feedback,
            ..Settings::default()
        };
        let (mut engine, _) = Engine::start(&practice(), None, 3, settings).unwrap();
        let events = engine.choose("cold").unwrap();
        assert!(events.contains(&SessionEvent::ConfidenceAsked { step: 0 }));
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, SessionEvent::FeedbackReady { .. })),
            "no feedback before the confidence"
        );
        assert_eq!(engine.phase(), Phase::Confiding);
        assert!(!engine.reading_feedback());
        assert_eq!(engine.remaining(), None, "the clock waits");
        assert_eq!(
            engine.shown_state(),
            engine.transcript().steps[0].state_before,
            "the meters do not move before the confidence"
        );
        assert!(engine.go_on().is_err());
        assert!(engine.choose("welcome").is_err());
        let events = engine.confide(Some(Confidence::Unsure)).unwrap();
        assert_eq!(
            engine.transcript().steps[0].confidence,
            Some(Confidence::Unsure)
        );
        match feedback {
            FeedbackMode::Immediate => {
                assert!(events.contains(&SessionEvent::FeedbackReady { step: 0 }));
                assert!(engine.reading_feedback());
                engine.go_on().unwrap();
            }
            _ => assert!(
                events
                    .iter()
                    .any(|e| matches!(e, SessionEvent::NodeEntered { node, .. } if node == "hall"))
            ),
        }
        assert_eq!(engine.state().node, "hall");
    }
}

#[test]
fn a_timeout_asks_no_confidence() {
    let settings = Settings {
        ask_confidence: true,
        ..Settings::default()
    };
    let (mut engine, _) = Engine::start(&practice(), None, 3, settings).unwrap();
    engine.tick(Duration::from_secs(41));
    assert!(engine.reading_feedback());
    assert_eq!(engine.transcript().steps[0].confidence, None);
}

#[test]
fn letting_the_moment_pass_while_writing_is_not_the_time_running_out() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    engine.tick(Duration::from_secs(4));
    engine.set_draft("I was");
    engine.let_time_run_out().unwrap();
    let words = engine.transcript().steps[0].own_words.as_ref().unwrap();
    assert_eq!(words.text, "I was");
    assert!(!words.time_ran_out, "passed at 4 s of 40 s");
}

#[test]
fn a_replayed_timeout_while_writing_keeps_the_draft() {
    let mut engine = start(PracticeMode::SayItFirst, FeedbackMode::Immediate);
    engine.set_draft("I was");
    engine.respond_with(&Response::Timeout).unwrap();
    let words = engine.transcript().steps[0].own_words.as_ref();
    assert_eq!(words.map(|w| w.text.as_str()), Some("I was"));
}
