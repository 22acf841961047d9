//! Receipt numbers: `CODE-YYYYMMDD-NNNN`, the stall's code, the business day and
//! the sale's place in that day.

use time::Date;

/// Builds the number printed on the *struk*.
pub fn receipt_number(stall_code: &str, day: Date, number_in_day: u32) -> String {
    format!(
        "{stall_code}-{:04}{:02}{:02}-{number_in_day:04}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// The business day (`YYYY-MM-DD`) a receipt number names, if it is one.
pub fn receipt_day(receipt: &str) -> Option<String> {
    let mut parts = receipt.rsplitn(3, '-');
    let (number, day, code) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if code.is_empty() || !digits(number) || day.len() != 8 || !digits(day) {
        return None;
    }
    Some(format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_day_is_read_back_from_the_number() {
        let number = receipt_number("ST07", date!(2026 - 03 - 05), 7);
        assert_eq!(receipt_day(&number).as_deref(), Some("2026-03-05"));
        assert_eq!(receipt_day("ST07-2026035-0007"), None);
        assert_eq!(receipt_day("ST07-20260305"), None);
    }

    #[test]
    fn pads_the_day_and_the_count() {
        assert_eq!(
            receipt_number("ST07", date!(2026 - 03 - 05), 7),
            "ST07-20260305-0007"
        );
        assert_eq!(
            receipt_number("ST07", date!(2026 - 12 - 31), 12_345),
            "ST07-20261231-12345"
        );
    }
}
