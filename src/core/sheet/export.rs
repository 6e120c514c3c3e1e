//! A scenario as rows of cells: one row per answer, then a row for the
//! moment's time running out; a moment with neither (an ending) has one row of
//! its own. The moment's id is on every row, so sorting and filtering keep rows
//! meaningful; what describes the moment is on its first row only.
//!
//! The same cell builders tell the import what a value of the scenario looks
//! like in the sheet, so that a cell left as exported keeps the scenario's value
//! exactly.

use super::columns::{Column, TIME_RUNS_OUT};
use super::table::{Cells, Separator, write_csv};
use super::values::{effects_text, quality_text, rupture_text, speaker_text, tags_text};
use crate::core::model::{Choice, Feedback, Node, Scenario, Timeout};
use crate::core::scenario_text::seconds_text;

/// The scenario as CSV bytes, ready to open in a spreadsheet.
pub fn export_csv(scenario: &Scenario, separator: Separator) -> Vec<u8> {
    write_csv(&rows(scenario), separator)
}

/// The scenario's rows, without the header.
pub(super) fn rows(scenario: &Scenario) -> Vec<Cells> {
    let mut rows = Vec::new();
    for act in &scenario.acts {
        for node in &act.nodes {
            let first = rows.len();
            rows.extend(node.choices.iter().map(|choice| {
                let mut row = moment_id_row(node);
                fill_choice(&mut row, choice);
                row
            }));
            if let Some(timeout) = &node.timeout {
                let mut row = moment_id_row(node);
                fill_timeout(&mut row, timeout);
                rows.push(row);
            }
            if rows.len() == first {
                rows.push(moment_id_row(node));
            }
            rows[first][Column::Act.index()] = act.id.clone();
            fill_moment(&mut rows[first], scenario, node);
        }
    }
    rows
}

fn moment_id_row(node: &Node) -> Cells {
    let mut row = Cells::default();
    row[Column::Moment.index()] = node.id.clone();
    row
}

/// Writes what describes the moment into `row`, all but its act.
pub(super) fn fill_moment(row: &mut Cells, scenario: &Scenario, node: &Node) {
    let ending = node.ending.as_ref();
    let mut set = |column: Column, text: String| row[column.index()] = text;
    set(
        Column::Speaker,
        speaker_text(scenario, node.speaker.as_deref()),
    );
    set(
        Column::Narration,
        node.narration.clone().unwrap_or_default(),
    );
    set(Column::SpeakerSays, node.text.clone());
    set(Column::InnerVoice, node.inner.clone().unwrap_or_default());
    set(
        Column::TimeLimit,
        node.time_limit.map(seconds_text).unwrap_or_default(),
    );
    set(
        Column::Ending,
        ending
            .map(|e| super::values::english(|| e.kind.label()))
            .unwrap_or_default(),
    );
    set(
        Column::EndingTitle,
        ending.map(|e| e.title.clone()).unwrap_or_default(),
    );
    set(
        Column::EndingText,
        ending.map(|e| e.text.clone()).unwrap_or_default(),
    );
}

/// Writes one answer into `row`.
pub(super) fn fill_choice(row: &mut Cells, choice: &Choice) {
    row[Column::AnswerId.index()] = choice.id.clone();
    row[Column::TraineeSays.index()] = choice.says.clone();
    row[Column::Quality.index()] = choice.level().map(quality_text).unwrap_or_default().into();
    fill_outcome(row, &choice.outcome(), &choice.tags);
}

/// Writes what happens when the moment's time runs out into `row`.
pub(super) fn fill_timeout(row: &mut Cells, timeout: &Timeout) {
    row[Column::AnswerId.index()] = TIME_RUNS_OUT.to_owned();
    fill_outcome(row, &timeout.outcome(), &timeout.tags);
}

fn fill_outcome(row: &mut Cells, outcome: &crate::core::model::Outcome<'_>, tags: &[String]) {
    let feedback = outcome.feedback.cloned().unwrap_or_default();
    let Feedback {
        relational,
        client,
        concept,
        source,
        voice: _,
    } = feedback;
    let mut set = |column: Column, text: String| row[column.index()] = text;
    set(Column::LeadsTo, outcome.target.to_owned());
    set(
        Column::Minutes,
        if outcome.minutes == 0 {
            String::new()
        } else {
            outcome.minutes.to_string()
        },
    );
    set(Column::Effects, effects_text(outcome.effects));
    set(
        Column::Rupture,
        outcome.rupture.map(rupture_text).unwrap_or_default(),
    );
    set(Column::WhatItDid, relational);
    set(Column::ClientFelt, client);
    set(Column::Concept, concept);
    set(Column::Source, source);
    set(Column::Tags, tags_text(tags));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, parse};
    use crate::core::template::scenario_template;

    #[test]
    fn one_row_per_answer_with_the_moment_on_every_row_and_its_cells_on_the_first() {
        let scenario = parse(&scenario_template("doorknob"), LoadOptions::default()).unwrap();
        let rows = rows(&scenario);
        let doorknob: Vec<&Cells> = rows
            .iter()
            .filter(|r| r[Column::Moment.index()] == "doorknob")
            .collect();
        assert_eq!(doorknob.len(), 5, "four answers and the time running out");
        let first = doorknob[0];
        assert_eq!(first[Column::Speaker.index()], "Alex");
        assert_eq!(first[Column::TimeLimit.index()], "50");
        assert_eq!(first[Column::AnswerId.index()], "hold_it");
        assert_eq!(
            first[Column::Effects.index()],
            "authenticity +1, connection +2, frame +1"
        );
        assert_eq!(first[Column::Quality.index()], "Skilled");
        assert_eq!(first[Column::Tags.index()], "FIS:alliance-bond");
        assert!(doorknob[1][Column::SpeakerSays.index()].is_empty());
        let timeout = doorknob[4];
        assert_eq!(timeout[Column::AnswerId.index()], TIME_RUNS_OUT);
        assert_eq!(timeout[Column::Rupture.index()], "Opens withdrawal");
        let ending = rows
            .iter()
            .find(|r| !r[Column::Ending.index()].is_empty())
            .expect("an ending row");
        assert!(ending[Column::AnswerId.index()].is_empty());
        assert!(!ending[Column::EndingTitle.index()].is_empty());
    }
}
