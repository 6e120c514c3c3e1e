//! Doorway: a training simulator for the moments therapists most often get wrong.
//!
//! [`core`] holds everything that does not need a window: the scenario format, its
//! loader and validator, analysis and the session engine. [`app`] is the desktop
//! app on top of it, and [`cli`] the `doorway` command line.

pub mod app;
pub mod cli;
pub mod core;
