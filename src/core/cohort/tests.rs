use std::path::Path;

use super::aggregate::{Class, Filter, Summary};
use super::read::{Skipped, read_folder};
use super::synthetic_class::write_class;
use crate::core::export::ExportSource;
use crate::core::export::tests::fixed_attempt;
use crate::core::export::xapi::{Actor, XapiOptions, render};
use crate::core::fixtures::fixture;

fn summary_of(folder: &Path, filter: Filter, names: bool) -> (Summary, Vec<Skipped>) {
    let mut class = Class::new(filter);
    let skipped = read_folder(folder, &mut |attempt| class.add(attempt));
    (class.summarize(names), skipped)
}

fn class_folder(learners: usize, attempts: usize) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let written = write_class(folder.path(), &[fixture("two-acts")], learners, attempts).unwrap();
    assert_eq!(written, learners * attempts);
    folder
}

#[test]
fn a_generated_class_is_counted_per_scenario() {
    let folder = class_folder(6, 2);
    let (summary, skipped) = summary_of(folder.path(), Filter::default(), false);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(summary.duplicates, 0);
    let [scenario] = summary.scenarios.as_slice() else {
        panic!("one scenario: {summary:?}")
    };
    assert_eq!((scenario.learners, scenario.attempts), (6, 12));
    let ended: usize = scenario.endings.iter().map(|e| e.attempts).sum();
    assert_eq!(ended + scenario.unfinished, 12);
    let first = &scenario.moments[0];
    assert_eq!(
        (first.learners, first.answers),
        (6, 12),
        "every attempt meets the start"
    );
    assert!(!first.counts_only);
    let chosen: usize = first.options.iter().map(|o| o.chosen).sum();
    assert_eq!(chosen + first.timeouts, first.answers);
    let shares: f64 = first.options.iter().filter_map(|o| o.share).sum();
    assert!((shares * first.answers as f64 - chosen as f64).abs() < 1e-9);
    assert!(first.median_seconds.is_some() && first.iqr_seconds.unwrap() >= 0.0);
    assert_eq!(scenario.progress.len(), 6);
    assert!(scenario.progress.iter().all(|p| p.attempts == 2));
    assert!(
        scenario
            .connection_falls
            .windows(2)
            .all(|w| w[0].mean_change <= w[1].mean_change)
    );
    assert!(
        scenario
            .connection_falls
            .iter()
            .all(|f| f.mean_change < 0.0)
    );
}

#[test]
fn learners_are_numbered_by_their_sorted_ids_or_named_when_asked() {
    let folder = class_folder(6, 1);
    let (summary, _) = summary_of(folder.path(), Filter::default(), false);
    let labels: Vec<&str> = summary.scenarios[0]
        .progress
        .iter()
        .map(|p| p.learner.as_str())
        .collect();
    let expected: Vec<String> = (1..=6).map(|n| format!("Learner {n}")).collect();
    assert_eq!(labels, expected);
    let again = summary_of(folder.path(), Filter::default(), false).0;
    assert_eq!(
        serde_json::to_value(&summary).unwrap(),
        serde_json::to_value(&again).unwrap(),
        "the same files give the same report"
    );
    let (named, _) = summary_of(folder.path(), Filter::default(), true);
    assert_eq!(named.scenarios[0].progress[0].learner, "Trainee 0");
}

#[test]
fn moments_met_by_fewer_than_five_learners_show_counts_only() {
    let folder = class_folder(4, 2);
    let (summary, _) = summary_of(folder.path(), Filter::default(), false);
    for moment in &summary.scenarios[0].moments {
        assert!(moment.counts_only, "{}", moment.node);
        assert!(
            moment
                .options
                .iter()
                .all(|o| o.share.is_none() && o.chosen > 0)
        );
        assert_eq!((moment.median_seconds, moment.iqr_seconds), (None, None));
    }
    let text = super::report::text(&summary);
    assert!(
        text.contains("fewer than 5 learners: counts only"),
        "{text}"
    );
    assert!(!text.contains('%'), "{text}");
}

#[test]
fn the_filter_keeps_one_scenario_and_attempts_since_a_day() {
    let folder = class_folder(5, 3);
    let since = super::synthetic_class::CLASS_START as i64 + 86_400;
    let filter = Filter {
        scenario: None,
        since: Some(since),
    };
    let (summary, _) = summary_of(folder.path(), filter, false);
    assert_eq!(
        summary.scenarios[0].attempts, 10,
        "the first day's attempts are left out"
    );
    let filter = Filter {
        scenario: Some("elsewhere".into()),
        since: None,
    };
    assert!(
        summary_of(folder.path(), filter, false)
            .0
            .scenarios
            .is_empty()
    );
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn exported(learner: &str) -> String {
    let (scenario, attempt) = fixed_attempt();
    let options = XapiOptions {
        actor: Actor::Email {
            name: Some(learner.into()),
            email: format!("{learner}@example.org"),
        },
        base_iri: "https://uni.example/doorway".into(),
    };
    render(
        ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        },
        &options,
    )
}

#[test]
fn an_attempt_read_from_both_kinds_of_file_counts_once_with_the_same_answers() {
    let (_, attempt) = fixed_attempt();
    let folder = tempfile::tempdir().unwrap();
    write(
        &folder.path().join("ana/attempt.json"),
        &serde_json::to_string(&attempt).unwrap(),
    );
    let (from_attempt, _) = summary_of(folder.path(), Filter::default(), true);
    write(
        &folder.path().join("ana/attempt.xapi.json"),
        &exported("Ana"),
    );
    let (both, skipped) = summary_of(folder.path(), Filter::default(), true);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(both.duplicates, 1);
    let scenario = &both.scenarios[0];
    assert_eq!((scenario.learners, scenario.attempts), (1, 1));
    assert_eq!(
        scenario.progress[0].learner, "Ana",
        "the xAPI actor names the learner"
    );
    assert_eq!(
        from_attempt.scenarios[0].progress[0].learner, "ana",
        "else the folder does"
    );
    let answers = |s: &Summary| serde_json::to_value(&s.scenarios[0].moments).unwrap();
    assert_eq!(answers(&both), answers(&from_attempt));
    assert_eq!(
        serde_json::to_value(&both.scenarios[0].connection_falls).unwrap(),
        serde_json::to_value(&from_attempt.scenarios[0].connection_falls).unwrap()
    );
    assert_eq!(scenario.endings.len(), 1);
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(&root.join("ana/good.xapi.json"), &exported("Ana"));
    write(&root.join("ana/broken.json"), "[{\"actor\": ");
    write(&root.join("ben/other.json"), "{\"hello\": 1}");
    write(
        &root.join("ben/no-registration.json"),
        "[{\"actor\": {\"mbox\": \"mailto:b@x\"}}]",
    );
    write(&root.join("ben/notes.md"), "not read at all");
    let (summary, skipped) = summary_of(root, Filter::default(), false);
    assert_eq!(summary.scenarios[0].attempts, 1);
    let reasons: Vec<(String, &str)> = skipped
        .iter()
        .map(|s| {
            (
                s.path.strip_prefix(root).unwrap().display().to_string(),
                s.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reasons[0].0, "ana/broken.json");
    assert!(
        reasons[0].1.starts_with("not JSON") && reasons[0].1.contains("line 1 column"),
        "{reasons:?}"
    );
    assert_eq!(
        reasons[1],
        (
            "ben/no-registration.json".into(),
            "statement 1 has no registration"
        )
    );
    assert_eq!(reasons[2].0, "ben/other.json");
    assert!(
        reasons[2].1.contains("neither xAPI statements"),
        "{reasons:?}"
    );
}

#[test]
fn the_csv_has_a_row_per_figure() {
    let folder = class_folder(5, 1);
    let (summary, _) = summary_of(folder.path(), Filter::default(), false);
    let csv = super::report::csv(&summary);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let learners = rows.iter().find(|r| &r[1] == "learners").unwrap();
    assert_eq!((&learners[0], &learners[5]), ("two-acts", "5"));
    let options: usize = rows.iter().filter(|r| &r[1] == "option").count();
    let expected: usize = summary.scenarios[0]
        .moments
        .iter()
        .map(|m| m.options.len())
        .sum();
    assert_eq!(options, expected);
}

#[test]
fn a_class_read_from_a_folder_is_the_folder_read_and_a_missing_folder_is_an_error() {
    use super::source::{ClassSource, read_class};
    let folder = class_folder(5, 1);
    let source = ClassSource::Folder(folder.path().to_path_buf());
    let read = read_class(&source, Filter::default()).expect("the folder reads");
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    assert!(read.notes.is_empty(), "{:?}", read.notes);
    let class = read.class;
    let (expected, _) = summary_of(folder.path(), Filter::default(), false);
    assert_eq!(
        serde_json::to_value(class.summarize(false)).unwrap(),
        serde_json::to_value(expected).unwrap()
    );
    let missing = ClassSource::Folder(folder.path().join("nowhere"));
    let error = read_class(&missing, Filter::default()).expect_err("no such folder");
    assert!(error.ends_with("nowhere is not a folder"), "{error}");
}
