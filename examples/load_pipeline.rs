//! Runs one step of loading on a synthetic scenario, whole process: timed by
//! `scripts/bench-load-pipeline.sh`, instructions counted by
//! `scripts/bench-load-instructions.sh` (in-process figures come from
//! `cargo bench --bench load`).
//!
//! `load_pipeline none|bare|full NODES`: `none` only generates the text; `bare`
//! also deserialises it with `ron`; `full` loads, validates and analyses it, as
//! `doorway validate` and `doorway stats` do.

use std::process::ExitCode;

use doorway::core::analysis::analyse;
use doorway::core::load::{LoadOptions, load_str, parse};
use doorway::core::synthetic::generate_scenario;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(Ok(nodes))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: load_pipeline none|bare|full NODES");
        return ExitCode::from(2);
    };
    let text = generate_scenario(nodes);
    let options = LoadOptions {
        max_bytes: u64::MAX,
        ..LoadOptions::default()
    };
    let _ = match mode.as_str() {
        "bare" => {
            let scenario = parse(&text, options).expect("parses");
            std::hint::black_box(&scenario);
            0
        }
        "none" => std::hint::black_box(&text).len(),
        "full" => {
            let loaded = load_str("synthetic", text, options);
            let analysis = analyse(loaded.scenario.as_ref().expect("parses"));
            std::hint::black_box((&loaded, &analysis));
            0
        }
        other => {
            eprintln!("unknown mode {other:?}: use none, bare or full");
            return ExitCode::from(2);
        }
    };
    ExitCode::SUCCESS
}
