//! Pricing a cart: line amounts, line and sale discounts, the sale discount
//! split back over the lines, and tax.

use crate::domain::discount::Discount;
use crate::domain::limits;
use crate::domain::tax::TaxRule;
use crate::money::{MoneyError, Quantity, Rupiah};

/// Why a cart cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    #[error("keranjang kosong: tambahkan minimal satu barang")]
    EmptyCart,
    #[error("baris {line}: kuantitas harus lebih dari nol")]
    NonPositiveQuantity { line: usize },
    #[error("baris {line}: harga tidak boleh negatif")]
    NegativePrice { line: usize },
    #[error("baris {line}: diskon {discount} lebih besar dari harga baris {amount}")]
    LineDiscountTooLarge {
        line: usize,
        discount: Rupiah,
        amount: Rupiah,
    },
    #[error("diskon nota {discount} lebih besar dari subtotal {amount}")]
    SaleDiscountTooLarge { discount: Rupiah, amount: Rupiah },
    #[error("baris {line}: {rule}")]
    Bound {
        line: usize,
        rule: crate::domain::limits::LimitError,
    },
    #[error("total nota: {0}")]
    TotalBound(crate::domain::limits::LimitError),
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// One line of a cart, before pricing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartLine {
    pub unit_price: Rupiah,
    pub quantity: Quantity,
    pub discount: Option<Discount>,
}

/// A line's figures. `gross − line_discount − sale_discount_share = net`, and
/// the nets of all lines add up to the sale's net exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    pub gross: Rupiah,
    pub line_discount: Rupiah,
    pub sale_discount_share: Rupiah,
    pub net: Rupiah,
}

/// A whole cart's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedCart {
    pub lines: Vec<PricedLine>,
    /// Sum of the lines' gross amounts.
    pub subtotal: Rupiah,
    pub line_discounts: Rupiah,
    pub sale_discount: Rupiah,
    /// After all discounts, before exclusive tax.
    pub net: Rupiah,
    pub tax: Rupiah,
    /// What the buyer pays.
    pub total: Rupiah,
}

/// Prices `lines` with an optional discount on the whole sale.
pub fn price_cart(
    lines: &[CartLine],
    sale_discount: Option<Discount>,
    tax: TaxRule,
) -> Result<PricedCart, PricingError> {
    if lines.is_empty() {
        return Err(PricingError::EmptyCart);
    }
    if lines.len() > limits::MAX_LINES {
        return Err(PricingError::Bound {
            line: lines.len(),
            rule: limits::LimitError::Lines,
        });
    }
    let mut before_sale_discount = Vec::with_capacity(lines.len());
    let mut priced = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        if !line.quantity.is_positive() {
            return Err(PricingError::NonPositiveQuantity { line: number });
        }
        if line.unit_price.is_negative() {
            return Err(PricingError::NegativePrice { line: number });
        }
        let bound = |rule| PricingError::Bound { line: number, rule };
        limits::check_quantity(line.quantity).map_err(bound)?;
        limits::check_price(line.unit_price).map_err(bound)?;
        let gross = line.unit_price.times(line.quantity)?;
        limits::check_amount(gross).map_err(bound)?;
        let line_discount = match line.discount {
            Some(discount) => discount.amount_of(gross)?,
            None => Rupiah::ZERO,
        };
        if line_discount > gross || line_discount.is_negative() {
            return Err(PricingError::LineDiscountTooLarge {
                line: number,
                discount: line_discount,
                amount: gross,
            });
        }
        let after = gross.checked_sub(line_discount)?;
        before_sale_discount.push(after);
        priced.push(PricedLine {
            gross,
            line_discount,
            sale_discount_share: Rupiah::ZERO,
            net: after,
        });
    }
    let after_line_discounts = Rupiah::sum(before_sale_discount.iter().copied())?;
    let sale_discount = match sale_discount {
        Some(discount) => discount.amount_of(after_line_discounts)?,
        None => Rupiah::ZERO,
    };
    if sale_discount > after_line_discounts || sale_discount.is_negative() {
        return Err(PricingError::SaleDiscountTooLarge {
            discount: sale_discount,
            amount: after_line_discounts,
        });
    }
    let shares = split_proportionally(sale_discount, &before_sale_discount)?;
    for (line, share) in priced.iter_mut().zip(shares) {
        line.sale_discount_share = share;
        line.net = line.net.checked_sub(share)?;
    }
    let net = after_line_discounts.checked_sub(sale_discount)?;
    let taxed = tax.apply(net)?;
    limits::check_amount(taxed.total).map_err(PricingError::TotalBound)?;
    Ok(PricedCart {
        subtotal: Rupiah::sum(priced.iter().map(|l| l.gross))?,
        line_discounts: Rupiah::sum(priced.iter().map(|l| l.line_discount))?,
        lines: priced,
        sale_discount,
        net,
        tax: taxed.tax,
        total: taxed.total,
    })
}

/// Splits `amount` over `weights` in proportion, by largest remainder, so the
/// parts add up to `amount` exactly. Ties go to the earlier line.
/// `amount` must not exceed the sum of the (non-negative) weights.
pub fn split_proportionally(amount: Rupiah, weights: &[Rupiah]) -> Result<Vec<Rupiah>, MoneyError> {
    let total: i128 = weights.iter().map(|w| i128::from(w.value())).sum();
    if total == 0 || amount == Rupiah::ZERO {
        return Ok(vec![Rupiah::ZERO; weights.len()]);
    }
    let amount = i128::from(amount.value());
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (index, weight) in weights.iter().enumerate() {
        let exact = amount * i128::from(weight.value());
        parts.push(exact / total);
        remainders.push((exact % total, index));
    }
    let mut left = amount - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, index) in remainders {
        if left == 0 {
            break;
        }
        parts[index] += 1;
        left -= 1;
    }
    parts
        .into_iter()
        .map(|p| {
            i64::try_from(p)
                .map(Rupiah::new)
                .map_err(|_| MoneyError::Overflow)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tax::TaxMode;

    fn line(price: i64, milli: i64, discount: Option<Discount>) -> CartLine {
        CartLine {
            unit_price: Rupiah::new(price),
            quantity: Quantity::from_milli(milli),
            discount,
        }
    }

    fn rp(v: i64) -> Rupiah {
        Rupiah::new(v)
    }

    #[test]
    fn splits_add_up_exactly() {
        let parts = split_proportionally(rp(100), &[rp(1), rp(1), rp(1)]).unwrap();
        assert_eq!(parts, vec![rp(34), rp(33), rp(33)]);
        let parts = split_proportionally(rp(10), &[rp(0), rp(5), rp(0)]).unwrap();
        assert_eq!(parts, vec![rp(0), rp(10), rp(0)]);
        let parts = split_proportionally(rp(7), &[rp(10), rp(20), rp(30)]).unwrap();
        assert_eq!(parts.iter().map(|p| p.value()).sum::<i64>(), 7);
        assert_eq!(parts, vec![rp(1), rp(2), rp(4)]);
    }

    #[test]
    fn a_plain_cart() {
        let cart = price_cart(
            &[line(10_000, 2_000, None), line(25_000, 1_000, None)],
            None,
            TaxRule::default(),
        )
        .unwrap();
        assert_eq!(cart.subtotal, rp(45_000));
        assert_eq!(cart.total, rp(45_000));
        assert_eq!(cart.tax, Rupiah::ZERO);
    }

    #[test]
    fn kilos_and_metres_round_half_up() {
        // 0.375 kg keripik at 55.000 = 20.625; 1.25 m batik at 133.333 = 166.666,25 → 166.666.
        let cart = price_cart(
            &[line(55_000, 375, None), line(133_333, 1_250, None)],
            None,
            TaxRule::default(),
        )
        .unwrap();
        assert_eq!(cart.lines[0].gross, rp(20_625));
        assert_eq!(cart.lines[1].gross, rp(166_666));
        assert_eq!(cart.total, rp(187_291));
    }

    #[test]
    fn line_and_sale_discounts_split_back_exactly() {
        let cart = price_cart(
            &[
                line(10_000, 3_000, Some(Discount::Percent(1_000))), // 30.000 − 3.000
                line(17_000, 1_000, Some(Discount::Amount(rp(2_000)))), // 17.000 − 2.000
                line(9_999, 1_000, None),
            ],
            Some(Discount::Amount(rp(1_000))),
            TaxRule::default(),
        )
        .unwrap();
        assert_eq!(cart.subtotal, rp(56_999));
        assert_eq!(cart.line_discounts, rp(5_000));
        assert_eq!(cart.sale_discount, rp(1_000));
        assert_eq!(cart.total, rp(50_999));
        let shares: i64 = cart
            .lines
            .iter()
            .map(|l| l.sale_discount_share.value())
            .sum();
        assert_eq!(shares, 1_000);
        let nets: i64 = cart.lines.iter().map(|l| l.net.value()).sum();
        assert_eq!(nets, cart.net.value());
        // 27.000 : 15.000 : 9.999 of 51.999 → 519,24… : 288,47… : 192,29…
        assert_eq!(
            cart.lines
                .iter()
                .map(|l| l.sale_discount_share)
                .collect::<Vec<_>>(),
            vec![rp(519), rp(289), rp(192)]
        );
    }

    #[test]
    fn percentage_sale_discount_over_fractions() {
        let cart = price_cart(
            &[line(55_000, 333, None), line(10_000, 1_000, None)],
            Some(Discount::Percent(1_250)),
            TaxRule::default(),
        )
        .unwrap();
        // 18.315 + 10.000 = 28.315; 12,5% = 3.539,375 → 3.539.
        assert_eq!(cart.sale_discount, rp(3_539));
        assert_eq!(cart.total, rp(24_776));
        assert_eq!(
            cart.lines[0].net.checked_add(cart.lines[1].net).unwrap(),
            rp(24_776)
        );
    }

    #[test]
    fn taxes_after_discount() {
        let exclusive = TaxRule {
            mode: TaxMode::Exclusive,
            rate_hundredths: 1_100,
        };
        let cart = price_cart(
            &[line(100_000, 1_000, None)],
            Some(Discount::Percent(1_000)),
            exclusive,
        )
        .unwrap();
        assert_eq!(cart.net, rp(90_000));
        assert_eq!(cart.tax, rp(9_900));
        assert_eq!(cart.total, rp(99_900));
    }

    #[test]
    fn a_hundred_percent_discount_is_free() {
        let cart = price_cart(
            &[line(10_000, 1_000, Some(Discount::Percent(10_000)))],
            None,
            TaxRule::default(),
        )
        .unwrap();
        assert_eq!(cart.total, Rupiah::ZERO);
    }

    #[test]
    fn refuses_what_a_till_must_refuse() {
        assert_eq!(
            price_cart(&[], None, TaxRule::default()),
            Err(PricingError::EmptyCart)
        );
        assert_eq!(
            price_cart(&[line(1_000, 0, None)], None, TaxRule::default()),
            Err(PricingError::NonPositiveQuantity { line: 1 })
        );
        assert!(matches!(
            price_cart(
                &[line(1_000, 1_000, Some(Discount::Amount(rp(1_001))))],
                None,
                TaxRule::default()
            ),
            Err(PricingError::LineDiscountTooLarge { line: 1, .. })
        ));
        assert!(matches!(
            price_cart(
                &[line(1_000, 1_000, None)],
                Some(Discount::Amount(rp(1_001))),
                TaxRule::default()
            ),
            Err(PricingError::SaleDiscountTooLarge { .. })
        ));
        // Bounded before any arithmetic: a huge price or a stray scan in a
        // quantity is refused by name, and sums cannot overflow.
        assert!(matches!(
            price_cart(&[line(i64::MAX, 2_000, None)], None, TaxRule::default()),
            Err(PricingError::Bound { line: 1, .. })
        ));
        assert!(matches!(
            price_cart(
                &[line(10_000, 28_994_507_000_392_000, None)],
                None,
                TaxRule::default()
            ),
            Err(PricingError::Bound { line: 1, .. })
        ));
        // Each line within bounds, but their total is not.
        let big = line(1_000_000_000, 9_000, None);
        assert!(matches!(
            price_cart(&[big.clone(), big.clone()], None, TaxRule::default()),
            Err(PricingError::TotalBound(_))
        ));
    }
}
