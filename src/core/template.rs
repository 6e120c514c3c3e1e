//! The commented template `doorway new` starts a scenario from.

/// The template text, with `__ID__` where the scenario's id goes.
const TEMPLATE: &str = include_str!("../../assets/templates/new.scenario.ron");

/// A valid, commented scenario with the given id, ready to edit.
pub fn scenario_template(id: &str) -> String {
    TEMPLATE.replace("__ID__", id)
}

#[cfg(test)]
mod tests {
    use super::scenario_template;
    use crate::core::check::{CheckOptions, check_scenario};
    use crate::core::diagnostic::Severity;
    use crate::core::engine::PlayableScenario;
    use crate::core::load::{LoadOptions, load_str};

    #[test]
    fn the_template_has_no_problem_and_its_test_paths_pass() {
        let loaded = load_str("new", scenario_template("new"), LoadOptions::default());
        assert!(
            loaded.report.diagnostics.is_empty(),
            "{}",
            loaded.report.render_plain()
        );
        let scenario = loaded.playable().expect("it loads").clone();
        assert_eq!(scenario.id, "new");
        let report = check_scenario(&PlayableScenario::new(scenario), CheckOptions::default());
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        assert_eq!(report.expectations, 3);
        assert_eq!(report.endings_reached, report.endings);
    }

    #[test]
    fn a_story_replaced_around_the_drill_and_test_paths_says_what_to_do_with_them() {
        let template = scenario_template("mine");
        let story_start = template
            .find("    start:")
            .expect("the template has a start");
        let story_end = template
            .find("    // A drill")
            .expect("the template has a drill");
        let story = r#"    start: "hello",
    acts: [Act(id: "a", title: "A", place: "A room", clock_start: "10:00", nodes: [
        Node(id: "hello", speaker: "alex", text: "Hi.", choices: [
            Choice(id: "hi", says: "Hi.", target: "end"),
        ]),
        Node(id: "end", ending: Ending(kind: Held, title: "End", text: "The end.")),
    ])],
"#;
        let replaced = format!(
            "{}{story}{}",
            &template[..story_start],
            &template[story_end..]
        );
        let loaded = load_str("mine", replaced, LoadOptions::default());
        let errors: Vec<_> = loaded
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 5, "{}", loaded.report.render_plain());
        for error in errors {
            let help = error.help.as_deref().unwrap_or_default();
            assert!(
                help.contains("or delete the"),
                "{} says only: {help}",
                error.code
            );
        }
    }
}
