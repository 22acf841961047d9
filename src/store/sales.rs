//! Ringing up a sale: priced, paid, numbered, and on disk in one transaction
//! before its receipt number is shown. A completed sale is never edited.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use time::OffsetDateTime;
use uuid::Uuid;

use super::bulk::insert_rows;
use super::days::{day_key, open_unless_closed};
use super::stock::{Movement, MovementKind, record_many};
use super::{Product, Result, Store, StoreError, sequence};
use crate::clock;
use crate::domain::cart::{CartLine, PricedCart, price_cart};
use crate::domain::discount::{Discount, needs_approval};
use crate::domain::kasbon::{KasbonError, kasbon_part, within_limit};
use crate::domain::payment::{AppliedPayment, PaymentMethod, Settlement, Tender, settle};
use crate::domain::receipt_number::receipt_number;
use crate::domain::record::{PaymentRecord, SaleLineRecord, SaleRecord};
use crate::domain::record_check;
use crate::money::{Quantity, Rupiah};

/// One item the buyer takes: a SKU or barcode, how much, and its discount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleItem {
    pub code: String,
    pub quantity: Quantity,
    pub discount: Option<Discount>,
}

/// A sale as the cashier enters it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaleRequest {
    pub items: Vec<SaleItem>,
    pub discount: Option<Discount>,
    pub tenders: Vec<Tender>,
}

/// Who takes the kasbon part of a sale, and the manager's PIN for kasbon
/// past the customer's limit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Credit {
    /// The customer's code.
    pub customer: String,
    pub pin: Option<String>,
}

/// A line of a completed sale, with the product as it was sold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SoldLine {
    pub line_no: i64,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub unit: String,
    pub unit_price: Rupiah,
    pub quantity: Quantity,
    pub gross: Rupiah,
    pub line_discount: Rupiah,
    pub sale_discount_share: Rupiah,
    pub net: Rupiah,
    /// Sold at its harga grosir: below the product's normal price then.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub wholesale: bool,
}

/// A sale as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CompletedSale {
    #[serde(skip)]
    pub id: Uuid,
    pub seq: i64,
    pub receipt: String,
    pub day: String,
    pub created_at: String,
    pub subtotal: Rupiah,
    pub line_discounts: Rupiah,
    pub sale_discount: Rupiah,
    pub tax: Rupiah,
    pub total: Rupiah,
    pub tendered: Rupiah,
    pub change: Rupiah,
    pub lines: Vec<SoldLine>,
    pub payments: Vec<AppliedPayment>,
    pub voided: bool,
}

impl CompletedSale {
    /// The sale as it travels to the office.
    pub fn to_record(&self) -> SaleRecord {
        SaleRecord {
            id: self.id.to_string(),
            seq: self.seq,
            receipt: self.receipt.clone(),
            day: self.day.clone(),
            created_at: self.created_at.clone(),
            subtotal: self.subtotal.value(),
            line_discounts: self.line_discounts.value(),
            sale_discount: self.sale_discount.value(),
            tax: self.tax.value(),
            total: self.total.value(),
            lines: self
                .lines
                .iter()
                .map(|l| SaleLineRecord {
                    line_no: l.line_no,
                    sku: l.sku.clone(),
                    name: l.name.clone(),
                    category: l.category.clone(),
                    unit: l.unit.clone(),
                    unit_price: l.unit_price.value(),
                    quantity_milli: l.quantity.milli(),
                    gross: l.gross.value(),
                    line_discount: l.line_discount.value(),
                    sale_discount_share: l.sale_discount_share.value(),
                    net: l.net.value(),
                })
                .collect(),
            payments: self
                .payments
                .iter()
                .map(|p| PaymentRecord {
                    method: p.method.key().to_string(),
                    amount: p.amount.value(),
                    tendered: p.tendered.value(),
                    reference: p.reference.clone(),
                    customer: p.customer.clone(),
                })
                .collect(),
        }
    }
}

impl Store {
    /// Completes a sale. Checks everything before writing; writes everything
    /// in one transaction; returns the receipt.
    pub fn complete_sale(
        &mut self,
        request: &SaleRequest,
        now: OffsetDateTime,
    ) -> Result<CompletedSale> {
        self.complete_sale_on(request, None, now)
    }

    /// Completes a sale of which a part (or all) is kasbon for
    /// `credit`'s customer: past their limit only with the manager PIN. A
    /// kasbon tender without a customer is refused, as is a customer
    /// without one.
    pub fn complete_sale_on(
        &mut self,
        request: &SaleRequest,
        credit: Option<&Credit>,
        now: OffsetDateTime,
    ) -> Result<CompletedSale> {
        self.complete_sale_approved(request, credit, None, now)
    }

    /// Completes a sale whose discount may be above what the vendor gives
    /// alone (`pin_discount_percent` of a line or of the sale): then only
    /// with the manager `pin`, checked before anything is written and
    /// recorded as a `pin_used` event naming the receipt.
    pub fn complete_sale_approved(
        &mut self,
        request: &SaleRequest,
        credit: Option<&Credit>,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<CompletedSale> {
        let identity = self.require_stall()?;
        let settings = self.settings()?;
        // Scale barcodes become their product with the label's weight.
        let expanded;
        let request = match self.expand_scale_items(&request.items)? {
            Some(items) => {
                expanded = SaleRequest {
                    items,
                    ..request.clone()
                };
                &expanded
            }
            None => request,
        };
        let products = self.products_for_sale(request.items.iter().map(|i| i.code.as_str()))?;
        let priced = price_request(request, &products, settings.tax)?;
        let mut settlement = settle(priced.total, &request.tenders)?;
        let names: Vec<&str> = products.iter().map(|p| p.name.as_str()).collect();
        let approval = needs_approval(&priced, &names, settings.pin_discount_percent);
        if let Some(approval) = &approval {
            let pin = pin.or(credit.and_then(|c| c.pin.as_deref()));
            self.approve(pin, approval, now)?;
        }
        let kasbon = kasbon_part(&request.tenders, credit.is_some())?;
        let customer = match credit {
            Some(credit) => Some(self.kasbon_customer(credit, kasbon, &mut settlement, now)?),
            None => None,
        };
        let customer_id = customer.as_ref().map(|c| c.id.to_string());

        let date = self.business_day(now);
        let day = day_key(date);
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7();
        let tax_mode = settings.tax.mode.key();
        self.write(|tx| {
            let (latest, status, number_in_day) = before_writing(tx, &day)?;
            open_unless_closed(tx, &day, &stamp, status.as_deref())?;
            let seq = sequence::next_after(tx, &stamp, latest.as_deref())?;
            let receipt = receipt_number(identity.stall_code(), date, number_in_day);
            let row = SaleRow {
                id,
                seq,
                receipt: &receipt,
                day: &day,
                number_in_day,
                stamp: &stamp,
                tax_mode,
            };
            insert_sale(tx, &row, &priced, &settlement)?;
            let (lines, movements) = sold_lines(&products, request, &priced, id)?;
            // All lines in one statement, all ledger rows in another (their
            // trigger moves each product's stock figure), all payments in a
            // third: a sale costs a handful of statements however long the
            // cart.
            insert_lines(tx, id, &products, &lines)?;
            record_many(tx, &movements, &stamp)?;
            // Titip jual: what each consigned line owes, fixed now.
            let consigned = super::consign::fix_owed(tx, id, &products, &lines)?;
            insert_payments(tx, id, &settlement.payments, customer_id.as_deref())?;
            if let Some(approval) = &approval {
                let detail = format!("{receipt}: {approval}");
                super::events::record(tx, "pin_used", &detail, &day, &stamp)?;
            }
            let sale = CompletedSale {
                id,
                seq,
                receipt,
                day: day.clone(),
                created_at: stamp.clone(),
                subtotal: priced.subtotal,
                line_discounts: priced.line_discounts,
                sale_discount: priced.sale_discount,
                tax: priced.tax,
                total: priced.total,
                tendered: settlement.tendered,
                change: settlement.change,
                lines,
                payments: settlement.payments.clone(),
                voided: false,
            };
            check_as_the_office(&sale, &consigned, identity.stall_code(), date)?;
            Ok(sale)
        })
    }

    /// The sale with this receipt number, as it was completed.
    pub fn sale(&self, receipt: &str) -> Result<CompletedSale> {
        read_sale(&self.conn, receipt.trim())?
            .ok_or_else(|| StoreError::UnknownReceipt(receipt.to_string()))
    }
}

/// All lines in one statement. The product's cost (HPP) goes with the
/// line: laba kotor counts what the goods cost when they were sold, not what
/// they cost today.
fn insert_lines(
    tx: &Transaction<'_>,
    sale_id: Uuid,
    products: &[Product],
    lines: &[SoldLine],
) -> Result<()> {
    let rows = products.iter().zip(lines).map(|(product, line)| {
        vec![
            Value::Text(sale_id.to_string()),
            Value::Integer(line.line_no),
            Value::Text(product.id.to_string()),
            Value::Text(line.sku.clone()),
            Value::Text(line.name.clone()),
            Value::Text(line.category.clone()),
            Value::Text(line.unit.clone()),
            Value::Integer(line.unit_price.value()),
            Value::Integer(line.quantity.milli()),
            Value::Integer(line.gross.value()),
            Value::Integer(line.line_discount.value()),
            Value::Integer(line.sale_discount_share.value()),
            Value::Integer(line.net.value()),
            product
                .cost
                .map_or(Value::Null, |cost| Value::Integer(cost.value())),
        ]
    });
    insert_rows(
        tx,
        "sale_lines",
        &[
            "sale_id",
            "line_no",
            "product_id",
            "sku",
            "name",
            "category",
            "unit",
            "unit_price",
            "quantity",
            "gross",
            "line_discount",
            "sale_discount_share",
            "net",
            "unit_cost",
        ],
        rows,
    )
}

/// All payments in one statement.
fn insert_payments(
    tx: &Transaction<'_>,
    sale_id: Uuid,
    payments: &[AppliedPayment],
    customer_id: Option<&str>,
) -> Result<()> {
    let rows = payments.iter().enumerate().map(|(index, payment)| {
        // Only the kasbon part is the customer's debt.
        let customer = customer_id.filter(|_| payment.method == PaymentMethod::Kasbon);
        vec![
            Value::Text(sale_id.to_string()),
            Value::Integer(index as i64 + 1),
            Value::Text(payment.method.key().into()),
            Value::Integer(payment.amount.value()),
            Value::Integer(payment.tendered.value()),
            payment.reference.clone().map_or(Value::Null, Value::Text),
            customer.map_or(Value::Null, |c| Value::Text(c.into())),
        ]
    });
    insert_rows(
        tx,
        "payments",
        &[
            "sale_id",
            "line_no",
            "method",
            "amount",
            "tendered",
            "reference",
            "customer_id",
        ],
        rows,
    )
}

pub(super) fn read_sale(conn: &Connection, receipt: &str) -> Result<Option<CompletedSale>> {
    let head = conn
        .prepare_cached(
            "SELECT id, seq, receipt, day, created_at, subtotal, line_discounts, sale_discount, tax, total,
                    tendered, change, EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = sales.id)
             FROM sales WHERE receipt = ?1",
        )?
        .query_row([receipt], |r| {
            Ok(CompletedSale {
                id: Uuid::parse_str(&r.get::<_, String>(0)?).unwrap_or_default(),
                seq: r.get(1)?,
                receipt: r.get(2)?,
                day: r.get(3)?,
                created_at: r.get(4)?,
                subtotal: Rupiah::new(r.get(5)?),
                line_discounts: Rupiah::new(r.get(6)?),
                sale_discount: Rupiah::new(r.get(7)?),
                tax: Rupiah::new(r.get(8)?),
                total: Rupiah::new(r.get(9)?),
                tendered: Rupiah::new(r.get(10)?),
                change: Rupiah::new(r.get(11)?),
                lines: Vec::new(),
                payments: Vec::new(),
                voided: r.get(12)?,
            })
        })
        .optional()?;
    let Some(mut sale) = head else {
        return Ok(None);
    };
    let id = sale.id.to_string();
    // The product's normal price then: its price record before the sale.
    let mut lines = conn.prepare_cached(
        "SELECT line_no, sku, name, category, unit, unit_price, quantity, gross, line_discount,
                sale_discount_share, net,
                (SELECT pc.price FROM price_changes pc WHERE pc.sku = l.sku AND pc.after_seq < ?2
                 ORDER BY pc.after_seq DESC, pc.rowid DESC LIMIT 1)
         FROM sale_lines l WHERE sale_id = ?1 ORDER BY line_no",
    )?;
    sale.lines = lines
        .query_map(rusqlite::params![&id, sale.seq], |r| {
            Ok(SoldLine {
                line_no: r.get(0)?,
                sku: r.get(1)?,
                name: r.get(2)?,
                category: r.get(3)?,
                unit: r.get(4)?,
                unit_price: Rupiah::new(r.get(5)?),
                quantity: Quantity::from_milli(r.get(6)?),
                gross: Rupiah::new(r.get(7)?),
                line_discount: Rupiah::new(r.get(8)?),
                sale_discount_share: Rupiah::new(r.get(9)?),
                net: Rupiah::new(r.get(10)?),
                wholesale: r
                    .get::<_, Option<i64>>(11)?
                    .is_some_and(|normal| r.get::<_, i64>(5).is_ok_and(|unit| unit < normal)),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut payments = conn.prepare_cached(
        "SELECT p.method, p.amount, p.tendered, p.reference, c.code
         FROM payments p LEFT JOIN customers c ON c.id = p.customer_id
         WHERE p.sale_id = ?1 ORDER BY p.line_no",
    )?;
    sale.payments = payments
        .query_map([&id], |r| {
            let method: String = r.get(0)?;
            Ok(AppliedPayment {
                method: PaymentMethod::parse(&method).unwrap_or(PaymentMethod::Cash),
                amount: Rupiah::new(r.get(1)?),
                tendered: Rupiah::new(r.get(2)?),
                reference: r.get(3)?,
                customer: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(sale))
}

impl Store {
    /// The customer a kasbon sale goes to, within their credit limit or
    /// past it with the manager PIN; the kasbon payments carry their code.
    fn kasbon_customer(
        &mut self,
        credit: &Credit,
        kasbon: Rupiah,
        settlement: &mut Settlement,
        now: OffsetDateTime,
    ) -> Result<super::Customer> {
        let customer = super::customers::find(&self.conn, &credit.customer)?;
        let today = self.business_day(now);
        let balance = super::customers::balance_of(&self.conn, &customer, today)?.balance;
        let (after, within) = within_limit(balance, kasbon, customer.limit)?;
        if !within {
            match credit.pin.as_deref() {
                Some(pin) => self.verify_pin(pin, now)?,
                None => {
                    return Err(KasbonError::OverLimit {
                        customer: customer.name.clone(),
                        after,
                        limit: customer.limit,
                    }
                    .into());
                }
            }
        }
        for payment in &mut settlement.payments {
            if payment.method == PaymentMethod::Kasbon {
                payment.customer = Some(customer.code.clone());
            }
        }
        Ok(customer)
    }
}

/// The cart priced: each line at its product's price for its quantity
/// (a wholesale tier), in a quantity its unit allows.
fn price_request(
    request: &SaleRequest,
    products: &[Product],
    tax: crate::domain::tax::TaxRule,
) -> Result<PricedCart> {
    for (item, product) in request.items.iter().zip(products) {
        product.unit.check(item.quantity)?;
    }
    let cart: Vec<CartLine> = request
        .items
        .iter()
        .zip(products)
        .map(|(item, product)| CartLine {
            unit_price: product.unit_price(item.quantity),
            quantity: item.quantity,
            discount: item.discount,
        })
        .collect();
    Ok(price_cart(&cart, request.discount, tax)?)
}

/// What the sale needs to know before it writes, in one read: the book's
/// latest time (the clock guard), the day's state and the day's next
/// receipt number (above any a restore gave up).
fn before_writing(
    tx: &Transaction<'_>,
    day: &str,
) -> Result<(Option<String>, Option<String>, u32)> {
    Ok(tx
        .prepare_cached(
            "SELECT (SELECT latest_at FROM record_sequence WHERE id = 1),
                    (SELECT status FROM days WHERE day = ?1),
                    MAX(COALESCE((SELECT MAX(number_in_day) FROM sales WHERE day = ?1), 0),
                        COALESCE((SELECT last_number FROM receipt_floor WHERE day = ?1), 0)) + 1",
        )?
        .query_row([day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

/// A sale's own row: what it is called and when.
struct SaleRow<'a> {
    id: Uuid,
    seq: i64,
    receipt: &'a str,
    day: &'a str,
    number_in_day: u32,
    stamp: &'a str,
    tax_mode: &'a str,
}

fn insert_sale(
    tx: &Transaction<'_>,
    row: &SaleRow<'_>,
    priced: &PricedCart,
    settlement: &Settlement,
) -> Result<()> {
    tx.prepare_cached(
                "INSERT INTO sales (id, seq, receipt, day, number_in_day, created_at, subtotal, line_discounts,
                                    sale_discount, tax_mode, tax, total, tendered, change)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                row.id.to_string(),
                row.seq,
                row.receipt,
                row.day,
                row.number_in_day,
                row.stamp,
                priced.subtotal.value(),
                priced.line_discounts.value(),
                priced.sale_discount.value(),
                row.tax_mode,
                priced.tax.value(),
                priced.total.value(),
                settlement.tendered.value(),
                settlement.change.value()
            ])?;
    Ok(())
}

/// The sold lines as the receipt shows them, and the stock ledger's rows
/// they make (one out per line).
fn sold_lines(
    products: &[Product],
    request: &SaleRequest,
    priced: &PricedCart,
    id: Uuid,
) -> Result<(Vec<SoldLine>, Vec<Movement<'static>>)> {
    let mut lines = Vec::with_capacity(products.len());
    let mut movements = Vec::with_capacity(products.len());
    for (index, ((product, item), figures)) in products
        .iter()
        .zip(&request.items)
        .zip(&priced.lines)
        .enumerate()
    {
        let line = SoldLine {
            line_no: index as i64 + 1,
            sku: product.sku.clone(),
            name: product.name.clone(),
            category: product.category.clone(),
            unit: product.unit.key().to_string(),
            unit_price: product.unit_price(item.quantity),
            quantity: item.quantity,
            gross: figures.gross,
            line_discount: figures.line_discount,
            sale_discount_share: figures.sale_discount_share,
            net: figures.net,
            wholesale: product.unit_price(item.quantity) < product.price,
        };
        movements.push(Movement {
            product_id: product.id,
            kind: MovementKind::Sale,
            quantity: item.quantity.checked_neg()?,
            unit_cost: None,
            note: None,
            sale_id: Some(id),
        });
        lines.push(line);
    }
    Ok((lines, movements))
}

/// The office's own rules, checked before the sale is kept: the stall
/// never records what the office would refuse.
fn check_as_the_office(
    sale: &CompletedSale,
    consigned: &[crate::domain::record::ConsignedLineRecord],
    stall: &str,
    date: time::Date,
) -> Result<()> {
    let context = record_check::Context {
        stall,
        latest_day: date.next_day().unwrap_or(date),
    };
    let record = sale.to_record();
    record_check::check_sale(&record, &context)?;
    for line in consigned {
        record_check::check_consigned_line(line, &record)?;
    }
    Ok(())
}
