//! The catalogue as a spreadsheet: export to CSV, import from CSV written by
//! Excel (Indonesian Excel writes `;`), LibreOffice or by hand.
//!
//! Columns (header names, English or Indonesian): `sku`/`kode`, `name`/`nama`,
//! `price`/`harga`, and optionally `barcode`, `category`/`kategori`,
//! `unit`/`satuan`, `cost`/`hpp`, `min_stock`/`stok_min`, `stock`/`stok`.
//! A row whose SKU exists updates that product; a new one adds it, and its
//! `stock`, if any, is received as opening stock. Existing products' stock is
//! never set from a file: that is what *stok opname* is for. A column the
//! file leaves out keeps what an existing product has (a file of SKUs and
//! new prices changes only the prices); a column present but empty means
//! none, or the default.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use time::OffsetDateTime;

use super::products::{NewProduct, Product, ProductFilter, insert_product, update_product};
use super::spreadsheet::read_text_cell;
use super::stock::{Movement, MovementKind, record};
use super::table::{Cell, Table};
use super::{Result, Store, StoreError};
use crate::clock;
use crate::domain::pin::Approval;
use crate::domain::unit::{Unit, UnitError};
use crate::money::{MoneyError, Quantity, Rupiah};

/// What is wrong with a row (or the whole file) of a product CSV.
#[derive(Debug, thiserror::Error)]
pub enum CsvProblem {
    /// A row the csv reader could not read (too many cells, a bad quote),
    /// in its own words.
    #[error("tidak terbaca sebagai CSV ({0})")]
    Unreadable(String),
    #[error("bukan teks UTF-8 (simpan sebagai CSV UTF-8)")]
    NotUtf8,
    #[error("kolom {0} tidak ada di baris judul")]
    MissingColumn(&'static str),
    #[error("SKU kosong")]
    EmptySku,
    #[error("SKU {0} muncul dua kali di berkas")]
    RepeatedSku(String),
    #[error("{0}")]
    Quantity(MoneyError),
    #[error("{0}")]
    Unit(UnitError),
    #[error("harga: {0}")]
    Price(MoneyError),
    #[error("HPP: {0}")]
    Cost(MoneyError),
    #[error("stok awal tidak boleh negatif")]
    NegativeStock,
    /// The product or its opening stock, refused as it would be by hand.
    #[error("{0}")]
    Refused(Box<StoreError>),
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct CsvImportSummary {
    pub added: usize,
    pub updated: usize,
    /// Existing products whose row gave a stock other than theirs: stock
    /// is not set from a file, and the person is told so.
    pub stock_unchanged: usize,
    /// Existing products whose price the file changed (with the PIN).
    pub repriced: usize,
}

const HEADER: [&str; 9] = [
    "sku",
    "barcode",
    "name",
    "category",
    "unit",
    "price",
    "cost",
    "min_stock",
    "stock",
];

fn canonical(header: &str) -> Option<&'static str> {
    let key = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_");
    Some(match key.as_str() {
        "sku" | "kode" => "sku",
        "barcode" | "ean" => "barcode",
        "name" | "nama" | "nama_produk" => "name",
        "category" | "kategori" => "category",
        "unit" | "satuan" => "unit",
        "price" | "harga" | "harga_jual" => "price",
        "cost" | "hpp" => "cost",
        "min_stock" | "stok_min" | "stok_minimum" => "min_stock",
        "stock" | "stok" => "stock",
        _ => return None,
    })
}

struct Row {
    line: u64,
    product: NewProduct,
    stock: Option<Quantity>,
}

/// The optional columns a file has; the ones it lacks keep an existing
/// product's values.
struct Present(Vec<&'static str>);

impl Present {
    fn has(&self, column: &str) -> bool {
        self.0.contains(&column)
    }

    /// `row` as it updates `current`: what the file does not say stays.
    fn merged(&self, row: &NewProduct, current: &Product) -> NewProduct {
        let mut product = row.clone();
        if !self.has("barcode") {
            product.barcode = current.barcode.clone();
        }
        if !self.has("unit") {
            product.unit = current.unit;
        }
        if !self.has("category") {
            product.category = current.category.clone();
        }
        if !self.has("cost") {
            product.cost = current.cost;
        }
        if !self.has("min_stock") {
            product.min_stock = current.min_stock;
        }
        product
    }
}

fn parse(text: &str) -> Result<(Vec<Row>, Present)> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let csv_error = |line: u64, e: csv::Error| StoreError::Csv {
        line,
        problem: CsvProblem::Unreadable(e.to_string()),
    };
    let headers = reader.headers().map_err(|e| csv_error(1, e))?.clone();
    let columns: Vec<Option<&'static str>> = headers.iter().map(canonical).collect();
    for required in ["sku", "name", "price"] {
        if !columns.contains(&Some(required)) {
            return Err(StoreError::Csv {
                line: 1,
                problem: CsvProblem::MissingColumn(required),
            });
        }
    }
    let present = Present(columns.iter().flatten().copied().collect());
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            csv_error(line, e)
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let bad = |problem: CsvProblem| StoreError::Csv { line, problem };
        let field = |name: &str| -> Option<&str> {
            columns
                .iter()
                .position(|c| *c == Some(name))
                .and_then(|i| record.get(i))
                .map(str::trim)
                // A `'` written before a name like `=…` (see `spreadsheet`).
                .map(read_text_cell)
                .filter(|v| !v.is_empty())
        };
        let sku = field("sku")
            .ok_or_else(|| bad(CsvProblem::EmptySku))?
            .to_string();
        if !seen.insert(sku.to_lowercase()) {
            return Err(bad(CsvProblem::RepeatedSku(sku)));
        }
        let quantity = |name: &str| {
            field(name)
                .map(Quantity::parse)
                .transpose()
                .map_err(|e| bad(CsvProblem::Quantity(e)))
        };
        let product = NewProduct {
            barcode: field("barcode").map(str::to_string),
            name: field("name").unwrap_or("").to_string(),
            unit: field("unit")
                .map(Unit::parse)
                .transpose()
                .map_err(|e| bad(CsvProblem::Unit(e)))?
                .unwrap_or(Unit::Pcs),
            category: field("category")
                .unwrap_or(super::DEFAULT_CATEGORY)
                .to_string(),
            price: Rupiah::parse(field("price").unwrap_or(""))
                .map_err(|e| bad(CsvProblem::Price(e)))?,
            cost: field("cost")
                .map(Rupiah::parse)
                .transpose()
                .map_err(|e| bad(CsvProblem::Cost(e)))?,
            min_stock: quantity("min_stock")?.unwrap_or(Quantity::ZERO),
            sku,
        };
        product
            .validate()
            .map_err(|e| bad(CsvProblem::Refused(Box::new(e))))?;
        let stock = quantity("stock")?;
        if let Some(stock) = stock {
            if stock.is_negative() {
                return Err(bad(CsvProblem::NegativeStock));
            }
            product
                .unit
                .check(stock)
                .map_err(|e| bad(CsvProblem::Unit(e)))?;
        }
        rows.push(Row {
            line,
            product,
            stock,
        });
    }
    Ok((rows, present))
}

/// How many rows change the price (or unit) of a product already held:
/// a change the manager approves with the PIN.
fn count_repriced(rows: &[Row], present: &Present, existing: &HashMap<String, Product>) -> usize {
    rows.iter()
        .filter(|row| {
            existing
                .get(&row.product.sku.to_lowercase())
                .is_some_and(|current| {
                    // A price is per unit: g→kg changes it a thousandfold.
                    let merged = present.merged(&row.product, current);
                    merged.price != current.price || merged.unit != current.unit
                })
        })
        .count()
}

/// The file as UTF-8 text; a byte that is not is refused with its line.
fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        StoreError::Csv {
            line,
            problem: CsvProblem::NotUtf8,
        }
    })
}

impl Store {
    /// Imports a product CSV: every row or none. A bad row names its line.
    ///
    /// Prices of products already in the book changed by the file are the
    /// manager's: they need `pin`, and the approval is recorded.
    pub fn import_products(
        &mut self,
        path: &Path,
        pin: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<CsvImportSummary> {
        self.require_stall()?;
        let (rows, present) = parse(&read_utf8(path)?)?;
        let stamp = clock::stamp(now, self.offset);
        let existing: HashMap<String, Product> = self
            .list_products(&ProductFilter::default())?
            .into_iter()
            .map(|p| (p.sku.to_lowercase(), p))
            .collect();
        let repriced = count_repriced(&rows, &present, &existing);
        let approval = (repriced > 0).then_some(Approval::PriceImport { count: repriced });
        if let Some(approval) = &approval {
            self.approve(pin, approval, now)?;
        }
        let day = super::days::day_key(self.business_day(now));
        self.write(|tx| {
            let mut summary = CsvImportSummary::default();
            for row in &rows {
                let at_line = |e: StoreError| StoreError::Csv {
                    line: row.line,
                    problem: CsvProblem::Refused(Box::new(e)),
                };
                if let Some(current) = existing.get(&row.product.sku.to_lowercase()) {
                    let product = present.merged(&row.product, current);
                    update_product(tx, current.id, &product, &stamp).map_err(at_line)?;
                    super::prices::note_price(tx, current.id, &stamp).map_err(at_line)?;
                    if row.stock.is_some_and(|stock| stock != current.stock) {
                        summary.stock_unchanged += 1;
                    }
                    summary.updated += 1;
                } else {
                    let id = insert_product(tx, &row.product, &stamp).map_err(at_line)?;
                    super::prices::note_price(tx, id, &stamp).map_err(at_line)?;
                    if let Some(stock) = row.stock.filter(|s| s.is_positive()) {
                        let movement = Movement {
                            product_id: id,
                            kind: MovementKind::Receive,
                            quantity: stock,
                            unit_cost: row.product.cost,
                            note: Some("stok awal dari impor CSV"),
                            sale_id: None,
                        };
                        record(tx, &movement, &stamp).map_err(at_line)?;
                    }
                    summary.added += 1;
                }
            }
            if let Some(approval) = &approval {
                super::pin::record_approval(tx, approval, &day, &stamp)?;
            }
            summary.repriced = repriced;
            Ok(summary)
        })
    }

    /// Writes the whole catalogue with stock to `path`: XLSX for a `.xlsx`
    /// name, else CSV (UTF-8 with a BOM, which import reads back; text
    /// cells that would read as a formula get a leading `'`).
    pub fn export_products(&self, path: &Path) -> Result<usize> {
        let products = self.list_products(&ProductFilter::default())?;
        let mut table = Table::new("Produk", &HEADER);
        for p in &products {
            table.push(vec![
                Cell::code(&p.sku),
                Cell::maybe_code(p.barcode.as_deref()),
                Cell::text(&p.name),
                Cell::text(&p.category),
                Cell::code(p.unit.key()),
                Cell::Rupiah(p.price),
                p.cost.map_or(Cell::Empty, Cell::Rupiah),
                Cell::Quantity(p.min_stock),
                Cell::Quantity(p.stock),
            ]);
        }
        let bytes = table.bytes_for(path)?;
        super::files::write_whole(path, &bytes)?;
        Ok(products.len())
    }
}
