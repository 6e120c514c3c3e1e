//! The editor in the app without a window: a new scenario made, moments and
//! answers added, a reported problem fixed, undo and redo, saved, reloaded and
//! saved again without a byte changing, played from a moment and back, a
//! hand-written file saved only after the comments question, and unsaved edits
//! kept in the data folder and offered back.

use bevy::prelude::*;
use doorway::app::{
    Action, ActiveSession, AppState, Editor, EditorAction, EditorQuestion, EditorView,
};
use doorway::core::diagnostic::{Location, Severity};
use doorway::core::model::Timeout;

use super::Harness;

const PRACTICE: &str = include_str!("../../fixtures/practice.scenario.ron");

impl Harness {
    fn edit(&mut self, action: EditorAction) {
        self.app.world_mut().write_message(action);
        self.update(2);
    }

    fn editor(&self) -> &Editor {
        self.app.world().resource::<Editor>()
    }

    fn editor_mut(&mut self) -> Mut<'_, Editor> {
        self.app.world_mut().resource_mut::<Editor>()
    }

    fn errors(&self) -> Vec<String> {
        self.editor()
            .draft
            .problems()
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| format!("{}: {}", p.code, p.message))
            .collect()
    }

    fn shown_moment(&self) -> String {
        self.editor()
            .moment()
            .expect("a moment is shown")
            .to_owned()
    }
}

#[test]
fn a_new_scenario_is_written_checked_saved_reloaded_and_played_from_a_moment() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    harness.edit(EditorAction::New("The email after two years".into()));
    assert_eq!(harness.state(), AppState::Editor);
    let file = harness.editor().draft.file().to_path_buf();
    assert!(file.is_file(), "the new scenario is a file at once");
    assert_eq!(harness.shown_moment(), "opening");

    // A blank scenario plays; timing its first moment is an error until the
    // moment says what happens when the time runs out.
    assert!(harness.errors().is_empty(), "{:?}", harness.errors());
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().acts[0].nodes[0].text = "Hi. I got your email.".into();
        editor.draft.commit("acts[0].nodes[0].text");
        editor.draft.scenario_mut().acts[0].nodes[0].time_limit = Some(45.0);
        editor.draft.commit("acts[0].nodes[0].time_limit");
    }
    let problem = harness
        .editor()
        .draft
        .problems()
        .iter()
        .find(|p| p.code == "missing-timeout")
        .expect("the timed moment has no timeout")
        .location
        .clone();
    let Location::Path(path) = problem else {
        panic!("located by path")
    };
    harness.edit(EditorAction::GoToField(path.clone()));
    assert_eq!(harness.editor().focus.as_deref(), Some(path.as_str()));
    assert_eq!(harness.shown_moment(), "opening");
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().acts[0].nodes[0].timeout = Some(Timeout {
            target: "ending".into(),
            minutes: 0,
            effects: Default::default(),
            rupture: None,
            feedback: None,
            tags: Vec::new(),
        });
        editor.draft.commit("acts[0].nodes[0].timeout");
    }
    assert!(harness.errors().is_empty(), "fixed: {:?}", harness.errors());

    // An answer added, given words, and led to a new moment.
    harness.edit(EditorAction::AddAnswer);
    let answers = harness.editor().draft.scenario().acts[0].nodes[0]
        .choices
        .len();
    assert_eq!(answers, 2);
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().acts[0].nodes[0].choices[1].says =
            "It's good to see you.".into();
        editor.draft.commit("acts[0].nodes[0].choices[1].says");
    }
    harness.edit(EditorAction::LeadToNewMoment(1));
    let scenario = harness.editor().draft.scenario().clone();
    let answer = &scenario.acts[0].nodes[0].choices[1];
    assert_eq!(
        answer.id, "opening_its_good_to_see",
        "the id is made from the words"
    );
    assert_eq!(answer.target, "after_its_good_to_see");
    assert_eq!(scenario.acts[0].nodes[1].id, "after_its_good_to_see");

    // Undo takes back the new moment, redo brings it again.
    harness.edit(EditorAction::Undo);
    assert!(
        harness
            .editor()
            .draft
            .scenario()
            .nodes()
            .all(|n| n.id != "after_its_good_to_see")
    );
    harness.edit(EditorAction::Redo);
    assert!(
        harness
            .editor()
            .draft
            .scenario()
            .nodes()
            .any(|n| n.id == "after_its_good_to_see")
    );

    // Save, reload, save again: not a byte changes.
    harness.edit(EditorAction::Save);
    assert!(!harness.editor().draft.is_unsaved());
    let saved = std::fs::read(&file).unwrap();
    harness.edit(EditorAction::Close);
    assert_eq!(harness.state(), AppState::Library);
    harness.edit(EditorAction::Open(file.clone()));
    assert_eq!(harness.editor().draft.scenario(), &scenario);
    harness.edit(EditorAction::Save);
    assert_eq!(std::fs::read(&file).unwrap(), saved, "byte-identical");
    assert!(
        harness
            .editor()
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("already")
    );

    // The library lists the new file.
    harness.update_until("the new scenario is in the library", |world| {
        world
            .resource::<doorway::app::ScenarioLibrary>()
            .entries
            .iter()
            .any(|e| e.key.contains("the-email-after-two") || e.title().contains("email"))
    });
}

#[test]
fn play_from_here_starts_at_the_moment_and_leaving_comes_back() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let file = harness.scenario_file.clone();
    harness.edit(EditorAction::Open(file));
    let target = harness
        .editor()
        .draft
        .scenario()
        .nodes()
        .nth(1)
        .expect("a second moment")
        .id
        .clone();
    harness.edit(EditorAction::Show(EditorView::Moment(target.clone())));
    harness.edit(EditorAction::PlayFromHere);
    assert_eq!(harness.state(), AppState::Play);
    let session = harness.app.world().resource::<ActiveSession>();
    assert!(session.trial);
    assert_eq!(session.engine.state().node, target);
    assert!(
        session
            .notice
            .as_deref()
            .unwrap_or_default()
            .contains("shortest way")
    );
    harness.act(Action::Leave);
    harness.update(2);
    assert_eq!(harness.state(), AppState::Editor);
    assert_eq!(harness.shown_moment(), target, "back at the same place");
    assert!(
        harness
            .app
            .world()
            .get_resource::<ActiveSession>()
            .is_none()
    );
}

#[test]
fn a_draft_with_errors_plays_as_far_as_it_is_written() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    harness.edit(EditorAction::New("Unfinished".into()));
    harness.edit(EditorAction::AddAnswer);
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().acts[0].nodes[0].choices[0].target = "nowhere".into();
        editor.draft.commit("acts[0].nodes[0].choices[0].target");
    }
    assert!(!harness.errors().is_empty());
    harness.edit(EditorAction::PlayFromHere);
    assert_eq!(harness.state(), AppState::Play);
    let session = harness.app.world().resource::<ActiveSession>();
    let notice = session.notice.clone().unwrap_or_default();
    assert!(notice.contains("This draft has 1 error"), "{notice}");
    let shown = session.engine.shown_choices();
    assert_eq!(shown.len(), 2);
    let disabled = shown
        .iter()
        .position(|c| {
            c.disabled
                .as_deref()
                .unwrap_or_default()
                .contains("nowhere")
        })
        .expect("the answer that leads nowhere is shown, disabled");
    assert!(
        session.engine.end_of_draft().is_none(),
        "the other answer can be chosen"
    );

    // Choosing it is refused with the reason, on screen; play stays.
    harness.act(Action::ChooseNumber(disabled + 1));
    assert_eq!(harness.state(), AppState::Play);
    let notice = harness
        .app
        .world()
        .resource::<ActiveSession>()
        .notice
        .clone();
    assert!(notice.unwrap_or_default().contains("cannot be chosen yet"));
    harness.act(Action::Leave);
    harness.update(2);
    assert_eq!(harness.state(), AppState::Editor);
}

#[test]
fn a_hand_written_file_is_saved_only_after_the_comments_question() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let file = harness.scenario_file.clone();
    harness.edit(EditorAction::Open(file.clone()));
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().title = "Practice, edited".into();
        editor.draft.commit("title");
    }
    harness.edit(EditorAction::Save);
    assert_eq!(
        harness.editor().question,
        Some(EditorQuestion::SaveDropsComments)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), PRACTICE, "not yet");
    harness.edit(EditorAction::Confirm);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Practice, edited")
    );
    let backup = file.with_file_name("practice.scenario.ron.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), PRACTICE);

    // Leaving with unsaved edits asks first.
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().summary = "More".into();
        editor.draft.commit("summary");
    }
    harness.edit(EditorAction::Close);
    assert_eq!(
        harness.editor().question,
        Some(EditorQuestion::LeaveUnsaved)
    );
    harness.edit(EditorAction::Cancel);
    assert_eq!(harness.state(), AppState::Editor);
}

#[test]
fn unsaved_edits_are_kept_and_offered_back_when_the_file_is_opened_again() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let file = harness.scenario_file.clone();
    harness.edit(EditorAction::Open(file.clone()));
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().title = "Kept while unsaved".into();
        editor.draft.commit("title");
    }
    let drafts = harness._dirs.1.path().join("drafts");
    harness.update_until("the edits are kept", |_| {
        std::fs::read_dir(&drafts).is_ok_and(|mut d| d.next().is_some())
    });
    // The app goes away without saving; a new one opens the file again.
    drop(harness.app.world_mut().remove_resource::<Editor>());
    harness.edit(EditorAction::Open(file));
    let kept = harness.editor().recovery.clone().expect("offered back");
    assert!(kept.text.contains("Kept while unsaved"));
    harness.edit(EditorAction::Recover);
    assert_eq!(
        harness.editor().draft.scenario().title,
        "Kept while unsaved"
    );
    assert!(harness.editor().draft.is_unsaved());
}

#[test]
fn closing_without_a_word_keeps_the_edits_kept_from_last_time() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let file = harness.scenario_file.clone();
    let data = harness._dirs.1.path().to_path_buf();
    let kept = PRACTICE.replace("title: \"Practice\"", "title: \"Kept from last time\"");
    doorway::core::editor::autosave(&data, &file, &kept, PRACTICE, 1).unwrap();
    harness.edit(EditorAction::Open(file.clone()));
    assert!(harness.editor().recovery.is_some(), "offered back");
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().summary = "typed meanwhile".into();
        editor.draft.commit("summary");
    }
    harness.update(40);
    let still = doorway::core::editor::autosaved(&data, &file)
        .unwrap()
        .unwrap();
    assert_eq!(still.text, kept, "not written over while it is offered");
    harness.edit(EditorAction::Close);
    harness.edit(EditorAction::Confirm);
    assert_eq!(harness.state(), AppState::Library);
    assert!(
        doorway::core::editor::autosaved(&data, &file)
            .unwrap()
            .is_some(),
        "neither taken back nor forgotten: still kept"
    );
}

#[test]
fn trying_a_trial_again_plays_the_draft_again_not_the_saved_file() {
    let mut harness = Harness::with_scenario(false, "practice", PRACTICE);
    let file = harness.scenario_file.clone();
    harness.edit(EditorAction::Open(file));
    {
        let mut editor = harness.editor_mut();
        editor.draft.scenario_mut().acts[0].nodes[0].text = "Unsaved words".into();
        editor.draft.commit("acts[0].nodes[0].text");
    }
    harness.edit(EditorAction::PlayFromHere);
    assert_eq!(harness.state(), AppState::Play);
    harness.act(Action::ChooseNumber(1));
    harness.act(Action::PlayAgain);
    harness.update(4);
    assert_eq!(harness.state(), AppState::Play);
    let session = harness.app.world().resource::<ActiveSession>();
    assert!(session.trial);
    assert!(
        session.engine.transcript().steps.is_empty(),
        "a fresh trial"
    );
    assert_eq!(session.engine.node().text, "Unsaved words");
    harness.act(Action::Leave);
    harness.update(2);
    assert_eq!(harness.state(), AppState::Editor);
}
