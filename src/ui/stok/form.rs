//! The add/edit product form: every field checked on its own, its message
//! shown next to it.

use crate::domain::barcode::validate_ean13;
use crate::domain::product::{
    validate_category, validate_cost, validate_min_stock, validate_name, validate_price,
    validate_sku,
};
use crate::domain::unit::Unit;
use crate::money::{Quantity, Rupiah};
use crate::store::{NewProduct, Product, StoreError};
use crate::ui::i18n::Lang;
use crate::ui::refusal::Refusal;

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Sku,
    Barcode,
    Name,
    Category,
    Unit,
    Price,
    Cost,
    MinStock,
}

/// A refusal, attached to the field it is about when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub field: Option<Field>,
    pub message: Refusal,
}

impl Field {
    /// The id of the field's text input.
    pub fn id(self) -> &'static str {
        match self {
            Field::Sku => "product-sku",
            Field::Barcode => "product-barcode",
            Field::Name => "product-name",
            Field::Category => "product-category",
            Field::Unit => "product-unit",
            Field::Price => "product-price",
            Field::Cost => "product-cost",
            Field::MinStock => "product-min-stock",
        }
    }
}

impl From<Refusal> for FormError {
    fn from(message: Refusal) -> FormError {
        FormError {
            field: None,
            message,
        }
    }
}

impl From<StoreError> for FormError {
    fn from(error: StoreError) -> FormError {
        let field = match &error {
            StoreError::DuplicateSku(_) => Some(Field::Sku),
            StoreError::DuplicateBarcode(_) | StoreError::Barcode(_) => Some(Field::Barcode),
            _ => None,
        };
        FormError {
            field,
            message: error.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductForm {
    /// The SKU of the product being edited; `None` adds a new one.
    pub editing: Option<String>,
    pub sku: String,
    pub barcode: String,
    pub name: String,
    pub category: String,
    pub unit: String,
    pub price: String,
    pub cost: String,
    pub min_stock: String,
    pub errors: Vec<FormError>,
    pub saving: bool,
}

impl ProductForm {
    /// A new product, in the default category (the same word in every
    /// language: a category is the stall's data).
    pub fn new(_lang: Lang) -> ProductForm {
        ProductForm {
            unit: "pcs".into(),
            category: crate::store::DEFAULT_CATEGORY.into(),
            ..ProductForm::default()
        }
    }

    pub fn edit(product: &Product) -> ProductForm {
        ProductForm {
            editing: Some(product.sku.clone()),
            sku: product.sku.clone(),
            barcode: product.barcode.clone().unwrap_or_default(),
            name: product.name.clone(),
            category: product.category.clone(),
            unit: product.unit.key().into(),
            price: product.price.value().to_string(),
            cost: product
                .cost
                .map(|c| c.value().to_string())
                .unwrap_or_default(),
            min_stock: product.min_stock.to_string(),
            errors: Vec::new(),
            saving: false,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Sku => &mut self.sku,
            Field::Barcode => &mut self.barcode,
            Field::Name => &mut self.name,
            Field::Category => &mut self.category,
            Field::Unit => &mut self.unit,
            Field::Price => &mut self.price,
            Field::Cost => &mut self.cost,
            Field::MinStock => &mut self.min_stock,
        };
        *slot = value;
        self.errors.retain(|e| e.field != Some(field));
    }

    pub fn error(&self, field: Field) -> Option<&Refusal> {
        self.errors
            .iter()
            .find(|e| e.field == Some(field))
            .map(|e| &e.message)
    }

    /// Reads every field; all the refusals at once, each at its field.
    pub fn read(&self) -> Result<NewProduct, Vec<FormError>> {
        let mut errors = Vec::new();
        let mut check = |field: Field, result: Result<(), Refusal>| {
            if let Err(message) = result {
                errors.push(FormError {
                    field: Some(field),
                    message,
                });
            }
        };
        check(
            Field::Sku,
            validate_sku(self.sku.trim()).map_err(Refusal::from),
        );
        let barcode = Some(self.barcode.trim().to_string()).filter(|b| !b.is_empty());
        if let Some(barcode) = &barcode {
            check(
                Field::Barcode,
                validate_ean13(barcode).map_err(Refusal::from),
            );
        }
        check(
            Field::Name,
            validate_name(&self.name).map_err(Refusal::from),
        );
        check(
            Field::Category,
            validate_category(&self.category).map_err(Refusal::from),
        );
        let unit = Unit::parse(&self.unit);
        check(
            Field::Unit,
            unit.as_ref()
                .map(|_| ())
                .map_err(|e| Refusal::from(e.clone())),
        );
        let price = Rupiah::parse(&self.price).map_err(Refusal::from);
        check(
            Field::Price,
            price
                .clone()
                .and_then(|p| validate_price(p).map_err(Refusal::from)),
        );
        let cost = optional(&self.cost, Rupiah::parse);
        check(
            Field::Cost,
            cost.clone()
                .map_err(Refusal::from)
                .and_then(|c| c.map_or(Ok(()), |c| validate_cost(c).map_err(Refusal::from))),
        );
        let min_stock = optional(&self.min_stock, Quantity::parse);
        check(
            Field::MinStock,
            min_stock
                .clone()
                .map_err(Refusal::from)
                .and_then(|m| m.map_or(Ok(()), |m| validate_min_stock(m).map_err(Refusal::from))),
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewProduct {
            sku: self.sku.trim().to_string(),
            barcode,
            name: self.name.trim().to_string(),
            unit: unit.unwrap_or(Unit::Pcs),
            category: self.category.trim().to_string(),
            price: price.unwrap_or_default(),
            cost: cost.unwrap_or_default(),
            min_stock: min_stock.unwrap_or_default().unwrap_or_default(),
        })
    }
}

fn optional<T, E>(text: &str, parse: fn(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}
