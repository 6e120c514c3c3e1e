//! What the terminal prints of each event of a session: the moment with its
//! answers (or, first, the noticing question or the request for own words),
//! the timer, the feedback, and the end.

use super::input::PRESS_ENTER_TO_SEE_THE_ANSWERS;
use super::transcript_text::feedback_text;
use crate::core::clock::format_clock;
use crate::core::engine::{Engine, Phase, SessionEvent, ShownChoice};
use crate::core::review::{Answer, review_step};
use crate::core::wording;

/// What is asked at a moment in Say it first, before the answers show.
pub(super) const WRITE_YOUR_WORDS: &str = "What would you say? Write it and press Enter: the answers show once your words are in. \
(Commands start with a colon here: :p pause, :e more time, :t let the moment pass, :q quit.)";

/// What is asked once the own words are in.
pub(super) const WHICH_IS_CLOSEST: &str =
    "Which is closest to what you said? Type its number, or 0 if none of these is close.";

/// What is asked after "none of these is close".
pub(super) const THEN_CHOOSE_THE_STORY: &str =
    "Then choose the one the story follows: type its number.";

/// One event as a few lines of text (empty for events not worth a line).
/// `terminal` says whether output is a terminal, where typing is kept on the
/// prompt line.
pub(super) fn describe(engine: &Engine, event: &SessionEvent, terminal: bool) -> String {
    let scenario = engine.scenario();
    match event {
        SessionEvent::ActBegan {
            title,
            place,
            clock,
            ..
        } => format!("\n== {title} ==\n{place}, {clock}"),
        SessionEvent::NodeEntered {
            node,
            step,
            speaker,
            narration,
            text,
            choices,
        } => {
            let mut out = String::new();
            if !engine.playable().node(node).is_some_and(|n| n.is_ending()) {
                out.push_str(&format!("\n-- {} --\n", moment_header(engine, *step)));
            }
            if let Some(narration) = narration {
                out.push_str(&format!("{narration}\n"));
            }
            if !text.is_empty() {
                let who = speaker
                    .as_deref()
                    .map_or("", |id| scenario.character(id).map_or(id, |c| &c.name));
                out.push_str(&format!("{who}: \"{text}\"\n"));
            }
            let current = *step == engine.transcript().steps.len() && node == &engine.state().node;
            match engine.phase() {
                Phase::Writing if current => out.push_str(&format!("{WRITE_YOUR_WORDS}\n")),
                Phase::Noticing if current => out.push_str(&noticing_question_text(engine)),
                _ => {
                    for (number, choice) in choices.iter().enumerate() {
                        out.push_str(&format!("{}\n", answer_line(number + 1, choice)));
                    }
                }
            }
            if let Some(why) = engine.timer_off_because().filter(|_| current) {
                out.push_str(&format!("({})\n", wording::timer_off_in_draft(why)));
            }
            out.trim_end().to_owned()
        }
        SessionEvent::TimerStarted { seconds } if engine.phase().clock_runs() => {
            format!("(you have {seconds:.0} seconds)")
        }
        SessionEvent::TimerStarted { .. } => String::new(),
        SessionEvent::TimerWarning { remaining } if engine.phase() == Phase::Writing => {
            let how = if terminal {
                "Enter sends your words; for more time, clear the line (Ctrl-U) and type :e."
            } else {
                "type :e for more time."
            };
            format!(
                "({remaining:.0} seconds left: {how} What you have not sent is lost when the time runs out.)"
            )
        }
        SessionEvent::TimerWarning { remaining } => {
            let kept = if terminal {
                " Anything you had typed is kept: Enter sends it, Ctrl-U clears it."
            } else {
                ""
            };
            format!("({remaining:.0} seconds left: type e for more time.{kept})")
        }
        SessionEvent::TimerExtended { remaining, .. } => {
            format!("({remaining:.0} seconds now)")
        }
        SessionEvent::TimedOut { .. } => "Time ran out.".into(),
        SessionEvent::FeedbackReady { step } => {
            let Some(record) = engine.transcript().steps.get(*step) else {
                return String::new();
            };
            let reviewed = review_step(engine.playable(), record);
            // After own words, which written answer this feedback is on.
            let on = match (&record.own_words, reviewed.answer) {
                (Some(words), Answer::Choice(choice)) => format!(
                    "  {}: \"{}\"\n",
                    wording::answer_heading(Some(words)),
                    choice.says
                ),
                _ => String::new(),
            };
            format!(
                "\n-- feedback --\n{on}{}",
                feedback_text(&reviewed, "  ").trim_end()
            )
        }
        SessionEvent::ProbeAnswered { .. } if engine.phase() == Phase::Noticed => {
            noticed_text(engine)
        }
        SessionEvent::AnswersShown => match engine.phase() {
            Phase::Picking => format!("{}\n{WHICH_IS_CLOSEST}", choices_text(engine)),
            _ => choices_text(engine),
        },
        SessionEvent::DeadlinePassed { at, label, .. } => format!("{at}: {label}."),
        SessionEvent::StateChanged(_)
        | SessionEvent::RuptureOpened { .. }
        | SessionEvent::RuptureRepaired { .. }
        | SessionEvent::ClockMoved { .. }
        | SessionEvent::ChoiceMade { .. }
        | SessionEvent::ProbeAsked { .. }
        | SessionEvent::ProbeAnswered { .. }
        | SessionEvent::OwnWordsKept { .. }
        | SessionEvent::ConfidenceAsked { .. } => String::new(),
        SessionEvent::Paused if engine.phase() == Phase::Writing => {
            "(paused: type :p to go on)".into()
        }
        SessionEvent::Paused => "(paused: type p to go on)".into(),
        SessionEvent::Resumed => "(resumed)".into(),
        SessionEvent::Rewound { to_step } => format!("(back to step {})", to_step + 1),
        SessionEvent::Ended {
            title, text, kind, ..
        } => format!("\n== {title} ({}) ==\n{text}", kind.label()),
        SessionEvent::Stuck { node } => {
            format!("(the scenario cannot go on from \"{node}\": nothing is offered)")
        }
        SessionEvent::EndOfDraft { reason, .. } => {
            format!("\n{}", wording::end_of_draft(reason))
        }
    }
}

/// One answer, numbered; in a draft, one that cannot be chosen yet is marked
/// so, with why on the line below.
fn answer_line(number: usize, choice: &ShownChoice) -> String {
    match &choice.disabled {
        None => format!("  {number}. {}", choice.says),
        Some(why) => format!(
            "  {number}. [{}] {}\n     ({why})",
            wording::cannot_be_chosen_yet(),
            choice.says
        ),
    }
}

/// The answers offered at the current moment, numbered in the order shown.
fn choices_text(engine: &Engine) -> String {
    engine
        .shown_choices()
        .iter()
        .enumerate()
        .map(|(number, choice)| answer_line(number + 1, choice))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The noticing question of the current moment with its answers, numbered in
/// the order shown.
fn noticing_question_text(engine: &Engine) -> String {
    let Some(probe) = &engine.node().probe else {
        return String::new();
    };
    let mut out = format!("Before the answers: {}\n", probe.question);
    for (number, (_, answer)) in engine.probe_answers().iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", number + 1, answer.text));
    }
    out.push_str("Type the number of your answer.\n");
    out
}

/// The feedback on the noticing answer just given: whether it fits, its
/// feedback, every answer that fits, what there was to notice, and the
/// client's inner voice.
fn noticed_text(engine: &Engine) -> String {
    let node = engine.node();
    let (Some(probe), Some(record)) = (&node.probe, engine.probe_record()) else {
        return String::new();
    };
    let mut out = String::from("\n-- what you noticed --\n");
    if let Some(answer) = probe.answers.get(record.picked) {
        out.push_str(&format!(
            "You: \"{}\". {}\n",
            answer.text,
            wording::fits_in_words(record.fits)
        ));
        if !answer.feedback.is_empty() {
            out.push_str(&format!("{}\n", answer.feedback));
        }
    }
    let fitting: Vec<String> = probe
        .answers
        .iter()
        .filter(|answer| answer.fits)
        .map(|answer| format!("\"{}\"", answer.text))
        .collect();
    if !fitting.is_empty() {
        out.push_str(&format!("What fits here: {}\n", fitting.join("; ")));
    }
    if !probe.explanation.is_empty() {
        out.push_str(&format!("{}\n", probe.explanation));
    }
    if let Some(inner) = &node.inner {
        let speaker = node
            .speaker
            .as_deref()
            .map(|id| engine.scenario().character(id).map_or(id, |c| &c.name));
        out.push_str(&format!(
            "{}: \"{inner}\"\n",
            wording::inner_heading(speaker)
        ));
    }
    out.push_str(PRESS_ENTER_TO_SEE_THE_ANSWERS);
    out
}

/// "Step 2 · 10:01 · The next client arrives in 9 minutes": the step counted
/// from 1, the clock, and the next deadline's pressure.
pub(super) fn moment_header(engine: &Engine, step: usize) -> String {
    let mut header = format!(
        "{} · {}",
        wording::step_heading(step),
        format_clock(engine.state().clock)
    );
    if let Some((label, minutes)) = engine.next_deadline() {
        header.push_str(&format!(" · {}", wording::deadline_in(label, minutes)));
    }
    header
}
