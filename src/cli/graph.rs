//! `doorway graph`: the scenario graph as DOT or Mermaid.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::files::load_for_command;
use crate::core::graph_export::{GraphFormat, render_graph};

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The scenario file.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = GraphFormatArg::Dot)]
    pub format: GraphFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormatArg {
    /// Graphviz: `doorway graph FILE | dot -Tsvg > graph.svg`.
    Dot,
    /// Mermaid, for Markdown pages that render it.
    Mermaid,
}

/// Prints the graph; false when the scenario has errors.
pub(super) fn run(args: &GraphArgs) -> bool {
    let Some(loaded) = load_for_command(&args.file) else {
        return false;
    };
    let format = match args.format {
        GraphFormatArg::Dot => GraphFormat::Dot,
        GraphFormatArg::Mermaid => GraphFormat::Mermaid,
    };
    let scenario = loaded.scenario.as_ref().expect("a playable scenario");
    print!("{}", render_graph(scenario, format));
    true
}
