//! Kasbon in the payment panel: who takes it. Search the stall's customers
//! by name or phone, or add a new one on the spot; past the customer's
//! credit limit the manager's PIN goes with the sale.

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Alignment, Element, Fill, FillPortion};

use super::{Kasir, Message, Panel};
use crate::domain::customer::{typed_limit, typed_limit_gives_credit};
use crate::domain::payment::{PaymentMethod, Tender};
use crate::money::Rupiah;
use crate::store::{CustomerBalance, NewCustomer, StoreError};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, Say, T};
use crate::ui::refusal::Refusal;
use crate::ui::theme;
use crate::ui::widgets::{BOLD, figure, refusal_text};

/// The customer search field.
pub const SEARCH: &str = "kasbon-search";
/// The new customer's name field.
pub const NEW_NAME: &str = "kasbon-new-name";
pub const NEW_PHONE: &str = "kasbon-new-phone";
pub const NEW_LIMIT: &str = "kasbon-new-limit";
/// The manager PIN for a new customer given credit.
pub const NEW_PIN: &str = "kasbon-new-pin";
/// The manager PIN for kasbon past the limit.
pub const PIN: &str = "kasbon-pin";

/// How many customers the picker lists.
const SHOWN: usize = 6;

/// The picker's state, kept in the payment panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KasbonPick {
    pub query: String,
    pub results: Vec<CustomerBalance>,
    /// The customer ↑/↓ rest on; Enter in the search takes them.
    pub highlighted: usize,
    version: u64,
    /// The customer who takes the kasbon.
    pub chosen: Option<CustomerBalance>,
    /// The new customer form is open.
    pub adding: bool,
    pub name: String,
    pub phone: String,
    pub limit: String,
    /// The manager PIN for the new customer's credit: their own, never the
    /// sale's (a PIN typed for one approval does not approve another).
    pub new_pin: String,
    /// The manager PIN, for kasbon past the limit.
    pub pin: String,
    pub error: Option<Say>,
}

#[derive(Debug, Clone)]
pub enum KasbonMessage {
    /// The search text changed.
    QueryChanged(String),
    /// Customers found for a search, tagged with its version.
    Found(u64, Result<Vec<CustomerBalance>, Refusal>),
    /// This customer takes the kasbon.
    Choose(String),
    /// Move the highlight through the customers found (↑/↓).
    Move(i32),
    /// Enter in the search: the highlighted customer takes the kasbon.
    ChooseHighlighted,
    /// Pick another customer.
    ChooseAgain,
    /// Open the form for a new customer.
    OpenNew,
    NameChanged(String),
    PhoneChanged(String),
    LimitChanged(String),
    NewPinChanged(String),
    /// Save the new customer and take them.
    SaveNew,
    /// The new customer is in the book (or was refused; `true` when the
    /// manager PIN was what was refused).
    Added(Result<CustomerBalance, Refusal>, bool),
    /// Close the new customer form.
    CancelNew,
    PinChanged(String),
}

impl KasbonPick {
    /// Who takes the kasbon, and the PIN if one was typed, for the tenders
    /// about to be paid; none when nothing is kasbon.
    pub fn credit_for(&self, tenders: &[Tender]) -> Option<crate::store::Credit> {
        if !tenders.iter().any(|t| t.method == PaymentMethod::Kasbon) {
            return None;
        }
        Some(crate::store::Credit {
            // No customer chosen: the book refuses, saying to pick one.
            customer: self
                .chosen
                .as_ref()
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            pin: Some(self.pin.trim().to_string()).filter(|p| !p.is_empty()),
        })
        .filter(|credit| !credit.customer.is_empty())
    }

    /// Whether `amount` more kasbon takes the chosen customer past the limit.
    pub fn past_limit(&self, amount: Rupiah) -> bool {
        self.chosen.as_ref().is_some_and(|c| {
            c.balance
                .checked_add(amount)
                .map_or(true, |after| after > c.limit)
        })
    }
}

fn search(version: u64, query: String) -> Action<Message> {
    Action::search("kasbon-customers", move |store| {
        let today =
            store.business_day(crate::clock::now().unwrap_or(time::OffsetDateTime::now_utc()));
        let found = store
            .customers(Some(&query), today)
            .map(|mut list| {
                list.truncate(SHOWN);
                list
            })
            .map_err(Refusal::from);
        Message::Kasbon(KasbonMessage::Found(version, found))
    })
}

impl Kasir {
    /// Kasbon picked as the method: the customer search gets the focus and
    /// lists the customers.
    pub(super) fn kasbon_chosen(&mut self) -> Action<Message> {
        let Panel::Pay(payment) = &mut self.panel else {
            return Action::None;
        };
        let again = payment.method == PaymentMethod::Kasbon;
        payment.update(Message::PayMethod(PaymentMethod::Kasbon));
        let pick = &mut payment.kasbon;
        // F1 once more with a customer chosen: choose another.
        if pick.chosen.is_some() && again {
            return self.kasbon(KasbonMessage::ChooseAgain);
        }
        if pick.chosen.is_some() {
            return Action::Focus(super::AMOUNT);
        }
        pick.version += 1;
        Action::Focus(SEARCH).and(search(pick.version, pick.query.clone()))
    }

    pub(super) fn kasbon(&mut self, message: KasbonMessage) -> Action<Message> {
        let Panel::Pay(payment) = &mut self.panel else {
            return Action::None;
        };
        let pick = &mut payment.kasbon;
        pick.error = None;
        match message {
            KasbonMessage::QueryChanged(query) => {
                pick.query = query.clone();
                pick.version += 1;
                search(pick.version, query)
            }
            KasbonMessage::Found(version, found) => pick.found(version, found),
            KasbonMessage::Choose(code) => {
                pick.chosen = pick.results.iter().find(|c| c.code == code).cloned();
                Action::Focus(super::AMOUNT)
            }
            KasbonMessage::Move(step) => {
                let last = pick.results.len().saturating_sub(1) as i32;
                pick.highlighted = (pick.highlighted as i32 + step).clamp(0, last) as usize;
                Action::None
            }
            KasbonMessage::ChooseHighlighted => pick.choose_highlighted(),
            KasbonMessage::ChooseAgain => {
                pick.chosen = None;
                pick.pin.clear();
                pick.version += 1;
                Action::Focus(SEARCH).and(search(pick.version, pick.query.clone()))
            }
            KasbonMessage::OpenNew => pick.open_new(),
            KasbonMessage::NameChanged(text) => set(&mut pick.name, text),
            KasbonMessage::PhoneChanged(text) => set(&mut pick.phone, text),
            KasbonMessage::LimitChanged(text) => set(&mut pick.limit, text),
            KasbonMessage::NewPinChanged(text) => set(&mut pick.new_pin, text),
            KasbonMessage::CancelNew => {
                pick.adding = false;
                Action::Focus(SEARCH)
            }
            KasbonMessage::SaveNew => pick.save_new(),
            KasbonMessage::Added(result, pin_refused) => pick.added(result, pin_refused),
            KasbonMessage::PinChanged(text) => set(&mut pick.pin, text),
        }
    }
}

/// A field of the picker as typed: nothing else changes.
fn set(field: &mut String, text: String) -> Action<Message> {
    *field = text;
    Action::None
}

impl KasbonPick {
    /// Customers found, if they answer the latest search.
    fn found(
        &mut self,
        version: u64,
        found: Result<Vec<CustomerBalance>, Refusal>,
    ) -> Action<Message> {
        if version == self.version {
            match found {
                Ok(list) => {
                    self.results = list;
                    self.highlighted = 0;
                }
                Err(error) => self.error = Some(error.into()),
            }
        }
        Action::None
    }

    /// Enter in the search: the highlighted customer takes the kasbon.
    fn choose_highlighted(&mut self) -> Action<Message> {
        match self.results.get(self.highlighted) {
            Some(customer) => {
                self.chosen = Some(customer.clone());
                Action::Focus(super::AMOUNT)
            }
            None => {
                self.error = Some(Say::ChooseCustomerFirst);
                Action::Focus(SEARCH)
            }
        }
    }

    fn open_new(&mut self) -> Action<Message> {
        self.adding = true;
        // A name typed in the search is most likely the new name.
        if self.name.is_empty() && !self.query.chars().any(|c| c.is_ascii_digit()) {
            self.name = self.query.trim().to_string();
        }
        Action::Focus(NEW_NAME)
    }

    /// The new customer goes to the book, with the manager PIN typed for
    /// their credit (used once: the field empties).
    fn save_new(&mut self) -> Action<Message> {
        let limit = match typed_limit(&self.limit) {
            Ok(limit) => limit,
            Err(error) => {
                self.error = Some(Refusal::from(error).into());
                return Action::Focus(NEW_LIMIT);
            }
        };
        let (name, phone) = (self.name.clone(), self.phone.clone());
        let pin = Some(self.new_pin.trim().to_string()).filter(|p| !p.is_empty());
        self.new_pin.clear();
        Action::job(move |store| {
            let mut pin_refused = false;
            let added = at_now(|now| {
                let code = store.next_customer_code()?;
                let customer = store
                    .add_customer(
                        &NewCustomer {
                            code,
                            name,
                            phone: Some(phone),
                            limit,
                        },
                        pin.as_deref(),
                        now,
                    )
                    .inspect_err(|e| pin_refused = matches!(e, StoreError::Pin(_)))?;
                store.customer_balance(&customer.code, store.business_day(now))
            });
            Message::Kasbon(KasbonMessage::Added(added, pin_refused))
        })
    }

    /// The new customer is in the book and takes the kasbon, or why not.
    fn added(
        &mut self,
        result: Result<CustomerBalance, Refusal>,
        pin_refused: bool,
    ) -> Action<Message> {
        match result {
            Ok(customer) => {
                self.adding = false;
                self.name.clear();
                self.phone.clear();
                self.limit.clear();
                self.query = customer.name.clone();
                self.results = vec![customer.clone()];
                self.chosen = Some(customer);
                Action::Focus(super::AMOUNT)
            }
            Err(error) => {
                // A PIN refused is typed again where it was; anything
                // else starts again from the name.
                self.error = Some(error.into());
                Action::Focus(if pin_refused { NEW_PIN } else { NEW_NAME })
            }
        }
    }
}

/// The picker, under the payment methods while kasbon is the method.
pub fn view<'a>(pick: &'a KasbonPick, kasbon: Rupiah, lang: Lang) -> Element<'a, Message> {
    let mut panel = match &pick.chosen {
        Some(customer) => chosen(pick, customer, kasbon, lang),
        None if pick.adding => new_customer(pick, lang),
        None => customer_search(pick, lang),
    };
    // A refusal whole, however long: clipped to a line it lost its end.
    if let Some(error) = &pick.error {
        panel = panel.push(refusal_text(error.say(lang)));
    }
    panel.into()
}

/// The customer who takes the kasbon, what they owe, and the PIN when this
/// sale takes them past their limit.
fn chosen<'a>(
    pick: &'a KasbonPick,
    customer: &'a CustomerBalance,
    kasbon: Rupiah,
    lang: Lang,
) -> Column<'a, Message> {
    let mut panel = Column::new().spacing(6).push(
        row![
            column![
                text(format!("{} ({})", customer.name, customer.code))
                    .size(theme::TEXT)
                    .font(BOLD),
                text(format!(
                    "{} {} · {} {}",
                    T::Owes.get(lang),
                    customer.balance,
                    T::Limit.get(lang),
                    customer.limit
                ))
                .size(theme::SMALL)
                .color(theme::MUTED),
            ]
            .width(Fill),
            button(text(T::ChangeCategory.get(lang)).size(theme::SMALL))
                .on_press(Message::Kasbon(KasbonMessage::ChooseAgain))
                .style(button::secondary),
        ]
        .align_y(Alignment::Center),
    );
    if pick.past_limit(kasbon) {
        panel = panel.push(
            text(T::PastLimitPin.get(lang))
                .size(theme::SMALL)
                .color(theme::BAD),
        );
        panel = panel.push(
            text_input("PIN", &pick.pin)
                .id(PIN)
                .secure(true)
                .on_input(|t| Message::Kasbon(KasbonMessage::PinChanged(t)))
                .on_submit(Message::Complete)
                .padding(8),
        );
    }
    panel
}

/// The new customer's form: name, phone and limit, and the manager PIN
/// when the limit gives credit.
fn new_customer<'a>(pick: &'a KasbonPick, lang: Lang) -> Column<'a, Message> {
    let send = |m: KasbonMessage| Message::Kasbon(m);
    let field =
        |id: &'static str, label: &str, value: &'a str, input: fn(String) -> KasbonMessage| {
            text_input(label, value)
                .id(id)
                .on_input(move |t| send(input(t)))
                .on_submit(send(KasbonMessage::SaveNew))
                .padding(8)
        };
    let panel = Column::new()
        .spacing(6)
        .push(text(T::NewCustomer.get(lang)).size(theme::TEXT).font(BOLD))
        .push(field(
            NEW_NAME,
            T::Name.get(lang),
            &pick.name,
            KasbonMessage::NameChanged,
        ));
    // Phone and limit share a line: the panel's confirm button must
    // stay on a 768-pixel screen.
    panel
        .push(
            row![
                field(
                    NEW_PHONE,
                    T::Phone.get(lang),
                    &pick.phone,
                    KasbonMessage::PhoneChanged,
                ),
                field(
                    NEW_LIMIT,
                    T::CreditLimitRp.get(lang),
                    &pick.limit,
                    KasbonMessage::LimitChanged,
                ),
            ]
            .spacing(6),
        )
        .push(new_customer_buttons(pick, lang))
}

/// Save and cancel under the new customer's form. Credit from the first
/// sale asks the manager's PIN, beside the buttons (a line of its own would
/// push the sale's confirm button off a 768-pixel screen).
fn new_customer_buttons<'a>(pick: &'a KasbonPick, lang: Lang) -> Element<'a, Message> {
    let pin = typed_limit_gives_credit(&pick.limit).then(|| {
        text_input("PIN", &pick.new_pin)
            .id(NEW_PIN)
            .secure(true)
            .on_input(|t| Message::Kasbon(KasbonMessage::NewPinChanged(t)))
            .on_submit(Message::Kasbon(KasbonMessage::SaveNew))
            .padding(6)
            .width(FillPortion(3))
    });
    row![
        pin,
        small_keyed(T::Save.get(lang), "Enter", KasbonMessage::SaveNew).width(FillPortion(4)),
        small_keyed(T::Cancel.get(lang), "Esc", KasbonMessage::CancelNew)
            .style(button::text)
            .width(FillPortion(3)),
    ]
    .spacing(6)
    .align_y(Alignment::Center)
    .into()
}

/// The customer search, the customers it found, and the key for a new one.
fn customer_search<'a>(pick: &'a KasbonPick, lang: Lang) -> Column<'a, Message> {
    let send = |m: KasbonMessage| Message::Kasbon(m);
    let mut panel = Column::new().spacing(6).push(
        text_input(T::FindACustomerNameOrPhone.get(lang), &pick.query)
            .id(SEARCH)
            .on_input(|t| Message::Kasbon(KasbonMessage::QueryChanged(t)))
            .on_submit(send(KasbonMessage::ChooseHighlighted))
            .padding(8),
    );
    for (index, customer) in pick.results.iter().enumerate() {
        let phone = customer.phone.as_deref().unwrap_or("");
        let highlighted = index == pick.highlighted;
        panel = panel.push(
            button(figure(
                format!("{} · {phone}", customer.name),
                customer.balance.to_string(),
                theme::SMALL,
            ))
            .width(Fill)
            .on_press(send(KasbonMessage::Choose(customer.code.clone())))
            .style(if highlighted {
                button::primary
            } else {
                button::secondary
            }),
        );
    }
    panel.push(
        // As small as the customers above it: the panel's confirm
        // button must stay on a 768-pixel screen.
        small_keyed(
            T::NewCustomerButton.get(lang),
            "Insert",
            KasbonMessage::OpenNew,
        )
        .style(button::secondary),
    )
}

/// A button as small as the customers' rows, its key at the right: the
/// panel's confirm button must stay on a 768-pixel screen.
fn small_keyed<'a>(
    label: &str,
    key: &'static str,
    message: KasbonMessage,
) -> button::Button<'a, Message> {
    button(figure(label.to_string(), key, theme::SMALL))
        .width(Fill)
        .on_press(Message::Kasbon(message))
}
