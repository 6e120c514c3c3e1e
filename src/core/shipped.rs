//! The scenarios shipped with Doorway, embedded in the binary so it runs from any
//! folder.

/// File name and text of each shipped scenario.
pub const SHIPPED_SCENARIOS: &[(&str, &str)] = &[
    (
        "drop-in.scenario.ron",
        include_str!("../../scenarios/drop-in.scenario.ron"),
    ),
    (
        "repair-drill.scenario.ron",
        include_str!("../../scenarios/repair-drill.scenario.ron"),
    ),
    (
        "email-after-two-years.scenario.ron",
        include_str!("../../scenarios/email-after-two-years.scenario.ron"),
    ),
    (
        "old-time-slot.scenario.ron",
        include_str!("../../scenarios/old-time-slot.scenario.ron"),
    ),
    (
        "return-in-crisis.scenario.ron",
        include_str!("../../scenarios/return-in-crisis.scenario.ron"),
    ),
    (
        "thank-you-visit.scenario.ron",
        include_str!("../../scenarios/thank-you-visit.scenario.ron"),
    ),
    (
        "session-limit.scenario.ron",
        include_str!("../../scenarios/session-limit.scenario.ron"),
    ),
    (
        "repair-drill.es.scenario.ron",
        include_str!("../../scenarios/repair-drill.es.scenario.ron"),
    ),
    (
        "drop-in.es.scenario.ron",
        include_str!("../../scenarios/drop-in.es.scenario.ron"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cues::{cue_figures, moments};
    use crate::core::graph::ScenarioGraph;
    use crate::core::load::{LoadOptions, SCENARIO_EXTENSION, load_str};
    use crate::core::model::Scenario;

    fn shipped() -> Vec<(&'static str, Scenario)> {
        SHIPPED_SCENARIOS
            .iter()
            .map(|(name, text)| {
                let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
                let scenario = loaded
                    .scenario
                    .unwrap_or_else(|| panic!("{name} does not parse"));
                (*name, scenario)
            })
            .collect()
    }

    #[test]
    fn every_shipped_scenario_validates_with_no_warnings() {
        for (name, text) in SHIPPED_SCENARIOS {
            let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
            assert!(loaded.scenario.is_some(), "{name} does not parse");
            assert_eq!(
                (loaded.report.error_count(), loaded.report.warning_count()),
                (0, 0),
                "{name}:\n{}",
                loaded.report.render_plain()
            );
        }
    }

    /// Chance with three or four options is 25-33 %: over the whole library the
    /// longest option shows the skill well at no more than 35 % of the moments.
    #[test]
    fn over_the_library_the_best_answer_is_seldom_the_longest() {
        let (mut longest, mut moments) = (0, 0);
        for (_, scenario) in shipped() {
            let figures = cue_figures(&scenario);
            longest += figures.top_is_longest.len();
            moments += figures.length_moments;
        }
        let share = longest as f64 / moments as f64;
        assert!(
            share <= 0.35,
            "{longest} of {moments} moments ({:.0} %)",
            share * 100.0
        );
    }

    #[test]
    fn no_moment_offers_a_single_option() {
        for (name, scenario) in shipped() {
            for moment in moments(&scenario) {
                assert!(
                    moment.node.choices.len() >= 2,
                    "{name}: \"{}\" offers one option",
                    moment.node.id
                );
            }
        }
    }

    /// Repeating a drill is practice, not memorising a line: every line spoken
    /// at a moment a drill can reach has two wordings or more.
    #[test]
    fn every_drill_moment_has_another_wording() {
        for (name, scenario) in shipped() {
            let graph = ScenarioGraph::build(&scenario);
            let entries = scenario
                .entry_points
                .iter()
                .filter_map(|e| graph.index(&e.node));
            let reachable = graph.reachable_from(entries.collect::<Vec<_>>());
            let single: Vec<&str> = graph
                .nodes
                .iter()
                .enumerate()
                .filter(|(index, node)| {
                    reachable[*index]
                        && !node.text.trim().is_empty()
                        && !node.choices.is_empty()
                        && node.alternatives.is_empty()
                })
                .map(|(_, node)| node.id.as_str())
                .collect();
            assert!(
                single.is_empty(),
                "{name}: these drill moments have one wording: {single:?}"
            );
        }
    }

    /// "Notice first" has questions to ask where it matters most: at every
    /// moment with answers in the drop-in's first act and in the repair drill.
    #[test]
    fn the_drop_ins_first_act_and_the_repair_drill_ask_a_noticing_question_everywhere() {
        let scenarios = shipped();
        let moments_without = |id: &str, acts: usize| -> Vec<String> {
            let (_, scenario) = scenarios
                .iter()
                .find(|(_, s)| s.id == id)
                .unwrap_or_else(|| panic!("{id} is shipped"));
            scenario
                .acts
                .iter()
                .take(acts)
                .flat_map(|act| &act.nodes)
                .filter(|node| !node.choices.is_empty() && node.probe.is_none())
                .map(|node| node.id.clone())
                .collect()
        };
        assert_eq!(moments_without("drop-in", 1), Vec::<String>::new());
        assert_eq!(
            moments_without("repair-drill", usize::MAX),
            Vec::<String>::new()
        );
    }

    /// A trainee who never ruptures can reach an ending as good as a repaired
    /// one: wherever an ending can be reached without opening a rupture, one
    /// such ending is `Held`. (In the repair drill every round starts with a
    /// rupture, so no path avoids one.)
    #[test]
    fn a_path_without_a_rupture_can_end_as_well_as_a_repaired_one() {
        use crate::core::model::{EndingKind, RuptureEffect};
        for (name, scenario) in shipped() {
            let graph = ScenarioGraph::build(&scenario);
            let start = graph.index(&scenario.start).expect("a start");
            let mut seen = vec![false; graph.len()];
            let mut queue = vec![start];
            seen[start] = true;
            while let Some(node) = queue.pop() {
                for edge in graph.outgoing(node) {
                    let opens = matches!(edge.rupture, Some(RuptureEffect::Opens(_)));
                    if !opens && !seen[edge.to] {
                        seen[edge.to] = true;
                        queue.push(edge.to);
                    }
                }
            }
            let kinds: Vec<EndingKind> = (0..graph.len())
                .filter(|&n| seen[n])
                .filter_map(|n| graph.nodes[n].ending.as_ref().map(|e| e.kind))
                .collect();
            assert!(
                kinds.is_empty() || kinds.contains(&EndingKind::Held),
                "{name}: the endings reached without a rupture are {kinds:?}"
            );
        }
    }

    /// Answering badly must not end a scenario early: in a scenario of several
    /// acts, no ending can be reached from the start by playing moments of the
    /// first act only (conditions ignored, so this errs on the strict side).
    #[test]
    fn every_path_plays_beyond_the_first_act() {
        for (name, scenario) in shipped() {
            if scenario.acts.len() < 2 {
                continue;
            }
            let graph = ScenarioGraph::build(&scenario);
            let start = graph.index(&scenario.start).expect("a start");
            let mut seen = vec![false; graph.len()];
            let mut stack = vec![start];
            let mut early_endings = Vec::new();
            while let Some(node) = stack.pop() {
                if std::mem::replace(&mut seen[node], true) {
                    continue;
                }
                for edge in graph.outgoing(node) {
                    let to = &graph.nodes[edge.to];
                    if to.is_ending() {
                        early_endings.push(to.id.as_str());
                    } else if graph.node_act[edge.to] == 0 {
                        stack.push(edge.to);
                    }
                }
            }
            early_endings.sort_unstable();
            early_endings.dedup();
            assert!(
                early_endings.is_empty(),
                "{name}: reached from the first act alone: {early_endings:?}"
            );
        }
    }

    #[test]
    fn the_crisis_scenario_offers_the_trainee_support() {
        let (_, crisis) = shipped()
            .into_iter()
            .find(|(name, _)| name.starts_with("return-in-crisis"))
            .expect("the crisis scenario ships");
        let support = crisis.trainee_support.expect("support for the trainee");
        assert!(support.contains("supervisor"), "{support}");
    }

    #[test]
    fn every_scenario_on_disk_is_embedded() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("the scenarios folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(SCENARIO_EXTENSION))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<&str> = SHIPPED_SCENARIOS.iter().map(|(name, _)| *name).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "add new scenarios to SHIPPED_SCENARIOS");
    }
}
