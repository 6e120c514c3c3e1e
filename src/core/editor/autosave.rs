//! Unsaved edits kept in the data folder while the editor is open, so that a
//! crash or a closed window loses nothing: one file per scenario file, written
//! atomically, removed when the scenario is saved.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::core::files::write_atomically;

/// The folder of autosaved drafts inside the data folder.
const DRAFTS_FOLDER: &str = "drafts";

/// An autosaved draft: which file it is a draft of, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Autosaved {
    pub file: PathBuf,
    pub text: String,
    /// When it was written, in seconds since 1970 (UTC).
    pub saved_at: u64,
    /// A hash of the file's text the edits were made on, to tell whether the
    /// file changed since (empty in drafts kept before it was recorded).
    #[serde(default)]
    pub based_on: String,
}

impl Autosaved {
    /// Whether the file held other text when these edits were kept than
    /// `file_text`, its text now: taking them back would undo that change.
    pub fn file_changed_since(&self, file_text: &str) -> bool {
        !self.based_on.is_empty() && self.based_on != text_hash(file_text)
    }
}

/// A short hash of a file's text.
fn text_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where the draft of `file` is kept: named after the file, with a short hash
/// of its full path so that two files of one name do not share a draft.
pub fn autosave_path(data_folder: &Path, file: &Path) -> PathBuf {
    let full = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
    let hash = Sha256::digest(full.to_string_lossy().as_bytes());
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let stem = file
        .file_name()
        .map_or_else(|| "scenario".into(), |n| n.to_string_lossy().into_owned());
    data_folder
        .join(DRAFTS_FOLDER)
        .join(format!("{stem}-{short}.json"))
}

/// Keeps `text` as the draft of `file`, made on the file's text `based_on`.
pub fn autosave(
    data_folder: &Path,
    file: &Path,
    text: &str,
    based_on: &str,
    now: u64,
) -> std::io::Result<()> {
    let draft = Autosaved {
        file: file.to_path_buf(),
        text: text.to_owned(),
        saved_at: now,
        based_on: text_hash(based_on),
    };
    let json = serde_json::to_vec_pretty(&draft).map_err(std::io::Error::other)?;
    write_atomically(&autosave_path(data_folder, file), &json)
}

/// The draft kept for `file`, if any. A damaged draft is set aside and
/// reported as the error.
pub fn autosaved(data_folder: &Path, file: &Path) -> Result<Option<Autosaved>, String> {
    let path = autosave_path(data_folder, file);
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(None);
    };
    match serde_json::from_slice(&bytes) {
        Ok(draft) => Ok(Some(draft)),
        Err(error) => {
            let aside = crate::core::files::set_aside(&path)
                .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
            Err(format!(
                "the unsaved edits kept for {} could not be read ({error}); the file was set aside as {aside}",
                file.display()
            ))
        }
    }
}

/// Forgets the draft of `file` (after a save, or when the author discards it).
pub fn forget_autosave(data_folder: &Path, file: &Path) {
    let _ = std::fs::remove_file(autosave_path(data_folder, file));
}
