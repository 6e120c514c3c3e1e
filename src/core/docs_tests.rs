//! Every example in `docs/scenario-format.md` parses, so the guide cannot drift
//! from the code. A block fenced as ```` ```ron TYPE ```` is parsed as that type;
//! whole scenarios must also validate without errors. The tutorial (Part 1) walks
//! through the template `doorway new` writes: each of its blocks, typed or fenced
//! as ```` ```ron excerpt ````, is a piece of that template.

use serde::de::DeserializeOwned;

use super::load::{LoadOptions, load_str};
use super::model::{
    Act, Character, Choice, Deadline, DimensionDef, Ending, EntryPoint, Expectation, Feedback,
    Node, Timeout,
};
use super::template::scenario_template;

const GUIDE: &str = include_str!("../../docs/scenario-format.md");

/// The id the tutorial gives `doorway new`.
const TUTORIAL_ID: &str = "doorknob";

/// (info after the language, code, line where the block starts) for each block
/// of the guide fenced as `language`.
fn blocks(language: &str) -> Vec<(String, String, usize)> {
    blocks_in(GUIDE, 0, language)
}

/// As [`blocks`], in `text`, which starts after line `first_line` of the guide.
fn blocks_in(text: &str, first_line: usize, language: &str) -> Vec<(String, String, usize)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String, usize)> = None;
    for (number, line) in text.lines().enumerate() {
        let number = first_line + number;
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
            // A piece of the template, which is checked whole.
            "excerpt" => Ok(()),
            other => Err(format!(
                "unknown example type \"{other}\": write ```ron TYPE or ```ron excerpt"
            )),
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
    let codes = codes_in(source);
    assert!(codes.len() > 20, "found {codes:?}");
    for code in codes {
        assert!(
            GUIDE.contains(&format!("`{code}`")),
            "{code} is not documented in the guide"
        );
    }
}

/// The diagnostic codes in Rust `source`: words in double quotes made of
/// lowercase letters, digits and at least one hyphen.
fn codes_in(source: &str) -> Vec<&str> {
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
    codes
}

const COURSES: &str = include_str!("../../docs/courses.md");

#[test]
fn every_course_code_is_documented_in_the_courses_guide() {
    let source = concat!(
        include_str!("course/checks.rs"),
        include_str!("course/endpoint.rs"),
        include_str!("course/load.rs"),
    );
    let codes = codes_in(source);
    assert!(codes.len() >= 7, "found {codes:?}");
    for code in codes {
        assert!(
            COURSES.contains(&format!("| `{code}` |")),
            "{code} has no row in the table of docs/courses.md"
        );
    }
}

#[test]
fn every_example_in_the_courses_guide_reads_without_errors() {
    use super::course::{CourseSettings, known_scenario_ids, load_course_str};
    let ids = known_scenario_ids(std::path::Path::new("docs/examples"));
    let course_is_clean = |code: String| {
        let loaded = load_course_str("guide", code, &ids, LoadOptions::default());
        if loaded.report.diagnostics.is_empty() {
            Ok(())
        } else {
            Err(loaded.report.render_plain())
        }
    };
    let blocks = blocks_in(COURSES, 0, "ron");
    assert!(blocks.len() >= 6, "found only {} examples", blocks.len());
    for (kind, code, line) in blocks {
        let result = match kind.as_str() {
            "Course" => course_is_clean(code),
            "CourseSettings" => parses_as::<CourseSettings>(&code),
            // A field or two: read inside a course with the fields it needs.
            "excerpt" => {
                let title = if code.contains("title:") {
                    ""
                } else {
                    "title: \"T\","
                };
                let scenarios = if code.contains("scenarios:") {
                    ""
                } else {
                    "scenarios: [(id: \"drop-in\")],"
                };
                course_is_clean(format!("Course({title}{scenarios}\n{code})"))
            }
            other => Err(format!("unknown example type \"{other}\"")),
        };
        if let Err(error) = result {
            panic!("docs/courses.md, example at line {line} ({kind}):\n{error}");
        }
    }
}

#[test]
fn the_courses_guide_shows_the_example_course_file_as_it_is() {
    let example = include_str!("../../docs/examples/course.ron");
    let (_, without_comment) = example
        .split_once('\n')
        .expect("a comment, then the course");
    assert!(COURSES.contains(without_comment));
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

/// Part 1 of the guide, the tutorial, and the guide's line where it starts.
fn tutorial() -> (&'static str, usize) {
    let start = GUIDE.find("## Part 1.").expect("the guide has a Part 1");
    let end = GUIDE.find("## Part 2.").expect("the guide has a Part 2");
    (&GUIDE[start..end], GUIDE[..start].lines().count())
}

/// `line` without a `//` comment, the text in quotes kept as it is.
fn without_comment(line: &str) -> &str {
    let mut in_text = false;
    let mut escaped = false;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_text => escaped = true,
            '"' => in_text = !in_text,
            '/' if !in_text && previous == '/' => return &line[..i - 1],
            _ => {}
        }
        previous = c;
    }
    line
}

/// The lines of RON that say something, trimmed: comments and blank lines left out.
fn ron_lines(code: &str) -> Vec<&str> {
    code.lines()
        .map(|line| without_comment(line).trim())
        .filter(|line| !line.is_empty())
        .collect()
}

/// Whether `shown` is a run of `lines` from `start`; its last line may stop
/// short of the comma that follows it in a list.
fn run_at(lines: &[&str], start: usize, shown: &[&str]) -> bool {
    shown.iter().enumerate().all(|(i, line)| {
        lines.get(start + i).is_some_and(|actual| {
            actual == line || (i + 1 == shown.len() && *actual == format!("{line},"))
        })
    })
}

/// Where `excerpt` is found in `lines`, from `from` on: runs of lines separated
/// by `...`, in order. The line after the excerpt, or `None`.
fn find_excerpt(lines: &[&str], from: usize, excerpt: &[&str]) -> Option<usize> {
    let mut at = from;
    for run in excerpt.split(|line| *line == "...") {
        let start = (at..lines.len()).find(|&start| run_at(lines, start, run))?;
        at = start + run.len();
    }
    Some(at)
}

#[test]
fn an_excerpt_must_be_in_the_template_in_order() {
    let template = ["a(", "b: 1,", "c: 2,", "d: 3,", ")"];
    assert_eq!(find_excerpt(&template, 0, &["b: 1,", "c: 2,"]), Some(3));
    assert_eq!(
        find_excerpt(&template, 0, &["b: 1,", "...", "d: 3"]),
        Some(4)
    );
    assert_eq!(
        find_excerpt(&template, 0, &["b: 1,", "d: 3,"]),
        None,
        "not a run"
    );
    assert_eq!(
        find_excerpt(&template, 0, &["c: 2,", "...", "b: 1,"]),
        None,
        "out of order"
    );
    assert_eq!(
        find_excerpt(&template, 0, &["b: 1", "c: 2,"]),
        None,
        "a comma lost inside"
    );
    assert_eq!(without_comment(r#"a: "x // y", // z"#), r#"a: "x // y", "#);
    assert_eq!(
        without_comment(r#"a: "say \"hi\" // y" // z"#),
        r#"a: "say \"hi\" // y" "#
    );
}

#[test]
fn the_tutorial_shows_the_template_doorway_new_writes_in_order() {
    let template = scenario_template(TUTORIAL_ID);
    let template = ron_lines(&template);
    let (tutorial, first_line) = tutorial();
    let shown = blocks_in(tutorial, first_line, "ron");
    assert!(
        shown.len() >= 8,
        "the tutorial shows {} blocks",
        shown.len()
    );
    let mut from = 0;
    for (_, code, line) in shown {
        from = find_excerpt(&template, from, &ron_lines(&code)).unwrap_or_else(|| {
            panic!(
                "docs/scenario-format.md, the block at line {line} is not the next piece of \
                 assets/templates/new.scenario.ron (after `doorway new {TUTORIAL_ID}`)"
            )
        });
    }
}

#[test]
fn the_tutorial_explains_every_field_the_template_uses() {
    let template = scenario_template(TUTORIAL_ID);
    let (tutorial, _) = tutorial();
    let mut fields: Vec<&str> = ron_lines(&template)
        .into_iter()
        .flat_map(|line| line.split('"').step_by(2))
        .flat_map(|outside_text| {
            outside_text.split(|c: char| !c.is_alphanumeric() && c != '_' && c != ':')
        })
        .filter_map(|word| word.strip_suffix(':'))
        .filter(|field| !field.is_empty())
        .collect();
    fields.sort_unstable();
    fields.dedup();
    assert!(fields.len() > 40, "found only {fields:?}");
    for field in fields {
        assert!(
            tutorial.contains(&format!("`{field}`")),
            "Part 1 of docs/scenario-format.md never names `{field}`, which the template uses"
        );
    }
}
