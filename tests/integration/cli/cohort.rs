//! `doorway cohort --from DIR`: a generated class of five learners, two
//! attempts each at the drop-in scenario, read from xAPI files.

use std::path::Path;

use doorway::core::cohort::synthetic_class::write_class;
use doorway::core::engine::PlayableScenario;
use doorway::core::load::{LoadOptions, load_str};

use super::{doorway, repo, stderr, stdout};

fn class() -> tempfile::TempDir {
    let text = std::fs::read_to_string(repo().join("scenarios/drop-in.scenario.ron")).unwrap();
    let loaded = load_str("drop-in.scenario.ron", text, LoadOptions::default());
    let scenario = PlayableScenario::new(loaded.scenario.expect("drop-in loads"));
    let folder = tempfile::tempdir().unwrap();
    assert_eq!(write_class(folder.path(), &[scenario], 5, 2).unwrap(), 10);
    folder
}

fn cohort(folder: &Path, more: &[&str]) -> std::process::Output {
    let from = folder.display().to_string();
    let mut args = vec!["cohort", "--from", from.as_str()];
    args.extend_from_slice(more);
    doorway(&args, folder)
}

#[test]
fn the_text_report_names_learners_by_pseudonym_unless_asked() {
    let folder = class();
    let output = cohort(folder.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("drop-in\n  5 learners, 10 attempts\n  endings:\n"),
        "{text}"
    );
    assert!(text.contains("    knock (5 learners, 10 answers"), "{text}");
    assert!(text.contains("answer time: median"), "{text}");
    assert!(text.contains("    Learner 5      2 attempts: "), "{text}");
    assert!(!text.contains("Trainee"), "{text}");
    let named = stdout(&cohort(folder.path(), &["--names"]));
    assert!(named.contains("    Trainee 4      2 attempts: "), "{named}");
}

#[test]
fn json_and_csv_carry_the_same_figures() {
    let folder = class();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cohort(folder.path(), &["--format", "json"]))).unwrap();
    let scenario = &json["scenarios"][0];
    assert_eq!(scenario["scenario"], "drop-in");
    assert_eq!(
        (scenario["learners"].as_u64(), scenario["attempts"].as_u64()),
        (Some(5), Some(10))
    );
    assert_eq!(scenario["moments"][0]["node"], "knock");
    let csv = stdout(&cohort(folder.path(), &["--format", "csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("scenario,section,moment,item,level,count,share,value")
    );
    assert!(csv.contains("\ndrop-in,learners,,,,5,,\n"), "{csv}");
    assert!(csv.contains("\ndrop-in,attempts,,,,10,,\n"), "{csv}");
    let options = csv.lines().filter(|l| l.contains(",option,knock,")).count();
    assert_eq!(
        options,
        scenario["moments"][0]["options"].as_array().unwrap().len()
    );
}

#[test]
fn a_bad_file_is_named_and_the_rest_still_reported() {
    let folder = class();
    let bad = folder.path().join("learner-000/broken.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let output = cohort(folder.path(), &["--since", "2026-09-02"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains(&format!("warning: skipped {}: not JSON", bad.display())),
        "{err}"
    );
    assert!(
        stdout(&output).contains("  5 learners, 5 attempts\n"),
        "only the second day's"
    );
    let wrong_day = cohort(folder.path(), &["--since", "2026-9-2x"]);
    assert_eq!(wrong_day.status.code(), Some(2));
    assert!(stderr(&wrong_day).contains("is not a day written YYYY-MM-DD"));
}
