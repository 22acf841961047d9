//! The book read as money events for the month's books: one event per sale,
//! void, return, payout, repayment, expense, day close's selisih, stock row
//! and register record. Nothing is stored twice: the journal is made from
//! these each time it is asked for.

use std::collections::HashMap;

use rusqlite::Connection;
use time::Date;

use super::registers::not_cancelled;
use super::{Result, Store};
use crate::domain::books_event::{Event, Paid, Purse, SaleMoney};
use crate::domain::profit::{cost_of, returned_cost};
use crate::money::{Quantity, Rupiah};

fn day(text: &str) -> Date {
    crate::clock::parse_day(text).unwrap_or(Date::MIN)
}

fn purse_of(method: &str) -> Purse {
    if method == "cash" {
        Purse::Cash
    } else {
        Purse::Bank
    }
}

/// Adds `amount` paid by `method` to a sale's money.
fn add_paid(money: &mut SaleMoney, method: &str, amount: Rupiah) -> Result<()> {
    let purse = match method {
        "cash" => &mut money.cash,
        "kasbon" => &mut money.receivable,
        _ => &mut money.bank,
    };
    *purse = purse.checked_add(amount)?;
    Ok(())
}

/// Splits what was paid into own goods, commission and owed: consigned
/// lines' net less what they owe is commission; the rest is the stall's own.
fn split(money: &mut SaleMoney, consigned_net: Rupiah) -> Result<()> {
    let paid = Rupiah::sum([money.cash, money.bank, money.receivable])?;
    money.commission = consigned_net.checked_sub(money.owed)?;
    money.own = paid.checked_sub(consigned_net)?;
    Ok(())
}

/// Each sale's money, keyed by sale id, with its day.
fn sales(conn: &Connection) -> Result<HashMap<String, (Date, SaleMoney, Rupiah)>> {
    let mut out: HashMap<String, (Date, SaleMoney, Rupiah)> = HashMap::new();
    let mut statement = conn.prepare("SELECT s.id, s.day FROM sales s")?;
    for row in statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (id, d) = row?;
        out.insert(id, (day(&d), SaleMoney::default(), Rupiah::ZERO));
    }
    let mut statement = conn.prepare("SELECT sale_id, method, amount FROM payments")?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })? {
        let (id, method, amount) = row?;
        if let Some((_, money, _)) = out.get_mut(&id) {
            add_paid(money, &method, Rupiah::new(amount))?;
        }
    }
    let mut statement = conn.prepare(
        "SELECT l.sale_id, l.net, l.quantity, l.unit_cost, cl.owed FROM sale_lines l
         LEFT JOIN consigned_lines cl ON cl.sale_id = l.sale_id AND cl.line_no = l.line_no",
    )?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })? {
        let (id, net, quantity, unit_cost, owed) = row?;
        let Some((_, money, consigned)) = out.get_mut(&id) else {
            continue;
        };
        match owed {
            Some(owed) => {
                money.owed = money.owed.checked_add(Rupiah::new(owed))?;
                *consigned = consigned.checked_add(Rupiah::new(net))?;
            }
            None => {
                if let Some(cost) = unit_cost {
                    let cost = cost_of(Rupiah::new(cost), Quantity::from_milli(quantity))?;
                    money.cost = money.cost.checked_add(cost)?;
                }
            }
        }
    }
    for (_, money, consigned) in out.values_mut() {
        split(money, *consigned)?;
    }
    Ok(out)
}

fn voids(
    conn: &Connection,
    sales: &HashMap<String, (Date, SaleMoney, Rupiah)>,
) -> Result<Vec<Event>> {
    let mut statement = conn.prepare("SELECT sale_id, day FROM voids")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, d) = row?;
        if let Some((_, money, _)) = sales.get(&id) {
            out.push(Event::Void {
                date: day(&d),
                money: *money,
            });
        }
    }
    Ok(out)
}

/// Each return's money: what went back (refund by its method, kasbon
/// refunded), consigned lines' share of what they owed, own lines' cost.
fn returns(conn: &Connection) -> Result<Vec<Event>> {
    let mut out: HashMap<String, (Date, SaleMoney, Rupiah)> = HashMap::new();
    let mut order = Vec::new();
    let mut statement = conn.prepare(
        "SELECT id, day, refund_method, refund, kasbon_refund FROM returns ORDER BY seq",
    )?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })? {
        let (id, d, method, refund, kasbon) = row?;
        let mut money = SaleMoney::default();
        add_paid(&mut money, &method, Rupiah::new(refund))?;
        money.receivable = money.receivable.checked_add(Rupiah::new(kasbon))?;
        order.push(id.clone());
        out.insert(id, (day(&d), money, Rupiah::ZERO));
    }
    let mut statement = conn.prepare(
        "SELECT r.id, rl.quantity, rl.amount, l.quantity, l.unit_cost, cl.owed,
                COALESCE((SELECT SUM(rl2.quantity) FROM return_lines rl2 JOIN returns r2 ON r2.id = rl2.return_id
                          WHERE r2.sale_id = r.sale_id AND rl2.line_no = rl.line_no AND r2.seq < r.seq), 0)
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id
         JOIN sale_lines l ON l.sale_id = r.sale_id AND l.line_no = rl.line_no
         LEFT JOIN consigned_lines cl ON cl.sale_id = l.sale_id AND cl.line_no = l.line_no",
    )?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })? {
        let (id, quantity, amount, sold, unit_cost, owed, before) = row?;
        let Some((_, money, consigned)) = out.get_mut(&id) else {
            continue;
        };
        let (sold, before, quantity) = (
            Quantity::from_milli(sold),
            Quantity::from_milli(before),
            Quantity::from_milli(quantity),
        );
        match owed {
            Some(owed) => {
                let share = returned_cost(Rupiah::new(owed), sold, before, quantity)?;
                money.owed = money.owed.checked_add(share)?;
                *consigned = consigned.checked_add(Rupiah::new(amount))?;
            }
            None => {
                if let Some(cost) = unit_cost {
                    let whole = cost_of(Rupiah::new(cost), sold)?;
                    let share = returned_cost(whole, sold, before, quantity)?;
                    money.cost = money.cost.checked_add(share)?;
                }
            }
        }
    }
    let mut events = Vec::new();
    for id in order {
        if let Some((date, mut money, consigned)) = out.remove(&id) {
            split(&mut money, consigned)?;
            events.push(Event::Return { date, money });
        }
    }
    Ok(events)
}

/// Rows of (day, key, amount) from one query.
fn rows(conn: &Connection, sql: &str) -> Result<Vec<(Date, String, Rupiah)>> {
    let mut statement = conn.prepare(sql)?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, key, amount) = row?;
        out.push((day(&d), key, Rupiah::new(amount)));
    }
    Ok(out)
}

/// Payouts to producers, kasbon repaid, expenses, and each day's last
/// close's selisih kas.
fn drawer_money(conn: &Connection) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for (date, method, amount) in rows(conn, "SELECT day, method, amount FROM producer_payouts")? {
        out.push(Event::Payout {
            date,
            amount,
            from: purse_of(&method),
        });
    }
    for (date, method, amount) in rows(conn, "SELECT day, method, amount FROM kasbon_repayments")? {
        out.push(Event::Repayment {
            date,
            amount,
            into: purse_of(&method),
        });
    }
    let expenses =
        "SELECT day, CASE from_drawer WHEN 1 THEN 'cash' ELSE 'bank' END, amount FROM expenses";
    for (date, purse, amount) in rows(conn, expenses)? {
        out.push(Event::Expense {
            date,
            amount,
            from: purse_of(&purse),
        });
    }
    let closes = "SELECT c.day, '', -c.difference FROM day_closes c
                  WHERE c.seq = (SELECT MAX(c2.seq) FROM day_closes c2 WHERE c2.day = c.day)";
    for (date, _, amount) in rows(conn, closes)? {
        if amount != Rupiah::ZERO {
            out.push(Event::CashShort { date, amount });
        }
    }
    Ok(out)
}

/// The stall's own goods in and out at cost: receipts as purchases (paid as
/// the row says; rows from before that was asked count as the owner's
/// money), adjustments and counts as a cost or a gain. A row without a cost
/// takes the product's HPP now.
fn stock(conn: &Connection) -> Result<Vec<Event>> {
    let mut statement = conn.prepare(
        "SELECT substr(m.created_at, 1, 10), m.kind, m.quantity, COALESCE(m.unit_cost, p.cost, 0), m.paid
         FROM stock_movements m JOIN products p ON p.id = m.product_id
         WHERE m.kind IN ('receive', 'adjust', 'count')
           AND NOT EXISTS (SELECT 1 FROM product_consignments c WHERE c.product_id = m.product_id)
         ORDER BY m.created_at, m.rowid",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, kind, quantity, unit_cost, paid) = row?;
        let date = day(&d);
        let value = cost_of(Rupiah::new(unit_cost), Quantity::from_milli(quantity))?;
        if value == Rupiah::ZERO {
            continue;
        }
        if kind == "receive" {
            let paid = paid.as_deref().and_then(Paid::parse).unwrap_or(Paid::Owner);
            out.push(Event::Purchase {
                date,
                cost: value,
                paid,
            });
        } else {
            out.push(Event::StockChange {
                date,
                amount: value.checked_neg()?,
            });
        }
    }
    Ok(out)
}

fn registers(conn: &Connection) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    let mut statement = conn.prepare(&format!(
        "SELECT o.day, o.cash, o.bank, o.inventory, o.equity FROM books_openings o WHERE {}
         ORDER BY o.created_at DESC, o.rowid DESC LIMIT 1",
        not_cancelled("o")
    ))?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })? {
        let (d, cash, bank, inventory, equity) = row?;
        out.push(Event::Opening {
            date: day(&d),
            cash: Rupiah::new(cash),
            bank: Rupiah::new(bank),
            inventory: Rupiah::new(inventory),
            equity: Rupiah::new(equity),
        });
    }
    let mut statement = conn.prepare(&format!(
        "SELECT a.day, a.cost, a.life_months, a.paid FROM fixed_assets a WHERE {}",
        not_cancelled("a")
    ))?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, String>(3)?,
        ))
    })? {
        let (d, cost, life_months, paid) = row?;
        out.push(Event::Asset {
            date: day(&d),
            cost: Rupiah::new(cost),
            life_months,
            paid: Paid::parse(&paid).unwrap_or(Paid::Owner),
        });
    }
    let loans = format!(
        "SELECT l.day, '', l.amount FROM loans l WHERE {}",
        not_cancelled("l")
    );
    for (date, _, amount) in rows(conn, &loans)? {
        out.push(Event::Loan { date, amount });
    }
    let mut statement = conn.prepare(&format!(
        "SELECT p.day, p.principal, p.interest FROM loan_payments p WHERE {}",
        not_cancelled("p")
    ))?;
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })? {
        let (d, principal, interest) = row?;
        out.push(Event::LoanPayment {
            date: day(&d),
            principal: Rupiah::new(principal),
            interest: Rupiah::new(interest),
        });
    }
    out.extend(money_moves(conn)?);
    Ok(out)
}

fn money_moves(conn: &Connection) -> Result<Vec<Event>> {
    let mut statement = conn.prepare(&format!(
        "SELECT m.day, m.kind, m.purse, m.amount FROM money_moves m WHERE {}",
        not_cancelled("m")
    ))?;
    let mut out = Vec::new();
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })? {
        let (d, kind, purse, amount) = row?;
        let (date, amount) = (day(&d), Rupiah::new(amount));
        let from = Purse::from_key(&purse).unwrap_or(Purse::Cash);
        out.push(match super::registers::MoneyMove::from_key(&kind) {
            Some(super::registers::MoneyMove::OwnerDraw) => Event::Drawing { date, amount, from },
            Some(super::registers::MoneyMove::SupplierPaid) => {
                Event::SupplierPaid { date, amount, from }
            }
            _ => Event::Deposit { date, amount },
        });
    }
    Ok(out)
}

impl Store {
    /// Every money event in the book, in day order (a day's events in the
    /// order their kinds are read; the statements need only the day).
    pub fn money_events(&self) -> Result<Vec<Event>> {
        self.require_stall()?;
        let sales = sales(&self.conn)?;
        let mut events: Vec<Event> = sales
            .values()
            .map(|(date, money, _)| Event::Sale {
                date: *date,
                money: *money,
            })
            .collect();
        events.extend(voids(&self.conn, &sales)?);
        events.extend(returns(&self.conn)?);
        events.extend(drawer_money(&self.conn)?);
        events.extend(stock(&self.conn)?);
        events.extend(registers(&self.conn)?);
        events.sort_by_key(Event::date);
        Ok(events)
    }
}
