//! `doorway cohort --from DIR`: a generated class of five learners, two
//! attempts each at the drop-in scenario, read from xAPI files; and
//! `doorway cohort --lrs URL`: the same class read from a learning record
//! store (see tests/integration/lrs.rs for which store).

use std::path::Path;
use std::process::Command;

use doorway::core::cohort::synthetic_class::write_class;
use doorway::core::engine::PlayableScenario;
use doorway::core::load::{LoadOptions, load_str};

use super::{doorway, doorway_with_input, repo, stderr, stdout};
use crate::lrs::store::Lrs;

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

/// `doorway cohort --lrs` on the store, the secret given on standard input.
fn cohort_from_store(lrs: &Lrs, key: &str, more: &[&str]) -> std::process::Output {
    let endpoint = format!("{}/xAPI/", lrs.url);
    let mut args = vec![
        "cohort",
        "--lrs",
        endpoint.as_str(),
        "--key",
        key,
        "--secret",
        "-",
    ];
    args.extend_from_slice(more);
    doorway_with_input(&args, &repo(), &format!("{}\n", lrs.secret))
}

fn json_of(output: &std::process::Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("JSON figures")
}

#[test]
fn a_class_read_from_a_store_gives_the_figures_its_files_give() {
    let Some(lrs) =
        Lrs::from_environment("cli::cohort::a_class_read_from_a_store_gives_the_figures")
    else {
        return;
    };
    let folder = class();
    let mut statements = Vec::new();
    for learner in std::fs::read_dir(folder.path()).unwrap() {
        for file in std::fs::read_dir(learner.unwrap().path()).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let attempt: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            statements.extend(attempt);
        }
    }
    let all = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(all.path(), serde_json::to_vec(&statements).unwrap()).unwrap();
    let posted = lrs.statements(Some(all.path()), &[]);
    assert!(
        posted.status == 200 || posted.status == 204,
        "POST answered {}: {}",
        posted.status,
        posted.body
    );
    // The store may hold other tests' attempts: one scenario is compared, by
    // the learners' names (pseudonyms count every learner in the store).
    for more in [&[][..], &["--since", "2026-09-02"][..]] {
        let mut args = vec!["--scenario", "drop-in", "--names", "--format", "json"];
        args.extend_from_slice(more);
        let from_store = json_of(&cohort_from_store(&lrs, &lrs.user, &args));
        let from_files = json_of(&cohort(folder.path(), &args));
        assert_eq!(from_store, from_files, "{more:?}");
        assert_eq!(
            from_store["scenarios"][0]["attempts"],
            if more.is_empty() { 10 } else { 5 }
        );
    }
}

#[test]
fn a_wrong_key_says_to_check_it_and_exits_1() {
    let Some(lrs) = Lrs::from_environment("cli::cohort::a_wrong_key_says_to_check_it") else {
        return;
    };
    let output = cohort_from_store(&lrs, "not-the-key", &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("check the key and secret"), "{err}");
    assert!(!err.contains(&lrs.secret), "the secret is never shown");
}

#[test]
fn the_lrs_needs_a_secret_and_takes_the_place_of_from() {
    let without_secret = Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(["cohort", "--lrs", "http://127.0.0.1:9/xAPI", "--key", "k"])
        .env_remove("DOORWAY_LRS_SECRET")
        .output()
        .unwrap();
    assert_eq!(without_secret.status.code(), Some(1));
    assert!(
        stderr(&without_secret).contains("no LRS secret: give --secret -"),
        "{}",
        stderr(&without_secret)
    );
    let unreachable = doorway_with_input(
        &[
            "cohort",
            "--lrs",
            "http://127.0.0.1:9/xAPI",
            "--key",
            "k",
            "--secret",
            "-",
        ],
        &repo(),
        "s3cret-word\n",
    );
    assert_eq!(unreachable.status.code(), Some(1));
    let err = stderr(&unreachable);
    assert!(
        err.contains("the LRS at 127.0.0.1 cannot be reached"),
        "{err}"
    );
    assert!(!err.contains("s3cret-word"), "{err}");
    let folder = class();
    let from = folder.path().display().to_string();
    let both = doorway(
        &[
            "cohort",
            "--from",
            &from,
            "--lrs",
            "http://127.0.0.1:9/xAPI",
            "--key",
            "k",
        ],
        folder.path(),
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
    let neither = doorway(&["cohort"], folder.path());
    assert_eq!(neither.status.code(), Some(2));
    let help = stdout(&doorway(&["cohort", "--help"], folder.path()));
    assert!(help.contains("DOORWAY_LRS_SECRET"), "{help}");
}
