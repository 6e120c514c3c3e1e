//! `doorway play --draft`: a scenario with errors, played as far as it is
//! written (tests/fixtures/draft.scenario.ron: "inside" has an answer leading
//! to a moment not written yet, and every answer of "the_limit" does).

use super::{doorway, doorway_with_input, repo, stderr, stdout};

const DRAFT: &str = "tests/fixtures/draft.scenario.ron";

const ASK_LEADS_NOWHERE: &str = r#"the choice "ask" leads to "r2_open", which does not exist"#;

/// `doorway play --draft` on the fixture with `args` added, given `input`,
/// keeping preferences in a folder of its own.
fn play_draft(args: &[&str], input: &str) -> std::process::Output {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut all = vec![
        "play",
        DRAFT,
        "--draft",
        "--seed",
        "3",
        "--data-dir",
        data.path().to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    doorway_with_input(&all, &repo(), input)
}

/// Text as one line, as it reads before it is wrapped to the terminal.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_draft_plays_as_far_as_it_is_written_and_refuses_answers_that_lead_nowhere() {
    // Begin, welcome, go on; at "inside" try the answer leading nowhere and
    // the one past the deadline, then the one that leads on; go on.
    let output = play_draft(&[], "\n1\n\n1\n3\n2\n\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let unwrapped = unwrapped(&text);
    assert!(
        text.contains("  1. [cannot be chosen yet] Tell me more about the anger."),
        "{text}"
    );
    assert!(
        text.contains(&format!("     ({ASK_LEADS_NOWHERE})")),
        "why, under it: {text}"
    );
    assert!(
        text.contains("  2. I want to hear it, and we have fifteen minutes."),
        "{text}"
    );
    assert!(
        unwrapped.contains(&format!(
            "(this answer cannot be chosen yet: {ASK_LEADS_NOWHERE})"
        )),
        "its number is refused with why: {text}"
    );
    assert!(
        unwrapped.contains("(this answer cannot be chosen yet: it takes the clock past 10:20, and then the deadline leads to \"next_client\", which does not exist)"),
        "{text}"
    );
    assert!(
        unwrapped.contains(
            r#"(No countdown at this moment of the draft: the timeout leads to "silence", which does not exist.)"#
        ),
        "{text}"
    );
    assert!(
        unwrapped.contains(
            "This is as far as the draft goes: none of the answers here can be chosen yet."
        ),
        "{text}"
    );
    assert!(
        !text.contains("== Reflection =="),
        "an author trying a draft is not asked to reflect: {text}"
    );
}

#[test]
fn a_draft_begins_by_listing_its_errors_briefly_with_their_places() {
    let output = play_draft(&[], "q\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let errors = stderr(&output);
    assert!(
        errors.starts_with("This draft has 6 errors: answers with an error"),
        "{errors}"
    );
    let source = std::fs::read_to_string(repo().join(DRAFT)).unwrap();
    let line = source
        .lines()
        .position(|l| l.contains(r#"target: "r2_open""#))
        .unwrap()
        + 1;
    let column = source
        .lines()
        .nth(line - 1)
        .unwrap()
        .find(r#""r2_open""#)
        .unwrap()
        + 1;
    assert!(
        errors.contains(&format!("  {DRAFT}:{line}:{column}: {ASK_LEADS_NOWHERE}\n")),
        "{errors}"
    );
}

#[test]
fn a_script_plays_a_draft_to_where_it_stops() {
    let output = play_draft(
        &["--script", "-"],
        "choose welcome\nwait 100\nchoose name_time\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("[name_time], after 100.0 s, no time limit"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with(
            "This is as far as the draft goes: none of the answers here can be chosen yet."
        ),
        "{text}"
    );
}

#[test]
fn a_script_choosing_an_answer_that_leads_nowhere_stops_with_why() {
    let output = play_draft(&["--script", "-", "--json"], "choose welcome\nchoose ask\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!(
            "error: script line 2: this answer cannot be chosen yet: {ASK_LEADS_NOWHERE}"
        )),
        "{}",
        stderr(&output)
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("the transcript alone, as JSON");
    assert_eq!(json["steps"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_draft_played_as_a_finished_scenario_is_refused_with_a_way_to_try_it() {
    let output = doorway(&["play", DRAFT, "--script", "-"], &repo());
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("error[unknown-target]"), "{errors}");
    assert!(
        errors.contains(
            "note: to try it as far as it is written, errors and all, play it with --draft"
        ),
        "{errors}"
    );
}

#[test]
fn a_draft_with_nothing_to_play_says_which_errors_to_fix() {
    let source = std::fs::read_to_string(repo().join(DRAFT)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-start.scenario.ron");
    std::fs::write(&file, source.replace("start: \"door\",", "")).unwrap();
    let output = doorway(
        &["play", file.to_str().unwrap(), "--draft", "--script", "-"],
        &repo(),
    );
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.contains("error[missing-start]"),
        "the report: {errors}"
    );
    assert!(
        errors.contains("error: this draft cannot be played yet: the scenario has no start (line "),
        "{errors}"
    );
}

#[test]
fn a_draft_is_not_kept_as_an_attempt() {
    let output = doorway(&["play", DRAFT, "--draft", "--save"], &repo());
    assert_eq!(output.status.code(), Some(2), "a usage error");
    assert!(
        stderr(&output).contains("'--draft' cannot be used with '--save'"),
        "{}",
        stderr(&output)
    );
}
