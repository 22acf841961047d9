//! A line of the till's cart as the cashier edits it: the texts typed, read
//! into quantities and discounts only when priced.

use std::fmt;

use crate::domain::cart::CartLine;
use crate::domain::discount::Discount;
use crate::domain::limits::check_quantity;
use crate::money::Quantity;
use crate::store::{Product, SaleItem, StoreError};
use crate::ui::refusal::{English, Refusal};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartItem {
    pub product: Product,
    /// As typed: `1`, `0,5`.
    pub quantity: String,
    /// As typed: empty, `5000` or `10%`.
    pub discount: String,
    /// What the quantity and discount were when an edit began, so a stray
    /// scan typed into them can be taken back out.
    pub(super) before_edit: Option<(String, String)>,
    /// The scale barcode this line's weight came from, if it did.
    pub scale: Option<String>,
}

/// A line that cannot be priced: its product's name and why.
#[derive(Debug)]
pub struct LineRefused {
    pub name: String,
    pub why: StoreError,
}

impl fmt::Display for LineRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.why)
    }
}

impl English for LineRefused {
    fn english(&self) -> String {
        format!("{}: {}", self.name, self.why.english())
    }
}

impl CartItem {
    pub fn new(product: Product) -> CartItem {
        CartItem::with_quantity(product, Quantity::ONE)
    }

    pub fn with_quantity(product: Product, quantity: Quantity) -> CartItem {
        CartItem {
            product,
            quantity: quantity.to_string(),
            discount: String::new(),
            before_edit: None,
            scale: None,
        }
    }

    /// A line back from a held cart.
    pub fn resumed(product: Product, item: &SaleItem) -> CartItem {
        CartItem {
            product,
            quantity: item.quantity.to_string(),
            discount: item.discount.map(|d| d.to_string()).unwrap_or_default(),
            before_edit: None,
            scale: None,
        }
    }

    /// `more` of a counted product added to the line (a second scan of the
    /// same packet, or `3*` another three).
    pub fn add(&mut self, more: Quantity) -> Result<(), Refusal> {
        let now = Quantity::parse(&self.quantity).map_err(|e| self.refused(e.into()))?;
        let total = now.checked_add(more).map_err(|e| self.refused(e.into()))?;
        check_quantity(total).map_err(|e| self.refused(e.into()))?;
        self.quantity = total.to_string();
        Ok(())
    }

    /// One less (the `-` key); a line never goes below one: Delete
    /// removes it.
    pub fn one_less(&mut self) -> Result<(), Refusal> {
        let now = Quantity::parse(&self.quantity).map_err(|e| self.refused(e.into()))?;
        let less = now
            .checked_sub(Quantity::ONE)
            .map_err(|e| self.refused(e.into()))?;
        if less >= Quantity::ONE {
            self.quantity = less.to_string();
        }
        Ok(())
    }

    /// The quantity `5*` and Enter gives the highlighted line: within its
    /// unit and bound, or the line keeps what it had.
    pub fn set_quantity(&mut self, quantity: Quantity) -> Result<(), Refusal> {
        self.quantity = self.within(quantity)?.to_string();
        Ok(())
    }

    /// `quantity` if this line's unit and the bound allow it.
    fn within(&self, quantity: Quantity) -> Result<Quantity, Refusal> {
        self.product
            .unit
            .check(quantity)
            .map_err(|e| self.refused(e.into()))?;
        check_quantity(quantity).map_err(|e| self.refused(e.into()))?;
        Ok(quantity)
    }

    fn refused(&self, why: StoreError) -> Refusal {
        LineRefused {
            name: self.product.name.clone(),
            why,
        }
        .into()
    }

    /// The quantity typed, within its unit and its bound.
    pub fn quantity(&self) -> Result<Quantity, Refusal> {
        let quantity = Quantity::parse(&self.quantity).map_err(|e| self.refused(e.into()))?;
        self.within(quantity)
    }

    pub fn discount(&self) -> Result<Option<Discount>, Refusal> {
        let text = self.discount.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Discount::parse(text)
            .map(Some)
            .map_err(|e| self.refused(e.into()))
    }

    pub fn as_line(&self) -> Result<CartLine, Refusal> {
        let quantity = self.quantity()?;
        Ok(CartLine {
            unit_price: self.product.unit_price(quantity),
            quantity,
            discount: self.discount()?,
        })
    }

    pub fn as_sale_item(&self) -> Result<SaleItem, Refusal> {
        Ok(SaleItem {
            code: self.product.sku.clone(),
            quantity: self.quantity()?,
            discount: self.discount()?,
        })
    }
}
