//! `report --format json`: the figures and findings for BI tools (shape in `docs/report.md`).

use serde::Serialize;

use crate::analyse::Analysis;
use crate::analyse::figures::Figures;
use crate::load::source::Sources;
use crate::model::Workspace;

#[derive(Serialize)]
struct Report<'a> {
    cxmap_version: &'static str,
    organization: Option<&'a str>,
    north_star: Option<&'a str>,
    date: Option<&'a str>,
    figures: &'a Figures,
    findings: Vec<crate::present::json::Finding<'a>>,
}

pub fn render(
    ws: &Workspace,
    sources: &Sources,
    analysis: &Analysis,
    figures: &Figures,
    date: Option<&str>,
) -> String {
    let report = Report {
        cxmap_version: env!("CARGO_PKG_VERSION"),
        organization: ws.organization.as_ref().map(|o| o.name.as_str()),
        north_star: ws
            .organization
            .as_ref()
            .and_then(|o| o.north_star.as_deref()),
        date,
        figures,
        findings: analysis
            .findings
            .iter()
            .map(|f| crate::present::json::Finding::new(f, sources))
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}
