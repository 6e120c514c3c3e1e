//! The content hash that ties a transcript to the exact scenario it was made on.

use sha2::{Digest, Sha256};

use crate::core::model::Scenario;

/// SHA-256 of the scenario's content, in hexadecimal. Comments and layout in the
/// file do not change it; any change to what the scenario says or does does.
pub fn content_hash(scenario: &Scenario) -> String {
    let canonical = serde_json::to_vec(scenario).expect("a scenario serialises");
    Sha256::digest(&canonical)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
