use super::*;
use crate::core::fixtures::{fixture, fixture_text};
use crate::core::load::{LoadOptions, load_str, parse};
use crate::core::model::{EndingKind, Review, Scenario};
use crate::core::scenario_text::scenario_text;

fn source() -> Scenario {
    fixture("translation").scenario().clone()
}

fn target(acts: Option<usize>) -> Target {
    Target {
        language: "es".to_owned(),
        review: Review::MachineAssisted,
        note: "Pendiente de revisión.".to_owned(),
        acts,
    }
}

/// The table with every text translated by `translate`.
fn translated(table: &StringTable, translate: impl Fn(&str) -> String) -> StringTable {
    let mut table = table.clone();
    for row in &mut table.rows {
        row.translation = translate(&row.source);
    }
    table
}

fn ids(table: &StringTable) -> Vec<&str> {
    table.rows.iter().map(|row| row.id.as_str()).collect()
}

#[test]
fn every_text_a_trainee_reads_gets_an_id_from_the_structure() {
    let table = extract(&source(), None, Unused::Keep).table;
    for id in [
        "meta.title",
        "meta.learning_goal.2",
        "meta.optimal_distance.reason",
        "meta.trainee_support",
        "character.ada.name",
        "dimension.warmth.label",
        "act.door.place",
        "act.door.deadline.1",
        "node.knock.narration",
        "node.knock.alternative.1",
        "node.knock.inner",
        "node.knock.timeout.feedback.client",
        "node.knock.probe.answer.2.feedback",
        "node.knock.probe.explanation",
        "node.knock.choice.welcome.says",
        "node.knock.choice.form.feedback.concept",
        "node.end.ending.text",
        "entry.the_letter.description",
    ] {
        assert!(ids(&table).contains(&id), "no row {id}");
    }
    assert!(
        !table.rows.iter().any(|row| row.source.contains("Fixture")),
        "sources and citations are kept as written"
    );
    assert!(
        !ids(&table).contains(&"node.letter.text"),
        "an empty text has nothing to translate"
    );
    let says = table.row("node.knock.text").unwrap();
    assert_eq!(says.comment, "said by Ada");
    assert_eq!(says.lock, lock("Is now a good time?"));
}

#[test]
fn an_identity_translation_gives_back_an_equal_scenario() {
    let source = source();
    let table = translated(&extract(&source, None, Unused::Keep).table, str::to_owned);
    let applied = apply(&source, &table, &target(None)).unwrap();
    assert!(applied.is_complete());
    let mut expected = source.clone();
    expected.id = "translation.es".to_owned();
    expected.language = "es".to_owned();
    expected.translation = applied.scenario.translation.clone();
    assert_eq!(applied.scenario, expected);
    let again = parse(&scenario_text(&applied.scenario), LoadOptions::default()).unwrap();
    assert_eq!(
        again, applied.scenario,
        "the written text reads back the same"
    );
}

#[test]
fn a_table_survives_csv_and_ids_are_stable_across_extractions() {
    let source = source();
    let table = translated(&extract(&source, None, Unused::Keep).table, |s| {
        format!("ES {s}")
    });
    let read = read_table(&write_table(&table)).unwrap();
    assert_eq!(ids(&read), ids(&table));
    assert_eq!(
        read.row("meta.title").unwrap().translation,
        "ES A small translation"
    );
    assert_eq!(read.row("meta.title").unwrap().line, 2);

    let again = extract(&source, Some(&read), Unused::Keep);
    assert_eq!(again.table.rows.len(), table.rows.len());
    for (old, new) in table.rows.iter().zip(&again.table.rows) {
        assert_eq!(
            (&old.id, &old.translation, &old.lock),
            (&new.id, &new.translation, &new.lock)
        );
    }
    assert!(again.missing.is_empty() && again.stale.is_empty() && again.unused.is_empty());
}

#[test]
fn a_changed_source_line_marks_its_translation_stale_by_id() {
    let mut source = source();
    let table = translated(&extract(&source, None, Unused::Keep).table, |s| {
        format!("ES {s}")
    });
    source.acts[0].nodes[0].choices[0].says = "Come in; we have five minutes.".to_owned();

    let again = extract(&source, Some(&table), Unused::Keep);
    assert_eq!(again.stale, ["node.knock.choice.welcome.says"]);
    let row = again.table.row("node.knock.choice.welcome.says").unwrap();
    assert_eq!(row.translation, "ES Come in; we have ten minutes.");
    assert!(
        row.comment
            .contains("It was: \"Come in; we have ten minutes.\""),
        "{}",
        row.comment
    );
    assert_ne!(row.lock, lock(&row.source));

    let applied = apply(&source, &again.table, &target(None)).unwrap();
    assert_eq!(applied.stale, ["node.knock.choice.welcome.says"]);
    assert!(applied.missing.is_empty());

    // The translator updates it and empties the lock: it is current again.
    let mut updated = again.table.clone();
    let row = updated
        .rows
        .iter_mut()
        .find(|r| r.id == "node.knock.choice.welcome.says")
        .unwrap();
    row.translation = "ES Come in; we have five minutes.".to_owned();
    row.lock.clear();
    let third = extract(&source, Some(&updated), Unused::Keep);
    assert!(third.stale.is_empty());
    assert_eq!(
        third
            .table
            .row("node.knock.choice.welcome.says")
            .unwrap()
            .lock,
        lock("Come in; we have five minutes.")
    );
}

#[test]
fn missing_and_unknown_strings_are_reported_by_id() {
    let source = source();
    let mut table = translated(&extract(&source, None, Unused::Keep).table, |s| {
        format!("ES {s}")
    });
    table.rows.retain(|row| row.id != "node.knock.inner");
    table
        .rows
        .iter_mut()
        .find(|r| r.id == "meta.summary")
        .unwrap()
        .translation
        .clear();
    table.rows.push(Row {
        id: "node.gone.text".to_owned(),
        source: "Gone".to_owned(),
        translation: "Ido".to_owned(),
        lock: lock("Gone"),
        comment: String::new(),
        line: 0,
    });
    let applied = apply(&source, &table, &target(None)).unwrap();
    assert_eq!(applied.missing, ["meta.summary", "node.knock.inner"]);
    assert_eq!(applied.unknown, ["node.gone.text"]);
    assert_eq!(
        applied.scenario.summary, source.summary,
        "a missing text stays as it was"
    );
    assert_eq!(applied.scenario.title, "ES A small translation");

    let again = extract(&source, Some(&table), Unused::Keep);
    assert_eq!(again.missing, ["meta.summary", "node.knock.inner"]);
    assert_eq!(again.unused, ["node.gone.text"]);
    let kept = again.table.rows.last().unwrap();
    assert_eq!(
        (kept.id.as_str(), kept.translation.as_str()),
        ("node.gone.text", "Ido")
    );
    assert!(kept.comment.starts_with("UNUSED"), "{}", kept.comment);
    let pruned = extract(&source, Some(&again.table), Unused::Drop);
    assert_eq!(pruned.unused, ["node.gone.text"]);
    assert!(pruned.table.row("node.gone.text").is_none());
}

#[test]
fn csv_errors_name_their_line_and_column() {
    let text = "id,source,translation,lock,comment\r\n\
                meta.title,A,B,00000000,\r\n\
                ,A,B,,\r\n\
                meta.title,A,B,,\r\n\
                meta.summary,A,B,nothex!!,\r\n";
    let errors = read_table(text.as_bytes()).unwrap_err();
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "3:1: this row has no id",
            "4:1: \"meta.title\" is here twice; line 2 has it first",
            "5:4: \"nothex!!\" is not a lock (eight hex digits); leave it as extracted, or empty it once the translation fits the source in this row",
        ]
    );
    let header = read_table(b"key,text\nmeta.title,A\n").unwrap_err();
    assert_eq!(header[0].line, 1);
    assert!(
        header[0].message.contains("\"id\""),
        "{}",
        header[0].message
    );
    let not_utf8 = read_table(b"id,source,translation,lock\nmeta.title,A,\xff\xfe,\n").unwrap_err();
    assert_eq!((not_utf8[0].line, not_utf8[0].column), (2, 3));
}

#[test]
fn a_table_in_another_column_order_reads_the_same() {
    let text = "comment,lock,translation,source,id\nnote,,Título,A small translation,meta.title\n";
    let table = read_table(text.as_bytes()).unwrap();
    let row = table.row("meta.title").unwrap();
    assert_eq!(
        (row.translation.as_str(), row.comment.as_str()),
        ("Título", "note")
    );
    assert_eq!(status(Some(row), "A small translation"), Status::Current);
}

#[test]
fn the_first_act_alone_ends_where_it_leads_on_and_plays_to_an_end() {
    let source = source();
    let part = first_acts(&source, 1).unwrap();
    assert_eq!(part.acts.len(), 1);
    let exit = part.nodes().find(|node| node.id == "letter").unwrap();
    let ending = exit.ending.as_ref().expect("the exit is an ending");
    assert_eq!(ending.title, "A week later");
    assert!(
        ending.text.contains("Your inbox, a week later"),
        "{}",
        ending.text
    );
    assert_eq!(
        ending.kind,
        EndingKind::Held,
        "reached by a welcome, without a rupture"
    );
    assert_eq!(exit.narration.as_deref(), Some("A letter from Ada waits."));
    assert!(
        part.entry_points.is_empty(),
        "the drill starts in the left-out act"
    );
    assert!(part.expectations.is_empty());

    let table = translated(&extract(&part, None, Unused::Keep).table, |s| {
        format!("ES {s}")
    });
    let applied = apply(&source, &table, &target(Some(1))).unwrap();
    assert!(
        applied.is_complete(),
        "{:?} {:?}",
        applied.missing,
        applied.stale
    );
    assert_eq!(applied.scenario.translation.as_ref().unwrap().acts, Some(1));
    let text = scenario_text(&applied.scenario);
    let loaded = load_str("translation.es.scenario.ron", text, LoadOptions::default());
    assert_eq!(
        loaded.report.error_count(),
        0,
        "{}",
        loaded.report.render_plain()
    );

    let playable = crate::core::engine::PlayableScenario::new(applied.scenario);
    let report = crate::core::check::check_scenario(&playable, Default::default());
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.endings_reached, report.endings);
}

#[test]
fn a_part_of_every_act_or_none_is_refused() {
    let source = source();
    assert!(first_acts(&source, 0).is_err());
    let error = first_acts(&source, 2).unwrap_err();
    assert!(error.to_string().contains("has 2 acts"), "{error}");
}

#[test]
fn the_translation_record_loads_and_old_files_default_to_english() {
    let old = parse(fixture_text("two-acts"), LoadOptions::default()).unwrap();
    assert_eq!(old.language, "en");
    assert_eq!(old.translation, None);
    assert!(
        !scenario_text(&old).contains("language:"),
        "the default is not written"
    );

    let text = fixture_text("translation").replacen(
        "version: \"1.0\",",
        "version: \"1.0\", language: \"es\", translation: (of: \"repair-drill\", review: MachineAssisted, note: \"Pendiente.\"),",
        1,
    );
    let scenario = parse(&text, LoadOptions::default()).unwrap();
    assert_eq!(scenario.language, "es");
    let translation = scenario.translation.as_ref().unwrap();
    assert_eq!(
        (translation.of.as_str(), translation.review),
        ("repair-drill", Review::MachineAssisted)
    );
    assert_eq!(
        parse(&scenario_text(&scenario), LoadOptions::default()).unwrap(),
        scenario
    );
}
