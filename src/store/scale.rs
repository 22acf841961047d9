//! The label scale's side of the book: each weighed product's PLU, and a
//! scanned scale barcode found as its product and quantity — one lookup for
//! the till's scan and for `sentra sale --item CODE=1`.

use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::products::insert_product;
use super::{NewProduct, Product, Result, SaleItem, Store, StoreError};
use crate::clock;
use crate::domain::scale::{Plu, ScaleError, ScaleReading, quantity_for};
use crate::money::Quantity;

/// A scale barcode as the till reads it: the product, the quantity of one
/// label (its weight, or what makes its price) and what the label said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleScan {
    pub code: String,
    pub product: Product,
    pub quantity: Quantity,
    pub reading: ScaleReading,
}

impl Store {
    /// The PLU of the product `sku`, if it has one.
    pub fn plu_of(&self, sku: &str) -> Result<Option<Plu>> {
        let product = self.find_product(sku)?;
        let plu: Option<u32> = self
            .conn
            .prepare_cached("SELECT plu FROM products WHERE id = ?1")?
            .query_row([product.id.to_string()], |r| r.get(0))?;
        Ok(plu.and_then(Plu::new))
    }

    /// The product a scale knows by `plu`.
    pub fn product_by_plu(&self, plu: Plu) -> Result<Option<Product>> {
        let sku: Option<String> = self
            .conn
            .prepare_cached("SELECT sku FROM products WHERE plu = ?1")?
            .query_row([plu.value()], |r| r.get(0))
            .optional()?;
        sku.map(|sku| self.find_product(&sku)).transpose()
    }

    /// Adds a product with the PLU a label scale prints for it.
    pub fn add_product_with_plu(
        &mut self,
        product: &NewProduct,
        plu: Option<Plu>,
        now: OffsetDateTime,
    ) -> Result<Product> {
        let Some(plu) = plu else {
            return self.add_product(product, now);
        };
        self.require_stall()?;
        product.validate()?;
        self.check_plu_free(plu, None)?;
        let stamp = clock::stamp(now, self.offset);
        let sku = product.sku.clone();
        self.write(|tx| {
            let id = insert_product(tx, product, &stamp)?;
            tx.prepare_cached("UPDATE products SET plu = ?1 WHERE id = ?2")?
                .execute(params![plu.value(), id.to_string()])?;
            super::prices::note_price(tx, id, &stamp)
        })?;
        self.find_product(&sku)
    }

    /// Sets (or with `None` clears) the PLU of the product `sku`.
    pub fn set_plu(&mut self, sku: &str, plu: Option<Plu>, now: OffsetDateTime) -> Result<Product> {
        self.require_stall()?;
        let product = self.find_product(sku)?;
        if let Some(plu) = plu {
            self.check_plu_free(plu, Some(&product))?;
        }
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            tx.prepare_cached("UPDATE products SET plu = ?1, updated_at = ?2 WHERE id = ?3")?
                .execute(params![plu.map(Plu::value), stamp, product.id.to_string()])?;
            Ok(())
        })?;
        self.find_product(&product.sku)
    }

    /// Refuses a PLU another product has, or one the scale's layout cannot
    /// carry.
    fn check_plu_free(&self, plu: Plu, except: Option<&Product>) -> Result<()> {
        if let Some(layout) = self.settings()?.scale_layout() {
            layout.check_fits(plu)?;
        }
        match self.product_by_plu(plu)? {
            Some(other) if except.is_none_or(|p| p.id != other.id) => Err(ScaleError::PluTaken {
                plu,
                sku: other.sku,
            }
            .into()),
            _ => Ok(()),
        }
    }

    /// Reads `code` as a scale barcode: `Ok(None)` when it is none (or when a
    /// product has exactly this barcode: that product wins), the product and
    /// the quantity of one label when it is, and a refusal for a wrong check
    /// digit, an unknown PLU or a product not sold by weight.
    pub fn read_scale_code(&self, code: &str) -> Result<Option<ScaleScan>> {
        let code = code.trim();
        let Some(layout) = self.settings()?.scale_layout() else {
            return Ok(None);
        };
        if !layout.claims(code) || self.lookup_product(code)?.is_some() {
            return Ok(None);
        }
        let Some(reading) = layout.read(code)? else {
            return Ok(None);
        };
        let product = self
            .product_by_plu(reading.plu)?
            .ok_or_else(|| ScaleError::UnknownPlu {
                plu: reading.plu,
                code: code.to_string(),
            })?;
        let quantity = quantity_for(reading, &product.sku, product.unit, product.price)?;
        Ok(Some(ScaleScan {
            code: code.to_string(),
            product,
            quantity,
            reading,
        }))
    }

    /// A sale's items with every scale barcode replaced by its product's
    /// SKU and the label's quantity (times the count of labels asked, which
    /// must be whole: `CODE=1`, `CODE=2`). `None` when no item is one.
    pub(super) fn expand_scale_items(&self, items: &[SaleItem]) -> Result<Option<Vec<SaleItem>>> {
        let mut expanded: Option<Vec<SaleItem>> = None;
        for (index, item) in items.iter().enumerate() {
            let Some(scan) = self.read_scale_code(&item.code)? else {
                continue;
            };
            let labels = item.quantity;
            if !labels.is_positive() || labels.milli() % Quantity::SCALE != 0 {
                return Err(ScaleError::WholeLabels(labels).into());
            }
            let quantity = Quantity::from_milli(
                scan.quantity
                    .milli()
                    .checked_mul(labels.milli() / Quantity::SCALE)
                    .ok_or(StoreError::Money(crate::money::MoneyError::Overflow))?,
            );
            let items = expanded.get_or_insert_with(|| items.to_vec());
            items[index] = SaleItem {
                code: scan.product.sku,
                quantity,
                discount: item.discount,
            };
        }
        Ok(expanded)
    }
}
