//! A generated class for tests and the benchmark: seeded random playthroughs
//! of scenarios, written as xAPI files, one folder per learner.

use std::path::Path;
use std::sync::Arc;

use crate::core::check::random_walk;
use crate::core::engine::PlayableScenario;
use crate::core::export::ExportSource;
use crate::core::export::xapi::{Actor, DEFAULT_BASE_IRI, XapiOptions, render};
use crate::core::files::write_atomically;
use crate::core::store::{Attempt, SCHEMA_VERSION};

/// When the generated class began: 2026-09-01.
pub const CLASS_START: u64 = 1_788_220_800;

/// Writes `learners` x `attempts` attempts at each scenario, a day apart, into `folder`
/// (`learner-007/ATTEMPT.xapi.json`); returns how many attempts were written.
pub fn write_class(
    folder: &Path,
    scenarios: &[Arc<PlayableScenario>],
    learners: usize,
    attempts: usize,
) -> std::io::Result<usize> {
    let mut written = 0;
    for learner in 0..learners {
        let options = XapiOptions {
            actor: Actor::Account {
                name: Some(format!("Trainee {learner}")),
                home_page: DEFAULT_BASE_IRI.to_owned(),
                account_name: format!("learner-{learner:03}"),
            },
            base_iri: DEFAULT_BASE_IRI.to_owned(),
        };
        for (s, scenario) in scenarios.iter().enumerate() {
            for n in 0..attempts {
                let seed = ((learner * 1000 + s) * 10 + n) as u64;
                let Ok(transcript) = random_walk(scenario, None, seed, 500) else {
                    continue;
                };
                let attempt = Attempt {
                    schema: SCHEMA_VERSION,
                    id: format!("{}-{learner:03}-{n}", transcript.scenario_id),
                    scenario_title: scenario.scenario().title.clone(),
                    // Saved at noon on the attempt's day, one a second.
                    saved_at: CLASS_START + (n as u64) * 86_400 + 43_200 + learner as u64,
                    transcript,
                    reflections: Vec::new(),
                };
                let text = render(
                    ExportSource {
                        attempt: &attempt,
                        scenario,
                    },
                    &options,
                );
                let path = folder
                    .join(format!("learner-{learner:03}"))
                    .join(format!("{}.xapi.json", attempt.id));
                write_atomically(&path, text.as_bytes())?;
                written += 1;
            }
        }
    }
    Ok(written)
}
