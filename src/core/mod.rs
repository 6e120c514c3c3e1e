//! The pure core: the scenario model, loading, validation and analysis. Nothing in
//! here depends on Bevy, so it compiles and tests quickly and can be driven from
//! the command line.

pub mod analysis;
pub mod check;
pub mod clock;
pub mod diagnostic;
pub mod dimensions;
pub mod engine;
pub mod export;
pub mod files;
pub mod glossary;
pub mod graph;
pub mod graph_export;
pub mod install;
pub mod layout;
pub mod load;
pub mod model;
pub mod practice;
pub mod preferences;
pub mod review;
pub mod script;
pub mod shipped;
pub mod source_map;
pub mod store;
pub mod suggest;
pub mod synthetic;
pub mod template;
pub mod validate;

#[cfg(test)]
mod robustness_tests;

#[cfg(test)]
mod docs_tests;
