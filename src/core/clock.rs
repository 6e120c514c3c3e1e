//! Times of day on the scenario clock, written "HH:MM".
//!
//! The scenario file's times are read into [`ClockTime`] as the file is parsed,
//! so a malformed time is reported where it is written and the engine works
//! with minutes only.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// Minutes in a day; an act's day runs from its start to midnight.
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// Parses "HH:MM" (24-hour clock, 00:00 to 23:59) into minutes after midnight.
fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || !hours.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !two_digits(minutes) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// Formats minutes after midnight as "HH:MM"; later days wrap around.
pub fn format_clock(minutes: u32) -> String {
    let minutes = minutes % MINUTES_PER_DAY;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// What a time of day must look like, as said when one does not: the loader
/// recognises this to give the error its own code.
pub const EXPECTED_TIME: &str = "a time such as \"14:45\"";

/// A time of day on the scenario clock, 00:00 to 23:59. Read from and written
/// as "HH:MM" (the hour may have one digit), shown as "HH:MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u32);

impl ClockTime {
    /// Minutes after midnight.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// The time this many minutes after midnight, wrapping past midnight.
    pub const fn from_minutes(minutes: u32) -> Self {
        Self(minutes % MINUTES_PER_DAY)
    }
}

/// Why a text is not a time of day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotATime(pub String);

impl fmt::Display for NotATime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a time of day; expected {EXPECTED_TIME}",
            self.0
        )
    }
}

impl std::error::Error for NotATime {}

impl FromStr for ClockTime {
    type Err = NotATime;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_clock(text)
            .map(Self)
            .ok_or_else(|| NotATime(text.to_owned()))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| de::Error::invalid_value(de::Unexpected::Str(&text), &EXPECTED_TIME))
    }
}

/// The seconds since the Unix epoch now (0 if the system clock is before it).
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A Unix time as "2026-11-28 07:53 UTC" (the number itself if out of range).
pub fn format_unix_utc(seconds: u64) -> String {
    let format =
        time::format_description::parse_borrowed::<2>("[year]-[month]-[day] [hour]:[minute] UTC")
            .expect("a valid format description");
    i64::try_from(seconds)
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| seconds.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_times() {
        assert_eq!(parse_clock("00:00"), Some(0));
        assert_eq!(parse_clock("9:05"), Some(545));
        assert_eq!(parse_clock("14:45"), Some(885));
        assert_eq!(parse_clock("23:59"), Some(1439));
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in [
            "24:00", "12:60", "12", "12:5", "ab:cd", "-1:00", "", "123:00", "12:00pm",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_clock_time_reads_and_writes_hh_mm() {
        let time: ClockTime = serde_json::from_str(r#""9:05""#).unwrap();
        assert_eq!(time.minutes(), 545);
        assert_eq!(time.to_string(), "09:05");
        assert_eq!(serde_json::to_string(&time).unwrap(), r#""09:05""#);
        assert_eq!(
            "14:45".parse::<ClockTime>().map(ClockTime::minutes),
            Ok(885)
        );
    }

    #[test]
    fn a_malformed_clock_time_says_what_a_time_looks_like() {
        let error = serde_json::from_str::<ClockTime>(r#""25:00""#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(r#"expected a time such as "14:45""#),
            "{error}"
        );
        let error = "quarter to three".parse::<ClockTime>().unwrap_err();
        assert_eq!(
            error.to_string(),
            r#""quarter to three" is not a time of day; expected a time such as "14:45""#
        );
    }

    #[test]
    fn formats_round_trip() {
        for minutes in [0, 59, 60, 885, 1439] {
            assert_eq!(parse_clock(&format_clock(minutes)), Some(minutes));
        }
        assert_eq!(format_clock(MINUTES_PER_DAY + 5), "00:05");
    }
}
