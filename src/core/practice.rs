//! What to practise next, read off the attempts kept: drills where a rupture was
//! left open, more time where it kept running out, scenarios not yet tried.

use std::collections::BTreeMap;

use crate::core::dimensions::DISTANCE;
use crate::core::model::{EndingKind, Scenario};
use crate::core::review::summarize;
use crate::core::store::Attempt;

/// One suggestion, with where to start if the trainee takes it up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suggestion {
    pub scenario_id: String,
    /// The entry point (drill) to start at, if any.
    pub entry: Option<String>,
    pub text: String,
}

/// How many scenarios not yet tried are suggested at once (the library marks
/// them all).
const MAX_UNTRIED: usize = 2;

/// Suggestions, most useful first: per scenario tried (its latest attempt), then
/// the scenarios not yet tried.
pub fn suggestions(scenarios: &[&Scenario], attempts: &[Attempt]) -> Vec<Suggestion> {
    let mut by_scenario: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
    for attempt in attempts {
        by_scenario
            .entry(attempt.transcript.scenario_id.as_str())
            .or_default()
            .push(attempt);
    }
    let mut found = Vec::new();
    for scenario in scenarios {
        if let Some(tried) = by_scenario.get(scenario.id.as_str()) {
            suggest_for_tried(scenario, tried, &mut found);
        }
    }
    let untried = scenarios
        .iter()
        .filter(|s| !by_scenario.contains_key(s.id.as_str()))
        .take(MAX_UNTRIED);
    found.extend(untried.map(|scenario| Suggestion {
        scenario_id: scenario.id.clone(),
        entry: None,
        text: format!("Not tried yet: {}.", scenario.title),
    }));
    found
}

fn suggest_for_tried(scenario: &Scenario, tried: &[&Attempt], found: &mut Vec<Suggestion>) {
    let Some(latest) = tried.last() else { return };
    let summary = summarize(&latest.transcript);
    let title = &scenario.title;
    let suggest = |entry: Option<&str>, text: String| Suggestion {
        scenario_id: scenario.id.clone(),
        entry: entry.map(str::to_owned),
        text,
    };
    if summary.ruptures_open > 0 {
        found.push(match scenario.entry_points.first() {
            Some(drill) => suggest(
                Some(&drill.id),
                format!(
                    "In your last attempt at {title} a rupture stayed open. Practise the repair: start at \"{}\".",
                    drill.title
                ),
            ),
            None => suggest(
                None,
                format!(
                    "In your last attempt at {title} a rupture stayed open. Play it again and look for the moment to repair it."
                ),
            ),
        });
    }
    if summary.steps > 0 && summary.timeouts * 2 >= summary.steps {
        found.push(suggest(
            None,
            format!(
                "The time ran out at {} of {} steps in {title}. Give yourself more time in Settings, then bring it back down as the answers come.",
                summary.timeouts, summary.steps
            ),
        ));
    }
    let band = crate::core::dimensions::DimensionSet::for_scenario(scenario)
        .get(DISTANCE)
        .and_then(|d| d.optimal);
    let (_, distance) = summary.distance;
    match band {
        Some(band) if summary.steps > 0 && distance > band.high => found.push(suggest(
            None,
            format!(
                "You ended {title} too distant. Next time, try saying the one true thing: that you are glad, and how much time there is."
            ),
        )),
        Some(band) if summary.steps > 0 && distance < band.low => found.push(suggest(
            None,
            format!(
                "You ended {title} too close: giving more than the hour holds. Next time, try keeping the limit warmly."
            ),
        )),
        _ => {}
    }
    let repaired_ending = scenario.acts.iter().flat_map(|a| &a.nodes).any(|n| {
        n.ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Repaired)
    });
    let ever_repaired = tried.iter().any(|a| {
        a.transcript
            .ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Repaired)
    });
    if repaired_ending && !ever_repaired && summary.ruptures_open == 0 {
        found.push(suggest(
            None,
            format!(
                "{title} has an ending where a rupture is repaired that you have not reached yet."
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, PlayableScenario, Response, Settings};
    use crate::core::load::{LoadOptions, load_str};
    use crate::core::shipped::SHIPPED_SCENARIOS;

    fn drop_in() -> Scenario {
        let (name, text) = SHIPPED_SCENARIOS[0];
        load_str(name, text.to_owned(), LoadOptions::default())
            .scenario
            .expect("it loads")
    }

    fn attempt(scenario: &Scenario, script: &[Option<&str>]) -> Attempt {
        let playable = PlayableScenario::new(scenario.clone());
        let (mut engine, _) = Engine::start(&playable, None, 1, Settings::default()).unwrap();
        for step in script {
            let response = match step {
                Some(choice) => Response::Choice((*choice).to_owned()),
                None => Response::Timeout,
            };
            engine.respond_with(&response).expect("the script plays");
        }
        Attempt::new(&scenario.title, engine.transcript().clone())
    }

    fn other_scenario() -> Scenario {
        Scenario {
            id: "other".into(),
            title: "Another".into(),
            ..drop_in()
        }
    }

    #[test]
    fn an_untried_scenario_is_suggested_last() {
        let drop_in = drop_in();
        let other = other_scenario();
        let tried = attempt(&drop_in, &[Some("procedural"), Some("confirm_booking")]);
        let found = suggestions(&[&other, &drop_in], &[tried]);
        let last = found.last().unwrap();
        assert_eq!(last.scenario_id, "other");
        assert!(last.text.contains("Not tried yet"));
        assert!(found.iter().filter(|s| s.scenario_id == "other").count() == 1);
    }

    #[test]
    fn only_a_few_untried_scenarios_are_suggested() {
        let drop_in = drop_in();
        let others: Vec<Scenario> = (0..5)
            .map(|n| Scenario {
                id: format!("other-{n}"),
                ..drop_in.clone()
            })
            .collect();
        let all: Vec<&Scenario> = others.iter().collect();
        let found = suggestions(&all, &[]);
        assert_eq!(found.len(), MAX_UNTRIED);
        assert_eq!(found[0].scenario_id, "other-0", "in library order");
    }

    #[test]
    fn an_open_rupture_suggests_the_repair_drill() {
        let drop_in = drop_in();
        let tried = attempt(&drop_in, &[Some("procedural"), Some("confirm_booking")]);
        let found = suggestions(&[&drop_in], &[tried]);
        let drill = &found[0];
        assert_eq!(drill.entry.as_deref(), Some("after_the_procedural_answer"));
        assert!(drill.text.contains("rupture stayed open"), "{}", drill.text);
        assert!(
            found.iter().any(|s| s.text.contains("too distant")),
            "{found:?}"
        );
    }

    #[test]
    fn repeated_timeouts_suggest_more_time() {
        let drop_in = drop_in();
        let tried = attempt(&drop_in, &[None, None]);
        let found = suggestions(&[&drop_in], &[tried]);
        assert!(found.iter().any(|s| s.text.contains("ran out at 2 of 2")));
    }

    #[test]
    fn a_repaired_attempt_suggests_nothing_more_for_its_scenario() {
        let drop_in = drop_in();
        let repaired = attempt(
            &drop_in,
            &[
                Some("procedural"),
                Some("notice_and_repair"),
                Some("mostly"),
                Some("walk_to_desk_after_repair"),
            ],
        );
        assert!(suggestions(&[&drop_in], &[repaired]).is_empty());
    }
}
