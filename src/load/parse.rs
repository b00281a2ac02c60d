//! Parsing one file: TOML into the serde mirror ([`super::raw`]), table by table, so that
//! one bad table does not hide the next. Unknown keys are reported with "did you mean";
//! wrong values are explained by [`super::values`]. Nothing here resolves ids.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::fields::field_names;
use super::raw::{RawData, RawDepartment, RawFile, RawJourney, RawOrganization, RawTouchpoint};
use super::values::report_value_errors;
use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};
use crate::suggest::did_you_mean_or;

/// Nesting deeper than this is refused before deserialising, so that no input can exhaust
/// the stack. Real journey files nest two or three levels.
pub(super) const MAX_DEPTH: usize = 32;

/// What one file declares, still unresolved.
#[derive(Default)]
pub struct FileItems<'a> {
    pub organization: Vec<(RawOrganization<'a>, Span)>,
    pub departments: Vec<(RawDepartment<'a>, Span)>,
    pub data: Vec<(RawData<'a>, Span)>,
    pub journey: Option<(RawJourney<'a>, Span)>,
    pub touchpoints: Vec<(RawTouchpoint<'a>, Span)>,
    /// Ids of tables that were reported as invalid: references to them are not reported again.
    pub broken: BrokenIds,
    /// The file has a `[journey]`, but it is invalid.
    pub broken_journey: bool,
    /// The file writes the key `touchpoint` (even as an empty array, which no
    /// `[[touchpoint]]` may extend).
    pub names_touchpoint: bool,
}

#[derive(Default)]
pub struct BrokenIds {
    pub departments: Vec<String>,
    pub data: Vec<String>,
    pub touchpoints: Vec<String>,
}

/// Parses the files on all cores: files are independent until ids are resolved. Each worker
/// also indexes the lines of the files it parses.
pub fn parse_all<'a>(
    sources: &'a Sources,
    files: &[FileId],
    problems: &mut Vec<Problem>,
) -> Vec<(FileId, FileItems<'a>)> {
    crate::parallel::map(
        files.to_vec(),
        |id, found| {
            let source = sources.get(id);
            source.index_lines();
            (id, parse_file(id, &source.text, found))
        },
        problems,
    )
}

pub fn span_of<T>(file: FileId, s: &Spanned<T>) -> Span {
    Span::new(file, s.span())
}

/// Parses one file into its tables, element by element. Most files are valid, so the first
/// pass keeps no copies for error reports (and a large one is parsed in pieces, see
/// [`super::pieces`]); a file with a table that does not deserialise is parsed again,
/// carefully, to report every wrong value in it.
fn parse_file<'a>(file: FileId, text: &'a str, problems: &mut Vec<Problem>) -> FileItems<'a> {
    if let Some(items) = super::pieces::parse(file, text, super::pieces::PIECE) {
        return items;
    }
    let mut found = Vec::new();
    if let Ok(items) = parse_tables(file, text, &mut found, Pass::Fast) {
        problems.extend(found);
        return items;
    }
    parse_tables(file, text, problems, Pass::Careful)
        .unwrap_or_else(|Retry| unreachable!("the careful pass reports instead of retrying"))
}

/// How much to keep while deserialising a table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pass {
    /// Nothing: a table that does not deserialise stops the pass.
    Fast,
    /// A copy of each table, to find and report every wrong value.
    Careful,
}

/// The fast pass met a table it cannot report on: parse the file again carefully.
pub(super) struct Retry;

/// Why a table gave nothing.
pub(super) enum Failed {
    /// Reported; its `id`, if it has one, so that references to it are not reported too.
    Broken(Option<String>),
    Retry,
}

pub(super) fn parse_tables<'a>(
    file: FileId,
    text: &'a str,
    problems: &mut Vec<Problem>,
    pass: Pass,
) -> Result<FileItems<'a>, Retry> {
    let mut items = FileItems::default();
    if let Some(at) = super::depth::too_deep(text, MAX_DEPTH) {
        problems.push(
            Problem::new(
                Span::new(file, at..at),
                format!("values are nested more than {MAX_DEPTH} levels deep"),
            )
            .with_help(
                "a journey file needs only a few levels of tables; check for a runaway `[`, `{` or a dotted key of many parts",
            ),
        );
        return Ok(items);
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
        return Ok(items);
    }
    let table = table.into_inner();
    let known = field_names::<RawFile>();
    for (key, value) in table {
        let key_span = Span::new(file, key.span());
        let name = key.get_ref().as_ref();
        let vspan = Span::new(file, value.span());
        match name {
            "organization" => match element(file, "[organization]", value, problems, pass) {
                Ok(x) => items.organization.push((x, vspan)),
                Err(Failed::Retry) => return Err(Retry),
                Err(Failed::Broken(_)) => {}
            },
            "journey" => {
                if let DeValue::Array(_) = value.get_ref() {
                    problems.push(
                        Problem::new(key_span, "a file can hold only one `[journey]`")
                            .with_help("write `[journey]` with single brackets, and put each journey in a file of its own"),
                    );
                } else {
                    match element(file, "[journey]", value, problems, pass) {
                        Ok(x) => items.journey = Some((x, vspan)),
                        Err(Failed::Retry) => return Err(Retry),
                        Err(Failed::Broken(_)) => items.broken_journey = true,
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
                    pass,
                )?;
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
                    pass,
                )?;
                items.data.extend(found);
            }
            "touchpoint" => {
                items.names_touchpoint = true;
                let found = elements(
                    file,
                    name,
                    key_span,
                    value,
                    problems,
                    &mut items.broken.touchpoints,
                    pass,
                )?;
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
    Ok(items)
}

/// The elements of an array of tables such as `[[touchpoint]]`.
pub(super) fn elements<'a, T: Deserialize<'a>>(
    file: FileId,
    name: &str,
    key_span: Span,
    value: Spanned<DeValue<'a>>,
    problems: &mut Vec<Problem>,
    broken: &mut Vec<String>,
    pass: Pass,
) -> Result<Vec<(T, Span)>, Retry> {
    let header = format!("[[{name}]]");
    let range = value.span();
    match value.into_inner() {
        DeValue::Array(array) => {
            let mut out = Vec::with_capacity(array.len());
            for v in array {
                let span = Span::new(file, v.span());
                match element(file, &header, v, problems, pass) {
                    Ok(x) => out.push((x, span)),
                    Err(Failed::Broken(id)) => broken.extend(id),
                    Err(Failed::Retry) => return Err(Retry),
                }
            }
            Ok(out)
        }
        _ => {
            problems.push(
                Problem::new(
                    Span::new(file, range).min(key_span),
                    format!("`{name}` must be a list of tables"),
                )
                .with_help(format!("write each one under its own `{header}` header")),
            );
            Ok(Vec::new())
        }
    }
}

/// One table: unknown keys reported (all of them, with suggestions), then deserialised. A
/// table with wrong values comes back without them (the problems reported), so the rest is
/// still checked. A table that does not deserialise even so gives back its `id`, if it has
/// one, so that references to it are not reported as unknown too.
fn element<'a, T: Deserialize<'a>>(
    file: FileId,
    what: &str,
    value: Spanned<DeValue<'a>>,
    problems: &mut Vec<Problem>,
    pass: Pass,
) -> Result<T, Failed> {
    let span = value.span();
    let DeValue::Table(mut table) = value.into_inner() else {
        problems.push(Problem::new(
            Span::new(file, span),
            format!("`{what}` must be a table"),
        ));
        return Err(Failed::Broken(None));
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
    if pass == Pass::Fast {
        return T::deserialize(ValueDeserializer::from(Spanned::new(
            span,
            DeValue::Table(table),
        )))
        .map_err(|_| Failed::Retry);
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
        Err(e) => report_value_errors::<T>(file, what, span, table, &keys, e, problems)
            .ok_or(Failed::Broken(id)),
    }
}
