//! Touchpoint cards, shared by both views: the name, a line of what is remarkable (owner,
//! backstage, channel, purchase), the department's stripe and the score badge.

use super::palette::{
    ALERT, ALERT_FILL, BACKSTAGE_FILL, INK, LINE, MUTED, department_color, tone_color,
};
use super::scene::{Anchor, Canvas, Rect, Role};
use super::{DiagramInput, text};
use crate::model::{Tone, TouchpointIdx};

/// Card geometry shared by both views.
pub const CARD_W: f32 = 184.0;
const PAD: f32 = 10.0;
const STRIPE: f32 = 6.0;
const NAME_SIZE: f32 = 13.0;
const META_SIZE: f32 = 11.0;
const BADGE_ROOM: f32 = 22.0;

/// The text of a touchpoint card, wrapped to fit.
pub struct CardText {
    pub name: Vec<String>,
    pub meta: Vec<String>,
    pub height: f32,
}

fn text_width() -> f32 {
    CARD_W - 2.0 * PAD - STRIPE - BADGE_ROOM
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
        let owners: Vec<&str> = tp
            .owners
            .iter()
            .map(|&d| ws.departments[d].name.as_str())
            .collect();
        meta_parts.push(owners.join(" + "));
    } else if tp.owners.len() > 1 {
        let others: Vec<&str> = tp.owners[1..]
            .iter()
            .map(|&d| ws.departments[d].name.as_str())
            .collect();
        meta_parts.push(format!("shared with {}", others.join(", ")));
    }
    if tp.backstage {
        meta_parts.push("backstage".to_owned());
    } else if tp
        .owners
        .first()
        .is_some_and(|&d| !ws.departments[d].customer_facing)
    {
        // A backstage team's step that the customer sees: the evidence behind
        // `backstage-influence`, worth spelling out on the card.
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
        text::wrap(&meta_parts.join(" · "), META_SIZE, false, text_width())
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

/// Draws a touchpoint card at `rect` (its height from `card_text`).
pub fn draw_card(
    canvas: &mut Canvas,
    input: &DiagramInput,
    t: TouchpointIdx,
    rect: Rect,
    text: CardText,
) {
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
    canvas.rect(rect, 6.0, fill, Some(stroke), width, dashed, Role::Card);
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
    canvas.lines(
        x,
        y,
        text.name,
        NAME_SIZE,
        true,
        INK,
        Anchor::Start,
        text_width(),
    );
    y += name_lines * NAME_SIZE * 1.25 + 4.0;
    if !text.meta.is_empty() {
        let color = if unowned { ALERT } else { MUTED };
        canvas.lines(
            x,
            y - 2.0,
            text.meta,
            META_SIZE,
            unowned,
            color,
            Anchor::Start,
            text_width(),
        );
    }
    // Badges in the top-right corner: the score, and a purchase mark.
    let bx = rect.right() - PAD - 7.0;
    let by = rect.y + PAD + 7.0;
    if let Some(score) = tp.score {
        let color = if input.pain(t) {
            ALERT
        } else {
            tone_color(Tone::of(score))
        };
        canvas.circle(bx, by, 10.0, color, None);
        let label = if score > 0 {
            format!("+{score}")
        } else {
            score.to_string()
        };
        canvas.label(bx, by + 4.0, label, 11.0, true, "#ffffff", Anchor::Middle);
    } else if tp.purchase {
        canvas.circle(bx, by, 10.0, INK, None);
        canvas.label(bx, by + 4.0, "$", 11.0, true, "#ffffff", Anchor::Middle);
    }
}
