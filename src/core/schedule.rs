//! Spaced practice of hard moments (a Leitner schedule): a moment answered at a
//! costly level, timed out on, or answered much slower than the trainee's
//! usual pace comes back the next day; answered well, it moves up a box and
//! comes back after 3, 7 and then 21 days; answered poorly, it goes back to the
//! first box. The schedule is kept in the data folder, written atomically; a
//! damaged file is set aside and reported. Every function takes the day as an
//! argument, so tests (and `doorway practice --today`) can set the clock.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use time::Date;
use time::format_description::well_known::Iso8601;

use super::clock::ClockTime;
use super::engine::{
    Engine, EngineError, PlayableScenario, RelationalState, Response, Rupture, SessionEvent,
    Settings, StepRecord, Transcript,
};
use super::files::{set_aside, write_atomically};
use super::model::{Quality, RuptureKind};
use super::store::Attempt;
use crate::tr;

/// Days until a moment comes back, by box: the first box is tomorrow.
pub const BOX_DAYS: [i64; 4] = [1, 3, 7, 21];

/// An answer this many times slower than the trainee's median is a hard moment.
pub const SLOW_FACTOR: f64 = 2.0;

/// Answers quicker than this are never called slow, whatever the median.
const SLOW_FLOOR_SECONDS: f64 = 10.0;

/// The version of the schedule file written now.
pub const SCHEDULE_SCHEMA: u32 = 1;

/// Why a moment was put on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Costly,
    TimedOut,
    Slow,
}

impl Reason {
    /// The reason in words, for the list.
    pub fn label(self) -> String {
        match self {
            Reason::Costly => tr!("reason-costly"),
            Reason::TimedOut => tr!("reason-timed-out"),
            Reason::Slow => tr!("reason-slow"),
        }
    }
}

/// The state play had when the moment came, to start there again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartState {
    pub values: BTreeMap<String, i32>,
    pub open_ruptures: Vec<RuptureKind>,
    /// The scenario clock, minutes after midnight.
    pub clock: u32,
    /// The moments visited before it.
    pub visited: BTreeSet<String>,
    /// What the trainee answered just before the moment, when the moment
    /// answers to it ("What has Theo heard in your answer?").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_before: Option<String>,
}

/// One practice of a moment from the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Practised {
    #[serde(with = "iso_date")]
    pub day: Date,
    /// The answer's level; none when the time ran out.
    pub quality: Option<Quality>,
    pub well: bool,
    /// What the trainee wrote first, in "Say it first": kept, as the attempt
    /// keeps it, since a practice is not saved as an attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_words: Option<String>,
}

/// A moment on the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub scenario_id: String,
    pub node: String,
    /// The box, from 0: it decides the days until the next practice.
    pub box_index: usize,
    #[serde(with = "iso_date")]
    pub due: Date,
    pub reason: Reason,
    pub start: StartState,
    /// The wording shown last time, so that a repeat shows another.
    pub last_wording: usize,
    pub practised: Vec<Practised>,
}

impl Item {
    /// Whether the moment is to be practised on `today`.
    pub fn is_due(&self, today: Date) -> bool {
        self.due <= today
    }

    /// Starts play at the moment, with the state it had, showing another
    /// wording than last time where the moment has one.
    pub fn start(
        &self,
        playable: &Arc<PlayableScenario>,
        seed: u64,
        settings: Settings,
    ) -> Result<(Engine, Vec<SessionEvent>), EngineError> {
        let relational = RelationalState {
            values: self.start.values.clone(),
            ruptures: Rupture::assumed_open(&self.start.open_ruptures),
            visited: self.start.visited.clone(),
        };
        let (mut engine, mut events) = Engine::start_at(
            playable,
            &self.node,
            relational,
            Some(self.start.clock),
            seed,
            settings,
        )?;
        if let Some(reworded) = engine.show_another_wording(self.last_wording) {
            for event in &mut events {
                if matches!(event, SessionEvent::NodeEntered { .. }) {
                    *event = reworded.clone();
                }
            }
        }
        Ok((engine, events))
    }
}

/// Every moment on the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub schema: u32,
    pub items: Vec<Item>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            schema: SCHEDULE_SCHEMA,
            items: Vec::new(),
        }
    }
}

/// The median answer time over every answer chosen (timeouts and answers
/// written in own words first left out), in seconds; none before any answer.
pub fn median_latency(attempts: &[Attempt]) -> Option<f64> {
    let mut latencies: Vec<f64> = attempts
        .iter()
        .flat_map(|attempt| &attempt.transcript.steps)
        .filter(|step| matches!(step.response, Response::Choice(_)) && step.own_words.is_none())
        .map(|step| step.latency)
        .filter(|latency| latency.is_finite())
        .collect();
    if latencies.is_empty() {
        return None;
    }
    latencies.sort_by(f64::total_cmp);
    let middle = latencies.len() / 2;
    Some(if latencies.len().is_multiple_of(2) {
        (latencies[middle - 1] + latencies[middle]) / 2.0
    } else {
        latencies[middle]
    })
}

/// Why a step was hard, if it was.
fn hard_reason(step: &StepRecord, median: Option<f64>) -> Option<Reason> {
    if step.response == Response::Timeout {
        return Some(Reason::TimedOut);
    }
    if step.quality == Some(Quality::Costly) {
        return Some(Reason::Costly);
    }
    // Writing one's own words takes longer than choosing: only chosen
    // answers are compared with the median of chosen answers.
    let slow = step.own_words.is_none()
        && median.is_some_and(|median| {
            step.latency >= SLOW_FLOOR_SECONDS && step.latency > SLOW_FACTOR * median
        });
    slow.then_some(Reason::Slow)
}

/// Whether a good-enough answer was offered at a step (true when the moment
/// is not found: then nothing says otherwise).
fn has_a_good_answer(scenario: &PlayableScenario, step: &StepRecord) -> bool {
    let Some(node) = scenario.node(&step.node) else {
        return true;
    };
    step.shown_choices.iter().any(|id| {
        node.choices
            .iter()
            .find(|c| &c.id == id)
            .is_none_or(|c| c.level().is_none_or(Quality::is_good))
    })
}

/// The words of the written answer a step recorded; none for a timeout.
fn said_at(scenario: &PlayableScenario, step: &StepRecord) -> Option<String> {
    let Response::Choice(id) = &step.response else {
        return None;
    };
    let node = scenario.node(&step.node)?;
    node.choices
        .iter()
        .find(|c| &c.id == id)
        .map(|c| c.says.clone())
}

impl Schedule {
    /// Puts the hard moments of a finished attempt on `scenario` on the list,
    /// due tomorrow (a moment already there goes back to the first box). A
    /// moment where every answer offered was costly is left off: it sets a
    /// scene (as a repair drill's opener does) and has nothing to practise.
    pub fn note_attempt(
        &mut self,
        scenario: &PlayableScenario,
        transcript: &Transcript,
        median: Option<f64>,
        today: Date,
    ) {
        let mut visited = BTreeSet::new();
        let mut said_before = None;
        for step in &transcript.steps {
            let reason = hard_reason(step, median).filter(|_| has_a_good_answer(scenario, step));
            if let Some(reason) = reason {
                let start = StartState {
                    values: step.state_before.values.clone(),
                    open_ruptures: step.state_before.open_ruptures.clone(),
                    clock: step
                        .clock
                        .parse::<ClockTime>()
                        .map_or(0, ClockTime::minutes),
                    visited: visited.clone(),
                    said_before: said_before.clone(),
                };
                self.put_back(&transcript.scenario_id, &step.node, reason, start, today);
                if let Some(item) = self.find_mut(&transcript.scenario_id, &step.node) {
                    item.last_wording = step.wording;
                }
            }
            visited.insert(step.node.clone());
            said_before = said_at(scenario, step);
        }
    }

    fn put_back(
        &mut self,
        scenario_id: &str,
        node: &str,
        reason: Reason,
        start: StartState,
        today: Date,
    ) {
        let due = after_days(today, BOX_DAYS[0]);
        match self.find_mut(scenario_id, node) {
            Some(item) => {
                item.box_index = 0;
                item.due = due;
                item.reason = reason;
                item.start = start;
            }
            None => self.items.push(Item {
                scenario_id: scenario_id.to_owned(),
                node: node.to_owned(),
                box_index: 0,
                due,
                reason,
                start,
                last_wording: 0,
                practised: Vec::new(),
            }),
        }
    }

    fn find_mut(&mut self, scenario_id: &str, node: &str) -> Option<&mut Item> {
        self.items
            .iter_mut()
            .find(|item| item.scenario_id == scenario_id && item.node == node)
    }

    /// The moments due on `today`, interleaved: one from each scenario in turn,
    /// each scenario's longest-waiting first.
    pub fn due(&self, today: Date) -> Vec<&Item> {
        let mut by_scenario: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
        for item in self.items.iter().filter(|item| item.is_due(today)) {
            by_scenario.entry(&item.scenario_id).or_default().push(item);
        }
        for items in by_scenario.values_mut() {
            items.sort_by_key(|item| item.due);
        }
        let rounds = by_scenario.values().map(Vec::len).max().unwrap_or(0);
        (0..rounds)
            .flat_map(|round| {
                by_scenario
                    .values()
                    .filter_map(move |items| items.get(round).copied())
            })
            .collect()
    }

    /// The next day something is due after `today`, if anything is.
    pub fn next_due_after(&self, today: Date) -> Option<Date> {
        self.items
            .iter()
            .map(|item| item.due)
            .filter(|due| *due > today)
            .min()
    }

    /// Records a practice of a moment from the list: answered well (at least
    /// good enough, in time), it moves up a box, and after the last box it
    /// leaves the list; otherwise it goes back to the first box. Returns
    /// whether the moment is still on the list, or none if it was not there.
    pub fn record_practice(
        &mut self,
        scenario_id: &str,
        node: &str,
        step: &StepRecord,
        today: Date,
    ) -> Option<bool> {
        let position = self
            .items
            .iter()
            .position(|item| item.scenario_id == scenario_id && item.node == node)?;
        let well = step.response != Response::Timeout && step.quality.is_some_and(Quality::is_good);
        let item = &mut self.items[position];
        item.practised.push(Practised {
            day: today,
            quality: step.quality,
            well,
            own_words: step.own_words.as_ref().map(|words| words.text.clone()),
        });
        item.last_wording = step.wording;
        if well {
            if item.box_index + 1 >= BOX_DAYS.len() {
                self.items.remove(position);
                return Some(false);
            }
            item.box_index += 1;
        } else {
            item.box_index = 0;
        }
        item.due = after_days(today, BOX_DAYS[item.box_index]);
        Some(true)
    }
}

fn after_days(day: Date, days: i64) -> Date {
    day.checked_add(time::Duration::days(days)).unwrap_or(day)
}

/// Where the schedule is kept in the data folder.
pub fn schedule_path(data_dir: &Path) -> PathBuf {
    data_dir.join("practice-schedule.json")
}

/// The schedule as loaded, with a note for the trainee when the file was
/// unusable.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSchedule {
    pub schedule: Schedule,
    pub notice: Option<String>,
    /// False when the file there must not be overwritten (a newer format).
    pub writable: bool,
}

/// Reads the schedule. A missing file is an empty schedule; a damaged one is
/// set aside (never overwritten) with a notice; one from a newer Doorway is
/// left alone, with a notice, and not written over.
pub fn load_schedule(path: &Path) -> LoadedSchedule {
    let fresh = |notice: Option<String>, writable: bool| LoadedSchedule {
        schedule: Schedule::default(),
        notice,
        writable,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return fresh(None, true),
        Err(error) => {
            return fresh(
                Some(format!(
                    "Your practice schedule at {} could not be read ({error}).",
                    path.display()
                )),
                false,
            );
        }
    };
    match serde_json::from_slice::<Schedule>(&bytes) {
        Ok(schedule) if schedule.schema > SCHEDULE_SCHEMA => fresh(
            Some(format!(
                "Your practice schedule at {} was written by a newer Doorway; it is left as it is.",
                path.display()
            )),
            false,
        ),
        Ok(mut schedule) => {
            // A box past the last (a hand edit) is the last.
            for item in &mut schedule.items {
                item.box_index = item.box_index.min(BOX_DAYS.len() - 1);
            }
            LoadedSchedule {
                schedule,
                notice: None,
                writable: true,
            }
        }
        Err(error) => {
            let kept = match set_aside(path) {
                Ok(place) => format!("it was kept as {}", place.display()),
                Err(move_error) => format!("it could not be moved aside ({move_error})"),
            };
            fresh(
                Some(format!(
                    "Your practice schedule was damaged ({error}); {kept}, and a new one is started."
                )),
                true,
            )
        }
    }
}

/// Writes the schedule atomically.
pub fn save_schedule(path: &Path, schedule: &Schedule) -> std::io::Result<()> {
    let text = serde_json::to_vec_pretty(schedule).map_err(std::io::Error::other)?;
    write_atomically(path, &text)
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// Reads a date written "YYYY-MM-DD".
pub fn parse_day(text: &str) -> Option<Date> {
    Date::parse(text.trim(), &Iso8601::DATE).ok()
}

/// Dates as "YYYY-MM-DD" in the schedule file.
mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};
    use time::Date;
    use time::format_description::well_known::Iso8601;

    pub(super) fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        let text = date
            .format(&Iso8601::DATE)
            .map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text, &Iso8601::DATE).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, FeedbackMode, Settings};
    use crate::core::fixtures;

    fn day(text: &str) -> Date {
        parse_day(text).unwrap()
    }

    fn practice() -> Arc<PlayableScenario> {
        fixtures::fixture("practice")
    }

    #[test]
    fn a_moment_where_every_answer_offered_was_costly_is_left_off() {
        let mut transcript = costly_then_good();
        transcript.steps[0].shown_choices = vec!["cold".into()];
        let mut schedule = Schedule::default();
        schedule.note_attempt(&practice(), &transcript, None, day("2026-12-01"));
        assert!(schedule.items.is_empty());
    }

    /// A played attempt at the practice fixture: a costly first answer, then a
    /// good one.
    fn costly_then_good() -> Transcript {
        let scenario = fixtures::fixture("practice");
        let settings = Settings {
            feedback: FeedbackMode::Deferred,
            ..Settings::default()
        };
        let (mut engine, _) = Engine::start(&scenario, None, 1, settings).unwrap();
        engine.tick(std::time::Duration::from_secs(3));
        engine.choose("cold").unwrap();
        engine.tick(std::time::Duration::from_secs(3));
        engine.choose("stay").unwrap();
        engine.transcript().clone()
    }

    #[test]
    fn a_costly_answer_comes_back_tomorrow_with_its_state() {
        let mut schedule = Schedule::default();
        schedule.note_attempt(
            &practice(),
            &costly_then_good(),
            Some(3.0),
            day("2026-12-01"),
        );
        assert_eq!(schedule.items.len(), 1);
        let item = &schedule.items[0];
        assert_eq!((item.node.as_str(), item.reason), ("door", Reason::Costly));
        assert_eq!(item.due, day("2026-12-02"));
        assert_eq!(item.start.clock, 14 * 60 + 45);
        assert!(schedule.due(day("2026-12-01")).is_empty(), "not today");
        assert_eq!(schedule.due(day("2026-12-02")).len(), 1);
    }

    #[test]
    fn answered_well_a_moment_climbs_the_boxes_and_leaves_after_the_last() {
        let mut schedule = Schedule::default();
        let transcript = costly_then_good();
        schedule.note_attempt(&practice(), &transcript, None, day("2026-12-01"));
        let good = &transcript.steps[1];
        let mut today = day("2026-12-02");
        for expected_gap in [3, 7, 21] {
            assert_eq!(
                schedule.record_practice("practice", "door", good, today),
                Some(true)
            );
            let due = schedule.items[0].due;
            assert_eq!((due - today).whole_days(), expected_gap);
            today = due;
        }
        assert_eq!(
            schedule.record_practice("practice", "door", good, today),
            Some(false)
        );
        assert!(schedule.items.is_empty());
        assert_eq!(
            schedule.record_practice("practice", "door", good, today),
            None
        );
    }

    #[test]
    fn answered_poorly_a_moment_goes_back_to_the_first_box() {
        let mut schedule = Schedule::default();
        let transcript = costly_then_good();
        schedule.note_attempt(&practice(), &transcript, None, day("2026-12-01"));
        let (costly, good) = (&transcript.steps[0], &transcript.steps[1]);
        schedule.record_practice("practice", "door", good, day("2026-12-02"));
        schedule.record_practice("practice", "door", good, day("2026-12-05"));
        assert_eq!(schedule.items[0].box_index, 2);
        schedule.record_practice("practice", "door", costly, day("2026-12-12"));
        assert_eq!(schedule.items[0].box_index, 0);
        assert_eq!(schedule.items[0].due, day("2026-12-13"));
        assert_eq!(schedule.items[0].practised.len(), 3);
        assert_eq!(schedule.items[0].practised[0].own_words, None);
        let mut said = costly.clone();
        said.own_words = Some(crate::core::engine::OwnWords {
            text: "Come in, Cal".into(),
            latency: 4.0,
            time_ran_out: false,
            none_close: false,
        });
        schedule.record_practice("practice", "door", &said, day("2026-12-13"));
        assert_eq!(
            schedule.items[0].practised[3].own_words.as_deref(),
            Some("Come in, Cal"),
            "own words written in practice are kept"
        );
    }

    #[test]
    fn practice_starts_at_the_moment_with_its_state_and_another_wording() {
        let scenario = fixtures::fixture("practice");
        let mut schedule = Schedule::default();
        let mut transcript = costly_then_good();
        transcript.steps[1].quality = Some(Quality::Costly);
        schedule.note_attempt(&practice(), &transcript, None, day("2026-12-01"));
        let hall = schedule.items.iter().find(|i| i.node == "hall").unwrap();
        assert_eq!(
            hall.start.said_before.as_deref(),
            Some("Cold"),
            "the answer before it"
        );
        let (engine, events) = hall.start(&scenario, 5, Settings::default()).unwrap();
        assert_eq!(engine.state().node, "hall");
        assert_eq!(engine.state().clock, 14 * 60 + 46, "the clock it had");
        assert_eq!(engine.state().relational.value("connection"), -2);
        assert!(engine.state().relational.visited.contains("door"));
        assert!(
            events
                .iter()
                .any(|e| matches!(e, SessionEvent::NodeEntered { node, .. } if node == "hall"))
        );

        let door = schedule.items.iter().find(|i| i.node == "door").unwrap();
        for seed in 0..8 {
            let (engine, events) = door.start(&scenario, seed, Settings::default()).unwrap();
            assert_ne!(engine.state().shown.wording, door.last_wording);
            let shown = events.iter().find_map(|e| match e {
                SessionEvent::NodeEntered { text, .. } => Some(text.clone()),
                _ => None,
            });
            assert_eq!(shown.as_deref(), Some(engine.shown_text()));
        }
    }

    #[test]
    fn slow_answers_and_timeouts_are_hard_moments_too() {
        let mut transcript = costly_then_good();
        transcript.steps[0].quality = Some(Quality::Skilled);
        transcript.steps[1].latency = 30.0;
        let mut schedule = Schedule::default();
        schedule.note_attempt(&practice(), &transcript, Some(5.0), day("2026-12-01"));
        assert_eq!(schedule.items.len(), 1);
        assert_eq!(schedule.items[0].reason, Reason::Slow);
        assert_eq!(
            schedule.items[0].start.visited.len(),
            1,
            "the door came first"
        );
        transcript.steps[1].response = Response::Timeout;
        schedule.note_attempt(&practice(), &transcript, Some(20.0), day("2026-12-01"));
        assert_eq!(schedule.items[0].reason, Reason::TimedOut);
    }

    #[test]
    fn answers_written_first_are_not_slow_beside_chosen_ones() {
        let mut transcript = costly_then_good();
        transcript.steps[0].quality = Some(Quality::Skilled);
        transcript.steps[1].latency = 30.0;
        transcript.steps[1].own_words = Some(crate::core::engine::OwnWords {
            text: "Stay a while".into(),
            latency: 30.0,
            time_ran_out: false,
            none_close: false,
        });
        let mut schedule = Schedule::default();
        schedule.note_attempt(&practice(), &transcript, Some(5.0), day("2026-12-01"));
        assert!(schedule.items.is_empty());
        let attempt = Attempt::new("Practice", transcript);
        assert_eq!(
            median_latency(std::slice::from_ref(&attempt)),
            Some(3.0),
            "the median leaves the written answer out"
        );
    }

    #[test]
    fn due_moments_alternate_between_scenarios() {
        let mut schedule = Schedule::default();
        let transcript = costly_then_good();
        for (scenario, node) in [("a", "1"), ("a", "2"), ("a", "3"), ("b", "1")] {
            let mut copy = transcript.clone();
            copy.scenario_id = scenario.into();
            copy.steps.truncate(1);
            copy.steps[0].node = node.into();
            schedule.note_attempt(&practice(), &copy, None, day("2026-12-01"));
        }
        let order: Vec<(&str, &str)> = schedule
            .due(day("2026-12-03"))
            .iter()
            .map(|item| (item.scenario_id.as_str(), item.node.as_str()))
            .collect();
        assert_eq!(order, vec![("a", "1"), ("b", "1"), ("a", "2"), ("a", "3")]);
    }

    #[test]
    fn the_median_leaves_timeouts_out() {
        let transcript = costly_then_good();
        let mut attempt = Attempt::new("Practice", transcript);
        attempt.transcript.steps[0].latency = 2.0;
        attempt.transcript.steps[1].latency = 4.0;
        assert_eq!(median_latency(std::slice::from_ref(&attempt)), Some(3.0));
        attempt.transcript.steps[1].response = Response::Timeout;
        assert_eq!(median_latency(std::slice::from_ref(&attempt)), Some(2.0));
        assert_eq!(median_latency(&[]), None);
    }

    #[test]
    fn the_schedule_is_kept_and_a_damaged_one_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = schedule_path(dir.path());
        assert_eq!(load_schedule(&path).schedule, Schedule::default());
        let mut schedule = Schedule::default();
        schedule.note_attempt(&practice(), &costly_then_good(), None, day("2026-12-01"));
        save_schedule(&path, &schedule).unwrap();
        assert_eq!(load_schedule(&path).schedule, schedule);

        std::fs::write(&path, b"{\"schema\": 1, \"items\": [").unwrap();
        let loaded = load_schedule(&path);
        assert!(loaded.notice.unwrap().contains("damaged"));
        assert!(loaded.writable);
        assert!(!path.exists(), "moved aside, not overwritten");
        let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(kept.len(), 1);

        std::fs::write(&path, b"{\"schema\": 9, \"items\": []}").unwrap();
        let newer = load_schedule(&path);
        assert!(!newer.writable);
        assert!(newer.notice.unwrap().contains("newer"));
    }
}
