//! Taxes: optional PPN on sales, and the PPh Final estimate for UMKM turnover.

use serde::{Deserialize, Serialize};

use super::language::Language;
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

/// Who pays the stall's PPh Final: a person (*orang pribadi*), whose first
/// Rp500 juta of a year's turnover is not taxed, or a *badan* (CV, firma,
/// koperasi), which pays from the first rupiah (PP 55/2022).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Taxpayer {
    #[default]
    OrangPribadi,
    Badan,
}

impl Taxpayer {
    pub fn key(self) -> &'static str {
        match self {
            Taxpayer::OrangPribadi => "orang_pribadi",
            Taxpayer::Badan => "badan",
        }
    }

    pub fn from_key(key: &str) -> Option<Taxpayer> {
        match key {
            "orang_pribadi" => Some(Taxpayer::OrangPribadi),
            "badan" => Some(Taxpayer::Badan),
            _ => None,
        }
    }
}

/// The PPh Final rule for UMKM (PP 55/2022): a rate on gross turnover, with the
/// first part of a year's turnover free for an orang pribadi. All are settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PphFinalRule {
    /// `50` is 0,5%.
    pub rate_hundredths: u32,
    /// Turnover per calendar year that is free of the tax (orang pribadi).
    pub yearly_free_turnover: Rupiah,
    pub taxpayer: Taxpayer,
}

impl Default for PphFinalRule {
    fn default() -> Self {
        PphFinalRule {
            rate_hundredths: 50,
            yearly_free_turnover: Rupiah::new(500_000_000),
            taxpayer: Taxpayer::OrangPribadi,
        }
    }
}

impl PphFinalRule {
    /// The tax owed on `turnover` earned in a period, given the year's turnover
    /// before that period (which uses up the free part first).
    pub fn estimate(self, turnover_before: Rupiah, turnover: Rupiah) -> Result<Rupiah, MoneyError> {
        let free_left = self
            .free_turnover()
            .checked_sub(turnover_before)?
            .max(Rupiah::ZERO);
        let taxable = turnover.checked_sub(free_left)?.max(Rupiah::ZERO);
        taxable.ratio(i64::from(self.rate_hundredths), 10_000)
    }

    /// The turnover of a year not taxed: none for a badan.
    pub fn free_turnover(self) -> Rupiah {
        match self.taxpayer {
            Taxpayer::OrangPribadi => self.yearly_free_turnover,
            Taxpayer::Badan => Rupiah::ZERO,
        }
    }

    /// What the estimate is, said where it is shown (paper and screen):
    /// "estimasi PPh Final 0,5% dari omzet bruto (PP 55/2022)", and for an
    /// orang pribadi the turnover of the year that is not taxed.
    pub fn wording(self, language: Language) -> String {
        let whole = self.rate_hundredths / 100;
        let part = format!("{:02}", self.rate_hundredths % 100);
        let part = part.trim_end_matches('0');
        let rate = match (part.is_empty(), language) {
            (true, _) => whole.to_string(),
            (false, Language::Id) => format!("{whole},{part}"),
            (false, Language::En) => format!("{whole}.{part}"),
        };
        let free = self.free_turnover();
        match (language, self.taxpayer) {
            (Language::Id, Taxpayer::OrangPribadi) => format!(
                "estimasi PPh Final {rate}% dari omzet bruto (PP 55/2022); \
                 orang pribadi: omzet {free} pertama setahun tidak dikenai pajak"
            ),
            (Language::Id, Taxpayer::Badan) => format!(
                "estimasi PPh Final {rate}% dari omzet bruto (PP 55/2022); \
                 badan: tanpa batas omzet bebas pajak"
            ),
            (Language::En, Taxpayer::OrangPribadi) => format!(
                "estimated PPh Final {rate}% of gross turnover (PP 55/2022); \
                 individual: the first {free} of a year's turnover is not taxed"
            ),
            (Language::En, Taxpayer::Badan) => format!(
                "estimated PPh Final {rate}% of gross turnover (PP 55/2022); \
                 company: no tax-free turnover"
            ),
        }
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

    #[test]
    fn a_badan_pays_from_the_first_rupiah() {
        let badan = PphFinalRule {
            taxpayer: Taxpayer::Badan,
            ..PphFinalRule::default()
        };
        // 0,5% of 50 juta, with only 100 juta earned before in the year.
        assert_eq!(
            badan.estimate(Rupiah::new(100_000_000), Rupiah::new(50_000_000)),
            Ok(Rupiah::new(250_000))
        );
        assert_eq!(badan.free_turnover(), Rupiah::ZERO);
    }

    #[test]
    fn the_wording_names_rate_base_regulation_and_threshold() {
        let person = PphFinalRule::default();
        let id = person.wording(Language::Id);
        assert!(
            id.starts_with("estimasi PPh Final 0,5% dari omzet bruto (PP 55/2022)"),
            "{id}"
        );
        assert!(id.contains("Rp500.000.000"), "{id}");
        let en = person.wording(Language::En);
        assert!(en.contains("0.5% of gross turnover"), "{en}");
        let badan = PphFinalRule {
            taxpayer: Taxpayer::Badan,
            ..person
        };
        assert!(!badan.wording(Language::Id).contains("Rp500"));
        assert_eq!(Taxpayer::from_key("badan"), Some(Taxpayer::Badan));
        assert_eq!(Taxpayer::from_key("pt"), None);
    }
}
