//! `doorway cohort`: a class's attempts summed up per scenario, from a folder
//! of exported xAPI files and attempt files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use time::format_description::well_known::Iso8601;
use time::{Date, Time};

use crate::core::cohort::aggregate::Filter;
use crate::core::cohort::report;
use crate::core::cohort::source::{ClassSource, read_class};

#[derive(Debug, Args)]
pub struct CohortArgs {
    /// The folder of exported xAPI files (`doorway export ID --format xapi`)
    /// and attempt files, read with its subfolders.
    #[arg(long, value_name = "DIR")]
    pub from: PathBuf,
    /// Only this scenario (its id).
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Only attempts begun on or after this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<i64>,
    #[arg(long, value_enum, default_value_t)]
    pub format: CohortFormat,
    /// Show learners' names (or ids) instead of "Learner 1", "Learner 2"...
    #[arg(long)]
    pub names: bool,
}

/// How the figures are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    #[default]
    Text,
    Json,
    Csv,
}

/// The start of a day, in seconds since the Unix epoch.
fn parse_day(text: &str) -> Result<i64, String> {
    Date::parse(text, &Iso8601::DATE)
        .map(|day| day.with_time(Time::MIDNIGHT).assume_utc().unix_timestamp())
        .map_err(|_| format!("\"{text}\" is not a day written YYYY-MM-DD"))
}

/// Prints the figures; false when the folder cannot be read or a file was skipped.
pub(super) fn run(args: &CohortArgs) -> bool {
    let filter = Filter {
        scenario: args.scenario.clone(),
        since: args.since,
    };
    let (class, skipped) = match read_class(&ClassSource::Folder(args.from.clone()), filter) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            return false;
        }
    };
    for file in &skipped {
        eprintln!("warning: skipped {}: {}", file.path.display(), file.reason);
    }
    let summary = class.summarize(args.names);
    match args.format {
        CohortFormat::Text => print!("{}", report::text(&summary)),
        CohortFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&summary).expect("plain data serialises")
        ),
        CohortFormat::Csv => print!("{}", report::csv(&summary)),
    }
    skipped.is_empty()
}
