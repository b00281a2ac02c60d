//! The `unowned-touchpoint` rule: its documentation (also printed by `cxmap explain unowned-touchpoint`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "unowned-touchpoint",
    default_severity: Severity::Warning,
    summary: "A touchpoint has no owning department",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A touchpoint with no `owner`, or with `owner = []`.

## Why it matters

A step nobody owns is a step nobody improves. When the customer hits a problem there, every
team can say it belongs to someone else, and the customer is the one who pays for the silence.

## Example

```toml
[[touchpoint]]
id = "welcome-sms"
name = "Welcome text message"
```

## Instead

Name the one department accountable for the step, even when others help:

```toml
[[touchpoint]]
id = "welcome-sms"
name = "Welcome text message"
owner = "customer-care"
supported_by = ["it"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (journey, _) in cx.journeys() {
        for tp in journey.touchpoints.iter().filter(|t| t.owners.is_empty()) {
            let mut f = RULE.finding(
                Some(journey),
                &tp.id,
                format!("touchpoint `{}` has no owner", tp.id),
                &tp.span,
                tp.owner_span.as_ref().unwrap_or(&tp.id_span),
            );
            f.help = Some(
                "add `owner = \"<department id>\"`: the one team accountable for this step".into(),
            );
            if tp.is_customer_facing() {
                f.reach = vec![cx.at(journey, tp)];
            }
            out.push(f);
        }
    }
}
