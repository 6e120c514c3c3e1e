//! "Play from here": the state a scenario would be in at a moment, found by
//! playing the shortest way there from the beginning.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use crate::core::engine::{
    Engine, FeedbackMode, PlayableScenario, RelationalState, Response, Settings, Status,
};

/// How many sessions the search plays at most before it gives up.
const SEARCH_LIMIT: usize = 20_000;

/// Where play from a moment starts.
#[derive(Debug, Clone, PartialEq)]
pub struct StartHere {
    pub relational: RelationalState,
    /// The scenario clock, in minutes after midnight.
    pub clock: u32,
    /// The answers of the shortest way here, by id (a timeout as `None`);
    /// empty at the beginning.
    pub way: Vec<Option<String>>,
}

/// The state at `node` along the shortest way there from the beginning
/// (answers taken as offered, conditions and deadlines included), or none when
/// no way was found: the search tells states apart by moment and relational
/// state, and gives up after [`SEARCH_LIMIT`] answers.
pub fn state_at(playable: &Arc<PlayableScenario>, node: &str) -> Option<StartHere> {
    let settings = Settings {
        feedback: FeedbackMode::Immediate,
        ..Settings::default()
    };
    let (engine, _) = Engine::start(playable, None, 0, settings).ok()?;
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([(engine, Vec::new())]);
    let mut played = 0;
    while let Some((engine, way)) = queue.pop_front() {
        let state = engine.state();
        if state.node == node {
            return Some(StartHere {
                relational: state.relational.clone(),
                clock: state.clock,
                way,
            });
        }
        let reached = (
            state.node.clone(),
            serde_json::to_string(&state.relational).unwrap_or_default(),
        );
        if !seen.insert(reached) || state.status != Status::Playing {
            continue;
        }
        let mut responses: Vec<Response> = state
            .shown
            .choices
            .iter()
            .cloned()
            .map(Response::Choice)
            .collect();
        if engine.node().timeout.is_some() {
            responses.push(Response::Timeout);
        }
        for response in responses {
            played += 1;
            if played > SEARCH_LIMIT {
                return None;
            }
            let mut next = engine.clone();
            if next.respond_with(&response).is_ok() {
                let mut way = way.clone();
                way.push(match response {
                    Response::Choice(id) => Some(id),
                    Response::Timeout => None,
                });
                queue.push_back((next, way));
            }
        }
    }
    None
}
