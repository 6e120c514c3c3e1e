//! Reading a transcript back against its scenario: what was said and answered at
//! each step, the other answers that were there, how each dimension moved, and a
//! summary of the attempt. The debrief, the history and the exports all use it.

use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{PlayableScenario, Response, StepRecord, Transcript};
use crate::core::model::{Choice, Feedback, Node, RuptureKind};

/// The trainee's answer at a step.
#[derive(Debug, Clone, Copy)]
pub enum Answer<'a> {
    Choice(&'a Choice),
    /// The time ran out.
    Timeout,
    /// A choice the scenario no longer has (it was edited since the attempt).
    Missing(&'a str),
}

impl Answer<'_> {
    /// The words of the answer, or what happened instead.
    pub fn words(&self) -> String {
        match self {
            Answer::Choice(choice) => choice.says.clone(),
            Answer::Timeout => "(The time ran out before you answered.)".to_owned(),
            Answer::Missing(id) => format!("(choice \"{id}\", no longer in the scenario)"),
        }
    }

    /// The words in quotation marks when something was said; what happened
    /// instead otherwise.
    pub fn quoted(&self) -> String {
        match self {
            Answer::Choice(choice) => format!("“{}”", choice.says),
            other => other.words(),
        }
    }
}

/// A dimension that moved at a step, named by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved<'a> {
    pub label: &'a str,
    pub from: i32,
    pub to: i32,
}

/// One step of a transcript, with the scenario's words filled in.
#[derive(Debug, Clone)]
pub struct ReviewedStep<'a> {
    pub record: &'a StepRecord,
    /// The node, unless the scenario no longer has it.
    pub node: Option<&'a Node>,
    /// The name of whoever spoke, if anyone did.
    pub speaker: Option<&'a str>,
    /// The heading for the client part of the feedback (see [`feedback_voice`]).
    pub voice: String,
    /// The wording that was shown.
    pub said: &'a str,
    pub answer: Answer<'a>,
    /// Coding tags (FIS, 3RS) of the answer.
    pub tags: &'a [String],
    /// The choices offered that were not taken, in the order shown.
    pub alternatives: Vec<&'a Choice>,
    /// The dimensions the answer moved, in the scenario's order of ids.
    pub moved: Vec<Moved<'a>>,
    /// Ruptures this step opened, and how many it repaired.
    pub opened: Vec<RuptureKind>,
    pub repaired: usize,
}

impl ReviewedStep<'_> {
    /// The feedback recorded for the answer.
    pub fn feedback(&self) -> Option<&Feedback> {
        self.record.feedback.as_ref()
    }
}

/// Each step of a transcript, read against the scenario.
pub fn review<'a>(
    scenario: &'a PlayableScenario,
    transcript: &'a Transcript,
) -> Vec<ReviewedStep<'a>> {
    transcript
        .steps
        .iter()
        .map(|record| review_step(scenario, record))
        .collect()
}

/// One step, read against the scenario.
pub fn review_step<'a>(scenario: &'a PlayableScenario, record: &'a StepRecord) -> ReviewedStep<'a> {
    let node = scenario.node(&record.node);
    let speaker = node.and_then(|n| n.speaker.as_deref()).map(|id| {
        scenario
            .scenario()
            .characters
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.name.as_str())
    });
    let said = node
        .and_then(|n| n.wordings().nth(record.wording))
        .unwrap_or("");
    let find = |id: &str| node.and_then(|n| n.choices.iter().find(|c| c.id == id));
    let (answer, tags): (Answer, &[String]) = match &record.response {
        Response::Choice(id) => match find(id) {
            Some(choice) => (Answer::Choice(choice), &choice.tags),
            None => (Answer::Missing(id), &[]),
        },
        Response::Timeout => (
            Answer::Timeout,
            node.and_then(|n| n.timeout.as_ref())
                .map_or(&[], |t| t.tags.as_slice()),
        ),
    };
    let taken = match &record.response {
        Response::Choice(id) => Some(id.as_str()),
        Response::Timeout => None,
    };
    let alternatives = record
        .shown_choices
        .iter()
        .filter(|id| Some(id.as_str()) != taken)
        .filter_map(|id| find(id))
        .collect();
    let before = &record.state_before.open_ruptures;
    let after = &record.state_after.open_ruptures;
    let repaired = if after.len() < before.len() {
        before.len() - after.len()
    } else {
        0
    };
    let kept = before.len() - repaired;
    let moved = record
        .state_after
        .values
        .iter()
        .filter_map(|(id, &to)| {
            let from = record.state_before.values.get(id).copied().unwrap_or(0);
            let label = scenario
                .dimensions()
                .get(id)
                .map_or(id.as_str(), |d| d.label.as_str());
            (from != to).then_some(Moved { label, from, to })
        })
        .collect();
    ReviewedStep {
        record,
        node,
        speaker,
        voice: feedback_voice(
            scenario.scenario(),
            node.and_then(|n| n.speaker.as_deref()),
            record.feedback.as_ref().map_or("", |f| f.client.as_str()),
        ),
        said,
        answer,
        tags,
        alternatives,
        moved,
        opened: after.iter().skip(kept).copied().collect(),
        repaired,
    }
}

/// The heading for the client part of the feedback at a node: "What Theo may
/// have felt", "How Dr. Okafor may have heard it" for a supervisor, and "What
/// they may have felt" where nobody speaks or the text names its own speaker
/// ("Noor: ...", at a moment where someone else spoke).
pub fn feedback_voice(
    scenario: &crate::core::model::Scenario,
    speaker: Option<&str>,
    client: &str,
) -> String {
    use crate::core::model::Role;
    let names_itself = client.split_once(": ").is_some_and(|(who, _)| {
        scenario
            .characters
            .iter()
            .any(|c| c.name == who || c.name.rsplit(' ').next() == Some(who))
    });
    let character = speaker
        .filter(|_| !names_itself)
        .and_then(|id| scenario.characters.iter().find(|c| c.id == id));
    match character {
        Some(c) if c.role == Role::Supervisor => format!("How {} may have heard it", c.name),
        Some(c) => format!("What {} may have felt", c.name),
        None => "What they may have felt".to_owned(),
    }
}

/// How a transcript ended, in words: "Caught in time (Repaired)", or that it
/// stopped before an ending.
pub fn outcome(transcript: &Transcript) -> String {
    transcript
        .ending
        .as_ref()
        .map_or_else(|| "left before an ending".to_owned(), |e| e.in_words())
}

/// A dimension's value at the start and after each step (one more value than
/// steps); empty when there were no steps.
pub fn trajectory(transcript: &Transcript, dimension: &str) -> Vec<i32> {
    let Some(first) = transcript.steps.first() else {
        return Vec::new();
    };
    let value = |values: &std::collections::BTreeMap<String, i32>| {
        values.get(dimension).copied().unwrap_or(0)
    };
    std::iter::once(value(&first.state_before.values))
        .chain(
            transcript
                .steps
                .iter()
                .map(|s| value(&s.state_after.values)),
        )
        .collect()
}

/// An attempt in numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptSummary {
    pub steps: usize,
    pub timeouts: usize,
    /// Answers the scenario marks as showing the skill well.
    pub exemplars: usize,
    /// Mean seconds to answer, over the steps answered.
    pub mean_latency: Option<f64>,
    pub connection: (i32, i32),
    pub distance: (i32, i32),
    pub ruptures_opened: usize,
    pub ruptures_repaired: usize,
    /// Ruptures still open at the last step.
    pub ruptures_open: usize,
}

/// Counts and the start and end of connection and distance.
pub fn summarize(transcript: &Transcript) -> AttemptSummary {
    let steps = &transcript.steps;
    let answered: Vec<f64> = steps
        .iter()
        .filter(|s| s.response != Response::Timeout)
        .map(|s| s.latency)
        .collect();
    let ends = |dimension: &str| {
        let values = trajectory(transcript, dimension);
        (
            values.first().copied().unwrap_or(0),
            values.last().copied().unwrap_or(0),
        )
    };
    let (mut opened, mut repaired) = (0, 0);
    for step in steps {
        let before = step.state_before.open_ruptures.len();
        let after = step.state_after.open_ruptures.len();
        if after > before {
            opened += after - before;
        } else {
            repaired += before - after;
        }
    }
    AttemptSummary {
        steps: steps.len(),
        timeouts: steps.len() - answered.len(),
        exemplars: steps.iter().filter(|s| s.exemplar).count(),
        mean_latency: (!answered.is_empty())
            .then(|| answered.iter().sum::<f64>() / answered.len() as f64),
        connection: ends(CONNECTION),
        distance: ends(DISTANCE),
        ruptures_opened: opened,
        ruptures_repaired: repaired,
        ruptures_open: steps
            .last()
            .map_or(0, |s| s.state_after.open_ruptures.len()),
    }
}

/// The summary in a sentence or two, as the end screen and the exports say it.
pub fn summary_sentence(summary: &AttemptSummary, scenario: &PlayableScenario) -> String {
    let (_, distance) = summary.distance;
    let band = scenario
        .dimensions()
        .get(DISTANCE)
        .and_then(|d| d.optimal)
        .map_or("", |band| {
            if band.contains(distance) {
                " (within the optimal band)"
            } else if distance > band.high {
                " (too distant)"
            } else {
                " (too close)"
            }
        });
    let timeouts = match summary.timeouts {
        0 => String::new(),
        1 => " The time ran out once.".to_owned(),
        n => format!(" The time ran out {n} times."),
    };
    format!(
        "{} steps. Connection {} → {}; distance {} → {}{band}. Ruptures opened: {}, repaired: {}.{timeouts}",
        summary.steps,
        summary.connection.0,
        summary.connection.1,
        summary.distance.0,
        distance,
        summary.ruptures_opened,
        summary.ruptures_repaired,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, Settings};
    use crate::core::fixtures::fixture;
    use std::sync::Arc;

    fn two_acts() -> Arc<PlayableScenario> {
        fixture("two-acts")
    }

    /// Plays the first offered choice, or lets the time run out, `steps` times.
    fn play(scenario: &Arc<PlayableScenario>, answers: &[Option<usize>]) -> Transcript {
        let (mut engine, _) = Engine::start(scenario, None, 7, Settings::default()).unwrap();
        for answer in answers {
            match answer {
                Some(i) => {
                    let id = engine.state().shown.choices[*i].clone();
                    engine.choose(&id).unwrap();
                }
                None => {
                    engine.let_time_run_out().unwrap();
                }
            }
        }
        engine.transcript().clone()
    }

    #[test]
    fn each_step_has_the_words_shown_and_the_answer_given() {
        let scenario = two_acts();
        let transcript = play(&scenario, &[Some(0), Some(1)]);
        let steps = review(&scenario, &transcript);
        assert_eq!(steps.len(), 2);
        for step in &steps {
            let node = step.node.expect("the node exists");
            assert!(node.wordings().any(|w| w == step.said));
            let Answer::Choice(choice) = step.answer else {
                panic!("a choice was made")
            };
            assert_eq!(Response::Choice(choice.id.clone()), step.record.response);
            assert_eq!(step.alternatives.len(), step.record.shown_choices.len() - 1);
            assert!(step.alternatives.iter().all(|c| c.id != choice.id));
        }
    }

    #[test]
    fn the_feedback_voice_follows_who_spoke() {
        let scenario = two_acts();
        let plain = scenario.scenario();
        assert_eq!(
            feedback_voice(plain, Some("ada"), "Oh."),
            "What Ada may have felt"
        );
        assert_eq!(
            feedback_voice(plain, Some("lin"), "Yes."),
            "How Dr. Lin may have heard it"
        );
        assert_eq!(
            feedback_voice(plain, None, "Oh."),
            "What they may have felt"
        );
        assert_eq!(
            feedback_voice(plain, Some("ben"), "Ada: I'm in the way."),
            "What they may have felt",
            "a line that names its own speaker is not put in someone else's mouth"
        );
    }

    #[test]
    fn a_timeout_is_reviewed_with_every_choice_as_an_alternative() {
        let scenario = two_acts();
        let transcript = play(&scenario, &[None]);
        let step = &review(&scenario, &transcript)[0];
        assert!(matches!(step.answer, Answer::Timeout));
        assert_eq!(step.alternatives.len(), step.record.shown_choices.len());
    }

    #[test]
    fn the_trajectory_starts_before_the_first_step_and_follows_each_one() {
        let scenario = two_acts();
        let transcript = play(&scenario, &[Some(0), Some(0), Some(0)]);
        let values = trajectory(&transcript, CONNECTION);
        assert_eq!(values.len(), transcript.steps.len() + 1);
        for (i, step) in transcript.steps.iter().enumerate() {
            assert_eq!(values[i], step.state_before.values[CONNECTION]);
            assert_eq!(values[i + 1], step.state_after.values[CONNECTION]);
        }
        assert!(trajectory(&play(&scenario, &[]), CONNECTION).is_empty());
    }

    #[test]
    fn the_summary_counts_ruptures_and_timeouts_from_the_steps() {
        let scenario = two_acts();
        // Every first answer, then a timeout: count what each step shows directly.
        for first in 0..3 {
            let transcript = play(&scenario, &[Some(first), None]);
            let summary = summarize(&transcript);
            assert_eq!(summary.steps, 2);
            assert_eq!(summary.timeouts, 1);
            assert_eq!(summary.mean_latency, Some(0.0));
            let opened: usize = review(&scenario, &transcript)
                .iter()
                .map(|s| s.opened.len())
                .sum();
            assert_eq!(summary.ruptures_opened, opened);
            assert_eq!(
                summary.ruptures_open,
                summary.ruptures_opened - summary.ruptures_repaired
            );
        }
    }
}
