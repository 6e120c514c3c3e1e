//! The languages the interface speaks, and which one the system asks for.

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// The environment variable that chooses the interface's language for one
/// run, of the app or of a command.
pub const LANGUAGE_VARIABLE: &str = "DOORWAY_LANGUAGE";

/// A language of the interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    Spanish,
}

impl Language {
    /// Every language, in the order Settings offers them.
    pub const ALL: [Language; 2] = [Language::English, Language::Spanish];

    /// The language's code, as in `assets/i18n/<code>/` and `--language`: "es".
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a speaker looks for it: "Español".
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
        }
    }

    /// The language of a code ("es") or a locale ("es_ES.UTF-8", "es-MX"),
    /// if it is one the interface speaks.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let code = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language the system asks for (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`, as POSIX orders them), or English when it asks for none the
    /// interface speaks.
    pub fn system() -> Language {
        Self::from_environment(|name| std::env::var(name).ok())
    }

    /// The language the locale variables ask for, read with `var`.
    fn from_environment(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .and_then(|locale| Self::from_locale(&locale))
            .unwrap_or_default()
    }

    /// The language `DOORWAY_LANGUAGE` asks for ("es", "en"), over the setting
    /// and the system's; an error names a value that is no language Doorway
    /// speaks.
    pub fn from_doorway_variable() -> Result<Option<Language>, String> {
        match std::env::var(LANGUAGE_VARIABLE) {
            Ok(value) if !value.is_empty() => {
                Self::from_locale(&value).map(Some).ok_or_else(|| {
                    let codes: Vec<&str> = Self::ALL.iter().map(|l| l.code()).collect();
                    format!(
                        "{LANGUAGE_VARIABLE}={value} is not a language Doorway speaks ({})",
                        codes.join(", ")
                    )
                })
            }
            _ => Ok(None),
        }
    }

    /// The language's identifier, for Fluent's plural rules.
    pub(super) fn identifier(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("every language's code is a valid identifier")
    }

    /// The language's place in [`Language::ALL`].
    pub(super) fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Spanish => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_its_language_by_its_first_part() {
        assert_eq!(
            Language::from_locale("es_ES.UTF-8"),
            Some(Language::Spanish)
        );
        assert_eq!(Language::from_locale("es-MX"), Some(Language::Spanish));
        assert_eq!(Language::from_locale("en_GB"), Some(Language::English));
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), None);
        assert_eq!(Language::from_locale("C"), None);
    }

    #[test]
    fn the_system_language_follows_the_first_locale_variable_set() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Language::from_environment(env(&[("LANG", "es_ES.UTF-8")])),
            Language::Spanish
        );
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", "en_US"), ("LANG", "es_ES")])),
            Language::English
        );
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", ""), ("LC_MESSAGES", "es_AR")])),
            Language::Spanish
        );
        assert_eq!(
            Language::from_environment(env(&[("LANG", "de_DE")])),
            Language::English
        );
    }
}
