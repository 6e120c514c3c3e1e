//! Play scripts: one command a line, to drive a session without a person. A
//! script reads no feedback: each answer goes straight on to the next moment.
//!
//! ```text
//! # comments and blank lines are ignored
//! wait 4.5        # let 4.5 seconds of play time pass
//! choose glad_and_honest
//! pause
//! resume
//! extend 20       # add 20 seconds to the running time limit
//! timeout         # let the time run out now
//! rewind 1        # go back to step 1 (the first step) and answer again
//! ```

use std::time::Duration;

use super::engine::{Engine, Response, SessionEvent};

/// One script command.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptCommand {
    Choose(String),
    Wait(f64),
    Pause,
    Resume,
    Extend(f64),
    TimeOut,
    /// Go back to this step, counted from 1 as on screen.
    Rewind(usize),
}

/// A problem in a script, at a line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "script line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ScriptError {}

/// Reads a script into commands with their line numbers.
pub fn parse_script(text: &str) -> Result<Vec<(usize, ScriptCommand)>, ScriptError> {
    let mut commands = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        let mut words = content.split_whitespace();
        let verb = words.next().unwrap_or_default();
        let argument = words.next();
        if words.next().is_some() {
            return Err(error(line, format!("too many words in \"{content}\"")));
        }
        let seconds = |argument: Option<&str>| -> Result<f64, ScriptError> {
            let text = argument
                .ok_or_else(|| error(line, format!("`{verb}` needs a number of seconds")))?;
            text.parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
                .ok_or_else(|| error(line, format!("\"{text}\" is not a number of seconds")))
        };
        let command = match verb {
            "choose" => ScriptCommand::Choose(
                argument
                    .ok_or_else(|| error(line, "`choose` needs a choice id".into()))?
                    .to_owned(),
            ),
            "wait" => ScriptCommand::Wait(seconds(argument)?),
            "extend" => ScriptCommand::Extend(seconds(argument)?),
            "pause" => ScriptCommand::Pause,
            "resume" => ScriptCommand::Resume,
            "timeout" => ScriptCommand::TimeOut,
            "rewind" => {
                let text =
                    argument.ok_or_else(|| error(line, "`rewind` needs a step number".into()))?;
                ScriptCommand::Rewind(text.parse().ok().filter(|step| *step >= 1).ok_or_else(
                    || {
                        error(
                            line,
                            format!("\"{text}\" is not a step number (steps count from 1)"),
                        )
                    },
                )?)
            }
            other => {
                return Err(error(
                    line,
                    format!(
                        "unknown command \"{other}\"; the commands are choose, wait, pause, resume, extend, timeout and rewind"
                    ),
                ));
            }
        };
        if matches!(
            command,
            ScriptCommand::Pause | ScriptCommand::Resume | ScriptCommand::TimeOut
        ) && argument.is_some()
        {
            return Err(error(line, format!("`{verb}` takes no argument")));
        }
        commands.push((line, command));
    }
    Ok(commands)
}

fn error(line: usize, message: String) -> ScriptError {
    ScriptError { line, message }
}

/// Runs commands against a session, returning every event. Stops at the first
/// command the session refuses, naming its line.
pub fn run_script(
    engine: &mut Engine,
    commands: &[(usize, ScriptCommand)],
) -> Result<Vec<SessionEvent>, ScriptError> {
    let mut events = Vec::new();
    for (line, command) in commands {
        let result = match command {
            ScriptCommand::Choose(id) => engine.respond_with(&Response::Choice(id.clone())),
            ScriptCommand::Wait(seconds) => Ok(engine.tick(Duration::from_secs_f64(*seconds))),
            ScriptCommand::Pause => Ok(engine.pause()),
            ScriptCommand::Resume => Ok(engine.resume()),
            ScriptCommand::Extend(seconds) => engine.extend_timer(*seconds),
            ScriptCommand::TimeOut => engine.respond_with(&Response::Timeout),
            ScriptCommand::Rewind(step) => engine.rewind(step - 1),
        };
        events.extend(result.map_err(|e| error(*line, e.to_string()))?);
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_command_with_comments_and_blank_lines() {
        let script = "# a drill\n\nwait 4.5\nchoose glad_and_honest  # the warm one\npause\nresume\nextend 20\ntimeout\nrewind 1\n";
        let commands: Vec<ScriptCommand> = parse_script(script)
            .unwrap()
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            commands,
            vec![
                ScriptCommand::Wait(4.5),
                ScriptCommand::Choose("glad_and_honest".into()),
                ScriptCommand::Pause,
                ScriptCommand::Resume,
                ScriptCommand::Extend(20.0),
                ScriptCommand::TimeOut,
                ScriptCommand::Rewind(1),
            ]
        );
    }

    #[test]
    fn reports_the_line_of_a_bad_command() {
        let cases = [
            ("wait soon", 1, "\"soon\" is not a number of seconds"),
            ("choose a\nhop 3", 2, "unknown command \"hop\""),
            ("\n\nchoose", 3, "`choose` needs a choice id"),
            ("pause now", 1, "`pause` takes no argument"),
            ("wait -1", 1, "is not a number of seconds"),
            ("rewind x", 1, "is not a step number"),
            ("choose a b", 1, "too many words"),
        ];
        for (script, line, message) in cases {
            let error = parse_script(script).unwrap_err();
            assert_eq!(error.line, line, "{script:?}");
            assert!(
                error.message.contains(message),
                "{script:?}: {}",
                error.message
            );
        }
    }
}
