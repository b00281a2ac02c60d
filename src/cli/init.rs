//! `cxmap init`: a small starter workspace (organisation, two journeys, configuration and the
//! JSON Schemas for editors) to edit into one's own. Never overwrites: all files or none.

use std::path::Path;

use super::rules::schema_text;
use super::{Failure, Io, exit};
use crate::present::files::Output;

/// The starter workspace: (file name, contents).
const STARTER: &[(&str, &str)] = &[
    (
        "cxmap.toml",
        include_str!("../../templates/init/cxmap.toml"),
    ),
    ("org.toml", include_str!("../../templates/init/org.toml")),
    (
        "buy-online.toml",
        include_str!("../../templates/init/buy-online.toml"),
    ),
    (
        "get-help.toml",
        include_str!("../../templates/init/get-help.toml"),
    ),
];

pub fn run(dir: &Path, io: &mut Io) -> Result<u8, Failure> {
    let mut files: Vec<Output> = vec![
        (
            dir.join("cxmap.schema.json"),
            schema_text(false).into_bytes(),
        ),
        (
            dir.join("cxmap-config.schema.json"),
            schema_text(true).into_bytes(),
        ),
    ];
    files.extend(
        STARTER
            .iter()
            .map(|(name, text)| (dir.join(name), text.as_bytes().to_vec())),
    );
    crate::present::write_new(&files).map_err(|e| {
        if e.message.starts_with("not overwriting") {
            e.with_help("run `cxmap init` with a new folder, e.g. `cxmap init my-journeys`")
        } else {
            e
        }
    })?;
    writeln!(
        io.stdout,
        "Wrote a starter workspace to `{}`: org.toml (departments and data), two journeys and cxmap.toml.\nNext: edit them into your own, then run `cxmap check {}`.",
        dir.display(),
        dir.display()
    )?;
    Ok(exit::OK)
}
