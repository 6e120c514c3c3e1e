//! Course files: a `course.ron` an instructor writes in a folder beside the
//! course's scenarios, naming them in order with a note each, the feedback mode
//! the course fixes, the default time accommodations, and the LRS endpoint
//! (documented in `docs/courses.md`).
//!
//! Read with the same notation and located errors as scenarios; checked against
//! the scenarios in the course's folder and those shipped with Doorway.

mod checks;
mod endpoint;
mod load;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::engine::{FeedbackMode, Settings};

pub use load::{
    COURSE_FILE_NAME, LoadedCourse, find_course_files, is_course_file, known_scenario_ids,
    load_course_file, load_course_str,
};

/// A course: the scenarios an instructor sets, in order, and how they are played.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub title: String,
    /// A few lines on what the course is for, shown above its scenarios.
    #[serde(default)]
    pub description: Option<String>,
    /// The scenarios, in the order trainees meet them.
    pub scenarios: Vec<CourseScenario>,
    #[serde(default)]
    pub settings: CourseSettings,
    /// Where attempts are sent (an xAPI endpoint); never the key or secret,
    /// which belong in the app's settings.
    #[serde(default)]
    pub lrs: Option<String>,
}

/// One scenario of a course, by its id, with the instructor's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseScenario {
    pub id: String,
    /// Shown beside the scenario on the course's shelf.
    #[serde(default)]
    pub note: Option<String>,
}

/// How a course's scenarios are played. The feedback mode is fixed; the time
/// accommodations are only defaults, which a trainee can always change
/// (WCAG 2.2.1, Timing Adjustable).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseSettings {
    #[serde(default)]
    pub feedback: FeedbackMode,
    /// The time multiplier a trainee starts with.
    #[serde(default = "one")]
    pub default_time_multiplier: f64,
    /// Whether a trainee starts with the time limits off.
    #[serde(default)]
    pub default_timers_off: bool,
}

fn one() -> f64 {
    1.0
}

impl Default for CourseSettings {
    fn default() -> Self {
        Self {
            feedback: FeedbackMode::default(),
            default_time_multiplier: one(),
            default_timers_off: false,
        }
    }
}

impl CourseSettings {
    /// The settings a trainee plays the course's scenarios with: the course's
    /// feedback mode, which it fixes; the course's time defaults when the
    /// trainee's own are the app's defaults (×1, limits on); otherwise the
    /// time accommodations the trainee chose, which always win (WCAG 2.2.1).
    pub fn applied_to(&self, trainee: Settings) -> Settings {
        let own_time = trainee.time_multiplier != 1.0 || trainee.timers_off;
        let (time_multiplier, timers_off) = if own_time {
            (trainee.time_multiplier, trainee.timers_off)
        } else {
            (self.default_time_multiplier, self.default_timers_off)
        };
        Settings {
            feedback: self.feedback,
            time_multiplier,
            timers_off,
            ..trainee
        }
        .sanitised()
    }
}
