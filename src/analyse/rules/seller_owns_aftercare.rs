//! The `seller-owns-aftercare` rule: its documentation (also printed by `cxmap explain seller-owns-aftercare`), metadata and check.
use super::{Context, Rule, list_ids};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "seller-owns-aftercare",
    default_severity: Severity::Warning,
    summary: "Everything the customer sees after the purchase is owned by the team that sold",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A journey with customer-facing touchpoints after the purchase where every one of them is owned
solely by a department that also owns a purchase touchpoint.

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
    for (journey, graph) in cx.journeys() {
        let sellers = journey.purchase_owners();
        let aftercare: Vec<_> = journey
            .touchpoints
            .iter()
            .zip(&graph.after_purchase)
            .filter(|(t, after)| **after && t.is_customer_facing())
            .map(|(t, _)| t)
            .collect();
        if aftercare.is_empty() {
            continue;
        }
        let all_sellers = aftercare
            .iter()
            .all(|t| t.sole_owner().is_some_and(|o| sellers.contains(&o)));
        if !all_sellers {
            continue;
        }
        let mut owners: Vec<usize> = aftercare.iter().filter_map(|t| t.sole_owner()).collect();
        owners.sort_unstable();
        owners.dedup();
        let owners = list_ids(owners.iter().map(|&d| cx.department_id(d)));
        let mut f = RULE.finding(
            Some(journey),
            &journey.id,
            format!(
                "after the purchase, journey `{}` is served only by {owners}, who sold it",
                journey.id
            ),
            &journey.span,
            &journey.id_span,
        );
        f.help = Some("give the after-sale touchpoints to the teams that serve customers: care, operations, billing".into());
        f.reach = aftercare.iter().map(|t| cx.at(journey, t)).collect();
        out.push(f);
    }
}
