//! What an edit costs in the editor and the spreadsheet round trip, on the
//! largest shipped scenario: one keystroke committed (the checker runs again),
//! the scenario written as text (a save), and a sheet exported and imported.
//!
//! `cargo bench --no-default-features --bench editing`

use divan::Bencher;
use doorway::core::editor::Draft;
use doorway::core::load::{LoadOptions, parse};
use doorway::core::model::Scenario;
use doorway::core::scenario_text::scenario_text;
use doorway::core::sheet::{Separator, export_csv, import_csv};
use doorway::core::shipped::SHIPPED_SCENARIOS;

fn main() {
    divan::main();
}

/// The largest shipped scenario, by text.
fn largest() -> (&'static str, Scenario) {
    let (name, text) = SHIPPED_SCENARIOS
        .iter()
        .max_by_key(|(_, text)| text.len())
        .expect("scenarios ship");
    (
        name,
        parse(text, LoadOptions::default()).expect("shipped scenarios parse"),
    )
}

#[divan::bench(sample_count = 20)]
fn keystroke_committed(bencher: Bencher) {
    let folder = tempfile::tempdir().expect("temp folder");
    let (name, scenario) = largest();
    let file = folder.path().join(name);
    std::fs::write(&file, scenario_text(&scenario)).expect("written");
    let mut draft = Draft::open(&file).expect("opens");
    let mut letters = 0;
    bencher.bench_local(|| {
        letters += 1;
        draft.scenario_mut().acts[0].nodes[0].text.push('a');
        draft.commit("acts[0].nodes[0].text");
        letters
    });
}

#[divan::bench(sample_count = 20)]
fn written_as_text(bencher: Bencher) {
    let (_, scenario) = largest();
    bencher.bench_local(|| scenario_text(&scenario));
}

#[divan::bench(sample_count = 20)]
fn sheet_out_and_back(bencher: Bencher) {
    let (_, scenario) = largest();
    bencher.bench_local(|| {
        let csv = export_csv(&scenario, Separator::Comma);
        import_csv(&csv, &scenario).map(|imported| imported.scenario)
    });
}
