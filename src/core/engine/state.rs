//! The relational state of a session: each dimension's value, the ruptures opened
//! and repaired, and the nodes visited.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::core::dimensions::DimensionSet;
use crate::core::model::{Condition, EntryPoint, RuptureKind};

/// A rupture, with the step that opened it and the one that repaired it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rupture {
    pub kind: RuptureKind,
    /// The step whose response opened it (0 for one assumed by an entry point).
    pub opened_step: usize,
    pub repaired_step: Option<usize>,
}

impl Rupture {
    /// Ruptures assumed open where play starts past the beginning (an entry
    /// point, a moment practised again): step 0 stands for "before play".
    pub fn assumed_open(kinds: &[RuptureKind]) -> Vec<Rupture> {
        kinds
            .iter()
            .map(|&kind| Rupture {
                kind,
                opened_step: 0,
                repaired_step: None,
            })
            .collect()
    }
}

/// Everything about the relationship the engine tracks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationalState {
    /// Each dimension's value, by id.
    pub values: BTreeMap<String, i32>,
    pub ruptures: Vec<Rupture>,
    pub visited: BTreeSet<String>,
}

/// A change to one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionChange {
    pub dimension: String,
    pub from: i32,
    pub to: i32,
}

/// The state as recorded in a transcript step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateSnapshot {
    pub values: BTreeMap<String, i32>,
    pub open_ruptures: Vec<RuptureKind>,
}

impl RelationalState {
    /// The state at the start: each dimension at its initial value, or at what the
    /// entry point assumes.
    pub fn initial(dimensions: &DimensionSet, entry: Option<&EntryPoint>) -> Self {
        let mut values: BTreeMap<String, i32> = dimensions
            .iter()
            .map(|d| (d.id.clone(), d.initial))
            .collect();
        let mut ruptures = Vec::new();
        let mut visited = BTreeSet::new();
        if let Some(entry) = entry {
            for (id, value) in &entry.state {
                if let (Some(slot), Some(dim)) = (values.get_mut(id), dimensions.get(id)) {
                    *slot = (*value).clamp(dim.min, dim.max);
                }
            }
            ruptures = Rupture::assumed_open(&entry.open_ruptures);
            visited = entry.visited.iter().cloned().collect();
        }
        Self {
            values,
            ruptures,
            visited,
        }
    }

    /// The value of a dimension (0 for one the scenario does not have).
    pub fn value(&self, dimension: &str) -> i32 {
        self.values.get(dimension).copied().unwrap_or(0)
    }

    /// Ruptures not yet repaired.
    pub fn open_ruptures(&self) -> impl Iterator<Item = &Rupture> {
        self.ruptures.iter().filter(|r| r.repaired_step.is_none())
    }

    /// Whether a condition holds now.
    pub fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::Visited(node) => self.visited.contains(node),
            Condition::NotVisited(node) => !self.visited.contains(node),
            Condition::RuptureOpen => self.open_ruptures().next().is_some(),
            Condition::NoRuptureOpen => self.open_ruptures().next().is_none(),
            Condition::AtLeast(dimension, value) => self.value(dimension) >= *value,
            Condition::AtMost(dimension, value) => self.value(dimension) <= *value,
        }
    }

    /// Applies effects, each clamped to its dimension's range, and returns the
    /// changes that happened.
    pub fn apply(
        &mut self,
        effects: &BTreeMap<String, i32>,
        dimensions: &DimensionSet,
    ) -> Vec<DimensionChange> {
        let mut changes = Vec::new();
        for (id, delta) in effects {
            let (Some(value), Some(dim)) = (self.values.get_mut(id), dimensions.get(id)) else {
                continue;
            };
            let from = *value;
            let to = from.saturating_add(*delta).clamp(dim.min, dim.max);
            if to != from {
                *value = to;
                changes.push(DimensionChange {
                    dimension: id.clone(),
                    from,
                    to,
                });
            }
        }
        changes
    }

    /// Opens a rupture at `step`.
    pub fn open_rupture(&mut self, kind: RuptureKind, step: usize) {
        self.ruptures.push(Rupture {
            kind,
            opened_step: step,
            repaired_step: None,
        });
    }

    /// Repairs every open rupture at `step`, returning the kinds repaired.
    pub fn repair_all(&mut self, step: usize) -> Vec<RuptureKind> {
        self.ruptures
            .iter_mut()
            .filter(|r| r.repaired_step.is_none())
            .map(|r| {
                r.repaired_step = Some(step);
                r.kind
            })
            .collect()
    }

    /// The state as a transcript records it.
    pub fn snapshot(&self) -> StateSnapshot {
        StateSnapshot {
            values: self.values.clone(),
            open_ruptures: self.open_ruptures().map(|r| r.kind).collect(),
        }
    }
}
