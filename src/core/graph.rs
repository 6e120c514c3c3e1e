//! The scenario as a directed graph: nodes, and edges for choices, timeouts and
//! deadlines. Validation and analysis both stand on it; every query is linear in
//! the size of the graph.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use super::model::{Node, Quality, RuptureEffect, Scenario};

/// What makes an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// The choice with this index in its node.
    Choice(usize),
    /// The node's timeout outcome.
    Timeout,
    /// The deadline with this index in the act, which can take over from any node
    /// of the act that is not an ending.
    Deadline(usize),
}

/// One way from a node to another.
#[derive(Debug, Clone, Copy)]
pub struct Edge<'a> {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// Dimension changes along the edge (deadlines change nothing).
    pub effects: Option<&'a BTreeMap<String, i32>>,
    pub rupture: Option<RuptureEffect>,
    /// The level of the choice; none for timeouts and deadlines.
    pub quality: Option<Quality>,
}

/// Nodes and edges of one scenario, with ids resolved to indices.
#[derive(Debug)]
pub struct ScenarioGraph<'a> {
    /// Every node, in file order.
    pub nodes: Vec<&'a Node>,
    /// The act each node belongs to.
    pub node_act: Vec<usize>,
    /// Each node's index inside its act.
    pub node_slot: Vec<usize>,
    pub edges: Vec<Edge<'a>>,
    /// Responses whose target names no node, so that have no edge: the node, and
    /// which of its choices or its timeout, in file order.
    pub dangling: Vec<(usize, EdgeKind)>,
    /// Node ids to indices. A fast hash rather than std's DoS-resistant one: ids
    /// come from the author's own file, and every target of a large scenario is
    /// looked up here.
    ids: HashMap<&'a str, usize>,
    out_start: Vec<usize>,
    out_edges: Vec<usize>,
    in_start: Vec<usize>,
    in_edges: Vec<usize>,
}

impl<'a> ScenarioGraph<'a> {
    /// Builds the graph. Duplicate ids resolve to their first node; edges to
    /// unknown nodes are left out and listed in `dangling` (validation reports
    /// both).
    pub fn build(scenario: &'a Scenario) -> Self {
        let mut nodes = Vec::new();
        let mut node_act = Vec::new();
        let mut node_slot = Vec::new();
        for (act_index, act) in scenario.acts.iter().enumerate() {
            for (slot, node) in act.nodes.iter().enumerate() {
                nodes.push(node);
                node_act.push(act_index);
                node_slot.push(slot);
            }
        }
        let mut ids = HashMap::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            ids.entry(node.id.as_str()).or_insert(index);
        }
        let mut edges = Vec::new();
        let mut dangling = Vec::new();
        for (from, node) in nodes.iter().enumerate() {
            for (index, choice) in node.choices.iter().enumerate() {
                let kind = EdgeKind::Choice(index);
                match ids.get(choice.target.as_str()) {
                    Some(&to) => edges.push(Edge {
                        from,
                        to,
                        kind,
                        effects: Some(&choice.effects),
                        rupture: choice.rupture,
                        quality: choice.level(),
                    }),
                    None => dangling.push((from, kind)),
                }
            }
            if let Some(timeout) = &node.timeout {
                match ids.get(timeout.target.as_str()) {
                    Some(&to) => edges.push(Edge {
                        from,
                        to,
                        kind: EdgeKind::Timeout,
                        effects: Some(&timeout.effects),
                        rupture: timeout.rupture,
                        quality: None,
                    }),
                    None => dangling.push((from, EdgeKind::Timeout)),
                }
            }
        }
        add_deadline_edges(scenario, &nodes, &node_act, &ids, &mut edges);
        let (out_start, out_edges) = compressed(nodes.len(), &edges, |e| e.from);
        let (in_start, in_edges) = compressed(nodes.len(), &edges, |e| e.to);
        Self {
            nodes,
            node_act,
            node_slot,
            edges,
            dangling,
            ids,
            out_start,
            out_edges,
            in_start,
            in_edges,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the scenario has no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The index of the node with this id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Node ids, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.nodes.iter().map(|n| n.id.as_str())
    }

    /// The path of a node in the file, such as `acts[1].nodes[4]`.
    pub fn node_path(&self, node: usize) -> String {
        format!(
            "acts[{}].nodes[{}]",
            self.node_act[node], self.node_slot[node]
        )
    }

    /// Edges leaving `node`.
    pub fn outgoing(&self, node: usize) -> impl Iterator<Item = &Edge<'a>> + '_ {
        self.out_edges[self.out_start[node]..self.out_start[node + 1]]
            .iter()
            .map(|&e| &self.edges[e])
    }

    /// Indices (into `edges`) of the edges leaving `node`.
    pub fn outgoing_ids(&self, node: usize) -> &[usize] {
        &self.out_edges[self.out_start[node]..self.out_start[node + 1]]
    }

    /// Indices (into `edges`) of the edges entering `node`.
    pub fn incoming_ids(&self, node: usize) -> &[usize] {
        &self.in_edges[self.in_start[node]..self.in_start[node + 1]]
    }

    /// Edges entering `node`.
    pub fn incoming(&self, node: usize) -> impl Iterator<Item = &Edge<'a>> + '_ {
        self.in_edges[self.in_start[node]..self.in_start[node + 1]]
            .iter()
            .map(|&e| &self.edges[e])
    }

    /// Which nodes can be reached from any of `roots`.
    pub fn reachable_from(&self, roots: impl IntoIterator<Item = usize>) -> Vec<bool> {
        self.search(roots, &self.out_start, &self.out_edges, |e| e.to)
    }

    /// Which nodes can reach any of `targets`.
    pub fn reaching(&self, targets: impl IntoIterator<Item = usize>) -> Vec<bool> {
        self.search(targets, &self.in_start, &self.in_edges, |e| e.from)
    }

    /// Depth-first search from `roots` along the edges grouped by `start` and
    /// `grouped` (outgoing or incoming), stepping to `next` of each edge.
    fn search(
        &self,
        roots: impl IntoIterator<Item = usize>,
        start: &[usize],
        grouped: &[usize],
        next: impl Fn(&Edge) -> usize,
    ) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut stack: Vec<usize> = Vec::new();
        for root in roots {
            if !seen[root] {
                seen[root] = true;
                stack.push(root);
            }
        }
        while let Some(node) = stack.pop() {
            for &edge in &grouped[start[node]..start[node + 1]] {
                let to = next(&self.edges[edge]);
                if !seen[to] {
                    seen[to] = true;
                    stack.push(to);
                }
            }
        }
        seen
    }

    /// Strongly connected components (Tarjan's algorithm, without recursion).
    /// Components come in reverse topological order: every edge between two
    /// components goes from a later one to an earlier one.
    pub fn components(&self) -> Components {
        const UNVISITED: usize = usize::MAX;
        let n = self.len();
        let mut index = vec![UNVISITED; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut of_node = vec![0; n];
        let mut members = Vec::with_capacity(n);
        let mut bounds = vec![0];
        let mut counter = 0;
        // Each frame: node and the position of the next outgoing edge to look at.
        let mut frames: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if index[root] != UNVISITED {
                continue;
            }
            frames.push((root, self.out_start[root]));
            index[root] = counter;
            low[root] = counter;
            counter += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(&mut (node, ref mut next)) = frames.last_mut() {
                if *next < self.out_start[node + 1] {
                    let to = self.edges[self.out_edges[*next]].to;
                    *next += 1;
                    if index[to] == UNVISITED {
                        index[to] = counter;
                        low[to] = counter;
                        counter += 1;
                        stack.push(to);
                        on_stack[to] = true;
                        frames.push((to, self.out_start[to]));
                    } else if on_stack[to] {
                        low[node] = low[node].min(index[to]);
                    }
                    continue;
                }
                frames.pop();
                if let Some(&(parent, _)) = frames.last() {
                    low[parent] = low[parent].min(low[node]);
                }
                if low[node] == index[node] {
                    let id = bounds.len() - 1;
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        of_node[member] = id;
                        members.push(member);
                        if member == node {
                            break;
                        }
                    }
                    bounds.push(members.len());
                }
            }
        }
        let cyclic = bounds
            .windows(2)
            .map(|b| {
                let m = &members[b[0]..b[1]];
                m.len() > 1 || self.outgoing(m[0]).any(|e| e.to == m[0])
            })
            .collect();
        Components {
            of_node,
            members,
            bounds,
            cyclic,
        }
    }
}

/// The strongly connected components of a graph.
#[derive(Debug)]
pub struct Components {
    /// The component of each node.
    pub of_node: Vec<usize>,
    /// Every node, grouped by component, components in reverse topological order
    /// (one flat list rather than a list per component: most components of a
    /// scenario are single nodes).
    members: Vec<usize>,
    /// Where each component's nodes start in `members`, and a last entry for the end.
    bounds: Vec<usize>,
    /// Whether each component contains a cycle.
    pub cyclic: Vec<bool>,
}

impl Components {
    /// The nodes of one component.
    pub fn members(&self, component: usize) -> &[usize] {
        &self.members[self.bounds[component]..self.bounds[component + 1]]
    }

    /// Every node, components in topological order (the members of one component
    /// together, in any order).
    pub fn topological_nodes(&self) -> Vec<usize> {
        (0..self.cyclic.len())
            .rev()
            .flat_map(|c| self.members(c))
            .copied()
            .collect()
    }
}

/// Adds an edge from each node a deadline can interrupt to the deadline's node.
///
/// A deadline fires once, when the clock passes it, so it can take over only from
/// nodes that play reaches before the deadline's node: the act's nodes that are
/// not endings and cannot be reached from the deadline's node within the act.
/// Otherwise every deadline would look like a loop back into the past.
fn add_deadline_edges<'a>(
    scenario: &'a Scenario,
    nodes: &[&'a Node],
    node_act: &[usize],
    ids: &HashMap<&'a str, usize>,
    edges: &mut Vec<Edge<'a>>,
) {
    let (out_start, out_edges) = compressed(nodes.len(), edges, |e| e.from);
    let mut act_start = vec![0; scenario.acts.len() + 1];
    for (a, act) in scenario.acts.iter().enumerate() {
        act_start[a + 1] = act_start[a] + act.nodes.len();
    }
    let mut after = vec![false; nodes.len()];
    for (a, act) in scenario.acts.iter().enumerate() {
        let members = act_start[a]..act_start[a + 1];
        for (index, deadline) in act.deadlines.iter().enumerate() {
            let Some(&to) = ids.get(deadline.node.as_str()) else {
                continue;
            };
            for flag in &mut after[members.clone()] {
                *flag = false;
            }
            let mut stack = vec![to];
            after[to] = node_act[to] == a;
            while let Some(node) = stack.pop() {
                for &e in &out_edges[out_start[node]..out_start[node + 1]] {
                    let next = edges[e].to;
                    if node_act[next] == a && !after[next] {
                        after[next] = true;
                        stack.push(next);
                    }
                }
            }
            for from in members.clone() {
                if !after[from] && from != to && !nodes[from].is_ending() {
                    edges.push(Edge {
                        from,
                        to,
                        kind: EdgeKind::Deadline(index),
                        effects: None,
                        rupture: None,
                        quality: None,
                    });
                }
            }
        }
    }
}

/// Groups edge indices by `key` in compressed-row form: the edges of node `i` are
/// `edges[start[i]..start[i + 1]]`.
fn compressed(n: usize, edges: &[Edge], key: impl Fn(&Edge) -> usize) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0; n + 1];
    for edge in edges {
        start[key(edge) + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut grouped = vec![0; edges.len()];
    for (index, edge) in edges.iter().enumerate() {
        let slot = &mut fill[key(edge)];
        grouped[*slot] = index;
        *slot += 1;
    }
    (start, grouped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::graph;
    use crate::core::load::{LoadOptions, load_str};
    use proptest::prelude::*;

    /// The ids of the nodes flagged true.
    fn ids<'a>(graph: &ScenarioGraph<'a>, flags: &[bool]) -> Vec<&'a str> {
        graph
            .ids()
            .zip(flags)
            .filter(|(_, f)| **f)
            .map(|(id, _)| id)
            .collect()
    }

    /// Each component's node ids, sorted, in the order the components come.
    fn components_by_id<'a>(graph: &ScenarioGraph<'a>) -> Vec<Vec<&'a str>> {
        let components = graph.components();
        (0..components.cyclic.len())
            .map(|c| components.members(c))
            .map(|members| {
                let mut ids: Vec<&str> = members
                    .iter()
                    .map(|&n| graph.nodes[n].id.as_str())
                    .collect();
                ids.sort_unstable();
                ids
            })
            .collect()
    }

    #[test]
    fn choices_and_timeouts_become_edges_and_unknown_targets_are_left_out() {
        let text = r#"Scenario(id: "g", title: "G", version: "1", difficulty: Beginner, estimated_minutes: 1,
            start: "a",
            acts: [Act(id: "one", title: "One", place: "P", clock_start: "09:00", nodes: [
                Node(id: "a", time_limit: 5, timeout: Timeout(target: "c", effects: {"connection": -1}),
                    choices: [
                        Choice(id: "x", says: "x", target: "b", quality: Skilled, rupture: Opens(Withdrawal)),
                        Choice(id: "y", says: "y", target: "nowhere"),
                    ]),
                Node(id: "b", choices: [Choice(id: "z", says: "z", target: "c")]),
                Node(id: "b", choices: [Choice(id: "w", says: "w", target: "a")]),
                Node(id: "c", ending: Ending(kind: Held, title: "C")),
            ])])"#;
        let scenario = load_str("g.scenario.ron", text.to_owned(), LoadOptions::default())
            .scenario
            .expect("parses");
        let graph = ScenarioGraph::build(&scenario);
        assert_eq!(graph.len(), 4);
        assert_eq!(
            graph.index("b"),
            Some(1),
            "a duplicate id resolves to its first node"
        );
        let from_a: Vec<(usize, EdgeKind)> = graph.outgoing(0).map(|e| (e.to, e.kind)).collect();
        assert_eq!(
            from_a,
            vec![(1, EdgeKind::Choice(0)), (3, EdgeKind::Timeout)]
        );
        let choice = graph.outgoing(0).next().unwrap();
        assert_eq!(choice.quality, Some(Quality::Skilled));
        assert_eq!(
            choice.rupture,
            Some(RuptureEffect::Opens(
                crate::core::model::RuptureKind::Withdrawal
            ))
        );
        let timeout = graph.outgoing(0).nth(1).unwrap();
        assert_eq!(timeout.effects.unwrap()["connection"], -1);
        assert_eq!(timeout.quality, None);
        let into_c: Vec<usize> = graph.incoming(3).map(|e| e.from).collect();
        assert_eq!(into_c, vec![0, 1]);
        assert_eq!(graph.node_path(2), "acts[0].nodes[2]");
        // The id lists agree with the edges they index.
        for node in 0..graph.len() {
            assert!(
                graph
                    .outgoing_ids(node)
                    .iter()
                    .all(|&e| graph.edges[e].from == node)
            );
            assert!(
                graph
                    .incoming_ids(node)
                    .iter()
                    .all(|&e| graph.edges[e].to == node)
            );
        }
    }

    #[test]
    fn reachability_runs_forwards_from_roots_and_backwards_from_targets() {
        let scenario = graph("", &["a -> b", "b -> end", "u -> b", "v -> w", "w -> v"]);
        let graph = ScenarioGraph::build(&scenario);
        let a = graph.index("a").unwrap();
        assert_eq!(ids(&graph, &graph.reachable_from([a])), ["a", "b", "end"]);
        let end = graph.index("end").unwrap();
        assert_eq!(ids(&graph, &graph.reaching([end])), ["a", "b", "u", "end"]);
        let v = graph.index("v").unwrap();
        assert_eq!(
            ids(&graph, &graph.reachable_from([v, a])),
            ["a", "b", "v", "w", "end"]
        );
        assert_eq!(ids(&graph, &graph.reachable_from([])), Vec::<&str>::new());
    }

    #[test]
    fn a_cycle_is_one_component_and_components_come_sinks_first() {
        // a → b → c → a is a cycle; c leads out to d, d to the ending.
        let scenario = graph("", &["a -> b", "b -> c", "c -> a d", "d -> end"]);
        let graph = ScenarioGraph::build(&scenario);
        assert_eq!(
            components_by_id(&graph),
            vec![vec!["end"], vec!["d"], vec!["a", "b", "c"]]
        );
        let components = graph.components();
        assert_eq!(components.cyclic, vec![false, false, true]);
        for edge in &graph.edges {
            let (from, to) = (components.of_node[edge.from], components.of_node[edge.to]);
            assert!(
                from >= to,
                "an edge goes from a later component to an earlier one"
            );
        }
    }

    #[test]
    fn a_self_loop_is_a_cyclic_component_of_one() {
        let scenario = graph("", &["a -> a end", "b -> end"]);
        let graph = ScenarioGraph::build(&scenario);
        let components = graph.components();
        let a = graph.index("a").unwrap();
        let b = graph.index("b").unwrap();
        assert_eq!(components.members(components.of_node[a]), [a]);
        assert!(components.cyclic[components.of_node[a]]);
        assert!(
            !components.cyclic[components.of_node[b]],
            "one node, no loop: not cyclic"
        );
    }

    #[test]
    fn a_deadline_takes_over_only_from_nodes_before_its_node_in_its_act() {
        // Act one: a → b → c(ending), b → d → e(ending); the deadline's node is d.
        // It can interrupt a and b (d cannot be reached back), not d itself, not
        // e after it, not the endings, and nothing in act two.
        let text = r#"Scenario(id: "g", title: "G", version: "1", difficulty: Beginner, estimated_minutes: 1,
            start: "a",
            acts: [
                Act(id: "one", title: "One", place: "P", clock_start: "09:00",
                    deadlines: [Deadline(at: "09:30", label: "L", node: "d")],
                    nodes: [
                        Node(id: "a", choices: [Choice(id: "x", says: "x", target: "b")]),
                        Node(id: "b", choices: [
                            Choice(id: "x", says: "x", target: "c"),
                            Choice(id: "y", says: "y", target: "d"),
                            Choice(id: "z", says: "z", target: "f"),
                        ]),
                        Node(id: "c", ending: Ending(kind: Held, title: "C")),
                        Node(id: "d", choices: [Choice(id: "x", says: "x", target: "e")]),
                        Node(id: "e", choices: [Choice(id: "x", says: "x", target: "c")]),
                    ]),
                Act(id: "two", title: "Two", place: "P", clock_start: "09:00", nodes: [
                    Node(id: "f", choices: [Choice(id: "x", says: "x", target: "c")]),
                ]),
            ])"#;
        let scenario = load_str("g.scenario.ron", text.to_owned(), LoadOptions::default())
            .scenario
            .expect("parses");
        let graph = ScenarioGraph::build(&scenario);
        let mut interrupted: Vec<&str> = graph
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Deadline(0))
            .inspect(|e| assert_eq!(graph.nodes[e.to].id, "d"))
            .inspect(|e| assert!(e.effects.is_none() && e.rupture.is_none()))
            .map(|e| graph.nodes[e.from].id.as_str())
            .collect();
        interrupted.sort_unstable();
        assert_eq!(interrupted, ["a", "b"]);
    }

    /// Whether node `to` can be reached from `from` (in zero steps or more), by
    /// Floyd–Warshall over an adjacency matrix: slow, and independent of the
    /// graph's own searches.
    fn closure(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<bool>> {
        let mut reach = vec![vec![false; n]; n];
        for (i, row) in reach.iter_mut().enumerate() {
            row[i] = true;
        }
        for &(from, to) in edges {
            reach[from][to] = true;
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if reach[i][k] && reach[k][j] {
                        reach[i][j] = true;
                    }
                }
            }
        }
        reach
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Random graphs: two nodes share a component exactly when each reaches
        /// the other; a component is cyclic exactly when it has an edge inside;
        /// components come sinks first; reachability agrees with the closure.
        #[test]
        fn components_and_reachability_agree_with_a_transitive_closure(
            n in 1usize..10,
            raw in prop::collection::vec((0usize..10, 0usize..10), 0..25),
        ) {
            let edges: Vec<(usize, usize)> = raw.into_iter().map(|(a, b)| (a % n, b % n)).collect();
            let lines: Vec<String> = (0..n)
                .map(|i| {
                    let targets: Vec<String> = edges
                        .iter()
                        .filter(|(from, _)| *from == i)
                        .map(|(_, to)| format!("n{to}"))
                        .collect();
                    format!("n{i} -> {}", targets.join(" "))
                })
                .collect();
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let scenario = graph("", &lines);
            let graph = ScenarioGraph::build(&scenario);
            prop_assert_eq!(graph.len(), n);
            let reach = closure(n, &edges);
            let components = graph.components();
            for (i, from_i) in reach.iter().enumerate() {
                let reached = graph.reachable_from([i]);
                let reaching = graph.reaching([i]);
                for (j, from_j) in reach.iter().enumerate() {
                    prop_assert_eq!(reached[j], from_i[j]);
                    prop_assert_eq!(reaching[j], from_j[i]);
                    let together = components.of_node[i] == components.of_node[j];
                    prop_assert_eq!(together, from_i[j] && from_j[i]);
                }
            }
            for c in 0..components.cyclic.len() {
                let members = components.members(c);
                let inside = edges.iter().any(|&(from, to)| members.contains(&from) && members.contains(&to));
                prop_assert_eq!(components.cyclic[c], inside);
                prop_assert!(members.iter().all(|&m| components.of_node[m] == c));
            }
            for &(from, to) in &edges {
                prop_assert!(components.of_node[from] >= components.of_node[to]);
            }
        }
    }
}
