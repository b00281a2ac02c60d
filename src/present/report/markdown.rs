//! The report as Markdown for wikis: the same content as the HTML, with the diagrams as SVG
//! files beside the `.md` (linked, not inlined) and every piece of user text escaped for
//! Markdown (`|` in tables, link and image syntax, HTML).

use std::fmt::Write;

use super::ReportView;
use super::since::Since;
use super::view::PriorityView;
use crate::analyse::diff::Trend;
use crate::present::escape::markdown as md;
use crate::present::terminal::plural;

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

/// Escapes `text`, keeping its `code` spans (metric names in findings) as code.
fn md_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i + 1 < parts.len() && !part.is_empty() {
            let _ = write!(out, "`{}`", part.replace(['\n', '\r'], " "));
        } else {
            if i % 2 == 1 {
                out.push_str("\\`");
            }
            out.push_str(&md(part));
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
        "- **{}**{}",
        plural(r.data_silos.len(), "data silo"),
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
        "- **{} of {} {} at the purchase**{}",
        r.journeys_ending_at_purchase.len(),
        r.journeys,
        if r.journeys_ending_at_purchase.len() == 1 {
            "journeys ends"
        } else {
            "journeys end"
        },
        if r.journeys_ending_at_purchase.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.journeys_ending_at_purchase))
        }
    );
    let _ = writeln!(
        o,
        "- **{} the experience**{}",
        if r.backstage_affecting.len() == 1 {
            "1 backstage team shapes".to_owned()
        } else {
            format!("{} backstage teams shape", r.backstage_affecting.len())
        },
        if r.backstage_affecting.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.backstage_affecting))
        }
    );
    let _ = writeln!(
        o,
        "- **{} customers without a CX champion**{}\n",
        if r.without_champion.len() == 1 {
            "1 team touches".to_owned()
        } else {
            format!("{} teams touch", r.without_champion.len())
        },
        if r.without_champion.is_empty() {
            String::new()
        } else {
            format!(": {}", list(&r.without_champion))
        }
    );
    if let Some(since) = &r.since {
        since_section(&mut o, since);
    }
    o.push_str("## Three changes for the executive committee\n\n");
    if r.focus.is_empty() {
        o.push_str("No problem reaches a moment customers see.\n\n");
    } else {
        o.push_str("Ranked by how many moments customers see each change reaches, then by how serious it is, then by how much those moments hurt or miss their targets.\n\n");
    }
    for p in &r.focus {
        priority(&mut o, p);
    }
    if !r.more_priorities.is_empty() {
        o.push_str("### Next in line\n\n| # | Change | Talk to | Severity | Moments |\n|---:|---|---|---|---:|\n");
        for p in &r.more_priorities {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                p.rank,
                md(&p.change),
                list(&p.talk_to),
                p.severity,
                p.reach
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
    o.push_str("\n### Ownership by stage\n\nWho owns the touchpoints of each stage, and how many.\n\n| Journey | Stage | Owned by |\n|---|---|---|\n");
    for s in &r.stage_owners {
        let owners = s
            .owners
            .iter()
            .map(|(d, n)| format!("{} ({n})", md(d)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(o, "| {} | {} | {} |", md(&s.journey), md(&s.stage), owners);
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
            o.push_str("Nothing to report.\n");
        }
        for f in &j.findings {
            let _ = writeln!(o, "- {}", md_code(f));
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
    if !r.waived.is_empty() {
        o.push_str("\n### Waived by the team\n\n| Rule | Finding | Reason |\n|---|---|---|\n");
        for w in &r.waived {
            let _ = writeln!(
                o,
                "| `{}` | {} | {} |",
                w.rule,
                md(&w.message),
                md(&w.reason)
            );
        }
    }
    let _ = writeln!(o, "\n---\nGenerated by cxmap {}.", r.version);
    o
}

/// One of the three changes: who to talk to, why, the moments it reaches and what customers
/// said there.
fn priority(o: &mut String, p: &PriorityView) {
    let _ = writeln!(
        o,
        "### {}. {}\n\nTalk to **{}** · {} · reaches {} moment{} customers see\n",
        p.rank,
        md(&p.change),
        list(&p.talk_to),
        p.severity,
        p.reach,
        if p.reach == 1 { "" } else { "s" }
    );
    for w in &p.why {
        let _ = writeln!(o, "- {}", md(w));
    }
    o.push_str("\n| Journey | Moment | Owned by | Feeling | Measured |\n|---|---|---|---:|---|\n");
    for m in &p.moments {
        let measured = m
            .measured
            .iter()
            .map(|x| md(x))
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {}{} |",
            md(&m.journey),
            md(&m.touchpoint),
            md(&m.owner),
            match (m.hurts, m.feeling.is_empty()) {
                (true, true) => "**hurts**".to_owned(),
                (true, false) => format!("**{}** (hurts)", m.feeling),
                (false, _) => m.feeling.clone(),
            },
            measured,
            if m.off_target {
                " **(off target)**"
            } else {
                ""
            }
        );
    }
    o.push('\n');
    for q in &p.quotes {
        let _ = writeln!(
            o,
            "> “{}”  \n> — {}, {}\n",
            md(&q.quote),
            md(&q.touchpoint),
            md(&q.source)
        );
    }
    if !p.context.is_empty() {
        let _ = writeln!(
            o,
            "Also felt downstream, not counted here: {}.\n",
            list(&p.context)
        );
    }
}

/// "What changed since REV": the figures then and now, then the silos new and resolved.
fn since_section(o: &mut String, s: &Since) {
    let rev = md(&s.revision);
    let _ = writeln!(o, "## What changed since {rev}\n");
    let _ = writeln!(
        o,
        "Compared with the journeys at {rev} (commit {}): {}, {} resolved{}; {} added, {} removed, {} changed.\n",
        md(&s.commit),
        plural(s.new_findings, "new finding"),
        s.resolved_findings,
        if s.waived_findings == 0 {
            String::new()
        } else {
            format!(", {} now waived", s.waived_findings)
        },
        plural(s.touchpoints_added, "touchpoint"),
        s.touchpoints_removed,
        s.touchpoints_changed
    );
    let _ = writeln!(
        o,
        "| Figure | At {rev} | Now | For customers |\n|---|---:|---:|---|"
    );
    for f in &s.figures {
        let (now, trend) = match f.trend {
            Trend::Same => (f.after.clone(), "—"),
            Trend::Better => (format!("**{}**", f.after), "better"),
            Trend::Worse => (format!("**{}**", f.after), "**worse**"),
            Trend::Changed => (format!("**{}**", f.after), "changed"),
        };
        let _ = writeln!(o, "| {} | {} | {now} | {trend} |", f.label, f.before);
    }
    o.push('\n');
    if s.new_silos.is_empty() && s.resolved_silos.is_empty() && s.waived_silos.is_empty() {
        o.push_str("No data silo appeared or was resolved.\n\n");
        return;
    }
    for x in &s.new_silos {
        let _ = writeln!(
            o,
            "- **New silo:** {}, held only by {}.",
            md(&x.data),
            list(&x.held_by)
        );
    }
    for x in &s.resolved_silos {
        let now = if x.held_by.is_empty() {
            "no longer in the journeys".to_owned()
        } else {
            format!("now held by {}", list(&x.held_by))
        };
        let _ = writeln!(o, "- **Resolved:** {}, {now}.", md(&x.data));
    }
    for x in &s.waived_silos {
        let _ = writeln!(
            o,
            "- **Set aside by a waiver:** {}, still held only by {}.",
            md(&x.data),
            list(&x.held_by)
        );
    }
    o.push('\n');
}
