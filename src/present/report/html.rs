//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing loaded
//! from elsewhere, a restrictive Content-Security-Policy), printable to PDF from a browser.
//! The template auto-escapes every value; only SVG that cxmap drew itself (already escaped
//! by `diagram::svg`) is inserted as markup.

use minijinja::{Environment, Value, context};

use super::ReportView;

const TEMPLATE: &str = include_str!("../../../templates/report.html");

/// The SVGs the report shows, drawn by cxmap.
pub struct Diagrams {
    pub ownership: String,
    pub heatmap: String,
    /// Per journey, in workspace order: (blueprint, emotion curve if any scores).
    pub journeys: Vec<(String, Option<String>)>,
}

pub fn render(view: &ReportView, diagrams: &Diagrams) -> String {
    let mut env = Environment::new();
    // Auto-escaping handles markup; control characters (ESC, BEL) in a name must not reach
    // the page either, in the title or anywhere else.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(s) if !value.is_safe() => {
            let clean = crate::present::escape::without_controls(s);
            minijinja::escape_formatter(out, state, &Value::from(clean.as_ref()))
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_filter("code", code);
    env.add_template("report.html", TEMPLATE)
        .expect("the report template parses");
    let journeys: Vec<Value> = diagrams
        .journeys
        .iter()
        .map(|(blueprint, emotion)| {
            context! {
                blueprint => Value::from_safe_string(blueprint.clone()),
                emotion => emotion.clone().map(Value::from_safe_string),
            }
        })
        .collect();
    env.get_template("report.html")
        .expect("added above")
        .render(context! {
            r => Value::from(minijinja::value::Serde(view)),
            ownership_svg => Value::from_safe_string(diagrams.ownership.clone()),
            heatmap_svg => Value::from_safe_string(diagrams.heatmap.clone()),
            diagrams => journeys,
        })
        .expect("the report template renders with its own view model")
}

/// A finding message as HTML: escaped, with `backticked` names set as code.
fn code(text: &str) -> Value {
    let escaped = crate::present::escape::xml(text);
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in escaped.split('`').enumerate() {
        // Odd parts sit between backticks; a trailing unmatched one stays plain.
        if i % 2 == 1 && escaped.split('`').count() > i + 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(part);
        }
    }
    Value::from_safe_string(out)
}
