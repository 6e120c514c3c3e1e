//! Property tests: whatever bytes arrive, loading, validating, analysing,
//! drawing and playing a scenario (as a draft, errors and all) report problems
//! and never panic; so does reading a course file.

use std::sync::Arc;
use std::time::Duration;

use proptest::prelude::*;

use super::analysis::analyse;
use super::course::load_course_str;
use super::engine::{Engine, PlayableScenario, Settings};
use super::graph_export::{GraphFormat, render_graph};
use super::load::{LoadOptions, load_str};
use super::source_map::SourceMap;
use super::template::scenario_template;

/// Runs everything that reads scenario text; panics are what the tests look for.
fn exercise(text: String) {
    let _ = SourceMap::build(&text);
    let loaded = load_str("mutated.scenario.ron", text, LoadOptions::default());
    let _ = loaded.report.render_plain();
    if let Some(scenario) = &loaded.scenario {
        let _ = analyse(scenario);
        let _ = render_graph(scenario, GraphFormat::Dot);
        let _ = render_graph(scenario, GraphFormat::Mermaid);
    }
    if let Ok(playable) = loaded.draft() {
        walk(&playable);
    }
}

/// Plays a draft on, taking the first answer that can be chosen, letting
/// the time pass where none can, a while at each moment.
fn walk(playable: &Arc<PlayableScenario>) {
    let Ok((mut engine, _)) = Engine::start(playable, None, 1, Settings::default()) else {
        return;
    };
    for _ in 0..40 {
        let _ = engine.tick(Duration::from_secs(5));
        let _ = engine.go_on();
        let first = engine
            .shown_choices()
            .into_iter()
            .find(|c| c.can_be_chosen());
        let _ = match first {
            Some(choice) => engine.choose(&choice.id),
            None => engine.let_time_run_out(),
        };
        let _ = engine.go_on();
    }
}

/// One edit to a text: delete, insert or duplicate a slice.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fragments = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "'",
        "//",
        "/*",
        "*/",
        "r#\"",
        "Some(",
        "None",
        "-",
        "1e99",
        "NaN",
        "inf",
        "999999999999",
        "\u{e9}",
        "\u{1F600}",
        "\\",
        "\n",
        "id: \"x\",",
        "target: \"doorknob\",",
        "ending: Ending(kind: Repaired, title: \"t\"),",
    ]);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), fragments).prop_map(|(at, text)| Mutation::Insert {
            at,
            text: text.to_owned()
        }),
        (any::<usize>(), 1usize..400).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

/// Applies a mutation at char boundaries, so the result stays valid UTF-8.
fn apply(text: &mut String, mutation: &Mutation) {
    let boundary = |text: &str, at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len);
            text.replace_range(start..end.max(start), "");
        }
        Mutation::Insert { at, text: fragment } => {
            let at = boundary(text, *at);
            text.insert_str(at, fragment);
        }
        Mutation::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len).max(start);
            let slice = text[start..end].to_owned();
            text.insert_str(end, &slice);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        exercise(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn mutated_courses_never_panic(mutations in prop::collection::vec(mutation(), 1..8)) {
        let mut text = include_str!("../../docs/examples/course.ron").to_owned();
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        let ids = ["drop-in".to_owned()];
        let loaded = load_course_str("course.ron", text, &ids, LoadOptions::default());
        let _ = loaded.report.render_plain();
    }

    #[test]
    fn mutated_scenarios_never_panic(mutations in prop::collection::vec(mutation(), 1..8)) {
        let mut text = scenario_template("mutated");
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        exercise(text);
    }
}
