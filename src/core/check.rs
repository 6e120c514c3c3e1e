//! `doorway check`: plays a scenario's expectations, then explores it (every path
//! where the graph is small, seeded random walks where it is not), checking at
//! every step that the engine's invariants hold and that every ending is reached.

use std::collections::BTreeSet;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use std::sync::Arc;

use super::engine::{Engine, PlayableScenario, Response, Settings, Status, Transcript};
use super::model::{Expectation, Step};

/// Limits for exploration.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Explore every path when there are at most this many; sample otherwise.
    pub max_exhaustive_paths: usize,
    /// Random walks when sampling.
    pub samples: usize,
    /// A walk longer than this is taken to be stuck in a loop.
    pub max_steps: usize,
    pub seed: u64,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            max_exhaustive_paths: 20_000,
            samples: 2_000,
            max_steps: 500,
            seed: 0,
        }
    }
}

/// One thing that went wrong, with the path that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// What was being checked, such as `expectation "the honest welcome"`.
    pub context: String,
    pub entry: Option<String>,
    /// The responses from the start, such as `["procedural", "(timeout)"]`.
    pub path: Vec<String>,
    pub message: String,
}

/// How exploration went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exploration {
    /// Every path was played.
    Exhaustive,
    /// Too many paths: this many seeded random walks were played.
    Sampled(usize),
}

/// The result of checking one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub scenario: String,
    pub expectations: usize,
    pub paths: usize,
    pub exploration: Exploration,
    pub endings_reached: usize,
    pub endings: usize,
    pub failures: Vec<Failure>,
}

/// Checks `scenario`: its expectations, then every reachable path or a sample.
pub fn check_scenario(playable: &Arc<PlayableScenario>, options: CheckOptions) -> CheckReport {
    let scenario = playable.scenario();
    let mut failures: Vec<Failure> = scenario
        .expectations
        .iter()
        .filter_map(|e| run_expectation(playable, e).err())
        .collect();
    let mut explorer = Explorer {
        playable,
        options,
        paths: 0,
        endings: BTreeSet::new(),
        failures: Vec::new(),
    };
    let starts: Vec<Option<&str>> = std::iter::once(None)
        .chain(scenario.entry_points.iter().map(|e| Some(e.id.as_str())))
        .collect();
    // The graph's path count (conditions ignored, so never too low) says when
    // exploring everything is hopeless; sampling starts at once then.
    let few_enough = matches!(
        crate::core::analysis::analyse(scenario).paths,
        crate::core::analysis::PathCount::Exactly(n)
            if n <= (options.max_exhaustive_paths / starts.len()) as u64
    );
    let exploration = if few_enough && explorer.explore_all(&starts) {
        Exploration::Exhaustive
    } else {
        explorer.paths = 0;
        explorer.failures.clear();
        for index in 0..options.samples {
            let entry = starts[index % starts.len()];
            let seed = options.seed.wrapping_add(index as u64);
            explorer.record(random_walk(playable, entry, seed, options.max_steps), entry);
        }
        Exploration::Sampled(options.samples)
    };
    let all_endings: Vec<&str> = scenario
        .nodes()
        .filter(|n| n.is_ending())
        .map(|n| n.id.as_str())
        .collect();
    for ending in &all_endings {
        if !explorer.endings.contains(*ending) {
            explorer.failures.push(Failure {
                context: "exploration".into(),
                entry: None,
                path: Vec::new(),
                message: format!(
                    "the ending \"{ending}\" is never reached when the scenario is played"
                ),
            });
        }
    }
    failures.extend(explorer.failures);
    CheckReport {
        scenario: scenario.id.clone(),
        expectations: scenario.expectations.len(),
        paths: explorer.paths,
        exploration,
        endings_reached: explorer.endings.len(),
        endings: all_endings.len(),
        failures,
    }
}

/// A response as shown in failure paths.
fn describe(response: &Response) -> String {
    match response {
        Response::Choice(id) => id.clone(),
        Response::Timeout => "(timeout)".into(),
    }
}

fn path_of(transcript: &Transcript) -> Vec<String> {
    transcript
        .steps
        .iter()
        .map(|s| describe(&s.response))
        .collect()
}

/// Plays one expectation and checks what it must reach.
pub fn run_expectation(
    playable: &Arc<PlayableScenario>,
    expectation: &Expectation,
) -> Result<(), Failure> {
    let context = format!("expectation \"{}\"", expectation.name);
    let fail = |engine: Option<&Engine>, message: String| Failure {
        context: context.clone(),
        entry: expectation.entry.clone(),
        path: engine.map(|e| path_of(e.transcript())).unwrap_or_default(),
        message,
    };
    let (mut engine, _) = Engine::start(
        playable,
        expectation.entry.as_deref(),
        0,
        Settings::default(),
    )
    .map_err(|e| fail(None, format!("cannot start: {e}")))?;
    for (index, step) in expectation.steps.iter().enumerate() {
        let node = engine.state().node.clone();
        let result = match step {
            Step::Choose(id) => engine.respond_with(&Response::Choice(id.clone())),
            Step::TimeOut => engine.respond_with(&Response::Timeout),
        };
        if let Err(error) = result {
            return Err(fail(
                Some(&engine),
                format!("step {} at node \"{node}\": {error}", index + 1),
            ));
        }
    }
    let state = engine.state();
    let ending = state.transcript.ending.as_ref();
    if let Some(kind) = expectation.ending
        && ending.map(|e| e.kind) != Some(kind)
    {
        let found = ending.map_or_else(
            || format!("no ending (at node \"{}\")", state.node),
            |e| format!("{} at \"{}\"", e.kind.label(), e.node),
        );
        return Err(fail(
            Some(&engine),
            format!("expected the ending kind {}, reached {found}", kind.label()),
        ));
    }
    if let Some(node) = &expectation.node
        && &state.node != node
    {
        return Err(fail(
            Some(&engine),
            format!("expected to end at \"{node}\", ended at \"{}\"", state.node),
        ));
    }
    for (dimension, range) in &expectation.state {
        let value = state.relational.value(dimension);
        if !range.contains(value) {
            let bound = |b: Option<i32>| b.map_or("any".to_owned(), |v| v.to_string());
            return Err(fail(
                Some(&engine),
                format!(
                    "{dimension} is {value}, outside the expected {} to {}",
                    bound(range.min),
                    bound(range.max)
                ),
            ));
        }
    }
    Ok(())
}

/// The invariants every step must keep.
fn check_step(before: (usize, u32), engine: &Engine) -> Result<(), String> {
    let state = engine.state();
    if engine.playable().node(&state.node).is_none() {
        return Err(format!(
            "play is at \"{}\", which is not a node",
            state.node
        ));
    }
    if state.act == before.0 && state.clock < before.1 {
        return Err(format!(
            "the clock went back from {} to {} within an act",
            before.1, state.clock
        ));
    }
    Ok(())
}

/// How a finished walk ended, or what went wrong on it.
type WalkResult = Result<Transcript, (Vec<String>, String)>;

/// Checks a finished walk: it ended with an ending kind, and replaying its
/// responses gives the same result.
fn finish(playable: &Arc<PlayableScenario>, entry: Option<&str>, engine: &Engine) -> WalkResult {
    let transcript = engine.transcript().clone();
    let path = path_of(&transcript);
    match engine.state().status {
        Status::Stuck | Status::EndOfDraft => {
            return Err((
                path,
                format!(
                    "stuck at \"{}\": no choice is offered and there is no timeout",
                    engine.state().node
                ),
            ));
        }
        Status::Playing => return Err((path, "the walk did not reach an ending".into())),
        Status::Ended => {}
    }
    let (mut replay, _) = Engine::start(playable, entry, transcript.seed, transcript.settings)
        .map_err(|e| (path.clone(), format!("cannot replay: {e}")))?;
    for step in &transcript.steps {
        replay
            .respond_with(&step.response)
            .map_err(|e| (path.clone(), format!("the transcript does not replay: {e}")))?;
    }
    let same = replay.transcript().ending == transcript.ending
        && replay.state().relational == engine.state().relational;
    if !same {
        return Err((
            path,
            "replaying the transcript gives a different result".into(),
        ));
    }
    Ok(transcript)
}

struct Explorer<'s> {
    playable: &'s Arc<PlayableScenario>,
    options: CheckOptions,
    paths: usize,
    endings: BTreeSet<String>,
    failures: Vec<Failure>,
}

impl Explorer<'_> {
    fn record(&mut self, result: WalkResult, entry: Option<&str>) {
        self.paths += 1;
        match result {
            Ok(transcript) => {
                if let Some(ending) = transcript.ending {
                    self.endings.insert(ending.node);
                }
            }
            Err((path, message)) => {
                // One failure of each kind is enough to act on.
                if !self.failures.iter().any(|f| f.message == message) {
                    self.failures.push(Failure {
                        context: "exploration".into(),
                        entry: entry.map(str::to_owned),
                        path,
                        message,
                    });
                }
            }
        }
    }

    /// Plays every path from every start; false when there are too many.
    fn explore_all(&mut self, starts: &[Option<&str>]) -> bool {
        for &entry in starts {
            let Ok((engine, _)) = Engine::start(self.playable, entry, 0, Settings::default())
            else {
                continue;
            };
            let mut stack = vec![engine];
            while let Some(engine) = stack.pop() {
                if self.paths > self.options.max_exhaustive_paths {
                    return false;
                }
                if engine.state().status != Status::Playing {
                    let result = finish(self.playable, entry, &engine);
                    self.record(result, entry);
                    continue;
                }
                if engine.transcript().steps.len() >= self.options.max_steps {
                    return false; // a loop: sampling will tell whether walks still end
                }
                let before = (engine.state().act, engine.state().clock);
                for response in responses(&engine) {
                    let mut next = engine.clone();
                    let _ = respond(&mut next, &response);
                    if let Err(message) = check_step(before, &next) {
                        self.record(Err((path_of(next.transcript()), message)), entry);
                        continue;
                    }
                    stack.push(next);
                }
            }
        }
        true
    }
}

/// The responses open at the current node: each offered choice, and the timeout.
fn responses(engine: &Engine) -> Vec<Response> {
    let mut open: Vec<Response> = engine
        .state()
        .shown
        .choices
        .iter()
        .map(|c| Response::Choice(c.clone()))
        .collect();
    if engine.node().timeout.is_some() {
        open.push(Response::Timeout);
    }
    open
}

fn respond(engine: &mut Engine, response: &Response) -> Result<(), String> {
    engine
        .respond_with(response)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// One seeded random playthrough with real time: random waits (which may run a
/// timer out), pauses, extensions and choices, checking the invariants at every
/// step. Returns the transcript, or the path and what went wrong.
pub fn random_walk(
    playable: &Arc<PlayableScenario>,
    entry: Option<&str>,
    seed: u64,
    max_steps: usize,
) -> WalkResult {
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut engine, _) = Engine::start(playable, entry, seed, Settings::default())
        .map_err(|e| (Vec::new(), format!("cannot start: {e}")))?;
    let mut actions = 0;
    while engine.state().status == Status::Playing {
        actions += 1;
        if engine.transcript().steps.len() > max_steps || actions > max_steps * 20 {
            return Err((
                path_of(engine.transcript()),
                format!("no ending after {max_steps} steps: a loop?"),
            ));
        }
        let before = (engine.state().act, engine.state().clock);
        match rng.random_range(0..10) {
            0 => {
                engine.pause();
                engine.tick(Duration::from_secs(rng.random_range(1..100)));
                engine.resume();
            }
            1 => {
                let _ = engine.extend_timer(rng.random_range(1..30) as f64);
            }
            2..=4 => {
                let millis = rng.random_range(1..40_000);
                engine.tick(Duration::from_millis(millis));
            }
            _ if engine.reading_feedback() => {
                engine
                    .go_on()
                    .map_err(|e| (path_of(engine.transcript()), e.to_string()))?;
            }
            _ => {
                let offered = &engine.state().shown.choices;
                if let Some(choice) = offered.choose(&mut rng).cloned() {
                    engine
                        .choose(&choice)
                        .map_err(|e| (path_of(engine.transcript()), e.to_string()))?;
                } else {
                    engine.tick(Duration::from_secs(5));
                }
            }
        }
        check_step(before, &engine).map_err(|m| (path_of(engine.transcript()), m))?;
    }
    finish(playable, entry, &engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{self, fixture_text};
    use crate::core::load::{LoadOptions, load_str};
    use crate::core::model::Scenario;
    use crate::core::shipped::SHIPPED_SCENARIOS;

    fn parsed(name: &str, text: String) -> Scenario {
        load_str(name, text, LoadOptions::default())
            .scenario
            .expect("parses")
    }

    fn shipped() -> Vec<Scenario> {
        SHIPPED_SCENARIOS
            .iter()
            .map(|(name, text)| parsed(name, (*text).to_owned()))
            .collect()
    }

    /// The two-acts fixture with one edit to its text.
    fn two_acts_with(from: &str, to: &str) -> Arc<PlayableScenario> {
        let text = fixture_text("two-acts");
        assert!(text.contains(from), "{from:?}");
        fixtures::playable("edited", text.replacen(from, to, 1))
    }

    fn two_acts() -> Scenario {
        fixtures::fixture("two-acts").scenario().clone()
    }

    #[test]
    fn the_shipped_scenarios_pass_their_checks() {
        for scenario in shipped() {
            let report = check_scenario(
                &PlayableScenario::new(scenario.clone()),
                CheckOptions::default(),
            );
            assert_eq!(report.failures, vec![], "{}", scenario.id);
            assert_eq!(report.endings_reached, report.endings);
            assert!(report.paths > 100, "{} paths", report.paths);
        }
    }

    #[test]
    fn a_wrong_expectation_names_the_path_and_what_failed() {
        let scenario = two_acts_with(
            "ending: Unresolved,\n            node: \"overran\"",
            "ending: Repaired,\n            node: \"overran\"",
        );
        let report = check_scenario(&scenario, CheckOptions::default());
        let failure = &report.failures[0];
        assert!(failure.context.contains("over time"), "{failure:?}");
        assert_eq!(
            failure.path,
            vec!["welcome", "keep_talking", "ask_ben_to_wait"]
        );
        assert_eq!(
            failure.message,
            "expected the ending kind Repaired, reached Unresolved at \"overran\""
        );
    }

    #[test]
    fn an_expectation_step_that_is_not_offered_fails_at_that_step() {
        let scenario = two_acts_with(r#"Choose("confirm_booking")"#, r#"Choose("welcome")"#);
        let report = check_scenario(&scenario, CheckOptions::default());
        let failure = report
            .failures
            .iter()
            .find(|f| f.message.contains("step 2"))
            .expect("a failure");
        assert!(
            failure.message.contains(r#"at node "booked""#),
            "{}",
            failure.message
        );
        assert!(
            failure.message.contains("not offered"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn state_ranges_are_checked() {
        let scenario = two_acts_with(
            r#"state: {"repair": (min: 3)}"#,
            r#"state: {"repair": (min: 9)}"#,
        );
        let report = check_scenario(&scenario, CheckOptions::default());
        assert!(
            report
                .failures
                .iter()
                .any(|f| f.message.starts_with("repair is") && f.message.contains("9 to any"))
        );
    }

    #[test]
    fn a_node_left_without_choices_is_found_with_its_path() {
        // Only offered once connection is very high: no path gets there.
        let scenario = {
            let mut s = two_acts();
            for node in s.acts[0].nodes.iter_mut().filter(|n| n.id == "talk") {
                for choice in node.choices.iter_mut() {
                    choice.when = vec![crate::core::model::Condition::AtLeast(
                        "connection".into(),
                        9,
                    )];
                }
                node.timeout = None;
                node.time_limit = None;
            }
            PlayableScenario::new(s)
        };
        let report = check_scenario(&scenario, CheckOptions::default());
        let stuck = report
            .failures
            .iter()
            .find(|f| f.message.contains("stuck at \"talk\""))
            .expect("stuck");
        let last = stuck.path.last().map(String::as_str);
        assert!(
            matches!(
                last,
                Some("welcome" | "all_the_time" | "catch_up" | "repair")
            ),
            "{:?}",
            stuck.path
        );
    }

    #[test]
    fn an_ending_no_play_can_reach_is_reported() {
        let scenario = {
            let mut s = two_acts();
            for node in s.acts[0].nodes.iter_mut() {
                for choice in node.choices.iter_mut().filter(|c| c.target == "welcomed") {
                    choice.when = vec![crate::core::model::Condition::AtLeast(
                        "connection".into(),
                        10,
                    )];
                }
            }
            PlayableScenario::new(s)
        };
        let report = check_scenario(&scenario, CheckOptions::default());
        assert!(
            report.failures.iter().any(|f| f.message
                == "the ending \"welcomed\" is never reached when the scenario is played"),
            "{:#?}",
            report.failures
        );
    }

    #[test]
    fn large_scenarios_are_sampled() {
        let options = CheckOptions {
            max_exhaustive_paths: 10,
            samples: 200,
            ..CheckOptions::default()
        };
        let report = check_scenario(&PlayableScenario::new(two_acts()), options);
        assert_eq!(report.exploration, Exploration::Sampled(200));
        assert_eq!(report.paths, 200);
        assert_eq!(report.failures, vec![]);
    }

    #[test]
    fn random_walks_end_replay_and_reach_every_ending_of_the_fixture() {
        let scenario = fixtures::fixture("two-acts");
        let starts: Vec<Option<&str>> = std::iter::once(None)
            .chain(
                scenario
                    .scenario()
                    .entry_points
                    .iter()
                    .map(|e| Some(e.id.as_str())),
            )
            .collect();
        let mut endings = BTreeSet::new();
        for seed in 0..600u64 {
            let entry = starts[seed as usize % starts.len()];
            match random_walk(&scenario, entry, seed, 100) {
                Ok(transcript) => {
                    endings.insert(transcript.ending.expect("an ending").node);
                }
                Err((path, message)) => panic!("seed {seed}: {message} after {path:?}"),
            }
        }
        let all: BTreeSet<String> = scenario
            .scenario()
            .nodes()
            .filter(|n| n.is_ending())
            .map(|n| n.id.clone())
            .collect();
        assert_eq!(endings, all);
    }

    #[test]
    fn a_walk_that_gets_stuck_is_reported_with_its_path() {
        // In the engine's fixture, "later" → "to_stuck" leads to a node whose
        // only choice can never be offered.
        let scenario = fixtures::fixture("engine");
        let stuck = (0..200u64)
            .filter_map(|seed| random_walk(&scenario, None, seed, 100).err())
            .find(|(_, message)| message.contains("stuck at \"stuck\""))
            .expect("some walk takes the way to the stuck node");
        assert_eq!(stuck.0.last().map(String::as_str), Some("to_stuck"));
    }

    /// The soak test: 10,000 seeded random playthroughs with real time across every
    /// shipped scenario and its entry points, each checked step by step and
    /// replayed from its transcript.
    #[test]
    fn soak_ten_thousand_random_playthroughs() {
        let scenarios: Vec<Arc<PlayableScenario>> =
            shipped().into_iter().map(PlayableScenario::new).collect();
        let mut starts = Vec::new();
        for scenario in &scenarios {
            starts.push((scenario, None));
            for entry in &scenario.scenario().entry_points {
                starts.push((scenario, Some(entry.id.as_str())));
            }
        }
        let mut endings = BTreeSet::new();
        for seed in 0..20_000u64 {
            let (scenario, entry) = starts[seed as usize % starts.len()];
            match random_walk(scenario, entry, seed, 500) {
                Ok(transcript) => {
                    let ending = transcript.ending.expect("finished walks have an ending");
                    endings.insert((scenario.scenario().id.clone(), ending.node));
                }
                Err((path, message)) => {
                    panic!(
                        "{} seed {seed}: {message} after {path:?}",
                        scenario.scenario().id
                    )
                }
            }
        }
        let missed: Vec<(String, String)> = scenarios
            .iter()
            .flat_map(|s| {
                let id = s.scenario().id.clone();
                s.scenario()
                    .nodes()
                    .filter(|n| n.is_ending())
                    .map(move |n| (id.clone(), n.id.clone()))
            })
            .filter(|ending| !endings.contains(ending))
            .collect();
        assert_eq!(missed, vec![], "random play reaches every ending");
    }
}
