//! Held carts (*tahan*): parked while the next buyer is served, resumed later.
//! Not a sale yet, so they may be changed and removed.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::sales::SaleItem;
use super::{Product, Result, Store, StoreError};
use crate::clock;
use crate::domain::discount::Discount;
use crate::money::Quantity;

/// A parked cart back at the till: its lines, and each line's product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumedCart {
    pub held: HeldSale,
    pub products: Vec<Product>,
}

/// A parked cart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldSale {
    pub id: Uuid,
    pub label: String,
    pub created_at: String,
    pub items: Vec<SaleItem>,
    pub discount: Option<Discount>,
}

#[derive(Serialize, Deserialize)]
struct StoredCart {
    items: Vec<StoredItem>,
    discount: Option<Discount>,
}

#[derive(Serialize, Deserialize)]
struct StoredItem {
    code: String,
    quantity_milli: i64,
    discount: Option<Discount>,
}

impl Store {
    /// Parks a cart under a label (a buyer's name, "meja 2").
    pub fn hold_sale(
        &mut self,
        label: &str,
        items: &[SaleItem],
        discount: Option<Discount>,
        now: OffsetDateTime,
    ) -> Result<Uuid> {
        self.require_stall()?;
        if items.is_empty() {
            return Err(crate::domain::cart::PricingError::EmptyCart.into());
        }
        let cart = StoredCart {
            items: items
                .iter()
                .map(|i| StoredItem {
                    code: i.code.clone(),
                    quantity_milli: i.quantity.milli(),
                    discount: i.discount,
                })
                .collect(),
            discount,
        };
        let json = serde_json::to_string(&cart).map_err(|e| StoreError::Io(e.into()))?;
        let id = Uuid::now_v7();
        let stamp = clock::stamp(now, self.offset);
        let label: String = label
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(60)
            .collect();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO held_sales (id, created_at, label, cart) VALUES (?1, ?2, ?3, ?4)",
                params![id.to_string(), stamp, label, json],
            )?;
            Ok(id)
        })
    }

    /// The parked carts, oldest first.
    pub fn held_sales(&self) -> Result<Vec<HeldSale>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, label, created_at, cart FROM held_sales ORDER BY created_at, id",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut held = Vec::new();
        for row in rows {
            let (id, label, created_at, json) = row?;
            let cart: StoredCart =
                serde_json::from_str(&json).map_err(|e| StoreError::Io(e.into()))?;
            held.push(HeldSale {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                label,
                created_at,
                items: cart
                    .items
                    .into_iter()
                    .map(|i| SaleItem {
                        code: i.code,
                        quantity: Quantity::from_milli(i.quantity_milli),
                        discount: i.discount,
                    })
                    .collect(),
                discount: cart.discount,
            });
        }
        Ok(held)
    }

    /// Takes a parked cart back to the till, with its products as they are
    /// now. Every product is found before the cart leaves the held list: if
    /// one is gone (or its SKU was changed), the cart stays held and the
    /// refusal names the product.
    pub fn resume_held(&mut self, id: Uuid) -> Result<ResumedCart> {
        let held = self
            .held_sales()?
            .into_iter()
            .find(|h| h.id == id)
            .ok_or_else(|| StoreError::UnknownHeldSale(id.to_string()))?;
        let products = held
            .items
            .iter()
            .map(|item| self.find_product(&item.code))
            .collect::<Result<Vec<Product>>>()?;
        self.write(|tx| {
            tx.execute("DELETE FROM held_sales WHERE id = ?1", [id.to_string()])?;
            Ok(())
        })?;
        Ok(ResumedCart { held, products })
    }
}
