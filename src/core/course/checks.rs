//! What a course file must get right once it parses: a title, scenarios that
//! exist, each once, time defaults in range, and a safe LRS endpoint.

use std::collections::HashMap;

use super::Course;
use super::endpoint::check_endpoint;
use crate::core::diagnostic::Diagnostic;
use crate::core::engine::MULTIPLIER_RANGE;
use crate::core::suggest::did_you_mean;

/// Every problem in `course`; `known_ids` are the scenarios it may name.
pub(super) fn check(course: &Course, known_ids: &[String]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if course.title.trim().is_empty() {
        found.push(
            Diagnostic::error("course-without-title", "title", "the course has no title")
                .with_label("empty title")
                .with_help("write the title trainees see on the course's shelf"),
        );
    }
    if course.scenarios.is_empty() {
        found.push(
            Diagnostic::error(
                "course-without-scenarios",
                "scenarios",
                "the course names no scenarios",
            )
            .with_label("empty list")
            .with_help("name each scenario by its id, such as (id: \"drop-in\")"),
        );
    }
    found.extend(scenario_problems(course, known_ids));
    let multiplier = course.settings.default_time_multiplier;
    let (low, high) = MULTIPLIER_RANGE;
    if !(low..=high).contains(&multiplier) {
        found.push(
            Diagnostic::error(
                "bad-time-multiplier",
                "settings.default_time_multiplier",
                format!("a time multiplier of {multiplier} is out of range"),
            )
            .with_label(format!("from {low} to {high}"))
            .with_help("write a number from 1 (the authored limits) to 10; 2 doubles every limit"),
        );
    }
    if let Some(endpoint) = &course.lrs {
        found.extend(check_endpoint(endpoint, "lrs"));
    }
    found
}

fn scenario_problems<'a>(
    course: &'a Course,
    known_ids: &'a [String],
) -> impl Iterator<Item = Diagnostic> + 'a {
    let mut first_at: HashMap<&str, usize> = HashMap::new();
    course
        .scenarios
        .iter()
        .enumerate()
        .filter_map(move |(index, entry)| {
            let path = format!("scenarios[{index}].id");
            if let Some(first) = first_at.get(entry.id.as_str()) {
                return Some(
                    Diagnostic::error(
                        "duplicate-scenario",
                        path,
                        format!("the scenario \"{}\" is in the course twice", entry.id),
                    )
                    .with_label("second time")
                    .with_related(format!("scenarios[{first}].id"), "first here")
                    .with_help("keep one of the two; a trainee can play a scenario again"),
                );
            }
            first_at.insert(&entry.id, index);
            if known_ids.contains(&entry.id) {
                return None;
            }
            let hint = did_you_mean(&entry.id, known_ids.iter().map(String::as_str))
                .unwrap_or_else(|| {
                    "name a scenario in the course's folder or one shipped with Doorway, by the \
                     `id` written in its file"
                        .into()
                });
            Some(
                Diagnostic::error(
                    "unknown-scenario",
                    path,
                    format!("no scenario has the id \"{}\"", entry.id),
                )
                .with_label("unknown scenario")
                .with_help(hint),
            )
        })
}
