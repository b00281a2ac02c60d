//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing loaded
//! from elsewhere, a restrictive Content-Security-Policy), that fits a 1280-px screen and
//! prints cleanly (landscape, headings kept with what follows; `--format pdf` prints it in
//! headless Chromium). The template auto-escapes every value; only SVG that cxmap drew itself
//! (already escaped by `diagram::svg`) is inserted as markup.

use minijinja::{Environment, Value, context};

use super::ReportView;

const TEMPLATE: &str = include_str!("../../../templates/report.html");

/// The SVGs the report shows, drawn by cxmap.
pub struct Diagrams {
    pub ownership: String,
    /// One chart per journey, in impact order.
    pub heatmap: Vec<String>,
    /// Per journey, in workspace order.
    pub blueprints: Vec<Blueprint>,
}

/// A journey's blueprint: drawn once, shown scaled to the column, full size on demand, and
/// cut into pages at stage boundaries in print.
pub struct Blueprint {
    /// The SVG, with the id the other views reference.
    pub svg: String,
    pub id: String,
    pub width: f32,
    pub height: f32,
    /// For print: the pages it is cut into (SVG), at stage boundaries.
    pub pages: Vec<String>,
    /// The pages it would take, when that is too many to print (`pages` is then empty).
    pub unprinted: usize,
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
    env.add_filter("plural", plural);
    env.add_template("report.html", TEMPLATE)
        .expect("the report template parses");
    let blueprints: Vec<Value> = diagrams
        .blueprints
        .iter()
        .map(|b| {
            context! {
                svg => Value::from_safe_string(b.svg.clone()),
                id => b.id.clone(),
                width => b.width,
                height => b.height,
                unprinted => b.unprinted,
                pages => b.pages.iter().map(|p| Value::from_safe_string(p.clone())).collect::<Vec<_>>(),
            }
        })
        .collect();
    env.get_template("report.html")
        .expect("added above")
        .render(context! {
            r => Value::from(minijinja::value::Serde(view)),
            ownership_svg => Value::from_safe_string(diagrams.ownership.clone()),
            heatmap_svgs => diagrams.heatmap.iter().map(|s| Value::from_safe_string(s.clone())).collect::<Vec<_>>(),
            blueprints => blueprints,
        })
        .expect("the report template renders with its own view model")
}

/// `n word` with the word in the plural when `n` is not 1: `{{ n | plural("silo") }}`, or
/// with an irregular plural `{{ n | plural("team", "teams") }}`.
fn plural(n: usize, one: &str, many: Option<&str>) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        match many {
            Some(many) => format!("{n} {many}"),
            None => format!("{n} {one}s"),
        }
    }
}

/// A finding message as HTML: escaped, with `backticked` names set as code.
fn code(text: &str) -> Value {
    let escaped = crate::present::escape::xml(text);
    let parts: Vec<&str> = escaped.split('`').collect();
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        // Odd parts sit between backticks; a trailing unmatched one stays plain.
        if i % 2 == 1 && i + 1 < parts.len() {
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
