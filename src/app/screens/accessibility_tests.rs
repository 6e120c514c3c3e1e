//! What a screen reader finds on the library, briefing, play, feedback and end
//! screens: every control named, the roles it acts on, and the announcements,
//! read from the AccessKit tree each screen's drawing gives, with the fixture
//! scenario `screen-reader`. (`tests/integration/screen_reader.rs` walks the
//! same screens in a real window over the Linux accessibility bus.)

use std::sync::Arc;

use bevy_egui::egui::accesskit::{Live, Role};

use super::{briefing, end, library, play};
use crate::app::attempts::SavedAttempts;
use crate::app::briefing::BriefingChoices;
use crate::app::library::{EntrySource, LibraryEntry};
use crate::app::session::ActiveSession;
use crate::app::test_render::{AccessibilityTree, accessibility_tree};
use crate::app::widgets::Fit;
use crate::core::engine::{Engine, PlayableScenario, Response, Settings, Status};
use crate::core::fixtures::fixture;
use crate::core::glossary::Glossary;
use crate::core::preferences::Preferences;
use crate::core::review::review_step;

fn scenario() -> Arc<PlayableScenario> {
    fixture("screen-reader")
}

fn started() -> Engine {
    Engine::start(&scenario(), None, 1, Settings::default())
        .expect("the fixture starts")
        .0
}

/// Asserts that every control has words, and returns the tree.
fn all_named(screen: &str, tree: AccessibilityTree) -> AccessibilityTree {
    let unnamed = tree.unnamed_controls();
    assert!(unnamed.is_empty(), "{screen}: unnamed controls {unnamed:?}");
    tree
}

#[test]
fn the_library_names_its_search_field_and_each_cards_button() {
    let entry = LibraryEntry {
        key: "screen-reader".into(),
        source: EntrySource::Shipped,
        playable: Some(scenario()),
        problems: None,
    };
    let mut filter = String::new();
    let tree = all_named(
        "library",
        accessibility_tree(|ui| {
            let attempts = SavedAttempts::default();
            library::library_ui(
                ui,
                std::slice::from_ref(&entry),
                &attempts,
                &[],
                &mut filter,
                &mut Vec::new(),
            );
        }),
    );
    assert!(tree.find_role(Role::TextInput, "Find:").is_some());
    let open = tree.find("Open the briefing: Screen reader walk");
    assert_eq!(open.map(|node| node.role), Some(Role::Button));
}

#[test]
fn the_briefing_has_a_named_begin_button() {
    let playable = scenario();
    let mut choices = BriefingChoices {
        entry: None,
        feedback: Default::default(),
    };
    let mut preferences = Preferences::default();
    let tree = all_named(
        "briefing",
        accessibility_tree(|ui| {
            briefing::briefing_ui(
                ui,
                playable.scenario(),
                None,
                &mut choices,
                &mut preferences,
                &mut Vec::new(),
            );
            briefing::begin_bar_ui(ui, &mut Vec::new());
        }),
    );
    assert!(tree.find_role(Role::Label, "Screen reader walk").is_some());
    assert_eq!(tree.find("Begin").map(|node| node.role), Some(Role::Button));
}

#[test]
fn play_announces_the_moment_and_reads_the_clock_and_meters() {
    let session = ActiveSession::new("screen-reader".into(), started());
    let tree = all_named(
        "play",
        accessibility_tree(|ui| {
            play::moment_ui(ui, &session, false, Fit::ROOMY, &mut Vec::new());
            play::meters_ui(ui, &session.engine, false);
        }),
    );
    let announced = tree.announced();
    assert_eq!(announced.len(), 1, "{announced:?}");
    assert_eq!(
        announced[0].words,
        "A knock at the door. Sam: “Have you got a minute?”"
    );
    assert_eq!(announced[0].live, Live::Polite);
    assert!(tree.find_role(Role::Button, "Come in, Sam.").is_some());
    assert!(tree.find_role(Role::Button, "Not now.").is_some());
    assert!(
        tree.find_role(Role::ProgressIndicator, "Time left: 60 of 60 seconds")
            .is_some()
    );
    let connection = tree.find_role(Role::Meter, "Connection:").expect("a meter");
    assert_eq!(
        connection.words,
        "Connection: neither connected nor disconnected (0)"
    );
    assert!(tree.find_role(Role::Meter, "Distance:").is_some());
}

#[test]
fn the_feedback_is_announced_whole_and_time_up_at_once() {
    for (response, urgency, words) in [
        (
            Response::Choice("welcome".into()),
            Live::Polite,
            "What it does: A warm welcome.",
        ),
        (Response::Timeout, Live::Assertive, "The time ran out"),
    ] {
        let mut engine = started();
        engine.respond_with(&response).expect("the fixture answers");
        let record = engine.transcript().steps.last().expect("a step");
        let step = review_step(engine.playable(), record);
        let glossary = Glossary::shipped();
        let tree = all_named(
            "feedback",
            accessibility_tree(|ui| play::feedback_ui(ui, &step, &glossary, &mut Vec::new())),
        );
        let announced = tree.announced();
        assert_eq!(announced.len(), 1, "{announced:?}");
        assert!(announced[0].words.contains(words), "{}", announced[0].words);
        assert_eq!(announced[0].live, urgency);
        assert!(tree.find_role(Role::Button, "Continue").is_some());
    }
}

#[test]
fn the_end_names_its_buttons_and_each_reflection_field_by_its_question() {
    let mut engine = started();
    engine
        .respond_with(&Response::Choice("welcome".into()))
        .expect("the fixture answers");
    if engine.reading_feedback() {
        engine.go_on().expect("the feedback is read");
    }
    assert_eq!(
        engine.state().status,
        Status::Ended,
        "the fixture ends after one answer"
    );
    let prompts = vec!["What did you notice?".to_owned()];
    let mut answers = vec![String::new()];
    let tree = all_named(
        "end",
        accessibility_tree(|ui| {
            end::end_header_ui(ui, &engine, false, &mut Vec::new());
            end::end_ui(ui, &engine, "");
            end::reflection_ui(
                ui,
                "attempt",
                &prompts,
                &mut answers,
                false,
                &mut Vec::new(),
            );
        }),
    );
    assert!(tree.find_role(Role::Label, "Stayed").is_some());
    assert!(tree.find_role(Role::Button, "Library").is_some());
    let field = tree
        .find_role(Role::MultilineTextInput, "What did you notice?")
        .or_else(|| tree.find_role(Role::TextInput, "What did you notice?"));
    assert!(field.is_some(), "the field is named by its question");
}
