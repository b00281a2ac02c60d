//! Resolving ids: departments, data and journeys declared across the workspace (in any file
//! order), references checked against them, touchpoints lowered into the model. Every
//! problem is collected; a reference to a table already reported as invalid is not reported
//! again.

use std::collections::{BTreeMap, HashMap, HashSet};

use toml::Spanned;

use super::parse::{FileItems, parse_all, span_of};
use super::raw::{RawNext, RawOwners, RawTouchpoint};
use crate::model::{
    DataAsset, Department, Journey, Organization, Step, Touchpoint, TouchpointSpans, Workspace,
};
use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};
use crate::suggest::help_for_unknown;

pub fn lower(sources: Sources, files: &[FileId], problems: &mut Vec<Problem>) -> Workspace {
    let parsed = parse_all(&sources, files, problems);
    let mut ws = Workspace {
        sources,
        ..Workspace::default()
    };
    let mut lowerer = Lowerer::default();
    lowerer.declare(&parsed, &mut ws, problems);
    lowerer.resolve(parsed, &mut ws, problems);
    ws
}

/// Ids declared so far, per namespace.
#[derive(Default)]
struct Lowerer {
    departments: HashMap<String, usize>,
    data: HashMap<String, usize>,
    journeys: HashMap<String, Span>,
    department_ids: Vec<String>,
    data_ids: Vec<String>,
    /// Declared in tables that were already reported as invalid.
    broken_departments: HashSet<String>,
    broken_data: HashSet<String>,
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
                            .with_help(first_declared(&ws.sources, first)),
                    );
                    continue;
                }
                org_span = Some(*span);
                ws.organization = Some(Organization {
                    name: org.name.get_ref().clone(),
                    north_star: org.north_star.as_ref().map(|s| s.get_ref().clone()),
                });
            }
            for (d, _) in &items.departments {
                let id = d.id.get_ref();
                if let Some(&first) = self.departments.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("department `{id}` is declared twice"),
                        )
                        .with_help(first_declared(&ws.sources, &ws.departments[first].id_span)),
                    );
                    continue;
                }
                check_id(*file, &d.id, "department", problems);
                self.departments.insert(id.clone(), ws.departments.len());
                self.department_ids.push(id.clone());
                ws.departments.push(Department {
                    id: id.clone(),
                    name: display_name(d.name.as_ref(), id),
                    customer_facing: *d.customer_facing.get_ref(),
                    champion: d
                        .champion
                        .as_ref()
                        .map(|c| c.get_ref().trim().to_owned())
                        .filter(|c| !c.is_empty()),
                    id_span: span_of(*file, &d.id),
                });
            }
        }
        for (file, items) in parsed {
            for (d, _) in &items.data {
                let id = d.id.get_ref();
                if let Some(&first) = self.data.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("data `{id}` is declared twice"),
                        )
                        .with_help(first_declared(&ws.sources, &ws.data[first].id_span)),
                    );
                    continue;
                }
                check_id(*file, &d.id, "data", problems);
                let (held_by, _) =
                    self.department_refs(*file, d.held_by.get_ref(), "held_by", problems);
                self.data.insert(id.clone(), ws.data.len());
                self.data_ids.push(id.clone());
                ws.data.push(DataAsset {
                    id: id.clone(),
                    name: display_name(d.name.as_ref(), id),
                    held_by,
                    id_span: span_of(*file, &d.id),
                    held_by_span: span_of(*file, &d.held_by),
                });
            }
        }
    }

    fn department_ref(
        &self,
        file: FileId,
        id: &Spanned<String>,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let found = self.departments.get(id.get_ref()).copied();
        if found.is_none() && !self.broken_departments.contains(id.get_ref()) {
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

    fn department_refs(
        &self,
        file: FileId,
        ids: &[Spanned<String>],
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> (Vec<usize>, Vec<Span>) {
        resolve_list(file, ids, key, problems, |_, id, problems| {
            self.department_ref(file, id, key, problems)
        })
    }

    fn data_ref(
        &self,
        file: FileId,
        id: &Spanned<String>,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        let found = self.data.get(id.get_ref()).copied();
        if found.is_none() && !self.broken_data.contains(id.get_ref()) {
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

    /// Second pass: journeys and their touchpoints.
    fn resolve(
        &mut self,
        parsed: Vec<(FileId, FileItems)>,
        ws: &mut Workspace,
        problems: &mut Vec<Problem>,
    ) {
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
            let id = raw.id.get_ref().clone();
            if let Some(first) = self.journeys.get(&id) {
                problems.push(
                    Problem::new(
                        span_of(file, &raw.id),
                        format!("journey `{id}` is declared twice"),
                    )
                    .with_help(first_declared(&ws.sources, first)),
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
                |_, s, _| Some(s.get_ref().clone()),
            );
            let touchpoints = self.touchpoints(
                file,
                &stages,
                raw.stages.is_some(),
                items.touchpoints,
                &items.broken.touchpoints,
                problems,
            );
            ws.journeys.push(Journey {
                name: display_name(raw.name.as_ref(), &id),
                id,
                persona: raw.persona.map(Spanned::into_inner),
                owner,
                stages,
                touchpoints,
                id_span: span_of(file, &raw.id),
            });
        }
    }

    fn touchpoints(
        &self,
        file: FileId,
        stages: &[String],
        has_stages: bool,
        raws: Vec<(RawTouchpoint, Span)>,
        broken: &[String],
        problems: &mut Vec<Problem>,
    ) -> Vec<Touchpoint> {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(raws.len());
        let mut kept = Vec::with_capacity(raws.len());
        for (raw, _) in raws {
            let id = raw.id.get_ref();
            if index.contains_key(id) {
                problems.push(
                    Problem::new(
                        span_of(file, &raw.id),
                        format!("touchpoint `{id}` is declared twice in this journey"),
                    )
                    .with_help("give each touchpoint of a journey its own `id`"),
                );
                continue;
            }
            check_id(file, &raw.id, "touchpoint", problems);
            index.insert(id.clone(), kept.len());
            kept.push(raw);
        }
        let journey = JourneyScope {
            file,
            stages,
            has_stages,
            index: &index,
            broken,
        };
        kept.into_iter()
            .map(|raw| self.touchpoint(&journey, &raw, problems))
            .collect()
    }

    /// One touchpoint of a journey, its references resolved.
    fn touchpoint(
        &self,
        journey: &JourneyScope,
        raw: &RawTouchpoint,
        problems: &mut Vec<Problem>,
    ) -> Touchpoint {
        let file = journey.file;
        let stage = raw.stage.as_ref().and_then(|s| journey.stage(s, problems));
        let (owners, _) = match &raw.owner {
            None => (Vec::new(), Vec::new()),
            Some(o) => match o.get_ref() {
                RawOwners::One(name) => {
                    let named = Spanned::new(o.span(), name.clone());
                    let found = self.department_ref(file, &named, "owner", problems);
                    (found.into_iter().collect(), vec![span_of(file, o)])
                }
                RawOwners::Many(names) => self.department_refs(file, names, "owner", problems),
            },
        };
        let (uses, uses_spans) = resolve_list(
            file,
            raw.uses.as_deref().unwrap_or(&[]),
            "uses",
            problems,
            |_, u, problems| self.data_ref(file, u, "uses", problems),
        );
        let (supported_by, supported_by_spans) = self.department_refs(
            file,
            raw.supported_by.as_deref().unwrap_or(&[]),
            "supported_by",
            problems,
        );
        let score = raw.score.as_ref().and_then(|s| {
            let v = *s.get_ref();
            if (-2..=2).contains(&v) {
                i8::try_from(v).ok()
            } else {
                problems.push(
                    Problem::new(span_of(file, s), format!("`score` is {v}, outside -2..2"))
                        .with_help("use -2 (very bad), -1, 0, 1 or 2 (very good)"),
                );
                None
            }
        });
        let mut metrics = BTreeMap::new();
        for (name, value) in raw.metrics.iter().flatten() {
            if value.get_ref().is_finite() {
                metrics.insert(name.clone(), *value.get_ref());
            } else {
                problems.push(Problem::new(
                    span_of(file, value),
                    format!("metric `{name}` is not a finite number"),
                ));
            }
        }
        let targets: Vec<(Spanned<String>, Option<String>)> = raw
            .next
            .iter()
            .flatten()
            .map(|n| match n.get_ref() {
                RawNext::Id(to) => (Spanned::new(n.span(), to.clone()), None),
                RawNext::Edge(e) => (e.to.clone(), e.label.as_ref().map(|l| l.get_ref().clone())),
            })
            .collect();
        let ids: Vec<Spanned<String>> = targets.iter().map(|(t, _)| t.clone()).collect();
        let (next, _) = resolve_list(file, &ids, "next", problems, |i, t, problems| {
            let to = journey.touchpoint_ref(t, problems)?;
            Some(Step {
                to,
                label: targets[i].1.clone(),
            })
        });
        let id = raw.id.get_ref().clone();
        Touchpoint {
            name: display_name(raw.name.as_ref(), &id),
            stage,
            owners,
            channel: raw.channel.as_ref().map(|c| c.get_ref().clone()),
            backstage: raw.backstage.as_ref().is_some_and(|b| *b.get_ref()),
            purchase: raw.purchase.as_ref().is_some_and(|b| *b.get_ref()),
            uses,
            supported_by,
            score,
            metrics,
            next,
            spans: TouchpointSpans {
                id: span_of(file, &raw.id),
                owner: raw.owner.as_ref().map(|o| span_of(file, o)),
                score: raw.score.as_ref().map(|s| span_of(file, s)),
                uses: uses_spans,
                supported_by: supported_by_spans,
            },
            id,
        }
    }
}

/// What a touchpoint's references are checked against within its journey.
struct JourneyScope<'a> {
    file: FileId,
    stages: &'a [String],
    has_stages: bool,
    /// Touchpoint id → index, for `next`.
    index: &'a HashMap<String, usize>,
    /// Ids of touchpoint tables already reported as invalid.
    broken: &'a [String],
}

impl JourneyScope<'_> {
    fn stage(&self, s: &Spanned<String>, problems: &mut Vec<Problem>) -> Option<usize> {
        let found = self.stages.iter().position(|x| x == s.get_ref());
        if found.is_none() {
            let help = if self.has_stages {
                let names: Vec<&str> = self.stages.iter().map(String::as_str).collect();
                help_for_unknown(s.get_ref(), "stage", &names)
            } else {
                "list the journey's stages in `[journey]`: `stages = [\"Discover\", \"Buy\", ...]`"
                    .to_owned()
            };
            problems.push(
                Problem::new(
                    span_of(self.file, s),
                    format!("`stage` names an unknown stage `{}`", s.get_ref()),
                )
                .with_help(help),
            );
        }
        found
    }

    fn touchpoint_ref(&self, t: &Spanned<String>, problems: &mut Vec<Problem>) -> Option<usize> {
        let found = self.index.get(t.get_ref()).copied();
        if found.is_none() && !self.broken.contains(t.get_ref()) {
            let mut ids: Vec<&str> = self.index.keys().map(String::as_str).collect();
            ids.sort_unstable();
            problems.push(
                Problem::new(
                    span_of(self.file, t),
                    format!("`next` names an unknown touchpoint `{}`", t.get_ref()),
                )
                .with_help(help_for_unknown(t.get_ref(), "touchpoint", &ids)),
            );
        }
        found
    }
}

/// Resolves an array of ids (or names) with `lookup`, which reports the unknown ones. An id
/// written twice in one array is reported (it says nothing the first did not, and usually
/// hides a typo for another id). Returns what was found, in order, with the span of each.
fn resolve_list<T>(
    file: FileId,
    items: &[Spanned<String>],
    key: &str,
    problems: &mut Vec<Problem>,
    mut lookup: impl FnMut(usize, &Spanned<String>, &mut Vec<Problem>) -> Option<T>,
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
fn check_id(file: FileId, id: &Spanned<String>, what: &str, problems: &mut Vec<Problem>) {
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

fn display_name(name: Option<&Spanned<String>>, id: &str) -> String {
    name.map(|n| n.get_ref().clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| id.to_owned())
}
