//! A scenario made ready to play: node positions, dimensions and the content hash
//! are worked out once and shared by every session on it.

use std::collections::HashMap;
use std::sync::Arc;

use super::hash::content_hash;
use crate::core::dimensions::DimensionSet;
use crate::core::model::{Act, Node, Scenario};

/// A scenario with what the engine looks up on every step.
#[derive(Debug)]
pub struct PlayableScenario {
    scenario: Scenario,
    positions: HashMap<String, (usize, usize)>,
    dimensions: DimensionSet,
    hash: String,
}

impl PlayableScenario {
    /// Prepares a scenario (which should have validated without errors).
    pub fn new(scenario: Scenario) -> Arc<Self> {
        let mut positions = HashMap::new();
        for (a, act) in scenario.acts.iter().enumerate() {
            for (s, node) in act.nodes.iter().enumerate() {
                positions.entry(node.id.clone()).or_insert((a, s));
            }
        }
        Arc::new(Self {
            dimensions: DimensionSet::for_scenario(&scenario),
            hash: content_hash(&scenario),
            positions,
            scenario,
        })
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
}
