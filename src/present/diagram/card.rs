//! Touchpoint cards, shared by both views: the name, a line of what is remarkable (owner,
//! backstage, channel, purchase), the department's stripe and the score badge.

use super::palette::{
    ALERT, ALERT_FILL, BACKSTAGE_FILL, INK, LINE, MUTED, department_color, tone_color,
};
use super::scene::{Anchor, BoxId, Canvas, Rect, Role};
use super::{DiagramInput, text};
use crate::model::{Tone, TouchpointIdx};

/// Card geometry shared by both views.
pub const CARD_W: f32 = 200.0;
const PAD: f32 = 10.0;
const STRIPE: f32 = 6.0;
const NAME_SIZE: f32 = 14.0;
/// The smallest text on a card: slides scale pages so that it is at least 14 px.
pub const META_SIZE: f32 = 12.0;
/// The least room between two connectors that meet one side of a card.
pub const PORT_GAP: f32 = 12.0;
const BADGE_ROOM: f32 = 24.0;
const BADGE_SIZE: f32 = 12.0;

/// The text of a touchpoint card, wrapped to fit.
pub struct CardText {
    pub name: Vec<String>,
    pub meta: Vec<String>,
    pub height: f32,
}

fn text_width() -> f32 {
    CARD_W - 2.0 * PAD - STRIPE - BADGE_ROOM
}

/// A department's name, with "(partner)" after an external partner's.
fn partner_marked(dept: &crate::model::Department) -> String {
    if dept.external {
        format!("{} (partner)", dept.name)
    } else {
        dept.name.clone()
    }
}

/// Wraps a card's text: the name, then "owner · channel" (or what is remarkable).
pub fn card_text(input: &DiagramInput, t: TouchpointIdx, show_owner: bool) -> CardText {
    let ws = input.workspace;
    let tp = input.touchpoint(t);
    let name = text::wrap(&tp.name, NAME_SIZE, true, text_width());
    let mut meta_parts: Vec<String> = Vec::new();
    if input.unowned(t) {
        meta_parts.push("No owner".to_owned());
    } else if show_owner && !tp.owners.is_empty() {
        let owners: Vec<String> = tp
            .owners
            .iter()
            .map(|&d| partner_marked(&ws.departments[d]))
            .collect();
        meta_parts.push(owners.join(" + "));
    } else if tp.owners.len() > 1 {
        let others: Vec<String> = tp.owners[1..]
            .iter()
            .map(|&d| partner_marked(&ws.departments[d]))
            .collect();
        meta_parts.push(format!("shared with {}", others.join(", ")));
    }
    if tp.backstage {
        meta_parts.push("backstage".to_owned());
    } else if show_owner
        && tp
            .owners
            .first()
            .is_some_and(|&d| !ws.departments[d].customer_facing)
    {
        // On the map, a backstage team's step that the customer sees: the evidence behind
        // `backstage-influence`, worth spelling out on the card. (The blueprint shows it by
        // the lane the card is in.)
        meta_parts.push("seen by the customer".to_owned());
    }
    if !tp.channels.is_empty() {
        meta_parts.push(tp.channels.join(" / "));
    }
    if tp.purchase {
        meta_parts.push("purchase".to_owned());
    }
    let meta = if meta_parts.is_empty() {
        Vec::new()
    } else {
        // An unowned step's line is drawn bold.
        text::wrap(
            &meta_parts.join(" · "),
            META_SIZE,
            input.unowned(t),
            text_width(),
        )
    };
    let height = PAD * 2.0
        + name.len() as f32 * NAME_SIZE * 1.25
        + if meta.is_empty() {
            0.0
        } else {
            4.0 + meta.len() as f32 * META_SIZE * 1.25
        };
    CardText {
        name,
        meta,
        height: height.max(44.0),
    }
}

/// The height of a card: its text, and room for `ports` connectors on one side.
pub fn card_height(text: &CardText, ports: usize) -> f32 {
    text.height.max((ports + 1) as f32 * PORT_GAP)
}

/// Draws a touchpoint card at `rect` (its height from `card_height`); returns its box id.
pub fn draw_card(
    canvas: &mut Canvas,
    input: &DiagramInput,
    t: TouchpointIdx,
    rect: Rect,
    text: CardText,
    id: BoxId,
) -> BoxId {
    let tp = input.touchpoint(t);
    let unowned = input.unowned(t);
    let (strong, light) = match tp.lead_owner() {
        Some(d) => department_color(d),
        None => (ALERT, ALERT_FILL),
    };
    let fill = if unowned {
        ALERT_FILL
    } else if tp.backstage {
        BACKSTAGE_FILL
    } else {
        light
    };
    let (stroke, width, dashed) = if unowned {
        (ALERT, 2.0, true)
    } else if tp.backstage {
        (LINE, 1.2, true)
    } else {
        (strong, 1.2, false)
    };
    canvas.rect(rect, 6.0, fill, Some(stroke), width, dashed, Role::Card(id));
    canvas.rect(
        Rect::new(rect.x + 1.0, rect.y + 1.0, STRIPE, rect.h - 2.0),
        2.0,
        strong,
        None,
        0.0,
        false,
        Role::Decoration,
    );
    let x = rect.x + STRIPE + PAD;
    let mut y = rect.y + PAD + NAME_SIZE * 0.95;
    let name_lines = text.name.len() as f32;
    canvas.push_text(
        x,
        y,
        text.name,
        NAME_SIZE,
        true,
        INK,
        Anchor::Start,
        text_width(),
        Some(id),
    );
    y += name_lines * NAME_SIZE * 1.25 + 4.0;
    if !text.meta.is_empty() {
        let color = if unowned { ALERT } else { MUTED };
        canvas.push_text(
            x,
            y - 2.0,
            text.meta,
            META_SIZE,
            unowned,
            color,
            Anchor::Start,
            text_width(),
            Some(id),
        );
    }
    // Badges in the top-right corner: the score, and a purchase mark.
    let bx = rect.right() - PAD - 8.0;
    let by = rect.y + PAD + 8.0;
    if let Some(score) = tp.score {
        let color = if input.pain(t) {
            ALERT
        } else {
            tone_color(Tone::of(score))
        };
        canvas.circle(bx, by, 11.0, color, None);
        let label = if score > 0 {
            format!("+{score}")
        } else {
            score.to_string()
        };
        badge_text(canvas, bx, by, label, id);
    } else if tp.purchase {
        canvas.circle(bx, by, 11.0, INK, None);
        badge_text(canvas, bx, by, "$".to_owned(), id);
    }
    id
}

fn badge_text(canvas: &mut Canvas, bx: f32, by: f32, label: String, on: BoxId) {
    let w = text::width(&label, BADGE_SIZE, true);
    canvas.push_text(
        bx,
        by + 4.3,
        vec![label],
        BADGE_SIZE,
        true,
        "#ffffff",
        Anchor::Middle,
        w,
        Some(on),
    );
}
