//! The catalogue: products with their prices, barcodes and stock.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Result, Store, StoreError};
use crate::clock;
use crate::domain::barcode::validate_ean13;
use crate::domain::price_tier::{self, PriceTier};
use crate::domain::product::{
    validate_category, validate_cost, validate_min_stock, validate_name, validate_price,
    validate_sku,
};
use crate::domain::unit::Unit;
use crate::money::{Quantity, Rupiah};

/// A product as the book holds it, with its stock (the sum of its ledger,
/// kept beside the product by the ledger's trigger).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Product {
    #[serde(skip)]
    pub id: Uuid,
    pub sku: String,
    pub barcode: Option<String>,
    pub name: String,
    pub unit: Unit,
    pub category: String,
    pub price: Rupiah,
    pub cost: Option<Rupiah>,
    pub min_stock: Quantity,
    pub stock: Quantity,
    /// The producer's code, for goods on consignment (*titip jual*).
    pub producer: Option<String>,
    /// *Harga grosir*: lower unit prices from a quantity up.
    pub tiers: Vec<PriceTier>,
}

impl Product {
    /// The unit price of a line of `quantity`: its harga grosir once the
    /// quantity reaches a tier.
    pub fn unit_price(&self, quantity: Quantity) -> Rupiah {
        price_tier::unit_price(self.price, &self.tiers, quantity)
    }

    /// At or below its minimum: time to restock.
    pub fn is_low(&self) -> bool {
        self.stock <= self.min_stock
    }
}

/// The category of a product given none. It is the stall's data, not a word
/// of the screen: one word in every language, or the category list shows
/// "Umum" beside "General".
pub const DEFAULT_CATEGORY: &str = "Umum";

/// The fields of a product to add or to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProduct {
    pub sku: String,
    pub barcode: Option<String>,
    pub name: String,
    pub unit: Unit,
    pub category: String,
    pub price: Rupiah,
    pub cost: Option<Rupiah>,
    pub min_stock: Quantity,
}

impl NewProduct {
    /// Checks every field; the book also refuses duplicates.
    pub fn validate(&self) -> Result<()> {
        validate_sku(&self.sku)?;
        if let Some(barcode) = &self.barcode {
            validate_ean13(barcode)?;
        }
        validate_name(&self.name)?;
        validate_category(&self.category)?;
        validate_price(self.price)?;
        if let Some(cost) = self.cost {
            validate_cost(cost)?;
        }
        validate_min_stock(self.min_stock)?;
        Ok(())
    }
}

/// How the stock screen orders its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProductOrder {
    #[default]
    Name,
    Sku,
    Price,
    Stock,
}

/// Which products to list.
#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    /// Part of the name, SKU or barcode.
    pub search: Option<String>,
    pub category: Option<String>,
    pub low_stock_only: bool,
}

/// `p.stock` is the sum of the product's ledger rows, kept by the trigger on
/// `stock_movements` in the same transaction as each row (schema.sql,
/// migration 14): reading it costs nothing, however long the ledger.
const PRODUCT_COLUMNS: &str =
    "p.id, p.sku, p.barcode, p.name, p.unit, p.category, p.price, p.cost, p.min_stock, p.stock,
     (SELECT pr.code FROM product_consignments c JOIN producers pr ON pr.id = c.producer_id
      WHERE c.product_id = p.id), p.price_tiers";

/// [`Product::is_low`] in SQL, word for word the condition of the partial
/// index `products_low`: the planner uses that index only for a query that
/// says exactly this.
const LOW: &str = "p.stock <= p.min_stock";

fn product_from_row(row: &Row<'_>) -> rusqlite::Result<Product> {
    let id: String = row.get(0)?;
    let unit: String = row.get(4)?;
    Ok(Product {
        id: Uuid::parse_str(&id).unwrap_or_default(),
        sku: row.get(1)?,
        barcode: row.get(2)?,
        name: row.get(3)?,
        unit: Unit::parse(&unit).unwrap_or(Unit::Pcs),
        category: row.get(5)?,
        price: Rupiah::new(row.get(6)?),
        cost: row.get::<_, Option<i64>>(7)?.map(Rupiah::new),
        min_stock: Quantity::from_milli(row.get(8)?),
        stock: Quantity::from_milli(row.get(9)?),
        producer: row.get(10)?,
        // Written only through price_tier::to_column after its checks.
        tiers: price_tier::from_column(&row.get::<_, String>(11)?).unwrap_or_default(),
    })
}

impl Store {
    /// Adds a product to the catalogue.
    pub fn add_product(&mut self, product: &NewProduct, now: OffsetDateTime) -> Result<Product> {
        self.add_product_with_tiers(product, &[], now)
    }

    /// [`Store::add_product`] with its harga grosir, in one write.
    pub fn add_product_with_tiers(
        &mut self,
        product: &NewProduct,
        tiers: &[PriceTier],
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        product.validate()?;
        let tiers = checked_tiers(product.price, product.unit, tiers)?;
        let stamp = clock::stamp(now, self.offset);
        let id = self.write(|tx| {
            let id = insert_product(tx, product, &stamp)?;
            write_tiers(tx, id, &tiers, &stamp)?;
            super::prices::note_price(tx, id, &stamp)?;
            Ok(id)
        })?;
        self.product_by_id(id)
    }

    /// [`Store::update_product`] with new harga grosir, in one write: the
    /// tiers are checked against the new price, not the old.
    pub fn update_product_with_tiers(
        &mut self,
        sku: &str,
        product: &NewProduct,
        tiers: &[PriceTier],
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        product.validate()?;
        let tiers = checked_tiers(product.price, product.unit, tiers)?;
        let existing = self.find_product(sku)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            write_tiers(tx, existing.id, &tiers, &stamp)?;
            update_product(tx, existing.id, product, &stamp)?;
            super::prices::note_price(tx, existing.id, &stamp)
        })?;
        self.product_by_id(existing.id)
    }

    /// Replaces the fields of the product with SKU `sku` (its history stays).
    pub fn update_product(
        &mut self,
        sku: &str,
        product: &NewProduct,
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        product.validate()?;
        let existing = self.find_product(sku)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            update_product(tx, existing.id, product, &stamp)?;
            super::prices::note_price(tx, existing.id, &stamp)
        })?;
        self.product_by_id(existing.id)
    }

    /// Sets a product's *harga grosir* (none: no tiers), checked against its
    /// price.
    pub fn set_price_tiers(
        &mut self,
        sku: &str,
        tiers: &[PriceTier],
        now: OffsetDateTime,
    ) -> Result<Product> {
        self.require_stall()?;
        let product = self.find_product(sku)?;
        let tiers = checked_tiers(product.price, product.unit, tiers)?;
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            write_tiers(tx, product.id, &tiers, &stamp)?;
            super::prices::note_price(tx, product.id, &stamp)
        })?;
        self.product_by_id(product.id)
    }

    /// The product whose SKU (any case) or barcode is `code`.
    pub fn find_product(&self, code: &str) -> Result<Product> {
        self.lookup_product(code)?
            .ok_or_else(|| StoreError::UnknownProduct(code.to_string()))
    }

    /// Like [`Store::find_product`], but `None` for an unknown code.
    pub fn lookup_product(&self, code: &str) -> Result<Option<Product>> {
        let code = code.trim();
        let sql =
            format!("SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.sku = ?1 OR p.barcode = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([code], product_from_row)
            .optional()?)
    }

    fn product_by_id(&self, id: Uuid) -> Result<Product> {
        let sql = format!("SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id.to_string()], product_from_row)?)
    }

    /// Products matching `filter`, by name.
    pub fn list_products(&self, filter: &ProductFilter) -> Result<Vec<Product>> {
        let low = if filter.low_stock_only {
            format!("AND {LOW}")
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {PRODUCT_COLUMNS} FROM products p
             WHERE (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR p.sku LIKE ?1 ESCAPE '\\' OR p.barcode LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR p.category = ?2) {low}
             ORDER BY p.name COLLATE NOCASE, p.sku"
        );
        let pattern = filter
            .search
            .as_deref()
            .map(|s| format!("%{}%", escape_like(s.trim())));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![pattern, filter.category], product_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The till's search as you type: an exact barcode or SKU first, then
    /// SKUs that start with the text, then names: for one or two letters,
    /// names that start with them; for more, names with words that start with
    /// each word typed ("pis cok" finds "Keripik Pisang Coklat"). Every step
    /// walks an index and stops at `limit`, so the cost does not grow with
    /// the catalogue; each product's stock is the figure kept beside it.
    pub fn search_products(&self, query: &str, limit: usize) -> Result<Vec<Product>> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut rowids: Vec<i64> = Vec::with_capacity(limit);
        let take = |rows: Vec<i64>, rowids: &mut Vec<i64>| {
            for rowid in rows {
                if rowids.len() < limit && !rowids.contains(&rowid) {
                    rowids.push(rowid);
                }
            }
        };
        let ids = |sql: &str, values: &[&dyn rusqlite::ToSql]| -> Result<Vec<i64>> {
            let mut statement = self.conn.prepare_cached(sql)?;
            let rows = statement.query_map(values, |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let upper = format!("{query}\u{10FFFF}");
        let limit_sql = limit as i64;
        take(
            ids(
                "SELECT rowid FROM products WHERE sku = ?1 OR barcode = ?1",
                &[&query],
            )?,
            &mut rowids,
        );
        take(
            ids(
                "SELECT rowid FROM products WHERE sku >= ?1 AND sku < ?2 ORDER BY sku LIMIT ?3",
                &[&query, &upper, &limit_sql],
            )?,
            &mut rowids,
        );
        if query.chars().count() < 3 {
            take(
                ids(
                    "SELECT rowid FROM products WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE
                     ORDER BY name COLLATE NOCASE LIMIT ?3",
                    &[&query, &upper, &limit_sql],
                )?,
                &mut rowids,
            );
        } else if let Some(words) = fts_prefix_query(query) {
            let mut statement = self.conn.prepare_cached(
                "SELECT p.rowid, p.name FROM products_fts f JOIN products p ON p.rowid = f.rowid
                 WHERE products_fts MATCH ?1 LIMIT ?2",
            )?;
            let mut named: Vec<(i64, String)> = statement
                .query_map(params![words, (limit * 2) as i64], |r| {
                    Ok((r.get(0)?, r.get::<_, String>(1)?.to_lowercase()))
                })?
                .collect::<rusqlite::Result<_>>()?;
            // Names that start with what was typed come first, then A–Z.
            let lower = query.to_lowercase();
            named.sort_by(|a, b| {
                (!a.1.starts_with(&lower), &a.1).cmp(&(!b.1.starts_with(&lower), &b.1))
            });
            take(
                named.into_iter().map(|(rowid, _)| rowid).collect(),
                &mut rowids,
            );
        }
        let sql = format!("SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.rowid = ?1");
        let mut statement = self.conn.prepare_cached(&sql)?;
        rowids
            .into_iter()
            .map(|rowid| Ok(statement.query_row([rowid], product_from_row)?))
            .collect()
    }

    /// The products of a sale's items, in the items' order, in one read
    /// however long the cart: each code is a SKU (any case) or a barcode, and
    /// a SKU wins over another product's equal barcode. The first code that
    /// is neither is refused.
    pub(super) fn products_for_sale<'a>(
        &self,
        codes: impl Iterator<Item = &'a str> + Clone,
    ) -> Result<Vec<Product>> {
        // One JSON array bound to one cached statement, whatever the count.
        let wanted =
            serde_json::Value::from(codes.clone().map(str::trim).collect::<Vec<_>>()).to_string();
        let sql = format!(
            "SELECT {PRODUCT_COLUMNS} FROM products p
             WHERE p.sku IN (SELECT value FROM json_each(?1))
                OR p.barcode IN (SELECT value FROM json_each(?1))"
        );
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_map([wanted], product_from_row)?
            .collect::<rusqlite::Result<Vec<Product>>>()?;
        codes
            .map(|code| {
                let code = code.trim();
                // The SKU column compares with NOCASE: ASCII letters only.
                found
                    .iter()
                    .find(|p| p.sku.eq_ignore_ascii_case(code))
                    .or_else(|| found.iter().find(|p| p.barcode.as_deref() == Some(code)))
                    .cloned()
                    .ok_or_else(|| StoreError::UnknownProduct(code.to_string()))
            })
            .collect()
    }

    /// One page of the stock screen's table, sorted and cut in SQL, with the
    /// number of products the filter matches: the screen never holds the
    /// whole catalogue. Only the filters in use are written into the query,
    /// so each one's index serves it: the low-stock filter reads the
    /// `products_low` index (only the low products), the stock sort walks
    /// `products_stock` and stops at the page's end, and without a filter
    /// the count is SQLite's count of a table's entries.
    pub fn product_page(
        &self,
        filter: &ProductFilter,
        order: ProductOrder,
        descending: bool,
        limit: usize,
    ) -> Result<(Vec<Product>, usize)> {
        self.product_page_from(filter, order, descending, 0, limit)
    }

    /// [`Store::product_page`] from the `skip`-th row on: the stock table's
    /// later pages.
    pub fn product_page_from(
        &self,
        filter: &ProductFilter,
        order: ProductOrder,
        descending: bool,
        skip: usize,
        limit: usize,
    ) -> Result<(Vec<Product>, usize)> {
        let pattern = filter
            .search
            .as_deref()
            .map(|s| format!("%{}%", escape_like(s.trim())));
        let mut terms: Vec<String> = Vec::new();
        let mut values: Vec<&dyn rusqlite::ToSql> = Vec::new();
        if let Some(pattern) = &pattern {
            terms.push(
                "(p.name LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\')"
                    .into(),
            );
            values.extend([pattern as &dyn rusqlite::ToSql, pattern, pattern]);
        }
        if let Some(category) = &filter.category {
            terms.push("p.category = ?".into());
            values.push(category);
        }
        // Named, not left to the planner's guess: a catalogue with few low
        // products must not be walked whole in another index's order.
        let from = if filter.low_stock_only {
            terms.push(LOW.into());
            "products p INDEXED BY products_low"
        } else {
            "products p"
        };
        let matches = if terms.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", terms.join(" AND "))
        };
        let direction = if descending { "DESC" } else { "ASC" };
        let by = match order {
            ProductOrder::Name => format!("p.name COLLATE NOCASE {direction}, p.sku"),
            ProductOrder::Sku => format!("p.sku {direction}"),
            ProductOrder::Price => format!("p.price {direction}, p.name COLLATE NOCASE"),
            // Ties by name in the same direction, so `products_stock` is
            // read forwards or backwards and never sorted: many products
            // share a stock of zero.
            ProductOrder::Stock => {
                format!("p.stock {direction}, p.name COLLATE NOCASE {direction}")
            }
        };
        let limit = limit as i64;
        let skip = skip as i64;
        let mut page_values = values.clone();
        page_values.push(&limit);
        page_values.push(&skip);
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM {from} {matches} ORDER BY {by} LIMIT ? OFFSET ?"
        ))?;
        let products = statement
            .query_map(page_values.as_slice(), product_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // The low filter alone is counted by the triggers of migration 16;
        // with a search or a category the count walks only what they match.
        let count = if filter.low_stock_only && values.is_empty() {
            "SELECT low FROM product_counts".to_string()
        } else {
            format!("SELECT COUNT(*) FROM {from} {matches}")
        };
        let total: i64 = self
            .conn
            .prepare_cached(&count)?
            .query_row(values.as_slice(), |r| r.get(0))?;
        Ok((products, total as usize))
    }

    /// The goods a producer consigns to the stall now, by name.
    pub fn producer_products(&self, producer: &str) -> Result<Vec<Product>> {
        let producer = self.producer(producer)?;
        let sql = format!(
            "SELECT {PRODUCT_COLUMNS} FROM product_consignments c JOIN products p ON p.id = c.product_id
             WHERE c.producer_id = ?1 ORDER BY p.name COLLATE NOCASE, p.sku"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([producer.id.to_string()], product_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The categories in use, alphabetically. Each step asks the
    /// `products_category` index for the first category after the last one
    /// found, so the cost follows the number of categories, not of products.
    pub fn categories(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "WITH RECURSIVE used (category) AS (
                 SELECT MIN(category) FROM products
                 UNION ALL
                 SELECT (SELECT MIN(p.category) FROM products p WHERE p.category > used.category)
                 FROM used WHERE used.category IS NOT NULL
             )
             SELECT category FROM used WHERE category IS NOT NULL ORDER BY category COLLATE NOCASE",
        )?;
        let rows = statement.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// `pis cok` → `"pis"* "cok"*`: every typed word as a prefix. `None` when
/// nothing searchable was typed.
fn fts_prefix_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Refuses a SKU or barcode another product already has (the UNIQUE
/// constraints would too, but without saying which).
fn refuse_duplicates(
    tx: &Transaction<'_>,
    product: &NewProduct,
    except: Option<Uuid>,
) -> Result<()> {
    let except = except.map(|id| id.to_string());
    let taken = |column: &str, value: &str| -> Result<bool> {
        let sql =
            format!("SELECT 1 FROM products WHERE {column} = ?1 AND (?2 IS NULL OR id <> ?2)");
        Ok(tx
            .query_row(&sql, params![value, except], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if taken("sku", &product.sku)? {
        return Err(StoreError::DuplicateSku(product.sku.clone()));
    }
    if let Some(barcode) = &product.barcode
        && taken("barcode", barcode)?
    {
        return Err(StoreError::DuplicateBarcode(barcode.clone()));
    }
    super::barcodes::refuse_scale_prefix(tx, product.barcode.as_deref(), except.as_deref())?;
    Ok(())
}

/// Tiers checked for a product of `price` sold by `unit`: below the price
/// and falling, each from a quantity the unit sells in (whole packs).
fn checked_tiers(
    price: Rupiah,
    unit: crate::domain::unit::Unit,
    tiers: &[PriceTier],
) -> Result<Vec<PriceTier>> {
    let tiers = price_tier::check(price, tiers)?;
    for tier in &tiers {
        unit.check(tier.from)?;
    }
    Ok(tiers)
}

/// Writes a product's harga grosir (checked by the caller).
fn write_tiers(tx: &Transaction<'_>, id: Uuid, tiers: &[PriceTier], stamp: &str) -> Result<()> {
    tx.prepare_cached("UPDATE products SET price_tiers = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id.to_string(), price_tier::to_column(tiers), stamp])?;
    Ok(())
}

pub(super) fn insert_product(
    tx: &Transaction<'_>,
    product: &NewProduct,
    stamp: &str,
) -> Result<Uuid> {
    refuse_duplicates(tx, product, None)?;
    let id = Uuid::now_v7();
    write_product(
        tx,
        "INSERT INTO products (id, sku, barcode, name, unit, category, price, cost, min_stock, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        id,
        product,
        stamp,
    )?;
    Ok(id)
}

pub(super) fn update_product(
    tx: &Transaction<'_>,
    id: Uuid,
    product: &NewProduct,
    stamp: &str,
) -> Result<()> {
    refuse_duplicates(tx, product, Some(id))?;
    super::consign::check_price(tx, id, product.price)?;
    // A new price keeps the harga grosir below it (the form, the command
    // and a CSV import alike).
    let tiers: String = tx
        .prepare_cached("SELECT price_tiers FROM products WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))?;
    price_tier::check(product.price, &price_tier::from_column(&tiers)?)?;
    write_product(
        tx,
        "UPDATE products SET sku = ?2, barcode = ?3, name = ?4, unit = ?5, category = ?6, price = ?7,
                cost = ?8, min_stock = ?9, updated_at = ?10
         WHERE id = ?1",
        id,
        product,
        stamp,
    )
}

/// Runs `sql` with a product's fields as ?1 (id) to ?10 (time stamp).
fn write_product(
    tx: &Transaction<'_>,
    sql: &str,
    id: Uuid,
    product: &NewProduct,
    stamp: &str,
) -> Result<()> {
    tx.prepare_cached(sql)?.execute(params![
        id.to_string(),
        product.sku,
        product.barcode,
        product.name.trim(),
        product.unit.key(),
        product.category.trim(),
        product.price.value(),
        product.cost.map(Rupiah::value),
        product.min_stock.milli(),
        stamp
    ])?;
    Ok(())
}
