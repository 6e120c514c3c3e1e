//! The commented template `doorway new` starts a scenario from.

/// The template text, with `__ID__` where the scenario's id goes.
const TEMPLATE: &str = include_str!("../../assets/templates/new.scenario.ron");

/// A valid, commented scenario with the given id, ready to edit.
pub fn scenario_template(id: &str) -> String {
    TEMPLATE.replace("__ID__", id)
}
