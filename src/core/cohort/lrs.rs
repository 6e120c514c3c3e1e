//! Reading a class's attempts from a learning record store: the statements
//! page by page (following `more` links), grouped into attempts as they come,
//! so that only one page and the attempts in progress are held at a time.

use std::collections::HashSet;

use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use super::AttemptRecord;
use super::statements::Grouper;
use crate::core::lrs::client::{Client, LrsError};

/// How many statements each page asks for.
pub const PAGE_STATEMENTS: usize = 500;

/// Which statements to ask the store for.
#[derive(Debug, Clone, Default)]
pub struct LrsQuery {
    /// Seconds since the Unix epoch: attempts begun before are not wanted.
    pub since: Option<i64>,
    /// Only the statements about this activity and its parts: a scenario's
    /// activity IRI (see [`scenario_activity`]).
    pub activity: Option<String>,
}

/// What a reading from a store came to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LrsReadSummary {
    pub pages: usize,
    pub statements: usize,
    /// Statements that are not Doorway's (no registration, another activity), skipped.
    pub foreign: usize,
    /// Statements that came after their attempt had been counted, left out.
    pub late: usize,
}

/// A scenario's activity IRI, as `doorway export --format xapi` writes it.
pub fn scenario_activity(base_iri: &str, scenario: &str) -> String {
    format!("{}/scenarios/{scenario}", base_iri.trim_end_matches('/'))
}

/// Calls `found` with each attempt in the store that `query` selects.
pub fn read_lrs(
    client: &Client,
    query: &LrsQuery,
    found: &mut dyn FnMut(AttemptRecord),
) -> Result<LrsReadSummary, LrsError> {
    let since = query.since.map(store_since);
    let limit = PAGE_STATEMENTS.to_string();
    let mut parameters = vec![("limit", limit.as_str())];
    if let Some(since) = &since {
        parameters.push(("since", since));
    }
    if let Some(activity) = &query.activity {
        parameters.push(("activity", activity));
        parameters.push(("related_activities", "true"));
    }
    let mut summary = LrsReadSummary::default();
    let mut grouper = Grouper::new();
    let mut followed: HashSet<String> = HashSet::new();
    let mut page = client.first_page(&parameters)?;
    loop {
        summary.pages += 1;
        summary.statements += page.statements.len();
        for statement in &page.statements {
            if grouper.take(statement, found).is_err() {
                summary.foreign += 1;
            }
        }
        let Some(more) = page.more.filter(|more| !more.is_empty()) else {
            break;
        };
        if !followed.insert(more.clone()) {
            return Err(LrsError::BadAnswer(format!(
                "its `more` link leads back to a page already read, after {} pages",
                summary.pages
            )));
        }
        page = client.next_page(&more)?;
    }
    summary.late = grouper.late;
    grouper.finish(found);
    Ok(summary)
}

/// The `since` sent to the store for attempts begun on or after `since`: a
/// day earlier, because some stores (Ralph) compare it with each statement's
/// timestamp rather than the time it was stored, which would cut an attempt
/// begun before midnight in two. The class's filter drops the early ones.
fn store_since(since: i64) -> String {
    OffsetDateTime::from_unix_timestamp(since)
        .map(|t| t - Duration::DAY)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}
