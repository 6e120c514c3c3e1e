//! Scenarios in other languages, through string tables as Yarn Spinner keeps
//! them: [`extract`] lists every translatable text of a scenario under a
//! stable id ([`texts`]) in a CSV table ([`table`]) a translator fills in, and
//! [`apply`] writes the translated scenario, reporting the texts the table
//! leaves untranslated (missing) or translated from an older wording (stale).
//! A translation may cover the first acts alone ([`part`]).

pub mod apply;
pub mod extract;
pub mod part;
pub mod table;
pub mod texts;

pub use apply::{Applied, Target, apply, translated_id};
pub use extract::{Extraction, Status, Unused, extract, status};
pub use part::{PartError, first_acts};
pub use table::{Row, StringTable, TableError, lock, read_table, write_table};

#[cfg(test)]
mod shipped_tests;
#[cfg(test)]
mod tests;
