//! What could give the best answer away: whether the answers that show the skill
//! well are the longest at their moments, which words only they use, and how many
//! moments offer more than one good answer. Guessable answers are the classic
//! multiple-choice flaw (Haladyna, Downing & Rodriguez, 2002): they train a script
//! instead of judgement. The validator warns on these figures and `doorway stats`
//! reports them.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::model::{Choice, Node, Quality, Scenario};

/// Words too common to cue anything.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "doing", "don't", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him",
    "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its",
    "just", "let", "let's", "me", "more", "my", "no", "not", "now", "of", "on", "one", "or", "our",
    "out", "over", "really", "she", "so", "some", "than", "that", "that's", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "very", "was",
    "we", "we're", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
    "you", "you'd", "you're", "you've", "your", "yours",
];

/// Words too common to cue anything, in Spanish.
const STOP_WORDS_ES: &[&str] = &[
    "a", "al", "algo", "aquí", "así", "como", "cómo", "con", "cuando", "de", "del", "donde", "el",
    "él", "ella", "ellos", "en", "entre", "era", "eres", "es", "esa", "ese", "eso", "esta", "está",
    "estás", "este", "esto", "estoy", "fue", "ha", "hay", "he", "la", "las", "le", "les", "lo",
    "los", "me", "mi", "mí", "mis", "muy", "más", "nada", "no", "nos", "o", "para", "pero", "por",
    "porque", "que", "qué", "se", "si", "sí", "sin", "son", "soy", "su", "sus", "te", "ti", "tu",
    "tú", "tus", "un", "una", "unas", "uno", "unos", "usted", "y", "ya", "yo",
];

/// The stop words of a scenario's language: English's for a language without
/// its own list.
fn stop_words(language: &str) -> &'static [&'static str] {
    match language {
        "es" => STOP_WORDS_ES,
        _ => STOP_WORDS,
    }
}

/// A phrase cues the top level when it is in at least this share of the answers
/// that show the skill well...
pub const PHRASE_CUE_TOP_SHARE: f64 = 0.30;
/// ...and in at most this share of the other answers...
pub const PHRASE_CUE_OTHER_SHARE: f64 = 0.05;
/// ...and in at least this many top answers, so that three answers sharing a
/// word by chance do not count.
pub const PHRASE_CUE_MIN_ANSWERS: usize = 3;
/// The longest-answer share above which the length gives the best answer away.
pub const LENGTH_CUE_SHARE: f64 = 0.40;
/// The share above which another length rank (the second-longest option, the
/// shortest...) gives the best answer away: writing every costly answer longest
/// only moves the cue.
pub const LENGTH_RANK_CUE_SHARE: f64 = 0.50;
/// The fewest moments a rank is judged on.
pub const LENGTH_RANK_CUE_MIN_MOMENTS: usize = 5;
/// The share of moments with choices that must offer two good answers or more.
pub const TWO_GOOD_ANSWERS_SHARE: f64 = 0.60;

/// One moment with choices, in file order, with what the cue figures need.
#[derive(Debug, Clone)]
pub struct Moment<'a> {
    /// Where the node is: its act and its index in the act.
    pub act: usize,
    pub index: usize,
    pub node: &'a Node,
}

/// The cue figures of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CueFigures {
    /// Moments that offer at least one choice.
    pub moments: usize,
    /// Moments with an answer that shows the skill well, another answer, and
    /// options of different lengths: where length could give the answer away.
    pub length_moments: usize,
    /// The ids of the moments among those where an answer that shows the skill
    /// well is the longest option.
    pub top_is_longest: Vec<String>,
    /// Moments that offer two or more answers at good enough or above.
    pub two_good: usize,
    /// Mean number of options per moment.
    pub options_per_moment: f64,
    /// Mean words per answer, per level; answers without a level are left out.
    pub mean_words: BTreeMap<Quality, f64>,
    /// How often the option at each other length rank shows the skill well.
    pub ranks: Vec<RankShare>,
    /// Choices without a level, and their mean words.
    pub unrated: usize,
    pub unrated_mean_words: Option<f64>,
}

impl CueFigures {
    /// The share of length moments where a top answer is the longest (0 when
    /// there are none).
    pub fn longest_share(&self) -> f64 {
        share(self.top_is_longest.len(), self.length_moments)
    }

    /// The share of moments with two good answers or more (1 when there are no
    /// moments).
    pub fn two_good_share(&self) -> f64 {
        if self.moments == 0 {
            1.0
        } else {
            share(self.two_good, self.moments)
        }
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// How often picking the option at one length rank would pick an answer that
/// shows the skill well, over the moments where length could cue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankShare {
    /// "second-longest", "third-longest", "shortest", "second-shortest".
    pub rank: &'static str,
    /// Moments with enough options for the rank.
    pub moments: usize,
    /// Moments where the option there shows the skill well (options of the
    /// same length share the moment).
    pub top: f64,
}

impl RankShare {
    /// The share of its moments where the rank picks a top answer.
    pub fn share(&self) -> f64 {
        if self.moments == 0 {
            0.0
        } else {
            self.top / self.moments as f64
        }
    }
}

/// The ranks checked besides the longest: (name, position counted from the
/// longest, or from the shortest when `from_shortest`, and the fewest options
/// at which the rank is an option no other rank names: with three options the
/// second-longest is the second-shortest too).
const RANKS: [(&str, usize, bool, usize); 4] = [
    ("second-longest", 1, false, 3),
    ("third-longest", 2, false, 4),
    ("shortest", 0, true, 2),
    ("second-shortest", 1, true, 5),
];

/// The share of the option at `position` (from the longest, or from the
/// shortest) that shows the skill well: options of the same length split it.
fn top_at_rank(node: &Node, position: usize, from_shortest: bool) -> Option<f64> {
    let options = options(node);
    let mut lengths: Vec<usize> = options.iter().map(|c| word_count(&c.says)).collect();
    lengths.sort_unstable();
    if !from_shortest {
        lengths.reverse();
    }
    let length = *lengths.get(position)?;
    let same: Vec<bool> = options
        .iter()
        .filter(|c| word_count(&c.says) == length)
        .map(|c| c.level() == Some(Quality::Skilled))
        .collect();
    Some(same.iter().filter(|&&top| top).count() as f64 / same.len() as f64)
}

/// The options a trainee can see at `node`: its choices, each wording once. An
/// author may write one answer twice under opposite conditions so that it leads
/// on according to the path; the trainee only ever sees one of them.
pub fn options(node: &Node) -> Vec<&Choice> {
    let mut seen = BTreeSet::new();
    node.choices
        .iter()
        .filter(|c| seen.insert(c.says.as_str()))
        .collect()
}

/// Words in a text.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The moments of a scenario that offer choices.
pub fn moments(scenario: &Scenario) -> Vec<Moment<'_>> {
    scenario
        .acts
        .iter()
        .enumerate()
        .flat_map(|(act, a)| {
            a.nodes
                .iter()
                .enumerate()
                .filter(|(_, node)| !node.choices.is_empty())
                .map(move |(index, node)| Moment { act, index, node })
        })
        .collect()
}

/// Whether the longest option at `node` shows the skill well, strictly longer
/// than every option that does not; `None` when the moment cannot cue by length
/// (no top answer, no other answer, or every option the same length).
pub fn top_is_longest(node: &Node) -> Option<bool> {
    let options = options(node);
    let longest = |top: bool| {
        options
            .iter()
            .filter(|c| (c.level() == Some(Quality::Skilled)) == top)
            .map(|c| word_count(&c.says))
            .max()
    };
    let (top, other) = (longest(true)?, longest(false)?);
    let lengths: BTreeSet<usize> = options.iter().map(|c| word_count(&c.says)).collect();
    (lengths.len() > 1).then_some(top > other)
}

/// How many answers at `node` are at good enough or above.
pub fn good_answers(node: &Node) -> usize {
    options(node)
        .iter()
        .filter(|c| c.level().is_some_and(Quality::is_good))
        .count()
}

/// The cue figures of `scenario`.
pub fn cue_figures(scenario: &Scenario) -> CueFigures {
    let moments = moments(scenario);
    let mut words: BTreeMap<Quality, (usize, usize)> = BTreeMap::new();
    let (mut unrated, mut unrated_words) = (0, 0);
    for choice in moments.iter().flat_map(|m| options(m.node)) {
        match choice.level() {
            Some(level) => {
                let entry = words.entry(level).or_default();
                entry.0 += word_count(&choice.says);
                entry.1 += 1;
            }
            None => {
                unrated += 1;
                unrated_words += word_count(&choice.says);
            }
        }
    }
    let length: Vec<(&Moment, bool)> = moments
        .iter()
        .filter_map(|m| Some((m, top_is_longest(m.node)?)))
        .collect();
    let option_count: usize = moments.iter().map(|m| options(m.node).len()).sum();
    let ranks = RANKS
        .iter()
        .map(|&(rank, position, from_shortest, fewest)| {
            let picks: Vec<f64> = length
                .iter()
                .filter(|(m, _)| options(m.node).len() >= fewest)
                .filter_map(|(m, _)| top_at_rank(m.node, position, from_shortest))
                .collect();
            RankShare {
                rank,
                moments: picks.len(),
                top: picks.iter().sum(),
            }
        })
        .collect();
    CueFigures {
        moments: moments.len(),
        length_moments: length.len(),
        top_is_longest: length
            .iter()
            .filter(|(_, longest)| *longest)
            .map(|(m, _)| m.node.id.clone())
            .collect(),
        two_good: moments.iter().filter(|m| good_answers(m.node) >= 2).count(),
        options_per_moment: share(option_count, moments.len()),
        mean_words: words
            .into_iter()
            .map(|(level, (total, count))| (level, total as f64 / count as f64))
            .collect(),
        ranks,
        unrated,
        unrated_mean_words: (unrated > 0).then(|| unrated_words as f64 / unrated as f64),
    }
}

/// A word or two-word phrase that mostly the answers that show the skill well use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhraseCue {
    pub phrase: String,
    /// How many top answers use it, of how many.
    pub in_top: usize,
    pub top: usize,
    /// How many other answers use it, of how many.
    pub in_others: usize,
    pub others: usize,
}

/// The phrases that give the top answers away, most telling first.
pub fn phrase_cues(scenario: &Scenario) -> Vec<PhraseCue> {
    let mut top: Vec<Vec<String>> = Vec::new();
    let mut others: Vec<Vec<String>> = Vec::new();
    let stop = stop_words(&scenario.language);
    for choice in scenario.nodes().flat_map(options) {
        let phrases = phrases(&choice.says, stop);
        if choice.level() == Some(Quality::Skilled) {
            top.push(phrases);
        } else {
            others.push(phrases);
        }
    }
    // How many answers use each phrase, counted in one pass over each group
    // (a count per phrase over every answer would grow with the square of the
    // scenario).
    let (in_top, in_others) = (answers_per_phrase(&top), answers_per_phrase(&others));
    let mut cues: Vec<PhraseCue> = in_top
        .iter()
        .map(|(&phrase, &count)| PhraseCue {
            phrase: phrase.to_owned(),
            in_top: count,
            top: top.len(),
            in_others: in_others.get(phrase).copied().unwrap_or(0),
            others: others.len(),
        })
        .filter(|cue| {
            cue.in_top >= PHRASE_CUE_MIN_ANSWERS
                && share(cue.in_top, cue.top) >= PHRASE_CUE_TOP_SHARE
                && share(cue.in_others, cue.others) <= PHRASE_CUE_OTHER_SHARE
        })
        .collect();
    // A two-word phrase adds nothing when one of its words is a cue already.
    let single: BTreeSet<String> = cues
        .iter()
        .filter(|c| !c.phrase.contains(' '))
        .map(|c| c.phrase.clone())
        .collect();
    cues.retain(|c| !c.phrase.contains(' ') || !c.phrase.split(' ').any(|w| single.contains(w)));
    cues.sort_by(|a, b| b.in_top.cmp(&a.in_top).then(a.phrase.cmp(&b.phrase)));
    cues
}

/// How many of `answers` use each phrase (each answer's phrases are distinct).
fn answers_per_phrase(answers: &[Vec<String>]) -> foldhash::HashMap<&str, usize> {
    let mut counts = foldhash::HashMap::default();
    for phrase in answers.iter().flatten() {
        *counts.entry(phrase.as_str()).or_default() += 1;
    }
    counts
}

/// The words of `text` that are not stop words, and its two-word phrases with at
/// least one such word, lower-cased, with curly apostrophes made straight; each
/// once, in order.
fn phrases(text: &str, stop: &[&str]) -> Vec<String> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.replace('’', "'").trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let is_stop = |w: &str| stop.contains(&w);
    let mut found: Vec<String> = words.iter().filter(|w| !is_stop(w)).cloned().collect();
    for pair in words.windows(2) {
        if !is_stop(&pair[0]) || !is_stop(&pair[1]) {
            found.push(format!("{} {}", pair[0], pair[1]));
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, load_str};

    /// A scenario of one act whose moments offer the given answers, each
    /// written `(level, words)`.
    fn scenario(moments: &[&[(&str, &str)]]) -> Scenario {
        let mut nodes = String::new();
        for (m, answers) in moments.iter().enumerate() {
            let choices: Vec<String> = answers
                .iter()
                .enumerate()
                .map(|(c, (level, says))| {
                    format!(
                        r#"Choice(id: "c{c}", says: "{says}", target: "end", quality: {level})"#
                    )
                })
                .collect();
            nodes.push_str(&format!(
                r#"Node(id: "m{m}", text: "Hello.", choices: [{}]),"#,
                choices.join(", ")
            ));
        }
        let text = format!(
            r#"Scenario(id: "s", title: "S", version: "1", difficulty: Beginner, estimated_minutes: 1,
                start: "m0", acts: [Act(id: "a", title: "A", clock_start: "09:00", nodes: [{nodes}
                Node(id: "end", ending: Ending(kind: Held, title: "End"))])])"#
        );
        load_str("s.scenario.ron", text, LoadOptions::default())
            .scenario
            .expect("the test scenario parses")
    }

    #[test]
    fn a_top_answer_longer_than_every_other_option_is_the_longest() {
        let s = scenario(&[
            &[("Skilled", "a b c d"), ("Costly", "a b")],
            &[("Skilled", "a b"), ("Costly", "a b c d")],
            &[("Skilled", "a b"), ("Costly", "a b")],
            &[("GoodEnough", "a b c"), ("Costly", "a")],
        ]);
        let figures = cue_figures(&s);
        assert_eq!(figures.moments, 4);
        assert_eq!(
            figures.length_moments, 2,
            "equal lengths and no top answer do not count"
        );
        assert_eq!(figures.top_is_longest, vec!["m0"]);
        assert!((figures.longest_share() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_tie_between_a_top_answer_and_another_is_not_a_length_cue() {
        let s = scenario(&[&[
            ("Skilled", "a b c"),
            ("Costly", "d e f"),
            ("GoodEnough", "g"),
        ]]);
        assert_eq!(top_is_longest(s.nodes().next().unwrap()), Some(false));
    }

    #[test]
    fn the_second_longest_option_is_counted_too() {
        let s = scenario(&[
            &[
                ("Costly", "a b c d e"),
                ("Skilled", "a b c"),
                ("GoodEnough", "a"),
            ],
            &[
                ("Costly", "a b c d e"),
                ("Skilled", "a b c"),
                ("Costly", "a"),
            ],
            &[
                ("Costly", "a b c d e"),
                ("GoodEnough", "a b c"),
                ("Skilled", "a"),
            ],
            &[
                ("Costly", "a b c d e"),
                ("Skilled", "a b c"),
                ("Skilled", "d e f"),
            ],
        ]);
        let figures = cue_figures(&s);
        assert!(figures.top_is_longest.is_empty());
        let second = &figures.ranks[0];
        assert_eq!((second.rank, second.moments), ("second-longest", 4));
        assert!((second.share() - 0.75).abs() < 1e-9, "{second:?}");
        let shortest = &figures.ranks[2];
        assert_eq!(shortest.rank, "shortest");
        assert!((shortest.top - 2.0).abs() < 1e-9, "{shortest:?}");
    }

    #[test]
    fn an_answer_written_twice_under_conditions_counts_once() {
        let s = scenario(&[&[
            ("Skilled", "a b c d"),
            ("Skilled", "a b c d"),
            ("Costly", "a b"),
        ]]);
        let figures = cue_figures(&s);
        assert!((figures.options_per_moment - 2.0).abs() < 1e-9);
        assert_eq!(figures.two_good, 0, "one good answer, written twice");
    }

    #[test]
    fn moments_with_two_good_answers_are_counted() {
        let s = scenario(&[
            &[("Skilled", "a"), ("GoodEnough", "b"), ("Costly", "c")],
            &[("Skilled", "a"), ("Costly", "b")],
        ]);
        let figures = cue_figures(&s);
        assert_eq!(figures.two_good, 1);
        assert!((figures.options_per_moment - 2.5).abs() < 1e-9);
        assert_eq!(figures.mean_words[&Quality::Skilled], 1.0);
    }

    #[test]
    fn a_word_only_top_answers_use_is_a_phrase_cue() {
        let s = scenario(&[
            &[("Skilled", "I'm glad you came"), ("Costly", "Book a time")],
            &[("Skilled", "So glad to see you"), ("Costly", "Please wait")],
            &[("Skilled", "Glad, truly"), ("Costly", "Not now")],
            &[("Skilled", "Come in"), ("Costly", "Later, maybe")],
        ]);
        let cues = phrase_cues(&s);
        assert_eq!(cues.len(), 1, "{cues:?}");
        assert_eq!(cues[0].phrase, "glad");
        assert_eq!((cues[0].in_top, cues[0].top), (3, 4));
    }

    #[test]
    fn a_word_the_other_answers_use_too_is_no_cue() {
        let s = scenario(&[
            &[
                ("Skilled", "glad you came"),
                ("Costly", "glad, but book a time"),
            ],
            &[("Skilled", "glad to see you"), ("Costly", "Please wait")],
            &[("Skilled", "glad, truly"), ("Costly", "Not now")],
        ]);
        assert!(phrase_cues(&s).is_empty());
    }

    #[test]
    fn stop_words_are_never_cues() {
        let has = |text: &str, phrase: &str| phrases(text, STOP_WORDS).iter().any(|p| p == phrase);
        assert!(!has("I think that you are", "that"));
        assert!(has("that came out wrong", "came out"));
        assert!(has("It’s good", "good"));
        let spanish = phrases("Creo que esta semana está bien", stop_words("es"));
        assert!(
            !spanish.iter().any(|p| p == "esta" || p == "que"),
            "{spanish:?}"
        );
        assert!(spanish.iter().any(|p| p == "semana"), "{spanish:?}");
    }
}
