//! `doorway play`: play a scenario in the terminal, or run a script and print the
//! transcript.

use std::io::Read;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::files::load_for_command;
use super::interactive::play_interactively;
use super::transcript_text::{Audience, transcript_text};
use crate::core::engine::{Engine, FeedbackMode, MULTIPLIER_RANGE, PlayableScenario, Settings};
use crate::core::files::data_folder;
use crate::core::preferences::{default_preferences_path, load_preferences};
use crate::core::script::{parse_script, run_script};
use crate::core::store::{Attempt, AttemptStore, Reflection};

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Start at this entry point instead of the beginning.
    #[arg(long)]
    pub entry: Option<String>,
    /// Seed for wordings and choice order (the same seed and inputs replay
    /// exactly); a fresh one each attempt unless given. The transcript keeps it.
    #[arg(long)]
    pub seed: Option<u64>,
    #[arg(long, value_enum, default_value_t = FeedbackArg::Immediate)]
    pub feedback: FeedbackArg,
    /// Multiply every time limit by X (0.1 to 10).
    #[arg(long, default_value_t = 1.0, value_name = "X")]
    pub time_scale: f64,
    /// No time limits at all (latency is still recorded).
    #[arg(long)]
    pub no_time_limits: bool,
    /// Run commands from FILE (or - for standard input) instead of asking.
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// Print the transcript as JSON.
    #[arg(long)]
    pub json: bool,
    /// Keep the attempt in the store, as the app does (see `doorway history`).
    #[arg(long)]
    pub save: bool,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedbackArg {
    Immediate,
    Deferred,
    Exam,
}

/// Plays; false on any problem.
pub(super) fn run(args: &PlayArgs, data_dir: Option<PathBuf>) -> bool {
    let (low, high) = MULTIPLIER_RANGE;
    if !(low..=high).contains(&args.time_scale) {
        eprintln!("error: --time-scale must be between {low} and {high}");
        return false;
    }
    let Some(loaded) = load_for_command(&args.file) else {
        return false;
    };
    let playable = PlayableScenario::new(loaded.scenario.expect("a playable scenario"));
    let settings = Settings {
        feedback: match args.feedback {
            FeedbackArg::Immediate => FeedbackMode::Immediate,
            FeedbackArg::Deferred => FeedbackMode::Deferred,
            FeedbackArg::Exam => FeedbackMode::Exam,
        },
        time_multiplier: args.time_scale,
        timers_off: args.no_time_limits,
        ..Settings::default()
    };
    let seed = args.seed.unwrap_or_else(rand::random);
    let (mut engine, events) = match Engine::start(&playable, args.entry.as_deref(), seed, settings)
    {
        Ok(started) => started,
        Err(error) => {
            eprintln!("error: {error}");
            return false;
        }
    };
    let Some(script_path) = &args.script else {
        let support_line = data_folder(data_dir.clone())
            .map(|data| load_preferences(&default_preferences_path(&data)).preferences)
            .map(|preferences| preferences.support_line)
            .unwrap_or_default();
        let played = play_interactively(&mut engine, events, &support_line);
        return save_if_asked(args, data_dir, &engine, played.reflections) && played.finished;
    };
    let text = if script_path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(script_path)
    };
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "error: cannot read the script {}: {error}",
                script_path.display()
            );
            return false;
        }
    };
    let ran = parse_script(&text).and_then(|commands| run_script(&mut engine, &commands));
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(engine.transcript()).expect("a transcript serialises")
        );
    } else {
        print!(
            "{}",
            transcript_text(&playable, engine.transcript(), Audience::Author)
        );
    }
    match ran {
        Ok(_) => save_if_asked(args, data_dir, &engine, Vec::new()),
        Err(error) => {
            eprintln!("error: {error}");
            false
        }
    }
}

/// With `--save`, keeps the attempt with its reflections in the store; false if
/// that failed.
fn save_if_asked(
    args: &PlayArgs,
    data_dir: Option<PathBuf>,
    engine: &Engine,
    reflections: Vec<Reflection>,
) -> bool {
    if !args.save {
        return true;
    }
    let Some(data) = data_folder(data_dir) else {
        eprintln!("error: no data folder could be found; give one with --data-dir");
        return false;
    };
    let store = AttemptStore::in_data_folder(&data);
    let attempt = Attempt {
        reflections,
        ..Attempt::new(&engine.scenario().title, engine.transcript().clone())
    };
    match store.save(&attempt) {
        Ok(path) => {
            eprintln!("saved the attempt as {}", path.display());
            true
        }
        Err(error) => {
            eprintln!("error: the attempt could not be saved: {error}");
            false
        }
    }
}
