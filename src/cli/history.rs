//! `doorway history`: the attempts kept on this computer, per scenario.

use std::collections::BTreeMap;

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::OutputFormat;
use super::files::known_scenarios;
use crate::core::clock::format_unix_utc;
use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::model::Scenario;
use crate::core::practice::{Suggestion, suggestions};
use crate::core::review::{LevelCounts, summarize};
use crate::core::store::{Attempt, AttemptStore, Listing};
use crate::core::sync::queue::{SyncQueue, SyncState};
use crate::core::wording;
use crate::core::wording::sync_state_in_words;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Also consider the scenarios in this folder when suggesting what to
    /// practise (may be repeated; `scenarios/` and the shipped ones always are).
    #[arg(long = "scenario-folder", value_name = "DIR")]
    pub scenario_folders: Vec<PathBuf>,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

/// The history and what to practise next.
#[derive(Debug, Serialize)]
struct History {
    scenarios: Vec<ScenarioHistory>,
    suggestions: Vec<Suggestion>,
}

/// One attempt in the listing.
#[derive(Debug, Serialize)]
struct AttemptLine {
    id: String,
    saved_at: u64,
    ending: Option<String>,
    ending_kind: Option<crate::core::model::EndingKind>,
    steps: usize,
    connection: Option<i32>,
    distance: Option<i32>,
    /// How many answers were at each level.
    levels: LevelCounts,
    timeouts: usize,
    /// Mean seconds to answer, over the steps answered.
    mean_latency: Option<f64>,
    ruptures_opened: usize,
    ruptures_repaired: usize,
    content_hash: String,
    /// Where the attempt stands with the LRS, in words.
    lrs: String,
}

/// The attempts of one scenario.
#[derive(Debug, Serialize)]
struct ScenarioHistory {
    scenario_id: String,
    title: String,
    attempts: Vec<AttemptLine>,
}

/// Prints the history; false when the store could not be found.
pub(super) fn run(args: &HistoryArgs, data: &Path) -> bool {
    let store = AttemptStore::in_data_folder(data);
    let listing = store.load();
    report_problems(&listing);
    let sending = SyncQueue::in_data_folder(data).states();
    let histories = by_scenario(&listing.attempts, &sending);
    let mut scenarios = known_scenarios(&args.scenario_folders);
    let mut seen = std::collections::HashSet::new();
    scenarios.retain(|s| seen.insert(s.id.clone()));
    let scenarios: Vec<&Scenario> = scenarios.iter().collect();
    let suggestions = suggestions(&scenarios, &listing.attempts);
    match args.format {
        OutputFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&History {
                scenarios: histories,
                suggestions,
            })
            .expect("plain data serialises")
        ),
        OutputFormat::Human => {
            if histories.is_empty() {
                println!("No attempts saved yet in {}.", store.folder().display());
            }
            for history in &histories {
                println!(
                    "{} ({}): {}",
                    history.title,
                    history.scenario_id,
                    wording::plural(history.attempts.len(), "attempt")
                );
                for line in &history.attempts {
                    let ending = line.ending.as_deref().unwrap_or("left before an ending");
                    let state = match (line.connection, line.distance) {
                        (Some(c), Some(d)) => format!(", connection {c}, distance {d}"),
                        _ => String::new(),
                    };
                    println!(
                        "  {}  {}  {}{state}  [{}]",
                        format_unix_utc(line.saved_at),
                        ending,
                        wording::plural(line.steps, "step"),
                        line.id
                    );
                    if !sending.is_empty() {
                        println!("      LRS: {}", line.lrs);
                    }
                    println!(
                        "      {}",
                        wording::attempt_counts_in_words(
                            line.levels,
                            line.timeouts,
                            line.mean_latency,
                            line.ruptures_opened,
                            line.ruptures_repaired,
                        )
                    );
                }
            }
            if !suggestions.is_empty() {
                println!("\nWhat to practise next:");
                for suggestion in &suggestions {
                    println!("  - {}", suggestion.text);
                }
            }
        }
    }
    true
}

fn report_problems(listing: &Listing) {
    for problem in listing.problems() {
        eprintln!("note: {problem}");
    }
}

fn by_scenario(
    attempts: &[Attempt],
    sending: &BTreeMap<String, SyncState>,
) -> Vec<ScenarioHistory> {
    let mut grouped: BTreeMap<&str, ScenarioHistory> = BTreeMap::new();
    for attempt in attempts {
        let transcript = &attempt.transcript;
        let history = grouped
            .entry(transcript.scenario_id.as_str())
            .or_insert_with(|| ScenarioHistory {
                scenario_id: transcript.scenario_id.clone(),
                title: attempt.scenario_title.clone(),
                attempts: Vec::new(),
            });
        let last = transcript.steps.last().map(|s| &s.state_after.values);
        let summary = summarize(transcript);
        history.attempts.push(AttemptLine {
            id: attempt.id.clone(),
            saved_at: attempt.saved_at,
            ending: transcript.ending.as_ref().map(|e| e.title.clone()),
            ending_kind: transcript.ending.as_ref().map(|e| e.kind),
            steps: transcript.steps.len(),
            connection: last.and_then(|v| v.get(CONNECTION).copied()),
            distance: last.and_then(|v| v.get(DISTANCE).copied()),
            levels: summary.levels,
            timeouts: summary.timeouts,
            mean_latency: summary.mean_latency,
            ruptures_opened: summary.ruptures_opened,
            ruptures_repaired: summary.ruptures_repaired,
            content_hash: transcript.content_hash.clone(),
            lrs: sync_state_in_words(sending.get(&attempt.id).unwrap_or(&SyncState::KeptHereOnly)),
        });
    }
    grouped.into_values().collect()
}
