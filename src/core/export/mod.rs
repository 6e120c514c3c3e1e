//! Exports of an attempt: Markdown for a supervisor, xAPI statements for a
//! learning management system. Nothing leaves the machine unless the user
//! exports it.

pub mod markdown;
pub mod xapi;

use crate::core::engine::PlayableScenario;
use crate::core::store::Attempt;

/// What an export reads: an attempt and the scenario it was played on.
#[derive(Debug, Clone, Copy)]
pub struct ExportSource<'a> {
    pub attempt: &'a Attempt,
    pub scenario: &'a PlayableScenario,
}

impl ExportSource<'_> {
    /// Whether the scenario's text is the one the attempt was played on.
    pub fn same_text(&self) -> bool {
        self.scenario.content_hash() == self.attempt.transcript.content_hash
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Xapi,
}

impl ExportFormat {
    /// The file name extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Xapi => "xapi.json",
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use crate::core::engine::{
        Confidence, Engine, FeedbackMode, Phase, PlayableScenario, PracticeMode, Response, Settings,
    };
    use crate::core::fis::{FisItem, SelfRating};
    use crate::core::fixtures::fixture;
    use crate::core::store::{Attempt, Reflection, SCHEMA_VERSION};

    /// The two-acts fixture, played down the "caught in time" path with set
    /// latencies, saved at a fixed time with a fixed id and one reflection.
    pub(crate) fn fixed_attempt() -> (Arc<PlayableScenario>, Attempt) {
        let scenario = fixture("two-acts");
        let (mut engine, _) = Engine::start(&scenario, None, 11, Settings::default()).unwrap();
        for (seconds, choice) in [
            (3.5, "brush_off"),
            (6.25, "repair"),
            (4.0, "ask_more"),
            (2.0, "book_after_repair"),
        ] {
            engine.tick(Duration::from_secs_f64(seconds));
            engine
                .respond_with(&Response::Choice(choice.to_owned()))
                .unwrap();
        }
        let attempt = Attempt {
            schema: SCHEMA_VERSION,
            id: "1764318000-0badcafe".to_owned(),
            scenario_title: scenario.scenario().title.clone(),
            saved_at: 1_764_318_000,
            transcript: engine.transcript().clone(),
            reflections: vec![Reflection {
                prompt: "What pulled you towards that answer?".to_owned(),
                answer: "The clock, and wanting to look organised.".to_owned(),
            }],
        };
        (scenario, attempt)
    }

    /// The two-acts fixture played to the end with the rupture left standing,
    /// then rewound to step 2 and repaired: one path taken, one left behind.
    pub(crate) fn rewound_attempt() -> (Arc<PlayableScenario>, Attempt) {
        let scenario = fixture("two-acts");
        let (mut engine, _) = Engine::start(&scenario, None, 11, Settings::default()).unwrap();
        let answer = |engine: &mut Engine, seconds: f64, choice: &str| {
            engine.tick(Duration::from_secs_f64(seconds));
            engine
                .respond_with(&Response::Choice(choice.to_owned()))
                .unwrap();
        };
        for (seconds, choice) in [
            (3.5, "brush_off"),
            (2.0, "confirm_booking"),
            (5.0, "move_on"),
            (1.5, "leave_it"),
        ] {
            answer(&mut engine, seconds, choice);
        }
        engine.rewind(1).unwrap();
        for (seconds, choice) in [
            (4.0, "repair"),
            (3.0, "ask_more"),
            (2.0, "book_after_repair"),
        ] {
            answer(&mut engine, seconds, choice);
        }
        let attempt = Attempt {
            schema: SCHEMA_VERSION,
            id: "1764318600-0ddba11a".to_owned(),
            scenario_title: scenario.scenario().title.clone(),
            saved_at: 1_764_318_600,
            transcript: engine.transcript().clone(),
            reflections: Vec::new(),
        };
        (scenario, attempt)
    }

    /// An attempt at the practice fixture with a fixed id and time.
    fn practice_attempt(engine: &Engine, scenario: &PlayableScenario, id: &str) -> Attempt {
        Attempt {
            schema: SCHEMA_VERSION,
            id: id.to_owned(),
            scenario_title: scenario.scenario().title.clone(),
            saved_at: 1_764_319_200,
            transcript: engine.transcript().clone(),
            reflections: Vec::new(),
        }
    }

    /// Goes on past the feedback, when there is feedback to read.
    fn go_on(engine: &mut Engine) {
        if engine.reading_feedback() {
            engine.go_on().unwrap();
        }
    }

    /// The practice fixture in Say it first with confidence asked: own words
    /// typed until the time ran out at the hall, then rewound to the hall and
    /// answered in words no written answer was close to. The path taken has own
    /// words beside the closest answer and "none close"; the path left behind
    /// has the words the time ran out on.
    pub(crate) fn said_first_attempt() -> (Arc<PlayableScenario>, Attempt) {
        let scenario = fixture("practice");
        let settings = Settings {
            practice: PracticeMode::SayItFirst,
            ask_confidence: true,
            ..Settings::default()
        };
        let (mut engine, _) = Engine::start(&scenario, None, 5, settings).unwrap();
        let rating = |item, score| SelfRating { item, score };
        engine.tick(Duration::from_secs_f64(12.5));
        engine
            .submit_own_words("You came back. I'm glad. Come in.")
            .unwrap();
        engine.choose("welcome").unwrap();
        engine.confide(Some(Confidence::Sure)).unwrap();
        engine
            .rate_own_words(
                0,
                vec![rating(FisItem::Warmth, 4), rating(FisItem::Empathy, 3)],
            )
            .unwrap();
        go_on(&mut engine);
        engine.tick(Duration::from_secs(6));
        engine.set_draft("Take your");
        engine.tick(Duration::from_secs(34));
        assert!(
            engine.transcript().steps[1]
                .own_words
                .as_ref()
                .unwrap()
                .time_ran_out,
            "the time ran out while writing"
        );
        go_on(&mut engine);
        engine.tick(Duration::from_secs(2));
        engine.choose("sit").unwrap();
        engine.confide(Some(Confidence::Unsure)).unwrap();
        go_on(&mut engine);
        engine.rewind(1).unwrap();
        engine.tick(Duration::from_secs(9));
        engine
            .submit_own_words("Stay a moment.\nThere is no rush.")
            .unwrap();
        engine.set_none_close(true).unwrap();
        engine.choose("stay").unwrap();
        engine.confide(None).unwrap();
        engine
            .rate_own_words(1, vec![rating(FisItem::AllianceBond, 2)])
            .unwrap();
        go_on(&mut engine);
        engine.tick(Duration::from_secs(3));
        engine.choose("sit").unwrap();
        engine.confide(None).unwrap();
        go_on(&mut engine);
        assert!(engine.transcript().ending.is_some());
        let attempt = practice_attempt(&engine, &scenario, "1764319200-5a1d1715");
        (scenario, attempt)
    }

    /// The practice fixture in Notice first with deferred feedback and
    /// confidence asked: the noticing question at the door answered with an
    /// answer that does not fit (`probe_pick` 1) or one that does (0).
    pub(crate) fn noticed_first_attempt(probe_pick: usize) -> (Arc<PlayableScenario>, Attempt) {
        let scenario = fixture("practice");
        let settings = Settings {
            practice: PracticeMode::NoticeFirst,
            feedback: FeedbackMode::Deferred,
            ask_confidence: true,
            ..Settings::default()
        };
        let (mut engine, _) = Engine::start(&scenario, None, 5, settings).unwrap();
        engine.tick(Duration::from_secs(7));
        engine.answer_probe(probe_pick).unwrap();
        if engine.phase() == Phase::Noticed {
            engine.see_answers().unwrap();
        }
        engine.tick(Duration::from_secs_f64(4.5));
        engine.choose("cold").unwrap();
        engine.confide(Some(Confidence::Sure)).unwrap();
        go_on(&mut engine);
        engine.tick(Duration::from_secs(3));
        engine.choose("stay").unwrap();
        engine.confide(Some(Confidence::Unsure)).unwrap();
        go_on(&mut engine);
        engine.choose("sit").unwrap();
        engine.confide(None).unwrap();
        go_on(&mut engine);
        assert!(engine.transcript().ending.is_some());
        let attempt = practice_attempt(&engine, &scenario, "1764319200-0b5e7ed0");
        (scenario, attempt)
    }
}
