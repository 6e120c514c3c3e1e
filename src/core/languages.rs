//! The languages a scenario can be written in, by ISO 639-1 code, and the
//! grouping of each scenario with its translations, for the library.

use super::model::Scenario;

/// Codes and names (in the language itself, as a speaker looks for it) of the
/// languages a scenario may declare. Others are accepted with a warning.
const LANGUAGES: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("eu", "Euskara"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("gl", "Galego"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hu", "Magyar"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nb", "Norsk bokmål"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sv", "Svenska"),
    ("sw", "Kiswahili"),
    ("th", "ไทย"),
    ("tl", "Tagalog"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// The name of the language with this code, in that language ("Español"), or
/// none for a code Doorway does not know.
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, name)| *name)
}

/// The id of the scenario `scenario` is a version of: its own, or for a
/// translation the id of the scenario it translates.
pub fn original_id(scenario: &Scenario) -> &str {
    scenario
        .translation
        .as_ref()
        .map_or(scenario.id.as_str(), |t| t.of.as_str())
}

/// `scenario` and every loaded version of it in another language: the
/// original first (when loaded), then the translations in the order given.
pub fn versions_of<'a>(scenario: &Scenario, loaded: &[&'a Scenario]) -> Vec<&'a Scenario> {
    let original = original_id(scenario);
    let mut versions: Vec<&Scenario> = loaded
        .iter()
        .copied()
        .filter(|other| original_id(other) == original)
        .collect();
    versions.sort_by_key(|version| version.translation.is_some());
    versions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::fixture;
    use crate::core::model::{Review, Translation};

    fn translation(of: &Scenario, language: &str) -> Scenario {
        Scenario {
            id: format!("{}.{language}", of.id),
            language: language.to_owned(),
            translation: Some(Translation {
                of: of.id.clone(),
                review: Review::MachineAssisted,
                acts: None,
                note: String::new(),
            }),
            ..of.clone()
        }
    }

    #[test]
    fn a_scenario_and_its_translations_are_grouped_original_first() {
        let original = fixture("two-acts").scenario().clone();
        let other = Scenario {
            id: "other".into(),
            ..original.clone()
        };
        let spanish = translation(&original, "es");
        let loaded = [&spanish, &other, &original];
        let ids = |versions: Vec<&Scenario>| -> Vec<String> {
            versions.iter().map(|s| s.id.clone()).collect()
        };
        assert_eq!(
            ids(versions_of(&spanish, &loaded)),
            ["two-acts", "two-acts.es"]
        );
        assert_eq!(
            ids(versions_of(&original, &loaded)),
            ["two-acts", "two-acts.es"]
        );
        assert_eq!(ids(versions_of(&other, &loaded)), ["other"]);
    }

    #[test]
    fn languages_are_named_in_their_own_words() {
        assert_eq!(language_name("es"), Some("Español"));
        assert_eq!(language_name("xx"), None);
    }
}
