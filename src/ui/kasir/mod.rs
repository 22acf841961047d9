//! Kasir, the till: search or scan, build the cart, take payment.
//!
//! The keyboard contract: the search field has the focus whenever no panel is
//! open and gets it back after any line edit; `N*CODE` adds N of an item; a
//! long run of digits typed into a quantity or discount field is a stray scan
//! and goes to the search as a scan; F2 pays with cash focused, F5–F8 are the
//! quick amounts, Enter finishes, Esc backs out. Everything that touches the
//! book runs as a job; the screen only keeps the cart.

mod cart;
mod day;
mod held;
mod kasbon;
mod last_sale;
mod opening;
mod panel_scan;
mod pay;
pub mod qris;
mod scan;
mod view;
mod void;

use iced::keyboard::{Key, key::Named};
use uuid::Uuid;

pub use cart::{CartItem, LineRefused};
pub use pay::Payment;

use super::action::{Action, at_now};
use super::i18n::Say;
use super::refusal::Refusal;
use super::widgets::Notice;
use crate::domain::cart::{PricedCart, price_cart};
use crate::domain::discount::Discount;
use crate::domain::payment::PaymentMethod;
use crate::domain::tax::{TaxMode, TaxRule};
use crate::money::{Quantity, Rupiah};
use crate::store::{
    CompletedSale, Day, HeldSale, Product, SaleItem, SaleRequest, ScaleScan, Settings, Store,
    VoidRecord,
};

/// The search field's id, so the till can keep the focus there.
pub const SEARCH: &str = "kasir-search";
/// The amount field of the payment panel.
pub const AMOUNT: &str = "kasir-amount";
/// The reference field of the payment panel (QRIS, transfer, card).
pub const REFERENCE: &str = "payment-reference";
/// The fields of the void panel.
pub const VOID_RECEIPT: &str = "kasir-void-receipt";
pub const VOID_REASON: &str = "void-reason";
pub const VOID_PIN: &str = "void-pin";
/// *Kas awal*, while today is not open yet.
pub const OPENING_FLOAT: &str = "opening-float";
/// The manager PIN that reopens a closed day.
pub const REOPEN_PIN: &str = "reopen-pin";
pub const SALE_DISCOUNT: &str = "sale-discount";
/// The manager PIN for a discount above the vendor's limit.
pub const DISCOUNT_PIN: &str = "discount-pin";
/// The buyer's WhatsApp number, under the last sale.
pub const WHATSAPP: &str = "kasir-whatsapp";
/// The cart's lines, scrolled to the highlighted one.
pub const CART_LINES: &str = "kasir-cart-lines";

/// How many search results the till shows.
const RESULTS: usize = 8;
/// A run of this many digits is a barcode, never a quantity or a discount
/// (the largest quantity, 100.000, has six).
const STRAY_DIGITS: usize = 7;
/// Keys closer than this behind a scan's are the same scan's.
const SCAN_GAP: std::time::Duration = std::time::Duration::from_millis(300);
/// The lengths of the barcodes a scanner types: EAN-13, UPC-A, EAN-8, ITF-14.
const BARCODE_LENGTHS: [usize; 4] = [13, 12, 8, 14];
/// A total rounded for cash ends on this many rupiah.
const CASH_STEP: i64 = 500;

/// What the right-hand side shows besides the totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    None,
    Pay(Payment),
    Held(HeldList),
    Void(VoidForm),
}

/// The held carts, each with its total, and the one Enter resumes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldList {
    pub carts: Vec<(HeldSale, Option<Rupiah>)>,
    pub highlighted: usize,
}

/// The void (*batal*) form: receipt, reason, manager PIN.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VoidForm {
    pub receipt: String,
    pub reason: String,
    pub pin: String,
    /// The sale the receipt number names, once found.
    pub sale: Option<Result<CompletedSale, Refusal>>,
    pub error: Option<Refusal>,
    pub voiding: bool,
}

/// Today, as the till needs to know it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Today {
    /// Not read yet.
    #[default]
    Unknown,
    /// Nobody opened it: *kas awal* may be given, or the first sale opens it.
    NotOpened {
        day: String,
    },
    Open {
        day: String,
        float: Rupiah,
    },
    /// Closed by *tutup kasir*: no sale until a manager reopens it.
    Closed {
        day: String,
    },
}

/// Which field of a cart line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineField {
    Quantity,
    Discount,
}

/// A scan that landed in a line's field: its digits go to the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    line: usize,
    field: LineField,
    /// The field's text as it last came in, so only new digits are taken.
    seen: String,
}

pub struct Kasir {
    /// The search field: what was typed since the last Enter.
    pub search: scan::ScanField,
    /// Results for `results_query`, which may lag behind `query` by a keystroke.
    pub results: Vec<Product>,
    results_query: String,
    pub highlighted: usize,
    search_version: u64,
    pub cart: Vec<CartItem>,
    /// The cart line the arrows, Delete and `+`/`-` act on: the last added.
    pub cart_cursor: usize,
    pub sale_discount: String,
    pub panel: Panel,
    pub notice: Option<Notice>,
    pub last_sale: Option<CompletedSale>,
    /// The last sale's buyer is still at the counter: the layar pelanggan
    /// thanks them until the next item is scanned.
    pub thanking: bool,
    pub tax: TaxRule,
    pub qris: qris::QrisShown,
    /// A sale is being written: the pay button waits for it.
    pub saving: bool,
    /// Where the last receipt's PDF went, or why it did not.
    pub receipt_file: Option<Result<String, Refusal>>,
    /// The buyer's WhatsApp number, typed under the last sale.
    pub whatsapp: String,
    /// The wa.me link opened for the last sale, or why it was not.
    pub whatsapp_sent: Option<Result<String, Refusal>>,
    pub today: Today,
    /// *Kas awal* as typed, and the manager PIN for a reopen.
    pub opening_float: String,
    pub reopen_pin: String,
    pub day_error: Option<Say>,
    stray: Option<Stray>,
    /// A scan or a search began in the *kas awal* field: what the field
    /// holds (not drawn anew yet), so the keys after it go on to the search.
    float_scan: Option<String>,
    /// When the last key of a scan reached the reopen PIN.
    scan_in_pin: Option<std::time::Instant>,
    /// Lookups answered, waiting for the scans typed before them.
    scans: scan::InTurn<Message>,
    /// F2 came while scans typed before it were still being looked up: the
    /// payment panel opens when the last of them has landed.
    pay_when_scanned: bool,
    /// Codes scanned for this cart that matched no product, in order. A
    /// refusal inside a scanner's burst must outlive the good scans after
    /// it, or the vendor never learns an item was not charged: these stay
    /// on screen, paying included, until Esc, a hold or the sale.
    pub missed: Vec<String>,
    /// Carts held in the book (a closed window keeps its cart there).
    pub held_waiting: usize,
    /// The discount the vendor gives alone, in percent of a line or of the
    /// sale (`pin_discount_percent`); above it the payment asks for the PIN.
    discount_limit: u32,
    /// A scan that began in a panel's field (the amount, a PIN, kasbon, the
    /// void): the field's text as it last came in, so the digits after it
    /// go on to the search and its Enter adds the item.
    panel_scan: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The search text changed (typed or scanned).
    QueryChanged(String),
    /// Results of a search, tagged with the version they answer.
    SearchFinished(u64, String, Result<Vec<Product>, Refusal>),
    /// Enter in the search field: add the scanned code or the picked result.
    Submit,
    /// The lookup of a typed or scanned code finished: the product, how many,
    /// and what is left of a stray scan's digits for the line it landed in.
    CodeLooked {
        code: String,
        quantity: Option<Quantity>,
        found: Result<Option<(Product, String)>, Refusal>,
        /// The line a stray scan landed in, taken when Enter was pressed.
        stray: Option<Stray>,
        /// The scan's place in the order of Enters.
        ticket: u64,
    },
    /// A scale label was read: its product and the weight of one label
    /// (`N*` labels asked), or why it cannot be sold.
    ScaleScanned {
        count: Option<Quantity>,
        scan: Result<ScaleScan, Refusal>,
        ticket: u64,
    },
    /// `5*` and Enter: the highlighted line's quantity, in its turn after
    /// the scans typed before it.
    LineQuantity {
        quantity: Quantity,
        ticket: u64,
    },
    /// Move the highlight in the results or the held carts (arrow keys).
    MoveHighlight(i32),
    /// Move the highlighted cart line (arrow keys with the search empty).
    MoveCartCursor(i32),
    /// `+` or `-` with the search empty: one more or one less of the
    /// highlighted line.
    StepLine(i32),
    /// Add this result to the cart.
    Pick(usize),
    QuantityChanged(usize, String),
    LineDiscountChanged(usize, String),
    /// Enter in a line's field: back to the search.
    LineSubmitted(usize),
    RemoveLine(usize),
    SaleDiscountChanged(String),
    /// Take the offered rounding of the total as a discount (F3).
    RoundTotal,
    /// Open the payment panel (F2).
    OpenPay,
    PayMethod(PaymentMethod),
    AmountChanged(String),
    ReferenceChanged(String),
    /// Put the amount typed so far down as one payment of a split (F3).
    AddTender,
    RemoveTender(usize),
    /// The quick cash amount at this place: *uang pas* first (F5–F8).
    QuickCash(usize),
    /// Kasbon: the customer picker of the payment panel.
    Kasbon(kasbon::KasbonMessage),
    /// Finish the sale.
    Complete,
    /// The sale is in the book (or was refused).
    Completed(Result<CompletedSale, Refusal>),
    /// Park the cart, or list parked carts when the cart is empty (F4).
    HoldOrList,
    Held(Result<Uuid, Refusal>),
    HeldListed(Result<Vec<(HeldSale, Option<Rupiah>)>, Refusal>),
    /// How many carts are held in the book, to say so under an empty cart.
    HeldCounted(usize),
    Resume(Uuid),
    Resumed(Result<(Vec<CartItem>, Option<Discount>), Refusal>),
    /// Open the void panel (F8).
    OpenVoid,
    VoidReceiptChanged(String),
    /// The sale a receipt number names (for the void panel).
    VoidSaleFound(String, Result<CompletedSale, Refusal>),
    VoidReasonChanged(String),
    VoidPinChanged(String),
    /// The manager PIN for a discount above the vendor's limit.
    DiscountPinChanged(String),
    SubmitVoid,
    Voided(Result<VoidRecord, Refusal>),
    /// Print a copy (SALINAN) of the last receipt (F7).
    Reprint,
    /// The receipt's PDF is written (and opened or printed).
    ReceiptPrinted(Result<String, Refusal>),
    /// F6: to the buyer's WhatsApp number, under the last sale.
    FocusWhatsApp,
    WhatsAppChanged(String),
    /// Open the last sale's struk in WhatsApp for the number typed.
    SendWhatsApp,
    /// The wa.me link was handed to the browser (or refused).
    WhatsAppOpened(Result<String, Refusal>),
    /// Today's state was read.
    DayLoaded(Result<Today, Refusal>),
    OpeningFloatChanged(String),
    /// Open today with the *kas awal* typed.
    OpenDay,
    ReopenPinChanged(String),
    /// Reopen today (manager PIN).
    Reopen,
    /// Today was opened or reopened (or refused).
    DayChanged(Result<Day, Refusal>),
    /// Back out of any panel (Esc).
    Back,
    /// A job of this screen died before answering.
    JobFailed(Refusal),
}

impl Kasir {
    pub fn new(settings: &Settings) -> Kasir {
        Kasir {
            search: scan::ScanField::default(),
            results: Vec::new(),
            results_query: String::new(),
            highlighted: 0,
            search_version: 0,
            cart: Vec::new(),
            cart_cursor: 0,
            sale_discount: String::new(),
            panel: Panel::None,
            notice: qris_warning(settings),
            last_sale: None,
            thanking: false,
            tax: settings.tax,
            qris: qris::QrisShown::new(settings),
            saving: false,
            receipt_file: None,
            whatsapp: String::new(),
            whatsapp_sent: None,
            today: Today::Unknown,
            opening_float: String::new(),
            reopen_pin: String::new(),
            day_error: None,
            stray: None,
            float_scan: None,
            scans: scan::InTurn::default(),
            pay_when_scanned: false,
            scan_in_pin: None,
            missed: Vec::new(),
            held_waiting: 0,
            discount_limit: settings.pin_discount_percent,
            panel_scan: None,
        }
    }

    /// New settings (tax, QRIS) apply from the next sale.
    pub fn apply_settings(&mut self, settings: &Settings) {
        self.tax = settings.tax;
        self.qris = qris::QrisShown::new(settings);
        self.discount_limit = settings.pin_discount_percent;
    }

    /// The screen is left: its messages speak of what was shown, not of
    /// what will be when it is opened again.
    pub fn leave(&mut self) {
        self.notice = None;
        self.day_error = None;
    }

    /// Reads today's state (opened, closed) again, and puts the focus where
    /// the till wants it.
    pub fn refresh(&mut self) -> Action<Message> {
        day::reload_day()
            .and(held::count_held())
            .and(Action::Focus(self.home()))
    }

    /// The field that has the focus when nothing else asks for it.
    /// A fresh day starts in *kas awal*; a scan or a name typed there goes
    /// on to the search (see [`Kasir::float_changed`]).
    fn home(&self) -> &'static str {
        match (&self.today, &self.panel) {
            (Today::Closed { .. }, _) => REOPEN_PIN,
            (_, Panel::Pay(_)) => AMOUNT,
            (_, Panel::Void(_)) => VOID_RECEIPT,
            (Today::NotOpened { .. }, Panel::None) if self.cart.is_empty() => OPENING_FLOAT,
            _ => SEARCH,
        }
    }

    /// The keys of the till, wherever the focus is.
    pub fn hotkey(&self, key: &Key) -> Option<Message> {
        let on_cart = self.panel == Panel::None
            && !self.cart.is_empty()
            && !matches!(self.today, Today::Closed { .. });
        let Key::Named(named) = key else {
            // `+`/`-` reach the search field first: only a sign typed into
            // an empty field is a key for the cart.
            return match key.as_ref() {
                Key::Character("+") if on_cart && self.search.query == "+" => {
                    Some(Message::StepLine(1))
                }
                Key::Character("-") if on_cart && self.search.query == "-" => {
                    Some(Message::StepLine(-1))
                }
                _ => None,
            };
        };
        let cart_keys = on_cart && self.search.query.is_empty();
        let paying = matches!(self.panel, Panel::Pay(_));
        let picking = match &self.panel {
            Panel::Pay(payment) => {
                payment.method == PaymentMethod::Kasbon
                    && payment.kasbon.chosen.is_none()
                    && !payment.kasbon.adding
            }
            _ => false,
        };
        let listing = matches!(self.panel, Panel::Held(_));
        let closed = matches!(self.today, Today::Closed { .. });
        match named {
            Named::Escape => Some(Message::Back),
            _ if closed => None,
            Named::F2 => Some(Message::OpenPay),
            Named::F4 => Some(Message::HoldOrList),
            Named::F3 if paying => Some(Message::AddTender),
            Named::F3 => Some(Message::RoundTotal),
            Named::F5 if paying => Some(Message::QuickCash(0)),
            Named::F6 if paying => Some(Message::QuickCash(1)),
            Named::F7 if paying => Some(Message::QuickCash(2)),
            Named::F8 if paying => Some(Message::QuickCash(3)),
            Named::F9 if paying => Some(Message::PayMethod(PaymentMethod::Cash)),
            Named::F10 if paying => Some(Message::PayMethod(PaymentMethod::Qris)),
            Named::F11 if paying => Some(Message::PayMethod(PaymentMethod::Transfer)),
            Named::F12 if paying => Some(Message::PayMethod(PaymentMethod::Card)),
            Named::F1 if paying => Some(Message::PayMethod(PaymentMethod::Kasbon)),
            Named::F7 => Some(Message::Reprint),
            Named::F6 if self.last_sale.is_some() => Some(Message::FocusWhatsApp),
            Named::F8 => Some(Message::OpenVoid),
            Named::Insert if picking => Some(Message::Kasbon(kasbon::KasbonMessage::OpenNew)),
            Named::ArrowDown if picking => Some(Message::Kasbon(kasbon::KasbonMessage::Move(1))),
            Named::ArrowUp if picking => Some(Message::Kasbon(kasbon::KasbonMessage::Move(-1))),
            Named::ArrowDown if cart_keys => Some(Message::MoveCartCursor(1)),
            Named::ArrowUp if cart_keys => Some(Message::MoveCartCursor(-1)),
            Named::Delete if cart_keys => Some(Message::RemoveLine(self.cart_cursor)),
            Named::ArrowDown if self.panel == Panel::None || listing => {
                Some(Message::MoveHighlight(1))
            }
            Named::ArrowUp if self.panel == Panel::None || listing => {
                Some(Message::MoveHighlight(-1))
            }
            _ => None,
        }
    }

    /// The cart priced by the domain rules, or why it cannot be.
    pub fn priced(&self) -> Result<PricedCart, Refusal> {
        let lines = self
            .cart
            .iter()
            .map(CartItem::as_line)
            .collect::<Result<Vec<_>, Refusal>>()?;
        Ok(price_cart(&lines, self.sale_discount()?, self.tax)?)
    }

    fn sale_discount(&self) -> Result<Option<Discount>, Refusal> {
        let text = self.sale_discount.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Ok(Some(Discount::parse(text)?))
    }

    /// A total that is no cash-friendly amount (a 5% discount makes
    /// Rp101.175) may be rounded down as a discount, if the cashier says so:
    /// the total it would be, and the sale discount that makes it.
    pub fn rounding_offer(&self) -> Option<(Rupiah, Rupiah)> {
        if self.tax.mode == TaxMode::Exclusive || self.cart.is_empty() {
            return None;
        }
        let priced = self.priced().ok()?;
        let total = priced.total.value();
        if total % 100 == 0 || total < CASH_STEP {
            return None;
        }
        let target = Rupiah::new(total - total % CASH_STEP);
        let discount = priced
            .sale_discount
            .checked_add(priced.total.checked_sub(target).ok()?)
            .ok()?;
        let lines = self
            .cart
            .iter()
            .map(CartItem::as_line)
            .collect::<Result<Vec<_>, Refusal>>()
            .ok()?;
        let rounded = price_cart(&lines, Some(Discount::Amount(discount)), self.tax).ok()?;
        (rounded.total == target).then_some((target, discount))
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        let effect = self.react(message);
        // The next buyer's first item: the last one's thanks are over.
        if !self.cart.is_empty() {
            self.thanking = false;
        }
        // The QRIS on screen follows what is being paid by it.
        let paying = match &self.panel {
            Panel::Pay(payment) => payment.qris_amount(),
            _ => None,
        };
        self.qris.follow(paying);
        effect
    }

    fn react(&mut self, message: Message) -> Action<Message> {
        if self.panel_scan.is_some() && panel_scan::is_enter(&message) {
            self.panel_scan = None;
            return self.submit();
        }
        if let Some(effect) = self.scan_in_panel(&message) {
            return effect;
        }
        match message {
            Message::QueryChanged(_)
            | Message::SearchFinished(..)
            | Message::Submit
            | Message::CodeLooked { .. }
            | Message::ScaleScanned { .. }
            | Message::LineQuantity { .. }
            | Message::MoveHighlight(_)
            | Message::Pick(_) => self.on_search(message),
            Message::MoveCartCursor(_)
            | Message::StepLine(_)
            | Message::QuantityChanged(..)
            | Message::LineDiscountChanged(..)
            | Message::LineSubmitted(_)
            | Message::RemoveLine(_)
            | Message::SaleDiscountChanged(_)
            | Message::RoundTotal => self.on_cart(message),
            Message::OpenPay
            | Message::PayMethod(_)
            | Message::AmountChanged(_)
            | Message::ReferenceChanged(_)
            | Message::DiscountPinChanged(_)
            | Message::AddTender
            | Message::RemoveTender(_)
            | Message::QuickCash(_)
            | Message::Kasbon(_)
            | Message::Complete
            | Message::Completed(_) => self.on_pay(message),
            Message::HoldOrList
            | Message::Held(_)
            | Message::HeldListed(_)
            | Message::HeldCounted(_)
            | Message::Resume(_)
            | Message::Resumed(_) => self.on_held(message),
            Message::OpenVoid
            | Message::VoidReceiptChanged(_)
            | Message::VoidSaleFound(..)
            | Message::VoidReasonChanged(_)
            | Message::VoidPinChanged(_)
            | Message::SubmitVoid
            | Message::Voided(_) => self.on_void(message),
            Message::Reprint
            | Message::ReceiptPrinted(_)
            | Message::FocusWhatsApp
            | Message::WhatsAppChanged(_)
            | Message::SendWhatsApp
            | Message::WhatsAppOpened(_) => self.on_last_sale(message),
            Message::DayLoaded(_)
            | Message::OpeningFloatChanged(_)
            | Message::OpenDay
            | Message::ReopenPinChanged(_)
            | Message::Reopen
            | Message::DayChanged(_) => self.on_day(message),
            Message::Back => self.back(),
            Message::JobFailed(why) => self.job_failed(why),
        }
    }

    /// Typing, scanning and picking in the search.
    fn on_search(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::QueryChanged(text) => {
                self.search.changed(text);
                self.search(self.search.query.clone())
            }
            Message::SearchFinished(version, query, result) => {
                self.search_finished(version, query, result)
            }
            Message::Submit => self.submit(),
            Message::CodeLooked { ticket, .. }
            | Message::ScaleScanned { ticket, .. }
            | Message::LineQuantity { ticket, .. } => self.scan_answered(ticket, message),
            Message::MoveHighlight(step) => self.move_highlight(step),
            Message::Pick(index) => self.pick(index),
            _ => Action::None,
        }
    }

    /// Results of a search, unless a newer one was asked for since.
    fn search_finished(
        &mut self,
        version: u64,
        query: String,
        result: Result<Vec<Product>, Refusal>,
    ) -> Action<Message> {
        if version == self.search_version {
            match result {
                Ok(results) => self.results = results,
                Err(error) => {
                    self.results.clear();
                    self.notice = Some(Notice::Error(error.into()));
                }
            }
            self.results_query = query;
            self.highlighted = 0;
        }
        Action::None
    }

    /// A lookup answered: it and the answers waiting behind it are applied
    /// in the order their Enters came.
    fn scan_answered(&mut self, ticket: u64, answer: Message) -> Action<Message> {
        let due = self.scans.arrived(ticket, answer);
        let effect = due.into_iter().fold(Action::None, |effect, answer| {
            effect.and(self.scanned(answer))
        });
        effect.and(self.after_scans())
    }

    /// The arrows move through the held carts when they are listed, else
    /// through the search results.
    fn move_highlight(&mut self, step: i32) -> Action<Message> {
        let (highlighted, count) = match &mut self.panel {
            Panel::Held(list) => (&mut list.highlighted, list.carts.len()),
            _ => (&mut self.highlighted, self.results.len()),
        };
        if count > 0 {
            let last = count as i32 - 1;
            *highlighted = (*highlighted as i32 + step).clamp(0, last) as usize;
        }
        Action::None
    }

    /// A result clicked: into the cart, and the search starts afresh.
    fn pick(&mut self, index: usize) -> Action<Message> {
        match self.results.get(index).cloned() {
            Some(product) => {
                self.search.set(String::new());
                self.results.clear();
                self.search_version += 1;
                self.add(product, None)
            }
            None => Action::None,
        }
    }

    /// Edits of the cart's lines and of the sale's discount.
    fn on_cart(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::MoveCartCursor(step) => {
                let last = self.cart.len().saturating_sub(1) as i32;
                self.cart_cursor = (self.cart_cursor as i32 + step).clamp(0, last) as usize;
                self.reveal_cursor()
            }
            Message::StepLine(step) => self.step_line(step),
            Message::QuantityChanged(index, text) => {
                self.line_changed(index, LineField::Quantity, text)
            }
            Message::LineDiscountChanged(index, text) => {
                self.line_changed(index, LineField::Discount, text)
            }
            Message::LineSubmitted(index) => self.line_submitted(index),
            Message::RemoveLine(index) => self.remove_line(index),
            Message::SaleDiscountChanged(text) => {
                self.sale_discount = text;
                Action::None
            }
            Message::RoundTotal => self.round_total(),
            _ => Action::None,
        }
    }

    /// Enter in a line's field: back to the search, or, when a scan landed
    /// in that line, the scan's Enter.
    fn line_submitted(&mut self, index: usize) -> Action<Message> {
        if self.stray.as_ref().is_some_and(|s| s.line == index) {
            return self.submit();
        }
        if let Some(item) = self.cart.get_mut(index) {
            item.before_edit = None;
        }
        Action::Focus(SEARCH)
    }

    fn remove_line(&mut self, index: usize) -> Action<Message> {
        if index < self.cart.len() {
            self.cart.remove(index);
            self.stray = None;
            self.cart_cursor = self.cart_cursor.min(self.cart.len().saturating_sub(1));
        }
        Action::Focus(SEARCH).and(self.reveal_cursor())
    }

    /// F3: the rounding offered becomes the sale's discount.
    fn round_total(&mut self) -> Action<Message> {
        if self.panel == Panel::None
            && let Some((_, discount)) = self.rounding_offer()
        {
            self.sale_discount = discount.value().to_string();
        }
        Action::Focus(SEARCH)
    }

    /// The payment panel: opening it, its methods and amounts, finishing.
    fn on_pay(&mut self, message: Message) -> Action<Message> {
        match message {
            // A scanner's last code and F2 come faster than the book
            // answers: pay for what was scanned, not for what has landed.
            Message::OpenPay if self.scans.waiting() => {
                self.pay_when_scanned = true;
                Action::None
            }
            Message::OpenPay => self.open_pay(),
            // Enter in the amount before the scans have landed waits too.
            Message::Complete if self.scans.waiting() => Action::Focus(AMOUNT),
            Message::Complete => self.complete(),
            Message::Completed(result) => self.completed(result),
            Message::ReferenceChanged(_)
            | Message::AmountChanged(_)
            | Message::DiscountPinChanged(_) => {
                self.edit_payment(message);
                Action::None
            }
            Message::PayMethod(PaymentMethod::Kasbon) => self.kasbon_chosen(),
            Message::Kasbon(message) => self.kasbon(message),
            Message::PayMethod(_)
            | Message::AddTender
            | Message::RemoveTender(_)
            | Message::QuickCash(_) => {
                self.edit_payment(message);
                Action::Focus(AMOUNT)
            }
            _ => Action::None,
        }
    }

    /// Hands a message to the open payment panel.
    fn edit_payment(&mut self, message: Message) {
        if let Panel::Pay(payment) = &mut self.panel {
            payment.update(message);
        }
    }

    /// Esc: out of the panel open, or, with none, the search and the
    /// cart's messages cleared.
    fn back(&mut self) -> Action<Message> {
        self.pay_when_scanned = false;
        self.panel_scan = None;
        // Esc in the new customer's form leaves the form, not the sale.
        if let Panel::Pay(payment) = &self.panel
            && payment.kasbon.adding
        {
            return self.kasbon(kasbon::KasbonMessage::CancelNew);
        }
        if self.panel != Panel::None {
            self.panel = Panel::None;
        } else {
            self.search.set(String::new());
            self.results.clear();
            self.notice = None;
            self.missed.clear();
        }
        self.stray = None;
        Action::Focus(self.home())
    }

    /// A job died before answering: said where the vendor is looking.
    fn job_failed(&mut self, why: Refusal) -> Action<Message> {
        self.saving = false;
        match &mut self.panel {
            Panel::Pay(payment) => payment.error = Some(why.into()),
            Panel::Void(form) => {
                form.voiding = false;
                form.error = Some(why);
            }
            _ => self.notice = Some(Notice::Error(why.into())),
        }
        Action::Focus(self.home())
    }

    fn search(&mut self, query: String) -> Action<Message> {
        self.search_version += 1;
        let version = self.search_version;
        // What the search looks for: the code of `N*CODE`.
        let wanted = split_count(&query)
            .map(|(_, code)| code.to_string())
            .unwrap_or_else(|| query.trim().to_string());
        if wanted.is_empty() {
            self.results.clear();
            return Action::None;
        }
        Action::search("kasir-search", move |store| {
            let result = store
                .search_products(&wanted, RESULTS)
                .map_err(Refusal::from);
            Message::SearchFinished(version, query, result)
        })
    }

    /// Enter in the search: the highlighted held cart resumed, the payment
    /// opened (nothing typed), `5*` for the highlighted line, or a code
    /// looked up.
    fn submit(&mut self) -> Action<Message> {
        if let Panel::Held(list) = &self.panel {
            return match list.carts.get(list.highlighted) {
                Some((held, _)) => self.update(Message::Resume(held.id)),
                None => Action::None,
            };
        }
        self.panel_scan = None;
        // The field empties now, not when the lookup answers: the keys that
        // follow are the next scan's.
        let typed = self.search.take().trim().to_string();
        let pick = (self.results_query.trim() == typed)
            .then(|| self.results.get(self.highlighted).cloned())
            .flatten();
        self.results.clear();
        self.search_version += 1;
        if typed.is_empty() {
            return if self.cart.is_empty() {
                Action::None
            } else {
                self.open_pay()
            };
        }
        if let Some(count) = typed.strip_suffix('*') {
            return self.quantity_typed(count);
        }
        let (quantity, code) = match split_count(&typed) {
            Some((count, code)) => match Quantity::parse(count) {
                Ok(quantity) => (Some(quantity), code.to_string()),
                Err(error) => {
                    self.notice = Some(Notice::Error(Refusal::from(error).into()));
                    return Action::Focus(SEARCH);
                }
            },
            None => (None, typed),
        };
        self.look_up(code, quantity, pick)
    }

    /// Asks the book for a code, in its turn among the scans: the answer
    /// comes back with its ticket, even from a lookup that dies.
    fn look_up(
        &mut self,
        code: String,
        quantity: Option<Quantity>,
        pick: Option<Product>,
    ) -> Action<Message> {
        let stray = self.stray.take();
        let ticket = self.scans.issue();
        let lost = code.clone();
        let job = crate::ui::action::Job::new(move |store| {
            find_code(store, code, quantity, pick, stray, ticket)
        });
        // A lookup that dies still answers in its turn, or every later
        // scan would wait for it.
        Action::Run(job.failing_with(move |why| Message::CodeLooked {
            code: lost,
            quantity: None,
            found: Err(why),
            stray: None,
            ticket,
        }))
    }

    /// `+`/`-` on the highlighted line. The sign went into the search
    /// field first; it is taken out as Enter takes a code.
    fn step_line(&mut self, step: i32) -> Action<Message> {
        self.search.take();
        let Some(item) = self.cart.get_mut(self.cart_cursor) else {
            return Action::Focus(SEARCH);
        };
        let stepped = if step > 0 {
            item.add(Quantity::ONE)
        } else {
            item.one_less()
        };
        if let Err(why) = stepped {
            self.notice = Some(Notice::Error(why.into()));
        }
        Action::Focus(SEARCH).and(self.reveal_cursor())
    }

    /// Once scans have landed: the payment F2 asked for opens, and a panel
    /// already open (F2 reached the window before a scan's Enter did) asks
    /// for the cart as it is now, with the focus kept in its amount.
    fn after_scans(&mut self) -> Action<Message> {
        if self.scans.waiting() {
            return Action::None;
        }
        if std::mem::take(&mut self.pay_when_scanned) {
            return self.open_pay();
        }
        let priced = self.priced();
        let approval = priced.as_ref().ok().and_then(|p| self.discount_approval(p));
        match (&mut self.panel, priced) {
            (Panel::Pay(payment), Ok(priced)) => {
                payment.approval = approval;
                if payment.total != priced.total {
                    payment.total = priced.total;
                }
                Action::Focus(AMOUNT)
            }
            _ => Action::None,
        }
    }

    /// A scan's answer, in its turn.
    fn scanned(&mut self, answer: Message) -> Action<Message> {
        match answer {
            Message::CodeLooked {
                code,
                quantity,
                found,
                stray,
                ..
            } => self.code_looked(code, quantity, found, stray),
            Message::ScaleScanned { count, scan, .. } => self.scale_scanned(count, scan),
            Message::LineQuantity { quantity, .. } => self.set_line_quantity(quantity),
            _ => Action::None,
        }
    }

    fn code_looked(
        &mut self,
        code: String,
        quantity: Option<Quantity>,
        found: Result<Option<(Product, String)>, Refusal>,
        stray: Option<Stray>,
    ) -> Action<Message> {
        match found {
            Ok(Some((product, before))) => {
                // A scan that landed in a line: what was typed there before
                // the barcode's digits is the line's quantity after all.
                if let Some(stray) = stray
                    && !before.is_empty()
                    && let Some(item) = self.cart.get_mut(stray.line)
                {
                    let field = match stray.field {
                        LineField::Quantity => &mut item.quantity,
                        LineField::Discount => &mut item.discount,
                    };
                    let previous = std::mem::replace(field, before);
                    let readable = match stray.field {
                        LineField::Quantity => item.quantity().is_ok(),
                        LineField::Discount => item.discount().is_ok(),
                    };
                    if !readable {
                        let field = match stray.field {
                            LineField::Quantity => &mut item.quantity,
                            LineField::Discount => &mut item.discount,
                        };
                        *field = previous;
                    }
                }
                self.add(product, quantity)
            }
            Ok(None) => self.unknown(code),
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                Action::Focus(SEARCH)
            }
        }
    }

    /// `5*` and Enter: the quantity waits for the scans typed before it, so
    /// it reaches the line the vendor saw highlighted when the last landed.
    fn quantity_typed(&mut self, count: &str) -> Action<Message> {
        let quantity = match Quantity::parse(count.trim()) {
            Ok(quantity) => quantity,
            Err(error) => {
                self.notice = Some(Notice::Error(Refusal::from(error).into()));
                return Action::Focus(SEARCH);
            }
        };
        let ticket = self.scans.issue();
        self.update(Message::LineQuantity { quantity, ticket })
    }

    /// An unknown code: the cart stays as it was, and the code joins the
    /// cart's missed codes, which stay on screen. The field was emptied at
    /// Enter, so what it holds now is the next scan's.
    fn unknown(&mut self, code: String) -> Action<Message> {
        self.missed.push(code);
        Action::Focus(SEARCH)
    }

    /// The highlighted line takes the quantity of `5*` and Enter.
    fn set_line_quantity(&mut self, quantity: Quantity) -> Action<Message> {
        match self.cart.get_mut(self.cart_cursor) {
            Some(item) => {
                if let Err(why) = item.set_quantity(quantity) {
                    self.notice = Some(Notice::Error(why.into()));
                }
            }
            None => self.notice = Some(Notice::Error(Say::NoLineForQuantity)),
        }
        Action::Focus(SEARCH).and(self.reveal_cursor())
    }

    /// The discount in `priced` that needs the manager, by the one rule the
    /// book checks again.
    fn discount_approval(&self, priced: &PricedCart) -> Option<crate::domain::pin::Approval> {
        let names: Vec<&str> = self.cart.iter().map(|i| i.product.name.as_str()).collect();
        crate::domain::discount::needs_approval(priced, &names, self.discount_limit)
    }

    /// Scrolls the cart until its highlighted line shows: Delete and `+`
    /// never act on a line the vendor cannot see.
    fn reveal_cursor(&self) -> Action<Message> {
        Action::Reveal {
            list: CART_LINES,
            row: self.cart_cursor,
            of: self.cart.len(),
        }
    }

    /// A scale label becomes a line of its weight (times `N*` labels), marked
    /// as coming from the scale.
    fn scale_scanned(
        &mut self,
        count: Option<Quantity>,
        scan: Result<ScaleScan, Refusal>,
    ) -> Action<Message> {
        let scan = match scan {
            Ok(scan) => scan,
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                return Action::Focus(SEARCH);
            }
        };
        let labels = count.unwrap_or(Quantity::ONE);
        let quantity = (labels.is_positive() && labels.milli() % Quantity::SCALE == 0)
            .then(|| {
                scan.quantity
                    .milli()
                    .checked_mul(labels.milli() / Quantity::SCALE)
            })
            .flatten();
        let Some(quantity) = quantity.map(Quantity::from_milli) else {
            let refused = crate::store::StoreError::from(
                crate::domain::scale::ScaleError::WholeLabels(labels),
            );
            self.notice = Some(Notice::Error(Refusal::from(refused).into()));
            return Action::Focus(SEARCH);
        };
        let lines = self.cart.len();
        let effect = self.add(scan.product.clone(), Some(quantity));
        if self.cart.len() > lines
            && let Some(line) = self.cart.last_mut()
        {
            line.scale = Some(scan.code);
            if self.notice.is_none() {
                self.notice = Some(Notice::Info(Say::FromScale {
                    name: scan.product.name.clone(),
                    quantity: quantity.to_string(),
                    unit: scan.product.unit.key(),
                }));
            }
        }
        effect
    }

    /// Puts a product in the cart: more of a counted line already there, or
    /// a new line. A product with no stock left goes in with a word.
    fn add(&mut self, product: Product, quantity: Option<Quantity>) -> Action<Message> {
        let quantity = quantity.unwrap_or(Quantity::ONE);
        let checked = product
            .unit
            .check(quantity)
            .map_err(crate::store::StoreError::from)
            .and_then(|()| Ok(crate::domain::limits::check_quantity(quantity)?));
        if let Err(why) = checked {
            let refused = LineRefused {
                name: product.name.clone(),
                why,
            };
            self.notice = Some(Notice::Error(Refusal::from(refused).into()));
            return Action::Focus(SEARCH);
        }
        let at = self
            .cart
            .iter()
            .position(|item| item.product.sku == product.sku && !product.unit.allows_fraction())
            .unwrap_or(self.cart.len());
        let existing = self
            .cart
            .iter_mut()
            .find(|item| item.product.sku == product.sku && !product.unit.allows_fraction());
        let in_cart = match existing {
            Some(item) => {
                if let Err(why) = item.add(quantity) {
                    self.notice = Some(Notice::Error(why.into()));
                    return Action::Focus(SEARCH);
                }
                Quantity::parse(&item.quantity).unwrap_or(quantity)
            }
            None => {
                self.cart
                    .push(CartItem::with_quantity(product.clone(), quantity));
                quantity
            }
        };
        self.cart_cursor = at;
        self.notice = (product.stock < in_cart).then(|| {
            Notice::Warning(Say::LowStock {
                name: product.name.clone(),
                stock: product.stock.to_string(),
                unit: product.unit.key(),
            })
        });
        Action::Focus(SEARCH).and(self.reveal_cursor())
    }

    /// A line's quantity or discount as typed. A long run of digits is a
    /// barcode scanned while the field had the focus: the field keeps what
    /// it held, the digits go to the search, and Enter adds the item.
    fn line_changed(&mut self, index: usize, field: LineField, text: String) -> Action<Message> {
        let Some(item) = self.cart.get_mut(index) else {
            return Action::None;
        };
        let slot = match field {
            LineField::Quantity => &mut item.quantity,
            LineField::Discount => &mut item.discount,
        };
        if let Some(stray) = &mut self.stray
            && stray.line == index
            && stray.field == field
        {
            // The scanner is still typing into the field: the field may
            // still hold what it showed when the scan began, or what the
            // till put back.
            if let Some(more) = panel_scan::more_digits(&text, &stray.seen, slot) {
                let query = format!("{}{more}", self.search.query);
                self.search.set(query);
                stray.seen = text;
                return Action::Focus(SEARCH);
            }
            self.stray = None;
        }
        let before = item
            .before_edit
            .get_or_insert_with(|| (item.quantity.clone(), item.discount.clone()))
            .clone();
        let before = match field {
            LineField::Quantity => before.0,
            LineField::Discount => before.1,
        };
        let slot = match field {
            LineField::Quantity => &mut item.quantity,
            LineField::Discount => &mut item.discount,
        };
        if longest_digit_run(&text) >= STRAY_DIGITS {
            let digits: String = text
                .strip_prefix(before.as_str())
                .filter(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
                .unwrap_or(&text)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            *slot = before;
            self.search.set(digits);
            self.results.clear();
            self.search_version += 1;
            self.stray = Some(Stray {
                line: index,
                field,
                seen: text,
            });
            return Action::Focus(SEARCH);
        }
        *slot = text;
        Action::None
    }

    fn open_pay(&mut self) -> Action<Message> {
        if matches!(self.today, Today::Closed { .. }) {
            return Action::Focus(REOPEN_PIN);
        }
        if let Panel::Pay(_) = self.panel {
            return Action::Focus(AMOUNT);
        }
        match self.priced() {
            Ok(priced) => {
                let mut payment = Payment::new(priced.total);
                payment.approval = self.discount_approval(&priced);
                self.panel = Panel::Pay(payment);
                self.notice = None;
                Action::Focus(AMOUNT)
            }
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                Action::Focus(SEARCH)
            }
        }
    }

    fn complete(&mut self) -> Action<Message> {
        if self.saving {
            return Action::None;
        }
        let items = self
            .cart
            .iter()
            .map(|item| item.as_sale_item())
            .collect::<Result<Vec<SaleItem>, Refusal>>();
        let discount = self.sale_discount();
        let Panel::Pay(payment) = &mut self.panel else {
            return self.open_pay();
        };
        let request = items.and_then(|items| {
            Ok(SaleRequest {
                items,
                discount: discount?,
                tenders: payment.tenders_with_entry()?,
            })
        });
        let request = match request {
            Ok(request) => request,
            Err(error) => {
                payment.error = Some(error.into());
                return Action::Focus(AMOUNT);
            }
        };
        // A discount past the vendor's limit: the PIN first, and the book
        // is not asked until it is typed.
        let pin = match &payment.approval {
            Some(_) if payment.pin.is_empty() => return Action::Focus(DISCOUNT_PIN),
            Some(_) => Some(payment.pin.clone()),
            None => None,
        };
        self.saving = true;
        let credit = payment.kasbon.credit_for(&request.tenders);
        Action::job(move |store| {
            Message::Completed(at_now(|now| {
                store.complete_sale_approved(&request, credit.as_ref(), pin.as_deref(), now)
            }))
        })
    }

    fn completed(&mut self, result: Result<CompletedSale, Refusal>) -> Action<Message> {
        self.saving = false;
        match result {
            Ok(sale) => {
                self.notice = Some(Notice::Info(Say::ReceiptSaved(sale.receipt.clone())));
                self.clear_cart();
                self.panel = Panel::None;
                self.receipt_file = None;
                if !matches!(self.today, Today::Open { .. }) {
                    // The first sale opened the day (with no float).
                    self.today = Today::Open {
                        day: sale.day.clone(),
                        float: Rupiah::ZERO,
                    };
                }
                let receipt = sale.receipt.clone();
                self.last_sale = Some(sale);
                self.thanking = true;
                self.whatsapp.clear();
                self.whatsapp_sent = None;
                // The receipt is drawn and written off the UI thread; the
                // next buyer can already be served.
                Action::Focus(SEARCH).and(Action::job(move |store| {
                    Message::ReceiptPrinted(super::documents::receipt(store, &receipt, false))
                }))
            }
            Err(error) => {
                let mut field = AMOUNT;
                if let Panel::Pay(payment) = &mut self.panel {
                    payment.error = Some(error.into());
                    // A PIN that did not pass is typed again where it was.
                    if payment.approval.is_some() {
                        payment.pin.clear();
                        field = DISCOUNT_PIN;
                    } else if !payment.kasbon.pin.is_empty() {
                        payment.kasbon.pin.clear();
                        field = kasbon::PIN;
                    }
                } else {
                    self.notice = Some(Notice::Error(error.into()));
                }
                // A day closed meanwhile (in Laporan, or at midnight) shows
                // as closed, with the reopen right there.
                Action::Focus(field).and(day::reload_day())
            }
        }
    }

    /// A cart done with (sold or held): its lines, the codes it missed and
    /// its discount go.
    fn clear_cart(&mut self) {
        self.cart.clear();
        self.missed.clear();
        self.sale_discount.clear();
    }

    /// The cart as a held cart would keep it, when the program closes with
    /// one not paid: its readable lines and the sale's discount.
    pub fn cart_to_keep(
        &self,
    ) -> Option<(Vec<SaleItem>, Option<crate::domain::discount::Discount>)> {
        let items: Vec<SaleItem> = self
            .cart
            .iter()
            .filter_map(|item| item.as_sale_item().ok())
            .collect();
        (!items.is_empty()).then(|| (items, self.sale_discount().ok().flatten()))
    }
}

/// `N*CODE`: how many and of what, if the text has that shape.
fn split_count(text: &str) -> Option<(&str, &str)> {
    let (count, code) = text.trim().split_once('*')?;
    let (count, code) = (count.trim(), code.trim());
    (!count.is_empty() && !code.is_empty()).then_some((count, code))
}

fn longest_digit_run(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// What the book knows of a code typed or scanned: a scale label's product
/// and weight, else the product (for a stray scan, the barcode its digits
/// end with).
fn find_code(
    store: &Store,
    code: String,
    quantity: Option<Quantity>,
    pick: Option<Product>,
    stray: Option<Stray>,
    ticket: u64,
) -> Message {
    // A scale label: its product with the weight printed on it.
    if stray.is_none() {
        match store.read_scale_code(&code) {
            Ok(Some(scan)) => {
                return Message::ScaleScanned {
                    count: quantity,
                    scan: Ok(scan),
                    ticket,
                };
            }
            Err(error) => {
                return Message::ScaleScanned {
                    count: quantity,
                    scan: Err(error.into()),
                    ticket,
                };
            }
            Ok(None) => {}
        }
    }
    let found = match &stray {
        Some(_) => find_stray_scan(store, &code),
        None => look_up_typed(store, &code, pick),
    };
    Message::CodeLooked {
        code,
        quantity,
        found: found.map_err(Refusal::from),
        stray,
        ticket,
    }
}

/// What Enter in the search adds: the product with that code, else the
/// result that was highlighted when Enter was pressed, else (for a name typed
/// faster than its results came) the first product the name finds. A code of
/// digits only is never guessed from a name search.
fn look_up_typed(
    store: &Store,
    typed: &str,
    pick: Option<Product>,
) -> Result<Option<(Product, String)>, crate::store::StoreError> {
    if let Some(product) = store.lookup_product(typed)? {
        return Ok(Some((product, String::new())));
    }
    if let Some(product) = pick {
        return Ok(Some((product, String::new())));
    }
    if typed.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let first = store.search_products(typed, 1)?.into_iter().next();
    Ok(first.map(|product| (product, String::new())))
}

/// The digits of a stray scan may start with what was typed in the field
/// before the scanner fired: the product is the longest barcode they end
/// with, and what is left before it goes back to the field.
fn find_stray_scan(
    store: &Store,
    digits: &str,
) -> Result<Option<(Product, String)>, crate::store::StoreError> {
    if let Some(product) = store.lookup_product(digits)? {
        return Ok(Some((product, String::new())));
    }
    for length in BARCODE_LENGTHS {
        if digits.len() > length {
            let (before, code) = digits.split_at(digits.len() - length);
            if let Some(product) = store.lookup_product(code)? {
                return Ok(Some((product, before.to_string())));
            }
        }
    }
    Ok(None)
}

/// Said when the till opens on a book whose QRIS, stored before the EMV
/// checks, fails them: the vendor learns it before a buyer asks to pay.
fn qris_warning(settings: &Settings) -> Option<Notice> {
    use crate::ui::refusal::English;
    let payload = settings.unusable_qris.as_deref()?;
    let error = crate::domain::qris::validate_qris(payload).err()?;
    Some(Notice::Error(Say::QrisUnusable(
        error.to_string(),
        error.english(),
    )))
}
