//! Every statement is checked against what xAPI 1.0.3 requires of its fields and
//! their types (Data section 2.4), and against Doorway's own rules: no
//! `correctResponsesPattern` and no `success` on an answer to a moment, only on
//! an answer to a noticing question, whose author marked the answers that fit.

use serde_json::Value;

use super::*;
use crate::core::engine::{Engine, PracticeMode, Settings};
use crate::core::export::tests::{fixed_attempt, noticed_first_attempt, said_first_attempt};
use crate::core::fis::{FisItem, SelfRating};
use crate::core::store::Attempt;

fn options() -> XapiOptions {
    XapiOptions {
        actor: Actor::anonymous("doorway-0123456789abcdef", DEFAULT_BASE_IRI),
        base_iri: DEFAULT_BASE_IRI.to_owned(),
    }
}

fn statements_of(
    attempt: &Attempt,
    scenario: &crate::core::engine::PlayableScenario,
) -> Vec<Value> {
    statements(ExportSource { attempt, scenario }, &options())
}

/// A UUID in hyphenated form, name-based (version 5) with the RFC variant.
fn is_uuid(value: &Value) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| {
            g.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
        && text.as_bytes()[14] == b'5'
        && matches!(text.as_bytes()[19], b'8' | b'9' | b'a' | b'b')
}

/// An absolute IRI: a scheme, a colon, and no spaces.
fn is_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_bytes = scheme.bytes();
    scheme_bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && scheme_bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        && !rest.is_empty()
        && !text.contains(char::is_whitespace)
}

fn is_language_map(value: &Value) -> bool {
    value.as_object().is_some_and(|map| {
        !map.is_empty()
            && map.iter().all(|(tag, text)| {
                !tag.is_empty()
                    && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && text.is_string()
            })
    })
}

/// ISO 8601 duration as xAPI writes it: PT, then hours, minutes, seconds.
fn is_duration(value: &Value) -> bool {
    let Some(rest) = value.as_str().and_then(|d| d.strip_prefix("PT")) else {
        return false;
    };
    let mut rest = rest;
    let mut any = false;
    for unit in ['H', 'M', 'S'] {
        if let Some((number, after)) = rest.split_once(unit) {
            let ok = if unit == 'S' {
                number.parse::<f64>().is_ok()
            } else {
                number.parse::<u64>().is_ok()
            };
            assert!(ok, "bad {unit} in {value}");
            rest = after;
            any = true;
        }
    }
    any && rest.is_empty()
}

fn check_actor(actor: &Value) {
    assert_eq!(actor["objectType"], "Agent");
    let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .filter(|k| actor.get(**k).is_some())
        .count();
    assert_eq!(identifiers, 1, "exactly one identifier: {actor}");
    if let Some(mbox) = actor.get("mbox") {
        assert!(mbox.as_str().unwrap().starts_with("mailto:"));
    }
    if let Some(account) = actor.get("account") {
        assert!(is_iri(account["homePage"].as_str().unwrap()));
        assert!(!account["name"].as_str().unwrap().is_empty());
    }
    if let Some(name) = actor.get("name") {
        assert!(name.is_string());
    }
}

fn check_activity(activity: &Value) {
    assert_eq!(activity["objectType"], "Activity");
    assert!(is_iri(activity["id"].as_str().unwrap()), "{activity}");
    let definition = &activity["definition"];
    assert!(is_language_map(&definition["name"]));
    assert!(is_language_map(&definition["description"]));
    assert!(is_iri(definition["type"].as_str().unwrap()));
    let is_probe = activity["id"].as_str().unwrap().ends_with("/probe");
    match definition.get("correctResponsesPattern") {
        Some(patterns) => {
            assert!(is_probe, "only a noticing question has correct responses");
            let ids: Vec<&str> = definition["choices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap())
                .collect();
            let patterns = patterns.as_array().expect("an array of patterns");
            assert!(!patterns.is_empty());
            for pattern in patterns {
                // A choice pattern is a list of choice ids delimited by "[,]".
                let pattern = pattern.as_str().expect("each pattern is a string");
                assert!(
                    pattern.split("[,]").all(|id| ids.contains(&id)),
                    "{pattern}"
                );
            }
        }
        None => assert!(!is_probe, "a noticing question names the answers that fit"),
    }
    match definition.get("interactionType").and_then(Value::as_str) {
        None => {}
        Some("choice") => {
            let choices = definition["choices"].as_array().expect("choices");
            assert!(!choices.is_empty());
            for choice in choices {
                assert!(choice["id"].as_str().is_some_and(|id| !id.contains(' ')));
                assert!(is_language_map(&choice["description"]));
            }
        }
        Some("fill-in") => {
            assert!(definition.get("choices").is_none(), "{activity}");
        }
        Some(other) => panic!("an interaction type Doorway does not write: {other}"),
    }
}

fn check_extensions(extensions: &Value) {
    let map = extensions.as_object().expect("extensions are an object");
    assert!(map.keys().all(|key| is_iri(key)), "{extensions}");
}

fn check_statement(statement: &Value) {
    assert!(is_uuid(&statement["id"]), "{}", statement["id"]);
    assert_eq!(statement["version"], XAPI_VERSION);
    check_actor(&statement["actor"]);
    let verb = &statement["verb"];
    assert!(is_iri(verb["id"].as_str().unwrap()));
    assert!(is_language_map(&verb["display"]));
    check_activity(&statement["object"]);
    let timestamp = statement["timestamp"].as_str().unwrap();
    assert!(
        OffsetDateTime::parse(timestamp, &Rfc3339).is_ok(),
        "{timestamp}"
    );
    if let Some(result) = statement.get("result") {
        let is_probe = statement["object"]["id"]
            .as_str()
            .unwrap()
            .ends_with("/probe");
        match result.get("success") {
            Some(success) => assert!(is_probe && success.is_boolean(), "{statement}"),
            None => assert!(!is_probe, "a noticing answer fits or not"),
        }
        if let Some(duration) = result.get("duration") {
            assert!(is_duration(duration), "{duration}");
        }
        if let Some(response) = result.get("response") {
            assert!(response.is_string());
        }
        if let Some(completion) = result.get("completion") {
            assert!(completion.is_boolean());
        }
        if let Some(score) = result.get("score") {
            let scaled = score["scaled"].as_f64().unwrap();
            assert!((-1.0..=1.0).contains(&scaled));
            let (raw, min, max) = (
                score["raw"].as_f64().unwrap(),
                score["min"].as_f64().unwrap(),
                score["max"].as_f64().unwrap(),
            );
            assert!(min < max && (min..=max).contains(&raw));
        }
        if let Some(extensions) = result.get("extensions") {
            check_extensions(extensions);
        }
    }
    let context = &statement["context"];
    assert!(is_uuid(&context["registration"]));
    assert!(context["platform"].is_string() && context["revision"].is_string());
    assert!(context["language"].is_string());
    check_extensions(&context["extensions"]);
    if let Some(activities) = context.get("contextActivities") {
        for (kind, list) in activities.as_object().unwrap() {
            assert!(["parent", "grouping", "category", "other"].contains(&kind.as_str()));
            list.as_array().unwrap().iter().for_each(check_activity);
        }
    }
}

#[test]
fn every_statement_has_the_fields_and_types_the_specification_requires() {
    let (scenario, attempt) = fixed_attempt();
    let statements = statements_of(&attempt, &scenario);
    statements.iter().for_each(check_statement);
    let mut ids: Vec<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), statements.len(), "statement ids are unique");
}

#[test]
fn the_statements_follow_the_attempt() {
    let (scenario, attempt) = fixed_attempt();
    let statements = statements_of(&attempt, &scenario);
    let verbs: Vec<&str> = statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    let steps = attempt.transcript.steps.len();
    let mut expected = vec!["launched", "initialized"];
    expected.extend(std::iter::repeat_n("answered", steps));
    expected.extend(["completed", "terminated"]);
    assert_eq!(verbs, expected);

    let registration = &statements[0]["context"]["registration"];
    assert!(
        statements
            .iter()
            .all(|s| &s["context"]["registration"] == registration)
    );
    for (statement, step) in statements[2..].iter().zip(&attempt.transcript.steps) {
        let Response::Choice(choice) = &step.response else {
            panic!("the fixed attempt answers every step")
        };
        assert_eq!(statement["result"]["response"], choice.as_str());
        assert!(
            statement["object"]["id"]
                .as_str()
                .unwrap()
                .ends_with(&step.node)
        );
        let parent = &statement["context"]["contextActivities"]["parent"][0]["id"];
        assert_eq!(parent, &statements[0]["object"]["id"]);
        let shown: Vec<&str> = statement["object"]["definition"]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(shown, step.shown_choices);
        assert!(
            statement["result"].get("score").is_none(),
            "no score per step"
        );
    }
    let completed = &statements[statements.len() - 2]["result"];
    let connection = attempt.transcript.steps.last().unwrap().state_after.values["connection"];
    assert_eq!(completed["score"]["raw"], connection);
    assert_eq!(completed["score"]["scaled"], f64::from(connection) / 10.0);
}

#[test]
fn each_answer_carries_its_level_and_no_success() {
    let (scenario, attempt) = fixed_attempt();
    let statements = statements_of(&attempt, &scenario);
    let quality = format!("{DEFAULT_BASE_IRI}/xapi/extensions/quality");
    for (statement, step) in statements[2..].iter().zip(&attempt.transcript.steps) {
        let result = &statement["result"];
        assert!(result.get("success").is_none(), "{result}");
        let expected = serde_json::to_value(step.quality).unwrap();
        assert_eq!(result["extensions"][quality.as_str()], expected);
    }
    assert!(
        attempt.transcript.steps.iter().any(|s| s.quality.is_some()),
        "the fixed attempt has answers with a level"
    );
}

#[test]
fn a_timeout_is_answered_without_a_response_and_marked() {
    let (scenario, mut attempt) = fixed_attempt();
    let (mut engine, _) = crate::core::engine::Engine::start(
        &scenario,
        None,
        1,
        crate::core::engine::Settings::default(),
    )
    .unwrap();
    engine.respond_with(&Response::Timeout).unwrap();
    attempt.transcript = engine.transcript().clone();
    let statements = statements_of(&attempt, &scenario);
    statements.iter().for_each(check_statement);
    let answered = &statements[2]["result"];
    assert!(answered.get("response").is_none());
    let timed_out = format!("{DEFAULT_BASE_IRI}/xapi/extensions/timed-out");
    assert_eq!(answered["extensions"][timed_out.as_str()], true);
    let last = statements.last().unwrap();
    assert_eq!(last["verb"]["display"]["en-US"], "terminated");
    assert!(
        statements
            .iter()
            .all(|s| s["verb"]["display"]["en-US"] != "completed"),
        "an abandoned attempt is not completed"
    );
}

#[test]
fn exporting_twice_gives_the_same_statements_and_attempts_differ() {
    let (scenario, attempt) = fixed_attempt();
    let first = statements_of(&attempt, &scenario);
    assert_eq!(first, statements_of(&attempt, &scenario));
    let other = Attempt {
        id: "1764318001-00000001".to_owned(),
        ..attempt.clone()
    };
    let second = statements_of(&other, &scenario);
    assert_ne!(first[0]["id"], second[0]["id"]);
    assert_ne!(
        first[0]["context"]["registration"],
        second[0]["context"]["registration"]
    );
}

/// The ids an LRS has already stored must come out the same from every later
/// version (checked against Python's `uuid.uuid5` with the same namespace and
/// names).
#[test]
fn statement_and_registration_ids_are_version_5_uuids_that_never_change() {
    let (scenario, attempt) = fixed_attempt();
    assert_eq!(attempt.id, "1764318000-0badcafe");
    let statements = statements_of(&attempt, &scenario);
    assert_eq!(
        statements[0]["id"], "a6ffdc39-e9e6-580e-99c2-0a9f5cff7bb9",
        "the first statement's id"
    );
    assert_eq!(
        statements[0]["context"]["registration"],
        "ef783ae2-f012-5f2a-a9fc-ecf4430f9b4c"
    );
    assert!(statements.iter().all(|s| is_uuid(&s["id"])));
    let old_style = Value::from("a6ffdc39-e9e6-480e-99c2-0a9f5cff7bb9");
    assert!(!is_uuid(&old_style), "a version 4 id is not accepted");
}

#[test]
fn a_named_actor_carries_a_mailbox() {
    let (scenario, attempt) = fixed_attempt();
    let options = XapiOptions {
        actor: Actor::Email {
            name: Some("Sam Trainee".to_owned()),
            email: "sam@example.edu".to_owned(),
        },
        base_iri: "https://lms.example.edu/doorway/".to_owned(),
    };
    let statements = statements(
        ExportSource {
            attempt: &attempt,
            scenario: &scenario,
        },
        &options,
    );
    statements.iter().for_each(check_statement);
    assert_eq!(statements[0]["actor"]["mbox"], "mailto:sam@example.edu");
    assert_eq!(statements[0]["actor"]["name"], "Sam Trainee");
    assert!(
        statements[0]["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with("https://lms.example.edu/doorway/scenarios/"),
        "the base is used without a doubled slash"
    );
}

#[test]
fn durations_are_written_in_iso_8601() {
    assert_eq!(iso_duration(0.0), "PT0.00S");
    assert_eq!(iso_duration(3.456), "PT3.46S");
    assert_eq!(iso_duration(65.0), "PT1M5.00S");
    assert_eq!(iso_duration(3600.0), "PT1H");
    assert_eq!(iso_duration(3725.5), "PT1H2M5.50S");
    assert!(is_duration(&Value::from(iso_duration(59.999))));
}

/// The statements about the step at `node` whose object is the moment itself
/// or the part of it named by `part` (`""`, `"/own-words"`, `"/probe"`).
fn about<'a>(statements: &'a [Value], node: &str, part: &str) -> Vec<&'a Value> {
    let ending = format!("/nodes/{node}{part}");
    statements
        .iter()
        .filter(|s| s["object"]["id"].as_str().unwrap().ends_with(&ending))
        .collect()
}

fn extension(name: &str) -> String {
    format!("{DEFAULT_BASE_IRI}/xapi/extensions/{name}")
}

/// The attempt without anything the practice modes keep, as Choose play
/// would have left it.
fn without_practice(attempt: &Attempt) -> Attempt {
    let mut plain = attempt.clone();
    for step in &mut plain.transcript.steps {
        step.own_words = None;
        step.probe = None;
        step.confidence = None;
        step.self_ratings.clear();
    }
    plain
}

#[test]
fn practice_attempts_have_the_fields_and_types_the_specification_requires() {
    for (scenario, attempt) in [
        said_first_attempt(),
        noticed_first_attempt(0),
        noticed_first_attempt(1),
    ] {
        let statements = statements_of(&attempt, &scenario);
        statements.iter().for_each(check_statement);
        let mut ids: Vec<&str> = statements
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), statements.len(), "statement ids are unique");
        assert_eq!(
            statements,
            statements_of(&attempt, &scenario),
            "the same statements every time"
        );
    }
}

#[test]
fn own_words_are_a_fill_in_answer_with_the_self_ratings_and_the_none_close_flag() {
    let (scenario, attempt) = said_first_attempt();
    let statements = statements_of(&attempt, &scenario);
    let verbs: Vec<&str> = statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    assert_eq!(
        verbs,
        [
            "launched",
            "initialized",
            "answered",
            "answered",
            "answered",
            "answered",
            "answered",
            "completed",
            "terminated"
        ],
        "own words at the door and the hall, then the three answers"
    );
    let door = about(&statements, "door", "/own-words");
    let [words] = door[..] else {
        panic!("one statement of own words at the door")
    };
    assert_eq!(
        words["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/answered"
    );
    assert_eq!(
        words["object"]["id"],
        format!("{DEFAULT_BASE_IRI}/scenarios/practice/nodes/door/own-words")
    );
    let definition = &words["object"]["definition"];
    assert_eq!(definition["interactionType"], "fill-in");
    assert_eq!(
        definition["type"],
        "http://adlnet.gov/expapi/activities/cmi.interaction"
    );
    assert_eq!(definition["description"]["en"], "Door zero");
    let result = &words["result"];
    assert_eq!(result["response"], "You came back. I'm glad. Come in.");
    assert_eq!(result["duration"], "PT12.50S");
    assert_eq!(
        result["extensions"][extension("self-ratings").as_str()],
        serde_json::json!({"warmth": 4, "empathy": 3})
    );
    assert_eq!(
        result["extensions"][extension("none-close").as_str()],
        false
    );
    assert_eq!(result["extensions"][extension("timed-out").as_str()], false);

    let position = |statement: &Value| statements.iter().position(|s| s == statement).unwrap();
    let answer = about(&statements, "door", "")[0];
    assert_eq!(
        position(answer),
        position(words) + 1,
        "the words come just before the answer picked as closest"
    );
    assert_eq!(answer["timestamp"], words["timestamp"]);
    assert_eq!(answer["result"]["response"], "welcome");
    assert!(
        answer["result"]["extensions"]
            .get(extension("self-ratings").as_str())
            .is_none(),
        "the ratings are of the words, so they travel with them"
    );

    let hall = about(&statements, "hall", "/own-words")[0];
    let result = &hall["result"];
    assert_eq!(result["response"], "Stay a moment.\nThere is no rush.");
    assert_eq!(result["extensions"][extension("none-close").as_str()], true);
    assert_eq!(
        result["extensions"][extension("self-ratings").as_str()],
        serde_json::json!({"alliance-bond": 2})
    );
    assert!(about(&statements, "chair", "/own-words").is_empty());
}

#[test]
fn the_words_the_time_ran_out_on_are_kept_and_marked() {
    let (scenario, mut attempt) = said_first_attempt();
    let settings = Settings {
        practice: PracticeMode::SayItFirst,
        ..Settings::default()
    };
    let (mut engine, _) = Engine::start(&scenario, None, 1, settings).unwrap();
    engine.set_draft("I was just");
    engine.tick(std::time::Duration::from_secs(40));
    attempt.transcript = engine.transcript().clone();
    let statements = statements_of(&attempt, &scenario);
    statements.iter().for_each(check_statement);
    let words = &about(&statements, "door", "/own-words")[0]["result"];
    assert_eq!(words["response"], "I was just");
    assert_eq!(words["duration"], "PT40.00S");
    assert_eq!(words["extensions"][extension("timed-out").as_str()], true);
    let answer = &about(&statements, "door", "")[0]["result"];
    assert!(answer.get("response").is_none());
    assert_eq!(answer["extensions"][extension("timed-out").as_str()], true);
}

#[test]
fn a_noticing_answer_is_a_choice_whose_fitting_answers_are_each_a_correct_response() {
    let (scenario, attempt) = noticed_first_attempt(1);
    let statements = statements_of(&attempt, &scenario);
    let [probe] = about(&statements, "door", "/probe")[..] else {
        panic!("one noticing statement at the door")
    };
    assert_eq!(
        probe["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/answered"
    );
    let definition = &probe["object"]["definition"];
    assert_eq!(definition["interactionType"], "choice");
    assert_eq!(definition["description"]["en"], "What is Cal feeling?");
    assert_eq!(
        definition["choices"],
        serde_json::json!([
            {"id": "answer-0", "description": {"en": "Hopeful and unsure"}},
            {"id": "answer-1", "description": {"en": "Angry"}},
            {"id": "answer-2", "description": {"en": "Embarrassed to ask"}},
        ]),
        "in written order, whatever order they were shown in"
    );
    assert_eq!(
        definition["correctResponsesPattern"],
        serde_json::json!(["answer-0", "answer-2"])
    );
    let result = &probe["result"];
    assert_eq!(result["response"], "answer-1");
    assert_eq!(result["success"], false);
    assert_eq!(result["duration"], "PT7.00S");
    let answer = about(&statements, "door", "")[0];
    let position = |statement: &Value| statements.iter().position(|s| s == statement).unwrap();
    assert_eq!(position(answer), position(probe) + 1);
    assert!(
        about(&statements, "hall", "/probe").is_empty(),
        "no question at the hall"
    );

    let (scenario, fitting) = noticed_first_attempt(0);
    let statements = statements_of(&fitting, &scenario);
    let result = &about(&statements, "door", "/probe")[0]["result"];
    assert_eq!(result["response"], "answer-0");
    assert_eq!(result["success"], true);
}

#[test]
fn confidence_travels_with_the_answer_it_was_given_for() {
    let (scenario, attempt) = noticed_first_attempt(1);
    let statements = statements_of(&attempt, &scenario);
    let confidence = |node: &str| {
        about(&statements, node, "")[0]["result"]["extensions"]
            .get(extension("confidence").as_str())
            .cloned()
    };
    assert_eq!(confidence("door"), Some(Value::from("sure")));
    assert_eq!(confidence("hall"), Some(Value::from("unsure")));
    assert_eq!(confidence("chair"), None, "not rated");
}

#[test]
fn self_ratings_without_own_words_travel_with_the_answer() {
    let (scenario, mut attempt) = noticed_first_attempt(1);
    attempt.transcript.steps[1].self_ratings = vec![SelfRating {
        item: FisItem::AllianceBond,
        score: 5,
    }];
    let statements = statements_of(&attempt, &scenario);
    let result = &about(&statements, "hall", "")[0]["result"];
    assert_eq!(
        result["extensions"][extension("self-ratings").as_str()],
        serde_json::json!({"alliance-bond": 5})
    );
}

/// A learning record store that kept an attempt's statements keeps them once
/// when the practice statements come along: every statement Choose play
/// would have had keeps its id and its content (less the confidence), and the
/// practice statements' ids come from their steps.
#[test]
fn practice_statements_leave_the_other_statements_and_their_ids_as_they_were() {
    for (scenario, attempt) in [said_first_attempt(), noticed_first_attempt(1)] {
        let with = statements_of(&attempt, &scenario);
        let plain = statements_of(&without_practice(&attempt), &scenario);
        let kept: Vec<&Value> = with
            .iter()
            .filter(|s| {
                let id = s["object"]["id"].as_str().unwrap();
                !id.ends_with("/own-words") && !id.ends_with("/probe")
            })
            .collect();
        assert_eq!(kept.len(), plain.len());
        assert!(kept.len() < with.len(), "there are practice statements");
        for (kept, plain) in kept.into_iter().zip(&plain) {
            assert_eq!(kept["id"], plain["id"]);
            let mut kept = kept.clone();
            if let Some(extensions) = kept
                .get_mut("result")
                .and_then(|result| result.get_mut("extensions"))
                .and_then(Value::as_object_mut)
            {
                extensions.remove(&extension("confidence"));
            }
            assert_eq!(&kept, plain);
        }
    }
    let (scenario, attempt) = said_first_attempt();
    let statements = statements_of(&attempt, &scenario);
    let words = about(&statements, "door", "/own-words")[0];
    assert_eq!(
        words["id"],
        uuid_from(&[&attempt.id, "statement", "own-words", "0"]),
        "named by the attempt and the step"
    );
}
