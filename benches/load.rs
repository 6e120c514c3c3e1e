//! Load + validate + analyse against bare `ron` deserialisation of the same text,
//! at 1k, 10k and 100k nodes.
//!
//! `cargo bench --bench load`

use std::sync::OnceLock;

use divan::Bencher;
use doorway::core::analysis::analyse;
use doorway::core::load::{LoadOptions, load_str};
use doorway::core::model::Scenario;
use doorway::core::synthetic::generate_scenario;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

fn text(nodes: usize) -> &'static str {
    static TEXTS: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| SIZES.iter().map(|&n| (n, generate_scenario(n))).collect());
    &texts
        .iter()
        .find(|(n, _)| *n == nodes)
        .expect("a benchmarked size")
        .1
}

/// Large enough for the 100k-node file, which is over the 8 MiB limit for authors.
fn options() -> LoadOptions {
    LoadOptions {
        max_bytes: u64::MAX,
        ..LoadOptions::default()
    }
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn bare_ron_parse(bencher: Bencher, nodes: usize) {
    let text = text(nodes);
    bencher.bench(|| {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<Scenario>(text)
            .expect("parses")
    });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn load_validate_analyse(bencher: Bencher, nodes: usize) {
    let text = text(nodes);
    // The result is returned so that, as for the bare parse, dropping it is not timed.
    bencher.bench(|| {
        let loaded = load_str("bench", text.to_owned(), options());
        let analysis = analyse(loaded.scenario.as_ref().expect("parses"));
        (loaded, analysis)
    });
}
