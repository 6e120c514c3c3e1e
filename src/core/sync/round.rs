//! One round of sending: each waiting attempt that is due, oldest first, one
//! POST each. A refused attempt waits with its own backoff while the others go
//! on; a problem every request would meet (no connection, a refused key, a
//! failing store) ends the round, and the whole queue waits with a backoff.

use super::queue::{Failure, Sent, SyncQueue};
use crate::core::lrs::client::{Client, LrsError, Posted};

/// The wait after the first failed try, in seconds; it doubles with each
/// failure in a row.
const FIRST_RETRY: u64 = 15;
/// The longest wait between tries, in seconds.
const LONGEST_RETRY: u64 = 15 * 60;

/// The next try of an attempt that trying again cannot help (the store holds
/// other statements under its ids): only `doorway sync` or Send tries it.
pub const NOT_BY_ITSELF: u64 = u64::MAX;

/// The seconds to wait after `tries` failures in a row.
pub fn retry_delay(tries: u32) -> u64 {
    let doublings = tries.saturating_sub(1).min(16);
    (FIRST_RETRY << doublings).min(LONGEST_RETRY)
}

/// What happened to one attempt in a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundEvent {
    Sent {
        attempt_id: String,
        posted: Posted,
    },
    /// The attempt stays queued; `reason` says why it was not sent.
    NotSent {
        attempt_id: String,
        reason: String,
    },
}

/// How a round ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundEnd {
    /// The problem that stopped it, if one did.
    pub problem: Option<Failure>,
    /// When the next attempt falls due, if any is still waiting.
    pub next_due: Option<u64>,
}

/// How a round chooses what to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Only attempts whose wait is over (the background worker).
    WhenDue,
    /// Every waiting attempt now (`doorway sync`).
    Now,
}

/// Sends what is due, reporting each attempt; stops early when `go_on`
/// says so between attempts.
pub fn send_round(
    queue: &SyncQueue,
    client: &Client,
    now: &dyn Fn() -> u64,
    due: Due,
    report: &mut dyn FnMut(RoundEvent),
    go_on: &dyn Fn() -> bool,
) -> RoundEnd {
    let previous = queue.problem();
    if due == Due::WhenDue
        && let Some(problem) = &previous
        && problem.next_try > now()
    {
        return RoundEnd {
            next_due: Some(problem.next_try),
            problem: previous,
        };
    }
    let mut next_due: Option<u64> = None;
    let mut later = |time: u64| {
        if time != NOT_BY_ITSELF {
            next_due = Some(next_due.map_or(time, |t| t.min(time)));
        }
    };
    let mut reached = false;
    for waiting in queue.waiting() {
        if !go_on() {
            later(now());
            break;
        }
        if due == Due::WhenDue
            && let Some(failure) = &waiting.failure
            && failure.next_try > now()
        {
            later(failure.next_try);
            continue;
        }
        let id = waiting.attempt_id;
        let read = match queue.statements(&id) {
            Ok(read) => read,
            Err(reason) => {
                report(RoundEvent::NotSent {
                    attempt_id: id,
                    reason,
                });
                continue;
            }
        };
        let result = client.post_statements(&read.statements);
        reached |= result.is_ok();
        match result {
            Ok(posted) => {
                let sent = Sent {
                    sent_at: now(),
                    statements: read.statements.len(),
                    host: client.host().to_owned(),
                };
                let event = match queue.record_sent(&id, &sent, &read) {
                    Ok(()) => RoundEvent::Sent {
                        attempt_id: id,
                        posted,
                    },
                    Err(e) => RoundEvent::NotSent {
                        attempt_id: id,
                        reason: format!("it was sent, but that could not be noted here ({e})"),
                    },
                };
                report(event);
            }
            Err(error) if error.concerns_this_request() => {
                reached = true;
                let mut failure = next_failure(waiting.failure.as_ref(), &error, now());
                if error.is_final() {
                    failure.next_try = NOT_BY_ITSELF;
                }
                later(failure.next_try);
                let reason = match queue.record_refusal(&id, &failure) {
                    Ok(()) => error.to_string(),
                    Err(e) => format!("{error} (and this could not be noted: {e})"),
                };
                report(RoundEvent::NotSent {
                    attempt_id: id,
                    reason,
                });
            }
            Err(error) => {
                let failure = next_failure(previous.as_ref(), &error, now());
                let _ = queue.record_problem(Some(&failure));
                report(RoundEvent::NotSent {
                    attempt_id: id,
                    reason: error.to_string(),
                });
                return RoundEnd {
                    next_due: Some(failure.next_try),
                    problem: Some(failure),
                };
            }
        }
    }
    if reached && previous.is_some() {
        let _ = queue.record_problem(None);
    }
    RoundEnd {
        problem: None,
        next_due,
    }
}

/// The failure after `previous`, one more in a row.
fn next_failure(previous: Option<&Failure>, error: &LrsError, now: u64) -> Failure {
    let tries = previous.map_or(0, |f| f.tries) + 1;
    Failure {
        tries,
        reason: error.to_string(),
        last_try: now,
        next_try: now + retry_delay(tries),
    }
}
