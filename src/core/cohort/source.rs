//! Where a class's attempts come from, and reading them all in one call: the
//! front ends (the command line, the app's Class screen) read a class the same
//! way, whatever its source.

use std::path::PathBuf;

use super::aggregate::{Class, Filter};
use super::read::{Skipped, read_folder};

/// Where a class's attempts are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassSource {
    /// A folder of exported xAPI files and attempt files, read with its
    /// subfolders.
    Folder(PathBuf),
}

impl std::fmt::Display for ClassSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClassSource::Folder(folder) => write!(f, "{}", folder.display()),
        }
    }
}

/// The class's attempts that `filter` takes, with the files that could not be
/// read; an error in words when the source cannot be read at all. The class
/// is summed up by [`Class::summarize`], with or without names.
pub fn read_class(source: &ClassSource, filter: Filter) -> Result<(Class, Vec<Skipped>), String> {
    let mut class = Class::new(filter);
    let skipped = match source {
        ClassSource::Folder(folder) => {
            if !folder.is_dir() {
                return Err(format!("{} is not a folder", folder.display()));
            }
            read_folder(folder, &mut |attempt| class.add(attempt))
        }
    };
    Ok((class, skipped))
}
