//! The report as Markdown for wikis: the same content as the HTML, with the diagrams as SVG
//! files beside the `.md` (linked, not inlined) and every piece of user text escaped for
//! Markdown (`|` in tables, link and image syntax, HTML).

use std::fmt::Write;

use super::ReportView;
use crate::present::escape::markdown as md;

/// Link target for a file beside the report: percent-encoded so no name can form syntax.
fn link(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| md(s)).collect::<Vec<_>>().join(", ")
}

/// `diagram_files[i]` names journey `i`'s blueprint SVG beside the report.
pub fn render(r: &ReportView, diagram_files: &[String]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {} — customer experience silo report\n",
        md(&r.organization)
    );
    if let Some(star) = &r.north_star {
        let _ = writeln!(o, "> {}\n", md(star));
    }
    let _ = writeln!(
        o,
        "Analysed: {} journeys · {} touchpoints ({} seen by customers) · {} departments{}\n",
        r.journeys,
        r.touchpoints,
        r.customer_facing_touchpoints,
        r.departments,
        r.date
            .as_ref()
            .map_or(String::new(), |d| format!(" · {}", md(d)))
    );
    o.push_str("## Executive summary\n\n");
    let _ = writeln!(
        o,
        "- **{}% ownership coverage**: {} of {} touchpoints have exactly one owner; {} shared, {} without an owner.",
        r.coverage_percent, r.single, r.touchpoints, r.shared, r.unowned
    );
    let _ = writeln!(
        o,
        "- **{} data silos**{}",
        r.data_silos.len(),
        if r.data_silos.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.data_silos))
        }
    );
    if !r.unowned_data.is_empty() {
        let _ = writeln!(o, "- **Data held by nobody**: {}", list(&r.unowned_data));
    }
    let _ = writeln!(
        o,
        "- **{} of {} journeys end at the purchase**{}",
        r.journeys_ending_at_purchase.len(),
        r.journeys,
        if r.journeys_ending_at_purchase.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.journeys_ending_at_purchase))
        }
    );
    let _ = writeln!(
        o,
        "- **{} backstage teams shape the experience**{}",
        r.backstage_affecting.len(),
        if r.backstage_affecting.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.backstage_affecting))
        }
    );
    let _ = writeln!(
        o,
        "- **{} teams touch customers without a CX champion**{}\n",
        r.without_champion.len(),
        if r.without_champion.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.without_champion))
        }
    );
    o.push_str("### Focus on these three\n\n");
    if r.focus.is_empty() {
        o.push_str("No problem reaches a customer-facing touchpoint.\n\n");
    }
    for p in &r.focus {
        let who = if p.talk_to.is_empty() {
            "nobody is accountable yet".to_owned()
        } else {
            format!("talk to **{}**", list(&p.talk_to))
        };
        let _ = writeln!(
            o,
            "{}. **{}**  \n   {} · reaches {} customer-facing touchpoint{} · impact {}  \n   {} (`{}`). Evidence: {}.\n",
            p.rank,
            md(&p.change),
            who,
            p.reach,
            if p.reach == 1 { "" } else { "s" },
            p.impact,
            md(&p.why),
            p.rule,
            p.touchpoints
                .iter()
                .map(|t| md(t))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    o.push_str("Ranked by customer impact: each customer-facing touchpoint a change reaches counts 1, plus 1 for a score of -1 and 2 for a score of -2.\n\n");
    if !r.more_priorities.is_empty() {
        o.push_str("#### Next in line\n\n| # | Change | Talk to | Reach | Impact |\n|---:|---|---|---:|---:|\n");
        for p in &r.more_priorities {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                p.rank,
                md(&p.change),
                list(&p.talk_to),
                p.reach,
                p.impact
            );
        }
        o.push('\n');
    }

    o.push_str("## Departments\n\n| Department | Type | CX champion | Owns | …seen by customers | Supports | Pain points owned | Data only it holds | Journeys | Hand-offs in / out |\n|---|---|---|---:|---:|---:|---:|---|---:|---:|\n");
    for s in &r.scorecards {
        let _ = writeln!(
            o,
            "| **{}** | {} | {} | {} | {} | {} | {} | {} | {} | {} / {} |",
            md(&s.name),
            if s.customer_facing {
                "customer-facing"
            } else {
                "backstage"
            },
            s.champion.as_ref().map_or("**none**".to_owned(), |c| md(c)),
            s.owned,
            s.owned_customer_facing,
            s.supported,
            s.pain_points_owned,
            list(&s.data_held_alone),
            s.journeys,
            s.handoffs_in,
            s.handoffs_out
        );
    }
    o.push_str("\n### Ownership by stage\n\nTouchpoints owned per department and stage, across all journeys.\n\n| Department |");
    for (j, s) in &r.heatmap_columns {
        let _ = write!(o, " {}: {} |", md(j), md(s));
    }
    o.push_str("\n|---|");
    o.push_str(&"---:|".repeat(r.heatmap_columns.len()));
    o.push('\n');
    for (name, row) in &r.heatmap_rows {
        let _ = write!(o, "| {} |", md(name));
        for n in row {
            let _ = write!(
                o,
                " {} |",
                if *n == 0 {
                    String::new()
                } else {
                    n.to_string()
                }
            );
        }
        o.push('\n');
    }

    o.push_str("\n## Data custody\n\n● holds it · ○ owns a touchpoint that uses it without holding it.\n\n| Data |");
    for d in &r.custody_departments {
        let _ = write!(o, " {} |", md(d));
    }
    o.push_str("\n|---|");
    o.push_str(&":---:|".repeat(r.custody_departments.len()));
    o.push('\n');
    for row in &r.custody {
        let mark = if row.silo {
            " **(silo)**"
        } else if row.nobody {
            " **(held by nobody)**"
        } else {
            ""
        };
        let _ = write!(o, "| {}{} |", md(&row.name), mark);
        for c in &row.cells {
            o.push_str(match *c {
                "holds" => " ● |",
                "uses-without-holding" => " ○ |",
                _ => " |",
            });
        }
        o.push('\n');
    }

    for (j, file) in r.journey_sections.iter().zip(diagram_files) {
        let _ = writeln!(o, "\n## {}\n", md(&j.name));
        if let Some(p) = &j.persona {
            let _ = writeln!(o, "Persona: {}\n", md(p));
        }
        let _ = writeln!(
            o,
            "{} touchpoints · {} seen by the customer · {} hand-offs between departments · {} customer-facing after the purchase\n",
            j.touchpoints, j.customer_facing, j.handoffs, j.after_purchase
        );
        let _ = writeln!(o, "![Service blueprint: {}]({})\n", md(&j.name), link(file));
        if !j.metrics.is_empty() {
            o.push_str("| Touchpoint | Metric | Value | Target |\n|---|---|---:|---:|\n");
            for m in &j.metrics {
                let value = if m.off_target {
                    format!("**{}** (off target)", md(&m.value))
                } else {
                    md(&m.value)
                };
                let target = m.target.as_deref().map(md).unwrap_or_default();
                let _ = writeln!(
                    o,
                    "| {} | {} | {value} | {target} |",
                    md(&m.touchpoint),
                    md(&m.metric)
                );
            }
            o.push('\n');
        }
        if j.findings.is_empty() {
            o.push_str("No findings.\n");
        }
        for f in &j.findings {
            let _ = writeln!(
                o,
                "- **{}** `{}`: {} ({})",
                f.severity,
                f.rule,
                md(&f.message),
                md(&f.location)
            );
        }
    }

    let _ = writeln!(
        o,
        "\n## Appendix: all findings\n\n{} errors, {} warnings, {} info.\n\n| Severity | Rule | Finding | Where | What the rule finds |\n|---|---|---|---|---|",
        r.counts.0, r.counts.1, r.counts.2
    );
    for f in &r.findings {
        let _ = writeln!(
            o,
            "| {} | `{}` | {} | {} | {} |",
            f.severity,
            f.rule,
            md(&f.message),
            md(&f.location),
            md(f.summary)
        );
    }
    let _ = writeln!(o, "\n---\nGenerated by cxmap {}.", r.version);
    o
}
