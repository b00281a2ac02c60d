//! The `pain-point` rule: its documentation (also printed by `cxmap explain pain-point`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "pain-point",
    default_severity: Severity::Info,
    summary: "Customers feel bad at this touchpoint (score -1 or -2)",
    points_at: "the touchpoint's `score` value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint with `score = -1` or `score = -2`.

## Why it matters

These are the moments customers remember and tell others about. Pain points owned by several
teams, or by a backstage team, are where silos hurt most; the report ranks them by how much of
the journey they reach.

## Example

```toml
[[touchpoint]]
id = "port-number"
name = "Move my number"
score = -2
```

## Instead

Fix the experience, then record the new score (and the metric that proves it):

```toml
[[touchpoint]]
id = "port-number"
name = "Move my number"
score = 1
metrics = { ces = 2.1 }
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        if tp.is_pain_point() {
            let at = tp.spans.score.unwrap_or(tp.spans.id);
            out.push(cx.on_touchpoint(&RULE, t, at));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("pain-point is about a touchpoint")
    };
    let score = n.ws.touchpoint(t).score.unwrap_or_default();
    format!(
        "touchpoint {} is a pain point (score {score})",
        n.touchpoint(t)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "find the cause with the owning team and the teams that support it".into()
}
