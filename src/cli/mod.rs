//! The `doorway` command line.

mod check;
mod cohort;
mod export;
mod files;
mod graph;
mod history;
mod input;
mod interactive;
mod moment_text;
mod new;
mod play;
mod practice;
mod practice_prompts;
mod screen;
mod sheet;
mod stats;
mod strings;
mod sync;
mod transcript_text;
mod validate;
mod wrap;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Doorway: rehearse the moments therapists most often get wrong.
///
/// With no command, opens the app.
#[derive(Debug, Parser)]
#[command(
    name = "doorway",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub app: AppArgs,
}

/// Options of the app: given with no command, or to `open`. They are not
/// global, so the other commands' help lists only what those commands take
/// (and giving one before a command is a usage error, not silently ignored).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AppArgs {
    /// Also read scenarios from this folder (may be repeated); edits reload live.
    #[arg(long = "scenarios", value_name = "DIR")]
    pub scenarios: Vec<PathBuf>,
    /// Author mode: node ids, jump to any node, every choice's feedback, a state watch.
    #[arg(long)]
    pub author: bool,
    /// Render the first interactive screen into this PNG file and exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArg,
    /// Redraw continuously, as Bevy does by default (for power measurements).
    #[arg(long, hide = true)]
    pub continuous: bool,
}

/// Where preferences and attempts are kept: for the app, and the commands that
/// read or keep attempts (`play`, `history`, `export`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataDirArg {
    /// Keep preferences and attempts here instead of the user's data folder
    /// (or $DOORWAY_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
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
    /// Draft in a spreadsheet: export a scenario's moments and answers as CSV,
    /// and import the edited sheet back into the scenario file.
    Sheet(sheet::SheetArgs),
    /// Translate a scenario: extract its texts to a string table (CSV) for a
    /// translator, and apply the table to write the translated scenario.
    Strings(strings::StringsArgs),
    /// Play a scenario in the terminal, or run a script and print the transcript.
    Play(play::PlayArgs),
    /// Play each scenario's expectations and explore its paths.
    Check(check::CheckArgs),
    /// Practise today's hard moments again: those answered at a costly level,
    /// timed out on, or answered much slower than usual, back after 1, 3, 7
    /// and 21 days.
    Practice(practice::PracticeArgs),
    /// List the attempts saved on this computer (see `play --save`).
    History(history::HistoryArgs),
    /// Export an attempt: Markdown for a supervisor, xAPI for an LMS.
    Export(export::ExportArgs),
    /// Sum up a class's attempts per scenario, from exported xAPI files and
    /// attempt files, or from a learning record store: endings, each moment's answers and times, where
    /// connection falls, each learner's first attempt against the latest.
    Cohort(cohort::CohortArgs),
    /// Send attempts to your course's learning record store (LRS): set it up
    /// with your consent, test it, send what is queued, see where each stands.
    Sync(sync::SyncArgs),
    /// Open a scenario file in the app's editor: forms for every moment and
    /// answer, the checker as you type, undo, save, and play from any moment.
    Edit {
        /// The scenario file.
        file: PathBuf,
        #[command(flatten)]
        app: AppArgs,
    },
    /// Open the app straight at one scenario's briefing, or at the library
    /// with a folder's scenarios (and its course, if it has a course.ron).
    Open {
        /// The scenario file, or a folder of scenarios.
        file: PathBuf,
        /// Skip the briefing and begin at once (for authors trying their edits).
        #[arg(long)]
        begin: bool,
        #[command(flatten)]
        app: AppArgs,
    },
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
/// The exit status of a program whose reader went away (128 + SIGPIPE), as
/// command-line tools report it.
const READER_WENT_AWAY: i32 = 141;

/// When the reader of the output stops early (`doorway stats FILE | head`),
/// printing fails and Rust's `println!` panics; leave quietly instead, with the
/// status a shell expects, rather than print a panic at someone who did nothing
/// wrong.
fn leave_quietly_when_the_reader_stops() {
    let report_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(READER_WENT_AWAY);
        }
        report_panic(info);
    }));
}

pub fn run() -> ExitCode {
    leave_quietly_when_the_reader_stops();
    let cli = Cli::parse();
    // The command line speaks English unless DOORWAY_LANGUAGE asks otherwise;
    // the app also follows its setting.
    match crate::core::i18n::Language::from_doorway_variable() {
        Ok(language) => crate::core::i18n::set_language(language.unwrap_or_default()),
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    }
    let ok = match cli.command {
        None => return open_app(cli.app, None, OpenAt::Briefing),
        Some(Command::Open {
            file,
            begin,
            mut app,
        }) => {
            // A folder (a course's, say) opens the library with its scenarios.
            if file.is_dir() {
                app.scenarios.push(file);
                return open_app(app, None, OpenAt::Briefing);
            }
            if !file.is_file() {
                eprintln!("error: {} is not a file or a folder", file.display());
                return ExitCode::FAILURE;
            }
            return open_app(
                app,
                Some(file),
                if begin {
                    OpenAt::Play
                } else {
                    OpenAt::Briefing
                },
            );
        }
        Some(Command::Edit { file, app }) => {
            if !file.is_file() {
                eprintln!(
                    "error: {} is not a file (start a new one with `doorway new`, or with \"New scenario\" in the app's library)",
                    file.display()
                );
                return ExitCode::FAILURE;
            }
            return open_app(app, Some(file), OpenAt::Editor);
        }
        Some(Command::Validate(args)) => validate::run(&args),
        Some(Command::Graph(args)) => graph::run(&args),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Sheet(args)) => sheet::run(&args),
        Some(Command::Strings(args)) => strings::run(&args),
        Some(Command::Play(args)) => play::run(&args, args.data.data_dir.clone()),
        Some(Command::History(args)) => {
            match crate::core::files::data_folder(args.data.data_dir.clone()) {
                Some(data) => history::run(&args, &data),
                None => {
                    eprintln!("error: no data folder could be found; give one with --data-dir");
                    false
                }
            }
        }
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Practice(args)) => practice::run(&args),
        Some(Command::Cohort(args)) => cohort::run(&args),
        Some(Command::Sync(args)) => sync::run(&args),
        Some(Command::Export(args)) => export::run(
            &args,
            crate::core::files::data_folder(args.data.data_dir.clone()).as_deref(),
        ),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Where the app opens a file given to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenAt {
    Briefing,
    /// Begun at once, skipping the briefing.
    Play,
    Editor,
}

/// Opens the desktop app, at one scenario's briefing (or play, or the
/// editor) when a file is given.
#[cfg(feature = "app")]
fn open_app(args: AppArgs, open_file: Option<PathBuf>, at: OpenAt) -> ExitCode {
    crate::app::run(crate::app::AppOptions {
        extra_scenario_folders: args.scenarios,
        author: args.author,
        open_file,
        begin: at == OpenAt::Play,
        edit: at == OpenAt::Editor,
        screenshot: args.screenshot,
        data_dir: args.data.data_dir,
        continuous: args.continuous,
        language: crate::core::i18n::Language::from_doorway_variable()
            .ok()
            .flatten(),
        system_language: crate::core::i18n::Language::system(),
    })
}

/// This build has the command line only (built without the `app` feature).
#[cfg(not(feature = "app"))]
fn open_app(_args: AppArgs, _open_file: Option<PathBuf>, _at: OpenAt) -> ExitCode {
    eprintln!(
        "error: this doorway was built without the app (cargo feature `app`); \
         run one of its commands instead (doorway --help)"
    );
    ExitCode::FAILURE
}
