//! The interface's languages: every sentence a front end shows comes from the
//! Fluent files in `assets/i18n/<code>/`, embedded in the binary so that it runs
//! from any folder.
//!
//! The language is process-wide: the app sets it at start-up and whenever
//! Settings changes it, the command line from `--language`. Call sites then stay
//! short: `tr!("pause-heading")`, `tr!("attempts", count = 2)`. A thread may
//! render in another language for a while with [`in_language`] (tests do, so that
//! tests running side by side do not change each other's words).

mod format;
mod language;

use std::cell::Cell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue;

pub use format::{date_in_words, decimal, percent, unix_time_in_words};
pub use language::{LANGUAGE_VARIABLE, Language};

/// The Fluent files of one language, in the order they are added to its bundle.
fn sources(language: Language) -> [&'static str; 2] {
    match language {
        Language::English => [
            include_str!("../../../assets/i18n/en/core.ftl"),
            include_str!("../../../assets/i18n/en/app.ftl"),
        ],
        Language::Spanish => [
            include_str!("../../../assets/i18n/es/core.ftl"),
            include_str!("../../../assets/i18n/es/app.ftl"),
        ],
    }
}

/// A language's messages, parsed once.
fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
    // The isolation marks Fluent puts around arguments show as boxes in egui.
    bundle.set_use_isolating(false);
    for source in sources(language) {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", language.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{}: {errors:?}", language.code()));
    }
    bundle
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| Language::ALL.map(bundle));

/// The process-wide language, as [`Language::index`].
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language this thread renders in for a while, over the process-wide one.
    static OVERRIDE: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of the interface for the whole process.
pub fn set_language(language: Language) {
    CURRENT.store(language.index() as u8, Ordering::Relaxed);
}

/// The language the interface speaks now on this thread.
pub fn language() -> Language {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        Language::ALL
            .get(usize::from(CURRENT.load(Ordering::Relaxed)))
            .copied()
            .unwrap_or_default()
    })
}

/// Runs `work` with this thread speaking `language`, whatever the process-wide
/// language is, and returns its result.
pub fn in_language<T>(language: Language, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|cell| cell.replace(Some(language))));
    work()
}

/// A message in the current language, with its arguments. A message missing
/// from the files is shown as its id (the tests check that none is missing).
pub fn message(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(language(), id, args).unwrap_or_else(|_| id.to_owned())
}

/// Why a message could not be worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// No message has this id.
    Missing(String),
    /// The message is there but Fluent reported errors while formatting it
    /// (such as an argument it uses that was not given).
    Format(String, String),
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LookupError::Missing(id) => write!(f, "no message \"{id}\""),
            LookupError::Format(id, errors) => write!(f, "message \"{id}\": {errors}"),
        }
    }
}

/// A message in the given language, or why it could not be worded.
pub fn message_in(
    language: Language,
    id: &str,
    args: &[(&str, FluentValue<'_>)],
) -> Result<String, LookupError> {
    let bundle = &BUNDLES[language.index()];
    let pattern = bundle
        .get_message(id)
        .and_then(|message| message.value())
        .ok_or_else(|| LookupError::Missing(id.to_owned()))?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        Err(LookupError::Format(id.to_owned(), errors.join("; ")))
    }
}

/// A message of the interface in the current language:
/// `tr!("pause-heading")`, `tr!("attempts", count = 2, title = "The drop-in")`.
/// Each argument is anything Fluent takes as a value (text or a number).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::core::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::i18n::message(
            $id,
            &[$((stringify!($name), $crate::core::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
