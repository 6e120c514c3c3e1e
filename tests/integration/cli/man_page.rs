//! The man page the Debian package installs, `packaging/doorway.1`: rendered
//! from the command line's own definition (clap_mangen) and committed, so that
//! packaging needs no extra build step.

use clap::CommandFactory;
use doorway::cli::Cli;

use super::repo;

/// The committed man page is the one the command line renders today;
/// `DOORWAY_UPDATE_GOLDEN=1` rewrites it.
#[test]
fn the_packaged_man_page_matches_the_command_line() {
    let mut rendered = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut rendered)
        .expect("the man page renders");
    let path = repo().join("packaging/doorway.1");
    if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &rendered).expect("packaging/doorway.1 is written");
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "the command line's help changed since packaging/doorway.1 was made: run \
         DOORWAY_UPDATE_GOLDEN=1 cargo test --test integration man_page and review the diff"
    );
}
