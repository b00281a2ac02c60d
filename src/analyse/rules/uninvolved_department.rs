//! The `uninvolved-department` rule: its documentation (also printed by `cxmap explain uninvolved-department`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "uninvolved-department",
    default_severity: Severity::Info,
    summary: "A department owns, supports and holds nothing in any journey",
    points_at: "the department's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A department that owns no touchpoint and no journey, supports no touchpoint and holds no data
anywhere in the workspace.

## Why it matters

Either the maps are incomplete, or the department really is cut off from the customer. Both
are worth knowing: every department influences the experience somehow (through policy,
budgets, systems or people), and one the maps cannot place is one nobody has asked.

## Example

```toml
[[department]]
id = "finance"
customer_facing = false
```

## Instead

Find where its work reaches the customer and record it:

```toml
[[touchpoint]]
id = "refund"
owner = "customer-care"
supported_by = ["finance"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let ws = cx.workspace;
    let mut holds = vec![false; ws.departments.len()];
    for data in &ws.data {
        for &d in &data.held_by {
            holds[d] = true;
        }
    }
    for (d, dept) in ws.departments.iter().enumerate() {
        let inv = &cx.facts.departments[d];
        if !inv.is_involved() && inv.owns_journeys.is_empty() && !holds[d] {
            out.push(cx.on_department(&RULE, d, dept.id_span));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Department(d) = f.subject else {
        unreachable!("uninvolved-department is about a department")
    };
    format!(
        "department {} is not involved in any journey",
        n.department(d)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "map where its work reaches the customer: as an owner, in `supported_by`, or in `held_by`"
        .into()
}
