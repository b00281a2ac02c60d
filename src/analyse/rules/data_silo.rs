//! The `data-silo` rule: its documentation (also printed by `cxmap explain data-silo`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "data-silo",
    default_severity: Severity::Warning,
    summary: "Customer data is held by exactly one department",
    points_at: "the data's `held_by` value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A `[[data]]` asset whose `held_by` names exactly one department.

## Why it matters

Data one team keeps to itself blocks a 360° view of the customer: other teams ask the
customer again for what the company already knows, or act without it.

## Example

```toml
[[data]]
id = "service-history"
held_by = ["customer-care"]
```

## Instead

Open the data to the teams whose touchpoints need it:

```toml
[[data]]
id = "service-history"
held_by = ["customer-care", "sales", "field-service"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (d, data) in cx.workspace.data.iter().enumerate() {
        if data.sole_holder().is_none() {
            continue;
        }
        // The customer feels a silo wherever the data is needed.
        let users = cx.facts.data[d]
            .used_by
            .iter()
            .copied()
            .filter(|&t| cx.workspace.touchpoint(t).is_customer_facing());
        out.push(cx.on_data(&RULE, d, data.held_by_span).reaching(users));
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Data(d) = f.subject else {
        unreachable!("data-silo is about data")
    };
    format!(
        "data {} is held only by {}",
        n.data(d),
        n.departments(&n.ws.data[d].held_by)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "share it with the departments whose touchpoints use it".into()
}
