//! The scenario editor's model, without any interface: a draft of one scenario
//! file with undo and redo, the checker's problems as you edit, saving laid out
//! like the shipped files, and unsaved edits kept in the data folder. The app's
//! editor screen is a view of it.

mod autosave;
mod blank;
mod hints;
mod history;
mod ids;
mod operations;
mod play_from;
mod save;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use autosave::{Autosaved, autosave, autosave_path, autosaved, forget_autosave};
pub use blank::blank_scenario;
pub use hints::editor_hint;
pub use ids::{id_from_words, rename_answer, rename_character, rename_moment, unique_id};
pub use operations::{MomentAt, find_moment, lead_to_new_moment, remove_moment};
pub use play_from::{StartHere, state_at};
pub use save::{SaveError, Saved, new_scenario_file};

use history::History;

use super::diagnostic::{Diagnostic, FileReport};
use super::load::{LoadOptions, load_str};
use super::model::Scenario;
use super::scenario_text::scenario_text;
use super::validate::validate;

/// A scenario being edited, and the file it is saved to.
#[derive(Debug, Clone)]
pub struct Draft {
    scenario: Scenario,
    /// The scenario as of the latest step in the history.
    committed: Scenario,
    history: History,
    file: PathBuf,
    /// The file's text when it was opened or last saved.
    on_disk: String,
    /// The scenario that text holds.
    saved: Scenario,
    /// The problems of `committed`, found when it changed.
    problems: Vec<Diagnostic>,
    /// Ids the editor made before there were words to make them from: each is
    /// named from its words once it has some (see [`Draft::name_new_ids`]).
    made: BTreeSet<String>,
}

/// Why a file cannot be opened in the editor.
#[derive(Debug)]
pub enum OpenError {
    /// It could not be read.
    Unreadable(std::io::Error),
    /// It does not parse: the editor needs the structure, so the file must be
    /// fixed as text first. The report locates the problem.
    Unparsed(Box<FileReport>),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Unreadable(error) => write!(f, "the file cannot be read: {error}"),
            OpenError::Unparsed(report) => {
                let first = report.diagnostics.first();
                match first {
                    Some(d) => write!(
                        f,
                        "the editor can only open a file that reads as a scenario: line {}, column {}: {}. Fix it in a text editor (doorway validate shows how), then open it again",
                        d.line, d.column, d.message
                    ),
                    None => write!(f, "the file does not read as a scenario"),
                }
            }
        }
    }
}

impl Draft {
    /// Opens a scenario file for editing.
    pub fn open(file: &Path) -> Result<Self, OpenError> {
        let text = std::fs::read_to_string(file).map_err(OpenError::Unreadable)?;
        let loaded = load_str(
            &file.display().to_string(),
            text.clone(),
            LoadOptions::default(),
        );
        match loaded.scenario {
            Some(scenario) => Ok(Self::with(scenario, file.to_path_buf(), text)),
            None => Err(OpenError::Unparsed(Box::new(loaded.report))),
        }
    }

    /// A draft of `scenario`, which the file's text `on_disk` holds.
    fn with(scenario: Scenario, file: PathBuf, on_disk: String) -> Self {
        let saved = scenario.clone();
        let mut draft = Self {
            committed: scenario.clone(),
            scenario,
            history: History::default(),
            file,
            on_disk,
            saved,
            problems: Vec::new(),
            made: BTreeSet::new(),
        };
        draft.settle();
        draft
    }

    /// The scenario as edited so far.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario, for a form to edit in place; [`Draft::commit`] records
    /// the edit afterwards.
    pub fn scenario_mut(&mut self) -> &mut Scenario {
        &mut self.scenario
    }

    /// Records the edits made through [`Draft::scenario_mut`] as a step of the
    /// history. Edits of one field in a row, keyed by its path, make one step.
    pub fn commit(&mut self, key: &str) {
        if self.scenario != self.committed {
            self.history.record(&self.committed, Some(key));
            self.settle();
        }
    }

    /// Makes one edit, a step of its own, and returns what it returned.
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Scenario) -> T) -> T {
        self.commit_open_edits();
        let result = change(&mut self.scenario);
        if self.scenario != self.committed {
            self.history.record(&self.committed, None);
            self.settle();
        }
        result
    }

    /// Adds an empty moment after `after` (at the end of the first act when
    /// none), as a step; returns its id, which is made from its words later.
    pub fn add_moment(&mut self, after: Option<&str>) -> String {
        let id = self.edit(|s| operations::add_moment(s, after));
        self.made.insert(id.clone());
        id
    }

    /// Adds an empty moment at the end of the act at `act`, as a step.
    pub fn add_moment_to_act(&mut self, act: usize) -> Option<String> {
        let id = self.edit(|s| operations::add_moment_to_act(s, act))?;
        self.made.insert(id.clone());
        Some(id)
    }

    /// Adds an answer to the moment `node`, as a step.
    pub fn add_answer(&mut self, node: &str) -> Option<String> {
        let id = self.edit(|s| operations::add_answer(s, node))?;
        self.made.insert(id.clone());
        Some(id)
    }

    /// Adds a character with no name yet, as a step.
    pub fn add_character(&mut self) -> String {
        let id = self.edit(operations::add_character);
        self.made.insert(id.clone());
        id
    }

    /// Names the moments, answers and characters the editor added from their
    /// words, once they have some. This completes the latest step rather than
    /// making one: undoing it undoes the words and the name together.
    pub fn name_new_ids(&mut self) -> bool {
        self.commit_open_edits();
        let renamed = operations::name_new_ids(&mut self.scenario, &mut self.made);
        if renamed {
            self.settle();
        }
        renamed
    }

    /// Undoes the latest step.
    pub fn undo(&mut self) -> bool {
        self.commit_open_edits();
        match self.history.undo(&self.committed) {
            Some(previous) => {
                self.scenario = previous;
                self.settle();
                true
            }
            None => false,
        }
    }

    /// Redoes the latest step undone.
    pub fn redo(&mut self) -> bool {
        self.commit_open_edits();
        match self.history.redo(&self.committed) {
            Some(next) => {
                self.scenario = next;
                self.settle();
                true
            }
            None => false,
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo() || self.scenario != self.committed
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Whether there are edits the file does not have.
    pub fn is_unsaved(&self) -> bool {
        self.scenario != self.saved
    }

    /// The file the draft saves to.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The checker's problems with the scenario as edited, most serious first.
    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    /// Whether the file on disk was written by hand, with comments that a save
    /// will not keep: the author is told before the first save.
    pub fn save_drops_comments(&self) -> bool {
        !super::scenario_save::is_written_by_doorway(self.on_disk.as_bytes())
            && self
                .on_disk
                .lines()
                .any(|l| l.trim_start().starts_with("//"))
    }

    /// The file's text when it was opened or last saved.
    pub fn file_text(&self) -> &str {
        &self.on_disk
    }

    /// The scenario's text as it would be saved.
    pub fn text(&self) -> String {
        scenario_text(&self.scenario)
    }

    fn commit_open_edits(&mut self) {
        if self.scenario != self.committed {
            self.history.record(&self.committed, None);
            self.settle();
        }
        self.history.close_step();
    }

    /// Takes the edited scenario as the latest step and checks it again.
    fn settle(&mut self) {
        self.committed = self.scenario.clone();
        let mut problems = validate(&self.scenario);
        problems.sort_by_key(|d| std::cmp::Reverse(d.severity));
        self.problems = problems;
    }
}

#[cfg(test)]
mod tests;
