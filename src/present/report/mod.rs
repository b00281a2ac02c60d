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
pub mod view;

pub use view::{ReportView, column_name, custody_name, view};

use crate::analyse::Analysis;
use crate::analyse::figures::Figures;
use crate::model::Workspace;
use crate::present::diagram::scene::Scene;
use crate::present::diagram::{DiagramInput, blueprint, pages, svg};

/// The widest slice of a blueprint on a printed page, in drawing units: a landscape A4 page
/// holds about 1,030 CSS pixels, and touchpoint names (13 units) must print at 7 pt (9.3 px)
/// or more, so at most 1,030 / (9.3 / 13) ≈ 1,430 units.
const PRINT_WIDTH: f32 = 1_400.0;

/// A report of one analysed workspace, ready to be written in any format.
pub struct Report<'a> {
    ws: &'a Workspace,
    analysis: &'a Analysis,
    date: Option<String>,
    /// File-name stems of the journeys (see `present::file_stems`).
    stems: Vec<String>,
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
        }
    }

    fn figures(&self) -> &'a Figures {
        &self.analysis.figures
    }

    fn view(&self) -> ReportView {
        view(self.ws, self.analysis, self.date.clone(), &self.stems)
    }

    fn blueprint_scenes(&self) -> impl Iterator<Item = Scene> + '_ {
        (0..self.ws.journeys.len())
            .map(|j| blueprint::scene(&DiagramInput::new(self.ws, self.analysis, j)))
    }

    fn blueprints(&self) -> impl Iterator<Item = String> + '_ {
        self.blueprint_scenes().map(|scene| svg::write(&scene))
    }

    /// Each blueprint for the HTML page: drawn once, with an id the page's views refer to,
    /// and the slices print cuts it into.
    fn html_blueprints(&self) -> Vec<html::Blueprint> {
        self.blueprint_scenes()
            .map(|scene| {
                let id = format!("{}-page", scene.id_prefix);
                let svg = svg::write(&scene).replacen("<svg ", &format!("<svg id=\"{id}\" "), 1);
                html::Blueprint {
                    svg,
                    id,
                    width: scene.width,
                    height: scene.height,
                    pages: pages::slices(&scene, PRINT_WIDTH),
                    gutter: scene.cuts.gutter,
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
        json::render(self.ws, self.analysis, self.date.as_deref())
    }
}
