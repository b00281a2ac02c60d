//! The `inaccessible-data` rule: its documentation (also printed by `cxmap explain inaccessible-data`), metadata and check.
use super::{Context, Rule, list_ids};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "inaccessible-data",
    default_severity: Severity::Warning,
    summary: "A touchpoint uses data that none of its owners hold",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

An owned touchpoint that `uses` a data asset none of its owners hold. There is one finding
per touchpoint and data asset. Touchpoints without an owner are left to
`unowned-touchpoint`.

## Why it matters

The team serving the customer at this step needs information it cannot see. It asks the
customer again, or phones another department while the customer waits.

## Example

```toml
[[data]]
id = "billing-history"
held_by = ["billing"]

[[touchpoint]]
id = "complaint-call"
owner = "customer-care"
uses = ["billing-history"]
```

## Instead

Give the owning team access to the data:

```toml
[[data]]
id = "billing-history"
held_by = ["billing", "customer-care"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (journey, _) in cx.journeys() {
        for tp in journey.touchpoints.iter().filter(|t| !t.owners.is_empty()) {
            for &d in &tp.uses {
                let data = &cx.workspace.data[d];
                if tp.owners.iter().any(|o| data.held_by.contains(o)) {
                    continue;
                }
                let owners = list_ids(tp.owners.iter().map(|&o| cx.department_id(o)));
                let mut f = RULE.finding(
                    Some(journey),
                    &tp.id,
                    format!(
                        "touchpoint `{}` uses data `{}`, which its owner {owners} does not hold",
                        tp.id, data.id
                    ),
                    &tp.span,
                    &tp.id_span,
                );
                f.help = Some(format!(
                    "add {owners} to `held_by` of data `{}`, or change who owns this step",
                    data.id
                ));
                if tp.is_customer_facing() {
                    f.reach = vec![cx.at(journey, tp)];
                }
                out.push(f);
            }
        }
    }
}
