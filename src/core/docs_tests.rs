//! Every example in `docs/scenario-format.md` parses, so the guide cannot drift
//! from the code. A block fenced as ```` ```ron TYPE ```` is parsed as that type;
//! whole scenarios must also validate without errors.

use serde::de::DeserializeOwned;

use super::load::{LoadOptions, load_str};
use super::model::{
    Act, Character, Choice, Deadline, DimensionDef, Ending, EntryPoint, Expectation, Feedback,
    Node, Timeout,
};

const GUIDE: &str = include_str!("../../docs/scenario-format.md");

/// (info after the language, code, line where the block starts) for each block
/// fenced as `language`.
fn blocks(language: &str) -> Vec<(String, String, usize)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String, usize)> = None;
    for (number, line) in GUIDE.lines().enumerate() {
        match &mut current {
            None => {
                let fence = format!("```{language}");
                if let Some(info) = line.strip_prefix(fence.as_str()) {
                    current = Some((info.trim().to_owned(), String::new(), number + 1));
                }
            }
            Some(_) if line.starts_with("```") => {
                blocks.push(current.take().expect("inside a block"));
            }
            Some((_, code, _)) => {
                code.push_str(line);
                code.push('\n');
            }
        }
    }
    blocks
}

fn parses_as<T: DeserializeOwned>(code: &str) -> Result<(), String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<T>(code)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn every_example_in_the_format_guide_parses() {
    let blocks = blocks("ron");
    assert!(blocks.len() >= 15, "found only {} examples", blocks.len());
    for (kind, code, line) in blocks {
        let result = match kind.as_str() {
            "Scenario" => {
                let loaded = load_str("guide", code.clone(), LoadOptions::default());
                if loaded.report.error_count() == 0 {
                    Ok(())
                } else {
                    Err(loaded.report.render_plain())
                }
            }
            "Act" => parses_as::<Act>(&code),
            "Character" => parses_as::<Character>(&code),
            "Choice" => parses_as::<Choice>(&code),
            "Deadline" => parses_as::<Deadline>(&code),
            "Dimension" => parses_as::<DimensionDef>(&code),
            "Ending" => parses_as::<Ending>(&code),
            "EntryPoint" => parses_as::<EntryPoint>(&code),
            "Expectation" => parses_as::<Expectation>(&code),
            "Feedback" => parses_as::<Feedback>(&code),
            "Node" => parses_as::<Node>(&code),
            "Timeout" => parses_as::<Timeout>(&code),
            other => Err(format!("unknown example type {other:?}: write ```ron TYPE")),
        };
        if let Err(error) = result {
            panic!("docs/scenario-format.md, example at line {line} ({kind}):\n{error}");
        }
    }
}

#[test]
fn every_play_script_in_the_guide_parses() {
    let scripts = blocks("text");
    assert!(!scripts.is_empty());
    for (_, code, line) in scripts {
        if let Err(error) = crate::core::script::parse_script(&code) {
            panic!("docs/scenario-format.md, script at line {line}: {error}");
        }
    }
}

#[test]
fn every_error_and_warning_code_is_documented() {
    let source = concat!(
        include_str!("validate/rules.rs"),
        include_str!("validate/lint.rs"),
        include_str!("validate/levels.rs"),
        include_str!("validate/citations.rs"),
        include_str!("validate/probes.rs"),
        include_str!("validate/paths.rs"),
        include_str!("syntax_causes.rs"),
        include_str!("load.rs")
    );
    let mut codes: Vec<&str> = source
        .match_indices('"')
        .filter_map(|(i, _)| {
            let rest = &source[i + 1..];
            let end = rest.find('"')?;
            let word = &rest[..end];
            let is_code = word.len() > 3
                && word.contains('-')
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit());
            is_code.then_some(word)
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(codes.len() > 20, "found {codes:?}");
    for code in codes {
        assert!(
            GUIDE.contains(&format!("`{code}`")),
            "{code} is not documented in the guide"
        );
    }
}

#[test]
fn the_instructors_guide_covers_every_shipped_scenario_and_ending() {
    // Words wrap across lines in the Markdown: compare with single spaces.
    let guide = include_str!("../../docs/scenarios.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (name, text) in crate::core::shipped::SHIPPED_SCENARIOS {
        let scenario = crate::core::load::load_str(
            name,
            (*text).to_owned(),
            crate::core::load::LoadOptions::default(),
        )
        .scenario
        .expect("it loads");
        assert!(
            guide.contains(&format!("## {}", scenario.title)),
            "docs/scenarios.md has no section for {}",
            scenario.title
        );
        for ending in scenario.nodes().filter_map(|n| n.ending.as_ref()) {
            assert!(
                guide.contains(&ending.title),
                "docs/scenarios.md does not mention the ending \"{}\" of {}",
                ending.title,
                scenario.title
            );
        }
    }
}
