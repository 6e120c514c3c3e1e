//! The checks on a scenario's language and translation record: a language code
//! Doorway knows, a translation that names another scenario as its source, and
//! a count of translated acts that matches the acts there are. Whether the
//! source is loaded too is a question about the library, not the file:
//! [`translations_without_source`] answers it.

use super::Context;
use crate::core::diagnostic::Diagnostic;
use crate::core::languages::{language_name, original_id};
use crate::core::model::Scenario;

pub(super) fn check(cx: &mut Context) {
    let scenario = cx.scenario;
    if language_name(&scenario.language).is_none() {
        cx.push(
            Diagnostic::warning(
                "unknown-language",
                "language",
                format!(
                    "\"{}\" is not a language code Doorway knows",
                    scenario.language
                ),
            )
            .with_label("not a known two-letter ISO 639-1 code")
            .with_help("write the language as a two-letter code, such as \"en\" or \"es\""),
        );
    }
    let Some(translation) = &scenario.translation else {
        return;
    };
    if translation.of == scenario.id {
        cx.push(
            Diagnostic::error(
                "translation-of-itself",
                "translation.of",
                format!("the scenario \"{}\" says it translates itself", scenario.id),
            )
            .with_label("the id of the scenario this one translates")
            .with_help(format!(
                "give the translation its own id, such as \"{}.{}\"",
                scenario.id, scenario.language
            )),
        );
    }
    if let Some(acts) = translation.acts
        && acts != scenario.acts.len()
    {
        cx.push(
            Diagnostic::warning(
                "translated-acts",
                "translation.acts",
                format!(
                    "the translation says it has its source's first {acts} act(s), but it has {}",
                    scenario.acts.len()
                ),
            )
            .with_label("the number of acts translated")
            .with_help(
                "write it with `doorway strings apply --acts N`, which keeps the count right",
            ),
        );
    }
}

/// For each loaded scenario that translates one not loaded, its index in
/// `loaded` and the warning to add to its file's report.
pub fn translations_without_source(loaded: &[&Scenario]) -> Vec<(usize, Diagnostic)> {
    loaded
        .iter()
        .enumerate()
        .filter(|(_, scenario)| {
            scenario.translation.is_some()
                && !loaded
                    .iter()
                    .any(|other| other.translation.is_none() && other.id == original_id(scenario))
        })
        .map(|(index, scenario)| {
            (
                index,
                Diagnostic::warning(
                    "translation-source-missing",
                    "translation.of",
                    format!(
                        "\"{}\" translates \"{}\", which is not among the scenarios checked with it",
                        scenario.id,
                        original_id(scenario)
                    ),
                )
                .with_label("no scenario loaded has this id")
                .with_help("check the translation together with its source, so that a changed source shows its stale strings (doorway strings extract)"),
            )
        })
        .collect()
}
