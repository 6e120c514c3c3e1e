//! The scenario as a directed graph: nodes, and edges for choices, timeouts and
//! deadlines. Validation and analysis both stand on it; every query is linear in
//! the size of the graph.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use super::model::{Node, RuptureEffect, Scenario};

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
    pub exemplar: bool,
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
                        exemplar: choice.exemplar,
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
                        exemplar: false,
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
                        exemplar: false,
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
