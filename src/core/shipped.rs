//! The scenarios shipped with Doorway, embedded in the binary so it runs from any
//! folder.

/// File name and text of each shipped scenario.
pub const SHIPPED_SCENARIOS: &[(&str, &str)] = &[
    (
        "drop-in.scenario.ron",
        include_str!("../../scenarios/drop-in.scenario.ron"),
    ),
    (
        "repair-drill.scenario.ron",
        include_str!("../../scenarios/repair-drill.scenario.ron"),
    ),
    (
        "email-after-two-years.scenario.ron",
        include_str!("../../scenarios/email-after-two-years.scenario.ron"),
    ),
    (
        "old-time-slot.scenario.ron",
        include_str!("../../scenarios/old-time-slot.scenario.ron"),
    ),
    (
        "return-in-crisis.scenario.ron",
        include_str!("../../scenarios/return-in-crisis.scenario.ron"),
    ),
    (
        "thank-you-visit.scenario.ron",
        include_str!("../../scenarios/thank-you-visit.scenario.ron"),
    ),
    (
        "session-limit.scenario.ron",
        include_str!("../../scenarios/session-limit.scenario.ron"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, SCENARIO_EXTENSION, load_str};

    #[test]
    fn every_shipped_scenario_validates_with_no_warnings() {
        for (name, text) in SHIPPED_SCENARIOS {
            let loaded = load_str(name, (*text).to_owned(), LoadOptions::default());
            assert!(loaded.scenario.is_some(), "{name} does not parse");
            assert!(
                loaded.report.diagnostics.is_empty(),
                "{name}:\n{}",
                loaded.report.render_plain()
            );
        }
    }

    #[test]
    fn every_scenario_on_disk_is_embedded() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("the scenarios folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(SCENARIO_EXTENSION))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<&str> = SHIPPED_SCENARIOS.iter().map(|(name, _)| *name).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "add new scenarios to SHIPPED_SCENARIOS");
    }
}
