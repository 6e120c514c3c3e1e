//! Every sentence the front ends show about a session, in one place: ending and
//! rupture kinds, difficulty, feedback modes, the headings of feedback, what
//! changed at a step, the summary, the grounding line and the reflection prompts.
//! The app, the terminal and the exports all take their words from here, so a
//! concept is worded one way everywhere (and never as a Rust `Debug` name).
//! The words themselves are in the Fluent files (`assets/i18n/`), in the
//! current language (see [`crate::core::i18n`]).

use crate::core::dimensions::CONNECTION;
use crate::core::engine::{EndingRecord, FeedbackMode};
use crate::core::i18n::decimal;
use crate::core::model::{
    Band, Character, Difficulty, DimensionDef, EndingKind, OptimalDistance, Quality, Review, Role,
    RuptureKind, Scenario,
};
use crate::core::preferences::Theme;
use crate::core::review::LevelCounts;
use crate::tr;

/// The heading of the support offered in a scenario that may stir the trainee's
/// own history: "Looking after yourself".
pub fn looking_after_yourself() -> String {
    tr!("looking-after-yourself")
}

/// The support a scenario offers the trainee, with the support line from the
/// settings, or how to add one.
pub fn support_in_words(support: &str, support_line: &str) -> String {
    match support_line.trim() {
        "" => tr!("support-without-line", support = support),
        line => tr!("support-with-line", support = support, line = line),
    }
}

/// A scenario's own optimal distance with its reason: "For this client the
/// optimal distance is 0 to 3: ...".
pub fn optimal_distance_in_words(own: &OptimalDistance) -> String {
    tr!(
        "optimal-distance",
        low = own.low,
        high = own.high,
        reason = own.reason.trim()
    )
}

/// A share as a whole percentage: "33 %".
pub fn percent_in_words(share: f64) -> String {
    crate::core::i18n::percent(share)
}

/// What is said of an attempt that stopped before reaching an ending.
pub fn no_ending() -> String {
    tr!("no-ending")
}

/// What is said of a step where the trainee did not answer in time.
pub fn time_ran_out() -> String {
    tr!("time-ran-out")
}

/// What a screen reader says when the countdown's warning shows.
pub fn time_nearly_up() -> String {
    tr!("time-nearly-up")
}

/// The button beside the countdown's warning.
pub fn more_time() -> String {
    tr!("more-time")
}

/// The countdown for a screen reader: "Time left: 12 of 30 seconds".
pub fn time_left_in_words(seconds: u64, limit: u64) -> String {
    tr!("time-left", seconds = seconds, limit = limit)
}

/// The noticing question: the clock waits for it.
pub fn clock_waits_for_noticing() -> String {
    tr!("clock-waits-for-noticing")
}

/// On the end screen when feedback waited for the end and there are own words
/// to rate.
pub fn rate_in_the_steps() -> String {
    tr!("rate-in-the-steps")
}

/// The history's practice trend of the self-ratings.
pub fn mean_self_rating() -> String {
    tr!("mean-self-rating")
}

/// The history's practice trend of the noticing answers.
pub fn noticing_that_fitted() -> String {
    tr!("noticing-that-fitted")
}

/// A practice trend with nothing in it yet.
pub fn not_practised_yet() -> String {
    tr!("not-practised-yet")
}

/// The heading over a noticing question's answer in the debrief.
pub fn noticing() -> String {
    tr!("noticing")
}

/// The heading over every noticing answer that fits.
pub fn what_fits_here() -> String {
    tr!("what-fits-here")
}

/// After a noticing question's feedback.
pub fn see_the_answers() -> String {
    tr!("see-the-answers")
}

/// Say it first: the request for the trainee's own words.
pub fn say_it_first_prompt() -> String {
    tr!("say-it-first-prompt")
}

/// Say it first: how the own words are sent and what follows.
pub fn say_it_first_hint() -> String {
    tr!("say-it-first-hint")
}

/// Say it first: the empty field's hint.
pub fn say_it_first_field_hint() -> String {
    tr!("say-it-first-field-hint")
}

/// Say it first: the button that sends the own words.
pub fn send_own_words() -> String {
    tr!("send-own-words")
}

/// Over what the trainee said, before its feedback.
pub fn you_said() -> String {
    tr!("you-said")
}

/// Say it first: picking the written answer closest to the own words.
pub fn pick_the_closest() -> String {
    tr!("pick-the-closest")
}

/// Say it first: none of the written answers was close.
pub fn none_is_close() -> String {
    tr!("none-is-close")
}

/// Say it first, after "none of these": the pick the story follows.
pub fn pick_for_the_story() -> String {
    tr!("pick-for-the-story")
}

/// Asked after an answer, before its feedback.
pub fn how_sure() -> String {
    tr!("how-sure")
}

/// The confidence button for "sure".
pub fn sure_key() -> String {
    tr!("sure-key")
}

/// The confidence button for "unsure".
pub fn unsure_key() -> String {
    tr!("unsure-key")
}

/// The confidence button that skips the question.
pub fn skip_confidence() -> String {
    tr!("skip-confidence")
}

/// The heading over the own words in feedback and the debrief.
pub fn your_own_words() -> String {
    tr!("your-own-words")
}

/// Own words left empty when the time ran out.
pub fn nothing_written() -> String {
    tr!("nothing-written")
}

/// The heading over the answers at the top level, beside the own words.
pub fn the_best_answers_here() -> String {
    tr!("the-best-answers-here")
}

/// The heading over the self-rating of the own words.
pub fn rate_your_words() -> String {
    tr!("rate-your-words")
}

/// How long the own words took: "written in 12 s", "the time ran out after
/// 30 s".
pub fn own_words_timing(words: &crate::core::engine::OwnWords) -> String {
    let seconds = decimal(words.latency, 0);
    if words.time_ran_out {
        tr!("own-words-time-ran-out", seconds = seconds)
    } else {
        tr!("own-words-written", seconds = seconds)
    }
}

/// Say it first: over the written answer picked as closest to the own words.
pub fn closest_to_your_words() -> String {
    tr!("closest-to-your-words")
}

/// Say it first: over the written answer the story followed when none was close.
pub fn the_story_followed() -> String {
    tr!("the-story-followed")
}

/// The heading over the written answer a step recorded: what the trainee
/// said, or (after own words) the answer closest to them, or the one the
/// story followed when none was close.
pub fn answer_heading(own_words: Option<&crate::core::engine::OwnWords>) -> String {
    match own_words {
        None => you_said(),
        Some(words) if words.none_close => the_story_followed(),
        Some(_) => closest_to_your_words(),
    }
}

/// "You were sure.", on the feedback.
pub fn you_were(confidence: crate::core::engine::Confidence) -> String {
    tr!("you-were", confidence = confidence_label(confidence))
}

/// How many moments of a scenario have a noticing question.
pub fn noticing_questions_here(count: usize) -> String {
    tr!("noticing-questions-here", count = count)
}

/// The Today list's heading.
pub fn today() -> String {
    tr!("today")
}

/// What the Today list is.
pub fn today_explained() -> String {
    tr!("today-explained")
}

/// The button that plays a moment from the Today list.
pub fn practise_it() -> String {
    tr!("practise-it")
}

/// A moment on the Today list whose scenario or node is gone.
pub fn moment_gone() -> String {
    tr!("moment-gone")
}

/// "3 moments to practise today".
pub fn moments_due(count: usize) -> String {
    tr!("moments-due", count = count)
}

/// Why a moment is on the Today list and how far it has come: "On the list
/// for a costly answer · box 2 of 4".
pub fn on_the_list_because(reason: crate::core::schedule::Reason, box_index: usize) -> String {
    tr!(
        "on-the-list-because",
        reason = reason.label(),
        box_number = box_index + 1,
        boxes = crate::core::schedule::BOX_DAYS.len()
    )
}

/// When nothing is due: when the next moment is, or that the list is empty.
pub fn nothing_due(today: time::Date, next: Option<time::Date>) -> String {
    match next {
        Some(next) => tr!("nothing-due", days = (next - today).whole_days()),
        None => tr!("nothing-to-practise-yet"),
    }
}

/// The heading of the trainee's ratings of their own words.
pub fn your_ratings() -> String {
    tr!("your-ratings")
}

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
        (true, _) => tr!("practised-learned", title = title),
        (false, Some((0, _))) => tr!("practised-still-hard", title = title, boxes = boxes),
        (false, Some((box_index, days))) => tr!(
            "practised-comes-back",
            title = title,
            days = days,
            box_number = box_index + 1,
            boxes = boxes
        ),
        (false, None) => tr!("practised", title = title),
    }
}

/// Over a moment practised alone: what the trainee had said just before it.
pub fn said_just_before(said: &str) -> String {
    tr!("said-just-before", said = said)
}

/// "Sure" or "unsure".
pub fn confidence_label(confidence: crate::core::engine::Confidence) -> String {
    match confidence {
        crate::core::engine::Confidence::Sure => tr!("confidence-sure"),
        crate::core::engine::Confidence::Unsure => tr!("confidence-unsure"),
    }
}

/// The level of the answer given, revealed after answering: "Your answer: good
/// enough".
pub fn your_answer_level(level: Quality) -> String {
    tr!("your-answer-level", level = level.label())
}

/// The heading of the first part of feedback: what the answer does.
pub fn what_it_does() -> String {
    tr!("what-it-does")
}

/// The heading of the last part of feedback: the concept and its source.
pub fn the_concept() -> String {
    tr!("the-concept")
}

/// What is said when an answer repaired the open ruptures: "the rupture was
/// repaired", "2 ruptures were repaired".
pub fn ruptures_repaired(count: usize) -> String {
    tr!("ruptures-repaired", count = count)
}

/// The grounding line every ending closes with, on screen, in the terminal and
/// in the Markdown export.
pub fn grounding() -> String {
    tr!("grounding")
}

/// The reflection prompts every debrief offers after the scenario's own.
pub fn default_reflection_prompts() -> [String; 3] {
    [
        tr!("reflection-pulled-you"),
        tr!("reflection-client-felt"),
        tr!("reflection-next-time"),
    ]
}

/// The heading of a scenario's content notes, shown before anything else.
pub fn content_notes() -> String {
    tr!("content-notes")
}

/// What a trainee may always do, said with the content notes.
pub fn leaving_is_fine() -> String {
    tr!("leaving-is-fine")
}

/// The heading of a scenario's learning goals.
pub fn learning_goals() -> String {
    tr!("learning-goals")
}

/// The heading of the people in a scenario.
pub fn who_is_here() -> String {
    tr!("who-is-here")
}

/// The heading of the time and what presses on it.
pub fn time() -> String {
    tr!("time")
}

/// Asked at the end of the briefing, before the first moment.
pub fn press_enter_to_begin() -> String {
    tr!("press-enter-to-begin")
}

/// Asked after feedback, before the next moment.
pub fn press_enter_to_go_on() -> String {
    tr!("press-enter-to-go-on")
}

/// The heading of the reflection prompts at the end.
pub fn reflection() -> String {
    tr!("reflection")
}

/// How the reflection prompts are answered in the terminal.
pub fn how_to_reflect() -> String {
    tr!("how-to-reflect")
}

/// The heading of a moment: "Step 2", counted from 1 everywhere.
pub fn step_heading(index: usize) -> String {
    tr!("step-heading", number = index + 1)
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
        tr!("day-begins", clock = clock)
    } else {
        tr!("day-begins-at", clock = clock, place = place)
    }
}

/// A deadline in the briefing: "At 10:10: The next client arrives."
pub fn deadline_at(at: &str, label: &str) -> String {
    tr!("deadline-at", at = at, label = label)
}

/// A number typed that is no choice: "There is no choice 9: the choices are 1
/// to 3."
pub fn no_such_choice(number: usize, choices: usize) -> String {
    match choices {
        0 => tr!("no-such-choice-none", number = number),
        1 => tr!("no-such-choice-one", number = number),
        n => tr!("no-such-choice", number = number, choices = n),
    }
}

/// Said before a draft (a scenario with errors) is played.
pub fn draft_played_with(errors: usize) -> String {
    tr!("draft-played-with", errors = errors)
}

/// Said when a scenario with errors is played as a finished one.
pub fn try_it_as_a_draft() -> String {
    tr!("try-it-as-a-draft")
}

/// The mark of an answer in a draft that cannot be chosen, shown with why.
pub fn cannot_be_chosen_yet() -> String {
    tr!("cannot-be-chosen-yet")
}

/// Said of a moment in a draft whose timeout cannot be taken, before why.
pub fn cannot_pass_yet() -> String {
    tr!("cannot-pass-yet")
}

/// Why a draft goes no further at a moment whose answers all have errors.
pub fn no_answer_can_be_chosen_yet() -> String {
    tr!("no-answer-can-be-chosen-yet")
}

/// Why an answer (or a timeout) in a draft cannot be taken when its minutes
/// would let a deadline take over that leads to no moment: "it takes the clock
/// past 10:20, and then the deadline leads to "next", which does not exist".
pub fn passes_a_deadline_that_leads_nowhere(at: &str, why: &str) -> String {
    tr!("passes-a-deadline-that-leads-nowhere", at = at, why = why)
}

/// Where a draft stops, and why.
pub fn end_of_draft(reason: &str) -> String {
    tr!("end-of-draft", reason = reason)
}

/// Why a moment of a draft has no countdown.
pub fn timer_off_in_draft(reason: &str) -> String {
    tr!("timer-off-in-draft", reason = reason)
}

/// The prompts at the end of a scenario: its own, then the default ones.
pub fn reflection_prompts(scenario: &Scenario) -> Vec<String> {
    scenario
        .reflection_prompts
        .iter()
        .cloned()
        .chain(default_reflection_prompts())
        .collect()
}

impl EndingKind {
    /// The kind in words, which describe and do not rank: "Held", "Repaired".
    pub fn label(self) -> String {
        match self {
            EndingKind::Held => tr!("ending-held"),
            EndingKind::Repaired => tr!("ending-repaired"),
            EndingKind::Unresolved => tr!("ending-unresolved"),
            EndingKind::Deepened => tr!("ending-deepened"),
        }
    }

    /// What the kind means, after its label on the end screen: "Held: the
    /// connection held; nothing needed repairing".
    pub fn meaning(self) -> String {
        match self {
            EndingKind::Held => tr!("ending-held-meaning"),
            EndingKind::Repaired => tr!("ending-repaired-meaning"),
            EndingKind::Unresolved => tr!("ending-unresolved-meaning"),
            EndingKind::Deepened => tr!("ending-deepened-meaning"),
        }
    }
}

impl Quality {
    /// The level in words: "shows the skill well", "good enough", "costly".
    pub fn label(self) -> String {
        match self {
            Quality::Skilled => tr!("level-skilled"),
            Quality::GoodEnough => tr!("level-good-enough"),
            Quality::Costly => tr!("level-costly"),
        }
    }

    /// The level as a capitalised heading: "Shows the skill well".
    pub fn heading(self) -> String {
        capitalised(&self.label())
    }
}

impl RuptureKind {
    /// The kind in words: "Withdrawal", "Confrontation".
    pub fn label(self) -> String {
        match self {
            RuptureKind::Withdrawal => tr!("rupture-withdrawal"),
            RuptureKind::Confrontation => tr!("rupture-confrontation"),
        }
    }
}

impl Difficulty {
    /// The difficulty in words: "Beginner".
    pub fn label(self) -> String {
        match self {
            Difficulty::Beginner => tr!("difficulty-beginner"),
            Difficulty::Intermediate => tr!("difficulty-intermediate"),
            Difficulty::Advanced => tr!("difficulty-advanced"),
        }
    }
}

impl FeedbackMode {
    /// The mode in words: "feedback after each answer".
    pub fn label(self) -> String {
        match self {
            FeedbackMode::Immediate => tr!("feedback-immediate"),
            FeedbackMode::Deferred => tr!("feedback-deferred"),
            FeedbackMode::Exam => tr!("feedback-exam"),
        }
    }
}

impl Theme {
    /// Every theme, in the order Settings offers them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    /// The theme's name: "High contrast".
    pub fn label(self) -> String {
        match self {
            Theme::Light => tr!("theme-light"),
            Theme::Dark => tr!("theme-dark"),
            Theme::HighContrast => tr!("theme-high-contrast"),
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
    ending.map_or_else(no_ending, EndingRecord::in_words)
}

/// "Intermediate · about 10 minutes".
pub fn level_and_length(scenario: &Scenario) -> String {
    tr!(
        "level-and-length",
        difficulty = scenario.difficulty.label(),
        minutes = scenario.estimated_minutes
    )
}

/// How an attempt's ruptures went: "none", "all repaired", "left open", "1 of
/// 2 left open".
pub fn ruptures_in_words(opened: usize, left_open: usize) -> String {
    match (opened, left_open) {
        (0, 0) => tr!("ruptures-none"),
        (_, 0) => tr!("ruptures-all-repaired"),
        (opened, open) if opened == open => tr!("ruptures-left-open"),
        (opened, open) => tr!("ruptures-some-left-open", open = open, opened = opened),
    }
}

/// "a withdrawal rupture opened".
pub fn rupture_opened(kind: RuptureKind) -> String {
    tr!("rupture-opened", kind = kind.label().to_lowercase())
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

/// Where a meter stands, in words, for a screen reader and beside the meter:
/// "Connection: slightly connected (2)", "Distance: a little too far (4)",
/// "Repair: 3 on a scale from 0 to 10". A dimension with an optimal band is
/// read against the band (below it is too close); connection by its sign; any
/// other by where it lies in its range.
pub fn meter_in_words(dimension: &DimensionDef, value: i32) -> String {
    let label = dimension_label(&dimension.label);
    let words = match (dimension.id.as_str(), dimension.optimal) {
        (_, Some(band)) => band_in_words(value, band),
        (CONNECTION, None) => connection_in_words(value),
        _ => {
            let (min, max) = (dimension.min, dimension.max);
            return tr!(
                "meter-scale",
                label = label,
                value = value,
                min = min,
                max = max
            );
        }
    };
    tr!("meter-words", label = label, words = words, value = value)
}

/// A value against an optimal band: within it, or a little or much too close
/// or too far.
fn band_in_words(value: i32, band: Band) -> String {
    let (gap, close) = if value < band.low {
        (band.low - value, true)
    } else if value > band.high {
        (value - band.high, false)
    } else {
        return tr!("meter-band-within");
    };
    match (gap <= 2, close) {
        (true, true) => tr!("meter-band-little-close"),
        (false, true) => tr!("meter-band-much-close"),
        (true, false) => tr!("meter-band-little-far"),
        (false, false) => tr!("meter-band-much-far"),
    }
}

/// Connection by its sign and size.
fn connection_in_words(value: i32) -> String {
    let connected = value > 0;
    match (value.abs(), connected) {
        (0, _) => tr!("meter-connection-none"),
        (1..=2, true) => tr!("meter-slightly-connected"),
        (1..=2, false) => tr!("meter-slightly-disconnected"),
        (3..=5, true) => tr!("meter-connected"),
        (3..=5, false) => tr!("meter-disconnected"),
        (_, true) => tr!("meter-strongly-connected"),
        (_, false) => tr!("meter-strongly-disconnected"),
    }
}

/// A moment as a screen reader speaks it when it appears: the narration, then
/// who speaks and what they say ("Alex: “Have you got a minute?”").
pub fn moment_in_words(narration: &str, speaker: &str, text: &str) -> String {
    let said = match (speaker, text) {
        (_, "") => String::new(),
        ("", text) => tr!("moment-said", text = text),
        (speaker, text) => tr!("moment-said-by", speaker = speaker, text = text),
    };
    [narration.trim(), said.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A library card's button as a screen reader names it: "Open the briefing:
/// Repair drill".
pub fn open_the_briefing_of(title: &str) -> String {
    tr!("open-the-briefing-of", title = title)
}

/// A scenario file's edit button as a screen reader names it.
pub fn edit_the_file_of(title: &str) -> String {
    tr!("edit-the-file-of", title = title)
}

/// A dimension's label in the current language when it is one of the default
/// dimensions' ("Connection", "Distance"...); a scenario's own label as it is
/// written.
pub fn dimension_label(label: &str) -> String {
    match label {
        "Connection" => tr!("dimension-connection"),
        "Distance" => tr!("dimension-distance"),
        "Repair" => tr!("dimension-repair"),
        "Frame" => tr!("dimension-frame"),
        "Authenticity" => tr!("dimension-authenticity"),
        own => own.to_owned(),
    }
}

/// "Connection 0 → 2".
pub fn moved_in_words(label: &str, from: i32, to: i32) -> String {
    format!("{label} {from} → {to}")
}

/// The pressure of a deadline still to come: "Priya arrives in 12 minutes".
pub fn deadline_in(label: &str, minutes: u32) -> String {
    tr!("deadline-in", label = label, minutes = minutes)
}

/// A count with its noun: "1 answer", "3 answers" (the plural given, for
/// nouns and phrases that do not just take an s). English only: the command
/// line's and the exports' counts use it.
pub fn count_noun(count: usize, singular: &str, plural: &str) -> String {
    match count {
        1 => format!("1 {singular}"),
        n => format!("{n} {plural}"),
    }
}

/// Where an attempt stands with the LRS, in words: the same in the terminal
/// and the app.
pub fn sync_state_in_words(state: &crate::core::sync::queue::SyncState) -> String {
    use crate::core::sync::queue::SyncState;
    match state {
        SyncState::KeptHereOnly => tr!("sync-kept-here-only"),
        SyncState::Queued(None) => tr!("sync-queued"),
        SyncState::Queued(Some(failure)) => tr!(
            "sync-not-sent",
            reason = failure.reason.as_str(),
            tries = tries_in_words(failure.tries),
            next_try = next_try_in_words(failure.next_try)
        ),
        SyncState::Sent(sent) => tr!(
            "sync-sent",
            host = sent.host.as_str(),
            when = crate::core::clock::format_unix_utc(sent.sent_at),
            statements = sent.statements
        ),
    }
}

/// How many tries failed in a row: "1 try", "3 tries".
pub fn tries_in_words(tries: u32) -> String {
    tr!("tries", count = tries)
}

/// When an attempt the LRS refused is tried again by itself.
pub fn next_try_in_words(next_try: u64) -> String {
    if next_try == crate::core::sync::round::NOT_BY_ITSELF {
        tr!("not-tried-by-itself")
    } else {
        tr!(
            "next-try-after",
            when = crate::core::clock::format_unix_utc(next_try)
        )
    }
}

/// A count with a noun that takes an s: "1 file", "2 files". English only,
/// like [`count_noun`].
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
    let mut parts = vec![levels_in_words(levels), tr!("timeouts", count = timeouts)];
    if let Some(mean) = mean_latency {
        parts.push(tr!("seconds-per-answer", seconds = decimal(mean, 1)));
    }
    parts.push(match (ruptures_opened, ruptures_repaired) {
        (0, 0) => tr!("no-rupture"),
        (opened, repaired) => tr!(
            "ruptures-opened-and-repaired",
            opened = opened,
            repaired = repaired
        ),
    });
    parts.join("; ")
}

/// The levels of the other answers at a moment: "The other answers here: 1
/// shows the skill well, 1 costly."; none when there are none.
pub fn other_answers_in_words(levels: LevelCounts) -> Option<String> {
    levels_listed(levels).map(|levels| tr!("other-answers-here", levels = levels))
}

/// The levels that occur, each with its count: "2 show the skill well, 1
/// costly"; none when there are none.
pub fn levels_listed(levels: LevelCounts) -> Option<String> {
    let parts: Vec<String> = [
        (levels.skilled, "count-skilled"),
        (levels.good_enough, "count-good-enough"),
        (levels.costly, "count-costly"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, id)| crate::core::i18n::message(id, &[("count", count.into())]))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The answers at each level: "2 answers that show the skill well, 1 good
/// enough, 0 costly".
pub fn levels_in_words(levels: LevelCounts) -> String {
    tr!(
        "levels-in-words",
        skilled = levels.skilled,
        good_enough = levels.good_enough,
        costly = levels.costly
    )
}

/// "The time ran out once.", "… 3 times."; empty when it never did.
pub fn timeouts_in_words(count: usize) -> String {
    match count {
        0 => String::new(),
        n => tr!("time-ran-out-times", count = n),
    }
}

/// The heading for the client part of the feedback: "What Theo may have felt",
/// "How Dr. Okafor may have heard it" for a supervisor, of the character
/// [`crate::core::felt_by`] finds; "What they may have felt" when there is none.
pub fn feedback_heading(felt_by: Option<&Character>) -> String {
    match felt_by {
        Some(c) if c.role == Role::Supervisor => tr!("how-they-heard-it", name = c.name.as_str()),
        Some(c) => tr!("what-they-felt", name = c.name.as_str()),
        None => tr!("what-someone-felt"),
    }
}

/// The heading for the client's inner experience at a moment: "Inside, Theo
/// was thinking".
pub fn inner_heading(name: Option<&str>) -> String {
    name.map_or_else(|| tr!("inside"), |name| tr!("inside-named", name = name))
}

/// "after 4.2 s of 45 s, extended once" or "after 4.2 s, no time limit".
pub fn timing_in_words(latency: f64, limit: Option<f64>, extensions: u32) -> String {
    let extended = match extensions {
        0 => String::new(),
        n => tr!("extended", count = n),
    };
    let latency = decimal(latency, 1);
    match limit {
        Some(limit) if limit > 0.0 => tr!(
            "timing-of-limit",
            latency = latency,
            limit = decimal(limit, 0),
            extended = extended
        ),
        _ => tr!("timing-no-limit", latency = latency, extended = extended),
    }
}

/// What is said when no written answer was close to the trainee's words:
/// "None close; the story followed “Limit”".
pub fn none_close_in_words(followed: &str) -> String {
    format!("{} {followed}", the_story_followed())
}

/// Whether an answer to a noticing question fits what the moment shows.
pub fn fits_in_words(fits: bool) -> String {
    if fits {
        tr!("that-fits")
    } else {
        tr!("that-does-not-fit")
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
    tr!(
        "answer-time",
        median = decimal(median, 1),
        iqr = decimal(iqr, 1)
    )
}

/// Said of a moment too few learners met for shares and times.
pub fn counts_only_in_words() -> String {
    tr!(
        "counts-only",
        fewest = crate::core::cohort::aggregate::FEWEST_LEARNERS_FOR_FIGURES
    )
}

/// The heading of the moments where a class's connection falls most.
pub fn connection_falls_most() -> String {
    tr!("connection-falls-most")
}

/// How far connection falls at a moment: "-1.5 over 12 answers".
pub fn connection_fall_in_words(mean_change: f64, answers: usize) -> String {
    let change = decimal(mean_change, 1);
    let change = if mean_change >= 0.0 {
        format!("+{change}")
    } else {
        change
    };
    tr!("connection-fall", change = change, answers = answers)
}

/// The heading of each learner's first attempt against the latest.
pub fn first_against_latest() -> String {
    tr!("first-against-latest")
}

/// A learner's attempt in a class's figures: "Held, 1.5".
pub fn attempt_brief_in_words(brief: &crate::core::cohort::aggregate::AttemptBrief) -> String {
    let ending = brief
        .ending
        .map_or_else(|| tr!("no-ending-short"), |k| k.label());
    match brief.mean_level {
        Some(level) => format!("{ending}, {}", decimal(level, 1)),
        None => ending,
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
pub fn review_in_words(review: Review) -> String {
    match review {
        Review::MachineAssisted => tr!("review-machine-assisted"),
        Review::Unreviewed => tr!("review-unreviewed"),
        Review::Reviewed => tr!("review-reviewed"),
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
                    let review = review_in_words(translation.review);
                    match translation.acts {
                        Some(acts) => tr!(
                            "language-translated-part",
                            name = name,
                            review = review,
                            acts = acts
                        ),
                        None => tr!("language-translated", name = name, review = review),
                    }
                }
            }
        })
        .collect();
    Some(named.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_is_spoken_as_narration_then_who_says_what() {
        assert_eq!(
            moment_in_words("The door opens.", "Alex", "Have you got a minute?"),
            "The door opens. Alex: “Have you got a minute?”"
        );
        assert_eq!(moment_in_words("", "", "Hello?"), "“Hello?”");
        assert_eq!(moment_in_words(" Rain. ", "Alex", ""), "Rain.");
    }

    #[test]
    fn a_meter_is_read_against_its_band_or_by_its_sign() {
        let dimensions = crate::core::dimensions::default_dimensions();
        let dimension = |id: &str| dimensions.iter().find(|d| d.id == id).unwrap();
        let distance = dimension(crate::core::dimensions::DISTANCE);
        let connection = dimension(CONNECTION);
        let repair = dimension(crate::core::dimensions::REPAIR);
        let cases = [
            (distance, 0, "Distance: within the optimal band (0)"),
            (distance, 2, "Distance: within the optimal band (2)"),
            (distance, 4, "Distance: a little too far (4)"),
            (distance, 5, "Distance: much too far (5)"),
            (distance, -3, "Distance: a little too close (-3)"),
            (distance, -9, "Distance: much too close (-9)"),
            (connection, 2, "Connection: slightly connected (2)"),
            (
                connection,
                0,
                "Connection: neither connected nor disconnected (0)",
            ),
            (connection, -4, "Connection: disconnected (-4)"),
            (connection, 7, "Connection: strongly connected (7)"),
            (repair, 3, "Repair: 3 on a scale from 0 to 10"),
        ];
        for (dimension, value, words) in cases {
            assert_eq!(meter_in_words(dimension, value), words);
        }
    }

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
