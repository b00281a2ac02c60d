//! The `data-silo` rule: its documentation (also printed by `cxmap explain data-silo`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "data-silo",
    default_severity: Severity::Warning,
    summary: "Customer data is held by exactly one department",
    doc: DOC,
    check,
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
    for (di, data) in cx.workspace.data.iter().enumerate() {
        let [holder] = data.held_by.as_slice() else {
            continue;
        };
        let holder = cx.department_id(*holder);
        let mut f = RULE.finding(
            None,
            &data.id,
            format!("data `{}` is held only by `{holder}`", data.id),
            &data.span,
            &data.held_by_span,
        );
        f.help = Some("share it with the departments whose touchpoints use it".into());
        // The customer feels a silo wherever the data is needed.
        for (journey, _) in cx.journeys() {
            for tp in &journey.touchpoints {
                if tp.is_customer_facing() && tp.uses.contains(&di) {
                    f.reach.push(cx.at(journey, tp));
                }
            }
        }
        out.push(f);
    }
}
