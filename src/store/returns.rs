//! *Retur*: taking back part (or all) of a sale and refunding it. The sale
//! stays as it was; the return is a new record that points at it.

use std::collections::HashMap;

use rusqlite::params;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::pin::Approval;

use super::days::{day_key, ensure_open};
use super::stock::{Movement, MovementKind, record};
use super::{Result, Store, StoreError, sequence};
use crate::clock;
use crate::domain::kasbon::KasbonError;
use crate::domain::payment::{PaymentMethod, Tender};
use crate::money::{Quantity, Rupiah};

/// An item coming back: its SKU and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnItem {
    pub sku: String,
    pub quantity: Quantity,
}

/// What a return recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReturnRecord {
    pub receipt: String,
    pub seq: i64,
    pub day: String,
    /// What the returned goods were worth on the sale (after its discounts).
    pub worth: Rupiah,
    pub refund: Rupiah,
    pub refund_method: crate::domain::payment::PaymentMethod,
    /// Taken off the customer's kasbon (a kasbon sale's goods returned).
    pub kasbon_refund: Rupiah,
}

/// A sale line as far as returns are concerned.
struct ReturnableLine {
    line_no: i64,
    product_id: Uuid,
    sku: String,
    quantity: Quantity,
    net: Rupiah,
    returned: Quantity,
}

impl ReturnableLine {
    fn left(&self) -> Quantity {
        Quantity::from_milli(self.quantity.milli() - self.returned.milli())
    }

    /// The share of the line's net for `quantity` more, computed as a
    /// difference of running totals so that returning a line in parts never
    /// refunds more (or less) than the whole line.
    fn worth_of(&self, quantity: Quantity) -> Result<Rupiah> {
        let upto = |q: Quantity| self.net.ratio(q.milli(), self.quantity.milli());
        let after = upto(self.returned.checked_add(quantity)?)?;
        Ok(after.checked_sub(upto(self.returned)?)?)
    }
}

impl Store {
    /// Takes back `items` of the sale `receipt` and records the refund.
    pub fn return_items(
        &mut self,
        receipt: &str,
        items: &[ReturnItem],
        refund: &Tender,
        now: OffsetDateTime,
    ) -> Result<ReturnRecord> {
        self.return_items_with(receipt, items, std::slice::from_ref(refund), None, now)
    }

    /// Takes back `items` of the sale `receipt`, giving their value back as
    /// money (one till method) and, for a kasbon sale, as kasbon: a tender
    /// `kasbon=RP` lowers the customer's balance instead of the drawer. A
    /// kasbon sale's goods go back to the kasbon first: money is given back
    /// only for what is worth more than the sale's kasbon left.
    ///
    /// Money given back for the last of a sale (all of it, at once or in
    /// parts) is a void without the void's PIN: it needs the manager `pin`.
    pub fn return_items_with(
        &mut self,
        receipt: &str,
        items: &[ReturnItem],
        refunds: &[Tender],
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<ReturnRecord> {
        self.require_stall()?;
        let (refund, kasbon_refund) = split_refunds(refunds)?;
        let refund = &refund;
        let sale = self.sale(receipt)?;
        if sale.voided {
            return Err(StoreError::AlreadyVoided(sale.receipt));
        }
        if items.is_empty() {
            return Err(StoreError::NonPositiveQuantity);
        }
        if refund.amount.is_negative() {
            return Err(crate::money::MoneyError::NegativeAmount(refund.amount.to_string()).into());
        }
        let sale_id = sale.id.to_string();
        let (planned, _, _) = plan_return(&self.conn, &sale, items, refund, kasbon_refund)?;
        let approval = refund_approval(&self.conn, &sale, &planned, refund, kasbon_refund)?;
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        let date = self.business_day(now);
        let today = day_key(date);
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            ensure_open(tx, &today, &stamp)?;
            let (lines, taken, worth) = plan_return(tx, &sale, items, refund, kasbon_refund)?;
            let (sale_kasbon, kasbon_left) = kasbon_left(tx, &sale, date)?;
            check_kasbon_first(&sale.receipt, worth, sale_kasbon, kasbon_left, refund.amount, kasbon_refund)?;
            let seq = sequence::next_at(tx, &stamp)?;
            let return_id = Uuid::now_v7();
            tx.execute(
                "INSERT INTO returns (id, seq, sale_id, day, created_at, refund_method, refund, kasbon_refund)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    return_id.to_string(),
                    seq,
                    sale_id,
                    today,
                    stamp,
                    refund.method.key(),
                    refund.amount.value(),
                    kasbon_refund.value()
                ],
            )?;
            let mut line_numbers: Vec<i64> = taken.keys().copied().collect();
            line_numbers.sort_unstable();
            for line_no in line_numbers {
                let (quantity, amount) = taken[&line_no];
                tx.execute(
                    "INSERT INTO return_lines (return_id, line_no, quantity, amount) VALUES (?1, ?2, ?3, ?4)",
                    params![return_id.to_string(), line_no, quantity.milli(), amount.value()],
                )?;
                let product_id = lines
                    .iter()
                    .find(|l| l.line_no == line_no)
                    .map(|l| l.product_id)
                    .unwrap_or_default();
                record(
                    tx,
                    &Movement {
                        product_id,
                        kind: MovementKind::Return,
                        quantity,
                        unit_cost: None,
                        note: None,
                        sale_id: Some(sale.id),
                    },
                    &stamp,
                )?;
            }
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &today, &stamp)?;
            }
            Ok(ReturnRecord {
                receipt: sale.receipt.clone(),
                seq,
                day: today.clone(),
                worth,
                refund: refund.amount,
                refund_method: refund.method,
                kasbon_refund,
            })
        })
    }
}

/// A return's lines, what each takes back (quantity, worth) and the worth
/// in all, checked: every item on the receipt and not returned already, the
/// money no more than the goods' worth. Run before the PIN is asked (so a
/// wrong return says what is wrong, not "PIN") and again in the write.
type ReturnPlan = (
    Vec<ReturnableLine>,
    HashMap<i64, (Quantity, Rupiah)>,
    Rupiah,
);

/// The sale's lines with what was returned of each already.
fn returnable_lines(conn: &rusqlite::Connection, sale_id: &str) -> Result<Vec<ReturnableLine>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.line_no, l.product_id, l.sku, l.quantity, l.net,
                COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                          WHERE r.sale_id = l.sale_id AND rl.line_no = l.line_no), 0)
         FROM sale_lines l WHERE l.sale_id = ?1 ORDER BY l.line_no",
    )?;
    statement
        .query_map([sale_id], |r| {
            Ok(ReturnableLine {
                line_no: r.get(0)?,
                product_id: Uuid::parse_str(&r.get::<_, String>(1)?).unwrap_or_default(),
                sku: r.get(2)?,
                quantity: Quantity::from_milli(r.get(3)?),
                net: Rupiah::new(r.get(4)?),
                returned: Quantity::from_milli(r.get(5)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(Into::into)
}

fn plan_return(
    conn: &rusqlite::Connection,
    sale: &super::CompletedSale,
    items: &[ReturnItem],
    refund: &Tender,
    kasbon_refund: Rupiah,
) -> Result<ReturnPlan> {
    let sale_id = sale.id.to_string();
    let mut lines = returnable_lines(conn, &sale_id)?;
    // Spread each item over the sale's lines with that SKU, first line first.
    let mut taken: HashMap<i64, (Quantity, Rupiah)> = HashMap::new();
    for item in items {
        if !item.quantity.is_positive() {
            return Err(StoreError::NonPositiveQuantity);
        }
        let matching: Vec<&mut ReturnableLine> = lines
            .iter_mut()
            .filter(|l| l.sku.eq_ignore_ascii_case(item.sku.trim()))
            .collect();
        if matching.is_empty() {
            return Err(StoreError::NotOnReceipt {
                sku: item.sku.clone(),
                receipt: sale.receipt.clone(),
            });
        }
        let left_total = matching
            .iter()
            .try_fold(Quantity::ZERO, |acc, l| acc.checked_add(l.left()))?;
        if item.quantity > left_total {
            return Err(StoreError::ReturnTooMuch {
                sku: item.sku.clone(),
                asked: item.quantity,
                left: left_total,
            });
        }
        let mut wanted = item.quantity;
        for line in matching {
            if wanted == Quantity::ZERO {
                break;
            }
            let part = wanted.min(line.left());
            if part == Quantity::ZERO {
                continue;
            }
            let worth = line.worth_of(part)?;
            line.returned = line.returned.checked_add(part)?;
            wanted = wanted.checked_sub(part)?;
            let entry = taken
                .entry(line.line_no)
                .or_insert((Quantity::ZERO, Rupiah::ZERO));
            entry.0 = entry.0.checked_add(part)?;
            entry.1 = entry.1.checked_add(worth)?;
        }
    }
    let worth = Rupiah::sum(taken.values().map(|(_, amount)| *amount))?;
    let given = refund.amount.checked_add(kasbon_refund)?;
    if given > worth {
        return Err(StoreError::RefundTooMuch {
            asked: given,
            worth,
        });
    }
    Ok((lines, taken, worth))
}

/// What a refund needs the manager for: money back for all (or all but a
/// sliver, under [`SLIVER_DIVISOR`]th) of what is left of a sale is a void
/// without the void's PIN, and more than half its money back is nearly
/// one; cash back beyond the cash the sale took (a QRIS
/// sale refunded from the drawer) is money out of a drawer it never entered.
fn refund_approval(
    conn: &rusqlite::Connection,
    sale: &super::CompletedSale,
    planned: &[ReturnableLine],
    refund: &Tender,
    kasbon_refund: Rupiah,
) -> Result<Option<Approval>> {
    if !refund.amount.is_positive() {
        return Ok(None);
    }
    let sale_id = sale.id.to_string();
    let (left_after, net) = worth_left(planned)?;
    if left_after.value().saturating_mul(SLIVER_DIVISOR) <= net.value() {
        return Ok(Some(Approval::WholeRefund {
            receipt: sale.receipt.clone(),
        }));
    }
    // More than half the sale's money back, in one return or bit by bit,
    // is the manager's too.
    let before: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(refund + kasbon_refund), 0) FROM returns WHERE sale_id = ?1",
        )?
        .query_row([&sale_id], |r| r.get(0))?;
    let given = Rupiah::new(before)
        .checked_add(refund.amount)?
        .checked_add(kasbon_refund)?;
    if given.value().saturating_mul(2) > sale.total.value() {
        return Ok(Some(Approval::MostRefunded {
            receipt: sale.receipt.clone(),
            given,
            total: sale.total,
        }));
    }
    if refund.method == PaymentMethod::Cash {
        let took = Rupiah::sum(
            sale.payments
                .iter()
                .filter(|p| p.method == PaymentMethod::Cash)
                .map(|p| p.amount),
        )?;
        let given: i64 = conn
            .prepare_cached(
                "SELECT COALESCE(SUM(refund), 0) FROM returns WHERE sale_id = ?1 AND refund_method = 'cash'",
            )?
            .query_row([&sale_id], |r| r.get(0))?;
        let after = Rupiah::new(given).checked_add(refund.amount)?;
        if after > took {
            return Ok(Some(Approval::CashBeyondCash {
                receipt: sale.receipt.clone(),
                refund: refund.amount,
                took,
            }));
        }
    }
    Ok(None)
}

/// A refund that leaves less than a twentieth of a sale standing counts as
/// the whole of it.
const SLIVER_DIVISOR: i64 = 20;

/// What the sale's lines are worth once the planned return is taken back
/// too (each line's net less its running share of what came back), and
/// the lines' net in all.
fn worth_left(planned: &[ReturnableLine]) -> Result<(Rupiah, Rupiah)> {
    let mut left = Rupiah::ZERO;
    for line in planned {
        let back = line
            .net
            .ratio(line.returned.milli(), line.quantity.milli())?;
        left = left.checked_add(line.net.checked_sub(back)?)?;
    }
    let net = Rupiah::sum(planned.iter().map(|l| l.net))?;
    Ok((left, net))
}

/// The money part (one till method; none is cash 0) and the kasbon part of
/// a return's refunds.
fn split_refunds(refunds: &[Tender]) -> Result<(Tender, Rupiah)> {
    let (kasbon, money): (Vec<&Tender>, Vec<&Tender>) = refunds
        .iter()
        .partition(|t| t.method == PaymentMethod::Kasbon);
    if kasbon.len() > 1 || money.len() > 1 {
        return Err(StoreError::RefundMethods);
    }
    for tender in refunds {
        if tender.amount.is_negative() {
            return Err(crate::money::MoneyError::NegativeAmount(tender.amount.to_string()).into());
        }
    }
    let money = money.first().map(|t| (*t).clone()).unwrap_or(Tender {
        method: PaymentMethod::Cash,
        amount: Rupiah::ZERO,
        reference: None,
    });
    Ok((money, kasbon.first().map_or(Rupiah::ZERO, |t| t.amount)))
}

/// The sale's kasbon, and what of it may still go back to the kasbon: what
/// earlier returns have not given back, and never more than the customer
/// still owes (kasbon already paid off comes back as money).
fn kasbon_left(
    tx: &rusqlite::Transaction<'_>,
    sale: &super::CompletedSale,
    today: time::Date,
) -> Result<(Rupiah, Rupiah)> {
    let kasbon = Rupiah::sum(
        sale.payments
            .iter()
            .filter(|p| p.method == PaymentMethod::Kasbon)
            .map(|p| p.amount),
    )?;
    let before: i64 = tx
        .prepare_cached("SELECT COALESCE(SUM(kasbon_refund), 0) FROM returns WHERE sale_id = ?1")?
        .query_row([sale.id.to_string()], |r| r.get(0))?;
    let left = kasbon.checked_sub(Rupiah::new(before))?.max(Rupiah::ZERO);
    let customer = sale
        .payments
        .iter()
        .find(|p| p.method == PaymentMethod::Kasbon)
        .and_then(|p| p.customer.as_deref());
    let owed = match customer {
        Some(code) => {
            let customer = super::customers::find(tx, code)?;
            super::customers::balance_of(tx, &customer, today)?
                .balance
                .max(Rupiah::ZERO)
        }
        None => Rupiah::ZERO,
    };
    Ok((kasbon, left.min(owed)))
}

/// Kasbon goes back before money: returned goods of a kasbon sale lower the
/// customer's balance, not the drawer.
fn check_kasbon_first(
    receipt: &str,
    worth: Rupiah,
    sale_kasbon: Rupiah,
    kasbon_left: Rupiah,
    money: Rupiah,
    kasbon: Rupiah,
) -> Result<()> {
    if kasbon.is_positive() && sale_kasbon == Rupiah::ZERO {
        return Err(KasbonError::RefundNotKasbon {
            receipt: receipt.to_string(),
        }
        .into());
    }
    if kasbon > kasbon_left {
        return Err(KasbonError::RefundOverKasbon {
            receipt: receipt.to_string(),
            asked: kasbon,
            left: kasbon_left,
        }
        .into());
    }
    let first = kasbon_left.min(worth);
    if money.is_positive() && kasbon < first {
        return Err(KasbonError::RefundMustBeKasbon {
            receipt: receipt.to_string(),
            left: first,
        }
        .into());
    }
    Ok(())
}
