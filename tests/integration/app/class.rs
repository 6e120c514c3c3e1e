//! The Class screen without a window: reached from the library and left with
//! Esc, a generated class read in the background into the same figures as
//! `doorway cohort` (with the files it skipped), and a folder that cannot be
//! read reported while the app carries on.

use std::path::Path;

use bevy::prelude::*;
use doorway::app::{Action, AppState, ClassResults, ClassStatus, ScenarioLibrary};
use doorway::core::cohort::aggregate::Filter;
use doorway::core::cohort::source::{ClassSource, read_class};
use doorway::core::cohort::synthetic_class::write_class;

use super::Harness;

impl Harness {
    fn class(&self) -> &ClassResults {
        self.app.world().resource::<ClassResults>()
    }

    /// Asks for `folder` to be read and waits until the reading has ended.
    fn read_class(&mut self, folder: &Path) {
        self.act(Action::ReadClass(ClassSource::Folder(folder.to_path_buf())));
        self.update_until("the class is read", |world| {
            !matches!(
                world.resource::<ClassResults>().status,
                ClassStatus::Reading(_)
            )
        });
    }
}

/// Twelve learners' attempts at the repair drill, and a file that is not JSON.
fn class_folder(harness: &Harness) -> tempfile::TempDir {
    let library = harness.app.world().resource::<ScenarioLibrary>();
    let drill = library
        .get("repair-drill")
        .unwrap()
        .playable
        .clone()
        .unwrap();
    let folder = tempfile::tempdir().unwrap();
    assert_eq!(write_class(folder.path(), &[drill], 12, 1).unwrap(), 12);
    std::fs::write(folder.path().join("notes.json"), "{ half").unwrap();
    folder
}

#[test]
fn the_class_screen_is_reached_from_the_library_and_esc_goes_back() {
    let mut harness = Harness::new(false);
    harness.act(Action::OpenClass);
    assert_eq!(harness.state(), AppState::Class);
    harness.press(KeyCode::Escape);
    assert_eq!(harness.state(), AppState::Library);
}

#[test]
fn a_class_read_in_the_background_has_the_cohort_figures_and_its_skipped_files() {
    let mut harness = Harness::new(false);
    let folder = class_folder(&harness);
    harness.act(Action::OpenClass);
    harness.read_class(folder.path());
    let class = harness.class();
    assert_eq!(class.folder, folder.path().display().to_string(), "kept");
    let ClassStatus::Read(report) = &class.status else {
        panic!("read: {:?}", class.status)
    };
    let [skipped] = report.skipped.as_slice() else {
        panic!("one file skipped: {:?}", report.skipped)
    };
    assert!(skipped.path.ends_with("notes.json") && skipped.reason.starts_with("not JSON"));
    let source = ClassSource::Folder(folder.path().to_path_buf());
    let expected = read_class(&source, Filter::default()).unwrap().class;
    for names in [false, true] {
        assert_eq!(
            serde_json::to_value(report.summary(names)).unwrap(),
            serde_json::to_value(expected.summarize(names)).unwrap(),
            "the same figures as the command line"
        );
    }
    let learners: Vec<&str> = report.summary(true).scenarios[0]
        .progress
        .iter()
        .map(|p| p.learner.as_str())
        .collect();
    assert!(learners.contains(&"Trainee 11"), "{learners:?}");
    assert_eq!(harness.state(), AppState::Class);
}

#[test]
fn a_folder_that_cannot_be_read_is_reported_and_the_app_carries_on() {
    let mut harness = Harness::new(false);
    harness.act(Action::OpenClass);
    let missing = harness._dirs.0.path().join("no-such-class");
    harness.read_class(&missing);
    let ClassStatus::Failed(error) = &harness.class().status else {
        panic!("failed: {:?}", harness.class().status)
    };
    assert!(error.ends_with("no-such-class is not a folder"), "{error}");
    assert_eq!(harness.state(), AppState::Class);
    let folder = class_folder(&harness);
    harness.read_class(folder.path());
    assert!(matches!(harness.class().status, ClassStatus::Read(_)));
    harness.act(Action::Back);
    harness.begin();
    assert_eq!(harness.state(), AppState::Play, "the app plays on");
}
