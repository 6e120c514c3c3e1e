//! `doorway sheet export` and `import`, run as an instructor runs them.

use std::path::Path;
use std::process::Output;

use super::{doorway, repo, stderr, stdout};

/// A temporary folder holding a copy of the two-acts fixture as `s.scenario.ron`.
fn folder_with_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/two-acts.scenario.ron"),
        dir.path().join("s.scenario.ron"),
    )
    .unwrap();
    dir
}

fn export(dir: &Path) {
    let output = doorway(&["sheet", "export", "s.scenario.ron", "-o", "s.csv"], dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

fn import(dir: &Path, sheet: &str) -> Output {
    doorway(&["sheet", "import", sheet, "-o", "s.scenario.ron"], dir)
}

#[test]
fn every_shipped_scenario_goes_out_and_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo().join("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".scenario.ron") {
            continue;
        }
        let original = std::fs::read(&path).unwrap();
        std::fs::write(dir.path().join(&name), &original).unwrap();
        let output = doorway(
            &["sheet", "export", &name, "-o", "out.csv", "--force"],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        let output = doorway(&["sheet", "import", "out.csv", "-o", &name], dir.path());
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stdout(&output));
        assert!(stdout(&output).contains("is unchanged"), "{name}");
        assert_eq!(
            std::fs::read(dir.path().join(&name)).unwrap(),
            original,
            "{name}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".bak"))
        .collect();
    assert!(left.is_empty(), "no backup for an unchanged file: {left:?}");
}

#[test]
fn an_edited_cell_is_written_with_a_backup_of_the_hand_written_file() {
    let dir = folder_with_fixture();
    export(dir.path());
    let sheet = std::fs::read_to_string(dir.path().join("s.csv")).unwrap();
    assert!(sheet.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let edited = sheet.replacen(",Mostly?,", ",Mostly? Say more.,", 1);
    assert_ne!(edited, sheet);
    std::fs::write(dir.path().join("s.csv"), &edited).unwrap();

    let output = import(dir.path(), "s.csv");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("changed 1 cell: row "), "{text}");
    assert!(text.contains("trainee says"), "{text}");
    assert!(
        text.contains("kept the hand-written file as s.scenario.ron.bak"),
        "{text}"
    );
    let written = std::fs::read_to_string(dir.path().join("s.scenario.ron")).unwrap();
    assert!(written.starts_with("// Written by Doorway's editor."));
    assert!(written.contains("says: \"Mostly? Say more.\","));
    let backup = std::fs::read_to_string(dir.path().join("s.scenario.ron.bak")).unwrap();
    assert_eq!(
        backup,
        std::fs::read_to_string(repo().join("tests/fixtures/two-acts.scenario.ron")).unwrap()
    );
    let validated = doorway(&["validate", "s.scenario.ron"], dir.path());
    assert_eq!(validated.status.code(), Some(0), "{}", stdout(&validated));

    let again = import(dir.path(), "s.csv");
    assert!(
        stdout(&again).contains("is unchanged"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_sheet_with_errors_names_each_row_and_column_and_writes_nothing() {
    let dir = folder_with_fixture();
    export(dir.path());
    let sheet = std::fs::read_to_string(dir.path().join("s.csv")).unwrap();
    let edited = sheet
        .replacen(",Mostly?,close,2,", ",Mostly?,clsoe,2,", 1)
        .replacen(
            ",Tell me everything.,close,10,",
            ",Tell me everything.,close,ten,",
            1,
        );
    assert_ne!(edited, sheet);
    std::fs::write(dir.path().join("s.csv"), &edited).unwrap();
    let before = std::fs::read(dir.path().join("s.scenario.ron")).unwrap();

    let output = import(dir.path(), "s.csv");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let row = edited
        .lines()
        .position(|line| line.contains(",clsoe,"))
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!(
            "error: row {row}, leads to: \"clsoe\" is not a moment; did you mean \"close\"?"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("error: row {}, minutes: \"ten\"", row + 1)),
        "{text}"
    );
    assert!(
        stderr(&output).contains("s.csv: 2 errors: nothing was written to s.scenario.ron"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(dir.path().join("s.scenario.ron")).unwrap(),
        before
    );
    assert!(!dir.path().join("s.scenario.ron.bak").exists());
}

#[test]
fn importing_into_a_file_that_does_not_exist_says_to_start_with_new() {
    let dir = folder_with_fixture();
    export(dir.path());
    let output = doorway(
        &["sheet", "import", "s.csv", "-o", "other.scenario.ron"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("other.scenario.ron does not exist"));
    assert!(stderr(&output).contains("`doorway new NAME`"));
    assert!(!dir.path().join("other.scenario.ron").exists());
}

#[test]
fn export_keeps_a_sheet_with_edits_unless_forced() {
    let dir = folder_with_fixture();
    export(dir.path());
    let output = doorway(
        &["sheet", "export", "s.scenario.ron", "-o", "s.csv"],
        dir.path(),
    );
    assert!(
        stdout(&output).contains("s.csv is up to date"),
        "{}",
        stdout(&output)
    );
    std::fs::write(dir.path().join("s.csv"), "moment\nedited\n").unwrap();
    let refused = doorway(
        &["sheet", "export", "s.scenario.ron", "-o", "s.csv"],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("s.csv")).unwrap(),
        "moment\nedited\n"
    );
    let forced = doorway(
        &[
            "sheet",
            "export",
            "s.scenario.ron",
            "-o",
            "s.csv",
            "--force",
            "--semicolons",
        ],
        dir.path(),
    );
    assert_eq!(forced.status.code(), Some(0));
    let sheet = std::fs::read_to_string(dir.path().join("s.csv")).unwrap();
    assert!(sheet.starts_with("\u{feff}moment;act;speaker;"), "{sheet}");
    assert!(import(dir.path(), "s.csv").status.success());
}

/// The output the spreadsheet guide shows for its worked example.
fn guide_example_output() -> String {
    let guide = std::fs::read_to_string(repo().join("docs/spreadsheet.md")).unwrap();
    let command = "$ doorway sheet import doorknob.csv -o scenarios/doorknob.scenario.ron\nchanged";
    let start = guide
        .find(command)
        .expect("the guide shows the example's import")
        + command.len()
        - "changed".len();
    let end = start + guide[start..].find("```").expect("the block ends");
    guide[start..end].to_owned()
}

#[test]
fn the_guides_example_sheet_builds_on_a_new_scenario_as_the_guide_shows() {
    let dir = tempfile::tempdir().unwrap();
    let created = doorway(&["new", "doorknob"], dir.path());
    assert!(created.status.success(), "{}", stderr(&created));
    std::fs::copy(
        repo().join("docs/examples/doorknob.csv"),
        dir.path().join("doorknob.csv"),
    )
    .unwrap();
    let output = doorway(
        &[
            "sheet",
            "import",
            "doorknob.csv",
            "-o",
            "scenarios/doorknob.scenario.ron",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), guide_example_output());
    let validated = doorway(&["validate", "scenarios"], dir.path());
    assert_eq!(validated.status.code(), Some(0), "{}", stdout(&validated));
    assert!(
        stdout(&validated).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&validated)
    );

    // "Export again to see the ids in the sheet": the sheet's edits are in the
    // file, so export replaces it without --force.
    let exported = doorway(
        &[
            "sheet",
            "export",
            "scenarios/doorknob.scenario.ron",
            "-o",
            "doorknob.csv",
        ],
        dir.path(),
    );
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    let sheet = std::fs::read_to_string(dir.path().join("doorknob.csv")).unwrap();
    assert!(sheet.contains(",thank_you_for_telling,"), "{sheet}");
}

#[test]
fn a_scenario_file_that_does_not_parse_is_reported_with_its_line() {
    let dir = folder_with_fixture();
    export(dir.path());
    let path = dir.path().join("s.scenario.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("title: \"Two acts\",", "title: \"Two acts\"", 1),
    )
    .unwrap();
    for args in [
        ["sheet", "export", "s.scenario.ron", "-o", "again.csv"],
        ["sheet", "import", "s.csv", "-o", "s.scenario.ron"],
    ] {
        let output = doorway(&args, dir.path());
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("s.scenario.ron:"),
            "{}",
            stderr(&output)
        );
    }
    assert!(!dir.path().join("again.csv").exists());
    assert!(
        stderr(&doorway(
            &["sheet", "import", "s.csv", "-o", "s.scenario.ron"],
            dir.path()
        ))
        .contains("fix s.scenario.ron before importing a sheet into it")
    );
}

#[test]
fn a_scenario_file_in_the_sheets_place_is_refused_before_anything_is_written() {
    let dir = folder_with_fixture();
    let before = std::fs::read(dir.path().join("s.scenario.ron")).unwrap();
    let output = doorway(
        &[
            "sheet",
            "export",
            "s.scenario.ron",
            "-o",
            "s.scenario.ron",
            "--force",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("write the sheet to a .csv file"));
    export(dir.path());
    let swapped = doorway(
        &["sheet", "import", "s.scenario.ron", "-o", "s.csv"],
        dir.path(),
    );
    assert_eq!(swapped.status.code(), Some(1));
    assert!(
        stderr(&swapped).contains("the sheet comes first, the scenario file after -o"),
        "{}",
        stderr(&swapped)
    );
    assert_eq!(
        std::fs::read(dir.path().join("s.scenario.ron")).unwrap(),
        before
    );
}
