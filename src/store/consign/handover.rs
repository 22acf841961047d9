//! *Berita acara serah terima*: goods received from a producer (terima
//! titipan) or handed back to them (retur ke penitip), under one numbered
//! note; each line is a row of the stock ledger.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::producers::{Producer, consignment_of, producer_by_id, producer_in};
use crate::clock;
use crate::domain::consign::{self, ConsignError};
use crate::domain::limits::check_quantity;
use crate::money::Quantity;
use crate::store::stock::{Movement, MovementKind, record, stock_in};
use crate::store::{Product, Result, Store, StoreError};

/// Which way the goods went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoverKind {
    /// *Terima titipan*: goods in from the producer.
    Intake,
    /// *Retur ke penitip*: unsold goods back to the producer.
    Handback,
}

impl HandoverKind {
    pub fn key(self) -> &'static str {
        match self {
            HandoverKind::Intake => "intake",
            HandoverKind::Handback => "handback",
        }
    }

    fn from_key(key: &str) -> HandoverKind {
        if key == "handback" {
            HandoverKind::Handback
        } else {
            HandoverKind::Intake
        }
    }

    /// The note's title.
    pub fn title(self) -> &'static str {
        match self {
            HandoverKind::Intake => "Terima titipan",
            HandoverKind::Handback => "Retur ke penitip",
        }
    }
}

/// An item handed over: a SKU (or barcode) and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverItem {
    pub sku: String,
    pub quantity: Quantity,
}

/// A line of a note, with the product as it was then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandoverLine {
    pub sku: String,
    pub name: String,
    pub unit: String,
    pub quantity: Quantity,
    /// The product's stock after the note.
    pub stock: Quantity,
}

/// A handover note as the book holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandoverNote {
    pub number: String,
    pub kind: HandoverKind,
    pub producer: Producer,
    pub day: String,
    pub created_at: String,
    pub note: Option<String>,
    pub lines: Vec<HandoverLine>,
}

impl Store {
    /// *Terima titipan*: goods the producer `producer` brings in.
    pub fn consign_receive(
        &mut self,
        producer: &str,
        items: &[HandoverItem],
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<HandoverNote> {
        self.handover(HandoverKind::Intake, producer, items, note, now)
    }

    /// *Retur ke penitip*: unsold goods handed back to the producer.
    pub fn consign_return(
        &mut self,
        producer: &str,
        items: &[HandoverItem],
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<HandoverNote> {
        self.handover(HandoverKind::Handback, producer, items, note, now)
    }

    fn handover(
        &mut self,
        kind: HandoverKind,
        producer: &str,
        items: &[HandoverItem],
        note: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<HandoverNote> {
        let identity = self.require_stall()?;
        let producer = self.producer(producer)?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if let Some(note) = note {
            consign::validate_note(note)?;
        }
        if items.is_empty() {
            return Err(ConsignError::NoItems.into());
        }
        if items.len() > crate::domain::limits::MAX_LINES {
            return Err(crate::domain::limits::LimitError::Lines.into());
        }
        // Everything is checked before anything is written.
        let products = self.checked_items(kind, &producer, items)?;
        let date = self.business_day(now);
        let day = date.to_string();
        let stamp = clock::stamp(now, self.offset);
        let id = Uuid::now_v7();
        let number = self.write(|tx| {
            // No number to take, but no clock set back passes either.
            crate::store::sequence::guard(tx, &stamp)?;
            let number_in_day: u32 = tx
                .prepare_cached(
                    "SELECT COALESCE(MAX(number_in_day), 0) + 1 FROM handover_notes WHERE day = ?1",
                )?
                .query_row([&day], |r| r.get(0))?;
            let number = consign::handover_number(identity.stall_code(), date, number_in_day);
            tx.prepare_cached(
                "INSERT INTO handover_notes (id, number, kind, producer_id, day, number_in_day, created_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id.to_string(),
                number,
                kind.key(),
                producer.id.to_string(),
                day,
                number_in_day,
                stamp,
                note
            ])?;
            let ledger_note = format!("{} {} ({})", kind.title().to_lowercase(), number, producer.code);
            for (index, (product, quantity)) in products.iter().enumerate() {
                let line = (index as i64 + 1, product, *quantity);
                write_line(tx, kind, id, line, &ledger_note, &stamp)?;
            }
            Ok(number)
        })?;
        self.handover_note(&number)
    }

    /// Each item checked: a product of this producer's, once, in a
    /// quantity its unit allows, and no more handed back than is held.
    fn checked_items(
        &self,
        kind: HandoverKind,
        producer: &Producer,
        items: &[HandoverItem],
    ) -> Result<Vec<(Product, Quantity)>> {
        let mut seen = HashSet::new();
        let mut products = Vec::with_capacity(items.len());
        for item in items {
            let product = self.find_product(&item.sku)?;
            if !seen.insert(product.id) {
                return Err(ConsignError::RepeatedItem(product.sku).into());
            }
            if !item.quantity.is_positive() {
                return Err(StoreError::NonPositiveQuantity);
            }
            check_quantity(item.quantity)?;
            product.unit.check(item.quantity)?;
            let owner = consignment_of(&self.conn, product.id)?.map(|(producer_id, _)| producer_id);
            if owner.as_deref() != Some(producer.id.to_string().as_str()) {
                return Err(ConsignError::NotConsigned {
                    sku: product.sku,
                    producer: producer.code.clone(),
                }
                .into());
            }
            if kind == HandoverKind::Handback && item.quantity > product.stock {
                return Err(ConsignError::HandBackTooMuch {
                    sku: product.sku,
                    asked: item.quantity,
                    left: product.stock,
                }
                .into());
            }
            products.push((product, item.quantity));
        }
        Ok(products)
    }

    /// A handover note by its number, with each product's stock now.
    pub fn handover_note(&self, number: &str) -> Result<HandoverNote> {
        let head: Option<(String, String, String, String, String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT id, kind, producer_id, day, created_at, note FROM handover_notes WHERE number = ?1",
            )?
            .query_row([number.trim()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        let Some((id, kind, producer_id, day, created_at, note)) = head else {
            return Err(ConsignError::UnknownNote(number.trim().to_string()).into());
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT l.sku, l.name, l.unit, l.quantity, p.stock
             FROM handover_lines l JOIN products p ON p.id = l.product_id
             WHERE l.note_id = ?1 ORDER BY l.line_no",
        )?;
        let lines = statement
            .query_map([&id], |r| {
                Ok(HandoverLine {
                    sku: r.get(0)?,
                    name: r.get(1)?,
                    unit: r.get(2)?,
                    quantity: Quantity::from_milli(r.get(3)?),
                    stock: Quantity::from_milli(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(HandoverNote {
            number: number.trim().to_string(),
            kind: HandoverKind::from_key(&kind),
            producer: producer_by_id(&self.conn, &producer_id)?,
            day,
            created_at,
            note,
            lines,
        })
    }

    /// A producer's handover notes, newest first.
    pub fn handover_notes(&self, producer: &str) -> Result<Vec<(String, HandoverKind, String)>> {
        let producer = producer_in(&self.conn, producer)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT number, kind, day FROM handover_notes WHERE producer_id = ?1 ORDER BY created_at DESC, number DESC",
        )?;
        let rows = statement.query_map([producer.id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                HandoverKind::from_key(&r.get::<_, String>(1)?),
                r.get::<_, String>(2)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One line of a handover note, and the stock ledger's row it makes.
fn write_line(
    tx: &Transaction<'_>,
    kind: HandoverKind,
    id: Uuid,
    (line_no, product, quantity): (i64, &Product, Quantity),
    ledger_note: &str,
    stamp: &str,
) -> Result<()> {
    // Checked again inside the transaction: the book is the judge.
    if kind == HandoverKind::Handback {
        let stock = stock_in(tx, product.id)?;
        if quantity > stock {
            return Err(ConsignError::HandBackTooMuch {
                sku: product.sku.clone(),
                asked: quantity,
                left: stock,
            }
            .into());
        }
    }
    tx.prepare_cached(
        "INSERT INTO handover_lines (note_id, line_no, product_id, sku, name, unit, quantity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id.to_string(),
        line_no,
        product.id.to_string(),
        product.sku,
        product.name,
        product.unit.key(),
        quantity.milli()
    ])?;
    let (movement_kind, signed) = match kind {
        HandoverKind::Intake => (MovementKind::ConsignIn, quantity),
        HandoverKind::Handback => (MovementKind::ConsignOut, quantity.checked_neg()?),
    };
    record(
        tx,
        &Movement {
            product_id: product.id,
            kind: movement_kind,
            quantity: signed,
            unit_cost: None,
            note: Some(ledger_note),
            sale_id: None,
        },
        stamp,
    )?;
    Ok(())
}
