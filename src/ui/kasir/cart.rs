//! A line of the till's cart as the cashier edits it: the texts typed, read
//! into quantities and discounts only when priced.

use crate::domain::cart::CartLine;
use crate::domain::discount::Discount;
use crate::money::Quantity;
use crate::store::{Product, SaleItem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartItem {
    pub product: Product,
    /// As typed: `1`, `0,5`.
    pub quantity: String,
    /// As typed: empty, `5000` or `10%`.
    pub discount: String,
}

impl CartItem {
    pub fn new(product: Product) -> CartItem {
        CartItem {
            product,
            quantity: "1".into(),
            discount: String::new(),
        }
    }

    /// A line back from a held cart.
    pub fn resumed(product: Product, item: &SaleItem) -> CartItem {
        CartItem {
            product,
            quantity: item.quantity.to_string(),
            discount: item.discount.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// One more of a counted product (a second scan of the same packet).
    pub fn add_one(&mut self) {
        if let Ok(quantity) = Quantity::parse(&self.quantity)
            && let Ok(more) = quantity.checked_add(Quantity::ONE)
        {
            self.quantity = more.to_string();
        }
    }

    pub fn quantity(&self) -> Result<Quantity, String> {
        let quantity =
            Quantity::parse(&self.quantity).map_err(|e| format!("{}: {e}", self.product.name))?;
        self.product
            .unit
            .check(quantity)
            .map_err(|e| format!("{}: {e}", self.product.name))?;
        Ok(quantity)
    }

    pub fn discount(&self) -> Result<Option<Discount>, String> {
        let text = self.discount.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Discount::parse(text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", self.product.name))
    }

    pub fn as_line(&self) -> Result<CartLine, String> {
        Ok(CartLine {
            unit_price: self.product.price,
            quantity: self.quantity()?,
            discount: self.discount()?,
        })
    }

    pub fn as_sale_item(&self) -> Result<SaleItem, String> {
        Ok(SaleItem {
            code: self.product.sku.clone(),
            quantity: self.quantity()?,
            discount: self.discount()?,
        })
    }
}
