//! The `pain-point` rule: its documentation (also printed by `cxmap explain pain-point`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "pain-point",
    default_severity: Severity::Info,
    summary: "Customers feel bad at this touchpoint (score -1 or -2)",
    doc: DOC,
    check,
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
    for (journey, _) in cx.journeys() {
        for tp in &journey.touchpoints {
            let Some(score) = tp.score.filter(|s| *s <= -1) else {
                continue;
            };
            let mut f = RULE.finding(
                Some(journey),
                &tp.id,
                format!("touchpoint `{}` is a pain point (score {score})", tp.id),
                &tp.span,
                tp.score_span.as_ref().unwrap_or(&tp.id_span),
            );
            f.help =
                Some("find the cause with the owning team and the teams that support it".into());
            if tp.is_customer_facing() {
                f.reach = vec![cx.at(journey, tp)];
            }
            out.push(f);
        }
    }
}
