//! The pure core: the scenario model, loading, validation, analysis, the session
//! engine, the store and the exports. Nothing in here depends on Bevy or egui: the
//! crate builds without its `app` feature, and `.ci/run` builds and tests it that
//! way (`cargo test --no-default-features`), so an import of Bevy here fails CI.

pub mod analysis;
pub mod check;
pub mod clock;
pub mod cohort;
pub mod contrast;
pub mod course;
pub mod cues;
pub mod diagnostic;
pub mod dimensions;
pub mod editor;
pub mod engine;
pub mod export;
pub mod felt_by;
pub mod files;
pub mod fis;
pub mod glossary;
pub mod graph;
pub mod graph_export;
pub mod i18n;
pub mod install;
pub mod languages;
pub mod layout;
pub mod load;
pub mod lrs;
pub mod model;
pub mod practice;
pub mod practice_summary;
pub mod preferences;
pub mod review;
pub mod scenario_save;
pub mod scenario_text;
pub mod schedule;
pub mod script;
pub mod sheet;
pub mod shipped;
pub mod source_map;
pub mod store;
pub mod strings;
pub mod suggest;
pub mod sync;
mod syntax_causes;
pub mod synthetic;
pub mod template;
pub mod validate;
pub mod wording;

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod robustness_tests;

#[cfg(test)]
mod source_map_tests;

#[cfg(test)]
mod docs_tests;
