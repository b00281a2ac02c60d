//! The `backstage-influence` rule: its documentation (also printed by `cxmap explain backstage-influence`), metadata and check.
use std::collections::BTreeMap;

use super::{Context, Rule, list_ids};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "backstage-influence",
    default_severity: Severity::Info,
    summary: "A department that is not customer-facing shapes what the customer experiences",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A department with `customer_facing = false` that affects the customer in a journey: it owns a
customer-facing touchpoint, owns a touchpoint from which a customer-facing touchpoint can be
reached, or supports (`supported_by`) a customer-facing touchpoint. One finding per department
and journey; the message names the customer-facing touchpoints it affects: those it owns or
supports, and the first customer-facing touchpoints downstream of those it owns.

## Why it matters

IT, billing, compliance and logistics rarely think of themselves as part of the customer
experience, yet a slow credit check or a wrong invoice is exactly what the customer feels.
These teams belong in CX work: invite them to journey reviews and give them the customer
metrics of the touchpoints they shape.

## Example

```toml
[[department]]
id = "billing"
customer_facing = false

[[touchpoint]]
id = "first-invoice"
owner = "billing"
```

## Instead

Nothing in the file is wrong: this finding is evidence for a conversation. Bring the
department into the journey's reviews, name a champion there, and share the touchpoint's
metrics with it:

```toml
[[department]]
id = "billing"
customer_facing = false
champion = "Ana Ruiz"
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (journey, graph) in cx.journeys() {
        // department -> (touchpoints it owns, customer-facing touchpoints it supports)
        let mut involved: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            for &d in &tp.owners {
                if !cx.workspace.departments[d].customer_facing {
                    involved.entry(d).or_default().0.push(i);
                }
            }
            if tp.is_customer_facing() {
                for &d in &tp.supported_by {
                    if !cx.workspace.departments[d].customer_facing {
                        involved.entry(d).or_default().1.push(i);
                    }
                }
            }
        }
        for (d, (owned, supported)) in involved {
            let mut affected: Vec<usize> = owned
                .iter()
                .copied()
                .filter(|&i| journey.touchpoints[i].is_customer_facing())
                .chain(supported.iter().copied())
                .chain(graph.first_customer_facing_downstream(journey, owned.iter().copied()))
                .collect();
            affected.sort_unstable();
            affected.dedup();
            if affected.is_empty() {
                continue;
            }
            let first = owned
                .iter()
                .chain(&supported)
                .min()
                .copied()
                .unwrap_or(affected[0]);
            let at = &journey.touchpoints[first];
            let dept = &cx.workspace.departments[d];
            let names = list_ids(affected.iter().map(|&i| journey.touchpoints[i].id.as_str()));
            let mut f = RULE.finding(
                Some(journey),
                &dept.id,
                format!(
                    "backstage department `{}` affects the customer at {names} in journey `{}`",
                    dept.id, journey.id
                ),
                &at.span,
                if at.owners.contains(&d) {
                    at.owner_span.as_ref().unwrap_or(&at.id_span)
                } else {
                    &at.id_span
                },
            );
            f.help = Some(format!(
                "involve `{}` in this journey's CX reviews and share these touchpoints' customer metrics with it",
                dept.id
            ));
            let ji = cx.journey_index(journey);
            f.reach = affected.iter().map(|&i| (ji, i)).collect();
            out.push(f);
        }
    }
}
