//! Analysis of a scenario's graph: sizes, the number of distinct paths, the
//! shortest and longest way to each ending, and the range each dimension can reach.
//!
//! Everything here is linear in the size of the graph and correct with cycles:
//! paths and lengths are computed over the strongly connected components in
//! topological order, never by enumerating paths. Conditions on choices are
//! ignored, so the figures describe what the graph allows.

use std::collections::VecDeque;

use serde::Serialize;

use super::cues::{CueFigures, PhraseCue, cue_figures, phrase_cues};
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
    /// What could give the best answer away.
    pub cues: CueFigures,
    pub phrase_cues: Vec<PhraseCue>,
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
        cues: cue_figures(scenario),
        phrase_cues: phrase_cues(scenario),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dimensions::{CONNECTION, REPAIR};
    use crate::core::fixtures::graph;

    fn reach<'a>(analysis: &'a Analysis, ending: &str) -> &'a EndingReach {
        analysis
            .ending_reach
            .iter()
            .find(|r| r.id == ending)
            .unwrap_or_else(|| panic!("no ending {ending}"))
    }

    fn dimension<'a>(analysis: &'a Analysis, id: &str) -> &'a DimensionReach {
        analysis
            .dimension_reach
            .iter()
            .find(|d| d.id == id)
            .unwrap()
    }

    /// (fewest steps, longest way) to an ending.
    fn steps(analysis: &Analysis, ending: &str) -> (Option<usize>, Option<Longest>) {
        let reach = reach(analysis, ending);
        (reach.shortest, reach.longest)
    }

    #[test]
    fn sizes_are_counted() {
        let analysis = analyse(&graph("", &["a -> b c", "b -> c end", "c -> end other"]));
        assert_eq!(
            (
                analysis.acts,
                analysis.nodes,
                analysis.choices,
                analysis.endings,
                analysis.timed_nodes
            ),
            (1, 5, 6, 2, 0)
        );
    }

    #[test]
    fn paths_and_lengths_are_counted_to_each_of_two_endings() {
        // To `near`: a-near, a-b-near, a-b-c-near (3 paths, 1 to 3 steps).
        // To `far`: a-b-c-far (1 path, 3 steps).
        let analysis = analyse(&graph("", &["a -> b near", "b -> c near", "c -> near far"]));
        assert_eq!(analysis.paths, PathCount::Exactly(4));
        assert_eq!(steps(&analysis, "near"), (Some(1), Some(Longest::Steps(3))));
        assert_eq!(steps(&analysis, "far"), (Some(3), Some(Longest::Steps(3))));
    }

    #[test]
    fn a_cycle_on_the_way_makes_paths_infinite_and_the_longest_way_unbounded() {
        // a → b → a loops; b also ends; `direct` is reached before the loop.
        let analysis = analyse(&graph("", &["a -> b direct", "b -> a end"]));
        assert_eq!(analysis.paths, PathCount::Infinite);
        assert_eq!(steps(&analysis, "end"), (Some(2), Some(Longest::Unbounded)));
        assert_eq!(
            steps(&analysis, "direct"),
            (Some(1), Some(Longest::Unbounded)),
            "a → b → a → direct passes the loop too"
        );
    }

    #[test]
    fn a_self_loop_on_the_way_makes_paths_infinite() {
        let analysis = analyse(&graph("", &["a -> b", "b -> b end"]));
        assert_eq!(analysis.paths, PathCount::Infinite);
        assert_eq!(steps(&analysis, "end"), (Some(2), Some(Longest::Unbounded)));
    }

    #[test]
    fn a_loop_that_leads_to_no_ending_leaves_the_count_finite() {
        // `spin` loops on itself and never ends: no path through it ends.
        let analysis = analyse(&graph("", &["a -> spin end", "spin -> spin"]));
        assert_eq!(analysis.paths, PathCount::Exactly(1));
        assert_eq!(steps(&analysis, "end"), (Some(1), Some(Longest::Steps(1))));
    }

    #[test]
    fn unreachable_nodes_count_no_paths_and_have_no_way_in() {
        // `island` loops on itself and reaches its own ending; nothing leads there.
        let analysis = analyse(&graph(
            "",
            &["a -> end", "island -> island lost", "lost_twin -> lost"],
        ));
        assert_eq!(
            analysis.paths,
            PathCount::Exactly(1),
            "the island's loop is not on a path"
        );
        assert_eq!(steps(&analysis, "lost"), (None, None));
        assert_eq!(analysis.endings, 2);
    }

    /// `count` diamonds in a row (each doubles the paths), then `last`'s lines.
    fn diamonds(count: usize, last: &str) -> Vec<String> {
        let mut lines = Vec::new();
        for i in 0..count {
            lines.push(format!("d{i} -> l{i} r{i}"));
            lines.push(format!("l{i} -> d{}", i + 1));
            lines.push(format!("r{i} -> d{}", i + 1));
        }
        lines.push(format!("d{count} -> {last}"));
        lines
    }

    fn analyse_lines(lines: &[String]) -> Analysis {
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        analyse(&graph("", &lines))
    }

    #[test]
    fn path_counts_saturate_instead_of_overflowing() {
        // 63 diamonds: 2^63 paths, which fit.
        let fits = analyse_lines(&diamonds(63, "end"));
        assert_eq!(fits.paths, PathCount::Exactly(1 << 63));
        assert_eq!(steps(&fits, "end"), (Some(127), Some(Longest::Steps(127))));
        // 64 diamonds: 2^64, one more than u64 holds.
        let over = analyse_lines(&diamonds(64, "end"));
        assert_eq!(over.paths, PathCount::MoreThan(u64::MAX));
        // 63 diamonds and two endings: 2^63 to each, and the sum overflows.
        let sum_over = analyse_lines(&diamonds(63, "one two"));
        assert_eq!(sum_over.paths, PathCount::MoreThan(u64::MAX));
    }

    #[test]
    fn the_best_and_worst_values_follow_the_branches() {
        // a → b (+3) → end (+2) reaches 5; a → c (−4) → end (+1) bottoms at −4.
        let analysis = analyse(&graph(
            CONNECTION,
            &["a -> b+3 c-4", "b -> end+2", "c -> end+1"],
        ));
        let connection = dimension(&analysis, CONNECTION);
        assert_eq!((connection.worst, connection.best), (-4, 5));
        assert_eq!(connection.optimal, None);
        let distance = dimension(&analysis, "distance");
        assert_eq!((distance.worst, distance.best), (0, 0), "untouched");
        assert_eq!(distance.optimal, Some((-2, 2)));
    }

    #[test]
    fn each_step_is_clamped_to_the_range_before_the_next() {
        // +15 stops at 10, then −12 gives −2; without clamping it would be 3.
        let analysis = analyse(&graph(CONNECTION, &["a -> b+15", "b -> c-12", "c -> end"]));
        let connection = dimension(&analysis, CONNECTION);
        assert_eq!((connection.worst, connection.best), (-2, 10));
        // Repair cannot go below its minimum of 0.
        let analysis = analyse(&graph(REPAIR, &["a -> b-5", "b -> end+2"]));
        let repair = dimension(&analysis, REPAIR);
        assert_eq!((repair.worst, repair.best), (0, 2));
    }

    #[test]
    fn a_loop_can_be_taken_again_and_again_up_to_the_range() {
        // Each time round a → b → a gains 1 and loses 3: going round lowers
        // connection as far as it goes; the highest is the first arrival at b.
        let analysis = analyse(&graph(CONNECTION, &["a -> b+1", "b -> a-3 end"]));
        let connection = dimension(&analysis, CONNECTION);
        assert_eq!((connection.worst, connection.best), (-10, 1));
        // Gaining on the way round rises to the maximum.
        let analysis = analyse(&graph(CONNECTION, &["a -> b+1", "b -> a+1 end"]));
        let connection = dimension(&analysis, CONNECTION);
        assert_eq!((connection.worst, connection.best), (0, 10));
    }

    #[test]
    fn unreachable_effects_do_not_count() {
        let analysis = analyse(&graph(CONNECTION, &["a -> end+1", "island -> end+9"]));
        let connection = dimension(&analysis, CONNECTION);
        assert_eq!((connection.worst, connection.best), (0, 1));
    }
}
