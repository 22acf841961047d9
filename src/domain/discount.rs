//! Discounts (*diskon*), per line or per sale, as an amount or a percentage.

use std::fmt;

use crate::money::{MoneyError, Rupiah};

/// Why a discount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscountError {
    #[error("diskon persen harus antara 0% dan 100%: \"{0}\"")]
    PercentRange(String),
    #[error("diskon persen paling banyak dua angka desimal: \"{0}\"")]
    PercentShape(String),
    #[error(transparent)]
    Amount(#[from] MoneyError),
}

/// A discount as the vendor gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Discount {
    /// So many rupiah off.
    Amount(Rupiah),
    /// A percentage, in hundredths of a percent (`1250` is 12,5%).
    Percent(u32),
}

impl Discount {
    /// Hundredths of a percent in a whole.
    pub const FULL: u32 = 10_000;

    /// Reads `5000`, `Rp5.000`, `10%` or `12,5%`.
    pub fn parse(text: &str) -> Result<Discount, DiscountError> {
        let trimmed = text.trim();
        let Some(percent) = trimmed.strip_suffix('%') else {
            return Ok(Discount::Amount(Rupiah::parse(trimmed)?));
        };
        let percent = percent.trim();
        let (whole, fraction) = percent.split_once(['.', ',']).unwrap_or((percent, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) || fraction.len() > 2 {
            return Err(DiscountError::PercentShape(text.to_string()));
        }
        let whole: u32 = whole
            .parse()
            .map_err(|_| DiscountError::PercentRange(text.to_string()))?;
        let fraction: u32 = format!("{fraction:0<2}").parse().unwrap_or(0);
        let hundredths = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(fraction))
            .filter(|h| *h <= Self::FULL)
            .ok_or_else(|| DiscountError::PercentRange(text.to_string()))?;
        Ok(Discount::Percent(hundredths))
    }

    /// The rupiah this discount takes off `base` (percentages round half up).
    pub fn amount_of(self, base: Rupiah) -> Result<Rupiah, MoneyError> {
        match self {
            Discount::Amount(amount) => Ok(amount),
            Discount::Percent(hundredths) => {
                base.ratio(i64::from(hundredths), i64::from(Self::FULL))
            }
        }
    }
}

impl fmt::Display for Discount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Discount::Amount(amount) => write!(f, "{amount}"),
            Discount::Percent(h) if h % 100 == 0 => write!(f, "{}%", h / 100),
            Discount::Percent(h) => {
                let fraction = format!("{:02}", h % 100);
                write!(f, "{},{}%", h / 100, fraction.trim_end_matches('0'))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_and_percentages() {
        assert_eq!(
            Discount::parse("5000"),
            Ok(Discount::Amount(Rupiah::new(5_000)))
        );
        assert_eq!(
            Discount::parse("Rp5.000"),
            Ok(Discount::Amount(Rupiah::new(5_000)))
        );
        assert_eq!(Discount::parse("10%"), Ok(Discount::Percent(1_000)));
        assert_eq!(Discount::parse("12,5%"), Ok(Discount::Percent(1_250)));
        assert_eq!(Discount::parse("0.25%"), Ok(Discount::Percent(25)));
        assert_eq!(Discount::parse("100%"), Ok(Discount::Percent(10_000)));
    }

    #[test]
    fn refuses_nonsense() {
        assert!(matches!(
            Discount::parse("101%"),
            Err(DiscountError::PercentRange(_))
        ));
        assert!(matches!(
            Discount::parse("99999999999%"),
            Err(DiscountError::PercentRange(_))
        ));
        assert!(matches!(
            Discount::parse("-5%"),
            Err(DiscountError::PercentShape(_))
        ));
        assert!(matches!(
            Discount::parse("1.234%"),
            Err(DiscountError::PercentShape(_))
        ));
        assert!(matches!(
            Discount::parse("%"),
            Err(DiscountError::PercentShape(_))
        ));
        assert!(matches!(
            Discount::parse("-500"),
            Err(DiscountError::Amount(_))
        ));
    }

    #[test]
    fn takes_the_right_amount_off() {
        let base = Rupiah::new(33_333);
        assert_eq!(
            Discount::Percent(1_000).amount_of(base),
            Ok(Rupiah::new(3_333))
        );
        assert_eq!(
            Discount::Percent(1_500).amount_of(base),
            Ok(Rupiah::new(5_000))
        );
        assert_eq!(
            Discount::Amount(Rupiah::new(7)).amount_of(base),
            Ok(Rupiah::new(7))
        );
        assert_eq!(Discount::Percent(1_250).to_string(), "12,5%");
    }
}
