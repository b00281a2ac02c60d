//! A large valid journey file parsed in pieces. The `toml` crate builds a whole document
//! before anything is deserialised: for a file of 5,000 touchpoints that is some twenty times
//! the file's size, on each core at once, and it set the peak memory of a large workspace.
//! A journey file is mostly `[[touchpoint]]` tables one after another, so it can be cut
//! before those headers into pieces of [`PIECE`] bytes or so, each parsed alone, its spans
//! moved to where the piece starts. A piece of plain touchpoints is read straight from the
//! parser's events ([`super::events`]); any other piece is parsed as a document of its own.
//!
//! Only the way to a valid file is cut short: whenever a piece is not exactly what a valid
//! file would give (a TOML error, an unknown key, a value of the wrong type, `touchpoint`
//! written before the first header, anything but touchpoints after it), [`parse`] gives up
//! and the file is parsed whole, so that every problem is found and reported exactly as
//! before.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::events::read_touchpoints;
use super::parse::{FileItems, MAX_DEPTH, Pass, elements, parse_tables};
use crate::source::{FileId, Span};

/// About how many bytes each piece holds; files under twice this are parsed whole.
pub const PIECE: usize = 64 * 1024;

/// The tables of a valid file, parsed piece by piece; `None` when the file is small, cannot be
/// cut, or any piece is not as a valid file would have it.
pub fn parse(file: FileId, text: &str, piece: usize) -> Option<FileItems<'_>> {
    if text.len() < 2 * piece {
        return None;
    }
    // Nesting is checked on the whole text first: no piece may reach the parser otherwise.
    let (cuts, headers) = cuts(text, piece)?;
    let (&first, _) = cuts.split_first()?;
    let mut problems = Vec::new();
    let mut items = parse_tables(file, &text[..first], &mut problems, Pass::Fast).ok()?;
    // Before the first header, `touchpoint` may not be written at all: not even `touchpoint =
    // []`, which the `[[touchpoint]]` tables of the whole file could not extend.
    if !problems.is_empty() || items.names_touchpoint {
        return None;
    }
    let ends = cuts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(text.len()));
    items.touchpoints.reserve_exact(headers);
    let mut tokens = Vec::new();
    for (start, end) in cuts.iter().copied().zip(ends) {
        let piece = &text[start..end];
        if read_touchpoints(file, piece, start, &mut tokens, &mut items.touchpoints) {
            continue;
        }
        let (table, errors) = DeTable::parse_recoverable(piece);
        if !errors.is_empty() {
            return None;
        }
        let table = table.into_inner();
        if table.len() != 1 {
            return None;
        }
        let (key, value) = table.into_iter().next()?;
        if key.get_ref().as_ref() != "touchpoint" || !matches!(value.get_ref(), DeValue::Array(_)) {
            return None;
        }
        let value = shifted(value, start);
        let key_span = Span::new(file, moved(key, start).span());
        let mut broken = Vec::new();
        let found = elements(
            file,
            "touchpoint",
            key_span,
            value,
            &mut problems,
            &mut broken,
            Pass::Fast,
        )
        .ok()?;
        if !problems.is_empty() || !broken.is_empty() {
            return None;
        }
        items.touchpoints.extend(found);
    }
    Some(items)
}

/// Where the file can be cut: before a `[[touchpoint]]` header, at least `piece` bytes after
/// the previous cut (the first cut is the first such header); and how many such headers there
/// are. `None` when the file nests too deep. Headers are found by the nesting guard's pass
/// (first on their line, outside strings, comments and brackets), so the text is read once.
fn cuts(text: &str, piece: usize) -> Option<(Vec<usize>, usize)> {
    const HEADER: &[u8] = b"[[touchpoint]]";
    let bytes = text.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    let mut headers = 0;
    let too_deep = super::depth::scan(text, MAX_DEPTH, |at| {
        if bytes[at..].starts_with(HEADER) {
            if cuts.last().is_none_or(|&last| at - last >= piece) {
                cuts.push(at);
            }
            headers += 1;
        }
    });
    too_deep.is_none().then_some((cuts, headers))
}

/// `value` with the span of every key and value in it moved by `by` bytes: from where its
/// piece starts to where the file starts.
fn shifted(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Array(array) => {
            DeValue::Array(array.into_iter().map(|v| shifted(v, by)).collect())
        }
        DeValue::Table(table) => DeValue::Table(
            table
                .into_iter()
                .map(|(k, v)| (moved(k, by), shifted(v, by)))
                .collect(),
        ),
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, inner)
}

/// `s` with its span moved by `by` bytes.
fn moved<T>(s: Spanned<T>, by: usize) -> Spanned<T> {
    let span = s.span();
    Spanned::new(span.start + by..span.end + by, s.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOURNEY: &str = "[journey]\nid = \"j\"\nstages = [\"A\", \"B\"]\n\n";

    /// A touchpoint with every kind of value a span can sit on; every third also has metrics
    /// and insights, which [`super::super::events`] leaves to the whole-document parse, so
    /// that both ways of reading a piece are taken.
    fn touchpoint(i: usize) -> String {
        let plain = format!(
            "[[touchpoint]]\nid = \"t{i}\" # the {i}th\nname = \"Step [[touchpoint]] {i}\"\nstage = \"A\"\nowner = [\"d1\", \"d2\"]\nchannel = [\"web\", \"app\"]\nuses = [\"x\"]\nasks = [\"x\"]\nartifacts = [\"a letter\", \"\"\"\n[[touchpoint]]\n\"\"\"]\nsupported_by = [\"d3\"]\nscore = -1\nnext = [\"t{}\", {{ to = \"t0\", label = \"retry\" }}]\n\n",
            i + 1
        );
        if i.is_multiple_of(3) {
            plain
                + "[touchpoint.metrics]\ncsat = 3.5\nwait = { value = 4, target = 2, better = \"lower\", unit = \"days\" }\n\n[[touchpoint.insights]]\nsource = \"interviews\"\nquote = \"it took ages\"\n\n"
        } else {
            plain
        }
    }

    fn whole(file: FileId, text: &str) -> String {
        let mut problems = Vec::new();
        let items = parse_tables(file, text, &mut problems, Pass::Fast)
            .ok()
            .expect("valid");
        assert!(problems.is_empty(), "{problems:?}");
        format!("{:?} {:?}", items.journey, items.touchpoints)
    }

    #[test]
    fn pieces_give_what_the_whole_file_gives() {
        let text: String = std::iter::once(JOURNEY.to_owned())
            .chain((0..40).map(touchpoint))
            .collect();
        let file = FileId(0);
        for piece in [1, 100, 1000, 4000] {
            let items = parse(file, &text, piece).expect("cut into pieces");
            let pieces = format!("{:?} {:?}", items.journey, items.touchpoints);
            assert_eq!(pieces, whole(file, &text), "pieces of {piece} bytes");
        }
        assert_eq!(
            cuts(&text, 1).expect("not too deep").0.len(),
            40,
            "headers in strings are not cuts"
        );
    }

    #[test]
    fn anything_a_valid_file_would_not_give_is_parsed_whole() {
        let file = FileId(0);
        let valid: String = std::iter::once(JOURNEY.to_owned())
            .chain((0..10).map(touchpoint))
            .collect();
        assert!(parse(file, &valid, 1).is_some());
        for (what, bad) in [
            (
                "an unknown key",
                "[[touchpoint]]\nid = \"z\"\ncolour = \"red\"\n",
            ),
            (
                "a value of the wrong type",
                "[[touchpoint]]\nid = \"z\"\nbackstage = \"yes\"\n",
            ),
            ("a TOML error", "[[touchpoint]]\nid = \"z\"\nscore = \n"),
            (
                "another table after a touchpoint",
                "[journey]\nid = \"k\"\n",
            ),
            (
                "a key defined twice",
                "[[touchpoint]]\nid = \"x\"\nid = \"y\"\n",
            ),
            (
                "nesting too deep",
                &format!(
                    "[[touchpoint]]\nid = \"z\"\nnext = {}{}\n",
                    "[".repeat(40),
                    "]".repeat(40)
                ),
            ),
        ] {
            let text = format!("{valid}{bad}");
            assert!(parse(file, &text, 1).is_none(), "{what}");
        }
        let before = format!("touchpoint = []\n{valid}");
        assert!(
            parse(file, &before, 1).is_none(),
            "an empty `touchpoint` array before the first header"
        );
        assert!(parse(file, &valid, valid.len()).is_none(), "a small file");
    }
}
