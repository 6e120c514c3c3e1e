//! Drafts: a scenario with errors plays as far as it is written. They play
//! `tests/fixtures/draft.scenario.ron` (and edited copies of it), and walk
//! drafts made by breaking the fixtures' links at random.

use std::sync::Arc;
use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::core::fixtures;
use crate::core::load::{LoadOptions, load_str};
use crate::core::wording;

const ASK_LEADS_NOWHERE: &str = "the choice \"ask\" leads to \"r2_open\", which does not exist";
const TIMEOUT_LEADS_NOWHERE: &str = "the timeout leads to \"silence\", which does not exist";
const PAST_THE_DEADLINE: &str = "it takes the clock past 10:20, and then the deadline leads to \"next_client\", which does not exist";

fn draft_text() -> String {
    fixtures::fixture_text("draft").to_owned()
}

/// The fixture, as a draft.
fn draft() -> Arc<PlayableScenario> {
    fixtures::draft("draft", draft_text())
}

/// The fixture with `from` replaced by `to`, as a draft.
fn edited(from: &str, to: &str) -> Arc<PlayableScenario> {
    let text = draft_text();
    assert!(text.contains(from), "the fixture has {from}");
    fixtures::draft("draft", text.replacen(from, to, 1))
}

fn start(playable: &Arc<PlayableScenario>, settings: Settings) -> (Engine, Vec<SessionEvent>) {
    Engine::start(playable, None, 7, settings).expect("the draft starts")
}

/// Answers and goes on after the feedback.
fn answer(engine: &mut Engine, id: &str) -> Vec<SessionEvent> {
    let mut events = engine.choose(id).expect("the answer can be chosen");
    events.extend(engine.go_on().expect("goes on"));
    events
}

/// The answers shown, each with why it cannot be chosen (if so).
fn shown(engine: &Engine) -> Vec<(String, Option<String>)> {
    engine
        .shown_choices()
        .into_iter()
        .map(|c| (c.id, c.disabled))
        .collect()
}

#[test]
fn the_fixture_has_errors_and_plays_only_as_a_draft() {
    let loaded = load_str("draft.scenario.ron", draft_text(), LoadOptions::default());
    let mut codes: Vec<&str> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::core::diagnostic::Severity::Error)
        .map(|d| d.code)
        .collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "dead-end",
            "unknown-deadline-node",
            "unknown-target",
            "unknown-target",
            "unknown-target",
            "unknown-target"
        ]
    );
    assert!(loaded.playable().is_none());
    let playable = loaded.draft().expect("a draft with these errors plays");
    assert_eq!(playable.draft_errors(), 6);
}

#[test]
fn an_answer_that_leads_nowhere_shows_with_its_error_and_is_refused() {
    let playable = draft();
    let (mut engine, _) = start(&playable, Settings::default());
    let entered = answer(&mut engine, "welcome");
    assert_eq!(engine.state().node, "inside");
    let expected = vec![
        ("ask".to_owned(), Some(ASK_LEADS_NOWHERE.to_owned())),
        ("name_time".to_owned(), None),
        ("long_talk".to_owned(), Some(PAST_THE_DEADLINE.to_owned())),
    ];
    assert_eq!(shown(&engine), expected);
    let in_the_event = entered.iter().find_map(|event| match event {
        SessionEvent::NodeEntered { choices, .. } => Some(choices.clone()),
        _ => None,
    });
    assert_eq!(
        in_the_event,
        Some(engine.shown_choices()),
        "the moment's event says the same"
    );
    let refused = engine.choose("ask").unwrap_err();
    assert_eq!(
        refused,
        EngineError::CannotChooseYet {
            choice: "ask".into(),
            reason: ASK_LEADS_NOWHERE.into()
        }
    );
    assert_eq!(
        refused.to_string(),
        format!("this answer cannot be chosen yet: {ASK_LEADS_NOWHERE}")
    );
    assert_eq!(engine.transcript().steps.len(), 1, "nothing was recorded");
    assert_eq!(engine.state().status, Status::Playing);
    assert!(
        engine.choose("name_time").is_ok(),
        "the others can be chosen"
    );
}

#[test]
fn a_timeout_that_leads_nowhere_stops_the_clock_and_cannot_be_taken() {
    let playable = draft();
    let (mut engine, _) = start(&playable, Settings::default());
    assert!(engine.remaining().is_some(), "the door's clock runs");
    assert_eq!(engine.timer_off_because(), None);
    answer(&mut engine, "welcome");
    assert_eq!(engine.remaining(), None, "inside's 40 s do not run");
    assert_eq!(engine.timer_off_because(), Some(TIMEOUT_LEADS_NOWHERE));
    assert_eq!(engine.tick(Duration::from_secs(600)), vec![]);
    assert_eq!(engine.state().node, "inside");
    assert_eq!(
        engine.let_time_run_out().unwrap_err().to_string(),
        format!("this moment cannot be let pass yet: {TIMEOUT_LEADS_NOWHERE}")
    );
    assert_eq!(engine.extend_timer(20.0), Err(EngineError::NoTimer));
}

#[test]
fn a_moment_whose_answers_all_lead_nowhere_is_the_end_of_the_draft() {
    let playable = draft();
    let (mut engine, _) = start(&playable, Settings::default());
    answer(&mut engine, "welcome");
    let events = answer(&mut engine, "name_time");
    assert_eq!(engine.state().node, "the_limit");
    assert_eq!(engine.state().status, Status::EndOfDraft);
    let reason = wording::no_answer_can_be_chosen_yet().to_owned();
    assert_eq!(engine.end_of_draft(), Some(reason.clone()));
    assert_eq!(
        events.last(),
        Some(&SessionEvent::EndOfDraft {
            node: "the_limit".into(),
            reason
        })
    );
    assert!(
        engine.shown_choices().iter().all(|c| !c.can_be_chosen()),
        "the answers still show, each with why"
    );
    assert_eq!(engine.remaining(), None);
    assert_eq!(engine.choose("plan"), Err(EngineError::NotPlaying));
    assert!(
        engine.rewind(1).is_ok(),
        "going back to try another way still works"
    );
    assert_eq!(engine.state().node, "inside");
    assert_eq!(engine.state().status, Status::Playing);
}

#[test]
fn a_moment_without_answers_yet_ends_the_draft_with_its_error() {
    let playable = draft();
    let (mut engine, _) = start(&playable, Settings::default());
    engine.tick(Duration::from_secs(30));
    engine.go_on().expect("the timeout's feedback was showing");
    assert_eq!(engine.state().node, "hesitated");
    answer(&mut engine, "let_go");
    assert_eq!(engine.state().status, Status::EndOfDraft);
    assert_eq!(
        engine.end_of_draft().as_deref(),
        Some("the node \"unsaid\" has no choices and is not an ending")
    );
}

#[test]
fn a_deadline_that_leads_nowhere_disables_only_the_answers_that_let_it_take_over() {
    let playable = edited(
        "target: \"the_limit\", minutes: 2,",
        "target: \"closed\", minutes: 30,",
    );
    let (mut engine, _) = start(&playable, Settings::default());
    answer(&mut engine, "welcome");
    let disabled: Vec<(String, Option<String>)> = shown(&engine);
    assert_eq!(
        disabled[1],
        ("name_time".into(), None),
        "an answer leading to an ending lets the deadline pass (it does not take over)"
    );
    assert_eq!(disabled[2].1.as_deref(), Some(PAST_THE_DEADLINE));
    answer(&mut engine, "name_time");
    assert_eq!(engine.state().status, Status::Ended);
}

#[test]
fn other_errors_in_an_answer_disable_it_with_their_own_words() {
    let playable = edited(
        "effects: {\"connection\": 1}",
        "effects: {\"conection\": 1}",
    );
    let (engine, _) = start(&playable, Settings::default());
    assert_eq!(
        shown(&engine)[0],
        (
            "welcome".into(),
            Some("unknown dimension \"conection\"".into())
        )
    );

    let twice = edited("id: \"not_now\"", "id: \"welcome\"");
    let (engine, _) = start(&twice, Settings::default());
    assert_eq!(
        shown(&engine),
        vec![(
            "welcome".into(),
            Some("choice id \"welcome\" is used twice".into())
        )],
        "two answers with one id show once, and cannot be told apart"
    );
    assert_eq!(
        engine.state().status,
        Status::Playing,
        "the timeout still runs"
    );
    assert!(engine.remaining().is_some());
}

#[test]
fn an_unknown_speaker_shows_no_name() {
    let playable = edited("speaker: \"dana\"", "speaker: \"dan\"");
    let (_, events) = start(&playable, Settings::default());
    let speaker = events.iter().find_map(|event| match event {
        SessionEvent::NodeEntered { speaker, .. } => Some(speaker.clone()),
        _ => None,
    });
    assert_eq!(speaker, Some(None));
}

#[test]
fn a_bad_time_limit_stops_the_clock_and_the_moment_can_still_be_let_pass() {
    let playable = edited("time_limit: 30", "time_limit: -30");
    let (mut engine, _) = start(&playable, Settings::default());
    assert_eq!(engine.remaining(), None);
    assert_eq!(
        engine.timer_off_because(),
        Some("the time limit must be a positive number of seconds, not -30")
    );
    engine
        .let_time_run_out()
        .expect("the timeout leads somewhere");
    engine.go_on().expect("goes on");
    assert_eq!(engine.state().node, "hesitated");
}

#[test]
fn a_time_limit_too_long_to_count_never_runs_out() {
    let playable = edited("time_limit: 30", "time_limit: 1e99");
    let (mut engine, _) = start(&playable, Settings::default());
    assert_eq!(engine.remaining(), None);
    assert!(engine.tick(Duration::from_secs(3600)).is_empty());
    engine
        .let_time_run_out()
        .expect("the moment can still be let pass");
}

#[test]
fn a_time_limit_without_a_timeout_does_not_run_in_a_draft() {
    let playable = edited(
        "text: \"You look busy.\",",
        "text: \"You look busy.\",\n                    time_limit: 20,",
    );
    let (mut engine, _) = start(&playable, Settings::default());
    engine.tick(Duration::from_secs(30));
    engine.go_on().expect("the door's timeout feedback");
    assert_eq!(engine.state().node, "hesitated");
    assert_eq!(engine.remaining(), None);
    assert_eq!(
        engine.timer_off_because(),
        Some("the node \"hesitated\" is timed but has no timeout outcome")
    );
    assert!(engine.tick(Duration::from_secs(60)).is_empty());
}

#[test]
fn a_noticing_question_with_an_error_is_not_asked() {
    let playable = edited(
        "pin_order: true,\n                    time_limit: 30,",
        "pin_order: true,\n                    probe: Probe(question: \"What is Dana feeling?\", answers: [ProbeAnswer(text: \"Unsure\", fits: true)]),\n                    time_limit: 30,",
    );
    let settings = Settings {
        practice: PracticeMode::NoticeFirst,
        ..Settings::default()
    };
    let (engine, events) = start(&playable, settings);
    assert_eq!(engine.phase(), Phase::Answering);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SessionEvent::ProbeAsked { .. }))
    );
}

#[test]
fn drafts_that_leave_nothing_to_play_say_which_errors_to_fix() {
    let blocked = |text: String| {
        load_str("blocked.scenario.ron", text, LoadOptions::default())
            .draft()
            .expect_err("nothing to play")
    };
    let codes = |blocked: DraftBlocked| -> Vec<&'static str> {
        blocked.errors.iter().map(|e| e.code).collect()
    };
    assert_eq!(
        codes(blocked(draft_text().replace("start: \"door\",", ""))),
        ["missing-start"]
    );
    assert_eq!(
        codes(blocked(
            draft_text().replace("start: \"door\"", "start: \"doorway\"")
        )),
        ["unknown-start"]
    );
    let no_moments = blocked(
        r#"Scenario(id: "d", title: "D", version: "1", difficulty: Beginner,
            estimated_minutes: 1, start: "a", acts: [])"#
            .into(),
    );
    assert_eq!(codes(no_moments), ["no-nodes"]);
    let bad_range = draft_text().replace(
        "characters:",
        "dimensions: [Dimension(id: \"trust\", label: \"Trust\", min: 5, max: -5, initial: 0)],\n    characters:",
    );
    assert_eq!(codes(blocked(bad_range)), ["bad-dimension"]);
    let unreadable = blocked(draft_text().replace("title: \"Half written\",", "title: \"Half"));
    assert!(!unreadable.errors.is_empty());
    assert!(
        unreadable
            .to_string()
            .starts_with("this draft cannot be played yet: "),
        "{unreadable}"
    );
    assert!(
        unreadable.to_string().contains("(line "),
        "a mistake in the notation is located: {unreadable}"
    );
}

#[test]
fn a_scenario_without_errors_plays_as_a_draft_exactly_as_it_does_otherwise() {
    let text = fixtures::fixture_text("two-acts").to_owned();
    let whole = fixtures::playable("two-acts", text.clone());
    let as_draft = fixtures::draft("two-acts", text);
    assert_eq!(as_draft.draft_errors(), 0);
    let play = |playable: &Arc<PlayableScenario>| {
        let (mut engine, mut events) = start(playable, Settings::default());
        for id in ["brush_off", "confirm_booking", "move_on", "leave_it"] {
            events.extend(answer(&mut engine, id));
        }
        (events, engine.transcript().clone())
    };
    assert_eq!(play(&as_draft), play(&whole));
}

/// One thing a player (or a front end) may do at any time.
#[derive(Debug, Clone)]
enum Act {
    /// The answer shown at this position (modulo their number).
    Choose(usize),
    LetPass,
    Tick(u64),
    GoOn,
    Rewind(usize),
    Confide,
    Notice(usize),
    SeeAnswers,
    Say,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        4 => (0usize..6).prop_map(Act::Choose),
        1 => Just(Act::LetPass),
        2 => (0u64..90_000).prop_map(Act::Tick),
        2 => Just(Act::GoOn),
        1 => (0usize..6).prop_map(Act::Rewind),
        1 => Just(Act::Confide),
        1 => (0usize..4).prop_map(Act::Notice),
        1 => Just(Act::SeeAnswers),
        1 => Just(Act::Say),
    ]
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::sample::select(vec![
            FeedbackMode::Immediate,
            FeedbackMode::Deferred,
            FeedbackMode::Exam,
        ]),
        prop::sample::select(vec![
            PracticeMode::Choose,
            PracticeMode::SayItFirst,
            PracticeMode::NoticeFirst,
        ]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(feedback, practice, ask_confidence, timers_off)| Settings {
                feedback,
                practice,
                ask_confidence,
                timers_off,
                ..Settings::default()
            },
        )
}

/// A fixture with some of its links broken: each value after `target: "` or
/// `node: "` whose position is in `broken` leads to a moment not written.
fn with_broken_links(name: &str, broken: &[usize]) -> String {
    let text = fixtures::fixture_text(name);
    let mut out = String::new();
    let mut rest = text;
    let mut link = 0;
    while let Some(at) = ["target: \"", "node: \""]
        .iter()
        .filter_map(|marker| rest.find(marker).map(|i| i + marker.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if broken.contains(&link) {
            out.push_str("unwritten_");
        }
        link += 1;
    }
    out.push_str(rest);
    out
}

/// Does `act`, checking what the engine promises whatever happens: a
/// disabled answer is refused with its reason and nothing is recorded, play
/// never goes to a moment that does not exist, and the end of a draft says
/// why.
fn perform(engine: &mut Engine, act: &Act) {
    let steps_before = engine.transcript().steps.len();
    let result = match act {
        Act::Choose(index) => {
            let shown = engine.shown_choices();
            let Some(choice) = shown.get(index % shown.len().max(1)) else {
                return;
            };
            let result = engine.choose(&choice.id);
            if let Some(reason) = &choice.disabled {
                match &result {
                    Ok(_) => panic!("the disabled answer {} was taken", choice.id),
                    Err(EngineError::CannotChooseYet { reason: given, .. }) => {
                        assert_eq!(given, reason)
                    }
                    Err(_) => {}
                }
                assert_eq!(engine.transcript().steps.len(), steps_before);
            }
            result
        }
        Act::LetPass => engine.let_time_run_out(),
        Act::Tick(millis) => Ok(engine.tick(Duration::from_millis(*millis))),
        Act::GoOn => engine.go_on(),
        Act::Rewind(step) => engine.rewind(*step),
        Act::Confide => engine.confide(None),
        Act::Notice(index) => engine.answer_probe(*index),
        Act::SeeAnswers => engine.see_answers(),
        Act::Say => engine.submit_own_words("words"),
    };
    let playable = Arc::clone(engine.playable());
    for event in result.unwrap_or_default() {
        if let SessionEvent::Stuck { node } | SessionEvent::NodeEntered { node, .. } = event {
            assert!(playable.node(&node).is_some(), "play went to {node}");
        }
    }
    match engine.state().status {
        Status::EndOfDraft => assert!(engine.end_of_draft().is_some()),
        _ => assert_eq!(engine.end_of_draft(), None),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_play_through_drafts_with_broken_links_never_panics(
        fixture in prop::sample::select(vec!["draft", "two-acts", "engine", "practice"]),
        broken in prop::collection::vec(0usize..40, 0..8),
        settings in settings(),
        seed in any::<u64>(),
        acts in prop::collection::vec(act(), 0..60),
    ) {
        let text = with_broken_links(fixture, &broken);
        let loaded = load_str("broken.scenario.ron", text, LoadOptions::default());
        let playable = loaded.draft().expect("broken links leave the start to play");
        let links = fixtures::fixture_text(fixture).matches("target: \"").count()
            + fixtures::fixture_text(fixture).matches("node: \"").count();
        if broken.iter().any(|&link| link < links) {
            prop_assert!(playable.draft_errors() > 0, "a broken link is an error");
        }
        let Ok((mut engine, _)) = Engine::start(&playable, None, seed, settings) else {
            return Ok(());
        };
        for act in &acts {
            perform(&mut engine, act);
        }
    }
}
