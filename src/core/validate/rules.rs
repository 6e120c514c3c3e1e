//! The errors: anything that makes a scenario impossible to play as written.

use std::collections::HashMap;

use super::{Context, is_blank};
use crate::core::diagnostic::Diagnostic;
use crate::core::dimensions::DISTANCE;
use crate::core::graph::EdgeKind;
use crate::core::model::{Condition, DimensionDef, Feedback, Node, Step};
use crate::core::suggest::did_you_mean;

pub(super) fn check(cx: &mut Context) {
    check_start(cx);
    check_unique_ids(cx);
    check_dimension_declarations(cx);
    check_optimal_distance(cx);
    for act_index in 0..cx.scenario.acts.len() {
        check_act_clock(cx, act_index);
        check_act_client(cx, act_index);
        for slot in 0..cx.scenario.acts[act_index].nodes.len() {
            check_node(cx, act_index, slot);
        }
    }
    check_targets(cx);
    check_entry_points(cx);
    check_expectations(cx);
}

/// Reports the choices and timeouts that lead to no node. Building the graph has
/// looked every target up already; only those it could not resolve are visited.
fn check_targets(cx: &mut Context) {
    for index in 0..cx.graph.dangling.len() {
        let (node, kind) = cx.graph.dangling[index];
        let n = cx.graph.nodes[node];
        let base = cx.graph.node_path(node);
        let (target, path, what) = match kind {
            EdgeKind::Choice(c) => (
                &n.choices[c].target,
                format!("{base}.choices[{c}].target"),
                format!("the choice \"{}\" leads to", n.choices[c].id),
            ),
            _ => {
                let timeout = n.timeout.as_ref().expect("a dangling timeout");
                (
                    &timeout.target,
                    format!("{base}.timeout.target"),
                    "the timeout leads to".to_owned(),
                )
            }
        };
        cx.unknown_node(target, path, "unknown-target", &what, super::USE_A_NODE_ID);
    }
}

fn check_start(cx: &mut Context) {
    if cx.graph.is_empty() {
        cx.push(
            Diagnostic::error("no-nodes", "acts", "the scenario has no nodes")
                .with_label("no act here has a node")
                .with_help("add an act with at least one node"),
        );
        return;
    }
    let start = cx.scenario.start.clone();
    if start.is_empty() {
        let first = cx.graph.nodes[0].id.clone();
        cx.push(
            Diagnostic::error("missing-start", "start", "the scenario has no start")
                .with_label("play cannot begin")
                .with_help(format!("add `start: \"{first}\",` naming the first node")),
        );
    } else {
        cx.require_node(
            &start,
            || "start".into(),
            "unknown-start",
            || "the scenario starts at".into(),
        );
    }
}

/// Reports each id that appears again in `ids`; `path_of` gives the path of the
/// id at a position, built only for duplicates.
fn report_duplicates<'s>(
    cx: &mut Context,
    what: &str,
    ids: impl IntoIterator<Item = &'s str>,
    path_of: impl Fn(usize) -> String,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut found = Vec::new();
    for (position, id) in ids.into_iter().enumerate() {
        match first.get(id) {
            Some(&earlier) => found.push(duplicate(what, id, path_of(position), path_of(earlier))),
            None => {
                first.insert(id, position);
            }
        }
    }
    for diagnostic in found {
        cx.push(diagnostic);
    }
}

/// Reports each node whose id an earlier node already has. The graph maps every
/// id to its first node, so these are the nodes the graph does not map to; no
/// second table of the (possibly many) node ids is built.
fn report_duplicate_nodes(cx: &mut Context) {
    let graph = &cx.graph;
    let found: Vec<Diagnostic> = (0..graph.len())
        .filter_map(|node| {
            let id = graph.nodes[node].id.as_str();
            let earlier = graph.index(id).filter(|&first| first != node)?;
            Some(duplicate(
                "node",
                id,
                format!("{}.id", graph.node_path(node)),
                format!("{}.id", graph.node_path(earlier)),
            ))
        })
        .collect();
    for diagnostic in found {
        cx.push(diagnostic);
    }
}

/// The error for a `what` id used again at `path`, first used at `first_path`.
fn duplicate(what: &str, id: &str, path: String, first_path: String) -> Diagnostic {
    Diagnostic::error(
        "duplicate-id",
        path,
        format!("{what} id \"{id}\" is used twice"),
    )
    .with_label("used again here")
    .with_related(first_path, "first used here")
    .with_help(format!("give each {what} its own id"))
}

/// Whether any two of a node's few choices share an id, without allocating.
fn choices_share_an_id(node: &Node) -> bool {
    let choices = &node.choices;
    (1..choices.len()).any(|i| choices[..i].iter().any(|c| c.id == choices[i].id))
}

fn check_unique_ids(cx: &mut Context) {
    let scenario = cx.scenario;
    report_duplicates(
        cx,
        "act",
        scenario.acts.iter().map(|a| a.id.as_str()),
        |a| format!("acts[{a}].id"),
    );
    report_duplicate_nodes(cx);
    report_duplicates(
        cx,
        "character",
        scenario.characters.iter().map(|c| c.id.as_str()),
        |i| format!("characters[{i}].id"),
    );
    report_duplicates(
        cx,
        "dimension",
        scenario.dimensions.iter().map(|d| d.id.as_str()),
        |i| format!("dimensions[{i}].id"),
    );
    report_duplicates(
        cx,
        "entry point",
        scenario.entry_points.iter().map(|e| e.id.as_str()),
        |i| format!("entry_points[{i}].id"),
    );
}

fn check_dimension_declarations(cx: &mut Context) {
    let problems: Vec<Diagnostic> = cx
        .scenario
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, dim)| dimension_problem(dim, format!("dimensions[{i}]")))
        .collect();
    for problem in problems {
        cx.push(problem);
    }
}

fn dimension_problem(dim: &DimensionDef, path: String) -> Option<Diagnostic> {
    let bad = |field: &str, message: String, help: &str| {
        Some(
            Diagnostic::error("bad-dimension", format!("{path}.{field}"), message)
                .with_label("out of place")
                .with_help(help),
        )
    };
    if dim.min >= dim.max {
        return bad(
            "max",
            format!(
                "dimension \"{}\" has max {} not above min {}",
                dim.id, dim.max, dim.min
            ),
            "make `max` greater than `min`",
        );
    }
    if !(dim.min..=dim.max).contains(&dim.initial) {
        return bad(
            "initial",
            format!(
                "dimension \"{}\" starts at {}, outside its range {} to {}",
                dim.id, dim.initial, dim.min, dim.max
            ),
            "choose an `initial` value between `min` and `max`",
        );
    }
    match dim.optimal {
        Some(band) if band.low > band.high || band.low < dim.min || band.high > dim.max => bad(
            "optimal",
            format!(
                "dimension \"{}\" has an optimal band {} to {} that does not fit its range {} to {}",
                dim.id, band.low, band.high, dim.min, dim.max
            ),
            "the band needs `low` <= `high`, both between `min` and `max`",
        ),
        _ => None,
    }
}

/// The scenario's own optimal-distance band fits the distance range and says why.
fn check_optimal_distance(cx: &mut Context) {
    let Some(own) = &cx.scenario.optimal_distance else {
        return;
    };
    let Some(distance) = cx.dimensions.get(DISTANCE) else {
        return;
    };
    let (min, max) = (distance.min, distance.max);
    if own.low > own.high || own.low < min || own.high > max {
        cx.push(
            Diagnostic::error(
                "bad-optimal-distance",
                "optimal_distance",
                format!(
                    "the optimal distance {} to {} does not fit the distance range {min} to {max}",
                    own.low, own.high
                ),
            )
            .with_label("not a band of the distance dimension")
            .with_help("the band needs `low` <= `high`, both within the range"),
        );
    }
    if is_blank(&own.reason) {
        cx.push(
            Diagnostic::warning(
                "bad-optimal-distance",
                "optimal_distance.reason",
                "the optimal distance gives no reason",
            )
            .with_label("why does this client need this band?")
            .with_help("say in one line why this band fits this client (for example their attachment style)"),
        );
    }
}

fn check_act_clock(cx: &mut Context, act_index: usize) {
    let act = &cx.scenario.acts[act_index];
    let path = format!("acts[{act_index}]");
    for (d, deadline) in act.deadlines.iter().enumerate() {
        let deadline_path = format!("{path}.deadlines[{d}]");
        if deadline.at <= act.clock_start {
            cx.push(
                Diagnostic::error(
                    "deadline-outside-day",
                    format!("{deadline_path}.at"),
                    format!(
                        "the deadline at {} is not within the act's day, which starts at {}",
                        deadline.at, act.clock_start
                    ),
                )
                .with_label("before the act begins")
                .with_related(format!("{path}.clock_start"), "the act starts here")
                .with_help(
                    "a deadline must fall after the act's `clock_start` and before midnight",
                ),
            );
        }
        let node = deadline.node.clone();
        cx.require_node(
            &node,
            || format!("{deadline_path}.node"),
            "unknown-deadline-node",
            || "the deadline leads to".into(),
        );
    }
}

fn check_node(cx: &mut Context, act_index: usize, slot: usize) {
    let node: &Node = &cx.scenario.acts[act_index].nodes[slot];
    let path = || format!("acts[{act_index}].nodes[{slot}]");
    if is_blank(&node.id) {
        cx.push(
            Diagnostic::error(
                "empty-id",
                format!("{}.id", path()),
                "a node has an empty id",
            )
            .with_label("empty")
            .with_help("give the node a short id such as \"doorway\""),
        );
    }
    check_characters_named(cx, node, path);
    check_timing(cx, node, path);
    if node.is_ending() {
        if !node.choices.is_empty() || node.time_limit.is_some() || node.timeout.is_some() {
            cx.push(
                Diagnostic::error(
                    "ending-with-choices",
                    format!("{}.ending", path()),
                    format!("the ending \"{}\" also has choices or a time limit", node.id),
                )
                .with_label("this makes the node an ending")
                .with_help("an ending closes the scenario: remove its choices and timing, or remove `ending`"),
            );
        }
    } else if node.choices.is_empty() && node.timeout.is_none() {
        cx.push(
            Diagnostic::error(
                "dead-end",
                format!("{}.id", path()),
                format!(
                    "the node \"{}\" has no choices and is not an ending",
                    node.id
                ),
            )
            .with_label("play would stop here")
            .with_help(
                "add `choices`, or make it an ending with `ending: Ending(kind: ..., title: ...)`",
            ),
        );
    }
    // Here rather than with the other ids, so that the pass over the nodes reads
    // each node's choices once.
    if choices_share_an_id(node) {
        report_duplicates(
            cx,
            "choice",
            node.choices.iter().map(|c| c.id.as_str()),
            |c| format!("{}.choices[{c}].id", path()),
        );
    }
    for (c, choice) in node.choices.iter().enumerate() {
        let choice_path = || format!("{}.choices[{c}]", path());
        if is_blank(&choice.id) {
            cx.push(
                Diagnostic::error(
                    "empty-id",
                    format!("{}.id", choice_path()),
                    "a choice has an empty id",
                )
                .with_label("empty")
                .with_help("give the choice a short id such as \"schedule_later\""),
            );
        }
        check_effects(cx, choice.effects.keys(), choice_path);
        check_conditions(cx, &choice.when, choice_path);
        check_voice(cx, choice.feedback.as_ref(), choice_path);
    }
    if let Some(timeout) = &node.timeout {
        let timeout_path = || format!("{}.timeout", path());
        check_effects(cx, timeout.effects.keys(), timeout_path);
        check_voice(cx, timeout.feedback.as_ref(), timeout_path);
    }
}

/// The node's `speaker` and `felt_by`, when given, name characters.
fn check_characters_named(cx: &mut Context, node: &Node, path: impl Fn() -> String) {
    let field = |name: &str| format!("{}.{name}", path());
    require_character(cx, node.speaker.as_deref(), "unknown-speaker", || {
        (field("speaker"), "the speaker")
    });
    require_character(cx, node.felt_by.as_deref(), "unknown-felt-by", || {
        (field("felt_by"), "the moment's felt_by")
    });
}

fn check_act_client(cx: &mut Context, act_index: usize) {
    let client = cx.scenario.acts[act_index].client.as_deref();
    require_character(cx, client, "unknown-client", || {
        (format!("acts[{act_index}].client"), "the act's client")
    });
}

/// The feedback's `voice`, when given, names a character.
fn check_voice(cx: &mut Context, feedback: Option<&Feedback>, path: impl Fn() -> String) {
    let voice = feedback.and_then(|f| f.voice.as_deref());
    require_character(cx, voice, "unknown-voice", || {
        (format!("{}.feedback.voice", path()), "the voice")
    });
}

/// Reports `id`, when given, if it names no character. `place` gives the path
/// and what the message calls the field, built only when there is a problem.
fn require_character(
    cx: &mut Context,
    id: Option<&str>,
    code: &'static str,
    place: impl FnOnce() -> (String, &'static str),
) {
    let Some(id) = id else { return };
    if cx.scenario.character(id).is_some() {
        return;
    }
    let (path, what) = place();
    let diagnostic = Diagnostic::error(
        code,
        path,
        format!("{what} \"{id}\" is not a character of this scenario"),
    );
    cx.push(unknown_character(cx, id, diagnostic));
}

/// The label and help of a diagnostic about an id that names no character.
fn unknown_character(cx: &Context, id: &str, diagnostic: Diagnostic) -> Diagnostic {
    let characters = cx.scenario.characters.iter().map(|c| c.id.as_str());
    let help = did_you_mean(id, characters)
        .unwrap_or_else(|| "add the character under `characters`".into());
    diagnostic
        .with_label("no character has this id")
        .with_help(help)
}

/// `path` gives the node's path, built only when there is a problem.
fn check_timing(cx: &mut Context, node: &Node, path: impl Fn() -> String) {
    match node.time_limit {
        Some(limit) if !limit.is_finite() || limit <= 0.0 => cx.push(
            Diagnostic::error(
                "bad-time-limit",
                format!("{}.time_limit", path()),
                format!("the time limit must be a positive number of seconds, not {limit}"),
            )
            .with_label("not a usable time limit")
            .with_help("write the seconds the trainee has, such as `time_limit: 20`, or leave it out"),
        ),
        Some(_) if node.timeout.is_none() => cx.push(
            Diagnostic::error(
                "missing-timeout",
                format!("{}.time_limit", path()),
                format!("the node \"{}\" is timed but has no timeout outcome", node.id),
            )
            .with_label("what happens when this runs out?")
            .with_help("add `timeout: Timeout(target: ..., feedback: ...)`: letting the moment pass is a response too"),
        ),
        None if node.timeout.is_some() => cx.push(
            Diagnostic::warning(
                "timeout-without-limit",
                format!("{}.timeout", path()),
                format!("the node \"{}\" has a timeout outcome but no time limit", node.id),
            )
            .with_label("this can never happen")
            .with_help("add `time_limit: SECONDS`, or remove the timeout"),
        ),
        _ => {}
    }
}

fn check_effects<'s>(
    cx: &mut Context,
    dimensions: impl Iterator<Item = &'s String>,
    path: impl Fn() -> String,
) {
    for dimension in dimensions {
        cx.require_dimension(dimension, || format!("{}.effects[\"{dimension}\"]", path()));
    }
}

fn check_conditions(cx: &mut Context, conditions: &[Condition], path: impl Fn() -> String) {
    for (i, condition) in conditions.iter().enumerate() {
        let condition_path = || format!("{}.when[{i}]", path());
        match condition {
            Condition::Visited(node) | Condition::NotVisited(node) => {
                cx.require_node(node, condition_path, "unknown-node", || {
                    "the condition names".into()
                });
            }
            Condition::AtLeast(dimension, _) | Condition::AtMost(dimension, _) => {
                cx.require_dimension(dimension, condition_path);
            }
            Condition::RuptureOpen | Condition::NoRuptureOpen => {}
        }
    }
}

fn check_entry_points(cx: &mut Context) {
    let scenario = cx.scenario;
    for (i, entry) in scenario.entry_points.iter().enumerate() {
        let path = format!("entry_points[{i}]");
        cx.require_node_or(
            &entry.node,
            || format!("{path}.node"),
            "unknown-entry-node",
            || format!("the entry point \"{}\" starts at", entry.id),
            "an entry point starts a drill at one of the scenario's moments: give a moment's id, \
             or delete the entry point (and the expectations that start from it)",
        );
        for dimension in entry.state.keys() {
            cx.require_dimension(dimension, || format!("{path}.state[\"{dimension}\"]"));
        }
        for (v, visited) in entry.visited.iter().enumerate() {
            cx.require_node(
                visited,
                || format!("{path}.visited[{v}]"),
                "unknown-node",
                || "the entry point assumes a visit to".into(),
            );
        }
    }
}

fn check_expectations(cx: &mut Context) {
    let scenario = cx.scenario;
    let choice_ids: Vec<&str> = scenario
        .nodes()
        .flat_map(|n| n.choices.iter().map(|c| c.id.as_str()))
        .collect();
    for (i, expectation) in scenario.expectations.iter().enumerate() {
        let path = format!("expectations[{i}]");
        if let Some(entry) = &expectation.entry
            && scenario.entry_points.iter().all(|e| &e.id != entry)
        {
            let help = did_you_mean(entry, scenario.entry_points.iter().map(|e| e.id.as_str()))
                .unwrap_or_else(|| {
                    "name an entry point declared under `entry_points`, or delete this expectation"
                        .into()
                });
            cx.push(
                    Diagnostic::error(
                        "unknown-entry",
                        format!("{path}.entry"),
                        format!("the expectation starts at the entry point \"{entry}\", which does not exist"),
                    )
                    .with_label("no entry point has this id")
                    .with_help(help),
                );
        }
        for (s, step) in expectation.steps.iter().enumerate() {
            if let Step::Choose(choice) = step
                && !choice_ids.contains(&choice.as_str())
            {
                let help = did_you_mean(choice, choice_ids.iter().copied()).unwrap_or_else(|| {
                    "an expectation is a test path that `doorway check` plays: name your \
                         own choices' ids, in the order played, or delete the expectation"
                        .into()
                });
                cx.push(
                    Diagnostic::error(
                        "unknown-choice",
                        format!("{path}.steps[{s}]"),
                        format!("no node has a choice \"{choice}\""),
                    )
                    .with_label("unknown choice")
                    .with_help(help),
                );
            }
        }
        if let Some(node) = &expectation.node {
            cx.require_node(
                node,
                || format!("{path}.node"),
                "unknown-node",
                || "the expectation ends at".into(),
            );
        }
        for dimension in expectation.state.keys() {
            cx.require_dimension(dimension, || format!("{path}.state[\"{dimension}\"]"));
        }
    }
}
