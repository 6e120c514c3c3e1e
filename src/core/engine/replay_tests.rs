//! A seeded session replays byte for byte: a fixed scenario, seed and answers
//! give exactly the transcript checked in, in every later version.

use std::time::Duration;

use super::{Engine, PlayableScenario, Response, Settings};
use crate::core::load::{LoadOptions, load_str};

const FIXTURE: &str = include_str!("../../../tests/fixtures/seeded.scenario.ron");

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/seeded-transcript.json"
);

/// Plays the fixture with seed 2026: waits 3.5 s and times out at the first
/// node, mends, listens (passing the 15:00 deadline), then closes.
fn seeded_session() -> Engine {
    let loaded = load_str(
        "seeded.scenario.ron",
        FIXTURE.to_owned(),
        LoadOptions::default(),
    );
    assert_eq!(
        loaded.report.error_count(),
        0,
        "{}",
        loaded.report.render_plain()
    );
    let playable = PlayableScenario::new(loaded.scenario.expect("the fixture parses"));
    let (mut engine, _) = Engine::start(&playable, None, 2026, Settings::default()).unwrap();
    engine.tick(Duration::from_millis(3_500));
    engine.respond_with(&Response::Timeout).unwrap();
    for (wait, choice) in [(6_250, "mend"), (4_000, "listen"), (2_000, "close")] {
        engine.tick(Duration::from_millis(wait));
        engine
            .respond_with(&Response::Choice(choice.to_owned()))
            .unwrap();
    }
    engine
}

/// The transcript as the attempt store writes it.
fn seeded_transcript_json() -> Vec<u8> {
    serde_json::to_vec_pretty(seeded_session().transcript()).expect("a transcript serialises")
}

/// Compares with the golden file; `DOORWAY_UPDATE_GOLDEN=1` rewrites it.
#[test]
fn a_seeded_session_gives_the_checked_in_transcript_byte_for_byte() {
    let rendered = seeded_transcript_json();
    if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &rendered).unwrap();
    }
    let golden = std::fs::read(GOLDEN).expect("the golden file exists");
    assert!(
        rendered == golden,
        "the seeded transcript changed; saved seeds would replay differently. If that is \
         intended, run with DOORWAY_UPDATE_GOLDEN=1 and review the diff:\n{}",
        String::from_utf8_lossy(&rendered)
    );
}

#[test]
fn the_seed_shows_other_wordings_and_orders_in_the_golden_session() {
    let engine = seeded_session();
    let steps = &engine.transcript().steps;
    assert_eq!(steps.len(), 4);
    assert_eq!(steps[2].deadline.as_deref(), Some("Next client"));
    assert!(
        steps.iter().any(|s| s.wording != 0),
        "the seed picks a wording other than the first somewhere"
    );
    let reordered = steps.iter().any(|step| {
        let node = engine
            .playable()
            .node(&step.node)
            .expect("a node of the fixture");
        let written: Vec<&str> = node.choices.iter().map(|c| c.id.as_str()).collect();
        step.shown_choices != written
    });
    assert!(reordered, "the seed shuffles the choices somewhere");
}
