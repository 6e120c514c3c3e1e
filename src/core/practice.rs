//! What to practise next, read off the attempts kept: drills where a rupture was
//! left open, more time where it kept running out, scenarios not yet tried.

use std::collections::BTreeMap;

use crate::core::dimensions::DISTANCE;
use crate::core::languages::original_id;
use crate::core::model::{EndingKind, Scenario};
use crate::core::review::summarize;
use crate::core::store::Attempt;
use crate::tr;

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
    // A scenario tried in one language is tried in all of them.
    let tried: Vec<&str> = scenarios
        .iter()
        .filter(|s| by_scenario.contains_key(s.id.as_str()))
        .map(|s| original_id(s))
        .collect();
    let untried = scenarios
        .iter()
        .filter(|s| !tried.contains(&original_id(s)))
        .take(MAX_UNTRIED);
    found.extend(untried.map(|scenario| Suggestion {
        scenario_id: scenario.id.clone(),
        entry: None,
        text: tr!("suggest-not-tried", title = scenario.title.as_str()),
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
                tr!(
                    "suggest-rupture-open-drill",
                    title = title.as_str(),
                    drill = drill.title.as_str()
                ),
            ),
            None => suggest(None, tr!("suggest-rupture-open", title = title.as_str())),
        });
    }
    if summary.steps > 0 && summary.timeouts * 2 >= summary.steps {
        found.push(suggest(
            None,
            tr!(
                "suggest-timeouts",
                timeouts = summary.timeouts,
                steps = summary.steps,
                title = title.as_str()
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
            tr!("suggest-too-distant", title = title.as_str()),
        )),
        Some(band) if summary.steps > 0 && distance < band.low => found.push(suggest(
            None,
            tr!("suggest-too-close", title = title.as_str()),
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
        // Never "an ending you have not reached": reaching a repair would mean
        // making the mistake that opens the rupture first. Offer a drill not
        // tried yet, those that start inside a rupture first, or the same
        // moments without feedback until the end.
        let untried = |drill: &&crate::core::model::EntryPoint| {
            !tried
                .iter()
                .any(|a| a.transcript.entry.as_deref() == Some(drill.id.as_str()))
        };
        let untried_drill = scenario
            .entry_points
            .iter()
            .filter(untried)
            .min_by_key(|drill| drill.open_ruptures.is_empty());
        found.push(match untried_drill {
            Some(drill) => {
                let starts = if drill.open_ruptures.is_empty() {
                    tr!("suggest-drill-hard-moment")
                } else {
                    tr!("suggest-drill-in-rupture")
                };
                suggest(
                    Some(&drill.id),
                    tr!(
                        "suggest-untried-drill",
                        title = title.as_str(),
                        drill = drill.title.as_str(),
                        starts = starts
                    ),
                )
            }
            None => suggest(None, tr!("suggest-exam", title = title.as_str())),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, PlayableScenario, Response, Settings};
    use crate::core::fixtures::fixture;

    fn two_acts() -> Scenario {
        fixture("two-acts").scenario().clone()
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
            ..two_acts()
        }
    }

    #[test]
    fn an_untried_scenario_is_suggested_last() {
        let scenario = two_acts();
        let other = other_scenario();
        let tried = attempt(&scenario, &[Some("brush_off"), Some("confirm_booking")]);
        let found = suggestions(&[&other, &scenario], &[tried]);
        let last = found.last().unwrap();
        assert_eq!(last.scenario_id, "other");
        assert!(last.text.contains("Not tried yet"));
        assert!(found.iter().filter(|s| s.scenario_id == "other").count() == 1);
    }

    #[test]
    fn a_scenario_tried_in_another_language_is_not_suggested_as_untried() {
        let scenario = two_acts();
        let spanish = Scenario {
            id: "two-acts.es".into(),
            language: "es".into(),
            translation: Some(crate::core::model::Translation {
                of: "two-acts".into(),
                review: crate::core::model::Review::MachineAssisted,
                acts: None,
                note: String::new(),
            }),
            ..scenario.clone()
        };
        let other = other_scenario();
        let tried = attempt(&spanish, &[Some("brush_off"), Some("confirm_booking")]);
        let found = suggestions(&[&scenario, &other, &spanish], &[tried]);
        let untried: Vec<&str> = found
            .iter()
            .filter(|s| s.text.starts_with("Not tried yet"))
            .map(|s| s.scenario_id.as_str())
            .collect();
        assert_eq!(untried, ["other"]);
    }

    #[test]
    fn only_a_few_untried_scenarios_are_suggested() {
        let scenario = two_acts();
        let others: Vec<Scenario> = (0..5)
            .map(|n| Scenario {
                id: format!("other-{n}"),
                ..scenario.clone()
            })
            .collect();
        let all: Vec<&Scenario> = others.iter().collect();
        let found = suggestions(&all, &[]);
        assert_eq!(found.len(), MAX_UNTRIED);
        assert_eq!(found[0].scenario_id, "other-0", "in library order");
    }

    #[test]
    fn an_open_rupture_suggests_the_repair_drill() {
        let scenario = two_acts();
        let tried = attempt(&scenario, &[Some("brush_off"), Some("confirm_booking")]);
        let found = suggestions(&[&scenario], &[tried]);
        let drill = &found[0];
        assert_eq!(drill.entry.as_deref(), Some("after_the_brush_off"));
        assert!(drill.text.contains("rupture stayed open"), "{}", drill.text);
        assert!(
            found.iter().any(|s| s.text.contains("too distant")),
            "{found:?}"
        );
        // Taking the suggestion up starts where the rupture is open, with a
        // repair on offer.
        let playable = PlayableScenario::new(scenario.clone());
        let (engine, _) =
            Engine::start(&playable, drill.entry.as_deref(), 1, Settings::default()).unwrap();
        assert_eq!(engine.state().relational.open_ruptures().count(), 1);
        let repairs = |id: &String| {
            engine.node().choices.iter().any(|c| {
                &c.id == id && c.rupture == Some(crate::core::model::RuptureEffect::Repairs)
            })
        };
        assert!(engine.state().shown.choices.iter().any(repairs));
    }

    #[test]
    fn an_open_rupture_without_a_drill_suggests_playing_again() {
        let scenario = Scenario {
            entry_points: Vec::new(),
            ..two_acts()
        };
        let tried = attempt(&scenario, &[Some("brush_off"), Some("confirm_booking")]);
        let found = suggestions(&[&scenario], &[tried]);
        assert_eq!(found[0].entry, None);
        assert!(found[0].text.contains("Play it again"), "{}", found[0].text);
    }

    #[test]
    fn ending_too_close_suggests_keeping_the_limit_warmly() {
        let scenario = two_acts();
        let tried = attempt(
            &scenario,
            &[
                Some("all_the_time"),
                Some("keep_talking"),
                Some("ask_ben_to_wait"),
            ],
        );
        assert!(summarize(&tried.transcript).distance.1 < -2);
        let found = suggestions(&[&scenario], &[tried]);
        assert!(
            found.iter().any(|s| s.text.contains("too close")),
            "{found:?}"
        );
        assert!(!found.iter().any(|s| s.text.contains("too distant")));
    }

    #[test]
    fn repeated_timeouts_suggest_more_time() {
        let scenario = two_acts();
        let tried = attempt(&scenario, &[None, None]);
        let found = suggestions(&[&scenario], &[tried]);
        assert!(found.iter().any(|s| s.text.contains("ran out at 2 of 2")));
    }

    /// Words that would ask the trainee to make a mistake to reach an ending.
    fn asks_for_a_mistake(text: &str) -> bool {
        text.contains("not reached") || text.contains("an ending where")
    }

    #[test]
    fn a_drill_that_starts_outside_a_rupture_is_not_called_a_repair() {
        let mut scenario = two_acts();
        for drill in &mut scenario.entry_points {
            drill.open_ruptures.clear();
        }
        let welcomed = attempt(
            &scenario,
            &[Some("welcome"), Some("ask_more"), Some("book_next_week")],
        );
        let found = suggestions(&[&scenario], &[welcomed]);
        let drill = found
            .iter()
            .find(|s| s.entry.is_some())
            .expect("a drill is suggested");
        assert!(
            drill
                .text
                .ends_with("It starts at a hard moment, to practise it again.")
        );
    }

    #[test]
    fn a_good_attempt_without_a_repair_suggests_a_drill_never_a_mistake() {
        let scenario = two_acts();
        let welcomed = attempt(
            &scenario,
            &[Some("welcome"), Some("ask_more"), Some("book_next_week")],
        );
        assert_eq!(summarize(&welcomed.transcript).ruptures_opened, 0);
        let found = suggestions(&[&scenario], &[welcomed]);
        assert!(
            !found.iter().any(|s| asks_for_a_mistake(&s.text)),
            "{found:?}"
        );
        let drill = found
            .iter()
            .find(|s| s.entry.is_some())
            .expect("a drill is suggested");
        assert!(
            drill.text.contains("Drill: after the brush-off"),
            "{}",
            drill.text
        );
        // Taking it up starts inside the rupture, with the repair on offer.
        let playable = PlayableScenario::new(scenario.clone());
        let (mut engine, _) =
            Engine::start(&playable, drill.entry.as_deref(), 1, Settings::default()).unwrap();
        assert_eq!(engine.state().relational.open_ruptures().count(), 1);
        engine
            .respond_with(&Response::Choice("repair".into()))
            .expect("the repair is on offer");
        assert_eq!(engine.state().relational.open_ruptures().count(), 0);
    }

    #[test]
    fn once_every_drill_is_tried_exam_mode_is_suggested() {
        let scenario = two_acts();
        let mut attempts = vec![attempt(
            &scenario,
            &[Some("welcome"), Some("ask_more"), Some("book_next_week")],
        )];
        let playable = PlayableScenario::new(scenario.clone());
        for drill in &scenario.entry_points {
            let (engine, _) =
                Engine::start(&playable, Some(&drill.id), 1, Settings::default()).unwrap();
            attempts.insert(
                0,
                Attempt::new(&scenario.title, engine.transcript().clone()),
            );
        }
        let found = suggestions(&[&scenario], &attempts);
        assert!(
            !found.iter().any(|s| asks_for_a_mistake(&s.text)),
            "{found:?}"
        );
        assert!(
            found.iter().any(|s| s.text.contains("in exam mode")),
            "{found:?}"
        );
    }

    #[test]
    fn a_repaired_attempt_suggests_nothing_more_for_its_scenario() {
        let scenario = two_acts();
        let repaired = attempt(
            &scenario,
            &[
                Some("brush_off"),
                Some("repair"),
                Some("ask_more"),
                Some("book_after_repair"),
            ],
        );
        assert!(suggestions(&[&scenario], &[repaired]).is_empty());
    }
}
