//! The service blueprint in the standard notation (Shostack 1984; Bitner, Ostrom & Morgan
//! 2008), top to bottom: physical evidence, the customer's row with the emotion curve, the
//! line of interaction, frontstage lanes, the line of visibility, backstage lanes, the line
//! of internal interaction and support lanes. Stages are columns, touchpoints are cards in
//! the lane of the work they are (see `lanes`), support work is drawn as chips with dotted
//! lines up to the step they support.
//!
//! Drawn in named steps: lane assignment (`lanes`), rows, lines and places (`plan`), the
//! ground of rows and lanes (`paint`), cards and chips, connectors (`links`), the legend.

pub mod lanes;
mod links;
mod paint;
mod plan;

use lanes::Lanes;
use plan::{LINE_BAND, MARGIN, Plan};

use super::DiagramInput;
use super::card::draw_card;
use super::labels::Obstacles;
use super::legend::{LegendEntry, Swatch, draw_legend, legend_height, mark_legend, step_legend};
use super::palette::{INK, LINE};
use super::scene::{Canvas, Dash, Drawing, Frame, Rect, Scene, Strip};

pub fn scene(input: &DiagramInput) -> Scene {
    drawing(input).scene
}

/// The blueprint, and how to cut it into pages.
pub fn drawing(input: &DiagramInput) -> Drawing {
    let j = input.journey;
    let l = super::layout::layer(j);
    let lanes = Lanes::assign(input, &l.column);
    let mut plan = Plan::new(input, &lanes, l);
    let mut canvas = Canvas::default();
    let mut taken = Obstacles::default();
    for r in plan
        .cards
        .iter()
        .chain(plan.evidence.iter().map(|c| &c.rect))
        .chain(plan.support.iter().map(|c| &c.rect))
    {
        taken.add(*r);
    }

    paint::ground(&mut canvas, &mut taken, input, &lanes, &plan);
    let (kinds, label_bottom, labels_at) =
        links::draw(&mut canvas, &mut taken, input, &lanes, &mut plan);
    let n = plan.cards.len() as u32;
    // Cards come after connectors so they sit on top; box ids: cards by touchpoint, then
    // evidence chips, then support chips. Labels were placed on top of everything.
    let mut cards = Canvas::default();
    for (t, text) in plan.texts.iter_mut().enumerate() {
        let text = text.take().expect("each card drawn once");
        draw_card(&mut cards, input, t, plan.cards[t], text, t as u32);
    }
    for (k, chip) in plan.evidence.iter().enumerate() {
        paint::chip(&mut cards, chip, n + k as u32);
    }
    let first_support = n + plan.evidence.len() as u32;
    for (k, chip) in plan.support.iter().enumerate() {
        paint::chip(&mut cards, chip, first_support + k as u32);
    }
    canvas.items.splice(labels_at..labels_at, cards.items);

    let body_bottom = (plan.bottom + 12.0).max(label_bottom + 12.0);
    let gutter = plan.left() - 8.0;
    let strips = strips(&plan, &lanes, body_bottom);
    plan.title.draw(&mut canvas);

    let mut entries: Vec<LegendEntry> = mark_legend(input);
    entries.extend(step_legend(kinds.steps));
    if kinds.support {
        entries.push(LegendEntry::new(
            Swatch::Line(LINE, Dash::Dotted, 1.4),
            "support: work this step depends on",
        ));
    }
    for (line, _) in &plan.lines {
        entries.push(LegendEntry::new(
            Swatch::Rule(INK),
            match line {
                plan::Line::Interaction => {
                    "line of interaction: the customer deals with the lanes below it"
                }
                plan::Line::Visibility => {
                    "line of visibility: the customer sees what is above it, not below"
                }
                plan::Line::Internal => {
                    "line of internal interaction: support teams below it serve the lanes above"
                }
            },
        ));
    }
    let width = plan.width;
    let legend_w = width - 2.0 * MARGIN;
    let legend_h = draw_legend(&mut canvas, MARGIN, body_bottom + 16.0, legend_w, &entries);
    debug_assert!((legend_h - legend_height(legend_w, &entries)).abs() < 0.5);
    let height = body_bottom + 16.0 + legend_h + MARGIN;

    let mut cuts_x = Vec::new();
    for (g, (start, end, _)) in plan.stage_heads.iter().enumerate() {
        for c in *start..*end {
            if c > 0 {
                cuts_x.push((
                    plan.cols.x[c] - plan.cols.gap[c - 1] / 2.0,
                    c == *start && g > 0,
                ));
            }
        }
    }
    if plan.stage_heads.is_empty() {
        for c in 1..plan.cols.x.len() {
            cuts_x.push((plan.cols.x[c] - plan.cols.gap[c - 1] / 2.0, false));
        }
    }
    let handoffs = plan
        .l
        .edges
        .iter()
        .filter(|e| j.touchpoints[e.from].lead_owner() != j.touchpoints[e.to].lead_owner())
        .count();
    let frame = Frame {
        title: plan.title_text.clone(),
        subtitle: plan.subtitle.clone(),
        body: Rect::new(0.0, plan.top, width, body_bottom - plan.top),
        gutter,
        head: plan.head,
        cuts_x,
        strips,
        stages: plan
            .l
            .stage_groups()
            .into_iter()
            .filter_map(|(stage, start, end)| {
                let name = j.stages.get(stage?)?.clone();
                Some((
                    plan.cols.x[start] - 10.0,
                    plan.cols.x[end - 1] + super::card::CARD_W + 10.0,
                    name,
                ))
            })
            .collect(),
        legend: entries,
    };
    Drawing {
        scene: Scene {
            width,
            height,
            id_prefix: super::svg::id_prefix(&j.id, "blueprint"),
            title: format!("Service blueprint: {}", j.name),
            description: format!(
                "{} {} hand-offs between departments.",
                super::map::describe(input),
                handoffs
            ),
            items: canvas.items,
        },
        frame,
    }
}

/// The bands a slide may leave out: the rows of evidence and of the customer (always shown),
/// each line's band, and each lane with the x extents of its cards and chips.
fn strips(plan: &Plan, lanes: &Lanes, body_bottom: f32) -> Vec<Strip> {
    let first_lane = plan.lane_y.first().copied().unwrap_or(plan.bottom);
    let top_end = plan
        .lines
        .first()
        .map_or(first_lane, |(_, y)| y - LINE_BAND / 2.0);
    let mut out = vec![Strip {
        y0: plan.head,
        y1: top_end,
        always: true,
        line: None,
        holds: Vec::new(),
    }];
    let mut holds: Vec<Vec<(f32, f32)>> = vec![Vec::new(); lanes.lanes.len()];
    for (t, r) in plan.cards.iter().enumerate() {
        holds[lanes.of[t]].push((r.x, r.right()));
    }
    for (chip, &(lane, _)) in plan.support.iter().zip(&lanes.support) {
        holds[lane].push((chip.rect.x, chip.rect.right()));
    }
    let mut lines = plan.lines.iter().peekable();
    for (i, held) in holds.into_iter().enumerate() {
        let y = plan.lane_y[i];
        while let Some((line, ly)) = lines.next_if(|(_, ly)| *ly < y) {
            out.push(Strip {
                y0: ly - LINE_BAND / 2.0,
                y1: ly + LINE_BAND / 2.0,
                always: false,
                line: Some(match line {
                    plan::Line::Interaction => 0,
                    plan::Line::Visibility => 1,
                    plan::Line::Internal => 2,
                }),
                holds: Vec::new(),
            });
        }
        out.push(Strip {
            y0: y,
            y1: y + plan.lane_h[i],
            always: false,
            line: None,
            holds: held,
        });
    }
    if body_bottom > plan.bottom + 0.5 {
        out.push(Strip {
            y0: plan.bottom,
            y1: body_bottom,
            always: true,
            line: None,
            holds: Vec::new(),
        });
    }
    out
}
