//! Content tests of the shipped translations: each is exactly what its
//! committed string table writes, the tables are complete and up to date with
//! their sources, and the translations validate, play to every ending and say
//! that they await a clinician's review.

use super::*;
use crate::core::check::check_scenario;
use crate::core::engine::PlayableScenario;
use crate::core::load::{LoadOptions, load_str, parse};
use crate::core::model::{Review, Scenario};
use crate::core::scenario_text::scenario_text;
use crate::core::shipped::SHIPPED_SCENARIOS;

/// A shipped translation: its file, its source's file, its table and how many
/// acts it keeps.
struct Shipped {
    file: &'static str,
    source: &'static str,
    table: &'static str,
    acts: Option<usize>,
}

const TRANSLATIONS: &[Shipped] = &[
    Shipped {
        file: "repair-drill.es.scenario.ron",
        source: "repair-drill.scenario.ron",
        table: include_str!("../../../scenarios/translations/repair-drill.es.csv"),
        acts: None,
    },
    Shipped {
        file: "drop-in.es.scenario.ron",
        source: "drop-in.scenario.ron",
        table: include_str!("../../../scenarios/translations/drop-in.es.csv"),
        acts: Some(1),
    },
];

fn shipped_text(file: &str) -> &'static str {
    SHIPPED_SCENARIOS
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("{file} is not shipped"))
}

fn shipped(file: &str) -> Scenario {
    parse(shipped_text(file), LoadOptions::default()).expect("shipped scenarios parse")
}

#[test]
fn every_shipped_translation_is_what_its_table_writes() {
    for shipped_translation in TRANSLATIONS {
        let translation = shipped(shipped_translation.file);
        let record = translation
            .translation
            .as_ref()
            .expect("a translation record");
        let table = read_table(shipped_translation.table.as_bytes()).expect("the table reads");
        let target = Target {
            language: translation.language.clone(),
            review: record.review,
            note: record.note.clone(),
            acts: shipped_translation.acts,
        };
        let applied = apply(&shipped(shipped_translation.source), &table, &target).unwrap();
        assert!(
            applied.is_complete() && applied.unknown.is_empty(),
            "{}: missing {:?}, stale {:?}, unknown {:?}",
            shipped_translation.file,
            applied.missing,
            applied.stale,
            applied.unknown
        );
        assert!(
            scenario_text(&applied.scenario) == shipped_text(shipped_translation.file),
            "{} is not what `doorway strings apply` writes from its table: apply it again",
            shipped_translation.file
        );
    }
}

#[test]
fn every_shipped_table_is_extracted_from_its_source_as_it_is_now() {
    for shipped_translation in TRANSLATIONS {
        let table = read_table(shipped_translation.table.as_bytes()).expect("the table reads");
        let source = shipped(shipped_translation.source);
        let source = match shipped_translation.acts {
            Some(acts) => first_acts(&source, acts).unwrap(),
            None => source,
        };
        let extraction = extract(&source, Some(&table), Unused::Keep);
        assert_eq!(
            (
                extraction.missing.len(),
                extraction.stale.len(),
                extraction.unused.len()
            ),
            (0, 0, 0),
            "{}: missing {:?}, stale {:?}, unused {:?}",
            shipped_translation.file,
            extraction.missing,
            extraction.stale,
            extraction.unused
        );
        assert!(
            write_table(&extraction.table) == shipped_translation.table.as_bytes(),
            "{}: the table is not as `doorway strings extract` writes it: extract it again",
            shipped_translation.file
        );
    }
}

#[test]
fn the_shipped_translations_are_spanish_machine_assisted_and_awaiting_review() {
    for shipped_translation in TRANSLATIONS {
        let translation = shipped(shipped_translation.file);
        let source = shipped(shipped_translation.source);
        let record = translation
            .translation
            .as_ref()
            .expect("a translation record");
        assert_eq!(translation.language, "es");
        assert_eq!(translation.id, translated_id(&source.id, "es"));
        assert_eq!(record.of, source.id);
        assert_eq!(record.review, Review::MachineAssisted);
        assert_eq!(record.acts, shipped_translation.acts);
        assert!(
            record.note.contains("pendiente de revisión"),
            "{}: {}",
            shipped_translation.file,
            record.note
        );
    }
}

#[test]
fn the_shipped_translations_validate_and_play_to_every_ending() {
    for shipped_translation in TRANSLATIONS {
        let loaded = load_str(
            shipped_translation.file,
            shipped_text(shipped_translation.file).to_owned(),
            LoadOptions::default(),
        );
        assert_eq!(
            (loaded.report.error_count(), loaded.report.warning_count()),
            (0, 0),
            "{}",
            loaded.report.render_plain()
        );
        let playable = PlayableScenario::new(loaded.scenario.expect("it parses"));
        let report = check_scenario(&playable, Default::default());
        assert!(
            report.failures.is_empty(),
            "{}: {:?}",
            shipped_translation.file,
            report.failures
        );
        assert_eq!(
            report.endings_reached, report.endings,
            "{}",
            shipped_translation.file
        );
        assert!(report.endings > 0);
    }
}

/// The drop-in's first act ends at each moment of the later acts it leads to,
/// and a path that keeps the connection ends as well as any other: the
/// appointment kept is `Held`.
#[test]
fn the_drop_ins_first_act_ends_where_the_later_acts_begin() {
    let part = shipped("drop-in.es.scenario.ron");
    let source = shipped("drop-in.scenario.ron");
    assert_eq!(part.acts.len(), 1);
    let endings: Vec<(&str, crate::core::model::EndingKind)> = part
        .nodes()
        .filter_map(|node| Some((node.id.as_str(), node.ending.as_ref()?.kind)))
        .collect();
    let later: Vec<&str> = source.acts[1..]
        .iter()
        .flat_map(|act| act.nodes.iter().map(|node| node.id.as_str()))
        .collect();
    assert_eq!(endings.len(), 4, "{endings:?}");
    for (id, _) in &endings {
        assert!(later.contains(id), "{id} is not a moment of a later act");
    }
    assert!(endings.contains(&("thursday", crate::core::model::EndingKind::Held)));
}
