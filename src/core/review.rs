//! Reading a transcript back against its scenario: what was said and answered at
//! each step, the other answers that were there, how each dimension moved, and a
//! summary of the attempt. The debrief, the history and the exports all use it.

use crate::core::dimensions::{CONNECTION, DISTANCE};
use crate::core::engine::{PlayableScenario, ProbeRecord, Response, StepRecord, Transcript};
use crate::core::model::{Choice, Feedback, Node, Probe, Quality, RuptureKind};
use crate::core::{felt_by, wording};
use crate::tr;

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
            Answer::Timeout => wording::time_ran_out().to_owned(),
            Answer::Missing(id) => tr!("answer-missing", id = *id),
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

impl Moved<'_> {
    /// "Connection 0 → 2".
    pub fn in_words(&self) -> String {
        wording::moved_in_words(&wording::dimension_label(self.label), self.from, self.to)
    }
}

/// One step of a transcript, with the scenario's words filled in: what the
/// live feedback, the terminal, the debrief and the exports all show of it.
#[derive(Debug, Clone)]
pub struct ReviewedStep<'a> {
    pub record: &'a StepRecord,
    /// The node, unless the scenario no longer has it.
    pub node: Option<&'a Node>,
    /// The name of whoever spoke, if anyone did.
    pub speaker: Option<&'a str>,
    /// The heading for the client part of the feedback ("What Theo may have
    /// felt"), naming whom [`felt_by::felt_by`] finds.
    pub voice: String,
    /// The wording that was shown.
    pub said: &'a str,
    pub answer: Answer<'a>,
    /// The answer's level, revealed after answering; none for a timeout.
    pub quality: Option<Quality>,
    /// Coding tags (FIS, 3RS) of the answer.
    pub tags: &'a [String],
    /// The client's inner experience at the moment, with its heading.
    pub inner: Option<(String, &'a str)>,
    /// The choices offered that were not taken, in the order shown.
    pub alternatives: Vec<&'a Choice>,
    /// The dimensions the answer moved, in the scenario's order of ids.
    pub moved: Vec<Moved<'a>>,
    /// Ruptures this step opened, and how many it repaired.
    pub opened: Vec<RuptureKind>,
    pub repaired: usize,
}

/// One part of the feedback on a step, with its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackPart {
    pub heading: String,
    pub text: String,
    /// Someone's words (the client's, or their inner voice): shown in quotes.
    pub quoted: bool,
}

impl<'a> ReviewedStep<'a> {
    /// The levels of the other answers offered, so the trainee sees whether
    /// there were other good ones: "The other answers here: 1 shows the skill
    /// well, 1 costly."; none when no other answer has a level.
    pub fn others_in_words(&self) -> Option<String> {
        let levels = LevelCounts::of(self.alternatives.iter().filter_map(|c| c.level()));
        wording::other_answers_in_words(levels)
    }

    /// The feedback in the order every front end shows it: what the answer
    /// does, what the client may have felt, the concept with its source, and
    /// the client's inner experience.
    pub fn feedback_parts(&self) -> Vec<FeedbackPart> {
        let part = |heading: &str, text: String, quoted| FeedbackPart {
            heading: heading.to_owned(),
            text,
            quoted,
        };
        let mut parts = Vec::new();
        if let Some(feedback) = self.feedback() {
            parts.push(part(
                &wording::what_it_does(),
                feedback.relational.clone(),
                false,
            ));
            parts.push(part(&self.voice, feedback.client.clone(), true));
            let concept = format!("{} ({})", feedback.concept, feedback.source);
            parts.push(part(&wording::the_concept(), concept, false));
        }
        if let Some((heading, inner)) = &self.inner {
            parts.push(part(heading, (*inner).to_owned(), true));
        }
        parts
    }

    /// The whole feedback as one passage, in the order it is shown: the
    /// answer, its level, the other answers, and each part with its heading.
    /// A screen reader speaks it when the feedback appears.
    pub fn in_one_passage(&self) -> String {
        let mut sentences = vec![self.answer.quoted()];
        sentences.extend(self.quality.map(wording::your_answer_level));
        sentences.extend(self.others_in_words());
        for part in self.feedback_parts() {
            sentences.push(format!("{}: {}", part.heading, part.text));
        }
        let ended = |sentence: &String| match sentence.trim_end().chars().last() {
            Some('.' | '?' | '!' | '”' | '…') => sentence.trim_end().to_owned(),
            _ => format!("{}.", sentence.trim_end()),
        };
        sentences.iter().map(ended).collect::<Vec<_>>().join(" ")
    }

    /// The feedback recorded for the answer.
    pub fn feedback(&self) -> Option<&Feedback> {
        self.record.feedback.as_ref()
    }

    /// What the answer changed, each part in words: "Connection 0 → 2", "a
    /// withdrawal rupture opened", "the rupture was repaired".
    pub fn changes_in_words(&self) -> Vec<String> {
        let moved = self.moved.iter().map(Moved::in_words);
        let opened = self
            .opened
            .iter()
            .map(|&kind| wording::rupture_opened(kind));
        let repaired = (self.repaired > 0).then(|| wording::ruptures_repaired(self.repaired));
        moved.chain(opened).chain(repaired).collect()
    }

    /// The answers at this moment that show the skill well, in written order:
    /// what the trainee's own words are set beside.
    pub fn top_answers(&self) -> Vec<&'a Choice> {
        self.node
            .into_iter()
            .flat_map(|node| &node.choices)
            .filter(|choice| choice.level() == Some(Quality::Skilled))
            .collect()
    }

    /// The noticing question asked here, with the answer given.
    pub fn probe(&self) -> Option<(&'a Probe, &'a ProbeRecord)> {
        let probe = self.node?.probe.as_ref()?;
        Some((probe, self.record.probe.as_ref()?))
    }

    /// "after 4.2 s of 45 s", or that it had no limit.
    pub fn timing_in_words(&self) -> String {
        let record = self.record;
        wording::timing_in_words(record.latency, record.effective_limit, record.extensions)
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
            .character(id)
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
    let repaired = before.len().saturating_sub(after.len());
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
    let felt_by = scenario
        .act_of(&record.node)
        .zip(node)
        .and_then(|(act, node)| {
            felt_by::felt_by(scenario.scenario(), act, node, record.feedback.as_ref())
        });
    ReviewedStep {
        record,
        node,
        speaker,
        voice: wording::feedback_heading(felt_by),
        said,
        answer,
        quality: record.quality,
        tags,
        inner: node
            .and_then(|n| n.inner.as_deref())
            .map(|inner| (wording::inner_heading(speaker), inner)),
        alternatives,
        moved,
        opened: after.iter().skip(kept).copied().collect(),
        repaired,
    }
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
    /// How many answers were at each level.
    pub levels: LevelCounts,
    /// Mean seconds to answer, over the steps answered.
    pub mean_latency: Option<f64>,
    pub connection: (i32, i32),
    pub distance: (i32, i32),
    pub ruptures_opened: usize,
    pub ruptures_repaired: usize,
    /// Ruptures still open at the last step.
    pub ruptures_open: usize,
}

/// How many answers were at each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct LevelCounts {
    pub skilled: usize,
    pub good_enough: usize,
    pub costly: usize,
}

impl LevelCounts {
    /// The levels counted.
    pub fn of(levels: impl IntoIterator<Item = Quality>) -> Self {
        let mut counts = Self::default();
        for level in levels {
            match level {
                Quality::Skilled => counts.skilled += 1,
                Quality::GoodEnough => counts.good_enough += 1,
                Quality::Costly => counts.costly += 1,
            }
        }
        counts
    }
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
        levels: LevelCounts::of(steps.iter().filter_map(|s| s.quality)),
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
        .map_or_else(String::new, |band| {
            if band.contains(distance) {
                tr!("summary-within-band")
            } else if distance > band.high {
                tr!("summary-too-distant")
            } else {
                tr!("summary-too-close")
            }
        });
    let timeouts = match wording::timeouts_in_words(summary.timeouts) {
        text if text.is_empty() => text,
        text => format!(" {text}"),
    };
    let levels = wording::levels_listed(summary.levels)
        .map(|levels| tr!("summary-answers", levels = levels))
        .unwrap_or_default();
    tr!(
        "summary",
        steps = summary.steps,
        connection_before = summary.connection.0,
        connection_after = summary.connection.1,
        distance_before = summary.distance.0,
        distance_after = distance,
        band = band,
        opened = summary.ruptures_opened,
        repaired = summary.ruptures_repaired,
        levels = levels,
        timeouts = timeouts
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
                    engine.respond_with(&Response::Choice(id)).unwrap();
                }
                None => {
                    engine.respond_with(&Response::Timeout).unwrap();
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
    fn the_feedback_heading_names_whose_experience_it_is_not_who_speaks() {
        let scenario = two_acts();
        let by_answers = |answers: &[Option<&str>]| {
            let mut engine = Engine::start(&scenario, None, 1, Settings::default())
                .unwrap()
                .0;
            for answer in answers {
                let response = match answer {
                    Some(choice) => Response::Choice((*choice).to_owned()),
                    None => Response::Timeout,
                };
                engine.respond_with(&response).unwrap();
            }
            review(&scenario, engine.transcript())
                .into_iter()
                .map(|step| (step.speaker.map(str::to_owned), step.voice))
                .collect::<Vec<_>>()
        };
        let heading = |speaker: &str, felt_by: &str| {
            (
                Some(speaker.to_owned()),
                format!("What {felt_by} may have felt"),
            )
        };
        // Ben, the next client, speaks at the deadline; the act is Ada's. A
        // week later the silence runs past the deadline, and the moment Ben
        // is greeted is his own (`felt_by`).
        assert_eq!(
            by_answers(&[
                Some("welcome"),
                Some("keep_talking"),
                Some("close_with_ada"),
                None,
                Some("greet_ben"),
            ]),
            [
                heading("Ada", "Ada"),
                heading("Ada", "Ada"),
                heading("Ben", "Ada"),
                heading("Ada", "Ada"),
                heading("Ben", "Ben"),
            ]
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
    fn the_feedback_reads_as_one_passage_in_the_order_shown() {
        let scenario = two_acts();
        let transcript = play(&scenario, &[Some(0)]);
        let step = &review(&scenario, &transcript)[0];
        let passage = step.in_one_passage();
        let feedback = step.feedback().expect("the answer has feedback");
        let Answer::Choice(choice) = step.answer else {
            panic!("a choice was made")
        };
        let (what_it_does, the_concept) = (wording::what_it_does(), wording::the_concept());
        let order = [
            choice.says.trim_end_matches('.'),
            what_it_does.as_str(),
            feedback.relational.trim_end_matches('.'),
            step.voice.as_str(),
            the_concept.as_str(),
            feedback.source.as_str(),
        ];
        let mut from = 0;
        for part in order {
            let at = passage[from..]
                .find(part)
                .unwrap_or_else(|| panic!("{part:?} after byte {from} of {passage:?}"));
            from += at + part.len();
        }
        assert!(!passage.contains(".."), "{passage}");
        let timeout = play(&scenario, &[None]);
        let timed_out = &review(&scenario, &timeout)[0];
        assert!(
            timed_out
                .in_one_passage()
                .starts_with(&wording::time_ran_out())
        );
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
