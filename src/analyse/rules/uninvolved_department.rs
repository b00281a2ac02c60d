//! The `uninvolved-department` rule: its documentation (also printed by `cxmap explain uninvolved-department`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "uninvolved-department",
    default_severity: Severity::Info,
    summary: "A department owns, supports and holds nothing in any journey",
    doc: DOC,
    check,
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
    let mut involved = vec![false; ws.departments.len()];
    for journey in &ws.journeys {
        if let Some(o) = journey.owner {
            involved[o] = true;
        }
        for tp in &journey.touchpoints {
            for &d in tp.owners.iter().chain(&tp.supported_by) {
                involved[d] = true;
            }
        }
    }
    for data in &ws.data {
        for &d in &data.held_by {
            involved[d] = true;
        }
    }
    for (dept, _) in ws.departments.iter().zip(&involved).filter(|(_, i)| !**i) {
        let mut f = RULE.finding(
            None,
            &dept.id,
            format!("department `{}` is not involved in any journey", dept.id),
            &dept.span,
            &dept.id_span,
        );
        f.help = Some("map where its work reaches the customer: as an owner, in `supported_by`, or in `held_by`".into());
        out.push(f);
    }
}
