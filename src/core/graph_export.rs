//! The scenario graph as Graphviz DOT or Mermaid text, styled so its shape reads at
//! a glance: acts as groups, endings coloured by kind, timeouts dashed, deadlines
//! dotted, choices that show the skill well bold green, rupture-opening edges red and repairs blue.

use std::fmt::Write;

use super::graph::{Edge, EdgeKind, ScenarioGraph};
use super::model::{EndingKind, Quality, RuptureEffect, Scenario};

/// Output formats for `doorway graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// Renders the scenario's graph.
pub fn render_graph(scenario: &Scenario, format: GraphFormat) -> String {
    let graph = ScenarioGraph::build(scenario);
    match format {
        GraphFormat::Dot => dot(scenario, &graph),
        GraphFormat::Mermaid => mermaid(scenario, &graph),
    }
}

/// How an edge is drawn: its line, and its colour when it means something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EdgeStyle {
    line: Line,
    colour: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Plain,
    /// Choices that show the skill well, and repairs.
    Bold,
    /// Timeouts and deadlines: what happens when the trainee does not choose.
    Dashed,
}

const SKILLED_GREEN: &str = "#2e7d32";
const RUPTURE_RED: &str = "#c62828";
const REPAIR_BLUE: &str = "#1565c0";
const DEADLINE_PURPLE: &str = "#6a1b9a";

fn edge_style(edge: &Edge) -> EdgeStyle {
    let line = match edge.kind {
        EdgeKind::Timeout | EdgeKind::Deadline(_) => Line::Dashed,
        _ if edge.quality == Some(Quality::Skilled)
            || edge.rupture == Some(RuptureEffect::Repairs) =>
        {
            Line::Bold
        }
        _ => Line::Plain,
    };
    let colour = match (edge.kind, edge.rupture) {
        (EdgeKind::Deadline(_), _) => Some(DEADLINE_PURPLE),
        (_, Some(RuptureEffect::Opens(_))) => Some(RUPTURE_RED),
        (_, Some(RuptureEffect::Repairs)) => Some(REPAIR_BLUE),
        _ if edge.quality == Some(Quality::Skilled) => Some(SKILLED_GREEN),
        _ => None,
    };
    EdgeStyle { line, colour }
}

fn edge_label(scenario: &Scenario, graph: &ScenarioGraph, edge: &Edge) -> String {
    match edge.kind {
        EdgeKind::Choice(c) => graph.nodes[edge.from].choices[c].id.clone(),
        EdgeKind::Timeout => "timeout".into(),
        EdgeKind::Deadline(d) => {
            let act = &scenario.acts[graph.node_act[edge.from]];
            format!("at {}", act.deadlines[d].at)
        }
    }
}

fn ending_colour(kind: EndingKind) -> &'static str {
    match kind {
        EndingKind::Held | EndingKind::Repaired => "#c8e6c9",
        EndingKind::Unresolved => "#fff3c4",
        EndingKind::Deepened => "#ffcdd2",
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn dot(scenario: &Scenario, graph: &ScenarioGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&scenario.id));
    out.push_str("  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    let start = graph.index(&scenario.start);
    for (a, act) in scenario.acts.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph cluster_{a} {{\n    label=\"{} ({})\";\n    style=dashed;",
            dot_escape(&act.title),
            act.clock_start
        );
        for node in (0..graph.len()).filter(|&n| graph.node_act[n] == a) {
            let id = dot_escape(&graph.nodes[node].id);
            let attributes = match &graph.nodes[node].ending {
                Some(ending) => format!(
                    "label=\"{id}\\n{:?}: {}\", shape=doubleoctagon, style=filled, fillcolor=\"{}\"",
                    ending.kind,
                    dot_escape(&ending.title),
                    ending_colour(ending.kind)
                ),
                None => {
                    // The time limit in words: Graphviz's default fonts lack a
                    // timer glyph.
                    let limit = graph.nodes[node]
                        .time_limit
                        .map_or(String::new(), |seconds| format!("\\n{seconds} s"));
                    let start = if Some(node) == start {
                        ", penwidth=2.5"
                    } else {
                        ""
                    };
                    format!("label=\"{id}{limit}\"{start}")
                }
            };
            let _ = writeln!(out, "    n{node} [{attributes}];");
        }
        out.push_str("  }\n");
    }
    for edge in &graph.edges {
        let label = dot_escape(&edge_label(scenario, graph, edge));
        let EdgeStyle { line, colour } = edge_style(edge);
        let mut style = match line {
            Line::Plain => String::new(),
            Line::Bold => ", penwidth=2.5".into(),
            Line::Dashed => ", style=dashed".into(),
        };
        if let Some(colour) = colour {
            let _ = write!(style, ", color=\"{colour}\", fontcolor=\"{colour}\"");
        }
        let _ = writeln!(
            out,
            "  n{} -> n{} [label=\"{label}\"{style}];",
            edge.from, edge.to
        );
    }
    out.push_str("}\n");
    out
}

fn mermaid_escape(text: &str) -> String {
    text.replace('"', "#quot;")
}

fn mermaid(scenario: &Scenario, graph: &ScenarioGraph) -> String {
    let mut out = String::from("flowchart TD\n");
    for (a, act) in scenario.acts.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph act{a}[\"{} ({})\"]",
            mermaid_escape(&act.title),
            act.clock_start
        );
        for node in (0..graph.len()).filter(|&n| graph.node_act[n] == a) {
            let id = mermaid_escape(&graph.nodes[node].id);
            match &graph.nodes[node].ending {
                Some(ending) => {
                    let _ = writeln!(
                        out,
                        "    n{node}([\"{id}<br/>{:?}: {}\"])",
                        ending.kind,
                        mermaid_escape(&ending.title)
                    );
                }
                None => {
                    let _ = writeln!(out, "    n{node}[\"{id}\"]");
                }
            }
        }
        out.push_str("  end\n");
    }
    let mut link_styles = String::new();
    for (index, edge) in graph.edges.iter().enumerate() {
        let label = mermaid_escape(&edge_label(scenario, graph, edge));
        let EdgeStyle { line, colour } = edge_style(edge);
        let arrow = match line {
            Line::Dashed => format!("-. \"{label}\" .->"),
            Line::Bold => format!("==>|\"{label}\"|"),
            Line::Plain => format!("-->|\"{label}\"|"),
        };
        let _ = writeln!(out, "  n{} {arrow} n{}", edge.from, edge.to);
        if let Some(colour) = colour {
            let _ = writeln!(
                link_styles,
                "  linkStyle {index} stroke:{colour},color:{colour}"
            );
        }
    }
    out.push_str(&link_styles);
    for kind in [
        EndingKind::Repaired,
        EndingKind::Unresolved,
        EndingKind::Deepened,
        EndingKind::Held,
    ] {
        let members: Vec<String> = (0..graph.len())
            .filter(|&n| {
                graph.nodes[n]
                    .ending
                    .as_ref()
                    .is_some_and(|e| e.kind == kind)
            })
            .map(|n| format!("n{n}"))
            .collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  classDef {kind:?} fill:{}", ending_colour(kind));
            let _ = writeln!(out, "  class {} {kind:?}", members.join(","));
        }
    }
    if let Some(start) = graph.index(&scenario.start) {
        let _ = writeln!(out, "  style n{start} stroke-width:3px");
    }
    out
}
