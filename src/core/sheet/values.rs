//! The values a cell holds, written as words and read back: effects
//! (`connection +1, distance -2`), levels, ruptures, endings, speakers, time
//! limits, minutes and tags. Reading is forgiving where a spreadsheet or a word
//! processor gets in the way (any case, a decimal comma, a typographic minus);
//! each refusal says what to write instead.

use std::collections::BTreeMap;

use crate::core::dimensions::DimensionSet;
use crate::core::i18n::{Language, in_language};
use crate::core::model::{EndingKind, Quality, RuptureEffect, RuptureKind, Scenario};
use crate::core::suggest::did_you_mean;

/// Why a cell could not be read: what is wrong, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CellError {
    pub(super) message: String,
    pub(super) help: Option<String>,
}

impl CellError {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// A cell's text as it is read: surrounding spaces dropped and Windows line
/// breaks inside the cell made plain ones.
pub(super) fn tidy(cell: &str) -> String {
    cell.trim().replace("\r\n", "\n")
}

/// Reads a time limit in seconds: `75`, `7.5` or `7,5`; blank for none.
pub(super) fn read_seconds(cell: &str) -> Result<Option<f64>, CellError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let number = cell.replace(',', ".");
    match number.parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 => Ok(Some(seconds)),
        Ok(_) => Err(CellError::new(
            format!("\"{cell}\" is not a time limit"),
            "write a number of seconds above 0, or leave the cell blank for no limit",
        )),
        Err(_) => {
            let digits: String = cell
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect();
            let example = if digits.is_empty() { "45" } else { &digits };
            Err(CellError::new(
                format!("\"{cell}\" is not a number of seconds"),
                format!("write the number alone, such as {example}"),
            ))
        }
    }
}

/// Reads a whole number of minutes; blank is 0.
pub(super) fn read_minutes(cell: &str) -> Result<u32, CellError> {
    if cell.is_empty() {
        return Ok(0);
    }
    cell.parse::<u32>().map_err(|_| {
        CellError::new(
            format!("\"{cell}\" is not a number of minutes"),
            "write a whole number of minutes, such as 2, or leave the cell blank for 0",
        )
    })
}

/// Effects in words: `connection +1, distance -2`.
pub(super) fn effects_text(effects: &BTreeMap<String, i32>) -> String {
    effects
        .iter()
        .map(|(dimension, change)| format!("{dimension} {change:+}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads effects written as `connection +1, distance -2` (also `connection: 1`,
/// `distance=-2`, a typographic minus, or `;` between them). A dimension may be
/// named by its id or its label.
pub(super) fn read_effects(
    cell: &str,
    dimensions: &DimensionSet,
) -> Result<BTreeMap<String, i32>, CellError> {
    let mut effects = BTreeMap::new();
    for item in cell.split([',', ';']).map(str::trim) {
        if item.is_empty() {
            continue;
        }
        let (name, change) = split_change(item);
        let Some(change) = change else {
            return Err(CellError::new(
                format!("\"{item}\" says no change"),
                "write each dimension with a number, such as connection +1, distance -2",
            ));
        };
        if name.is_empty() {
            return Err(CellError::new(
                format!("\"{item}\" names no dimension"),
                "write each dimension with a number, such as connection +1, distance -2",
            ));
        }
        let id = dimension_id(name, dimensions)?;
        if effects.insert(id.clone(), change).is_some() {
            return Err(CellError::new(
                format!("\"{id}\" is changed twice"),
                "write each dimension once",
            ));
        }
    }
    Ok(effects)
}

/// Splits `connection +1` into the name and the change, if there is a number at
/// the end.
fn split_change(item: &str) -> (&str, Option<i32>) {
    let digits_start = item
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    let Some(digits_start) = digits_start else {
        return (item, None);
    };
    let digits = &item[digits_start..];
    let before = item[..digits_start].trim_end();
    let (before, negative) = match before.chars().last() {
        Some(sign @ ('-' | '−' | '–' | '+')) => {
            (&before[..before.len() - sign.len_utf8()], sign != '+')
        }
        _ => (before, false),
    };
    let name = before.trim_end().trim_end_matches([':', '=']).trim_end();
    let change = digits
        .parse::<i32>()
        .ok()
        .map(|n| if negative { -n } else { n });
    (name, change)
}

fn dimension_id(name: &str, dimensions: &DimensionSet) -> Result<String, CellError> {
    let found = dimensions
        .iter()
        .find(|d| d.id == name)
        .or_else(|| dimensions.iter().find(|d| d.id.eq_ignore_ascii_case(name)))
        .or_else(|| {
            dimensions
                .iter()
                .find(|d| d.label.eq_ignore_ascii_case(name))
        });
    match found {
        Some(dimension) => Ok(dimension.id.clone()),
        None => {
            let known: Vec<&str> = dimensions.ids().collect();
            let help = did_you_mean(name, known.iter().copied())
                .unwrap_or_else(|| format!("the dimensions are {}", known.join(", ")));
            Err(CellError::new(
                format!("\"{name}\" is not a dimension"),
                help,
            ))
        }
    }
}

/// A level in the words of the scenario format: Skilled, Good enough, Costly.
pub(super) fn quality_text(quality: Quality) -> &'static str {
    match quality {
        Quality::Skilled => "Skilled",
        Quality::GoodEnough => "Good enough",
        Quality::Costly => "Costly",
    }
}

/// Words of the interface in English, which the spreadsheet is written in
/// whatever language the interface speaks.
pub(super) fn english(words: impl FnOnce() -> String) -> String {
    in_language(Language::English, words)
}

/// Reads a level (any case; "GoodEnough" and "shows the skill well" too);
/// blank for none.
pub(super) fn read_quality(cell: &str) -> Result<Option<Quality>, CellError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let squeezed = squeeze(cell);
    [Quality::Skilled, Quality::GoodEnough, Quality::Costly]
        .into_iter()
        .find(|q| {
            squeeze(quality_text(*q)) == squeezed || squeeze(&english(|| q.label())) == squeezed
        })
        .map(Some)
        .ok_or_else(|| {
            CellError::new(
                format!("\"{cell}\" is not a level"),
                "write Skilled, Good enough or Costly, or leave the cell blank",
            )
        })
}

/// A rupture effect in words: "Opens withdrawal", "Opens confrontation", "Repairs".
pub(super) fn rupture_text(rupture: RuptureEffect) -> String {
    match rupture {
        RuptureEffect::Opens(kind) => format!("Opens {}", english(|| kind.label()).to_lowercase()),
        RuptureEffect::Repairs => "Repairs".to_owned(),
    }
}

/// Reads a rupture effect ("opens withdrawal", "Opens(Confrontation)",
/// "withdrawal", "repairs"); blank for none.
pub(super) fn read_rupture(cell: &str) -> Result<Option<RuptureEffect>, CellError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let squeezed = squeeze(cell);
    let kind = |name: &str| match name {
        "withdrawal" => Some(RuptureKind::Withdrawal),
        "confrontation" => Some(RuptureKind::Confrontation),
        _ => None,
    };
    let effect = match squeezed.as_str() {
        "repairs" | "repair" => Some(RuptureEffect::Repairs),
        other => kind(other.strip_prefix("opens").unwrap_or(other)).map(RuptureEffect::Opens),
    };
    effect.map(Some).ok_or_else(|| {
        CellError::new(
            format!("\"{cell}\" is not a rupture"),
            "write Opens withdrawal, Opens confrontation or Repairs, or leave the cell blank",
        )
    })
}

/// Reads an ending kind by its label (Held, Repaired, Unresolved, Rupture
/// deepened) or its name in the format; blank for none.
pub(super) fn read_ending_kind(cell: &str) -> Result<Option<EndingKind>, CellError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let squeezed = squeeze(cell);
    let kinds = [
        EndingKind::Held,
        EndingKind::Repaired,
        EndingKind::Unresolved,
        EndingKind::Deepened,
    ];
    let format_name = |kind: EndingKind| match kind {
        EndingKind::Held => "held",
        EndingKind::Repaired => "repaired",
        EndingKind::Unresolved => "unresolved",
        EndingKind::Deepened => "deepened",
    };
    kinds
        .into_iter()
        .find(|k| squeeze(&english(|| k.label())) == squeezed || format_name(*k) == squeezed)
        .map(Some)
        .ok_or_else(|| {
            CellError::new(
                format!("\"{cell}\" is not a kind of ending"),
                "write Held, Repaired, Unresolved or Rupture deepened; leave it blank for a moment that is not an ending",
            )
        })
}

/// Tags in words: `FIS:warmth, FIS:alliance-bond`.
pub(super) fn tags_text(tags: &[String]) -> String {
    tags.join(", ")
}

/// Reads tags separated by commas.
pub(super) fn read_tags(cell: &str) -> Vec<String> {
    cell.split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Who speaks, in the sheet: the character's name when it names them alone,
/// else the id as written.
pub(super) fn speaker_text(scenario: &Scenario, speaker: Option<&str>) -> String {
    let Some(id) = speaker else {
        return String::new();
    };
    match scenario.character(id) {
        Some(character) if names_one(scenario, &character.name) => character.name.clone(),
        _ => id.to_owned(),
    }
}

/// Whether `name` reads back as one character alone: no other character has
/// it as name or id.
fn names_one(scenario: &Scenario, name: &str) -> bool {
    scenario
        .characters
        .iter()
        .filter(|c| c.name.eq_ignore_ascii_case(name) || c.id.eq_ignore_ascii_case(name))
        .count()
        == 1
}

/// Reads who speaks, by character id or name (any case); blank for narration
/// alone.
pub(super) fn read_speaker(cell: &str, scenario: &Scenario) -> Result<Option<String>, CellError> {
    if cell.is_empty() {
        return Ok(None);
    }
    let characters = &scenario.characters;
    let found = characters
        .iter()
        .find(|c| c.id == cell)
        .or_else(|| {
            characters
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(cell) && names_one(scenario, &c.name))
        })
        .or_else(|| characters.iter().find(|c| c.id.eq_ignore_ascii_case(cell)));
    match found {
        Some(character) => Ok(Some(character.id.clone())),
        None => {
            let names = characters
                .iter()
                .flat_map(|c| [c.name.as_str(), c.id.as_str()]);
            let listed: Vec<&str> = characters.iter().map(|c| c.name.as_str()).collect();
            let help = did_you_mean(cell, names).unwrap_or_else(|| {
                format!(
                    "the characters are {}; add new ones to the scenario file",
                    listed.join(", ")
                )
            });
            Err(CellError::new(
                format!("\"{cell}\" is not a character of this scenario"),
                help,
            ))
        }
    }
}

/// Lower case without spaces, dashes, underscores or brackets, for reading
/// words written loosely.
fn squeeze(words: &str) -> String {
    words
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An id made from words (see [`crate::core::editor::id_from_words`]), and
/// not one of `taken` (a number is added when it is).
pub(super) fn id_from_words(words: &str, fallback: &str, taken: &dyn Fn(&str) -> bool) -> String {
    crate::core::editor::unique_id(&crate::core::editor::id_from_words(words, fallback), taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, parse};
    use crate::core::shipped::SHIPPED_SCENARIOS;

    fn drop_in() -> Scenario {
        let text = SHIPPED_SCENARIOS
            .iter()
            .find(|(name, _)| name.starts_with("drop-in"))
            .expect("the drop-in ships")
            .1;
        parse(text, LoadOptions::default()).expect("it parses")
    }

    #[test]
    fn effects_read_back_as_written_and_loosely() {
        let scenario = drop_in();
        let dimensions = DimensionSet::for_scenario(&scenario);
        let effects: BTreeMap<String, i32> =
            [("connection".to_owned(), 1), ("distance".to_owned(), -2)].into();
        assert_eq!(effects_text(&effects), "connection +1, distance -2");
        for written in [
            "connection +1, distance -2",
            "Connection: 1; distance = −2",
            "connection+1,distance-2,",
            "Connection 1, Distance – 2",
        ] {
            assert_eq!(
                read_effects(written, &dimensions).as_ref(),
                Ok(&effects),
                "{written}"
            );
        }
        assert_eq!(
            read_effects("Promises past the frame +1", &dimensions),
            Ok([("promised".to_owned(), 1)].into())
        );
    }

    #[test]
    fn effects_that_cannot_be_read_say_why() {
        let dimensions = DimensionSet::for_scenario(&drop_in());
        let error = read_effects("conection +1", &dimensions).unwrap_err();
        assert_eq!(error.message, "\"conection\" is not a dimension");
        assert_eq!(error.help.as_deref(), Some("did you mean \"connection\"?"));
        let error = read_effects("connection up", &dimensions).unwrap_err();
        assert_eq!(error.message, "\"connection up\" says no change");
        let error = read_effects("+2", &dimensions).unwrap_err();
        assert_eq!(error.message, "\"+2\" names no dimension");
        let error = read_effects("frame +1, frame -1", &dimensions).unwrap_err();
        assert_eq!(error.message, "\"frame\" is changed twice");
    }

    #[test]
    fn levels_ruptures_and_endings_read_their_own_words() {
        for quality in [Quality::Skilled, Quality::GoodEnough, Quality::Costly] {
            assert_eq!(read_quality(quality_text(quality)), Ok(Some(quality)));
        }
        assert_eq!(read_quality("goodenough"), Ok(Some(Quality::GoodEnough)));
        assert_eq!(
            read_quality("Shows the skill well"),
            Ok(Some(Quality::Skilled))
        );
        assert!(read_quality("great").is_err());
        for rupture in [
            RuptureEffect::Opens(RuptureKind::Withdrawal),
            RuptureEffect::Opens(RuptureKind::Confrontation),
            RuptureEffect::Repairs,
        ] {
            assert_eq!(read_rupture(&rupture_text(rupture)), Ok(Some(rupture)));
        }
        assert_eq!(
            read_rupture("Opens(Confrontation)"),
            Ok(Some(RuptureEffect::Opens(RuptureKind::Confrontation)))
        );
        assert!(read_rupture("closes").is_err());
        for kind in [
            EndingKind::Held,
            EndingKind::Repaired,
            EndingKind::Unresolved,
            EndingKind::Deepened,
        ] {
            assert_eq!(read_ending_kind(&kind.label()), Ok(Some(kind)));
        }
        assert_eq!(read_ending_kind("deepened"), Ok(Some(EndingKind::Deepened)));
        assert!(read_ending_kind("happy").is_err());
    }

    #[test]
    fn speakers_are_written_by_name_and_read_by_name_or_id() {
        let scenario = drop_in();
        assert_eq!(speaker_text(&scenario, Some("okafor")), "Dr. Okafor");
        assert_eq!(speaker_text(&scenario, None), "");
        for written in ["Dr. Okafor", "dr. okafor", "okafor"] {
            assert_eq!(
                read_speaker(written, &scenario),
                Ok(Some("okafor".to_owned()))
            );
        }
        let error = read_speaker("Teo", &scenario).unwrap_err();
        assert_eq!(error.help.as_deref(), Some("did you mean \"Theo\"?"));
    }

    #[test]
    fn time_limits_and_minutes_say_what_to_write() {
        assert_eq!(read_seconds("75"), Ok(Some(75.0)));
        assert_eq!(read_seconds("7,5"), Ok(Some(7.5)));
        let error = read_seconds("30s").unwrap_err();
        assert_eq!(
            error.help.as_deref(),
            Some("write the number alone, such as 30")
        );
        assert!(read_seconds("0").is_err());
        assert_eq!(read_minutes(""), Ok(0));
        assert!(read_minutes("1.5").is_err());
    }

    #[test]
    fn ids_are_made_from_the_first_words_and_kept_unique() {
        let none = |_: &str| false;
        assert_eq!(
            id_from_words("Theo! It's good to see you.", "answer", &none),
            "theo_its_good_to"
        );
        assert_eq!(id_from_words("¿Lucía?", "answer", &none), "lucia");
        assert_eq!(id_from_words("...", "answer", &none), "answer");
        let taken = |id: &str| id == "ask" || id == "ask_2";
        assert_eq!(id_from_words("Ask", "answer", &taken), "ask_3");
    }
}
