//! The `shared-ownership` rule: its documentation (also printed by `cxmap explain shared-ownership`), metadata and check.
use super::{Context, Rule, list_ids};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "shared-ownership",
    default_severity: Severity::Warning,
    summary: "A touchpoint is owned by two or more departments, so no single team is accountable",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A touchpoint whose `owner` names two or more departments.

## Why it matters

Shared ownership feels collaborative, but when the step goes wrong each owner waits for the
other. The customer experiences it as being passed around.

## Example

```toml
[[touchpoint]]
id = "installation"
owner = ["field-service", "sales"]
```

## Instead

Keep one accountable owner and list the others as support:

```toml
[[touchpoint]]
id = "installation"
owner = "field-service"
supported_by = ["sales"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (journey, _) in cx.journeys() {
        for tp in journey.touchpoints.iter().filter(|t| t.owners.len() >= 2) {
            let owners = list_ids(tp.owners.iter().map(|&d| cx.department_id(d)));
            let mut f = RULE.finding(
                Some(journey),
                &tp.id,
                format!("touchpoint `{}` is owned by {owners}", tp.id),
                &tp.span,
                tp.owner_span.as_ref().unwrap_or(&tp.id_span),
            );
            f.help = Some("keep one `owner` and move the others to `supported_by`".into());
            if tp.is_customer_facing() {
                f.reach = vec![cx.at(journey, tp)];
            }
            out.push(f);
        }
    }
}
