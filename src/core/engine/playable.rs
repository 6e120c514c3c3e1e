//! A scenario made ready to play: node positions, dimensions and the content hash
//! are worked out once and shared by every session on it. A draft (a scenario
//! with errors) also carries what it cannot play yet.

use std::collections::HashMap;
use std::sync::Arc;

use super::draft::{DraftBlocked, Gaps, MomentGaps};
use super::hash::content_hash;
use crate::core::diagnostic::Diagnostic;
use crate::core::dimensions::DimensionSet;
use crate::core::model::{Act, Node, Scenario};

/// A scenario with what the engine looks up on every step.
#[derive(Debug)]
pub struct PlayableScenario {
    scenario: Scenario,
    positions: HashMap<String, (usize, usize)>,
    dimensions: DimensionSet,
    hash: String,
    gaps: Gaps,
}

impl PlayableScenario {
    /// Prepares a scenario (which should have validated without errors).
    pub fn new(scenario: Scenario) -> Arc<Self> {
        Arc::new(Self::prepare(scenario, Gaps::default()))
    }

    /// Prepares a draft: a scenario whose `diagnostics` (as validation gives
    /// them) may hold errors. Play goes as far as it is written: an answer
    /// with an error is shown but cannot be chosen, with the error's message
    /// (see the engine's `ShownChoice::disabled`). Fails when play cannot
    /// begin at all (no moments, no start, a dimension's range), naming the
    /// errors to fix. Without errors, the same as [`PlayableScenario::new`].
    pub fn draft(
        scenario: Scenario,
        diagnostics: &[Diagnostic],
    ) -> Result<Arc<Self>, DraftBlocked> {
        let gaps = Gaps::of(&scenario, diagnostics)?;
        Ok(Arc::new(Self::prepare(scenario, gaps)))
    }

    fn prepare(scenario: Scenario, gaps: Gaps) -> Self {
        let mut positions = HashMap::new();
        for (a, act) in scenario.acts.iter().enumerate() {
            for (s, node) in act.nodes.iter().enumerate() {
                positions.entry(node.id.clone()).or_insert((a, s));
            }
        }
        Self {
            dimensions: DimensionSet::for_scenario(&scenario),
            hash: content_hash(&scenario),
            positions,
            scenario,
            gaps,
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The act and the place in it of the node with this id.
    pub fn position(&self, id: &str) -> Option<(usize, usize)> {
        self.positions.get(id).copied()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.position(id)
            .map(|(act, slot)| &self.scenario.acts[act].nodes[slot])
    }

    /// The act that holds the node with this id.
    pub fn act_of(&self, id: &str) -> Option<&Act> {
        self.position(id).map(|(act, _)| &self.scenario.acts[act])
    }

    pub fn dimensions(&self) -> &DimensionSet {
        &self.dimensions
    }

    /// SHA-256 of the scenario's content.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }

    /// How many errors this draft is played with (0 for a scenario without).
    pub fn draft_errors(&self) -> usize {
        self.gaps.errors
    }

    /// What the draft cannot play at the moment with this id.
    pub(super) fn gaps_at(&self, id: &str) -> Option<&MomentGaps> {
        self.gaps.moments.get(&self.position(id)?)
    }

    /// Why the deadline at this (act, deadline) position leads nowhere, in a
    /// draft.
    pub(super) fn deadline_gap(&self, act: usize, deadline: usize) -> Option<&str> {
        self.gaps
            .deadlines
            .get(&(act, deadline))
            .map(String::as_str)
    }
}
