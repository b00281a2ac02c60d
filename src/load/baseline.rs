//! A baseline file: an earlier `cxmap check --format json` output, of which only what each
//! finding is about is read (`rule`, `journey`, `subject`, `detail`). Reading it is input like
//! the journey files, so it is bounded the same way; anything that is not such an output is a
//! [`FatalError`] with a hint (exit status 2), never a silent empty baseline.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::fatal::FatalError;

/// A JSON output of 100,000 touchpoints' findings is tens of MiB; this leaves room for far more
/// and still refuses an endless file.
pub const MAX_BASELINE_BYTES: u64 = 512 * 1024 * 1024;

/// What a baseline says was already known: one entry per finding, as written.
#[derive(Debug, Deserialize)]
pub struct Baseline {
    #[serde(default)]
    errors: Vec<IgnoredAny>,
    pub findings: Vec<KnownFinding>,
}

/// A finding of the baseline, by what it is about.
#[derive(Debug, Deserialize)]
pub struct KnownFinding {
    pub rule: String,
    pub journey: Option<String>,
    pub subject: String,
    /// Outputs of format v1 have no `detail`: read as null.
    #[serde(default)]
    pub detail: Option<String>,
}

fn how_to_write(path: &Path) -> String {
    format!(
        "write a baseline with `cxmap check --format json > {}`",
        path.display()
    )
}

/// Reads a baseline file.
pub fn read(path: &Path) -> Result<Baseline, FatalError> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            FatalError::new(format!("the baseline `{shown}` does not exist"))
                .with_help(how_to_write(path))
        } else {
            FatalError::new(format!("cannot read the baseline `{shown}`: {e}"))
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FatalError::new(format!("cannot read the baseline `{shown}`: {e}")))?;
    if !meta.is_file() {
        return Err(
            FatalError::new(format!("the baseline `{shown}` is not a regular file"))
                .with_help(how_to_write(path)),
        );
    }
    let mut bytes = Vec::new();
    file.take(MAX_BASELINE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FatalError::new(format!("cannot read the baseline `{shown}`: {e}")))?;
    if bytes.len() as u64 > MAX_BASELINE_BYTES {
        return Err(FatalError::new(format!(
            "the baseline `{shown}` is larger than {} MiB",
            MAX_BASELINE_BYTES / (1024 * 1024)
        ))
        .with_help(how_to_write(path)));
    }
    parse(&bytes).map_err(|message| {
        FatalError::new(format!("the baseline `{shown}` {message}")).with_help(how_to_write(path))
    })
}

/// Parses a baseline's text; the error completes "the baseline `FILE` ...".
pub fn parse(bytes: &[u8]) -> Result<Baseline, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let baseline: Baseline = serde_json::from_slice(bytes)
        .map_err(|e| format!("is not the JSON output of `cxmap check --format json` ({e})"))?;
    if !baseline.errors.is_empty() {
        let n = baseline.errors.len();
        return Err(format!(
            "is the output of an invalid workspace ({n} problem{}): it holds no findings to compare with",
            if n == 1 { "" } else { "s" }
        ));
    }
    Ok(baseline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_findings_are_about_and_refuses_anything_else() {
        let b = parse(br#"{"errors":[],"findings":[{"rule":"any-rule","severity":"warning","journey":null,"subject":"x","message":"m","file":"f","line":1,"column":1}]}"#).unwrap();
        assert_eq!(b.findings.len(), 1);
        assert_eq!(b.findings[0].detail, None);
        assert!(
            parse(b"[]")
                .unwrap_err()
                .starts_with("is not the JSON output")
        );
        assert!(parse(b"{\"findings\": [{\"rule\": 3}]}").is_err());
        assert!(
            parse(br#"{"errors":[{"message":"m"}],"findings":[]}"#)
                .unwrap_err()
                .contains("invalid workspace")
        );
    }
}
