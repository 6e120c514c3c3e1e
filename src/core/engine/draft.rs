//! Drafts: a scenario with errors, played as far as it is written, so that an
//! author can try the first half while writing the second.
//!
//! Each error is placed by the path of the value it concerns, so the rule
//! holds for every code: an answer with an error in it is shown but cannot be
//! chosen; a timeout with an error (or a time limit with one) stops the
//! moment's clock; a noticing question with an error is not asked; a moment
//! with no answers yet, or whose answers all have errors, is as far as the
//! draft goes; a deadline whose moment does not exist disables the answers
//! that would let it take over (see the engine). Errors elsewhere (entry
//! points, expectations, declarations) do not change play. A few errors leave
//! nothing to play, and block the draft: no moments, no start or an unknown
//! one, a dimension's range that does not fit, and a file that cannot be read.

use std::collections::{BTreeMap, HashMap};

use crate::core::diagnostic::{Diagnostic, Location, Severity};
use crate::core::model::Scenario;

/// The codes of errors a draft cannot be played with: play has no moment to
/// begin at, or no sound dimensions to keep.
const BLOCKING: [&str; 4] = [
    "no-nodes",
    "missing-start",
    "unknown-start",
    "bad-dimension",
];

/// Why a draft cannot be played at all: the errors to fix before it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftBlocked {
    /// Those errors, located (line and column) when they come from a report.
    pub errors: Vec<Diagnostic>,
}

impl std::fmt::Display for DraftBlocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("this draft cannot be played yet: ")?;
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&error.message)?;
            if error.line > 0 {
                write!(f, " (line {}, column {})", error.line, error.column)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for DraftBlocked {}

/// What a draft cannot play at one moment, each with the message of the
/// error that says why.
#[derive(Debug, Default)]
pub(super) struct MomentGaps {
    /// The answers that cannot be chosen, by choice id.
    pub(super) choices: BTreeMap<String, String>,
    /// The timeout cannot be taken (and the clock does not run).
    pub(super) timeout: Option<String>,
    /// The time limit does not run.
    pub(super) time_limit: Option<String>,
    /// The noticing question is not asked.
    pub(super) probe: Option<String>,
    /// The moment has no answers yet.
    pub(super) unwritten: Option<String>,
}

/// Everything a draft cannot play, by place.
#[derive(Debug, Default)]
pub(super) struct Gaps {
    /// How many errors the draft has.
    pub(super) errors: usize,
    /// By the moment's position (act, place in the act).
    pub(super) moments: HashMap<(usize, usize), MomentGaps>,
    /// Deadlines whose moment does not exist, by (act, deadline) position.
    pub(super) deadlines: HashMap<(usize, usize), String>,
}

impl Gaps {
    /// The gaps of `scenario` from its diagnostics (only the errors count),
    /// or why it cannot be played at all.
    pub(super) fn of(
        scenario: &Scenario,
        diagnostics: &[Diagnostic],
    ) -> Result<Self, DraftBlocked> {
        let errors: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let blocking: Vec<Diagnostic> = errors
            .iter()
            .filter(|d| BLOCKING.contains(&d.code))
            .map(|d| (*d).clone())
            .collect();
        if !blocking.is_empty() {
            return Err(DraftBlocked { errors: blocking });
        }
        let mut gaps = Gaps {
            errors: errors.len(),
            ..Gaps::default()
        };
        for error in errors {
            let Location::Path(path) = &error.location else {
                continue;
            };
            gaps.place(scenario, error, Place::of(path));
        }
        Ok(gaps)
    }

    /// Records one error where it belongs; the first error at a place says why.
    fn place(&mut self, scenario: &Scenario, error: &Diagnostic, place: Place) {
        let why = || error.message.clone();
        match place {
            Place::Choice { act, node, choice } => {
                let Some(choice) = scenario
                    .acts
                    .get(act)
                    .and_then(|a| a.nodes.get(node))
                    .and_then(|n| n.choices.get(choice))
                else {
                    return;
                };
                self.moment(act, node)
                    .choices
                    .entry(choice.id.clone())
                    .or_insert_with(why);
            }
            Place::Moment { act, node, part } => {
                let moment = self.moment(act, node);
                let slot = match part {
                    Part::Timeout => &mut moment.timeout,
                    Part::TimeLimit => &mut moment.time_limit,
                    Part::Probe => &mut moment.probe,
                    Part::Other if error.code == "dead-end" => &mut moment.unwritten,
                    Part::Other => return,
                };
                slot.get_or_insert_with(why);
            }
            Place::Deadline { act, deadline } if error.code == "unknown-deadline-node" => {
                self.deadlines.entry((act, deadline)).or_insert_with(why);
            }
            Place::Deadline { .. } | Place::Elsewhere => {}
        }
    }

    fn moment(&mut self, act: usize, node: usize) -> &mut MomentGaps {
        self.moments.entry((act, node)).or_default()
    }
}

/// The part of a moment an error concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Timeout,
    TimeLimit,
    Probe,
    Other,
}

/// Where in the scenario an error's path points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Choice {
        act: usize,
        node: usize,
        choice: usize,
    },
    Moment {
        act: usize,
        node: usize,
        part: Part,
    },
    Deadline {
        act: usize,
        deadline: usize,
    },
    Elsewhere,
}

impl Place {
    /// Reads a path such as `acts[0].nodes[2].choices[1].target`.
    fn of(path: &str) -> Self {
        let Some((act, rest)) = indexed(path, "acts") else {
            return Place::Elsewhere;
        };
        let rest = rest.strip_prefix('.').unwrap_or_default();
        if let Some((deadline, _)) = indexed(rest, "deadlines") {
            return Place::Deadline { act, deadline };
        }
        let Some((node, rest)) = indexed(rest, "nodes") else {
            return Place::Elsewhere;
        };
        let rest = rest.strip_prefix('.').unwrap_or_default();
        if let Some((choice, _)) = indexed(rest, "choices") {
            return Place::Choice { act, node, choice };
        }
        let field = rest.split(['.', '[']).next().unwrap_or_default();
        let part = match field {
            "timeout" => Part::Timeout,
            "time_limit" => Part::TimeLimit,
            "probe" => Part::Probe,
            _ => Part::Other,
        };
        Place::Moment { act, node, part }
    }
}

/// `name[index]` at the start of `path`: the index and what follows.
fn indexed<'p>(path: &'p str, name: &str) -> Option<(usize, &'p str)> {
    let rest = path.strip_prefix(name)?.strip_prefix('[')?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_placed_by_its_path() {
        assert_eq!(
            Place::of("acts[1].nodes[2].choices[3].target"),
            Place::Choice {
                act: 1,
                node: 2,
                choice: 3
            }
        );
        assert_eq!(
            Place::of("acts[0].nodes[4].choices[0].effects[\"conection\"]"),
            Place::Choice {
                act: 0,
                node: 4,
                choice: 0
            }
        );
        let moment = |part| Place::Moment {
            act: 0,
            node: 1,
            part,
        };
        assert_eq!(
            Place::of("acts[0].nodes[1].timeout.target"),
            moment(Part::Timeout)
        );
        assert_eq!(
            Place::of("acts[0].nodes[1].time_limit"),
            moment(Part::TimeLimit)
        );
        assert_eq!(
            Place::of("acts[0].nodes[1].probe.answers[2].text"),
            moment(Part::Probe)
        );
        assert_eq!(Place::of("acts[0].nodes[1].id"), moment(Part::Other));
        assert_eq!(
            Place::of("acts[2].deadlines[1].node"),
            Place::Deadline {
                act: 2,
                deadline: 1
            }
        );
        for elsewhere in [
            "start",
            "acts",
            "acts[0].id",
            "entry_points[0].node",
            "expectations[1].steps[0]",
            "acts[x].nodes[0]",
        ] {
            assert_eq!(Place::of(elsewhere), Place::Elsewhere, "{elsewhere}");
        }
    }

    #[test]
    fn a_blocked_draft_says_which_errors_to_fix_and_where() {
        let mut no_start = Diagnostic::error("missing-start", "start", "the scenario has no start");
        no_start.line = 3;
        no_start.column = 5;
        let blocked = DraftBlocked {
            errors: vec![
                no_start,
                Diagnostic::error("bad-dimension", "dimensions[0].max", "a bad range"),
            ],
        };
        assert_eq!(
            blocked.to_string(),
            "this draft cannot be played yet: the scenario has no start (line 3, column 5); a bad range"
        );
    }
}
