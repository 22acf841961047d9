//! Penitip: the producers whose goods the stall sells on consignment (*titip
//! jual*). The list with what each is owed, was paid and the balance; a
//! producer shown with their statement (*laporan titip jual*) on screen and
//! as PDF; goods received from them or handed back under a handover note,
//! picked from their products, with the note's PDF; a payout with the
//! manager PIN; a new producer, or a producer's details changed.
//!
//! Keys: the search field has the focus; Enter submits a form; Esc closes it.

pub mod day;
mod view;

use time::Date;

use crate::domain::consign::PayoutMethod;
use crate::domain::regency::Regency;
use crate::money::{Quantity, Rupiah};
use crate::store::{
    HandoverItem, HandoverKind, HandoverNote, NewProducer, Payout, Producer, ProducerBalance,
    ProducerStatement, Product, Store,
};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::Lang;
use crate::ui::refusal::{Refusal, WindowError};

/// The search field.
/// The screen's scrolling view (PgUp/PgDn, Home/End; ↑/↓ walk the list).
pub const SCROLL: &str = "penitip-scroll";
pub const SEARCH: &str = "penitip-search";
pub const AMOUNT: &str = "penitip-amount";
pub const REFERENCE: &str = "penitip-reference";
pub const PIN: &str = "penitip-pin";
pub const FORM_CODE: &str = "penitip-code";
pub const FORM_NAME: &str = "penitip-name";
pub const FORM_NIB: &str = "penitip-nib";
pub const FORM_PHONE: &str = "penitip-phone";
pub const FORM_BANK: &str = "penitip-bank";
pub const PICK: &str = "penitip-pick";
pub const NOTE: &str = "penitip-note";
pub const FROM: &str = "penitip-from";
/// The quantity fields of a handover's first lines, so a picked item's
/// quantity can take the focus.
pub const QUANTITY: [&str; 12] = [
    "penitip-qty-0",
    "penitip-qty-1",
    "penitip-qty-2",
    "penitip-qty-3",
    "penitip-qty-4",
    "penitip-qty-5",
    "penitip-qty-6",
    "penitip-qty-7",
    "penitip-qty-8",
    "penitip-qty-9",
    "penitip-qty-10",
    "penitip-qty-11",
];

/// What the screen last did, said in the screen's language when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Saved(Producer),
    Handed(String, HandoverKind, Option<String>),
    /// A payout and where its kuitansi was written, when it was.
    Paid(Payout, Option<String>),
    Printed(String),
    Refused(Refusal),
}

impl Outcome {
    pub fn say(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Outcome::Saved(p) if id => format!("Penitip {} ({}) disimpan.", p.name, p.code),
            Outcome::Saved(p) => format!("Producer {} ({}) saved.", p.name, p.code),
            Outcome::Handed(number, kind, path) => {
                let what = match (kind, id) {
                    (HandoverKind::Intake, true) => "Terima titipan",
                    (HandoverKind::Intake, false) => "Goods received",
                    (HandoverKind::Handback, true) => "Retur ke penitip",
                    (HandoverKind::Handback, false) => "Goods handed back",
                };
                match (path, id) {
                    (Some(path), true) => format!("{what} {number} tercatat; PDF: {path}"),
                    (Some(path), false) => format!("{what} {number} recorded; PDF: {path}"),
                    (None, true) => format!("{what} {number} tercatat."),
                    (None, false) => format!("{what} {number} recorded."),
                }
            }
            Outcome::Paid(p, kuitansi) if id => format!(
                "{} dibayar {} ({}). Saldo sekarang {}.{}",
                p.name,
                p.amount,
                p.method.label(),
                p.balance,
                kuitansi
                    .as_deref()
                    .map(|path| format!(" Kuitansi: {path}"))
                    .unwrap_or_default()
            ),
            Outcome::Paid(p, kuitansi) => format!(
                "{} paid {} ({}). Balance now {}.{}",
                p.name,
                p.amount,
                method_name(p.method, lang),
                p.balance,
                kuitansi
                    .as_deref()
                    .map(|path| format!(" Receipt: {path}"))
                    .unwrap_or_default()
            ),
            Outcome::Printed(path) if id => format!("Ditulis: {path}"),
            Outcome::Printed(path) => format!("Written: {path}"),
            Outcome::Refused(refusal) => refusal.say(lang),
        }
    }
}

/// A payout method's name on screen.
pub fn method_name(method: PayoutMethod, lang: Lang) -> &'static str {
    match (method, lang) {
        (PayoutMethod::Cash, Lang::Id) => "Tunai dari laci",
        (PayoutMethod::Cash, Lang::En) => "Cash from the drawer",
        (PayoutMethod::Transfer, _) => "Transfer",
    }
}

/// The producer form: a new producer, or one's details changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProducerForm {
    /// The code of the producer being changed; `None` for a new one.
    pub editing: Option<String>,
    pub code: String,
    pub name: String,
    pub regency: Option<Regency>,
    pub nib: String,
    pub phone: String,
    pub bank: String,
}

/// How many of the goods found the picker shows.
pub const PICKER_ROWS: usize = 8;

/// Goods in or out under one note: the producer's products to pick from,
/// and the lines picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverForm {
    pub kind: HandoverKind,
    pub producer: String,
    pub products: Vec<Product>,
    pub pick: String,
    /// SKU, name, unit, quantity as typed (empty: one).
    pub lines: Vec<(String, String, String, String)>,
    pub note: String,
    /// The goods found that Enter takes (the arrows move it).
    pub highlighted: usize,
    /// The arrows moved in the picker since the last pick: Enter in the
    /// empty picker then takes the goods highlighted instead of saving.
    pub arrowed: bool,
}

impl HandoverForm {
    /// The producer's products that match what was typed.
    pub fn matching(&self) -> Vec<&Product> {
        let typed = self.pick.trim().to_lowercase();
        self.products
            .iter()
            .filter(|p| {
                typed.is_empty()
                    || p.name.to_lowercase().contains(&typed)
                    || p.sku.to_lowercase().contains(&typed)
                    || p.barcode.as_deref() == Some(typed.as_str())
            })
            .collect()
    }
}

/// What the right side shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Nothing,
    Shown,
    Form(ProducerForm),
    Handover(HandoverForm),
}

#[derive(Default)]
pub struct Penitip {
    pub search: String,
    pub list: Vec<ProducerBalance>,
    /// The row of the list ↑/↓ move to and Enter shows.
    pub highlighted: usize,
    version: u64,
    /// The producer shown, with their statement.
    pub selected: Option<ProducerStatement>,
    /// The statement's first day, as typed (empty: from the beginning).
    pub from: String,
    pub panel: Panel,
    pub amount: String,
    pub method: Option<PayoutMethod>,
    pub reference: String,
    pub pin: String,
    pub outcome: Option<Outcome>,
    pub busy: bool,
    /// F5 or F6 on a producer highlighted but not shown yet: the note to
    /// open once their statement has loaded.
    handover_next: Option<HandoverKind>,
}

#[derive(Debug, Clone)]
pub enum Message {
    SearchChanged(String),
    /// Producers for a search, tagged with its version.
    Listed(u64, Result<Vec<ProducerBalance>, Refusal>),
    /// Show this producer.
    Select(String),
    /// Move the highlight in the list (↑/↓).
    MoveHighlight(i32),
    /// Enter in the search: show the highlighted producer.
    PickHighlighted,
    /// F5/F6 on the highlighted producer: show them, then open the note.
    HandoverHighlighted(HandoverKind),
    /// ↑/↓ in the producer form: the regency before or after the one chosen.
    StepRegency(i32),
    Loaded(Result<Box<ProducerStatement>, Refusal>),
    /// The statement's first day changed.
    FromChanged(String),
    /// Write the statement as PDF (and open or print it as set).
    PrintStatement,
    Printed(Result<String, Refusal>),
    AmountChanged(String),
    /// Fill in the whole balance.
    PayAll,
    MethodChanged(PayoutMethod),
    ReferenceChanged(String),
    PinChanged(String),
    /// Record the payout.
    Pay,
    Paid(Result<(Payout, Option<String>), Refusal>),
    /// Open the form for a new producer.
    OpenNew,
    /// Open the form to change the shown producer.
    OpenEdit,
    FormCode(String),
    FormName(String),
    FormRegency(Regency),
    FormNib(String),
    FormPhone(String),
    FormBank(String),
    SaveForm,
    Saved(Result<Producer, Refusal>),
    /// Open the handover form for the shown producer.
    OpenHandover(HandoverKind),
    /// The producer's products arrived for the handover form.
    Products(Result<Vec<Product>, Refusal>),
    PickChanged(String),
    /// Put this product on the note (Enter takes the first match).
    PickProduct(String),
    PickFirst,
    LineQuantity(usize, String),
    /// The arrows in the goods found.
    PickMove(i32),
    /// Enter in a line's quantity: back to the picker for the next item;
    /// a quantity of 0 takes the line off the note.
    QuantityDone(usize),
    RemoveLine(usize),
    NoteChanged(String),
    /// Record the note and write its PDF.
    SaveHandover,
    Handed(Result<(HandoverNote, Option<String>), Refusal>),
    /// Close a form.
    Close,
    /// A job of this screen died before answering.
    JobFailed(Refusal),
    /// Scroll the screen (PgUp/PgDn, Home/End).
    Scroll(crate::ui::action::Scroll),
}

fn today(store: &Store) -> Date {
    store.business_day(crate::clock::now().unwrap_or(time::OffsetDateTime::now_utc()))
}

fn statement(
    store: &Store,
    code: &str,
    from: Option<Date>,
) -> Result<Box<ProducerStatement>, Refusal> {
    Ok(Box::new(store.producer_statement(
        code,
        from,
        today(store),
    )?))
}

/// Reads the statement's first day as typed: empty is from the beginning.
fn from_day(text: &str) -> Result<Option<Date>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::clock::parse_day(text)
        .map(Some)
        .ok_or_else(|| WindowError::Day(text.to_string()).into())
}

/// Writes a document into the data folder's `titipan/` and hands it on as
/// the settings say (save, open or print).
fn write_paper(store: &Store, name: &str, bytes: &[u8]) -> Result<String, Refusal> {
    crate::ui::documents::keep(store, "titipan", name, bytes)
}

fn print_statement(store: &Store, code: &str, from: Option<Date>) -> Result<String, Refusal> {
    at_now(|now| {
        let statement = store.producer_statement(code, from, store.business_day(now))?;
        let bytes = crate::print::from_book::producer_statement_pdf(store, &statement, now)?;
        let name = format!("laporan-{}-{}.pdf", statement.producer.code, statement.to);
        write_paper(store, &name, &bytes)
    })
}

impl Penitip {
    /// The screen is left: its message goes with it.
    pub fn leave(&mut self) {
        self.outcome = None;
    }

    /// Esc closes a form.
    /// Keys: F3 a new producer, F8 changes the one shown; ↑/↓ walk the list
    /// and Enter in the search shows the highlighted one (↑/↓ pick the
    /// regency in the form); F5 takes goods in, F6 hands goods back; F4
    /// fills in the whole balance, F9/F10 pay in cash or by transfer,
    /// Enter pays; F7 prints the statement; Esc closes a form.
    pub fn hotkey(&self, press: &crate::ui::KeyPress) -> Option<Message> {
        use iced::keyboard::{Key, key::Named};
        let Key::Named(named) = &press.key else {
            return None;
        };
        let form = matches!(self.panel, Panel::Form(_));
        let handover = matches!(self.panel, Panel::Handover(_));
        let open = form || handover;
        let shown = self.selected.is_some() && !open;
        match named {
            Named::Escape if open => Some(Message::Close),
            Named::F3 => Some(Message::OpenNew),
            Named::ArrowDown if handover => Some(Message::PickMove(1)),
            Named::ArrowUp if handover => Some(Message::PickMove(-1)),
            Named::ArrowDown if form => Some(Message::StepRegency(1)),
            Named::ArrowUp if form => Some(Message::StepRegency(-1)),
            Named::ArrowDown if !open => Some(Message::MoveHighlight(1)),
            Named::ArrowUp if !open => Some(Message::MoveHighlight(-1)),
            Named::F8 if shown => Some(Message::OpenEdit),
            // The producer the arrows are on, shown or not yet.
            Named::F5 | Named::F6 if !open && self.highlighted_not_shown() => {
                Some(Message::HandoverHighlighted(match named {
                    Named::F5 => HandoverKind::Intake,
                    _ => HandoverKind::Handback,
                }))
            }
            Named::F5 if shown => Some(Message::OpenHandover(HandoverKind::Intake)),
            Named::F6 if shown => Some(Message::OpenHandover(HandoverKind::Handback)),
            Named::F4 if shown => Some(Message::PayAll),
            Named::F7 if shown => Some(Message::PrintStatement),
            Named::F9 if shown => Some(Message::MethodChanged(PayoutMethod::Cash)),
            Named::PageUp | Named::PageDown => {
                crate::ui::action::Scroll::for_key(named).map(Message::Scroll)
            }
            Named::Home | Named::End if !press.captured => {
                crate::ui::action::Scroll::for_key(named).map(Message::Scroll)
            }
            Named::F10 if shown => Some(Message::MethodChanged(PayoutMethod::Transfer)),
            _ => None,
        }
    }

    /// Whether the arrows are on a producer other than the one shown.
    fn highlighted_not_shown(&self) -> bool {
        match (self.list.get(self.highlighted), &self.selected) {
            (Some(row), Some(shown)) => row.producer != shown.producer.code,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Lists the producers again (the screen was opened, or something
    /// changed), and the one shown.
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        let (version, search) = (self.version, self.search.trim().to_lowercase());
        let list = Action::search("penitip-list", move |store| {
            Message::Listed(
                version,
                store
                    .producer_balances()
                    .map(|list| {
                        list.into_iter()
                            .filter(|p| {
                                search.is_empty()
                                    || p.name.to_lowercase().contains(&search)
                                    || p.producer.to_lowercase().contains(&search)
                                    || p.regency_name.to_lowercase().contains(&search)
                            })
                            .collect()
                    })
                    .map_err(Refusal::from),
            )
        });
        Action::Focus(SEARCH).and(list).and(self.reload())
    }

    /// Reads the shown producer's statement again.
    fn reload(&self) -> Action<Message> {
        match (&self.selected, from_day(&self.from)) {
            (Some(shown), Ok(from)) => {
                let code = shown.producer.code.clone();
                Action::job(move |store| Message::Loaded(statement(store, &code, from)))
            }
            _ => Action::None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            message @ (Message::SearchChanged(..)
            | Message::Listed(..)
            | Message::MoveHighlight(..)
            | Message::HandoverHighlighted(..)
            | Message::PickHighlighted
            | Message::Select(..)) => self.on_list(message),
            message @ (Message::Loaded(..)
            | Message::FromChanged(..)
            | Message::PrintStatement
            | Message::Printed(..)
            | Message::AmountChanged(..)
            | Message::PayAll
            | Message::MethodChanged(..)
            | Message::ReferenceChanged(..)
            | Message::PinChanged(..)
            | Message::Paid(..)) => self.on_statement(message),
            message @ (Message::OpenNew
            | Message::OpenEdit
            | Message::FormCode(..)
            | Message::FormName(..)
            | Message::FormRegency(..)
            | Message::FormNib(..)
            | Message::FormPhone(..)
            | Message::FormBank(..)
            | Message::Saved(..)) => self.on_form(message),
            message @ (Message::OpenHandover(..)
            | Message::Products(..)
            | Message::PickChanged(..)
            | Message::PickMove(..)
            | Message::PickFirst
            | Message::PickProduct(..)
            | Message::QuantityDone(..)
            | Message::LineQuantity(..)
            | Message::RemoveLine(..)
            | Message::NoteChanged(..)
            | Message::Handed(..)) => self.on_handover(message),
            Message::Scroll(by) => Action::Scroll { view: SCROLL, by },
            Message::StepRegency(step) => self.edit_form(|f| {
                let all = crate::domain::regency::REGENCIES;
                let at = f
                    .regency
                    .and_then(|r| all.iter().position(|a| *a == r))
                    .map_or(if step > 0 { -1 } else { 0 }, |at| at as i32);
                let next = (at + step).rem_euclid(all.len() as i32) as usize;
                f.regency = Some(all[next]);
            }),
            Message::Pay => self.pay(),
            Message::SaveForm => self.save_form(),
            Message::SaveHandover => self.save_handover(),
            Message::Close => {
                self.panel = if self.selected.is_some() {
                    Panel::Shown
                } else {
                    Panel::Nothing
                };
                Action::Focus(SEARCH)
            }
            Message::JobFailed(error) => {
                self.busy = false;
                self.outcome = Some(Outcome::Refused(error));
                Action::None
            }
        }
    }

    /// The producers' list: searched, arrowed, picked.
    fn on_list(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::SearchChanged(text) => {
                self.search = text;
                self.highlighted = 0;
                self.refresh()
            }
            Message::MoveHighlight(step) => {
                let last = self.list.len().saturating_sub(1) as i32;
                self.highlighted = (self.highlighted as i32 + step).clamp(0, last) as usize;
                Action::Focus(SEARCH)
            }
            Message::HandoverHighlighted(kind) => match self.list.get(self.highlighted) {
                Some(producer) => {
                    let code = producer.producer.clone();
                    self.handover_next = Some(kind);
                    self.update(Message::Select(code))
                }
                None => Action::None,
            },
            Message::PickHighlighted => match self.list.get(self.highlighted) {
                Some(producer) => {
                    let code = producer.producer.clone();
                    self.update(Message::Select(code))
                }
                None => Action::None,
            },
            Message::Listed(version, result) => {
                if version == self.version {
                    match result {
                        Ok(list) => {
                            self.highlighted = self.highlighted.min(list.len().saturating_sub(1));
                            self.list = list;
                        }
                        Err(error) => self.outcome = Some(Outcome::Refused(error)),
                    }
                }
                Action::None
            }
            Message::Select(code) => {
                self.panel = Panel::Shown;
                self.amount.clear();
                self.reference.clear();
                self.pin.clear();
                let from = from_day(&self.from).unwrap_or(None);
                Action::job(move |store| Message::Loaded(statement(store, &code, from)))
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// The producer shown: their statement, its paper, and paying them.
    fn on_statement(&mut self, message: Message) -> Action<Message> {
        match message {
            message @ (Message::AmountChanged(..)
            | Message::PayAll
            | Message::MethodChanged(..)
            | Message::ReferenceChanged(..)
            | Message::PinChanged(..)
            | Message::Paid(..)) => self.on_payout(message),
            Message::Loaded(result) => {
                match result {
                    Ok(statement) => {
                        let changed = self
                            .selected
                            .as_ref()
                            .is_none_or(|s| s.producer.code != statement.producer.code);
                        self.selected = Some(*statement);
                        if self.panel == Panel::Nothing {
                            self.panel = Panel::Shown;
                        }
                        if let Some(kind) = self.handover_next.take() {
                            return self.update(Message::OpenHandover(kind));
                        }
                        // A producer picked by keys is paid from the keys.
                        if changed && self.panel == Panel::Shown {
                            return Action::Focus(AMOUNT);
                        }
                    }
                    Err(error) => self.outcome = Some(Outcome::Refused(error)),
                }
                Action::None
            }
            Message::FromChanged(text) => {
                self.from = text;
                match from_day(&self.from) {
                    Ok(_) => self.reload(),
                    Err(_) => Action::None,
                }
            }
            Message::PrintStatement => match (&self.selected, from_day(&self.from)) {
                (Some(shown), Ok(from)) => {
                    let code = shown.producer.code.clone();
                    Action::job(move |store| Message::Printed(print_statement(store, &code, from)))
                }
                (_, Err(error)) => {
                    self.outcome = Some(Outcome::Refused(error));
                    Action::Focus(FROM)
                }
                _ => Action::None,
            },
            Message::Printed(result) => {
                self.outcome = Some(match result {
                    Ok(path) => Outcome::Printed(path),
                    Err(error) => Outcome::Refused(error),
                });
                Action::None
            }
            _ => Action::None,
        }
    }

    /// Paying the producer shown: amount, method, reference, PIN, and the answer.
    fn on_payout(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::AmountChanged(text) => {
                self.amount = text;
                Action::None
            }
            Message::PayAll => {
                if let Some(shown) = &self.selected {
                    self.amount = shown.balance.value().max(0).to_string();
                }
                Action::Focus(AMOUNT)
            }
            Message::MethodChanged(method) => {
                self.method = Some(method);
                Action::Focus(if method == PayoutMethod::Transfer {
                    REFERENCE
                } else {
                    AMOUNT
                })
            }
            Message::ReferenceChanged(text) => {
                self.reference = text;
                Action::None
            }
            Message::PinChanged(text) => {
                self.pin = text;
                Action::None
            }
            Message::Paid(result) => {
                self.busy = false;
                self.pin.clear();
                match result {
                    Ok((payout, kuitansi)) => {
                        self.amount.clear();
                        self.reference.clear();
                        self.outcome = Some(Outcome::Paid(payout, kuitansi));
                        self.refresh()
                    }
                    Err(error) => {
                        self.outcome = Some(Outcome::Refused(error));
                        Action::Focus(AMOUNT)
                    }
                }
            }
            // Only this family is sent here (see `update`).
            // Only this family is sent here (see `on_statement`).
            _ => Action::None,
        }
    }

    /// A producer added or edited.
    fn on_form(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::OpenNew => {
                self.panel = Panel::Form(ProducerForm::default());
                Action::job(|store| Message::FormCode(next_code(store).unwrap_or_default()))
                    .and(Action::Focus(FORM_NAME))
            }
            Message::OpenEdit => {
                if let Some(shown) = &self.selected {
                    let p = &shown.producer;
                    self.panel = Panel::Form(ProducerForm {
                        editing: Some(p.code.clone()),
                        code: p.code.clone(),
                        name: p.name.clone(),
                        regency: Regency::by_code(p.regency),
                        nib: p.nib.clone().unwrap_or_default(),
                        phone: p.phone.clone().unwrap_or_default(),
                        bank: p.bank.clone().unwrap_or_default(),
                    });
                    return Action::Focus(FORM_NAME);
                }
                Action::None
            }
            Message::FormCode(text) => self.edit_form(|f| {
                if f.editing.is_none() {
                    f.code = text
                }
            }),
            Message::FormName(text) => self.edit_form(|f| f.name = text),
            Message::FormRegency(regency) => self.edit_form(|f| f.regency = Some(regency)),
            Message::FormNib(text) => self.edit_form(|f| f.nib = text),
            Message::FormPhone(text) => self.edit_form(|f| f.phone = text),
            Message::FormBank(text) => self.edit_form(|f| f.bank = text),
            Message::Saved(result) => match result {
                Ok(producer) => {
                    self.panel = Panel::Shown;
                    let code = producer.code.clone();
                    self.outcome = Some(Outcome::Saved(producer));
                    let from = from_day(&self.from).unwrap_or(None);
                    self.refresh().and(Action::job(move |store| {
                        Message::Loaded(statement(store, &code, from))
                    }))
                }
                Err(error) => {
                    self.outcome = Some(Outcome::Refused(error));
                    Action::Focus(FORM_NAME)
                }
            },
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// Goods handed over (titip or returned): the picker, the lines, the note.
    fn on_handover(&mut self, message: Message) -> Action<Message> {
        match message {
            message @ (Message::PickChanged(..)
            | Message::PickMove(..)
            | Message::PickFirst
            | Message::PickProduct(..)) => self.on_picker(message),
            message @ (Message::QuantityDone(..)
            | Message::LineQuantity(..)
            | Message::RemoveLine(..)
            | Message::NoteChanged(..)) => self.on_handover_lines(message),
            Message::OpenHandover(kind) => {
                let Some(shown) = &self.selected else {
                    return Action::None;
                };
                let code = shown.producer.code.clone();
                self.panel = Panel::Handover(HandoverForm {
                    kind,
                    producer: code.clone(),
                    products: Vec::new(),
                    pick: String::new(),
                    lines: Vec::new(),
                    note: String::new(),
                    highlighted: 0,
                    arrowed: false,
                });
                Action::job(move |store| {
                    Message::Products(store.producer_products(&code).map_err(Refusal::from))
                })
                .and(Action::Focus(PICK))
            }
            Message::Products(result) => {
                match result {
                    Ok(products) => {
                        if let Panel::Handover(form) = &mut self.panel {
                            form.products = products;
                        }
                    }
                    Err(error) => self.outcome = Some(Outcome::Refused(error)),
                }
                Action::None
            }
            Message::Handed(result) => {
                self.busy = false;
                match result {
                    Ok((note, path)) => {
                        self.outcome = Some(Outcome::Handed(note.number, note.kind, path));
                        self.panel = Panel::Shown;
                        self.refresh()
                    }
                    Err(error) => {
                        self.outcome = Some(Outcome::Refused(error));
                        Action::Focus(PICK)
                    }
                }
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// The handover's product picker: typed, arrowed, picked.
    fn on_picker(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::PickChanged(text) => {
                if let Panel::Handover(form) = &mut self.panel {
                    form.pick = text;
                    form.highlighted = 0;
                }
                Action::None
            }
            Message::PickMove(step) => {
                if let Panel::Handover(form) = &mut self.panel {
                    let last = form.matching().len().min(PICKER_ROWS).saturating_sub(1) as i32;
                    form.highlighted = (form.highlighted as i32 + step).clamp(0, last) as usize;
                    form.arrowed = true;
                }
                Action::None
            }
            Message::PickFirst => {
                // Enter in an empty picker is done picking: the note is saved.
                if let Panel::Handover(form) = &self.panel
                    && form.pick.trim().is_empty()
                    && !form.arrowed
                {
                    return match form.lines.is_empty() {
                        true => Action::Focus(PICK),
                        false => self.save_handover(),
                    };
                }
                let first = match &self.panel {
                    Panel::Handover(form) => {
                        form.matching().get(form.highlighted).map(|p| p.sku.clone())
                    }
                    _ => None,
                };
                match first {
                    Some(sku) => self.update(Message::PickProduct(sku)),
                    None => Action::None,
                }
            }
            Message::PickProduct(sku) => {
                if let Panel::Handover(form) = &mut self.panel
                    && let Some(product) = form.products.iter().find(|p| p.sku == sku)
                {
                    let index = match form.lines.iter().position(|l| l.0 == sku) {
                        Some(index) => index,
                        None => {
                            form.lines.push((
                                product.sku.clone(),
                                product.name.clone(),
                                product.unit.key().to_string(),
                                String::new(),
                            ));
                            form.lines.len() - 1
                        }
                    };
                    form.pick.clear();
                    form.highlighted = 0;
                    form.arrowed = false;
                    // The quantity is what to type next.
                    if let Some(id) = QUANTITY.get(index) {
                        return Action::Focus(id);
                    }
                }
                Action::Focus(PICK)
            }
            // Only this family is sent here (see `on_handover`).
            _ => Action::None,
        }
    }

    /// The handover's lines and note.
    fn on_handover_lines(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::QuantityDone(index) => {
                if let Panel::Handover(form) = &mut self.panel
                    && form.lines.get(index).is_some_and(|l| l.3.trim() == "0")
                {
                    form.lines.remove(index);
                }
                Action::Focus(PICK)
            }
            Message::LineQuantity(index, text) => {
                if let Panel::Handover(form) = &mut self.panel
                    && let Some(line) = form.lines.get_mut(index)
                {
                    line.3 = text;
                }
                Action::None
            }
            Message::RemoveLine(index) => {
                if let Panel::Handover(form) = &mut self.panel
                    && index < form.lines.len()
                {
                    form.lines.remove(index);
                }
                Action::Focus(PICK)
            }
            Message::NoteChanged(text) => {
                if let Panel::Handover(form) = &mut self.panel {
                    form.note = text;
                }
                Action::None
            }
            // Only this family is sent here (see `on_handover`).
            _ => Action::None,
        }
    }

    fn edit_form(&mut self, edit: impl FnOnce(&mut ProducerForm)) -> Action<Message> {
        if let Panel::Form(form) = &mut self.panel {
            edit(form);
        }
        Action::None
    }

    fn pay(&mut self) -> Action<Message> {
        if self.busy {
            return Action::None;
        }
        let Some(shown) = &self.selected else {
            return Action::None;
        };
        let amount = match Rupiah::parse(&self.amount) {
            Ok(amount) => amount,
            Err(error) => {
                self.outcome = Some(Outcome::Refused(error.into()));
                return Action::Focus(AMOUNT);
            }
        };
        let code = shown.producer.code.clone();
        let method = self.method.unwrap_or(PayoutMethod::Cash);
        let reference = Some(self.reference.trim().to_string()).filter(|r| !r.is_empty());
        let pin = self.pin.clone();
        self.busy = true;
        Action::job(move |store| {
            Message::Paid(at_now(|now| {
                let payout =
                    store.pay_producer(&code, amount, method, reference.as_deref(), &pin, now)?;
                // The payout is recorded; its kuitansi failing is not undone.
                let kuitansi = crate::ui::documents::payout_kuitansi(store, &payout);
                Ok::<_, Refusal>((payout, kuitansi.ok()))
            }))
        })
    }

    fn save_form(&mut self) -> Action<Message> {
        let Panel::Form(form) = &self.panel else {
            return Action::None;
        };
        let Some(regency) = form.regency else {
            self.outcome = Some(Outcome::Refused(
                crate::domain::consign::ConsignError::Regency(0).into(),
            ));
            return Action::None;
        };
        let fields = NewProducer {
            code: form.code.clone(),
            name: form.name.clone(),
            regency: regency.code,
            nib: Some(form.nib.clone()),
            phone: Some(form.phone.clone()),
            bank: Some(form.bank.clone()),
        };
        let editing = form.editing.clone();
        Action::job(move |store| {
            Message::Saved(at_now(|now| match &editing {
                Some(code) => store.update_producer(code, &fields, now),
                None => store.add_producer(&fields, now),
            }))
        })
    }

    fn save_handover(&mut self) -> Action<Message> {
        if self.busy {
            return Action::None;
        }
        let Panel::Handover(form) = &self.panel else {
            return Action::None;
        };
        let mut items = Vec::with_capacity(form.lines.len());
        for (sku, _, _, quantity) in &form.lines {
            let quantity = match quantity.trim() {
                "" => "1",
                typed => typed,
            };
            match Quantity::parse(quantity) {
                Ok(quantity) => items.push(HandoverItem {
                    sku: sku.clone(),
                    quantity,
                }),
                Err(error) => {
                    self.outcome = Some(Outcome::Refused(error.into()));
                    return Action::None;
                }
            }
        }
        let (kind, producer) = (form.kind, form.producer.clone());
        let note = Some(form.note.trim().to_string()).filter(|n| !n.is_empty());
        self.busy = true;
        Action::job(move |store| {
            Message::Handed(at_now(|now| {
                let note = match kind {
                    HandoverKind::Intake => {
                        store.consign_receive(&producer, &items, note.as_deref(), now)?
                    }
                    HandoverKind::Handback => {
                        store.consign_return(&producer, &items, note.as_deref(), now)?
                    }
                };
                // The note is recorded; its paper failing is said, not undone.
                let paper = crate::print::from_book::handover_note_pdf(store, &note, now)
                    .map_err(Refusal::from)
                    .and_then(|bytes| write_paper(store, &format!("{}.pdf", note.number), &bytes));
                Ok::<_, Refusal>((note, paper.ok()))
            }))
        })
    }
}

/// The next free code: `P001`, `P002`, …
fn next_code(store: &Store) -> Option<String> {
    let taken: Vec<String> = store
        .producers()
        .ok()?
        .into_iter()
        .map(|p| p.code)
        .collect();
    (1..10_000)
        .map(|n| format!("P{n:03}"))
        .find(|code| !taken.contains(code))
}
