//! Summing a class's attempts up per scenario.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{AttemptRecord, Learner};
use crate::core::model::{EndingKind, Quality};

/// Moments answered by fewer learners than this show counts only.
pub const FEWEST_LEARNERS_FOR_FIGURES: usize = 5;

/// How many moments the "connection falls most" list names.
const FALLS_LISTED: usize = 5;

/// Which attempts a report takes.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub scenario: Option<String>,
    /// Seconds since the Unix epoch: attempts begun before are left out.
    pub since: Option<i64>,
}

/// The attempts kept, one per registration.
#[derive(Debug, Default)]
pub struct Class {
    attempts: HashMap<String, AttemptRecord>,
    filter: Filter,
    /// Attempts seen again (the same registration in another file).
    pub duplicates: usize,
}

impl Class {
    pub fn new(filter: Filter) -> Self {
        Self {
            filter,
            ..Self::default()
        }
    }

    /// Keeps an attempt unless filtered out or already kept; an xAPI record
    /// replaces an attempt file's, since it names its learner.
    pub fn add(&mut self, record: AttemptRecord) {
        if self
            .filter
            .scenario
            .as_ref()
            .is_some_and(|s| *s != record.scenario)
            || self
                .filter
                .since
                .is_some_and(|since| record.started < since)
        {
            return;
        }
        match self.attempts.get_mut(&record.registration) {
            Some(kept) => {
                self.duplicates += 1;
                if record.from_xapi && !kept.from_xapi {
                    *kept = record;
                }
            }
            None => {
                self.attempts.insert(record.registration.clone(), record);
            }
        }
    }

    /// The report, learners numbered by their sorted ids.
    pub fn summarize(&self, names: bool) -> Summary {
        let learners: BTreeSet<&Learner> = self.attempts.values().map(|a| &a.learner).collect();
        let ids: BTreeSet<&str> = learners.iter().map(|l| l.id.as_str()).collect();
        let label: HashMap<&str, String> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| (*id, format!("Learner {}", n + 1)))
            .collect();
        let shown = |learner: &Learner| {
            if names {
                learner.name.clone().unwrap_or_else(|| learner.id.clone())
            } else {
                label[learner.id.as_str()].clone()
            }
        };
        let mut by_scenario: BTreeMap<&str, Vec<&AttemptRecord>> = BTreeMap::new();
        for attempt in self.attempts.values() {
            by_scenario
                .entry(&attempt.scenario)
                .or_default()
                .push(attempt);
        }
        Summary {
            duplicates: self.duplicates,
            scenarios: by_scenario
                .into_iter()
                .map(|(id, mut attempts)| {
                    attempts.sort_by(|a, b| {
                        (a.started, &a.registration).cmp(&(b.started, &b.registration))
                    });
                    scenario_summary(id, &attempts, &shown)
                })
                .collect(),
        }
    }
}

/// A class's figures, per scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub scenarios: Vec<ScenarioSummary>,
    /// Attempts read more than once and counted once.
    pub duplicates: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioSummary {
    pub scenario: String,
    pub learners: usize,
    pub attempts: usize,
    pub endings: Vec<EndingCount>,
    /// Attempts left before an ending.
    pub unfinished: usize,
    /// The moments in the order they come (by the earliest step they were met at).
    pub moments: Vec<MomentSummary>,
    /// The moments where connection falls most, the steepest first.
    pub connection_falls: Vec<ConnectionFall>,
    pub progress: Vec<Progress>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EndingCount {
    pub node: String,
    pub kind: EndingKind,
    pub attempts: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MomentSummary {
    pub node: String,
    pub learners: usize,
    pub answers: usize,
    /// Fewer than five learners: no shares and no times.
    pub counts_only: bool,
    pub options: Vec<OptionCount>,
    pub timeouts: usize,
    pub median_seconds: Option<f64>,
    /// The interquartile range of answer times.
    pub iqr_seconds: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionCount {
    pub option: String,
    pub quality: Option<Quality>,
    pub chosen: usize,
    /// The share of the moment's answers; none under the counts-only rule.
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectionFall {
    pub node: String,
    pub mean_change: f64,
    pub answers: usize,
}

/// A learner's first attempt against the latest.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub learner: String,
    pub attempts: usize,
    pub first: AttemptBrief,
    pub latest: AttemptBrief,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttemptBrief {
    pub ending: Option<EndingKind>,
    /// The mean level of the rated answers: skilled 2, good enough 1, costly 0.
    pub mean_level: Option<f64>,
}

#[derive(Default)]
struct MomentTally {
    first_step: usize,
    learners: BTreeSet<String>,
    answers: usize,
    options: BTreeMap<String, (Option<Quality>, usize)>,
    timeouts: usize,
    seconds: Vec<f64>,
    connection: (i64, usize),
}

fn scenario_summary(
    id: &str,
    attempts: &[&AttemptRecord],
    shown: &dyn Fn(&Learner) -> String,
) -> ScenarioSummary {
    let mut endings: BTreeMap<(EndingKind, &str), usize> = BTreeMap::new();
    let mut moments: BTreeMap<&str, MomentTally> = BTreeMap::new();
    let mut per_learner: BTreeMap<&str, Vec<&AttemptRecord>> = BTreeMap::new();
    for attempt in attempts {
        per_learner
            .entry(&attempt.learner.id)
            .or_default()
            .push(attempt);
        if let Some((node, kind)) = &attempt.ending {
            *endings.entry((*kind, node)).or_default() += 1;
        }
        for answer in &attempt.answers {
            let tally = moments.entry(&answer.node).or_insert_with(|| MomentTally {
                first_step: answer.step,
                ..MomentTally::default()
            });
            tally.first_step = tally.first_step.min(answer.step);
            tally.learners.insert(attempt.learner.id.clone());
            tally.answers += 1;
            tally.seconds.push(answer.seconds);
            if answer.timed_out {
                tally.timeouts += 1;
            }
            if let Some(choice) = &answer.choice {
                let option = tally.options.entry(choice.clone()).or_default();
                option.0 = option.0.or(answer.quality);
                option.1 += 1;
            }
            if let Some(change) = answer.connection_change {
                tally.connection.0 += i64::from(change);
                tally.connection.1 += 1;
            }
        }
    }
    let mut ordered: Vec<(&str, MomentTally)> = moments.into_iter().collect();
    ordered.sort_by_key(|(node, tally)| (tally.first_step, *node));
    let mut falls: Vec<ConnectionFall> = ordered
        .iter()
        .filter(|(_, t)| t.connection.1 > 0)
        .map(|(node, t)| ConnectionFall {
            node: (*node).to_owned(),
            mean_change: t.connection.0 as f64 / t.connection.1 as f64,
            answers: t.connection.1,
        })
        .filter(|fall| fall.mean_change < 0.0)
        .collect();
    falls.sort_by(|a, b| a.mean_change.total_cmp(&b.mean_change));
    falls.truncate(FALLS_LISTED);
    let mut progress: Vec<Progress> = per_learner
        .values()
        .map(|attempts| Progress {
            learner: shown(&attempts[0].learner),
            attempts: attempts.len(),
            first: brief(attempts[0]),
            latest: brief(attempts[attempts.len() - 1]),
        })
        .collect();
    progress.sort_by_key(|p| natural_key(&p.learner));
    ScenarioSummary {
        scenario: id.to_owned(),
        learners: per_learner.len(),
        attempts: attempts.len(),
        unfinished: attempts.iter().filter(|a| a.ending.is_none()).count(),
        endings: endings
            .into_iter()
            .map(|((kind, node), attempts)| EndingCount {
                node: node.to_owned(),
                kind,
                attempts,
            })
            .collect(),
        moments: ordered
            .into_iter()
            .map(|(n, t)| moment_summary(n, t))
            .collect(),
        connection_falls: falls,
        progress,
    }
}

/// Sorts "Learner 10" after "Learner 9".
fn natural_key(label: &str) -> (String, u64) {
    let digits: String = label
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let number: String = digits.chars().rev().collect();
    let stem = label[..label.len() - number.len()].to_owned();
    (stem, number.parse().unwrap_or(0))
}

fn moment_summary(node: &str, mut tally: MomentTally) -> MomentSummary {
    let counts_only = tally.learners.len() < FEWEST_LEARNERS_FOR_FIGURES;
    tally.seconds.sort_by(f64::total_cmp);
    let answers = tally.answers;
    MomentSummary {
        node: node.to_owned(),
        learners: tally.learners.len(),
        answers,
        counts_only,
        options: tally
            .options
            .into_iter()
            .map(|(option, (quality, chosen))| OptionCount {
                option,
                quality,
                chosen,
                share: (!counts_only).then(|| chosen as f64 / answers as f64),
            })
            .collect(),
        timeouts: tally.timeouts,
        median_seconds: (!counts_only)
            .then(|| quantile(&tally.seconds, 0.5))
            .flatten(),
        iqr_seconds: (!counts_only)
            .then(|| Some(quantile(&tally.seconds, 0.75)? - quantile(&tally.seconds, 0.25)?))
            .flatten(),
    }
}

/// The `q` quantile of sorted values, interpolated between neighbours.
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let at = q * last as f64;
    let (low, high) = (at.floor() as usize, at.ceil() as usize);
    Some(sorted[low] + (sorted[high] - sorted[low]) * (at - low as f64))
}

fn brief(attempt: &AttemptRecord) -> AttemptBrief {
    let levels: Vec<f64> = attempt
        .answers
        .iter()
        .filter_map(|a| a.quality)
        .map(|q| match q {
            Quality::Skilled => 2.0,
            Quality::GoodEnough => 1.0,
            Quality::Costly => 0.0,
        })
        .collect();
    AttemptBrief {
        ending: attempt.ending.as_ref().map(|(_, kind)| *kind),
        mean_level: (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64),
    }
}
