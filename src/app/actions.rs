//! What the trainee asks for, as messages: the screens and the keyboard write
//! them; the library and session plugins carry them out. Tests write them too.

use bevy::prelude::*;

use crate::core::cohort::source::ClassSource;
use crate::core::engine::Confidence;
use crate::core::export::ExportFormat;
use crate::core::fis::SelfRating;
use crate::core::store::Reflection;

/// A request from the user.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    /// Open the briefing of the scenario with this library key.
    OpenBriefing(String),
    /// Start the briefed scenario, with the choices the briefing shows (its
    /// drill and feedback mode).
    Begin,
    /// Choose the offered choice with this id.
    Choose(String),
    /// Choose the offered choice shown at this position (1 is the first).
    ChooseNumber(usize),
    /// Close the feedback panel and go on (after a noticing question: see the
    /// answers; while asked how sure: skip it).
    Continue,
    /// Answer the noticing question with the answer at this position in the
    /// scenario.
    AnswerProbe(usize),
    /// The own words typed so far ("Say it first").
    Draft(String),
    /// Send the own words: the written answers show.
    SubmitOwnWords(String),
    /// None of the written answers is close to the own words.
    NoneClose,
    /// How sure the trainee was of the answer just given (none skips).
    Confide(Option<Confidence>),
    /// The trainee's ratings of their own words at a step (0 is the first).
    RateOwnWords {
        step: usize,
        ratings: Vec<SelfRating>,
    },
    /// Open the Today list of moments to practise again.
    OpenToday,
    /// Practise the moment at this position of the Today list.
    PractiseToday(usize),
    TogglePause,
    /// Add the preferred number of seconds to the running countdown.
    ExtendTime,
    /// Leave the scenario (never penalised).
    Leave,
    /// Author mode: take the timeout outcome now.
    TimeOutNow,
    /// Author mode: go to a node, keeping the relational state.
    JumpTo(String),
    /// Play the same scenario again from the briefing.
    PlayAgain,
    OpenSettings,
    /// Keep the reflections written at the end with the attempt.
    SaveReflections(Vec<Reflection>),
    /// Back from the briefing, settings, history or a review to where the user
    /// came from.
    Back,
    /// Open a scenario's briefing with a drill (entry point) picked, as a
    /// practice suggestion does.
    OpenBriefingAt {
        key: String,
        entry: Option<String>,
    },
    /// From the debrief: go back to this step (0 is the first) and answer
    /// differently; the first path is kept for comparison.
    WhatIf(usize),
    /// Write the attempt on the end screen (or under review) to a file.
    Export {
        format: ExportFormat,
        /// Markdown: include the reflections.
        reflections: bool,
    },
    OpenHistory,
    /// Open the glossary, at this entry if given.
    OpenGlossary(Option<String>),
    /// Open a saved attempt's debrief, by attempt id.
    ReviewAttempt(String),
    /// Open the Class screen: a class's results.
    OpenClass,
    /// Read a class's attempts from this source (in the background).
    ReadClass(ClassSource),
    /// Read a class's attempts from the LRS set in Settings.
    ReadClassFromLrs,
}

/// Registers the message.
pub(super) struct ActionPlugin;

impl Plugin for ActionPlugin {
    fn build(&self, app: &mut App) {
        app.add_message::<Action>();
    }
}
