//! The `unreachable-touchpoint` rule: its documentation (also printed by `cxmap explain unreachable-touchpoint`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::model::TouchpointRef;

pub static RULE: Rule = Rule {
    name: "unreachable-touchpoint",
    default_severity: Severity::Warning,
    summary: "No entry of the journey leads to a touchpoint",
    points_at: "the touchpoint's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint that no entry of its journey reaches through `next` edges. An entry is a
touchpoint nothing leads to; a journey where everything is led to (one big loop) enters at
its first touchpoint.

## Why it matters

Usually a forgotten `next`: the map shows a step the customer has no way to get to, so the
picture of the journey (and every rule about what comes after the purchase) is wrong. Now and
then it is real: a step the organisation runs that no customer path leads to.

## Example

```toml
[[touchpoint]]
id = "order"
next = ["order"]          # a retry loop, and nothing leads on

[[touchpoint]]
id = "delivery"
next = ["order"]
```

## Instead

Connect the step to the journey:

```toml
[[touchpoint]]
id = "order"
next = ["order", "delivery"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (j, journey, graph) in cx.journeys() {
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            if !graph.reachable[i] {
                // A step no customer can get to is a gap in the map, not a moment that
                // reaches customers: it reaches nothing.
                let t = TouchpointRef::new(j, i);
                out.push(cx.on_touchpoint(&RULE, t, tp.spans.id).reaching(None));
            }
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("unreachable-touchpoint is about a touchpoint")
    };
    format!(
        "touchpoint {} cannot be reached from the start of journey {}",
        n.touchpoint(t),
        n.journey(t.journey)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let id = f.subject.id(n.ws);
    format!("add `\"{id}\"` to the `next` of the step that leads here")
}
