//! Playing a scenario in the terminal: numbered choices, a visible countdown that
//! honours the time limit, and feedback as the feedback mode allows.

use std::io::{BufRead, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::transcript_text::{feedback_text, transcript_text};
use crate::core::engine::{Engine, FeedbackMode, SessionEvent, Status};
use crate::core::review::review_step;
use crate::core::wording;

/// How often the countdown is redrawn while waiting for input.
const REDRAW: Duration = Duration::from_millis(100);

/// Seconds added by `e`.
const EXTENSION_SECONDS: f64 = 20.0;

const HELP: &str = "type a choice's number and Enter; p pauses or resumes, e adds 20 s, \
t lets the moment pass, r N goes back to step N, q quits";

/// Plays until the scenario ends or the player quits; false if input ran out
/// before the end.
pub(super) fn play_interactively(engine: &mut Engine, first_events: Vec<SessionEvent>) -> bool {
    let lines = spawn_line_reader();
    let mut screen = Screen::default();
    screen.show(engine, &first_events);
    println!("({HELP})");
    let mut last = Instant::now();
    let mut input_open = true;
    loop {
        if engine.state().status != Status::Playing {
            screen.finish(engine);
            return engine.state().status == Status::Ended;
        }
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
                if !handle(engine, &mut screen, line.trim()) {
                    screen.finish(engine);
                    return true;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => input_open = false,
        }
        // Without input, only a running countdown can move the session on.
        let playing = engine.state().status == Status::Playing;
        if playing && !input_open && engine.remaining().is_none() {
            println!("\nInput ended before the scenario did.");
            return false;
        }
    }
}

/// Reads standard input line by line on its own thread.
fn spawn_line_reader() -> mpsc::Receiver<String> {
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

/// Carries out one line of input; false when the player quits.
fn handle(engine: &mut Engine, screen: &mut Screen, line: &str) -> bool {
    let result = match line {
        "" if engine.reading_feedback() => engine.go_on(),
        "" => return true,
        "q" | "quit" => return false,
        "p" => Ok(if engine.state().paused {
            engine.resume()
        } else {
            engine.pause()
        }),
        "e" => engine.extend_timer(EXTENSION_SECONDS),
        "t" => engine.let_time_run_out(),
        _ if line.starts_with("r ") => match line[2..].trim().parse::<usize>() {
            Ok(step) if step >= 1 => engine.rewind(step - 1),
            _ => {
                println!("\n(r needs a step number from 1)");
                return true;
            }
        },
        _ => match line.parse::<usize>() {
            Ok(number) if number >= 1 && number <= engine.state().shown.choices.len() => {
                let id = engine.state().shown.choices[number - 1].clone();
                engine.choose(&id)
            }
            _ => {
                println!("\n({HELP})");
                return true;
            }
        },
    };
    match result {
        Ok(events) => screen.show(engine, &events),
        Err(error) => println!("\n({error})"),
    }
    true
}

/// What has been printed, so the countdown line is redrawn only when it changes.
#[derive(Default)]
struct Screen {
    countdown_shown: Option<u64>,
}

impl Screen {
    fn countdown(&mut self, engine: &Engine) {
        let Some(remaining) = engine.remaining() else {
            return;
        };
        let seconds = remaining.as_secs_f64().ceil() as u64;
        if self.countdown_shown == Some(seconds) || engine.state().paused {
            return;
        }
        self.countdown_shown = Some(seconds);
        print!("\r  [{seconds:>3} s left] > ");
        let _ = std::io::stdout().flush();
    }

    fn show(&mut self, engine: &Engine, events: &[SessionEvent]) {
        let lines: Vec<String> = events
            .iter()
            .map(|event| describe(engine, event))
            .filter(|text| !text.is_empty())
            .collect();
        if !lines.is_empty() {
            self.countdown_shown = None;
            println!("\n{}", lines.join("\n"));
        }
    }

    fn finish(&self, engine: &Engine) {
        let transcript = engine.transcript();
        if transcript.settings.feedback != FeedbackMode::Immediate {
            println!("\n== Debrief ==\n");
            print!("{}", transcript_text(engine.playable(), transcript));
        }
        println!("\n{}", wording::GROUNDING);
    }
}

/// One event as a few lines of text (empty for events not worth a line).
fn describe(engine: &Engine, event: &SessionEvent) -> String {
    let scenario = engine.scenario();
    match event {
        SessionEvent::ActBegan {
            title,
            place,
            clock,
            ..
        } => format!("== {title} ==\n{place}, {clock}"),
        SessionEvent::NodeEntered {
            speaker,
            narration,
            text,
            choices,
            ..
        } => {
            let mut out = String::from("\n");
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
            format!("({remaining:.0} seconds left: type e for more time)")
        }
        SessionEvent::TimerExtended { remaining, .. } => format!("({remaining:.0} seconds now)"),
        SessionEvent::TimedOut { .. } => "Time ran out.".into(),
        SessionEvent::FeedbackReady { step } => {
            let Some(record) = engine.transcript().steps.get(*step) else {
                return String::new();
            };
            let reviewed = review_step(engine.playable(), record);
            format!(
                "\n-- feedback --\n{}(Enter to go on)",
                feedback_text(&reviewed, "  ")
            )
        }
        SessionEvent::ClockMoved { to, .. } => format!("[{to}]"),
        SessionEvent::DeadlinePassed { at, label, .. } => format!("{at}: {label}."),
        SessionEvent::StateChanged(_)
        | SessionEvent::RuptureOpened { .. }
        | SessionEvent::RuptureRepaired { .. } => String::new(),
        SessionEvent::Paused => "(paused: type p to go on)".into(),
        SessionEvent::Resumed => "(resumed)".into(),
        SessionEvent::Rewound { to_step } => format!("(back to step {})", to_step + 1),
        SessionEvent::Ended {
            title, text, kind, ..
        } => format!("== {title} ({}) ==\n{text}", kind.label()),
        SessionEvent::Stuck { node } => {
            format!("(the scenario cannot go on from \"{node}\": nothing is offered)")
        }
        SessionEvent::ChoiceMade { .. } => String::new(),
    }
}
