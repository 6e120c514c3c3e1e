//! Where a class's attempts come from, and reading them all in one call: the
//! front ends (the command line, the app's Class screen) read a class the same
//! way, whatever its source.

use std::path::PathBuf;

use super::aggregate::{Class, Filter};
use super::lrs::{LrsQuery, read_lrs, scenario_activity};
use super::read::{Skipped, read_folder};
use crate::core::lrs::client::{Client, Credentials};

/// Where a class's attempts are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassSource {
    /// A folder of exported xAPI files and attempt files, read with its
    /// subfolders.
    Folder(PathBuf),
    /// A learning record store, read page by page.
    Lrs(LrsSource),
}

/// A learning record store to read a class from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LrsSource {
    /// The xAPI endpoint.
    pub endpoint: String,
    pub credentials: Credentials,
    /// The base of the activity IRIs the statements were written with, to ask
    /// the store for one scenario only.
    pub base_iri: String,
}

impl std::fmt::Display for ClassSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClassSource::Folder(folder) => write!(f, "{}", folder.display()),
            ClassSource::Lrs(lrs) => f.write_str(&lrs.endpoint),
        }
    }
}

/// A class as read: its attempts, the files that could not be read, and
/// notes on statements left out.
#[derive(Debug)]
pub struct ClassRead {
    pub class: Class,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
}

/// The class's attempts that `filter` takes; an error in words when the
/// source cannot be read at all. The class is summed up by
/// [`Class::summarize`], with or without names.
pub fn read_class(source: &ClassSource, filter: Filter) -> Result<ClassRead, String> {
    let mut class = Class::new(filter.clone());
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    match source {
        ClassSource::Folder(folder) => {
            if !folder.is_dir() {
                return Err(format!("{} is not a folder", folder.display()));
            }
            skipped = read_folder(folder, &mut |attempt| class.add(attempt));
        }
        ClassSource::Lrs(lrs) => {
            let query = LrsQuery {
                since: filter.since,
                activity: filter
                    .scenario
                    .as_ref()
                    .map(|scenario| scenario_activity(&lrs.base_iri, scenario)),
            };
            let read = Client::new(&lrs.endpoint, lrs.credentials.clone())
                .and_then(|client| read_lrs(&client, &query, &mut |attempt| class.add(attempt)))
                .map_err(|e| e.to_string())?;
            if read.foreign > 0 {
                notes.push(format!(
                    "{} of {} statements are not Doorway's (no registration, or another activity) and were skipped",
                    read.foreign, read.statements
                ));
            }
            if read.late > 0 {
                notes.push(format!(
                    "{} statements came after their attempt had been counted and were left out",
                    read.late
                ));
            }
        }
    }
    Ok(ClassRead {
        class,
        skipped,
        notes,
    })
}
