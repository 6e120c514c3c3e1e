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
//!
//! The practice modes (`doorway play --mode say|notice`) add:
//!
//! ```text
//! say You came back. Come in.   # own words, the rest of the line (Say it first)
//! draft I was just              # words typed but not sent: kept if the time runs out
//! none-close                    # no written answer is close; `choose` then names the one the story follows
//! notice 2                      # answer the noticing question with its 2nd answer as written (Notice first)
//! see-answers                   # after the noticing feedback: the answers show and their clock starts
//! confidence sure               # or unsure: how sure you were of the last answer
//! rate warmth 4                 # rate your words at the last answer, 1 to 5, on an FIS item
//! ```
//!
//! `choose` at a moment that asks for own words or a noticing question first
//! answers without them, as a replay does.

use std::time::Duration;

use super::engine::{Confidence, Engine, EngineError, Response, SessionEvent};
use super::fis::{FisItem, SelfRating};

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
    /// Own words, sent ("Say it first").
    Say(String),
    /// Own words typed but not sent, kept if the time runs out.
    Draft(String),
    /// None of the written answers is close to the own words.
    NoneClose,
    /// Answer the noticing question with this answer, counted from 1 in the
    /// order the scenario writes them (not the shuffled order shown).
    Notice(usize),
    /// After the noticing question's feedback, show the answers.
    SeeAnswers,
    /// How sure the trainee was of the last answer.
    Confidence(Confidence),
    /// A rating of the own words at the last answer on one FIS item.
    Rate(FisItem, u8),
}

/// The commands, for messages.
const COMMANDS: &str = "choose, wait, pause, resume, extend, timeout, rewind, say, draft, none-close, notice, see-answers, confidence and rate";

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
        let (verb, rest) = content
            .split_once(char::is_whitespace)
            .map_or((content, ""), |(verb, rest)| (verb, rest.trim()));
        commands.push((line, parse_command(verb, rest).map_err(|m| error(line, m))?));
    }
    Ok(commands)
}

/// One command from its verb and the rest of its line.
fn parse_command(verb: &str, rest: &str) -> Result<ScriptCommand, String> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let words_at_most = |count: usize| {
        if words.len() > count {
            Err(format!("too many words in \"{verb} {rest}\""))
        } else {
            Ok(())
        }
    };
    let seconds = || -> Result<f64, String> {
        words_at_most(1)?;
        let text = words
            .first()
            .ok_or_else(|| format!("`{verb}` needs a number of seconds"))?;
        text.parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s >= 0.0)
            .ok_or_else(|| format!("\"{text}\" is not a number of seconds"))
    };
    let count_from_one = |what: &str| -> Result<usize, String> {
        words_at_most(1)?;
        let text = words
            .first()
            .ok_or_else(|| format!("`{verb}` needs {what}"))?;
        text.parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("\"{text}\" is not {what} (they count from 1)"))
    };
    let no_argument = |command: ScriptCommand| {
        if rest.is_empty() {
            Ok(command)
        } else {
            Err(format!("`{verb}` takes no argument"))
        }
    };
    match verb {
        "choose" => {
            words_at_most(1)?;
            let id = words.first().ok_or("`choose` needs a choice id")?;
            Ok(ScriptCommand::Choose((*id).to_owned()))
        }
        "wait" => Ok(ScriptCommand::Wait(seconds()?)),
        "extend" => Ok(ScriptCommand::Extend(seconds()?)),
        "pause" => no_argument(ScriptCommand::Pause),
        "resume" => no_argument(ScriptCommand::Resume),
        "timeout" => no_argument(ScriptCommand::TimeOut),
        "rewind" => Ok(ScriptCommand::Rewind(count_from_one("a step number")?)),
        "say" if rest.is_empty() => Err("`say` needs the words, as in: say Come in.".into()),
        "say" => Ok(ScriptCommand::Say(rest.to_owned())),
        "draft" => Ok(ScriptCommand::Draft(rest.to_owned())),
        "none-close" => no_argument(ScriptCommand::NoneClose),
        "notice" => Ok(ScriptCommand::Notice(count_from_one("an answer number")?)),
        "see-answers" => no_argument(ScriptCommand::SeeAnswers),
        "confidence" => match words.as_slice() {
            ["sure"] => Ok(ScriptCommand::Confidence(Confidence::Sure)),
            ["unsure"] => Ok(ScriptCommand::Confidence(Confidence::Unsure)),
            _ => Err("`confidence` takes sure or unsure".into()),
        },
        "rate" => parse_rating(&words),
        other => Err(format!(
            "unknown command \"{other}\"; the commands are {COMMANDS}"
        )),
    }
}

/// `rate ITEM SCORE`, the item by its FIS tag name.
fn parse_rating(words: &[&str]) -> Result<ScriptCommand, String> {
    let [item, score] = words else {
        return Err("`rate` takes an FIS item and a score, as in: rate warmth 4".into());
    };
    let item = FisItem::from_tag(item).ok_or_else(|| {
        let known: Vec<&str> = FisItem::ALL.iter().map(|i| i.tag()).collect();
        format!(
            "\"{item}\" is no FIS item; the items are {}",
            known.join(", ")
        )
    })?;
    let (low, high) = crate::core::fis::RATING_RANGE;
    let score = score
        .parse::<u8>()
        .ok()
        .filter(|s| (low..=high).contains(s))
        .ok_or_else(|| format!("\"{score}\" is not a rating from {low} to {high}"))?;
    Ok(ScriptCommand::Rate(item, score))
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
            ScriptCommand::Wait(seconds) => wait(engine, *seconds),
            ScriptCommand::Pause => Ok(engine.pause()),
            ScriptCommand::Resume => Ok(engine.resume()),
            ScriptCommand::Extend(seconds) => engine.extend_timer(*seconds),
            ScriptCommand::TimeOut => engine.respond_with(&Response::Timeout),
            ScriptCommand::Rewind(step) => engine.rewind(step - 1),
            ScriptCommand::Say(words) => engine.submit_own_words(words),
            ScriptCommand::Draft(words) => {
                engine.set_draft(words);
                Ok(Vec::new())
            }
            ScriptCommand::NoneClose => engine.set_none_close(true).map(|()| Vec::new()),
            ScriptCommand::Notice(answer) => engine.answer_probe(answer - 1),
            ScriptCommand::SeeAnswers => engine.see_answers(),
            ScriptCommand::Confidence(confidence) => {
                let step = last_step(engine).map_err(|m| error(*line, m))?;
                engine
                    .rate_confidence(step, Some(*confidence))
                    .map(|()| Vec::new())
            }
            ScriptCommand::Rate(item, score) => {
                let step = last_step(engine).map_err(|m| error(*line, m))?;
                let mut ratings: Vec<SelfRating> = engine.transcript().steps[step]
                    .self_ratings
                    .iter()
                    .filter(|rating| rating.item != *item)
                    .copied()
                    .collect();
                ratings.push(SelfRating {
                    item: *item,
                    score: *score,
                });
                ratings.sort_by_key(|rating| rating.item);
                engine.rate_own_words(step, ratings).map(|()| Vec::new())
            }
        };
        events.extend(result.map_err(|e| error(*line, e.to_string()))?);
    }
    Ok(events)
}

/// Lets play time pass; a time limit that runs out goes on past its feedback,
/// as a script reads no feedback.
fn wait(engine: &mut Engine, seconds: f64) -> Result<Vec<SessionEvent>, EngineError> {
    let mut events = engine.tick(Duration::from_secs_f64(seconds));
    if engine.reading_feedback() {
        events.extend(engine.go_on()?);
    }
    Ok(events)
}

/// The step answered last, which `confidence` and `rate` apply to.
fn last_step(engine: &Engine) -> Result<usize, String> {
    engine
        .transcript()
        .steps
        .len()
        .checked_sub(1)
        .ok_or_else(|| "nothing has been answered yet".to_owned())
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

    #[test]
    fn parses_the_practice_commands() {
        let script = "say You came back.  Come in. # kept as typed, to the comment\ndraft I was\nnone-close\nnotice 2\nsee-answers\nconfidence unsure\nrate rupture-repair 5\n";
        let commands: Vec<ScriptCommand> = parse_script(script)
            .unwrap()
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            commands,
            vec![
                ScriptCommand::Say("You came back.  Come in.".into()),
                ScriptCommand::Draft("I was".into()),
                ScriptCommand::NoneClose,
                ScriptCommand::Notice(2),
                ScriptCommand::SeeAnswers,
                ScriptCommand::Confidence(Confidence::Unsure),
                ScriptCommand::Rate(FisItem::RuptureRepair, 5),
            ]
        );
        let cases = [
            ("say", "`say` needs the words"),
            ("notice 0", "is not an answer number"),
            ("none-close now", "`none-close` takes no argument"),
            ("confidence maybe", "`confidence` takes sure or unsure"),
            ("rate warmth", "`rate` takes an FIS item and a score"),
            (
                "rate warmht 3",
                "\"warmht\" is no FIS item; the items are verbal-fluency",
            ),
            ("rate warmth 6", "\"6\" is not a rating from 1 to 5"),
        ];
        for (script, message) in cases {
            let error = parse_script(script).unwrap_err();
            assert!(
                error.message.contains(message),
                "{script:?}: {}",
                error.message
            );
        }
    }

    fn practice_engine(mode: crate::core::engine::PracticeMode) -> Engine {
        let settings = crate::core::engine::Settings {
            practice: mode,
            ..Default::default()
        };
        let scenario = crate::core::fixtures::fixture("practice");
        Engine::start(&scenario, None, 3, settings).unwrap().0
    }

    fn run(engine: &mut Engine, script: &str) -> Result<Vec<SessionEvent>, ScriptError> {
        run_script(engine, &parse_script(script).unwrap())
    }

    #[test]
    fn a_script_says_its_own_words_and_rates_them() {
        let mut engine = practice_engine(crate::core::engine::PracticeMode::SayItFirst);
        run(
            &mut engine,
            "wait 6\nsay Come in\nchoose welcome\nconfidence sure\nrate warmth 4\nrate empathy 2\nrate warmth 5\n\
             draft I\nwait 2\nsay Hurry\nnone-close\nchoose rush\n",
        )
        .unwrap();
        let steps = &engine.transcript().steps;
        let words = steps[0].own_words.as_ref().unwrap();
        assert_eq!((words.text.as_str(), words.latency), ("Come in", 6.0));
        assert_eq!(steps[0].confidence, Some(Confidence::Sure));
        let ratings: Vec<(FisItem, u8)> = steps[0]
            .self_ratings
            .iter()
            .map(|r| (r.item, r.score))
            .collect();
        assert_eq!(
            ratings,
            vec![(FisItem::Warmth, 5), (FisItem::Empathy, 2)],
            "a second rating of an item replaces the first"
        );
        assert!(steps[1].own_words.as_ref().unwrap().none_close);
        assert_eq!(steps[1].response, Response::Choice("rush".into()));
    }

    #[test]
    fn a_script_lets_the_time_run_out_on_a_draft() {
        let mut engine = practice_engine(crate::core::engine::PracticeMode::SayItFirst);
        run(&mut engine, "draft I was just\nwait 45\n").unwrap();
        let step = &engine.transcript().steps[0];
        assert_eq!(step.response, Response::Timeout);
        let words = step.own_words.as_ref().unwrap();
        assert!(words.time_ran_out);
        assert_eq!(words.text, "I was just");
        // The script goes on past the timeout's feedback by itself.
        run(&mut engine, "draft I\ntimeout\nchoose sit\n").unwrap();
        let steps = &engine.transcript().steps;
        assert_eq!(steps[1].own_words.as_ref().unwrap().text, "I", "kept");
        assert_eq!(steps[2].response, Response::Choice("sit".into()));
    }

    #[test]
    fn a_script_answers_the_noticing_question_by_its_written_order() {
        let mut engine = practice_engine(crate::core::engine::PracticeMode::NoticeFirst);
        let refused = run(&mut engine, "confidence sure\n").unwrap_err();
        assert_eq!(refused.message, "nothing has been answered yet");
        run(
            &mut engine,
            "wait 30\nnotice 2\nsee-answers\nwait 3\nchoose cold\n",
        )
        .unwrap();
        let step = &engine.transcript().steps[0];
        let probe = step.probe.as_ref().unwrap();
        assert_eq!((probe.picked, probe.fits, probe.latency), (1, false, 30.0));
        assert_eq!(
            step.latency, 3.0,
            "the answers' clock starts with see-answers"
        );
        let mut again = practice_engine(crate::core::engine::PracticeMode::NoticeFirst);
        let error = run(&mut again, "notice 9\n").unwrap_err();
        assert_eq!(error.message, "the question has no answer 9");
        let error = run(&mut again, "see-answers\n").unwrap_err();
        assert_eq!(error.message, "answer the question about the moment first");
    }
}
