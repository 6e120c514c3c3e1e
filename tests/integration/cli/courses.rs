//! `doorway validate` on course files (`course.ron`) beside scenarios.

use super::{doorway, fixture, repo, stdout};

/// A folder holding the test fixture and a course with `course` as its text.
fn course_folder(course: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("two-acts.scenario.ron"), fixture()).expect("written");
    std::fs::write(dir.path().join("course.ron"), course).expect("written");
    dir
}

#[test]
fn validate_checks_a_course_beside_its_scenarios() {
    let dir = course_folder(
        "(title: \"Week one\", scenarios: [(id: \"two-acts\", note: \"Begin here\"), (id: \"drop-in\")])",
    );
    let output = doorway(&["validate", "."], dir.path());
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("ok: ./course.ron"), "{out}");
    assert!(out.contains("ok: ./two-acts.scenario.ron"), "{out}");
    assert!(out.contains("2 files checked: 0 errors"), "{out}");
}

#[test]
fn a_misspelt_scenario_in_a_course_fails_validate_with_its_line_and_a_suggestion() {
    let dir = course_folder(
        "(\n    title: \"Week one\",\n    scenarios: [\n        (id: \"two-act\"),\n    ],\n)\n",
    );
    let output = doorway(&["validate", "course.ron"], dir.path());
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("error[unknown-scenario]"), "{out}");
    assert!(out.contains("course.ron:4:14"), "{out}");
    assert!(out.contains("did you mean \"two-acts\"?"), "{out}");
    let json = doorway(&["validate", "course.ron", "--format", "json"], dir.path());
    let summary: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let diagnostic = &summary["files"][0]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "unknown-scenario");
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(4), Some(14))
    );
}

#[test]
fn a_secret_in_a_course_fails_validate_and_says_where_secrets_go() {
    let dir = course_folder(
        "(title: \"Week one\", scenarios: [(id: \"two-acts\")], lrs: \"https://lrs.example.org/\", key: \"abc\")",
    );
    let output = doorway(&["validate", "."], dir.path());
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("error[secret-in-course]"), "{out}");
    assert!(out.contains("app's settings"), "{out}");
}

#[test]
fn the_example_course_in_the_docs_validates() {
    let output = doorway(&["validate", "docs/examples/course.ron"], &repo());
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("1 file checked: 0 errors, 0 warnings"),
        "{out}"
    );
}
