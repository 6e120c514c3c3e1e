//! Doorway's xAPI statements against a real learning record store: the
//! practice attempts of every mode are exported with `doorway export --format
//! xapi`, posted, read back, and posted again without being stored twice.
//!
//! The store is named by `DOORWAY_LRS_URL`, `DOORWAY_LRS_USER` and
//! `DOORWAY_LRS_SECRET` (`.ci/run` starts Ralph on loopback and sets them; see
//! `scripts/lrs.sh`). Without them the test says it skipped, unless
//! `DOORWAY_REQUIRE_LRS=1`, when it fails. It speaks HTTP through `curl`, and
//! the secret reaches curl on its standard input, never on a command line, and
//! is never printed.

pub(crate) mod store;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use doorway::core::engine::{
    Confidence, Engine, FeedbackMode, Phase, PlayableScenario, PracticeMode, Settings,
};
use doorway::core::fis::{FisItem, SelfRating};
use doorway::core::load::{LoadOptions, load_file};
use doorway::core::store::{Attempt, AttemptStore};
use serde_json::Value;

use store::Lrs;

const FIXTURES: &str = "tests/fixtures";
const BASE_IRI: &str = "https://doorway.invalid";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn practice_scenario() -> Arc<PlayableScenario> {
    let loaded = load_file(
        &repo().join(FIXTURES).join("practice.scenario.ron"),
        LoadOptions::default(),
    );
    PlayableScenario::new(
        loaded
            .playable()
            .cloned()
            .expect("the practice fixture loads"),
    )
}

fn start(scenario: &Arc<PlayableScenario>, practice: PracticeMode) -> Engine {
    let settings = Settings {
        practice,
        feedback: FeedbackMode::Immediate,
        ask_confidence: true,
        ..Settings::default()
    };
    Engine::start(scenario, None, 9, settings)
        .expect("starts")
        .0
}

/// Goes on past the feedback, when there is feedback to read.
fn go_on(engine: &mut Engine) {
    if engine.reading_feedback() {
        engine.go_on().unwrap();
    }
}

fn rating(item: FisItem, score: u8) -> SelfRating {
    SelfRating { item, score }
}

/// What one practice attempt should bring back from the store.
struct Expected {
    name: &'static str,
    /// The own words at the door and whether none of the answers was close.
    words_at_door: Option<(&'static str, bool)>,
    time_ran_out: bool,
    /// Whether the noticing answer at the door fits.
    probe_fits: Option<bool>,
    confidence_at_door: Option<&'static str>,
}

/// The practice fixture played in each mode, with what to look for.
fn played(scenario: &Arc<PlayableScenario>) -> Vec<(Expected, Engine)> {
    let mut attempts = Vec::new();

    let mut said = start(scenario, PracticeMode::SayItFirst);
    said.tick(Duration::from_secs(11));
    said.submit_own_words("You came back. I'm glad. Come in.")
        .unwrap();
    said.choose("welcome").unwrap();
    said.confide(Some(Confidence::Sure)).unwrap();
    said.rate_own_words(
        0,
        vec![rating(FisItem::Warmth, 4), rating(FisItem::Empathy, 3)],
    )
    .unwrap();
    go_on(&mut said);
    said.tick(Duration::from_secs(8));
    said.submit_own_words("Take your time.").unwrap();
    said.set_none_close(true).unwrap();
    said.choose("rush").unwrap();
    said.confide(Some(Confidence::Unsure)).unwrap();
    said.rate_own_words(1, vec![rating(FisItem::AllianceBond, 2)])
        .unwrap();
    go_on(&mut said);
    said.choose("sit").unwrap();
    said.confide(None).unwrap();
    go_on(&mut said);
    attempts.push((
        Expected {
            name: "Say it first",
            words_at_door: Some(("You came back. I'm glad. Come in.", false)),
            time_ran_out: false,
            probe_fits: None,
            confidence_at_door: Some("sure"),
        },
        said,
    ));

    let mut ran_out = start(scenario, PracticeMode::SayItFirst);
    ran_out.tick(Duration::from_secs(5));
    ran_out.set_draft("I was just");
    ran_out.tick(Duration::from_secs(35));
    go_on(&mut ran_out);
    ran_out
        .submit_own_words("Stay as long as you like.")
        .unwrap();
    ran_out.choose("stay").unwrap();
    ran_out.confide(None).unwrap();
    go_on(&mut ran_out);
    ran_out.choose("sit").unwrap();
    ran_out.confide(None).unwrap();
    go_on(&mut ran_out);
    attempts.push((
        Expected {
            name: "Say it first, the time running out",
            words_at_door: Some(("I was just", false)),
            time_ran_out: true,
            probe_fits: None,
            confidence_at_door: None,
        },
        ran_out,
    ));

    for (pick, fits) in [(1, false), (0, true)] {
        let mut noticed = start(scenario, PracticeMode::NoticeFirst);
        noticed.tick(Duration::from_secs(6));
        noticed.answer_probe(pick).unwrap();
        if noticed.phase() == Phase::Noticed {
            noticed.see_answers().unwrap();
        }
        noticed.tick(Duration::from_secs(4));
        noticed.choose("cold").unwrap();
        noticed.confide(Some(Confidence::Unsure)).unwrap();
        go_on(&mut noticed);
        noticed.choose("stay").unwrap();
        noticed.confide(None).unwrap();
        go_on(&mut noticed);
        noticed.choose("sit").unwrap();
        noticed.confide(None).unwrap();
        go_on(&mut noticed);
        attempts.push((
            Expected {
                name: if fits {
                    "Notice first, fitting"
                } else {
                    "Notice first, not fitting"
                },
                words_at_door: None,
                time_ran_out: false,
                probe_fits: Some(fits),
                confidence_at_door: Some("unsure"),
            },
            noticed,
        ));
    }

    let mut chosen = start(scenario, PracticeMode::Choose);
    chosen.tick(Duration::from_secs(3));
    chosen.choose("limit").unwrap();
    chosen.confide(Some(Confidence::Sure)).unwrap();
    go_on(&mut chosen);
    chosen.choose("stay").unwrap();
    chosen.confide(None).unwrap();
    go_on(&mut chosen);
    chosen.choose("sit").unwrap();
    chosen.confide(None).unwrap();
    go_on(&mut chosen);
    attempts.push((
        Expected {
            name: "Choose, with confidence",
            words_at_door: None,
            time_ran_out: false,
            probe_fits: None,
            confidence_at_door: Some("sure"),
        },
        chosen,
    ));
    attempts
}

/// Saves the attempt and exports it with `doorway export --format xapi` into
/// a file; returns the file.
fn export(attempt: &Attempt, data: &Path) -> PathBuf {
    let saved = AttemptStore::in_data_folder(data)
        .save(attempt)
        .expect("the attempt is saved");
    let file = data.join(format!("{}.xapi.json", attempt.id));
    let output = Command::new(env!("CARGO_BIN_EXE_doorway"))
        .args(["export"])
        .arg(&saved)
        .args(["--format", "xapi", "--output"])
        .arg(&file)
        .args([
            "--scenario-folder",
            FIXTURES,
            "--actor-account",
            "lrs-test-trainee",
            "--base-iri",
            BASE_IRI,
            "--data-dir",
        ])
        .arg(data)
        .current_dir(repo())
        .output()
        .expect("the doorway binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    file
}

fn extension(name: &str) -> String {
    format!("{BASE_IRI}/xapi/extensions/{name}")
}

/// The statements whose object is the given activity.
fn about<'a>(statements: &'a [Value], activity: &str) -> Vec<&'a Value> {
    statements
        .iter()
        .filter(|s| s["object"]["id"] == activity)
        .collect()
}

/// Statements as a JSON array, for a failure message.
fn listed(statements: &[&Value]) -> String {
    Value::from(statements.iter().map(|s| (*s).clone()).collect::<Vec<_>>()).to_string()
}

fn ids(statements: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = statements
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_owned())
        .collect();
    ids.sort_unstable();
    ids
}

/// One attempt's exported statements, with what to look for.
struct Exported {
    expected: Expected,
    file: PathBuf,
    statements: Vec<Value>,
    registration: String,
}

#[test]
fn practice_statements_round_trip_through_a_real_learning_record_store() {
    let Some(lrs) = Lrs::from_environment("lrs::practice_statements_round_trip") else {
        return;
    };
    let scenario = practice_scenario();
    let data = tempfile::tempdir().expect("a temporary folder");
    let exported: Vec<Exported> = played(&scenario)
        .into_iter()
        .map(|(expected, engine)| {
            let attempt = Attempt::new(&scenario.scenario().title, engine.transcript().clone());
            let file = export(&attempt, data.path());
            let statements: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let registration = statements[0]["context"]["registration"]
                .as_str()
                .expect("a registration")
                .to_owned();
            Exported {
                expected,
                file,
                statements,
                registration,
            }
        })
        .collect();

    // Every attempt in one POST: Ralph's file-system backend takes one write of
    // new statements (scripts/lrs.sh starts it afresh for each test run).
    let all: Vec<&Value> = exported.iter().flat_map(|e| &e.statements).collect();
    let batch = data.path().join("all.xapi.json");
    std::fs::write(&batch, serde_json::to_vec(&all).unwrap()).unwrap();
    let posted = lrs.statements(Some(&batch), &[]);
    assert_eq!(
        posted.status, 200,
        "POST answered {} (a Ralph with the file-system backend that has already taken statements answers 500: start it afresh)",
        posted.body
    );
    let stored: Vec<String> = serde_json::from_value(posted.json()).expect("a list of ids");
    let sent: Vec<String> = all
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(stored, sent, "the store keeps Doorway's ids");

    for attempt in &exported {
        check_came_back(&lrs, attempt);
    }

    let again = lrs.statements(Some(&batch), &[]);
    assert!(
        again.status == 204 || again.status == 200,
        "the second POST answered {}: {}",
        again.status,
        again.body
    );
    for attempt in &exported {
        let name = attempt.expected.name;
        // One attempt's export posted again on its own, as a user would.
        let one = lrs.statements(Some(&attempt.file), &[]);
        assert!(
            one.status == 204 || one.status == 200,
            "{name}: posting the export again answered {}: {}",
            one.status,
            one.body
        );
        let after =
            lrs.all_statements(&[("registration", &attempt.registration), ("limit", "100")]);
        assert_eq!(
            ids(&after),
            ids(&attempt.statements),
            "{name}: posting again stored nothing twice"
        );
    }
}

/// Reads an attempt's statements back by its registration and checks the own
/// words, the noticing answer and the confidence came back.
fn check_came_back(lrs: &Lrs, attempt: &Exported) {
    let name = attempt.expected.name;
    let expected = &attempt.expected;
    let door = format!("{BASE_IRI}/scenarios/practice/nodes/door");
    // By registration, in pages of 4 (following the `more` links). Ralph 5.1's
    // file-system backend finds nothing by `verb` (it compares the stored id
    // with a parsed IRI object; scripts/ralph_append.py mends that for
    // `activity` only), so the activities are picked out here.
    let back = lrs.all_statements(&[("registration", &attempt.registration), ("limit", "4")]);
    assert_eq!(
        ids(&back),
        ids(&attempt.statements),
        "{name}: every statement came back"
    );

    let words = about(&back, &format!("{door}/own-words"));
    match expected.words_at_door {
        Some((text, none_close)) => {
            let [words] = &words[..] else {
                panic!(
                    "{name}: one statement of own words at the door: {}",
                    listed(&words)
                )
            };
            let definition = &words["object"]["definition"];
            assert_eq!(definition["interactionType"], "fill-in", "{name}");
            let result = &words["result"];
            assert_eq!(result["response"], text, "{name}: the words came back");
            assert_eq!(
                result["extensions"][extension("none-close").as_str()],
                none_close,
                "{name}"
            );
            assert_eq!(
                result["extensions"][extension("timed-out").as_str()],
                expected.time_ran_out,
                "{name}"
            );
            if !expected.time_ran_out {
                assert_eq!(
                    result["extensions"][extension("self-ratings").as_str()],
                    serde_json::json!({"warmth": 4, "empathy": 3}),
                    "{name}: the self-ratings came back"
                );
            }
        }
        None => assert!(words.is_empty(), "{name}: no own words"),
    }

    let probes = about(&back, &format!("{door}/probe"));
    match expected.probe_fits {
        Some(fits) => {
            let [probe] = &probes[..] else {
                panic!(
                    "{name}: one noticing statement at the door: {}",
                    listed(&probes)
                )
            };
            let definition = &probe["object"]["definition"];
            assert_eq!(definition["interactionType"], "choice", "{name}");
            assert_eq!(
                definition["correctResponsesPattern"],
                serde_json::json!(["answer-0", "answer-2"]),
                "{name}"
            );
            assert_eq!(
                probe["result"]["success"], fits,
                "{name}: the noticing answer's success came back"
            );
        }
        None => assert!(probes.is_empty(), "{name}: no noticing question"),
    }

    let answer = about(&back, &door);
    let [answer] = &answer[..] else {
        panic!("{name}: one answer at the door")
    };
    let confidence = answer["result"]["extensions"].get(extension("confidence").as_str());
    assert_eq!(
        confidence.and_then(Value::as_str),
        expected.confidence_at_door,
        "{name}: the confidence came back"
    );
    if expected.time_ran_out {
        assert!(
            answer["result"].get("response").is_none(),
            "{name}: a timeout has no response"
        );
    }
}
