//! Course files in the scenario folders: each folder's `course.ron`, read at
//! start and again when one changes, for the library to show as a shelf of its
//! scenarios in order. A course with problems is reported on the library instead.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

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

/// Reads the courses, and again when a course file changes.
pub(super) struct CoursesPlugin;

impl Plugin for CoursesPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Courses>()
            .init_resource::<CourseFilesSeen>()
            .add_systems(Startup, read_courses)
            .add_systems(Update, reread_changed_courses);
    }
}

/// How often the course files are looked at for changes. The app wakes at
/// least every few seconds, and a look is one `stat` per scenario folder.
const LOOK_EVERY: Duration = Duration::from_secs(2);

/// Each course file's modification time when last read (none: no file), and
/// when they were last looked at.
#[derive(Resource, Debug, Default)]
struct CourseFilesSeen {
    modified: Vec<Option<SystemTime>>,
    looked: Option<Instant>,
}

fn course_files(folders: &ScenarioFolders) -> Vec<PathBuf> {
    folders
        .folders
        .iter()
        .map(|(_, folder)| folder.join(COURSE_FILE_NAME))
        .collect()
}

fn modified_times(files: &[PathBuf]) -> Vec<Option<SystemTime>> {
    files
        .iter()
        .map(|file| std::fs::metadata(file).and_then(|m| m.modified()).ok())
        .collect()
}

fn read_courses(
    folders: Res<ScenarioFolders>,
    mut courses: ResMut<Courses>,
    mut library: ResMut<ScenarioLibrary>,
    mut seen: ResMut<CourseFilesSeen>,
) {
    let files = course_files(&folders);
    seen.modified = modified_times(&files);
    let (read, problems) = read_course_files(&files);
    courses.0 = read;
    library.notices.extend(problems);
}

/// Reads every course again when a course file appeared, changed or went.
fn reread_changed_courses(
    folders: Res<ScenarioFolders>,
    mut courses: ResMut<Courses>,
    mut library: ResMut<ScenarioLibrary>,
    mut seen: ResMut<CourseFilesSeen>,
) {
    if seen.looked.is_some_and(|at| at.elapsed() < LOOK_EVERY) {
        return;
    }
    seen.looked = Some(Instant::now());
    let files = course_files(&folders);
    let modified = modified_times(&files);
    if modified == seen.modified {
        return;
    }
    seen.modified = modified;
    let (read, problems) = read_course_files(&files);
    courses.0 = read;
    library
        .notices
        .retain(|notice| !notice.starts_with(COURSE_PROBLEM_START));
    library.notices.extend(problems);
}

/// How a notice about a course file begins.
const COURSE_PROBLEM_START: &str = "The course file ";

/// The usable courses among `files` that exist, and a notice for each that
/// has problems.
fn read_course_files(files: &[PathBuf]) -> (Vec<Course>, Vec<String>) {
    let mut courses = Vec::new();
    let mut problems = Vec::new();
    for file in files.iter().filter(|file| file.is_file()) {
        let loaded = load_course_file(file, LoadOptions::default());
        match loaded.usable() {
            Some(course) => courses.push(course.clone()),
            None => problems.push(format!(
                "{COURSE_PROBLEM_START}{} has problems and is not shown: {}. `doorway validate {}` lists them.",
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
    (courses, problems)
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

    #[test]
    fn a_changed_course_file_is_read_again() {
        let folder = tempfile::tempdir().expect("temp folder");
        let file = folder.path().join(COURSE_FILE_NAME);
        let write = |title: &str, age: u64| {
            std::fs::write(
                &file,
                format!(r#"Course(title: "{title}", scenarios: [(id: "drop-in")])"#),
            )
            .expect("written");
            let when = SystemTime::now() - Duration::from_secs(age);
            std::fs::File::options()
                .write(true)
                .open(&file)
                .and_then(|f| f.set_modified(when))
                .expect("dated");
        };
        write("Week 1", 60);
        let mut app = App::new();
        app.insert_resource(ScenarioFolders {
            folders: vec![(None, folder.path().to_path_buf())],
            notices: Vec::new(),
        })
        .init_resource::<ScenarioLibrary>()
        .add_plugins(CoursesPlugin);
        app.update();
        let title = |app: &App| {
            let courses = &app.world().resource::<Courses>().0;
            courses.first().map(|c| c.title.clone())
        };
        assert_eq!(title(&app).as_deref(), Some("Week 1"));

        write("Week 2", 30);
        app.update();
        assert_eq!(
            title(&app).as_deref(),
            Some("Week 1"),
            "not looked at again yet"
        );
        app.world_mut().resource_mut::<CourseFilesSeen>().looked = None;
        app.update();
        assert_eq!(title(&app).as_deref(), Some("Week 2"));

        std::fs::write(&file, "Course(title: ").expect("written");
        app.world_mut().resource_mut::<CourseFilesSeen>().looked = None;
        app.update();
        assert_eq!(title(&app), None);
        let notices = &app.world().resource::<ScenarioLibrary>().notices;
        assert_eq!(notices.len(), 1, "{notices:?}");

        std::fs::remove_file(&file).expect("removed");
        app.world_mut().resource_mut::<CourseFilesSeen>().looked = None;
        app.update();
        assert!(app.world().resource::<ScenarioLibrary>().notices.is_empty());
    }
}
