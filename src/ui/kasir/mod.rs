//! Kasir, the till: search or scan, build the cart, take payment.
//!
//! The search field keeps the focus: a barcode scanner types digits and Enter,
//! a person types a name and picks with the arrow keys. Everything that
//! touches the book runs as a job; the screen only keeps the cart.

mod cart;
mod pay;
mod view;

use iced::keyboard::{Key, key::Named};
use uuid::Uuid;

pub use cart::CartItem;
pub use pay::Payment;

use super::effect::{Effect, at_now};
use super::i18n::Say;
use super::widgets::Notice;
use crate::domain::cart::{PricedCart, price_cart};
use crate::domain::payment::PaymentMethod;
use crate::domain::tax::TaxRule;
use crate::store::{CompletedSale, HeldSale, Product, SaleItem, SaleRequest, Settings, VoidRecord};

/// The search field's id, so the till can keep the focus there.
pub const SEARCH: &str = "kasir-search";
/// The amount field of the payment panel.
pub const AMOUNT: &str = "kasir-amount";
/// The receipt field of the void panel.
pub const VOID_RECEIPT: &str = "kasir-void-receipt";

/// How many search results the till shows.
const RESULTS: usize = 8;

/// What the right-hand side shows besides the totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    None,
    Pay(Payment),
    Held(Vec<HeldSale>),
    Void(VoidForm),
}

/// The void (*batal*) form: receipt, reason, manager PIN.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VoidForm {
    pub receipt: String,
    pub reason: String,
    pub pin: String,
    pub error: Option<String>,
}

pub struct Kasir {
    pub query: String,
    /// Results for `results_query`, which may lag behind `query` by a keystroke.
    pub results: Vec<Product>,
    results_query: String,
    pub highlighted: usize,
    search_version: u64,
    pub cart: Vec<CartItem>,
    pub sale_discount: String,
    pub panel: Panel,
    pub notice: Option<Notice>,
    pub last_sale: Option<CompletedSale>,
    pub tax: TaxRule,
    pub qris: Option<iced::widget::qr_code::Data>,
    /// A sale is being written: the pay button waits for it.
    pub saving: bool,
    /// Where the last receipt's PDF went, or why it did not.
    pub receipt_file: Option<Result<String, String>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The search text changed (typed or scanned).
    QueryChanged(String),
    /// Results of a search, tagged with the version they answer.
    SearchFinished(u64, String, Result<Vec<Product>, String>),
    /// Enter in the search field: add the scanned code or the picked result.
    Submit,
    /// The lookup of an exact code finished.
    CodeLooked(String, Result<Option<Product>, String>),
    /// Move the highlight in the results (arrow keys).
    MoveHighlight(i32),
    /// Add this result to the cart.
    Pick(usize),
    QuantityChanged(usize, String),
    LineDiscountChanged(usize, String),
    RemoveLine(usize),
    SaleDiscountChanged(String),
    /// Open the payment panel (F2).
    OpenPay,
    PayMethod(PaymentMethod),
    AmountChanged(String),
    ReferenceChanged(String),
    /// Put the amount typed so far down as one payment of a split.
    AddTender,
    RemoveTender(usize),
    /// Tap a quick cash amount.
    QuickCash(crate::money::Rupiah),
    /// Finish the sale.
    Complete,
    /// The sale is in the book (or was refused).
    Completed(Result<CompletedSale, String>),
    /// Park the cart, or list parked carts when the cart is empty (F4).
    HoldOrList,
    Held(Result<Uuid, String>),
    HeldListed(Result<Vec<HeldSale>, String>),
    Resume(Uuid),
    Resumed(
        Result<Vec<CartItem>, String>,
        Option<crate::domain::discount::Discount>,
    ),
    /// Open the void panel (F8).
    OpenVoid,
    VoidReceiptChanged(String),
    VoidReasonChanged(String),
    VoidPinChanged(String),
    SubmitVoid,
    Voided(Result<VoidRecord, String>),
    /// Print a copy (SALINAN) of the last receipt.
    Reprint,
    /// The receipt's PDF is written (and opened or printed).
    ReceiptPrinted(Result<String, String>),
    /// Back out of any panel (Esc).
    Back,
}

impl Kasir {
    pub fn new(settings: &Settings) -> Kasir {
        Kasir {
            query: String::new(),
            results: Vec::new(),
            results_query: String::new(),
            highlighted: 0,
            search_version: 0,
            cart: Vec::new(),
            sale_discount: String::new(),
            panel: Panel::None,
            notice: None,
            last_sale: None,
            tax: settings.tax,
            qris: qris_code(settings),
            saving: false,
            receipt_file: None,
        }
    }

    /// New settings (tax, QRIS) apply from the next sale.
    pub fn apply_settings(&mut self, settings: &Settings) {
        self.tax = settings.tax;
        self.qris = qris_code(settings);
    }

    /// The keys of the till, wherever the focus is.
    pub fn hotkey(&self, key: &Key) -> Option<Message> {
        match key {
            Key::Named(Named::F2) => Some(Message::OpenPay),
            Key::Named(Named::F4) => Some(Message::HoldOrList),
            Key::Named(Named::F8) => Some(Message::OpenVoid),
            Key::Named(Named::Escape) => Some(Message::Back),
            Key::Named(Named::ArrowDown) if self.panel == Panel::None => {
                Some(Message::MoveHighlight(1))
            }
            Key::Named(Named::ArrowUp) if self.panel == Panel::None => {
                Some(Message::MoveHighlight(-1))
            }
            _ => None,
        }
    }

    /// The cart priced by the domain rules, or why it cannot be.
    pub fn priced(&self) -> Result<PricedCart, String> {
        let lines = self
            .cart
            .iter()
            .map(CartItem::as_line)
            .collect::<Result<Vec<_>, String>>()?;
        price_cart(&lines, self.sale_discount()?, self.tax).map_err(|e| e.to_string())
    }

    fn sale_discount(&self) -> Result<Option<crate::domain::discount::Discount>, String> {
        let text = self.sale_discount.trim();
        if text.is_empty() {
            return Ok(None);
        }
        crate::domain::discount::Discount::parse(text)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    pub fn update(&mut self, message: Message) -> Effect<Message> {
        match message {
            Message::QueryChanged(query) => self.search(query),
            Message::SearchFinished(version, query, result) => {
                if version == self.search_version {
                    self.results = result.unwrap_or_default();
                    self.results_query = query;
                    self.highlighted = 0;
                }
                Effect::None
            }
            Message::Submit => self.submit(),
            Message::CodeLooked(code, result) => self.code_looked(code, result),
            Message::MoveHighlight(step) => {
                if !self.results.is_empty() {
                    let last = self.results.len() as i32 - 1;
                    self.highlighted = (self.highlighted as i32 + step).clamp(0, last) as usize;
                }
                Effect::None
            }
            Message::Pick(index) => match self.results.get(index).cloned() {
                Some(product) => self.add(product),
                None => Effect::None,
            },
            Message::QuantityChanged(index, text) => {
                if let Some(item) = self.cart.get_mut(index) {
                    item.quantity = text;
                }
                Effect::None
            }
            Message::LineDiscountChanged(index, text) => {
                if let Some(item) = self.cart.get_mut(index) {
                    item.discount = text;
                }
                Effect::None
            }
            Message::RemoveLine(index) => {
                if index < self.cart.len() {
                    self.cart.remove(index);
                }
                Effect::Focus(SEARCH)
            }
            Message::SaleDiscountChanged(text) => {
                self.sale_discount = text;
                Effect::None
            }
            Message::OpenPay => self.open_pay(),
            Message::PayMethod(_)
            | Message::AmountChanged(_)
            | Message::ReferenceChanged(_)
            | Message::AddTender
            | Message::RemoveTender(_)
            | Message::QuickCash(_) => {
                if let Panel::Pay(payment) = &mut self.panel {
                    payment.update(message);
                }
                Effect::Focus(AMOUNT)
            }
            Message::Complete => self.complete(),
            Message::Completed(result) => self.completed(result),
            Message::HoldOrList => self.hold_or_list(),
            Message::Held(result) => {
                match result {
                    Ok(_) => {
                        self.cart.clear();
                        self.sale_discount.clear();
                        self.notice = Some(Notice::Info(Say::CartHeld));
                    }
                    Err(error) => self.notice = Some(Notice::Error(error.into())),
                }
                Effect::Focus(SEARCH)
            }
            Message::HeldListed(result) => {
                match result {
                    Ok(held) if held.is_empty() => {
                        self.notice = Some(Notice::Info(Say::NoHeldCarts))
                    }
                    Ok(held) => self.panel = Panel::Held(held),
                    Err(error) => self.notice = Some(Notice::Error(error.into())),
                }
                Effect::Focus(SEARCH)
            }
            Message::Resume(id) => Effect::job(move |store| match store.resume_held(id) {
                Ok(held) => {
                    let items = held
                        .items
                        .iter()
                        .map(|item| Ok(CartItem::resumed(store.find_product(&item.code)?, item)))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e: crate::store::StoreError| e.to_string());
                    Message::Resumed(items, held.discount)
                }
                Err(error) => Message::Resumed(Err(error.to_string()), None),
            }),
            Message::Resumed(result, discount) => {
                match result {
                    Ok(items) => {
                        self.cart = items;
                        self.sale_discount = discount.map(|d| d.to_string()).unwrap_or_default();
                        self.panel = Panel::None;
                        self.notice = None;
                    }
                    Err(error) => self.notice = Some(Notice::Error(error.into())),
                }
                Effect::Focus(SEARCH)
            }
            Message::OpenVoid => {
                let receipt = self
                    .last_sale
                    .as_ref()
                    .map(|s| s.receipt.clone())
                    .unwrap_or_default();
                self.panel = Panel::Void(VoidForm {
                    receipt,
                    ..VoidForm::default()
                });
                Effect::Focus(VOID_RECEIPT)
            }
            Message::VoidReceiptChanged(text) => self.edit_void(|form| form.receipt = text),
            Message::VoidReasonChanged(text) => self.edit_void(|form| form.reason = text),
            Message::VoidPinChanged(text) => self.edit_void(|form| form.pin = text),
            Message::SubmitVoid => self.submit_void(),
            Message::Voided(result) => self.voided(result),
            Message::Reprint => match &self.last_sale {
                Some(sale) => {
                    let receipt = sale.receipt.clone();
                    Effect::job(move |store| {
                        Message::ReceiptPrinted(super::documents::receipt(store, &receipt, true))
                    })
                }
                None => Effect::None,
            },
            Message::ReceiptPrinted(result) => {
                self.receipt_file = Some(result);
                Effect::None
            }
            Message::Back => {
                if self.panel != Panel::None {
                    self.panel = Panel::None;
                } else {
                    self.query.clear();
                    self.results.clear();
                }
                Effect::Focus(SEARCH)
            }
        }
    }

    fn search(&mut self, query: String) -> Effect<Message> {
        self.query = query.clone();
        self.search_version += 1;
        let version = self.search_version;
        if query.trim().is_empty() {
            self.results.clear();
            return Effect::None;
        }
        Effect::job(move |store| {
            let result = store
                .search_products(&query, RESULTS)
                .map_err(|e| e.to_string());
            Message::SearchFinished(version, query, result)
        })
    }

    fn submit(&mut self) -> Effect<Message> {
        let code = self.query.trim().to_string();
        if code.is_empty() {
            return if self.cart.is_empty() {
                Effect::None
            } else {
                self.open_pay()
            };
        }
        Effect::job(move |store| {
            let result = store.lookup_product(&code).map_err(|e| e.to_string());
            Message::CodeLooked(code, result)
        })
    }

    fn code_looked(
        &mut self,
        code: String,
        result: Result<Option<Product>, String>,
    ) -> Effect<Message> {
        match result {
            Ok(Some(product)) => self.add(product),
            Ok(None) if self.results_query.trim() == code && !self.results.is_empty() => {
                let product = self.results[self.highlighted.min(self.results.len() - 1)].clone();
                self.add(product)
            }
            Ok(None) => {
                // The cart stays as it was; only the code is cleared.
                self.notice = Some(Notice::Error(Say::UnknownCode(code)));
                self.query.clear();
                self.results.clear();
                Effect::Focus(SEARCH)
            }
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                Effect::Focus(SEARCH)
            }
        }
    }

    /// Puts a product in the cart: one more of a counted line already there,
    /// or a new line.
    fn add(&mut self, product: Product) -> Effect<Message> {
        let existing = self
            .cart
            .iter_mut()
            .find(|item| item.product.sku == product.sku && !product.unit.allows_fraction());
        match existing {
            Some(item) => item.add_one(),
            None => self.cart.push(CartItem::new(product)),
        }
        self.notice = None;
        self.query.clear();
        self.results.clear();
        self.search_version += 1;
        Effect::Focus(SEARCH)
    }

    fn open_pay(&mut self) -> Effect<Message> {
        match self.priced() {
            Ok(priced) => {
                self.panel = Panel::Pay(Payment::new(priced.total));
                Effect::Focus(AMOUNT)
            }
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                Effect::Focus(SEARCH)
            }
        }
    }

    fn complete(&mut self) -> Effect<Message> {
        if self.saving {
            return Effect::None;
        }
        let items = self
            .cart
            .iter()
            .map(|item| item.as_sale_item())
            .collect::<Result<Vec<SaleItem>, String>>();
        let discount = self.sale_discount();
        let Panel::Pay(payment) = &mut self.panel else {
            return self.open_pay();
        };
        let tenders = match payment.tenders_with_entry() {
            Ok(tenders) => tenders,
            Err(error) => {
                payment.error = Some(error.into());
                return Effect::Focus(AMOUNT);
            }
        };
        let items = match items {
            Ok(items) => items,
            Err(error) => {
                payment.error = Some(error.into());
                return Effect::Focus(AMOUNT);
            }
        };
        let discount = match discount {
            Ok(discount) => discount,
            Err(error) => {
                payment.error = Some(error.into());
                return Effect::Focus(AMOUNT);
            }
        };
        self.saving = true;
        let request = SaleRequest {
            items,
            discount,
            tenders,
        };
        Effect::job(move |store| {
            Message::Completed(at_now(|now| store.complete_sale(&request, now)))
        })
    }

    fn completed(&mut self, result: Result<CompletedSale, String>) -> Effect<Message> {
        self.saving = false;
        match result {
            Ok(sale) => {
                self.notice = Some(Notice::Info(Say::ReceiptSaved(sale.receipt.clone())));
                self.cart.clear();
                self.sale_discount.clear();
                self.panel = Panel::None;
                self.receipt_file = None;
                let receipt = sale.receipt.clone();
                self.last_sale = Some(sale);
                // The receipt is drawn and written off the UI thread; the
                // next buyer can already be served.
                Effect::Focus(SEARCH).and(Effect::job(move |store| {
                    Message::ReceiptPrinted(super::documents::receipt(store, &receipt, false))
                }))
            }
            Err(error) => {
                if let Panel::Pay(payment) = &mut self.panel {
                    payment.error = Some(error.into());
                } else {
                    self.notice = Some(Notice::Error(error.into()));
                }
                Effect::Focus(AMOUNT)
            }
        }
    }

    fn hold_or_list(&mut self) -> Effect<Message> {
        if self.cart.is_empty() {
            return Effect::job(|store| {
                Message::HeldListed(store.held_sales().map_err(|e| e.to_string()))
            });
        }
        let items = match self
            .cart
            .iter()
            .map(CartItem::as_sale_item)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(items) => items,
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                return Effect::Focus(SEARCH);
            }
        };
        let discount = self.sale_discount().ok().flatten();
        Effect::job(move |store| {
            let result = at_now(|now| {
                // The time on the stall's clock (WIB, WITA or WIT).
                let local = now.to_offset(store.offset());
                let label = format!("Tahan {:02}:{:02}", local.hour(), local.minute());
                store.hold_sale(&label, &items, discount, now)
            });
            Message::Held(result)
        })
    }

    fn edit_void(&mut self, edit: impl FnOnce(&mut VoidForm)) -> Effect<Message> {
        if let Panel::Void(form) = &mut self.panel {
            edit(form);
        }
        Effect::None
    }

    fn submit_void(&mut self) -> Effect<Message> {
        let Panel::Void(form) = &self.panel else {
            return Effect::None;
        };
        let (receipt, reason, pin) = (form.receipt.clone(), form.reason.clone(), form.pin.clone());
        Effect::job(move |store| {
            Message::Voided(at_now(|now| store.void_sale(&receipt, &reason, &pin, now)))
        })
    }

    fn voided(&mut self, result: Result<VoidRecord, String>) -> Effect<Message> {
        match result {
            Ok(record) => {
                self.panel = Panel::None;
                self.notice = Some(Notice::Info(Say::Voided(record.receipt.clone())));
                if let Some(sale) = self
                    .last_sale
                    .as_mut()
                    .filter(|s| s.receipt == record.receipt)
                {
                    sale.voided = true;
                }
                Effect::Focus(SEARCH)
            }
            Err(error) => {
                if let Panel::Void(form) = &mut self.panel {
                    form.error = Some(error);
                    form.pin.clear();
                }
                Effect::None
            }
        }
    }
}

fn qris_code(settings: &Settings) -> Option<iced::widget::qr_code::Data> {
    settings
        .qris_payload
        .as_deref()
        .and_then(|payload| iced::widget::qr_code::Data::new(payload).ok())
}
