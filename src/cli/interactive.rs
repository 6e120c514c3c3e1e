//! Playing a scenario in the terminal: the briefing first (content notes before
//! anything else), then each moment as the practice mode has it (own words
//! first, or a noticing question first, then the numbered answers), a
//! countdown that honours the time limit, confidence asked before feedback,
//! feedback as the feedback mode allows, the trainee's ratings of their own
//! words, and the reflection prompts at the end.
//!
//! A line that arrives is read whole, as typed (see `input`), and a number
//! that is no choice says so. The terminal cannot see a line before Enter, so
//! own words not yet sent when the time runs out are lost: the time warning
//! says so.

use std::time::{Duration, Instant};

use super::input::{Expecting, HELP, Input, WRITING_HELP, parse_input};
use super::moment_text::{THEN_CHOOSE_THE_STORY, describe};
use super::practice_prompts::{ask_confidence, rate_after_the_debrief, rate_own_words};
use super::screen::{Received, Terminal};
use super::transcript_text::{Audience, transcript_text};
use crate::core::clock::format_clock;
use crate::core::engine::{
    Engine, EngineError, FeedbackMode, Phase, PracticeMode, SessionEvent, Status,
};
use crate::core::model::Scenario;
use crate::core::practice_summary::PracticeSummary;
use crate::core::store::Reflection;
use crate::core::wording;

/// How often the countdown is redrawn while waiting for input.
const REDRAW: Duration = Duration::from_millis(100);

/// Seconds added by `e`.
const EXTENSION_SECONDS: f64 = 20.0;

/// How a session in the terminal went.
pub(super) struct Played {
    /// False if input ran out before the end.
    pub finished: bool,
    /// The trainee's answers to the reflection prompts (none skipped).
    pub reflections: Vec<Reflection>,
}

/// Shows the briefing, waits for Enter, then plays until the scenario ends or
/// the player quits; then (with feedback at the end) the debrief and the
/// ratings of own words, and the reflection prompts when something was
/// answered.
pub(super) fn play_interactively(
    engine: &mut Engine,
    first_events: Vec<SessionEvent>,
    support_line: &str,
) -> Played {
    let mut terminal = Terminal::new();
    terminal.say(&briefing_text(engine, support_line));
    terminal.say(&format!("\n{}", wording::press_enter_to_begin()));
    match terminal.ask() {
        Some(line) if matches!(line.trim(), "q" | "quit") => {
            return Played {
                finished: true,
                reflections: Vec::new(),
            };
        }
        Some(_) => {}
        None => {
            terminal.say("\nInput ended before the scenario began.");
            return Played {
                finished: false,
                reflections: Vec::new(),
            };
        }
    }
    terminal.say(&how_to_play(engine));
    terminal.say(&format!(
        "(How you answer: {}; kept for this scenario, `--mode choose|say|notice` changes it.)",
        engine.transcript().settings.practice.label()
    ));
    let stop = Moments::new(engine, &mut terminal, Scope::WholeScenario).play(&first_events);
    let finished = matches!(stop, Stop::Finished | Stop::Quit | Stop::EndOfDraft);
    let transcript = engine.transcript();
    if transcript.settings.feedback != FeedbackMode::Immediate {
        let debrief = transcript_text(engine.playable(), transcript, Audience::Trainee);
        terminal.say(&format!("\n== Debrief ==\n\n{}", debrief.trim_end()));
        if terminal.input_open {
            rate_after_the_debrief(engine, &mut terminal);
        }
    } else {
        // The debrief says these; with feedback after each answer, they are
        // said here, as the app's end screen does.
        let practice = PracticeSummary::of(transcript).sentences();
        if !practice.is_empty() {
            terminal.say(&format!("\n{}", practice.join("\n")));
        }
    }
    // An author trying a draft is not asked to reflect on it.
    let reflections =
        if terminal.input_open && !engine.transcript().steps.is_empty() && stop != Stop::EndOfDraft
        {
            ask_reflections(&mut terminal, engine.scenario())
        } else {
            Vec::new()
        };
    terminal.say(&format!("\n{}", wording::grounding()));
    if let Some(support) = &engine.scenario().trainee_support {
        terminal.say(&support_text(support, support_line));
    }
    Played {
        finished,
        reflections,
    }
}

/// How to answer, for the mode being played, in parentheses.
pub(super) fn how_to_play(engine: &Engine) -> String {
    let settings = engine.transcript().settings;
    let mut lines = vec![format!("({HELP})")];
    match settings.practice {
        PracticeMode::Choose => {}
        PracticeMode::SayItFirst => lines.push(format!(
            "(Say it first: at each moment with more than one answer, {WRITING_HELP}. \
             Then pick the written answer closest to your words.)"
        )),
        PracticeMode::NoticeFirst => lines.push(
            "(Notice first: where the author asks a question about the moment, \
             answer it by its number before the answers show; the clock waits for it.)"
                .to_owned(),
        ),
    }
    if settings.ask_confidence {
        lines.push(format!(
            "(After each answer, before its feedback: {})",
            super::practice_prompts::SURE_OR_UNSURE
        ));
    }
    lines.join("\n")
}

/// How much of the scenario to play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Until an ending.
    WholeScenario,
    /// One moment: stop once the feedback on the first answer has been read.
    OneMoment,
}

/// Why play stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// The scenario ended (or, for one moment, its feedback was read).
    Finished,
    /// The trainee quit.
    Quit,
    /// Input ended while nothing could move on.
    InputEnded,
    /// The scenario cannot go on: nothing is offered.
    Stuck,
    /// A draft went as far as it is written.
    EndOfDraft,
}

/// What a line of input led to.
enum Carried {
    GoOn,
    Stop(Stop),
}

/// The moments of one session, played in the terminal.
pub(super) struct Moments<'a> {
    engine: &'a mut Engine,
    terminal: &'a mut Terminal,
    scope: Scope,
    /// When play time was last counted: time spent on questions that stop
    /// the session (confidence, ratings) is not counted.
    last: Instant,
}

impl<'a> Moments<'a> {
    pub(super) fn new(engine: &'a mut Engine, terminal: &'a mut Terminal, scope: Scope) -> Self {
        Self {
            engine,
            terminal,
            scope,
            last: Instant::now(),
        }
    }

    /// Shows the events that began the session, then plays until an ending,
    /// a quit, or input that ended while nothing could move on.
    pub(super) fn play(mut self, first_events: &[SessionEvent]) -> Stop {
        self.show(first_events);
        self.last = Instant::now();
        loop {
            match self.engine.state().status {
                Status::Playing => {}
                Status::Ended => return Stop::Finished,
                Status::Stuck => return Stop::Stuck,
                Status::EndOfDraft => return Stop::EndOfDraft,
            }
            self.terminal.screen.prompt(self.engine);
            self.terminal.screen.countdown(self.engine);
            let received = self.terminal.receive(REDRAW);
            let now = Instant::now();
            let events = self.engine.tick(now - self.last);
            self.last = now;
            let timed_out = events
                .iter()
                .any(|event| matches!(event, SessionEvent::TimedOut { .. }));
            self.show(&events);
            if let Received::Line(line) = received {
                if timed_out {
                    // The line came as the time ran out: it belongs to the
                    // moment that has passed, not to what follows.
                    if !line.trim().is_empty() {
                        self.terminal
                            .say("(That came after the time ran out, so it was not used.)");
                    }
                } else if let Carried::Stop(stop) = self.carry_out(&line) {
                    return stop;
                }
            }
            // Without input, only a running countdown can move the session on
            // (and one moment of practice does not wait for it).
            let playing = self.engine.state().status == Status::Playing;
            let clock_runs = self.engine.remaining().is_some() && self.engine.phase().clock_runs();
            if playing
                && !self.terminal.input_open
                && (!clock_runs || self.scope == Scope::OneMoment)
            {
                // One moment answered is done, whether or not Enter came.
                let answered = self.scope == Scope::OneMoment && self.engine.reading_feedback();
                if !answered {
                    self.terminal.say("\nInput ended before the scenario did.");
                }
                return Stop::InputEnded;
            }
        }
    }

    /// Carries out one line of input.
    fn carry_out(&mut self, line: &str) -> Carried {
        let expecting = Expecting::of(self.engine);
        let result: Result<Vec<SessionEvent>, EngineError> = match parse_input(line, expecting) {
            Ok(Input::Quit) => return Carried::Stop(Stop::Quit),
            Ok(Input::Nothing) if self.engine.reading_feedback() => {
                if self.scope == Scope::OneMoment {
                    return Carried::Stop(Stop::Finished);
                }
                self.engine.go_on()
            }
            Ok(Input::Nothing) if expecting == Expecting::Noticed => self.engine.see_answers(),
            Ok(Input::Nothing) if expecting == Expecting::Confidence => self.engine.confide(None),
            Ok(Input::Nothing) => return Carried::GoOn,
            Ok(Input::PauseOrResume) => Ok(if self.engine.state().paused {
                self.engine.resume()
            } else {
                self.engine.pause()
            }),
            Ok(Input::Extend) => self.engine.extend_timer(EXTENSION_SECONDS),
            Ok(Input::LetPass) => self.engine.let_time_run_out(),
            Ok(Input::Rewind(step)) => self.engine.rewind(step),
            Ok(Input::Words(words)) => self.engine.submit_own_words(&words),
            Ok(Input::NoneClose) => self.engine.set_none_close(true).map(|()| {
                self.terminal.say(THEN_CHOOSE_THE_STORY);
                Vec::new()
            }),
            Ok(Input::Choose(index)) if matches!(expecting, Expecting::Noticing { .. }) => {
                match self.engine.probe_answers().get(index) {
                    Some(&(answer, _)) => self.engine.answer_probe(answer),
                    None => Err(EngineError::NoSuchProbeAnswer(index)),
                }
            }
            Ok(Input::Choose(index)) => self.choose(index),
            Err(error) => {
                self.terminal.say(&format!("({error})"));
                return Carried::GoOn;
            }
        };
        match result {
            Ok(events) => self.show(&events),
            Err(error) => self.terminal.say(&format!("({error})")),
        }
        Carried::GoOn
    }

    /// Chooses the answer shown at `index`; when confidence is asked, asks it
    /// now, before anything of the answer's feedback is shown.
    fn choose(&mut self, index: usize) -> Result<Vec<SessionEvent>, EngineError> {
        let id = self.engine.state().shown.choices[index].clone();
        let mut events = self.engine.choose(&id)?;
        if self.engine.phase() == Phase::Confiding {
            let confidence = ask_confidence(self.terminal);
            self.last = Instant::now();
            events.extend(self.engine.confide(confidence)?);
        }
        Ok(events)
    }

    /// Prints the events; after the feedback on an answer given in the
    /// trainee's own words, sets the words beside the best answers and asks
    /// their ratings, then says how to go on.
    fn show(&mut self, events: &[SessionEvent]) {
        let terminal = self.terminal.screen.terminal;
        let lines: Vec<String> = events
            .iter()
            .map(|event| describe(self.engine, event, terminal))
            .filter(|text| !text.is_empty())
            .collect();
        if !lines.is_empty() {
            self.terminal.say(&lines.join("\n"));
        }
        let feedback = events.iter().find_map(|event| match event {
            SessionEvent::FeedbackReady { step } => Some(*step),
            _ => None,
        });
        if let Some(step) = feedback {
            rate_own_words(self.engine, self.terminal, step, "\n-- your words --");
            self.last = Instant::now();
            self.terminal.say(&wording::press_enter_to_go_on());
        }
    }
}

/// Asks each reflection prompt and keeps the answers given; Enter alone skips
/// one, `q` the rest, and input that ends stops the asking.
fn ask_reflections(terminal: &mut Terminal, scenario: &Scenario) -> Vec<Reflection> {
    terminal.say(&format!(
        "\n== {} ==\n{}",
        wording::reflection(),
        wording::how_to_reflect()
    ));
    let mut kept = Vec::new();
    for prompt in wording::reflection_prompts(scenario) {
        terminal.say(&format!("\n{prompt}"));
        let Some(line) = terminal.ask() else { break };
        match line.trim() {
            "" => {}
            "q" => break,
            answer => kept.push(Reflection {
                prompt,
                answer: answer.to_owned(),
            }),
        }
    }
    kept
}

/// The scenario's support for the trainee, under its heading.
fn support_text(support: &str, support_line: &str) -> String {
    format!(
        "== {} ==\n{}",
        wording::looking_after_yourself(),
        wording::support_in_words(support, support_line)
    )
}

/// The briefing: content notes first, then the scenario, what it practises,
/// who is in it, and the time and what presses on it.
fn briefing_text(engine: &Engine, support_line: &str) -> String {
    let scenario = engine.scenario();
    let mut out = String::new();
    if !scenario.content_notes.is_empty() {
        out.push_str(&format!("== {} ==\n", wording::content_notes()));
        for note in &scenario.content_notes {
            out.push_str(&format!("  - {note}\n"));
        }
        out.push_str(&format!("{}\n\n", wording::leaving_is_fine()));
    }
    if let Some(support) = &scenario.trainee_support {
        out.push_str(&format!("{}\n\n", support_text(support, support_line)));
    }
    out.push_str(&format!(
        "== {} ==\n{} · about {} minutes\n",
        scenario.title,
        scenario.difficulty.label(),
        scenario.estimated_minutes
    ));
    if !scenario.summary.is_empty() {
        out.push_str(&format!("{}\n", scenario.summary));
    }
    if !scenario.learning_goals.is_empty() {
        out.push_str(&format!("\n{}:\n", wording::learning_goals()));
        for goal in &scenario.learning_goals {
            out.push_str(&format!("  - {goal}\n"));
        }
    }
    if !scenario.characters.is_empty() {
        out.push_str(&format!("\n{}:\n", wording::who_is_here()));
        for character in &scenario.characters {
            out.push_str(&format!(
                "  - {}\n",
                wording::character_in_words(&character.name, &character.description)
            ));
        }
    }
    let state = engine.state();
    let act = &scenario.acts[state.act];
    out.push_str(&format!(
        "\n{}:\n  {}\n",
        wording::time(),
        wording::day_begins(&format_clock(state.clock), &act.place)
    ));
    for deadline in act
        .deadlines
        .iter()
        .filter(|d| d.at.minutes() > state.clock)
    {
        out.push_str(&format!(
            "  {}\n",
            wording::deadline_at(&deadline.at.to_string(), &deadline.label)
        ));
    }
    out.trim_end().to_owned()
}
