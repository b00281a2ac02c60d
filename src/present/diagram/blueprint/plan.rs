//! Where everything of a blueprint goes, before anything is drawn: columns, the chips of
//! physical evidence and of support work, each card's place in its lane and column, how
//! each step is routed, and the rows and lines top to bottom.

use std::collections::BTreeMap;

use super::lanes::{Lanes, Zone};
use crate::present::diagram::DiagramInput;
use crate::present::diagram::card::{CARD_W, CardText, card_height, card_text};
use crate::present::diagram::columns::Columns;
use crate::present::diagram::connectors::self_loop_room;
use crate::present::diagram::labels::Label;
use crate::present::diagram::layout::{self, Layered};
use crate::present::diagram::ports;
use crate::present::diagram::scene::Rect;
use crate::present::diagram::text;
use crate::present::diagram::title::TitleBlock;

pub const MARGIN: f32 = 32.0;
pub const LANE_LABEL_W: f32 = 176.0;
pub const STAGE_HEADER: f32 = 36.0;
pub const CURVE_H: f32 = 118.0;
pub const LANE_PAD: f32 = 16.0;
pub const CARD_GAP: f32 = 16.0;
pub const COLUMN_GAP: f32 = 60.0;
/// The band a line of the blueprint runs in, between two zones.
pub const LINE_BAND: f32 = 26.0;
pub const CHIP_SIZE: f32 = 12.0;
const CHIP_PAD: f32 = 8.0;

/// One of the three lines of the standard blueprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Interaction,
    Visibility,
    Internal,
}

impl Line {
    pub fn caption(self) -> &'static str {
        match self {
            Line::Interaction => "LINE OF INTERACTION",
            Line::Visibility => "LINE OF VISIBILITY",
            Line::Internal => "LINE OF INTERNAL INTERACTION",
        }
    }

    /// The line between two zones (0 the customer's row, then frontstage, backstage,
    /// support): where zones are missing, lines that would coincide are one line, and the
    /// line of visibility wins.
    fn between(upper: usize, lower: usize) -> Line {
        if upper <= 1 && lower >= 2 {
            Line::Visibility
        } else if upper == 0 {
            Line::Interaction
        } else {
            Line::Internal
        }
    }
}

/// A box of text that is not a touchpoint: physical evidence, or a support team's work.
pub struct Chip {
    pub rect: Rect,
    /// Muted first lines ("supports", "for <step>").
    pub head: Vec<String>,
    pub body: Vec<String>,
    /// The touchpoint it belongs to.
    pub touchpoint: usize,
    /// The department's colour index (support), if any.
    pub dept: Option<usize>,
}

impl Chip {
    fn new(head: Vec<String>, body: Vec<String>, touchpoint: usize, dept: Option<usize>) -> Chip {
        let lines = (head.len() + body.len()) as f32;
        let h = 2.0 * CHIP_PAD + lines * CHIP_SIZE * 1.25;
        Chip {
            rect: Rect::new(0.0, 0.0, CARD_W, h),
            head,
            body,
            touchpoint,
            dept,
        }
    }
}

/// How a step is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Route {
    /// Onto itself: over the card's top edge.
    SelfLoop,
    /// To the next column: a curve through the gap between them.
    Adjacent,
    /// Anywhere else: along channel `k` at the bottom of the source lane (at height
    /// `channel`) and through the gaps between columns.
    Around { k: usize, channel: f32 },
}

pub struct Plan {
    pub l: Layered,
    pub cols: Columns,
    pub width: f32,
    pub title: TitleBlock,
    pub subtitle: String,
    pub title_text: String,
    /// Where the body starts (under the title), and where the stage names end.
    pub top: f32,
    pub head: f32,
    pub stage_heads: Vec<(usize, usize, Vec<String>)>,
    pub evidence_row: Option<(f32, f32)>,
    pub customer_row: (f32, f32),
    pub lane_y: Vec<f32>,
    pub lane_h: Vec<f32>,
    pub lines: Vec<(Line, f32)>,
    pub bottom: f32,
    pub cards: Vec<Rect>,
    pub texts: Vec<Option<CardText>>,
    pub evidence: Vec<Chip>,
    pub support: Vec<Chip>,
    pub routes: Vec<Route>,
    /// Labels of self-loops, by edge.
    pub loop_labels: Vec<Option<Label>>,
}

/// What sits in one lane and column, top to bottom.
#[derive(Clone, Copy)]
enum Cell {
    Card(usize),
    Support(usize),
}

impl Plan {
    pub fn new(input: &DiagramInput, lanes: &Lanes, l: Layered) -> Plan {
        let j = input.journey;
        let n = j.touchpoints.len();
        let port_counts = ports::counts(&l.edges, n);
        let texts: Vec<Option<CardText>> =
            (0..n).map(|t| Some(card_text(input, t, false))).collect();
        let heights: Vec<f32> = texts
            .iter()
            .zip(&port_counts)
            .map(|(t, &p)| t.as_ref().map_or(44.0, |t| card_height(t, p)))
            .collect();
        let (above, loop_labels) = self_loop_room(&l.edges, n);

        let left = MARGIN + LANE_LABEL_W + 24.0;
        let cols = Columns::new(&l, left, COLUMN_GAP);
        let width = (cols.right + COLUMN_GAP / 2.0 + 16.0 + MARGIN).max(720.0);

        // Routes, and how many channels each lane needs at its bottom.
        let mut channels = vec![0usize; lanes.lanes.len()];
        let mut routes: Vec<Route> = l
            .edges
            .iter()
            .map(|e| {
                if e.from == e.to {
                    Route::SelfLoop
                } else if !e.backward && l.column[e.to] == l.column[e.from] + 1 {
                    Route::Adjacent
                } else {
                    let lane = lanes.of[e.from];
                    channels[lane] += 1;
                    Route::Around {
                        k: channels[lane] - 1,
                        channel: 0.0,
                    }
                }
            })
            .collect();

        // What each cell holds.
        let mut cells: BTreeMap<(usize, usize), Vec<Cell>> = BTreeMap::new();
        for col in &l.columns {
            for slot in col {
                if let layout::Slot::Touchpoint(t) = *slot {
                    cells
                        .entry((lanes.of[t], l.column[t]))
                        .or_default()
                        .push(Cell::Card(t));
                }
            }
        }
        let mut support: Vec<Chip> = Vec::with_capacity(lanes.support.len());
        for (k, &(lane, t)) in lanes.support.iter().enumerate() {
            let body = text::wrap(&j.touchpoints[t].name, CHIP_SIZE, true, CARD_W - 20.0);
            let dept = lanes.lanes[lane].dept;
            support.push(Chip::new(vec!["supports".to_owned()], body, t, dept));
            cells
                .entry((lane, l.column[t]))
                .or_default()
                .push(Cell::Support(k));
        }
        let evidence = evidence_chips(input, &l);

        // Rows top to bottom.
        let sub = subtitle(input, lanes, &l);
        let title_text = format!("{} — service blueprint", j.name);
        let title = TitleBlock::new(&title_text, &sub, width);
        let top = title.bottom();
        let stage_heads: Vec<(usize, usize, Vec<String>)> = if j.stages.is_empty() {
            Vec::new()
        } else {
            l.stage_groups()
                .into_iter()
                .map(|(stage, start, end)| {
                    let room = cols.x[end - 1] + CARD_W + 20.0 - cols.x[start] - 16.0;
                    let name = stage.map_or("", |s| j.stages[s].as_str());
                    (start, end, text::wrap(name, 14.0, true, room))
                })
                .collect()
        };
        let stage_lines = stage_heads.iter().map(|h| h.2.len()).max().unwrap_or(1);
        // Without stages there is no row of stage names.
        let head = if stage_heads.is_empty() {
            top
        } else {
            top + STAGE_HEADER + (stage_lines.max(1) - 1) as f32 * 17.5
        };
        let mut y = head + 6.0;
        let mut evidence_row = None;
        let mut evidence = evidence;
        if !evidence.is_empty() {
            let mut stack: BTreeMap<usize, f32> = BTreeMap::new();
            for chip in &mut evidence {
                let c = l.column[chip.touchpoint];
                let at = stack.entry(c).or_insert(y + 10.0);
                chip.rect.x = cols.x[c];
                chip.rect.y = *at;
                *at += chip.rect.h + 8.0;
            }
            let bottom = stack.values().fold(y + 44.0, |a, &b| a.max(b + 2.0));
            evidence_row = Some((y, bottom));
            y = bottom + 6.0;
        }
        let customer_row = (y, y + CURVE_H);
        y += CURVE_H;

        let mut lane_y = Vec::with_capacity(lanes.lanes.len());
        let mut lane_h = Vec::with_capacity(lanes.lanes.len());
        let mut lines = Vec::new();
        let mut zone_above = 0usize;
        let zone_index = |z: Zone| match z {
            Zone::Front => 1,
            Zone::Back => 2,
            Zone::Support => 3,
        };
        let mut cards = vec![Rect::new(0.0, 0.0, 0.0, 0.0); n];
        for (i, lane) in lanes.lanes.iter().enumerate() {
            let z = zone_index(lane.zone);
            if z != zone_above {
                lines.push((Line::between(zone_above, z), y + LINE_BAND / 2.0));
                y += LINE_BAND;
                zone_above = z;
            }
            let (name, _) = lanes.describe(input, i);
            let label_lines = text::wrap(&name, 14.0, true, LANE_LABEL_W - 24.0).len();
            let label_h = label_lines as f32 * 17.5 + 20.0 + 2.0 * LANE_PAD;
            let mut tallest = 0.0f32;
            for (c, &x) in cols.x.iter().enumerate() {
                let Some(items) = cells.get(&(i, c)) else {
                    continue;
                };
                let mut cy = y + LANE_PAD;
                for item in items {
                    match *item {
                        Cell::Card(t) => {
                            cy += above[t];
                            cards[t] = Rect::new(x, cy, CARD_W, heights[t]);
                            cy += heights[t] + CARD_GAP;
                        }
                        Cell::Support(k) => {
                            let r = &mut support[k].rect;
                            r.x = x;
                            r.y = cy;
                            cy += r.h + CARD_GAP;
                        }
                    }
                }
                tallest = tallest.max(cy - CARD_GAP - y);
            }
            let room = if channels[i] == 0 {
                LANE_PAD
            } else {
                14.0 + 6.0 * channels[i].min(6) as f32
            };
            let h = (tallest + room).max(label_h).max(76.0);
            lane_y.push(y);
            lane_h.push(h);
            y += h;
        }
        for (e, route) in l.edges.iter().zip(&mut routes) {
            if let Route::Around { k, channel } = route {
                let lane = lanes.of[e.from];
                *channel = lane_y[lane] + lane_h[lane] - 8.0 - (*k % 6) as f32 * 6.0;
            }
        }
        Plan {
            l,
            cols,
            width,
            title,
            subtitle: sub,
            title_text,
            top,
            head,
            stage_heads,
            evidence_row,
            customer_row,
            lane_y,
            lane_h,
            lines,
            bottom: y,
            cards,
            texts,
            evidence,
            support,
            routes,
            loop_labels,
        }
    }

    /// The left x of the first column.
    pub fn left(&self) -> f32 {
        self.cols
            .x
            .first()
            .copied()
            .unwrap_or(MARGIN + LANE_LABEL_W + 24.0)
    }
}

/// A chip of physical evidence for each touchpoint with `artifacts`; where several such
/// touchpoints share a column, each chip says which step it is for.
fn evidence_chips(input: &DiagramInput, l: &Layered) -> Vec<Chip> {
    let j = input.journey;
    let mut per_column: BTreeMap<usize, usize> = BTreeMap::new();
    for (t, tp) in j.touchpoints.iter().enumerate() {
        if !tp.artifacts.is_empty() {
            *per_column.entry(l.column[t]).or_default() += 1;
        }
    }
    let mut order: Vec<usize> = (0..j.touchpoints.len())
        .filter(|&t| !j.touchpoints[t].artifacts.is_empty())
        .collect();
    // Top to bottom within a column as the cards are ordered in the layout.
    let rank: Vec<usize> = {
        let mut r = vec![0; j.touchpoints.len()];
        for col in &l.columns {
            for (i, slot) in col.iter().enumerate() {
                if let layout::Slot::Touchpoint(t) = *slot {
                    r[t] = i;
                }
            }
        }
        r
    };
    order.sort_by_key(|&t| (l.column[t], rank[t]));
    order
        .into_iter()
        .map(|t| {
            let tp = &j.touchpoints[t];
            let head = if per_column[&l.column[t]] > 1 {
                text::wrap(&format!("for {}", tp.name), CHIP_SIZE, false, CARD_W - 20.0)
            } else {
                Vec::new()
            };
            let body = tp
                .artifacts
                .iter()
                .flat_map(|a| text::wrap(&format!("• {a}"), CHIP_SIZE, false, CARD_W - 20.0))
                .collect();
            Chip::new(head, body, t, None)
        })
        .collect()
}

fn subtitle(input: &DiagramInput, lanes: &Lanes, l: &Layered) -> String {
    let j = input.journey;
    let handoffs = l
        .edges
        .iter()
        .filter(|e| j.touchpoints[e.from].lead_owner() != j.touchpoints[e.to].lead_owner())
        .count();
    let mut sub = format!(
        "{} touchpoints · {} departments · {} hand-off{} between departments",
        j.touchpoints.len(),
        lanes.departments().len(),
        handoffs,
        if handoffs == 1 { "" } else { "s" }
    );
    if let Some(p) = &j.persona {
        sub = format!("Persona: {p} · {sub}");
    }
    sub
}
