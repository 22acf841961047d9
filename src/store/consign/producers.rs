//! Producers and the terms of their consigned products.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::clock;
use crate::domain::consign::{self, ConsignError, Terms};
use crate::domain::record::ProducerInfo;
use crate::domain::regency::Regency;
use crate::money::Rupiah;
use crate::store::products::{NewProduct, Product, insert_product};
use crate::store::{Result, Store, StoreError};

/// A producer as the book holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Producer {
    #[serde(skip)]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub regency: u16,
    pub regency_name: String,
    pub nib: Option<String>,
    pub phone: Option<String>,
    pub bank: Option<String>,
}

impl Producer {
    /// The producer as the office sees them.
    pub fn info(&self) -> ProducerInfo {
        ProducerInfo {
            code: self.code.clone(),
            name: self.name.clone(),
            regency: self.regency,
            regency_kemendagri: Regency::by_code(self.regency).map(|r| r.kemendagri.into()),
            nib: self.nib.clone(),
        }
    }
}

/// The fields of a producer to add, or to replace (the code stays).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewProducer {
    pub code: String,
    pub name: String,
    pub regency: u16,
    pub nib: Option<String>,
    pub phone: Option<String>,
    pub bank: Option<String>,
}

impl NewProducer {
    /// As a person typed it, made canonical: the code upper case, text
    /// trimmed, empty optional fields absent.
    pub fn normalised(&self) -> NewProducer {
        let optional = |text: &Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        NewProducer {
            code: consign::normalise_code(&self.code),
            name: self.name.trim().to_string(),
            regency: self.regency,
            nib: optional(&self.nib),
            phone: optional(&self.phone),
            bank: optional(&self.bank),
        }
    }

    /// Checks every field (call on the normalised form).
    pub fn validate(&self) -> std::result::Result<(), ConsignError> {
        consign::validate_code(&self.code)?;
        consign::validate_name(&self.name)?;
        consign::validate_regency(self.regency)?;
        if let Some(nib) = &self.nib {
            consign::validate_nib(nib)?;
        }
        if let Some(phone) = &self.phone {
            consign::validate_phone(phone)?;
        }
        if let Some(bank) = &self.bank {
            consign::validate_bank(bank)?;
        }
        Ok(())
    }
}

/// A consigned product's producer and terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consignment {
    pub producer: String,
    pub terms: Terms,
}

/// A producer's figures over all time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProducerBalance {
    pub producer: String,
    pub name: String,
    pub regency: u16,
    pub regency_name: String,
    pub nib: Option<String>,
    /// Owed for the lines sold, less what returns took back.
    pub owed: Rupiah,
    pub paid: Rupiah,
    pub balance: Rupiah,
}

const COLUMNS: &str = "id, code, name, regency, nib, phone, bank";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Producer> {
    let regency: u16 = row.get(3)?;
    Ok(Producer {
        id: Uuid::parse_str(&row.get::<_, String>(0)?).unwrap_or_default(),
        code: row.get(1)?,
        name: row.get(2)?,
        regency,
        regency_name: Regency::by_code(regency)
            .map(|r| r.name.to_string())
            .unwrap_or_default(),
        nib: row.get(4)?,
        phone: row.get(5)?,
        bank: row.get(6)?,
    })
}

pub(super) fn producer_in(conn: &rusqlite::Connection, code: &str) -> Result<Producer> {
    let code = consign::normalise_code(code);
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM producers WHERE code = ?1"))?
        .query_row([&code], from_row)
        .optional()?
        .ok_or_else(|| ConsignError::UnknownProducer(code).into())
}

pub(super) fn producer_by_id(conn: &rusqlite::Connection, id: &str) -> Result<Producer> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM producers WHERE id = ?1"))?
        .query_row([id], from_row)?)
}

/// The terms a product is consigned under now, if it is consigned.
pub(super) fn consignment_of(
    conn: &rusqlite::Connection,
    product_id: Uuid,
) -> Result<Option<(String, Terms)>> {
    let row: Option<(String, String, i64)> = conn
        .prepare_cached(
            "SELECT producer_id, basis, rate FROM product_consignments WHERE product_id = ?1",
        )?
        .query_row([product_id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    Ok(row.and_then(|(producer, basis, rate)| {
        Terms::from_parts(&basis, rate).map(|terms| (producer, terms))
    }))
}

fn write_consignment(
    tx: &Transaction<'_>,
    product_id: Uuid,
    producer_id: Uuid,
    terms: Terms,
    stamp: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO product_consignments (product_id, producer_id, basis, rate, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (product_id) DO UPDATE SET producer_id = excluded.producer_id,
             basis = excluded.basis, rate = excluded.rate, updated_at = excluded.updated_at",
    )?
    .execute(params![
        product_id.to_string(),
        producer_id.to_string(),
        terms.basis(),
        terms.rate(),
        stamp
    ])?;
    Ok(())
}

impl Store {
    /// Adds a producer.
    pub fn add_producer(
        &mut self,
        producer: &NewProducer,
        now: OffsetDateTime,
    ) -> Result<Producer> {
        self.require_stall()?;
        let producer = producer.normalised();
        producer.validate()?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            let taken: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM producers WHERE code = ?1)")?
                .query_row([&producer.code], |r| r.get(0))?;
            if taken {
                return Err(ConsignError::DuplicateProducer(producer.code.clone()).into());
            }
            tx.prepare_cached(
                "INSERT INTO producers (id, code, name, regency, nib, phone, bank, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )?
            .execute(params![
                Uuid::now_v7().to_string(),
                producer.code,
                producer.name,
                producer.regency,
                producer.nib,
                producer.phone,
                producer.bank,
                stamp
            ])?;
            Ok(())
        })?;
        self.producer(&producer.code)
    }

    /// Replaces a producer's name, regency, NIB, phone and bank text. The
    /// code stays: it is how the stall's records and the office know them.
    pub fn update_producer(
        &mut self,
        code: &str,
        fields: &NewProducer,
        now: OffsetDateTime,
    ) -> Result<Producer> {
        self.require_stall()?;
        let existing = self.producer(code)?;
        let fields = NewProducer {
            code: existing.code.clone(),
            ..fields.normalised()
        };
        fields.validate()?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.execute(
                "UPDATE producers SET name = ?2, regency = ?3, nib = ?4, phone = ?5, bank = ?6, updated_at = ?7
                 WHERE id = ?1",
                params![
                    existing.id.to_string(),
                    fields.name,
                    fields.regency,
                    fields.nib,
                    fields.phone,
                    fields.bank,
                    stamp
                ],
            )?;
            Ok(())
        })?;
        self.producer(&existing.code)
    }

    /// The producer with this code (any case).
    pub fn producer(&self, code: &str) -> Result<Producer> {
        producer_in(&self.conn, code)
    }

    /// Every producer, by code.
    pub fn producers(&self) -> Result<Vec<Producer>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM producers ORDER BY code"))?;
        let rows = statement.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every producer with what they are owed, were paid, and the balance.
    pub fn producer_balances(&self) -> Result<Vec<ProducerBalance>> {
        self.require_stall()?;
        let mut balances = Vec::new();
        for producer in self.producers()? {
            let (owed, paid) = super::statement::totals(&self.conn, &producer, None)?;
            balances.push(ProducerBalance {
                producer: producer.code.clone(),
                name: producer.name.clone(),
                regency: producer.regency,
                regency_name: producer.regency_name.clone(),
                nib: producer.nib.clone(),
                owed,
                paid,
                balance: owed.checked_sub(paid)?,
            });
        }
        Ok(balances)
    }

    /// Adds a product that belongs to a producer, with its terms, in one
    /// transaction: both or neither.
    pub fn add_consigned_product(
        &mut self,
        product: &NewProduct,
        producer: &str,
        terms: Terms,
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        product.validate()?;
        let producer = self.producer(producer)?;
        terms.check_for_price(product.price)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            let id = insert_product(tx, product, &stamp)?;
            crate::store::prices::note_price(tx, id, &stamp)?;
            write_consignment(tx, id, producer.id, terms, &stamp)
        })?;
        self.find_product(&product.sku)
    }

    /// [`Store::add_consigned_product`] for a product that also gets a
    /// scale PLU. Everything is checked before anything is written.
    pub fn add_consigned_product_with_plu(
        &mut self,
        product: &NewProduct,
        producer: &str,
        terms: Terms,
        plu: Option<crate::domain::scale::Plu>,
        now: OffsetDateTime,
    ) -> Result<Product> {
        let Some(plu) = plu else {
            return self.add_consigned_product(product, producer, terms, now);
        };
        self.require_stall()?;
        product.validate()?;
        let producer = self.producer(producer)?;
        terms.check_for_price(product.price)?;
        let added = self.add_product_with_plu(product, Some(plu), now)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| write_consignment(tx, added.id, producer.id, terms, &stamp))?;
        self.find_product(&added.sku)
    }

    /// Makes a product a producer's consigned product under `terms` (or
    /// changes its terms), or, with `None`, the stall's own again. Lines
    /// already sold keep what they owed.
    pub fn set_consignment(
        &mut self,
        sku: &str,
        consignment: Option<(&str, Terms)>,
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        let product = self.find_product(sku)?;
        let stamp = clock::stamp(now, self.offset);
        // Goods on hand keep their owner: the producer's stock does not
        // become the stall's (sold with no cost, owed to nobody), nor the
        // stall's stock the producer's.
        let consigned_now = self.consignment(&product.sku)?.is_some();
        if consigned_now != consignment.is_some() && product.stock != crate::money::Quantity::ZERO {
            return Err(StoreError::OwnerWithStock {
                sku: product.sku.clone(),
                stock: product.stock.to_string(),
            });
        }
        match consignment {
            Some((producer, terms)) => {
                let producer = self.producer(producer)?;
                terms.check_for_price(product.price)?;
                self.write(|tx| write_consignment(tx, product.id, producer.id, terms, &stamp))?;
            }
            None => {
                self.write(|tx| {
                    tx.execute(
                        "DELETE FROM product_consignments WHERE product_id = ?1",
                        [product.id.to_string()],
                    )?;
                    Ok(())
                })?;
            }
        }
        self.find_product(&product.sku)
    }

    /// The producer and terms of a consigned product; `None` for the
    /// stall's own goods.
    pub fn consignment(&self, sku: &str) -> Result<Option<Consignment>> {
        let product = self.find_product(sku)?;
        match consignment_of(&self.conn, product.id)? {
            Some((producer_id, terms)) => Ok(Some(Consignment {
                producer: producer_by_id(&self.conn, &producer_id)?.code,
                terms,
            })),
            None => Ok(None),
        }
    }
}

/// A new price may not fall below a consigned product's harga setor.
pub(in crate::store) fn check_price(
    tx: &Transaction<'_>,
    product_id: Uuid,
    price: Rupiah,
) -> Result<()> {
    if let Some((_, terms)) = consignment_of(tx, product_id)? {
        terms.check_for_price(price)?;
    }
    Ok(())
}
