//! What the practice modes add to an attempt's summary: how well the trainee's
//! confidence matched their answers (calibration), how often their noticing
//! fitted, and how they rated their own words.

use serde::Serialize;

use crate::core::engine::{Confidence, Transcript};
use crate::core::i18n::decimal;
use crate::core::model::Quality;
use crate::tr;

/// How well "sure" and "unsure" matched the answers' levels: a calibrated
/// trainee is sure of answers that show the skill well and unsure of others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Calibration {
    pub sure: usize,
    /// Sure answers that were at the top level.
    pub sure_top: usize,
    pub unsure: usize,
    /// Unsure answers that were not at the top level (or timed out).
    pub unsure_not_top: usize,
}

impl Calibration {
    /// Counts the confidence ratings of a transcript's steps.
    pub fn of(transcript: &Transcript) -> Self {
        let mut calibration = Self::default();
        for step in &transcript.steps {
            let top = step.quality == Some(Quality::Skilled);
            match step.confidence {
                Some(Confidence::Sure) => {
                    calibration.sure += 1;
                    calibration.sure_top += usize::from(top);
                }
                Some(Confidence::Unsure) => {
                    calibration.unsure += 1;
                    calibration.unsure_not_top += usize::from(!top);
                }
                None => {}
            }
        }
        calibration
    }

    /// Whether any answer was rated.
    pub fn is_empty(&self) -> bool {
        self.sure + self.unsure == 0
    }

    /// "Sure of 4 answers: 3 showed the skill well. Unsure of 2: 1 did not."
    pub fn in_words(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if self.sure > 0 {
            parts.push(tr!(
                "calibration-sure",
                count = self.sure,
                top = self.sure_top
            ));
        }
        if self.unsure > 0 {
            parts.push(tr!(
                "calibration-unsure",
                count = self.unsure,
                not_top = self.unsure_not_top
            ));
        }
        Some(parts.join(" "))
    }
}

/// Whom the summary's sentences speak of.
#[derive(Clone, Copy)]
enum Person {
    You,
    TheTrainee,
}

/// The practice records of one attempt, counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PracticeSummary {
    pub calibration: Calibration,
    /// Noticing questions answered, and how many answers fitted.
    pub probes: usize,
    pub probes_fitting: usize,
    /// Moments answered in own words first (words written: a moment whose
    /// time ran out before any word is not counted).
    pub own_words: usize,
    /// Of those, where the trainee found no written answer close.
    pub none_close: usize,
    /// The mean of every self-rating given, 1 to 5.
    pub mean_self_rating: Option<f64>,
}

impl PracticeSummary {
    /// Counts a transcript's practice records.
    pub fn of(transcript: &Transcript) -> Self {
        let steps = &transcript.steps;
        let probes: Vec<bool> = steps
            .iter()
            .filter_map(|s| s.probe.as_ref())
            .map(|p| p.fits)
            .collect();
        let words: Vec<bool> = steps
            .iter()
            .filter_map(|s| s.own_words.as_ref())
            .filter(|w| !w.text.trim().is_empty())
            .map(|w| w.none_close)
            .collect();
        let ratings: Vec<u8> = steps
            .iter()
            .flat_map(|s| &s.self_ratings)
            .map(|r| r.score)
            .collect();
        Self {
            calibration: Calibration::of(transcript),
            probes: probes.len(),
            probes_fitting: probes.iter().filter(|fits| **fits).count(),
            own_words: words.len(),
            none_close: words.iter().filter(|none| **none).count(),
            mean_self_rating: (!ratings.is_empty())
                .then(|| ratings.iter().map(|&r| f64::from(r)).sum::<f64>() / ratings.len() as f64),
        }
    }

    /// Share of noticing answers that fitted, 0 to 1; none when none was asked.
    pub fn probe_accuracy(&self) -> Option<f64> {
        (self.probes > 0).then(|| self.probes_fitting as f64 / self.probes as f64)
    }

    /// The summary's sentences, one per practice record kept, said to the
    /// trainee ("You said it first…"); empty when the attempt was played by
    /// choosing alone, without ratings.
    pub fn sentences(&self) -> Vec<String> {
        self.sentences_about(Person::You)
    }

    /// The same, said of the trainee to someone else ("The trainee said it
    /// first…"), as the export for a supervisor does.
    pub fn sentences_about_the_trainee(&self) -> Vec<String> {
        self.sentences_about(Person::TheTrainee)
    }

    fn sentences_about(&self, person: Person) -> Vec<String> {
        let person = match person {
            Person::You => "you",
            Person::TheTrainee => "trainee",
        };
        let mut out = Vec::new();
        if self.own_words > 0 {
            out.push(tr!(
                "practice-said-it-first",
                person = person,
                count = self.own_words,
                none_close = self.none_close
            ));
        }
        if let Some(mean) = self.mean_self_rating {
            out.push(tr!(
                "practice-mean-rating",
                person = person,
                mean = decimal(mean, 1)
            ));
        }
        if self.probes > 0 {
            out.push(tr!(
                "practice-noticing-fitted",
                person = person,
                fitting = self.probes_fitting,
                probes = self.probes
            ));
        }
        out.extend(self.calibration.in_words());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, FeedbackMode, PracticeMode, Settings};
    use crate::core::fis::{FisItem, SelfRating};
    use crate::core::fixtures;

    /// The practice fixture played in Say it first, with a confidence rating
    /// and self-ratings at each answer.
    fn played() -> Transcript {
        let settings = Settings {
            practice: PracticeMode::SayItFirst,
            feedback: FeedbackMode::Deferred,
            ..Settings::default()
        };
        let (mut engine, _) =
            Engine::start(&fixtures::fixture("practice"), None, 1, settings).unwrap();
        engine.submit_own_words("Come in").unwrap();
        engine.choose("welcome").unwrap();
        engine.rate_confidence(0, Some(Confidence::Sure)).unwrap();
        engine
            .rate_own_words(
                0,
                vec![SelfRating {
                    item: FisItem::Warmth,
                    score: 4,
                }],
            )
            .unwrap();
        engine.submit_own_words("Hurry up").unwrap();
        engine.set_none_close(true).unwrap();
        engine.choose("rush").unwrap();
        engine.rate_confidence(1, Some(Confidence::Sure)).unwrap();
        engine
            .rate_own_words(
                1,
                vec![SelfRating {
                    item: FisItem::AllianceBond,
                    score: 1,
                }],
            )
            .unwrap();
        engine.choose("sit").unwrap();
        engine.rate_confidence(2, Some(Confidence::Unsure)).unwrap();
        engine.transcript().clone()
    }

    #[test]
    fn calibration_counts_sure_answers_at_the_top_and_unsure_ones_below_it() {
        let calibration = Calibration::of(&played());
        assert_eq!(
            calibration,
            Calibration {
                sure: 2,
                sure_top: 1,
                unsure: 1,
                unsure_not_top: 0
            }
        );
        assert_eq!(
            calibration.in_words().unwrap(),
            "Sure of 2 answers: 1 showed the skill well. Unsure of 1 answer: 0 did not show it well."
        );
    }

    #[test]
    fn the_summary_counts_own_words_ratings_and_noticing() {
        let summary = PracticeSummary::of(&played());
        assert_eq!((summary.own_words, summary.none_close), (2, 1));
        assert_eq!(summary.mean_self_rating, Some(2.5));
        assert_eq!(summary.probe_accuracy(), None);
        assert_eq!(
            summary.sentences()[..2],
            [
                "You said it first at 2 moments; at 1 no written answer was close to your words.",
                "Your own ratings of your words averaged 2.5 of 5."
            ]
        );
    }

    #[test]
    fn a_moment_whose_time_ran_out_before_any_word_is_not_counted() {
        let mut transcript = played();
        if let Some(words) = &mut transcript.steps[1].own_words {
            words.text = "  ".into();
        }
        let summary = PracticeSummary::of(&transcript);
        assert_eq!((summary.own_words, summary.none_close), (1, 0));
    }

    #[test]
    fn the_sentences_for_a_supervisor_speak_of_the_trainee() {
        let summary = PracticeSummary::of(&played());
        assert_eq!(
            summary.sentences_about_the_trainee()[..2],
            [
                "The trainee said it first at 2 moments; at 1 no written answer was close to their words.",
                "The trainee's own ratings of their words averaged 2.5 of 5."
            ]
        );
    }

    #[test]
    fn an_attempt_played_by_choosing_has_nothing_to_say() {
        let mut transcript = played();
        for step in &mut transcript.steps {
            step.own_words = None;
            step.self_ratings.clear();
            step.confidence = None;
        }
        assert!(PracticeSummary::of(&transcript).sentences().is_empty());
    }
}
