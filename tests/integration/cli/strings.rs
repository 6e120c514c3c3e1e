//! `doorway strings extract` and `apply`, run as a translator runs them.

use std::path::Path;

use super::{doorway, repo, stderr, stdout};

/// A temporary folder holding the translation fixture as `t.scenario.ron`.
fn folder_with_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/translation.scenario.ron"),
        dir.path().join("t.scenario.ron"),
    )
    .unwrap();
    dir
}

const TABLE: &str = "translations/translation.es.csv";

fn extract(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["strings", "extract", "t.scenario.ron", "--language", "es"];
    args.extend_from_slice(extra);
    let output = doorway(&args, dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// Fills in every translation of the table as `ES ` and the source, except
/// those of `leave_out`, as a translator's spreadsheet would.
fn translate(dir: &Path, leave_out: &[&str]) {
    let path = dir.join(TABLE);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut writer = csv::Writer::from_path(&path).unwrap();
    writer.write_record(&header).unwrap();
    for row in rows {
        let mut cells: Vec<String> = row.iter().map(str::to_owned).collect();
        if !leave_out.contains(&cells[0].as_str()) {
            cells[2] = format!("ES {}", cells[1]);
        }
        writer.write_record(&cells).unwrap();
    }
    writer.flush().unwrap();
}

fn apply(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "strings",
        "apply",
        "t.scenario.ron",
        "--table",
        TABLE,
        "--language",
        "es",
    ];
    args.extend_from_slice(extra);
    doorway(&args, dir)
}

#[test]
fn a_translated_table_applies_to_a_scenario_that_validates_beside_its_source() {
    let dir = folder_with_fixture();
    let said = extract(dir.path(), &[]);
    assert!(said.contains("0 translated"), "{said}");
    assert!(
        std::fs::read_to_string(dir.path().join(TABLE))
            .unwrap()
            .contains("\r\nnode.knock.choice.welcome.says,Come in; we have ten minutes.,,"),
        "one row per text, keyed by its place in the scenario"
    );
    translate(dir.path(), &[]);

    let output = apply(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("every string translated"));
    let written = std::fs::read_to_string(dir.path().join("t.es.scenario.ron")).unwrap();
    assert!(written.contains("id: \"translation.es\""), "{written}");
    assert!(written.contains("language: \"es\""));
    assert!(
        written.contains("translation: Translation(of: \"translation\", review: MachineAssisted)")
    );
    assert!(written.contains("says: \"ES Come in; we have ten minutes.\""));

    let together = doorway(&["validate", "."], dir.path());
    assert_eq!(together.status.code(), Some(0), "{}", stdout(&together));
    assert!(!stdout(&together).contains("translation-source-missing"));
    let alone = doorway(&["validate", "t.es.scenario.ron"], dir.path());
    assert!(
        stdout(&alone).contains("warning[translation-source-missing]"),
        "{}",
        stdout(&alone)
    );
}

#[test]
fn missing_strings_are_named_and_nothing_is_written_unless_allowed() {
    let dir = folder_with_fixture();
    extract(dir.path(), &[]);
    translate(dir.path(), &["node.knock.inner", "meta.summary"]);

    let output = apply(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("missing: meta.summary\nmissing: node.knock.inner\n"));
    assert!(
        stderr(&output).contains("2 strings missing and 0 stale"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("t.es.scenario.ron").exists());

    let output = apply(dir.path(), &["--allow-incomplete"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("incomplete (--allow-incomplete): 2 missing, 0 stale"));
    let written = std::fs::read_to_string(dir.path().join("t.es.scenario.ron")).unwrap();
    assert!(
        written.contains("inner: \"Please say yes.\""),
        "a missing text stays as it was"
    );
}

#[test]
fn a_changed_source_line_is_stale_until_its_translation_is_updated() {
    let dir = folder_with_fixture();
    extract(dir.path(), &[]);
    translate(dir.path(), &[]);
    let scenario = dir.path().join("t.scenario.ron");
    let text = std::fs::read_to_string(&scenario).unwrap();
    std::fs::write(
        &scenario,
        text.replace("Is now a good time?", "Is this a good time?"),
    )
    .unwrap();

    let said = extract(dir.path(), &[]);
    assert!(said.contains("stale: node.knock.text\n"), "{said}");
    let table = std::fs::read_to_string(dir.path().join(TABLE)).unwrap();
    assert!(
        table.contains("ES Is now a good time?"),
        "the old translation is kept"
    );
    assert!(table.contains("STALE: the source changed"));

    let output = apply(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("stale: node.knock.text"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn errors_in_a_table_name_its_file_line_and_column() {
    let dir = folder_with_fixture();
    std::fs::create_dir(dir.path().join("translations")).unwrap();
    std::fs::write(
        dir.path().join(TABLE),
        "id,source,translation,lock,comment\r\nmeta.title,A,B,,\r\nmeta.title,A,C,,\r\n",
    )
    .unwrap();
    let output = apply(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "error: translations/translation.es.csv:3:1: \"meta.title\" is here twice; line 2 has it first"
        ),
        "{}",
        stderr(&output)
    );
    let output = doorway(
        &["strings", "extract", "t.scenario.ron", "--language", "es"],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a table it cannot read is kept"
    );
    assert!(
        stderr(&output).contains("was not replaced"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_first_act_alone_is_translated_and_plays_to_its_endings() {
    let dir = folder_with_fixture();
    extract(dir.path(), &["--acts", "1"]);
    translate(dir.path(), &[]);
    let output = apply(
        dir.path(),
        &["--acts", "1", "--note", "Pendiente de revisión."],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = std::fs::read_to_string(dir.path().join("t.es.scenario.ron")).unwrap();
    assert!(
        written.contains("acts: 1, note: \"Pendiente de revisión.\""),
        "{written}"
    );
    assert!(
        written.contains("title: \"ES A week later\""),
        "the part ends where the next act begins"
    );
    let check = doorway(&["check", "t.es.scenario.ron"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("1/1 endings reached"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn a_translation_whose_text_is_gone_is_kept_unless_pruned() {
    let dir = folder_with_fixture();
    extract(dir.path(), &[]);
    translate(dir.path(), &[]);
    let said = extract(dir.path(), &["--acts", "1"]);
    assert!(
        said.contains(
            "no longer in the scenario, kept, marked UNUSED (--prune leaves them out): node.end.ending.title"
        ),
        "{said}"
    );
    let table = std::fs::read_to_string(dir.path().join(TABLE)).unwrap();
    assert!(
        table.contains("ES It ended."),
        "the translation is still there"
    );
    let said = extract(dir.path(), &["--acts", "1", "--prune"]);
    assert!(said.contains("left out: node.end.ending.title"), "{said}");
    let table = std::fs::read_to_string(dir.path().join(TABLE)).unwrap();
    assert!(!table.contains("ES It ended."));
}
