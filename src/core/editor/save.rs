//! Saving a draft: the scenario's text written atomically over its file, no
//! write at all when nothing changed, and a backup of any text the editor did
//! not write before it is replaced.

use std::path::{Path, PathBuf};

use super::Draft;
use super::blank::{FIRST_ANSWER, blank_scenario};
use super::ids::id_from_words;
use crate::core::files::write_atomically;
use crate::core::load::SCENARIO_EXTENSION;
use crate::core::scenario_save::{is_written_by_doorway, keep_backup};
use crate::core::scenario_text::scenario_text;

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file already held this text: nothing was written.
    pub unchanged: bool,
    /// Where the text the save replaced was kept, when the editor had not
    /// written it (a hand-written file, or one changed on disk meanwhile).
    pub backup: Option<PathBuf>,
    /// The file was no longer there (deleted or moved): it was written again.
    pub recreated: bool,
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was opened or last saved (edited in a
    /// text editor, say): saving over it needs the author's word.
    ChangedOnDisk,
    /// Writing failed; the file is as it was.
    Io(std::io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::ChangedOnDisk => write!(
                f,
                "the file was changed outside the editor since it was opened"
            ),
            SaveError::Io(error) => write!(f, "the file could not be saved: {error}"),
        }
    }
}

impl Draft {
    /// Saves the draft to its file. Refuses when the file changed on disk
    /// since it was opened; [`Draft::save_over`] saves anyway.
    pub fn save(&mut self) -> Result<Saved, SaveError> {
        self.save_checked(false)
    }

    /// Saves the draft over a file that changed on disk, keeping that text
    /// as a backup first.
    pub fn save_over(&mut self) -> Result<Saved, SaveError> {
        self.save_checked(true)
    }

    fn save_checked(&mut self, over_changes: bool) -> Result<Saved, SaveError> {
        let text = scenario_text(&self.scenario);
        let current = match std::fs::read(&self.file) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(SaveError::Io(error)),
        };
        if current.as_deref() == Some(text.as_bytes()) {
            self.took(text);
            return Ok(Saved {
                unchanged: true,
                backup: None,
                recreated: false,
            });
        }
        let changed_elsewhere = current
            .as_ref()
            .is_some_and(|c| c.as_slice() != self.on_disk.as_bytes());
        if changed_elsewhere && !over_changes {
            return Err(SaveError::ChangedOnDisk);
        }
        let backup = match &current {
            Some(old) if changed_elsewhere || !is_written_by_doorway(old) => {
                Some(keep_backup(&self.file, old).map_err(SaveError::Io)?)
            }
            _ => None,
        };
        let permissions = std::fs::metadata(&self.file).map(|m| m.permissions());
        write_atomically(&self.file, text.as_bytes()).map_err(SaveError::Io)?;
        if let Ok(permissions) = permissions {
            let _ = std::fs::set_permissions(&self.file, permissions);
        }
        self.took(text);
        Ok(Saved {
            unchanged: false,
            backup,
            recreated: current.is_none(),
        })
    }

    /// Takes `text` as what the file holds now.
    fn took(&mut self, text: String) {
        self.on_disk = text;
        self.saved = self.scenario.clone();
    }

    /// Starts a new scenario file in `folder`, named after `title`, and opens
    /// it for editing.
    pub fn create(folder: &Path, title: &str) -> std::io::Result<Self> {
        let (file, scenario) = new_scenario_file(folder, title)?;
        let text = scenario_text(&scenario);
        write_atomically(&file, text.as_bytes())?;
        let mut draft = Self::with(scenario, file, text);
        draft.made.insert(FIRST_ANSWER.to_owned());
        Ok(draft)
    }
}

/// A file name in `folder` made from `title`, not yet taken, and a new
/// scenario whose id matches it.
pub fn new_scenario_file(
    folder: &Path,
    title: &str,
) -> std::io::Result<(PathBuf, crate::core::model::Scenario)> {
    std::fs::create_dir_all(folder)?;
    let base = id_from_words(title, "new-scenario").replace('_', "-");
    let id = super::unique_id(&base, |id| {
        folder.join(format!("{id}{SCENARIO_EXTENSION}")).exists()
    });
    let title = if title.trim().is_empty() {
        "New scenario"
    } else {
        title.trim()
    };
    Ok((
        folder.join(format!("{id}{SCENARIO_EXTENSION}")),
        blank_scenario(&id, title),
    ))
}
