//! The cohort view: a class's attempts, read from exported xAPI files and
//! attempt files, summed up per scenario (endings, each moment's answers and
//! times, where connection falls, each learner's first against latest attempt).
//!
//! A learner is the xAPI actor (its `mbox`, or its account's home page and
//! name); an attempt file carries no actor, so its learner is the first folder
//! under the folder read (`class/ana/attempts/x.json` is "ana"). An attempt is
//! its xAPI registration, which an attempt file's id gives too, so the same
//! attempt read from both kinds of file counts once.

pub mod aggregate;
pub mod lrs;
pub mod read;
pub mod report;
pub mod source;
pub mod statements;
pub mod synthetic_class;

use crate::core::model::{EndingKind, Quality};

/// Who played an attempt.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Learner {
    /// The identifier the pseudonyms are numbered by.
    pub id: String,
    /// The name given in the statements, if any.
    pub name: Option<String>,
}

/// One answer at a moment of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentAnswer {
    pub node: String,
    /// The step's position in the attempt.
    pub step: usize,
    /// The option chosen; none for a timeout.
    pub choice: Option<String>,
    pub quality: Option<Quality>,
    pub timed_out: bool,
    /// Seconds from the moment's start to the answer.
    pub seconds: f64,
    /// The change of the `connection` dimension at this moment, when known.
    pub connection_change: Option<i32>,
}

/// An attempt as the cohort view needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptRecord {
    pub learner: Learner,
    /// The xAPI registration.
    pub registration: String,
    pub scenario: String,
    /// Seconds since the Unix epoch when the attempt began (or was saved).
    pub started: i64,
    pub answers: Vec<MomentAnswer>,
    /// The ending reached, by node and kind; none when the attempt was left.
    pub ending: Option<(String, EndingKind)>,
    /// Whether it was read from an xAPI file (preferred over an attempt file).
    pub from_xapi: bool,
}

#[cfg(test)]
mod lrs_tests;
#[cfg(test)]
mod tests;
