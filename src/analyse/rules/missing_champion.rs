//! The `missing-champion` rule: its documentation (also printed by `cxmap explain missing-champion`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "missing-champion",
    default_severity: Severity::Warning,
    summary: "A department that owns or supports touchpoints has no CX champion",
    points_at: "the department's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A department of the organisation (not an external partner) that owns or supports at least
one touchpoint anywhere in the workspace and has no `champion` (the key missing, or blank).
One finding per department.

## Why it matters

Culture changes through people. A named CX champion in every department that shapes the
journey carries customer evidence into that team's decisions, and gives the CX office someone
to call. Without one, the department hears about the customer only when something has gone
wrong.

## Example

```toml
[[department]]
id = "logistics"
customer_facing = false
```

## Instead

```toml
[[department]]
id = "logistics"
customer_facing = false
champion = "Tomasz Nowak"
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (d, dept) in cx.workspace.departments.iter().enumerate() {
        if dept.is_internal() && cx.facts.departments[d].is_involved() && dept.champion.is_none() {
            // The customers of a team without a champion are at the moments it shapes.
            let reach = cx.facts.customer_facing_of(cx.workspace, d);
            out.push(cx.on_department(&RULE, d, dept.id_span).reaching(reach));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Department(d) = f.subject else {
        unreachable!("missing-champion is about a department")
    };
    format!("department {} has no CX champion", n.department(d))
}

fn help(_: &Finding, _: &Names) -> String {
    "add `champion = \"<name>\"`: the person who brings the customer into this team's decisions"
        .into()
}
