//! Pelanggan: the stall's customers who buy on kasbon, with what each owes
//! and since when; a customer's repayment (*bayar kasbon*) and statement
//! (*rekening*); a new customer.
//!
//! Keys: the search field has the focus; ↑/↓ walk the list and Enter shows
//! the customer highlighted, with the focus in the amount; Enter in the
//! amount pays, F4 fills in all that is owed, F9/F10/F11 pick cash, QRIS or
//! transfer, F6 prints the statement; F3 opens the new customer form (Tab
//! moves on, Enter saves, Esc closes).

mod view;

use crate::domain::customer::typed_limit;
use crate::domain::payment::PaymentMethod;
use crate::money::Rupiah;
use crate::store::{
    Customer, CustomerBalance, KasbonStatement, NewCustomer, Repayment, Store, StoreError,
};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::Lang;
use crate::ui::refusal::Refusal;

/// The search field.
/// The screen's scrolling view (PgUp/PgDn, Home/End; ↑/↓ walk the list).
pub const SCROLL: &str = "pelanggan-scroll";
pub const SEARCH: &str = "pelanggan-search";
/// The repayment's amount field.
pub const AMOUNT: &str = "pelanggan-amount";
pub const REFERENCE: &str = "pelanggan-reference";
pub const NEW_CODE: &str = "pelanggan-new-code";
pub const NEW_NAME: &str = "pelanggan-new-name";
pub const NEW_PHONE: &str = "pelanggan-new-phone";
pub const NEW_LIMIT: &str = "pelanggan-new-limit";
pub const NEW_PIN: &str = "pelanggan-new-pin";

/// What the screen last did, said in the screen's language when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A repayment and where its kuitansi was written, when it was.
    Paid(Repayment, Option<String>),
    Added(Customer),
    Printed(String),
    Refused(Refusal),
}

impl Outcome {
    pub fn say(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Outcome::Paid(r, kuitansi) if id => format!(
                "Bayar kasbon {} {} ({}) tercatat. Sisa kasbon {}.{}",
                r.name,
                r.amount,
                r.method.label(),
                r.balance.unwrap_or_default(),
                kuitansi
                    .as_deref()
                    .map(|path| format!(" Kuitansi: {path}"))
                    .unwrap_or_default()
            ),
            Outcome::Paid(r, kuitansi) => format!(
                "{} repaid {} ({}). Still owed: {}.{}",
                r.name,
                r.amount,
                crate::ui::refusal::method_english(r.method),
                r.balance.unwrap_or_default(),
                kuitansi
                    .as_deref()
                    .map(|path| format!(" Receipt: {path}"))
                    .unwrap_or_default()
            ),
            Outcome::Added(c) if id => format!("Pelanggan {} ({}) ditambahkan.", c.name, c.code),
            Outcome::Added(c) => format!("Customer {} ({}) added.", c.name, c.code),
            Outcome::Printed(path) if id => format!("Rekening ditulis: {path}"),
            Outcome::Printed(path) => format!("Statement written: {path}"),
            Outcome::Refused(refusal) => refusal.say(lang),
        }
    }
}

/// The new customer form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewForm {
    pub code: String,
    pub name: String,
    pub phone: String,
    pub limit: String,
    /// The manager PIN, asked when the limit gives credit.
    pub pin: String,
}

#[derive(Default)]
pub struct Pelanggan {
    pub search: String,
    pub list: Vec<CustomerBalance>,
    /// The row of the list ↑/↓ move to and Enter shows.
    pub highlighted: usize,
    version: u64,
    /// The customer shown on the right, with their statement.
    pub selected: Option<KasbonStatement>,
    pub amount: String,
    pub method: Option<PaymentMethod>,
    pub reference: String,
    /// The new customer form, when open.
    pub adding: Option<NewForm>,
    pub outcome: Option<Outcome>,
    pub busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    SearchChanged(String),
    /// Customers for a search, tagged with its version.
    Listed(u64, Result<Vec<CustomerBalance>, Refusal>),
    /// Show this customer.
    Select(String),
    /// Move the highlight in the list (↑/↓).
    MoveHighlight(i32),
    /// Enter in the search: show the highlighted customer.
    PickHighlighted,
    Loaded(Result<Box<KasbonStatement>, Refusal>),
    AmountChanged(String),
    /// Fill in everything the customer owes.
    PayAll,
    MethodChanged(PaymentMethod),
    ReferenceChanged(String),
    /// Record the repayment.
    Pay,
    Paid(Result<(Repayment, Option<String>), Refusal>),
    /// Write the statement as PDF (and open or print it as set).
    PrintStatement,
    Printed(Result<String, Refusal>),
    OpenNew,
    NewCodeChanged(String),
    NewNameChanged(String),
    NewPhoneChanged(String),
    NewLimitChanged(String),
    NewPinChanged(String),
    SaveNew,
    /// The new customer saved, or refused (`true`: the PIN was refused).
    Saved(Result<Customer, Refusal>, bool),
    CancelNew,
    /// A job of this screen died before answering.
    JobFailed(Refusal),
    /// Scroll the screen (PgUp/PgDn, Home/End).
    Scroll(crate::ui::action::Scroll),
}

fn today(store: &Store) -> time::Date {
    store.business_day(crate::clock::now().unwrap_or(time::OffsetDateTime::now_utc()))
}

fn statement(store: &Store, code: &str) -> Result<Box<KasbonStatement>, Refusal> {
    Ok(Box::new(store.kasbon_statement(code, today(store))?))
}

/// Writes a customer's statement to `rekening/` and hands it on as the
/// settings say (save, open or print).
fn print_statement(store: &Store, code: &str) -> Result<String, Refusal> {
    at_now(|now| {
        let statement = store.kasbon_statement(code, store.business_day(now))?;
        let bytes = crate::print::from_book::kasbon_statement_pdf(store, &statement, now)?;
        let name = format!(
            "{}-{}.pdf",
            statement.customer.code,
            store.business_day(now)
        );
        crate::ui::documents::keep(store, "rekening", &name, &bytes)
    })
}

impl Pelanggan {
    /// The screen is left: its message goes with it.
    pub fn leave(&mut self) {
        self.outcome = None;
    }

    /// Esc closes the new customer form.
    pub fn hotkey(&self, press: &crate::ui::KeyPress) -> Option<Message> {
        use iced::keyboard::{Key, key::Named};
        let Key::Named(named) = &press.key else {
            return None;
        };
        let adding = self.adding.is_some();
        let shown = self.selected.is_some() && !adding;
        match named {
            Named::Escape if adding => Some(Message::CancelNew),
            Named::F3 => Some(Message::OpenNew),
            Named::ArrowDown if !adding => Some(Message::MoveHighlight(1)),
            Named::ArrowUp if !adding => Some(Message::MoveHighlight(-1)),
            Named::F4 if shown => Some(Message::PayAll),
            Named::F6 if shown => Some(Message::PrintStatement),
            Named::F9 if shown => Some(Message::MethodChanged(PaymentMethod::Cash)),
            Named::PageUp | Named::PageDown => {
                crate::ui::action::Scroll::for_key(named).map(Message::Scroll)
            }
            Named::Home | Named::End if !press.captured => {
                crate::ui::action::Scroll::for_key(named).map(Message::Scroll)
            }
            Named::F10 if shown => Some(Message::MethodChanged(PaymentMethod::Qris)),
            Named::F11 if shown => Some(Message::MethodChanged(PaymentMethod::Transfer)),
            _ => None,
        }
    }

    /// Lists the customers again (the screen was opened, or something
    /// changed), and the one shown.
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        let (version, search) = (self.version, self.search.clone());
        let list = Action::search("pelanggan-list", move |store| {
            let search = Some(search.as_str()).filter(|s| !s.trim().is_empty());
            Message::Listed(
                version,
                store.customers(search, today(store)).map_err(Refusal::from),
            )
        });
        let shown = match &self.selected {
            Some(shown) => {
                let code = shown.customer.code.clone();
                Action::job(move |store| Message::Loaded(statement(store, &code)))
            }
            None => Action::None,
        };
        Action::Focus(SEARCH).and(list).and(shown)
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            message @ (Message::SearchChanged(..)
            | Message::Listed(..)
            | Message::Select(..)
            | Message::MoveHighlight(..)
            | Message::PickHighlighted
            | Message::Loaded(..)) => self.on_list(message),
            message @ (Message::AmountChanged(..)
            | Message::PayAll
            | Message::MethodChanged(..)
            | Message::ReferenceChanged(..)
            | Message::Pay
            | Message::Paid(..)
            | Message::PrintStatement
            | Message::Printed(..)) => self.on_repayment(message),
            message @ (Message::OpenNew
            | Message::NewCodeChanged(..)
            | Message::NewNameChanged(..)
            | Message::NewPhoneChanged(..)
            | Message::NewLimitChanged(..)
            | Message::NewPinChanged(..)
            | Message::SaveNew
            | Message::Saved(..)
            | Message::CancelNew) => self.on_new_customer(message),
            Message::Scroll(by) => Action::Scroll { view: SCROLL, by },
            Message::JobFailed(error) => {
                self.busy = false;
                self.outcome = Some(Outcome::Refused(error));
                Action::None
            }
        }
    }

    /// The customers' list: searched, arrowed, picked, and the one shown.
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
            Message::PickHighlighted => match self.list.get(self.highlighted) {
                Some(customer) => {
                    let code = customer.code.clone();
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
                self.adding = None;
                self.amount.clear();
                self.reference.clear();
                Action::job(move |store| Message::Loaded(statement(store, &code)))
            }
            Message::Loaded(result) => {
                match result {
                    Ok(statement) => {
                        let changed = self
                            .selected
                            .as_ref()
                            .is_none_or(|s| s.customer.code != statement.customer.code);
                        self.selected = Some(*statement);
                        if changed {
                            return Action::Focus(AMOUNT);
                        }
                    }
                    Err(error) => self.outcome = Some(Outcome::Refused(error)),
                }
                Action::None
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// A repayment of kasbon, and the customer's statement on paper.
    fn on_repayment(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::AmountChanged(text) => {
                self.amount = text;
                Action::None
            }
            Message::PayAll => {
                if let Some(shown) = &self.selected {
                    self.amount = shown.customer.balance.value().to_string();
                }
                Action::Focus(AMOUNT)
            }
            Message::MethodChanged(method) => {
                self.method = Some(method);
                Action::Focus(AMOUNT)
            }
            Message::ReferenceChanged(text) => {
                self.reference = text;
                Action::None
            }
            Message::Pay => self.pay(),
            Message::Paid(result) => {
                self.busy = false;
                match result {
                    Ok((repayment, kuitansi)) => {
                        self.amount.clear();
                        self.reference.clear();
                        self.outcome = Some(Outcome::Paid(repayment, kuitansi));
                        self.refresh()
                    }
                    Err(error) => {
                        self.outcome = Some(Outcome::Refused(error));
                        Action::Focus(AMOUNT)
                    }
                }
            }
            Message::PrintStatement => match &self.selected {
                Some(shown) => {
                    let code = shown.customer.code.clone();
                    Action::job(move |store| Message::Printed(print_statement(store, &code)))
                }
                None => Action::None,
            },
            Message::Printed(result) => {
                self.outcome = Some(match result {
                    Ok(path) => Outcome::Printed(path),
                    Err(error) => Outcome::Refused(error),
                });
                Action::None
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    /// A new customer typed in and saved.
    fn on_new_customer(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::OpenNew => {
                self.adding = Some(NewForm::default());
                Action::job(|store| {
                    Message::NewCodeChanged(store.next_customer_code().unwrap_or_default())
                })
                .and(Action::Focus(NEW_NAME))
            }
            Message::NewCodeChanged(text) => self.edit_new(|form| form.code = text),
            Message::NewNameChanged(text) => self.edit_new(|form| form.name = text),
            Message::NewPhoneChanged(text) => self.edit_new(|form| form.phone = text),
            Message::NewLimitChanged(text) => self.edit_new(|form| form.limit = text),
            Message::NewPinChanged(text) => self.edit_new(|form| form.pin = text),
            Message::SaveNew => self.save_new(),
            Message::Saved(result, pin_refused) => match result {
                Ok(customer) => {
                    self.adding = None;
                    let code = customer.code.clone();
                    self.outcome = Some(Outcome::Added(customer));
                    self.refresh().and(Action::job(move |store| {
                        Message::Loaded(statement(store, &code))
                    }))
                }
                Err(error) => {
                    self.outcome = Some(Outcome::Refused(error));
                    // A PIN refused is typed again where it was.
                    Action::Focus(if pin_refused { NEW_PIN } else { NEW_NAME })
                }
            },
            Message::CancelNew => {
                self.adding = None;
                Action::Focus(SEARCH)
            }
            // Only this family is sent here (see `update`).
            _ => Action::None,
        }
    }

    fn edit_new(&mut self, edit: impl FnOnce(&mut NewForm)) -> Action<Message> {
        if let Some(form) = &mut self.adding {
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
        let code = shown.customer.code.clone();
        let method = self.method.unwrap_or(PaymentMethod::Cash);
        let reference = Some(self.reference.trim().to_string()).filter(|r| !r.is_empty());
        self.busy = true;
        Action::job(move |store| {
            Message::Paid(at_now(|now| {
                let repayment =
                    store.pay_kasbon(&code, amount, method, reference.as_deref(), now)?;
                // The repayment is recorded; its kuitansi failing is not undone.
                let kuitansi = crate::ui::documents::repayment_kuitansi(store, &repayment);
                Ok::<_, Refusal>((repayment, kuitansi.ok()))
            }))
        })
    }

    fn save_new(&mut self) -> Action<Message> {
        let Some(form) = &mut self.adding else {
            return Action::None;
        };
        let pin = Some(std::mem::take(&mut form.pin)).filter(|p| !p.trim().is_empty());
        let limit = match typed_limit(&form.limit) {
            Ok(limit) => limit,
            Err(error) => {
                self.outcome = Some(Outcome::Refused(error.into()));
                return Action::Focus(NEW_LIMIT);
            }
        };
        let customer = NewCustomer {
            code: form.code.clone(),
            name: form.name.clone(),
            phone: Some(form.phone.clone()),
            limit,
        };
        Action::job(move |store| {
            let mut pin_refused = false;
            let saved = at_now(|now| {
                store
                    .add_customer(&customer, pin.as_deref(), now)
                    .inspect_err(|e| pin_refused = matches!(e, StoreError::Pin(_)))
            });
            Message::Saved(saved, pin_refused)
        })
    }
}
