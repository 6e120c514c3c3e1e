//! Integration tests. All of them live in this one test binary (each file directly
//! under `tests/` would link the whole crate again).

#[cfg(feature = "app")]
mod app;
mod cli;
mod lrs;
#[cfg(feature = "app")]
mod screen_reader;
#[cfg(feature = "app")]
mod smoke;
mod sync;
#[cfg(feature = "app")]
mod typing;
