//! Diagrams of a journey: the journey map and the service blueprint, laid out and drawn by
//! cxmap itself (`layout`, `scene`, `svg`), or as DOT for Graphviz (`dot`), or as PNG
//! (`png`). Views read the model, the findings and the facts; they never re-derive analysis.
//!
//! The pieces both views share each have a file: cards, colours, the legend, connectors,
//! ports, edge labels, columns, the emotion curve and the title block. `pages` cuts a drawing
//! into slides, `pdf` writes them as one document, `mermaid` exports both views as Mermaid.

pub mod blueprint;
pub mod card;
pub mod columns;
pub mod connectors;
pub mod dot;
pub mod emotion;
pub mod fast;
pub mod frame;
pub mod geometry;
pub mod labels;
pub mod layout;
pub mod legend;
pub mod map;
pub mod mermaid;
pub mod pages;
pub mod palette;
pub mod pdf;
pub mod png;
pub mod ports;
pub mod scene;
pub mod svg;
pub mod text;
pub mod title;

use crate::analyse::Analysis;
use crate::analyse::rules;
use crate::model::{
    Journey, JourneyIdx, Step, Touchpoint, TouchpointIdx, TouchpointRef, Workspace,
};

/// What a view draws from: one journey of an analysed workspace.
pub struct DiagramInput<'a> {
    pub workspace: &'a Workspace,
    pub analysis: &'a Analysis,
    pub index: JourneyIdx,
    pub journey: &'a Journey,
}

impl<'a> DiagramInput<'a> {
    pub fn new(workspace: &'a Workspace, analysis: &'a Analysis, index: JourneyIdx) -> Self {
        DiagramInput {
            workspace,
            analysis,
            index,
            journey: &workspace.journeys[index],
        }
    }

    pub fn touchpoint(&self, t: TouchpointIdx) -> &'a Touchpoint {
        &self.journey.touchpoints[t]
    }

    /// Touchpoint `t` has an `unowned-touchpoint` finding.
    pub fn unowned(&self, t: TouchpointIdx) -> bool {
        self.analysis.marked(
            TouchpointRef::new(self.index, t),
            &rules::UNOWNED_TOUCHPOINT,
        )
    }

    /// Touchpoint `t` has a `pain-point` finding.
    pub fn pain(&self, t: TouchpointIdx) -> bool {
        self.analysis
            .marked(TouchpointRef::new(self.index, t), &rules::PAIN_POINT)
    }

    /// A step the strong accent is kept for: a hand-off (another team leads the next step)
    /// that crosses the line of visibility (between a step the customer sees and a backstage
    /// one) or leads into a pain point. Every view and the legend mean the same by it.
    pub fn accent(&self, from: TouchpointIdx, to: TouchpointIdx) -> bool {
        let step = Step { to, label: None };
        self.journey.is_handoff(from, &step)
            && (self.touchpoint(from).backstage != self.touchpoint(to).backstage || self.pain(to))
    }
}
