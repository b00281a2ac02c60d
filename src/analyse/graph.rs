//! The touchpoint graph of a journey (petgraph), and the graph facts the rules share:
//! entries, reachability from the entries, and which touchpoints come after a purchase.
//!
//! Everything here is linear in touchpoints plus `next` edges.

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::Bfs;

use crate::model::{Journey, TouchpointIdx};

/// Node `i` is touchpoint `i` of the journey; edge weights are `(from, index in next)`.
pub struct JourneyGraph {
    pub graph: DiGraph<TouchpointIdx, usize>,
    /// Touchpoints with no incoming edge; where there is none, the first touchpoint.
    pub entries: Vec<TouchpointIdx>,
    /// Reached from some entry (an entry reaches itself).
    pub reachable: Vec<bool>,
    /// Reached by one or more `next` edges from a purchase touchpoint other than itself.
    pub after_purchase: Vec<bool>,
}

impl JourneyGraph {
    pub fn build(journey: &Journey) -> Self {
        let n = journey.touchpoints.len();
        let mut graph = DiGraph::with_capacity(n, n * 2);
        for i in 0..n {
            graph.add_node(i);
        }
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            for (k, step) in tp.next.iter().enumerate() {
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(step.to), k);
            }
        }
        let mut entries: Vec<TouchpointIdx> = (0..n)
            .filter(|&i| {
                graph
                    .neighbors_directed(NodeIndex::new(i), Direction::Incoming)
                    .next()
                    .is_none()
            })
            .collect();
        if entries.is_empty() && n > 0 {
            entries.push(0);
        }
        let mut reachable = vec![false; n];
        for &e in &entries {
            if reachable[e] {
                continue;
            }
            let mut bfs = Bfs::new(&graph, NodeIndex::new(e));
            while let Some(node) = bfs.next(&graph) {
                reachable[node.index()] = true;
            }
        }
        let after_purchase = after_purchase(&graph, journey);
        JourneyGraph {
            graph,
            entries,
            reachable,
            after_purchase,
        }
    }

    pub fn successors(&self, tp: TouchpointIdx) -> impl Iterator<Item = TouchpointIdx> + '_ {
        self.graph
            .neighbors_directed(NodeIndex::new(tp), Direction::Outgoing)
            .map(NodeIndex::index)
    }

    pub fn predecessors(&self, tp: TouchpointIdx) -> impl Iterator<Item = TouchpointIdx> + '_ {
        self.graph
            .neighbors_directed(NodeIndex::new(tp), Direction::Incoming)
            .map(NodeIndex::index)
    }

    /// The first customer-facing touchpoints downstream of `from` (one or more edges away),
    /// not looking past a customer-facing touchpoint. Sorted by touchpoint index.
    pub fn first_customer_facing_downstream(
        &self,
        journey: &Journey,
        from: impl IntoIterator<Item = TouchpointIdx>,
    ) -> Vec<TouchpointIdx> {
        let n = journey.touchpoints.len();
        let mut seen = vec![false; n];
        let mut found = Vec::new();
        let mut stack: Vec<TouchpointIdx> = Vec::new();
        for start in from {
            stack.extend(self.successors(start));
        }
        while let Some(tp) = stack.pop() {
            if std::mem::replace(&mut seen[tp], true) {
                continue;
            }
            if journey.touchpoints[tp].is_customer_facing() {
                found.push(tp);
            } else {
                stack.extend(self.successors(tp));
            }
        }
        found.sort_unstable();
        found
    }

    /// For each of `sources` (touchpoints, in the order given): the first other source, in
    /// that order, that reaches it by one or more edges. Each touchpoint is visited at most
    /// twice, so this is linear however many sources there are.
    pub fn earlier_sources(&self, sources: &[TouchpointIdx]) -> Vec<Option<TouchpointIdx>> {
        const NONE: u32 = u32::MAX;
        // The first two sources (by position in `sources`) that reach each touchpoint.
        let mut labels = vec![[NONE; 2]; self.graph.node_count()];
        let mut stack = Vec::new();
        for (k, &source) in sources.iter().enumerate() {
            let k = u32::try_from(k).expect("fewer than 2^32 sources");
            stack.extend(self.successors(source));
            while let Some(v) = stack.pop() {
                let l = &mut labels[v];
                if l[0] == k || l[1] == k || l[1] != NONE {
                    continue;
                }
                if l[0] == NONE {
                    l[0] = k;
                } else {
                    l[1] = k;
                }
                stack.extend(self.successors(v));
            }
        }
        sources
            .iter()
            .enumerate()
            .map(|(k, &t)| {
                labels[t]
                    .iter()
                    .find(|&&l| l != NONE && l as usize != k)
                    .map(|&l| sources[l as usize])
            })
            .collect()
    }

    /// Every touchpoint reachable from `from` by one or more edges.
    pub fn reachable_from(&self, from: TouchpointIdx) -> Vec<TouchpointIdx> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut out = Vec::new();
        let mut stack: Vec<TouchpointIdx> = self.successors(from).collect();
        while let Some(tp) = stack.pop() {
            if !std::mem::replace(&mut seen[tp], true) {
                out.push(tp);
                stack.extend(self.successors(tp));
            }
        }
        out.sort_unstable();
        out
    }
}

/// A touchpoint is after purchase when a purchase touchpoint other than itself reaches it.
/// On the condensation (strongly connected components, in topological order) that is: its
/// component holds another purchase touchpoint, or an earlier component that is or follows a
/// purchase leads into it. Linear, however many purchase touchpoints there are.
fn after_purchase(graph: &DiGraph<TouchpointIdx, usize>, journey: &Journey) -> Vec<bool> {
    let n = journey.touchpoints.len();
    // Kosaraju, not Tarjan: petgraph's Tarjan recurses once per node and overflows the stack
    // on a long chain; Kosaraju walks with explicit stacks.
    let mut components = kosaraju_scc(graph);
    components.reverse(); // kosaraju_scc yields reverse topological order
    let mut component_of = vec![0usize; n];
    for (c, nodes) in components.iter().enumerate() {
        for node in nodes {
            component_of[node.index()] = c;
        }
    }
    // reached[c]: some purchase touchpoint reaches component c from another component.
    let mut reached = vec![false; components.len()];
    let mut result = vec![false; n];
    for (c, nodes) in components.iter().enumerate() {
        let purchases = nodes
            .iter()
            .filter(|v| journey.touchpoints[v.index()].purchase)
            .count();
        for node in nodes {
            let own = usize::from(journey.touchpoints[node.index()].purchase);
            let same_component = nodes.len() > 1 && purchases > own;
            result[node.index()] = reached[c] || same_component;
        }
        let leads_on = reached[c] || purchases > 0;
        if leads_on {
            for node in nodes {
                for next in graph.neighbors_directed(*node, Direction::Outgoing) {
                    let d = component_of[next.index()];
                    if d != c {
                        reached[d] = true;
                    }
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_texts;

    fn graph_of(toml: &str) -> (crate::model::Workspace, JourneyGraph) {
        let loaded = load_texts(&[("j.toml", toml)]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let g = JourneyGraph::build(&loaded.workspace.journeys[0]);
        (loaded.workspace, g)
    }

    #[test]
    fn purchase_reached_only_through_itself_is_not_after_purchase() {
        let (_, g) = graph_of(
            r#"
[journey]
id = "j"
[[touchpoint]]
id = "a"
next = ["buy"]
[[touchpoint]]
id = "buy"
purchase = true
next = ["buy", "b"]
[[touchpoint]]
id = "b"
"#,
        );
        assert_eq!(g.after_purchase, vec![false, false, true]);
    }

    #[test]
    fn two_purchases_in_a_loop_are_after_each_other() {
        let (_, g) = graph_of(
            r#"
[journey]
id = "j"
[[touchpoint]]
id = "p1"
purchase = true
next = ["p2"]
[[touchpoint]]
id = "p2"
purchase = true
next = ["p1"]
"#,
        );
        assert_eq!(g.after_purchase, vec![true, true]);
        assert_eq!(g.entries, vec![0]);
    }
}
