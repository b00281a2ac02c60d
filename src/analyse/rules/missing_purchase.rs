//! The `missing-purchase` rule: its documentation (also printed by `cxmap explain missing-purchase`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "missing-purchase",
    default_severity: Severity::Info,
    summary: "A journey has no purchase touchpoint",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A journey in which no touchpoint has `purchase = true`.

## Why it matters

Without the moment the customer commits, cxmap cannot tell what happens before and after the
sale, and the after-purchase rules (`ends-at-purchase`, `seller-owns-aftercare`) stay
silent. For a service journey with no purchase (a repair, a complaint) this is expected,
which is why the rule is `info`; a workspace of service journeys can set it to `off` in
`cxmap.toml`.

## Example

```toml
[[touchpoint]]
id = "sign-contract"
owner = "sales"
```

## Instead

```toml
[[touchpoint]]
id = "sign-contract"
owner = "sales"
purchase = true
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (journey, _) in cx.journeys() {
        if !journey.touchpoints.iter().any(|t| t.purchase) {
            let mut f = RULE.finding(
                Some(journey),
                &journey.id,
                format!("journey `{}` has no purchase touchpoint", journey.id),
                &journey.span,
                &journey.id_span,
            );
            f.help = Some(
                "mark the step where the customer buys or commits with `purchase = true`".into(),
            );
            out.push(f);
        }
    }
}
