//! The `asked-again` rule: its documentation (also printed by `cxmap explain asked-again`),
//! metadata and check.
use std::collections::BTreeMap;

use super::{Check, Context, Rule};
use crate::analyse::finding::{Detail, Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "asked-again",
    default_severity: Severity::Warning,
    summary: "The customer is asked again for something they already gave earlier in the journey",
    points_at: "the entry of `asks` that names the data",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A customer-facing touchpoint that `asks` the customer for a data asset which another
customer-facing touchpoint of the same journey, before it, also asks for. "Before" means the
earlier step leads to this one through `next` (in a loop, each step is before the other).
There is one finding per touchpoint and data asset, and the message names the earlier step.

## Why it matters

"Tell us once" is the promise customers notice most. Being asked twice for the same documents
is how a data silo feels from the outside: the team at the second step cannot see what the
first team was given, so the customer does the carrying.

## Example

```toml
[[touchpoint]]
id = "apply-online"
asks = ["passport"]
next = ["branch-appointment"]

[[touchpoint]]
id = "branch-appointment"
asks = ["passport"]
```

## Instead

Pass on what the customer gave: let the team at the later step hold or see the data, and stop
asking for it.

```toml
[[data]]
id = "passport"
held_by = ["online-sales", "branch-advisers"]

[[touchpoint]]
id = "branch-appointment"
uses = ["passport"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (j, journey, graph) in cx.journeys() {
        // data → the customer-facing touchpoints that ask for it, in file order.
        let mut askers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            if tp.is_customer_facing() {
                for &d in &tp.asks {
                    askers.entry(d).or_default().push(i);
                }
            }
        }
        for (d, asking) in askers.into_iter().filter(|(_, a)| a.len() >= 2) {
            for (&i, earlier) in asking.iter().zip(graph.earlier_sources(&asking)) {
                let Some(earlier) = earlier else { continue };
                let tp = &journey.touchpoints[i];
                let k = tp.asks.iter().position(|&x| x == d).expect("it asks for d");
                let t = TouchpointRef::new(j, i);
                out.push(
                    cx.on_touchpoint(&RULE, t, tp.spans.asks[k])
                        .with_detail(Detail::Data(d))
                        .with_context([TouchpointRef::new(j, earlier)]),
                );
            }
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let (Subject::Touchpoint(t), Some(Detail::Data(d)), Some(&earlier)) =
        (f.subject, f.detail, f.context.first())
    else {
        unreachable!("asked-again is about a touchpoint, data and an earlier touchpoint")
    };
    format!(
        "touchpoint {} asks again for {}, which the customer already gave at {}",
        n.touchpoint(t),
        n.data(d),
        n.touchpoint(earlier)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let Some(Detail::Data(d)) = f.detail else {
        unreachable!("asked-again has a data detail")
    };
    format!(
        "pass {} on from the earlier step (add the team here to its `held_by`, and list it in `uses`) instead of asking the customer again",
        n.data(d)
    )
}
