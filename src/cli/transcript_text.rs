//! Reviewed steps and transcripts as text for a person reading them in a
//! terminal: the feedback after an answer in play, and the whole transcript.
//! Both are built from the core's review of a step, so they say what the app's
//! screens and the exports say.

use std::fmt::Write;

use crate::core::engine::{PlayableScenario, StepRecord, Transcript};
use crate::core::review::{Answer, ReviewedStep, review_step};
use crate::core::wording;

/// Who a transcript is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Audience {
    /// An author running a script: a header with the seed and content hash, and
    /// the node and choice ids that scripts are written with.
    Author,
    /// A trainee reading the debrief: the scenario's words only.
    Trainee,
}

/// The whole transcript: (for an author) a header, each step with its
/// feedback, the abandoned branches, and the ending.
pub(super) fn transcript_text(
    scenario: &PlayableScenario,
    transcript: &Transcript,
    audience: Audience,
) -> String {
    let mut out = String::new();
    if audience == Audience::Author {
        write_header(&mut out, scenario, transcript);
    }
    for step in &transcript.steps {
        out.push_str(&step_text(scenario, step, audience));
    }
    for branch in &transcript.branches {
        let _ = writeln!(
            out,
            "-- the path left behind at step {} --",
            branch.from_step + 1
        );
        for step in &branch.steps {
            out.push_str(&step_text(scenario, step, audience));
        }
        let _ = writeln!(
            out,
            "   it ended: {}\n",
            wording::ending_in_words(branch.ending.as_ref())
        );
    }
    let _ = writeln!(
        out,
        "Ending: {}",
        wording::ending_in_words(transcript.ending.as_ref())
    );
    out
}

/// The scenario, its version, the seed, the feedback mode and the content hash.
fn write_header(out: &mut String, scenario: &PlayableScenario, transcript: &Transcript) {
    let _ = writeln!(
        out,
        "{} ({} v{}), seed {}, {}{}",
        scenario.scenario().title,
        transcript.scenario_id,
        transcript.scenario_version,
        transcript.seed,
        transcript.settings.feedback.label(),
        transcript
            .entry
            .as_deref()
            .map_or(String::new(), |e| format!(", from entry point {e}"))
    );
    let _ = writeln!(out, "content hash {}\n", transcript.content_hash);
}

/// One step of a transcript: the moment, the answer and its timing, then the
/// feedback.
fn step_text(scenario: &PlayableScenario, record: &StepRecord, audience: Audience) -> String {
    let step = review_step(scenario, record);
    let mut out = String::new();
    let node = match audience {
        Audience::Author => format!(" ({})", record.node),
        Audience::Trainee => String::new(),
    };
    let _ = writeln!(
        out,
        "{} · {}{node}",
        wording::step_heading(record.index),
        record.clock,
    );
    if !step.said.is_empty() {
        let _ = writeln!(
            out,
            "    {}: \"{}\"",
            step.speaker.unwrap_or("Narrator"),
            step.said
        );
    }
    match step.answer {
        Answer::Choice(choice) if audience == Audience::Author => {
            let _ = writeln!(
                out,
                "    you: \"{}\" [{}], {}",
                choice.says,
                choice.id,
                step.timing_in_words()
            );
        }
        Answer::Choice(choice) => {
            let _ = writeln!(
                out,
                "    you: \"{}\", {}",
                choice.says,
                step.timing_in_words()
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "    {} ({})",
                step.answer.words(),
                step.timing_in_words()
            );
        }
    }
    if let Some(deadline) = &record.deadline {
        let _ = writeln!(out, "    deadline passed: {deadline}");
    }
    out.push_str(&feedback_text(&step, "    "));
    out.push('\n');
    out
}

/// What the terminal shows of a reviewed step after the answer: whether it
/// shows the skill, the three parts of the feedback, the client's inner
/// experience and what changed, each line indented.
pub(super) fn feedback_text(step: &ReviewedStep, indent: &str) -> String {
    let mut out = String::new();
    if let Some(level) = step.quality {
        let _ = writeln!(out, "{indent}{}", wording::your_answer_level(level));
    }
    if let Some(spread) = step.others_in_words() {
        let _ = writeln!(out, "{indent}{spread}");
    }
    for part in step.feedback_parts() {
        let text = if part.quoted {
            format!("\"{}\"", part.text)
        } else {
            part.text
        };
        let _ = writeln!(out, "{indent}{}: {text}", part.heading);
    }
    let changes = step.changes_in_words();
    if !changes.is_empty() {
        let _ = writeln!(out, "{indent}{}", changes.join(" · "));
    }
    out
}
