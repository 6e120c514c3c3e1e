//! `doorway stats`: the analysis of one scenario.

use std::path::PathBuf;

use clap::Args;

use super::OutputFormat;
use super::files::load_for_command;
use crate::core::analysis::{Analysis, Longest, PathCount, analyse};
use crate::core::model::Scenario;
use crate::core::wording::{self, percent_in_words};

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The scenario file.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Prints the analysis; false when the scenario has errors.
pub(super) fn run(args: &StatsArgs) -> bool {
    let Some(loaded) = load_for_command(&args.file) else {
        return false;
    };
    let scenario = loaded.scenario.as_ref().expect("a playable scenario");
    let analysis = analyse(scenario);
    match args.format {
        OutputFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&analysis).expect("plain data serialises")
        ),
        OutputFormat::Human => print!("{}", human(scenario, &analysis)),
    }
    true
}

/// Why the count of paths differs from the number `doorway check` plays.
const PATHS_COUNTED: &str =
    "    (counted in the graph: conditions on choices are ignored, and each deadline
    may interrupt any moment before it; `doorway check` plays only what conditions
    and the clock allow, from the start and from each entry point, so its number
    of paths differs)
";

/// The analysis as text for a person.
pub(super) fn human(scenario: &Scenario, analysis: &Analysis) -> String {
    let mut out = format!(
        "{} ({} v{})\n  {}, {} ({} timed), {}, {}\n  paths from the start to an ending: {}\n{PATHS_COUNTED}\n  endings:\n",
        scenario.title,
        scenario.id,
        scenario.version,
        wording::plural(analysis.acts, "act"),
        wording::plural(analysis.nodes, "node"),
        analysis.timed_nodes,
        wording::plural(analysis.choices, "choice"),
        wording::plural(analysis.endings, "ending"),
        match analysis.paths {
            PathCount::Exactly(n) => n.to_string(),
            PathCount::MoreThan(n) => format!("more than {n}"),
            PathCount::Infinite => "infinitely many (a cycle lies on the way)".into(),
        }
    );
    for ending in &analysis.ending_reach {
        let reach = match (ending.shortest, ending.longest) {
            (Some(shortest), Some(Longest::Steps(longest))) => {
                format!("{shortest} to {longest} steps")
            }
            (Some(shortest), Some(Longest::Unbounded)) => {
                format!("{shortest} steps or more (through a cycle)")
            }
            _ => "not reachable from the start".into(),
        };
        out.push_str(&format!(
            "    {:<24} {:<16} {}\n",
            ending.id,
            ending.kind.label(),
            reach
        ));
    }
    out.push_str("\n  dimensions (worst to best reachable from the start, conditions ignored):\n");
    for dim in &analysis.dimension_reach {
        let band = dim.optimal.map_or(String::new(), |(low, high)| {
            format!("   optimal band {low} to {high}")
        });
        out.push_str(&format!(
            "    {:<14} {:>4} to {:<4}{band}\n",
            dim.id, dim.worst, dim.best
        ));
    }
    out.push_str(&cues_text(analysis));
    out
}

/// The figures that say whether the best answer could be guessed.
fn cues_text(analysis: &Analysis) -> String {
    let cues = &analysis.cues;
    let mut out = format!(
        "\n  answers (what could give the best one away):\n    the longest option shows the skill well at {} of {} moments ({})\n    moments with two good answers or more: {} of {} ({})\n    options per moment: {:.1}\n    mean words per answer:",
        cues.top_is_longest.len(),
        cues.length_moments,
        percent_in_words(cues.longest_share()),
        cues.two_good,
        cues.moments,
        percent_in_words(cues.two_good_share()),
        cues.options_per_moment,
    );
    for (level, words) in &cues.mean_words {
        out.push_str(&format!(" {} {words:.1};", level.label()));
    }
    if let Some(words) = cues.unrated_mean_words {
        out.push_str(&format!(" without a level {words:.1} ({});", cues.unrated));
    }
    out = out.trim_end_matches(';').to_owned();
    out.push('\n');
    let ranks: Vec<String> = cues
        .ranks
        .iter()
        .filter(|rank| rank.moments > 0)
        .map(|rank| format!("{} {}", rank.rank, percent_in_words(rank.share())))
        .collect();
    if !ranks.is_empty() {
        out.push_str(&format!(
            "    other lengths that show the skill well: {}\n",
            ranks.join(", ")
        ));
    }
    for cue in &analysis.phrase_cues {
        out.push_str(&format!(
            "    phrase cue \"{}\": in {} of {} top answers, {} of {} others\n",
            cue.phrase, cue.in_top, cue.top, cue.in_others, cue.others
        ));
    }
    out
}
