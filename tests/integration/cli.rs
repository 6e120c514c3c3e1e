//! The `doorway` command line, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn doorway(args: &[&str], dir: &Path) -> Output {
    doorway_in(None, args, dir)
}

/// Runs `doorway` with `DOORWAY_LANGUAGE` set to `language`, or unset.
fn doorway_in(language: Option<&str>, args: &[&str], dir: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_doorway"));
    match language {
        Some(code) => command.env("DOORWAY_LANGUAGE", code),
        None => command.env_remove("DOORWAY_LANGUAGE"),
    };
    command
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

/// The fixture most command-line tests play (see tests/fixtures/): a scenario
/// built for tests of mechanisms, so editing shipped content breaks none of them.
const FIXTURE: &str = "tests/fixtures/two-acts.scenario.ron";

fn fixture() -> String {
    std::fs::read_to_string(repo().join(FIXTURE)).expect("the fixture is readable")
}

/// A temporary folder holding one scenario file with the given text.
fn folder_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(name), text).expect("written");
    dir
}

#[test]
fn validate_reads_the_scenarios_folder_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::fs::write(
        dir.path().join("scenarios/two-acts.scenario.ron"),
        fixture(),
    )
    .unwrap();
    let output = doorway(&["validate"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("ok: scenarios/two-acts.scenario.ron"));
    assert!(stdout(&output).contains("1 file checked: 0 errors, 0 warnings"));
}

#[test]
fn validate_reports_errors_with_file_line_and_column_and_exits_1() {
    let broken = fixture().replacen(r#"target: "booked""#, r#"target: "boked""#, 1);
    let dir = folder_with("broken.scenario.ron", &broken);
    let output = doorway(&["validate", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let line = broken
        .lines()
        .position(|l| l.contains(r#""boked""#))
        .unwrap()
        + 1;
    let column = broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .find(r#""boked""#)
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!("broken.scenario.ron:{line}:{column}")),
        "{text}"
    );
    assert!(text.contains("error[unknown-target]"), "{text}");
    assert!(text.contains(r#"did you mean "booked"?"#), "{text}");
}

#[test]
fn warnings_pass_unless_denied() {
    let unfinished = fixture().replace("quality: Skilled,", "quality: GoodEnough,");
    let dir = folder_with("lint.scenario.ron", &unfinished);
    let output = doorway(&["validate", "lint.scenario.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("warning[no-top-answer]"));
    let denied = doorway(
        &["validate", "--deny-warnings", "lint.scenario.ron"],
        dir.path(),
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout(&denied).contains("error[no-top-answer]"));
}

#[test]
fn validate_speaks_json() {
    let broken = fixture().replacen("time_limit: 45", "time_limit: 0", 1);
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
        stdout(&output).contains("cannot read the file nowhere.scenario.ron:"),
        "the error names the path it tried: {}",
        stdout(&output)
    );
    let empty = doorway(&["validate", "."], dir.path());
    assert_eq!(empty.status.code(), Some(1));
    assert!(stderr(&empty).contains("no *.scenario.ron or course.ron files found"));
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
    let dot = doorway(&["graph", FIXTURE], &repo());
    assert_eq!(dot.status.code(), Some(0));
    let text = stdout(&dot);
    assert!(text.starts_with("digraph \"two-acts\""), "{text}");
    assert!(
        text.contains("doubleoctagon"),
        "endings are drawn as endings"
    );
    assert!(text.contains("style=dashed"), "timeouts are dashed");
    let mermaid = doorway(&["graph", "--format", "mermaid", FIXTURE], &repo());
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
fn stats_counts_a_scenario() {
    let output = doorway(&["stats", "--format", "json", FIXTURE], &repo());
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let scenario = fixture();
    let nodes = scenario.matches("Node(").count() as u64;
    assert_eq!(json["nodes"], nodes);
    assert_eq!(
        json["endings"],
        scenario.matches("ending: Ending(").count() as u64
    );
    assert_eq!(
        json["paths"]["kind"], "exactly",
        "no choice, timeout or deadline of the fixture leads back"
    );
    let looping = fixture().replacen(r#"target: "welcomed""#, r#"target: "greeting""#, 1);
    let dir = folder_with("looping.scenario.ron", &looping);
    let output = doorway(
        &["stats", "--format", "json", "looping.scenario.ron"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(
        json["paths"]["kind"], "infinite",
        "a loop back to the start"
    );
    let human = doorway(&["stats", FIXTURE], &repo());
    assert!(stdout(&human).contains("optimal band -2 to 2"));
}

#[test]
fn stats_reports_what_could_give_the_best_answer_away() {
    let output = doorway(&["stats", FIXTURE], &repo());
    let text = stdout(&output);
    assert!(
        text.contains("the longest option shows the skill well at 1 of 3 moments (33 %)"),
        "{text}"
    );
    assert!(
        text.contains("moments with two good answers or more: 6 of 9 (67 %)"),
        "{text}"
    );
    assert!(text.contains("options per moment: 2.0"), "{text}");
    let json = doorway(&["stats", "--format", "json", FIXTURE], &repo());
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(json["cues"]["top_is_longest"], serde_json::json!(["later"]));
    assert!(json["cues"]["mean_words"]["Skilled"].as_f64().unwrap() > 0.0);
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

pub(crate) fn doorway_with_input(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_doorway"))
        .env_remove("DOORWAY_LANGUAGE")
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the doorway binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    child.wait_with_output().expect("finishes")
}

const REPAIR_SCRIPT: &str = "# the repair path\nwait 3\nchoose brush_off\nwait 2.5\nchoose repair\nchoose ask_more\nchoose book_after_repair\n";

#[test]
fn play_runs_a_script_and_prints_the_transcript() {
    let dir = folder_with("repair.script", REPAIR_SCRIPT);
    let scenario = repo().join(FIXTURE);
    let output = doorway(
        &[
            "play",
            scenario.to_str().unwrap(),
            "--script",
            "repair.script",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("[brush_off], after 3.0 s of 45 s"), "{text}");
    assert!(text.contains("rupture opened"));
    assert!(text.contains("the rupture was repaired"));
    assert!(text.contains("Ending: Caught in time (Repaired)"));
}

#[test]
fn doorway_language_chooses_the_language_of_the_sessions_words() {
    let dir = folder_with("repair.script", REPAIR_SCRIPT);
    let scenario = repo().join(FIXTURE);
    let args = [
        "play",
        scenario.to_str().unwrap(),
        "--script",
        "repair.script",
    ];
    let output = doorway_in(Some("es"), &args, dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("[brush_off], tras 3,0 s de 45 s"), "{text}");
    assert!(text.contains("la ruptura se reparó"), "{text}");
    assert!(!text.contains("the rupture was repaired"), "{text}");

    let output = doorway_in(Some("fr"), &args, dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("DOORWAY_LANGUAGE=fr is not a language Doorway speaks (en, es)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_same_seed_and_script_print_the_same_json_transcript() {
    let run = |seed: &str| {
        let output = doorway_with_input(
            &["play", FIXTURE, "--script", "-", "--json", "--seed", seed],
            &repo(),
            REPAIR_SCRIPT,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let first = run("11");
    assert_eq!(first, run("11"));
    let json: serde_json::Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(json["seed"], 11);
    assert_eq!(json["steps"].as_array().unwrap().len(), 4);
    assert_eq!(json["steps"][0]["latency"], 3.0);
    assert_eq!(json["ending"]["kind"], "Repaired");
    assert_eq!(json["content_hash"].as_str().unwrap().len(), 64);
}

#[test]
fn a_script_the_session_refuses_names_its_line() {
    let output = doorway_with_input(
        &["play", FIXTURE, "--script", "-"],
        &repo(),
        "wait 1\nchoose book_after_repair\n",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("script line 2: \"book_after_repair\" is not offered here"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn play_starts_at_an_entry_point_with_other_settings() {
    let output = doorway_with_input(
        &[
            "play",
            FIXTURE,
            "--entry",
            "after_the_brush_off",
            "--feedback",
            "exam",
            "--time-scale",
            "2",
            "--script",
            "-",
            "--json",
        ],
        &repo(),
        "wait 59\nwait 2\nwait 120\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["entry"], "after_the_brush_off");
    assert_eq!(json["settings"]["feedback"], "exam");
    let step = &json["steps"][0];
    assert_eq!(
        (step["node"].as_str(), step["response"].as_str()),
        (Some("booked"), Some("timeout"))
    );
    assert_eq!(step["effective_limit"], 60.0);
    let week_later = &json["steps"][1];
    assert_eq!(week_later["node"], "later");
    assert_eq!(week_later["act"], "week_later");
    assert_eq!(
        week_later["deadline"], "Your next client arrives",
        "the timeout's twenty minutes carry the clock past the deadline"
    );
    assert!(
        json["ending"].is_null(),
        "the script stops where the deadline took over"
    );
}

#[test]
fn interactive_play_honours_the_countdown() {
    // No input at all: the timers run out (scaled to a tenth) until an ending.
    let output = doorway_with_input(
        &[
            "play",
            FIXTURE,
            "--time-scale",
            "0.1",
            "--feedback",
            "deferred",
        ],
        &repo(),
        "\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("s left]"), "a countdown is shown: {text}");
    assert_eq!(text.matches("Time ran out.").count(), 2, "{text}");
    assert!(
        text.contains("== The door closes (Rupture deepened) =="),
        "{text}"
    );
}

#[test]
fn interactive_play_takes_numbered_choices() {
    let output = doorway_with_input(
        &["play", FIXTURE, "--seed", "5"],
        &repo(),
        "\n9\n33\nhello\n1\nq\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("There is no choice 9: the choices are 1 to 3."),
        "{text}"
    );
    assert!(
        text.contains("There is no choice 33: the choices are 1 to 3."),
        "a line is read whole: {text}"
    );
    assert!(
        text.contains("(type a choice's number"),
        "help for a word: {text}"
    );
    assert!(text.contains("-- feedback --"), "a choice was made: {text}");
}

#[test]
fn check_passes_the_scenarios_folder_and_fails_a_broken_expectation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::fs::write(
        dir.path().join("scenarios/two-acts.scenario.ron"),
        fixture(),
    )
    .unwrap();
    let output = doorway(&["check"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(!text.contains("FAIL"), "{text}");
    let endings = fixture().matches("ending: Ending(").count();
    assert!(
        text.lines().any(|l| l.contains("(two-acts)")
            && l.contains(&format!("{endings}/{endings} endings reached"))),
        "{text}"
    );

    let broken = fixture().replacen(
        "ending: Deepened,\n        ),",
        "ending: Repaired,\n        ),",
        1,
    );
    assert_ne!(broken, fixture());
    let dir = folder_with("broken.scenario.ron", &broken);
    let output = doorway(&["check", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("FAIL"), "{text}");
    assert!(
        text.contains("expectation \"freezing twice\": expected the ending kind Repaired"),
        "{text}"
    );
    assert!(text.contains("path: (timeout) -> (timeout)"), "{text}");
    let json = doorway(&["check", ".", "--format", "json"], dir.path());
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value[0]["report"]["failures"][0]["path"][0], "(timeout)");
}

/// Plays the fixture with the rupture left standing to the end, and keeps the
/// attempt in `data_dir`.
fn play_left_standing_and_save(data_dir: &str) -> Output {
    doorway_with_input(
        &[
            "play",
            FIXTURE,
            "--script",
            "-",
            "--save",
            "--data-dir",
            data_dir,
        ],
        &repo(),
        LEFT_STANDING,
    )
}

/// The fixture's path with the rupture left standing to the end.
const LEFT_STANDING: &str =
    "choose brush_off\nchoose confirm_booking\nchoose move_on\nchoose leave_it\n";

/// Where `history` and `export` find the fixture, run from the repository.
const FIXTURE_FOLDER: &str = "tests/fixtures";

#[test]
fn play_save_keeps_the_attempt_and_history_lists_it() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let output = play_left_standing_and_save(data_dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("saved the attempt as"));
    let history = doorway(
        &[
            "history",
            "--format",
            "json",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    assert_eq!(history.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&history)).unwrap();
    let scenarios = &json["scenarios"];
    assert_eq!(scenarios[0]["scenario_id"], "two-acts");
    assert_eq!(scenarios[0]["attempts"][0]["ending"], "Left unsaid");
    assert_eq!(scenarios[0]["attempts"][0]["steps"], 4);
    assert_eq!(
        json["suggestions"][0]["entry"], "after_the_brush_off",
        "the rupture left open suggests the repair drill"
    );

    let unsaved = doorway_with_input(
        &["play", FIXTURE, "--script", "-", "--data-dir", data_dir],
        &repo(),
        "choose brush_off\n",
    );
    assert_eq!(unsaved.status.code(), Some(0));
    let human = doorway(
        &[
            "history",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    assert!(
        stdout(&human).contains("Two acts (two-acts): 1 attempt"),
        "{}",
        stdout(&human)
    );
    assert!(stdout(&human).contains("What to practise next:"));
}

#[test]
fn export_writes_markdown_and_xapi_for_a_saved_attempt() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let played = play_left_standing_and_save(data_dir);
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));

    let md = doorway(
        &[
            "export",
            "latest",
            "--format",
            "md",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    let text = stdout(&md);
    assert!(text.starts_with("# Two acts: an attempt"), "{text}");
    assert!(text.contains("**Left unsaid**"), "{text}");
    assert!(
        text.contains("### 4.") && !text.contains("### 5."),
        "{text}"
    );

    let elsewhere = doorway(
        &["export", "latest", "--format", "md", "--data-dir", data_dir],
        &repo(),
    );
    assert_eq!(elsewhere.status.code(), Some(1));
    assert!(
        stderr(&elsewhere).contains("give its folder with --scenario-folder"),
        "{}",
        stderr(&elsewhere)
    );

    let file = data.path().join("out.json");
    let xapi = doorway(
        &[
            "export",
            "latest",
            "--format",
            "xapi",
            "--output",
            file.to_str().unwrap(),
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    assert_eq!(xapi.status.code(), Some(0), "{}", stderr(&xapi));
    let statements: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let statements = statements.as_array().unwrap();
    assert_eq!(
        statements.len(),
        2 + 4 + 2,
        "launched, initialized, 4 answered, completed, terminated"
    );
    let account = &statements[0]["actor"]["account"];
    assert!(
        account["name"].as_str().unwrap().starts_with("doorway-"),
        "anonymous per-install name"
    );
    let again = doorway(
        &[
            "export",
            "latest",
            "--format",
            "xapi",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&again)).unwrap()[0]["actor"],
        statements[0]["actor"],
        "the install name is kept"
    );

    let missing = doorway(
        &["export", "nope", "--format", "md", "--data-dir", data_dir],
        &repo(),
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no attempt \"nope\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn play_help_lists_only_what_play_takes() {
    let output = doorway(&["play", "--help"], &repo());
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for app_only in ["--screenshot", "--author", "--scenarios"] {
        assert!(!help.contains(app_only), "{app_only} in: {help}");
    }
    assert!(help.contains("--data-dir"), "play --save needs it: {help}");
    let validate = stdout(&doorway(&["validate", "--help"], &repo()));
    assert!(!validate.contains("--data-dir"), "{validate}");
    let open = stdout(&doorway(&["open", "--help"], &repo()));
    assert!(
        open.contains("--screenshot") && open.contains("--author"),
        "{open}"
    );
    let misplaced = doorway(&["--author", "play", FIXTURE], &repo());
    assert_eq!(
        misplaced.status.code(),
        Some(2),
        "an app option before a command is refused"
    );
}

#[test]
fn stats_says_why_its_paths_are_not_the_ones_check_plays() {
    let stats = stdout(&doorway(&["stats", FIXTURE], &repo()));
    assert!(
        stats.contains("paths from the start to an ending: 255"),
        "{stats}"
    );
    assert!(
        stats.contains("conditions on choices are ignored"),
        "{stats}"
    );
    assert!(
        stats.contains("`doorway check` plays only what conditions"),
        "{stats}"
    );
    let check = stdout(&doorway(&["check", FIXTURE], &repo()));
    assert!(check.contains("all 72 paths played"), "{check}");
}

#[test]
fn graph_labels_time_limits_in_words_graphviz_fonts_have() {
    let dot = stdout(&doorway(&["graph", FIXTURE], &repo()));
    assert!(dot.contains(r"greeting\n45 s"), "{dot}");
    assert!(dot.is_ascii(), "no glyph a default font may lack: {dot}");
}

#[test]
fn each_attempt_gets_a_fresh_seed_unless_one_is_given() {
    let seed_of = |extra: &[&str]| {
        let mut args = vec!["play", FIXTURE, "--script", "-", "--json"];
        args.extend_from_slice(extra);
        let output = doorway_with_input(&args, &repo(), "choose welcome\n");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        json["seed"]
            .as_u64()
            .expect("the transcript keeps the seed")
    };
    assert_ne!(seed_of(&[]), seed_of(&[]), "two attempts, two seeds");
    assert_eq!(seed_of(&["--seed", "42"]), 42);
}

#[test]
fn history_tells_a_better_attempt_from_a_worse_one() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let play = |script: &str| {
        let output = doorway_with_input(
            &[
                "play",
                FIXTURE,
                "--script",
                "-",
                "--save",
                "--data-dir",
                data_dir,
            ],
            &repo(),
            script,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    play(LEFT_STANDING);
    play(
        "wait 3\nchoose brush_off\nwait 2\nchoose repair\nchoose ask_more\nchoose book_after_repair\n",
    );
    let history = doorway(
        &[
            "history",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    let text = stdout(&history);
    assert!(
        text.contains("0 answers that show the skill well, 2 good enough, 2 costly; 0 timeouts; 0.0 s per answer; ruptures 1 opened and 0 repaired"),
        "{text}"
    );
    assert!(
        text.contains("2 answers that show the skill well, 2 good enough, 0 costly; 0 timeouts; 1.2 s per answer; ruptures 1 opened and 1 repaired"),
        "{text}"
    );
    let json = doorway(
        &[
            "history",
            "--format",
            "json",
            "--scenario-folder",
            FIXTURE_FOLDER,
            "--data-dir",
            data_dir,
        ],
        &repo(),
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let attempts = &json["scenarios"][0]["attempts"];
    assert_eq!(attempts.as_array().unwrap().len(), 2);
    let skilled: Vec<u64> = attempts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["levels"]["skilled"].as_u64().unwrap())
        .collect();
    assert!(skilled.contains(&0) && skilled.contains(&2), "{skilled:?}");
}

/// The fixture played interactively with `input`, with `args` added.
fn play_interactively(args: &[&str], input: &str) -> String {
    let mut all = vec!["play", FIXTURE];
    all.extend_from_slice(args);
    let output = doorway_with_input(&all, &repo(), input);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// The number shown for the choice that says `says`, in `text`.
fn number_of(text: &str, says: &str) -> String {
    text.lines()
        .find_map(|line| line.trim().strip_suffix(says)?.strip_suffix(". "))
        .unwrap_or_else(|| panic!("\"{says}\" is offered: {text}"))
        .trim()
        .to_owned()
}

#[test]
fn play_begins_with_the_briefing_content_notes_first_and_waits_for_enter() {
    let text = play_interactively(&["--seed", "5"], "q\n");
    let notes = text.find("== Content notes ==").expect("content notes");
    assert_eq!(notes, 0, "before anything else: {text}");
    for part in [
        "None: a test fixture.",
        "What you will practise:",
        "Exercise every mechanism in a small graph.",
        "Ada: The client.",
        "Ben: The next client.",
        "At 10:10: The next client arrives.",
        "Press Enter to begin",
    ] {
        assert!(text.contains(part), "{part} in: {text}");
    }
    assert!(
        !text.contains("Hello. Is now a good time?") && !text.contains("Have you got a moment?"),
        "q at the briefing leaves before the first moment: {text}"
    );
    assert!(!text.contains("== Reflection =="), "{text}");
}

#[test]
fn each_moment_is_headed_with_its_step_the_clock_and_the_pressure() {
    let text = play_interactively(&["--seed", "5"], "\nr 9\nq\n");
    assert!(
        text.contains("-- Step 1 · 10:00 · The next client arrives in 10 minutes --"),
        "{text}"
    );
    assert!(
        text.contains("step 9 does not exist: nothing has been answered yet"),
        "r counts from 1 as the screen does: {text}"
    );
    assert!(
        !text.contains("== Reflection =="),
        "q before any answer: {text}"
    );
}

#[test]
fn after_feedback_play_waits_for_enter_and_goes_back_by_the_step_shown() {
    let first = play_interactively(&["--seed", "5"], "\nq\n");
    let brush_off = number_of(&first, "Please book a time at the desk.");
    let input = format!("\n{brush_off}\n1\n\nr 2\nr 1\nq\n");
    let text = play_interactively(&["--seed", "5"], &input);
    let feedback = text.find("-- feedback --").expect("feedback shown");
    let waits = text[feedback..]
        .find("Press Enter to go on.")
        .map(|i| i + feedback);
    let step_two = text.find("-- Step 2 ·").expect("the second moment");
    assert!(waits.is_some_and(|w| w < step_two), "{text}");
    assert!(
        text.contains("(Press Enter to go on.)"),
        "a number typed while feedback shows asks for Enter: {text}"
    );
    assert!(
        text.contains("(step 2 does not exist: there is only step 1)"),
        "{text}"
    );
    assert!(text.contains("(back to step 1)"), "{text}");
}

#[test]
fn an_untimed_moment_has_a_prompt_too() {
    let first = play_interactively(&["--seed", "5", "--no-time-limits"], "\nq\n");
    assert!(!first.contains("s left]"), "{first}");
    let welcome = number_of(&first, "Yes, come in. We have ten minutes.");
    let text = play_interactively(
        &["--seed", "5", "--no-time-limits"],
        &format!("\n{welcome}\nq\n"),
    );
    assert!(text.contains("\n> "), "{text}");
}

#[test]
fn text_wraps_to_the_terminals_width() {
    let output = Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(["play", FIXTURE, "--seed", "5"])
        .current_dir(repo())
        .env("COLUMNS", "40")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    let text = stdout(&output);
    assert!(text.contains("Content notes"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 40, "{line:?} in: {text}");
    }
}

#[test]
fn deferred_feedback_waits_for_the_debrief_which_speaks_in_the_scenarios_words() {
    let first = play_interactively(&["--seed", "5", "--feedback", "deferred"], "\nq\n");
    let brush_off = number_of(&first, "Please book a time at the desk.");
    let text = play_interactively(
        &["--seed", "5", "--feedback", "deferred"],
        &format!("\n{brush_off}\nq\n"),
    );
    let debrief = text.find("== Debrief ==").expect("a debrief");
    let (play, debrief) = text.split_at(debrief);
    assert!(
        !play.contains("→") && !play.contains("-- feedback --"),
        "{play}"
    );
    assert!(debrief.contains("Step 1 · 10:00"), "{debrief}");
    assert!(
        debrief.contains("you: \"Please book a time at the desk.\""),
        "{debrief}"
    );
    assert!(debrief.contains("Connection 0 → -2"), "{debrief}");
    for id in ["greeting", "brush_off", "booked"] {
        assert!(!debrief.contains(id), "no id {id} in: {debrief}");
    }
}

#[test]
fn reflections_are_asked_at_the_end_and_kept_with_the_saved_attempt() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let first = play_interactively(&["--seed", "5"], "\nq\n");
    let welcome = number_of(&first, "Yes, come in. We have ten minutes.");
    let input = format!("\n{welcome}\n\nq\nThe clock.\n\nI would say the limit again.\n");
    let text = play_interactively(&["--seed", "5", "--save", "--data-dir", data_dir], &input);
    assert!(text.contains("== Reflection =="), "{text}");
    assert!(
        text.contains("What did you notice first?"),
        "the scenario's own prompt comes first: {text}"
    );
    let folder = data.path().join("attempts");
    let file = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let attempt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let reflections = attempt["reflections"].as_array().unwrap();
    assert_eq!(
        reflections.len(),
        2,
        "the empty answer is skipped: {reflections:?}"
    );
    assert_eq!(reflections[0]["prompt"], "What did you notice first?");
    assert_eq!(reflections[0]["answer"], "The clock.");
    assert_eq!(reflections[1]["prompt"], "What might the client have felt?");
}

#[test]
fn feedback_in_someone_elses_voice_is_headed_with_their_name() {
    // The next client speaks, the feedback is in Ada's voice; and at a
    // narration moment (nobody speaks) the voice names the client.
    let narrated = fixture()
        .replacen(
            "speaker: \"ada\",\n                    narration: \"Ada's face closes a little.\",\n                    text: \"Fine. I'll do that.\",",
            "narration: \"Ada's face closes a little.\",",
            1,
        )
        .replacen(
            "client: \"Right.\",",
            "client: \"Right.\",\n                                voice: \"ada\",",
            1,
        );
    assert_ne!(narrated, fixture());
    let dir = folder_with("narrated.scenario.ron", &narrated);
    let play = |input: &str| {
        let output = doorway_with_input(
            &[
                "play",
                "narrated.scenario.ron",
                "--seed",
                "5",
                "--entry",
                "after_the_brush_off",
            ],
            dir.path(),
            input,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let first = play("\nq\n");
    let confirm = number_of(&first, "Yes, the desk will help.");
    let text = play(&format!("\n{confirm}\nq\n"));
    assert!(
        text.contains("What Ada may have felt: \"Right.\""),
        "{text}"
    );
}

#[test]
fn a_reader_that_stops_early_gets_no_panic() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(["graph", FIXTURE])
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!errors.contains("panicked"), "{errors}");
    assert!(
        matches!(output.status.code(), Some(0 | 141)),
        "{:?}",
        output.status
    );
}

/// The fixture for the practice modes (see tests/fixtures/): "door" has a
/// noticing question, FIS tags and a timeout, "hall" two answers, "chair" one.
const PRACTICE: &str = "tests/fixtures/practice.scenario.ron";

/// Runs doorway with input written in parts, `pause` apart, so that the
/// clock can run out between them.
fn doorway_with_input_in_parts(
    args: &[&str],
    dir: &Path,
    parts: &[&str],
    pause: std::time::Duration,
) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the doorway binary runs");
    let mut input = child.stdin.take().expect("stdin");
    for (position, part) in parts.iter().enumerate() {
        if position > 0 {
            std::thread::sleep(pause);
        }
        input.write_all(part.as_bytes()).expect("input written");
        input.flush().expect("input sent");
    }
    drop(input);
    child.wait_with_output().expect("finishes")
}

/// The practice fixture played interactively with `input`, `args` added;
/// its standard output, after checking it succeeded.
fn practise_interactively(args: &[&str], input: &str) -> String {
    let mut all = vec!["play", PRACTICE];
    all.extend_from_slice(args);
    let output = doorway_with_input(&all, &repo(), input);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// The one attempt saved in a data folder.
fn the_saved_attempt(data: &Path) -> serde_json::Value {
    let files: Vec<PathBuf> = std::fs::read_dir(data.join("attempts"))
        .expect("attempts were saved")
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap()
}

/// Where `needle` is in `text`, which must hold it.
fn position(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in: {text}"))
}

#[test]
fn say_it_first_takes_own_words_before_the_answers_and_rates_them_after_the_feedback() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    // The mode given is remembered for the scenario...
    let first = practise_interactively(
        &["--mode", "say", "--seed", "3", "--data-dir", data_dir],
        "\nFirst words\n:q\n",
    );
    let remembered = std::fs::read_to_string(data.path().join("preferences.ron")).unwrap();
    assert!(
        remembered.contains("\"practice\": say_it_first"),
        "{remembered}"
    );
    let welcome = number_of(&first, "Welcome");
    // ...and played again without it. "e" is a sentence here, never a command.
    let input = format!("\ne\n{welcome}\ns\n4\n\n\n:q\n");
    let text = practise_interactively(
        &[
            "--confidence",
            "--seed",
            "3",
            "--save",
            "--data-dir",
            data_dir,
        ],
        &input,
    );
    let asked = position(&text, "What would you say?");
    let prompt = asked + position(&text[asked..], "s left] > ");
    let answers = position(&text, "Which is closest to what you said?");
    assert!(
        !text[..prompt].contains(". Welcome") && text[prompt..answers].contains(". Welcome"),
        "the answers wait for the words: {text}"
    );
    assert!(text.contains(":p pause, :e more time"), "{text}");
    let sure = answers + position(&text[answers..], "Sure or unsure? s / u (Enter skips)");
    let feedback = position(&text, "-- feedback --");
    assert!(sure < feedback, "confidence before feedback: {text}");
    let words = position(&text, "Your own words: \"e\"");
    assert!(feedback < words, "{text}");
    assert!(
        text[words..].contains("The best answers here:\n  - \"Welcome\""),
        "{text}"
    );
    assert!(
        text.contains(
            "Warmth, acceptance and understanding: 1 cold, impatient, critical or judging · 3"
        ),
        "each item with its anchors: {text}"
    );
    let attempt = the_saved_attempt(data.path());
    let settings = &attempt["transcript"]["settings"];
    assert_eq!(settings["practice"], "say_it_first");
    assert_eq!(settings["ask_confidence"], true);
    let step = &attempt["transcript"]["steps"][0];
    assert_eq!(step["own_words"]["text"], "e");
    assert_eq!(step["own_words"]["none_close"], false);
    assert_eq!(step["own_words"]["time_ran_out"], false);
    assert_eq!(step["response"]["choice"], "welcome");
    assert_eq!(step["confidence"], "sure");
    assert_eq!(
        step["self_ratings"],
        serde_json::json!([{"item": "warmth", "score": 4}]),
        "Enter skipped empathy"
    );
}

#[test]
fn none_of_these_lets_the_story_follow_another_and_deferred_ratings_come_after_the_debrief() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let args = [
        "--mode",
        "say",
        "--feedback",
        "deferred",
        "--seed",
        "3",
        "--save",
        "--data-dir",
        data_dir,
    ];
    let first = practise_interactively(&args[..6], "\na\n1\nb\n:q\n");
    let (limit, stay) = (number_of(&first, "Limit"), number_of(&first, "Stay"));
    let input =
        format!("\nSomething else entirely\n0\n0\n{limit}\nStay with me\n{stay}\n1\n5\n\n3\n");
    let text = practise_interactively(&args, &input);
    assert!(
        text.contains("Then choose the one the story follows: type its number."),
        "{text}"
    );
    assert!(
        text.contains("There is no answer 0: type the one the story follows, 1 to 3."),
        "{text}"
    );
    let debrief = position(&text, "== Debrief ==");
    let own_words = position(&text, "== Your own words ==");
    let reflection = position(&text, "== Reflection ==");
    assert!(debrief < own_words && own_words < reflection, "{text}");
    let summary = &text[debrief..own_words];
    for part in [
        "Your own words: \"Something else entirely\", after",
        "None close; the story followed \"Limit\"",
        "The best answers here: \"Welcome\"",
        "closest: \"Stay\"",
        "You said it first at 2 moments; at 1 no written answer was close to your words.",
    ] {
        assert!(summary.contains(part), "{part} in: {summary}");
    }
    assert!(
        !summary.contains("[limit]"),
        "no ids for a trainee: {summary}"
    );
    let attempt = the_saved_attempt(data.path());
    let steps = &attempt["transcript"]["steps"];
    assert_eq!(steps[0]["own_words"]["none_close"], true);
    assert_eq!(steps[0]["response"]["choice"], "limit");
    assert_eq!(
        steps[0]["self_ratings"],
        serde_json::json!([{"item": "warmth", "score": 5}])
    );
    assert_eq!(
        steps[1]["self_ratings"],
        serde_json::json!([{"item": "alliance-bond", "score": 3}])
    );
    assert!(
        steps[2].get("own_words").is_none(),
        "one answer: no words asked"
    );
}

#[test]
fn a_timeout_while_writing_keeps_nothing_unsent_and_takes_the_timeout_path() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let output = doorway_with_input_in_parts(
        &[
            "play",
            PRACTICE,
            "--mode",
            "say",
            "--time-scale",
            "0.1",
            "--seed",
            "3",
            "--save",
            "--data-dir",
            data_dir,
        ],
        &repo(),
        &["\n", "\n:q\n"],
        std::time::Duration::from_secs(6),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.replace('\n', " ")
            .contains("What you have not sent is lost when the time runs out."),
        "the warning says what the terminal cannot keep: {text}"
    );
    let timed_out = position(&text, "Time ran out.");
    assert!(!text[..timed_out].contains(". Welcome"), "{text}");
    let attempt = the_saved_attempt(data.path());
    let step = &attempt["transcript"]["steps"][0];
    assert_eq!(step["response"], "timeout");
    assert_eq!(step["own_words"]["time_ran_out"], true);
    assert_eq!(step["own_words"]["text"], "");
    assert_eq!(step["own_words"]["latency"], 4.0);
}

#[test]
fn notice_first_asks_the_question_then_says_what_fits_before_the_answers() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let args = ["--mode", "notice", "--seed", "3", "--data-dir", data_dir];
    let first = practise_interactively(&args, "\n1\n\nq\n");
    let (angry, cold) = (number_of(&first, "Angry"), number_of(&first, "Cold"));
    let mut with_save = args.to_vec();
    with_save.extend(["--save", "--confidence"]);
    let text = practise_interactively(&with_save, &format!("\n{angry}\n\n{cold}\nu\n\nq\n"));
    let question = position(&text, "Before the answers: What is Cal feeling?");
    let see = position(&text, "Press Enter to see the answers.");
    let answers = position(&text, ". Welcome");
    assert!(question < see && see < answers, "{text}");
    let noticed = &text[question..see];
    for part in [
        "You: \"Angry\". That does not fit.",
        "Nothing here is angry.",
        "What fits here: \"Hopeful and unsure\"; \"Embarrassed to ask\"",
        "Cal came without asking and is not sure of a welcome.",
        "Inside, Cal was thinking: \"Cal hopes to be welcome\"",
    ] {
        assert!(noticed.contains(part), "{part} in: {noticed}");
    }
    let sure = answers + position(&text[answers..], "Sure or unsure?");
    assert!(sure < position(&text, "-- feedback --"), "{text}");
    let attempt = the_saved_attempt(data.path());
    let step = &attempt["transcript"]["steps"][0];
    assert_eq!(
        step["probe"]["picked"], 1,
        "the answer as the scenario writes them"
    );
    assert_eq!(step["probe"]["fits"], false);
    assert_eq!(step["response"]["choice"], "cold");
    assert_eq!(step["confidence"], "unsure");
    assert_eq!(
        attempt["transcript"]["settings"]["practice"],
        "notice_first"
    );
}

#[test]
fn scripts_drive_every_practice_mode_and_remember_nothing() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let say = "wait 6\nsay You came back. Come in.\nchoose welcome\nconfidence sure\nrate warmth 4\n\
               say Hurry  # none close\nnone-close\nchoose rush\nrate alliance-bond 2\nchoose sit\n";
    let run = |mode: &str, script: &str, extra: &[&str]| {
        let mut args = vec![
            "play",
            PRACTICE,
            "--mode",
            mode,
            "--script",
            "-",
            "--seed",
            "3",
            "--data-dir",
            data_dir,
        ];
        args.extend_from_slice(extra);
        let output = doorway_with_input(&args, &repo(), script);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let text = run("say", say, &["--confidence"]);
    for part in [
        "Practice (practice v1), seed 3, feedback after each answer, Say it first, confidence asked",
        "Your own words: \"You came back. Come in.\", after 6.0 s of 40 s",
        "closest: \"Welcome\" [welcome]",
        "you were sure",
        "your ratings: Warmth, acceptance and understanding 4 of 5",
        "None close; the story followed \"Rush\" [rush]",
        "Your own ratings of your words averaged 3.0 of 5.",
        "Sure of 1 answer: 1 showed the skill well.",
    ] {
        assert!(text.contains(part), "{part} in: {text}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run("say", say, &["--json"])).expect("JSON");
    assert_eq!(json["steps"][1]["own_words"]["none_close"], true);
    assert_eq!(json["settings"]["ask_confidence"], false);

    let notice = run(
        "notice",
        "wait 30\nnotice 2\nsee-answers\nwait 3\nchoose cold\n",
        &[],
    );
    assert!(
        notice.contains("noticing: What is Cal feeling?"),
        "{notice}"
    );
    assert!(
        notice.contains("you noticed: \"Angry\". That does not fit. Nothing here is angry."),
        "{notice}"
    );
    assert!(
        notice.contains("Your noticing fitted 0 of 1 times."),
        "{notice}"
    );
    assert!(
        !data.path().join("preferences.ron").exists(),
        "a script replays the same whatever was remembered, and remembers nothing"
    );
    let refused = doorway_with_input(
        &["play", PRACTICE, "--mode", "say", "--script", "-"],
        &repo(),
        "none-close\n",
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("script line 1: write your own words first"),
        "{}",
        stderr(&refused)
    );
}

/// `doorway practice` on `day`, with the fixtures' folder and `data_dir`.
fn practice(data_dir: &str, day: &str, extra: &[&str], input: &str) -> Output {
    let mut args = vec![
        "practice",
        "--today",
        day,
        "--scenario-folder",
        FIXTURE_FOLDER,
        "--data-dir",
        data_dir,
    ];
    args.extend_from_slice(extra);
    doorway_with_input(&args, &repo(), input)
}

/// The practice schedule kept in a data folder.
fn schedule_in(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("practice-schedule.json")).expect("kept");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_costly_answer_comes_back_on_the_today_list_and_climbs_the_boxes() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let list = |day: &str| {
        let output = practice(data_dir, day, &["--list"], "");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let empty = list("2026-12-01");
    assert!(
        empty.contains("Nothing to practise today (2026-12-01): the list is empty."),
        "{empty}"
    );
    assert!(
        empty.contains("doorway play --save"),
        "how moments get on it: {empty}"
    );

    let played = doorway_with_input(
        &[
            "play",
            PRACTICE,
            "--script",
            "-",
            "--save",
            "--today",
            "2026-12-01",
            "--data-dir",
            data_dir,
        ],
        &repo(),
        "wait 3\nchoose cold\nwait 3\nchoose stay\nchoose sit\n",
    );
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));
    assert!(
        stderr(&played).contains("1 hard moment is on your practice list from 2026-12-02"),
        "{}",
        stderr(&played)
    );
    let not_yet = list("2026-12-01");
    assert!(
        not_yet.contains(
            "Nothing to practise today (2026-12-01). The next moment comes back on 2026-12-02."
        ),
        "{not_yet}"
    );
    let today = list("2026-12-02");
    assert!(
        today.contains("Today (2026-12-02): 1 moment to practise"),
        "{today}"
    );
    assert!(
        today.contains("1. Practice · “Door")
            && today.contains("· a costly answer · box 1 of 4 (1 day)"),
        "{today}"
    );

    // Played well, it moves up a box and comes back three days later.
    let look = practice(data_dir, "2026-12-02", &["--seed", "5"], "q\n");
    assert_eq!(look.status.code(), Some(0), "{}", stderr(&look));
    let shown = stdout(&look);
    assert!(shown.contains("== 1 · Practice · Choose =="), "{shown}");
    assert!(
        shown.contains("Practised 0 of 1 moment."),
        "q keeps nothing: {shown}"
    );
    let welcome = number_of(&shown, "Welcome");
    let well = practice(
        data_dir,
        "2026-12-02",
        &["--seed", "5"],
        &format!("{welcome}\n\n"),
    );
    assert_eq!(well.status.code(), Some(0), "{}", stderr(&well));
    let text = stdout(&well);
    assert!(text.contains("-- feedback --"), "{text}");
    assert!(!text.contains("-- Step 2"), "one moment only: {text}");
    assert!(
        text.contains("(Well answered: it moves up to box 2 and comes back on 2026-12-05.)"),
        "{text}"
    );
    let kept = schedule_in(data.path());
    assert_eq!(kept["items"][0]["box_index"], 1);
    assert_eq!(kept["items"][0]["due"], "2026-12-05");
    assert!(list("2026-12-04").contains("comes back on 2026-12-05"));

    // A costly answer puts it back in the first box.
    let again = practice(data_dir, "2026-12-05", &["--seed", "6", "--list"], "");
    assert!(
        stdout(&again).contains("box 2 of 4 (3 days)"),
        "{}",
        stdout(&again)
    );
    let look = stdout(&practice(data_dir, "2026-12-05", &["--seed", "6"], "q\n"));
    let cold = number_of(&look, "Cold");
    let poorly = practice(
        data_dir,
        "2026-12-05",
        &["--seed", "6"],
        &format!("{cold}\n\n"),
    );
    assert!(
        stdout(&poorly).contains("(Not yet: it goes back to box 1 and comes back on 2026-12-06.)"),
        "{}",
        stdout(&poorly)
    );
    let kept = schedule_in(data.path());
    assert_eq!(kept["items"][0]["box_index"], 0);
    assert_eq!(kept["items"][0]["due"], "2026-12-06");
    assert_eq!(kept["items"][0]["practised"].as_array().unwrap().len(), 2);
}

#[test]
fn a_moment_whose_scenario_is_gone_is_reported_and_skipped() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let schedule = r#"{"schema": 1, "items": [{"scenario_id": "gone", "node": "door",
        "box_index": 0, "due": "2026-12-01", "reason": "timed_out",
        "start": {"values": {}, "open_ruptures": [], "clock": 600, "visited": []},
        "last_wording": 0, "practised": []}]}"#;
    std::fs::write(data.path().join("practice-schedule.json"), schedule).unwrap();
    let output = practice(data_dir, "2026-12-02", &[], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "moment \"door\" of scenario \"gone\", not found (skipped; if the scenario is in a folder of your own, give it with --scenario-folder DIR) · no answer in time"
        ),
        "{text}"
    );
    assert!(text.contains("Practised 0 of 1 moment."), "{text}");
    let bad_day = practice(data_dir, "tomorrow", &[], "");
    assert_eq!(bad_day.status.code(), Some(2));
    assert!(stderr(&bad_day).contains("\"tomorrow\" is not a day written YYYY-MM-DD"));
}

#[test]
fn a_damaged_schedule_is_set_aside_when_an_attempt_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    std::fs::write(
        data.path().join("practice-schedule.json"),
        "{\"schema\": 1, \"ite",
    )
    .unwrap();
    let played = doorway_with_input(
        &[
            "play",
            PRACTICE,
            "--script",
            "-",
            "--save",
            "--today",
            "2026-12-01",
            "--data-dir",
            data_dir,
        ],
        &repo(),
        "choose cold\n",
    );
    assert_eq!(played.status.code(), Some(0), "{}", stderr(&played));
    assert!(
        stderr(&played).contains("Your practice schedule was damaged"),
        "{}",
        stderr(&played)
    );
    assert_eq!(schedule_in(data.path())["items"][0]["node"], "door");
    let files = std::fs::read_dir(data.path()).unwrap().count();
    assert_eq!(files, 3, "attempts, the new schedule and the one set aside");
}

mod cohort;
mod courses;
mod drafts;
mod man_page;
mod sheet;
mod strings;
