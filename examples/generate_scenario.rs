//! Writes a large synthetic scenario, for trying the loader and the app at scale.
//!
//! `cargo run --release --example generate_scenario -- 10000 big.scenario.ron`

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(nodes), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: generate_scenario NODES OUTPUT_FILE");
        return ExitCode::from(2);
    };
    let Ok(nodes) = nodes.parse::<usize>() else {
        eprintln!("NODES must be a whole number, not {nodes:?}");
        return ExitCode::from(2);
    };
    let text = doorway::core::synthetic::generate_scenario(nodes);
    match std::fs::write(&path, &text) {
        Ok(()) => {
            println!("wrote {path}: {nodes} nodes, {} bytes", text.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write {path}: {error}");
            ExitCode::FAILURE
        }
    }
}
