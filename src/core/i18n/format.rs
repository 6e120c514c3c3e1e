//! Numbers, shares and dates as the current language writes them: "1.5" and
//! "1,5"; "2 Dec 2026" and "2 dic 2026".

use super::{Language, language};

/// A number with `places` decimals, with the language's decimal separator:
/// "1.5" in English, "1,5" in Spanish.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match language() {
        Language::English => text,
        Language::Spanish => text.replace('.', ","),
    }
}

/// A share as a whole percentage: "33 %" (both languages put a space before
/// the sign).
pub fn percent(share: f64) -> String {
    crate::tr!("percent", value = format!("{:.0}", share * 100.0))
}

/// A date: "2 Dec 2026", "2 dic 2026".
pub fn date_in_words(date: time::Date) -> String {
    crate::tr!(
        "date",
        day = date.day(),
        month = u8::from(date.month()),
        year = date.year().to_string()
    )
}

/// A moment in UTC, as seconds since 1970: "2 Dec 2026, 14:05 UTC".
pub fn unix_time_in_words(seconds: u64) -> String {
    let moment = i64::try_from(seconds)
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    crate::tr!(
        "date-time-utc",
        date = date_in_words(moment.date()),
        time = format!("{:02}:{:02}", moment.hour(), moment.minute())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::in_language;

    #[test]
    fn decimals_take_the_languages_separator() {
        assert_eq!(in_language(Language::English, || decimal(1.5, 1)), "1.5");
        assert_eq!(in_language(Language::Spanish, || decimal(1.5, 1)), "1,5");
        assert_eq!(
            in_language(Language::Spanish, || decimal(-0.25, 2)),
            "-0,25"
        );
    }

    #[test]
    fn shares_are_whole_percentages() {
        assert_eq!(
            in_language(Language::English, || percent(1.0 / 3.0)),
            "33 %"
        );
        assert_eq!(in_language(Language::Spanish, || percent(0.5)), "50 %");
    }

    #[test]
    fn dates_name_the_month_in_the_language() {
        let date = time::Date::from_calendar_date(2026, time::Month::December, 2).unwrap();
        assert_eq!(
            in_language(Language::English, || date_in_words(date)),
            "2 Dec 2026"
        );
        assert_eq!(
            in_language(Language::Spanish, || date_in_words(date)),
            "2 dic 2026"
        );
        // 2026-12-02 14:05 UTC.
        let seconds = 1_796_220_300;
        assert_eq!(
            in_language(Language::Spanish, || unix_time_in_words(seconds)),
            "2 dic 2026, 14:05 UTC"
        );
    }
}
