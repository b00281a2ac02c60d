//! Diagrams of a journey: the journey map and the service blueprint, laid out and drawn by
//! cxmap itself (`layout`, `scene`, `svg`), or as DOT for Graphviz (`dot`), or as PNG
//! (`png`). Views read the model, the findings and the facts; they never re-derive analysis.
//!
//! The pieces both views share each have a file: cards, colours, the legend, connectors,
//! columns and the title block.

pub mod blueprint;
pub mod card;
pub mod columns;
pub mod connectors;
pub mod dot;
pub mod emotion;
pub mod layout;
pub mod legend;
pub mod map;
pub mod pages;
pub mod palette;
pub mod png;
pub mod scene;
pub mod svg;
pub mod text;
pub mod title;

use crate::analyse::Analysis;
use crate::analyse::rules;
use crate::model::{Journey, JourneyIdx, Touchpoint, TouchpointIdx, TouchpointRef, Workspace};

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
}
