//! `doorway cohort`: a class's attempts summed up per scenario, from a folder
//! of exported xAPI files and attempt files, or from a learning record store.

use std::io::Read;
use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};
use time::format_description::well_known::Iso8601;
use time::{Date, Time};

use crate::core::cohort::aggregate::Filter;
use crate::core::cohort::report;
use crate::core::cohort::source::{ClassSource, LrsSource, read_class};
use crate::core::export::xapi::DEFAULT_BASE_IRI;
use crate::core::lrs::client::Credentials;
use crate::core::lrs::secret::Secret;

/// The environment variable the LRS secret may come from.
const SECRET_VARIABLE: &str = "DOORWAY_LRS_SECRET";

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["from", "lrs"])))]
pub struct CohortArgs {
    /// The folder of exported xAPI files (`doorway export ID --format xapi`)
    /// and attempt files, read with its subfolders.
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Read the statements from this learning record store instead: its xAPI
    /// endpoint (https://, or http:// on this computer), read page by page.
    #[arg(long, value_name = "URL", requires = "key")]
    pub lrs: Option<String>,
    /// The LRS key (its user name) for --lrs.
    #[arg(long, value_name = "K", requires = "lrs")]
    pub key: Option<String>,
    /// The LRS secret for --lrs; `-` reads it from standard input. Without it,
    /// the secret comes from the DOORWAY_LRS_SECRET environment variable. Both
    /// keep it out of the list of running programs, which anyone on the
    /// computer can read; a secret given here appears in that list.
    #[arg(long, value_name = "S", requires = "lrs")]
    #[arg(value_parser = |text: &str| Ok::<_, String>(Secret::new(text)))]
    pub secret: Option<Secret>,
    /// xAPI: the base of the activity IRIs the statements were exported with
    /// (`doorway export --base-iri`), to ask the LRS for one --scenario only.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI, requires = "lrs")]
    pub base_iri: String,
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

/// Prints the figures; false when the source cannot be read or a file was skipped.
pub(super) fn run(args: &CohortArgs) -> bool {
    let filter = Filter {
        scenario: args.scenario.clone(),
        since: args.since,
    };
    let read = source(args).and_then(|source| read_class(&source, filter));
    let read = match read {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            return false;
        }
    };
    for file in &read.skipped {
        eprintln!("warning: skipped {}: {}", file.path.display(), file.reason);
    }
    for note in &read.notes {
        eprintln!("note: {note}");
    }
    let summary = read.class.summarize(args.names);
    match args.format {
        CohortFormat::Text => print!("{}", report::text(&summary)),
        CohortFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&summary).expect("plain data serialises")
        ),
        CohortFormat::Csv => print!("{}", report::csv(&summary)),
    }
    read.skipped.is_empty()
}

/// The folder or the store named (clap asks for one of them).
fn source(args: &CohortArgs) -> Result<ClassSource, String> {
    if let Some(folder) = &args.from {
        return Ok(ClassSource::Folder(folder.clone()));
    }
    Ok(ClassSource::Lrs(LrsSource {
        endpoint: args.lrs.clone().unwrap_or_default(),
        credentials: Credentials {
            key: args.key.clone().unwrap_or_default(),
            secret: secret(args.secret.as_ref())?,
        },
        base_iri: args.base_iri.clone(),
    }))
}

/// The secret: from `--secret`, standard input for `--secret -`, or the
/// environment.
fn secret(given: Option<&Secret>) -> Result<Secret, String> {
    let text = match given.map(Secret::expose) {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                format!("the LRS secret could not be read from standard input: {e}")
            })?;
            text.trim_end_matches(['\r', '\n']).to_owned()
        }
        Some(text) => text.to_owned(),
        None => std::env::var(SECRET_VARIABLE).unwrap_or_default(),
    };
    if text.is_empty() {
        return Err(format!(
            "no LRS secret: give --secret -, to read it from standard input, or set {SECRET_VARIABLE}"
        ));
    }
    Ok(Secret::new(text))
}
