//! `cxmap check`: the linter. Diagnostics as text for people, JSON, SARIF or GitHub workflow
//! commands for CI; exit status 1 when the workspace is invalid or a finding is an error.

use clap::ValueEnum;

use super::{Failure, Io, WorkspaceArgs, check_workspace, exit};
use crate::analyse;
use crate::present;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Also list the findings waived in cxmap.toml, with their reasons (text output)
    #[arg(long)]
    pub show_waived: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    Github,
}

pub fn run(args: &CheckArgs, io: &mut Io) -> Result<u8, Failure> {
    let checked = check_workspace(&args.workspace)?;
    match args.format {
        CheckFormat::Text => {
            let color = args.workspace.color.enabled(io.stdout_is_terminal);
            present::terminal::Terminal {
                color,
                show_waived: args.show_waived,
            }
            .write(&checked, io.stdout)?;
        }
        CheckFormat::Json => present::json::write(&checked, io.stdout)?,
        CheckFormat::Sarif => present::sarif::write(&checked, io.stdout)?,
        CheckFormat::Github => present::github::write(&checked, io.stdout)?,
    }
    let failed = !checked.is_valid()
        || checked
            .analysis
            .as_ref()
            .is_some_and(analyse::Analysis::has_errors);
    Ok(if failed { exit::FINDINGS } else { exit::OK })
}
