//! The time of day, with `SENTRA_NOW` to fix it for tests and demos.

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, UtcOffset};

/// The variable that fixes the clock (RFC 3339, e.g. `2026-11-27T10:15:00+07:00`).
pub const NOW_VARIABLE: &str = "SENTRA_NOW";

/// Why the fixed clock could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SENTRA_NOW bukan waktu RFC 3339 (contoh 2026-11-27T10:15:00+07:00): \"{0}\"")]
pub struct ClockError(String);

/// Now: the fixed time from `SENTRA_NOW` if set, else the system clock.
pub fn now() -> Result<OffsetDateTime, ClockError> {
    match std::env::var(NOW_VARIABLE) {
        Ok(text) if !text.trim().is_empty() => fixed(&text),
        _ => Ok(OffsetDateTime::now_utc()),
    }
}

/// A fixed time as `SENTRA_NOW` gives it.
pub fn fixed(text: &str) -> Result<OffsetDateTime, ClockError> {
    OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|_| ClockError(text.to_string()))
}

/// WIB, Western Indonesia Time: where Lampung is.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// The business day that `at` falls on, at the stall's offset.
pub fn business_day(at: OffsetDateTime, offset: UtcOffset) -> Date {
    at.to_offset(offset).date()
}

/// `at` as stored in the book: RFC 3339 at the stall's offset.
pub fn stamp(at: OffsetDateTime, offset: UtcOffset) -> String {
    at.to_offset(offset)
        .replace_nanosecond(0)
        .unwrap_or(at)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// Reads a time written by [`stamp`].
pub fn parse_stamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// Reads a business day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_day_follows_wib_not_utc() {
        // 18:30 UTC is already 01:30 the next morning in Lampung.
        let late = datetime!(2026-11-26 18:30 UTC);
        assert_eq!(business_day(late, WIB), date!(2026 - 11 - 27));
        assert_eq!(stamp(late, WIB), "2026-11-27T01:30:00+07:00");
        assert_eq!(parse_stamp("2026-11-27T01:30:00+07:00"), Some(late));
    }
}
