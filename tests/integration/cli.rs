//! The `doorway` command line, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn doorway(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the doorway binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn drop_in() -> String {
    std::fs::read_to_string(repo().join("scenarios/drop-in.scenario.ron"))
        .expect("shipped scenario")
}

/// A temporary folder holding one scenario file with the given text.
fn folder_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(name), text).expect("written");
    dir
}

#[test]
fn validate_accepts_the_shipped_scenarios_by_default() {
    let output = doorway(&["validate"], &repo());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("ok: scenarios/drop-in.scenario.ron"));
    assert!(stdout(&output).contains("0 errors, 0 warnings"));
}

#[test]
fn validate_reports_errors_with_file_line_and_column_and_exits_1() {
    let broken = drop_in().replacen(r#"target: "books_time""#, r#"target: "book_time""#, 1);
    let dir = folder_with("broken.scenario.ron", &broken);
    let output = doorway(&["validate", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let line = broken
        .lines()
        .position(|l| l.contains(r#""book_time""#))
        .unwrap()
        + 1;
    let column = broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .find(r#""book_time""#)
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!("broken.scenario.ron:{line}:{column}")),
        "{text}"
    );
    assert!(text.contains("error[unknown-target]"), "{text}");
    assert!(text.contains(r#"did you mean "books_time"?"#), "{text}");
}

#[test]
fn warnings_pass_unless_denied() {
    let unfinished = drop_in().replacen("exemplar: true,", "", 100);
    let dir = folder_with("lint.scenario.ron", &unfinished);
    let output = doorway(&["validate", "lint.scenario.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("warning[no-exemplar]"));
    let denied = doorway(
        &["validate", "--deny-warnings", "lint.scenario.ron"],
        dir.path(),
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout(&denied).contains("error[no-exemplar]"));
}

#[test]
fn validate_speaks_json() {
    let broken = drop_in().replacen("time_limit: 45", "time_limit: 0", 1);
    let dir = folder_with("timed.scenario.ron", &broken);
    let output = doorway(&["validate", "--format", "json", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(json["errors"], 1);
    let diagnostic = &json["files"][0]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "bad-time-limit");
    assert_eq!(diagnostic["severity"], "error");
    assert!(diagnostic["line"].as_u64().unwrap() > 1);
    assert!(diagnostic["column"].as_u64().unwrap() > 1);
}

#[test]
fn missing_paths_and_empty_folders_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let output = doorway(&["validate", "nowhere.scenario.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("cannot read the file"),
        "{}",
        stdout(&output)
    );
    let empty = doorway(&["validate", "."], dir.path());
    assert_eq!(empty.status.code(), Some(1));
    assert!(stderr(&empty).contains("no *.scenario.ron files found"));
}

#[test]
fn usage_errors_exit_2() {
    let output = doorway(&["validate", "--no-such-flag"], &repo());
    assert_eq!(output.status.code(), Some(2));
    let output = doorway(&["graph", "x.scenario.ron", "--format", "png"], &repo());
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn graph_draws_dot_and_mermaid() {
    let dot = doorway(&["graph", "scenarios/drop-in.scenario.ron"], &repo());
    assert_eq!(dot.status.code(), Some(0));
    let text = stdout(&dot);
    assert!(text.starts_with("digraph \"drop-in\""));
    assert!(
        text.contains("doubleoctagon"),
        "endings are drawn as endings"
    );
    assert!(text.contains("style=dashed"), "timeouts are dashed");
    let mermaid = doorway(
        &[
            "graph",
            "--format",
            "mermaid",
            "scenarios/drop-in.scenario.ron",
        ],
        &repo(),
    );
    assert!(stdout(&mermaid).starts_with("flowchart TD"));
    assert!(
        stdout(&mermaid).contains("class "),
        "ending kinds are classed"
    );
}

#[test]
fn graph_and_stats_refuse_a_broken_scenario() {
    let dir = folder_with("bad.scenario.ron", "Scenario(id: ");
    for command in ["graph", "stats"] {
        let output = doorway(&[command, "bad.scenario.ron"], dir.path());
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("bad.scenario.ron:1:"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn stats_counts_the_shipped_scenario() {
    let output = doorway(
        &[
            "stats",
            "--format",
            "json",
            "scenarios/drop-in.scenario.ron",
        ],
        &repo(),
    );
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let scenario = std::fs::read_to_string(repo().join("scenarios/drop-in.scenario.ron")).unwrap();
    let nodes = scenario.matches("Node(").count() as u64;
    assert_eq!(json["nodes"], nodes);
    assert_eq!(
        json["endings"],
        scenario.matches("ending: Ending(").count() as u64
    );
    assert_eq!(json["paths"]["kind"], "exactly");
    let human = doorway(&["stats", "scenarios/drop-in.scenario.ron"], &repo());
    assert!(stdout(&human).contains("optimal band -2 to 2"));
}

#[test]
fn new_writes_a_clean_template_once() {
    let dir = tempfile::tempdir().unwrap();
    let output = doorway(&["new", "doorknob", "--dir", "mine"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = dir.path().join("mine/doorknob.scenario.ron");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("id: \"doorknob\"")
    );
    let check = doorway(&["validate", "mine"], dir.path());
    assert_eq!(check.status.code(), Some(0));
    assert!(
        stdout(&check).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&check)
    );
    let again = doorway(&["new", "doorknob", "--dir", "mine"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));
    let bad = doorway(&["new", "../escape"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
}
