//! Checks that follow the paths play can take: an ending marked Repaired that
//! no path reaches through a repair, a deadline that has passed before its act
//! begins, and an answer a deadline always takes over from.

use std::collections::VecDeque;

use super::Context;
use crate::core::diagnostic::Diagnostic;
use crate::core::graph::EdgeKind;
use crate::core::model::{EndingKind, RuptureEffect, TakeOver};

pub(super) fn check(cx: &mut Context) {
    check_repaired_endings(cx);
    check_deadlines_in_the_past(cx);
    check_answers_a_deadline_takes_over(cx);
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

/// The earliest and latest clock at which play can enter each node of act
/// `a` (by index in the graph; none for nodes not reached), following its
/// answers and timeouts from where the act can begin: its start, an entry
/// point, a moment another act leads into, or a deadline's moment (at its time
/// or later). None when the act loops, where the clock has no bound.
fn clock_ranges(cx: &Context, a: usize) -> Option<Vec<Option<(u32, u32)>>> {
    let act = &cx.scenario.acts[a];
    let graph = &cx.graph;
    let in_act = |n: usize| graph.node_act[n] == a;
    let mut range: Vec<Option<(u32, u32)>> = vec![None; graph.len()];
    let widen = |range: &mut Vec<Option<(u32, u32)>>, n: usize, lo: u32, hi: u32| {
        range[n] = Some(match range[n] {
            Some((l, h)) => (l.min(lo), h.max(hi)),
            None => (lo, hi),
        });
    };
    let start = act.clock_start.minutes();
    if let Some(first) = graph.index(&cx.scenario.start).filter(|&n| in_act(n)) {
        widen(&mut range, first, start, start);
    }
    for entry in &cx.scenario.entry_points {
        if let Some(n) = graph.index(&entry.node).filter(|&n| in_act(n)) {
            let at = entry.clock.map_or(start, |clock| clock.minutes());
            widen(&mut range, n, at, at);
        }
    }
    for edge in &graph.edges {
        if in_act(edge.to) && !in_act(edge.from) {
            widen(&mut range, edge.to, start, start);
        }
    }
    for deadline in &act.deadlines {
        if let Some(n) = graph.index(&deadline.node).filter(|&n| in_act(n)) {
            widen(&mut range, n, deadline.at.minutes(), u32::MAX);
        }
    }
    // The act's answers and timeouts, in an order where each node comes after
    // every node that leads to it (Kahn's algorithm); a loop leaves nodes out.
    let within = |kind: EdgeKind| !matches!(kind, EdgeKind::Deadline(_));
    let members: Vec<usize> = (0..graph.len()).filter(|&n| in_act(n)).collect();
    let mut waiting = vec![0usize; graph.len()];
    for &n in &members {
        for edge in graph.outgoing(n) {
            if within(edge.kind) && in_act(edge.to) {
                waiting[edge.to] += 1;
            }
        }
    }
    let mut ready: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&n| waiting[n] == 0)
        .collect();
    let mut ordered = 0;
    while let Some(n) = ready.pop() {
        ordered += 1;
        for edge in graph.outgoing(n) {
            if !within(edge.kind) || !in_act(edge.to) {
                continue;
            }
            if let Some((lo, hi)) = range[n] {
                let minutes = minutes_of(cx, n, edge.kind);
                widen(
                    &mut range,
                    edge.to,
                    lo.saturating_add(minutes),
                    hi.saturating_add(minutes),
                );
            }
            waiting[edge.to] -= 1;
            if waiting[edge.to] == 0 {
                ready.push(edge.to);
            }
        }
    }
    (ordered == members.len()).then_some(range)
}

/// The minutes an answer or a timeout of node `n` takes.
fn minutes_of(cx: &Context, n: usize, kind: EdgeKind) -> u32 {
    let node = cx.graph.nodes[n];
    match kind {
        EdgeKind::Choice(c) => node.choices[c].minutes,
        EdgeKind::Timeout => node.timeout.as_ref().map_or(0, |t| t.minutes),
        EdgeKind::Deadline(_) => 0,
    }
}

/// An answer that runs past a deadline whichever way play came to it, and so
/// never reaches its own destination: the deadline's moment takes over.
fn check_answers_a_deadline_takes_over(cx: &mut Context) {
    let mut found = Vec::new();
    for (a, act) in cx.scenario.acts.iter().enumerate() {
        if act.deadlines.is_empty() {
            continue;
        }
        let Some(range) = clock_ranges(cx, a) else {
            continue;
        };
        for n in (0..cx.graph.len()).filter(|&n| cx.graph.node_act[n] == a) {
            let Some((lo, hi)) = range[n] else { continue };
            for edge in cx.graph.outgoing(n) {
                if matches!(edge.kind, EdgeKind::Deadline(_)) || cx.graph.node_act[edge.to] != a {
                    continue;
                }
                let minutes = minutes_of(cx, n, edge.kind);
                let target_ends = cx.graph.nodes[edge.to].is_ending();
                let overriding = act.deadlines.iter().find(|deadline| {
                    let at = deadline.at.minutes();
                    let always_passes = hi < at && lo.saturating_add(minutes) >= at;
                    let deadline_node = cx.graph.index(&deadline.node);
                    let takes_over = deadline.takes_over == TakeOver::Immediately || !target_ends;
                    always_passes
                        && takes_over
                        && deadline_node.is_some_and(|d| d != edge.to && !reaches(cx, d, n, a))
                });
                let Some(deadline) = overriding else { continue };
                let node = cx.graph.nodes[n];
                let (path, what) = match edge.kind {
                    EdgeKind::Choice(c) => (
                        format!("{}.choices[{c}].target", cx.graph.node_path(n)),
                        format!("the answer \"{}\"", node.choices[c].id),
                    ),
                    _ => (
                        format!("{}.timeout.target", cx.graph.node_path(n)),
                        format!("the timeout of \"{}\"", node.id),
                    ),
                };
                // A note, not a warning: running into the next client's time
                // can be the point of the answer.
                found.push(
                    Diagnostic::note(
                        "overridden-by-deadline",
                        path,
                        format!(
                            "{what} always runs past {} (\"{}\"), so play goes to \"{}\" and never to \"{}\"",
                            deadline.at, deadline.label, deadline.node, cx.graph.nodes[edge.to].id
                        ),
                    )
                    .with_label("never reached this way")
                    .with_help("if that is meant, lead the answer to the deadline's moment so the file says what happens; otherwise take fewer minutes"),
                );
            }
        }
    }
    cx.out.extend(found);
}

/// Whether `to` can be reached from `from` within act `a` (so a deadline whose
/// moment is `from` may already have been visited at `to`).
fn reaches(cx: &Context, from: usize, to: usize, a: usize) -> bool {
    let mut seen = vec![false; cx.graph.len()];
    let mut stack = vec![from];
    while let Some(n) = stack.pop() {
        if n == to {
            return true;
        }
        if std::mem::replace(&mut seen[n], true) {
            continue;
        }
        stack.extend(
            cx.graph
                .outgoing(n)
                .filter(|e| cx.graph.node_act[e.to] == a)
                .map(|e| e.to),
        );
    }
    false
}
