//! Resolving ids: departments, data and journeys declared across the workspace (in any file
//! order), references checked against them, touchpoints lowered into the model. Every
//! problem is collected; a reference to a table already reported as invalid is not reported
//! again.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::parse::{FileItems, parse_all, span_of};
use super::raw::Text;
use crate::model::{DataAsset, Department, Journey, Organization, Workspace};
use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};
use crate::suggest::help_for_unknown;

pub fn lower(sources: Sources, files: &[FileId], problems: &mut Vec<Problem>) -> Workspace {
    let mut ws = Workspace::default();
    // The parsed tables borrow the files' text; they are gone before the text moves into
    // the workspace.
    let parsed = parse_all(&sources, files, problems);
    let mut lowerer = Lowerer::default();
    lowerer.declare(&parsed, &sources, &mut ws, problems);
    lowerer.resolve(parsed, &sources, &mut ws, problems);
    ws.sources = sources;
    ws
}

/// Ids declared so far, per namespace.
#[derive(Default)]
pub(super) struct Lowerer {
    pub(super) departments: HashMap<String, usize>,
    pub(super) data: HashMap<String, usize>,
    pub(super) journeys: HashMap<String, Span>,
    pub(super) department_ids: Vec<String>,
    pub(super) data_ids: Vec<String>,
    /// Declared in tables that were already reported as invalid.
    pub(super) broken_departments: HashSet<String>,
    pub(super) broken_data: HashSet<String>,
}

fn first_declared(sources: &Sources, span: &Span) -> String {
    let loc = sources.locate(span);
    format!("first declared at {}:{}", loc.file, loc.line)
}

impl Lowerer {
    /// First pass: organisation, departments and data, so that references can be resolved in
    /// any file order.
    fn declare(
        &mut self,
        parsed: &[(FileId, FileItems)],
        sources: &Sources,
        ws: &mut Workspace,
        problems: &mut Vec<Problem>,
    ) {
        let mut org_span: Option<Span> = None;
        for (_, items) in parsed {
            self.broken_departments
                .extend(items.broken.departments.iter().cloned());
            self.broken_data.extend(items.broken.data.iter().cloned());
        }
        for (file, items) in parsed {
            for (org, span) in &items.organization {
                if let Some(first) = &org_span {
                    problems.push(
                        Problem::new(*span, "a workspace can have only one `[organization]`")
                            .with_help(first_declared(sources, first)),
                    );
                    continue;
                }
                org_span = Some(*span);
                ws.organization = Some(Organization {
                    name: org.name.get_ref().to_string(),
                    north_star: org.north_star.as_ref().map(|s| s.get_ref().to_string()),
                });
            }
            for (d, _) in &items.departments {
                let id = d.id.get_ref().as_str();
                if let Some(&first) = self.departments.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("department `{id}` is declared twice"),
                        )
                        .with_help(first_declared(sources, &ws.departments[first].id_span)),
                    );
                    continue;
                }
                check_id(*file, &d.id, "department", problems);
                self.departments.insert(id.to_owned(), ws.departments.len());
                self.department_ids.push(id.to_owned());
                ws.departments.push(Department {
                    id: id.to_owned(),
                    name: display_name(d.name.as_ref(), id),
                    customer_facing: *d.customer_facing.get_ref(),
                    champion: d
                        .champion
                        .as_ref()
                        .map(|c| c.get_ref().trim().to_owned())
                        .filter(|c| !c.is_empty()),
                    external: d.external.as_ref().is_some_and(|e| *e.get_ref()),
                    id_span: span_of(*file, &d.id),
                });
            }
        }
        for (file, items) in parsed {
            for (d, _) in &items.data {
                let id = d.id.get_ref().as_str();
                if let Some(&first) = self.data.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("data `{id}` is declared twice"),
                        )
                        .with_help(first_declared(sources, &ws.data[first].id_span)),
                    );
                    continue;
                }
                check_id(*file, &d.id, "data", problems);
                let (held_by, _) =
                    self.department_refs(*file, d.held_by.get_ref(), "held_by", problems);
                self.data.insert(id.to_owned(), ws.data.len());
                self.data_ids.push(id.to_owned());
                ws.data.push(DataAsset {
                    id: id.to_owned(),
                    name: display_name(d.name.as_ref(), id),
                    held_by,
                    id_span: span_of(*file, &d.id),
                    held_by_span: span_of(*file, &d.held_by),
                });
            }
        }
    }

    pub(super) fn department_ref(
        &self,
        file: FileId,
        id: &Spanned<Text<'_>>,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let found = self.departments.get(id.get_ref().as_str()).copied();
        if found.is_none() && !self.broken_departments.contains(id.get_ref().as_str()) {
            let ids: Vec<&str> = self.department_ids.iter().map(String::as_str).collect();
            problems.push(
                Problem::new(
                    span_of(file, id),
                    format!("`{key}` names an unknown department `{}`", id.get_ref()),
                )
                .with_help(help_for_unknown(id.get_ref(), "department", &ids)),
            );
        }
        found
    }

    pub(super) fn department_refs(
        &self,
        file: FileId,
        ids: &[Spanned<Text<'_>>],
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> (Vec<usize>, Vec<Span>) {
        resolve_list(file, ids, key, problems, |_, id, problems| {
            self.department_ref(file, id, key, problems)
        })
    }

    pub(super) fn data_ref(
        &self,
        file: FileId,
        id: &Spanned<Text<'_>>,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let found = self.data.get(id.get_ref().as_str()).copied();
        if found.is_none() && !self.broken_data.contains(id.get_ref().as_str()) {
            let ids: Vec<&str> = self.data_ids.iter().map(String::as_str).collect();
            problems.push(
                Problem::new(
                    span_of(file, id),
                    format!("`{key}` names unknown data `{}`", id.get_ref()),
                )
                .with_help(help_for_unknown(id.get_ref(), "data id", &ids)),
            );
        }
        found
    }

    /// Second pass: journeys, then their touchpoints (journeys in parallel: once every
    /// department and data asset is known, they are independent).
    fn resolve(
        &mut self,
        parsed: Vec<(FileId, FileItems)>,
        sources: &Sources,
        ws: &mut Workspace,
        problems: &mut Vec<Problem>,
    ) {
        let mut jobs = Vec::new();
        for (file, items) in parsed {
            let Some((raw, _)) = items.journey else {
                if items.broken_journey {
                    continue; // already reported; its touchpoints cannot be checked against it
                }
                for (_, span) in &items.touchpoints {
                    problems.push(
                        Problem::new(*span, "`[[touchpoint]]` in a file with no `[journey]`")
                            .with_help("add a `[journey]` table with an `id` to this file, or move the touchpoint into its journey's file"),
                    );
                }
                continue;
            };
            let id = raw.id.get_ref().to_string();
            if let Some(first) = self.journeys.get(&id) {
                problems.push(
                    Problem::new(
                        span_of(file, &raw.id),
                        format!("journey `{id}` is declared twice"),
                    )
                    .with_help(first_declared(sources, first)),
                );
                continue;
            }
            check_id(file, &raw.id, "journey", problems);
            self.journeys.insert(id.clone(), span_of(file, &raw.id));
            let owner = raw
                .owner
                .as_ref()
                .and_then(|o| self.department_ref(file, o, "owner", problems));
            let (stages, _) = resolve_list(
                file,
                raw.stages.as_deref().unwrap_or(&[]),
                "stages",
                problems,
                |_, s, _| Some(s.get_ref().to_string()),
            );
            jobs.push((
                file,
                raw.stages.is_some(),
                items.touchpoints,
                items.broken.touchpoints,
            ));
            ws.journeys.push(Journey {
                name: display_name(raw.name.as_ref(), &id),
                id,
                persona: raw.persona.map(|p| p.get_ref().to_string()),
                owner,
                stages,
                touchpoints: Vec::new(),
                id_span: span_of(file, &raw.id),
            });
        }
        let stages: Vec<&[String]> = ws.journeys.iter().map(|j| j.stages.as_slice()).collect();
        let jobs: Vec<_> = jobs.into_iter().zip(stages).collect();
        let lowered = crate::parallel::map(
            jobs,
            |((file, has_stages, raws, broken), stages), found| {
                self.touchpoints(file, stages, has_stages, &raws, &broken, found)
            },
            problems,
        );
        for (journey, touchpoints) in ws.journeys.iter_mut().zip(lowered) {
            journey.touchpoints = touchpoints;
        }
    }
}

/// Resolves an array of ids (or names) with `lookup`, which reports the unknown ones. An id
/// written twice in one array is reported (it says nothing the first did not, and usually
/// hides a typo for another id). Returns what was found, in order, with the span of each.
pub(super) fn resolve_list<T>(
    file: FileId,
    items: &[Spanned<Text<'_>>],
    key: &str,
    problems: &mut Vec<Problem>,
    mut lookup: impl FnMut(usize, &Spanned<Text<'_>>, &mut Vec<Problem>) -> Option<T>,
) -> (Vec<T>, Vec<Span>) {
    let mut found = Vec::with_capacity(items.len());
    let mut spans = Vec::with_capacity(items.len());
    // Short lists (nearly all) are scanned; long ones hashed, so any length stays linear.
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let repeated = if items.len() <= 8 {
            items[..i].iter().any(|e| e.get_ref() == item.get_ref())
        } else {
            !seen.insert(item.get_ref())
        };
        if repeated {
            problems.push(
                Problem::new(
                    span_of(file, item),
                    format!("`{}` is listed twice in `{key}`", item.get_ref()),
                )
                .with_help("remove the repeated entry"),
            );
            continue;
        }
        if let Some(x) = lookup(i, item, problems) {
            found.push(x);
            spans.push(span_of(file, item));
        }
    }
    (found, spans)
}

/// Ids must be non-empty and printable: they name files and appear in every output.
pub(super) fn check_id(
    file: FileId,
    id: &Spanned<Text<'_>>,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let s = id.get_ref();
    if s.trim().is_empty() {
        problems.push(
            Problem::new(span_of(file, id), format!("{what} `id` is empty"))
                .with_help("use a short kebab-case id such as `\"store-visit\"`"),
        );
    } else if s.chars().any(char::is_control) {
        problems.push(
            Problem::new(
                span_of(file, id),
                format!("{what} `id` contains a control character"),
            )
            .with_help(
                "use a short kebab-case id such as `\"store-visit\"`; put free text in `name`",
            ),
        );
    }
}

pub(super) fn display_name(name: Option<&Spanned<Text<'_>>>, id: &str) -> String {
    name.map(|n| n.get_ref().to_string())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| id.to_owned())
}
