//! Taxes: optional PPN on sales, and the PPh Final estimate for UMKM turnover.

use serde::{Deserialize, Serialize};

use crate::money::{MoneyError, Rupiah};

/// Whether prices carry PPN (VAT). Most stalls are not VAT-registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxMode {
    /// Not a PKP: no tax line at all.
    #[default]
    None,
    /// Prices already include PPN; the receipt shows the part that is tax.
    Inclusive,
    /// PPN is added on top of the prices.
    Exclusive,
}

impl TaxMode {
    pub fn key(self) -> &'static str {
        match self {
            TaxMode::None => "none",
            TaxMode::Inclusive => "inclusive",
            TaxMode::Exclusive => "exclusive",
        }
    }

    pub fn from_key(key: &str) -> Option<TaxMode> {
        match key {
            "none" => Some(TaxMode::None),
            "inclusive" => Some(TaxMode::Inclusive),
            "exclusive" => Some(TaxMode::Exclusive),
            _ => None,
        }
    }
}

/// The stall's PPN setting: mode and rate in hundredths of a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRule {
    pub mode: TaxMode,
    /// `1100` is 11%, the effective PPN rate today.
    pub rate_hundredths: u32,
}

impl Default for TaxRule {
    fn default() -> Self {
        TaxRule {
            mode: TaxMode::None,
            rate_hundredths: 1_100,
        }
    }
}

/// Tax on an amount after discounts, and what the buyer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taxed {
    pub tax: Rupiah,
    pub total: Rupiah,
}

impl TaxRule {
    /// Applies the rule to the net of a sale.
    pub fn apply(self, net: Rupiah) -> Result<Taxed, MoneyError> {
        let rate = i64::from(self.rate_hundredths);
        match self.mode {
            TaxMode::None => Ok(Taxed {
                tax: Rupiah::ZERO,
                total: net,
            }),
            TaxMode::Exclusive => {
                let tax = net.ratio(rate, 10_000)?;
                Ok(Taxed {
                    tax,
                    total: net.checked_add(tax)?,
                })
            }
            TaxMode::Inclusive => {
                let tax = net.ratio(rate, 10_000 + rate)?;
                Ok(Taxed { tax, total: net })
            }
        }
    }
}

/// The PPh Final rule for UMKM (PP 55/2022): a rate on gross turnover, with the
/// first part of a year's turnover free for individuals. Both are settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PphFinalRule {
    /// `50` is 0,5%.
    pub rate_hundredths: u32,
    /// Turnover per calendar year that is free of the tax.
    pub yearly_free_turnover: Rupiah,
}

impl Default for PphFinalRule {
    fn default() -> Self {
        PphFinalRule {
            rate_hundredths: 50,
            yearly_free_turnover: Rupiah::new(500_000_000),
        }
    }
}

impl PphFinalRule {
    /// The tax owed on `turnover` earned in a period, given the year's turnover
    /// before that period (which uses up the free part first).
    pub fn estimate(self, turnover_before: Rupiah, turnover: Rupiah) -> Result<Rupiah, MoneyError> {
        let free_left = self
            .yearly_free_turnover
            .checked_sub(turnover_before)?
            .max(Rupiah::ZERO);
        let taxable = turnover.checked_sub(free_left)?.max(Rupiah::ZERO);
        taxable.ratio(i64::from(self.rate_hundredths), 10_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(mode: TaxMode) -> TaxRule {
        TaxRule {
            mode,
            rate_hundredths: 1_100,
        }
    }

    #[test]
    fn no_tax_by_default() {
        let taxed = TaxRule::default().apply(Rupiah::new(100_000)).unwrap();
        assert_eq!(
            taxed,
            Taxed {
                tax: Rupiah::ZERO,
                total: Rupiah::new(100_000)
            }
        );
    }

    #[test]
    fn exclusive_adds_inclusive_extracts() {
        let ex = rule(TaxMode::Exclusive)
            .apply(Rupiah::new(100_000))
            .unwrap();
        assert_eq!(
            ex,
            Taxed {
                tax: Rupiah::new(11_000),
                total: Rupiah::new(111_000)
            }
        );
        let inc = rule(TaxMode::Inclusive)
            .apply(Rupiah::new(111_000))
            .unwrap();
        assert_eq!(
            inc,
            Taxed {
                tax: Rupiah::new(11_000),
                total: Rupiah::new(111_000)
            }
        );
        // 10.000 × 11/111 = 990,99… → 991.
        let odd = rule(TaxMode::Inclusive).apply(Rupiah::new(10_000)).unwrap();
        assert_eq!(odd.tax, Rupiah::new(991));
    }

    #[test]
    fn pph_final_spares_the_free_part_of_the_year() {
        let pph = PphFinalRule::default();
        // Still under Rp500 juta for the year: nothing.
        assert_eq!(
            pph.estimate(Rupiah::new(100_000_000), Rupiah::new(50_000_000)),
            Ok(Rupiah::ZERO)
        );
        // Crossing it: only the part above is taxed. 0,5% of 20 juta = 100.000.
        assert_eq!(
            pph.estimate(Rupiah::new(480_000_000), Rupiah::new(40_000_000)),
            Ok(Rupiah::new(100_000))
        );
        // Past it: all of the period.
        assert_eq!(
            pph.estimate(Rupiah::new(600_000_000), Rupiah::new(10_000_000)),
            Ok(Rupiah::new(50_000))
        );
    }
}
