//! Times of day on the scenario clock, written "HH:MM".

/// Minutes in a day; an act's day runs from its start to midnight.
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// Parses "HH:MM" (24-hour clock, 00:00 to 23:59) into minutes after midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
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
    fn formats_round_trip() {
        for minutes in [0, 59, 60, 885, 1439] {
            assert_eq!(parse_clock(&format_clock(minutes)), Some(minutes));
        }
        assert_eq!(format_clock(MINUTES_PER_DAY + 5), "00:05");
    }
}
