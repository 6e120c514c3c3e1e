//! Large synthetic scenarios for benchmarks and soak tests: valid, fully connected,
//! with timed nodes, deadlines, ruptures and repairs, and any number of nodes.

use std::fmt::Write;

/// Nodes per act in generated scenarios.
const NODES_PER_ACT: usize = 1000;

/// Every this-many nodes, one is an ending.
const ENDING_EVERY: usize = 10;

/// A valid scenario with `nodes` nodes (at least 2), as RON text.
pub fn generate_scenario(nodes: usize) -> String {
    let nodes = nodes.max(2);
    let mut out = String::with_capacity(nodes * 700);
    out.push_str(
        "Scenario(\n  id: \"synthetic\",\n  title: \"Synthetic\",\n  version: \"1\",\n  difficulty: Advanced,\n  estimated_minutes: 60,\n  sources: [\"Jordan, J. V. (1995). Female therapists and the search for a new paradigm.\"],\n  characters: [Character(id: \"client\", name: \"Client\", role: Client)],\n  start: \"n0\",\n  acts: [\n",
    );
    let is_ending = |i: usize| i % ENDING_EVERY == ENDING_EVERY - 1 || i == nodes - 1;
    let next_ending = |i: usize| (i + 1..nodes).find(|&j| is_ending(j)).unwrap_or(nodes - 1);
    let next_open = |i: usize| {
        (i + 1..nodes)
            .find(|&j| !is_ending(j))
            .unwrap_or(next_ending(i))
    };
    for act_start in (0..nodes).step_by(NODES_PER_ACT) {
        let act = act_start / NODES_PER_ACT;
        let act_end = (act_start + NODES_PER_ACT).min(nodes);
        let deadline_node = (act_start..act_end)
            .rev()
            .find(|&j| !is_ending(j) && j > act_start);
        let _ = writeln!(
            out,
            "    Act(id: \"a{act}\", title: \"Act {act}\", clock_start: \"09:00\","
        );
        if let Some(d) = deadline_node {
            let _ = writeln!(
                out,
                "      deadlines: [Deadline(at: \"21:00\", label: \"Closing time\", node: \"n{d}\")],"
            );
        }
        out.push_str("      nodes: [\n");
        for i in act_start..act_end {
            if is_ending(i) {
                let kinds = ["Repaired", "Unresolved", "Deepened", "Held"];
                let kind = if i == nodes - 1 {
                    "Repaired"
                } else {
                    kinds[(i / ENDING_EVERY) % 4]
                };
                let _ = writeln!(
                    out,
                    "        Node(id: \"n{i}\", ending: Ending(kind: {kind}, title: \"Ending {i}\", text: \"The session ends.\")),"
                );
                continue;
            }
            let (open, ending) = (next_open(i), next_ending(i));
            let skip = next_open(open).min(nodes - 1);
            let _ = write!(
                out,
                "        Node(id: \"n{i}\", speaker: \"client\", text: \"I came back because I wanted to see whether it was still the same here.\", inner: \"Please be glad.\","
            );
            if i % 3 == 0 {
                let _ = write!(
                    out,
                    " time_limit: 60, timeout: Timeout(target: \"n{open}\", rupture: Opens(Withdrawal), effects: {{\"connection\": -1}}, feedback: {}),",
                    feedback()
                );
            }
            out.push_str(" choices: [\n");
            let choices = [
                (
                    "warm",
                    open,
                    "{\"connection\": 2, \"authenticity\": 1}",
                    "quality: Skilled, rupture: Repairs,",
                ),
                (
                    "procedural",
                    skip,
                    "{\"connection\": -1, \"distance\": 2}",
                    "quality: Costly,",
                ),
                (
                    "close",
                    ending,
                    "{\"distance\": -2, \"frame\": -1}",
                    "quality: GoodEnough,",
                ),
            ];
            for (id, target, effects, extra) in choices {
                let _ = writeln!(
                    out,
                    "          Choice(id: \"{id}\", says: \"{}\", target: \"n{target}\", minutes: 1, effects: {effects}, {extra} feedback: {}),",
                    says(id),
                    feedback()
                );
            }
            out.push_str("        ]),\n");
        }
        out.push_str("      ]),\n");
    }
    out.push_str("  ],\n)\n");
    out
}

/// The words of each generated answer: the same length and the same words in
/// other orders, so that no length or phrase tells the levels apart.
fn says(id: &str) -> &'static str {
    match id {
        "warm" => "Good to see you; we have ten minutes now.",
        "procedural" => "See the desk; good, we have ten minutes now.",
        _ => "Good to see you; take all the minutes now.",
    }
}

fn feedback() -> &'static str {
    "Feedback(relational: \"Welcomes and keeps the frame.\", client: \"You remember me.\", concept: \"Authenticity.\", source: \"Jordan (1995)\")"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::{PathCount, analyse};
    use crate::core::load::{LoadOptions, load_str};

    #[test]
    fn generated_scenarios_are_valid_at_any_size() {
        for nodes in [2, 3, 10, 11, 1001, 1500] {
            let loaded = load_str(
                "synthetic",
                generate_scenario(nodes),
                LoadOptions::default(),
            );
            assert_eq!(
                (loaded.report.error_count(), loaded.report.warning_count()),
                (0, 0),
                "{nodes} nodes: {}",
                loaded.report.render_plain()
            );
            let scenario = loaded.scenario.expect("parses");
            assert_eq!(scenario.nodes().count(), nodes);
            assert!(
                matches!(analyse(&scenario).paths, PathCount::Exactly(n) | PathCount::MoreThan(n) if n > 0)
            );
        }
    }
}
