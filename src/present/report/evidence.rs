//! The evidence under a priority, as a VP can quote it: the moments it reaches (journey,
//! touchpoint, who owns it, how the customer feels, what is measured against its target) and
//! what customers said there.

use serde::Serialize;

use super::view::department_name;
use crate::analyse::Analysis;
use crate::analyse::names::quantity;
use crate::analyse::rules;
use crate::model::{Better, TouchpointRef, Workspace};

/// A moment a change reaches.
#[derive(Serialize, Clone)]
pub struct Moment {
    pub journey: String,
    pub touchpoint: String,
    /// Who owns it (partners marked), or "nobody".
    pub owner: String,
    /// The score as people read it: "−2", "+1", or empty.
    pub feeling: String,
    pub hurts: bool,
    /// Metrics, each with its target: "csat 41 (target 70)".
    pub measured: Vec<String>,
    /// A metric here has a `metric-off-target` finding.
    pub off_target: bool,
}

/// Something a customer said, with where it comes from.
#[derive(Serialize, Clone)]
pub struct Quote {
    pub quote: String,
    pub touchpoint: String,
    /// "Call listening, Care, Sept 2026 · 2026-09-14 · 24 people".
    pub source: String,
}

pub fn moments(ws: &Workspace, analysis: &Analysis, reach: &[TouchpointRef]) -> Vec<Moment> {
    reach
        .iter()
        .map(|&t| {
            let tp = ws.touchpoint(t);
            let owner = if tp.owners.is_empty() {
                "nobody".to_owned()
            } else {
                tp.owners
                    .iter()
                    .map(|&d| department_name(ws, d))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Moment {
                journey: ws.journeys[t.journey].name.clone(),
                touchpoint: tp.name.clone(),
                owner,
                feeling: tp.score.map_or_else(String::new, |s| match s {
                    s if s > 0 => format!("+{s}"),
                    0 => "0".to_owned(),
                    s => format!("−{}", s.unsigned_abs()),
                }),
                hurts: analysis.marked(t, &rules::PAIN_POINT),
                measured: tp
                    .metrics
                    .iter()
                    .map(|m| {
                        let unit = m.unit.as_deref();
                        let value = quantity(m.value, unit);
                        match (m.target, m.better) {
                            (Some(t), Better::Higher) => {
                                format!("{} {value} (target {})", m.name, quantity(t, unit))
                            }
                            (Some(t), Better::Lower) => {
                                format!(
                                    "{} {value} (target: at most {})",
                                    m.name,
                                    quantity(t, unit)
                                )
                            }
                            (None, _) => format!("{} {value}", m.name),
                        }
                    })
                    .collect(),
                off_target: analysis.marked(t, &rules::METRIC_OFF_TARGET),
            }
        })
        .collect()
}

pub fn quotes(ws: &Workspace, at: &[TouchpointRef]) -> Vec<Quote> {
    at.iter()
        .flat_map(|&t| {
            let tp = ws.touchpoint(t);
            tp.insights.iter().filter_map(move |i| {
                let quote = i.quote.clone()?;
                let mut source = i.source.clone();
                if let Some(d) = i.date {
                    source.push_str(&format!(" · {d}"));
                }
                if let Some(n) = i.sample {
                    source.push_str(&format!(
                        " · {n} {}",
                        if n == 1 { "person" } else { "people" }
                    ));
                }
                Some(Quote {
                    quote,
                    touchpoint: tp.name.clone(),
                    source,
                })
            })
        })
        .collect()
}
