use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::core::engine::PlayableScenario;

const FIXTURE: &str = include_str!("../../../tests/fixtures/practice.scenario.ron");

fn hand_written(folder: &Path) -> PathBuf {
    let file = folder.join("practice.scenario.ron");
    std::fs::write(&file, FIXTURE).expect("writable temp folder");
    file
}

#[test]
fn typing_into_one_field_is_one_step_to_undo() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut draft = Draft::open(&hand_written(folder.path())).expect("the fixture opens");
    let before = draft.scenario().title.clone();
    for letter in ["A", "Ab", "Abc"] {
        draft.scenario_mut().title = letter.to_owned();
        draft.commit("title");
    }
    draft.scenario_mut().summary = "New summary".to_owned();
    draft.commit("summary");
    assert!(draft.undo());
    assert_eq!(draft.scenario().title, "Abc");
    assert!(draft.undo());
    assert_eq!(draft.scenario().title, before);
    assert!(!draft.undo(), "nothing more to undo");
    assert!(draft.redo() && draft.redo());
    assert_eq!(draft.scenario().summary, "New summary");
    assert!(!draft.can_redo());
}

#[test]
fn an_edit_after_undo_drops_the_redo() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut draft = Draft::open(&hand_written(folder.path())).expect("opens");
    let first = draft
        .scenario()
        .nodes()
        .next()
        .expect("a moment")
        .id
        .clone();
    let added = draft.edit(|s| operations::add_moment(s, Some(&first)));
    assert!(find_moment(draft.scenario(), &added).is_some());
    assert!(draft.undo());
    assert!(find_moment(draft.scenario(), &added).is_none());
    draft.scenario_mut().title = "Other".to_owned();
    draft.commit("title");
    assert!(!draft.redo(), "a new edit ends the redo");
}

#[test]
fn the_first_save_of_a_hand_written_file_keeps_a_backup_and_a_second_changes_no_byte() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = hand_written(folder.path());
    let mut draft = Draft::open(&file).expect("opens");
    assert!(draft.save_drops_comments(), "the fixture has comments");
    draft.scenario_mut().title = "Edited".to_owned();
    draft.commit("title");
    assert!(draft.is_unsaved());
    let saved = draft.save().expect("saves");
    let backup = saved.backup.expect("a hand-written file is backed up");
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), FIXTURE);
    assert!(!draft.is_unsaved());

    let written = std::fs::read(&file).expect("saved file");
    let mut reopened = Draft::open(&file).expect("the saved file opens");
    assert_eq!(reopened.scenario().title, "Edited");
    assert!(!reopened.save_drops_comments());
    let again = reopened.save().expect("saves");
    assert!(again.unchanged && again.backup.is_none());
    assert_eq!(
        std::fs::read(&file).expect("file"),
        written,
        "byte-identical"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_saved_over_without_a_word() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = hand_written(folder.path());
    let mut draft = Draft::open(&file).expect("opens");
    draft.scenario_mut().title = "Mine".to_owned();
    draft.commit("title");
    let theirs = FIXTURE.replace("// ", "// edited elsewhere: ");
    std::fs::write(&file, &theirs).expect("edit on disk");
    assert!(matches!(draft.save(), Err(SaveError::ChangedOnDisk)));
    assert_eq!(std::fs::read_to_string(&file).expect("file"), theirs);
    let saved = draft.save_over().expect("saves over");
    let backup = saved.backup.expect("their text is kept");
    assert_eq!(std::fs::read_to_string(backup).expect("backup"), theirs);
}

#[test]
fn a_new_scenario_is_a_file_that_opens_again() {
    let folder = tempfile::tempdir().expect("temp folder");
    let draft = Draft::create(folder.path(), "The email after two years").expect("created");
    assert_eq!(
        draft.file().file_name().and_then(|n| n.to_str()),
        Some("the-email-after-two.scenario.ron")
    );
    let other = Draft::create(folder.path(), "The email after two years").expect("created");
    assert_ne!(other.file(), draft.file(), "an existing file is not taken");
    let reopened = Draft::open(draft.file()).expect("opens");
    assert_eq!(reopened.scenario(), draft.scenario());
    let problems = reopened.problems();
    assert!(
        !problems
            .iter()
            .any(|p| p.severity == crate::core::diagnostic::Severity::Error),
        "a blank scenario plays"
    );
    assert!(
        problems.iter().any(|p| p.code == "missing-feedback"),
        "its warnings say what to write next"
    );
}

#[test]
fn a_file_that_does_not_parse_is_refused_with_its_location() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = folder.path().join("broken.scenario.ron");
    std::fs::write(
        &file,
        "Scenario(\n    id: \"x\",\n    title: \"a \"b\" c\",\n)",
    )
    .expect("write");
    let error = Draft::open(&file).expect_err("does not parse");
    assert!(error.to_string().contains("line 3"), "{error}");
}

#[test]
fn renaming_a_moment_renames_every_reference() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut draft = Draft::open(&hand_written(folder.path())).expect("opens");
    let start = draft.scenario().start.clone();
    draft.edit(|s| rename_moment(s, &start, "the_door"));
    assert_eq!(draft.scenario().start, "the_door");
    assert!(find_moment(draft.scenario(), "the_door").is_some());
    assert!(
        !draft
            .problems()
            .iter()
            .any(|p| p.severity == crate::core::diagnostic::Severity::Error),
        "no reference is left dangling"
    );
}

#[test]
fn autosaved_edits_come_back_and_a_damaged_one_is_set_aside() {
    let data = tempfile::tempdir().expect("temp folder");
    let file = PathBuf::from("/some/where/drill.scenario.ron");
    assert_eq!(autosaved(data.path(), &file), Ok(None));
    autosave(data.path(), &file, "text", "the file", 7).expect("kept");
    let kept = autosaved(data.path(), &file).expect("reads").expect("kept");
    assert_eq!((kept.text.as_str(), kept.saved_at), ("text", 7));
    assert!(!kept.file_changed_since("the file"));
    assert!(kept.file_changed_since("the file, edited elsewhere"));
    std::fs::write(autosave_path(data.path(), &file), "{not json").expect("damage");
    let error = autosaved(data.path(), &file).expect_err("damaged");
    assert!(error.contains("set aside"), "{error}");
    assert_eq!(
        autosaved(data.path(), &file),
        Ok(None),
        "moved out of the way"
    );
    forget_autosave(data.path(), &file);
}

#[test]
fn play_from_a_moment_starts_with_the_state_of_the_shortest_way_there() {
    let scenario = crate::core::load::parse(FIXTURE, crate::core::load::LoadOptions::default())
        .expect("parses");
    let playable: Arc<PlayableScenario> = PlayableScenario::new(scenario.clone());
    let start = state_at(&playable, &scenario.start).expect("the start is reachable");
    assert!(start.way.is_empty());
    let far = scenario
        .nodes()
        .filter(|n| n.is_ending())
        .filter_map(|n| state_at(&playable, &n.id))
        .max_by_key(|s| s.way.len())
        .expect("an ending is reachable");
    assert!(!far.way.is_empty());
    assert!(far.clock > start.clock, "time passes on the way");
    assert!(state_at(&playable, "no_such_moment").is_none());
}

#[test]
fn a_file_changed_on_disk_into_another_encoding_is_not_saved_over_either() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = hand_written(folder.path());
    let mut draft = Draft::open(&file).expect("opens");
    draft.scenario_mut().title = "Mine".to_owned();
    draft.commit("title");
    let latin1 = b"// caf\xe9\n".to_vec();
    std::fs::write(&file, &latin1).expect("edit on disk");
    assert!(matches!(draft.save(), Err(SaveError::ChangedOnDisk)));
    let saved = draft.save_over().expect("saves over");
    let backup = saved.backup.expect("their bytes are kept");
    assert_eq!(std::fs::read(backup).expect("backup"), latin1);
}

#[test]
fn a_deleted_file_is_written_again_and_says_so() {
    let folder = tempfile::tempdir().expect("temp folder");
    let file = hand_written(folder.path());
    let mut draft = Draft::open(&file).expect("opens");
    std::fs::remove_file(&file).expect("deleted");
    let saved = draft.save().expect("saves");
    assert!(saved.recreated && !saved.unchanged);
    assert!(file.is_file());
}

#[test]
fn removing_two_items_in_a_row_is_two_steps_to_undo() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut draft = Draft::open(&hand_written(folder.path())).expect("opens");
    draft.scenario_mut().learning_goals = vec!["a".into(), "b".into()];
    draft.commit("learning_goals.add");
    for _ in 0..2 {
        draft.scenario_mut().learning_goals.pop();
        draft.commit("learning_goals.remove");
    }
    assert!(draft.undo());
    assert_eq!(draft.scenario().learning_goals, ["a"]);
}

#[test]
fn a_copy_with_windows_line_endings_still_counts_as_written_by_doorway() {
    let folder = tempfile::tempdir().expect("temp folder");
    let draft = Draft::create(folder.path(), "Line endings").expect("created");
    let crlf = std::fs::read_to_string(draft.file())
        .expect("written")
        .replace('\n', "\r\n");
    std::fs::write(draft.file(), crlf).expect("rewritten");
    let reopened = Draft::open(draft.file()).expect("opens");
    assert!(!reopened.save_drops_comments());
}

#[test]
fn words_name_a_new_answer_once_and_undo_takes_words_and_name_together() {
    let folder = tempfile::tempdir().expect("temp folder");
    let mut draft = Draft::create(folder.path(), "Names").expect("created");
    let answer = draft.add_answer("opening").expect("the moment exists");
    let index = draft.scenario().acts[0].nodes[0].choices.len() - 1;
    draft.scenario_mut().acts[0].nodes[0].choices[index].says = "Answer her question".into();
    draft.commit("says");
    assert!(draft.name_new_ids());
    let named = draft.scenario().acts[0].nodes[0].choices[index].id.clone();
    assert_eq!(named, "opening_answer_her_question");
    assert!(!draft.name_new_ids(), "named once, not again");
    assert!(draft.undo());
    let back = &draft.scenario().acts[0].nodes[0].choices[index];
    assert_eq!(
        (back.id.as_str(), back.says.as_str()),
        (answer.as_str(), "")
    );
}
