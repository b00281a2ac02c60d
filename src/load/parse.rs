//! Parsing one file: TOML into the serde mirror ([`super::raw`]), table by table, so that
//! one bad table does not hide the next. Unknown keys are reported with "did you mean";
//! wrong values are explained by [`super::values`]. Nothing here resolves ids.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::raw::{
    RawData, RawDepartment, RawFile, RawJourney, RawOrganization, RawTouchpoint, field_names,
};
use super::values::report_value_errors;
use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};
use crate::suggest::did_you_mean_or;

/// Nesting deeper than this is refused before deserialising, so that no input can exhaust
/// the stack. Real journey files nest two or three levels.
const MAX_DEPTH: usize = 32;

/// What one file declares, still unresolved.
#[derive(Default)]
pub struct FileItems {
    pub organization: Vec<(RawOrganization, Span)>,
    pub departments: Vec<(RawDepartment, Span)>,
    pub data: Vec<(RawData, Span)>,
    pub journey: Option<(RawJourney, Span)>,
    pub touchpoints: Vec<(RawTouchpoint, Span)>,
    /// Ids of tables that were reported as invalid: references to them are not reported again.
    pub broken: BrokenIds,
    /// The file has a `[journey]`, but it is invalid.
    pub broken_journey: bool,
}

#[derive(Default)]
pub struct BrokenIds {
    pub departments: Vec<String>,
    pub data: Vec<String>,
    pub touchpoints: Vec<String>,
}

/// Parses the files on all cores: files are independent until ids are resolved. The result
/// is in file order whatever the scheduling, so output stays deterministic.
pub fn parse_all(
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

pub fn span_of<T>(file: FileId, s: &Spanned<T>) -> Span {
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
                let help = did_you_mean_or(name, known.iter().copied(), || {
                    "a model file holds `[organization]`, `[[department]]`, `[[data]]`, `[journey]` and `[[touchpoint]]`"
                        .to_owned()
                });
                problems.push(
                    Problem::new(key_span, format!("unknown table `{name}`")).with_help(help),
                );
            }
        }
    }
    items.departments.sort_by_key(|(_, s)| s.start);
    items.data.sort_by_key(|(_, s)| s.start);
    items.touchpoints.sort_by_key(|(_, s)| s.start);
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
                    Span::new(file, range).min(key_span),
                    format!("`{name}` must be a list of tables"),
                )
                .with_help(format!("write each one under its own `{header}` header")),
            );
            Vec::new()
        }
    }
}

/// One table: unknown keys reported (all of them, with suggestions), then deserialised. A
/// table with wrong values comes back without them (the problems reported), so the rest is
/// still checked. A table that does not deserialise even so gives back its `id`, if it has
/// one, so that references to it are not reported as unknown too.
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
        let help = did_you_mean_or(name, known.iter().copied(), || {
            format!(
                "`{what}` takes {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
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
        Err(e) => report_value_errors::<T>(file, what, span, table, &keys, e, problems).ok_or(id),
    }
}
