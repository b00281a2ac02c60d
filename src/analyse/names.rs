//! How a message names what it is about: by id in backticks for the people who edit the
//! files (`cxmap check`, CI annotations), by display name for the people who read the report.
//! Rules write each message once, through [`Names`], and it comes out right for both.

use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `` `welcome-sms` ``: ids in backticks, for the linter.
    Ids,
    /// `“Welcome text message”`, `IT Operations`: names, for the report.
    Names,
}

/// Names things of one workspace in one style.
pub struct Names<'a> {
    pub ws: &'a Workspace,
    pub style: Style,
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

    /// A thing people know by a title (a journey, a touchpoint, data): quoted.
    fn titled(&self, id: &str, name: &str) -> String {
        match self.style {
            Style::Ids => format!("`{id}`"),
            Style::Names => format!("“{name}”"),
        }
    }

    pub fn touchpoint(&self, t: TouchpointRef) -> String {
        let tp = self.ws.touchpoint(t);
        self.titled(&tp.id, &tp.name)
    }

    pub fn journey(&self, j: JourneyIdx) -> String {
        let journey = &self.ws.journeys[j];
        self.titled(&journey.id, &journey.name)
    }

    pub fn data(&self, d: DataIdx) -> String {
        let data = &self.ws.data[d];
        self.titled(&data.id, &data.name)
    }

    /// A team, by its name as people say it (no quotes).
    pub fn department(&self, d: DepartmentIdx) -> String {
        let dept = &self.ws.departments[d];
        match self.style {
            Style::Ids => format!("`{}`", dept.id),
            Style::Names => dept.name.clone(),
        }
    }

    pub fn departments(&self, ds: &[DepartmentIdx]) -> String {
        list(ds.iter().map(|&d| self.department(d)))
    }

    pub fn touchpoints(&self, ts: &[TouchpointRef]) -> String {
        list(ts.iter().map(|&t| self.touchpoint(t)))
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
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
