//! Validation: the errors that make a scenario unplayable, and the pedagogical lint
//! (warnings) that points at what is likely to teach badly. Every problem in a file
//! is reported at once, each located by the path of the value it concerns.

mod citations;
mod languages;
mod levels;
mod lint;
mod paths;
mod probes;
mod rules;

pub use languages::translations_without_source;

use super::diagnostic::Diagnostic;
use super::dimensions::DimensionSet;
use super::graph::ScenarioGraph;
use super::model::Scenario;
use super::suggest::did_you_mean;

/// Every error and warning in `scenario`, in no particular order.
pub fn validate(scenario: &Scenario) -> Vec<Diagnostic> {
    let mut context = Context {
        scenario,
        graph: ScenarioGraph::build(scenario),
        dimensions: DimensionSet::for_scenario(scenario),
        out: Vec::new(),
    };
    rules::check(&mut context);
    lint::check(&mut context);
    levels::check(&mut context);
    citations::check(&mut context);
    probes::check(&mut context);
    paths::check(&mut context);
    languages::check(&mut context);
    context.out
}

/// The help for an id that names no node, when no node's id is close to it.
const USE_A_NODE_ID: &str = "use the id of a node";

/// What the checks share: the scenario, its graph and dimensions, and the
/// diagnostics found so far.
struct Context<'a> {
    scenario: &'a Scenario,
    graph: ScenarioGraph<'a>,
    dimensions: DimensionSet,
    out: Vec<Diagnostic>,
}

impl Context<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    /// Reports `id` if it names no node. The path and the description of what
    /// names it are built only when there is a problem: validation runs over every
    /// choice of large scenarios.
    fn require_node(
        &mut self,
        id: &str,
        path: impl FnOnce() -> String,
        code: &'static str,
        what: impl FnOnce() -> String,
    ) {
        self.require_node_or(id, path, code, what, USE_A_NODE_ID);
    }

    /// As [`Self::require_node`], with `help` when no node's id is close to `id`.
    fn require_node_or(
        &mut self,
        id: &str,
        path: impl FnOnce() -> String,
        code: &'static str,
        what: impl FnOnce() -> String,
        help: &str,
    ) {
        if self.graph.index(id).is_none() {
            self.unknown_node(id, path(), code, &what(), help);
        }
    }

    /// Reports `id`, which names no node, at `path`; `what` says what names it,
    /// and `help` what to do when no node's id is close to it.
    fn unknown_node(&mut self, id: &str, path: String, code: &'static str, what: &str, help: &str) {
        let help = did_you_mean(id, self.graph.ids()).unwrap_or_else(|| help.to_owned());
        let message = format!("{what} \"{id}\", which does not exist");
        self.push(
            Diagnostic::error(code, path, message)
                .with_label("no node has this id")
                .with_help(help),
        );
    }

    /// Reports `id` if it names no dimension (the path is built only then).
    fn require_dimension(&mut self, id: &str, path: impl FnOnce() -> String) {
        if self.dimensions.get(id).is_none() {
            let help = did_you_mean(id, self.dimensions.ids()).unwrap_or_else(|| {
                let known: Vec<&str> = self.dimensions.ids().collect();
                format!(
                    "the dimensions are {}; declare new ones under `dimensions`",
                    known.join(", ")
                )
            });
            self.push(
                Diagnostic::error(
                    "unknown-dimension",
                    path(),
                    format!("unknown dimension \"{id}\""),
                )
                .with_label("not a dimension of this scenario")
                .with_help(help),
            );
        }
    }
}

/// Whether `text` is empty or white space only. It stops at the first character
/// that is not white space, where `trim().is_empty()` would also scan from the end:
/// validation asks this of several texts of every choice.
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests;
