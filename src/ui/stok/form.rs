//! The add/edit product form: every field checked on its own, its message
//! shown next to it.

use crate::domain::barcode::validate_ean13;
use crate::domain::consign::{ConsignError, Terms, validate_code};
use crate::domain::price_tier::{self, PriceTier};
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
    /// *Titip jual*: the producer whose goods these are (a new product only).
    Producer,
    /// Their terms: *harga setor* in rupiah, or a commission with `%`.
    Terms,
    /// *Harga grosir*: `12=9000 24=8500`.
    Tiers,
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
            Field::Producer => "product-producer",
            Field::Terms => "product-terms",
            Field::Tiers => "product-tiers",
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
            StoreError::Tier(_) => Some(Field::Tiers),
            StoreError::DuplicateBarcode(_) | StoreError::Barcode(_) => Some(Field::Barcode),
            StoreError::Consign(ConsignError::UnknownProducer(_)) => Some(Field::Producer),
            StoreError::Consign(
                ConsignError::ConsignPrice(_)
                | ConsignError::ConsignAbovePrice { .. }
                | ConsignError::Commission(_),
            ) => Some(Field::Terms),
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
    /// A producer's code and terms, for goods taken in on consignment.
    pub producer: String,
    pub terms: String,
    /// The harga grosir as typed: `12=9000 24=8500`.
    pub tiers: String,
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
            producer: String::new(),
            terms: String::new(),
            tiers: crate::domain::price_tier::to_typed(&product.tiers),
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
            Field::Producer => &mut self.producer,
            Field::Terms => &mut self.terms,
            Field::Tiers => &mut self.tiers,
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

    /// The harga grosir typed, checked against the price typed.
    pub fn read_tiers(&self, price: Rupiah) -> Result<Vec<PriceTier>, Vec<FormError>> {
        price_tier::parse_typed(&self.tiers)
            .and_then(|tiers| price_tier::check(price, &tiers))
            .map_err(|e| {
                vec![FormError {
                    field: Some(Field::Tiers),
                    message: StoreError::from(e).into(),
                }]
            })
    }

    /// The producer and terms of a new consigned product, if a producer is
    /// named: both or neither. The code's shape is checked here, whether
    /// the stall knows the producer by the book.
    pub fn consignment(&self) -> Result<Option<(String, Terms)>, Vec<FormError>> {
        let producer = self.producer.trim().to_uppercase();
        let terms = self.terms.trim();
        let at = |field, message: Refusal| {
            vec![FormError {
                field: Some(field),
                message,
            }]
        };
        match (producer.is_empty(), terms.is_empty()) {
            (true, true) => return Ok(None),
            (true, false) => {
                return Err(at(Field::Producer, Refusal::from(NeedsProducer)));
            }
            (false, true) => return Err(at(Field::Terms, Refusal::from(NeedsTerms))),
            (false, false) => {}
        }
        validate_code(&producer).map_err(|e| at(Field::Producer, e.into()))?;
        let terms = if terms.ends_with('%') {
            Terms::parse_commission(terms).map_err(|e| at(Field::Terms, e.into()))?
        } else {
            Terms::ConsignPrice(Rupiah::parse(terms).map_err(|e| at(Field::Terms, e.into()))?)
        };
        Ok(Some((producer, terms)))
    }
}

/// Harga grosir typed for goods taken in on consignment.
#[derive(Debug, thiserror::Error)]
#[error("harga grosir tidak untuk barang titipan: harga setor penitip dihitung per barang")]
pub struct TiersOnConsigned;

impl crate::ui::refusal::English for TiersOnConsigned {
    fn english(&self) -> String {
        "no wholesale prices for consigned goods: the producer is owed per piece".into()
    }
}

/// Terms typed with no producer to owe.
#[derive(Debug, thiserror::Error)]
#[error("harga setor atau komisi hanya untuk barang titipan: isi kode penitipnya")]
struct NeedsProducer;

impl crate::ui::refusal::English for NeedsProducer {
    fn english(&self) -> String {
        "a consignment price or commission is only for consigned goods: type the producer's code"
            .into()
    }
}

/// A producer named with no terms.
#[derive(Debug, thiserror::Error)]
#[error("barang titipan perlu harga setor (Rp) atau komisi (mis. 20%)")]
struct NeedsTerms;

impl crate::ui::refusal::English for NeedsTerms {
    fn english(&self) -> String {
        "consigned goods need a consignment price (Rp) or a commission (e.g. 20%)".into()
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
