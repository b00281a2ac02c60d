//! How a message names what it is about: by id in backticks for the people who edit the
//! files (`cxmap check`, CI annotations), by display name for the people who read the report.
//! Rules write each message once, through [`Names`], and it comes out right for both.

use std::fmt;

use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `` `welcome-sms` ``: ids in backticks, for the linter.
    Ids,
    /// `“Welcome text message”`, `IT Operations`: names, for the report.
    Names,
}

/// Names things of one workspace in one style.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    pub ws: &'a Workspace,
    pub style: Style,
}

/// One thing named, written out only when formatted: a message is built in one string, not
/// from a string per name.
#[derive(Clone, Copy)]
pub struct Name<'a> {
    style: Style,
    id: &'a str,
    /// Its display name.
    shown: &'a str,
    /// Known by a title (a journey, a touchpoint, data), so quoted in the report; a team is
    /// named as people say it.
    titled: bool,
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.style, self.titled) {
            (Style::Ids, _) => write!(f, "`{}`", self.id),
            (Style::Names, true) => write!(f, "“{}”", self.shown),
            (Style::Names, false) => f.write_str(self.shown),
        }
    }
}

/// Things named as a list, `a`, `a and b`, `a, b and c`, written out when formatted.
pub struct Listed<'a, 's, T> {
    names: Names<'a>,
    items: &'s [T],
    name: fn(&Names<'a>, T) -> Name<'a>,
}

impl<T: Copy> fmt::Display for Listed<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(
            f,
            self.items
                .iter()
                .map(|&item| (self.name)(&self.names, item)),
        )
    }
}

impl<'a> Names<'a> {
    pub fn ids(ws: &'a Workspace) -> Self {
        Names {
            ws,
            style: Style::Ids,
        }
    }

    pub fn for_people(ws: &'a Workspace) -> Self {
        Names {
            ws,
            style: Style::Names,
        }
    }

    fn titled(&self, id: &'a str, name: &'a str) -> Name<'a> {
        Name {
            style: self.style,
            id,
            shown: name,
            titled: true,
        }
    }

    pub fn touchpoint(&self, t: TouchpointRef) -> Name<'a> {
        let tp = self.ws.touchpoint(t);
        self.titled(&tp.id, &tp.name)
    }

    pub fn journey(&self, j: JourneyIdx) -> Name<'a> {
        let journey = &self.ws.journeys[j];
        self.titled(&journey.id, &journey.name)
    }

    pub fn data(&self, d: DataIdx) -> Name<'a> {
        let data = &self.ws.data[d];
        self.titled(&data.id, &data.name)
    }

    /// A team, by its name as people say it (no quotes).
    pub fn department(&self, d: DepartmentIdx) -> Name<'a> {
        let dept = &self.ws.departments[d];
        Name {
            style: self.style,
            id: &dept.id,
            shown: &dept.name,
            titled: false,
        }
    }

    pub fn departments<'s>(&self, ds: &'s [DepartmentIdx]) -> Listed<'a, 's, DepartmentIdx> {
        Listed {
            names: *self,
            items: ds,
            name: Names::department,
        }
    }

    pub fn touchpoints<'s>(&self, ts: &'s [TouchpointRef]) -> Listed<'a, 's, TouchpointRef> {
        Listed {
            names: *self,
            items: ts,
            name: Names::touchpoint,
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    let mut out = String::new();
    let _ = join(&mut out, items.iter());
    out
}

/// Writes `items` as prose joins them, `a`, `a and b`, `a, b and c`: the one place that rule
/// is written, for [`list`] and [`Listed`].
fn join<I>(out: &mut impl fmt::Write, items: I) -> fmt::Result
where
    I: ExactSizeIterator,
    I::Item: fmt::Display,
{
    let last = items.len().saturating_sub(1);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.write_str(if i == last { " and " } else { ", " })?;
        }
        write!(out, "{item}")?;
    }
    Ok(())
}

/// A measured value without noise, with its unit: `81.5`, `18`, `9 days`, `64%`.
pub fn quantity(v: f64, unit: Option<&str>) -> String {
    let number = if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    match unit {
        Some("%") => format!("{number}%"),
        Some(u) => format!("{number} {u}"),
        None => number,
    }
}
