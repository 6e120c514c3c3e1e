//! The fixture scenarios in `tests/fixtures/`, for tests of mechanisms (the
//! engine, review, check, the store, layout and the exports). They are small and
//! plain, and only the tests use them, so the shipped scenarios can be rewritten
//! without breaking a test of how Doorway works; the shipped scenarios keep
//! their own content tests. [`graph`] draws the small scenarios the tests of the
//! graph algorithms work out by hand.

use std::sync::Arc;

use super::engine::PlayableScenario;
use super::load::{LoadOptions, load_str};
use super::model::Scenario;

/// Name (the file name without `.scenario.ron`) and text of each fixture.
const FIXTURES: &[(&str, &str)] = &[
    (
        "seeded",
        include_str!("../../tests/fixtures/seeded.scenario.ron"),
    ),
    (
        "two-acts",
        include_str!("../../tests/fixtures/two-acts.scenario.ron"),
    ),
    (
        "engine",
        include_str!("../../tests/fixtures/engine.scenario.ron"),
    ),
    (
        "practice",
        include_str!("../../tests/fixtures/practice.scenario.ron"),
    ),
    (
        "translation",
        include_str!("../../tests/fixtures/translation.scenario.ron"),
    ),
    (
        "draft",
        include_str!("../../tests/fixtures/draft.scenario.ron"),
    ),
    (
        "screen-reader",
        include_str!("../../tests/fixtures/screen-reader.scenario.ron"),
    ),
];

/// The text of the fixture with this name.
pub(crate) fn fixture_text(name: &str) -> &'static str {
    FIXTURES
        .iter()
        .find(|(fixture, _)| *fixture == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no fixture named {name:?} in tests/fixtures"))
}

/// A scenario from `text`, which must load without errors, ready to play.
pub(crate) fn playable(name: &str, text: String) -> Arc<PlayableScenario> {
    let loaded = load_str(
        &format!("{name}.scenario.ron"),
        text,
        LoadOptions::default(),
    );
    assert_eq!(
        loaded.report.error_count(),
        0,
        "{}",
        loaded.report.render_plain()
    );
    PlayableScenario::new(loaded.scenario.expect("a scenario without errors parses"))
}

/// A scenario from `text`, which may have errors, ready to play as a draft.
pub(crate) fn draft(name: &str, text: String) -> Arc<PlayableScenario> {
    let loaded = load_str(
        &format!("{name}.scenario.ron"),
        text,
        LoadOptions::default(),
    );
    loaded
        .draft()
        .unwrap_or_else(|blocked| panic!("{blocked}\n{}", loaded.report.render_plain()))
}

/// The fixture with this name, ready to play.
pub(crate) fn fixture(name: &str) -> Arc<PlayableScenario> {
    playable(name, fixture_text(name).to_owned())
}

/// A one-act scenario drawn as a graph, for tests of the graph algorithms. Each
/// line is `node -> target target ...`, one choice per target, and a target may
/// carry a change to `dimension` (`b+3`, `c-12`). The first line's node is the
/// start; a node named only as a target is an ending.
pub(crate) fn graph(dimension: &str, lines: &[&str]) -> Scenario {
    let mut nodes: Vec<String> = Vec::new();
    let mut described: Vec<&str> = Vec::new();
    let mut targets: Vec<&str> = Vec::new();
    for line in lines {
        let (from, to) = line.split_once("->").expect("a line is `node -> targets`");
        let from = from.trim();
        described.push(from);
        let choices: Vec<String> = to
            .split_whitespace()
            .enumerate()
            .map(|(index, target)| {
                let sign = target.find(['+', '-']).unwrap_or(target.len());
                let (target, change) = target.split_at(sign);
                targets.push(target);
                let effects = match change {
                    "" => String::new(),
                    change => format!(", effects: {{\"{dimension}\": {change}}}"),
                };
                format!(r#"Choice(id: "c{index}", says: "{target}", target: "{target}"{effects})"#)
            })
            .collect();
        nodes.push(format!(
            r#"Node(id: "{from}", text: "{from}", choices: [{}])"#,
            choices.join(", ")
        ));
    }
    let mut endings: Vec<&str> = Vec::new();
    for target in targets {
        if !described.contains(&target) && !endings.contains(&target) {
            endings.push(target);
        }
    }
    nodes.extend(endings.iter().map(|ending| {
        format!(r#"Node(id: "{ending}", ending: Ending(kind: Held, title: "{ending}"))"#)
    }));
    let text = format!(
        r#"Scenario(id: "graph", title: "Graph", version: "1", difficulty: Beginner,
            estimated_minutes: 1, start: "{}",
            acts: [Act(id: "act", title: "Act", place: "Here", clock_start: "09:00",
                nodes: [{}])])"#,
        described.first().expect("at least one line"),
        nodes.join(",\n")
    );
    load_str("graph.scenario.ron", text, LoadOptions::default())
        .scenario
        .expect("the drawn graph parses")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::{CheckOptions, Exploration, check_scenario};
    use crate::core::load::SCENARIO_EXTENSION;

    #[test]
    fn every_fixture_on_disk_is_listed() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("the fixtures folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| Some(name.strip_suffix(SCENARIO_EXTENSION)?.to_owned()))
            .collect();
        on_disk.sort();
        let mut listed: Vec<&str> = FIXTURES.iter().map(|(name, _)| *name).collect();
        listed.sort_unstable();
        assert_eq!(on_disk, listed, "add new fixtures to FIXTURES");
    }

    #[test]
    fn the_two_acts_fixture_validates_cleanly_and_passes_its_checks() {
        let loaded = load_str(
            "two-acts.scenario.ron",
            fixture_text("two-acts").to_owned(),
            LoadOptions::default(),
        );
        assert_eq!(
            (loaded.report.error_count(), loaded.report.warning_count()),
            (0, 0),
            "{}",
            loaded.report.render_plain()
        );
        let report = check_scenario(&fixture("two-acts"), CheckOptions::default());
        assert_eq!(report.failures, vec![]);
        assert_eq!(report.exploration, Exploration::Exhaustive);
        assert_eq!(report.endings_reached, report.endings);
        assert!(report.expectations > 0, "the expectations are read");
    }
}
