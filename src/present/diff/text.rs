//! `cxmap diff --format text`: the headline figures side by side, then each list of changes
//! with one line per item, for a terminal or a CI log. Ids are escaped for the terminal.

use std::fmt::Write as _;
use std::io::Write;

use super::{FindingList, Labels, average, count, finding_lists, headline_rows, held_by, value};
use crate::analyse::diff::Diff;
use crate::analyse::names::Names;
use crate::model::{TouchpointRef, Workspace};
use crate::present::escape::terminal;

pub fn write(diff: &Diff, labels: &Labels, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(render(diff, labels).as_bytes())
}

/// The whole output as a string.
pub fn render(diff: &Diff, labels: &Labels) -> String {
    let (bws, aws) = (diff.before.workspace, diff.after.workspace);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "cxmap diff: {} → {}\n",
        terminal(&labels.before),
        terminal(&labels.after)
    );
    let _ = writeln!(o, "{:<28} {:>8} {:>8}", "", "before", "after");
    for row in headline_rows(diff) {
        let mark = if row.changed { "  *" } else { "" };
        let _ = writeln!(
            o,
            "{:<28} {:>8} {:>8}{mark}",
            row.label, row.before, row.after
        );
    }
    if diff.is_empty() {
        o.push_str("\nno changes to findings, touchpoints, hand-offs, data custody or scores\n");
        return o;
    }
    for (list, ws) in finding_lists(diff) {
        findings(&mut o, list, ws);
    }

    let t = &diff.touchpoints;
    if !t.is_empty() {
        let _ = writeln!(
            o,
            "\ntouchpoints: {} added, {} removed, {} changed",
            t.added.len(),
            t.removed.len(),
            t.changed.len()
        );
        for &r in &t.added {
            let _ = writeln!(o, "  added    {}", name(aws, r));
        }
        for &r in &t.removed {
            let _ = writeln!(o, "  removed  {}", name(bws, r));
        }
        for c in &t.changed {
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|&f| {
                    format!(
                        "{} {} → {}",
                        f.key(),
                        terminal(&value(bws, c.before, f).show()),
                        terminal(&value(aws, c.after, f).show())
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "  changed  {}: {}",
                name(aws, c.after),
                fields.join("; ")
            );
        }
    }
    let handoffs: Vec<_> = diff.journeys.iter().filter(|r| r.changed()).collect();
    if !handoffs.is_empty() {
        o.push_str("\nhand-offs per journey\n");
        for r in handoffs {
            let _ = writeln!(
                o,
                "  {}: {} → {}",
                terminal(r.id),
                count(r.handoffs.before),
                count(r.handoffs.after)
            );
        }
    }
    let custody: Vec<_> = diff.custody.iter().filter(|r| r.changed).collect();
    if !custody.is_empty() {
        o.push_str("\ndata custody (held_by)\n");
        for r in custody {
            let held = |ws: &Workspace, exists: bool, ds: &[usize], silo: bool| {
                held_by(ws, exists, ds, silo, "none (no such data)", terminal)
            };
            let _ = writeln!(
                o,
                "  {}: {} → {}",
                terminal(r.id),
                held(bws, r.before.is_some(), &r.held_by.before, r.silo.before),
                held(aws, r.after.is_some(), &r.held_by.after, r.silo.after)
            );
        }
    }
    let scores: Vec<_> = diff.stage_scores.iter().filter(|r| r.changed()).collect();
    if !scores.is_empty() {
        o.push_str("\naverage score per stage\n");
        for r in scores {
            let _ = writeln!(
                o,
                "  {} / {}: {} → {}",
                terminal(r.journey),
                terminal(r.stage.unwrap_or("(no stage)")),
                average(r.average.before),
                average(r.average.after)
            );
        }
    }
    o
}

fn name(ws: &Workspace, r: TouchpointRef) -> String {
    terminal(&format!(
        "{}/{}",
        ws.journeys[r.journey].id,
        ws.touchpoint(r).id
    ))
}

/// A list of findings under its heading ("2 new findings").
fn findings(o: &mut String, list: FindingList, ws: &Workspace) {
    if list.findings.is_empty() {
        return;
    }
    let names = Names::ids(ws);
    let _ = writeln!(o, "\n{}", list.heading());
    for f in list.findings {
        let at = ws.sources.locate(&f.at);
        let _ = writeln!(
            o,
            "  {}[{}] {}:{}:{}: {}",
            f.severity,
            f.rule.name,
            terminal(&at.file),
            at.line,
            at.column,
            terminal(&f.message(&names))
        );
    }
}
