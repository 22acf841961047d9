//! *Laba kotor* (gross profit): net sales less the cost of the goods sold,
//! the cost being what each line's goods cost when they were sold (the
//! product's HPP then, or the amount owed to the producer of consigned
//! goods). Goods sold without a known cost are never counted as free: their
//! sales are kept apart, as *tanpa HPP*.

use serde::Serialize;

use crate::money::{MoneyError, Quantity, Rupiah};

/// The cost of `quantity` at `unit_cost`, rounded half up like a line's gross.
pub fn cost_of(unit_cost: Rupiah, quantity: Quantity) -> Result<Rupiah, MoneyError> {
    unit_cost.times(quantity)
}

/// The cost of `more` returned after `before` of a line of `sold` whose goods
/// cost `line_cost` in all: a difference of running totals, so a line
/// returned in parts gives back exactly its cost, as its net.
pub fn returned_cost(
    line_cost: Rupiah,
    sold: Quantity,
    before: Quantity,
    more: Quantity,
) -> Result<Rupiah, MoneyError> {
    if !sold.is_positive() {
        return Ok(Rupiah::ZERO);
    }
    let upto = |q: Quantity| line_cost.ratio(q.milli(), sold.milli());
    upto(before.checked_add(more)?)?.checked_sub(upto(before)?)
}

/// Net sales and their cost, over some lines (less what was returned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Margin {
    /// Net sales of every line, with a cost or not.
    pub net_sales: Rupiah,
    /// Net sales of the lines whose cost is known.
    pub costed_net: Rupiah,
    /// What the goods of those lines cost.
    pub cost_of_goods: Rupiah,
    /// `costed_net − cost_of_goods`.
    pub gross_profit: Rupiah,
    /// Net sales of lines sold without a cost (*tanpa HPP*): not in the profit.
    pub uncosted_net: Rupiah,
}

impl Margin {
    /// Adds a line's net and its cost (`None`: no cost known).
    pub fn add(&mut self, net: Rupiah, cost: Option<Rupiah>) -> Result<(), MoneyError> {
        self.net_sales = self.net_sales.checked_add(net)?;
        match cost {
            Some(cost) => {
                self.costed_net = self.costed_net.checked_add(net)?;
                self.cost_of_goods = self.cost_of_goods.checked_add(cost)?;
            }
            None => self.uncosted_net = self.uncosted_net.checked_add(net)?,
        }
        self.gross_profit = self.costed_net.checked_sub(self.cost_of_goods)?;
        Ok(())
    }

    /// Takes back a returned part: its net and its cost.
    pub fn take_back(&mut self, net: Rupiah, cost: Option<Rupiah>) -> Result<(), MoneyError> {
        self.add(
            net.checked_neg()?,
            cost.map(Rupiah::checked_neg).transpose()?,
        )
    }

    /// Adds another margin's figures.
    pub fn merge(&mut self, other: &Margin) -> Result<(), MoneyError> {
        self.add(other.costed_net, Some(other.cost_of_goods))?;
        self.add(other.uncosted_net, None)
    }

    /// Gross profit as a share of the costed net sales, in hundredths of a
    /// percent (2500 is 25%), if there were any.
    pub fn margin_basis_points(&self) -> Option<i64> {
        if self.costed_net.is_positive() {
            self.gross_profit
                .ratio(10_000, self.costed_net.value())
                .ok()
                .map(Rupiah::value)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_a_cost_are_kept_apart() {
        let rp = Rupiah::new;
        let mut margin = Margin::default();
        margin.add(rp(20_000), Some(rp(13_000))).unwrap();
        margin.add(rp(5_000), None).unwrap();
        assert_eq!(margin.net_sales, rp(25_000));
        assert_eq!(margin.gross_profit, rp(7_000));
        assert_eq!(margin.uncosted_net, rp(5_000));
        assert_eq!(margin.margin_basis_points(), Some(3_500));
        margin.take_back(rp(10_000), Some(rp(6_500))).unwrap();
        assert_eq!(margin.gross_profit, rp(3_500));
    }

    #[test]
    fn a_line_returned_in_parts_gives_back_its_whole_cost() {
        let cost = cost_of(Rupiah::new(333), Quantity::from_milli(3_000)).unwrap();
        assert_eq!(cost, Rupiah::new(999));
        let sold = Quantity::from_milli(3_000);
        let one = Quantity::ONE;
        let parts: i64 = (0..3)
            .map(|i| {
                returned_cost(cost, sold, Quantity::from_milli(i * 1_000), one)
                    .unwrap()
                    .value()
            })
            .sum();
        assert_eq!(parts, 999);
    }
}
