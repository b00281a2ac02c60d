//! Lowering: parsed files into the validated model, collecting every problem.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::Problem;
use super::raw::{
    RawData, RawDepartment, RawFile, RawJourney, RawNext, RawOrganization, RawOwners,
    RawTouchpoint, field_names,
};
use super::source::{FileId, Sources, Span};
use super::suggest::{did_you_mean, help_for_unknown};
use crate::model::{DataAsset, Department, Journey, Organization, Step, Touchpoint, Workspace};

/// Nesting deeper than this is refused before deserialising, so that no input can exhaust
/// the stack. Real journey files nest two or three levels.
const MAX_DEPTH: usize = 32;

/// What one file declares, still unresolved.
#[derive(Default)]
struct FileItems {
    organization: Vec<(RawOrganization, Span)>,
    departments: Vec<(RawDepartment, Span)>,
    data: Vec<(RawData, Span)>,
    journey: Option<(RawJourney, Span)>,
    touchpoints: Vec<(RawTouchpoint, Span)>,
    /// Ids of tables that were reported as invalid: references to them are not reported again.
    broken: BrokenIds,
    /// The file has a `[journey]`, but it is invalid.
    broken_journey: bool,
}

#[derive(Default)]
struct BrokenIds {
    departments: Vec<String>,
    data: Vec<String>,
    touchpoints: Vec<String>,
}

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

/// Parses the files on all cores: files are independent until ids are resolved. The result
/// is in file order whatever the scheduling, so output stays deterministic.
fn parse_all(
    sources: &Sources,
    files: &[FileId],
    problems: &mut Vec<Problem>,
) -> Vec<(FileId, FileItems)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len())
        .max(1);
    if threads == 1 {
        return files
            .iter()
            .map(|&id| (id, parse_file(id, &sources.get(id).text, problems)))
            .collect();
    }
    let chunk = files.len().div_ceil(threads);
    let results: Vec<Vec<(FileId, FileItems, Vec<Problem>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&id| {
                            let mut found = Vec::new();
                            let items = parse_file(id, &sources.get(id).text, &mut found);
                            (id, items, found)
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("parsing does not panic"))
            .collect()
    });
    let mut parsed = Vec::with_capacity(files.len());
    for (id, items, found) in results.into_iter().flatten() {
        problems.extend(found);
        parsed.push((id, items));
    }
    parsed
}

fn span_of<T>(file: FileId, s: &Spanned<T>) -> Span {
    Span::new(file, s.span())
}

/// Parses one file into its tables, element by element.
fn parse_file(file: FileId, text: &str, problems: &mut Vec<Problem>) -> FileItems {
    let mut items = FileItems::default();
    if let Some(at) = too_deep(text) {
        problems.push(
            Problem::new(
                Span::new(file, at..at),
                format!("values are nested more than {MAX_DEPTH} levels deep"),
            )
            .with_help(
                "a journey file needs only tables of plain values; check for a runaway `[` or `{`",
            ),
        );
        return items;
    }
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            let range = e.span().unwrap_or(0..0);
            problems.push(
                Problem::new(
                    Span::new(file, range),
                    format!("not valid TOML: {}", e.message().trim()),
                )
                .with_help("see https://toml.io for the syntax; strings need \"quotes\""),
            );
        }
        return items;
    }
    let table = table.into_inner();
    let known = field_names::<RawFile>();
    for (key, value) in table {
        let key_span = Span::new(file, key.span());
        let name = key.get_ref().as_ref();
        let vspan = Span::new(file, value.span());
        match name {
            "organization" => {
                if let Ok(x) = element(file, "[organization]", value, problems) {
                    items.organization.push((x, vspan));
                }
            }
            "journey" => {
                if let DeValue::Array(_) = value.get_ref() {
                    problems.push(
                        Problem::new(key_span, "a file can hold only one `[journey]`")
                            .with_help("write `[journey]` with single brackets, and put each journey in a file of its own"),
                    );
                } else {
                    match element(file, "[journey]", value, problems) {
                        Ok(x) => items.journey = Some((x, vspan)),
                        Err(_) => items.broken_journey = true,
                    }
                }
            }
            "department" => {
                let found = elements(
                    file,
                    name,
                    key_span,
                    value,
                    problems,
                    &mut items.broken.departments,
                );
                items.departments.extend(found);
            }
            "data" => {
                let found = elements(
                    file,
                    name,
                    key_span,
                    value,
                    problems,
                    &mut items.broken.data,
                );
                items.data.extend(found);
            }
            "touchpoint" => {
                let found = elements(
                    file,
                    name,
                    key_span,
                    value,
                    problems,
                    &mut items.broken.touchpoints,
                );
                items.touchpoints.extend(found);
            }
            _ => {
                let help = match did_you_mean(name, known.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => {
                        "a model file holds `[organization]`, `[[department]]`, `[[data]]`, `[journey]` and `[[touchpoint]]`"
                            .to_owned()
                    }
                };
                problems.push(
                    Problem::new(key_span, format!("unknown table `{name}`")).with_help(help),
                );
            }
        }
    }
    items.departments.sort_by_key(|(_, s)| s.range.start);
    items.data.sort_by_key(|(_, s)| s.range.start);
    items.touchpoints.sort_by_key(|(_, s)| s.range.start);
    items
}

/// Position of the first bracket that opens deeper than [`MAX_DEPTH`], outside strings and
/// comments. A cheap lexical pass; the TOML parser reports anything else.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" });
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" }) {
                            i += 2;
                            break;
                        }
                    } else if bytes[i] == q || bytes[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The elements of an array of tables such as `[[touchpoint]]`.
fn elements<T: for<'de> Deserialize<'de>>(
    file: FileId,
    name: &str,
    key_span: Span,
    value: Spanned<DeValue<'_>>,
    problems: &mut Vec<Problem>,
    broken: &mut Vec<String>,
) -> Vec<(T, Span)> {
    let header = format!("[[{name}]]");
    let range = value.span();
    match value.into_inner() {
        DeValue::Array(array) => array
            .into_iter()
            .filter_map(|v| {
                let span = Span::new(file, v.span());
                match element(file, &header, v, problems) {
                    Ok(x) => Some((x, span)),
                    Err(id) => {
                        broken.extend(id);
                        None
                    }
                }
            })
            .collect(),
        _ => {
            problems.push(
                Problem::new(
                    Span::new(file, range).min_start(key_span),
                    format!("`{name}` must be a list of tables"),
                )
                .with_help(format!("write each one under its own `{header}` header")),
            );
            Vec::new()
        }
    }
}

impl Span {
    fn min_start(self, other: Span) -> Span {
        if other.range.start < self.range.start {
            other
        } else {
            self
        }
    }
}

/// One table: unknown keys reported (all of them, with suggestions), then deserialised.
/// A table that does not deserialise gives back its `id`, if it has one, so that references
/// to it are not reported as unknown too.
fn element<T: for<'de> Deserialize<'de>>(
    file: FileId,
    what: &str,
    value: Spanned<DeValue<'_>>,
    problems: &mut Vec<Problem>,
) -> Result<T, Option<String>> {
    let span = value.span();
    let DeValue::Table(mut table) = value.into_inner() else {
        problems.push(Problem::new(
            Span::new(file, span),
            format!("`{what}` must be a table"),
        ));
        return Err(None);
    };
    let known = field_names::<T>();
    let unknown: Vec<_> = table
        .keys()
        .filter(|k| !known.contains(&k.get_ref().as_ref()))
        .cloned()
        .collect();
    for key in &unknown {
        let name: &str = key.get_ref();
        let help = match did_you_mean(name, known.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!(
                "`{what}` takes {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        problems.push(
            Problem::new(
                Span::new(file, key.span()),
                format!("unknown key `{name}` in `{what}`"),
            )
            .with_help(help),
        );
        table.remove(key);
    }
    // Kept for the error message (which key was wrong) and for the id of a broken table.
    let keys: Vec<(String, std::ops::Range<usize>)> = table
        .iter()
        .map(|(k, v)| (k.get_ref().to_string(), v.span()))
        .collect();
    let id = table
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned));
    match T::deserialize(ValueDeserializer::from(Spanned::new(
        span.clone(),
        DeValue::Table(table.clone()),
    ))) {
        Ok(x) => Ok(x),
        Err(e) => {
            report_value_errors::<T>(file, what, span, table, &keys, e, problems);
            Err(id)
        }
    }
}

/// Reports every wrong value of a table that failed to deserialise: after each error the
/// offending key is set aside and the rest tried again, so one run shows them all. A missing
/// key that was only missing because it was set aside is not reported again.
fn report_value_errors<T: for<'de> Deserialize<'de>>(
    file: FileId,
    what: &str,
    span: std::ops::Range<usize>,
    mut table: DeTable<'_>,
    keys: &[(String, std::ops::Range<usize>)],
    first: toml::de::Error,
    problems: &mut Vec<Problem>,
) {
    let mut error = first;
    let mut set_aside: Vec<&str> = Vec::new();
    loop {
        let range = error.span().unwrap_or_else(|| span.clone());
        let key = keys
            .iter()
            .find(|(_, r)| r.start <= range.start && range.end <= r.end)
            .map(|(k, _)| k.as_str());
        let missing_because_set_aside = error
            .message()
            .strip_prefix("missing field `")
            .is_some_and(|rest| set_aside.contains(&rest.trim().trim_end_matches('`')));
        if !missing_because_set_aside {
            let (message, help) = explain_serde_error(error.message(), what, key);
            let mut p = Problem::new(Span::new(file, range), message);
            p.help = help;
            problems.push(p);
        }
        // Stop unless the error was in a value we can set aside and try without.
        let Some(key) = key else { return };
        if set_aside.contains(&key) {
            return;
        }
        set_aside.push(key);
        if let Some(k) = table.keys().find(|k| k.get_ref() == key).cloned() {
            table.remove(&k);
        }
        match T::deserialize(ValueDeserializer::from(Spanned::new(
            span.clone(),
            DeValue::Table(table.clone()),
        ))) {
            Ok(_) => return,
            Err(e) => error = e,
        }
    }
}

/// Turns serde's wording into a plain message and a hint.
fn explain_serde_error(message: &str, what: &str, key: Option<&str>) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        let example = match field {
            "customer_facing" => "customer_facing = true",
            "held_by" => "held_by = [\"<department id>\"]",
            "to" => "to = \"<touchpoint id>\"",
            "name" => "name = \"...\"",
            _ => "id = \"...\"",
        };
        return (
            format!("`{what}` is missing the required key `{field}`"),
            Some(format!("add `{example}`")),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = match expected {
            "i64" => "a whole number",
            "f64" => "a number",
            "a sequence" => "an array",
            "a map" => "a table",
            other => other,
        };
        let found = found.split(' ').next().unwrap_or(found);
        let article = if found.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let message = match key {
            Some(key) => format!("`{key}` must be {expected}, not {article} {found}"),
            None => format!("expected {expected}, found {article} {found}"),
        };
        let help = match expected {
            "a boolean" => Some("write `true` or `false`, without quotes".to_owned()),
            "a string" => Some("put the value in \"double quotes\"".to_owned()),
            "a whole number" => Some("write a whole number such as `-1` or `2`".to_owned()),
            _ => None,
        };
        return (message, help);
    }
    (message.to_owned(), None)
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
                        Problem::new(
                            span.clone(),
                            "a workspace can have only one `[organization]`",
                        )
                        .with_help(first_declared(&ws.sources, first)),
                    );
                    continue;
                }
                org_span = Some(span.clone());
                ws.organization = Some(Organization {
                    name: org.name.get_ref().clone(),
                    north_star: org.north_star.as_ref().map(|s| s.get_ref().clone()),
                });
            }
            for (d, span) in &items.departments {
                let id = d.id.get_ref();
                if let Some(&first) = self.departments.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("department `{id}` is declared twice"),
                        )
                        .with_help(first_declared(&ws.sources, &ws.departments[first].span)),
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
                    span: span.clone(),
                    id_span: span_of(*file, &d.id),
                });
            }
        }
        for (file, items) in parsed {
            for (d, span) in &items.data {
                let id = d.id.get_ref();
                if let Some(&first) = self.data.get(id) {
                    problems.push(
                        Problem::new(
                            span_of(*file, &d.id),
                            format!("data `{id}` is declared twice"),
                        )
                        .with_help(first_declared(&ws.sources, &ws.data[first].span)),
                    );
                    continue;
                }
                check_id(*file, &d.id, "data", problems);
                let held_by = self.department_refs(*file, d.held_by.get_ref(), "held_by", problems);
                self.data.insert(id.clone(), ws.data.len());
                self.data_ids.push(id.clone());
                ws.data.push(DataAsset {
                    id: id.clone(),
                    name: display_name(d.name.as_ref(), id),
                    held_by,
                    span: span.clone(),
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
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(i) = self.department_ref(file, id, key, problems)
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    /// Second pass: journeys and their touchpoints.
    fn resolve(
        &mut self,
        parsed: Vec<(FileId, FileItems)>,
        ws: &mut Workspace,
        problems: &mut Vec<Problem>,
    ) {
        for (file, items) in parsed {
            let Some((raw, jspan)) = items.journey else {
                if items.broken_journey {
                    continue; // already reported; its touchpoints cannot be checked against it
                }
                for (_, span) in &items.touchpoints {
                    problems.push(
                        Problem::new(span.clone(), "`[[touchpoint]]` in a file with no `[journey]`")
                            .with_help("add a `[journey]` table with an `id` to this file, or move the touchpoint into its journey's file"),
                    );
                }
                continue;
            };
            let id = raw.id.get_ref().clone();
            if let Some(first) = self.journeys.get(&id) {
                let loc = ws.sources.locate(first);
                problems.push(
                    Problem::new(
                        span_of(file, &raw.id),
                        format!("journey `{id}` is declared twice"),
                    )
                    .with_help(format!(
                        "it was first declared at {}:{}",
                        loc.file, loc.line
                    )),
                );
                continue;
            }
            check_id(file, &raw.id, "journey", problems);
            self.journeys.insert(id.clone(), jspan.clone());
            let owner = raw
                .owner
                .as_ref()
                .and_then(|o| self.department_ref(file, o, "owner", problems));
            let mut stages: Vec<String> = Vec::new();
            for s in raw.stages.iter().flatten() {
                if stages.contains(s.get_ref()) {
                    problems.push(Problem::new(
                        span_of(file, s),
                        format!("stage `{}` is listed twice", s.get_ref()),
                    ));
                } else {
                    stages.push(s.get_ref().clone());
                }
            }
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
                span: jspan,
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
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut kept = Vec::with_capacity(raws.len());
        for (raw, span) in raws {
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
            kept.push((raw, span));
        }
        let mut ids: Vec<&str> = index.keys().map(String::as_str).collect();
        ids.sort_unstable();
        let data_ids: Vec<&str> = self.data_ids.iter().map(String::as_str).collect();
        let mut out = Vec::with_capacity(kept.len());
        for (raw, span) in &kept {
            let id = raw.id.get_ref().clone();
            let stage = raw.stage.as_ref().and_then(|s| {
                let found = stages.iter().position(|x| x == s.get_ref());
                if found.is_none() {
                    let names: Vec<&str> = stages.iter().map(String::as_str).collect();
                    let help = if has_stages {
                        help_for_unknown(s.get_ref(), "stage", &names)
                    } else {
                        "list the journey's stages in `[journey]`: `stages = [\"Discover\", \"Buy\", ...]`".to_owned()
                    };
                    problems.push(
                        Problem::new(span_of(file, s), format!("`stage` names an unknown stage `{}`", s.get_ref()))
                            .with_help(help),
                    );
                }
                found
            });
            let owners = match &raw.owner {
                None => Vec::new(),
                Some(o) => match o.get_ref() {
                    RawOwners::One(name) => {
                        let named = Spanned::new(o.span(), name.clone());
                        self.department_ref(file, &named, "owner", problems)
                            .into_iter()
                            .collect()
                    }
                    RawOwners::Many(names) => self.department_refs(file, names, "owner", problems),
                },
            };
            let mut uses = Vec::new();
            for u in raw.uses.iter().flatten() {
                match self.data.get(u.get_ref()) {
                    Some(&i) => {
                        if !uses.contains(&i) {
                            uses.push(i);
                        }
                    }
                    None if self.broken_data.contains(u.get_ref()) => {}
                    None => problems.push(
                        Problem::new(
                            span_of(file, u),
                            format!("`uses` names unknown data `{}`", u.get_ref()),
                        )
                        .with_help(help_for_unknown(
                            u.get_ref(),
                            "data id",
                            &data_ids,
                        )),
                    ),
                }
            }
            let supported_by = self.department_refs(
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
            let mut next = Vec::new();
            for n in raw.next.iter().flatten() {
                let (target, label): (Spanned<String>, Option<String>) = match n.get_ref() {
                    RawNext::Id(to) => (Spanned::new(n.span(), to.clone()), None),
                    RawNext::Edge(e) => {
                        (e.to.clone(), e.label.as_ref().map(|l| l.get_ref().clone()))
                    }
                };
                match index.get(target.get_ref()) {
                    Some(&to) => next.push(Step { to, label }),
                    None if broken.contains(target.get_ref()) => {}
                    None => problems.push(
                        Problem::new(
                            span_of(file, &target),
                            format!("`next` names an unknown touchpoint `{}`", target.get_ref()),
                        )
                        .with_help(help_for_unknown(
                            target.get_ref(),
                            "touchpoint",
                            &ids,
                        )),
                    ),
                }
            }
            out.push(Touchpoint {
                name: display_name(raw.name.as_ref(), &id),
                id,
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
                span: span.clone(),
                id_span: span_of(file, &raw.id),
                owner_span: raw.owner.as_ref().map(|o| span_of(file, o)),
                score_span: raw.score.as_ref().map(|s| span_of(file, s)),
            });
        }
        out
    }
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
