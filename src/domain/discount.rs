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

/// The discount in a priced cart that only the manager may give: a line
/// discounted by more than `limit` percent of its gross, or the sale's
/// discounts together more than `limit` percent of its subtotal. `names`
/// are the lines' product names, in order. The first such discount found
/// is named; none found, no PIN is needed.
pub fn needs_approval(
    priced: &crate::domain::cart::PricedCart,
    names: &[&str],
    limit: u32,
) -> Option<crate::domain::pin::Approval> {
    let wide = |amount: Rupiah| i128::from(amount.value());
    let over = |discount: i128, base: i128| -> Option<u32> {
        // Compared exactly (discount × 100 against limit × base); the
        // percent shown is rounded up, so it never reads as the limit.
        (base > 0 && discount * 100 > i128::from(limit) * base)
            .then(|| ((discount * 100 + base - 1) / base).min(100) as u32)
    };
    for (line, name) in priced.lines.iter().zip(names) {
        if let Some(percent) = over(wide(line.line_discount), wide(line.gross)) {
            return Some(crate::domain::pin::Approval::Discount {
                what: name.to_string(),
                percent,
                limit,
            });
        }
    }
    // Summed wide: an overflow can never read as "no PIN needed".
    let all = wide(priced.line_discounts) + wide(priced.sale_discount);
    over(all, wide(priced.subtotal)).map(|percent| crate::domain::pin::Approval::Discount {
        what: "seluruh nota".into(),
        percent,
        limit,
    })
}

#[cfg(test)]
mod approval_tests {
    use super::*;
    use crate::domain::cart::{CartLine, price_cart};
    use crate::domain::tax::TaxRule;
    use crate::money::Quantity;

    fn priced(
        discounts: &[Option<Discount>],
        sale: Option<Discount>,
    ) -> crate::domain::cart::PricedCart {
        let lines: Vec<CartLine> = discounts
            .iter()
            .map(|discount| CartLine {
                unit_price: Rupiah::new(10_000),
                quantity: Quantity::ONE,
                discount: *discount,
            })
            .collect();
        price_cart(&lines, sale, TaxRule::default()).unwrap()
    }

    #[test]
    fn up_to_the_limit_is_the_vendors_above_it_the_managers() {
        let half = Discount::parse("50%").unwrap();
        let names = ["Keripik", "Kopi"];
        assert_eq!(
            needs_approval(&priced(&[Some(half), None], None), &names, 50),
            None
        );
        let more = Discount::parse("5001").unwrap();
        match needs_approval(&priced(&[None, Some(more)], None), &names, 50) {
            Some(crate::domain::pin::Approval::Discount {
                what,
                percent,
                limit,
            }) => {
                assert_eq!((what.as_str(), percent, limit), ("Kopi", 51, 50));
            }
            other => panic!("{other:?}"),
        }
        let free = Discount::parse("100%").unwrap();
        assert!(needs_approval(&priced(&[Some(free)], None), &names, 50).is_some());
        // Small line discounts and a sale discount that together pass it.
        let tenth = Discount::parse("40%").unwrap();
        let sale = Discount::parse("3000").unwrap();
        match needs_approval(&priced(&[Some(tenth), Some(tenth)], Some(sale)), &names, 50) {
            Some(crate::domain::pin::Approval::Discount { what, percent, .. }) => {
                assert_eq!((what.as_str(), percent), ("seluruh nota", 55));
            }
            other => panic!("{other:?}"),
        }
        // A limit of 100 never asks.
        assert_eq!(
            needs_approval(&priced(&[Some(free)], None), &names, 100),
            None
        );
    }
}
