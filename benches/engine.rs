//! Playthroughs per second: seeded random playthroughs of every shipped scenario,
//! choosing among the offered responses (timeouts included) until an ending.
//!
//! `cargo bench --bench engine`

use std::sync::Arc;

use divan::Bencher;
use divan::counter::ItemsCount;
use doorway::core::engine::{Engine, PlayableScenario, Settings, Status};
use doorway::core::load::{LoadOptions, load_str};
use doorway::core::shipped::SHIPPED_SCENARIOS;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const PLAYTHROUGHS: usize = 1_000;

fn main() {
    divan::main();
}

fn shipped() -> Vec<Arc<PlayableScenario>> {
    SHIPPED_SCENARIOS
        .iter()
        .map(|(name, text)| {
            let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
            PlayableScenario::new(loaded.scenario.expect("shipped scenarios parse"))
        })
        .collect()
}

/// Plays to an ending, returning the number of steps.
fn playthrough(playable: &Arc<PlayableScenario>, seed: u64) -> usize {
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut engine, _) = Engine::start(playable, None, seed, Settings::default()).expect("starts");
    while engine.state().status == Status::Playing {
        let offered = engine.state().shown.choices.len();
        let timeout = usize::from(engine.node().timeout.is_some());
        let pick = rng.random_range(0..offered + timeout);
        if pick < offered {
            let id = engine.state().shown.choices[pick].clone();
            engine.choose(&id).expect("offered");
        } else {
            engine.let_time_run_out().expect("has a timeout");
        }
    }
    engine.transcript().steps.len()
}

#[divan::bench(sample_count = 20)]
fn random_playthroughs(bencher: Bencher) {
    let scenarios = shipped();
    bencher.counter(ItemsCount::new(PLAYTHROUGHS)).bench(|| {
        (0..PLAYTHROUGHS)
            .map(|i| playthrough(&scenarios[i % scenarios.len()], i as u64))
            .sum::<usize>()
    });
}
