//! A playable part of a scenario: its first acts alone, for a translation made
//! one act at a time.
//!
//! Where the kept acts lead on into a left-out act, the part ends instead: the
//! node they lead to becomes an ending with the same id, titled after the act
//! that would follow and narrated as its first moment is, so the trainee sees
//! where the story goes on. Ending kinds describe, they do not rank (see
//! [`EndingKind`]): an exit that a path reaches without opening a rupture ends
//! as `Held`, any other as `Unresolved` (the story is left open). Drills that
//! start in a left-out act, and the expectations (whose paths run through the
//! left-out acts), are left out.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::core::graph::ScenarioGraph;
use crate::core::model::{Ending, EndingKind, Node, RuptureEffect, Scenario};
use crate::core::wording::part_ending_text;

/// Why a part cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartError {
    pub acts: usize,
    pub available: usize,
}

impl fmt::Display for PartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.acts == 0 {
            write!(f, "a part keeps at least one act")
        } else {
            write!(
                f,
                "the scenario has {} acts, so a part of its first {} would be all of it; leave out --acts",
                self.available, self.acts
            )
        }
    }
}

/// The first `acts` acts of `scenario`, ending where they lead on.
pub fn first_acts(scenario: &Scenario, acts: usize) -> Result<Scenario, PartError> {
    if acts == 0 || acts >= scenario.acts.len() {
        return Err(PartError {
            acts,
            available: scenario.acts.len(),
        });
    }
    let mut part = scenario.clone();
    let left_out = part.acts.split_off(acts);
    let left_out_nodes: HashMap<&str, (usize, &Node)> = left_out
        .iter()
        .enumerate()
        .flat_map(|(act, a)| {
            a.nodes
                .iter()
                .map(move |node| (node.id.as_str(), (act, node)))
        })
        .collect();
    let mut exits: Vec<String> = Vec::new();
    for act in &part.acts {
        let targets = act
            .deadlines
            .iter()
            .map(|deadline| deadline.node.as_str())
            .chain(act.nodes.iter().flat_map(|node| {
                node.choices
                    .iter()
                    .map(|choice| choice.target.as_str())
                    .chain(node.timeout.iter().map(|timeout| timeout.target.as_str()))
            }));
        for target in targets {
            if left_out_nodes.contains_key(target) && !exits.iter().any(|exit| exit == target) {
                exits.push(target.to_owned());
            }
        }
    }
    let endings: Vec<Node> = exits
        .iter()
        .map(|id| {
            let (act, node) = left_out_nodes[id.as_str()];
            let act = &left_out[act];
            let mut ending = Node::empty(id.as_str());
            ending.narration = node.narration.clone();
            ending.ending = Some(Ending {
                kind: EndingKind::Unresolved,
                title: act.title.clone(),
                text: part_ending_text(&act.place),
            });
            ending
        })
        .collect();
    part.acts
        .last_mut()
        .expect("a part keeps at least one act")
        .nodes
        .extend(endings);
    let held = reached_without_a_rupture(&part);
    for node in part.acts.iter_mut().flat_map(|act| act.nodes.iter_mut()) {
        if let Some(ending) = &mut node.ending
            && exits.contains(&node.id)
            && held.contains(&node.id)
        {
            ending.kind = EndingKind::Held;
        }
    }
    let kept: BTreeSet<String> = part
        .nodes()
        .filter(|node| !exits.contains(&node.id))
        .map(|node| node.id.clone())
        .collect();
    part.entry_points.retain(|entry| kept.contains(&entry.node));
    for entry in &mut part.entry_points {
        entry.visited.retain(|id| kept.contains(id));
    }
    part.expectations.clear();
    Ok(part)
}

/// The ids of the nodes some path from the start reaches without opening a
/// rupture (conditions ignored).
fn reached_without_a_rupture(scenario: &Scenario) -> BTreeSet<String> {
    let graph = ScenarioGraph::build(scenario);
    let Some(start) = graph.index(&scenario.start) else {
        return BTreeSet::new();
    };
    let mut seen = vec![false; graph.len()];
    seen[start] = true;
    let mut queue = vec![start];
    while let Some(node) = queue.pop() {
        for edge in graph.outgoing(node) {
            let opens = matches!(edge.rupture, Some(RuptureEffect::Opens(_)));
            if !opens && !seen[edge.to] {
                seen[edge.to] = true;
                queue.push(edge.to);
            }
        }
    }
    (0..graph.len())
        .filter(|&node| seen[node])
        .map(|node| graph.nodes[node].id.clone())
        .collect()
}
