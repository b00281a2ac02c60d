//! The `missing-stage` rule: its documentation (also printed by `cxmap explain
//! missing-stage`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "missing-stage",
    default_severity: Severity::Warning,
    summary: "A touchpoint has no stage in a journey that has stages",
    points_at: "the touchpoint's `id`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint without a `stage` in a journey that declares `stages`.

## Why it matters

Stages are how a journey is read and compared: the heatmap counts who owns what in each stage,
and the map and blueprint draw stages as columns. A step without one lands wherever the steps
before it are, and its owner disappears from the stage where the customer meets it.

## Example

```toml
[journey]
id = "switch-supplier"
stages = ["Discover", "Sign up", "Switch over"]

[[touchpoint]]
id = "welcome-pack"
```

## Instead

```toml
[[touchpoint]]
id = "welcome-pack"
stage = "Switch over"
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        let journey = &cx.workspace.journeys[t.journey];
        if !journey.stages.is_empty() && tp.stage.is_none() {
            // A gap in the map, not a moment that reaches customers: it reaches nothing.
            out.push(cx.on_touchpoint(&RULE, t, tp.spans.id).reaching(None));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("missing-stage is about a touchpoint")
    };
    format!(
        "touchpoint {} has no stage, though journey {} has stages",
        n.touchpoint(t),
        n.journey(t.journey)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("missing-stage is about a touchpoint")
    };
    let stages = &n.ws.journeys[t.journey].stages;
    format!(
        "add `stage = \"{}\"` or another of the journey's {} stages",
        stages[0],
        stages.len()
    )
}
