//! In-store barcodes: an EAN-13 of GS1's restricted prefixes (20–29) for
//! goods that came without one, unique in the stall and never under the
//! prefix the label scale prints — and the guard that keeps every other
//! barcode out of the scale's prefix too.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use time::OffsetDateTime;

use super::{Product, Result, Store};
use crate::clock;
use crate::domain::barcode::{IN_STORE_PREFIXES, MAX_IN_STORE_SERIAL, in_store_ean13};
use crate::domain::label::LabelError;
use crate::domain::scale::{self, ScaleError};

/// The prefix the stall's own barcodes take: the first of 21–29, then 20,
/// that the scale does not print.
pub fn in_store_prefix(scale_prefix: Option<&str>) -> u8 {
    IN_STORE_PREFIXES
        .clone()
        .skip(1)
        .chain(std::iter::once(*IN_STORE_PREFIXES.start()))
        .find(|prefix| scale_prefix != Some(prefix.to_string().as_str()))
        .unwrap_or(*IN_STORE_PREFIXES.start())
}

impl Store {
    /// Gives the product `sku` an in-store EAN-13. Refuses a product that
    /// has a barcode already.
    pub fn assign_store_barcode(&mut self, sku: &str, now: OffsetDateTime) -> Result<Product> {
        self.require_stall()?;
        let product = self.find_product(sku)?;
        if product.barcode.is_some() {
            return Err(LabelError::HasBarcode(product.sku).into());
        }
        let prefix = in_store_prefix(self.settings()?.scale_prefix.as_deref());
        let stamp = clock::stamp(now, self.offset);
        self.write(|tx| {
            let code = next_store_barcode(tx, prefix)?;
            tx.prepare_cached("UPDATE products SET barcode = ?1, updated_at = ?2 WHERE id = ?3")?
                .execute(params![code, stamp, product.id.to_string()])?;
            Ok(())
        })?;
        self.find_product(&product.sku)
    }
}

/// The next free code under `prefix`: one past the highest serial the stall
/// has given (a barcode typed in by hand counts too), skipping any taken.
fn next_store_barcode(tx: &Transaction<'_>, prefix: u8) -> Result<String> {
    let highest: Option<String> = tx
        .prepare_cached(
            "SELECT MAX(barcode) FROM products
             WHERE barcode >= ?1 AND barcode < ?2 AND length(barcode) = 13",
        )?
        .query_row(
            params![format!("{prefix}"), format!("{}", prefix + 1)],
            |r| r.get(0),
        )?;
    let mut serial = highest
        .and_then(|code| code.get(2..12).and_then(|s| s.parse::<u64>().ok()))
        .map_or(1, |s| s + 1);
    while serial <= MAX_IN_STORE_SERIAL {
        let code = in_store_ean13(prefix, serial).ok_or(LabelError::Exhausted(prefix))?;
        let taken = tx
            .prepare_cached("SELECT 1 FROM products WHERE barcode = ?1")?
            .query_row([&code], |_| Ok(()))
            .optional()?
            .is_some();
        if !taken {
            return Ok(code);
        }
        serial += 1;
    }
    Err(LabelError::Exhausted(prefix).into())
}

/// Refuses a product barcode that starts with the scale's prefix: a scanner
/// could not tell it from a scale label. A product keeping the barcode it
/// had (`except`, its id) is left alone.
pub(super) fn refuse_scale_prefix(
    tx: &Transaction<'_>,
    barcode: Option<&str>,
    except: Option<&str>,
) -> Result<()> {
    let Some(barcode) = barcode else {
        return Ok(());
    };
    if let Some(id) = except {
        let kept: Option<Option<String>> = tx
            .prepare_cached("SELECT barcode FROM products WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if kept.flatten().as_deref() == Some(barcode.trim()) {
            return Ok(());
        }
    }
    let Some(prefix) = scale_prefix(tx)? else {
        return Ok(());
    };
    let layout = scale::ScaleLayout {
        prefix: prefix.clone(),
        ..Default::default()
    };
    if layout.claims(barcode.trim()) {
        return Err(ScaleError::ReservedPrefix {
            barcode: barcode.trim().to_string(),
            prefix,
        }
        .into());
    }
    Ok(())
}

/// The scale prefix the book's settings hold (the default when never set).
fn scale_prefix(conn: &Connection) -> Result<Option<String>> {
    let set: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'scale_prefix'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(match set.as_deref().map(str::trim) {
        None => Some(scale::DEFAULT_PREFIX.to_string()),
        Some("" | "off") => None,
        Some(prefix) => Some(prefix.to_string()),
    })
}

/// Refuses a scale prefix that a product's barcode already starts with.
pub(super) fn refuse_prefix_in_use(conn: &Connection, prefix: Option<&str>) -> Result<()> {
    let Some(prefix) = prefix else {
        return Ok(());
    };
    let used: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT barcode, sku FROM products
             WHERE substr(barcode, 1, 2) = ?1 AND length(barcode) = 13 LIMIT 1",
        )?
        .query_row([prefix], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match used {
        Some((barcode, sku)) => Err(ScaleError::PrefixInUse {
            prefix: prefix.to_string(),
            barcode,
            sku,
        }
        .into()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_prefix_steers_clear_of_the_scale() {
        assert_eq!(in_store_prefix(Some("20")), 21);
        assert_eq!(in_store_prefix(Some("21")), 22);
        assert_eq!(in_store_prefix(None), 21);
        assert_eq!(in_store_prefix(Some("02")), 21);
    }
}
