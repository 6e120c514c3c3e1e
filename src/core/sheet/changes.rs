//! What an import changed in the scenario, in words an instructor can check
//! against the edits they made: the cells changed, the moments and answers
//! added and removed, and the ids made for new answers.

use super::columns::Column;
use crate::core::wording::plural;

/// An answer named by its moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerName {
    pub moment: String,
    pub answer: String,
}

impl AnswerName {
    fn in_words(&self) -> String {
        format!("{} ({})", self.answer, self.moment)
    }
}

/// Everything an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Cells of moments and answers already in the scenario whose value changed.
    pub cells: Vec<(usize, Column)>,
    pub added_moments: Vec<String>,
    pub removed_moments: Vec<String>,
    pub added_answers: Vec<AnswerName>,
    pub removed_answers: Vec<AnswerName>,
    /// Moments given what happens when their time runs out.
    pub added_time_runs_out: Vec<String>,
    /// Moments whose time-runs-out row went.
    pub removed_time_runs_out: Vec<String>,
    /// Ids made from the words for answers whose id cell was blank, with their row.
    pub made_ids: Vec<(usize, AnswerName)>,
}

impl Changes {
    /// One line per kind of change, such as "removed 2 answers: just_hi (knock),
    /// leave (ten_minutes)".
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.cells.is_empty() {
            let cells: Vec<String> = self
                .cells
                .iter()
                .map(|(row, column)| format!("row {row} {}", column.header()))
                .collect();
            lines.push(format!(
                "changed {}: {}",
                plural(self.cells.len(), "cell"),
                cells.join(", ")
            ));
        }
        let mut list = |verb: &str, noun: &str, names: Vec<String>| {
            if !names.is_empty() {
                lines.push(format!(
                    "{verb} {}: {}",
                    plural(names.len(), noun),
                    names.join(", ")
                ));
            }
        };
        list("added", "moment", self.added_moments.clone());
        list("removed", "moment", self.removed_moments.clone());
        list(
            "added",
            "answer",
            self.added_answers
                .iter()
                .map(AnswerName::in_words)
                .collect(),
        );
        list(
            "removed",
            "answer",
            self.removed_answers
                .iter()
                .map(AnswerName::in_words)
                .collect(),
        );
        list(
            "added the time running out at",
            "moment",
            self.added_time_runs_out.clone(),
        );
        list(
            "removed the time running out at",
            "moment",
            self.removed_time_runs_out.clone(),
        );
        if !self.made_ids.is_empty() {
            let made: Vec<String> = self
                .made_ids
                .iter()
                .map(|(row, name)| format!("row {row}: {}", name.in_words()))
                .collect();
            lines.push(format!(
                "made ids for {} (export again to see them in the sheet): {}",
                plural(made.len(), "new answer"),
                made.join(", ")
            ));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_listed_one_kind_per_line() {
        let changes = Changes {
            cells: vec![(5, Column::TraineeSays), (9, Column::Effects)],
            removed_answers: vec![
                AnswerName {
                    moment: "knock".into(),
                    answer: "just_hi".into(),
                },
                AnswerName {
                    moment: "ten_minutes".into(),
                    answer: "leave".into(),
                },
            ],
            ..Changes::default()
        };
        assert_eq!(
            changes.lines(),
            vec![
                "changed 2 cells: row 5 trainee says, row 9 effects",
                "removed 2 answers: just_hi (knock), leave (ten_minutes)",
            ]
        );
        assert!(Changes::default().lines().is_empty());
    }
}
