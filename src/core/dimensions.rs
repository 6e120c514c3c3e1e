//! The relational dimensions every scenario has, and the set a scenario ends up with
//! once its own declarations are added.

use super::model::{Band, DimensionDef, Scenario};

/// Id of the connection dimension (towards mutual connection or acute disconnection).
pub const CONNECTION: &str = "connection";
/// Id of the distance dimension: negative is too close, positive too distant.
pub const DISTANCE: &str = "distance";
/// Id of the repair dimension.
pub const REPAIR: &str = "repair";
/// Id of the frame dimension.
pub const FRAME: &str = "frame";
/// Id of the authenticity dimension.
pub const AUTHENTICITY: &str = "authenticity";

/// The default dimensions from the relational-model guide.
pub fn default_dimensions() -> Vec<DimensionDef> {
    let def = |id: &str, label: &str, description: &str, source: &str| DimensionDef {
        id: id.to_owned(),
        label: label.to_owned(),
        description: description.to_owned(),
        min: -10,
        max: 10,
        initial: 0,
        optimal: None,
        source: source.to_owned(),
    };
    vec![
        def(
            CONNECTION,
            "Connection",
            "Towards mutual connection, or towards an acute disconnection.",
            "Relational-Cultural Theory (Miller & Stiver, 1997)",
        ),
        DimensionDef {
            optimal: Some(Band { low: -2, high: 2 }),
            ..def(
                DISTANCE,
                "Distance",
                "A continuum, not a score: below the band is too close (rescuing, \
                 over-disclosure, abandoning the next client), above it too distant \
                 (procedural, cool, self-protective).",
                "Optimal distance (Mallinckrodt, Choi & Daly, 2015)",
            )
        },
        DimensionDef {
            min: 0,
            ..def(
                REPAIR,
                "Repair",
                "Work on a rupture: clarifying, giving a rationale, or inviting a \
                 joint look at what happened between us.",
                "Safran & Muran (2000); 3RS resolution strategies",
            )
        },
        def(
            FRAME,
            "Frame",
            "Honouring the boundaries that protect every client: the next client's \
             time, a planned termination, what the service can offer.",
            "Boundaries (Gutheil & Gabbard, 1993)",
        ),
        def(
            AUTHENTICITY,
            "Authenticity",
            "Saying the one true thing rather than hiding behind procedure or \
             over-sharing.",
            "Relational-Cultural Theory (Jordan, 2018)",
        ),
    ]
}

/// The dimensions in force for one scenario: the defaults, with the scenario's own
/// declarations replacing a default of the same id or added after them.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionSet {
    dims: Vec<DimensionDef>,
}

impl DimensionSet {
    /// The set for `scenario`.
    pub fn for_scenario(scenario: &Scenario) -> Self {
        let mut dims = default_dimensions();
        for own in &scenario.dimensions {
            match dims.iter_mut().find(|d| d.id == own.id) {
                Some(existing) => *existing = own.clone(),
                None => dims.push(own.clone()),
            }
        }
        if let (Some(own), Some(distance)) = (
            &scenario.optimal_distance,
            dims.iter_mut().find(|d| d.id == DISTANCE),
        ) {
            distance.optimal = Some(own.band());
        }
        Self { dims }
    }

    /// The dimension with this id.
    pub fn get(&self, id: &str) -> Option<&DimensionDef> {
        self.dims.iter().find(|d| d.id == id)
    }

    /// Position of the dimension with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.dims.iter().position(|d| d.id == id)
    }

    /// All dimensions, defaults first.
    pub fn iter(&self) -> impl Iterator<Item = &DimensionDef> {
        self.dims.iter()
    }

    /// Number of dimensions.
    pub fn len(&self) -> usize {
        self.dims.len()
    }

    /// Whether the set is empty (never, since the defaults are always present).
    pub fn is_empty(&self) -> bool {
        self.dims.is_empty()
    }

    /// The ids, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.dims.iter().map(|d| d.id.as_str())
    }
}
