//! Reviewed steps and transcripts as text for a person reading them in a
//! terminal: the feedback after an answer in play, and the whole transcript.
//! Both are built from the core's review of a step, so they say what the app's
//! screens and the exports say.

use std::fmt::Write;

use crate::core::engine::{PlayableScenario, StepRecord, Transcript};
use crate::core::review::{Answer, ReviewedStep, review_step};
use crate::core::wording;

/// The whole transcript: header, each step with its feedback, the abandoned
/// branches, and the ending.
pub(super) fn transcript_text(scenario: &PlayableScenario, transcript: &Transcript) -> String {
    let mut out = String::new();
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
    for step in &transcript.steps {
        out.push_str(&step_text(scenario, step));
    }
    for branch in &transcript.branches {
        let _ = writeln!(
            out,
            "-- the path left behind at step {} --",
            branch.from_step + 1
        );
        for step in &branch.steps {
            out.push_str(&step_text(scenario, step));
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

/// One step of a transcript: the moment, the answer and its timing, then the
/// feedback.
fn step_text(scenario: &PlayableScenario, record: &StepRecord) -> String {
    let step = review_step(scenario, record);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>2}. [{}] {}",
        record.index + 1,
        record.clock,
        record.node
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
        Answer::Choice(choice) => {
            let _ = writeln!(
                out,
                "    you: \"{}\" [{}], {}",
                choice.says,
                choice.id,
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
    if step.exemplar {
        let _ = writeln!(out, "{indent}★ {}", wording::SHOWS_THE_SKILL);
    }
    if let Some(feedback) = step.feedback() {
        let _ = writeln!(out, "{indent}What it does: {}", feedback.relational);
        let _ = writeln!(out, "{indent}{}: \"{}\"", step.voice, feedback.client);
        let _ = writeln!(
            out,
            "{indent}The concept: {} ({})",
            feedback.concept, feedback.source
        );
    }
    if let Some((heading, inner)) = &step.inner {
        let _ = writeln!(out, "{indent}{heading}: \"{inner}\"");
    }
    let changes = step.changes_in_words();
    if !changes.is_empty() {
        let _ = writeln!(out, "{indent}{}", changes.join(" · "));
    }
    out
}
