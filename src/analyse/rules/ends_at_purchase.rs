//! The `ends-at-purchase` rule: its documentation (also printed by `cxmap explain ends-at-purchase`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "ends-at-purchase",
    default_severity: Severity::Warning,
    summary: "A journey has a purchase but nothing the customer sees after it",
    points_at: "the journey's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A journey with a `purchase = true` touchpoint but no customer-facing touchpoint after a
purchase (reachable by `next` edges from one).

## Why it matters

The customer's experience does not end at the sale: delivery, first use, the first bill,
support and renewal decide whether they stay. A map that stops at the purchase shows a
company that stops caring there.

## Example

```toml
[[touchpoint]]
id = "sign-contract"
purchase = true
next = ["credit-check"]

[[touchpoint]]
id = "credit-check"
backstage = true
```

## Instead

Map what the customer lives through after buying:

```toml
[[touchpoint]]
id = "credit-check"
backstage = true
next = ["welcome-call"]

[[touchpoint]]
id = "welcome-call"
owner = "customer-care"
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (j, journey, graph) in cx.journeys() {
        let has_purchase = journey.touchpoints.iter().any(|t| t.purchase);
        let after = journey
            .touchpoints
            .iter()
            .zip(&graph.after_purchase)
            .any(|(t, &after)| after && t.is_customer_facing());
        if has_purchase && !after {
            let purchases = journey
                .touchpoints
                .iter()
                .enumerate()
                .filter(|(_, t)| t.purchase && t.is_customer_facing())
                .map(|(i, _)| TouchpointRef::new(j, i));
            out.push(cx.on_journey(&RULE, j, journey.id_span).reaching(purchases));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Journey(j) = f.subject else {
        unreachable!("ends-at-purchase is about a journey")
    };
    format!("journey {} ends at the purchase", n.journey(j))
}

fn help(_: &Finding, _: &Names) -> String {
    "add the customer-facing steps after the purchase: delivery, onboarding, first use, support"
        .into()
}
