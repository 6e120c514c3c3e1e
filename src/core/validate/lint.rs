//! The pedagogical lint: warnings about scenarios that play but are likely to teach
//! badly or to leave the trainee stuck.

use super::{Context, is_blank};
use crate::core::cues::word_count;
use crate::core::diagnostic::Diagnostic;
use crate::core::fis::FisItem;
use crate::core::graph::EdgeKind;
use crate::core::model::{EndingKind, Feedback, RuptureEffect};

pub(super) fn check(cx: &mut Context) {
    check_reachability(cx);
    let per_node = NodeLints::check(cx);
    cx.out.extend(per_node.feedback);
    check_rupture_repair(cx);
    cx.out.extend(per_node.identical_effects);
    cx.out.extend(per_node.reading_time);
    cx.out.extend(per_node.tags);
}

/// The warnings of the lints that look at one node at a time. They run in one pass
/// over the nodes, since on a large scenario every pass reads the nodes from memory
/// again; each keeps its own list, so the warnings come out in the order of one
/// pass per lint.
#[derive(Default)]
struct NodeLints {
    feedback: Vec<Diagnostic>,
    identical_effects: Vec<Diagnostic>,
    reading_time: Vec<Diagnostic>,
    tags: Vec<Diagnostic>,
}

impl NodeLints {
    fn check(cx: &Context) -> Self {
        let mut found = Self::default();
        for node in 0..cx.graph.len() {
            check_feedback(cx, node, &mut found.feedback);
            check_identical_effects(cx, node, &mut found.identical_effects);
            check_reading_time(cx, node, &mut found.reading_time);
            check_tags(cx, node, &mut found.tags);
        }
        found
    }
}

/// Nodes where play can begin: the start and the entry points.
fn roots(cx: &Context) -> Vec<usize> {
    std::iter::once(cx.scenario.start.as_str())
        .chain(cx.scenario.entry_points.iter().map(|e| e.node.as_str()))
        .filter_map(|id| cx.graph.index(id))
        .collect()
}

fn check_reachability(cx: &mut Context) {
    let roots = roots(cx);
    if roots.is_empty() {
        return; // the missing start is already an error
    }
    let reachable = cx.graph.reachable_from(roots);
    let endings = (0..cx.graph.len()).filter(|&n| cx.graph.nodes[n].is_ending());
    let can_end = cx.graph.reaching(endings);
    for node in 0..cx.graph.len() {
        if reachable[node] && can_end[node] {
            continue;
        }
        let id = &cx.graph.nodes[node].id;
        let path = format!("{}.id", cx.graph.node_path(node));
        let is_ending = cx.graph.nodes[node].is_ending();
        if !reachable[node] {
            let (code, what) = if is_ending {
                ("unreachable-ending", "ending")
            } else {
                ("unreachable-node", "node")
            };
            cx.out.push(
                Diagnostic::warning(
                    code,
                    path.clone(),
                    format!("the {what} \"{id}\" cannot be reached"),
                )
                .with_label("no choice, timeout or deadline leads here")
                .with_help("lead a choice here, or remove it"),
            );
        }
        if !can_end[node] {
            cx.out.push(
                Diagnostic::warning(
                    "no-way-to-end",
                    path,
                    format!("no ending can be reached from \"{id}\""),
                )
                .with_label("a trainee here could never finish")
                .with_help("give one of the paths from here a way to an ending"),
            );
        }
    }
}

fn check_feedback(cx: &Context, node: usize, found: &mut Vec<Diagnostic>) {
    let base = || cx.graph.node_path(node);
    let n = cx.graph.nodes[node];
    for (c, choice) in n.choices.iter().enumerate() {
        found.extend(feedback_problem(
            choice.feedback.as_ref(),
            || format!("{}.choices[{c}]", base()),
            || format!("the choice \"{}\"", choice.id),
        ));
    }
    if let Some(timeout) = &n.timeout {
        found.extend(feedback_problem(
            timeout.feedback.as_ref(),
            || format!("{}.timeout", base()),
            || format!("the timeout of \"{}\"", n.id),
        ));
    }
}

/// The problem with one response's feedback, if any; `path` and `what` are built
/// only when there is one.
fn feedback_problem(
    feedback: Option<&Feedback>,
    path: impl Fn() -> String,
    what: impl Fn() -> String,
) -> Option<Diagnostic> {
    let Some(feedback) = feedback else {
        return Some(
            Diagnostic::warning(
                "missing-feedback",
                format!("{}.id", path()),
                format!("{} has no feedback", what()),
            )
            .with_label("the trainee learns nothing from this response")
            .with_help(
                "add `feedback: Feedback(relational: ..., client: ..., concept: ..., source: ...)`",
            ),
        );
    };
    let parts = [
        ("relational", &feedback.relational),
        ("client", &feedback.client),
        ("concept", &feedback.concept),
        ("source", &feedback.source),
    ];
    let missing: Vec<&str> = parts
        .iter()
        .filter(|(_, text)| is_blank(text))
        .map(|(name, _)| *name)
        .collect();
    (!missing.is_empty()).then(|| {
        Diagnostic::warning(
            "incomplete-feedback",
            format!("{}.feedback", path()),
            format!("the feedback on {} lacks: {}", what(), missing.join(", ")),
        )
        .with_label("incomplete")
        .with_help("feedback has three parts: what it does relationally, what the client may feel, and the concept with its source")
    })
}

fn check_rupture_repair(cx: &mut Context) {
    // A part of a scenario (its first acts, translated one act at a time) ends
    // where the story goes on: the repairs may lie in the acts it leaves out,
    // and the whole scenario is checked for them.
    if cx
        .scenario
        .translation
        .as_ref()
        .is_some_and(|translation| translation.acts.is_some())
    {
        return;
    }
    let repair_endings = (0..cx.graph.len()).filter(|&n| {
        cx.graph.nodes[n]
            .ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Repaired)
    });
    let can_repair = cx.graph.reaching(repair_endings);
    let mut found = Vec::new();
    for edge in &cx.graph.edges {
        if !matches!(edge.rupture, Some(RuptureEffect::Opens(_))) || can_repair[edge.to] {
            continue;
        }
        let base = cx.graph.node_path(edge.from);
        let (path, what) = match edge.kind {
            EdgeKind::Choice(c) => (
                format!("{base}.choices[{c}].rupture"),
                format!("the choice \"{}\"", cx.graph.nodes[edge.from].choices[c].id),
            ),
            _ => (
                format!("{base}.timeout.rupture"),
                format!("the timeout of \"{}\"", cx.graph.nodes[edge.from].id),
            ),
        };
        found.push(
            Diagnostic::warning(
                "rupture-without-repair",
                path,
                format!("{what} opens a rupture that can never be repaired"),
            )
            .with_label("no path from here reaches a Repaired ending")
            .with_help("practising repair is the point: give the trainee a way back"),
        );
    }
    cx.out.extend(found);
}

fn check_identical_effects(cx: &Context, node: usize, found: &mut Vec<Diagnostic>) {
    let choices = &cx.graph.nodes[node].choices;
    let Some(first) = choices.first() else {
        return;
    };
    let identical = choices.len() > 1
        && choices
            .iter()
            .all(|c| c.effects == first.effects && c.rupture == first.rupture);
    if identical {
        found.push(
            Diagnostic::warning(
                "identical-effects",
                format!("{}.choices", cx.graph.node_path(node)),
                format!(
                    "every choice of \"{}\" has the same effects",
                    cx.graph.nodes[node].id
                ),
            )
            .with_label("the choice makes no relational difference")
            .with_help(
                "responses differ in what they do to the relationship: let the effects say so",
            ),
        );
    }
}

/// Seconds a trainee needs after reading everything a timed moment shows.
pub(super) const SECONDS_TO_THINK: f64 = 15.0;

fn check_reading_time(cx: &Context, node: usize, found: &mut Vec<Diagnostic>) {
    let n = cx.graph.nodes[node];
    let Some(limit) = n.time_limit.filter(|l| l.is_finite() && *l > 0.0) else {
        return;
    };
    let wpm = cx.scenario.reading_wpm.max(1) as f64;
    let speech = n.wordings().map(word_count).max().unwrap_or(0);
    let total = speech
        + n.narration.as_deref().map_or(0, word_count)
        + n.choices.iter().map(|c| word_count(&c.says)).sum::<usize>();
    let reading = total as f64 * 60.0 / wpm;
    if reading + SECONDS_TO_THINK > limit {
        let needed = (reading + SECONDS_TO_THINK).ceil();
        found.push(
            Diagnostic::warning(
                "too-little-time-to-think",
                format!("{}.time_limit", cx.graph.node_path(node)),
                format!(
                    "reading \"{}\" takes about {:.0} s at {} words per minute, leaving {:.0} s of its {} s limit to think",
                    n.id,
                    reading.ceil(),
                    cx.scenario.reading_wpm,
                    (limit - reading).max(0.0).floor(),
                    limit
                ),
            )
            .with_label(format!("{total} words to read in this time"))
            .with_help(format!(
                "give at least {needed} s (reading and {SECONDS_TO_THINK} s to think), or shorten the text or the choices"
            )),
        );
    }
}

/// 3RS rupture markers: what a client does, not what a trainee answers.
const CLIENT_MARKERS: [&str; 2] = ["3RS:withdrawal", "3RS:confrontation"];

/// Unknown FIS items on choices, and 3RS client markers on a trainee's
/// response (a choice or a timeout), where they would reach a learning record
/// as codes of the trainee's own answer.
fn check_tags(cx: &Context, node: usize, found: &mut Vec<Diagnostic>) {
    let n = cx.graph.nodes[node];
    let base = cx.graph.node_path(node);
    let responses = n
        .choices
        .iter()
        .enumerate()
        .map(|(c, choice)| (format!("{base}.choices[{c}]"), &choice.tags))
        .chain(
            n.timeout
                .iter()
                .map(|t| (format!("{base}.timeout"), &t.tags)),
        );
    for (path, tags) in responses {
        for (t, tag) in tags.iter().enumerate() {
            if CLIENT_MARKERS.contains(&tag.as_str()) {
                found.push(
                    Diagnostic::warning(
                        "client-marker-tag",
                        format!("{path}.tags[{t}]"),
                        format!("\"{tag}\" codes what the client does, not the trainee's answer"),
                    )
                    .with_label("a client's rupture marker on the trainee's response")
                    .with_help("remove it: `rupture: Opens(...)` records the rupture the answer draws; 3RS tags on a response name resolution strategies, such as \"3RS:acknowledge-contribution\""),
                );
                continue;
            }
            let Some(item) = tag.strip_prefix("FIS:") else {
                continue;
            };
            if FisItem::from_tag(item).is_none() {
                let names = FisItem::ALL.map(FisItem::tag);
                let help = crate::core::suggest::did_you_mean(item, names)
                    .unwrap_or_else(|| format!("the FIS items are {}", names.join(", ")));
                found.push(
                    Diagnostic::warning(
                        "unknown-tag",
                        format!("{path}.tags[{t}]"),
                        format!("\"{item}\" is not a Facilitative Interpersonal Skills item"),
                    )
                    .with_label("unknown FIS item")
                    .with_help(help),
                );
            }
        }
    }
}
