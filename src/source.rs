//! Source files as read from disk, byte spans into them, and the mapping from a span to the
//! line and column people read.
//!
//! Architecture invariant: a leaf. This module depends on nothing else in cxmap, so the model,
//! the loader, the analysis and the presenters can all point at the TOML without depending on
//! each other. Spans travel through the model as byte ranges; only presenters turn them into
//! line:column through [`Sources::locate`].

use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A place in a source file: which file and which bytes. Twelve bytes: the model keeps many
/// (files are at most a few MiB, so `u32` offsets are plenty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(range.start),
            end: clamp(range.end.max(range.start)),
        }
    }

    /// An empty span at a byte offset.
    pub fn at(file: FileId, offset: usize) -> Self {
        Span::new(file, offset..offset)
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One input file: its path as the user named it and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path shown to users (relative as given on the command line, `/`-separated).
    pub display: String,
    pub path: PathBuf,
    pub text: String,
    /// Where each line starts, found on first use: the parse workers ask for it (see
    /// [`SourceFile::index_lines`]), so that the files of a workspace are indexed on all cores
    /// while they are parsed rather than one after another while they are read.
    line_starts: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(display: String, path: PathBuf, text: String) -> Self {
        SourceFile {
            display,
            path,
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// Finds where each line starts, unless that is done already. Offsets fit in `u32`:
    /// files are at most a few MiB (see [`Span`]).
    pub fn index_lines(&self) {
        self.line_starts();
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let lines = memchr::memchr_iter(b'\n', bytes).count();
            let mut starts = Vec::with_capacity(lines + 1);
            starts.push(0);
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| to_u32(i + 1)));
            starts
        })
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        let offset = to_u32(offset.min(self.text.len()));
        self.line_starts().partition_point(|&s| s <= offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= to_u32(offset)) - 1;
        let start = starts[line] as usize;
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte range of the whole line (without its line break) holding `offset`.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= to_u32(offset)) - 1;
        let start = starts[line] as usize;
        let end = starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

/// A byte offset as stored in the line index (saturating, like [`Span`]'s offsets).
fn to_u32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// All files of a workspace, in the order they were read.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(u32::try_from(self.files.len() - 1).expect("fewer than 2^32 files"))
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().zip(0u32..).map(|(f, i)| (FileId(i), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// File, line and column of a span's start.
    pub fn locate(&self, span: &Span) -> Location {
        let file = self.get(span.file);
        let (line, column) = file.line_col(span.start as usize);
        Location {
            file: file.display.clone(),
            line,
            column,
        }
    }
}

/// A span resolved for people: file path, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// A place in a spreadsheet, the tables' analogue of a [`Span`]: the file, the sheet (none for
/// a CSV file), and where known the row and column (1-based, as a spreadsheet shows them) with
/// the column's header.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellPlace {
    /// The path shown to users.
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<usize>,
    pub column: Option<usize>,
    /// The column's header as written.
    pub header: Option<String>,
}

impl CellPlace {
    /// The whole file (or sheet).
    pub fn file(file: impl Into<String>, sheet: Option<String>) -> CellPlace {
        CellPlace {
            file: file.into(),
            sheet,
            row: None,
            column: None,
            header: None,
        }
    }
}

/// A column's letters as a spreadsheet shows them: 1 → `A`, 27 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column.max(1);
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl std::fmt::Display for CellPlace {
    /// `journeys.xlsx, sheet touchpoints, row 4, column C (owner)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {}", column_letters(column))?;
            if let Some(header) = self.header.as_deref().filter(|h| !h.is_empty()) {
                write!(f, " ({header})")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_places_read_as_a_spreadsheet_shows_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
        let place = CellPlace {
            file: "journeys.xlsx".into(),
            sheet: Some("touchpoints".into()),
            row: Some(4),
            column: Some(3),
            header: Some("owner".into()),
        };
        assert_eq!(
            place.to_string(),
            "journeys.xlsx, sheet touchpoints, row 4, column C (owner)"
        );
    }

    #[test]
    fn line_col_counts_characters_and_handles_crlf() {
        let f = SourceFile::new("a".into(), "a".into(), "ab\r\né = 1\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(4), (2, 1));
        assert_eq!(f.line_col(7), (2, 3)); // after "é " (é is two bytes)
        assert_eq!(f.line_range(1), 0..2);
    }
}
