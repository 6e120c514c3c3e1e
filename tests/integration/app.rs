//! The app without a window: library, briefing, play with timers and keys, pause,
//! the end, and live edits of scenario files.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use doorway::app::{
    Action, ActiveSession, AppOptions, AppState, PlayPhase, ScenarioLibrary, headless_app,
};
use doorway::core::engine::Status;
use doorway::core::review::review_step;
use doorway::core::wording;

mod class;
mod courses;
mod editor;
mod practice;
mod sync;

/// A small scenario: a timed moment, two answers and a timeout.
fn test_scenario(says: &str) -> String {
    format!(
        r#"Scenario(
    id: "test-door", title: "Test door", version: "1", difficulty: Beginner, estimated_minutes: 1,
    content_notes: ["A test"],
    characters: [Character(id: "sam", name: "Sam", role: Client)],
    start: "door",
    entry_points: [EntryPoint(id: "a-drill", title: "After a cool answer", node: "door",
        state: {{"connection": -2}}, open_ruptures: [Withdrawal])],
    acts: [Act(id: "one", title: "One", clock_start: "10:00", nodes: [
        Node(id: "door", speaker: "sam", text: "Hello?", time_limit: 5, pin_order: true,
            timeout: Timeout(target: "gone", feedback: Feedback(relational: "Silence.", client: "Nobody.", concept: "Timing out", source: "s")),
            choices: [
                Choice(id: "welcome", says: "{says}", target: "stay", quality: Skilled, effects: {{"connection": 2}},
                    feedback: Feedback(relational: "Warm.", client: "Glad.", concept: "Welcome", source: "s")),
                Choice(id: "later", says: "Later.", target: "gone", effects: {{"connection": -2}},
                    feedback: Feedback(relational: "Cool.", client: "Sent away.", concept: "Distance", source: "s")),
            ]),
        Node(id: "stay", ending: Ending(kind: Held, title: "Stayed")),
        Node(id: "gone", ending: Ending(kind: Unresolved, title: "Gone")),
    ])],
)"#
    )
}

struct Harness {
    app: App,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    scenario_file: PathBuf,
}

impl Harness {
    fn new(watch: bool) -> Self {
        Self::with_scenario(watch, "test-door", &test_scenario("Come in."))
    }

    /// A harness whose scenario folder holds `text` as `ID.scenario.ron`,
    /// which must load.
    fn with_scenario(watch: bool, id: &str, text: &str) -> Self {
        Self::with_scenario_and_course(watch, id, text, None)
    }

    /// A harness whose scenario folder also holds `course` as its
    /// `course.ron`.
    fn with_scenario_and_course(watch: bool, id: &str, text: &str, course: Option<&str>) -> Self {
        let scenarios = tempfile::tempdir().unwrap();
        if let Some(course) = course {
            std::fs::write(scenarios.path().join("course.ron"), course).unwrap();
        }
        let data = tempfile::tempdir().unwrap();
        let scenario_file = scenarios.path().join(format!("{id}.scenario.ron"));
        std::fs::write(&scenario_file, text).unwrap();
        let options = AppOptions {
            extra_scenario_folders: vec![scenarios.path().to_path_buf()],
            data_dir: Some(data.path().to_path_buf()),
            ..AppOptions::default()
        };
        let mut app = headless_app(&options, watch);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )));
        let mut harness = Self {
            app,
            _dirs: (scenarios, data),
            scenario_file,
        };
        harness.update_until("the test scenario loads", |world| {
            world
                .resource::<ScenarioLibrary>()
                .get(id)
                .is_some_and(|e| e.playable.is_some())
        });
        harness
    }

    fn update(&mut self, frames: usize) {
        for _ in 0..frames {
            self.app.update();
        }
    }

    /// Updates until `done`, with a generous bound (file loading is
    /// asynchronous).
    fn update_until(&mut self, what: &str, done: impl Fn(&World) -> bool) {
        self.update_until_retrying(what, done, || {});
    }

    /// Updates until `done`, calling `retry` every half second meanwhile (a
    /// file watcher sees only the changes made after it started watching, and
    /// nothing says when that is), for at most 30 seconds.
    fn update_until_retrying(
        &mut self,
        what: &str,
        done: impl Fn(&World) -> bool,
        mut retry: impl FnMut(),
    ) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let mut next_retry = std::time::Instant::now();
        while std::time::Instant::now() < deadline {
            if std::time::Instant::now() >= next_retry {
                retry();
                next_retry += Duration::from_millis(500);
            }
            self.app.update();
            if done(self.app.world()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("timed out waiting until {what}");
    }

    /// The feedback showing, as the play screen reads it (the review of the
    /// last step while the engine waits for the reader): what was answered,
    /// what it does, and what changed.
    fn shown_feedback(&self) -> Option<(String, String, Vec<String>)> {
        let engine = &self.session().engine;
        if !engine.reading_feedback() {
            return None;
        }
        let step = review_step(engine.playable(), engine.transcript().steps.last()?);
        let relational = step.feedback().map(|f| f.relational.clone());
        Some((
            step.answer.words(),
            relational.unwrap_or_default(),
            step.changes_in_words(),
        ))
    }

    fn act(&mut self, action: Action) {
        self.app.world_mut().write_message(action);
        self.update(2);
    }

    fn state(&self) -> AppState {
        *self.app.world().resource::<State<AppState>>().get()
    }

    fn session(&self) -> &ActiveSession {
        self.app.world().resource::<ActiveSession>()
    }

    fn begin(&mut self) {
        self.begin_scenario("test-door");
    }

    fn begin_scenario(&mut self, key: &str) {
        self.act(Action::OpenBriefing(key.into()));
        assert_eq!(self.state(), AppState::Briefing);
        self.act(Action::Begin);
        assert_eq!(self.state(), AppState::Play);
    }

    /// Presses and releases a key, as the window would report it.
    fn press(&mut self, key: KeyCode) {
        for state in [ButtonState::Pressed, ButtonState::Released] {
            self.app.world_mut().write_message(KeyboardInput {
                key_code: key,
                logical_key: Key::Unidentified(NativeKey::Unidentified),
                state,
                text: None,
                repeat: false,
                window: Entity::PLACEHOLDER,
            });
            self.update(1);
        }
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn library_to_briefing_to_play_to_timeout_to_feedback_to_end() {
    let mut harness = Harness::new(false);
    assert_eq!(harness.state(), AppState::Library);
    let library = harness.app.world().resource::<ScenarioLibrary>();
    assert!(
        library.get("drop-in").is_some(),
        "the shipped scenarios are there too"
    );
    harness.begin();
    let remaining = harness.session().engine.remaining().unwrap();
    assert!(
        remaining <= Duration::from_secs(5) && remaining > Duration::from_millis(4500),
        "{remaining:?}"
    );
    // 5 s of play time at 100 ms a frame.
    harness.update(55);
    let (said, relational, _) = harness
        .shown_feedback()
        .expect("the timeout's feedback shows");
    assert_eq!(said, wording::time_ran_out());
    assert_eq!(relational, "Silence.");
    assert_eq!(
        harness.session().engine.remaining(),
        None,
        "no countdown runs while the feedback is read"
    );
    assert_eq!(
        harness.state(),
        AppState::Play,
        "the feedback is read before the end"
    );
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    let ending = harness
        .session()
        .engine
        .transcript()
        .ending
        .clone()
        .unwrap();
    assert_eq!(ending.node, "gone");
    harness.act(Action::Leave);
    assert_eq!(harness.state(), AppState::Library);
    assert!(
        harness
            .app
            .world()
            .get_resource::<ActiveSession>()
            .is_none()
    );
}

#[test]
fn a_number_key_chooses_the_choice_shown_at_that_place() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.press(KeyCode::Digit2);
    let (said, _, changes) = harness.shown_feedback().expect("feedback after a choice");
    assert_eq!(said, "Later.");
    assert_eq!(changes[0], "Connection 0 → -2");
    harness.press(KeyCode::Enter);
    assert_eq!(harness.state(), AppState::End);
}

#[test]
fn with_single_key_shortcuts_off_a_number_key_does_nothing_and_a_button_still_answers() {
    let mut harness = Harness::new(false);
    harness
        .app
        .world_mut()
        .resource_mut::<doorway::app::UserPreferences>()
        .current
        .single_key_shortcuts = false;
    harness.begin();
    harness.press(KeyCode::Digit2);
    harness.press(KeyCode::KeyE);
    assert!(harness.shown_feedback().is_none(), "the key answered");
    assert_eq!(harness.session().engine.state().timer.extensions, 0);
    harness.act(Action::Choose("later".into()));
    assert!(
        harness.shown_feedback().is_some(),
        "the button's action answers"
    );
    harness.press(KeyCode::Enter);
    assert_eq!(harness.state(), AppState::End, "Enter still goes on");
}

#[test]
fn pausing_stops_the_countdown() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.update(10);
    let before = harness.session().engine.remaining().unwrap();
    harness.press(KeyCode::Escape);
    assert_eq!(
        *harness.app.world().resource::<State<PlayPhase>>().get(),
        PlayPhase::Paused
    );
    harness.update(100);
    assert_eq!(
        harness.session().engine.remaining().unwrap(),
        before,
        "10 s paused changed nothing"
    );
    assert!(
        harness.shown_feedback().is_none(),
        "no timeout while paused"
    );
    harness.press(KeyCode::Escape);
    harness.update(60);
    assert!(
        harness.shown_feedback().is_some(),
        "after resuming, time runs out"
    );
}

#[test]
fn leaving_from_the_pause_menu_is_always_possible() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.act(Action::TogglePause);
    harness.act(Action::Leave);
    assert_eq!(harness.state(), AppState::Library);
}

#[test]
fn an_edited_scenario_reloads_and_the_session_carries_on() {
    let mut harness = Harness::new(true);
    harness.begin();
    let file = harness.scenario_file.clone();
    harness.update_until_retrying(
        "the edit is picked up",
        |world| world.resource::<ActiveSession>().notice.is_some(),
        || write(&file, &test_scenario("Come in, it's good to see you.")),
    );
    let session = harness.session();
    assert_eq!(session.engine.state().node, "door", "the same moment");
    let says = &session.engine.node().choices[0].says;
    assert_eq!(says, "Come in, it's good to see you.");
    assert_eq!(session.engine.state().status, Status::Playing);
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_playable() {
    let mut harness = Harness::new(true);
    let file = harness.scenario_file.clone();
    let broken = test_scenario("Come in.").replace("target: \"stay\"", "target: \"nowhere\"");
    harness.update_until_retrying(
        "the broken edit is reported",
        |world| {
            world
                .resource::<ScenarioLibrary>()
                .get("test-door")
                .is_some_and(|e| e.problems.is_some())
        },
        || write(&file, &broken),
    );
    let library = harness.app.world().resource::<ScenarioLibrary>();
    let entry = library.get("test-door").expect("still in the library");
    let report = entry.problems.as_ref().expect("the problems are shown");
    assert!(report.render_plain().contains("unknown-target"));
    assert!(entry.playable.is_some(), "the last good version stays");
    harness.begin();
    assert_eq!(harness.session().engine.node().choices[0].target, "stay");
}

#[test]
fn the_library_remembers_how_the_last_attempt_ended() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.act(Action::Choose("welcome".into()));
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    let attempts = harness
        .app
        .world()
        .resource::<doorway::app::SavedAttempts>();
    assert_eq!(
        attempts.latest_outcome("test-door").as_deref(),
        Some("Stayed (Held)")
    );
}

#[test]
fn an_attempt_left_part_way_is_kept_too() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.act(Action::TogglePause);
    harness.act(Action::Leave);
    let data = harness._dirs.1.path().to_path_buf();
    let store = doorway::core::store::AttemptStore::in_data_folder(&data);
    assert!(
        store.load().attempts.is_empty(),
        "nothing answered, nothing kept"
    );
    harness.begin();
    harness.update(55); // the time runs out: one step
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    harness.begin();
    harness.act(Action::Choose("later".into()));
    assert_eq!(harness.state(), AppState::Play, "the feedback is showing");
    harness.act(Action::TogglePause);
    harness.act(Action::Leave);
    let listing = store.load();
    assert_eq!(
        listing.attempts.len(),
        2,
        "the finished one and the one left before its ending"
    );
}

#[test]
fn reflections_are_kept_with_the_attempt() {
    let mut harness = Harness::new(false);
    harness.begin();
    harness.act(Action::Choose("welcome".into()));
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    let reflection = doorway::core::store::Reflection {
        prompt: "What pulled you towards that answer?".into(),
        answer: "Wanting him to feel welcome.".into(),
    };
    harness.act(Action::SaveReflections(vec![reflection.clone()]));
    let data = harness._dirs.1.path().to_path_buf();
    let listing = doorway::core::store::AttemptStore::in_data_folder(&data).load();
    assert_eq!(listing.attempts.len(), 1, "the same attempt, rewritten");
    assert_eq!(listing.attempts[0].reflections, vec![reflection]);
}

/// Finishes the test scenario with one answer.
fn finish_with(harness: &mut Harness, choice: &str) {
    harness.begin();
    harness.act(Action::Choose(choice.into()));
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
}

#[test]
fn a_finished_session_has_its_debrief_attempt_and_exports() {
    use doorway::app::CurrentAttempt;
    use doorway::core::export::ExportFormat;
    let mut harness = Harness::new(false);
    finish_with(&mut harness, "welcome");
    let current = harness.app.world().resource::<CurrentAttempt>();
    let attempt = current
        .attempt
        .clone()
        .expect("the end screen has its attempt");
    assert_eq!(attempt.transcript.steps.len(), 1);
    let data = harness._dirs.1.path().to_path_buf();
    let stored = doorway::core::store::AttemptStore::in_data_folder(&data).load();
    assert_eq!(stored.attempts, vec![attempt.clone()], "saved as shown");

    harness.act(Action::Export {
        format: ExportFormat::Markdown,
        reflections: false,
    });
    let current = harness.app.world().resource::<CurrentAttempt>();
    let path = current
        .last_export
        .clone()
        .expect("exported")
        .expect("written");
    assert_eq!(
        path,
        data.join("exports").join(format!("{}.md", attempt.id))
    );
    let markdown = std::fs::read_to_string(&path).unwrap();
    assert!(
        markdown.starts_with("# Test door: an attempt"),
        "{markdown}"
    );
    assert!(markdown.contains("**You:** “Come in.”"));

    harness.act(Action::Export {
        format: ExportFormat::Xapi,
        reflections: false,
    });
    let current = harness.app.world().resource::<CurrentAttempt>();
    let path = current.last_export.clone().unwrap().unwrap();
    let statements: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let verbs: Vec<&str> = statements
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    assert_eq!(
        verbs,
        [
            "launched",
            "initialized",
            "answered",
            "completed",
            "terminated"
        ]
    );
}

#[test]
fn what_if_plays_on_from_a_step_in_the_same_attempt() {
    use doorway::app::CurrentAttempt;
    let mut harness = Harness::new(false);
    finish_with(&mut harness, "later");
    let first_id = harness
        .app
        .world()
        .resource::<CurrentAttempt>()
        .attempt
        .as_ref()
        .unwrap()
        .id
        .clone();
    harness.act(Action::WhatIf(0));
    assert_eq!(harness.state(), AppState::Play);
    assert!(
        harness
            .session()
            .notice
            .as_deref()
            .unwrap()
            .contains("step 1")
    );
    harness.act(Action::Choose("welcome".into()));
    harness.act(Action::Continue);
    assert_eq!(harness.state(), AppState::End);
    let attempt = harness
        .app
        .world()
        .resource::<CurrentAttempt>()
        .attempt
        .clone()
        .unwrap();
    assert_eq!(attempt.id, first_id, "the same attempt, carried on");
    assert_eq!(attempt.transcript.ending.as_ref().unwrap().title, "Stayed");
    let branch = &attempt.transcript.branches[0];
    assert_eq!(branch.from_step, 0);
    assert_eq!(branch.ending.as_ref().unwrap().title, "Gone");
    let data = harness._dirs.1.path().to_path_buf();
    let stored = doorway::core::store::AttemptStore::in_data_folder(&data).load();
    assert_eq!(stored.attempts, vec![attempt], "one file, rewritten");
}

#[test]
fn history_opens_a_saved_attempt_for_review_and_exports_it() {
    use doorway::app::ReviewedAttempt;
    use doorway::core::export::ExportFormat;
    let mut harness = Harness::new(false);
    finish_with(&mut harness, "welcome");
    harness.act(Action::Back);
    assert_eq!(harness.state(), AppState::Library);
    harness.act(Action::OpenHistory);
    assert_eq!(harness.state(), AppState::History);
    let id = harness
        .app
        .world()
        .resource::<doorway::app::SavedAttempts>()
        .attempts[0]
        .id
        .clone();
    harness.act(Action::ReviewAttempt("no-such-attempt".into()));
    assert_eq!(
        harness.state(),
        AppState::History,
        "an unknown id stays put"
    );
    harness.act(Action::ReviewAttempt(id.clone()));
    assert_eq!(harness.state(), AppState::Review);
    harness.act(Action::Export {
        format: ExportFormat::Markdown,
        reflections: true,
    });
    let reviewed = harness.app.world().resource::<ReviewedAttempt>();
    let path = reviewed.last_export.clone().unwrap().unwrap();
    assert!(path.ends_with(format!("{id}.md")));
    harness.act(Action::Back);
    assert_eq!(harness.state(), AppState::History);
    harness.act(Action::Back);
    assert_eq!(harness.state(), AppState::Library);
}

#[test]
fn a_practice_suggestion_opens_the_briefing_at_its_drill() {
    let mut harness = Harness::new(false);
    harness.act(Action::OpenBriefingAt {
        key: "test-door".into(),
        entry: Some("a-drill".into()),
    });
    assert_eq!(harness.state(), AppState::Briefing);
    let library = harness.app.world().resource::<ScenarioLibrary>();
    assert_eq!(library.suggested_entry.as_deref(), Some("a-drill"));
    harness.act(Action::Begin);
    assert_eq!(harness.state(), AppState::Play);
    let engine = &harness.session().engine;
    assert_eq!(
        engine.transcript().entry.as_deref(),
        Some("a-drill"),
        "Begin starts the drill the suggestion picked"
    );
    assert_eq!(engine.state().relational.value("connection"), -2);
    assert_eq!(engine.state().relational.open_ruptures().count(), 1);
    harness.act(Action::Leave);
    harness.act(Action::OpenBriefingAt {
        key: "test-door".into(),
        entry: Some("a-drill".into()),
    });
    harness.act(Action::Back);
    harness.act(Action::OpenBriefing("test-door".into()));
    let library = harness.app.world().resource::<ScenarioLibrary>();
    assert_eq!(
        library.suggested_entry, None,
        "a plain opening picks no drill"
    );
}

#[test]
fn a_feedback_link_opens_the_glossary_and_back_returns_to_play() {
    use doorway::app::GlossaryFocus;
    let mut harness = Harness::new(false);
    harness.begin();
    harness.act(Action::Choose("welcome".into()));
    assert!(
        harness.shown_feedback().is_some(),
        "the feedback is showing"
    );
    harness.act(Action::OpenGlossary(Some("optimal-distance".into())));
    assert_eq!(harness.state(), AppState::Glossary);
    assert_eq!(
        harness.app.world().resource::<GlossaryFocus>().0.as_deref(),
        Some("optimal-distance")
    );
    let before = harness.session().engine.transcript().steps.len();
    harness.update(30);
    harness.act(Action::Back);
    assert_eq!(harness.state(), AppState::Play);
    assert!(
        harness.shown_feedback().is_some(),
        "the feedback is still there to read"
    );
    assert_eq!(harness.session().engine.transcript().steps.len(), before);
}

#[test]
fn a_scenario_that_cannot_begin_says_so_on_the_briefing() {
    use doorway::app::Notices;
    let mut harness = Harness::new(false);
    harness.act(Action::OpenBriefingAt {
        key: "test-door".into(),
        entry: Some("no-such-drill".into()),
    });
    harness.act(Action::Begin);
    assert_eq!(harness.state(), AppState::Briefing, "nothing began");
    let notices = harness.app.world().resource::<Notices>();
    let shown: Vec<&str> = notices.on(AppState::Briefing).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("cannot begin"), "{shown:?}");
    assert!(shown[0].contains("no-such-drill"), "{shown:?}");
}

#[test]
fn a_save_that_fails_is_reported_on_the_end_screen_and_reflections_are_not_called_kept() {
    use doorway::app::{CurrentAttempt, Notices};
    let mut harness = Harness::new(false);
    // The data folder becomes a plain file: nothing can be written under it.
    let data = harness._dirs.1.path().to_path_buf();
    std::fs::remove_dir_all(&data).unwrap();
    std::fs::write(&data, "not a folder").unwrap();
    finish_with(&mut harness, "welcome");
    let notices = harness.app.world().resource::<Notices>();
    let shown: Vec<&str> = notices.on(AppState::End).collect();
    assert!(
        shown.iter().any(|n| n.contains("could not be saved")),
        "{shown:?}"
    );
    harness.act(Action::SaveReflections(vec![
        doorway::core::store::Reflection {
            prompt: "What pulled you towards that answer?".into(),
            answer: "Relief.".into(),
        },
    ]));
    let current = harness.app.world().resource::<CurrentAttempt>();
    assert!(!current.reflections_kept, "nothing was written");
    let notices = harness.app.world().resource::<Notices>();
    assert!(
        notices
            .on(AppState::End)
            .any(|n| n.contains("reflections could not be saved")),
    );
}
