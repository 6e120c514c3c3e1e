//! `doorway play`: play a scenario in the terminal, or run a script and print the
//! transcript.

use std::io::Read;
use std::path::PathBuf;

use std::path::Path;

use clap::{Args, ValueEnum};
use time::Date;

use super::files::{load_draft_for_command, load_for_command};
use super::interactive::play_interactively;
use super::practice::{day_arg, put_hard_moments_on_the_schedule};
use super::transcript_text::{Audience, transcript_text};
use crate::core::engine::{
    Engine, FeedbackMode, MULTIPLIER_RANGE, PlayableScenario, PracticeMode, Settings,
};
use crate::core::files::data_folder;
use crate::core::load::{LoadOptions, load_file};
use crate::core::preferences::{default_preferences_path, load_preferences, save_preferences};
use crate::core::schedule::today;
use crate::core::script::{parse_script, run_script};
use crate::core::store::{Attempt, AttemptStore, Reflection};
use crate::core::wording;

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
    /// How to answer: choose one of the written answers, say your own words
    /// first, or notice (answer a question about the moment) first. Without
    /// it, the mode last chosen for this scenario; one given here is
    /// remembered for it. A script plays choose unless given one.
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<ModeArg>,
    /// Ask "sure or unsure?" after each answer, before its feedback
    /// (remembered).
    #[arg(long, conflicts_with = "no_confidence")]
    pub confidence: bool,
    /// Stop asking "sure or unsure?" (remembered).
    #[arg(long)]
    pub no_confidence: bool,
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
    /// Play a draft that has errors, as far as it is written: answers with an
    /// error (such as one leading to a moment not written yet) show but cannot
    /// be chosen. A draft's attempt is not kept.
    #[arg(long, conflicts_with = "save")]
    pub draft: bool,
    /// The day a saved attempt's hard moments are scheduled from, YYYY-MM-DD
    /// (today by default).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day_arg, hide = true)]
    pub today: Option<Date>,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedbackArg {
    Immediate,
    Deferred,
    Exam,
}

/// The practice modes on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Choose one of the written answers.
    Choose,
    /// Say it first: write your own words, then pick the closest answer.
    Say,
    /// Notice first: answer a question about the moment, then choose.
    Notice,
}

impl From<ModeArg> for PracticeMode {
    fn from(mode: ModeArg) -> Self {
        match mode {
            ModeArg::Choose => PracticeMode::Choose,
            ModeArg::Say => PracticeMode::SayItFirst,
            ModeArg::Notice => PracticeMode::NoticeFirst,
        }
    }
}

/// How this play is practised, and the support line from the preferences.
struct Practice {
    mode: PracticeMode,
    ask_confidence: bool,
    support_line: String,
}

impl Practice {
    /// What the command line says alone: what a script plays, so that it
    /// replays the same whatever was remembered.
    fn from_args(args: &PlayArgs) -> Self {
        Self {
            mode: args.mode.map(PracticeMode::from).unwrap_or_default(),
            ask_confidence: args.confidence,
            support_line: String::new(),
        }
    }

    /// The command line's choices, remembered in the preferences in the data
    /// folder; or, where it makes none, what was remembered.
    fn remembered(args: &PlayArgs, scenario_id: &str, data: Option<&Path>) -> Self {
        let Some(data) = data else {
            return Self::from_args(args);
        };
        let path = default_preferences_path(data);
        let loaded = load_preferences(&path);
        if let Some(notice) = &loaded.notice {
            eprintln!("note: {notice}");
        }
        let mut preferences = loaded.preferences;
        let before = (
            preferences.practice_mode(scenario_id),
            preferences.ask_confidence,
        );
        if let Some(mode) = args.mode {
            preferences
                .practice_modes
                .insert(scenario_id.to_owned(), mode.into());
        }
        if args.confidence || args.no_confidence {
            preferences.ask_confidence = args.confidence;
        }
        let chosen = (
            preferences.practice_mode(scenario_id),
            preferences.ask_confidence,
        );
        if chosen != before
            && let Err(error) = save_preferences(&path, &preferences)
        {
            eprintln!(
                "note: your choice could not be remembered in {}: {error}",
                path.display()
            );
        }
        Self {
            mode: chosen.0,
            ask_confidence: chosen.1,
            support_line: preferences.support_line,
        }
    }
}

/// Plays; false on any problem.
pub(super) fn run(args: &PlayArgs, data_dir: Option<PathBuf>) -> bool {
    let (low, high) = MULTIPLIER_RANGE;
    if !(low..=high).contains(&args.time_scale) {
        eprintln!("error: --time-scale must be between {low} and {high}");
        return false;
    }
    let playable = if args.draft {
        load_draft_for_command(&args.file)
    } else {
        let playable = load_for_command(&args.file)
            .map(|loaded| PlayableScenario::new(loaded.scenario.expect("a playable scenario")));
        if playable.is_none() && can_play_as_a_draft(&args.file) {
            eprintln!("note: {}", wording::try_it_as_a_draft());
        }
        playable
    };
    let Some(playable) = playable else {
        return false;
    };
    let practice = if args.script.is_some() {
        Practice::from_args(args)
    } else {
        Practice::remembered(
            args,
            &playable.scenario().id,
            data_folder(data_dir.clone()).as_deref(),
        )
    };
    let settings = Settings {
        feedback: match args.feedback {
            FeedbackArg::Immediate => FeedbackMode::Immediate,
            FeedbackArg::Deferred => FeedbackMode::Deferred,
            FeedbackArg::Exam => FeedbackMode::Exam,
        },
        time_multiplier: args.time_scale,
        timers_off: args.no_time_limits,
        practice: practice.mode,
        ask_confidence: practice.ask_confidence,
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
        let played = play_interactively(&mut engine, events, &practice.support_line);
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
        if let Some(reason) = engine.end_of_draft() {
            println!("\n{}", wording::end_of_draft(&reason));
        }
    }
    match ran {
        Ok(_) => save_if_asked(args, data_dir, &engine, Vec::new()),
        Err(error) => {
            eprintln!("error: {error}");
            false
        }
    }
}

/// Whether the scenario at `path`, which has errors, could be played as a
/// draft.
fn can_play_as_a_draft(path: &Path) -> bool {
    load_file(path, LoadOptions::default()).draft().is_ok()
}

/// With `--save`, keeps the attempt with its reflections in the store and puts
/// its hard moments on the practice schedule; false if that failed.
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
            super::sync::send_after_play(&data, &attempt, engine.playable());
            let today = args.today.unwrap_or_else(today);
            put_hard_moments_on_the_schedule(&data, engine.playable(), engine.transcript(), today)
        }
        Err(error) => {
            eprintln!("error: the attempt could not be saved: {error}");
            false
        }
    }
}
