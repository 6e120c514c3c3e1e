//! How a session is played: feedback mode and time accommodations.

use std::time::Duration;

use crate::tr;
use serde::{Deserialize, Serialize};

/// When the trainee sees feedback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMode {
    /// After each response, with the relational state shown as it changes.
    #[default]
    Immediate,
    /// All of it in the debrief; the relational state is still shown during play.
    Deferred,
    /// Nothing until the end: neither feedback nor the relational state.
    Exam,
}

/// How the trainee answers at each moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeMode {
    /// Pick one of the written answers.
    #[default]
    Choose,
    /// Write your own words first, under the time limit; then pick the written
    /// answer closest to them, and rate your words.
    SayItFirst,
    /// Answer the moment's noticing question first, then pick an answer.
    NoticeFirst,
}

impl PracticeMode {
    /// Every mode, in the order the briefing offers them.
    pub const ALL: [PracticeMode; 3] = [
        PracticeMode::Choose,
        PracticeMode::SayItFirst,
        PracticeMode::NoticeFirst,
    ];

    /// The mode's name on screen.
    pub fn label(self) -> String {
        match self {
            PracticeMode::Choose => tr!("practice-choose"),
            PracticeMode::SayItFirst => tr!("practice-say-it-first"),
            PracticeMode::NoticeFirst => tr!("practice-notice-first"),
        }
    }

    /// One line on what the mode asks of the trainee.
    pub fn description(self) -> String {
        match self {
            PracticeMode::Choose => tr!("practice-choose-explained"),
            PracticeMode::SayItFirst => tr!("practice-say-it-first-explained"),
            PracticeMode::NoticeFirst => tr!("practice-notice-first-explained"),
        }
    }
}

/// Time accommodations, following WCAG 2.2.1 (Timing Adjustable): a limit can be
/// turned off, lengthened up to ten times, or extended with a warning before it
/// runs out.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub feedback: FeedbackMode,
    /// Multiplies every time limit (0.1 to 10; the app offers 1 to 10).
    pub time_multiplier: f64,
    /// No time limits at all; latency is still recorded.
    pub timers_off: bool,
    /// The warning comes when this many seconds remain (or at half the limit,
    /// whichever is later), so there is time to ask for more.
    pub warning_seconds: f64,
    /// How the trainee answers (attempts made before practice modes were Choose).
    #[serde(default)]
    pub practice: PracticeMode,
    /// Ask "sure or unsure?" after each answer.
    #[serde(default)]
    pub ask_confidence: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            feedback: FeedbackMode::Immediate,
            time_multiplier: 1.0,
            timers_off: false,
            warning_seconds: 20.0,
            practice: PracticeMode::Choose,
            ask_confidence: false,
        }
    }
}

/// The smallest and largest time multipliers the engine accepts.
pub const MULTIPLIER_RANGE: (f64, f64) = (0.1, 10.0);

impl Settings {
    /// The settings with out-of-range numbers brought into range.
    pub fn sanitised(mut self) -> Self {
        let (low, high) = MULTIPLIER_RANGE;
        self.time_multiplier = if self.time_multiplier.is_finite() {
            self.time_multiplier.clamp(low, high)
        } else {
            1.0
        };
        if !self.warning_seconds.is_finite() || self.warning_seconds < 0.0 {
            self.warning_seconds = Settings::default().warning_seconds;
        }
        self
    }

    /// The limit in force for an authored limit in seconds, if any (none for
    /// a limit too long to count, which could never run out).
    pub fn effective_limit(&self, authored: Option<f64>) -> Option<Duration> {
        let authored = authored.filter(|s| s.is_finite() && *s > 0.0)?;
        if self.timers_off {
            return None;
        }
        Duration::try_from_secs_f64(authored * self.time_multiplier).ok()
    }

    /// How long before the end of `limit` the warning comes.
    pub fn warning_before(&self, limit: Duration) -> Duration {
        Duration::try_from_secs_f64(self.warning_seconds)
            .unwrap_or(Duration::MAX)
            .min(limit / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_too_long_to_count_never_runs_out_and_panics_nothing() {
        let standard = Settings::default();
        assert_eq!(standard.effective_limit(Some(1e99)), None);
        let patient = Settings {
            warning_seconds: 1e300,
            ..Settings::default()
        };
        let limit = Duration::from_secs(30);
        assert_eq!(patient.warning_before(limit), limit / 2);
    }

    #[test]
    fn limits_follow_the_accommodation() {
        let standard = Settings::default();
        assert_eq!(
            standard.effective_limit(Some(30.0)),
            Some(Duration::from_secs(30))
        );
        assert_eq!(standard.effective_limit(None), None);
        let slow = Settings {
            time_multiplier: 10.0,
            ..standard
        };
        assert_eq!(
            slow.effective_limit(Some(30.0)),
            Some(Duration::from_secs(300))
        );
        let off = Settings {
            timers_off: true,
            ..standard
        };
        assert_eq!(off.effective_limit(Some(30.0)), None);
    }

    #[test]
    fn out_of_range_settings_are_brought_into_range() {
        let wild = Settings {
            time_multiplier: 50.0,
            warning_seconds: f64::NAN,
            ..Settings::default()
        };
        let sane = wild.sanitised();
        assert_eq!(sane.time_multiplier, 10.0);
        assert_eq!(sane.warning_seconds, 20.0);
        let nan = Settings {
            time_multiplier: f64::NAN,
            ..Settings::default()
        }
        .sanitised();
        assert_eq!(nan.time_multiplier, 1.0);
    }

    #[test]
    fn the_warning_leaves_time_to_extend() {
        let settings = Settings::default();
        assert_eq!(
            settings.warning_before(Duration::from_secs(60)),
            Duration::from_secs(20)
        );
        assert_eq!(
            settings.warning_before(Duration::from_secs(30)),
            Duration::from_secs(15)
        );
    }
}
