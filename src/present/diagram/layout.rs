//! Layered (Sugiyama-style) layout fitted to journeys: stages fix the columns, longest paths
//! order touchpoints within a stage, long edges get dummy slots, and barycenter sweeps order
//! each column to reduce crossings. Linear in touchpoints plus edges, but for the sorting
//! inside each column.

use crate::model::Journey;

/// One edge of the journey, in `next` order.
#[derive(Debug, Clone)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
    /// Drawn right to left (a loop back, or a step to an earlier stage), or onto itself.
    pub backward: bool,
}

/// Something that occupies a place in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Touchpoint(usize),
    /// Edge index and how many columns after the edge's start.
    Dummy(usize, usize),
}

#[derive(Debug)]
pub struct Layered {
    pub edges: Vec<Edge>,
    /// Column of each touchpoint.
    pub column: Vec<usize>,
    /// The slots of each column, top to bottom.
    pub columns: Vec<Vec<Slot>>,
    /// For each column, the stage it belongs to (when the journey has stages).
    pub column_stage: Vec<Option<usize>>,
    /// For each forward edge spanning more than one column, its dummy slots in order.
    pub dummies: Vec<Vec<(usize, usize)>>,
}

impl Layered {
    /// Runs of columns that belong to the same stage: (stage, first column, last column + 1).
    pub fn stage_groups(&self) -> Vec<(Option<usize>, usize, usize)> {
        let mut groups = Vec::new();
        let mut c = 0;
        while c < self.column_stage.len() {
            let stage = self.column_stage[c];
            let start = c;
            while c < self.column_stage.len() && self.column_stage[c] == stage {
                c += 1;
            }
            groups.push((stage, start, c));
        }
        groups
    }

    /// The slots a forward edge passes through: its start, its dummies, its end.
    pub fn chain(&self, edge: usize) -> Vec<Slot> {
        let e = &self.edges[edge];
        let mut chain = vec![Slot::Touchpoint(e.from)];
        chain.extend((1..=self.dummies[edge].len()).map(|k| Slot::Dummy(edge, k)));
        chain.push(Slot::Touchpoint(e.to));
        chain
    }
}

pub fn layer(journey: &Journey) -> Layered {
    let n = journey.touchpoints.len();
    let mut edges: Vec<Edge> = Vec::new();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, tp) in journey.touchpoints.iter().enumerate() {
        for step in &tp.next {
            out[i].push(edges.len());
            edges.push(Edge {
                from: i,
                to: step.to,
                label: step.label.clone(),
                backward: false,
            });
        }
    }

    // 1. Back edges by iterative depth-first search from the entries, in file order.
    let mut indegree = vec![0usize; n];
    for e in &edges {
        if e.from != e.to {
            indegree[e.to] += 1;
        }
    }
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut postorder = Vec::with_capacity(n);
    let starts: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).chain(0..n).collect();
    for start in starts {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < out[v].len() {
                let e = out[v][*k];
                *k += 1;
                let w = edges[e].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => edges[e].backward = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                postorder.push(v);
                stack.pop();
            }
        }
    }
    let topo: Vec<usize> = postorder.into_iter().rev().collect();

    // 2. Columns.
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (ei, e) in edges.iter().enumerate() {
        if !e.backward {
            preds[e.to].push(ei);
        }
    }
    let has_stages = !journey.stages.is_empty();
    let mut stage = vec![0usize; n];
    let mut local = vec![0usize; n];
    for &v in &topo {
        stage[v] = match journey.touchpoints[v].stage {
            Some(s) => s,
            // Without a stage, a touchpoint sits in the latest stage that leads to it.
            None => preds[v]
                .iter()
                .map(|&e| stage[edges[e].from])
                .max()
                .unwrap_or(0),
        };
        if !has_stages {
            stage[v] = 0;
        }
        local[v] = preds[v]
            .iter()
            .map(|&e| edges[e].from)
            .filter(|&u| stage[u] == stage[v])
            .map(|u| local[u] + 1)
            .max()
            .unwrap_or(0);
    }
    let stage_count = journey.stages.len().max(1);
    let mut depth = vec![0usize; stage_count];
    let mut used = vec![false; stage_count];
    for v in 0..n {
        depth[stage[v]] = depth[stage[v]].max(local[v] + 1);
        used[stage[v]] = true;
    }
    let mut offset = vec![0usize; stage_count];
    let mut column_stage = Vec::new();
    let mut next_col = 0;
    for s in 0..stage_count {
        offset[s] = next_col;
        // An empty stage still gets a column: a gap in the journey is worth seeing.
        let width = if used[s] { depth[s] } else { 1 };
        for _ in 0..width {
            column_stage.push(has_stages.then_some(s));
        }
        next_col += width;
    }
    let column: Vec<usize> = (0..n).map(|v| offset[stage[v]] + local[v]).collect();
    for e in &mut edges {
        if column[e.to] <= column[e.from] {
            e.backward = true;
        }
    }

    // 3. Slots, dummies for long forward edges.
    let mut columns: Vec<Vec<Slot>> = vec![Vec::new(); next_col.max(1)];
    for &v in &topo {
        columns[column[v]].push(Slot::Touchpoint(v));
    }
    let mut dummies: Vec<Vec<(usize, usize)>> = vec![Vec::new(); edges.len()];
    for (ei, e) in edges.iter().enumerate() {
        if e.backward {
            continue;
        }
        for (k, c) in (column[e.from] + 1..column[e.to]).enumerate() {
            columns[c].push(Slot::Dummy(ei, k + 1));
            dummies[ei].push((c, columns[c].len() - 1));
        }
    }

    let mut layered = Layered {
        edges,
        column,
        columns,
        column_stage,
        dummies,
    };
    order(&mut layered);
    layered
}

/// Barycenter sweeps: each column sorted by the mean position of its neighbours in the
/// previous (then next) column.
fn order(l: &mut Layered) {
    // Neighbours of each slot through forward edges and dummy chains.
    use super::fast::FastMap;
    let mut left: FastMap<Slot, Vec<Slot>> = FastMap::default();
    let mut right: FastMap<Slot, Vec<Slot>> = FastMap::default();
    for (ei, e) in l.edges.iter().enumerate() {
        if e.backward {
            continue;
        }
        for pair in l.chain(ei).windows(2) {
            right.entry(pair[0]).or_default().push(pair[1]);
            left.entry(pair[1]).or_default().push(pair[0]);
        }
    }
    let mut pos: FastMap<Slot, f32> = FastMap::default();
    for col in &l.columns {
        for (i, s) in col.iter().enumerate() {
            pos.insert(*s, i as f32);
        }
    }
    for sweep in 0..4 {
        let forward = sweep % 2 == 0;
        let cols: Vec<usize> = if forward {
            (1..l.columns.len()).collect()
        } else {
            (0..l.columns.len().saturating_sub(1)).rev().collect()
        };
        for c in cols {
            let neighbours = if forward { &left } else { &right };
            let mut keyed: Vec<(f32, usize, Slot)> = l.columns[c]
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let bary = neighbours
                        .get(s)
                        .filter(|ns| !ns.is_empty())
                        .map_or(pos[s], |ns| {
                            ns.iter().map(|n| pos[n]).sum::<f32>() / ns.len() as f32
                        });
                    (bary, i, *s)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            l.columns[c] = keyed.into_iter().map(|(_, _, s)| s).collect();
            for (i, s) in l.columns[c].iter().enumerate() {
                pos.insert(*s, i as f32);
            }
        }
    }
    for (ei, d) in l.dummies.iter_mut().enumerate() {
        for (k, slot) in d.iter_mut().enumerate() {
            slot.1 = pos[&Slot::Dummy(ei, k + 1)] as usize;
        }
    }
}
