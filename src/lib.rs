//! Doorway: a training simulator for the moments therapists most often get wrong.
//!
//! `core` holds everything that does not need a window: the scenario format, its
//! loader and validator, analysis, the session engine, the store and the exports.
//! `app` is the desktop app on top of it (the default cargo feature `app`), and
//! `cli` the `doorway` command line, a second front end on the same core.

#[cfg(feature = "app")]
pub mod app;
pub mod cli;
pub mod core;
