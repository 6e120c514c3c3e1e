//! Doorway: a training simulator for the moments therapists most often get wrong.
//!
//! [`core`] holds everything that does not need a window: the scenario format, its
//! loader and validator, and analysis. [`cli`] is the `doorway` command line.

pub mod cli;
pub mod core;
