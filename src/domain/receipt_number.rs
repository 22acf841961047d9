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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

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
