//! Writing user data safely: atomic replacement, owner-only permissions, and
//! damaged files set aside instead of overwritten.

use crate::core::clock::unix_now;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

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

/// How old a temporary file left by [`write_atomically`] must be before it is
/// taken to be the remains of a write that was killed: a write takes well under
/// a second, so an hour leaves room for a slow disk and a clock that was moved.
pub const STALE_TEMPORARY: Duration = Duration::from_secs(60 * 60);

/// The start of the names [`write_atomically`] gives its temporary files.
const TEMPORARY_PREFIX: &str = ".tmp";

/// Removes the temporary files in `folder` that a killed [`write_atomically`]
/// left behind (named `.tmp…`, last changed more than `older_than` ago), and
/// returns how many went. A temporary file still being written is younger and
/// stays; one that cannot be removed stays too, to be tried again next time.
pub fn clear_stale_temporaries(folder: &Path, older_than: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(TEMPORARY_PREFIX)
        })
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| {
                    now.duration_since(modified)
                        .is_ok_and(|age| age > older_than)
                })
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
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
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(folder)?;
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
    let seconds = unix_now();
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
    fn temporary_files_left_by_a_killed_write_are_cleared_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".tmpKILLED");
        let fresh = dir.path().join(".tmpWRITING");
        let kept = dir.path().join("attempt.json");
        for path in [&old, &fresh, &kept] {
            std::fs::write(path, b"x").unwrap();
        }
        let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
        for path in [&old, &kept] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        assert_eq!(clear_stale_temporaries(dir.path(), STALE_TEMPORARY), 1);
        assert!(!old.exists(), "the killed write's leftover is gone");
        assert!(fresh.exists(), "a write that may still be going on is left");
        assert!(kept.exists(), "only temporary files are touched");
        assert_eq!(
            clear_stale_temporaries(&dir.path().join("none"), STALE_TEMPORARY),
            0
        );
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
