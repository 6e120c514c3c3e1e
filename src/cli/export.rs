//! `doorway export ATTEMPT --format md|xapi`: an attempt as Markdown for a
//! supervisor, or as xAPI statements for a learning management system.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};

use super::files::known_scenarios;
use crate::core::engine::PlayableScenario;
use crate::core::export::xapi::{self, Actor, DEFAULT_BASE_IRI, XapiOptions};
use crate::core::export::{ExportSource, markdown};
use crate::core::files::write_atomically;
use crate::core::install::install_name;
use crate::core::store::{Attempt, AttemptStore, find_attempt, read_attempt_file};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The attempt: its id (or the start of it), `latest`, or an attempt file.
    pub attempt: String,
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Markdown: include the reflections (left out unless asked for).
    #[arg(long)]
    pub reflections: bool,
    /// xAPI: the learner's name.
    #[arg(long, value_name = "NAME")]
    pub actor_name: Option<String>,
    /// xAPI: identify the learner by email.
    #[arg(long, value_name = "ADDRESS", conflicts_with = "actor_account")]
    pub actor_email: Option<String>,
    /// xAPI: identify the learner by an account name on the system at --base-iri
    /// (without this or --actor-email, an anonymous per-install name is used).
    #[arg(long, value_name = "NAME")]
    pub actor_account: Option<String>,
    /// xAPI: the base of activity and extension IRIs, and the account home page.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    pub base_iri: String,
    /// Also look for the scenario in this folder (may be repeated).
    #[arg(long = "scenario-folder", value_name = "DIR")]
    pub scenario_folders: Vec<PathBuf>,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// Markdown, for a supervisor.
    #[value(alias = "markdown")]
    Md,
    /// xAPI 1.0.3 statements (JSON), for a learning record store.
    Xapi,
}

/// Exports; false on any problem.
pub(super) fn run(args: &ExportArgs, data: Option<&Path>) -> bool {
    match export(args, data) {
        Ok(()) => true,
        Err(message) => {
            eprintln!("error: {message}");
            false
        }
    }
}

fn export(args: &ExportArgs, data: Option<&Path>) -> Result<(), String> {
    let attempt = attempt(&args.attempt, data)?;
    let transcript = &attempt.transcript;
    let scenario = find_scenario(
        &transcript.scenario_id,
        &transcript.content_hash,
        &args.scenario_folders,
    )
    .ok_or_else(|| {
        format!(
            "the scenario \"{}\" of this attempt was not found; give its folder with --scenario-folder",
            transcript.scenario_id
        )
    })?;
    let source = ExportSource {
        attempt: &attempt,
        scenario: &scenario,
    };
    if !source.same_text() {
        eprintln!(
            "note: the scenario has been edited since this attempt; its current words are used"
        );
    }
    let text = match args.format {
        ExportFormatArg::Md => markdown::render(source, args.reflections),
        ExportFormatArg::Xapi => xapi::render(source, &xapi_options(args, data)?),
    };
    match &args.output {
        None => print!("{text}"),
        Some(path) => {
            write_atomically(path, text.as_bytes())
                .map_err(|e| format!("{} could not be written: {e}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(())
}

/// The attempt named on the command line: a file, or one in the store.
fn attempt(query: &str, data: Option<&Path>) -> Result<Attempt, String> {
    let path = Path::new(query);
    if path.is_file() {
        return read_attempt_file(path).map_err(|error| error.to_string());
    }
    let data = data.ok_or("no data folder could be found; give one with --data-dir")?;
    let listing = AttemptStore::in_data_folder(data).load();
    find_attempt(&listing.attempts, query)
        .cloned()
        .map_err(|error| error.to_string())
}

fn xapi_options(args: &ExportArgs, data: Option<&Path>) -> Result<XapiOptions, String> {
    let base_iri = args.base_iri.trim_end_matches('/').to_owned();
    let actor = match (&args.actor_email, &args.actor_account) {
        (Some(email), _) => Actor::Email {
            name: args.actor_name.clone(),
            email: email.clone(),
        },
        (None, Some(account)) => Actor::Account {
            name: args.actor_name.clone(),
            home_page: base_iri.clone(),
            account_name: account.clone(),
        },
        (None, None) => {
            let data = data.ok_or("an anonymous export needs a data folder; give --data-dir")?;
            let name = install_name(data)
                .map_err(|e| format!("this installation's name could not be kept: {e}"))?;
            Actor::anonymous(&name, &base_iri)
        }
    };
    Ok(XapiOptions { actor, base_iri })
}

/// The scenario with this id: the version the attempt was played on if it can
/// be found (shipped, `scenarios/`, or the folders given), else any version.
pub(super) fn find_scenario(
    id: &str,
    hash: &str,
    folders: &[PathBuf],
) -> Option<Arc<PlayableScenario>> {
    let candidates: Vec<Arc<PlayableScenario>> = known_scenarios(folders)
        .into_iter()
        .filter(|scenario| scenario.id == id)
        .map(PlayableScenario::new)
        .collect();
    let exact = candidates.iter().position(|s| s.content_hash() == hash);
    candidates.into_iter().nth(exact.unwrap_or(0))
}
