//! Grouping statements in a store's order, and reading pages from a store.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use serde_json::{Value, json};

use super::AttemptRecord;
use super::lrs::{LrsQuery, LrsReadSummary, read_lrs};
use super::read::read_folder;
use super::statements::{Grouper, NotDoorways, SETTLING_STATEMENTS};
use super::synthetic_class::write_class;
use crate::core::fixtures::fixture;
use crate::core::lrs::client::{Client, Credentials, LrsError};
use crate::core::lrs::secret::Secret;

/// A generated class's statements, file by file, and its attempts as the
/// files give them, by registration.
fn class(learners: usize) -> (Vec<Vec<Value>>, BTreeMap<String, AttemptRecord>) {
    let folder = tempfile::tempdir().unwrap();
    write_class(folder.path(), &[fixture("two-acts")], learners, 2).unwrap();
    let mut records = BTreeMap::new();
    let skipped = read_folder(folder.path(), &mut |record| {
        records.insert(record.registration.clone(), record);
    });
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut files = Vec::new();
    for learner in std::fs::read_dir(folder.path()).unwrap() {
        for file in std::fs::read_dir(learner.unwrap().path()).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            files.push(serde_json::from_str(&text).unwrap());
        }
    }
    (files, records)
}

/// What a grouper makes of `statements`: the attempts handed over before the
/// end, all of them by registration, and the statements it came too late for.
struct Grouped {
    before_the_end: usize,
    records: BTreeMap<String, AttemptRecord>,
    late: usize,
}

fn grouped<'a>(statements: impl IntoIterator<Item = &'a Value>) -> Grouped {
    let mut grouper = Grouper::new();
    let mut records = BTreeMap::new();
    let mut keep = |record: AttemptRecord| {
        assert!(
            records
                .insert(record.registration.clone(), record)
                .is_none(),
            "each attempt is handed over once"
        );
    };
    for statement in statements {
        grouper.take(statement, &mut keep).unwrap();
    }
    let before_the_end = records.len();
    let late = grouper.late;
    grouper.finish(&mut |record| {
        records.insert(record.registration.clone(), record);
    });
    Grouped {
        before_the_end,
        records,
        late,
    }
}

fn timestamp(statement: &Value) -> &str {
    statement["timestamp"].as_str().unwrap()
}

#[test]
fn interleaved_attempts_newest_or_oldest_first_come_out_as_the_files_give_them() {
    let (files, expected) = class(150);
    let mut newest_first: Vec<&Value> = files.iter().flatten().collect();
    assert!(newest_first.len() > 2 * SETTLING_STATEMENTS as usize);
    // Stable: statements of the same instant stay in the files' order, so the
    // first statement of an attempt comes before the second, from the end.
    newest_first.sort_by(|a, b| timestamp(b).cmp(timestamp(a)));
    let learner = |s: &Value| s["actor"]["account"]["name"].clone();
    assert!(
        newest_first[..10]
            .windows(2)
            .any(|w| learner(w[0]) != learner(w[1])),
        "the attempts are interleaved"
    );
    let mut oldest_first = newest_first.clone();
    oldest_first.reverse();
    for (order, statements) in [("newest", newest_first), ("oldest", oldest_first)] {
        let result = grouped(statements);
        assert_eq!(result.records, expected, "{order} first");
        assert_eq!(result.late, 0, "{order} first");
        assert!(
            result.before_the_end > expected.len() / 2,
            "{order} first: most attempts are handed over as they are whole, {} of {}",
            result.before_the_end,
            expected.len()
        );
    }
}

#[test]
fn statements_that_are_not_doorways_are_refused_and_change_nothing() {
    let (files, expected) = class(2);
    let mut grouper = Grouper::new();
    let foreign = [
        (
            json!({"actor": {"mbox": "mailto:a@x"}}),
            NotDoorways::NoRegistration,
        ),
        (
            json!({
                "actor": {"mbox": "mailto:a@x"},
                "context": {"registration": "c4d2b0a8-0000-4000-8000-000000000000"},
                "object": {"id": "https://lms.example/courses/7"},
            }),
            NotDoorways::OtherActivity,
        ),
    ];
    let mut records = BTreeMap::new();
    for statement in files.iter().flatten() {
        for (other, lack) in &foreign {
            assert_eq!(grouper.take(other, &mut |_| {}), Err(*lack));
        }
        grouper
            .take(statement, &mut |r| {
                records.insert(r.registration.clone(), r);
            })
            .unwrap();
    }
    grouper.finish(&mut |r| {
        records.insert(r.registration.clone(), r);
    });
    assert_eq!(records, expected);
}

#[test]
fn a_statement_after_its_attempt_was_handed_over_is_counted_late() {
    let (files, expected) = class(150);
    let straggler = files[0]
        .iter()
        .find(|s| s["verb"]["id"].as_str().unwrap().ends_with("/answered"))
        .unwrap();
    let result = grouped(files.iter().flatten().chain([straggler]));
    assert_eq!(result.late, 1);
    assert_eq!(result.records, expected, "the straggler changed nothing");
}

/// A store on loopback that answers every request with `page`; returns its
/// endpoint.
fn store_answering(page: Value) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}/xAPI", listener.local_addr().unwrap());
    let body = page.to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(10) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    endpoint
}

fn client_of(endpoint: &str) -> Client {
    let credentials = Credentials {
        key: "k".into(),
        secret: Secret::new("s"),
    };
    Client::new(endpoint, credentials).unwrap()
}

#[test]
fn statements_of_other_activities_in_the_store_are_counted_and_skipped() {
    let other = json!({
        "actor": {"mbox": "mailto:a@x"},
        "context": {"registration": "c4d2b0a8-0000-4000-8000-000000000000"},
        "object": {"id": "https://lms.example/courses/7"},
    });
    let endpoint = store_answering(json!({"statements": [other, other], "more": ""}));
    let mut found = 0;
    let summary = read_lrs(&client_of(&endpoint), &LrsQuery::default(), &mut |_| {
        found += 1;
    })
    .unwrap();
    assert_eq!(
        summary,
        LrsReadSummary {
            pages: 1,
            statements: 2,
            foreign: 2,
            late: 0
        }
    );
    assert_eq!(found, 0);
}

#[test]
fn a_more_link_that_leads_back_stops_the_reading_with_a_clear_error() {
    let endpoint = store_answering(json!({"statements": [], "more": "/xAPI/statements?page=2"}));
    let client = client_of(&endpoint);
    let error = read_lrs(&client, &LrsQuery::default(), &mut |_| {}).unwrap_err();
    assert!(
        matches!(&error, LrsError::BadAnswer(why) if why.contains("leads back to a page already read")),
        "{error}"
    );
}
