use super::*;
use crate::core::diagnostic::Severity;
use crate::core::engine::Settings;
use crate::core::load::LoadOptions;

const EXAMPLE: &str = include_str!("../../../docs/examples/course.ron");

fn known() -> Vec<String> {
    ["drop-in", "repair-drill", "session-limit"]
        .map(String::from)
        .to_vec()
}

fn load(source: &str) -> LoadedCourse {
    load_course_str(
        "course.ron",
        source.to_owned(),
        &known(),
        LoadOptions::default(),
    )
}

/// (code, line, column) of every error.
fn errors(source: &str) -> Vec<(&'static str, usize, usize)> {
    load(source)
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.line, d.column))
        .collect()
}

fn course_with(lines: &str) -> String {
    format!("Course(\n    title: \"Returns\",\n    scenarios: [(id: \"drop-in\")],\n{lines})\n")
}

#[test]
fn a_short_course_reads_with_its_defaults() {
    let loaded = load("(title: \"Returns\", scenarios: [(id: \"drop-in\", note: \"First\")])");
    let course = loaded.usable().expect("no errors");
    assert_eq!(course.scenarios[0].note.as_deref(), Some("First"));
    assert_eq!(course.settings, CourseSettings::default());
    assert_eq!(course.lrs, None);
}

#[test]
fn the_example_course_names_every_shipped_scenario_and_validates_clean() {
    let ids = known_scenario_ids(std::path::Path::new("docs/examples"));
    let loaded = load_course_str(
        "course.ron",
        EXAMPLE.to_owned(),
        &ids,
        LoadOptions::default(),
    );
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{}",
        loaded.report.render_plain()
    );
    let course = loaded.course.expect("it parses");
    let mut named: Vec<&str> = course.scenarios.iter().map(|s| s.id.as_str()).collect();
    named.sort_unstable();
    // Translations sit beside their originals in the library; the course
    // names the originals.
    let translations: Vec<String> = crate::core::shipped::SHIPPED_SCENARIOS
        .iter()
        .filter_map(|(_, text)| {
            let scenario = crate::core::load::parse(text, LoadOptions::default()).ok()?;
            scenario.translation.is_some().then_some(scenario.id)
        })
        .collect();
    assert!(
        !translations.is_empty(),
        "the shipped translations are known"
    );
    let mut shipped: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !translations.iter().any(|t| t == id))
        .collect();
    shipped.sort_unstable();
    assert_eq!(named, shipped);
}

#[test]
fn a_misspelt_scenario_id_is_located_with_a_suggestion() {
    let source = "(\n  title: \"Returns\",\n  scenarios: [\n    (id: \"drop-in\"),\n    (id: \"repair-dril\"),\n  ],\n)";
    let loaded = load(source);
    let error = &loaded.report.diagnostics[0];
    assert_eq!(
        (error.code, error.line, error.column),
        ("unknown-scenario", 5, 10)
    );
    assert_eq!(
        error.help.as_deref(),
        Some("did you mean \"repair-drill\"?")
    );
    let far = load("(title: \"Returns\", scenarios: [(id: \"supervision\")])");
    let help = far.report.diagnostics[0].help.clone().unwrap_or_default();
    assert!(help.contains("the course's folder"), "{help}");
}

#[test]
fn a_scenario_named_twice_is_an_error_at_the_second() {
    let source = "(\n  title: \"Returns\",\n  scenarios: [\n    (id: \"drop-in\"),\n    (id: \"drop-in\"),\n  ],\n)";
    assert_eq!(errors(source), [("duplicate-scenario", 5, 10)]);
}

#[test]
fn a_course_needs_a_title_and_scenarios() {
    assert_eq!(
        errors("(\n  title: \"  \",\n  scenarios: [],\n)"),
        [
            ("course-without-title", 2, 10),
            ("course-without-scenarios", 3, 14)
        ]
    );
}

#[test]
fn a_time_multiplier_out_of_range_is_an_error() {
    let source = course_with("    settings: (default_time_multiplier: 0),\n");
    assert_eq!(errors(&source), [("bad-time-multiplier", 4, 41)]);
}

#[test]
fn the_lrs_endpoint_must_be_an_https_address_or_stay_on_this_machine() {
    let cases = [
        ("https://lrs.example.org/xapi/", None),
        ("http://localhost:8100/xAPI/", None),
        ("http://127.0.0.1:8100/xAPI/", None),
        ("http://[::1]:8100/", None),
        (
            "http://lrs.example.org/xapi/",
            Some("insecure-lrs-endpoint"),
        ),
        ("ftp://lrs.example.org/", Some("bad-lrs-endpoint")),
        ("lrs.example.org", Some("bad-lrs-endpoint")),
        ("https://", Some("bad-lrs-endpoint")),
        ("https://lrs.example.org/x api", Some("bad-lrs-endpoint")),
        (
            "https://me:hunter2@lrs.example.org/",
            Some("secret-in-course"),
        ),
    ];
    for (endpoint, expected) in cases {
        let source = course_with(&format!("    lrs: \"{endpoint}\",\n"));
        let found: Vec<_> = errors(&source);
        match expected {
            None => assert_eq!(found, [], "{endpoint}"),
            Some(code) => assert_eq!(found, [(code, 4, 10)], "{endpoint}"),
        }
    }
}

#[test]
fn an_lrs_secret_in_a_course_is_refused_with_where_it_belongs() {
    let source = course_with("    lrs: \"https://lrs.example.org/\",\n    secret: \"s3cr3t\",\n");
    let loaded = load(&source);
    let error = &loaded.report.diagnostics[0];
    assert_eq!((error.code, error.line), ("secret-in-course", 5));
    assert!(loaded.course.is_none());
    let help = error.help.as_deref().unwrap_or_default();
    assert!(help.contains("never written in course files"), "{help}");
    assert!(help.contains("app's settings"), "{help}");
}

#[test]
fn a_misspelt_field_and_a_broken_file_are_located_like_scenarios() {
    let misspelt = course_with("    setings: (feedback: exam),\n");
    assert_eq!(errors(&misspelt), [("unknown-field", 4, 5)]);
    let help = load(&misspelt).report.diagnostics[0].help.clone();
    assert_eq!(help.as_deref(), Some("did you mean \"settings\"?"));
    let unknown_mode = course_with("    settings: (feedback: quiz),\n");
    assert_eq!(errors(&unknown_mode)[0].0, "unknown-value");
    let missing = load("(title: \"Returns\")").report.diagnostics[0].clone();
    assert_eq!(missing.code, "missing-field");
    assert_eq!(
        missing.help.as_deref(),
        Some("add `scenarios: ...` (see docs/courses.md for its form)")
    );
    let broken = load("(title: \"Returns\", scenarios: [(id: \"drop-in\")]");
    assert_eq!(broken.report.diagnostics[0].code, "syntax");
    assert_eq!(broken.report.diagnostics[1].code, "stopped-here");
}

#[test]
fn a_course_fixes_feedback_and_only_sets_the_time_defaults() {
    let course = load(&course_with(
        "    settings: (feedback: exam, default_time_multiplier: 2, default_timers_off: true),\n",
    ))
    .usable()
    .cloned()
    .expect("no errors");
    let starting = course.settings.applied_to(Settings::default());
    assert_eq!(starting.feedback, FeedbackMode::Exam);
    assert_eq!((starting.time_multiplier, starting.timers_off), (2.0, true));
    let trainee = Settings {
        time_multiplier: 4.0,
        timers_off: false,
        ..Settings::default()
    };
    let kept = course.settings.applied_to(trainee);
    assert_eq!(kept.feedback, FeedbackMode::Exam);
    assert_eq!((kept.time_multiplier, kept.timers_off), (4.0, false));
    let untimed = Settings {
        timers_off: true,
        ..Settings::default()
    };
    let kept = course.settings.applied_to(untimed);
    assert_eq!((kept.time_multiplier, kept.timers_off), (1.0, true));
}

#[test]
fn course_files_are_found_in_folders_and_given_files_kept() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let inner = dir.path().join("week-1");
    std::fs::create_dir(&inner).expect("created");
    for path in [
        dir.path().join("course.ron"),
        inner.join("course.ron"),
        inner.join("a.scenario.ron"),
    ] {
        std::fs::write(path, "").expect("written");
    }
    let found = find_course_files(&[dir.path().to_path_buf()]);
    assert_eq!(
        found,
        [dir.path().join("course.ron"), inner.join("course.ron")]
    );
    assert_eq!(
        find_course_files(&[inner.join("a.scenario.ron")]),
        Vec::<std::path::PathBuf>::new()
    );
}

#[test]
fn a_course_may_name_the_scenarios_beside_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fixture = include_str!("../../../tests/fixtures/two-acts.scenario.ron");
    std::fs::write(dir.path().join("mine.scenario.ron"), fixture).expect("written");
    let scenario = crate::core::load::load_str("f", fixture.to_owned(), LoadOptions::default())
        .scenario
        .expect("the fixture parses");
    let course = format!(
        "(title: \"Mine\", scenarios: [(id: \"{}\"), (id: \"drop-in\")])",
        scenario.id
    );
    let path = dir.path().join(COURSE_FILE_NAME);
    std::fs::write(&path, course).expect("written");
    let loaded = load_course_file(&path, LoadOptions::default());
    assert!(
        loaded.usable().is_some(),
        "{}",
        loaded.report.render_plain()
    );
}
