//! Large text: at 200 % text in a 1280 × 800 window (640 × 400 points), every
//! shipped moment shows the client's line, the countdown and every answer
//! without scrolling. Read from the bounds of the accessibility tree's nodes.

use bevy_egui::egui;
use bevy_egui::egui::accesskit::Role;

use super::play;
use crate::app::session::ActiveSession;
use crate::app::test_render::{AccessibilityTree, window_tree};
use crate::core::engine::{Engine, PlayableScenario, PracticeMode, RelationalState, Settings};
use crate::core::glossary::Glossary;
use crate::core::load::{LoadOptions, load_str};
use crate::core::shipped::SHIPPED_SCENARIOS;

/// A 1280 × 800 window at 200 % text.
const AT_200_PERCENT: egui::Vec2 = egui::vec2(640.0, 400.0);

/// The play screen at `node`, as the trainee meets it with the meters shown.
fn play_tree(
    playable: &std::sync::Arc<PlayableScenario>,
    node: &str,
) -> Option<(ActiveSession, AccessibilityTree)> {
    let settings = Settings {
        practice: PracticeMode::Choose,
        ..Settings::default()
    };
    let relational = RelationalState::initial(playable.dimensions(), None);
    let (engine, _) = Engine::start_at(playable, node, relational, None, 1, settings).ok()?;
    let session = ActiveSession::new(playable.scenario().id.clone(), engine);
    let glossary = Glossary::shipped();
    let tree = window_tree(AT_200_PERCENT, |root| {
        play::play_ui(root, &session, &mut true, false, &glossary, &mut Vec::new());
    });
    Some((session, tree))
}

/// What of the moment lies outside the window, in words; empty when all fits.
fn hidden_parts(session: &ActiveSession, tree: &AccessibilityTree) -> Vec<String> {
    let fits = |bounds: Option<egui::Rect>| {
        bounds.is_some_and(|b| b.min.y >= 0.0 && b.max.y <= AT_200_PERCENT.y + 0.5)
    };
    let engine = &session.engine;
    let mut hidden = Vec::new();
    let text = engine.shown_text();
    if !text.is_empty() {
        let line = tree.find(&format!("“{text}”"));
        if !fits(line.and_then(|n| n.bounds)) {
            hidden.push("the client's line".to_owned());
        }
    }
    if engine.state().timer.limit.is_some() {
        let countdown = tree.find_role(Role::ProgressIndicator, "Time left");
        if !fits(countdown.and_then(|n| n.bounds)) {
            hidden.push("the countdown".to_owned());
        }
    }
    for number in 1..=engine.shown_choices().len() {
        let answer = tree
            .nodes
            .iter()
            .find(|n| n.role == Role::Button && n.words.starts_with(&format!("{number}   ")));
        if !fits(answer.and_then(|n| n.bounds)) {
            hidden.push(format!("answer {number}"));
        }
    }
    hidden
}

#[test]
fn every_shipped_moment_fits_at_200_percent_text() {
    let mut problems = Vec::new();
    let mut moments = 0;
    for (name, text) in SHIPPED_SCENARIOS {
        let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
        let scenario = loaded
            .playable()
            .expect("the shipped scenarios load")
            .clone();
        let playable = PlayableScenario::new(scenario);
        for node in playable
            .scenario()
            .nodes()
            .filter(|n| !n.choices.is_empty())
        {
            let Some((session, tree)) = play_tree(&playable, &node.id) else {
                continue;
            };
            moments += 1;
            let hidden = hidden_parts(&session, &tree);
            if !hidden.is_empty() {
                problems.push(format!("{name} {}: {}", node.id, hidden.join(", ")));
            }
        }
    }
    assert!(moments > 50, "only {moments} moments were laid out");
    assert!(
        problems.is_empty(),
        "{} of {moments} moments do not fit:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
