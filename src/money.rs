//! Rupiah and quantities: whole-rupiah money and three-decimal quantities, both
//! stored as integers so no sale is ever off by a float's rounding.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why an amount or a quantity could not be read or computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("jumlah uang tidak terbaca: \"{0}\" (contoh: 15000, 15.000 atau Rp15.000)")]
    BadAmount(String),
    #[error("jumlah uang tidak boleh negatif: \"{0}\"")]
    NegativeAmount(String),
    #[error("jumlah terlalu besar (melewati batas perhitungan)")]
    Overflow,
    #[error("kuantitas tidak terbaca: \"{0}\" (contoh: 2, 1,5 atau 0.25)")]
    BadQuantity(String),
    #[error("kuantitas paling banyak tiga angka desimal: \"{0}\"")]
    TooManyDecimals(String),
}

/// An amount of money in whole rupiah. Indonesian retail has no sub-rupiah unit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(i64);

impl Rupiah {
    /// Nothing.
    pub const ZERO: Rupiah = Rupiah(0);

    /// An amount of `value` whole rupiah.
    pub const fn new(value: i64) -> Self {
        Rupiah(value)
    }

    /// The amount as a plain integer of rupiah.
    pub const fn value(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn checked_add(self, other: Rupiah) -> Result<Rupiah, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Rupiah)
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_sub(self, other: Rupiah) -> Result<Rupiah, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Rupiah)
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_neg(self) -> Result<Rupiah, MoneyError> {
        self.0.checked_neg().map(Rupiah).ok_or(MoneyError::Overflow)
    }

    /// Adds up amounts, failing on overflow rather than wrapping.
    pub fn sum<I: IntoIterator<Item = Rupiah>>(amounts: I) -> Result<Rupiah, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Rupiah::ZERO, |acc, amount| acc.checked_add(amount))
    }

    /// Price × quantity, rounded half up to the whole rupiah.
    pub fn times(self, quantity: Quantity) -> Result<Rupiah, MoneyError> {
        let exact = i128::from(self.0) * i128::from(quantity.milli());
        rupiah_from_i128(div_round_half_up(exact, i128::from(Quantity::SCALE)))
    }

    /// `numerator / denominator` of this amount, rounded half up (for percentages
    /// and tax portions). `denominator` must be positive.
    pub fn ratio(self, numerator: i64, denominator: i64) -> Result<Rupiah, MoneyError> {
        let exact = i128::from(self.0) * i128::from(numerator);
        rupiah_from_i128(div_round_half_up(exact, i128::from(denominator)))
    }

    /// This amount shared out in proportion to `weights` (each at least 0),
    /// rounded so the shares add up to it exactly: a return's money over the
    /// lines that came back. All shares are zero when the weights are.
    pub fn spread(self, weights: &[i64]) -> Vec<Rupiah> {
        let whole: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        if whole <= 0 {
            return vec![Rupiah::ZERO; weights.len()];
        }
        let upto = |part: i128| div_round_half_up(i128::from(self.0) * part, whole);
        let mut before = 0;
        let mut so_far = 0i128;
        weights
            .iter()
            .map(|w| {
                so_far += i128::from(*w);
                let reached = upto(so_far);
                let share = reached - before;
                before = reached;
                // Within self: each share is between 0 and the amount.
                Rupiah(share as i64)
            })
            .collect()
    }

    /// Reads an amount as a person types it: `15000`, `15.000`, `Rp15.000`,
    /// `Rp 15.000`. Anything else, including decimals and negatives, is refused.
    pub fn parse(text: &str) -> Result<Rupiah, MoneyError> {
        let bad = || MoneyError::BadAmount(text.to_string());
        let trimmed = text.trim();
        let unsigned = trimmed.strip_prefix('-').map(str::trim_start);
        let body = unsigned.unwrap_or(trimmed);
        let body = body
            .strip_prefix("Rp")
            .or_else(|| body.strip_prefix("rp"))
            .or_else(|| body.strip_prefix("RP"))
            .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
            .unwrap_or(body);
        let digits = ungroup(body).ok_or_else(bad)?;
        if unsigned.is_some() {
            return Err(MoneyError::NegativeAmount(text.to_string()));
        }
        digits
            .parse::<i64>()
            .map(Rupiah)
            .map_err(|_| MoneyError::Overflow)
    }
}

/// Strips the thousands dots from `15.000` or accepts plain `15000`; `None`
/// when the text is not a whole number written either way.
fn ungroup(body: &str) -> Option<String> {
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if !body.contains('.') {
        return Some(body.to_string());
    }
    let mut groups = body.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

fn div_round_half_up(numerator: i128, denominator: i128) -> i128 {
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    // Half up means away from zero for negatives too, so refunds mirror sales.
    if remainder.abs() * 2 >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

fn rupiah_from_i128(value: i128) -> Result<Rupiah, MoneyError> {
    i64::try_from(value)
        .map(Rupiah)
        .map_err(|_| MoneyError::Overflow)
}

impl fmt::Display for Rupiah {
    /// `Rp15.000`, `-Rp2.500`: period groups, no decimals, no space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}Rp{}", group_thousands(self.0.unsigned_abs()))
    }
}

impl FromStr for Rupiah {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Rupiah::parse(text)
    }
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A quantity with up to three decimals (keripik by the kg, cloth by the
/// metre), kept as thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Quantity(i64);

impl Quantity {
    /// Thousandths per unit.
    pub const SCALE: i64 = 1000;
    pub const ZERO: Quantity = Quantity(0);
    pub const ONE: Quantity = Quantity(Self::SCALE);

    /// A quantity of `milli` thousandths of a unit.
    pub const fn from_milli(milli: i64) -> Self {
        Quantity(milli)
    }

    /// A whole number of units.
    pub fn whole(units: i64) -> Result<Self, MoneyError> {
        units
            .checked_mul(Self::SCALE)
            .map(Quantity)
            .ok_or(MoneyError::Overflow)
    }

    pub const fn milli(self) -> i64 {
        self.0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn checked_add(self, other: Quantity) -> Result<Quantity, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Quantity)
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_sub(self, other: Quantity) -> Result<Quantity, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Quantity)
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_neg(self) -> Result<Quantity, MoneyError> {
        self.0
            .checked_neg()
            .map(Quantity)
            .ok_or(MoneyError::Overflow)
    }

    /// Reads `2`, `1.5`, `1,5` (Indonesian decimal comma) or `-0.25`; at most
    /// three decimals.
    pub fn parse(text: &str) -> Result<Quantity, MoneyError> {
        let bad = || MoneyError::BadQuantity(text.to_string());
        let trimmed = text.trim();
        let (negative, body) = match trimmed.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        let (whole, fraction) = match body.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, fraction),
            None => (body, ""),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || body.ends_with(['.', ','])
        {
            return Err(bad());
        }
        if fraction.len() > 3 {
            return Err(MoneyError::TooManyDecimals(text.to_string()));
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyError::Overflow)?
        };
        let padded = format!("{fraction:0<3}");
        let fraction: i64 = padded.parse().map_err(|_| bad())?;
        let milli = whole
            .checked_mul(Self::SCALE)
            .and_then(|m| m.checked_add(fraction))
            .ok_or(MoneyError::Overflow)?;
        Ok(Quantity(if negative { -milli } else { milli }))
    }

    /// `1.5`, `2`, `0.25`: the machine form, with a point, for JSON and CSV.
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / Self::SCALE as u64;
        let fraction = abs % Self::SCALE as u64;
        if fraction == 0 {
            format!("{sign}{whole}")
        } else {
            let fraction = format!("{fraction:03}");
            format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
        }
    }

    /// The quantity as a JSON-friendly number. Exact for every value a person
    /// can type: thousandths below 2^53 survive the round trip.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }
}

impl fmt::Display for Quantity {
    /// `1,5`: the Indonesian decimal comma, for people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal_string().replace('.', ","))
    }
}

impl FromStr for Quantity {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Quantity::parse(text)
    }
}

impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_spread_adds_up_to_the_amount() {
        let shares = Rupiah::new(10_000).spread(&[1, 1, 1]);
        assert_eq!(shares.iter().map(|r| r.value()).sum::<i64>(), 10_000);
        assert!(shares.iter().all(|r| (3_333..=3_334).contains(&r.value())));
        assert_eq!(
            Rupiah::new(6_000).spread(&[20_000, 10_000]),
            [Rupiah::new(4_000), Rupiah::new(2_000)]
        );
        assert_eq!(Rupiah::new(0).spread(&[5, 7]), [Rupiah::ZERO; 2]);
        assert_eq!(Rupiah::new(9).spread(&[0, 0]), [Rupiah::ZERO; 2]);
    }

    use super::*;

    #[test]
    fn formats_like_an_indonesian_price_tag() {
        assert_eq!(Rupiah::new(15_000).to_string(), "Rp15.000");
        assert_eq!(Rupiah::new(0).to_string(), "Rp0");
        assert_eq!(Rupiah::new(999).to_string(), "Rp999");
        assert_eq!(Rupiah::new(1_250_000).to_string(), "Rp1.250.000");
        assert_eq!(Rupiah::new(-2_500).to_string(), "-Rp2.500");
        assert_eq!(
            Rupiah::new(i64::MIN).to_string(),
            "-Rp9.223.372.036.854.775.808"
        );
    }

    #[test]
    fn parses_the_ways_people_write_amounts() {
        for text in ["15000", "15.000", "Rp15.000", "Rp 15.000", " rp15000 "] {
            assert_eq!(Rupiah::parse(text), Ok(Rupiah::new(15_000)), "{text}");
        }
        assert_eq!(Rupiah::parse("1.250.000"), Ok(Rupiah::new(1_250_000)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for text in [
            "", "Rp", "15,000", "15.00", "1.5", ".500", "15.0000", "abc", "15k", "1..000", "Rp-5",
        ] {
            assert!(
                matches!(Rupiah::parse(text), Err(MoneyError::BadAmount(_))),
                "{text}"
            );
        }
        assert!(matches!(
            Rupiah::parse("-5000"),
            Err(MoneyError::NegativeAmount(_))
        ));
        assert_eq!(
            Rupiah::parse("99999999999999999999"),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = Rupiah::new(i64::MAX);
        assert_eq!(max.checked_add(Rupiah::new(1)), Err(MoneyError::Overflow));
        assert_eq!(
            Rupiah::new(i64::MIN).checked_sub(Rupiah::new(1)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            max.times(Quantity::whole(2).unwrap()),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn line_amount_rounds_half_up() {
        // 0.333 kg of keripik at Rp55.000/kg = 18315 exactly.
        let price = Rupiah::new(55_000);
        assert_eq!(
            price.times(Quantity::from_milli(333)),
            Ok(Rupiah::new(18_315))
        );
        // Rp1.001 × 0.5 = 500.5 → 501.
        assert_eq!(
            Rupiah::new(1_001).times(Quantity::from_milli(500)),
            Ok(Rupiah::new(501))
        );
        // Rp999 × 0.001 = 0.999 → 1; Rp499 × 0.001 = 0.499 → 0.
        assert_eq!(
            Rupiah::new(999).times(Quantity::from_milli(1)),
            Ok(Rupiah::new(1))
        );
        assert_eq!(
            Rupiah::new(499).times(Quantity::from_milli(1)),
            Ok(Rupiah::ZERO)
        );
        assert_eq!(
            Rupiah::new(-1_001).times(Quantity::from_milli(500)),
            Ok(Rupiah::new(-501))
        );
    }

    #[test]
    fn quantities_read_comma_or_point() {
        assert_eq!(Quantity::parse("2"), Ok(Quantity::from_milli(2_000)));
        assert_eq!(Quantity::parse("1,5"), Ok(Quantity::from_milli(1_500)));
        assert_eq!(Quantity::parse("0.25"), Ok(Quantity::from_milli(250)));
        assert_eq!(Quantity::parse("-3"), Ok(Quantity::from_milli(-3_000)));
        assert_eq!(Quantity::parse(".5"), Ok(Quantity::from_milli(500)));
        assert!(matches!(
            Quantity::parse("0.0001"),
            Err(MoneyError::TooManyDecimals(_))
        ));
        for text in ["", "abc", "1.2.3", "1.", "-", "1e3", "1,5kg"] {
            assert!(
                matches!(Quantity::parse(text), Err(MoneyError::BadQuantity(_))),
                "{text}"
            );
        }
        assert_eq!(
            Quantity::parse("9999999999999999999"),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn quantities_print_for_people_and_machines() {
        assert_eq!(Quantity::from_milli(1_500).to_string(), "1,5");
        assert_eq!(Quantity::from_milli(2_000).to_string(), "2");
        assert_eq!(Quantity::from_milli(250).to_decimal_string(), "0.25");
        assert_eq!(Quantity::from_milli(-1).to_decimal_string(), "-0.001");
        assert_eq!(
            serde_json::to_string(&Quantity::from_milli(300)).unwrap(),
            "0.3"
        );
    }
}
