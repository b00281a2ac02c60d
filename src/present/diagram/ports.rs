//! Where connectors meet cards: steps leave a card on its right side and arrive on its left
//! side, each at a port of its own, spread evenly and ordered by where the other end lies, so
//! two arrowheads never meet in one point and lines cross as little as they can. A step from
//! a card to itself uses the card's top instead (see `connectors::self_loop`).

use super::layout::Edge;
use super::scene::Rect;

/// Each edge's place among the ports of its source's right side and its target's left side:
/// (index, count). Self-loops have none.
pub struct Ports {
    out: Vec<(u32, u32)>,
    inn: Vec<(u32, u32)>,
}

/// How many connectors leave and arrive at each of `n` cards (self-loops aside): the most of
/// the two is the number of ports a card's side needs.
pub fn counts(edges: &[Edge], n: usize) -> Vec<usize> {
    let mut outs = vec![0usize; n];
    let mut ins = vec![0usize; n];
    for e in edges.iter().filter(|e| e.from != e.to) {
        outs[e.from] += 1;
        ins[e.to] += 1;
    }
    outs.iter().zip(&ins).map(|(a, b)| *a.max(b)).collect()
}

impl Ports {
    /// Orders each card's ports: leaving connectors by `out_key` (the height they head for),
    /// arriving ones by `in_key` (the height they come from); ties keep edge order.
    pub fn assign(
        edges: &[Edge],
        n: usize,
        out_key: impl Fn(usize) -> f32,
        in_key: impl Fn(usize) -> f32,
    ) -> Ports {
        let mut outs: Vec<Vec<(f32, usize)>> = vec![Vec::new(); n];
        let mut ins: Vec<Vec<(f32, usize)>> = vec![Vec::new(); n];
        for (i, e) in edges.iter().enumerate() {
            if e.from != e.to {
                outs[e.from].push((out_key(i), i));
                ins[e.to].push((in_key(i), i));
            }
        }
        let mut out = vec![(0, 0); edges.len()];
        let mut inn = vec![(0, 0); edges.len()];
        for (lists, slots) in [(&mut outs, &mut out), (&mut ins, &mut inn)] {
            for list in lists.iter_mut() {
                list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let count = list.len() as u32;
                for (k, &(_, i)) in list.iter().enumerate() {
                    slots[i] = (k as u32, count);
                }
            }
        }
        Ports { out, inn }
    }

    /// Where edge `e` leaves its source card `rect` (on the right side).
    pub fn start(&self, e: usize, rect: Rect) -> (f32, f32) {
        (rect.right(), spread(rect, self.out[e]))
    }

    /// Where edge `e` arrives at its target card `rect` (on the left side).
    pub fn end(&self, e: usize, rect: Rect) -> (f32, f32) {
        (rect.x, spread(rect, self.inn[e]))
    }
}

fn spread(rect: Rect, (k, n): (u32, u32)) -> f32 {
    rect.y + rect.h * (k + 1) as f32 / (n + 1) as f32
}
