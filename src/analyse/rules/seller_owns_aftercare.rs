//! The `seller-owns-aftercare` rule: its documentation (also printed by `cxmap explain seller-owns-aftercare`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "seller-owns-aftercare",
    default_severity: Severity::Warning,
    summary: "Everything the customer sees after the purchase is owned by the team that sold",
    points_at: "the journey's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A journey with customer-facing touchpoints after the purchase where every one of them has
exactly one internal owner (external partners beside it aside), and that owner also owns a
purchase touchpoint of the journey.

## Why it matters

When the team that sells also runs everything after the sale, the rest of the company never
meets the customer it serves, and the after-sale experience is judged by sales targets.
Service, operations and billing need their own stake in the customer's life after the
purchase.

## Example

```toml
[[touchpoint]]
id = "sign-contract"
owner = "sales"
purchase = true
next = ["first-bill-call"]

[[touchpoint]]
id = "first-bill-call"
owner = "sales"
```

## Instead

Hand the customer on to the teams that serve them:

```toml
[[touchpoint]]
id = "first-bill-call"
owner = "customer-care"
supported_by = ["billing"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (j, journey, graph) in cx.journeys() {
        let sellers = journey.purchase_owners();
        let aftercare: Vec<usize> = (0..journey.touchpoints.len())
            .filter(|&i| graph.after_purchase[i] && journey.touchpoints[i].is_customer_facing())
            .collect();
        if aftercare.is_empty() {
            continue;
        }
        let all_sellers = aftercare.iter().all(|&i| {
            journey.touchpoints[i]
                .sole_internal_owner(cx.workspace)
                .is_some_and(|o| sellers.contains(&o))
        });
        if all_sellers {
            let reach = aftercare.into_iter().map(|i| TouchpointRef::new(j, i));
            out.push(cx.on_journey(&RULE, j, journey.id_span).reaching(reach));
        }
    }
}

/// The sellers who serve the customer after the purchase: the owners of what the finding
/// reaches.
fn aftercare_owners(f: &Finding, n: &Names) -> Vec<usize> {
    let mut owners: Vec<usize> = f
        .reach
        .iter()
        .filter_map(|&t| n.ws.touchpoint(t).sole_internal_owner(n.ws))
        .collect();
    owners.sort_unstable();
    owners.dedup();
    owners
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Journey(j) = f.subject else {
        unreachable!("seller-owns-aftercare is about a journey")
    };
    format!(
        "after the purchase, journey {} is served only by {}, who sold it",
        n.journey(j),
        n.departments(&aftercare_owners(f, n))
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "give the after-sale touchpoints to the teams that serve customers: care, operations, billing"
        .into()
}
