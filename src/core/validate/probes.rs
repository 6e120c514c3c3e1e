//! The checks on noticing probes: a probe needs a question, at least two
//! answers of which one or more fit, and a moment with answers to come after it.

use super::{Context, is_blank};
use crate::core::diagnostic::Diagnostic;

pub(super) fn check(cx: &mut Context) {
    let mut found = Vec::new();
    for (a, act) in cx.scenario.acts.iter().enumerate() {
        for (n, node) in act.nodes.iter().enumerate() {
            let Some(probe) = &node.probe else { continue };
            let path = format!("acts[{a}].nodes[{n}].probe");
            if is_blank(&probe.question) {
                found.push(
                    Diagnostic::error("empty-probe-question", format!("{path}.question"), "the probe asks nothing")
                        .with_label("empty question")
                        .with_help("write what the trainee should notice, for example \"What is the client feeling right now?\""),
                );
            }
            if probe.answers.len() < 2 {
                found.push(
                    Diagnostic::error(
                        "too-few-probe-answers",
                        format!("{path}.answers"),
                        format!(
                            "the probe at \"{}\" offers {} answer(s)",
                            node.id,
                            probe.answers.len()
                        ),
                    )
                    .with_label("a probe needs answers to choose between")
                    .with_help("give at least two answers, one or more with `fits: true`"),
                );
            } else if !probe.answers.iter().any(|answer| answer.fits) {
                found.push(
                    Diagnostic::error(
                        "probe-without-fitting-answer",
                        format!("{path}.answers"),
                        format!("no answer to the probe at \"{}\" fits", node.id),
                    )
                    .with_label("every answer has `fits: false`")
                    .with_help("mark the answer (or answers) that fit what the moment shows with `fits: true`"),
                );
            } else if probe.answers.iter().all(|answer| answer.fits) {
                found.push(
                    Diagnostic::warning(
                        "probe-without-distractor",
                        format!("{path}.answers"),
                        format!("every answer to the probe at \"{}\" fits", node.id),
                    )
                    .with_label("nothing here can be missed")
                    .with_help("add an answer a trainee under pressure might plausibly pick that does not fit"),
                );
            }
            for (i, answer) in probe.answers.iter().enumerate() {
                if is_blank(&answer.text) {
                    found.push(
                        Diagnostic::error(
                            "empty-probe-answer",
                            format!("{path}.answers[{i}].text"),
                            "a probe answer says nothing",
                        )
                        .with_label("empty answer")
                        .with_help("write the answer, or remove it"),
                    );
                }
            }
            if node.choices.is_empty() {
                found.push(
                    Diagnostic::warning(
                        "probe-without-answers",
                        path.clone(),
                        format!("\"{}\" has a probe but no answers to choose after it", node.id),
                    )
                    .with_label("the probe is never asked")
                    .with_help("probes are asked before a moment's answers; move it to a moment with choices"),
                );
            }
            if is_blank(&probe.explanation) && node.inner.as_deref().is_none_or(is_blank) {
                found.push(
                    Diagnostic::warning(
                        "probe-without-reveal",
                        path,
                        format!("the probe at \"{}\" reveals nothing after it is answered", node.id),
                    )
                    .with_label("no explanation and no inner voice")
                    .with_help("write an `explanation`, or the moment's `inner` voice, to show what there was to notice"),
                );
            }
        }
    }
    cx.out.extend(found);
}
