//! The round trip as a user makes it: export, edit cells, import.

use super::export::rows;
use super::table::{Cells, write_csv};
use super::*;
use crate::core::diagnostic::Severity;
use crate::core::fixtures::fixture_text;
use crate::core::load::{LoadOptions, parse};
use crate::core::model::{EndingKind, Quality, RuptureEffect, RuptureKind};
use crate::core::scenario_text::scenario_text;
use crate::core::shipped::SHIPPED_SCENARIOS;
use crate::core::template::scenario_template;

fn two_acts() -> Scenario {
    parse(fixture_text("two-acts"), LoadOptions::default()).expect("the fixture parses")
}

/// The sheet's rows, to edit as a spreadsheet user would.
struct Sheet {
    rows: Vec<Cells>,
}

impl Sheet {
    fn of(scenario: &Scenario) -> Self {
        Self {
            rows: rows(scenario),
        }
    }

    /// The row (as the spreadsheet numbers it) of an answer, or of a moment's
    /// first row when `answer` is empty.
    fn row(&self, moment: &str, answer: &str) -> usize {
        self.index(moment, answer) + 2
    }

    fn index(&self, moment: &str, answer: &str) -> usize {
        self.rows
            .iter()
            .position(|r| {
                r[Column::Moment.index()] == moment
                    && (answer.is_empty() || r[Column::AnswerId.index()] == answer)
            })
            .unwrap_or_else(|| panic!("no row for {moment} {answer}"))
    }

    fn set(&mut self, moment: &str, answer: &str, column: Column, text: &str) -> &mut Self {
        let index = self.index(moment, answer);
        self.rows[index][column.index()] = text.to_owned();
        self
    }

    fn remove(&mut self, moment: &str, answer: &str) -> &mut Self {
        let index = self.index(moment, answer);
        self.rows.remove(index);
        self
    }

    /// Adds a row after the given answer's row, with these cells.
    fn add_after(&mut self, moment: &str, answer: &str, cells: &[(Column, &str)]) -> &mut Self {
        let index = self.index(moment, answer);
        let mut row = Cells::default();
        for (column, text) in cells {
            row[column.index()] = (*text).to_owned();
        }
        self.rows.insert(index + 1, row);
        self
    }

    fn import(&self, base: &Scenario) -> Result<Imported, Vec<SheetProblem>> {
        import_csv(&write_csv(&self.rows, Separator::Comma), base)
    }

    fn errors(&self, base: &Scenario) -> Vec<String> {
        self.import(base)
            .expect_err("the sheet has errors")
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect()
    }
}

fn every_shipped_scenario_and_the_template() -> Vec<(String, Scenario)> {
    let mut all: Vec<(String, Scenario)> = SHIPPED_SCENARIOS
        .iter()
        .map(|(name, text)| {
            let scenario = parse(text, LoadOptions::default()).expect("shipped scenarios parse");
            ((*name).to_owned(), scenario)
        })
        .collect();
    let template = parse(&scenario_template("new"), LoadOptions::default()).unwrap();
    all.push(("the template".to_owned(), template));
    all
}

#[test]
fn every_shipped_scenario_comes_back_unchanged() {
    for (name, scenario) in every_shipped_scenario_and_the_template() {
        for separator in [Separator::Comma, Separator::Semicolon] {
            let csv = export_csv(&scenario, separator);
            let imported = import_csv(&csv, &scenario).unwrap_or_else(|problems| {
                panic!("{name}: {}", problems[0]);
            });
            assert!(imported.unchanged, "{name} changed");
            assert!(imported.scenario == scenario, "{name} changed");
            assert!(
                imported.changes.lines().is_empty(),
                "{name}: {:?}",
                imported.changes
            );
        }
    }
}

/// The scenario with only what the sheet carries: what an import builds into a
/// base with no moments at all.
fn carried_only(scenario: &Scenario) -> Scenario {
    let mut carried = scenario.clone();
    for node in carried.acts.iter_mut().flat_map(|a| a.nodes.iter_mut()) {
        node.alternatives.clear();
        node.probe = None;
        node.pin_order = false;
        node.felt_by = None;
        let feedback = node.choices.iter_mut().map(|c| &mut c.feedback);
        for feedback in feedback
            .chain(node.timeout.iter_mut().map(|t| &mut t.feedback))
            .flatten()
        {
            feedback.voice = None;
        }
        for choice in &mut node.choices {
            choice.when.clear();
            choice.quality = choice.level();
            choice.exemplar = false;
        }
    }
    carried
}

#[test]
fn every_cell_of_every_shipped_scenario_reads_back_as_its_value() {
    for (name, scenario) in every_shipped_scenario_and_the_template() {
        let mut empty = scenario.clone();
        for act in &mut empty.acts {
            act.nodes.clear();
        }
        let csv = export_csv(&scenario, Separator::Comma);
        let built = match import_csv(&csv, &empty) {
            Ok(imported) => imported.scenario,
            Err(problems) if problems.iter().all(|p| p.code.is_some()) => {
                // Only the validator objected (to what the sheet does not carry):
                // build again without it to compare the values.
                let table = table::read_csv(&csv).unwrap();
                let (moments, _) = group::group(&table);
                build::build(&empty, &table.layout, &moments).unwrap().0
            }
            Err(problems) => panic!("{name}: {}", problems[0]),
        };
        assert!(
            built == carried_only(&scenario),
            "{name}: a value read from its cell differs"
        );
    }
}

#[test]
fn one_edited_cell_changes_exactly_that_value() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.set("talk", "ask_more", Column::TraineeSays, "Mostly? Say more.");
    let row = sheet.row("talk", "ask_more");
    let imported = sheet.import(&base).expect("it imports");
    assert!(!imported.unchanged);
    assert_eq!(imported.changes.cells, vec![(row, Column::TraineeSays)]);
    assert_eq!(
        imported.changes.lines(),
        vec![format!("changed 1 cell: row {row} trainee says")]
    );
    let mut expected = base.clone();
    expected.acts[0].nodes[3].choices[0].says = "Mostly? Say more.".to_owned();
    assert!(imported.scenario == expected);
    let before = scenario_text(&base);
    let after = scenario_text(&imported.scenario);
    let differing: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        differing,
        vec![(
            "                            says: \"Mostly?\",",
            "                            says: \"Mostly? Say more.\","
        )]
    );
}

#[test]
fn every_kind_of_cell_is_read_when_edited() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .set("greeting", "", Column::Speaker, "Dr. Lin")
        .set("greeting", "", Column::TimeLimit, "7,5")
        .set("greeting", "", Column::Narration, "")
        .set(
            "greeting",
            "welcome",
            Column::Effects,
            "connection +3, Frame: -1",
        )
        .set("greeting", "welcome", Column::Quality, "good enough")
        .set(
            "greeting",
            "welcome",
            Column::Rupture,
            "opens confrontation",
        )
        .set("greeting", "welcome", Column::Minutes, "4")
        .set("greeting", "welcome", Column::Tags, "FIS:warmth, FIS:hope")
        .set("greeting", "welcome", Column::ClientFelt, "Good, I think.")
        .set("greeting", TIME_RUNS_OUT, Column::LeadsTo, "booked")
        .set("welcomed", "", Column::Ending, "Repaired")
        .set("welcomed", "", Column::EndingTitle, "Welcomed back");
    let scenario = sheet.import(&base).expect("it imports").scenario;
    let greeting = &scenario.acts[0].nodes[0];
    assert_eq!(greeting.speaker.as_deref(), Some("lin"));
    assert_eq!(greeting.time_limit, Some(7.5));
    assert_eq!(greeting.narration, None);
    let welcome = &greeting.choices[0];
    assert_eq!(
        welcome.effects,
        [("connection".to_owned(), 3), ("frame".to_owned(), -1)].into()
    );
    assert_eq!(welcome.quality, Some(Quality::GoodEnough));
    assert_eq!(
        welcome.rupture,
        Some(RuptureEffect::Opens(RuptureKind::Confrontation))
    );
    assert_eq!(welcome.minutes, 4);
    assert_eq!(welcome.tags, ["FIS:warmth", "FIS:hope"]);
    let feedback = welcome.feedback.as_ref().unwrap();
    assert_eq!(feedback.client, "Good, I think.");
    assert_eq!(feedback.relational, "A welcome with the limit said.");
    assert_eq!(greeting.timeout.as_ref().unwrap().target, "booked");
    let ending = scenario.acts[0].nodes[7].ending.as_ref().unwrap();
    assert_eq!(ending.kind, EndingKind::Repaired);
    assert_eq!(ending.title, "Welcomed back");
    assert_eq!(ending.text, "Ada books a time.");
    assert_eq!(
        scenario.acts[0].nodes[0].alternatives,
        ["Hi. Have you got a moment?"],
        "what the sheet does not carry is kept"
    );
}

#[test]
fn new_rows_add_answers_and_moments_with_ids_made_from_the_words() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .add_after(
            "talk",
            "keep_talking",
            &[
                (Column::Moment, "talk"),
                (Column::TraineeSays, "What makes it only mostly?"),
                (Column::LeadsTo, "wonders"),
                (Column::Quality, "Skilled"),
            ],
        )
        .add_after(
            "talk",
            "keep_talking",
            &[
                (Column::TraineeSays, "Tell me everything."),
                (Column::LeadsTo, "close"),
            ],
        )
        .add_after(
            "overran",
            "",
            &[
                (Column::Moment, "wonders"),
                (Column::Speaker, "Ada"),
                (Column::SpeakerSays, "I suppose... work."),
                (Column::AnswerId, "listen"),
                (Column::TraineeSays, "Go on."),
                (Column::LeadsTo, "close"),
            ],
        );
    let row = sheet.row("talk", "keep_talking") + 1;
    let imported = sheet.import(&base).expect("it imports");
    let talk = &imported.scenario.acts[0].nodes[3];
    let ids: Vec<&str> = talk.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ask_more",
            "keep_talking",
            "tell_me_everything",
            "what_makes_it_only"
        ]
    );
    assert_eq!(talk.choices[3].quality, Some(Quality::Skilled));
    let wonders = imported.scenario.acts[0]
        .nodes
        .iter()
        .find(|n| n.id == "wonders")
        .expect("the new moment is in the act of the moment leading to it");
    assert_eq!(wonders.speaker.as_deref(), Some("ada"));
    assert_eq!(wonders.choices[0].id, "listen");
    let changes = &imported.changes;
    assert_eq!(changes.added_moments, ["wonders"]);
    assert_eq!(changes.added_answers.len(), 2);
    assert_eq!(changes.made_ids[0].0, row);
    assert_eq!(changes.made_ids[0].1.answer, "tell_me_everything");

    // Imported again, the same words give the same ids: nothing is added twice.
    let again = sheet.import(&imported.scenario).expect("it imports again");
    assert!(again.unchanged);
}

#[test]
fn rows_taken_out_remove_answers_and_moments_and_say_so() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .remove("talk", "keep_talking")
        .remove("waiting_room", "greet_ben");
    let imported = sheet.import(&base);
    // The deadline still names the waiting room: the validator places that in
    // the scenario file, which the sheet does not carry.
    let problems = imported.expect_err("the deadline names a moment that went");
    assert!(
        problems.iter().any(|p| p
            .to_string()
            .starts_with("the scenario file, at acts[1].deadlines[0].node: ")),
        "{problems:?}"
    );

    let mut sheet = Sheet::of(&base);
    sheet
        .remove("greeting", "all_the_time")
        .remove("talk", TIME_RUNS_OUT)
        .set("talk", "", Column::TimeLimit, "");
    let row = sheet.row("talk", "");
    let lines = sheet.import(&base).expect("it imports").changes.lines();
    assert_eq!(
        lines,
        [
            format!("changed 1 cell: row {row} time limit (s)"),
            "removed 1 answer: all_the_time (greeting)".to_owned(),
            "removed the time running out at 1 moment: talk".to_owned(),
        ]
    );
}

#[test]
fn the_act_cell_moves_a_moment_to_another_act() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.set("close", "", Column::Act, "A week later");
    let imported = sheet.import(&base).expect("it imports");
    let later: Vec<&str> = imported.scenario.acts[1]
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert!(later.contains(&"close"), "{later:?}");
    assert_eq!(
        imported.changes.cells,
        [(sheet.row("close", ""), Column::Act)]
    );
}

#[test]
fn a_wrong_moment_names_the_row_the_column_and_the_likely_id() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.set("talk", "ask_more", Column::LeadsTo, "clsoe");
    let row = sheet.row("talk", "ask_more");
    assert_eq!(
        sheet.errors(&base),
        [format!(
            "row {row}, leads to: \"clsoe\" is not a moment; did you mean \"close\"?"
        )]
    );
}

#[test]
fn every_problem_is_reported_at_once_each_with_its_row_and_column() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    let first = sheet.row("greeting", "");
    let brush = sheet.row("greeting", "brush_off");
    let all = sheet.row("greeting", "all_the_time");
    let hesitated = sheet.row("hesitated", "");
    let booked = sheet.row("booked", "");
    let talk = sheet.row("talk", "");
    let close = sheet.row("close", "");
    sheet
        .set("greeting", "welcome", Column::Minutes, "two")
        .set("greeting", "welcome", Column::Effects, "warmth +1")
        .set("greeting", "brush_off", Column::Quality, "fine")
        .set("greeting", "brush_off", Column::Rupture, "closes")
        .set("greeting", "brush_off", Column::LeadsTo, "")
        .set("greeting", "all_the_time", Column::SpeakerSays, "Hi!")
        .set("greeting", "all_the_time", Column::AnswerId, "welcome")
        .set("hesitated", "", Column::TimeLimit, "30s")
        .set("hesitated", "", Column::Speaker, "Adda")
        .set("booked", "", Column::Act, "third_act")
        .set("booked", "repair", Column::TraineeSays, "")
        .set("booked", "repair", Column::AnswerId, "")
        .set("talk", "", Column::EndingTitle, "Talked")
        .set("close", "", Column::Ending, "happy");
    let mut expected = vec![
        format!(
            "row {first}, minutes: \"two\" is not a number of minutes; write a whole number of minutes, such as 2, or leave the cell blank for 0"
        ),
        format!(
            "row {first}, effects: \"warmth\" is not a dimension; the dimensions are connection, distance, repair, frame, authenticity"
        ),
        format!(
            "row {brush}, leads to: this row of \"greeting\" leads nowhere; write the id of the moment it leads to"
        ),
        format!(
            "row {brush}, rupture: \"closes\" is not a rupture; write Opens withdrawal, Opens confrontation or Repairs, or leave the cell blank"
        ),
        format!(
            "row {brush}, quality: \"fine\" is not a level; write Skilled, Good enough or Costly, or leave the cell blank"
        ),
        format!(
            "row {all}, speaker says: \"Hi!\" differs from row {first}, which says \"Hello. Is now a good time?\" for the same moment \"greeting\"; write a moment's value once (or the same on each of its rows); to start a new moment, write its id in the moment column"
        ),
        format!(
            "row {all}, answer id: the answer id \"welcome\" is also on row {first} of the moment \"greeting\"; give each answer of a moment its own id, or leave the cell blank to have one made from the words"
        ),
        format!(
            "row {hesitated}, speaker: \"Adda\" is not a character of this scenario; did you mean \"Ada\"?"
        ),
        format!(
            "row {hesitated}, time limit (s): \"30s\" is not a number of seconds; write the number alone, such as 30"
        ),
        format!(
            "row {booked}, act: \"third_act\" is not an act of this scenario; the acts are meeting, week_later; add new acts to the scenario file"
        ),
        format!(
            "row {}, trainee says: this answer says nothing; write the trainee's words, or clear the row's answer cells for a moment without answers",
            booked
        ),
        format!(
            "row {talk}, ending title: the moment is not an ending, so it has no ending title; write the kind of ending in the column \"ending\": Held, Repaired, Unresolved or Rupture deepened"
        ),
        format!(
            "row {close}, ending: \"happy\" is not a kind of ending; write Held, Repaired, Unresolved or Rupture deepened; leave it blank for a moment that is not an ending"
        ),
    ];
    let mut found = sheet.errors(&base);
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn a_second_time_running_out_and_words_on_it_are_refused() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.add_after(
        "greeting",
        TIME_RUNS_OUT,
        &[
            (Column::Moment, "greeting"),
            (Column::AnswerId, "time runs out"),
            (Column::TraineeSays, "..."),
            (Column::LeadsTo, "talk"),
        ],
    );
    let row = sheet.row("greeting", TIME_RUNS_OUT) + 1;
    let earlier = row - 1;
    let mut errors = sheet.errors(&base);
    errors.sort();
    assert_eq!(
        errors,
        [
            format!(
                "row {row}, answer id: the time runs out a second time at \"greeting\" (row {earlier} already says what happens); keep one of the two rows"
            ),
            format!(
                "row {row}, trainee says: the time running out is not an answer the trainee gives; leave trainee says blank on this row: it says what happens when nobody answers"
            ),
        ]
    );
}

#[test]
fn a_first_row_without_a_moment_and_a_moment_whose_rows_went_are_named() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.rows[0][Column::Moment.index()] = String::new();
    assert_eq!(
        sheet.errors(&base),
        ["row 2, moment: this row has no moment; write the id of the moment the row belongs to"]
    );
    let mut sheet = Sheet::of(&base);
    sheet.remove("overran", "");
    let row = sheet.row("next_client", "ask_ben_to_wait");
    assert_eq!(
        sheet.errors(&base),
        [format!(
            "row {row}, leads to: \"overran\" is not a moment; its rows were taken out of the sheet: put them back, or lead elsewhere"
        )]
    );
}

#[test]
fn the_validators_findings_are_placed_on_their_row_and_column() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .set("welcomed", "", Column::Ending, "")
        .set("welcomed", "", Column::EndingTitle, "")
        .set("welcomed", "", Column::EndingText, "");
    let row = sheet.row("welcomed", "");
    let problems = sheet.import(&base).expect_err("a dead end");
    let errors: Vec<&SheetProblem> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(
        errors.iter().any(|p| p.place
            == Place::Row {
                row,
                column: Some(Column::Moment)
            }
            && p.code.is_some()),
        "{errors:?}"
    );
}

#[test]
fn a_sheet_without_rows_is_refused() {
    let base = two_acts();
    let sheet = Sheet { rows: Vec::new() };
    assert_eq!(
        sheet.errors(&base),
        [
            "the sheet: the sheet has no rows below its header; start from `doorway sheet export`, which writes every moment and answer"
        ]
    );
}

#[test]
fn a_column_left_out_keeps_its_values_and_is_noted_when_unknown() {
    let base = two_acts();
    let text = "moment,answer id,trainee says,leads to,my notes\n";
    let mut csv = text.to_owned();
    for row in rows(&base) {
        let cells = [
            Column::Moment,
            Column::AnswerId,
            Column::TraineeSays,
            Column::LeadsTo,
        ]
        .map(|c| format!("\"{}\"", row[c.index()].replace('"', "\"\"")));
        csv.push_str(&cells.join(","));
        csv.push_str(",a note\n");
    }
    let imported = import_csv(csv.as_bytes(), &base).expect("it imports");
    assert!(imported.unchanged);
    let notes: Vec<&SheetProblem> = imported
        .problems
        .iter()
        .filter(|p| p.code.is_none())
        .collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].severity, Severity::Note);
    assert_eq!(
        notes[0].place,
        Place::Header {
            written: "my notes".into()
        }
    );
}

#[test]
fn a_sheet_is_imported_once_the_scenario_holds_all_it_says() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.add_after(
        "talk",
        "keep_talking",
        &[
            (Column::TraineeSays, "Tell me everything."),
            (Column::LeadsTo, "close"),
        ],
    );
    let bytes = write_csv(&sheet.rows, Separator::Comma);
    assert!(
        !is_imported(&bytes, &base),
        "its new answer is not in the file"
    );
    let imported = sheet.import(&base).expect("it imports").scenario;
    assert_ne!(bytes, export_csv(&imported, Separator::Comma));
    assert!(
        is_imported(&bytes, &imported),
        "its blank id is made again, so a fresh export loses nothing"
    );

    let with_notes = String::from_utf8(bytes)
        .unwrap()
        .replacen("\r\n", ",my notes\r\n", 1);
    assert!(
        !is_imported(with_notes.as_bytes(), &imported),
        "a column Doorway does not read would be lost"
    );
    assert!(!is_imported(b"moment\nedited\n", &imported));
}

#[test]
fn a_value_written_another_way_is_no_change() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .set("greeting", "", Column::TimeLimit, "45,0")
        .set(
            "greeting",
            "welcome",
            Column::Effects,
            "Frame: 1; connection +2",
        )
        .set("greeting", "welcome", Column::Quality, "skilled");
    assert!(sheet.import(&base).expect("it imports").unchanged);
    sheet.set("greeting", "brush_off", Column::Minutes, "3");
    let imported = sheet.import(&base).expect("it imports");
    assert_eq!(
        imported.changes.cells,
        [(sheet.row("greeting", "brush_off"), Column::Minutes)]
    );
}

#[test]
fn rows_in_another_order_change_the_order_in_the_file_and_no_value() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet.rows.swap(0, 1);
    let imported = sheet.import(&base).expect("it imports");
    assert!(!imported.unchanged);
    assert!(imported.changes.lines().is_empty());
    let ids: Vec<&str> = imported.scenario.acts[0].nodes[0]
        .choices
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["brush_off", "welcome", "all_the_time"]);
    assert_eq!(
        imported.scenario.acts[0].nodes[0].speaker.as_deref(),
        Some("ada"),
        "the moment's cells are read from whichever row holds them"
    );
}

#[test]
fn new_moments_go_in_the_act_of_the_first_moment_leading_to_them() {
    let base = two_acts();
    let mut sheet = Sheet::of(&base);
    sheet
        .set("later", "own_it", Column::LeadsTo, "then_a")
        .add_after(
            "overran",
            "",
            &[
                (Column::Moment, "then_b"),
                (Column::SpeakerSays, "And then?"),
                (Column::TraineeSays, "Then we stop."),
                (Column::LeadsTo, "unsaid"),
            ],
        )
        .add_after(
            "overran",
            "",
            &[
                (Column::Moment, "then_a"),
                (Column::SpeakerSays, "So?"),
                (Column::TraineeSays, "So we go on."),
                (Column::LeadsTo, "then_b"),
            ],
        );
    let imported = sheet.import(&base).expect("it imports");
    let acts: Vec<Vec<&str>> = imported
        .scenario
        .acts
        .iter()
        .map(|act| act.nodes.iter().map(|n| n.id.as_str()).collect())
        .collect();
    assert!(!acts[0].contains(&"then_a") && !acts[0].contains(&"then_b"));
    assert!(
        acts[1].contains(&"then_a") && acts[1].contains(&"then_b"),
        "{acts:?}"
    );
}
