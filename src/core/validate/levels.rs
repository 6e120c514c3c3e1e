//! The checks on answer levels: every answer has one, the deprecated `exemplar`
//! is named, and the levels cannot be guessed (the best answer is not the
//! longest, no phrase gives it away) and are not one good answer at a time.

use super::Context;
use crate::core::cues::{
    self, CueFigures, LENGTH_CUE_SHARE, LENGTH_RANK_CUE_MIN_MOMENTS, LENGTH_RANK_CUE_SHARE,
    PHRASE_CUE_OTHER_SHARE, PHRASE_CUE_TOP_SHARE, TWO_GOOD_ANSWERS_SHARE,
};
use crate::core::diagnostic::Diagnostic;
use crate::core::model::Quality;
use crate::core::wording::percent_in_words;

pub(super) fn check(cx: &mut Context) {
    check_each_answer(cx);
    let figures = cues::cue_figures(cx.scenario);
    check_length_cue(cx, &figures);
    check_length_rank_cue(cx, &figures);
    check_phrase_cue(cx);
    check_single_good_answer(cx, &figures);
}

/// The deprecated flag, a flag that contradicts the level, answers without a
/// level (once the scenario gives levels at all: a file from before them has its
/// `exemplar` flags named instead), and a scenario with no answer at the top level.
fn check_each_answer(cx: &mut Context) {
    let mut found = Vec::new();
    let mut any_top = false;
    let gives_levels = cx
        .scenario
        .nodes()
        .flat_map(|n| &n.choices)
        .any(|c| c.quality.is_some());
    for moment in cues::moments(cx.scenario) {
        for (c, choice) in moment.node.choices.iter().enumerate() {
            let path = format!("acts[{}].nodes[{}].choices[{c}]", moment.act, moment.index);
            any_top |= choice.level() == Some(Quality::Skilled);
            match (choice.exemplar, choice.quality) {
                (true, None) => found.push(
                    Diagnostic::warning(
                        "deprecated-exemplar",
                        format!("{path}.exemplar"),
                        format!("`exemplar` is deprecated (the choice \"{}\")", choice.id),
                    )
                    .with_label("read as `quality: Skilled`")
                    .with_help("write `quality: Skilled` instead; give the other answers `GoodEnough` or `Costly`"),
                ),
                (true, Some(level)) if level != Quality::Skilled => found.push(
                    Diagnostic::error(
                        "exemplar-and-quality",
                        format!("{path}.exemplar"),
                        format!(
                            "the choice \"{}\" is marked both `exemplar: true` and \"{}\"",
                            choice.id,
                            level.label()
                        ),
                    )
                    .with_label("two levels for one answer")
                    .with_help("remove `exemplar`: `quality` says the level"),
                ),
                (false, None) if gives_levels => found.push(
                    Diagnostic::warning(
                        "unrated-answer",
                        format!("{path}.id"),
                        format!("the choice \"{}\" has no quality level", choice.id),
                    )
                    .with_label("the trainee cannot learn how good this answer was")
                    .with_help("add `quality: Skilled`, `quality: GoodEnough` or `quality: Costly`"),
                ),
                _ => {}
            }
        }
    }
    if !any_top && !cx.graph.is_empty() {
        found.push(
            Diagnostic::warning(
                "no-top-answer",
                "id",
                "no answer in the scenario shows the skill well",
            )
            .with_label("in this scenario")
            .with_help("mark the answers that show the skill well with `quality: Skilled`"),
        );
    }
    cx.out.extend(found);
}

fn check_length_cue(cx: &mut Context, figures: &CueFigures) {
    if figures.longest_share() <= LENGTH_CUE_SHARE {
        return;
    }
    let mut diagnostic = Diagnostic::warning(
        "answer-length-cue",
        "id",
        format!(
            "an answer that shows the skill well is the longest option at {} of {} moments ({})",
            figures.top_is_longest.len(),
            figures.length_moments,
            percent_in_words(figures.longest_share())
        ),
    )
    .with_label(format!(
        "the longest answer is the best one too often: {}",
        figures.top_is_longest.join(", ")
    ))
    .with_help(format!(
        "keep it at or below {}: write some good answers short and some costly ones long and warm",
        percent_in_words(LENGTH_CUE_SHARE)
    ));
    for moment in cues::moments(cx.scenario) {
        if cues::top_is_longest(moment.node) == Some(true) {
            diagnostic = diagnostic.with_related(
                format!("acts[{}].nodes[{}].choices", moment.act, moment.index),
                format!(
                    "the longest option at \"{}\" shows the skill well",
                    moment.node.id
                ),
            );
        }
    }
    cx.out.push(diagnostic);
}

/// Another length rank that picks the best answer more than half the time.
fn check_length_rank_cue(cx: &mut Context, figures: &CueFigures) {
    for rank in &figures.ranks {
        if rank.moments < LENGTH_RANK_CUE_MIN_MOMENTS || rank.share() <= LENGTH_RANK_CUE_SHARE {
            continue;
        }
        cx.out.push(
            Diagnostic::warning(
                "answer-length-cue",
                "id",
                format!(
                    "the {} option shows the skill well at {:.0} of {} moments ({})",
                    rank.rank,
                    rank.top,
                    rank.moments,
                    percent_in_words(rank.share())
                ),
            )
            .with_label(format!("picking the {} option is a strategy", rank.rank))
            .with_help(format!(
                "keep every length rank at or below {}: vary which answer is long at each moment, good and costly alike",
                percent_in_words(LENGTH_RANK_CUE_SHARE)
            )),
        );
    }
}

fn check_phrase_cue(cx: &mut Context) {
    for cue in cues::phrase_cues(cx.scenario) {
        cx.out.push(
            Diagnostic::warning(
                "answer-phrase-cue",
                "id",
                format!(
                    "\"{}\" is in {} of {} answers that show the skill well and {} of {} others",
                    cue.phrase, cue.in_top, cue.top, cue.in_others, cue.others
                ),
            )
            .with_label(format!("\"{}\" gives the best answer away", cue.phrase))
            .with_help(format!(
                "a phrase in {} or more of the top answers must be in more than {} of the others: use it in a costly answer too, or vary the wording",
                percent_in_words(PHRASE_CUE_TOP_SHARE),
                percent_in_words(PHRASE_CUE_OTHER_SHARE)
            )),
        );
    }
}

fn check_single_good_answer(cx: &mut Context, figures: &CueFigures) {
    if figures.two_good_share() < TWO_GOOD_ANSWERS_SHARE {
        cx.out.push(
            Diagnostic::warning(
                "single-good-answer",
                "id",
                format!(
                    "only {} of {} moments with choices offer two good answers or more ({})",
                    figures.two_good,
                    figures.moments,
                    percent_in_words(figures.two_good_share())
                ),
            )
            .with_label("one right answer at most moments trains recognition, not judgement")
            .with_help(format!(
                "at least {} of the moments should offer two answers at `GoodEnough` or above, defensible in different ways",
                percent_in_words(TWO_GOOD_ANSWERS_SHARE)
            )),
        );
    }
    for moment in cues::moments(cx.scenario) {
        let good = cues::good_answers(moment.node);
        if good >= 2 {
            continue;
        }
        let answers = if good == 1 { "answer" } else { "answers" };
        cx.out.push(
            Diagnostic::note(
                "single-good-answer",
                format!("acts[{}].nodes[{}].choices", moment.act, moment.index),
                format!("\"{}\" offers {good} good {answers}", moment.node.id),
            )
            .with_label("fewer than two answers at `GoodEnough` or above"),
        );
    }
}
