//! A layered layout of a scenario's graph for the debrief map: each node's
//! column is its distance in steps from the start, and the nodes of a column are
//! ordered to keep edges short (the mean row of their predecessors).

use std::collections::VecDeque;

use super::graph::{EdgeKind, ScenarioGraph};
use super::model::Scenario;

/// Where a node sits on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: String,
    pub column: usize,
    pub row: usize,
}

/// The whole map: every node once, with the grid's size.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapLayout {
    /// In the scenario's file order.
    pub nodes: Vec<Placed>,
    pub columns: usize,
    /// The most nodes in any column.
    pub rows: usize,
}

impl MapLayout {
    /// The place of the node with this id.
    pub fn place(&self, id: &str) -> Option<&Placed> {
        self.nodes.iter().find(|p| p.id == id)
    }
}

/// Lays the scenario out. Deadline edges are left out: they can take over from
/// any node and would only blur the picture.
pub fn layout(scenario: &Scenario) -> MapLayout {
    let graph = ScenarioGraph::build(scenario);
    if graph.is_empty() {
        return MapLayout::default();
    }
    let follows = |node: usize| {
        graph
            .outgoing(node)
            .filter(|e| !matches!(e.kind, EdgeKind::Deadline(_)))
            .map(|e| e.to)
            .collect::<Vec<_>>()
    };
    let columns = columns_by_distance(&graph, scenario, &follows);
    let column_count = columns.iter().max().map_or(0, |c| c + 1);
    let mut by_column: Vec<Vec<usize>> = vec![Vec::new(); column_count];
    for (node, &column) in columns.iter().enumerate() {
        by_column[column].push(node);
    }
    let mut row = vec![0.0_f64; graph.len()];
    for members in &by_column {
        for (place, &node) in members.iter().enumerate() {
            row[node] = place as f64;
        }
    }
    for _ in 0..2 {
        for members in by_column.iter_mut().skip(1) {
            let mean_of_predecessors = |node: usize| {
                let rows: Vec<f64> = graph
                    .incoming(node)
                    .filter(|e| columns[e.from] < columns[node])
                    .map(|e| row[e.from])
                    .collect();
                if rows.is_empty() {
                    row[node]
                } else {
                    rows.iter().sum::<f64>() / rows.len() as f64
                }
            };
            let keys: Vec<(usize, f64)> = members
                .iter()
                .map(|&n| (n, mean_of_predecessors(n)))
                .collect();
            let mut sorted = keys.clone();
            sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            *members = sorted.iter().map(|(n, _)| *n).collect();
            for (place, &node) in members.iter().enumerate() {
                row[node] = place as f64;
            }
        }
    }
    MapLayout {
        nodes: (0..graph.len())
            .map(|node| Placed {
                id: graph.nodes[node].id.clone(),
                column: columns[node],
                row: row[node] as usize,
            })
            .collect(),
        columns: column_count,
        rows: by_column.iter().map(Vec::len).max().unwrap_or(0),
    }
}

/// Steps from the start (then from each entry point), by breadth-first search.
/// A node reached only by a deadline goes one column before the nearest moment
/// it leads to; anything left starts a search of its own. Then what the start
/// does not reach moves towards what it leads to.
fn columns_by_distance(
    graph: &ScenarioGraph,
    scenario: &Scenario,
    follows: &dyn Fn(usize) -> Vec<usize>,
) -> Vec<usize> {
    let mut column: Vec<Option<usize>> = vec![None; graph.len()];
    if let Some(start) = graph.index(&scenario.start) {
        search_from(start, &mut column, follows);
    }
    let from_the_start: Vec<bool> = column.iter().map(Option::is_some).collect();
    let entries = scenario
        .entry_points
        .iter()
        .filter_map(|e| graph.index(&e.node));
    for root in entries {
        search_from(root, &mut column, follows);
    }
    for node in 0..graph.len() {
        if column[node].is_some() {
            continue;
        }
        let nearest = follows(node).into_iter().filter_map(|to| column[to]).min();
        match nearest {
            Some(next) => column[node] = Some(next.saturating_sub(1)),
            None => search_from(node, &mut column, follows),
        }
    }
    let mut columns: Vec<usize> = column.into_iter().map(|c| c.unwrap_or(0)).collect();
    pull_towards_what_follows(&mut columns, &from_the_start, follows);
    columns
}

/// A drill's moments often lead into moments the start reaches at a greater
/// depth; move each moment the start does not reach to just before the
/// furthest moment it leads to, until no edge from it spans more than one
/// column. Columns only grow and never pass the last one, so this ends.
fn pull_towards_what_follows(
    columns: &mut [usize],
    from_the_start: &[bool],
    follows: &dyn Fn(usize) -> Vec<usize>,
) {
    loop {
        let mut moved = false;
        for node in 0..columns.len() {
            if from_the_start[node] {
                continue;
            }
            let furthest = follows(node).into_iter().map(|to| columns[to]).max();
            if let Some(wanted) = furthest.map(|c| c.saturating_sub(1))
                && columns[node] < wanted
            {
                columns[node] = wanted;
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

/// Breadth-first search from `root`, filling in columns not yet set.
fn search_from(root: usize, column: &mut [Option<usize>], follows: &dyn Fn(usize) -> Vec<usize>) {
    if column[root].is_some() {
        return;
    }
    column[root] = Some(0);
    let mut queue = VecDeque::from([root]);
    while let Some(node) = queue.pop_front() {
        let next = column[node].unwrap_or(0) + 1;
        for to in follows(node) {
            if column[to].is_none() {
                column[to] = Some(next);
                queue.push_back(to);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, load_str};
    use crate::core::shipped::SHIPPED_SCENARIOS;
    use std::collections::HashSet;

    fn check(scenario: &Scenario) {
        let map = layout(scenario);
        let graph = ScenarioGraph::build(scenario);
        assert_eq!(map.nodes.len(), graph.len());
        let cells: HashSet<(usize, usize)> = map.nodes.iter().map(|p| (p.column, p.row)).collect();
        assert_eq!(cells.len(), map.nodes.len(), "no two nodes share a place");
        assert!(
            map.nodes
                .iter()
                .all(|p| p.column < map.columns && p.row < map.rows)
        );
        assert_eq!(map.place(&scenario.start).unwrap().column, 0);
        // Edges from what play reaches without deadlines are at most one column
        // long (a breadth-first layout); nodes only a deadline reaches are
        // placed beside the moment they lead to.
        for edge in &graph.edges {
            if matches!(edge.kind, EdgeKind::Deadline(_))
                || !reached_without_deadlines(&graph, scenario, edge.from)
            {
                continue;
            }
            let (from, to) = (&map.nodes[edge.from], &map.nodes[edge.to]);
            assert!(
                to.column <= from.column + 1,
                "{} → {} jumps columns",
                from.id,
                to.id
            );
        }
    }

    /// Whether play reaches `node` from a root by choices and timeouts alone.
    fn reached_without_deadlines(graph: &ScenarioGraph, scenario: &Scenario, node: usize) -> bool {
        let mut seen = vec![false; graph.len()];
        let mut stack: Vec<usize> = std::iter::once(scenario.start.as_str())
            .chain(scenario.entry_points.iter().map(|e| e.node.as_str()))
            .filter_map(|id| graph.index(id))
            .collect();
        while let Some(at) = stack.pop() {
            if std::mem::replace(&mut seen[at], true) {
                continue;
            }
            stack.extend(
                graph
                    .outgoing(at)
                    .filter(|e| !matches!(e.kind, EdgeKind::Deadline(_)))
                    .map(|e| e.to),
            );
        }
        seen[node]
    }

    #[test]
    fn every_shipped_scenario_lays_out_on_a_grid_with_short_edges() {
        for (name, text) in SHIPPED_SCENARIOS {
            let scenario = load_str(name, (*text).to_owned(), LoadOptions::default())
                .scenario
                .expect("it loads");
            check(&scenario);
        }
    }

    #[test]
    fn the_fixtures_lay_out_on_a_grid_with_short_edges() {
        for name in ["two-acts", "engine"] {
            check(crate::core::fixtures::fixture(name).scenario());
        }
    }

    #[test]
    fn generated_scenarios_lay_out_too() {
        for nodes in [1, 7, 60] {
            let text = crate::core::synthetic::generate_scenario(nodes);
            let scenario = load_str("x", text, LoadOptions::default())
                .scenario
                .expect("it loads");
            check(&scenario);
        }
    }
}
