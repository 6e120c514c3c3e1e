//! A course in the scenario folder: its shelf, and the feedback mode it fixes
//! for the scenarios it lists.

use doorway::app::{Action, ActiveSession, AppState, Courses};
use doorway::core::engine::FeedbackMode;

use super::{Harness, test_scenario};

/// The test scenario, in a folder whose course file is `course`.
fn with_course(course: &str) -> Harness {
    Harness::with_scenario_and_course(false, "test-door", &test_scenario("Come in."), Some(course))
}

#[test]
fn a_course_fixes_the_feedback_mode_of_its_scenarios() {
    let course = r#"Course(title: "Doors", scenarios: [(id: "test-door", note: "First")], settings: (feedback: exam))"#;
    let mut harness = with_course(course);
    let courses = harness.app.world().resource::<Courses>();
    assert_eq!(courses.0.len(), 1);
    harness.begin_scenario("test-door");
    assert_eq!(harness.state(), AppState::Play);
    let session = harness.app.world().resource::<ActiveSession>();
    assert_eq!(
        session.engine.transcript().settings.feedback,
        FeedbackMode::Exam
    );
    harness.act(Action::Leave);
}

#[test]
fn a_scenario_outside_every_course_keeps_the_trainees_choice() {
    let course =
        r#"Course(title: "Doors", scenarios: [(id: "drop-in")], settings: (feedback: exam))"#;
    let mut harness = with_course(course);
    harness.begin_scenario("test-door");
    let session = harness.app.world().resource::<ActiveSession>();
    assert_eq!(
        session.engine.transcript().settings.feedback,
        FeedbackMode::Immediate
    );
}

#[test]
fn a_course_sets_the_time_a_trainee_starts_with() {
    let course = r#"Course(title: "Doors", scenarios: [(id: "test-door")], settings: (default_time_multiplier: 2))"#;
    let mut harness = with_course(course);
    harness.begin_scenario("test-door");
    let session = harness.app.world().resource::<ActiveSession>();
    assert_eq!(session.engine.transcript().settings.time_multiplier, 2.0);
    harness.act(Action::Leave);
}
