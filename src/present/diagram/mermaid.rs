//! Mermaid export, for wikis and Markdown tools that draw Mermaid: the journey map as a
//! Mermaid `journey` (sections are stages, tasks are the steps the customer sees, the score
//! -2..2 becomes Mermaid's 1..5, actors are the owning departments), and the blueprint as a
//! `flowchart` with one subgraph per lane of the builtin blueprint (frontstage, backstage and
//! support lanes by the work), `next` steps as arrows (accented ones coloured) and support as
//! dotted arrows. Every piece of user text goes through `escape::mermaid`; ids are generated.

use std::fmt::Write;

use super::DiagramInput;
use super::blueprint::lanes::Lanes;
use super::layout;
use super::palette::ACCENT;
use crate::present::escape::mermaid as esc;

/// The journey map as a Mermaid `journey` diagram.
pub fn journey(input: &DiagramInput) -> String {
    let j = input.journey;
    let ws = input.workspace;
    let l = layout::layer(j);
    let mut out = String::from(
        "%% Journey map written by cxmap: scores -2..2 are Mermaid's 1..5.\njourney\n",
    );
    let _ = writeln!(out, "    title {}", esc(&j.name));
    // Steps in the order of the layout, grouped by the stage of their column.
    let mut current: Option<Option<usize>> = None;
    for (c, column) in l.columns.iter().enumerate() {
        for slot in column {
            let layout::Slot::Touchpoint(t) = *slot else {
                continue;
            };
            let tp = &j.touchpoints[t];
            if !tp.is_customer_facing() {
                continue;
            }
            let stage = l.column_stage[c];
            if current != Some(stage) {
                let name = stage.map_or("Steps", |s| j.stages[s].as_str());
                let _ = writeln!(out, "    section {}", esc(name));
                current = Some(stage);
            }
            let actors: Vec<String> = if tp.owners.is_empty() {
                vec!["No owner".to_owned()]
            } else {
                tp.owners
                    .iter()
                    .map(|&d| esc(&ws.departments[d].name))
                    .collect()
            };
            if tp.score.is_none() {
                out.push_str("      %% no score given: drawn as 3 (neutral)\n");
            }
            let score = tp.score.map_or(3, |s| i32::from(s) + 3);
            let _ = writeln!(
                out,
                "      {}: {score}: {}",
                esc(&tp.name),
                actors.join(", ")
            );
        }
    }
    out
}

/// The blueprint as a Mermaid `flowchart`: one subgraph per lane.
pub fn flowchart(input: &DiagramInput) -> String {
    let j = input.journey;
    let l = layout::layer(j);
    let lanes = Lanes::assign(input, &l.column);
    let mut out = String::from(
        "%% Service blueprint written by cxmap: one subgraph per lane.\nflowchart LR\n",
    );
    for (i, _) in lanes.lanes.iter().enumerate() {
        let (name, kind) = lanes.describe(input, i);
        let _ = writeln!(
            out,
            "    subgraph lane{i}[\"{} · {}\"]",
            esc(&name),
            esc(&kind)
        );
        for (t, tp) in j.touchpoints.iter().enumerate() {
            if lanes.of[t] == i {
                let _ = writeln!(out, "        t{t}[\"{}\"]", esc(&tp.name));
            }
        }
        for (k, &(lane, _)) in lanes.support.iter().enumerate() {
            if lane == i {
                let _ = writeln!(out, "        s{k}[\"supports\"]");
            }
        }
        out.push_str("    end\n");
    }
    let mut accented = Vec::new();
    for (link, (from, step)) in j.steps().enumerate() {
        match &step.label {
            Some(label) => {
                let _ = writeln!(out, "    t{from} -->|\"{}\"| t{}", esc(label), step.to);
            }
            None => {
                let _ = writeln!(out, "    t{from} --> t{}", step.to);
            }
        }
        if input.accent(from, step.to) {
            accented.push(link);
        }
    }
    for (k, &(_, t)) in lanes.support.iter().enumerate() {
        let _ = writeln!(out, "    s{k} -.-> t{t}");
    }
    if !accented.is_empty() {
        let list: Vec<String> = accented.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "    linkStyle {} stroke:{ACCENT},stroke-width:2.5px",
            list.join(",")
        );
    }
    out
}
