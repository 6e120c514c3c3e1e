//! Analysis of a scenario's graph: sizes, the number of distinct paths, the
//! shortest and longest way to each ending, and the range each dimension can reach.
//!
//! Everything here is linear in the size of the graph and correct with cycles:
//! paths and lengths are computed over the strongly connected components in
//! topological order, never by enumerating paths. Conditions on choices are
//! ignored, so the figures describe what the graph allows.

use std::collections::VecDeque;

use serde::Serialize;

use super::dimensions::DimensionSet;
use super::graph::{Components, ScenarioGraph};
use super::model::{EndingKind, Scenario};

/// How many distinct paths lead from the start to an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "count")]
pub enum PathCount {
    Exactly(u64),
    /// More than fit in 64 bits.
    MoreThan(u64),
    /// A cycle lies on some path, so there are infinitely many.
    Infinite,
}

/// The longest way to an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "steps")]
pub enum Longest {
    Steps(usize),
    /// A cycle lies on some way there.
    Unbounded,
}

/// How one ending can be reached from the start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndingReach {
    pub id: String,
    pub kind: EndingKind,
    pub title: String,
    /// Fewest steps from the start; none when unreachable.
    pub shortest: Option<usize>,
    pub longest: Option<Longest>,
}

/// The lowest and highest value a dimension can take on the way through.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionReach {
    pub id: String,
    pub worst: i32,
    pub best: i32,
    /// The optimal band, for dimensions that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimal: Option<(i32, i32)>,
}

/// The analysis of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub acts: usize,
    pub nodes: usize,
    pub choices: usize,
    pub endings: usize,
    pub timed_nodes: usize,
    pub paths: PathCount,
    pub ending_reach: Vec<EndingReach>,
    pub dimension_reach: Vec<DimensionReach>,
}

/// Analyses `scenario` from its start node.
pub fn analyse(scenario: &Scenario) -> Analysis {
    let graph = ScenarioGraph::build(scenario);
    let dimensions = DimensionSet::for_scenario(scenario);
    let start = graph.index(&scenario.start);
    let components = graph.components();
    let order = components.topological_nodes();
    let reachable = match start {
        Some(s) => graph.reachable_from([s]),
        None => vec![false; graph.len()],
    };
    let endings: Vec<usize> = (0..graph.len())
        .filter(|&n| graph.nodes[n].is_ending())
        .collect();
    let walks = Walks::compute(&graph, &components, &order, start, &reachable);
    let shortest = shortest_steps(&graph, start);

    let ending_reach = endings
        .iter()
        .map(|&e| {
            let ending = graph.nodes[e].ending.as_ref().expect("an ending node");
            EndingReach {
                id: graph.nodes[e].id.clone(),
                kind: ending.kind,
                title: ending.title.clone(),
                shortest: shortest[e],
                longest: reachable[e].then(|| match walks.through_cycle[e] {
                    true => Longest::Unbounded,
                    false => Longest::Steps(walks.longest[e]),
                }),
            }
        })
        .collect();

    let dimension_reach = edge_deltas(&graph, &dimensions)
        .into_iter()
        .zip(dimensions.iter())
        .map(|(deltas, dim)| {
            let walk = DimensionWalk {
                graph: &graph,
                components: &components,
                order: &order,
                deltas,
                range: (dim.min, dim.max),
            };
            let best = walk.extremes(start, dim.initial, Extreme::Best);
            let worst = walk.extremes(start, dim.initial, Extreme::Worst);
            DimensionReach {
                id: dim.id.clone(),
                best: best.into_iter().flatten().max().unwrap_or(dim.initial),
                worst: worst.into_iter().flatten().min().unwrap_or(dim.initial),
                optimal: dim.optimal.map(|b| (b.low, b.high)),
            }
        })
        .collect();

    let relevant_cycle = endings
        .iter()
        .any(|&e| reachable[e] && walks.through_cycle[e]);
    let paths = if relevant_cycle {
        PathCount::Infinite
    } else {
        let (total, overflow) = endings
            .iter()
            .fold((0u64, walks.overflow), |(sum, over), &e| {
                let (next, o) = sum.overflowing_add(walks.count[e]);
                if o { (u64::MAX, true) } else { (next, over) }
            });
        if overflow {
            PathCount::MoreThan(u64::MAX)
        } else {
            PathCount::Exactly(total)
        }
    };

    Analysis {
        acts: scenario.acts.len(),
        nodes: graph.len(),
        choices: graph.nodes.iter().map(|n| n.choices.len()).sum(),
        endings: endings.len(),
        timed_nodes: graph
            .nodes
            .iter()
            .filter(|n| n.time_limit.is_some())
            .count(),
        paths,
        ending_reach,
        dimension_reach,
    }
}

/// Path counts and longest walks from the start, over the component order.
struct Walks {
    /// Paths from the start to each node (saturating), meaningful where no cycle
    /// lies on the way.
    count: Vec<u64>,
    overflow: bool,
    longest: Vec<usize>,
    /// Whether some way from the start to the node passes a cycle.
    through_cycle: Vec<bool>,
}

impl Walks {
    fn compute(
        graph: &ScenarioGraph,
        components: &Components,
        order: &[usize],
        start: Option<usize>,
        reachable: &[bool],
    ) -> Self {
        let n = graph.len();
        let mut walks = Walks {
            count: vec![0; n],
            overflow: false,
            longest: vec![0; n],
            through_cycle: vec![false; n],
        };
        for &node in order {
            if !reachable[node] {
                continue;
            }
            let mut count = u64::from(Some(node) == start);
            let mut cycle = components.cyclic[components.of_node[node]];
            let mut longest = 0;
            for edge in graph.incoming(node).filter(|e| reachable[e.from]) {
                let (sum, over) = count.overflowing_add(walks.count[edge.from]);
                walks.overflow |= over;
                count = if over { u64::MAX } else { sum };
                cycle |= walks.through_cycle[edge.from];
                longest = longest.max(walks.longest[edge.from] + 1);
            }
            walks.count[node] = count;
            walks.through_cycle[node] = cycle;
            walks.longest[node] = longest;
        }
        walks
    }
}

/// Fewest steps from the start to each node (breadth-first).
fn shortest_steps(graph: &ScenarioGraph, start: Option<usize>) -> Vec<Option<usize>> {
    let mut steps = vec![None; graph.len()];
    let Some(start) = start else { return steps };
    steps[start] = Some(0);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        let next = steps[node].map(|s| s + 1);
        for edge in graph.outgoing(node) {
            if steps[edge.to].is_none() {
                steps[edge.to] = next;
                queue.push_back(edge.to);
            }
        }
    }
    steps
}

#[derive(Clone, Copy)]
enum Extreme {
    Best,
    Worst,
}

impl Extreme {
    fn improves(self, candidate: i32, current: Option<i32>) -> bool {
        match (self, current) {
            (_, None) => true,
            (Extreme::Best, Some(c)) => candidate > c,
            (Extreme::Worst, Some(c)) => candidate < c,
        }
    }
}

/// Each dimension's change along each edge: `deltas[dimension][edge]`, in the
/// order of `dimensions`. One pass reads every edge's effects once, rather than once
/// per dimension: on large scenarios the effects are scattered over the heap and
/// reading them dominates. Effects on unknown dimensions are left out.
fn edge_deltas(graph: &ScenarioGraph, dimensions: &DimensionSet) -> Vec<Vec<i32>> {
    let mut deltas = vec![vec![0; graph.edges.len()]; dimensions.len()];
    for (index, edge) in graph.edges.iter().enumerate() {
        for (id, &change) in edge.effects.into_iter().flatten() {
            if let Some(dimension) = dimensions.index_of(id) {
                deltas[dimension][index] = change;
            }
        }
    }
    deltas
}

/// What is needed to follow one dimension through the graph.
struct DimensionWalk<'g, 'a> {
    graph: &'g ScenarioGraph<'a>,
    components: &'g Components,
    order: &'g [usize],
    /// The dimension's change along each edge, by edge index.
    deltas: Vec<i32>,
    range: (i32, i32),
}

impl DimensionWalk<'_, '_> {
    fn step(&self, from: i32, edge: usize) -> i32 {
        from.saturating_add(self.deltas[edge])
            .clamp(self.range.0, self.range.1)
    }

    /// The best (or worst) value of the dimension on arrival at each node.
    ///
    /// Each step clamps to the dimension's range, and clamping after adding is
    /// monotone, so the extreme at a node follows from the extremes at its
    /// predecessors. Acyclic parts take one pass in topological order; inside a
    /// cycle a work list runs until nothing improves, and since a value can only
    /// improve as often as the range is wide, the whole stays linear in the graph.
    fn extremes(&self, start: Option<usize>, initial: i32, extreme: Extreme) -> Vec<Option<i32>> {
        let (graph, components, order) = (self.graph, self.components, self.order);
        let mut value: Vec<Option<i32>> = vec![None; graph.len()];
        let Some(start) = start else { return value };
        value[start] = Some(initial.clamp(self.range.0, self.range.1));
        let mut position = 0;
        while position < order.len() {
            let component = components.of_node[order[position]];
            let size = components.members(component).len();
            let members = &order[position..position + size];
            for &node in members {
                for &edge in graph.incoming_ids(node) {
                    let from_node = graph.edges[edge].from;
                    if components.of_node[from_node] == component {
                        continue;
                    }
                    if let Some(from) = value[from_node] {
                        let candidate = self.step(from, edge);
                        if extreme.improves(candidate, value[node]) {
                            value[node] = Some(candidate);
                        }
                    }
                }
            }
            if components.cyclic[component] {
                let mut work: VecDeque<usize> = members
                    .iter()
                    .copied()
                    .filter(|&n| value[n].is_some())
                    .collect();
                while let Some(node) = work.pop_front() {
                    let Some(from) = value[node] else { continue };
                    for &edge in graph.outgoing_ids(node) {
                        let to = graph.edges[edge].to;
                        if components.of_node[to] != component {
                            continue;
                        }
                        let candidate = self.step(from, edge);
                        if extreme.improves(candidate, value[to]) {
                            value[to] = Some(candidate);
                            work.push_back(to);
                        }
                    }
                }
            }
            position += size;
        }
        value
    }
}
