//! The `unreachable-touchpoint` rule: its documentation (also printed by `cxmap explain unreachable-touchpoint`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "unreachable-touchpoint",
    default_severity: Severity::Warning,
    summary: "No entry of the journey leads to a touchpoint",
    doc: DOC,
    check,
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
    for (journey, graph) in cx.journeys() {
        for (tp, _) in journey
            .touchpoints
            .iter()
            .zip(&graph.reachable)
            .filter(|(_, r)| !**r)
        {
            let mut f = RULE.finding(
                Some(journey),
                &tp.id,
                format!(
                    "touchpoint `{}` cannot be reached from the start of journey `{}`",
                    tp.id, journey.id
                ),
                &tp.span,
                &tp.id_span,
            );
            f.help = Some(format!(
                "add `\"{}\"` to the `next` of the step that leads here",
                tp.id
            ));
            out.push(f);
        }
    }
}
