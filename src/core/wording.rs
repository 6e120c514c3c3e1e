//! Every sentence the front ends show about a session, in one place: ending and
//! rupture kinds, difficulty, feedback modes, the headings of feedback, what
//! changed at a step, the summary, the grounding line and the reflection prompts.
//! The app, the terminal and the exports all take their words from here, so a
//! concept is worded one way everywhere (and never as a Rust `Debug` name).

use crate::core::engine::{EndingRecord, FeedbackMode};
use crate::core::model::{
    Character, Difficulty, EndingKind, OptimalDistance, Quality, Review, Role, RuptureKind,
    Scenario,
};
use crate::core::preferences::Theme;
use crate::core::review::LevelCounts;

/// The heading of the support offered in a scenario that may stir the trainee's
/// own history.
pub const LOOKING_AFTER_YOURSELF: &str = "Looking after yourself";

/// The support a scenario offers the trainee, with the support line from the
/// settings, or how to add one.
pub fn support_in_words(support: &str, support_line: &str) -> String {
    match support_line.trim() {
        "" => format!(
            "{support} You can add who to reach (your supervisor, your counselling service, a crisis line) in the app's Settings, under Support, and it will show here."
        ),
        line => format!("{support} You can reach: {line}."),
    }
}

/// A scenario's own optimal distance with its reason: "For this client the
/// optimal distance is 0 to 3: ...".
pub fn optimal_distance_in_words(own: &OptimalDistance) -> String {
    format!(
        "For this client the optimal distance is {} to {}: {}",
        own.low,
        own.high,
        own.reason.trim()
    )
}

/// A share as a whole percentage: "33 %".
pub fn percent_in_words(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// What is said of an attempt that stopped before reaching an ending.
pub const NO_ENDING: &str = "left before an ending";

/// What is said of a step where the trainee did not answer in time.
pub const TIME_RAN_OUT: &str = "The time ran out before you answered.";

/// The noticing question: the clock waits for it.
pub const CLOCK_WAITS_FOR_NOTICING: &str = "Notice first: the clock starts when the answers show.";

/// On the end screen when feedback waited for the end and there are own words
/// to rate.
pub const RATE_IN_THE_STEPS: &str =
    "The Steps tab sets your own words beside the best answers: rate them there.";

/// The history's practice trends.
pub const MEAN_SELF_RATING: &str = "Your ratings of your own words (mean, 1 to 5)";
pub const NOTICING_THAT_FITTED: &str = "Noticing answers that fitted (%)";
pub const NOT_PRACTISED_YET: &str = "None in these attempts yet.";

/// The heading over a noticing question's answer in the debrief.
pub const NOTICING: &str = "Noticing first";

/// The heading over every noticing answer that fits.
pub const WHAT_FITS_HERE: &str = "What fits here";

/// After a noticing question's feedback.
pub const SEE_THE_ANSWERS: &str = "See the answers (Enter)";

/// Say it first: the request for the trainee's own words.
pub const SAY_IT_FIRST_PROMPT: &str = "What would you say?";

/// Say it first: how the own words are sent and what follows.
pub const SAY_IT_FIRST_HINT: &str = "Write it as you would say it. The written answers show when you send (Ctrl+Enter), or when the time runs out; what you wrote is kept either way.";

/// Say it first: the empty field's hint.
pub const SAY_IT_FIRST_FIELD_HINT: &str = "Your words";

/// Say it first: the button that sends the own words.
pub const SEND_OWN_WORDS: &str = "Send (Ctrl+Enter)";

/// Over what the trainee said, before its feedback.
pub const YOU_SAID: &str = "You said";

/// Say it first: picking the written answer closest to the own words.
pub const PICK_THE_CLOSEST: &str = "Which written answer is closest to what you said?";

/// Say it first: none of the written answers was close.
pub const NONE_IS_CLOSE: &str = "None of these is close (0)";

/// Say it first, after "none of these": the pick the story follows.
pub const PICK_FOR_THE_STORY: &str =
    "None is close: noted. Choose the one the story should follow.";

/// Asked after an answer, before its feedback.
pub const HOW_SURE: &str = "How sure are you of that answer?";

/// The confidence buttons.
pub const SURE_KEY: &str = "Sure (S)";
pub const UNSURE_KEY: &str = "Unsure (U)";
pub const SKIP_CONFIDENCE: &str = "Skip (Enter)";

/// The heading over the own words in feedback and the debrief.
pub const YOUR_OWN_WORDS: &str = "Your own words";

/// Own words left empty when the time ran out.
pub const NOTHING_WRITTEN: &str = "(nothing written)";

/// The heading over the answers at the top level, beside the own words.
pub const THE_BEST_ANSWERS_HERE: &str = "The best answers here";

/// The heading over the self-rating of the own words.
pub const RATE_YOUR_WORDS: &str =
    "Rate your words against those answers (1 to 5; leave any you prefer not to rate)";

/// How long the own words took: "written in 12 s", "the time ran out after
/// 30 s".
pub fn own_words_timing(words: &crate::core::engine::OwnWords) -> String {
    if words.time_ran_out {
        format!("the time ran out after {:.0} s", words.latency)
    } else {
        format!("written in {:.0} s", words.latency)
    }
}

/// Say it first: over the written answer picked as closest to the own words.
pub const CLOSEST_TO_YOUR_WORDS: &str = "Closest to your words";

/// Say it first: over the written answer the story followed when none was close.
pub const THE_STORY_FOLLOWED: &str = "None close; the story followed";

/// The heading over the written answer a step recorded: what the trainee
/// said, or (after own words) the answer closest to them, or the one the
/// story followed when none was close.
pub fn answer_heading(own_words: Option<&crate::core::engine::OwnWords>) -> &'static str {
    match own_words {
        None => YOU_SAID,
        Some(words) if words.none_close => THE_STORY_FOLLOWED,
        Some(_) => CLOSEST_TO_YOUR_WORDS,
    }
}

/// "You were sure.", on the feedback.
pub fn you_were(confidence: crate::core::engine::Confidence) -> String {
    format!("You were {}.", confidence_label(confidence))
}

/// How many moments of a scenario have a noticing question.
pub fn noticing_questions_here(count: usize) -> String {
    match count {
        0 => "This scenario has no noticing questions yet.".to_owned(),
        1 => "1 moment here has one.".to_owned(),
        n => format!("{} here have one.", plural(n, "moment")),
    }
}

/// The Today list's heading.
pub const TODAY: &str = "Today";

/// What the Today list is.
pub const TODAY_EXPLAINED: &str = "Moments you answered at a costly level, let the time run out on, or answered much slower than usual come back here the next day. Each is played alone, from where it happened. Answered well, it comes back after 3, then 7, then 21 days, and then leaves the list; answered poorly, it comes back the next day.";

/// The button that plays a moment from the Today list.
pub const PRACTISE_IT: &str = "Practise it";

/// A moment on the Today list whose scenario or node is gone.
pub const MOMENT_GONE: &str =
    "This moment is not in the scenario any more (it was edited or removed).";

/// "3 moments to practise today".
pub fn moments_due(count: usize) -> String {
    format!("{} to practise today", plural(count, "moment"))
}

/// Why a moment is on the Today list and how far it has come: "On the list
/// for a costly answer · box 2 of 4".
pub fn on_the_list_because(reason: crate::core::schedule::Reason, box_index: usize) -> String {
    format!(
        "On the list for {} · box {} of {}",
        reason.label(),
        box_index + 1,
        crate::core::schedule::BOX_DAYS.len()
    )
}

/// When nothing is due: when the next moment is, or that the list is empty.
pub fn nothing_due(today: time::Date, next: Option<time::Date>) -> String {
    match next {
        Some(next) => match (next - today).whole_days() {
            1 => "Nothing is due today. The next moment comes back tomorrow.".to_owned(),
            days => format!("Nothing is due today. The next moment comes back in {days} days."),
        },
        None => "Nothing to practise yet: finish a scenario and the moments that were hard come back here.".to_owned(),
    }
}

/// The heading of the trainee's ratings of their own words.
pub const YOUR_RATINGS: &str = "Your ratings of your words";

/// Self-ratings in a line: "Empathy 4/5; Warmth, acceptance and
/// understanding 3/5"; none when there are none.
pub fn self_ratings_in_words(ratings: &[crate::core::fis::SelfRating]) -> Option<String> {
    if ratings.is_empty() {
        return None;
    }
    let (_, high) = crate::core::fis::RATING_RANGE;
    let parts: Vec<String> = ratings
        .iter()
        .map(|r| format!("{} {}/{high}", r.item.label(), r.score))
        .collect();
    Some(parts.join("; "))
}

/// What a practice of a moment from the Today list did: "The drop-in:
/// answered well; it comes back in 3 days (box 2 of 4)."; `learned` when it
/// left the list; `next` is the box and the days until it comes back.
pub fn practised_in_words(title: &str, learned: bool, next: Option<(usize, i64)>) -> String {
    let boxes = crate::core::schedule::BOX_DAYS.len();
    match (learned, next) {
        (true, _) => format!("{title}: answered well after the last box; it leaves the list."),
        (false, Some((0, _))) => {
            format!("{title}: this one is still hard; it comes back tomorrow (box 1 of {boxes}).")
        }
        (false, Some((box_index, days))) => format!(
            "{title}: answered well; it comes back in {days} days (box {} of {boxes}).",
            box_index + 1
        ),
        (false, None) => format!("{title}: practised."),
    }
}

/// Over a moment practised alone: what the trainee had said just before it.
pub fn said_just_before(said: &str) -> String {
    format!("Just before this moment, you said: “{said}”")
}

/// "Sure" or "unsure".
pub fn confidence_label(confidence: crate::core::engine::Confidence) -> &'static str {
    match confidence {
        crate::core::engine::Confidence::Sure => "sure",
        crate::core::engine::Confidence::Unsure => "unsure",
    }
}

/// The level of the answer given, revealed after answering: "Your answer: good
/// enough".
pub fn your_answer_level(level: Quality) -> String {
    format!("Your answer: {}", level.label())
}

/// The heading of the first part of feedback: what the answer does.
pub const WHAT_IT_DOES: &str = "What it does";

/// The heading of the last part of feedback: the concept and its source.
pub const THE_CONCEPT: &str = "The concept";

/// What is said when an answer repaired the open ruptures: "the rupture was
/// repaired", "2 ruptures were repaired".
pub fn ruptures_repaired(count: usize) -> String {
    match count {
        1 => "the rupture was repaired".to_owned(),
        n => format!("{n} ruptures were repaired"),
    }
}

/// The grounding line every ending closes with, on screen, in the terminal and
/// in the Markdown export.
pub const GROUNDING: &str = "Before you go on: feel your feet on the floor and take one slow breath. \
This was practice; whatever came up in you is information, not a verdict.";

/// The reflection prompts every debrief offers after the scenario's own.
pub const DEFAULT_REFLECTION_PROMPTS: [&str; 3] = [
    "What pulled you towards that answer?",
    "What might the client have felt?",
    "What would you say next time?",
];

/// The heading of a scenario's content notes, shown before anything else.
pub const CONTENT_NOTES: &str = "Content notes";

/// What a trainee may always do, said with the content notes.
pub const LEAVING_IS_FINE: &str =
    "You can pause or leave at any moment; leaving is never counted against you.";

/// The heading of a scenario's learning goals.
pub const LEARNING_GOALS: &str = "What you will practise";

/// The heading of the people in a scenario.
pub const WHO_IS_HERE: &str = "Who is here";

/// The heading of the time and what presses on it.
pub const TIME: &str = "Time";

/// Asked at the end of the briefing, before the first moment.
pub const PRESS_ENTER_TO_BEGIN: &str = "Press Enter to begin (q leaves).";

/// Asked after feedback, before the next moment.
pub const PRESS_ENTER_TO_GO_ON: &str = "Press Enter to go on.";

/// The heading of the reflection prompts at the end.
pub const REFLECTION: &str = "Reflection";

/// How the reflection prompts are answered in the terminal.
pub const HOW_TO_REFLECT: &str =
    "Type an answer and press Enter; Enter alone skips a question, q skips the rest.";

/// The heading of a moment: "Step 2", counted from 1 everywhere.
pub fn step_heading(index: usize) -> String {
    format!("Step {}", index + 1)
}

/// A person in the briefing: "Ada: The client."
pub fn character_in_words(name: &str, description: &str) -> String {
    if description.is_empty() {
        name.to_owned()
    } else {
        format!("{name}: {description}")
    }
}

/// When a scenario's day begins: "It is 10:00 at A room."
pub fn day_begins(clock: &str, place: &str) -> String {
    if place.is_empty() {
        format!("It is {clock}.")
    } else {
        format!("It is {clock}. {place}.")
    }
}

/// A deadline in the briefing: "At 10:10: The next client arrives."
pub fn deadline_at(at: &str, label: &str) -> String {
    format!("At {at}: {label}.")
}

/// A number typed that is no choice: "There is no choice 9: the choices are 1
/// to 3."
pub fn no_such_choice(number: usize, choices: usize) -> String {
    match choices {
        0 => format!("There is no choice {number}: nothing is offered here."),
        1 => format!("There is no choice {number}: the only choice is 1."),
        n => format!("There is no choice {number}: the choices are 1 to {n}."),
    }
}

/// Said before a draft (a scenario with errors) is played.
pub fn draft_played_with(errors: usize) -> String {
    format!(
        "This draft has {}: answers with an error (such as one that leads to a moment \
         not written yet) are shown but cannot be chosen, and play stops where the draft does.",
        plural(errors, "error")
    )
}

/// Said when a scenario with errors is played as a finished one.
pub const TRY_IT_AS_A_DRAFT: &str =
    "to try it as far as it is written, errors and all, play it with --draft";

/// The mark of an answer in a draft that cannot be chosen, shown with why.
pub const CANNOT_BE_CHOSEN_YET: &str = "cannot be chosen yet";

/// Said of a moment in a draft whose timeout cannot be taken, before why.
pub const CANNOT_PASS_YET: &str = "this moment cannot be let pass yet";

/// Why a draft goes no further at a moment whose answers all have errors.
pub const NO_ANSWER_CAN_BE_CHOSEN_YET: &str = "none of the answers here can be chosen yet";

/// Why an answer (or a timeout) in a draft cannot be taken when its minutes
/// would let a deadline take over that leads to no moment: "it takes the clock
/// past 10:20, and then the deadline leads to "next", which does not exist".
pub fn passes_a_deadline_that_leads_nowhere(at: &str, why: &str) -> String {
    format!("it takes the clock past {at}, and then {why}")
}

/// Where a draft stops, and why.
pub fn end_of_draft(reason: &str) -> String {
    format!("This is as far as the draft goes: {reason}.")
}

/// Why a moment of a draft has no countdown.
pub fn timer_off_in_draft(reason: &str) -> String {
    format!("No countdown at this moment of the draft: {reason}.")
}

/// The prompts at the end of a scenario: its own, then the default ones.
pub fn reflection_prompts(scenario: &Scenario) -> Vec<String> {
    scenario
        .reflection_prompts
        .iter()
        .map(String::as_str)
        .chain(DEFAULT_REFLECTION_PROMPTS)
        .map(str::to_owned)
        .collect()
}

impl EndingKind {
    /// The kind in words, which describe and do not rank: "Held", "Repaired".
    pub fn label(self) -> &'static str {
        match self {
            EndingKind::Held => "Held",
            EndingKind::Repaired => "Repaired",
            EndingKind::Unresolved => "Unresolved",
            EndingKind::Deepened => "Rupture deepened",
        }
    }

    /// What the kind means, after its label on the end screen: "Held: the
    /// connection held; nothing needed repairing".
    pub fn meaning(self) -> &'static str {
        match self {
            EndingKind::Held => "the connection held; nothing needed repairing",
            EndingKind::Repaired => "a rupture opened and was worked through",
            EndingKind::Unresolved => "things were left open, neither worked through nor worse",
            EndingKind::Deepened => "a rupture grew and was not worked through",
        }
    }
}

impl Quality {
    /// The level in words: "shows the skill well", "good enough", "costly".
    pub fn label(self) -> &'static str {
        match self {
            Quality::Skilled => "shows the skill well",
            Quality::GoodEnough => "good enough",
            Quality::Costly => "costly",
        }
    }

    /// The level as a capitalised heading: "Shows the skill well".
    pub fn heading(self) -> &'static str {
        match self {
            Quality::Skilled => "Shows the skill well",
            Quality::GoodEnough => "Good enough",
            Quality::Costly => "Costly",
        }
    }
}

impl RuptureKind {
    /// The kind in words: "Withdrawal", "Confrontation".
    pub fn label(self) -> &'static str {
        match self {
            RuptureKind::Withdrawal => "Withdrawal",
            RuptureKind::Confrontation => "Confrontation",
        }
    }
}

impl Difficulty {
    /// The difficulty in words: "Beginner".
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Beginner => "Beginner",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
        }
    }
}

impl FeedbackMode {
    /// The mode in words: "feedback after each answer".
    pub fn label(self) -> &'static str {
        match self {
            FeedbackMode::Immediate => "feedback after each answer",
            FeedbackMode::Deferred => "feedback at the end",
            FeedbackMode::Exam => "exam: no feedback or meters until the end",
        }
    }
}

impl Theme {
    /// Every theme, in the order Settings offers them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    /// The theme's name: "High contrast".
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }
}

impl EndingRecord {
    /// "Caught in time (Repaired)".
    pub fn in_words(&self) -> String {
        format!("{} ({})", self.title, self.kind.label())
    }
}

/// How an attempt ended, in words: "Caught in time (Repaired)", or that it
/// stopped before an ending.
pub fn ending_in_words(ending: Option<&EndingRecord>) -> String {
    ending.map_or_else(|| NO_ENDING.to_owned(), EndingRecord::in_words)
}

/// "Intermediate · about 10 minutes".
pub fn level_and_length(scenario: &Scenario) -> String {
    format!(
        "{} · about {} minutes",
        scenario.difficulty.label(),
        scenario.estimated_minutes
    )
}

/// How an attempt's ruptures went: "none", "all repaired", "left open", "1 of
/// 2 left open".
pub fn ruptures_in_words(opened: usize, left_open: usize) -> String {
    match (opened, left_open) {
        (0, 0) => "none".to_owned(),
        (_, 0) => "all repaired".to_owned(),
        (opened, open) if opened == open => "left open".to_owned(),
        (opened, open) => format!("{open} of {opened} left open"),
    }
}

/// "a withdrawal rupture opened".
pub fn rupture_opened(kind: RuptureKind) -> String {
    format!("a {} rupture opened", kind.label().to_lowercase())
}

/// The ruptures still open, each kind once with its count: "withdrawal",
/// "withdrawal (2), confrontation"; empty when none is open.
pub fn open_ruptures_in_words(kinds: impl IntoIterator<Item = RuptureKind>) -> String {
    let mut counted: Vec<(RuptureKind, usize)> = Vec::new();
    for kind in kinds {
        match counted.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += 1,
            None => counted.push((kind, 1)),
        }
    }
    counted
        .iter()
        .map(|(kind, count)| match count {
            1 => kind.label().to_lowercase(),
            n => format!("{} ({n})", kind.label().to_lowercase()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Connection 0 → 2".
pub fn moved_in_words(label: &str, from: i32, to: i32) -> String {
    format!("{label} {from} → {to}")
}

/// The pressure of a deadline still to come: "Priya arrives in 12 minutes".
pub fn deadline_in(label: &str, minutes: u32) -> String {
    match minutes {
        1 => format!("{label} in 1 minute"),
        n => format!("{label} in {n} minutes"),
    }
}

/// A count with its noun: "1 answer", "3 answers" (the plural given, for
/// nouns and phrases that do not just take an s).
pub fn count_noun(count: usize, singular: &str, plural: &str) -> String {
    match count {
        1 => format!("1 {singular}"),
        n => format!("{n} {plural}"),
    }
}

/// A count with a noun that takes an s: "1 file", "2 files".
/// Where an attempt stands with the LRS, in words: the same in the terminal
/// and the app.
pub fn sync_state_in_words(state: &crate::core::sync::queue::SyncState) -> String {
    use crate::core::sync::queue::SyncState;
    match state {
        SyncState::KeptHereOnly => "kept here only".to_owned(),
        SyncState::Queued(None) => "queued".to_owned(),
        SyncState::Queued(Some(failure)) => format!(
            "not sent: {} ({}; {})",
            failure.reason,
            tries_in_words(failure.tries),
            next_try_in_words(failure.next_try)
        ),
        SyncState::Sent(sent) => format!(
            "sent to {} on {} ({})",
            sent.host,
            crate::core::clock::format_unix_utc(sent.sent_at),
            plural(sent.statements, "statement")
        ),
    }
}

/// How many tries failed in a row: "1 try", "3 tries".
pub fn tries_in_words(tries: u32) -> String {
    let noun = if tries == 1 { "try" } else { "tries" };
    format!("{tries} {noun}")
}

/// When an attempt the LRS refused is tried again by itself.
pub fn next_try_in_words(next_try: u64) -> String {
    if next_try == crate::core::sync::round::NOT_BY_ITSELF {
        "not tried again by itself: `doorway sync` or Send tries it".to_owned()
    } else {
        format!(
            "next try after {}",
            crate::core::clock::format_unix_utc(next_try)
        )
    }
}

pub fn plural(count: usize, noun: &str) -> String {
    count_noun(count, noun, &format!("{noun}s"))
}

/// An attempt's counts in a few words, to tell one attempt from another in a
/// list: "2 answers that show the skill well, 1 good enough, 1 costly; 1
/// timeout; 4.2 s per answer; ruptures 1 opened and 1 repaired".
pub fn attempt_counts_in_words(
    levels: LevelCounts,
    timeouts: usize,
    mean_latency: Option<f64>,
    ruptures_opened: usize,
    ruptures_repaired: usize,
) -> String {
    let mut parts = vec![
        levels_in_words(levels),
        match timeouts {
            1 => "1 timeout".to_owned(),
            n => format!("{n} timeouts"),
        },
    ];
    if let Some(mean) = mean_latency {
        parts.push(format!("{mean:.1} s per answer"));
    }
    parts.push(match (ruptures_opened, ruptures_repaired) {
        (0, 0) => "no rupture".to_owned(),
        (opened, repaired) => format!("ruptures {opened} opened and {repaired} repaired"),
    });
    parts.join("; ")
}

/// The levels of the other answers at a moment: "The other answers here: 1
/// shows the skill well, 1 costly."; none when there are none.
pub fn other_answers_in_words(levels: LevelCounts) -> Option<String> {
    levels_listed(levels).map(|levels| format!("The other answers here: {levels}."))
}

/// The levels that occur, each with its count: "2 show the skill well, 1
/// costly"; none when there are none.
pub fn levels_listed(levels: LevelCounts) -> Option<String> {
    let parts: Vec<String> = [
        (levels.skilled, Quality::Skilled),
        (levels.good_enough, Quality::GoodEnough),
        (levels.costly, Quality::Costly),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, level)| match level {
        Quality::Skilled if count > 1 => format!("{count} show the skill well"),
        _ => format!("{count} {}", level.label()),
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The answers at each level: "2 answers that show the skill well, 1 good
/// enough, 0 costly".
pub fn levels_in_words(levels: LevelCounts) -> String {
    let shows = match levels.skilled {
        1 => "1 answer that shows the skill well".to_owned(),
        n => format!("{n} answers that show the skill well"),
    };
    format!(
        "{shows}, {} {}, {} {}",
        levels.good_enough,
        Quality::GoodEnough.label(),
        levels.costly,
        Quality::Costly.label()
    )
}

/// "The time ran out once.", "… 3 times."; empty when it never did.
pub fn timeouts_in_words(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "The time ran out once.".to_owned(),
        n => format!("The time ran out {n} times."),
    }
}

/// The heading for the client part of the feedback: "What Theo may have felt",
/// "How Dr. Okafor may have heard it" for a supervisor, of the character
/// [`crate::core::felt_by`] finds; "What they may have felt" when there is none.
pub fn feedback_heading(felt_by: Option<&Character>) -> String {
    match felt_by {
        Some(c) if c.role == Role::Supervisor => format!("How {} may have heard it", c.name),
        Some(c) => format!("What {} may have felt", c.name),
        None => "What they may have felt".to_owned(),
    }
}

/// The heading for the client's inner experience at a moment: "Inside, Theo
/// was thinking".
pub fn inner_heading(name: Option<&str>) -> String {
    name.map_or_else(
        || "Inside".to_owned(),
        |name| format!("Inside, {name} was thinking"),
    )
}

/// "after 4.2 s of 45 s, extended once" or "after 4.2 s, no time limit".
pub fn timing_in_words(latency: f64, limit: Option<f64>, extensions: u32) -> String {
    let extended = match extensions {
        0 => String::new(),
        1 => ", extended once".to_owned(),
        n => format!(", extended {n} times"),
    };
    match limit {
        Some(limit) if limit > 0.0 => format!("after {latency:.1} s of {limit:.0} s{extended}"),
        _ => format!("after {latency:.1} s, no time limit{extended}"),
    }
}

/// What is said when no written answer was close to the trainee's words:
/// "None close; the story followed “Limit”".
pub fn none_close_in_words(followed: &str) -> String {
    format!("{THE_STORY_FOLLOWED} {followed}")
}

/// Whether an answer to a noticing question fits what the moment shows.
pub fn fits_in_words(fits: bool) -> &'static str {
    if fits {
        "That fits."
    } else {
        "That does not fit."
    }
}

/// What a 1, a 3 and a 5 look like on an FIS item, in one line: "1 cold,
/// critical or judging · 3 polite and neutral · 5 warm and accepting".
pub fn anchors_in_words(item: crate::core::fis::FisItem) -> String {
    let [one, three, five] = item.anchors();
    format!("1 {one} · 3 {three} · 5 {five}")
}

/// The text with its first letter capitalised, to stand as a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A moment's answer times across a class: "answer time: median 4.2 s,
/// interquartile range 1.3 s".
pub fn answer_time_in_words(median: f64, iqr: f64) -> String {
    format!("answer time: median {median:.1} s, interquartile range {iqr:.1} s")
}

/// Said of a moment too few learners met for shares and times.
pub fn counts_only_in_words() -> String {
    format!(
        "fewer than {} learners: counts only",
        crate::core::cohort::aggregate::FEWEST_LEARNERS_FOR_FIGURES
    )
}

/// The heading of the moments where a class's connection falls most.
pub const CONNECTION_FALLS_MOST: &str = "where connection falls most (mean change)";

/// How far connection falls at a moment: "-1.5 over 12 answers".
pub fn connection_fall_in_words(mean_change: f64, answers: usize) -> String {
    format!("{mean_change:+.1} over {}", plural(answers, "answer"))
}

/// The heading of each learner's first attempt against the latest.
pub const FIRST_AGAINST_LATEST: &str =
    "first attempt against latest (ending, mean level: skilled 2, good enough 1, costly 0)";

/// A learner's attempt in a class's figures: "Held, 1.5".
pub fn attempt_brief_in_words(brief: &crate::core::cohort::aggregate::AttemptBrief) -> String {
    let ending = brief.ending.map_or("no ending", |k| k.label());
    match brief.mean_level {
        Some(level) => format!("{ending}, {level:.1}"),
        None => ending.to_owned(),
    }
}

/// The ending of a part of a scenario (its first acts alone), where it leads
/// on into an act it leaves out; `place` is that act's place and time.
pub fn part_ending_text(place: &str) -> String {
    let place = place.trim().trim_end_matches('.');
    if place.is_empty() {
        "This part of the scenario ends here; in the whole scenario the story goes on.".to_owned()
    } else {
        format!(
            "This part of the scenario ends here; in the whole scenario the story goes on. Next: {place}."
        )
    }
}

/// How far a translation has been checked, in a few words.
pub fn review_in_words(review: Review) -> &'static str {
    match review {
        Review::MachineAssisted => "machine-assisted, awaiting review",
        Review::Unreviewed => "awaiting review",
        Review::Reviewed => "reviewed",
    }
}

/// The languages a scenario can be played in, for its library card:
/// "English · Español (machine-assisted, awaiting review; act 1 only)".
/// `versions` are the scenario and its translations, original first (see
/// [`crate::core::languages::versions_of`]); none when there is only one, in
/// English.
pub fn languages_in_words(versions: &[&Scenario]) -> Option<String> {
    if let [only] = versions
        && only.translation.is_none()
        && only.language == crate::core::model::DEFAULT_LANGUAGE
    {
        return None;
    }
    let named: Vec<String> = versions
        .iter()
        .map(|version| {
            let name = crate::core::languages::language_name(&version.language)
                .map_or_else(|| version.language.clone(), str::to_owned);
            match &version.translation {
                None => name,
                Some(translation) => {
                    let acts = match translation.acts {
                        Some(1) => "; act 1 only".to_owned(),
                        Some(acts) => format!("; acts 1 to {acts} only"),
                        None => String::new(),
                    };
                    format!("{name} ({}{acts})", review_in_words(translation.review))
                }
            }
        })
        .collect();
    Some(named.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn character(name: &str, role: Role) -> Character {
        Character {
            id: name.to_lowercase(),
            name: name.to_owned(),
            role,
            description: String::new(),
        }
    }

    #[test]
    fn the_feedback_heading_names_a_client_as_feeling_and_a_supervisor_as_hearing() {
        assert_eq!(
            feedback_heading(Some(&character("Theo", Role::Client))),
            "What Theo may have felt"
        );
        assert_eq!(
            feedback_heading(Some(&character("Priya", Role::NextClient))),
            "What Priya may have felt"
        );
        assert_eq!(
            feedback_heading(Some(&character("Dr. Okafor", Role::Supervisor))),
            "How Dr. Okafor may have heard it"
        );
        assert_eq!(feedback_heading(None), "What they may have felt");
    }

    #[test]
    fn open_ruptures_are_counted_not_repeated() {
        use RuptureKind::{Confrontation, Withdrawal};
        assert_eq!(open_ruptures_in_words([]), "");
        assert_eq!(open_ruptures_in_words([Withdrawal]), "withdrawal");
        assert_eq!(
            open_ruptures_in_words([Withdrawal, Confrontation, Withdrawal]),
            "withdrawal (2), confrontation"
        );
    }

    #[test]
    fn no_kind_is_worded_as_its_rust_name() {
        assert_eq!(EndingKind::Deepened.label(), "Rupture deepened");
        assert_eq!(EndingKind::Held.label(), "Held");
        assert_eq!(
            rupture_opened(RuptureKind::Withdrawal),
            "a withdrawal rupture opened"
        );
        for mode in [
            FeedbackMode::Immediate,
            FeedbackMode::Deferred,
            FeedbackMode::Exam,
        ] {
            assert_ne!(mode.label(), format!("{mode:?}"));
        }
    }

    #[test]
    fn timing_says_the_limit_and_the_extensions() {
        assert_eq!(timing_in_words(4.24, Some(45.0), 0), "after 4.2 s of 45 s");
        assert_eq!(
            timing_in_words(50.0, Some(65.0), 1),
            "after 50.0 s of 65 s, extended once"
        );
        assert_eq!(timing_in_words(3.0, None, 0), "after 3.0 s, no time limit");
    }

    #[test]
    fn the_support_names_the_line_or_says_where_to_add_one() {
        let support = "This scenario touches suicide.";
        assert_eq!(
            support_in_words(support, " Dr. Lee, ext. 4410 "),
            "This scenario touches suicide. You can reach: Dr. Lee, ext. 4410."
        );
        assert!(support_in_words(support, "").contains("in the app's Settings, under Support"));
    }

    #[test]
    fn the_other_answers_are_counted_by_level() {
        let levels = LevelCounts {
            skilled: 2,
            good_enough: 0,
            costly: 1,
        };
        assert_eq!(
            other_answers_in_words(levels).as_deref(),
            Some("The other answers here: 2 show the skill well, 1 costly.")
        );
        assert_eq!(other_answers_in_words(LevelCounts::default()), None);
    }

    #[test]
    fn an_attempts_counts_tell_it_from_another() {
        let levels = LevelCounts {
            skilled: 2,
            good_enough: 1,
            costly: 1,
        };
        assert_eq!(
            attempt_counts_in_words(levels, 1, Some(4.24), 1, 1),
            "2 answers that show the skill well, 1 good enough, 1 costly; 1 timeout; 4.2 s per answer; ruptures 1 opened and 1 repaired"
        );
        let one = LevelCounts {
            skilled: 1,
            ..LevelCounts::default()
        };
        assert_eq!(
            attempt_counts_in_words(one, 0, None, 0, 0),
            "1 answer that shows the skill well, 0 good enough, 0 costly; 0 timeouts; no rupture"
        );
    }

    #[test]
    fn a_number_that_is_no_choice_says_which_numbers_are() {
        assert_eq!(
            no_such_choice(9, 3),
            "There is no choice 9: the choices are 1 to 3."
        );
        assert_eq!(
            no_such_choice(33, 3),
            "There is no choice 33: the choices are 1 to 3."
        );
        assert_eq!(
            no_such_choice(2, 1),
            "There is no choice 2: the only choice is 1."
        );
    }

    #[test]
    fn a_deadline_is_counted_down_in_minutes() {
        assert_eq!(deadline_in("Priya arrives", 1), "Priya arrives in 1 minute");
        assert_eq!(
            deadline_in("Priya arrives", 14),
            "Priya arrives in 14 minutes"
        );
    }
}
