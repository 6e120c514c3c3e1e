//! `doorway practice`: the Today list of hard moments (answered at a costly
//! level, timed out on, or answered much slower than usual), interleaved
//! across scenarios, and playing each of them once more: from the state it
//! had, in the scenario's remembered practice mode, with feedback, one moment
//! at a time. Answered well, a moment moves up a box and comes back later;
//! answered poorly, it comes back tomorrow. The schedule is kept in the data
//! folder and written after each moment.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use time::Date;

use super::files::known_scenarios;
use super::interactive::{Moments, Scope, Stop, how_to_play};
use super::screen::Terminal;
use crate::core::engine::{FeedbackMode, MULTIPLIER_RANGE, PlayableScenario, Settings, Transcript};
use crate::core::files::data_folder;
use crate::core::model::Scenario;
use crate::core::preferences::{Preferences, default_preferences_path, load_preferences};
use crate::core::schedule::{
    BOX_DAYS, Item, LoadedSchedule, Schedule, load_schedule, median_latency, parse_day,
    save_schedule, schedule_path, today,
};
use crate::core::store::AttemptStore;
use crate::core::wording;

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// Only list the moments due today; play none.
    #[arg(long)]
    pub list: bool,
    /// The day to practise on, YYYY-MM-DD (today by default).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day_arg)]
    pub today: Option<Date>,
    /// Also look for the moments' scenarios in this folder (may be repeated;
    /// `scenarios/` and the shipped ones always are).
    #[arg(long = "scenario-folder", value_name = "DIR")]
    pub scenario_folders: Vec<PathBuf>,
    /// Seed for the first moment's wording and choice order (the next moments
    /// count on from it); a fresh one each time unless given.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Multiply every time limit by X (0.1 to 10).
    #[arg(long, default_value_t = 1.0, value_name = "X")]
    pub time_scale: f64,
    /// No time limits at all (latency is still recorded).
    #[arg(long)]
    pub no_time_limits: bool,
    #[command(flatten)]
    pub data: super::DataDirArg,
}

/// Reads a day written YYYY-MM-DD, for `--today`.
pub(super) fn day_arg(text: &str) -> Result<Date, String> {
    parse_day(text).ok_or_else(|| format!("\"{text}\" is not a day written YYYY-MM-DD"))
}

/// Lists or plays today's moments; false on any problem.
pub(super) fn run(args: &PracticeArgs) -> bool {
    let (low, high) = MULTIPLIER_RANGE;
    if !(low..=high).contains(&args.time_scale) {
        eprintln!("error: --time-scale must be between {low} and {high}");
        return false;
    }
    let Some(data) = data_folder(args.data.data_dir.clone()) else {
        eprintln!("error: no data folder could be found; give one with --data-dir");
        return false;
    };
    let today = args.today.unwrap_or_else(today);
    let path = schedule_path(&data);
    let loaded = load_schedule_reporting(&path);
    let scenarios = Scenarios::find(&args.scenario_folders);
    let due: Vec<Item> = loaded.schedule.due(today).into_iter().cloned().collect();
    if due.is_empty() {
        println!("{}", nothing_due_text(&loaded.schedule, today));
        return true;
    }
    println!("{}", list_text(&due, &scenarios, today));
    if args.list {
        return true;
    }
    if !loaded.writable {
        eprintln!(
            "error: the practice schedule at {} cannot be written, so practice would not be kept",
            path.display()
        );
        return false;
    }
    let preferences = load_preferences(&default_preferences_path(&data));
    if let Some(notice) = &preferences.notice {
        eprintln!("note: {notice}");
    }
    let session = Session {
        args,
        today,
        path: &path,
        preferences: &preferences.preferences,
        scenarios: &scenarios,
    };
    session.play(loaded.schedule, &due)
}

/// Reads the schedule, telling the trainee on standard error when its file
/// was set aside or left alone.
pub(super) fn load_schedule_reporting(path: &Path) -> LoadedSchedule {
    let loaded = load_schedule(path);
    if let Some(notice) = &loaded.notice {
        eprintln!("note: {notice}");
    }
    loaded
}

/// Puts the hard moments of a saved attempt on the practice schedule in the
/// data folder and saves it; false when it could not be saved.
pub(super) fn put_hard_moments_on_the_schedule(
    data: &Path,
    scenario: &PlayableScenario,
    transcript: &Transcript,
    today: Date,
) -> bool {
    let path = schedule_path(data);
    let loaded = load_schedule_reporting(&path);
    if !loaded.writable {
        eprintln!(
            "note: the practice schedule at {} is left as it is, so this attempt's hard moments were not put on it",
            path.display()
        );
        return true;
    }
    let attempts = AttemptStore::in_data_folder(data).load().attempts;
    let mut schedule = loaded.schedule;
    let before = schedule.clone();
    schedule.note_attempt(scenario, transcript, median_latency(&attempts), today);
    let noted: Vec<Date> = schedule
        .items
        .iter()
        .filter(|item| !before.items.contains(item))
        .map(|item| item.due)
        .collect();
    let Some(due) = noted.iter().min().copied() else {
        return true;
    };
    match save_schedule(&path, &schedule) {
        Ok(()) => {
            eprintln!(
                "{} on your practice list from {}: `doorway practice` plays {}",
                wording::count_noun(noted.len(), "hard moment is", "hard moments are"),
                day_text(due),
                if noted.len() == 1 { "it" } else { "them" }
            );
            true
        }
        Err(error) => {
            eprintln!(
                "error: the practice schedule could not be saved at {}: {error}",
                path.display()
            );
            false
        }
    }
}

/// What is said when nothing is due: when the next moment is, or how moments
/// get on the list.
fn nothing_due_text(schedule: &Schedule, today: Date) -> String {
    match schedule.next_due_after(today) {
        Some(next) => format!(
            "Nothing to practise today ({}). The next moment comes back on {}.",
            day_text(today),
            day_text(next)
        ),
        None => format!(
            "Nothing to practise today ({}): the list is empty. A moment goes on it when a saved \
             attempt answers it at a costly level, lets its time run out, or answers it much \
             slower than you usually do (`doorway play --save`, or any attempt in the app).",
            day_text(today)
        ),
    }
}

/// The Today list: each moment with its scenario, its opening words, why it
/// is there, and its box.
fn list_text(due: &[Item], scenarios: &Scenarios, today: Date) -> String {
    let mut out = format!(
        "Today ({}): {} to practise",
        day_text(today),
        wording::count_noun(due.len(), "moment", "moments")
    );
    for (number, item) in due.iter().enumerate() {
        out.push_str(&format!(
            "\n  {}. {}",
            number + 1,
            item_text(item, scenarios)
        ));
    }
    out
}

/// One moment on the list: "Practice · “Door one” · a costly answer · box 1
/// of 4 (1 day)".
fn item_text(item: &Item, scenarios: &Scenarios) -> String {
    let box_text = format!(
        "box {} of {} ({})",
        item.box_index + 1,
        BOX_DAYS.len(),
        wording::count_noun(
            usize::try_from(BOX_DAYS[item.box_index.min(BOX_DAYS.len() - 1)]).unwrap_or(0),
            "day",
            "days"
        )
    );
    match scenarios.with_moment(item) {
        Some(scenario) => format!(
            "{} · “{}” · {} · {box_text}",
            scenario.title,
            opening_words(scenario, item),
            item.reason.label()
        ),
        None => format!(
            "{} · {} · {box_text}",
            missing_text(item),
            item.reason.label()
        ),
    }
}

/// What is said of a moment whose scenario or node is no longer found.
fn missing_text(item: &Item) -> String {
    format!(
        "moment \"{}\" of scenario \"{}\", not found (skipped; if the scenario is in a folder of \
         your own, give it with --scenario-folder DIR)",
        item.node, item.scenario_id
    )
}

/// The first words of the moment as last shown.
fn opening_words(scenario: &Scenario, item: &Item) -> String {
    const WORDS: usize = 8;
    let node = scenario
        .acts
        .iter()
        .flat_map(|act| &act.nodes)
        .find(|node| node.id == item.node);
    let text = node
        .map(|node| {
            let said = node.wordings().nth(item.last_wording).unwrap_or(&node.text);
            // A moment of narration alone is known by its narration.
            match (said.trim().is_empty(), &node.narration) {
                (true, Some(narration)) => narration.clone(),
                _ => said.to_owned(),
            }
        })
        .unwrap_or_default();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > WORDS {
        let opening = words[..WORDS].join(" ");
        format!("{}…", opening.trim_end_matches(['.', '…']))
    } else {
        words.join(" ")
    }
}

/// "2026-12-02".
fn day_text(day: Date) -> String {
    day.to_string()
}

/// The scenarios the moments may come from.
struct Scenarios(Vec<Scenario>);

impl Scenarios {
    /// Those in `scenarios/`, the folders given, and the shipped ones.
    fn find(folders: &[PathBuf]) -> Self {
        Self(known_scenarios(folders))
    }

    /// The first scenario with the item's id that still has its moment.
    fn with_moment(&self, item: &Item) -> Option<&Scenario> {
        self.0.iter().find(|scenario| {
            scenario.id == item.scenario_id
                && scenario
                    .acts
                    .iter()
                    .flat_map(|act| &act.nodes)
                    .any(|node| node.id == item.node)
        })
    }
}

/// Playing the moments due.
struct Session<'a> {
    args: &'a PracticeArgs,
    today: Date,
    path: &'a Path,
    preferences: &'a Preferences,
    scenarios: &'a Scenarios,
}

impl Session<'_> {
    /// Plays each moment in turn, keeping the schedule after each; stops at
    /// `q` or when input ends. False if the schedule could not be saved.
    fn play(&self, mut schedule: Schedule, due: &[Item]) -> bool {
        let mut terminal = Terminal::new();
        let mut practised = 0;
        let mut help_shown = String::new();
        let first_seed = self.args.seed.unwrap_or_else(rand::random);
        for (position, item) in due.iter().enumerate() {
            let Some(scenario) = self.scenarios.with_moment(item) else {
                terminal.say(&format!("\n{}: {}.", position + 1, missing_text(item)));
                continue;
            };
            let seed = first_seed.wrapping_add(position as u64);
            let Some((stop, step)) = self.play_item(
                &mut terminal,
                &mut help_shown,
                scenario,
                item,
                seed,
                position,
            ) else {
                continue;
            };
            if let Some(step) = step {
                let kept =
                    schedule.record_practice(&item.scenario_id, &item.node, &step, self.today);
                practised += 1;
                terminal.say(&self.after_practice_text(&schedule, item, kept));
                if let Err(error) = save_schedule(self.path, &schedule) {
                    eprintln!(
                        "error: the practice schedule could not be saved at {}: {error}",
                        self.path.display()
                    );
                    return false;
                }
            }
            if matches!(stop, Stop::Quit | Stop::InputEnded) {
                break;
            }
        }
        terminal.say(&format!(
            "\nPractised {} of {}.",
            practised,
            wording::count_noun(due.len(), "moment", "moments")
        ));
        if practised > 0 {
            terminal.say(&format!("\n{}", wording::grounding()));
        }
        true
    }

    /// Plays one moment (with how to answer, when that is not what was last
    /// shown); how play stopped and the step answered, or none when the moment
    /// could not be started.
    fn play_item(
        &self,
        terminal: &mut Terminal,
        help_shown: &mut String,
        scenario: &Scenario,
        item: &Item,
        seed: u64,
        position: usize,
    ) -> Option<(Stop, Option<crate::core::engine::StepRecord>)> {
        let playable: Arc<PlayableScenario> = PlayableScenario::new(scenario.clone());
        let settings = Settings {
            feedback: FeedbackMode::Immediate,
            practice: self.preferences.practice_mode(&scenario.id),
            ask_confidence: self.preferences.ask_confidence,
            time_multiplier: self.args.time_scale,
            timers_off: self.args.no_time_limits,
            ..Settings::default()
        };
        let (mut engine, events) = match item.start(&playable, seed, settings) {
            Ok(started) => started,
            Err(error) => {
                terminal.say(&format!(
                    "\n{}: {}: {error} (skipped).",
                    position + 1,
                    scenario.title
                ));
                return None;
            }
        };
        let mut header = format!(
            "\n== {} · {} · {} ==",
            position + 1,
            scenario.title,
            settings.practice.label()
        );
        if !scenario.content_notes.is_empty() {
            header.push_str(&format!(
                "\n{}: {}",
                wording::content_notes(),
                scenario
                    .content_notes
                    .iter()
                    .map(|note| note.trim_end_matches('.'))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if let Some(said) = &item.start.said_before {
            header.push_str(&format!("\n{}", wording::said_just_before(said)));
        }
        terminal.say(&header);
        let help = how_to_play(&engine);
        if *help_shown != help {
            terminal.say(&help);
            *help_shown = help;
        }
        let stop = Moments::new(&mut engine, terminal, Scope::OneMoment).play(&events);
        Some((stop, engine.transcript().steps.first().cloned()))
    }

    /// Where the moment goes now.
    fn after_practice_text(&self, schedule: &Schedule, item: &Item, kept: Option<bool>) -> String {
        let found = schedule
            .items
            .iter()
            .find(|i| i.scenario_id == item.scenario_id && i.node == item.node);
        match (kept, found) {
            (Some(true), Some(now)) if now.box_index > item.box_index => format!(
                "(Well answered: it moves up to box {} and comes back on {}.)",
                now.box_index + 1,
                day_text(now.due)
            ),
            (Some(true), Some(now)) => format!(
                "(Not yet: it goes back to box 1 and comes back on {}.)",
                day_text(now.due)
            ),
            (Some(false), _) => "(Well answered through every box: it leaves the list.)".to_owned(),
            _ => String::new(),
        }
    }
}
