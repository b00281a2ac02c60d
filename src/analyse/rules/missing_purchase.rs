//! The `missing-purchase` rule: its documentation (also printed by `cxmap explain missing-purchase`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "missing-purchase",
    default_severity: Severity::Info,
    summary: "A journey has no purchase touchpoint",
    points_at: "the journey's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
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
    for (j, journey, _) in cx.journeys() {
        if !journey.touchpoints.iter().any(|t| t.purchase) {
            out.push(cx.on_journey(&RULE, j, journey.id_span));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Journey(j) = f.subject else {
        unreachable!("missing-purchase is about a journey")
    };
    format!("journey {} has no purchase touchpoint", n.journey(j))
}

fn help(_: &Finding, _: &Names) -> String {
    "mark the step where the customer buys or commits with `purchase = true`".into()
}
