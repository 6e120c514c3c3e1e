//! The trainee's preferences (accommodations, text size, theme), kept in a file
//! under the user's data folder. The file carries a schema version: older
//! versions are migrated as they are read, and a file from a newer Doorway is
//! left as it is (neither set aside nor overwritten).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::engine::{FeedbackMode, PracticeMode};
use super::files::{set_aside, write_atomically};
use super::i18n::Language;

/// Colour themes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

/// The version of the preferences format written now. Version 0 is a file
/// written before preferences carried a version.
pub const PREFERENCES_SCHEMA: u32 = 1;

/// Everything the trainee can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The format version the preferences were written in.
    pub schema: u32,
    /// Multiplies every time limit, 1 to 10 (WCAG 2.2.1).
    pub time_multiplier: f64,
    /// No time limits at all.
    pub timers_off: bool,
    /// Seconds added each time the trainee asks for more.
    pub extend_seconds: f64,
    /// Text size, 1.0 to 2.0.
    pub text_scale: f32,
    pub theme: Theme,
    /// No animations.
    pub reduced_motion: bool,
    /// Pause a running scenario when the window loses focus.
    pub pause_on_focus_loss: bool,
    /// Show the relational meters during play.
    pub show_meters: bool,
    /// Keys of one character act in play (1 to 9 answer, E more time, S and U
    /// sure or unsure, 0 none close); off for speech input, which may type
    /// them by accident (WCAG 2.1.4). Enter and Esc act either way.
    pub single_key_shortcuts: bool,
    /// The feedback mode a briefing starts with.
    pub feedback: FeedbackMode,
    /// The practice mode last chosen for each scenario, by scenario id.
    pub practice_modes: BTreeMap<String, PracticeMode>,
    /// Ask "sure or unsure?" after each answer.
    pub ask_confidence: bool,
    /// Who xAPI exports name; empty means anonymous.
    pub export_identity: ExportIdentity,
    /// Who the trainee can reach when a scenario stirs something (a supervisor,
    /// a counselling service, a crisis line), shown with the scenario's support.
    pub support_line: String,
    /// The language of the interface; none follows the system's.
    pub language: Option<Language>,
}

/// The learner an xAPI export names. With no email, exports are anonymous: they
/// carry only this installation's random name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportIdentity {
    pub name: String,
    pub email: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            schema: PREFERENCES_SCHEMA,
            time_multiplier: 1.0,
            timers_off: false,
            extend_seconds: 20.0,
            text_scale: 1.0,
            theme: Theme::Light,
            reduced_motion: false,
            pause_on_focus_loss: true,
            show_meters: true,
            single_key_shortcuts: true,
            feedback: FeedbackMode::Immediate,
            export_identity: ExportIdentity::default(),
            support_line: String::new(),
            practice_modes: BTreeMap::new(),
            ask_confidence: false,
            language: None,
        }
    }
}

impl Preferences {
    /// The language the interface speaks: the one chosen, or the system's
    /// (`system`, which front ends read from the environment).
    pub fn interface_language(&self, system: Language) -> Language {
        self.language.unwrap_or(system)
    }

    /// The practice mode last chosen for a scenario (Choose at first).
    pub fn practice_mode(&self, scenario_id: &str) -> PracticeMode {
        self.practice_modes
            .get(scenario_id)
            .copied()
            .unwrap_or_default()
    }
}

impl Preferences {
    /// The preferences with every number brought into its range.
    pub fn sanitised(mut self) -> Self {
        let default = Self::default();
        let clamp = |value: f64, low: f64, high: f64, fallback: f64| {
            if value.is_finite() {
                value.clamp(low, high)
            } else {
                fallback
            }
        };
        self.time_multiplier = clamp(self.time_multiplier, 1.0, 10.0, default.time_multiplier);
        self.extend_seconds = clamp(self.extend_seconds, 5.0, 120.0, default.extend_seconds);
        self.text_scale = clamp(f64::from(self.text_scale), 1.0, 2.0, 1.0) as f32;
        self
    }
}

/// Preferences as loaded, with a note for the user when the file was unusable.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPreferences {
    pub preferences: Preferences,
    /// What went wrong, in words for the user.
    pub notice: Option<String>,
}

/// Where preferences live by default: the user's data folder for Doorway.
pub fn default_preferences_path(data_dir: &Path) -> PathBuf {
    data_dir.join("preferences.ron")
}

/// Reads preferences, migrating an older format. A missing file gives the
/// defaults; a damaged one is set aside (never overwritten) and the defaults
/// are used, with a notice; one from a newer Doorway is left where it is and
/// the defaults are used, with a notice.
pub fn load_preferences(path: &Path) -> LoadedPreferences {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return LoadedPreferences {
                preferences: Preferences::default(),
                notice: None,
            };
        }
        Err(error) => {
            return LoadedPreferences {
                preferences: Preferences::default(),
                notice: Some(format!(
                    "Your preferences at {} could not be read ({error}); the defaults are in use.",
                    path.display()
                )),
            };
        }
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|e| Unreadable::Damaged(e.to_string()))
        .and_then(migrate);
    match parsed {
        Ok(preferences) => LoadedPreferences {
            preferences: preferences.sanitised(),
            notice: None,
        },
        Err(Unreadable::Newer(schema)) => LoadedPreferences {
            preferences: Preferences::default(),
            notice: Some(format!(
                "Your preferences at {} were written by a newer Doorway (format {schema}); \
                 they are left as they are, and the defaults are in use without being saved.",
                path.display()
            )),
        },
        Err(Unreadable::Damaged(error)) => {
            let aside = set_aside(path);
            let kept = match aside {
                Ok(place) => format!("it was kept as {}", place.display()),
                Err(move_error) => format!("it could not be moved aside ({move_error})"),
            };
            LoadedPreferences {
                preferences: Preferences::default(),
                notice: Some(format!(
                    "Your preferences file was damaged ({error}); {kept}, and the defaults are in use."
                )),
            }
        }
    }
}

/// Why a preferences file could not be used.
enum Unreadable {
    /// Broken: it is set aside.
    Damaged(String),
    /// Written in a later format, given here: it is left alone.
    Newer(u32),
}

/// Just the version of a preferences file; a file without one is version 0.
#[derive(Deserialize)]
struct SchemaOnly {
    #[serde(default)]
    schema: u32,
}

fn schema_of(text: &str) -> Result<u32, Unreadable> {
    ron::from_str::<SchemaOnly>(text)
        .map(|found| found.schema)
        .map_err(|e| Unreadable::Damaged(e.to_string()))
}

/// Reads preferences written in any known format, bringing them to the
/// current one.
fn migrate(text: &str) -> Result<Preferences, Unreadable> {
    let parse = |text: &str| {
        ron::from_str::<Preferences>(text).map_err(|e| Unreadable::Damaged(e.to_string()))
    };
    match schema_of(text)? {
        0 => parse(text).map(from_version_0),
        PREFERENCES_SCHEMA => parse(text),
        newer => Err(Unreadable::Newer(newer)),
    }
}

/// Version 0 had the same fields as version 1, without `schema`: migrating
/// records the version and keeps every setting.
fn from_version_0(preferences: Preferences) -> Preferences {
    Preferences {
        schema: 1,
        ..preferences
    }
}

/// Writes preferences atomically, in the current format. A file there from a
/// newer Doorway is not overwritten: that is an error.
pub fn save_preferences(path: &Path, preferences: &Preferences) -> std::io::Result<()> {
    if let Ok(existing) = std::fs::read_to_string(path)
        && let Ok(newer) = schema_of(&existing)
        && newer > PREFERENCES_SCHEMA
    {
        return Err(std::io::Error::other(format!(
            "the file there was written by a newer Doorway (format {newer}) and is left as it is"
        )));
    }
    let preferences = Preferences {
        schema: PREFERENCES_SCHEMA,
        ..preferences.clone()
    };
    let text = ron::ser::to_string_pretty(&preferences, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_gives_the_defaults_quietly() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load_preferences(&dir.path().join("none.ron"));
        assert_eq!(
            loaded,
            LoadedPreferences {
                preferences: Preferences::default(),
                notice: None
            }
        );
    }

    #[test]
    fn preferences_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        let mine = Preferences {
            time_multiplier: 3.0,
            theme: Theme::HighContrast,
            text_scale: 1.5,
            language: Some(Language::Spanish),
            ..Preferences::default()
        };
        save_preferences(&path, &mine).unwrap();
        assert_eq!(load_preferences(&path).preferences, mine);
    }

    #[test]
    fn a_file_without_a_language_follows_the_system() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        std::fs::write(&path, "(schema: 1, time_multiplier: 2.0, theme: Dark)").unwrap();
        let loaded = load_preferences(&path);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.preferences.language, None);
        assert_eq!(loaded.preferences.time_multiplier, 2.0);
        assert_eq!(
            loaded.preferences.interface_language(Language::Spanish),
            Language::Spanish
        );
        let chosen = Preferences {
            language: Some(Language::Spanish),
            ..Preferences::default()
        };
        assert_eq!(
            chosen.interface_language(Language::English),
            Language::Spanish
        );
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        std::fs::write(&path, "(time_multiplier: \"fast\"").unwrap();
        let loaded = load_preferences(&path);
        assert_eq!(loaded.preferences, Preferences::default());
        let notice = loaded.notice.expect("a notice");
        assert!(
            notice.contains("damaged") && notice.contains(".damaged-"),
            "{notice}"
        );
        assert!(!path.exists(), "the damaged file is moved, not overwritten");
        let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(kept.len(), 1);
    }

    /// A file as Doorway wrote it before preferences carried a version.
    const VERSION_0: &str = "(
    time_multiplier: 2.5,
    timers_off: false,
    extend_seconds: 30.0,
    text_scale: 1.25,
    theme: Dark,
    reduced_motion: true,
    pause_on_focus_loss: true,
    show_meters: false,
    feedback: deferred,
    export_identity: (
        name: \"Ana\",
        email: \"\",
    ),
)";

    #[test]
    fn a_file_from_before_versions_is_migrated_keeping_every_setting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        std::fs::write(&path, VERSION_0).unwrap();
        let loaded = load_preferences(&path);
        assert_eq!(loaded.notice, None);
        assert_eq!(
            loaded.preferences,
            Preferences {
                schema: PREFERENCES_SCHEMA,
                time_multiplier: 2.5,
                extend_seconds: 30.0,
                text_scale: 1.25,
                theme: Theme::Dark,
                reduced_motion: true,
                show_meters: false,
                feedback: FeedbackMode::Deferred,
                export_identity: ExportIdentity {
                    name: "Ana".into(),
                    email: String::new(),
                },
                ..Preferences::default()
            }
        );
        save_preferences(&path, &loaded.preferences).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("schema: 1"), "{written}");
        assert_eq!(load_preferences(&path), loaded);
    }

    #[test]
    fn a_file_from_a_newer_version_is_left_alone_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.ron");
        let newer = "(schema: 7, time_multiplier: 3.0, hologram: On)";
        std::fs::write(&path, newer).unwrap();
        let loaded = load_preferences(&path);
        assert_eq!(loaded.preferences, Preferences::default());
        let notice = loaded.notice.expect("a notice");
        assert!(notice.contains("newer Doorway"), "{notice}");
        let error = save_preferences(&path, &Preferences::default()).unwrap_err();
        assert!(error.to_string().contains("newer Doorway"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing set aside"
        );
    }

    #[test]
    fn out_of_range_values_are_brought_into_range() {
        let wild = Preferences {
            time_multiplier: 40.0,
            text_scale: 9.0,
            extend_seconds: f64::NAN,
            ..Preferences::default()
        };
        let sane = wild.sanitised();
        assert_eq!(
            (sane.time_multiplier, sane.text_scale, sane.extend_seconds),
            (10.0, 2.0, 20.0)
        );
    }
}
