//! Checks that follow the paths play can take: an ending marked Repaired that
//! no path reaches through a repair, and a deadline that has passed before its
//! act begins.

use std::collections::VecDeque;

use super::Context;
use crate::core::diagnostic::Diagnostic;
use crate::core::model::{EndingKind, RuptureEffect};

pub(super) fn check(cx: &mut Context) {
    check_repaired_endings(cx);
    check_deadlines_in_the_past(cx);
}

/// Where play can begin: the start and every entry point.
fn roots(cx: &Context) -> Vec<usize> {
    std::iter::once(cx.scenario.start.as_str())
        .chain(cx.scenario.entry_points.iter().map(|e| e.node.as_str()))
        .filter_map(|id| cx.graph.index(id))
        .collect()
}

/// Each node reachable, and whether some path to it goes through a repair:
/// a search over (node, repaired on the way).
fn reached_through_repair(cx: &Context) -> (Vec<bool>, Vec<bool>) {
    let count = cx.graph.len();
    let mut seen = [vec![false; count], vec![false; count]];
    let mut queue: VecDeque<(usize, bool)> = roots(cx).into_iter().map(|n| (n, false)).collect();
    while let Some((node, repaired)) = queue.pop_front() {
        let flag = usize::from(repaired);
        if seen[flag][node] {
            continue;
        }
        seen[flag][node] = true;
        for edge in cx.graph.outgoing(node) {
            let repairs = repaired || edge.rupture == Some(RuptureEffect::Repairs);
            queue.push_back((edge.to, repairs));
        }
    }
    let [without, with] = seen;
    let reached = without.iter().zip(&with).map(|(a, b)| *a || *b).collect();
    (reached, with)
}

fn check_repaired_endings(cx: &mut Context) {
    let (reached, through_repair) = reached_through_repair(cx);
    let mut found = Vec::new();
    for (index, node) in cx.graph.nodes.iter().enumerate() {
        let repaired = node
            .ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Repaired);
        if !repaired || !reached[index] || through_repair[index] {
            continue;
        }
        found.push(
            Diagnostic::warning(
                "repaired-without-repair",
                format!("{}.ending.kind", cx.graph.node_path(index)),
                format!(
                    "the ending \"{}\" is marked Repaired, but no path reaches it through a repair",
                    node.id
                ),
            )
            .with_label("no answer on the way has `rupture: Repairs`")
            .with_help("mark it `Held` or `Unresolved`, or let the answers that repair lead to it"),
        );
    }
    cx.out.extend(found);
}

fn check_deadlines_in_the_past(cx: &mut Context) {
    let mut found = Vec::new();
    for (a, act) in cx.scenario.acts.iter().enumerate() {
        let start = act.clock_start.minutes();
        // An entry point can start the act earlier than its clock_start.
        let earliest = cx
            .scenario
            .entry_points
            .iter()
            .filter(|e| {
                cx.graph
                    .index(&e.node)
                    .is_some_and(|n| cx.graph.node_act[n] == a)
            })
            .filter_map(|e| e.clock.map(|clock| clock.minutes()))
            .fold(start, u32::min);
        for (d, deadline) in act.deadlines.iter().enumerate() {
            if deadline.at.minutes() > earliest {
                continue;
            }
            found.push(
                Diagnostic::warning(
                    "deadline-never-passes",
                    format!("acts[{a}].deadlines[{d}].at"),
                    format!(
                        "the deadline at {} (\"{}\") can never pass: the act begins at {}",
                        deadline.at, deadline.label, act.clock_start
                    ),
                )
                .with_label("at or before the act's start")
                .with_help("set it later than the act's `clock_start`, or remove it"),
            );
        }
    }
    cx.out.extend(found);
}
