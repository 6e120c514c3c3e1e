//! A line typed during play, read according to what the moment waits for: a
//! choice's number, own words, the answer closest to them, a noticing answer,
//! or Enter after feedback. A line is read whole, as typed: `33` is choice 33,
//! never choice 3 twice.

use crate::core::engine::{Engine, Phase};
use crate::core::wording;

/// Help for the play commands while the answers show.
pub(super) const HELP: &str = "type a choice's number and Enter; p pauses or resumes, e adds 20 s, \
t lets the moment pass, r N goes back to step N, q quits";

/// Help while own words are written: every line is words, unless it starts
/// with a colon.
pub(super) const WRITING_HELP: &str = "write what you would say and press Enter to send it; \
while you write, commands start with a colon, so a word such as \"e\" is never one: \
:p pauses or resumes, :e adds 20 s, :t lets the moment pass, :r N goes back to step N, :q quits";

/// Help while picking the written answer closest to the own words.
pub(super) const PICKING_HELP: &str = "type the number of the answer closest to what you said, \
or 0 if none of these is close; p pauses or resumes, r N goes back to step N, q quits";

/// Help while the noticing question waits for an answer.
pub(super) const NOTICING_HELP: &str = "type the number of your answer to the question; \
p pauses or resumes, r N goes back to step N, q quits";

/// What is said after the noticing question's feedback.
pub(super) const PRESS_ENTER_TO_SEE_THE_ANSWERS: &str = "Press Enter to see the answers.";

/// What the current moment waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expecting {
    /// A choice's number, or a command.
    Choice { choices: usize },
    /// Own words, or a command with a colon.
    Words,
    /// The number of the answer closest to the own words; 0 for none, unless
    /// already said.
    Closest { choices: usize, none_close: bool },
    /// The number of an answer to the noticing question.
    Noticing { answers: usize },
    /// Enter, to see the answers after the noticing feedback.
    Noticed,
    /// Enter, to go on after the feedback on an answer.
    ReadingFeedback,
    /// How sure the trainee was (asked as the answer is chosen; Enter skips).
    Confidence,
}

impl Expecting {
    /// What the engine's session waits for now.
    pub(super) fn of(engine: &Engine) -> Self {
        if engine.reading_feedback() {
            return Expecting::ReadingFeedback;
        }
        let choices = engine.state().shown.choices.len();
        match engine.phase() {
            Phase::Answering => Expecting::Choice { choices },
            Phase::Writing => Expecting::Words,
            Phase::Picking => Expecting::Closest {
                choices,
                none_close: engine
                    .state()
                    .pending
                    .own_words
                    .as_ref()
                    .is_some_and(|words| words.none_close),
            },
            Phase::Noticing => Expecting::Noticing {
                answers: engine.probe_answers().len(),
            },
            Phase::Noticed => Expecting::Noticed,
            Phase::Confiding => Expecting::Confidence,
        }
    }
}

/// One line of input, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Input {
    /// Enter alone.
    Nothing,
    Quit,
    PauseOrResume,
    Extend,
    LetPass,
    /// Go back to this step, counted from 0.
    Rewind(usize),
    /// The offered choice (or noticing answer) at this position, counted from 0.
    Choose(usize),
    /// None of the written answers is close to the own words.
    NoneClose,
    /// Own words, sent.
    Words(String),
}

/// Why a line of input could not be read as anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum InputError {
    NoSuchChoice {
        number: usize,
        choices: usize,
    },
    /// A number that is no closest answer (0 is "none", until said).
    NoSuchClosest {
        number: usize,
        choices: usize,
        none_close: bool,
    },
    NoSuchAnswer {
        number: usize,
        answers: usize,
    },
    RewindNeedsAStep,
    /// A number or command typed while the feedback waits for Enter.
    ReadingFeedback,
    /// Something typed while the noticing feedback waits for Enter.
    SeeAnswersFirst,
    /// Enter alone, or an unknown command, while writing.
    WriteFirst,
    /// Something that is no number or command, with the help for the moment.
    Unknown(&'static str),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoSuchChoice { number, choices } => {
                f.write_str(&wording::no_such_choice(*number, *choices))
            }
            Self::NoSuchClosest {
                number,
                choices,
                none_close: false,
            } => write!(
                f,
                "There is no answer {number}: type 1 to {choices}, or 0 if none of these is close."
            ),
            Self::NoSuchClosest {
                number, choices, ..
            } => write!(
                f,
                "There is no answer {number}: type the one the story follows, 1 to {choices}."
            ),
            Self::NoSuchAnswer { number, answers } => write!(
                f,
                "There is no answer {number}: the answers are 1 to {answers}."
            ),
            Self::RewindNeedsAStep => f.write_str("r needs a step number from 1, as in r 2"),
            Self::ReadingFeedback => f.write_str(&wording::press_enter_to_go_on()),
            Self::SeeAnswersFirst => f.write_str(PRESS_ENTER_TO_SEE_THE_ANSWERS),
            Self::WriteFirst => f.write_str(WRITING_HELP),
            Self::Unknown(help) => f.write_str(help),
        }
    }
}

/// Reads a line as typed, whole, for what the moment waits for.
pub(super) fn parse_input(line: &str, expecting: Expecting) -> Result<Input, InputError> {
    let line = line.trim();
    match expecting {
        Expecting::ReadingFeedback => match line {
            "" => Ok(Input::Nothing),
            "q" | "quit" => Ok(Input::Quit),
            _ => Err(InputError::ReadingFeedback),
        },
        Expecting::Confidence => match line {
            "" => Ok(Input::Nothing),
            "q" | "quit" => Ok(Input::Quit),
            _ => Err(InputError::ReadingFeedback),
        },
        Expecting::Noticed => match line {
            "" => Ok(Input::Nothing),
            "q" | "quit" => Ok(Input::Quit),
            _ => Err(InputError::SeeAnswersFirst),
        },
        Expecting::Words => match line.strip_prefix(':') {
            Some(command) => parse_command(command.trim()).unwrap_or(Err(InputError::WriteFirst)),
            None if line.is_empty() => Err(InputError::WriteFirst),
            None => Ok(Input::Words(line.to_owned())),
        },
        Expecting::Choice { choices } => {
            parse_command(line).unwrap_or_else(|| match line.parse::<usize>() {
                Ok(number) if (1..=choices).contains(&number) => Ok(Input::Choose(number - 1)),
                Ok(number) => Err(InputError::NoSuchChoice { number, choices }),
                Err(_) => Err(InputError::Unknown(HELP)),
            })
        }
        Expecting::Closest {
            choices,
            none_close,
        } => parse_command(line).unwrap_or_else(|| match line.parse::<usize>() {
            Ok(0) if !none_close => Ok(Input::NoneClose),
            Ok(number) if (1..=choices).contains(&number) => Ok(Input::Choose(number - 1)),
            Ok(number) => Err(InputError::NoSuchClosest {
                number,
                choices,
                none_close,
            }),
            Err(_) => Err(InputError::Unknown(PICKING_HELP)),
        }),
        Expecting::Noticing { answers } => {
            parse_command(line).unwrap_or_else(|| match line.parse::<usize>() {
                Ok(number) if (1..=answers).contains(&number) => Ok(Input::Choose(number - 1)),
                Ok(number) => Err(InputError::NoSuchAnswer { number, answers }),
                Err(_) => Err(InputError::Unknown(NOTICING_HELP)),
            })
        }
    }
}

/// A play command (p, e, t, r N, q, or Enter alone), if the line is one. A
/// leading colon, as commands have while writing, is taken everywhere.
fn parse_command(line: &str) -> Option<Result<Input, InputError>> {
    let line = line.strip_prefix(':').map_or(line, str::trim);
    let input = match line {
        "" => Input::Nothing,
        "q" | "quit" => Input::Quit,
        "p" => Input::PauseOrResume,
        "e" => Input::Extend,
        "t" => Input::LetPass,
        _ => {
            let step = line
                .strip_prefix('r')
                .filter(|rest| rest.is_empty() || rest.starts_with(' '))?;
            return Some(match step.trim().parse::<usize>() {
                Ok(step) if step >= 1 => Ok(Input::Rewind(step - 1)),
                _ => Err(InputError::RewindNeedsAStep),
            });
        }
    };
    Some(Ok(input))
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREE: Expecting = Expecting::Choice { choices: 3 };

    #[test]
    fn a_line_is_read_whole_as_typed() {
        assert_eq!(parse_input("2", THREE), Ok(Input::Choose(1)));
        assert_eq!(parse_input(" 3 ", THREE), Ok(Input::Choose(2)));
        assert_eq!(
            parse_input("33", THREE),
            Err(InputError::NoSuchChoice {
                number: 33,
                choices: 3
            }),
            "a retyped 3 is not choice 3"
        );
        assert_eq!(
            parse_input("9", THREE).unwrap_err().to_string(),
            "There is no choice 9: the choices are 1 to 3."
        );
        assert_eq!(
            parse_input("0", THREE),
            Err(InputError::NoSuchChoice {
                number: 0,
                choices: 3
            })
        );
        assert_eq!(parse_input("hello", THREE), Err(InputError::Unknown(HELP)));
        assert_eq!(
            parse_input(":p", THREE),
            Ok(Input::PauseOrResume),
            "the colon of writing is taken here too"
        );
    }

    #[test]
    fn steps_to_go_back_to_count_from_one() {
        assert_eq!(parse_input("r 1", THREE), Ok(Input::Rewind(0)));
        assert_eq!(parse_input("r 9", THREE), Ok(Input::Rewind(8)));
        assert_eq!(parse_input("r 0", THREE), Err(InputError::RewindNeedsAStep));
        assert_eq!(parse_input("r", THREE), Err(InputError::RewindNeedsAStep));
        assert_eq!(parse_input("rx", THREE), Err(InputError::Unknown(HELP)));
    }

    #[test]
    fn while_feedback_shows_only_enter_or_quit_is_taken() {
        let reading = Expecting::ReadingFeedback;
        assert_eq!(parse_input("", reading), Ok(Input::Nothing));
        assert_eq!(parse_input("q", reading), Ok(Input::Quit));
        assert_eq!(parse_input("1", reading), Err(InputError::ReadingFeedback));
        assert_eq!(
            InputError::ReadingFeedback.to_string(),
            wording::press_enter_to_go_on()
        );
        assert_eq!(
            parse_input("1", Expecting::Noticed),
            Err(InputError::SeeAnswersFirst)
        );
        assert_eq!(parse_input("", Expecting::Noticed), Ok(Input::Nothing));
    }

    #[test]
    fn while_writing_every_line_is_words_unless_it_starts_with_a_colon() {
        let words = |text: &str| Ok(Input::Words(text.to_owned()));
        assert_eq!(parse_input("e", Expecting::Words), words("e"));
        assert_eq!(parse_input("q", Expecting::Words), words("q"));
        assert_eq!(parse_input("3", Expecting::Words), words("3"));
        assert_eq!(
            parse_input("  You came back.  ", Expecting::Words),
            words("You came back.")
        );
        assert_eq!(parse_input(":e", Expecting::Words), Ok(Input::Extend));
        assert_eq!(parse_input(": q", Expecting::Words), Ok(Input::Quit));
        assert_eq!(parse_input(":r 2", Expecting::Words), Ok(Input::Rewind(1)));
        assert_eq!(parse_input(":t", Expecting::Words), Ok(Input::LetPass));
        assert_eq!(
            parse_input(":p", Expecting::Words),
            Ok(Input::PauseOrResume)
        );
        assert_eq!(
            parse_input(":x", Expecting::Words),
            Err(InputError::WriteFirst)
        );
        assert_eq!(
            parse_input("", Expecting::Words),
            Err(InputError::WriteFirst)
        );
    }

    #[test]
    fn zero_says_none_is_close_once_then_a_number_is_the_story() {
        let closest = Expecting::Closest {
            choices: 3,
            none_close: false,
        };
        assert_eq!(parse_input("0", closest), Ok(Input::NoneClose));
        assert_eq!(parse_input("2", closest), Ok(Input::Choose(1)));
        let story = Expecting::Closest {
            choices: 3,
            none_close: true,
        };
        let error = parse_input("0", story).unwrap_err();
        assert_eq!(
            error.to_string(),
            "There is no answer 0: type the one the story follows, 1 to 3."
        );
        assert_eq!(
            parse_input("4", closest).unwrap_err().to_string(),
            "There is no answer 4: type 1 to 3, or 0 if none of these is close."
        );
        assert_eq!(
            parse_input("Come in", closest),
            Err(InputError::Unknown(PICKING_HELP)),
            "words sent late are not taken for an answer"
        );
    }

    #[test]
    fn a_noticing_answer_is_a_number_too() {
        let noticing = Expecting::Noticing { answers: 3 };
        assert_eq!(parse_input("3", noticing), Ok(Input::Choose(2)));
        assert_eq!(
            parse_input("4", noticing).unwrap_err().to_string(),
            "There is no answer 4: the answers are 1 to 3."
        );
    }
}
