//! The content hash that ties a transcript to the exact scenario it was made on.
//!
//! The hash is SHA-256 over a canonical form of the scenario, not over the file
//! nor over the Rust model as it happens to serialise, so that neither layout
//! nor a new field in a later Doorway marks every saved attempt "edited".
//!
//! The canonical form is the scenario serialised to JSON and then:
//! - every object member whose value is null, `false`, `""`, `[]` or `{}` is
//!   dropped, recursively (a member that becomes empty once its own members are
//!   dropped is dropped too); array elements are never dropped, as their
//!   position means something;
//! - the members whose default is something else are dropped when they hold
//!   that default: the scenario's `reading_wpm` and `language`, and each
//!   deadline's `takes_over`;
//! - it is written with no whitespace and object keys in byte order.
//!
//! So a field added to the model keeps every hash as it was, provided its
//! default is one of the empty values above (an `Option`, a `bool` that is
//! `false`, an empty text, list or table), or it is added to the members
//! dropped at their default here. Numbers are kept even when 0, so that an
//! `Option` holding 0 stays distinct from one holding nothing.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::core::model::{DEFAULT_LANGUAGE, DEFAULT_READING_WPM, Scenario, TakeOver};

/// SHA-256 of the scenario's canonical form (see the module doc), in
/// hexadecimal. Comments, layout and field order in the file do not change it,
/// nor does a field the model gains later; any change to what the scenario
/// says or does does.
pub fn content_hash(scenario: &Scenario) -> String {
    let value = serde_json::to_value(scenario).expect("a scenario serialises");
    hash_value(value)
}

/// The hash of a scenario already serialised to JSON.
fn hash_value(mut value: Value) -> String {
    drop_non_empty_defaults(&mut value);
    let mut canonical = Vec::new();
    if let Some(kept) = prune(value) {
        write_canonical(&kept, &mut canonical);
    }
    Sha256::digest(&canonical)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Drops the members whose default is not an empty value, where they hold it.
fn drop_non_empty_defaults(scenario: &mut Value) {
    let Some(root) = scenario.as_object_mut() else {
        return;
    };
    if root.get("reading_wpm") == Some(&Value::from(DEFAULT_READING_WPM)) {
        root.remove("reading_wpm");
    }
    if root.get("language") == Some(&Value::from(DEFAULT_LANGUAGE)) {
        root.remove("language");
    }
    let takes_over = serde_json::to_value(TakeOver::default()).expect("an enum serialises");
    let deadlines = root
        .get_mut("acts")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(|act| act.get_mut("deadlines").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut);
    for deadline in deadlines {
        if deadline.get("takes_over") == Some(&takes_over) {
            deadline.remove("takes_over");
        }
    }
}

/// The value with its empty members dropped, or none if it is empty itself.
fn prune(value: Value) -> Option<Value> {
    match value {
        Value::Null | Value::Bool(false) => None,
        Value::String(text) if text.is_empty() => None,
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(Value::Array(
            items
                .into_iter()
                .map(|item| prune(item).unwrap_or(Value::Null))
                .collect(),
        )),
        Value::Object(members) => {
            let kept: serde_json::Map<String, Value> = members
                .into_iter()
                .filter_map(|(key, value)| prune(value).map(|value| (key, value)))
                .collect();
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        other => Some(other),
    }
}

/// Compact JSON with object keys sorted here, whatever order the map keeps.
fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::Object(members) => {
            let mut sorted: Vec<(&String, &Value)> = members.iter().collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (key, member)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, key).expect("writing to memory succeeds");
                out.push(b':');
                write_canonical(member, out);
            }
            out.push(b'}');
        }
        scalar => serde_json::to_writer(&mut *out, scalar).expect("writing to memory succeeds"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, parse};

    const SCENARIO: &str = r#"Scenario(
    id: "hash",
    title: "Hash",
    version: "1",
    difficulty: Beginner,
    estimated_minutes: 1,
    characters: [Character(id: "kim", name: "Kim", role: Client)],
    start: "open",
    acts: [Act(id: "one", title: "One", clock_start: "09:00",
        deadlines: [Deadline(at: "09:30", label: "Next", node: "end")],
        nodes: [
            Node(id: "open", speaker: "kim", text: "I nearly did not come today.",
                choices: [Choice(id: "glad", says: "I am glad you did.", target: "end", effects: {"connection": 1})]),
            Node(id: "end", ending: Ending(kind: Held, title: "End")),
        ])],
)"#;

    fn hash_of(source: &str) -> String {
        content_hash(&parse(source, LoadOptions::default()).expect("the test scenario parses"))
    }

    fn value_of(source: &str) -> Value {
        serde_json::to_value(parse(source, LoadOptions::default()).unwrap()).unwrap()
    }

    #[test]
    fn layout_comments_and_field_order_do_not_change_the_hash() {
        let rearranged = r#"// The same scenario, written differently.
Scenario(
  title: "Hash", id: "hash",
  estimated_minutes: 1, difficulty: Beginner, version: "1",
  start: "open", characters: [ Character( role: Client, name: "Kim", id: "kim" ) ],
  acts: [
    Act(
      title: "One", id: "one",
      nodes: [
        Node(id: "open",
             text: "I nearly did not come today.",   // the first line
             speaker: "kim",
             choices: [Choice(target: "end", says: "I am glad you did.", id: "glad", effects: {"connection": 1})]),
        Node(ending: Ending(title: "End", kind: Held), id: "end"),
      ],
      deadlines: [Deadline(node: "end", label: "Next", at: "09:30")],
      clock_start: "09:00",
    ),
  ],
)"#;
        assert_eq!(hash_of(rearranged), hash_of(SCENARIO));
    }

    #[test]
    fn one_changed_word_in_a_client_line_changes_the_hash() {
        let edited = SCENARIO.replace("nearly did not", "almost did not");
        assert_ne!(hash_of(&edited), hash_of(SCENARIO));
    }

    #[test]
    fn writing_out_a_default_does_not_change_the_hash() {
        let explicit = SCENARIO
            .replace(r#"node: "end")"#, r#"node: "end", takes_over: AtNextNode)"#)
            .replace(
                r#"version: "1","#,
                r#"version: "1", language: "en", reading_wpm: 150, tags: [],"#,
            )
            .replace(r#"speaker: "kim","#, r#"speaker: "kim", pin_order: false,"#);
        assert_ne!(explicit, SCENARIO, "the defaults were written in");
        assert_eq!(hash_of(&explicit), hash_of(SCENARIO));
    }

    #[test]
    fn a_field_the_model_gains_with_an_empty_default_does_not_change_the_hash() {
        let today = value_of(SCENARIO);
        let mut later = today.clone();
        let node = &mut later["acts"][0]["nodes"][0];
        node["mood"] = Value::Null;
        node["silent"] = Value::Bool(false);
        node["gesture"] = Value::from("");
        node["cues"] = Value::Array(Vec::new());
        node["notes"] = serde_json::json!({"aside": null, "labels": []});
        later["choices_seen"] = serde_json::json!([]);
        assert_ne!(later, today);
        assert_eq!(hash_value(later), hash_value(today));
    }

    #[test]
    fn a_value_that_is_not_the_default_still_counts() {
        let faster = SCENARIO.replace(r#"version: "1","#, r#"version: "1", reading_wpm: 250,"#);
        assert_ne!(hash_of(&faster), hash_of(SCENARIO));
        let pinned = SCENARIO.replace(r#"speaker: "kim","#, r#"speaker: "kim", pin_order: true,"#);
        assert_ne!(hash_of(&pinned), hash_of(SCENARIO));
        let zero = SCENARIO.replace(r#"{"connection": 1}"#, r#"{"connection": 0}"#);
        assert_ne!(hash_of(&zero), hash_of(SCENARIO));
        let spanish = SCENARIO.replace(r#"version: "1","#, r#"version: "1", language: "es","#);
        assert_ne!(hash_of(&spanish), hash_of(SCENARIO));
    }

    #[test]
    fn the_hash_is_a_sha256_in_hexadecimal_and_keys_are_sorted_whatever_the_map() {
        let hash = hash_of(SCENARIO);
        assert_eq!(hash.len(), 64);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        let mut out = Vec::new();
        write_canonical(
            &serde_json::json!({"b": [1, "x"], "a": {"d": true, "c": 2.5}}),
            &mut out,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a":{"c":2.5,"d":true},"b":[1,"x"]}"#
        );
    }
}
