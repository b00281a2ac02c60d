//! The `backstage-influence` rule: its documentation (also printed by `cxmap explain backstage-influence`), metadata and check.
use std::collections::BTreeMap;

use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "backstage-influence",
    default_severity: Severity::Info,
    summary: "A department that is not customer-facing shapes what the customer experiences",
    points_at: "the department's first mark in the journey: the `owner` value of the first touchpoint it owns, or its entry in `supported_by` of the first customer-facing touchpoint it supports",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
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
    let ws = cx.workspace;
    for (d, dept) in ws.departments.iter().enumerate() {
        if dept.customer_facing {
            continue;
        }
        let inv = &cx.facts.departments[d];
        // journey → (touchpoints it owns, customer-facing touchpoints it supports)
        let mut by_journey: BTreeMap<usize, (Vec<TouchpointRef>, Vec<TouchpointRef>)> =
            BTreeMap::new();
        for &t in &inv.owns {
            by_journey.entry(t.journey).or_default().0.push(t);
        }
        for &t in &inv.supports {
            if ws.touchpoint(t).is_customer_facing() {
                by_journey.entry(t.journey).or_default().1.push(t);
            }
        }
        for (j, (owned, supported)) in by_journey {
            let reach = owned
                .iter()
                .copied()
                .filter(|&t| ws.touchpoint(t).is_customer_facing())
                .chain(supported.iter().copied());
            let downstream = cx.facts.graphs[j]
                .first_customer_facing_downstream(
                    &ws.journeys[j],
                    owned.iter().map(|t| t.touchpoint),
                )
                .into_iter()
                .map(|i| TouchpointRef::new(j, i));
            let f = cx
                .on_department(&RULE, d, where_first(cx, d, &owned, &supported))
                .in_journey(j)
                .reaching(reach)
                .with_context(downstream);
            if !f.reach.is_empty() || !f.context.is_empty() {
                out.push(f);
            }
        }
    }
}

/// The department's first mark in the journey: the `owner` value of the first touchpoint it
/// owns, or the `supported_by` entry of the first customer-facing one it supports.
fn where_first(
    cx: &Context,
    d: usize,
    owned: &[TouchpointRef],
    supported: &[TouchpointRef],
) -> crate::source::Span {
    let first_owned = owned.first().copied();
    let first_supported = supported.first().copied();
    match (first_owned, first_supported) {
        (Some(o), None) => {
            let tp = cx.workspace.touchpoint(o);
            tp.spans.owner.unwrap_or(tp.spans.id)
        }
        (Some(o), Some(s)) if o <= s => {
            let tp = cx.workspace.touchpoint(o);
            tp.spans.owner.unwrap_or(tp.spans.id)
        }
        (_, Some(s)) => {
            let tp = cx.workspace.touchpoint(s);
            let k = tp
                .supported_by
                .iter()
                .position(|&x| x == d)
                .expect("it supports this touchpoint");
            tp.spans.supported_by[k]
        }
        (None, None) => unreachable!("a department with no touchpoint in this journey"),
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let (Subject::Department(d), Some(j)) = (f.subject, f.journey) else {
        unreachable!("backstage-influence is about a department in a journey")
    };
    format!(
        "backstage department {} affects the customer at {} in journey {}",
        n.department(d),
        n.touchpoints(&f.touchpoints_named()),
        n.journey(j)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let Subject::Department(d) = f.subject else {
        unreachable!("backstage-influence is about a department")
    };
    format!(
        "involve {} in this journey's CX reviews and share these touchpoints' customer metrics with it",
        n.department(d)
    )
}
