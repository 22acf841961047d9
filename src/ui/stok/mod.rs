//! Stok: the product table, adding and editing products, receiving goods,
//! adjustments, *stok opname*, a product's ledger, CSV in and out.
//!
//! Keys: the search field has the focus; ↑/↓ pick a row, Enter edits it,
//! F5 receives, F6 adjusts, F7 counts, F8 shows its ledger, F9 ticks it
//! for price labels; F3 adds a product; in a form Tab moves on, Enter saves
//! and Esc closes. F1 steps the category, F2 the low-stock filter, F4 the
//! sort column (Shift+F4 turns its direction); PgUp/PgDn move 15 rows and on
//! to the next or previous page of the table; F10 imports the CSV named in
//! the path field, F12 exports to it; F11 opens the labels panel (again:
//! the next label stock), Shift+F11 gives barcodes to the goods without.

mod form;
mod labels;
mod view;

use crate::domain::books_event::Paid;
use std::path::PathBuf;

use iced::keyboard::{Key, key::Named};

pub use form::{Field, FormError, ProductForm};
pub use labels::{LabelMessage, LabelPick, Labels};

use super::KeyPress;
use super::action::{Action, at_now};
use super::i18n::{Lang, Say};
use super::refusal::Refusal;
use super::widgets::Notice;
use crate::money::{Quantity, Rupiah};
use crate::store::{Product, ProductFilter, ProductOrder, Settings, StockMovement, Store};

/// The search field's id: it has the focus while no form is open.
pub const SEARCH: &str = "stock-search";
const MOVEMENT_QUANTITY: &str = "movement-quantity";

/// Rows the table shows at most; the search narrows the rest.
pub const SHOWN: usize = 200;
/// How many rows PgUp/PgDn move the highlight.
const PAGE_STEP: i32 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Sku,
    Price,
    Stock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Receive,
    Adjust,
    Count,
}

/// Receive, adjust or count one product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementForm {
    pub kind: MovementKind,
    pub sku: String,
    pub name: String,
    pub quantity: String,
    pub cost: String,
    /// How the goods were paid (F2); `None` is the stall's setting.
    pub paid: Option<Paid>,
    pub note: String,
    pub unit: &'static str,
    pub error: Option<Refusal>,
    pub saving: bool,
}

/// One page of the table, as a job delivers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub products: Vec<Product>,
    pub total: usize,
    pub categories: Vec<String>,
}

#[derive(Default)]
pub struct Stok {
    /// The screen's language, for the defaults a new product gets.
    pub lang: Lang,
    /// The row the keys act on.
    pub highlighted: usize,
    pub search: String,
    pub category: Option<String>,
    pub low_only: bool,
    pub sort: SortBy,
    pub descending: bool,
    pub page: Option<Page>,
    /// Rows of the table before the page shown (PgDn past the last row
    /// shows the next page).
    pub offset: usize,
    version: u64,
    pub form: Option<ProductForm>,
    pub movement: Option<MovementForm>,
    pub ledger: Option<(Product, Vec<StockMovement>)>,
    pub csv_path: String,
    /// The manager PIN, for an import that changes prices.
    pub csv_pin: String,
    pub notice: Option<Notice>,
    /// Products ticked for price labels, and the labels panel.
    pub labels: Labels,
}

#[derive(Debug, Clone)]
pub enum Message {
    SearchChanged(String),
    CategoryPicked(String),
    LowOnlyToggled(bool),
    SortBy(SortBy),
    /// A page of the table, tagged with the version it answers.
    Loaded(u64, Result<Page, Refusal>),
    /// Move the highlighted row (arrow keys).
    MoveHighlight(i32),
    /// PgUp/PgDn: 15 rows, or on to the page before or after.
    PageBy(i32),
    /// F1: the category after the one shown (after the last: all).
    NextCategory,
    /// Enter in the search field: edit the highlighted row.
    SearchSubmitted,
    NewProduct,
    EditProduct(String),
    FormChanged(Field, String),
    SaveProduct,
    ProductSaved(Result<Product, FormError>),
    OpenMovement(MovementKind, String),
    MovementQuantity(String),
    MovementCost(String),
    /// The next way of paying for goods received (F2).
    MovementPaid,
    MovementNote(String),
    SubmitMovement,
    MovementDone(Result<Say, Refusal>),
    ShowLedger(String),
    LedgerLoaded(Result<(Product, Vec<StockMovement>), Refusal>),
    CsvPathChanged(String),
    CsvPinChanged(String),
    ImportCsv,
    ExportCsv,
    CsvDone(Result<Say, Refusal>),
    /// The price labels' picks and panel.
    Labels(LabelMessage),
    /// Close whatever panel is open (Esc).
    Close,
    /// A job of this screen died before answering.
    JobFailed(Refusal),
}

impl Stok {
    pub fn new(settings: &Settings) -> Stok {
        Stok {
            lang: Lang::from_key(&settings.language),
            ..Stok::default()
        }
    }

    pub fn apply_settings(&mut self, settings: &Settings) {
        self.lang = Lang::from_key(&settings.language);
    }

    /// The screen is left: its message goes with it.
    pub fn leave(&mut self) {
        self.notice = None;
    }

    /// The screen comes into view: fresh rows, the focus in the search.
    pub fn open(&mut self) -> Action<Message> {
        self.refresh().and(Action::Focus(self.home()))
    }

    fn home(&self) -> &'static str {
        if let Some(form) = &self.form {
            if form.editing.is_some() {
                Field::Name.id()
            } else {
                Field::Sku.id()
            }
        } else if self.movement.is_some() {
            MOVEMENT_QUANTITY
        } else {
            SEARCH
        }
    }

    /// The highlighted row's product.
    pub fn selected(&self) -> Option<&Product> {
        self.page.as_ref()?.products.get(self.highlighted)
    }

    pub fn hotkey(&self, press: &KeyPress) -> Option<Message> {
        let Key::Named(named) = &press.key else {
            return None;
        };
        let sku = || self.selected().map(|p| p.sku.clone());
        let panel = self.form.is_some() || self.movement.is_some();
        let shift = press.modifiers.shift();
        match named {
            Named::Escape => Some(Message::Close),
            Named::F3 => Some(Message::NewProduct),
            Named::F2
                if self
                    .movement
                    .as_ref()
                    .is_some_and(|m| m.kind == MovementKind::Receive) =>
            {
                Some(Message::MovementPaid)
            }
            _ if panel => None,
            Named::F1 => Some(Message::NextCategory),
            Named::F2 => Some(Message::LowOnlyToggled(!self.low_only)),
            Named::F4 if shift => Some(Message::SortBy(self.sort)),
            Named::F4 => Some(Message::SortBy(match self.sort {
                SortBy::Name => SortBy::Sku,
                SortBy::Sku => SortBy::Price,
                SortBy::Price => SortBy::Stock,
                SortBy::Stock => SortBy::Name,
            })),
            Named::F10 => Some(Message::ImportCsv),
            Named::F12 => Some(Message::ExportCsv),
            Named::F11 if shift => Some(Message::Labels(LabelMessage::GiveBarcodes)),
            Named::F11 if self.labels.open => Some(Message::Labels(LabelMessage::NextSheet)),
            Named::F11 => Some(Message::Labels(LabelMessage::Open)),
            Named::PageDown => Some(Message::PageBy(1)),
            Named::PageUp => Some(Message::PageBy(-1)),
            Named::ArrowDown => Some(Message::MoveHighlight(1)),
            Named::ArrowUp => Some(Message::MoveHighlight(-1)),
            Named::F5 => sku().map(|s| Message::OpenMovement(MovementKind::Receive, s)),
            Named::F6 => sku().map(|s| Message::OpenMovement(MovementKind::Adjust, s)),
            Named::F7 => sku().map(|s| Message::OpenMovement(MovementKind::Count, s)),
            Named::F8 => sku().map(Message::ShowLedger),
            Named::F9 => self
                .selected()
                .map(|p| Message::Labels(LabelMessage::Toggle(p.clone()))),
            _ => None,
        }
    }

    /// Loads the table again with the current filter.
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        let version = self.version;
        let filter = ProductFilter {
            search: Some(self.search.trim().to_string()).filter(|s| !s.is_empty()),
            category: self.category.clone(),
            low_stock_only: self.low_only,
        };
        let (sort, descending, offset) = (self.sort, self.descending, self.offset);
        Action::search("stock-table", move |store| {
            Message::Loaded(version, load(store, &filter, sort, descending, offset))
        })
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            message @ (Message::SearchChanged(..)
            | Message::CategoryPicked(..)
            | Message::NextCategory
            | Message::LowOnlyToggled(..)
            | Message::SortBy(..)
            | Message::Loaded(..)
            | Message::MoveHighlight(..)
            | Message::PageBy(..)
            | Message::SearchSubmitted) => self.on_list(message),
            message @ (Message::NewProduct
            | Message::EditProduct(..)
            | Message::FormChanged(..)
            | Message::SaveProduct
            | Message::ProductSaved(..)) => self.on_product_form(message),
            message @ (Message::OpenMovement(..)
            | Message::MovementQuantity(..)
            | Message::MovementCost(..)
            | Message::MovementPaid
            | Message::MovementNote(..)
            | Message::SubmitMovement
            | Message::MovementDone(..)
            | Message::ShowLedger(..)
            | Message::LedgerLoaded(..)) => self.on_movement(message),
            message @ (Message::CsvPathChanged(..)
            | Message::CsvPinChanged(..)
            | Message::ImportCsv
            | Message::ExportCsv
            | Message::CsvDone(..)) => self.on_csv(message),
            Message::Labels(message) => {
                let opening = matches!(message, LabelMessage::Open);
                if opening {
                    self.close();
                }
                let (effect, notice) = self.labels.update(message);
                if notice.is_some() {
                    self.notice = notice;
                }
                let effect = effect.map(Message::Labels);
                // The panel's fields are typed in from its first: Tab goes
                // on through the counts to the places used.
                match labels::COPIES.first() {
                    Some(first) if opening && self.labels.open => effect.and(Action::Focus(first)),
                    _ => effect,
                }
            }
            Message::Close => {
                self.close();
                Action::Focus(SEARCH)
            }
            Message::JobFailed(why) => {
                if let Some(form) = &mut self.form {
                    form.saving = false;
                }
                if let Some(movement) = &mut self.movement {
                    movement.saving = false;
                }
                self.notice = Some(Notice::Error(why.into()));
                Action::None
            }
        }
    }

    /// The product list: searched, filtered, sorted, paged, arrowed.
    fn on_list(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::SearchChanged(text) => {
                self.search = text;
                self.highlighted = 0;
                self.offset = 0;
                self.refresh()
            }
            Message::CategoryPicked(category) => {
                self.category = (!category.is_empty()).then_some(category);
                self.offset = 0;
                self.refresh()
            }
            Message::NextCategory => {
                let categories = self
                    .page
                    .as_ref()
                    .map(|p| p.categories.clone())
                    .unwrap_or_default();
                let next = match &self.category {
                    None => categories.first().cloned(),
                    Some(shown) => categories
                        .iter()
                        .position(|c| c == shown)
                        .and_then(|at| categories.get(at + 1).cloned()),
                };
                self.update(Message::CategoryPicked(next.unwrap_or_default()))
            }
            Message::LowOnlyToggled(low) => {
                self.low_only = low;
                self.offset = 0;
                self.refresh()
            }
            Message::SortBy(sort) => {
                self.descending = self.sort == sort && !self.descending;
                self.sort = sort;
                self.offset = 0;
                self.refresh()
            }
            Message::PageBy(step) => self.page_by(step),
            Message::Loaded(version, result) => {
                if version == self.version {
                    match result {
                        Ok(page) => {
                            self.highlighted =
                                self.highlighted.min(page.products.len().saturating_sub(1));
                            self.page = Some(page);
                        }
                        Err(error) => self.notice = Some(Notice::Error(error.into())),
                    }
                }
                Action::None
            }
            Message::MoveHighlight(step) => {
                let count = self.page.as_ref().map_or(0, |p| p.products.len());
                if count == 0 {
                    return Action::None;
                }
                self.highlighted =
                    (self.highlighted as i32 + step).clamp(0, count as i32 - 1) as usize;
                Action::Reveal {
                    list: view::ROWS,
                    row: self.highlighted,
                    of: count,
                }
            }
            Message::SearchSubmitted => match self.selected() {
                Some(product) => {
                    let sku = product.sku.clone();
                    self.update(Message::EditProduct(sku))
                }
                None => Action::None,
            },
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// A product added or edited.
    fn on_product_form(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::NewProduct => {
                self.close();
                self.form = Some(ProductForm::new(self.lang));
                Action::Focus(self.home())
            }
            Message::EditProduct(sku) => {
                self.close();
                self.form = self.find(&sku).map(ProductForm::edit);
                Action::Focus(self.home())
            }
            Message::FormChanged(field, value) => {
                if let Some(form) = &mut self.form {
                    form.set(field, value);
                }
                Action::None
            }
            Message::SaveProduct => self.save_product(),
            Message::ProductSaved(result) => {
                match result {
                    Ok(product) => {
                        self.form = None;
                        self.notice = Some(Notice::Info(Say::ProductSaved {
                            sku: product.sku.clone(),
                            name: product.name.clone(),
                        }));
                        return self.refresh().and(Action::Focus(SEARCH));
                    }
                    Err(error) => {
                        if let Some(form) = &mut self.form {
                            form.saving = false;
                            form.errors = vec![error];
                        }
                    }
                }
                Action::None
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// Stock received, adjusted or counted, and a product's ledger.
    fn on_movement(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::OpenMovement(kind, sku) => {
                self.close();
                if let Some(product) = self.find(&sku) {
                    self.movement = Some(MovementForm {
                        kind,
                        sku,
                        name: product.name.clone(),
                        quantity: String::new(),
                        cost: product
                            .cost
                            .map(|c| c.value().to_string())
                            .unwrap_or_default(),
                        paid: None,
                        note: String::new(),
                        unit: product.unit.key(),
                        error: None,
                        saving: false,
                    });
                }
                Action::Focus(self.home())
            }
            Message::MovementQuantity(text) => self.edit_movement(|m| m.quantity = text),
            Message::MovementCost(text) => self.edit_movement(|m| m.cost = text),
            Message::MovementNote(text) => self.edit_movement(|m| m.note = text),
            Message::MovementPaid => self.edit_movement(|m| {
                let at = m
                    .paid
                    .and_then(|p| Paid::ALL.iter().position(|a| *a == p))
                    .map_or(0, |at| at + 1);
                m.paid = Paid::ALL.get(at).copied();
            }),
            Message::SubmitMovement => self.submit_movement(),
            Message::MovementDone(result) => {
                match result {
                    Ok(summary) => {
                        self.movement = None;
                        self.notice = Some(Notice::Info(summary));
                        return self.refresh().and(Action::Focus(SEARCH));
                    }
                    Err(error) => {
                        if let Some(movement) = &mut self.movement {
                            movement.saving = false;
                            movement.error = Some(error);
                        }
                    }
                };
                Action::None
            }
            Message::ShowLedger(sku) => Action::job(move |store| {
                let result = store
                    .find_product(&sku)
                    .and_then(|product| Ok((product, store.ledger(&sku)?)))
                    .map_err(Refusal::from);
                Message::LedgerLoaded(result)
            }),
            Message::LedgerLoaded(result) => {
                self.close();
                match result {
                    Ok(ledger) => self.ledger = Some(ledger),
                    Err(error) => self.notice = Some(Notice::Error(error.into())),
                }
                Action::None
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// The catalogue to and from CSV.
    fn on_csv(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::CsvPathChanged(path) => {
                self.csv_path = path;
                Action::None
            }
            Message::CsvPinChanged(pin) => {
                self.csv_pin = pin;
                Action::None
            }
            Message::ImportCsv => {
                let path = self.csv_path.clone();
                // A PIN is typed for one import only.
                let pin = Some(std::mem::take(&mut self.csv_pin)).filter(|p| !p.is_empty());
                Action::job(move |store| {
                    let path = csv_path(store, &path);
                    let result = at_now(|now| store.import_products(&path, pin.as_deref(), now))
                        .map(|s| Say::CsvImported {
                            path: path.display().to_string(),
                            added: s.added,
                            updated: s.updated,
                            stock_unchanged: s.stock_unchanged,
                        });
                    Message::CsvDone(result)
                })
            }
            Message::ExportCsv => {
                let path = self.csv_path.clone();
                Action::job(move |store| {
                    let path = csv_path(store, &path);
                    let result = store
                        .check_output_path(&path)
                        .and_then(|()| store.export_products(&path))
                        .map(|count| Say::CsvExported {
                            count,
                            path: path.display().to_string(),
                        })
                        .map_err(Refusal::from);
                    Message::CsvDone(result)
                })
            }
            Message::CsvDone(result) => {
                self.notice = Some(match result {
                    Ok(summary) => Notice::Info(summary),
                    Err(error) => Notice::Error(error.into()),
                });
                self.refresh()
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// PgUp/PgDn: the highlight moves 15 rows; from the last row of a page
    /// PgDn shows the next page (from the first, PgUp the one before).
    fn page_by(&mut self, step: i32) -> Action<Message> {
        let Some(page) = &self.page else {
            return Action::None;
        };
        let count = page.products.len();
        let last = count.saturating_sub(1);
        if step > 0 && self.highlighted == last && self.offset + count < page.total {
            self.offset += count;
            self.highlighted = 0;
            return self.refresh();
        }
        if step < 0 && self.highlighted == 0 && self.offset > 0 {
            self.offset = self.offset.saturating_sub(SHOWN);
            self.highlighted = SHOWN - 1;
            return self.refresh();
        }
        self.update(Message::MoveHighlight(step * PAGE_STEP))
    }

    fn close(&mut self) {
        self.form = None;
        self.movement = None;
        self.ledger = None;
        self.labels.open = false;
    }

    fn find(&self, sku: &str) -> Option<&Product> {
        self.page.as_ref()?.products.iter().find(|p| p.sku == sku)
    }

    fn edit_movement(&mut self, edit: impl FnOnce(&mut MovementForm)) -> Action<Message> {
        if let Some(movement) = &mut self.movement {
            edit(movement);
            movement.error = None;
        }
        Action::None
    }

    fn save_product(&mut self) -> Action<Message> {
        let Some(form) = &mut self.form else {
            return Action::None;
        };
        let read = form.read().and_then(|product| {
            let consignment = match form.editing {
                Some(_) => None,
                None => form.consignment()?,
            };
            let tiers = form.read_tiers(product.price)?;
            if consignment.is_some() && !tiers.is_empty() {
                // What is owed to the producer is per piece at the harga
                // setor: a cheaper price by quantity is theirs to agree to.
                return Err(vec![form::FormError {
                    field: Some(form::Field::Tiers),
                    message: Refusal::from(form::TiersOnConsigned),
                }]);
            }
            Ok((product, consignment, tiers))
        });
        let (product, consignment, tiers) = match read {
            Ok(read) => read,
            Err(errors) => {
                form.errors = errors;
                return Action::None;
            }
        };
        if form.saving {
            return Action::None;
        }
        form.saving = true;
        let editing = form.editing.clone();
        Action::job(move |store| {
            let result = match crate::clock::now() {
                Ok(now) => match (&editing, consignment) {
                    (Some(sku), _) => store.update_product_with_tiers(sku, &product, &tiers, now),
                    (None, Some((producer, terms))) => {
                        store.add_consigned_product(&product, &producer, terms, now)
                    }
                    (None, None) => store.add_product_with_tiers(&product, &tiers, now),
                }
                .map_err(FormError::from),
                Err(error) => Err(FormError::from(Refusal::from(error))),
            };
            Message::ProductSaved(result)
        })
    }

    fn submit_movement(&mut self) -> Action<Message> {
        let Some(form) = &mut self.movement else {
            return Action::None;
        };
        if form.saving {
            return Action::None;
        }
        let quantity = match Quantity::parse(&form.quantity) {
            Ok(quantity) => quantity,
            Err(error) => {
                form.error = Some(error.into());
                return Action::None;
            }
        };
        let cost = match form.cost.trim() {
            "" => None,
            text => match Rupiah::parse(text) {
                Ok(cost) => Some(cost),
                Err(error) => {
                    form.error = Some(error.into());
                    return Action::None;
                }
            },
        };
        form.saving = true;
        let (kind, sku, note, unit, paid) = (
            form.kind,
            form.sku.clone(),
            form.note.trim().to_string(),
            form.unit,
            form.paid,
        );
        Action::job(move |store| {
            let result = at_now(|now| {
                let note_opt = Some(note.as_str()).filter(|n| !n.is_empty());
                match kind {
                    MovementKind::Receive => store
                        .receive_stock_paid(&sku, quantity, cost, paid, note_opt, now)
                        .map(|stock| Say::Received {
                            sku: sku.clone(),
                            quantity: quantity.to_string(),
                            stock: stock.to_string(),
                            unit,
                        }),
                    MovementKind::Adjust => {
                        store
                            .adjust_stock(&sku, quantity, &note, now)
                            .map(|stock| Say::Adjusted {
                                sku: sku.clone(),
                                quantity: quantity.to_string(),
                                stock: stock.to_string(),
                                unit,
                            })
                    }
                    MovementKind::Count => {
                        store
                            .count_stock(&sku, quantity, now)
                            .map(|difference| Say::Counted {
                                sku: sku.clone(),
                                counted: quantity.to_string(),
                                difference: difference.to_string(),
                                unit,
                            })
                    }
                }
            });
            Message::MovementDone(result)
        })
    }
}

/// The table's rows, sorted and cut to what the screen shows by the book:
/// the view never holds the whole catalogue.
fn load(
    store: &Store,
    filter: &ProductFilter,
    sort: SortBy,
    descending: bool,
    offset: usize,
) -> Result<Page, Refusal> {
    let order = match sort {
        SortBy::Name => ProductOrder::Name,
        SortBy::Sku => ProductOrder::Sku,
        SortBy::Price => ProductOrder::Price,
        SortBy::Stock => ProductOrder::Stock,
    };
    let (products, total) = store.product_page_from(filter, order, descending, offset, SHOWN)?;
    let categories = store.categories()?;
    Ok(Page {
        products,
        total,
        categories,
    })
}

fn csv_path(store: &Store, typed: &str) -> PathBuf {
    match typed.trim() {
        "" => store.dir().join("produk.csv"),
        path => PathBuf::from(path),
    }
}
