//! *Harga grosir*: a product's lower unit prices from a quantity up ("from
//! 12 pcs Rp9.000"). The line takes the price of the highest tier its
//! quantity reaches, or the product's own price below the first tier. Kept
//! with the product as text, `12:9000;24:8500`, read with the product.

use super::limits::{MAX_QUANTITY, check_price};
use crate::money::{Quantity, Rupiah};

/// The most tiers a product has.
pub const MAX_TIERS: usize = 5;

/// One tier: from this quantity up, this unit price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PriceTier {
    pub from: Quantity,
    pub price: Rupiah,
}

/// Why tiers are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierError {
    #[error("harga grosir mulai dari jumlah lebih dari 1 (mis. 12)")]
    From,
    #[error("harga grosir {price} harus di bawah harga biasa {base}")]
    NotLower { price: Rupiah, base: Rupiah },
    #[error("harga grosir untuk jumlah lebih banyak tidak boleh lebih mahal ({price} dari {from})")]
    NotFalling { from: Quantity, price: Rupiah },
    #[error("paling banyak {MAX_TIERS} harga grosir per produk")]
    TooMany,
    #[error("dua harga grosir mulai dari jumlah yang sama ({0})")]
    Twice(Quantity),
    #[error("harga grosir tertulis rusak: \"{0}\"")]
    Stored(String),
    #[error("harga grosir ditulis JUMLAH=HARGA, mis. 12=9000: \"{0}\"")]
    Typed(String),
    #[error("{0}")]
    Price(super::limits::LimitError),
}

/// The unit price for `quantity`: the highest tier reached, else `base`.
pub fn unit_price(base: Rupiah, tiers: &[PriceTier], quantity: Quantity) -> Rupiah {
    tiers
        .iter()
        .filter(|t| quantity >= t.from)
        .max_by_key(|t| t.from)
        .map_or(base, |t| t.price)
}

/// Checks tiers against the product's price: each from more than 1, each
/// price bounded and below the normal one, no higher tier dearer than a
/// lower, at most [`MAX_TIERS`]. Returns them sorted by quantity.
pub fn check(base: Rupiah, tiers: &[PriceTier]) -> Result<Vec<PriceTier>, TierError> {
    if tiers.len() > MAX_TIERS {
        return Err(TierError::TooMany);
    }
    let mut sorted = tiers.to_vec();
    sorted.sort_by_key(|t| t.from);
    // Two prices from one quantity: which one is meant is not for us to guess.
    if let Some(pair) = sorted.windows(2).find(|pair| pair[0].from == pair[1].from) {
        return Err(TierError::Twice(pair[0].from));
    }
    let mut before = base;
    for tier in &sorted {
        if tier.from <= Quantity::from_milli(Quantity::SCALE) || tier.from > MAX_QUANTITY {
            return Err(TierError::From);
        }
        check_price(tier.price).map_err(TierError::Price)?;
        if tier.price >= base {
            return Err(TierError::NotLower {
                price: tier.price,
                base,
            });
        }
        if tier.price > before {
            return Err(TierError::NotFalling {
                from: tier.from,
                price: tier.price,
            });
        }
        before = tier.price;
    }
    Ok(sorted)
}

/// Tiers as a person types them: `12=9000 24=8500` (spaces or `;`
/// between; a quantity may have a decimal comma), none for empty.
pub fn parse_typed(text: &str) -> Result<Vec<PriceTier>, TierError> {
    text.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|part| !part.is_empty())
        .map(parse_one)
        .collect()
}

/// One tier as typed: `12=9000`.
pub fn parse_one(text: &str) -> Result<PriceTier, TierError> {
    let typed = || TierError::Typed(text.chars().take(40).collect());
    let (from, price) = text.split_once('=').ok_or_else(typed)?;
    Ok(PriceTier {
        from: Quantity::parse(from.trim()).map_err(|_| typed())?,
        price: Rupiah::parse(price.trim()).map_err(|_| typed())?,
    })
}

/// As typed back: `12=9000 24=8500`.
pub fn to_typed(tiers: &[PriceTier]) -> String {
    tiers
        .iter()
        .map(|t| format!("{}={}", t.from, t.price.value()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// As the product's column keeps them: `12:9000;24:8500` (quantities in
/// thousandths, so `12000:9000`), empty for none.
pub fn to_column(tiers: &[PriceTier]) -> String {
    tiers
        .iter()
        .map(|t| format!("{}:{}", t.from.milli(), t.price.value()))
        .collect::<Vec<_>>()
        .join(";")
}

/// Reads the product's column back.
pub fn from_column(text: &str) -> Result<Vec<PriceTier>, TierError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(';')
        .map(|part| {
            let (from, price) = part
                .split_once(':')
                .ok_or_else(|| TierError::Stored(text.chars().take(60).collect()))?;
            let bad = || TierError::Stored(text.chars().take(60).collect());
            Ok(PriceTier {
                from: Quantity::from_milli(from.parse().map_err(|_| bad())?),
                price: Rupiah::new(price.parse().map_err(|_| bad())?),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(from: i64, price: i64) -> PriceTier {
        PriceTier {
            from: Quantity::from_milli(from * 1000),
            price: Rupiah::new(price),
        }
    }

    #[test]
    fn the_tier_reached_prices_the_line() {
        let tiers = [tier(12, 9_000), tier(24, 8_500)];
        let base = Rupiah::new(10_000);
        let price = |q: i64| unit_price(base, &tiers, Quantity::from_milli(q * 1000)).value();
        assert_eq!(
            (price(11), price(12), price(23), price(24), price(100)),
            (10_000, 9_000, 9_000, 8_500, 8_500)
        );
    }

    #[test]
    fn tiers_are_checked_against_the_price() {
        let base = Rupiah::new(10_000);
        assert_eq!(
            check(base, &[tier(24, 8_500), tier(12, 9_000)]).unwrap(),
            [tier(12, 9_000), tier(24, 8_500)]
        );
        assert_eq!(check(base, &[tier(1, 9_000)]), Err(TierError::From));
        assert!(matches!(
            check(base, &[tier(12, 10_000)]),
            Err(TierError::NotLower { .. })
        ));
        assert!(matches!(
            check(base, &[tier(12, 8_000), tier(24, 9_000)]),
            Err(TierError::NotFalling { .. })
        ));
        assert_eq!(check(base, &[tier(2, 1); 6]), Err(TierError::TooMany));
        assert!(matches!(
            check(base, &[tier(12, 0)]),
            Err(TierError::Price(_))
        ));
    }

    #[test]
    fn the_column_goes_both_ways() {
        let tiers = vec![tier(12, 9_000), tier(24, 8_500)];
        assert_eq!(to_column(&tiers), "12000:9000;24000:8500");
        assert_eq!(from_column(&to_column(&tiers)).unwrap(), tiers);
        assert_eq!(from_column("").unwrap(), []);
        assert!(from_column("12:x").is_err());
    }
}
