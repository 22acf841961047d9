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

/// A short check value of a sale (8 hex digits of a SHA-256 over its number,
/// total and time), printed on the receipt so a copy can be checked against
/// the book.
pub fn check_value(receipt: &str, total: i64, created_at: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{receipt}|{total}|{created_at}").as_bytes());
    digest[..4].iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_check_value_follows_the_sale() {
        let check = check_value("ST07-20261127-0001", 55_000, "2026-11-27T10:15:00+07:00");
        assert_eq!(check.len(), 8);
        assert_ne!(
            check,
            check_value("ST07-20261127-0001", 55_001, "2026-11-27T10:15:00+07:00")
        );
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
