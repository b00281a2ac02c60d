//! The `missing-champion` rule: its documentation (also printed by `cxmap explain missing-champion`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "missing-champion",
    default_severity: Severity::Warning,
    summary: "A department that owns or supports touchpoints has no CX champion",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A department that owns or supports at least one touchpoint anywhere in the workspace and has
no `champion`.

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
    let n = cx.workspace.departments.len();
    let mut involved = vec![false; n];
    for journey in &cx.workspace.journeys {
        for tp in &journey.touchpoints {
            for &d in tp.owners.iter().chain(&tp.supported_by) {
                involved[d] = true;
            }
        }
    }
    for (d, dept) in cx.workspace.departments.iter().enumerate() {
        if !involved[d] || dept.champion.is_some() {
            continue;
        }
        let mut f = RULE.finding(
            None,
            &dept.id,
            format!("department `{}` has no CX champion", dept.id),
            &dept.span,
            &dept.id_span,
        );
        f.help = Some("add `champion = \"<name>\"`: the person who brings the customer into this team's decisions".into());
        out.push(f);
    }
}
