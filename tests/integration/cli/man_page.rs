//! The manual pages the Debian package installs, `packaging/man/`: `doorway.1`
//! and one page per command (`doorway-validate.1`, …, which `doorway.1` refers
//! to), rendered from the command line's own definition (clap_mangen) and
//! committed, so that packaging needs no extra build step.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;
use doorway::cli::Cli;

use super::repo;

/// Each page in `folder`, by file name.
fn pages_in(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    (
                        name,
                        std::fs::read(entry.path()).expect("a page is readable"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The committed pages are the ones the command line renders today, no more and
/// no fewer; `DOORWAY_UPDATE_GOLDEN=1` writes them again.
#[test]
fn the_packaged_man_pages_match_the_command_line() {
    let rendered = tempfile::tempdir().expect("a temporary folder");
    clap_mangen::generate_to(Cli::command(), rendered.path()).expect("the pages render");
    let rendered = pages_in(rendered.path());
    assert!(rendered.contains_key("doorway.1") && rendered.contains_key("doorway-validate.1"));
    let folder = repo().join("packaging/man");
    if std::env::var_os("DOORWAY_UPDATE_GOLDEN").is_some() {
        if folder.exists() {
            std::fs::remove_dir_all(&folder).expect("the old pages are removed");
        }
        std::fs::create_dir_all(&folder).expect("packaging/man is made");
        for (name, page) in &rendered {
            std::fs::write(folder.join(name), page).expect("a page is written");
        }
    }
    assert!(
        pages_in(&folder) == rendered,
        "the command line's help changed since packaging/man/ was made: run \
         DOORWAY_UPDATE_GOLDEN=1 cargo test --test integration man_page and review the diff"
    );
}
