//! Writes a generated class as xAPI files, for `scripts/bench-cohort.sh`:
//! seeded random playthroughs of the shipped scenarios.
//!
//! `generate_cohort DIR [LEARNERS] [ATTEMPTS]` (300 learners and 3 attempts at
//! each of the shipped scenarios unless given).

use std::path::PathBuf;
use std::process::ExitCode;

use doorway::core::cohort::synthetic_class::write_class;
use doorway::core::engine::PlayableScenario;
use doorway::core::load::{LoadOptions, load_str};
use doorway::core::shipped::SHIPPED_SCENARIOS;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |at: usize, default: usize| args.get(at).map_or(Some(default), |n| n.parse().ok());
    let (Some(folder), Some(learners), Some(attempts)) = (
        args.first().map(PathBuf::from),
        number(1, 300),
        number(2, 3),
    ) else {
        eprintln!("usage: generate_cohort DIR [LEARNERS] [ATTEMPTS]");
        return ExitCode::from(2);
    };
    let scenarios: Vec<_> = SHIPPED_SCENARIOS
        .iter()
        .map(|(name, text)| {
            let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
            PlayableScenario::new(loaded.scenario.expect("shipped scenarios load"))
        })
        .collect();
    match write_class(&folder, &scenarios, learners, attempts) {
        Ok(written) => {
            println!("{written} attempts written to {}", folder.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", folder.display());
            ExitCode::FAILURE
        }
    }
}
