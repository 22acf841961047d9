//! *Retribusi*: the fee a centre collects from its stalls, as a share of a
//! day's net takings or as a fixed amount for each day a stall traded.

use crate::money::{MoneyError, Rupiah};

/// The largest share: 100%.
pub const MAX_PERCENT_HUNDREDTHS: u32 = 10_000;

/// How the fee is worked out for one stall's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeRule {
    /// A share of the day's net takings, in hundredths of a percent (`200` is 2%).
    Percent(u32),
    /// A fixed amount for each day the stall traded.
    Daily(Rupiah),
}

/// Why a fee rule or a payment is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("persen retribusi harus 0 sampai 100, paling banyak dua angka desimal: \"{0}\"")]
    Percent(String),
    #[error("retribusi harian {0} di luar batas (0 sampai Rp10.000.000.000)")]
    Daily(Rupiah),
    #[error("pembayaran retribusi {0} harus lebih dari nol dan paling besar Rp10.000.000.000")]
    Payment(Rupiah),
    #[error("cara bayar retribusi \"{0}\" tidak dikenal (cash atau transfer)")]
    Method(String),
    #[error("referensi pembayaran terlalu panjang atau berisi karakter tersembunyi")]
    Reference,
    #[error(
        "pembayaran yang sama sudah dicatat hari ini ({number}); bila toko memang membayar dua kali, ulangi dengan --again"
    )]
    Twice { number: String },
}

impl FeeRule {
    /// Reads `2`, `2.5` or `2,5` (percent) into a rule.
    pub fn percent(text: &str) -> Result<FeeRule, FeeError> {
        let bad = || FeeError::Percent(text.to_string());
        let text = text.trim().trim_end_matches('%');
        let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || (fraction.len() <= 2 && digits(fraction))) {
            return Err(bad());
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        let hundredths = whole * 100 + fraction;
        if hundredths > MAX_PERCENT_HUNDREDTHS {
            return Err(bad());
        }
        Ok(FeeRule::Percent(hundredths))
    }

    /// A fixed daily amount.
    pub fn daily(amount: Rupiah) -> Result<FeeRule, FeeError> {
        super::limits::check_amount(amount).map_err(|_| FeeError::Daily(amount))?;
        Ok(FeeRule::Daily(amount))
    }

    /// The fee for a day with `takings` (net sales less refunds). A day whose
    /// refunds exceed its sales owes nothing, not a negative fee.
    pub fn owed(self, takings: Rupiah) -> Result<Rupiah, MoneyError> {
        match self {
            FeeRule::Percent(hundredths) => {
                if takings.is_positive() {
                    takings.ratio(i64::from(hundredths), 10_000)
                } else {
                    Ok(Rupiah::ZERO)
                }
            }
            FeeRule::Daily(amount) => Ok(amount),
        }
    }

    /// `2%` or `Rp5.000/hari`, for people.
    pub fn describe(self) -> String {
        match self {
            FeeRule::Percent(h) if h % 100 == 0 => format!("{}% dari penjualan bersih", h / 100),
            FeeRule::Percent(h) => format!("{},{:02}% dari penjualan bersih", h / 100, h % 100),
            FeeRule::Daily(amount) => format!("{amount} per hari berjualan"),
        }
    }
}

/// A fee payment's amount: more than nothing, within the bounds.
pub fn check_payment(amount: Rupiah) -> Result<(), FeeError> {
    if amount.is_positive() && super::limits::check_amount(amount).is_ok() {
        Ok(())
    } else {
        Err(FeeError::Payment(amount))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up_and_never_go_negative() {
        let two = FeeRule::percent("2").unwrap();
        assert_eq!(two, FeeRule::Percent(200));
        assert_eq!(two.owed(Rupiah::new(87_525)).unwrap(), Rupiah::new(1_751));
        assert_eq!(two.owed(Rupiah::new(-5_000)).unwrap(), Rupiah::ZERO);
        assert_eq!(FeeRule::percent("2,5").unwrap(), FeeRule::Percent(250));
        for bad in ["", "abc", "101", "-1", "1.234", "1e2", "2.5.1"] {
            assert!(FeeRule::percent(bad).is_err(), "{bad}");
        }
        assert_eq!(
            FeeRule::daily(Rupiah::new(5_000))
                .unwrap()
                .owed(Rupiah::ZERO)
                .unwrap(),
            Rupiah::new(5_000)
        );
        assert!(check_payment(Rupiah::ZERO).is_err());
    }
}
