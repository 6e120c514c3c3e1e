//! The `doorway` command line.

mod check;
mod files;
mod graph;
mod interactive;
mod new;
mod play;
mod stats;
mod transcript_text;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Doorway: rehearse the moments therapists most often get wrong.
#[derive(Debug, Parser)]
#[command(name = "doorway", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files for errors and teaching problems.
    Validate(validate::ValidateArgs),
    /// Draw a scenario's graph as Graphviz DOT or Mermaid.
    Graph(graph::GraphArgs),
    /// Count a scenario's nodes, paths and endings, and the range of each dimension.
    Stats(stats::StatsArgs),
    /// Write a new scenario file from a commented template.
    New(new::NewArgs),
    /// Play a scenario in the terminal, or run a script and print the transcript.
    Play(play::PlayArgs),
    /// Play each scenario's expectations and explore its paths.
    Check(check::CheckArgs),
}

/// Human-readable or machine-readable output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
}

/// Exit status: 0 when all is well, 1 when problems were found (2, a usage error,
/// is clap's).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let ok = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::New(args) => new::run(&args),
        Command::Play(args) => play::run(&args),
        Command::Check(args) => check::run(&args),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "1 file", "2 files".
fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}
