//! Undo and redo for the editor: whole-scenario snapshots, with consecutive
//! edits of one field (typing a sentence) kept as one step.

use crate::core::model::Scenario;

/// What an edit touched, so that consecutive edits of one field are undone
/// together: the field's path, such as `acts[0].nodes[2].text`.
type EditKey = String;

/// The scenarios before each step, and the ones undone.
#[derive(Debug, Clone, Default)]
pub(super) struct History {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// The field the latest step edited, while typing into it goes on.
    open_key: Option<EditKey>,
}

impl History {
    /// Records that `before` was changed by an edit of `key` (none for an edit
    /// that is a step of its own, such as adding a moment). Adding or removing
    /// an item of a list (a key ending in `.add` or `.remove`) is a step of its
    /// own too.
    pub(super) fn record(&mut self, before: &Scenario, key: Option<&str>) {
        let key = key.filter(|k| !k.ends_with(".add") && !k.ends_with(".remove"));
        let continues = key.is_some() && self.open_key.as_deref() == key;
        if !continues {
            self.undo.push(before.clone());
        }
        self.redo.clear();
        self.open_key = key.map(str::to_owned);
    }

    /// Ends the step being typed, so that the next edit of the same field is a
    /// step of its own.
    pub(super) fn close_step(&mut self) {
        self.open_key = None;
    }

    /// The scenario before the latest step, with `current` kept for redo.
    pub(super) fn undo(&mut self, current: &Scenario) -> Option<Scenario> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.open_key = None;
        Some(previous)
    }

    /// The scenario of the latest step undone, with `current` kept for undo.
    pub(super) fn redo(&mut self, current: &Scenario) -> Option<Scenario> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.open_key = None;
        Some(next)
    }

    /// Whether there is a step to undo.
    pub(super) fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub(super) fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
