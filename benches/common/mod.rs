//! Generated workspaces for benchmarks: realistic shape (departments, data, stages, branches
//! and loops), any size, deterministic.
#![allow(dead_code)]

use std::fmt::Write;

pub const DEPARTMENTS: usize = 12;
pub const DATA: usize = 8;

pub fn org() -> String {
    let mut s = String::from("[organization]\nname = \"Bench Corp\"\n\n");
    for d in 0..DEPARTMENTS {
        let _ = writeln!(
            s,
            "[[department]]\nid = \"dept-{d}\"\nname = \"Department {d}\"\ncustomer_facing = {}\n{}",
            d % 3 != 0,
            if d % 2 == 0 {
                "champion = \"Pat Doe\"\n"
            } else {
                ""
            }
        );
    }
    for x in 0..DATA {
        let _ = writeln!(
            s,
            "[[data]]\nid = \"data-{x}\"\nheld_by = [\"dept-{}\"{}]\n",
            x % DEPARTMENTS,
            if x % 2 == 0 {
                format!(", \"dept-{}\"", (x + 3) % DEPARTMENTS)
            } else {
                String::new()
            }
        );
    }
    s
}

/// One journey of `n` touchpoints: a main path through five stages with side branches and
/// a support loop every so often.
pub fn journey(id: &str, n: usize) -> String {
    journey_version(id, n, false)
}

/// [`journey`], or (`changed`) a later version of it: every 50th touchpoint has lost its
/// owner, every 40th is scored differently and one touchpoint in 100 more is added at the end.
pub fn journey_version(id: &str, n: usize, changed: bool) -> String {
    let stages = ["Discover", "Buy", "Onboard", "Use", "Renew"];
    let mut s = format!(
        "[journey]\nid = \"{id}\"\nname = \"Journey {id}\"\npersona = \"Someone\"\nstages = [\"Discover\", \"Buy\", \"Onboard\", \"Use\", \"Renew\"]\n\n"
    );
    let added = if changed { n / 100 } else { 0 };
    let total = n + added;
    for i in 0..total {
        let stage = stages[((i.min(n - 1)) * stages.len()) / n.max(1)];
        let owner = if changed && i % 50 == 7 {
            String::new()
        } else {
            format!("owner = \"dept-{}\"\n", (i * 7 + 3) % DEPARTMENTS)
        };
        let score = ["-2", "-1", "0", "1", "2"][(i + usize::from(changed && i % 40 == 0)) % 5];
        let _ = write!(
            s,
            "[[touchpoint]]\nid = \"tp-{i}\"\nname = \"Step number {i} of the journey\"\nstage = \"{stage}\"\n{owner}channel = \"web\"\nbackstage = {}\npurchase = {}\nuses = [\"data-{}\"]\nsupported_by = [\"dept-{}\"]\nscore = {score}\n",
            i % 4 == 3,
            i == n / 3,
            i % DATA,
            (i + 5) % DEPARTMENTS,
        );
        let mut next = Vec::new();
        if i + 1 < total {
            next.push(format!("\"tp-{}\"", i + 1));
        }
        if i % 10 == 0 && i + 3 < total {
            next.push(format!("{{ to = \"tp-{}\", label = \"shortcut\" }}", i + 3));
        }
        if i % 25 == 24 {
            next.push(format!("{{ to = \"tp-{}\", label = \"retry\" }}", i - 4));
        }
        let _ = writeln!(s, "next = [{}]\n", next.join(", "));
    }
    s
}

/// `total` touchpoints spread over `journeys` journey files, plus `org.toml`.
pub fn workspace(total: usize, journeys: usize) -> Vec<(String, String)> {
    workspace_version(total, journeys, false)
}

/// [`workspace`], or (`changed`) a later version of it: owners removed, scores changed and
/// touchpoints added in every journey (see [`journey_version`]), and a data silo shared.
pub fn workspace_version(total: usize, journeys: usize, changed: bool) -> Vec<(String, String)> {
    let mut org = org();
    if changed {
        org = org.replace(
            "id = \"data-1\"\nheld_by = [\"dept-1\"]",
            "id = \"data-1\"\nheld_by = [\"dept-1\", \"dept-2\"]",
        );
    }
    let mut files = vec![("org.toml".to_owned(), org)];
    for j in 0..journeys {
        let n = total / journeys + usize::from(j < total % journeys);
        files.push((
            format!("journey-{j:03}.toml"),
            journey_version(&format!("journey-{j:03}"), n, changed),
        ));
    }
    files
}
