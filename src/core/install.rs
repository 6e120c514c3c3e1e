//! This installation's random name, for anonymous exports: an xAPI statement
//! needs an identifier for its actor, and a random per-install name gives one
//! without saying who the trainee is.

use std::path::Path;

use super::files::{set_aside, write_atomically};

const FILE_NAME: &str = "install-name";
const PREFIX: &str = "doorway-";

/// The installation's name under `data`, made (and kept) on first use. A file
/// that does not hold a name is set aside and a new one made.
pub fn install_name(data: &Path) -> std::io::Result<String> {
    let path = data.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) if is_install_name(text.trim()) => return Ok(text.trim().to_owned()),
        Ok(_) => {
            set_aside(&path)?;
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    let name = format!("{PREFIX}{:016x}", rand::random::<u64>());
    write_atomically(&path, name.as_bytes())?;
    Ok(name)
}

fn is_install_name(text: &str) -> bool {
    text.strip_prefix(PREFIX)
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = install_name(dir.path()).unwrap();
        assert!(is_install_name(&first), "{first}");
        assert_eq!(install_name(dir.path()).unwrap(), first);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(install_name(other.path()).unwrap(), first);
    }

    #[test]
    fn a_damaged_name_is_set_aside_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "not a name").unwrap();
        let name = install_name(dir.path()).unwrap();
        assert!(is_install_name(&name));
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
            .collect();
        assert_eq!(kept.len(), 1, "the old file is kept aside");
    }
}
