//! The local attempt store: one JSON file per attempt under the user's data
//! folder. Writes are atomic and owner-only; a file that cannot be read is moved
//! aside and reported, never overwritten; every file carries a schema version.

use crate::core::clock::unix_now;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::engine::Transcript;
use super::files::{STALE_TEMPORARY, clear_stale_temporaries, set_aside, write_atomically};

/// The version of the attempt format written now.
pub const SCHEMA_VERSION: u32 = 3;

/// A trainee's answer to a reflection prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub prompt: String,
    pub answer: String,
}

/// One attempt at a scenario, finished or abandoned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// The format version this attempt was written in.
    pub schema: u32,
    /// Unique, and sortable by time: `YYYYMMDD-HHMMSS-xxxxxxxx` style.
    pub id: String,
    pub scenario_title: String,
    /// Seconds since the Unix epoch when the attempt was saved.
    pub saved_at: u64,
    /// The whole record: steps, state, settings, seed and content hash.
    pub transcript: Transcript,
    #[serde(default)]
    pub reflections: Vec<Reflection>,
}

impl Attempt {
    /// A new attempt from a transcript, with a fresh id.
    pub fn new(scenario_title: &str, transcript: Transcript) -> Self {
        let saved_at = unix_now();
        let id = format!("{saved_at:010}-{:08x}", rand::random::<u32>());
        Self {
            schema: SCHEMA_VERSION,
            id,
            scenario_title: scenario_title.to_owned(),
            saved_at,
            transcript,
            reflections: Vec::new(),
        }
    }
}

/// A file that could not be read, where it was moved, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub original: PathBuf,
    /// Where it went, or none if it could not be moved either.
    pub moved_to: Option<PathBuf>,
    pub reason: String,
}

/// What the store holds.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Attempts, oldest first.
    pub attempts: Vec<Attempt>,
    /// Damaged files, moved out of the way.
    pub set_aside: Vec<SetAside>,
    /// Files written by a newer Doorway, left where they are.
    pub newer: Vec<PathBuf>,
}

impl Listing {
    /// What the user should be told about the files that were not read, a
    /// sentence each.
    pub fn problems(&self) -> Vec<String> {
        let damaged = self.set_aside.iter().map(|aside| {
            let kept = aside.moved_to.as_ref().map_or_else(
                || "it could not be moved".to_owned(),
                |p| format!("it was kept as {}", p.display()),
            );
            format!(
                "The attempt file {} could not be read ({}); {kept}.",
                aside.original.display(),
                aside.reason
            )
        });
        let newer = self.newer.iter().map(|path| {
            format!(
                "{} was written by a newer Doorway and is left as it is.",
                path.display()
            )
        });
        damaged.chain(newer).collect()
    }
}

/// Why an attempt could not be saved: the file it was written to, and the
/// system's reason.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Why an attempt file handed over by path could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// It could not be opened or is not an attempt.
    Damaged { path: PathBuf, reason: String },
    /// It was written by a newer Doorway, in a schema this one does not know.
    Newer { path: PathBuf },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Damaged { path, reason } => {
                write!(f, "{} could not be read: {reason}", path.display())
            }
            Self::Newer { path } => write!(
                f,
                "{} was written by a newer Doorway; update Doorway to read it",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Why no single attempt answers a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// `latest` was asked for and there are none.
    NoneSaved,
    /// No attempt has this id or starts with it.
    NoSuch(String),
    /// Several attempts start with it.
    Ambiguous { query: String, matches: usize },
}

impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoneSaved => f.write_str("no attempts are saved yet"),
            Self::NoSuch(query) => {
                write!(f, "no attempt \"{query}\"; `doorway history` lists them")
            }
            Self::Ambiguous { query, matches } => write!(
                f,
                "\"{query}\" matches {matches} attempts; give more of the id"
            ),
        }
    }
}

impl std::error::Error for FindError {}

/// Why an attempt file could not be read.
enum Unreadable {
    /// Broken: it is moved aside.
    Damaged(String),
    /// Written in a later schema: it is left alone for the newer version.
    Newer,
}

/// The attempts folder.
#[derive(Debug, Clone)]
pub struct AttemptStore {
    folder: PathBuf,
}

impl AttemptStore {
    /// The store under a data folder (`DATA/attempts`).
    pub fn in_data_folder(data: &Path) -> Self {
        Self {
            folder: data.join("attempts"),
        }
    }

    /// Where attempts are kept.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Saves an attempt atomically, readable by the user alone.
    pub fn save(&self, attempt: &Attempt) -> Result<PathBuf, SaveError> {
        let path = self.folder.join(format!("{}.json", attempt.id));
        let written = serde_json::to_vec_pretty(attempt)
            .map_err(std::io::Error::other)
            .and_then(|text| write_atomically(&path, &text));
        match written {
            Ok(()) => Ok(path),
            Err(source) => Err(SaveError { path, source }),
        }
    }

    /// Reads every attempt. Files that cannot be read are moved aside (with a
    /// timestamped name) and listed, so nothing is lost and nothing is
    /// overwritten. A missing folder is an empty store. Temporary files that a
    /// killed save left behind are cleared once they are stale.
    pub fn load(&self) -> Listing {
        clear_stale_temporaries(&self.folder, STALE_TEMPORARY);
        let mut listing = Listing::default();
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return listing;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            match read_attempt(&path) {
                Ok(attempt) => listing.attempts.push(attempt),
                Err(Unreadable::Newer) => listing.newer.push(path),
                Err(Unreadable::Damaged(reason)) => listing.set_aside.push(SetAside {
                    moved_to: set_aside(&path).ok(),
                    original: path,
                    reason,
                }),
            }
        }
        listing
            .attempts
            .sort_by(|a, b| (a.saved_at, &a.id).cmp(&(b.saved_at, &b.id)));
        listing
    }
}

/// The attempt a query names: `latest`, an id, or the start of one that only
/// one attempt has.
pub fn find_attempt<'a>(attempts: &'a [Attempt], query: &str) -> Result<&'a Attempt, FindError> {
    if query == "latest" {
        return attempts.last().ok_or(FindError::NoneSaved);
    }
    if let Some(exact) = attempts.iter().find(|a| a.id == query) {
        return Ok(exact);
    }
    let matching: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| a.id.starts_with(query))
        .collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(FindError::NoSuch(query.to_owned())),
        many => Err(FindError::Ambiguous {
            query: query.to_owned(),
            matches: many.len(),
        }),
    }
}

/// Reads an attempt file given by path (for one handed over outside the store).
pub fn read_attempt_file(path: &Path) -> Result<Attempt, ReadError> {
    read_attempt(path).map_err(|e| match e {
        Unreadable::Damaged(reason) => ReadError::Damaged {
            path: path.to_owned(),
            reason,
        },
        Unreadable::Newer => ReadError::Newer {
            path: path.to_owned(),
        },
    })
}

/// Reads one attempt file, migrating older formats.
fn read_attempt(path: &Path) -> Result<Attempt, Unreadable> {
    let damaged = |e: String| Unreadable::Damaged(e);
    let bytes = std::fs::read(path).map_err(|e| damaged(e.to_string()))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
    migrate(value)
}

/// Brings an attempt written in any known schema to the current one, one
/// version at a time: 1 marked answers `exemplar: true|false`, 2 keeps their
/// level (`quality`), 3 adds what the practice modes keep (own words, noticing
/// answers, confidence, self-ratings, the practice mode), each of which an
/// attempt from before simply does not have.
fn migrate(mut value: serde_json::Value) -> Result<Attempt, Unreadable> {
    let schema = value
        .get("schema")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| Unreadable::Damaged("no schema version".into()))?;
    match schema {
        1 => {
            exemplar_to_quality(&mut value);
            value["schema"] = SCHEMA_VERSION.into();
        }
        2 => value["schema"] = SCHEMA_VERSION.into(),
        3 => {}
        newer if newer > u64::from(SCHEMA_VERSION) => return Err(Unreadable::Newer),
        unknown => return Err(Unreadable::Damaged(format!("unknown schema {unknown}"))),
    }
    serde_json::from_value(value).map_err(|e| Unreadable::Damaged(e.to_string()))
}

/// Schema 1 to 2: each step's `exemplar: true` becomes `quality: "Skilled"`, and
/// `false` no level, in the steps and in the branches left by a rewind.
fn exemplar_to_quality(attempt: &mut serde_json::Value) {
    let transcript = &mut attempt["transcript"];
    exemplar_to_quality_in(&mut transcript["steps"]);
    for branch in transcript["branches"].as_array_mut().into_iter().flatten() {
        exemplar_to_quality_in(&mut branch["steps"]);
    }
}

fn exemplar_to_quality_in(steps: &mut serde_json::Value) {
    for step in steps.as_array_mut().into_iter().flatten() {
        let Some(fields) = step.as_object_mut() else {
            continue;
        };
        let exemplar = fields.remove("exemplar").and_then(|e| e.as_bool());
        let quality = match exemplar {
            Some(true) => serde_json::Value::from("Skilled"),
            _ => serde_json::Value::Null,
        };
        fields.insert("quality".into(), quality);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{Engine, FeedbackMode, Response, Settings};
    use crate::core::fixtures::fixture;

    fn transcript() -> Transcript {
        let playable = fixture("two-acts");
        let (mut engine, _) = Engine::start(&playable, None, 3, Settings::default()).unwrap();
        for choice in ["brush_off", "confirm_booking"] {
            engine
                .respond_with(&Response::Choice(choice.into()))
                .unwrap();
        }
        engine.transcript().clone()
    }

    #[test]
    fn attempts_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let mut attempt = Attempt::new("Two acts", transcript());
        attempt.reflections.push(Reflection {
            prompt: "What pulled you towards that answer?".into(),
            answer: "The clock.".into(),
        });
        store.save(&attempt).unwrap();
        let listing = store.load();
        assert_eq!(listing.attempts, vec![attempt]);
        assert!(listing.set_aside.is_empty());
    }

    #[test]
    fn attempts_are_found_by_id_prefix_or_latest() {
        let first = Attempt {
            id: "1000-aaaa".into(),
            ..Attempt::new("Two acts", transcript())
        };
        let second = Attempt {
            id: "1001-bbbb".into(),
            ..first.clone()
        };
        let attempts = [first, second];
        assert_eq!(find_attempt(&attempts, "latest").unwrap().id, "1001-bbbb");
        assert_eq!(
            find_attempt(&attempts, "1000-aaaa").unwrap().id,
            "1000-aaaa"
        );
        assert_eq!(find_attempt(&attempts, "1001").unwrap().id, "1001-bbbb");
        assert_eq!(
            find_attempt(&attempts, "100").unwrap_err(),
            FindError::Ambiguous {
                query: "100".into(),
                matches: 2
            }
        );
        assert_eq!(
            find_attempt(&attempts, "9").unwrap_err().to_string(),
            "no attempt \"9\"; `doorway history` lists them"
        );
        assert_eq!(
            find_attempt(&[], "latest").unwrap_err(),
            FindError::NoneSaved
        );
    }

    #[test]
    fn a_save_that_cannot_be_written_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("data");
        std::fs::write(&blocked, b"a file where the folder should be").unwrap();
        let store = AttemptStore::in_data_folder(&blocked);
        let attempt = Attempt::new("Two acts", transcript());
        let error = store.save(&attempt).unwrap_err();
        assert_eq!(
            error.path,
            store.folder().join(format!("{}.json", attempt.id))
        );
        assert!(
            error
                .to_string()
                .contains(&error.path.display().to_string()),
            "{error}"
        );
    }

    #[test]
    fn a_save_killed_long_ago_leaves_no_temporary_file_for_ever() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let attempt = Attempt::new("Two acts", transcript());
        store.save(&attempt).unwrap();
        let leftover = store.folder().join(".tmpAbC123");
        std::fs::write(&leftover, b"{\"schema\": 1, \"id").unwrap();
        let yesterday = std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 60 * 60);
        std::fs::File::options()
            .write(true)
            .open(&leftover)
            .unwrap()
            .set_modified(yesterday)
            .unwrap();
        let listing = store.load();
        assert_eq!(listing.attempts, vec![attempt]);
        assert!(!leftover.exists(), "the stale temporary file is cleared");
        assert!(listing.problems().is_empty());
    }

    #[test]
    fn a_missing_folder_is_an_empty_store() {
        let dir = tempfile::tempdir().unwrap();
        let listing = AttemptStore::in_data_folder(&dir.path().join("none")).load();
        assert!(listing.attempts.is_empty() && listing.set_aside.is_empty());
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_the_rest_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let good = Attempt::new("Two acts", transcript());
        store.save(&good).unwrap();
        let damaged = store.folder().join("0000000001-deadbeef.json");
        std::fs::write(&damaged, "{\"schema\": 1, \"id\": ").unwrap();
        let listing = store.load();
        assert_eq!(listing.attempts, vec![good]);
        assert_eq!(listing.set_aside.len(), 1);
        let aside = &listing.set_aside[0];
        assert_eq!(aside.original, damaged);
        let moved = aside.moved_to.as_ref().expect("moved aside");
        assert_eq!(
            std::fs::read_to_string(moved).unwrap(),
            "{\"schema\": 1, \"id\": "
        );
        assert!(!damaged.exists());
        assert!(
            store.load().set_aside.is_empty(),
            "reported once, then out of the way"
        );
    }

    #[test]
    fn a_file_from_a_newer_version_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        std::fs::create_dir_all(store.folder()).unwrap();
        let newer = store.folder().join("x.json");
        let text = "{\"schema\": 99, \"id\": \"x\", \"hologram\": true}";
        std::fs::write(&newer, text).unwrap();
        let listing = store.load();
        assert_eq!(listing.newer, vec![newer.clone()]);
        assert!(listing.set_aside.is_empty() && listing.attempts.is_empty());
        assert_eq!(std::fs::read_to_string(&newer).unwrap(), text, "untouched");
        let problems = listing.problems();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("newer Doorway"), "{problems:?}");
        assert_eq!(
            read_attempt_file(&newer).unwrap_err(),
            ReadError::Newer {
                path: newer.clone()
            }
        );
        assert!(
            read_attempt_file(&newer)
                .unwrap_err()
                .to_string()
                .contains(&newer.display().to_string()),
            "the error names the file"
        );
    }

    /// An attempt as the first format (schema 1) wrote it, before reflections
    /// were kept: it loads as it is.
    const SCHEMA_1: &str = r#"{
  "schema": 1,
  "id": "1764318000-0badcafe",
  "scenario_title": "The drop-in",
  "saved_at": 1764318000,
  "transcript": {
    "scenario_id": "drop-in",
    "scenario_version": "2.0",
    "content_hash": "00000000000000000000000000000000000000000000000000000000000000aa",
    "seed": 3,
    "entry": null,
    "settings": {"feedback": "deferred", "time_multiplier": 2.0, "timers_off": false, "warning_seconds": 20.0},
    "steps": [],
    "branches": [],
    "ending": null
  }
}"#;

    #[test]
    fn an_attempt_in_the_first_format_loads() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        std::fs::create_dir_all(store.folder()).unwrap();
        std::fs::write(store.folder().join("1764318000-0badcafe.json"), SCHEMA_1).unwrap();
        let listing = store.load();
        assert!(listing.problems().is_empty(), "{:?}", listing.problems());
        let attempt = &listing.attempts[0];
        assert_eq!(attempt.schema, SCHEMA_VERSION);
        assert_eq!(attempt.scenario_title, "The drop-in");
        assert_eq!(attempt.transcript.seed, 3);
        assert_eq!(attempt.transcript.settings.feedback, FeedbackMode::Deferred);
        assert!(attempt.reflections.is_empty());
    }

    #[test]
    fn a_schema_1_exemplar_becomes_the_top_level() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let attempt = Attempt::new("Two acts", transcript());
        let path = store.save(&attempt).unwrap();
        // Write it back as schema 1 did: `exemplar` in place of `quality`.
        let mut old: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        old["schema"] = 1.into();
        for (index, step) in old["transcript"]["steps"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            let fields = step.as_object_mut().unwrap();
            fields.remove("quality");
            fields.insert("exemplar".into(), (index == 1).into());
        }
        std::fs::write(&path, serde_json::to_vec(&old).unwrap()).unwrap();

        let listing = store.load();
        assert!(listing.problems().is_empty(), "{:?}", listing.problems());
        let steps = &listing.attempts[0].transcript.steps;
        assert_eq!(steps[0].quality, None);
        assert_eq!(steps[1].quality, Some(crate::core::model::Quality::Skilled));
    }

    #[test]
    fn a_schema_2_attempt_reads_as_chosen_answers_without_practice_records() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let path = store.save(&Attempt::new("Two acts", transcript())).unwrap();
        // Write it back as schema 2 did: no practice mode, no practice records.
        let mut old: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        old["schema"] = 2.into();
        let settings = old["transcript"]["settings"].as_object_mut().unwrap();
        settings.remove("practice");
        settings.remove("ask_confidence");
        std::fs::write(&path, serde_json::to_vec(&old).unwrap()).unwrap();

        let listing = store.load();
        assert!(listing.problems().is_empty(), "{:?}", listing.problems());
        let attempt = &listing.attempts[0];
        assert_eq!(attempt.schema, SCHEMA_VERSION);
        assert_eq!(
            attempt.transcript.settings.practice,
            crate::core::engine::PracticeMode::Choose
        );
        assert!(attempt.transcript.steps.iter().all(|step| {
            step.own_words.is_none() && step.probe.is_none() && step.confidence.is_none()
        }));
    }

    #[test]
    fn a_file_without_a_schema_version_is_set_aside_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        std::fs::create_dir_all(store.folder()).unwrap();
        std::fs::write(store.folder().join("y.json"), "{\"id\": \"y\"}").unwrap();
        let listing = store.load();
        assert_eq!(listing.set_aside.len(), 1);
        assert_eq!(listing.set_aside[0].reason, "no schema version");
    }

    #[test]
    fn an_interrupted_write_leaves_the_old_attempt_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttemptStore::in_data_folder(dir.path());
        let attempt = Attempt::new("Two acts", transcript());
        let path = store.save(&attempt).unwrap();
        // A crash after writing the temporary file but before the rename leaves a
        // partial temporary file beside the old one: simulate every cut-off point.
        let new_text = serde_json::to_vec_pretty(&Attempt {
            reflections: vec![],
            scenario_title: "changed".into(),
            ..attempt.clone()
        })
        .unwrap();
        for cut in [0, 1, new_text.len() / 2, new_text.len() - 1, new_text.len()] {
            let partial = store.folder().join(format!(".tmp-crash-{cut}"));
            std::fs::write(&partial, &new_text[..cut]).unwrap();
            let listing = store.load();
            assert_eq!(listing.attempts, vec![attempt.clone()], "cut at {cut}");
            assert!(listing.set_aside.is_empty());
        }
        // And once the rename happens, the new one is there whole.
        write_atomically(&path, &new_text).unwrap();
        assert_eq!(store.load().attempts[0].scenario_title, "changed");
    }
}
