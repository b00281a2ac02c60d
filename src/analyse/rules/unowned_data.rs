//! The `unowned-data` rule: its documentation (also printed by `cxmap explain unowned-data`), metadata and check.
use super::{Context, Rule};
use crate::analyse::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    name: "unowned-data",
    default_severity: Severity::Warning,
    summary: "Customer data is held by no department",
    doc: DOC,
    check,
};

const DOC: &str = r#"
## What it finds

A `[[data]]` asset with `held_by = []`.

## Why it matters

Data that no team holds has no one to keep it right. Touchpoints that rely on it work from
whatever copy someone happens to have, and the customer sees the contradictions.

## Example

```toml
[[data]]
id = "consent-preferences"
held_by = []
```

## Instead

Name the departments that keep and use it:

```toml
[[data]]
id = "consent-preferences"
held_by = ["marketing", "customer-care"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for data in cx.workspace.data.iter().filter(|d| d.held_by.is_empty()) {
        let mut f = RULE.finding(
            None,
            &data.id,
            format!("data `{}` is held by no department", data.id),
            &data.span,
            &data.held_by_span,
        );
        f.help = Some("list the departments that keep this data in `held_by`".into());
        out.push(f);
    }
}
