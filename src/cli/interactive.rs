//! Playing a scenario in the terminal: the briefing first (content notes before
//! anything else), then each moment with numbered choices, a countdown that
//! honours the time limit, feedback as the feedback mode allows, and the
//! reflection prompts at the end.
//!
//! The terminal is line-buffered: what the trainee types belongs to the
//! terminal until Enter, and a program cannot redraw it. So nothing is printed
//! over the line being typed: on a terminal the countdown rewrites only the
//! fixed-width "[ 12 s left]" at the start of the prompt line (saving and
//! restoring the cursor around it), and everything else goes on lines of its
//! own, followed by the prompt again. A line that arrives is read whole, as
//! typed, and a number that is no choice says so.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::transcript_text::{Audience, feedback_text, transcript_text};
use super::wrap::{terminal_width, wrap};
use crate::core::clock::format_clock;
use crate::core::engine::{Engine, EngineError, FeedbackMode, SessionEvent, Status};
use crate::core::model::Scenario;
use crate::core::review::review_step;
use crate::core::store::Reflection;
use crate::core::wording;

/// How often the countdown is redrawn while waiting for input.
const REDRAW: Duration = Duration::from_millis(100);

/// Seconds added by `e`.
const EXTENSION_SECONDS: f64 = 20.0;

const HELP: &str = "type a choice's number and Enter; p pauses or resumes, e adds 20 s, \
t lets the moment pass, r N goes back to step N, q quits";

/// How a session in the terminal went.
pub(super) struct Played {
    /// False if input ran out before the end.
    pub finished: bool,
    /// The trainee's answers to the reflection prompts (none skipped).
    pub reflections: Vec<Reflection>,
}

/// Shows the briefing, waits for Enter, then plays until the scenario ends or
/// the player quits, and asks the reflection prompts when something was
/// answered.
pub(super) fn play_interactively(
    engine: &mut Engine,
    first_events: Vec<SessionEvent>,
    support_line: &str,
) -> Played {
    let lines = spawn_line_reader();
    let mut screen = Screen::new();
    screen.say(&briefing_text(engine, support_line));
    screen.say(&format!("\n{}", wording::PRESS_ENTER_TO_BEGIN));
    screen.prompt_plain();
    match lines.recv() {
        Ok(line) if matches!(line.trim(), "q" | "quit") => {
            return Played {
                finished: true,
                reflections: Vec::new(),
            };
        }
        Ok(_) => {}
        Err(_) => {
            screen.say("\nInput ended before the scenario began.");
            return Played {
                finished: false,
                reflections: Vec::new(),
            };
        }
    }
    screen.say(&format!("({HELP})"));
    screen.show(engine, &first_events);
    let (finished, input_open) = play_moments(engine, &mut screen, &lines);
    screen.finish(engine);
    let reflections = if input_open && !engine.transcript().steps.is_empty() {
        ask_reflections(&mut screen, engine.scenario(), &lines)
    } else {
        Vec::new()
    };
    screen.say(&format!("\n{}", wording::GROUNDING));
    if let Some(support) = &engine.scenario().trainee_support {
        screen.say(&support_text(support, support_line));
    }
    Played {
        finished,
        reflections,
    }
}

/// The moments, until an ending, a quit, or input that ended while nothing
/// could move on; whether the session finished and whether input is still
/// open.
fn play_moments(
    engine: &mut Engine,
    screen: &mut Screen,
    lines: &Receiver<String>,
) -> (bool, bool) {
    let mut last = Instant::now();
    let mut input_open = true;
    loop {
        if engine.state().status != Status::Playing {
            return (engine.state().status == Status::Ended, input_open);
        }
        screen.prompt(engine);
        screen.countdown(engine);
        let received = if input_open {
            lines.recv_timeout(REDRAW)
        } else {
            std::thread::sleep(REDRAW);
            Err(RecvTimeoutError::Timeout)
        };
        let now = Instant::now();
        let events = engine.tick(now - last);
        last = now;
        screen.show(engine, &events);
        match received {
            Ok(line) => {
                screen.line_read();
                if !carry_out(engine, screen, &line) {
                    return (true, input_open);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => input_open = false,
        }
        // Without input, only a running countdown can move the session on.
        let playing = engine.state().status == Status::Playing;
        if playing && !input_open && engine.remaining().is_none() {
            screen.say("\nInput ended before the scenario did.");
            return (false, false);
        }
    }
}

/// Reads standard input line by line on its own thread.
fn spawn_line_reader() -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// One line of input, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    /// Enter alone.
    Nothing,
    Quit,
    PauseOrResume,
    Extend,
    LetPass,
    /// Go back to this step, counted from 0.
    Rewind(usize),
    /// The offered choice at this position, counted from 0.
    Choose(usize),
}

/// Why a line of input could not be read as anything.
#[derive(Debug, Clone, PartialEq, Eq)]
enum InputError {
    NoSuchChoice {
        number: usize,
        choices: usize,
    },
    RewindNeedsAStep,
    /// A number or command typed while the feedback waits for Enter.
    ReadingFeedback,
    Unknown,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoSuchChoice { number, choices } => {
                f.write_str(&wording::no_such_choice(*number, *choices))
            }
            Self::RewindNeedsAStep => f.write_str("r needs a step number from 1, as in r 2"),
            Self::ReadingFeedback => f.write_str(wording::PRESS_ENTER_TO_GO_ON),
            Self::Unknown => f.write_str(HELP),
        }
    }
}

/// Reads a line as typed, whole: `33` is choice 33, never choice 3 twice.
fn parse_input(line: &str, choices: usize, reading_feedback: bool) -> Result<Input, InputError> {
    let line = line.trim();
    match line {
        "" => return Ok(Input::Nothing),
        "q" | "quit" => return Ok(Input::Quit),
        _ if reading_feedback => return Err(InputError::ReadingFeedback),
        "p" => return Ok(Input::PauseOrResume),
        "e" => return Ok(Input::Extend),
        "t" => return Ok(Input::LetPass),
        _ => {}
    }
    if let Some(step) = line
        .strip_prefix('r')
        .filter(|rest| rest.is_empty() || rest.starts_with(' '))
    {
        return match step.trim().parse::<usize>() {
            Ok(step) if step >= 1 => Ok(Input::Rewind(step - 1)),
            _ => Err(InputError::RewindNeedsAStep),
        };
    }
    match line.parse::<usize>() {
        Ok(number) if (1..=choices).contains(&number) => Ok(Input::Choose(number - 1)),
        Ok(number) => Err(InputError::NoSuchChoice { number, choices }),
        Err(_) => Err(InputError::Unknown),
    }
}

/// Carries out one line of input; false when the player quits.
fn carry_out(engine: &mut Engine, screen: &mut Screen, line: &str) -> bool {
    let input = parse_input(
        line,
        engine.state().shown.choices.len(),
        engine.reading_feedback(),
    );
    let result: Result<Vec<SessionEvent>, EngineError> = match input {
        Ok(Input::Quit) => return false,
        Ok(Input::Nothing) if engine.reading_feedback() => engine.go_on(),
        Ok(Input::Nothing) => return true,
        Ok(Input::PauseOrResume) => Ok(if engine.state().paused {
            engine.resume()
        } else {
            engine.pause()
        }),
        Ok(Input::Extend) => engine.extend_timer(EXTENSION_SECONDS),
        Ok(Input::LetPass) => engine.let_time_run_out(),
        Ok(Input::Rewind(step)) => engine.rewind(step),
        Ok(Input::Choose(index)) => {
            let id = engine.state().shown.choices[index].clone();
            engine.choose(&id)
        }
        Err(error) => {
            screen.say(&format!("({error})"));
            return true;
        }
    };
    match result {
        Ok(events) => screen.show(engine, &events),
        Err(error) => screen.say(&format!("({error})")),
    }
    true
}

/// Asks each reflection prompt and keeps the answers given; Enter alone skips
/// one, `q` the rest, and input that ends stops the asking.
fn ask_reflections(
    screen: &mut Screen,
    scenario: &Scenario,
    lines: &Receiver<String>,
) -> Vec<Reflection> {
    screen.say(&format!(
        "\n== {} ==\n{}",
        wording::REFLECTION,
        wording::HOW_TO_REFLECT
    ));
    let mut kept = Vec::new();
    for prompt in wording::reflection_prompts(scenario) {
        screen.say(&format!("\n{prompt}"));
        screen.prompt_plain();
        let Ok(line) = lines.recv() else { break };
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
        wording::LOOKING_AFTER_YOURSELF,
        wording::support_in_words(support, support_line)
    )
}

/// The briefing: content notes first, then the scenario, what it practises,
/// who is in it, and the time and what presses on it.
fn briefing_text(engine: &Engine, support_line: &str) -> String {
    let scenario = engine.scenario();
    let mut out = String::new();
    if !scenario.content_notes.is_empty() {
        out.push_str(&format!("== {} ==\n", wording::CONTENT_NOTES));
        for note in &scenario.content_notes {
            out.push_str(&format!("  - {note}\n"));
        }
        out.push_str(&format!("{}\n\n", wording::LEAVING_IS_FINE));
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
        out.push_str(&format!("\n{}:\n", wording::LEARNING_GOALS));
        for goal in &scenario.learning_goals {
            out.push_str(&format!("  - {goal}\n"));
        }
    }
    if !scenario.characters.is_empty() {
        out.push_str(&format!("\n{}:\n", wording::WHO_IS_HERE));
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
        wording::TIME,
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

/// What has been printed: the prompt, and the countdown on it.
struct Screen {
    width: usize,
    /// Whether output is a terminal, where the countdown can be redrawn in place.
    terminal: bool,
    /// Whether input is a terminal, which echoes the trainee's Enter.
    echoed: bool,
    /// Whether the prompt for the current input is on screen.
    prompt_shown: bool,
    countdown_shown: Option<u64>,
}

impl Screen {
    fn new() -> Self {
        Self {
            width: terminal_width(),
            terminal: std::io::stdout().is_terminal(),
            echoed: std::io::stdin().is_terminal(),
            prompt_shown: false,
            countdown_shown: None,
        }
    }

    /// Prints text wrapped to the terminal's width, on lines of its own.
    fn say(&mut self, text: &str) {
        if self.prompt_shown {
            println!();
        }
        println!("{}", wrap(text, self.width));
        self.prompt_shown = false;
    }

    /// A line was read: the terminal's echo of Enter ended the prompt line
    /// (piped input has no echo, so the next output starts a line itself).
    fn line_read(&mut self) {
        if self.echoed {
            self.prompt_shown = false;
        }
    }

    /// "> " with nothing before it.
    fn prompt_plain(&mut self) {
        print!("> ");
        let _ = std::io::stdout().flush();
        self.prompt_shown = true;
    }

    /// The prompt for the moment, unless it is on screen: the time left when a
    /// limit runs, "> " alone otherwise.
    fn prompt(&mut self, engine: &Engine) {
        if self.prompt_shown {
            return;
        }
        match engine.remaining() {
            Some(remaining) => {
                let seconds = whole_seconds(remaining);
                self.countdown_shown = Some(seconds);
                print!("{} > ", countdown_text(seconds));
                let _ = std::io::stdout().flush();
                self.prompt_shown = true;
            }
            None => self.prompt_plain(),
        }
    }

    /// On a terminal, redraws the seconds at the start of the prompt line in
    /// place, leaving whatever the trainee is typing where it is.
    fn countdown(&mut self, engine: &Engine) {
        let Some(remaining) = engine.remaining() else {
            return;
        };
        let seconds = whole_seconds(remaining);
        if !self.terminal || !self.prompt_shown || self.countdown_shown == Some(seconds) {
            return;
        }
        self.countdown_shown = Some(seconds);
        // Save the cursor, write at the line's start, restore the cursor.
        print!("\x1b7\r{}\x1b8", countdown_text(seconds));
        let _ = std::io::stdout().flush();
    }

    fn show(&mut self, engine: &Engine, events: &[SessionEvent]) {
        let lines: Vec<String> = events
            .iter()
            .map(|event| self.describe(engine, event))
            .filter(|text| !text.is_empty())
            .collect();
        if !lines.is_empty() {
            self.say(&lines.join("\n"));
        }
    }

    /// After the last moment: the debrief when feedback waited for the end.
    fn finish(&mut self, engine: &Engine) {
        let transcript = engine.transcript();
        if transcript.settings.feedback != FeedbackMode::Immediate {
            let debrief = transcript_text(engine.playable(), transcript, Audience::Trainee);
            self.say(&format!("\n== Debrief ==\n\n{}", debrief.trim_end()));
        }
    }

    /// One event as a few lines of text (empty for events not worth a line).
    fn describe(&self, engine: &Engine, event: &SessionEvent) -> String {
        let scenario = engine.scenario();
        match event {
            SessionEvent::ActBegan {
                title,
                place,
                clock,
                ..
            } => format!("\n== {title} ==\n{place}, {clock}"),
            SessionEvent::NodeEntered {
                node,
                step,
                speaker,
                narration,
                text,
                choices,
            } => {
                let mut out = String::new();
                if !engine.playable().node(node).is_some_and(|n| n.is_ending()) {
                    out.push_str(&format!("\n-- {} --\n", moment_header(engine, *step)));
                }
                if let Some(narration) = narration {
                    out.push_str(&format!("{narration}\n"));
                }
                if !text.is_empty() {
                    let who = speaker
                        .as_deref()
                        .map_or("", |id| scenario.character(id).map_or(id, |c| &c.name));
                    out.push_str(&format!("{who}: \"{text}\"\n"));
                }
                for (number, choice) in choices.iter().enumerate() {
                    out.push_str(&format!("  {}. {}\n", number + 1, choice.says));
                }
                out.trim_end().to_owned()
            }
            SessionEvent::TimerStarted { seconds } => format!("(you have {seconds:.0} seconds)"),
            SessionEvent::TimerWarning { remaining } => {
                let kept = if self.terminal {
                    " Anything you had typed is kept: Enter sends it, Ctrl-U clears it."
                } else {
                    ""
                };
                format!("({remaining:.0} seconds left: type e for more time.{kept})")
            }
            SessionEvent::TimerExtended { remaining, .. } => {
                format!("({remaining:.0} seconds now)")
            }
            SessionEvent::TimedOut { .. } => "Time ran out.".into(),
            SessionEvent::FeedbackReady { step } => {
                let Some(record) = engine.transcript().steps.get(*step) else {
                    return String::new();
                };
                let reviewed = review_step(engine.playable(), record);
                format!(
                    "\n-- feedback --\n{}{}",
                    feedback_text(&reviewed, "  "),
                    wording::PRESS_ENTER_TO_GO_ON
                )
            }
            SessionEvent::DeadlinePassed { at, label, .. } => format!("{at}: {label}."),
            SessionEvent::StateChanged(_)
            | SessionEvent::RuptureOpened { .. }
            | SessionEvent::RuptureRepaired { .. }
            | SessionEvent::ClockMoved { .. }
            | SessionEvent::ChoiceMade { .. }
            | SessionEvent::ProbeAsked { .. }
            | SessionEvent::ProbeAnswered { .. }
            | SessionEvent::OwnWordsKept { .. }
            | SessionEvent::AnswersShown
            | SessionEvent::ConfidenceAsked { .. } => String::new(),
            SessionEvent::Paused => "(paused: type p to go on)".into(),
            SessionEvent::Resumed => "(resumed)".into(),
            SessionEvent::Rewound { to_step } => format!("(back to step {})", to_step + 1),
            SessionEvent::Ended {
                title, text, kind, ..
            } => format!("\n== {title} ({}) ==\n{text}", kind.label()),
            SessionEvent::Stuck { node } => {
                format!("(the scenario cannot go on from \"{node}\": nothing is offered)")
            }
        }
    }
}

/// "Step 2 · 10:01 · The next client arrives in 9 minutes": the step counted
/// from 1, the clock, and the next deadline's pressure.
fn moment_header(engine: &Engine, step: usize) -> String {
    let mut header = format!(
        "{} · {}",
        wording::step_heading(step),
        format_clock(engine.state().clock)
    );
    if let Some((label, minutes)) = engine.next_deadline() {
        header.push_str(&format!(" · {}", wording::deadline_in(label, minutes)));
    }
    header
}

/// Whole seconds left, rounded up: "1 s" until the very end.
fn whole_seconds(remaining: Duration) -> u64 {
    remaining.as_secs_f64().ceil() as u64
}

/// "[ 12 s left]": always the same width, so it can be redrawn in place.
fn countdown_text(seconds: u64) -> String {
    format!("[{seconds:>3} s left]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_read_whole_as_typed() {
        assert_eq!(parse_input("2", 3, false), Ok(Input::Choose(1)));
        assert_eq!(parse_input(" 3 ", 3, false), Ok(Input::Choose(2)));
        assert_eq!(
            parse_input("33", 3, false),
            Err(InputError::NoSuchChoice {
                number: 33,
                choices: 3
            }),
            "a retyped 3 is not choice 3"
        );
        assert_eq!(
            parse_input("9", 3, false).unwrap_err().to_string(),
            "There is no choice 9: the choices are 1 to 3."
        );
        assert_eq!(
            parse_input("0", 3, false),
            Err(InputError::NoSuchChoice {
                number: 0,
                choices: 3
            })
        );
        assert_eq!(parse_input("hello", 3, false), Err(InputError::Unknown));
    }

    #[test]
    fn steps_to_go_back_to_count_from_one() {
        assert_eq!(parse_input("r 1", 3, false), Ok(Input::Rewind(0)));
        assert_eq!(parse_input("r 9", 3, false), Ok(Input::Rewind(8)));
        assert_eq!(
            parse_input("r 0", 3, false),
            Err(InputError::RewindNeedsAStep)
        );
        assert_eq!(
            parse_input("r", 3, false),
            Err(InputError::RewindNeedsAStep)
        );
        assert_eq!(parse_input("rx", 3, false), Err(InputError::Unknown));
    }

    #[test]
    fn while_feedback_shows_only_enter_or_quit_is_taken() {
        assert_eq!(parse_input("", 3, true), Ok(Input::Nothing));
        assert_eq!(parse_input("q", 3, true), Ok(Input::Quit));
        assert_eq!(parse_input("1", 3, true), Err(InputError::ReadingFeedback));
        assert_eq!(
            InputError::ReadingFeedback.to_string(),
            wording::PRESS_ENTER_TO_GO_ON
        );
    }

    #[test]
    fn the_countdown_keeps_one_width_to_be_redrawn_in_place() {
        assert_eq!(countdown_text(5).len(), countdown_text(120).len());
        assert_eq!(whole_seconds(Duration::from_millis(100)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(45)), 45);
    }
}
