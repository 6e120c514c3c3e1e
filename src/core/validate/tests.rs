//! One test per error and per warning: each asserts the code, the message and the
//! line and column where the problem is reported.

use crate::core::diagnostic::{Diagnostic, Severity, line_and_column};
use crate::core::load::{LoadOptions, load_str};

const FEEDBACK: &str = r#"Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "Author (2000)")"#;

/// A small scenario that validates with no errors and no warnings.
fn fixture() -> String {
    r#"Scenario(
    id: "fixture",
    title: "Fixture",
    version: "1",
    difficulty: Beginner,
    estimated_minutes: 1,
    sources: ["Author, A. (2000). A source."],
    characters: [Character(id: "sam", name: "Sam", role: Client)],
    start: "open",
    acts: [
        Act(id: "one", title: "One", clock_start: "14:45",
            deadlines: [Deadline(at: "15:00", label: "Next client", node: "late")],
            nodes: [
                Node(id: "open", speaker: "sam", text: "Hello.", time_limit: 30,
                    timeout: Timeout(target: "strained", rupture: Opens(Withdrawal), effects: {"connection": -1}, feedback: FB),
                    choices: [
                        Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, quality: Skilled, feedback: FB),
                        Choice(id: "brief", says: "Hello, Sam. I have ten minutes before my next client.", target: "good", effects: {"connection": 1}, quality: GoodEnough, feedback: FB),
                        Choice(id: "cool", says: "Book a time.", target: "strained", rupture: Opens(Withdrawal), effects: {"distance": 3}, quality: Costly, feedback: FB),
                    ]),
                Node(id: "strained", text: "Silence.", choices: [
                    Choice(id: "mend", says: "I was abrupt.", target: "good", rupture: Repairs, effects: {"repair": 2}, quality: Skilled, feedback: FB),
                    Choice(id: "ask", says: "Something just changed between us; can we look at it?", target: "good", effects: {"repair": 1}, rupture: Repairs, quality: GoodEnough, feedback: FB),
                    Choice(id: "move_on", says: "Anyway.", target: "cold", effects: {"connection": -1}, quality: Costly, feedback: FB),
                ]),
                Node(id: "late", text: "Your next client is here.", choices: [
                    Choice(id: "close", says: "We will talk soon.", target: "cold", effects: {"frame": 1}, quality: GoodEnough, feedback: FB),
                    Choice(id: "walk", says: "Let me walk you out.", target: "cold", effects: {"connection": 1}, quality: GoodEnough, feedback: FB),
                ]),
                Node(id: "good", ending: Ending(kind: Repaired, title: "Repaired")),
                Node(id: "cold", ending: Ending(kind: Unresolved, title: "Unresolved")),
            ]),
    ],
)"#
    .replace("FB", FEEDBACK)
}

/// The fixture with `from` replaced by `to` (which must occur exactly once).
fn edited(from: &str, to: &str) -> String {
    let source = fixture();
    assert_eq!(
        source.matches(from).count(),
        1,
        "{from:?} must occur once in the fixture"
    );
    source.replacen(from, to, 1)
}

fn diagnostics(source: &str) -> Vec<Diagnostic> {
    load_str(
        "test.scenario.ron",
        source.to_owned(),
        LoadOptions::default(),
    )
    .report
    .diagnostics
}

/// Asserts that `source` has a diagnostic with `code` whose message contains
/// `message`, located where the `nth` occurrence of `at` starts, or, when `at`
/// contains `|`, where the `|` stands in it.
#[track_caller]
fn expect_at(source: &str, code: &str, message: &str, at: &str, nth: usize) -> Diagnostic {
    let marker = at.find('|').unwrap_or(0);
    let text = at.replace('|', "");
    let offset = source
        .match_indices(&text)
        .nth(nth)
        .unwrap_or_else(|| panic!("{text:?} not in source"))
        .0
        + marker;
    let (line, column) = line_and_column(source, offset);
    let found = diagnostics(source);
    let matching = found
        .iter()
        .find(|d| d.code == code && d.message.contains(message))
        .unwrap_or_else(|| panic!("no {code} containing {message:?} in {found:#?}"));
    assert_eq!(
        (matching.line, matching.column),
        (line, column),
        "{code} should be at {at:?}: {matching:#?}"
    );
    matching.clone()
}

#[track_caller]
fn expect(source: &str, code: &str, message: &str, at: &str) -> Diagnostic {
    expect_at(source, code, message, at, 0)
}

/// How many of `found` are errors.
fn errors(found: &[Diagnostic]) -> usize {
    found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

#[test]
fn the_fixture_is_clean() {
    assert_eq!(diagnostics(&fixture()), vec![]);
}

// ----- errors -----

#[test]
fn missing_start() {
    let source = edited(r#"start: "open","#, "");
    let d = expect(&source, "missing-start", "has no start", "Scenario(");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.help.as_deref(),
        Some(r#"add `start: "open",` naming the first node"#)
    );
}

#[test]
fn unknown_start_suggests_the_closest_node() {
    let source = edited(r#"start: "open","#, r#"start: "opne","#);
    let d = expect(
        &source,
        "unknown-start",
        r#"starts at "opne", which does not exist"#,
        r#""opne""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "open"?"#));
}

#[test]
fn unknown_target() {
    let source = edited(
        r#"target: "cold", effects: {"connection": -1}"#,
        r#"target: "colld", effects: {"connection": -1}"#,
    );
    let d = expect(
        &source,
        "unknown-target",
        r#"the choice "move_on" leads to "colld""#,
        r#""colld""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "cold"?"#));
}

#[test]
fn unknown_timeout_target() {
    let source = edited(
        r#"timeout: Timeout(target: "strained""#,
        r#"timeout: Timeout(target: "nowhere""#,
    );
    expect(
        &source,
        "unknown-target",
        r#"the timeout leads to "nowhere""#,
        r#""nowhere""#,
    );
}

#[test]
fn unknown_deadline_node() {
    let source = edited(r#"node: "late")"#, r#"node: "lte")"#);
    let d = expect(
        &source,
        "unknown-deadline-node",
        r#"the deadline leads to "lte""#,
        r#""lte""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "late"?"#));
}

#[test]
fn unknown_entry_point_node() {
    let source = edited(
        "\n)",
        r#"    entry_points: [EntryPoint(id: "drill", title: "Drill", node: "stained")],
)"#,
    );
    let d = expect(
        &source,
        "unknown-entry-node",
        r#"the entry point "drill" starts at "stained""#,
        r#""stained""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "strained"?"#));
}

#[test]
fn duplicate_node_id_points_at_the_second_and_the_first() {
    let source = edited(r#"Node(id: "cold""#, r#"Node(id: "good""#);
    let d = expect(
        &source,
        "duplicate-id",
        r#"node id "good" is used twice"#,
        r#"Node(id: |"good", ending: Ending(kind: Unresolved"#,
    );
    let first = source.find(r#"id: "good""#).unwrap() + 4;
    assert_eq!(d.related_spans.len(), 1);
    assert_eq!(d.related_spans[0].0.start, first);
}

#[test]
fn duplicate_choice_id_within_a_node() {
    let source = edited(r#"Choice(id: "move_on""#, r#"Choice(id: "mend""#);
    expect_at(
        &source,
        "duplicate-id",
        r#"choice id "mend" is used twice"#,
        r#""mend""#,
        1,
    );
}

#[test]
fn the_same_choice_id_in_two_nodes_is_fine() {
    let source = edited(r#"Choice(id: "close""#, r#"Choice(id: "warm""#);
    assert!(
        diagnostics(&source)
            .iter()
            .all(|d| d.code != "duplicate-id")
    );
}

#[test]
fn unknown_dimension_in_effects() {
    let source = edited(r#"effects: {"frame": 1}"#, r#"effects: {"frmae": 1}"#);
    let d = expect(
        &source,
        "unknown-dimension",
        r#"unknown dimension "frmae""#,
        r#""frmae""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "frame"?"#));
}

#[test]
fn unknown_dimension_in_a_condition() {
    let source = edited(
        r#"target: "cold", effects: {"frame": 1}"#,
        r#"target: "cold", effects: {"frame": 1}, when: [AtLeast("warmth", 2)]"#,
    );
    let d = expect(
        &source,
        "unknown-dimension",
        r#"unknown dimension "warmth""#,
        r#"AtLeast("warmth""#,
    );
    assert!(d.help.unwrap().contains("connection, distance"));
}

#[test]
fn declared_dimensions_are_known() {
    let source = edited(
        r#"start: "open","#,
        r#"start: "open", dimensions: [Dimension(id: "hope", label: "Hope", min: 0, max: 5, initial: 1)],"#,
    )
    .replace(r#"effects: {"frame": 1}"#, r#"effects: {"hope": 1}"#);
    assert_eq!(diagnostics(&source), vec![]);
}

#[test]
fn bad_dimension_declaration() {
    let source = edited(
        r#"start: "open","#,
        r#"start: "open", dimensions: [Dimension(id: "hope", label: "Hope", min: 0, max: 5, initial: 9)],"#,
    );
    expect(
        &source,
        "bad-dimension",
        "starts at 9, outside its range 0 to 5",
        "9)",
    );
}

#[test]
fn bad_time_limits() {
    for limit in ["0", "-5", "NaN", "inf"] {
        let source = edited("time_limit: 30", &format!("time_limit: {limit}"));
        let at = format!("{limit},");
        expect(
            &source,
            "bad-time-limit",
            "must be a positive number of seconds",
            &at,
        );
    }
}

#[test]
fn timed_node_without_timeout() {
    let timeout_line = fixture()
        .lines()
        .find(|l| l.contains("timeout: Timeout("))
        .unwrap()
        .to_owned();
    let source = edited(&format!("{timeout_line}\n"), "");
    expect(
        &source,
        "missing-timeout",
        r#"the node "open" is timed but has no timeout outcome"#,
        "30,",
    );
}

#[test]
fn node_without_choices_that_is_not_an_ending() {
    let source = edited(
        r#"Node(id: "good", ending: Ending(kind: Repaired, title: "Repaired"))"#,
        r#"Node(id: "good")"#,
    );
    expect(
        &source,
        "dead-end",
        r#"the node "good" has no choices and is not an ending"#,
        r#""good")"#,
    );
}

#[test]
fn ending_with_choices() {
    let source = edited(
        r#"Ending(kind: Unresolved, title: "Unresolved"))"#,
        r#"Ending(kind: Unresolved, title: "Unresolved"), choices: [Choice(id: "x", says: "x", target: "good")])"#,
    );
    expect(
        &source,
        "ending-with-choices",
        r#"the ending "cold" also has choices"#,
        "Ending(kind: Unresolved",
    );
}

#[test]
fn deadline_outside_the_acts_day() {
    let source = edited(r#"at: "15:00""#, r#"at: "14:30""#);
    let d = expect(
        &source,
        "deadline-outside-day",
        "not within the act's day, which starts at 14:45",
        r#""14:30""#,
    );
    assert_eq!(d.related_spans.len(), 1, "points at the act's start too");
}

#[test]
fn malformed_clock_times() {
    let source = edited(r#"at: "15:00""#, r#"at: "25:00""#);
    let d = expect(
        &source,
        "bad-clock",
        r#""25:00" is not a time of day; expected a time such as "14:45""#,
        r#""|25:00""#,
    );
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("24-hour clock"))
    );
    let source = edited(
        r#"clock_start: "14:45""#,
        r#"clock_start: "quarter to three""#,
    );
    expect(
        &source,
        "bad-clock",
        "is not a time of day",
        r#""|quarter to three""#,
    );
}

#[test]
fn a_malformed_entry_point_time_is_located_with_the_file_line_and_column() {
    let source = fixture().replace(
        "\n    ],\n)",
        "\n    ],\n    entry_points: [EntryPoint(id: \"drill\", title: \"Drill\", node: \"strained\", clock: \"2:75\")],\n)",
    );
    let d = expect(
        &source,
        "bad-clock",
        r#""2:75" is not a time of day"#,
        r#""|2:75""#,
    );
    let report = load_str("test.scenario.ron", source.clone(), LoadOptions::default()).report;
    let rendered = report.render_plain();
    assert!(
        rendered.contains(&format!("test.scenario.ron:{}:{}", d.line, d.column)),
        "{rendered}"
    );
}

#[test]
fn unknown_speaker() {
    let source = edited(r#"speaker: "sam""#, r#"speaker: "sma""#);
    let d = expect(
        &source,
        "unknown-speaker",
        r#"the speaker "sma" is not a character"#,
        r#""sma""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "sam"?"#));
}

#[test]
fn unknown_voice() {
    let source = edited(
        r#"Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, quality: Skilled, feedback: Feedback(relational: "It does this.", client: "I feel that.","#,
        r#"Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, quality: Skilled, feedback: Feedback(relational: "It does this.", client: "I feel that.", voice: "smm","#,
    );
    let d = expect(
        &source,
        "unknown-voice",
        r#"the voice "smm" is not a character"#,
        r#""smm""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "sam"?"#));
}

#[test]
fn unknown_felt_by() {
    let source = edited(
        r#"Node(id: "open", speaker: "sam","#,
        r#"Node(id: "open", speaker: "sam", felt_by: "sma","#,
    );
    let d = expect(
        &source,
        "unknown-felt-by",
        r#"the moment's felt_by "sma" is not a character"#,
        r#""sma""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "sam"?"#));
}

#[test]
fn unknown_act_client() {
    let source = edited(
        r#"Act(id: "one", title: "One","#,
        r#"Act(id: "one", title: "One", client: "smm","#,
    );
    let d = expect(
        &source,
        "unknown-client",
        r#"the act's client "smm" is not a character"#,
        r#""smm""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "sam"?"#));
}

#[test]
fn unknown_node_in_a_condition() {
    let source = edited(
        r#"target: "cold", effects: {"frame": 1}"#,
        r#"target: "cold", effects: {"frame": 1}, when: [Visited("opn")]"#,
    );
    expect(
        &source,
        "unknown-node",
        r#"the condition names "opn""#,
        r#"Visited("opn")"#,
    );
}

#[test]
fn unknown_entry_and_choice_in_expectations() {
    let source = edited(
        "\n)",
        r#"    expectations: [Expectation(name: "x", entry: "dril", steps: [Choose("warm"), Choose("mnd")], ending: Repaired)],
)"#,
    );
    expect(
        &source,
        "unknown-entry",
        r#"the entry point "dril", which does not exist"#,
        r#""dril""#,
    );
    let d = expect(
        &source,
        "unknown-choice",
        r#"no node has a choice "mnd""#,
        r#"Choose("mnd")"#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "mend"?"#));
}

#[test]
fn a_scenario_without_nodes() {
    let start = fixture().find("        Act(").unwrap();
    let end = fixture().rfind("    ],").unwrap();
    let source = format!("{}{}", &fixture()[..start], &fixture()[end..]);
    expect(&source, "no-nodes", "has no nodes", "[\n    ],");
}

#[test]
fn empty_ids() {
    let source = edited(r#"Choice(id: "close""#, r#"Choice(id: """#);
    expect(&source, "empty-id", "a choice has an empty id", r#""""#);
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let source = fixture()
        .replace(
            r#"target: "good", effects: {"connection": 2}"#,
            r#"target: "god", effects: {"connection": 2}"#,
        )
        .replace(r#"effects: {"frame": 1}"#, r#"effects: {"fram": 1}"#)
        .replace(r#"speaker: "sam""#, r#"speaker: "nobody""#)
        .replace("time_limit: 30", "time_limit: 0");
    let codes: Vec<&str> = diagnostics(&source).iter().map(|d| d.code).collect();
    for code in [
        "unknown-target",
        "unknown-dimension",
        "unknown-speaker",
        "bad-time-limit",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

// ----- parse errors -----

#[test]
fn unknown_field_suggests_the_right_one() {
    let source = edited(
        r#"{"connection": 2}, quality: Skilled"#,
        r#"{"connection": 2}, qualty: Skilled"#,
    );
    let d = expect(
        &source,
        "unknown-field",
        "unknown field `qualty` in `Choice`",
        "qualty",
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "quality"?"#));
}

#[test]
fn missing_field() {
    let source = edited(r#"title: "Fixture","#, "");
    let d = expect(&source, "missing-field", "missing field `title`", "\n|)");
    assert!(d.help.unwrap().contains("add `title: ...`"));
}

#[test]
fn unknown_value_suggests_a_variant() {
    let source = edited("difficulty: Beginner", "difficulty: Begginer");
    let d = expect(
        &source,
        "unknown-value",
        "`Begginer` is not a known value",
        "Begginer",
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "Beginner"?"#));
}

#[test]
fn missing_comma() {
    let source = edited(r#"version: "1","#, r#"version: "1""#);
    let d = expect(&source, "syntax", "expected a comma", "difficulty");
    assert!(d.help.unwrap().contains("commas"));
}

#[test]
fn unclosed_text() {
    let source = format!("{}\n", &fixture()[..fixture().find("Sam\"").unwrap() + 3]);
    let found = diagnostics(&source);
    assert_eq!(errors(&found), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert!(found[0].line > 0, "located: {found:#?}");
    assert_eq!(found[1].code, "stopped-here", "says it stopped there");
}

#[test]
fn too_large_files_are_refused_before_parsing() {
    let source = format!("{}{}", fixture(), " ".repeat(200));
    let options = LoadOptions {
        max_bytes: 100,
        ..LoadOptions::default()
    };
    let loaded = load_str("big.scenario.ron", source, options);
    assert!(loaded.scenario.is_none());
    let d = &loaded.report.diagnostics[0];
    assert_eq!(d.code, "too-large");
    assert!(d.message.contains("at most 100 bytes"), "{}", d.message);
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let source = edited(r#"version: "1","#, &format!("version: {deep},"));
    let found = diagnostics(&source);
    assert_eq!(errors(&found), 1);
    assert_eq!(found[0].severity, Severity::Error);
    for source in [
        format!("Scenario(id: {}", "(".repeat(100_000)),
        "{".repeat(100_000),
        "[".repeat(100_000),
    ] {
        assert_eq!(errors(&diagnostics(&source)), 1);
    }
}

#[test]
fn nesting_beyond_the_limit_is_named() {
    let options = LoadOptions {
        max_nesting: 4,
        ..LoadOptions::default()
    };
    let loaded = load_str("nested.scenario.ron", fixture(), options);
    let found = loaded.report.diagnostics;
    assert_eq!(errors(&found), 1, "{found:#?}");
    assert_eq!(found[0].code, "too-deep");
    assert!(found[0].message.contains("nested more than 4 levels deep"));
}

// ----- warnings -----

#[test]
fn unreachable_node() {
    let source = edited(
        r#"Node(id: "good","#,
        r#"Node(id: "island", text: "Nobody comes here.", choices: [Choice(id: "leave", says: "Bye.", target: "cold", feedback: FB)]),
                Node(id: "good","#
            .replace("FB", FEEDBACK)
            .as_str(),
    );
    let d = expect(
        &source,
        "unreachable-node",
        r#"the node "island" cannot be reached"#,
        r#""island""#,
    );
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn unreachable_ending() {
    let source = edited(
        r#"target: "cold", effects: {"connection": -1}"#,
        r#"target: "good", effects: {"connection": -1}"#,
    )
    .replace(
        r#"target: "cold", effects: {"frame": 1}"#,
        r#"target: "good", effects: {"frame": 1}"#,
    )
    .replace(
        r#"target: "cold", effects: {"connection": 1}"#,
        r#"target: "good", effects: {"connection": 1}"#,
    );
    expect(
        &source,
        "unreachable-ending",
        r#"the ending "cold" cannot be reached"#,
        r#""cold""#,
    );
}

#[test]
fn node_from_which_no_ending_can_be_reached() {
    let source = edited(
        r#"target: "cold", effects: {"frame": 1}"#,
        r#"target: "late", effects: {"frame": 1}"#,
    )
    .replace(
        r#"target: "cold", effects: {"connection": 1}"#,
        r#"target: "late", effects: {"connection": 1}"#,
    );
    expect(
        &source,
        "no-way-to-end",
        r#"no ending can be reached from "late""#,
        r#"Node(id: |"late""#,
    );
}

#[test]
fn choice_without_feedback() {
    let source = edited(
        &format!(r#"effects: {{"frame": 1}}, quality: GoodEnough, feedback: {FEEDBACK}"#),
        r#"effects: {"frame": 1}, quality: GoodEnough"#,
    );
    expect(
        &source,
        "missing-feedback",
        r#"the choice "close" has no feedback"#,
        r#""close""#,
    );
}

#[test]
fn incomplete_feedback() {
    let source = edited(
        &format!(r#"effects: {{"frame": 1}}, quality: GoodEnough, feedback: {FEEDBACK}"#),
        r#"effects: {"frame": 1}, quality: GoodEnough, feedback: Feedback(relational: "Closes the door.")"#,
    );
    expect(
        &source,
        "incomplete-feedback",
        "lacks: client, concept, source",
        r#"Feedback(relational: "Closes"#,
    );
}

#[test]
fn rupture_without_a_path_to_repair() {
    let source = edited(
        r#"target: "good", rupture: Repairs"#,
        r#"target: "cold", rupture: Repairs"#,
    )
    .replace(
        r#"target: "good", effects: {"repair": 1}"#,
        r#"target: "cold", effects: {"repair": 1}"#,
    );
    let d = expect(
        &source,
        "rupture-without-repair",
        r#"the choice "cool" opens a rupture"#,
        "Opens(Withdrawal), effects: {\"distance\"",
    );
    assert_eq!(d.severity, Severity::Warning);
    expect(
        &source,
        "rupture-without-repair",
        r#"the timeout of "open" opens a rupture"#,
        "Opens(Withdrawal), effects: {\"connection\"",
    );
}

#[test]
fn node_whose_choices_all_have_the_same_effects() {
    let source = edited(
        r#"effects: {"repair": 2}"#,
        r#"effects: {"connection": -1}"#,
    )
    .replace(
        r#"effects: {"repair": 1}, rupture: Repairs"#,
        r#"effects: {"connection": -1}"#,
    )
    .replace("rupture: Repairs, ", "");
    expect(
        &source,
        "identical-effects",
        r#"every choice of "strained" has the same effects"#,
        "[\n                    Choice(id: \"mend\"",
    );
}

#[test]
fn too_little_time_to_think_after_reading() {
    let long = "word ".repeat(40);
    let source = edited(r#"text: "Hello.""#, &format!(r#"text: "{long}""#));
    let d = expect(
        &source,
        "too-little-time-to-think",
        "takes about 23 s at 150 words per minute, leaving 7 s of its 30 s limit to think",
        "30,",
    );
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.help.as_deref(),
        Some("give at least 38 s (reading and 15 s to think), or shorten the text or the choices")
    );
}

#[test]
fn timeout_without_a_time_limit() {
    let source = edited("time_limit: 30,", "");
    expect(
        &source,
        "timeout-without-limit",
        "has a timeout outcome but no time limit",
        "Timeout(",
    );
}

#[test]
fn unknown_fis_tag() {
    let source = edited(
        r#"{"connection": 2}, quality: Skilled,"#,
        r#"{"connection": 2}, quality: Skilled, tags: ["FIS:empaty", "3RS:any"],"#,
    );
    let d = expect(
        &source,
        "unknown-tag",
        r#""empaty" is not a Facilitative Interpersonal Skills item"#,
        r#""FIS:empaty""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "empathy"?"#));
}

// ----- answer levels and cues -----

#[test]
fn the_deprecated_exemplar_flag_is_read_as_the_top_level_and_named() {
    let source = fixture().replace("quality: Skilled", "exemplar: true");
    let d = expect(
        &source,
        "deprecated-exemplar",
        r#"`exemplar` is deprecated (the choice "warm")"#,
        "exemplar: |true",
    );
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.help.as_deref().unwrap().contains("`quality: Skilled`"));
    let loaded = load_str("t.scenario.ron", source, LoadOptions::default());
    let warm = &loaded.scenario.unwrap().acts[0].nodes[0].choices[0];
    assert_eq!(warm.level(), Some(crate::core::model::Quality::Skilled));
}

#[test]
fn an_exemplar_flag_that_contradicts_the_level_is_an_error() {
    let source = edited(
        r#"effects: {"frame": 1}, quality: GoodEnough"#,
        r#"effects: {"frame": 1}, quality: GoodEnough, exemplar: true"#,
    );
    let d = expect(
        &source,
        "exemplar-and-quality",
        r#"the choice "close" is marked both `exemplar: true` and "good enough""#,
        "exemplar: |true",
    );
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn an_answer_without_a_level() {
    let source = edited(
        r#"effects: {"frame": 1}, quality: GoodEnough, "#,
        r#"effects: {"frame": 1}, "#,
    );
    expect(
        &source,
        "unrated-answer",
        r#"the choice "close" has no quality level"#,
        r#""close""#,
    );
}

#[test]
fn no_answer_at_the_top_level() {
    let source = fixture().replace("quality: Skilled", "quality: GoodEnough");
    expect(
        &source,
        "no-top-answer",
        "no answer in the scenario shows the skill well",
        r#""fixture""#,
    );
}

#[test]
fn the_longest_answer_is_the_top_one_too_often() {
    // At "open" and "strained" the good-enough answers are the longest; make
    // the top ones longer and both moments cue.
    let source = edited(
        r#"says: "Good to see you.""#,
        r#"says: "Good to see you, Sam, and I only have a few minutes before my next client.""#,
    )
    .replace(
        r#"says: "I was abrupt.""#,
        r#"says: "I was abrupt a moment ago, and I think it landed hard; I'm sorry.""#,
    );
    let d = expect(
        &source,
        "answer-length-cue",
        "an answer that shows the skill well is the longest option at 2 of 2 moments (100 %)",
        r#""fixture""#,
    );
    assert!(d.label.ends_with("open, strained"), "{}", d.label);
    assert_eq!(d.related.len(), 2, "each cued moment is pointed at");
}

#[test]
fn a_phrase_only_the_top_answers_use() {
    let source = edited(r#"says: "Good to see you.""#, r#"says: "Glad you came.""#)
        .replace(r#"says: "I was abrupt.""#, r#"says: "Glad you said so.""#)
        .replace(r#"says: "We will talk soon.""#, r#"says: "Glad we met.""#)
        .replace(
            r#"{"frame": 1}, quality: GoodEnough"#,
            r#"{"frame": 1}, quality: Skilled"#,
        );
    expect(
        &source,
        "answer-phrase-cue",
        r#""glad" is in 3 of 3 answers that show the skill well and 0 of 5 others"#,
        r#""fixture""#,
    );
}

#[test]
fn too_few_moments_with_two_good_answers() {
    let source = fixture()
        .replace(
            r#"target: "good", effects: {"connection": 1}, quality: GoodEnough"#,
            r#"target: "good", effects: {"connection": 1}, quality: Costly"#,
        )
        .replace(
            r#"{"repair": 1}, rupture: Repairs, quality: GoodEnough"#,
            r#"{"repair": 1}, rupture: Repairs, quality: Costly"#,
        );
    let d = expect(
        &source,
        "single-good-answer",
        "only 1 of 3 moments with choices offer two good answers or more (33 %)",
        r#""fixture""#,
    );
    assert_eq!(d.severity, Severity::Warning);
    let note = expect(
        &source,
        "single-good-answer",
        r#""strained" offers 1 good answer"#,
        "[\n                    Choice(id: \"mend\"",
    );
    assert_eq!(note.severity, Severity::Note);
}

#[test]
fn a_note_survives_deny_warnings_as_a_note() {
    let source = edited(
        r#"{"frame": 1}, quality: GoodEnough"#,
        r#"{"frame": 1}, quality: Costly"#,
    );
    let mut report = load_str("t.scenario.ron", source, LoadOptions::default()).report;
    report.deny_warnings();
    assert_eq!(report.error_count(), 0, "{}", report.render_plain());
    assert_eq!(report.note_count(), 1);
}

#[test]
fn a_source_without_an_author_and_year() {
    let source = edited(
        r#"effects: {"frame": 1}, quality: GoodEnough, feedback: Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "Author (2000)")"#,
        r#"effects: {"frame": 1}, quality: GoodEnough, feedback: Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "Optimal distance")"#,
    );
    expect(
        &source,
        "unsourced-citation",
        r#""Optimal distance" names no author and year"#,
        r#""Optimal distance""#,
    );
}

#[test]
fn a_citation_missing_from_the_sources() {
    let source = edited(
        r#"effects: {"frame": 1}, quality: GoodEnough, feedback: Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "Author (2000)")"#,
        r#"effects: {"frame": 1}, quality: GoodEnough, feedback: Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "Author (2000); Bordin (1979)")"#,
    );
    let d = expect(
        &source,
        "unsourced-citation",
        "Bordin (1979) is not in the scenario's `sources`",
        r#""Author (2000); Bordin (1979)""#,
    );
    assert!(d.help.as_deref().unwrap().contains(r#"starting "Bordin""#));
}

#[test]
fn an_optimal_distance_outside_the_range_or_without_a_reason() {
    let source = edited(
        "    difficulty: Beginner,",
        r#"    difficulty: Beginner,
    optimal_distance: OptimalDistance(low: 3, high: 12, reason: " "),"#,
    );
    expect(
        &source,
        "bad-optimal-distance",
        "the optimal distance 3 to 12 does not fit the distance range -10 to 10",
        "OptimalDistance(",
    );
    expect(
        &source,
        "bad-optimal-distance",
        "the optimal distance gives no reason",
        r#"" ""#,
    );
}

#[test]
fn a_scenarios_optimal_distance_replaces_the_default_band() {
    let source = edited(
        "    difficulty: Beginner,",
        r#"    difficulty: Beginner,
    optimal_distance: OptimalDistance(low: 0, high: 3, reason: "Sam's avoidant attachment: closeness feels intrusive."),"#,
    );
    assert_eq!(diagnostics(&source), vec![]);
    let scenario = load_str("t.scenario.ron", source, LoadOptions::default())
        .scenario
        .unwrap();
    let set = crate::core::dimensions::DimensionSet::for_scenario(&scenario);
    let band = set.get("distance").unwrap().optimal.unwrap();
    assert_eq!((band.low, band.high), (0, 3));
}

#[test]
fn a_client_marker_on_the_trainees_answer() {
    let source = edited(
        r#"rupture: Opens(Withdrawal), effects: {"distance": 3}, quality: Costly,"#,
        r#"rupture: Opens(Withdrawal), effects: {"distance": 3}, quality: Costly, tags: ["3RS:withdrawal"],"#,
    );
    let d = expect(
        &source,
        "client-marker-tag",
        r#""3RS:withdrawal" codes what the client does, not the trainee's answer"#,
        r#""3RS:withdrawal""#,
    );
    assert!(d.help.as_deref().unwrap().contains("Opens(...)"));
    let on_a_timeout = edited(
        r#"timeout: Timeout(target: "strained","#,
        r#"timeout: Timeout(target: "strained", tags: ["3RS:confrontation"],"#,
    );
    expect(
        &on_a_timeout,
        "client-marker-tag",
        r#""3RS:confrontation" codes what the client does"#,
        r#""3RS:confrontation""#,
    );
}

#[test]
fn the_second_longest_answer_is_the_top_one_too_often() {
    // Five moments where a long costly answer comes first and the top answer
    // second: the longest rule is quiet, the rank rule is not.
    let mut nodes = String::new();
    for m in 0..5 {
        let next = if m == 4 {
            "good".to_owned()
        } else {
            format!("m{}", m + 1)
        };
        nodes.push_str(&format!(
            r#"Node(id: "m{m}", text: "Hello.", choices: [
                Choice(id: "long", says: "Of course, come in, take all the time you need today.", target: "{next}", effects: {{"distance": -2}}, quality: Costly, feedback: FB),
                Choice(id: "top", says: "Come in; we have ten minutes.", target: "{next}", effects: {{"connection": 2}}, quality: Skilled, feedback: FB),
                Choice(id: "ok", says: "Hello.", target: "{next}", effects: {{"connection": 1}}, quality: GoodEnough, feedback: FB),
            ]),
"#
        ));
    }
    let source = format!(
        r#"Scenario(id: "ranks", title: "Ranks", version: "1", difficulty: Beginner, estimated_minutes: 1,
    sources: ["Author, A. (2000). A source."],
    start: "m0",
    acts: [Act(id: "one", title: "One", clock_start: "09:00", nodes: [
        {nodes}
        Node(id: "good", ending: Ending(kind: Held, title: "Held")),
    ])],
)"#
    )
    .replace("FB", FEEDBACK);
    let found = diagnostics(&source);
    let cues: Vec<&str> = found
        .iter()
        .filter(|d| d.code == "answer-length-cue")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        cues,
        vec!["the second-longest option shows the skill well at 5 of 5 moments (100 %)"]
    );
}

#[test]
fn an_ending_kind_under_its_old_name_loads_and_is_named() {
    let source = edited(
        r#"Ending(kind: Unresolved, title: "Unresolved")"#,
        r#"Ending(kind: RuptureDeepened, title: "Unresolved")"#,
    );
    let d = expect(
        &source,
        "renamed-ending-kind",
        "the ending kind `RuptureDeepened` is now called `Deepened`",
        "RuptureDeepened",
    );
    assert_eq!(d.severity, Severity::Warning);
    let loaded = load_str("t.scenario.ron", source, LoadOptions::default());
    let kinds: Vec<_> = loaded
        .scenario
        .unwrap()
        .nodes()
        .filter_map(|n| n.ending.as_ref().map(|e| e.kind))
        .collect();
    assert!(kinds.contains(&crate::core::model::EndingKind::Deepened));
    // A line that says the word is left alone.
    let spoken = edited(r#"text: "Silence.""#, r#"text: "Neutral.""#);
    assert!(
        diagnostics(&spoken)
            .iter()
            .all(|d| d.code != "renamed-ending-kind")
    );
}

// ----- noticing probes -----

/// The fixture with a noticing question at "open" whose answers are `answers`.
fn with_probe(answers: &str) -> String {
    edited(
        r#"Node(id: "open", speaker: "sam", text: "Hello.","#,
        &format!(
            r#"Node(id: "open", speaker: "sam", text: "Hello.", inner: "Will you see me?",
                    probe: Probe(question: "What is Sam feeling?", answers: [{answers}]),"#
        ),
    )
}

#[test]
fn a_probe_with_a_fitting_answer_and_a_distractor_is_clean() {
    let source = with_probe(
        r#"ProbeAnswer(text: "Unsure of a welcome", fits: true), ProbeAnswer(text: "Angry")"#,
    );
    assert_eq!(diagnostics(&source), vec![]);
}

#[test]
fn a_probe_without_a_fitting_answer() {
    let source =
        with_probe(r#"ProbeAnswer(text: "Angry"), ProbeAnswer(text: "Bored", fits: false)"#);
    let d = expect(
        &source,
        "probe-without-fitting-answer",
        r#"no answer to the probe at "open" fits"#,
        "answers: |[ProbeAnswer",
    );
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn a_probe_with_one_answer() {
    let source = with_probe(r#"ProbeAnswer(text: "Unsure", fits: true)"#);
    expect(
        &source,
        "too-few-probe-answers",
        r#"the probe at "open" offers 1 answer(s)"#,
        "answers: |[ProbeAnswer",
    );
}

#[test]
fn a_probe_where_every_answer_fits() {
    let source = with_probe(
        r#"ProbeAnswer(text: "Unsure", fits: true), ProbeAnswer(text: "Hopeful", fits: true)"#,
    );
    let d = expect(
        &source,
        "probe-without-distractor",
        "every answer to the probe",
        "answers: |[ProbeAnswer",
    );
    assert_eq!(d.severity, Severity::Warning);
}

// ----- mistakes from a word processor -----

#[test]
fn a_quotation_mark_inside_dialogue() {
    let source = edited(
        r#"says: "Good to see you.""#,
        r#"says: "Let's "grab coffee" sometime""#,
    );
    let d = expect(
        &source,
        "quote-inside-text",
        "the quotation mark before `grab` ends the text early",
        r#"Let's "|grab"#,
    );
    assert!(d.help.unwrap().contains(r#"write \" for a quotation mark"#));
}

#[test]
fn curly_quotes_from_a_word_processor() {
    let source = edited(r#"says: "Book a time.""#, "says: “Book a time.”");
    let d = expect(
        &source,
        "curly-quotes",
        "these are curly quotes from a word processor",
        "says:| “Book",
    );
    assert!(d.help.unwrap().contains(r#"straight quotes "...""#));
}

#[test]
fn a_unit_after_a_number() {
    let source = edited("time_limit: 30,", "time_limit: 30s,");
    expect(
        &source,
        "unit-after-number",
        "`30s`: write a number of seconds, 30",
        "30|s,",
    );
}

#[test]
fn a_decimal_where_a_whole_number_belongs() {
    let source = edited("estimated_minutes: 1,", "estimated_minutes: 7.5,");
    let d = expect(
        &source,
        "whole-number",
        "`7.5`: estimated_minutes is a whole number",
        "7|.5",
    );
    assert_eq!(d.help.as_deref(), Some("write 7 or 8"));
}

#[test]
fn a_comment_written_with_a_hash() {
    let source = format!("# A scenario for the class\n{}", fixture());
    let d = expect(
        &source,
        "hash-comment",
        "RON comments start with //, not #",
        "#",
    );
    assert!(d.help.unwrap().contains("//"));
}

#[test]
fn a_choice_left_open_before_the_next() {
    let source = edited(
        "source: \"Author (2000)\")),\n                        Choice(id: \"brief\"",
        "source: \"Author (2000)\"),\n                        Choice(id: \"brief\"",
    );
    let d = expect(
        &source,
        "unclosed-part",
        "a `Choice(` above is not closed before this `Choice(`",
        "Choice(id: \"brief\"",
    );
    assert!(d.help.unwrap().contains("),"));
}

#[test]
fn a_mistake_in_the_notation_says_that_checking_stopped_there() {
    let source = edited("time_limit: 30,", "time_limit: 30s,");
    let found = diagnostics(&source);
    assert_eq!(errors(&found), 1);
    let stopped = found.iter().find(|d| d.code == "stopped-here").unwrap();
    assert_eq!(stopped.severity, Severity::Note);
    assert_eq!(
        (stopped.line, stopped.column),
        (found[0].line, found[0].column)
    );
}

// ----- paths -----

#[test]
fn a_repaired_ending_no_path_reaches_through_a_repair() {
    // "late" reaches "good" (Repaired) by an answer that repairs nothing.
    let source = edited(
        r#"Choice(id: "close", says: "We will talk soon.", target: "cold","#,
        r#"Choice(id: "close", says: "We will talk soon.", target: "cold","#,
    )
    .replace(
        r#"Node(id: "good", ending: Ending(kind: Repaired, title: "Repaired")),"#,
        r#"Node(id: "good", ending: Ending(kind: Repaired, title: "Repaired")),
                Node(id: "only_warm", ending: Ending(kind: Repaired, title: "Warmly")),"#,
    )
    .replace(
        r#"Choice(id: "walk", says: "Let me walk you out.", target: "cold","#,
        r#"Choice(id: "walk", says: "Let me walk you out.", target: "only_warm","#,
    );
    let d = expect(
        &source,
        "repaired-without-repair",
        r#"the ending "only_warm" is marked Repaired, but no path reaches it through a repair"#,
        "kind: |Repaired, title: \"Warmly\"",
    );
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn a_deadline_before_its_act_begins() {
    let source = edited(r#"Deadline(at: "15:00""#, r#"Deadline(at: "14:30""#);
    let d = expect(
        &source,
        "deadline-never-passes",
        r#"the deadline at 14:30 ("Next client") can never pass: the act begins at 14:45"#,
        r#"at: |"14:30""#,
    );
    assert!(d.help.unwrap().contains("clock_start"));
}

#[test]
fn an_answer_a_deadline_always_takes_over_from() {
    // "open" is entered at 14:45 only; twenty minutes always pass 15:00.
    let source = edited(
        r#"target: "strained", rupture: Opens(Withdrawal), effects: {"distance": 3}"#,
        r#"target: "strained", minutes: 20, rupture: Opens(Withdrawal), effects: {"distance": 3}"#,
    );
    let d = expect(
        &source,
        "overridden-by-deadline",
        r#"the answer "cool" always runs past 15:00 ("Next client"), so play goes to "late" and never to "strained""#,
        r#"Choice(id: "cool", says: "Book a time.", target: |"strained""#,
    );
    assert_eq!(d.severity, Severity::Note, "running late can be the point");
    // An answer that ends the scenario is not taken over at the next moment.
    let ending = edited(
        r#"target: "good", effects: {"connection": 2}, quality: Skilled"#,
        r#"target: "good", minutes: 20, effects: {"connection": 2}, quality: Skilled"#,
    );
    assert!(
        !diagnostics(&ending)
            .iter()
            .any(|d| d.code == "overridden-by-deadline")
    );
}
