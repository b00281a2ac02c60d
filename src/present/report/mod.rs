//! The silo report for the VP of customer experience: HTML (self-contained), Markdown (for
//! wikis, diagrams as SVG files beside it) and JSON (figures for BI tools).
//!
//! `analyse::figures` computes every number; this module resolves ids to the names people
//! read and lays the figures out. Nothing here decides what matters.

pub mod charts;
pub mod evidence;
pub mod html;
pub mod json;
pub mod markdown;
pub mod since;
pub mod view;

pub use since::Since;
pub use view::{ReportView, column_name, custody_name, view};

use crate::analyse::Analysis;
use crate::analyse::figures::Figures;
use crate::model::Workspace;
use crate::present::diagram::pages::{self, Sheet};
use crate::present::diagram::scene::Drawing;
use crate::present::diagram::{DiagramInput, blueprint, svg};

/// A printed page of the report for a blueprint: landscape A4 inside 12 mm margins is
/// 273 × 186 mm; a blueprint page fills it, 1,400 units across the 273 mm (774 pt, so a unit
/// is 0.553 pt) and 940 units down (183 mm). The smallest card text, which names touchpoints
/// in support chips, is 12.8 units: 7.1 pt on paper; touchpoint names on cards print larger.
/// A blueprint that does not fit is cut into pages at stage boundaries (and between lanes)
/// rather than shrunk.
pub const PRINT_PAGE: Sheet = Sheet {
    width: 1_400.0,
    height: 940.0,
    min_text: 12.8,
    max_scale: 1.5,
};

/// A blueprint is printed on at most this many pages; a larger one (hundreds of touchpoints)
/// is left out of the print with a note, since nobody reads it on paper and cutting it into
/// thousands of pages would make the report cost many times what rendering it does.
pub const PRINT_PAGES_MAX: usize = 24;

/// A report of one analysed workspace, ready to be written in any format.
pub struct Report<'a> {
    ws: &'a Workspace,
    analysis: &'a Analysis,
    date: Option<String>,
    /// File-name stems of the journeys (see `present::file_stems`).
    stems: Vec<String>,
    /// What changed since an earlier version (`--since REV`).
    since: Option<Since>,
}

impl<'a> Report<'a> {
    pub fn new(
        ws: &'a Workspace,
        analysis: &'a Analysis,
        date: Option<String>,
        stems: Vec<String>,
    ) -> Self {
        Report {
            ws,
            analysis,
            date,
            stems,
            since: None,
        }
    }

    /// Adds the section "What changed since REV".
    #[must_use]
    pub fn with_since(mut self, since: Since) -> Self {
        self.since = Some(since);
        self
    }

    fn figures(&self) -> &'a Figures {
        self.analysis.figures(self.ws)
    }

    fn view(&self) -> ReportView {
        let mut view = view(self.ws, self.analysis, self.date.clone(), &self.stems);
        view.since.clone_from(&self.since);
        view
    }

    fn blueprint_drawings(&self) -> impl Iterator<Item = Drawing> + '_ {
        (0..self.ws.journeys.len())
            .map(|j| blueprint::drawing(&DiagramInput::new(self.ws, self.analysis, j)))
    }

    fn blueprints(&self) -> impl Iterator<Item = String> + '_ {
        self.blueprint_drawings().map(|d| svg::write(&d.scene))
    }

    /// Each blueprint for the HTML page: drawn once for the screen, with an id the page's
    /// views refer to, and cut into printed pages.
    fn html_blueprints(&self) -> Vec<html::Blueprint> {
        self.blueprint_drawings()
            .map(|drawing| {
                let scene = &drawing.scene;
                let id = format!("{}-page", scene.id_prefix);
                let svg = svg::write(scene).replacen("<svg ", &format!("<svg id=\"{id}\" "), 1);
                let (pages, unprinted) =
                    match pages::pages_within(&drawing, &PRINT_PAGE, PRINT_PAGES_MAX) {
                        Ok(pages) => (pages.iter().map(svg::write).collect(), 0),
                        Err(total) => (Vec::new(), total),
                    };
                html::Blueprint {
                    svg,
                    id,
                    width: scene.width,
                    height: scene.height,
                    pages,
                    unprinted,
                }
            })
            .collect()
    }

    /// The self-contained HTML page.
    pub fn html(&self) -> String {
        let ws = self.ws;
        let figures = self.figures();
        let diagrams = html::Diagrams {
            ownership: charts::ownership_bars(ws, figures),
            heatmap: charts::heatmap(ws, figures),
            blueprints: self.html_blueprints(),
        };
        html::render(&self.view(), &diagrams)
    }

    /// The Markdown text, and the diagrams to write beside it as (file name, SVG).
    pub fn markdown(&self) -> (String, Vec<(String, String)>) {
        let names: Vec<String> = self
            .stems
            .iter()
            .map(|s| format!("{s}.blueprint.svg"))
            .collect();
        let text = markdown::render(&self.view(), &names);
        (text, names.into_iter().zip(self.blueprints()).collect())
    }

    /// The figures and findings as JSON.
    pub fn json(&self) -> String {
        json::render(
            self.ws,
            self.analysis,
            self.date.as_deref(),
            self.since.as_ref(),
        )
    }
}
