//! Reviewed steps and transcripts as text for a person reading them in a
//! terminal: the feedback after an answer in play, and the whole transcript
//! (the debrief), with what practice kept at each step: the noticing question
//! and its answer, own words beside the answer picked as closest and the best
//! answers, confidence and self-ratings. Both are built from the core's review
//! of a step, so they say what the app's screens and the exports say.

use std::fmt::Write;

use crate::core::engine::{OwnWords, PlayableScenario, PracticeMode, StepRecord, Transcript};
use crate::core::practice_summary::PracticeSummary;
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
    for sentence in PracticeSummary::of(transcript).sentences() {
        let _ = writeln!(out, "{sentence}");
    }
    out
}

/// The scenario, its version, the seed, the feedback mode and the content hash.
fn write_header(out: &mut String, scenario: &PlayableScenario, transcript: &Transcript) {
    let settings = &transcript.settings;
    let mut practice = String::new();
    if settings.practice != PracticeMode::Choose {
        practice.push_str(&format!(", {}", settings.practice.label()));
    }
    if settings.ask_confidence {
        practice.push_str(", confidence asked");
    }
    let _ = writeln!(
        out,
        "{} ({} v{}), seed {}, {}{practice}{}",
        scenario.scenario().title,
        transcript.scenario_id,
        transcript.scenario_version,
        transcript.seed,
        settings.feedback.label(),
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
    write_noticing(&mut out, &step);
    match &record.own_words {
        Some(words) => write_own_words(&mut out, &step, words, audience),
        None => write_answer(&mut out, &step, audience),
    }
    if let Some(confidence) = record.confidence {
        let _ = writeln!(
            out,
            "    you were {}",
            wording::confidence_label(confidence)
        );
    }
    if !record.self_ratings.is_empty() {
        let ratings: Vec<String> = record
            .self_ratings
            .iter()
            .map(|rating| format!("{} {} of 5", rating.item.label(), rating.score))
            .collect();
        let _ = writeln!(out, "    your ratings: {}", ratings.join(" · "));
    }
    if let Some(deadline) = &record.deadline {
        let _ = writeln!(out, "    deadline passed: {deadline}");
    }
    out.push_str(&feedback_text(&step, "    "));
    out.push('\n');
    out
}

/// The answer given: the words, with the choice's id for an author, and how
/// long it took.
fn write_answer(out: &mut String, step: &ReviewedStep, audience: Audience) {
    match step.answer {
        Answer::Choice(_) => {
            let _ = writeln!(
                out,
                "    you: {}, {}",
                answer_text(step, audience),
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
}

/// The answer's words in quotation marks, with its id for an author.
fn answer_text(step: &ReviewedStep, audience: Audience) -> String {
    match step.answer {
        Answer::Choice(choice) if audience == Audience::Author => {
            format!("\"{}\" [{}]", choice.says, choice.id)
        }
        Answer::Choice(choice) => format!("\"{}\"", choice.says),
        _ => step.answer.words(),
    }
}

/// Own words ("Say it first"): the words with the seconds they took (and
/// whether the time ran out), the answer picked as closest or the one the
/// story followed, and the best answers at the moment.
fn write_own_words(out: &mut String, step: &ReviewedStep, words: &OwnWords, audience: Audience) {
    let record = step.record;
    let timing = wording::timing_in_words(words.latency, record.effective_limit, record.extensions);
    let text = words.text.trim();
    let _ = match (words.time_ran_out, text.is_empty()) {
        (false, _) => writeln!(
            out,
            "    {}: \"{text}\", {timing}",
            wording::your_own_words()
        ),
        (true, true) => writeln!(
            out,
            "    {}: none sent before the time ran out ({timing})",
            wording::your_own_words()
        ),
        (true, false) => writeln!(
            out,
            "    {}: \"{text}\", not sent before the time ran out ({timing})",
            wording::your_own_words()
        ),
    };
    match step.answer {
        Answer::Choice(_) if words.none_close => {
            let _ = writeln!(
                out,
                "    {}",
                wording::none_close_in_words(&answer_text(step, audience))
            );
        }
        Answer::Choice(_) => {
            let _ = writeln!(out, "    closest: {}", answer_text(step, audience));
        }
        _ => {
            let _ = writeln!(out, "    {}", step.answer.words());
        }
    }
    let best: Vec<String> = step
        .top_answers()
        .iter()
        .map(|choice| format!("\"{}\"", choice.says))
        .collect();
    if !best.is_empty() {
        let _ = writeln!(
            out,
            "    {}: {}",
            wording::the_best_answers_here(),
            best.join("; ")
        );
    }
}

/// The noticing question asked at the step, the answer given, whether it
/// fitted, and its feedback.
fn write_noticing(out: &mut String, step: &ReviewedStep) {
    let Some((probe, record)) = step.probe() else {
        return;
    };
    let _ = writeln!(out, "    noticing: {}", probe.question);
    let Some(answer) = probe.answers.get(record.picked) else {
        return;
    };
    let mut line = format!(
        "    you noticed: \"{}\". {}",
        answer.text,
        wording::fits_in_words(record.fits)
    );
    if !answer.feedback.is_empty() {
        line.push_str(&format!(" {}", answer.feedback));
    }
    let _ = writeln!(out, "{line}");
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
