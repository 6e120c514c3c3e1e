//! The session engine: plays a scenario as a state machine, with timers, the
//! scenario clock, relational state, feedback modes, rewind and a transcript;
//! drafts (scenarios with errors) play as far as they are written.
//! No Bevy here: the app and the command line drive it alike.

mod draft;
mod events;
mod hash;
mod playable;
mod random;
mod session;
mod settings;
mod state;
mod transcript;

pub use draft::DraftBlocked;
pub use events::{SessionEvent, ShownChoice};
pub use hash::content_hash;
pub use playable::PlayableScenario;
pub use session::Phase;
pub use session::{Engine, EngineError, NodeTimer, Presentation, SessionState, Status};
pub use settings::{FeedbackMode, MULTIPLIER_RANGE, PracticeMode, Settings};
pub use state::{DimensionChange, RelationalState, Rupture, StateSnapshot};
pub use transcript::{
    Branch, Confidence, EndingRecord, OwnWords, ProbeRecord, Response, StepRecord, Transcript,
};

#[cfg(test)]
mod draft_tests;
#[cfg(test)]
mod practice_tests;
#[cfg(test)]
mod replay_tests;
#[cfg(test)]
mod tests;
