//! Scale barcodes: the EAN-13 a label scale prints on a bag of keripik curah,
//! carrying the product's PLU and the weight in grams (or the price), and the
//! quantity of the line it becomes.
//!
//! The layout is a setting: a two-digit prefix (GS1's in-store 20–29, or 02)
//! and ten digits of PLU then value, e.g. the default `20 PPPPP WWWWW C`.

use std::fmt;

use super::barcode::{BarcodeError, validate_ean13};
use super::unit::Unit;
use crate::money::{Quantity, Rupiah};

/// The largest PLU: five digits.
pub const MAX_PLU: u32 = 99_999;

/// Why a scale barcode, its layout or a PLU is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    #[error("awalan barcode timbangan harus dua angka: 02 atau 20–29 (tertulis \"{0}\")")]
    Prefix(String),
    #[error(
        "susunan barcode timbangan harus 10 huruf: 4–6 P (PLU) lalu W (gram) atau R (harga), mis. PPPPPWWWWW (tertulis \"{0}\")"
    )]
    Layout(String),
    #[error("PLU harus 1–5 angka dan bukan nol (tertulis \"{0}\")")]
    Plu(String),
    #[error("PLU {plu} lebih panjang dari {digits} angka PLU pada susunan barcode timbangan")]
    PluTooLong { plu: Plu, digits: usize },
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
    #[error("barcode timbangan {0} berisi berat atau harga nol")]
    Zero(String),
    #[error("PLU {plu} (barcode timbangan {code}) belum dipasang pada produk mana pun")]
    UnknownPlu { plu: Plu, code: String },
    #[error("PLU {plu} sudah dipakai produk {sku}")]
    PluTaken { plu: Plu, sku: String },
    #[error(
        "{sku} dijual per {unit}: barcode timbangan berisi berat hanya untuk barang per kg atau g"
    )]
    NotByWeight { sku: String, unit: Unit },
    #[error(
        "{sku} dijual per {unit}: barcode timbangan berisi harga hanya untuk barang yang ditakar"
    )]
    NotMeasured { sku: String, unit: Unit },
    #[error(
        "harga {price} pada barcode timbangan kurang dari harga terkecil yang bisa ditimbang ({sku} {unit_price})"
    )]
    PriceTooSmall {
        price: Rupiah,
        sku: String,
        unit_price: Rupiah,
    },
    #[error(
        "barcode timbangan dihitung per label: jumlahnya bilangan bulat, mis. KODE=1 (tertulis {0})"
    )]
    WholeLabels(Quantity),
    #[error(
        "awalan {prefix} sudah dipakai barcode {barcode} ({sku}): barcode timbangan akan tertukar; pilih awalan lain"
    )]
    PrefixInUse {
        prefix: String,
        barcode: String,
        sku: String,
    },
    #[error(
        "barcode {barcode} berawalan {prefix}, awalan barcode timbangan: pakai barcode lain atau barcode toko (sentra product barcode SKU --auto)"
    )]
    ReservedPrefix { barcode: String, prefix: String },
}

/// A product's PLU: the number a label scale knows it by (shown with five
/// digits, `00042`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Plu(u32);

impl Plu {
    /// Reads `42` or `00042`: one to five digits, not zero.
    pub fn parse(text: &str) -> Result<Plu, ScaleError> {
        let trimmed = text.trim();
        let bad = || ScaleError::Plu(text.to_string());
        if trimmed.is_empty() || trimmed.len() > 5 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let value: u32 = trimmed.parse().map_err(|_| bad())?;
        Plu::new(value).ok_or_else(bad)
    }

    /// `None` for zero or more than five digits.
    pub fn new(value: u32) -> Option<Plu> {
        (1..=MAX_PLU).contains(&value).then_some(Plu(value))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Plu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.0)
    }
}

impl serde::Serialize for Plu {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

/// What the digits after the PLU say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleValue {
    /// The weight in grams (`W`).
    Grams,
    /// The price in rupiah (`R`).
    Price,
}

/// Where the PLU and the value sit in a scale barcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleLayout {
    /// Two digits: `20`–`29` or `02`.
    pub prefix: String,
    /// How many of the ten digits after the prefix are the PLU (4–6).
    pub plu_digits: usize,
    pub value: ScaleValue,
}

/// The prefix and pattern scales print by default: `20 PPPPP WWWWW C`.
pub const DEFAULT_PREFIX: &str = "20";
pub const DEFAULT_PATTERN: &str = "PPPPPWWWWW";

impl Default for ScaleLayout {
    fn default() -> Self {
        ScaleLayout {
            prefix: DEFAULT_PREFIX.into(),
            plu_digits: 5,
            value: ScaleValue::Grams,
        }
    }
}

/// A prefix a scale barcode may start with: 02 or 20–29.
pub fn check_prefix(text: &str) -> Result<String, ScaleError> {
    let trimmed = text.trim();
    let ok = trimmed.len() == 2
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && (trimmed == "02" || trimmed.starts_with('2'));
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(ScaleError::Prefix(text.to_string()))
    }
}

/// Reads a pattern such as `PPPPPWWWWW`: the PLU digits and what follows them.
pub fn parse_pattern(text: &str) -> Result<(usize, ScaleValue), ScaleError> {
    let pattern = text.trim().to_ascii_uppercase();
    let bad = || ScaleError::Layout(text.to_string());
    if pattern.len() != 10 {
        return Err(bad());
    }
    let plu_digits = pattern.bytes().take_while(|&b| b == b'P').count();
    let rest = &pattern[plu_digits..];
    let value = match rest.as_bytes().first() {
        Some(b'W') => ScaleValue::Grams,
        Some(b'R') => ScaleValue::Price,
        _ => return Err(bad()),
    };
    if !(4..=6).contains(&plu_digits) || !rest.bytes().all(|b| b == rest.as_bytes()[0]) {
        return Err(bad());
    }
    Ok((plu_digits, value))
}

/// What one scale barcode says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleReading {
    pub plu: Plu,
    pub amount: ScaleAmount,
}

/// The weight or the price a scale printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleAmount {
    Grams(u32),
    Price(Rupiah),
}

impl ScaleLayout {
    /// The layout of the settings: a prefix and a pattern.
    pub fn parse(prefix: &str, pattern: &str) -> Result<ScaleLayout, ScaleError> {
        let prefix = check_prefix(prefix)?;
        let (plu_digits, value) = parse_pattern(pattern)?;
        Ok(ScaleLayout {
            prefix,
            plu_digits,
            value,
        })
    }

    /// The pattern as the setting writes it: `PPPPPWWWWW`.
    pub fn pattern(&self) -> String {
        let letter = match self.value {
            ScaleValue::Grams => "W",
            ScaleValue::Price => "R",
        };
        format!(
            "{}{}",
            "P".repeat(self.plu_digits),
            letter.repeat(10 - self.plu_digits)
        )
    }

    /// Whether `barcode` is one of this layout's (it starts with the prefix
    /// and has thirteen digits): an ordinary product may not have it.
    pub fn claims(&self, barcode: &str) -> bool {
        barcode.len() == 13
            && barcode.bytes().all(|b| b.is_ascii_digit())
            && barcode.starts_with(&self.prefix)
    }

    /// Reads a scanned code: `Ok(None)` when it is no scale barcode (another
    /// product's code), the PLU and the amount when it is, and a refusal when
    /// it is one but cannot be read (a wrong check digit, a zero weight).
    pub fn read(&self, code: &str) -> Result<Option<ScaleReading>, ScaleError> {
        let code = code.trim();
        if !self.claims(code) {
            return Ok(None);
        }
        validate_ean13(code)?;
        let digits = &code[2..12];
        let plu: u32 = digits[..self.plu_digits].parse().unwrap_or(0);
        let value: u64 = digits[self.plu_digits..].parse().unwrap_or(0);
        let plu = Plu::new(plu).ok_or_else(|| ScaleError::Plu(digits[..self.plu_digits].into()))?;
        if value == 0 {
            return Err(ScaleError::Zero(code.to_string()));
        }
        let amount = match self.value {
            ScaleValue::Grams => ScaleAmount::Grams(value as u32),
            ScaleValue::Price => ScaleAmount::Price(Rupiah::new(value as i64)),
        };
        Ok(Some(ScaleReading { plu, amount }))
    }

    /// The barcode a scale of this layout prints for `plu` and `value`
    /// (grams or rupiah); `None` when they do not fit its digits.
    pub fn encode(&self, plu: Plu, value: u64) -> Option<String> {
        let value_digits = 10 - self.plu_digits;
        if plu.value() >= 10u32.pow(self.plu_digits as u32)
            || value >= 10u64.pow(value_digits as u32)
        {
            return None;
        }
        let twelve = format!(
            "{}{:0pw$}{:0vw$}",
            self.prefix,
            plu.value(),
            value,
            pw = self.plu_digits,
            vw = value_digits
        );
        twelve
            .parse::<u64>()
            .ok()
            .map(super::barcode::ean13_from_twelve)
    }

    /// Refuses a PLU that this layout's digits cannot carry.
    pub fn check_fits(&self, plu: Plu) -> Result<(), ScaleError> {
        if plu.value() < 10u32.pow(self.plu_digits as u32) {
            Ok(())
        } else {
            Err(ScaleError::PluTooLong {
                plu,
                digits: self.plu_digits,
            })
        }
    }
}

/// The quantity of one label's line for a product sold per `unit` at
/// `unit_price`: the weight in the product's unit, or, for a price, the
/// largest quantity (in thousandths) whose amount, rounded half up like any
/// line, is not more than the label says.
pub fn quantity_for(
    reading: ScaleReading,
    sku: &str,
    unit: Unit,
    unit_price: Rupiah,
) -> Result<Quantity, ScaleError> {
    match reading.amount {
        ScaleAmount::Grams(grams) => {
            let milli = match unit {
                Unit::Kg => i64::from(grams),
                Unit::G => i64::from(grams) * Quantity::SCALE,
                _ => {
                    return Err(ScaleError::NotByWeight {
                        sku: sku.to_string(),
                        unit,
                    });
                }
            };
            Ok(Quantity::from_milli(milli))
        }
        ScaleAmount::Price(price) => {
            if !unit.allows_fraction() {
                return Err(ScaleError::NotMeasured {
                    sku: sku.to_string(),
                    unit,
                });
            }
            // round(p × q / 1000) ≤ L  ⇔  2·p·q < (2L + 1)·1000.
            let p = i128::from(unit_price.value().max(1));
            let limit = (2 * i128::from(price.value()) + 1) * i128::from(Quantity::SCALE);
            let milli = (limit - 1) / (2 * p);
            let milli = i64::try_from(milli).unwrap_or(i64::MAX);
            if milli <= 0 {
                return Err(ScaleError::PriceTooSmall {
                    price,
                    sku: sku.to_string(),
                    unit_price,
                });
            }
            Ok(Quantity::from_milli(milli))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plu(n: u32) -> Plu {
        Plu::new(n).unwrap()
    }

    #[test]
    fn reads_the_default_layout() {
        let layout = ScaleLayout::default();
        assert_eq!(layout.pattern(), "PPPPPWWWWW");
        let code = layout.encode(plu(42), 750).unwrap();
        assert_eq!(&code[..12], "200004200750");
        assert_eq!(
            layout.read(&code),
            Ok(Some(ScaleReading {
                plu: plu(42),
                amount: ScaleAmount::Grams(750)
            }))
        );
        // Another product's barcode is not the scale's business.
        assert_eq!(layout.read("8991002101104"), Ok(None));
        assert_eq!(layout.read("KRP-01"), Ok(None));
    }

    #[test]
    fn refuses_a_wrong_check_digit_and_a_zero_weight() {
        let layout = ScaleLayout::default();
        let code = layout.encode(plu(42), 750).unwrap();
        let last = code.as_bytes()[12] - b'0';
        let wrong = format!("{}{}", &code[..12], (last + 1) % 10);
        assert!(matches!(
            layout.read(&wrong),
            Err(ScaleError::Barcode(BarcodeError::CheckDigit { .. }))
        ));
        let zero = layout.encode(plu(42), 0).unwrap();
        assert_eq!(layout.read(&zero), Err(ScaleError::Zero(zero.clone())));
    }

    #[test]
    fn layouts_and_prefixes_are_checked() {
        assert!(ScaleLayout::parse("21", "PPPPRRRRRR").is_ok());
        assert!(ScaleLayout::parse("02", "pppppwwwww").is_ok());
        for bad in ["2", "19", "30", "2a", "200"] {
            assert!(check_prefix(bad).is_err(), "{bad}");
        }
        for bad in [
            "PPPWWWWWWW",
            "PPPPPPPWWW",
            "PPPPPWWWRR",
            "PPPPPXXXXX",
            "PPPPPWWWW",
        ] {
            assert!(parse_pattern(bad).is_err(), "{bad}");
        }
        let four = ScaleLayout::parse("20", "PPPPWWWWWW").unwrap();
        assert!(four.check_fits(plu(9_999)).is_ok());
        assert!(four.check_fits(plu(10_000)).is_err());
        assert_eq!(Plu::parse("00042"), Ok(plu(42)));
        for bad in ["0", "", "123456", "12a", "-1"] {
            assert!(Plu::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weight_becomes_the_quantity_of_the_unit() {
        let reading = ScaleReading {
            plu: plu(1),
            amount: ScaleAmount::Grams(750),
        };
        let kilos = quantity_for(reading, "KPC", Unit::Kg, Rupiah::new(55_000)).unwrap();
        assert_eq!(kilos, Quantity::from_milli(750));
        assert_eq!(Rupiah::new(55_000).times(kilos), Ok(Rupiah::new(41_250)));
        let grams = quantity_for(reading, "KPC", Unit::G, Rupiah::new(55)).unwrap();
        assert_eq!(grams, Quantity::from_milli(750_000));
        assert!(quantity_for(reading, "TPS", Unit::Pcs, Rupiah::new(10)).is_err());
    }

    #[test]
    fn a_price_becomes_the_largest_quantity_within_it() {
        let at = |price: i64, unit_price: i64| {
            let reading = ScaleReading {
                plu: plu(1),
                amount: ScaleAmount::Price(Rupiah::new(price)),
            };
            quantity_for(reading, "KPC", Unit::Kg, Rupiah::new(unit_price))
        };
        assert_eq!(at(41_250, 55_000), Ok(Quantity::from_milli(750)));
        for (price, unit_price) in [(10_000, 55_000), (1, 3), (99_999, 120_000), (100, 55_000)] {
            let q = at(price, unit_price).unwrap();
            let amount = Rupiah::new(unit_price).times(q).unwrap();
            let next = Rupiah::new(unit_price)
                .times(Quantity::from_milli(q.milli() + 1))
                .unwrap();
            assert!(
                amount.value() <= price && next.value() > price,
                "{price} {unit_price}"
            );
        }
        assert!(at(10, 55_000).is_err());
    }
}
