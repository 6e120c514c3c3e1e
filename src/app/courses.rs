//! Course files in the scenario folders: each folder's `course.ron`, read at
//! start, for the library to show as a shelf of its scenarios in order. A
//! course with problems is reported on the library instead.

use bevy::prelude::*;

use super::library::ScenarioLibrary;
use super::scenario_assets::ScenarioFolders;
use crate::core::course::{COURSE_FILE_NAME, Course, load_course_file};
use crate::core::load::LoadOptions;

/// The courses found in the scenario folders, in folder order.
#[derive(Resource, Debug, Default)]
pub struct Courses(pub Vec<Course>);

impl Courses {
    /// The course a scenario is played in (the first that lists it), if any:
    /// its feedback mode is fixed for that scenario.
    pub fn course_of(&self, scenario_id: &str) -> Option<&Course> {
        self.0
            .iter()
            .find(|c| c.scenarios.iter().any(|s| s.id == scenario_id))
    }
}

/// Reads the courses.
pub(super) struct CoursesPlugin;

impl Plugin for CoursesPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Courses>()
            .add_systems(Startup, read_courses);
    }
}

fn read_courses(
    folders: Res<ScenarioFolders>,
    mut courses: ResMut<Courses>,
    mut library: ResMut<ScenarioLibrary>,
) {
    for (_, folder) in &folders.folders {
        let file = folder.join(COURSE_FILE_NAME);
        if !file.is_file() {
            continue;
        }
        let loaded = load_course_file(&file, LoadOptions::default());
        match loaded.usable() {
            Some(course) => courses.0.push(course.clone()),
            None => library.notices.push(format!(
                "The course file {} has problems and is not shown: {}. `doorway validate {}` lists them.",
                file.display(),
                loaded
                    .report
                    .diagnostics
                    .first()
                    .map_or("it could not be read", |d| d.message.as_str()),
                file.display()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn courses_in(folder: &std::path::Path) -> (Vec<Course>, Vec<String>) {
        let mut app = App::new();
        app.insert_resource(ScenarioFolders {
            folders: vec![(None, folder.to_path_buf())],
            notices: Vec::new(),
        })
        .init_resource::<ScenarioLibrary>()
        .add_plugins(CoursesPlugin);
        app.update();
        let courses = app.world().resource::<Courses>().0.clone();
        let notices = app.world().resource::<ScenarioLibrary>().notices.clone();
        (courses, notices)
    }

    #[test]
    fn a_folders_course_is_read_in_order_and_a_broken_one_is_reported() {
        let folder = tempfile::tempdir().expect("temp folder");
        let file = folder.path().join(COURSE_FILE_NAME);
        std::fs::write(
            &file,
            r#"Course(title: "Returns", scenarios: [(id: "repair-drill", note: "First"), (id: "drop-in")])"#,
        )
        .expect("written");
        let (courses, notices) = courses_in(folder.path());
        assert_eq!(courses.len(), 1, "{notices:?}");
        let ids: Vec<&str> = courses[0].scenarios.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["repair-drill", "drop-in"]);

        std::fs::write(
            &file,
            r#"Course(title: "Returns", scenarios: [(id: "repair-dril")])"#,
        )
        .expect("written");
        let (courses, notices) = courses_in(folder.path());
        assert!(courses.is_empty());
        assert!(notices[0].contains("has problems"), "{notices:?}");
    }
}
