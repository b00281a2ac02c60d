//! `cxmap diff --format markdown`: a pull-request comment. A table of the headline figures
//! before and after comes first, then the details, each list cut at [`LIST_LIMIT`] items so
//! that a large change still fits in a comment (GitHub takes 65,536 characters); the JSON
//! output has everything. Every piece of user text goes through `escape::markdown`.

use std::fmt::Write as _;
use std::io::Write;

use super::{Labels, average, count, finding_lists, headline_rows, held_by, value};
use crate::analyse::diff::Diff;
use crate::analyse::names::Names;
use crate::model::{TouchpointRef, Workspace};
use crate::present::escape::markdown as md;

/// Items shown per list; the rest are counted.
pub const LIST_LIMIT: usize = 25;

pub fn write(diff: &Diff, labels: &Labels, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(render(diff, labels).as_bytes())
}

/// Up to [`LIST_LIMIT`] items, then a line counting the rest.
fn capped<T>(o: &mut String, items: &[T], mut line: impl FnMut(&mut String, &T)) {
    for item in items.iter().take(LIST_LIMIT) {
        line(o, item);
    }
    if items.len() > LIST_LIMIT {
        let _ = writeln!(
            o,
            "- … and {} more (`cxmap diff --format json` lists them all)",
            items.len() - LIST_LIMIT
        );
    }
}

pub fn render(diff: &Diff, labels: &Labels) -> String {
    let (bws, aws) = (diff.before.workspace, diff.after.workspace);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "### cxmap diff: {} → {}\n",
        md(&labels.before),
        md(&labels.after)
    );
    let f = &diff.findings;
    let t = &diff.touchpoints;
    let waived = if f.waived.is_empty() {
        String::new()
    } else {
        format!(", {} now waived", f.waived.len())
    };
    let _ = writeln!(
        o,
        "**{} new finding{}**, {} resolved{waived}; touchpoints: {} added, {} removed, {} changed\n",
        f.new.len(),
        if f.new.len() == 1 { "" } else { "s" },
        f.resolved.len(),
        t.added.len(),
        t.removed.len(),
        t.changed.len()
    );
    o.push_str("| | before | after |\n|---|---:|---:|\n");
    for row in headline_rows(diff) {
        if row.changed {
            let _ = writeln!(
                o,
                "| **{}** | {} | **{}** |",
                row.label, row.before, row.after
            );
        } else {
            let _ = writeln!(o, "| {} | {} | {} |", row.label, row.before, row.after);
        }
    }
    if diff.is_empty() {
        o.push_str("\nNo changes to findings, touchpoints, hand-offs, data custody or scores.\n");
        return o;
    }
    for (list, ws) in finding_lists(diff) {
        if list.findings.is_empty() {
            continue;
        }
        let names = Names::ids(ws);
        let heading = list.heading();
        let _ = writeln!(
            o,
            "\n#### {}{}\n",
            heading[..1].to_uppercase(),
            &heading[1..]
        );
        capped(&mut o, list.findings, |o, f| {
            let at = ws.sources.locate(&f.at);
            let _ = writeln!(
                o,
                "- **{}** `{}` {}: {}",
                f.severity,
                f.rule.name,
                md(&format!("{}:{}", at.file, at.line)),
                md(&f.message(&names))
            );
        });
    }
    if !t.is_empty() {
        o.push_str("\n#### Touchpoints\n\n");
        capped(&mut o, &t.added, |o, &r| {
            let _ = writeln!(o, "- added {}", name(aws, r));
        });
        capped(&mut o, &t.removed, |o, &r| {
            let _ = writeln!(o, "- removed {}", name(bws, r));
        });
        capped(&mut o, &t.changed, |o, c| {
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|&f| {
                    format!(
                        "{} {} → {}",
                        f.key(),
                        md(&value(bws, c.before, f).show()),
                        md(&value(aws, c.after, f).show())
                    )
                })
                .collect();
            let _ = writeln!(o, "- changed {}: {}", name(aws, c.after), fields.join("; "));
        });
    }
    let handoffs: Vec<_> = diff.journeys.iter().filter(|r| r.changed()).collect();
    if !handoffs.is_empty() {
        o.push_str(
            "\n#### Hand-offs per journey\n\n| journey | before | after |\n|---|---:|---:|\n",
        );
        capped(&mut o, &handoffs, |o, r| {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md(r.id),
                count(r.handoffs.before),
                count(r.handoffs.after)
            );
        });
    }
    let custody: Vec<_> = diff.custody.iter().filter(|r| r.changed).collect();
    if !custody.is_empty() {
        o.push_str(
            "\n#### Data custody\n\n| data | held by before | held by after |\n|---|---|---|\n",
        );
        capped(&mut o, &custody, |o, r| {
            let held = |ws: &Workspace, exists: bool, ds: &[usize], silo: bool| {
                held_by(ws, exists, ds, silo, "—", md)
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md(r.id),
                held(bws, r.before.is_some(), &r.held_by.before, r.silo.before),
                held(aws, r.after.is_some(), &r.held_by.after, r.silo.after)
            );
        });
    }
    let scores: Vec<_> = diff.stage_scores.iter().filter(|r| r.changed()).collect();
    if !scores.is_empty() {
        o.push_str("\n#### Average score per stage\n\n| journey | stage | before | after |\n|---|---|---:|---:|\n");
        capped(&mut o, &scores, |o, r| {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                md(r.journey),
                r.stage.map_or_else(|| "(no stage)".to_owned(), md),
                average(r.average.before),
                average(r.average.after)
            );
        });
    }
    o
}

fn name(ws: &Workspace, r: TouchpointRef) -> String {
    md(&format!(
        "{}/{}",
        ws.journeys[r.journey].id,
        ws.touchpoint(r).id
    ))
}
