//! Saving a scenario over its file, as text laid out like the shipped files
//! ([`scenario_text`]), without losing what was there: the write is atomic, and
//! a hand-written file (one without the header Doorway's writer puts first,
//! whose comments the new text cannot keep) is copied beside itself first, to a
//! backup that never replaces an earlier one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::write_atomically;
use super::model::Scenario;
use super::scenario_text::{WRITTEN_HEADER, scenario_text};

/// What saving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Where the hand-written file was copied before it was replaced.
    pub backup: Option<PathBuf>,
}

/// Writes `scenario` to `path`, first copying a hand-written file there to a
/// backup beside it.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> std::io::Result<Saved> {
    let old = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error),
    };
    let backup = match old {
        Some(bytes) if !is_written_by_doorway(&bytes) => Some(keep_backup(path, &bytes)?),
        _ => None,
    };
    write_atomically(path, scenario_text(scenario).as_bytes())?;
    Ok(Saved { backup })
}

/// Whether a file was written by Doorway, so has no comments of its own to lose.
pub fn is_written_by_doorway(bytes: &[u8]) -> bool {
    bytes.starts_with(WRITTEN_HEADER.trim_end().as_bytes())
}

/// Copies `bytes` to `NAME.bak` beside `path` (`NAME.bak-2`, `-3`... when
/// taken), never replacing a file, and returns where.
pub fn keep_backup(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    for number in 1.. {
        let mut numbered = name.clone();
        if number > 1 {
            numbered.push(format!("-{number}"));
        }
        let backup = path.with_file_name(numbered);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
        {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(backup);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    unreachable!("some backup name is free")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::fixture_text;
    use crate::core::load::{LoadOptions, parse};

    #[test]
    fn a_hand_written_file_is_backed_up_once_and_earlier_backups_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two-acts.scenario.ron");
        let hand_written = fixture_text("two-acts");
        std::fs::write(&path, hand_written).unwrap();
        std::fs::write(dir.path().join("two-acts.scenario.ron.bak"), "older").unwrap();
        let mut scenario = parse(hand_written, LoadOptions::default()).unwrap();

        let saved = save_scenario(&path, &scenario).unwrap();
        let backup = dir.path().join("two-acts.scenario.ron.bak-2");
        assert_eq!(saved.backup.as_deref(), Some(backup.as_path()));
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), hand_written);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("two-acts.scenario.ron.bak")).unwrap(),
            "older"
        );
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, scenario_text(&scenario));

        scenario.title = "Two acts, again".to_owned();
        let saved = save_scenario(&path, &scenario).unwrap();
        assert_eq!(
            saved.backup, None,
            "a file Doorway wrote has no comments to keep"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }
}
