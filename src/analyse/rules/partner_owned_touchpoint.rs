//! The `partner-owned-touchpoint` rule: its documentation (also printed by `cxmap explain
//! partner-owned-touchpoint`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "partner-owned-touchpoint",
    default_severity: Severity::Warning,
    summary: "A moment the customer sees is owned only by partners outside the organisation",
    points_at: "the touchpoint's `owner` value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A customer-facing touchpoint that has owners, all of them external partners
(`external = true`): a solicitor hands over the keys, a courier delivers the meter, an
installer fits the boiler, and no team of the organisation answers for the moment.

## Why it matters

The customer holds the company accountable for every moment of the journey, whoever does the
work. When only a partner owns a step, nobody inside measures it, hears the complaints about it
or can change it: the partner's service becomes the company's reputation by default.

## Example

```toml
[[department]]
id = "installer"
name = "FitRight Installations"
customer_facing = true
external = true

[[touchpoint]]
id = "installation"
owner = "installer"
```

## Instead

Keep the partner, and name the internal team accountable for the moment beside it:

```toml
[[touchpoint]]
id = "installation"
owner = ["field-operations", "installer"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let ws = cx.workspace;
    for (t, tp) in cx.touchpoints() {
        let partners_only =
            !tp.owners.is_empty() && tp.owners.iter().all(|&d| ws.departments[d].external);
        if tp.is_customer_facing() && partners_only {
            let at = tp.spans.owner.unwrap_or(tp.spans.id);
            out.push(cx.on_touchpoint(&RULE, t, at));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("partner-owned-touchpoint is about a touchpoint")
    };
    let owners = &n.ws.touchpoint(t).owners;
    format!(
        "customer-facing touchpoint {} is owned only by {} {}, outside the organisation",
        n.touchpoint(t),
        if owners.len() == 1 {
            "partner"
        } else {
            "partners"
        },
        n.departments(owners)
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "name the internal team accountable for this moment beside the partner: `owner = [\"<team>\", \"<partner>\"]`".into()
}
