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

    use crate::core::engine::{Engine, PlayableScenario, Response, Settings};
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
}
