//! A Markdown transcript of an attempt that a supervisor can read: the setting,
//! the ending, every step with its feedback, each path the trainee went back
//! from (beside the one taken), and the reflections only when the trainee
//! chooses to include them. Where the trainee practised in the other modes, a
//! step also shows their noticing answer, their own words beside the closest
//! written answer and the best ones, their self-ratings and how sure they were.
//! The transcript is written in English whatever language the interface
//! speaks: its own headings are English, and a document half in one language
//! would serve no reader.

use std::fmt::Write;

use super::ExportSource;
use crate::core::clock::format_unix_utc;
use crate::core::engine::{PracticeMode, Response, Settings};
use crate::core::i18n::{Language, in_language};
use crate::core::practice_summary::PracticeSummary;
use crate::core::review::{Answer, ReviewedStep, review, review_step, summarize, summary_sentence};
use crate::core::wording;

/// Renders an attempt as Markdown, in English.
pub fn render(source: ExportSource, include_reflections: bool) -> String {
    in_language(Language::English, || {
        render_english(source, include_reflections)
    })
}

fn render_english(source: ExportSource, include_reflections: bool) -> String {
    let mut out = String::new();
    let attempt = source.attempt;
    let transcript = &attempt.transcript;
    let scenario = source.scenario.scenario();
    let _ = writeln!(out, "# {}: an attempt\n", attempt.scenario_title);
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Scenario | {} (`{}`), version {} |",
        scenario.title, transcript.scenario_id, transcript.scenario_version
    );
    let _ = writeln!(out, "| Saved | {} |", format_unix_utc(attempt.saved_at));
    let _ = writeln!(out, "| Attempt | `{}` |", attempt.id);
    let start = transcript.entry.as_deref().map_or_else(
        || "the beginning".to_owned(),
        |id| {
            let label = scenario
                .entry_points
                .iter()
                .find(|e| e.id == id)
                .map_or(id, |e| e.title.as_str());
            format!("the drill \"{label}\"")
        },
    );
    let _ = writeln!(out, "| Started at | {start} |");
    let _ = writeln!(
        out,
        "| Feedback | {} |",
        transcript.settings.feedback.label()
    );
    if transcript.settings.practice != PracticeMode::Choose {
        let _ = writeln!(
            out,
            "| Practice | {} |",
            transcript.settings.practice.label()
        );
    }
    let _ = writeln!(
        out,
        "| Time limits | {} |",
        time_limits(transcript.settings)
    );
    if !source.same_text() {
        let _ = writeln!(
            out,
            "| Note | The scenario has been edited since this attempt; the words below are from the current version. |"
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Ending\n");
    match &transcript.ending {
        Some(ending) => {
            let _ = writeln!(
                out,
                "**{}** ({})\n",
                ending.title,
                ending.kind.label().to_lowercase()
            );
            if let Some(text) = source
                .scenario
                .node(&ending.node)
                .and_then(|n| n.ending.as_ref())
                .map(|e| e.text.as_str())
                .filter(|t| !t.is_empty())
            {
                let _ = writeln!(out, "{}\n", quote(text));
            }
        }
        None => {
            let _ = writeln!(out, "The trainee left before an ending.\n");
        }
    }
    let summary = summarize(transcript);
    let _ = writeln!(out, "{}\n", summary_sentence(&summary, source.scenario));
    let practice = PracticeSummary::of(transcript).sentences_about_the_trainee();
    if !practice.is_empty() {
        let _ = writeln!(out, "{}\n", practice.join(" "));
    }
    if let Some(own) = &source.scenario.scenario().optimal_distance {
        let _ = writeln!(out, "{}\n", wording::optimal_distance_in_words(own));
    }

    let _ = writeln!(out, "## Steps\n");
    for step in review(source.scenario, transcript) {
        step_markdown(&mut out, &step);
    }
    for branch in &transcript.branches {
        let step = branch.from_step + 1;
        let _ = writeln!(out, "## The path left behind at step {step}\n");
        let _ = writeln!(
            out,
            "The trainee went back to step {step} and answered again. Before that, from step {step} on, they had answered:\n"
        );
        for record in &branch.steps {
            step_markdown(&mut out, &review_step(source.scenario, record));
        }
        let _ = writeln!(
            out,
            "That path ended: {}.\n",
            wording::ending_in_words(branch.ending.as_ref())
        );
    }

    if include_reflections && !attempt.reflections.is_empty() {
        let _ = writeln!(out, "## Reflections\n");
        for reflection in &attempt.reflections {
            let _ = writeln!(out, "**{}**\n\n{}\n", reflection.prompt, reflection.answer);
        }
    }
    out.push_str("---\n\nExported from Doorway. Practice, not assessment: the feedback describes what an answer does to the relationship, and most moments have more than one good answer.\n");
    out
}

fn step_markdown(out: &mut String, step: &ReviewedStep) {
    let record = step.record;
    let who = step.speaker.map_or(String::new(), |s| format!(", {s}"));
    let _ = writeln!(out, "### {}. {}{who}\n", record.index + 1, record.clock);
    if let Some(narration) = step.node.and_then(|n| n.narration.as_deref()) {
        let _ = writeln!(out, "*{}*\n", narration.trim());
    }
    if !step.said.is_empty() {
        let _ = writeln!(out, "{}\n", quote(&format!("“{}”", step.said)));
    }
    noticing_markdown(out, step);
    match own_words_markdown(out, step) {
        Some(closest) => {
            let _ = writeln!(out, "{closest}\n");
        }
        None => {
            let answer = format!("**You:** {}", step.answer.quoted());
            let level = step
                .quality
                .map(|level| format!(" {}.", wording::your_answer_level(level)))
                .unwrap_or_default();
            let _ = writeln!(out, "{answer} ({}).{level}\n", step.timing_in_words());
        }
    }
    if record.own_words.is_some() {
        let best: Vec<String> = step
            .top_answers()
            .iter()
            .map(|c| format!("“{}”", c.says))
            .collect();
        if !best.is_empty() {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                wording::the_best_answers_here(),
                best.join("; ")
            );
        }
    }
    if let Some(ratings) = wording::self_ratings_in_words(&record.self_ratings) {
        let _ = writeln!(out, "- **{}:** {ratings}", wording::your_ratings());
    }
    if let Some(confidence) = record.confidence {
        let _ = writeln!(
            out,
            "- **Confidence:** {}",
            wording::confidence_label(confidence)
        );
    }
    for part in step.feedback_parts() {
        let text = if part.quoted {
            format!("“{}”", part.text)
        } else {
            part.text
        };
        let _ = writeln!(out, "- **{}:** {text}", part.heading);
    }
    let changes = step.changes_in_words();
    if !changes.is_empty() {
        let _ = writeln!(out, "- **Changes:** {}", changes.join(", "));
    }
    if !step.tags.is_empty() {
        let _ = writeln!(out, "- **Codes:** {}", step.tags.join(", "));
    }
    if let Some(deadline) = &record.deadline {
        let _ = writeln!(out, "- **Deadline passed:** {deadline}");
    }
    if !step.alternatives.is_empty() {
        let others: Vec<String> = step
            .alternatives
            .iter()
            .map(|c| {
                let level = c
                    .level()
                    .map(|level| format!(" ({})", level.label()))
                    .unwrap_or_default();
                format!("“{}”{level}", c.says)
            })
            .collect();
        let _ = writeln!(out, "- **Other answers here:** {}", others.join("; "));
    }
    out.push('\n');
}

/// The noticing question asked before the answers, the answer given, whether
/// it fits with its feedback, the answers that fit, and what there was to notice.
fn noticing_markdown(out: &mut String, step: &ReviewedStep) {
    let Some((probe, record)) = step.probe() else {
        return;
    };
    let _ = writeln!(out, "**Noticing:** {}\n", probe.question.trim());
    let verdict = wording::fits_in_words(record.fits);
    match probe.answers.get(record.picked) {
        Some(answer) => {
            let feedback = match answer.feedback.trim() {
                "" => String::new(),
                text => format!(" {text}"),
            };
            let _ = writeln!(
                out,
                "- **Your answer:** “{}”. {verdict}{feedback}",
                answer.text
            );
        }
        None => {
            let _ = writeln!(
                out,
                "- **Your answer:** answer {}, no longer in the scenario. {verdict}",
                record.picked + 1
            );
        }
    }
    let fitting: Vec<String> = probe
        .answers
        .iter()
        .filter(|a| a.fits)
        .map(|a| format!("“{}”", a.text))
        .collect();
    if !fitting.is_empty() {
        let _ = writeln!(out, "- **Answers that fit:** {}", fitting.join("; "));
    }
    if !probe.explanation.trim().is_empty() {
        let _ = writeln!(
            out,
            "- **What there was to notice:** {}",
            probe.explanation.trim()
        );
    }
    out.push('\n');
}

/// The trainee's own words, quoted, with the time they took. Returns the line
/// that stands for the answer after them (the written answer picked as
/// closest, or that none was close), or none when no words were written.
fn own_words_markdown(out: &mut String, step: &ReviewedStep) -> Option<String> {
    let record = step.record;
    let words = record.own_words.as_ref()?;
    let timing = wording::timing_in_words(words.latency, record.effective_limit, record.extensions);
    let ran_out = if words.time_ran_out {
        "; the time ran out while writing"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "**{}** ({timing}{ran_out}):\n",
        wording::your_own_words()
    );
    match words.text.trim() {
        "" => {
            let _ = writeln!(out, "*Nothing was written.*\n");
        }
        text => {
            let _ = writeln!(out, "{}\n", quote(text));
        }
    }
    let level = step
        .quality
        .map(|level| format!(" ({})", level.label()))
        .unwrap_or_default();
    let followed = match (&record.response, step.answer) {
        (Response::Timeout, _) => {
            return Some(format!("**You:** {}", wording::time_ran_out()));
        }
        (_, Answer::Choice(choice)) => format!("“{}”{level}", choice.says),
        (_, other) => other.words(),
    };
    Some(if words.none_close {
        format!("**{}:** {followed}.", wording::the_story_followed())
    } else {
        format!("**{}:** {followed}.", wording::closest_to_your_words())
    })
}

fn time_limits(settings: Settings) -> String {
    if settings.timers_off {
        "off".to_owned()
    } else if (settings.time_multiplier - 1.0).abs() < f64::EPSILON {
        "as written".to_owned()
    } else {
        format!("{}× as written", settings.time_multiplier)
    }
}

/// Text as a Markdown block quote, line by line.
fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| format!("> {line}").trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::tests::{
        fixed_attempt, noticed_first_attempt, rewound_attempt, said_first_attempt,
    };

    /// Compares `rendered` with the golden file at `path`;
    /// `DOORWAY_UPDATE_GOLDEN=1` rewrites it.
    fn assert_golden(rendered: &str, path: &str) {
        if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
            std::fs::write(path, rendered).unwrap();
        }
        let golden = std::fs::read_to_string(path).expect("the golden file exists");
        assert_eq!(
            rendered, golden,
            "the export changed; if that is intended, run with DOORWAY_UPDATE_GOLDEN=1 and review the diff"
        );
    }

    const GOLDEN: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/fixture-attempt.md"
    );

    /// Compares with the golden file; `DOORWAY_UPDATE_GOLDEN=1` rewrites it.
    #[test]
    fn the_markdown_export_matches_the_golden_file() {
        let (scenario, attempt) = fixed_attempt();
        let source = ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        };
        let rendered = render(source, true);
        if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
            std::fs::write(GOLDEN, &rendered).unwrap();
        }
        let golden = std::fs::read_to_string(GOLDEN).expect("the golden file exists");
        assert_eq!(
            rendered, golden,
            "the export changed; if that is intended, run with DOORWAY_UPDATE_GOLDEN=1 and review the diff"
        );
    }

    #[test]
    fn the_markdown_export_is_english_whatever_the_interface_speaks() {
        let (scenario, attempt) = fixed_attempt();
        let source = || ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        };
        let spanish = in_language(Language::Spanish, || render(source(), true));
        assert_eq!(spanish, render(source(), true));
        assert!(spanish.contains("**What it does:**"), "{spanish}");
    }

    const GOLDEN_REWOUND: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/fixture-attempt-rewound.md"
    );

    /// The export of an attempt with a path left behind, against its golden
    /// file; `DOORWAY_UPDATE_GOLDEN=1` rewrites it.
    #[test]
    fn a_rewound_path_is_exported_beside_the_path_taken() {
        let (scenario, attempt) = rewound_attempt();
        let source = ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        };
        let rendered = render(source, false);
        let taken = rendered.find("## Steps").unwrap();
        let left = rendered
            .find("## The path left behind at step 2")
            .expect("the branch is exported");
        assert!(taken < left, "the path taken comes first");
        let branch = &rendered[left..];
        assert!(branch.contains("“Yes, the desk will help.”"), "{branch}");
        assert!(
            branch.contains("That path ended: Left unsaid (Unresolved)."),
            "{branch}"
        );
        assert!(
            !branch.contains("confirm_booking"),
            "words, not ids: {branch}"
        );
        if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
            std::fs::write(GOLDEN_REWOUND, &rendered).unwrap();
        }
        let golden = std::fs::read_to_string(GOLDEN_REWOUND).expect("the golden file exists");
        assert_eq!(
            rendered, golden,
            "the export changed; if that is intended, run with DOORWAY_UPDATE_GOLDEN=1 and review the diff"
        );
    }

    #[test]
    fn reflections_are_left_out_unless_included() {
        let (scenario, attempt) = fixed_attempt();
        let source = ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        };
        let answer = &attempt.reflections[0].answer;
        assert!(render(source, true).contains(answer.as_str()));
        let without = render(source, false);
        assert!(!without.contains(answer.as_str()));
        assert!(!without.contains("## Reflections"));
    }

    #[test]
    fn an_edited_scenario_is_noted() {
        let (scenario, mut attempt) = fixed_attempt();
        attempt.transcript.content_hash = "0".repeat(64);
        let source = ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        };
        assert!(render(source, false).contains("has been edited since this attempt"));
    }

    const GOLDEN_SAID_FIRST: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/practice-said-first.md"
    );

    /// Say it first: the own words beside the closest answer and the best
    /// ones, "none close", the words the time ran out on, self-ratings and
    /// confidence, against the golden file.
    #[test]
    fn own_words_are_exported_beside_the_closest_and_the_best_answers() {
        let (scenario, attempt) = said_first_attempt();
        let rendered = render(
            ExportSource {
                attempt: &attempt,
                scenario: &scenario,
            },
            false,
        );
        for expected in [
            "| Feedback | feedback after each answer |\n| Practice | Say it first |",
            "**Your own words** (after 12.5 s of 40 s):\n\n> You came back. I'm glad. Come in.",
            "**Closest to your words:** “Welcome” (shows the skill well).",
            "- **The best answers here:** “Welcome”",
            "- **Your ratings of your words:** Warmth, acceptance and understanding 4/5; Empathy 3/5",
            "- **Confidence:** sure",
            "> Stay a moment.\n> There is no rush.",
            "**None close; the story followed:** “Stay” (shows the skill well).",
            "- **Your ratings of your words:** Alliance bond capacity 2/5",
            "**Your own words** (after 40.0 s of 40 s; the time ran out while writing):\n\n> Take your",
            "The trainee said it first at 2 moments; at 1 no written answer was close to their words.",
        ] {
            assert!(
                rendered.contains(expected),
                "{expected}\nnot in:\n{rendered}"
            );
        }
        let left_behind = rendered
            .find("## The path left behind at step 2")
            .expect("the branch is exported");
        assert!(
            rendered[left_behind..].contains("the time ran out while writing"),
            "the words the time ran out on are on the path left behind"
        );
        assert!(
            rendered.contains(
                "**You:** “Sit” (after 3.0 s, no time limit). Your answer: shows the skill well.\n"
            ),
            "a moment without own words reads as before"
        );
        assert_golden(&rendered, GOLDEN_SAID_FIRST);
    }

    const GOLDEN_NOTICED_FIRST: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/practice-noticed-first.md"
    );

    /// Notice first: the question, the answer given, that it does not fit,
    /// its feedback and the answers that fit, against the golden file.
    #[test]
    fn a_noticing_answer_is_exported_with_its_feedback_and_the_answers_that_fit() {
        let (scenario, attempt) = noticed_first_attempt(1);
        let rendered = render(
            ExportSource {
                attempt: &attempt,
                scenario: &scenario,
            },
            false,
        );
        for expected in [
            "| Practice | Notice first |",
            "**Noticing:** What is Cal feeling?",
            "- **Your answer:** “Angry”. That does not fit. Nothing here is angry.",
            "- **Answers that fit:** “Hopeful and unsure”; “Embarrassed to ask”",
            "- **Confidence:** unsure",
            "The trainee's noticing fitted 0 of 1 times.",
        ] {
            assert!(
                rendered.contains(expected),
                "{expected}\nnot in:\n{rendered}"
            );
        }
        assert_eq!(
            rendered.matches("**Noticing:**").count(),
            1,
            "only the door has a question"
        );
        assert!(!rendered.contains("Your own words"));
        assert_golden(&rendered, GOLDEN_NOTICED_FIRST);
        let (scenario, fitting) = noticed_first_attempt(0);
        let rendered = render(
            ExportSource {
                attempt: &fitting,
                scenario: &scenario,
            },
            false,
        );
        assert!(
            rendered.contains("“Hopeful and unsure”. That fits. Yes: the hope shows."),
            "{rendered}"
        );
    }
}
