//! Building the scenario from the sheet's moments and a base scenario: what
//! the sheet carries replaces the base's values, everything else is kept.
//!
//! A cell is read only when it differs from what an export of the base writes
//! there; a cell left as exported keeps the base's value exactly (a time limit
//! of 7.5 s, a tag with a comma in it), so a sheet that goes out and back
//! unchanged builds the base again, equal to the last value. A new moment or
//! answer is compared with a blank one, so its blank cells are its defaults.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::changes::{AnswerName, Changes};
use super::columns::{COLUMN_COUNT, Column, Layout};
use super::export::{fill_choice, fill_moment, fill_timeout};
use super::group::{SheetAnswer, SheetMoment};
use super::problems::{Place, SheetProblem};
use super::table::{Cells, SheetRow};
use super::values::{
    CellError, read_effects, read_ending_kind, read_minutes, read_quality, read_rupture,
    read_seconds, read_speaker, read_tags, tidy,
};
use crate::core::dimensions::DimensionSet;
use crate::core::model::{Choice, Ending, Feedback, Node, RuptureEffect, Scenario, Timeout};
use crate::core::suggest::did_you_mean;

/// Where each part of the built scenario came from in the sheet, to place the
/// validator's findings on rows.
#[derive(Debug, Default)]
pub(super) struct RowMap {
    /// By act, then by node: the moment's rows.
    pub(super) acts: Vec<Vec<MomentRows>>,
}

/// The rows of one built moment.
#[derive(Debug)]
pub(super) struct MomentRows {
    /// For each column, the row holding the moment's value (its first row when
    /// none does).
    pub(super) by_column: [usize; COLUMN_COUNT],
    /// The row of each answer, in order.
    pub(super) answers: Vec<usize>,
    pub(super) time_runs_out: Option<usize>,
}

/// The scenario built from the sheet, what changed, and where each part came
/// from; or every problem that stopped it.
pub(super) fn build(
    base: &Scenario,
    layout: &Layout,
    moments: &[SheetMoment<'_>],
) -> Result<(Scenario, Changes, RowMap), Vec<SheetProblem>> {
    let mut builder = Builder {
        base,
        layout,
        dimensions: DimensionSet::for_scenario(base),
        base_nodes: base
            .acts
            .iter()
            .enumerate()
            .flat_map(|(a, act)| {
                act.nodes
                    .iter()
                    .map(move |node| (node.id.as_str(), (a, node)))
            })
            .rev()
            .collect(),
        problems: Vec::new(),
        changes: Changes::default(),
    };
    builder.check_targets(moments);
    let nodes: Vec<Node> = moments.iter().map(|m| builder.node(m)).collect();
    let acts = builder.acts_of(moments, &nodes);
    if !builder.problems.is_empty() {
        return Err(builder.problems);
    }
    builder.note_removed_moments(moments);
    builder
        .changes
        .cells
        .sort_by_key(|(row, column)| (*row, column.index()));
    let mut scenario = base.clone();
    let mut map = RowMap::default();
    for act in &mut scenario.acts {
        act.nodes.clear();
        map.acts.push(Vec::new());
    }
    for ((moment, node), act) in moments.iter().zip(nodes).zip(acts) {
        scenario.acts[act].nodes.push(node);
        map.acts[act].push(MomentRows {
            by_column: Column::ALL.map(|column| moment.row_of(column)),
            answers: moment.answers.iter().map(|a| a.row.number).collect(),
            time_runs_out: moment.time_runs_out.map(|row| row.number),
        });
    }
    Ok((scenario, builder.changes, map))
}

struct Builder<'a> {
    base: &'a Scenario,
    layout: &'a Layout,
    dimensions: DimensionSet,
    /// The base's nodes by id, with their act (the first of a repeated id).
    base_nodes: HashMap<&'a str, (usize, &'a Node)>,
    problems: Vec<SheetProblem>,
    changes: Changes,
}

impl<'a> Builder<'a> {
    /// The cell's text when the sheet has the column and the cell differs from
    /// `base` (what an export writes there).
    fn edited<'c>(&self, cell: &'c str, base: &Cells, column: Column) -> Option<&'c str> {
        (self.layout.has(column) && cell != tidy(&base[column.index()])).then_some(cell)
    }

    fn unreadable(&mut self, row: usize, column: Column, error: CellError) {
        self.problems
            .push(SheetProblem::unreadable_cell(row, column, error));
    }

    /// Every "leads to" names a moment of the sheet.
    fn check_targets(&mut self, moments: &[SheetMoment<'_>]) {
        let ids: HashSet<&str> = moments.iter().map(|m| m.id.as_str()).collect();
        let rows = moments.iter().flat_map(|m| {
            m.answers
                .iter()
                .map(|a| a.row)
                .chain(m.time_runs_out)
                .map(move |row| (m, row))
        });
        for (moment, row) in rows {
            let target = row.cell(Column::LeadsTo);
            if ids.contains(target) {
                continue;
            }
            let problem = if target.is_empty() {
                SheetProblem::in_cell(
                    row.number,
                    Column::LeadsTo,
                    format!("this row of \"{}\" leads nowhere", moment.id),
                )
                .with_help("write the id of the moment it leads to")
            } else {
                let help = did_you_mean(target, moments.iter().map(|m| m.id.as_str())).unwrap_or_else(|| {
                    if self.base_nodes.contains_key(target) {
                        "its rows were taken out of the sheet: put them back, or lead elsewhere"
                            .to_owned()
                    } else {
                        "write the id of a moment; a new moment needs a row of its own, with its id in the moment column".to_owned()
                    }
                });
                SheetProblem::in_cell(
                    row.number,
                    Column::LeadsTo,
                    format!("\"{target}\" is not a moment"),
                )
                .with_help(help)
            };
            self.problems.push(problem);
        }
    }

    /// The node a sheet moment builds: the base's node of that id with the
    /// sheet's values, or a new one.
    fn node(&mut self, moment: &SheetMoment<'_>) -> Node {
        let base = self
            .base_nodes
            .get(moment.id.as_str())
            .map(|(_, node)| *node);
        let mut node = base.cloned().unwrap_or_else(|| Node::empty(&moment.id));
        let known = base.is_some();
        if !known {
            self.changes.added_moments.push(moment.id.clone());
        }
        let mut before = Cells::default();
        fill_moment(&mut before, self.base, &node);
        self.moment_values(moment, &mut node, &before);
        if known {
            let mut after = Cells::default();
            fill_moment(&mut after, self.base, &node);
            self.note_changed_cells(&before, &after, |column| moment.row_of(column));
        }
        let base_choices = std::mem::take(&mut node.choices);
        for answer in &moment.answers {
            let base_choice = base_choices.iter().find(|c| c.id == answer.id);
            node.choices
                .push(self.choice(moment, answer, base_choice, known));
        }
        let base_timeout = node.timeout.take();
        node.timeout = match moment.time_runs_out {
            Some(row) => {
                if base_timeout.is_none() && known {
                    self.changes.added_time_runs_out.push(moment.id.clone());
                }
                Some(self.timeout(row, base_timeout))
            }
            None => {
                if base_timeout.is_some() {
                    self.changes.removed_time_runs_out.push(moment.id.clone());
                }
                None
            }
        };
        for choice in &base_choices {
            if !node.choices.iter().any(|c| c.id == choice.id) {
                self.changes.removed_answers.push(AnswerName {
                    moment: moment.id.clone(),
                    answer: choice.id.clone(),
                });
            }
        }
        node
    }

    fn moment_values(&mut self, moment: &SheetMoment<'_>, node: &mut Node, base: &Cells) {
        let columns = Column::ALL
            .into_iter()
            .filter(|c| c.is_moment_level() && *c != Column::Act);
        for column in columns {
            let Some(cell) = self.edited(moment.value(column), base, column) else {
                continue;
            };
            let row = moment.row_of(column);
            let read = match column {
                Column::Speaker => read_speaker(cell, self.base).map(|s| node.speaker = s),
                Column::Narration => {
                    node.narration = optional(cell);
                    Ok(())
                }
                Column::SpeakerSays => {
                    node.text = cell.to_owned();
                    Ok(())
                }
                Column::InnerVoice => {
                    node.inner = optional(cell);
                    Ok(())
                }
                Column::TimeLimit => read_seconds(cell).map(|s| node.time_limit = s),
                Column::Ending | Column::EndingTitle | Column::EndingText => {
                    set_ending(&mut node.ending, column, cell)
                }
                _ => unreachable!("moment-level columns only"),
            };
            if let Err(error) = read {
                self.unreadable(row, column, error);
            }
        }
    }

    fn choice(
        &mut self,
        moment: &SheetMoment<'_>,
        answer: &SheetAnswer<'_>,
        base: Option<&Choice>,
        moment_known: bool,
    ) -> Choice {
        let name = AnswerName {
            moment: moment.id.clone(),
            answer: answer.id.clone(),
        };
        if answer.made {
            self.changes
                .made_ids
                .push((answer.row.number, name.clone()));
        }
        if base.is_none() && moment_known {
            self.changes.added_answers.push(name);
        }
        let mut choice = base
            .cloned()
            .unwrap_or_else(|| Choice::empty(answer.id.as_str()));
        let mut before = Cells::default();
        fill_choice(&mut before, &choice);
        let row = answer.row;
        if let Some(says) = self.edited(row.cell(Column::TraineeSays), &before, Column::TraineeSays)
        {
            choice.says = says.to_owned();
        }
        if let Some(quality) = self.edited(row.cell(Column::Quality), &before, Column::Quality) {
            match read_quality(quality) {
                Ok(quality) => {
                    choice.quality = quality;
                    choice.exemplar = false;
                }
                Err(error) => self.unreadable(row.number, Column::Quality, error),
            }
        }
        let fields = OutcomeFields {
            target: &mut choice.target,
            minutes: &mut choice.minutes,
            effects: &mut choice.effects,
            rupture: &mut choice.rupture,
            feedback: &mut choice.feedback,
            tags: &mut choice.tags,
        };
        self.outcome(row, fields, &before);
        if base.is_some() {
            let mut after = Cells::default();
            fill_choice(&mut after, &choice);
            self.note_changed_cells(&before, &after, |_| row.number);
        }
        choice
    }

    fn timeout(&mut self, row: &SheetRow, base: Option<Timeout>) -> Timeout {
        let known = base.is_some();
        let mut timeout = base.unwrap_or_else(blank_timeout);
        let mut before = Cells::default();
        fill_timeout(&mut before, &timeout);
        let fields = OutcomeFields {
            target: &mut timeout.target,
            minutes: &mut timeout.minutes,
            effects: &mut timeout.effects,
            rupture: &mut timeout.rupture,
            feedback: &mut timeout.feedback,
            tags: &mut timeout.tags,
        };
        self.outcome(row, fields, &before);
        if known {
            let mut after = Cells::default();
            fill_timeout(&mut after, &timeout);
            self.note_changed_cells(&before, &after, |_| row.number);
        }
        timeout
    }

    /// Reads what an answer or the time running out does.
    fn outcome(&mut self, row: &SheetRow, fields: OutcomeFields<'_>, base: &Cells) {
        let OutcomeFields {
            target,
            minutes,
            effects,
            rupture,
            feedback,
            tags,
        } = fields;
        let mut feedback_edited = false;
        let columns = Column::ALL.into_iter().filter(|c| {
            c.is_answer_level()
                && !matches!(c, Column::AnswerId | Column::TraineeSays | Column::Quality)
        });
        for column in columns {
            let Some(cell) = self.edited(row.cell(column), base, column) else {
                continue;
            };
            let mut feedback_part = |part: fn(&mut Feedback) -> &mut String| {
                feedback_edited = true;
                *part(feedback.get_or_insert_default()) = cell.to_owned();
                Ok(())
            };
            let read = match column {
                Column::LeadsTo => {
                    *target = cell.to_owned();
                    Ok(())
                }
                Column::Minutes => read_minutes(cell).map(|m| *minutes = m),
                Column::Effects => read_effects(cell, &self.dimensions).map(|e| *effects = e),
                Column::Rupture => read_rupture(cell).map(|r| *rupture = r),
                Column::Tags => {
                    *tags = read_tags(cell);
                    Ok(())
                }
                Column::WhatItDid => feedback_part(|f| &mut f.relational),
                Column::ClientFelt => feedback_part(|f| &mut f.client),
                Column::Concept => feedback_part(|f| &mut f.concept),
                Column::Source => feedback_part(|f| &mut f.source),
                _ => unreachable!("the outcome's columns only"),
            };
            if let Err(error) = read {
                self.unreadable(row.number, column, error);
            }
        }
        if feedback_edited && feedback.as_ref() == Some(&Feedback::default()) {
            *feedback = None;
        }
    }

    /// Records the cells whose value changed: those an export writes
    /// differently for the built value than for the base's (so a value written
    /// another way, `7,5` for `7.5`, is no change).
    fn note_changed_cells(&mut self, before: &Cells, after: &Cells, row: impl Fn(Column) -> usize) {
        for column in Column::ALL {
            if before[column.index()] != after[column.index()] {
                self.changes.cells.push((row(column), column));
            }
        }
    }

    /// The act of each moment: the act cell when it was changed; else the
    /// base's act for a moment already there; else the act of the first
    /// moment that leads to it (found the same way); else the act of the
    /// moment above it.
    fn acts_of(&mut self, moments: &[SheetMoment<'_>], nodes: &[Node]) -> Vec<usize> {
        if self.base.acts.is_empty() {
            self.problems.push(
                SheetProblem::error(
                    Place::Scenario {
                        path: "acts".into(),
                        row: None,
                    },
                    "the scenario file has no act to put the moments in",
                )
                .with_help("add an act to the scenario file (see docs/scenario-format.md)"),
            );
            return Vec::new();
        }
        let mut acts: Vec<Option<usize>> = moments.iter().map(|m| self.act_cell(m)).collect();
        let mut first_leader: HashMap<&str, usize> = HashMap::new();
        for (from, node) in nodes.iter().enumerate() {
            let targets = node.choices.iter().map(|c| &c.target);
            for target in targets.chain(node.timeout.as_ref().map(|t| &t.target)) {
                first_leader.entry(target.as_str()).or_insert(from);
            }
        }
        for m in 0..moments.len() {
            if acts[m].is_some() {
                continue;
            }
            // Up the chain of first leaders to one whose act is known; a loop
            // of new moments leading to each other has none.
            let mut chain = vec![m];
            let mut known = None;
            while let Some(&leader) = first_leader.get(moments[chain[chain.len() - 1]].id.as_str())
            {
                if acts[leader].is_some() || chain.contains(&leader) {
                    known = acts[leader];
                    break;
                }
                chain.push(leader);
            }
            for moment in chain {
                acts[moment] = known;
            }
        }
        let mut above = 0;
        acts.into_iter()
            .map(|act| {
                above = act.unwrap_or(above);
                above
            })
            .collect()
    }

    /// The act a moment's act cell names when it was changed (or the moment is
    /// new); else the base's act of the moment.
    fn act_cell(&mut self, moment: &SheetMoment<'_>) -> Option<usize> {
        let base = self.base_nodes.get(moment.id.as_str()).map(|(a, _)| *a);
        let cell = moment.value(Column::Act);
        let base_cell = base.map_or("", |a| self.base.acts[a].id.as_str());
        if !self.layout.has(Column::Act) || cell.is_empty() || cell == base_cell {
            return base;
        }
        let acts = &self.base.acts;
        let found = acts
            .iter()
            .position(|act| act.id == cell)
            .or_else(|| {
                acts.iter()
                    .position(|act| act.id.eq_ignore_ascii_case(cell))
            })
            .or_else(|| {
                acts.iter()
                    .position(|act| act.title.eq_ignore_ascii_case(cell))
            });
        if found.is_some() && base.is_some() {
            self.changes
                .cells
                .push((moment.row_of(Column::Act), Column::Act));
        }
        if found.is_none() {
            let ids: Vec<&str> = acts.iter().map(|a| a.id.as_str()).collect();
            let help = did_you_mean(cell, ids.iter().copied()).unwrap_or_else(|| {
                format!(
                    "the acts are {}; add new acts to the scenario file",
                    ids.join(", ")
                )
            });
            self.problems.push(
                SheetProblem::in_cell(
                    moment.row_of(Column::Act),
                    Column::Act,
                    format!("\"{cell}\" is not an act of this scenario"),
                )
                .with_help(help),
            );
        }
        found.or(base)
    }

    fn note_removed_moments(&mut self, moments: &[SheetMoment<'_>]) {
        for node in self.base.nodes() {
            if !moments.iter().any(|m| m.id == node.id) {
                self.changes.removed_moments.push(node.id.clone());
            }
        }
    }
}

/// Mutable views of what a choice and a timeout share.
struct OutcomeFields<'a> {
    target: &'a mut String,
    minutes: &'a mut u32,
    effects: &'a mut BTreeMap<String, i32>,
    rupture: &'a mut Option<RuptureEffect>,
    feedback: &'a mut Option<Feedback>,
    tags: &'a mut Vec<String>,
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

/// Sets one of an ending's three cells: the kind makes (or, blank, unmakes)
/// the ending; the title and text need one.
fn set_ending(ending: &mut Option<Ending>, column: Column, cell: &str) -> Result<(), CellError> {
    if column == Column::Ending {
        *ending = read_ending_kind(cell)?.map(|kind| match ending.take() {
            Some(old) => Ending { kind, ..old },
            None => Ending {
                kind,
                title: String::new(),
                text: String::new(),
            },
        });
        return Ok(());
    }
    let Some(ending) = ending.as_mut() else {
        if cell.is_empty() {
            return Ok(());
        }
        return Err(CellError {
            message: format!("the moment is not an ending, so it has no {}", column.header()),
            help: Some(
                "write the kind of ending in the column \"ending\": Held, Repaired, Unresolved or Rupture deepened"
                    .to_owned(),
            ),
        });
    };
    if column == Column::EndingTitle {
        ending.title = cell.to_owned();
    } else {
        ending.text = cell.to_owned();
    }
    Ok(())
}

fn blank_timeout() -> Timeout {
    Timeout {
        target: String::new(),
        minutes: 0,
        effects: BTreeMap::new(),
        rupture: None,
        feedback: None,
        tags: Vec::new(),
    }
}
