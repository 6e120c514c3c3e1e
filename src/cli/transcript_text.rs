//! A transcript as text for a person reading it in a terminal.

use std::fmt::Write;

use crate::core::engine::{Response, StateSnapshot, StepRecord, Transcript};
use crate::core::model::{Feedback, Scenario};
use crate::core::review::feedback_voice;

/// The whole transcript: header, each step with its feedback, the abandoned
/// branches, and the ending.
pub fn transcript_text(scenario: &Scenario, transcript: &Transcript) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} v{}), seed {}, feedback {:?}{}",
        scenario.title,
        transcript.scenario_id,
        transcript.scenario_version,
        transcript.seed,
        transcript.settings.feedback,
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
            "-- abandoned branch from step {} --",
            branch.from_step + 1
        );
        for step in &branch.steps {
            out.push_str(&step_text(scenario, step));
        }
        if let Some(ending) = &branch.ending {
            let _ = writeln!(out, "   it ended: {} ({:?})\n", ending.title, ending.kind);
        }
    }
    match &transcript.ending {
        Some(ending) => {
            let _ = writeln!(out, "Ending: {} ({:?})", ending.title, ending.kind);
        }
        None => out.push_str("No ending reached.\n"),
    }
    out
}

fn step_text(scenario: &Scenario, step: &StepRecord) -> String {
    let mut out = String::new();
    let node = scenario.nodes().find(|n| n.id == step.node);
    let speaker = node
        .and_then(|n| n.speaker.as_deref())
        .and_then(|id| scenario.characters.iter().find(|c| c.id == id))
        .map(|c| c.name.as_str());
    let text = node
        .and_then(|n| n.wordings().nth(step.wording))
        .unwrap_or("");
    let _ = writeln!(out, "{:>2}. [{}] {}", step.index + 1, step.clock, step.node);
    if !text.is_empty() {
        let _ = writeln!(out, "    {}: \"{text}\"", speaker.unwrap_or("Narrator"));
    }
    let limit = step
        .effective_limit
        .map_or(String::new(), |l| format!(" of {l:.0} s"));
    match &step.response {
        Response::Choice(id) => {
            let says = node
                .and_then(|n| n.choices.iter().find(|c| &c.id == id))
                .map_or("", |c| c.says.as_str());
            let star = if step.exemplar { " (exemplar)" } else { "" };
            let _ = writeln!(
                out,
                "    you: \"{says}\" [{id}]{star}, after {:.1} s{limit}",
                step.latency
            );
        }
        Response::Timeout => {
            let _ = writeln!(out, "    (time ran out after {:.1} s)", step.latency);
        }
    }
    let changes = changes_text(&step.state_before, &step.state_after);
    if !changes.is_empty() {
        let _ = writeln!(out, "    {changes}");
    }
    if let Some(deadline) = &step.deadline {
        let _ = writeln!(out, "    deadline passed: {deadline}");
    }
    if let Some(feedback) = &step.feedback {
        let speaker = node.and_then(|n| n.speaker.as_deref());
        let voice = feedback_voice(scenario, speaker, &feedback.client);
        out.push_str(&feedback_text(feedback, &voice, "    "));
    }
    out.push('\n');
    out
}

/// "connection 0 -> 2, distance 0 -> 3; rupture opened".
pub fn changes_text(before: &StateSnapshot, after: &StateSnapshot) -> String {
    let mut parts: Vec<String> = after
        .values
        .iter()
        .filter_map(|(id, to)| {
            let from = before.values.get(id).copied().unwrap_or(0);
            (from != *to).then(|| format!("{id} {from} -> {to}"))
        })
        .collect();
    match after.open_ruptures.len().cmp(&before.open_ruptures.len()) {
        std::cmp::Ordering::Greater => parts.push("rupture opened".into()),
        std::cmp::Ordering::Less => parts.push("rupture repaired".into()),
        std::cmp::Ordering::Equal => {}
    }
    parts.join(", ")
}

/// The three parts of feedback, indented.
pub fn feedback_text(feedback: &Feedback, voice: &str, indent: &str) -> String {
    format!(
        "{indent}what it does: {}\n{indent}{}: \"{}\"\n{indent}concept: {} ({})\n",
        feedback.relational, voice, feedback.client, feedback.concept, feedback.source
    )
}
