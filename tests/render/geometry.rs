//! Geometry checks on a `Scene`, the promises a presenter relies on: cards (and chips) never
//! overlap; every text line fits the width it was wrapped for; text boxes never overlap each
//! other, nor a card they are not written on, and text written on a card stays inside it; no
//! line passes through a card it does not link; no two arrowheads meet; self-loops are drawn
//! outside their card, big enough to see, dashed as the legend says; everything lies on the
//! canvas.

use std::collections::HashMap;

use cxmap::present::diagram::geometry;
use cxmap::present::diagram::scene::{Dash, Item, Rect, Role, Scene, text_box};
use cxmap::present::diagram::text;

const CELL: f32 = 128.0;

/// A path's points, the boxes it links, its dash, whether it has an arrowhead.
type DrawnPath = (Vec<(f32, f32)>, Option<(u32, u32)>, Dash, bool);

/// Rectangles in a coarse grid, for "what is near this point".
struct Grid {
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn new(rects: &[Rect]) -> Grid {
        let mut cells: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
        for (i, r) in rects.iter().enumerate() {
            for cx in (r.x / CELL).floor() as i32..=(r.right() / CELL).floor() as i32 {
                for cy in (r.y / CELL).floor() as i32..=(r.bottom() / CELL).floor() as i32 {
                    cells.entry((cx, cy)).or_default().push(i);
                }
            }
        }
        Grid { cells }
    }

    fn near(&self, (x, y): (f32, f32)) -> &[usize] {
        self.cells
            .get(&((x / CELL).floor() as i32, (y / CELL).floor() as i32))
            .map_or(&[], Vec::as_slice)
    }
}

/// Pairs of overlapping rectangles (by index), found with a sweep along x.
fn overlapping(rects: &[Rect]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by(|&a, &b| rects[a].x.total_cmp(&rects[b].x));
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for &i in &order {
        let r = rects[i];
        active.retain(|&a| rects[a].right() > r.x + 0.01);
        for &a in &active {
            if rects[a].overlaps(&r) {
                out.push((a.min(i), a.max(i)));
            }
        }
        active.push(i);
    }
    out
}

/// Everything wrong with `scene`'s geometry, in words.
pub fn problems(scene: &Scene) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut cards: Vec<(u32, Rect)> = Vec::new();
    let mut texts: Vec<(Rect, Option<u32>, String)> = Vec::new();
    let mut paths: Vec<DrawnPath> = Vec::new();
    for item in &scene.items {
        match item {
            Item::Rect {
                rect,
                role: Role::Card(id),
                ..
            } => cards.push((*id, *rect)),
            Item::Text {
                x,
                y,
                lines,
                size,
                bold,
                anchor,
                line_height,
                max_width,
                on,
                ..
            } => {
                for line in lines {
                    let w = text::width(line, *size, *bold);
                    if w > max_width + 0.01 {
                        wrong.push(format!("`{line}` is {w} wide, room {max_width}"));
                    }
                }
                let b = text_box(*x, *y, lines, *size, *bold, *anchor, *line_height);
                texts.push((b, *on, lines.join(" ")));
            }
            Item::Path {
                d,
                links,
                dash,
                arrow,
                ..
            } => paths.push((geometry::points(d), *links, *dash, *arrow)),
            _ => {}
        }
    }
    let canvas = Rect::new(0.0, 0.0, scene.width, scene.height);
    let card_rects: Vec<Rect> = cards.iter().map(|c| c.1).collect();
    for (a, b) in overlapping(&card_rects) {
        wrong.push(format!(
            "cards overlap: {:?} {:?}",
            card_rects[a], card_rects[b]
        ));
    }
    for r in &card_rects {
        if !canvas.contains(r) {
            wrong.push(format!("card {r:?} off the canvas"));
        }
    }
    let by_id: HashMap<u32, Rect> = cards.iter().copied().collect();

    // Text against text, and against cards.
    let text_rects: Vec<Rect> = texts.iter().map(|t| t.0).collect();
    for (a, b) in overlapping(&text_rects) {
        wrong.push(format!(
            "text `{}` {:?} overlaps text `{}` {:?}",
            texts[a].2, texts[a].0, texts[b].2, texts[b].0
        ));
    }
    let card_grid = Grid::new(&card_rects);
    for (r, on, s) in &texts {
        if !canvas.contains(r) {
            wrong.push(format!("text `{s}` {r:?} off the canvas"));
        }
        if let Some(id) = on {
            match by_id.get(id) {
                Some(card) if card.contains(r) => {}
                Some(card) => {
                    wrong.push(format!("text `{s}` {r:?} spills out of its card {card:?}"));
                }
                None => wrong.push(format!("text `{s}` is on box {id}, which is not drawn")),
            }
        }
        let corners = [
            (r.x, r.y),
            (r.right(), r.y),
            (r.x, r.bottom()),
            (r.right(), r.bottom()),
        ];
        let mut near: Vec<usize> = corners
            .iter()
            .flat_map(|&p| card_grid.near(p))
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        for i in near {
            if Some(cards[i].0) != *on && cards[i].1.overlaps(r) {
                wrong.push(format!("text `{s}` {r:?} overlaps a card {:?}", cards[i].1));
            }
        }
    }

    // Lines against cards, arrowheads against each other, self-loops.
    let mut heads: Vec<Rect> = Vec::new();
    let mut dashed_legend_loop = false;
    let mut self_loops = Vec::new();
    for (points, links, dash, arrow) in &paths {
        for p in points {
            if !(-0.01..=scene.width + 0.01).contains(&p.0)
                || !(-0.01..=scene.height + 0.01).contains(&p.1)
            {
                wrong.push(format!(
                    "path point {p:?} off the {} x {} canvas",
                    scene.width, scene.height
                ));
                break;
            }
        }
        let linked = |id: u32| links.is_some_and(|(a, b)| a == id || b == id);
        let crossed = geometry::dense(points, 3.0).into_iter().find_map(|p| {
            card_grid.near(p).iter().find_map(|&i| {
                let (id, card) = cards[i];
                (card.holds(p, 1.0) && (!linked(id) || links == &Some((id, id))))
                    .then_some((id, card, p))
            })
        });
        if let Some((id, card, p)) = crossed {
            wrong.push(format!(
                "a line {links:?} passes through card {id} {card:?} at {p:?}"
            ));
        }
        if *arrow && let Some(&end) = points.last() {
            heads.push(Rect::new(end.0 - 4.0, end.1 - 4.0, 8.0, 8.0));
        }
        match links {
            Some((a, b)) if a == b => self_loops.push((points.clone(), *dash)),
            None if *arrow && *dash == Dash::Dashed => dashed_legend_loop = true,
            _ => {}
        }
    }
    for (a, b) in overlapping(&heads) {
        wrong.push(format!(
            "arrowheads meet at {:?} and {:?}",
            heads[a], heads[b]
        ));
    }
    for (points, dash) in &self_loops {
        if *dash != Dash::Dashed {
            wrong.push("a self-loop is not dashed, unlike loops in the legend".to_owned());
        }
        if !dashed_legend_loop {
            wrong.push("a self-loop is drawn but the legend has no dashed loop".to_owned());
        }
        let b = geometry::bounds(points).unwrap();
        if b.w < 20.0 || b.h < 15.0 {
            wrong.push(format!("a self-loop is too small to read: {b:?}"));
        }
    }
    wrong
}

/// Panics with every problem of `scene`.
pub fn assert_sound(scene: &Scene, what: &str) {
    let wrong = problems(scene);
    assert!(
        wrong.is_empty(),
        "{what}: {} problems:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
