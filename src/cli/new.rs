//! `doorway new`: a new scenario file from the commented template.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::core::load::SCENARIO_EXTENSION;
use crate::core::template::scenario_template;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id, also its file name: letters, digits, `-` and `_`.
    pub name: String,
    /// The folder to write it in.
    #[arg(long, default_value = "scenarios")]
    pub dir: PathBuf,
}

/// Writes `DIR/NAME.scenario.ron`; false if the name is unusable or the file exists.
pub(super) fn run(args: &NewArgs) -> bool {
    let valid = !args.name.is_empty()
        && args
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        eprintln!(
            "error: \"{}\" cannot be a scenario name: use letters, digits, - and _ only (for example repair-drill)",
            args.name
        );
        return false;
    }
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        eprintln!("error: cannot create {}: {error}", args.dir.display());
        return false;
    }
    let path = args.dir.join(format!("{}{SCENARIO_EXTENSION}", args.name));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let written = file.and_then(|mut f| f.write_all(scenario_template(&args.name).as_bytes()));
    match written {
        Ok(()) => {
            println!(
                "created {}\nnext: edit it, then run `doorway validate {}`",
                path.display(),
                path.display()
            );
            true
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; choose another name",
                path.display()
            );
            false
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", path.display());
            false
        }
    }
}
