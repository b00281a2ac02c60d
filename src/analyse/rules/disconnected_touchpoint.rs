//! The `disconnected-touchpoint` rule: its documentation (also printed by `cxmap explain
//! disconnected-touchpoint`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "disconnected-touchpoint",
    default_severity: Severity::Warning,
    summary: "A touchpoint is linked to no other step of a journey whose steps are linked",
    points_at: "the touchpoint's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint with no `next` step to another touchpoint and no other touchpoint leading to it,
in a journey where at least one `next` links two different touchpoints. (A journey written as
a plain list, with no `next` at all, has nothing to be disconnected from.)

## Why it matters

A forgotten `next` makes a step a journey of its own: it becomes a second start, the steps
around it seem to run on without it, and the hand-offs into and out of it are never counted.
The customer does not skip it; the map does.

## Example

```toml
[[touchpoint]]
id = "sign-contract"
next = ["welcome-call"]

[[touchpoint]]
id = "credit-check"

[[touchpoint]]
id = "welcome-call"
```

## Instead

```toml
[[touchpoint]]
id = "sign-contract"
next = ["credit-check"]

[[touchpoint]]
id = "credit-check"
next = ["welcome-call"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (j, journey, _) in cx.journeys() {
        let mut linked = vec![false; journey.touchpoints.len()];
        let mut any = false;
        for (from, step) in journey.steps() {
            if from != step.to {
                linked[from] = true;
                linked[step.to] = true;
                any = true;
            }
        }
        if !any {
            continue;
        }
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            if !linked[i] {
                let t = TouchpointRef::new(j, i);
                // A gap in the map, not a moment that reaches customers: it reaches nothing.
                out.push(cx.on_touchpoint(&RULE, t, tp.spans.id).reaching(None));
            }
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("disconnected-touchpoint is about a touchpoint")
    };
    format!(
        "touchpoint {} is linked to no other step of journey {}",
        n.touchpoint(t),
        n.journey(t.journey)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "link it with `next`: from the step before it, and to the step after it".into()
}
