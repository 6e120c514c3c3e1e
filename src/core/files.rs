//! Writing user data safely: atomic replacement, owner-only permissions, and
//! damaged files set aside instead of overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable that overrides the data folder.
pub const DATA_DIR_VARIABLE: &str = "DOORWAY_DATA_DIR";

/// The folder for preferences and attempts: the one given (`--data-dir`), else
/// `$DOORWAY_DATA_DIR`, else the user's data folder for Doorway.
pub fn data_folder(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| std::env::var_os(DATA_DIR_VARIABLE).map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("org", "Doorway", "Doorway")
                .map(|dirs| dirs.data_dir().to_path_buf())
        })
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder,
/// flushed to disk, then renamed over the old file. A crash at any point leaves
/// either the old file or the new one, never neither. The file is readable by
/// its owner alone.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    owner_only(temporary.path())?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn owner_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Moves a file that could not be read out of the way, to
/// `NAME.damaged-SECONDS`, and returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".damaged-{seconds}"));
    let mut target = path.with_file_name(&name);
    let mut counter = 1;
    while target.exists() {
        let mut numbered = name.clone();
        numbered.push(format!("-{counter}"));
        target = path.with_file_name(numbered);
        counter += 1;
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_file_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_readable_by_their_owner_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.ron");
        write_atomically(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn damaged_files_are_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        for round in 0..3 {
            std::fs::write(&path, format!("garbage {round}")).unwrap();
            let aside = set_aside(&path).unwrap();
            assert!(!path.exists());
            assert_eq!(
                std::fs::read_to_string(&aside).unwrap(),
                format!("garbage {round}")
            );
            assert!(
                aside
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("settings.ron.damaged-")
            );
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }
}
