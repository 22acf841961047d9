//! The bounds on every amount and quantity, in one place: the till, the
//! command line, a CSV import and the office's import all refuse the same
//! figures, and no sum of bounded figures can overflow a report.
//!
//! Chosen far above anything a stall sells (a tapis cloth is a few million
//! rupiah) and far below `i64::MAX`: a day of a centre of a thousand stalls,
//! each selling a hundred thousand sales at the largest total, still sums to
//! under 10^18.

use crate::money::{Quantity, Rupiah};

/// The largest unit price: Rp1.000.000.000.
pub const MAX_UNIT_PRICE: Rupiah = Rupiah::new(1_000_000_000);
/// The largest quantity on one line: 100.000 units (kg, m, pcs …).
pub const MAX_QUANTITY: Quantity = Quantity::from_milli(100_000 * Quantity::SCALE);
/// The largest total of one sale, one line, one payment or one refund:
/// Rp10.000.000.000.
pub const MAX_AMOUNT: Rupiah = Rupiah::new(10_000_000_000);
/// The most lines one sale may carry.
pub const MAX_LINES: usize = 500;
/// The most payments one sale may carry.
pub const MAX_PAYMENTS: usize = 8;
/// The longest free text on a record (a void's reason, a note, a reference).
pub const MAX_NOTE_CHARS: usize = 200;
/// The most copies of one product's label in one print: a sheet-and-a-bit
/// of the smallest labels times a hundred.
pub const MAX_LABEL_COPIES: u32 = 1_000;
/// The most labels in one PDF (250 A4 sheets of 40).
pub const MAX_LABELS: usize = 10_000;

/// The largest sequence number a stall's record may carry: a thousand
/// records a day for well over a thousand years, and far enough below
/// `i64::MAX` that counting past it never overflows.
pub const MAX_SEQ: i64 = 1_000_000_000;

/// Why a figure is outside its bounds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("harga {0} di luar batas (lebih dari nol, paling besar Rp1.000.000.000)")]
    Price(Rupiah),
    #[error("kuantitas {0} di luar batas (lebih dari nol, paling banyak 100.000)")]
    Quantity(Quantity),
    #[error("jumlah {0} di luar batas (tidak negatif, paling besar Rp10.000.000.000)")]
    Amount(Rupiah),
    #[error("paling banyak {MAX_LINES} baris dalam satu nota")]
    Lines,
}

/// A unit price a product may carry.
pub fn check_price(price: Rupiah) -> Result<(), LimitError> {
    if price.is_positive() && price <= MAX_UNIT_PRICE {
        Ok(())
    } else {
        Err(LimitError::Price(price))
    }
}

/// A quantity a line may carry (a stray barcode scan into a quantity field
/// is far above it).
pub fn check_quantity(quantity: Quantity) -> Result<(), LimitError> {
    if quantity.is_positive() && quantity <= MAX_QUANTITY {
        Ok(())
    } else {
        Err(LimitError::Quantity(quantity))
    }
}

/// An amount of money a record may carry: a total, a payment, a refund.
pub fn check_amount(amount: Rupiah) -> Result<(), LimitError> {
    if !amount.is_negative() && amount <= MAX_AMOUNT {
        Ok(())
    } else {
        Err(LimitError::Amount(amount))
    }
}

/// Text a person reads on screen or paper: not empty, at most `max`
/// characters, and no control or invisible formatting characters (a
/// zero-width space makes `ST07` and `ST07\u{200B}` look alike).
pub fn is_printable(text: &str, max: usize) -> bool {
    let trimmed = text.trim();
    !trimmed.is_empty() && trimmed.chars().count() <= max && !trimmed.chars().any(is_hidden)
}

/// Optional text: empty is fine, otherwise as [`is_printable`].
pub fn is_printable_or_empty(text: &str, max: usize) -> bool {
    text.is_empty() || is_printable(text, max)
}

/// Control characters, the invisible format characters that make two
/// different strings print the same, and the line and paragraph separators
/// (U+2028, U+2029) that break a name across lines.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
            // Tag characters and the variation selectors' supplement: invisible,
            // they hide text inside a name that looks like another.
            | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_at_their_edges() {
        assert!(check_price(MAX_UNIT_PRICE).is_ok());
        assert!(check_price(Rupiah::new(MAX_UNIT_PRICE.value() + 1)).is_err());
        assert!(check_price(Rupiah::ZERO).is_err());
        assert!(check_quantity(MAX_QUANTITY).is_ok());
        assert!(check_quantity(Quantity::from_milli(28_994_507_000_392_000)).is_err());
        assert!(check_quantity(Quantity::ZERO).is_err());
        assert!(check_amount(Rupiah::ZERO).is_ok());
        assert!(check_amount(Rupiah::new(-1)).is_err());
        // The largest line fits under the largest amount: price × quantity.
        assert_eq!(
            MAX_UNIT_PRICE.times(MAX_QUANTITY).unwrap(),
            Rupiah::new(100_000_000_000_000)
        );
    }

    #[test]
    fn hidden_characters_are_not_printable() {
        assert!(is_printable("Tapis Indah", 80));
        assert!(!is_printable("ST07\u{200B}", 80));
        assert!(!is_printable("a\0b", 80));
        // "Kopi" with the invisible tag letters of "A" after it.
        assert!(!is_printable("Kopi\u{E0041}", 80));
        assert!(!is_printable("Kopi\u{E0100}", 80));
        assert!(!is_printable(&"x".repeat(81), 80));
        assert!(is_printable_or_empty("", 10));
    }
}
