//! One test per error and per warning: each asserts the code, the message and the
//! line and column where the problem is reported.

use crate::core::diagnostic::{Diagnostic, Severity, line_and_column};
use crate::core::load::{LoadOptions, load_str};

const FEEDBACK: &str = r#"Feedback(relational: "It does this.", client: "I feel that.", concept: "A concept.", source: "A source")"#;

/// A small scenario that validates with no errors and no warnings.
fn fixture() -> String {
    r#"Scenario(
    id: "fixture",
    title: "Fixture",
    version: "1",
    difficulty: Beginner,
    estimated_minutes: 1,
    characters: [Character(id: "sam", name: "Sam", role: Client)],
    start: "open",
    acts: [
        Act(id: "one", title: "One", clock_start: "14:45",
            deadlines: [Deadline(at: "15:00", label: "Next client", node: "late")],
            nodes: [
                Node(id: "open", speaker: "sam", text: "Hello.", time_limit: 30,
                    timeout: Timeout(target: "strained", rupture: Opens(Withdrawal), effects: {"connection": -1}, feedback: FB),
                    choices: [
                        Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, exemplar: true, feedback: FB),
                        Choice(id: "cool", says: "Book a time.", target: "strained", rupture: Opens(Withdrawal), effects: {"distance": 3}, feedback: FB),
                    ]),
                Node(id: "strained", text: "Silence.", choices: [
                    Choice(id: "mend", says: "I was abrupt.", target: "good", rupture: Repairs, effects: {"repair": 2}, feedback: FB),
                    Choice(id: "move_on", says: "Anyway.", target: "cold", effects: {"connection": -1}, feedback: FB),
                ]),
                Node(id: "late", text: "Your next client is here.", choices: [
                    Choice(id: "close", says: "We will talk soon.", target: "cold", effects: {"frame": 1}, feedback: FB),
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
        r#"Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, exemplar: true, feedback: Feedback(relational: "It does this.", client: "I feel that.","#,
        r#"Choice(id: "warm", says: "Good to see you.", target: "good", effects: {"connection": 2}, exemplar: true, feedback: Feedback(relational: "It does this.", client: "I feel that.", voice: "smm","#,
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
    let source = edited("exemplar: true", "exemplr: true");
    let d = expect(
        &source,
        "unknown-field",
        "unknown field `exemplr` in `Choice`",
        "exemplr",
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "exemplar"?"#));
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
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert!(found[0].line > 0, "located: {found:#?}");
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
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    for source in [
        format!("Scenario(id: {}", "(".repeat(100_000)),
        "{".repeat(100_000),
        "[".repeat(100_000),
    ] {
        assert_eq!(diagnostics(&source).len(), 1);
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
    assert_eq!(found.len(), 1, "{found:#?}");
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
        &format!(r#"effects: {{"frame": 1}}, feedback: {FEEDBACK}"#),
        r#"effects: {"frame": 1}"#,
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
        &format!(r#"effects: {{"frame": 1}}, feedback: {FEEDBACK}"#),
        r#"effects: {"frame": 1}, feedback: Feedback(relational: "Closes the door.")"#,
    );
    expect(
        &source,
        "incomplete-feedback",
        "lacks: client, concept, source",
        r#"Feedback(relational: "Closes"#,
    );
}

#[test]
fn no_exemplar() {
    let source = edited("exemplar: true, ", "");
    expect(
        &source,
        "no-exemplar",
        "no choice in the scenario is marked as an exemplar",
        r#""fixture""#,
    );
}

#[test]
fn rupture_without_a_path_to_repair() {
    let source = edited(
        r#"target: "good", rupture: Repairs"#,
        r#"target: "cold", rupture: Repairs"#,
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
    .replace("rupture: Repairs, ", "");
    expect(
        &source,
        "identical-effects",
        r#"every choice of "strained" has the same effects"#,
        "[\n                    Choice(id: \"mend\"",
    );
}

#[test]
fn text_too_long_to_read_in_its_time_limit() {
    let long = "word ".repeat(120);
    let source = edited(r#"text: "Hello.""#, &format!(r#"text: "{long}""#));
    let d = expect(
        &source,
        "too-long-to-read",
        "takes about 39 s at 200 words per minute, longer than its 30 s limit",
        "30,",
    );
    assert_eq!(d.severity, Severity::Warning);
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
        "exemplar: true,",
        r#"exemplar: true, tags: ["FIS:empaty", "3RS:any"],"#,
    );
    let d = expect(
        &source,
        "unknown-tag",
        r#""empaty" is not a Facilitative Interpersonal Skills item"#,
        r#""FIS:empaty""#,
    );
    assert_eq!(d.help.as_deref(), Some(r#"did you mean "empathy"?"#));
}
