//! The `shared-ownership` rule: its documentation (also printed by `cxmap explain shared-ownership`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "shared-ownership",
    default_severity: Severity::Warning,
    summary: "A touchpoint is owned by two or more departments, so no single team is accountable",
    points_at: "the touchpoint's `owner` value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint whose `owner` names two or more departments of the organisation. External
partners do not count: a courier or an installer beside one internal owner is not shared
ownership (the internal team answers for the moment), but two internal teams are.

## Why it matters

Shared ownership feels collaborative, but when the step goes wrong each owner waits for the
other. The customer experiences it as being passed around.

## Example

```toml
[[touchpoint]]
id = "installation"
owner = ["field-service", "sales"]
```

## Instead

Keep one accountable owner and list the others as support:

```toml
[[touchpoint]]
id = "installation"
owner = "field-service"
supported_by = ["sales"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        if tp.internal_owners(cx.workspace).nth(1).is_some() {
            let at = tp.spans.owner.unwrap_or(tp.spans.id);
            out.push(cx.on_touchpoint(&RULE, t, at));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("shared-ownership is about a touchpoint")
    };
    let internal: Vec<usize> = n.ws.touchpoint(t).internal_owners(n.ws).collect();
    format!(
        "touchpoint {} is owned by {}",
        n.touchpoint(t),
        n.departments(&internal)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "keep one `owner` and move the others to `supported_by`".into()
}
