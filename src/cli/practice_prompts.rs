//! The questions practice adds around an answer: how sure the trainee was
//! (asked right after the answer and before its feedback, so that the rating
//! is honest), and, in Say it first, their own words set beside the
//! scenario's best answers and rated on the FIS items tagged at the moment.

use super::screen::Terminal;
use crate::core::engine::{Confidence, Engine};
use crate::core::fis::{FisItem, RATING_RANGE, SelfRating, items_at};
use crate::core::review::{ReviewedStep, review_step};
use crate::core::wording;

/// The confidence question.
pub(super) const SURE_OR_UNSURE: &str = "Sure or unsure? s / u (Enter skips)";

/// How rating works, said before the items.
pub(super) const HOW_TO_RATE: &str =
    "Rate your words from 1 to 5 on each item (Enter skips an item, q skips the rest).";

/// Asks how sure the trainee was of the answer just given; none when skipped
/// or when input ended.
pub(super) fn ask_confidence(terminal: &mut Terminal) -> Option<Confidence> {
    terminal.say(SURE_OR_UNSURE);
    loop {
        let line = terminal.ask()?;
        match line.trim().to_lowercase().as_str() {
            "s" | "sure" => return Some(Confidence::Sure),
            "u" | "unsure" => return Some(Confidence::Unsure),
            "" => return None,
            _ => terminal.say("(Type s if you were sure, u if unsure, or press Enter to skip.)"),
        }
    }
}

/// The own words at a step beside the scenario's best answers there; none
/// when no words were sent.
pub(super) fn words_beside_best_answers(reviewed: &ReviewedStep) -> Option<String> {
    let words = reviewed
        .record
        .own_words
        .as_ref()
        .filter(|words| !words.text.trim().is_empty())?;
    let mut out = format!("{}: \"{}\"\n", wording::your_own_words(), words.text);
    let best = reviewed.top_answers();
    if !best.is_empty() {
        out.push_str(&format!("{}:\n", wording::the_best_answers_here()));
        for choice in best {
            out.push_str(&format!("  - \"{}\"\n", choice.says));
        }
    }
    Some(out.trim_end().to_owned())
}

/// How the rating of one step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rated {
    /// Every item was asked (some may have been skipped).
    Done,
    /// `q`, or input ended: no more ratings.
    Stopped,
}

/// Asks a 1-to-5 rating on each item, its anchors shown; returns those
/// given.
fn ask_ratings(terminal: &mut Terminal, items: &[FisItem]) -> (Vec<SelfRating>, Rated) {
    let (low, high) = RATING_RANGE;
    let mut ratings = Vec::new();
    for &item in items {
        terminal.say(&format!(
            "{}: {}",
            item.label(),
            wording::anchors_in_words(item)
        ));
        loop {
            let Some(line) = terminal.ask() else {
                return (ratings, Rated::Stopped);
            };
            match line.trim() {
                "" => break,
                "q" => return (ratings, Rated::Stopped),
                text => match text.parse::<u8>() {
                    Ok(score) if (low..=high).contains(&score) => {
                        ratings.push(SelfRating { item, score });
                        break;
                    }
                    _ => terminal.say(&format!(
                        "(A rating is {low} to {high}; Enter skips this item, q skips the rest.)"
                    )),
                },
            }
        }
    }
    (ratings, Rated::Done)
}

/// Shows the own words at `step` under `heading`, beside the best answers,
/// and asks the ratings of the FIS items tagged there, keeping those given
/// with the step. Nothing is shown or asked where no words were sent.
pub(super) fn rate_own_words(
    engine: &mut Engine,
    terminal: &mut Terminal,
    step: usize,
    heading: &str,
) -> Rated {
    let (text, items) = {
        let Some(record) = engine.transcript().steps.get(step) else {
            return Rated::Done;
        };
        let reviewed = review_step(engine.playable(), record);
        let Some(text) = words_beside_best_answers(&reviewed) else {
            return Rated::Done;
        };
        (text, reviewed.node.map(items_at).unwrap_or_default())
    };
    terminal.say(&format!("{heading}\n{text}"));
    if items.is_empty() {
        return Rated::Done;
    }
    terminal.say(HOW_TO_RATE);
    let (ratings, rated) = ask_ratings(terminal, &items);
    if !ratings.is_empty()
        && let Err(error) = engine.rate_own_words(step, ratings)
    {
        terminal.say(&format!("({error})"));
    }
    rated
}

/// After the debrief of deferred or exam feedback: each step with own words,
/// its words beside the best answers, and its ratings.
pub(super) fn rate_after_the_debrief(engine: &mut Engine, terminal: &mut Terminal) {
    let steps: Vec<usize> = engine
        .transcript()
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| {
            step.own_words
                .as_ref()
                .is_some_and(|words| !words.text.trim().is_empty())
        })
        .map(|(position, _)| position)
        .collect();
    if steps.is_empty() {
        return;
    }
    terminal.say(&format!("\n== {} ==", wording::your_own_words()));
    for step in steps {
        let heading = {
            let record = &engine.transcript().steps[step];
            let reviewed = review_step(engine.playable(), record);
            let mut heading = format!(
                "\n{} · {}",
                wording::step_heading(record.index),
                record.clock
            );
            if !reviewed.said.is_empty() {
                heading.push_str(&format!(
                    "\n{}: \"{}\"",
                    reviewed.speaker.unwrap_or("Narrator"),
                    reviewed.said
                ));
            }
            heading
        };
        if rate_own_words(engine, terminal, step, &heading) == Rated::Stopped {
            break;
        }
    }
}
