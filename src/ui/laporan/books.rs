//! The month's books in Laporan: the SAK EMKM statements of the month of
//! the day shown (printed with F8), and a form for the registers they need
//! beyond sales and stock (F10): saldo awal, aset tetap, pinjaman and its
//! angsuran, prive, setoran, bayar pemasok. F1 picks the kind, F2 how an
//! asset was paid, F7 cash or bank; Enter saves, Esc closes.

use iced::widget::{Column, button, checkbox, row, text, text_input};
use iced::{Element, Fill};
use time::Date;

use crate::books::lines::{self, Line};
use crate::books::{MonthBooks, month_books};
use crate::domain::books_event::{Paid, Purse};
use crate::money::Rupiah;
use crate::store::{MoneyMove, Store};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::{Lang, T};
use crate::ui::refusal::{Refusal, WindowError};
use crate::ui::theme;
use crate::ui::widgets::{BOLD, card, figure, keyed, message_line};

/// The amount field most kinds start with.
pub const FIRST: &str = "books-first";

/// What the form writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Opening,
    Asset,
    Loan,
    Instalment,
    Drawing,
    Deposit,
    Supplier,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Opening,
        Kind::Asset,
        Kind::Loan,
        Kind::Instalment,
        Kind::Drawing,
        Kind::Deposit,
        Kind::Supplier,
    ];

    fn name(self) -> T {
        match self {
            Kind::Opening => T::BooksOpening,
            Kind::Asset => T::BooksAsset,
            Kind::Loan => T::BooksLoan,
            Kind::Instalment => T::BooksInstalment,
            Kind::Drawing => T::BooksDrawing,
            Kind::Deposit => T::BooksDeposit,
            Kind::Supplier => T::BooksSupplier,
        }
    }

    /// The form's fields: (placeholder, which field), in order.
    fn fields(self) -> &'static [(T, Field)] {
        use Field::*;
        match self {
            Kind::Opening => &[
                (T::FieldCash, First),
                (T::FieldBank, Second),
                (T::FieldEquity, Third),
                (T::FieldDate, Day),
                (T::FieldPinReplace, Pin),
            ],
            Kind::Asset => &[
                (T::FieldAssetName, Name),
                (T::FieldCost, First),
                (T::FieldLife, Third),
                (T::FieldDate, Day),
            ],
            Kind::Loan => &[
                (T::FieldLender, Name),
                (T::FieldAmount, First),
                (T::FieldDate, Day),
            ],
            Kind::Instalment => &[
                (T::FieldLoan, Name),
                (T::FieldPrincipal, First),
                (T::FieldInterest, Second),
                (T::FieldDate, Day),
            ],
            Kind::Drawing => &[(T::FieldAmount, First), (T::FieldPin, Pin)],
            Kind::Deposit => &[(T::FieldAmount, First)],
            Kind::Supplier => &[(T::FieldAmount, First), (T::FieldNote, Name)],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    First,
    Second,
    Third,
    Day,
    Pin,
}

impl Field {
    /// The field's widget id, for the focus.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "books-name",
            Field::First => FIRST,
            Field::Second => "books-second",
            Field::Third => "books-third",
            Field::Day => "books-day",
            Field::Pin => "books-pin",
        }
    }
}

impl Kind {
    /// The id of the field the kind starts with.
    fn first_id(self) -> &'static str {
        self.fields().first().map_or(FIRST, |(_, field)| field.id())
    }
}

#[derive(Debug, Default)]
pub struct Books {
    /// The statements of the month shown.
    pub month: Option<MonthBooks>,
    pub writing: bool,
    pub kind: Kind,
    pub name: String,
    pub first: String,
    pub second: String,
    pub third: String,
    pub day: String,
    pub pin: String,
    pub from_cash: bool,
    pub paid: Paid,
    pub saved: Option<Result<(), Refusal>>,
    version: u64,
}

#[derive(Debug, Clone)]
pub enum BooksMessage {
    Loaded(u64, Result<Box<MonthBooks>, Refusal>),
    Write,
    NextKind,
    KindChosen(Kind),
    NextPaid,
    FromCash(bool),
    Changed(Field, String),
    Save,
    Saved(Result<(), Refusal>),
    Cancel,
    /// Print the month (F8): Laporan does it.
    Print,
}

/// `YYYY-MM` of a day.
fn month_key(day: Date) -> String {
    format!("{}-{:02}", day.year(), day.month() as u8)
}

fn amount(text: &str) -> Result<Rupiah, Refusal> {
    Ok(Rupiah::parse(text)?)
}

fn optional(text: &str) -> Result<Option<Rupiah>, Refusal> {
    match text.trim() {
        "" => Ok(None),
        typed => amount(typed).map(Some),
    }
}

impl Books {
    /// Loads the statements of `date`'s month (today's when `None`).
    pub fn load(&mut self, date: Option<Date>) -> Action<BooksMessage> {
        self.version += 1;
        let version = self.version;
        Action::search("month-books", move |store| {
            let books = at_now(|now| {
                let day = date.unwrap_or_else(|| store.business_day(now));
                let today = store.business_day(now);
                Ok::<_, Refusal>(Box::new(month_books(store, &month_key(day), today)?))
            });
            BooksMessage::Loaded(version, books)
        })
    }

    /// Handles a message; says whether a record was written and the month
    /// wants loading again.
    pub fn update(&mut self, message: BooksMessage) -> (Action<BooksMessage>, bool) {
        match message {
            BooksMessage::Loaded(version, result) => {
                if version == self.version {
                    self.month = result.ok().map(|books| *books);
                }
            }
            BooksMessage::Write => {
                self.writing = true;
                self.saved = None;
                return (Action::Focus(self.kind.first_id()), false);
            }
            BooksMessage::NextKind => {
                let at = Kind::ALL.iter().position(|k| *k == self.kind).unwrap_or(0);
                return self.update(BooksMessage::KindChosen(
                    Kind::ALL[(at + 1) % Kind::ALL.len()],
                ));
            }
            BooksMessage::KindChosen(kind) => {
                self.kind = kind;
                self.saved = None;
                return (Action::Focus(kind.first_id()), false);
            }
            BooksMessage::NextPaid => {
                let at = Paid::ALL.iter().position(|p| *p == self.paid).unwrap_or(0);
                self.paid = Paid::ALL[(at + 1) % Paid::ALL.len()];
            }
            BooksMessage::FromCash(on) => self.from_cash = on,
            BooksMessage::Changed(field, value) => *self.field_mut(field) = value,
            BooksMessage::Save => return (self.save(), false),
            BooksMessage::Saved(result) => {
                // A PIN is typed for one record only.
                self.pin.clear();
                let saved = result.is_ok();
                if saved {
                    self.clear();
                }
                self.saved = Some(result);
                return (Action::None, saved);
            }
            BooksMessage::Print => {}
            BooksMessage::Cancel => {
                self.writing = false;
                self.saved = None;
                self.pin.clear();
            }
        }
        (Action::None, false)
    }

    fn clear(&mut self) {
        for field in [Field::Name, Field::First, Field::Second, Field::Third] {
            self.field_mut(field).clear();
        }
        self.writing = false;
    }

    fn field(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::First => &self.first,
            Field::Second => &self.second,
            Field::Third => &self.third,
            Field::Day => &self.day,
            Field::Pin => &self.pin,
        }
    }

    fn field_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Name => &mut self.name,
            Field::First => &mut self.first,
            Field::Second => &mut self.second,
            Field::Third => &mut self.third,
            Field::Day => &mut self.day,
            Field::Pin => &mut self.pin,
        }
    }

    fn save(&mut self) -> Action<BooksMessage> {
        let entry = Entry {
            kind: self.kind,
            name: self.name.clone(),
            first: self.first.clone(),
            second: self.second.clone(),
            third: self.third.clone(),
            day: self.day.clone(),
            pin: self.pin.clone(),
            purse: if self.from_cash {
                Purse::Cash
            } else {
                Purse::Bank
            },
            paid: self.paid,
        };
        Action::job(move |store| BooksMessage::Saved(entry.write(store)))
    }
}

/// The form's fields as typed, to be written on the book's worker.
struct Entry {
    kind: Kind,
    name: String,
    first: String,
    second: String,
    third: String,
    day: String,
    pin: String,
    purse: Purse,
    paid: Paid,
}

impl Entry {
    fn day(&self, store: &Store) -> Result<Date, Refusal> {
        match self.day.trim() {
            "" => at_now(|now| Ok::<_, Refusal>(store.business_day(now))),
            typed => crate::clock::parse_day(typed)
                .ok_or_else(|| WindowError::Day(typed.to_string()).into()),
        }
    }

    /// The same store calls as the command line's.
    fn write(&self, store: &mut Store) -> Result<(), Refusal> {
        let day = self.day(store)?;
        let first = || amount(&self.first);
        let moved = |kind, purse, note: Option<&str>, pin: Option<&str>, store: &mut Store| {
            let amount = first()?;
            at_now(|now| {
                crate::books::registers::record_money_move(
                    store, kind, amount, purse, note, pin, now,
                )
            })
            .map(|_| ())
        };
        match self.kind {
            Kind::Opening => {
                let (cash, bank, equity) =
                    (first()?, amount(&self.second)?, optional(&self.third)?);
                let pin = Some(self.pin.as_str()).filter(|p| !p.is_empty());
                at_now(|now| store.record_opening(day, (cash, bank, equity), pin, now))?;
            }
            Kind::Asset => {
                let months: i64 = self.third.trim().parse().unwrap_or(0);
                let cost = first()?;
                at_now(|now| store.add_asset(&self.name, cost, day, months, self.paid, now))?;
            }
            Kind::Loan => {
                let sum = first()?;
                at_now(|now| store.add_loan(&self.name, sum, day, now))?;
            }
            Kind::Instalment => {
                let (principal, interest) = (first()?, optional(&self.second)?.unwrap_or_default());
                at_now(|now| store.pay_loan(&self.name, principal, interest, day, now))?;
            }
            Kind::Drawing => moved(
                MoneyMove::OwnerDraw,
                self.purse,
                None,
                Some(&self.pin),
                store,
            )?,
            Kind::Deposit => moved(MoneyMove::BankDeposit, Purse::Cash, None, None, store)?,
            Kind::Supplier => {
                let note = Some(self.name.as_str());
                moved(MoneyMove::SupplierPaid, self.purse, note, None, store)?
            }
        }
        Ok(())
    }
}

impl Books {
    /// The form, at the top while it is open.
    pub fn form(&self, lang: Lang) -> Option<Element<'_, BooksMessage>> {
        self.writing.then(|| card(self.form_fields(lang)))
    }

    fn form_fields(&self, lang: Lang) -> Element<'_, BooksMessage> {
        let mut kinds = row![].spacing(4).width(Fill);
        for kind in Kind::ALL {
            kinds = kinds.push(
                chip(kind.name().get(lang), kind == self.kind)
                    .on_press(BooksMessage::KindChosen(kind)),
            );
        }
        let mut form = Column::new()
            .spacing(8)
            .push(text(T::BooksForm.get(lang)).size(theme::TEXT).font(BOLD))
            .push(
                row![kinds.wrap(), text("F1").size(theme::SMALL).font(BOLD)]
                    .spacing(6)
                    .align_y(iced::Alignment::Center),
            );
        for (placeholder, field) in self.kind.fields() {
            let mut input = text_input(placeholder.get(lang), self.field(*field))
                .id(field.id())
                .on_input(move |value| BooksMessage::Changed(*field, value))
                .on_submit(BooksMessage::Save)
                .padding(10);
            if *field == Field::Pin {
                input = input.secure(true);
            }
            form = form.push(input);
        }
        if self.kind == Kind::Asset {
            let mut paid = row![text(T::PaidWith.get(lang)).size(theme::SMALL)]
                .spacing(4)
                .align_y(iced::Alignment::Center);
            for way in Paid::ALL {
                paid = paid.push(chip(way.label(lang == Lang::En), way == self.paid));
            }
            form =
                form.push(row![paid.wrap(), text("F2").size(theme::SMALL).font(BOLD)].spacing(6));
        }
        if matches!(self.kind, Kind::Drawing | Kind::Supplier) {
            form = form.push(
                row![
                    checkbox(self.from_cash)
                        .label(T::FromCash.get(lang))
                        .on_toggle(BooksMessage::FromCash),
                    text("F7").size(theme::SMALL).font(BOLD),
                ]
                .spacing(8),
            );
        }
        let refusal = match &self.saved {
            Some(Err(error)) => Some(error.say(lang)),
            _ => None,
        };
        form.push(message_line(refusal))
            .push(
                row![
                    keyed(T::Save.get(lang), "Enter", Some(BooksMessage::Save)),
                    keyed(T::Cancel.get(lang), "Esc", Some(BooksMessage::Cancel)),
                ]
                .spacing(theme::GAP),
            )
            .into()
    }

    /// The month's statements, month and year to date.
    pub fn view(&self, lang: Lang) -> Element<'_, BooksMessage> {
        let mut panel = Column::new()
            .spacing(6)
            .push(text(T::MonthBooks.get(lang)).size(theme::TEXT).font(BOLD))
            .push(
                row![
                    keyed(T::WriteBooks.get(lang), "F10", Some(BooksMessage::Write)),
                    keyed(T::PrintMonth.get(lang), "F8", Some(BooksMessage::Print)),
                ]
                .spacing(theme::GAP),
            );
        let Some(books) = &self.month else {
            return card(
                panel.push(
                    text(T::NoBooksYet.get(lang))
                        .size(theme::SMALL)
                        .color(theme::MUTED),
                ),
            );
        };
        panel = panel.push(
            text(format!(
                "{} · {}",
                T::Position.get(lang),
                books.statements.to
            ))
            .size(theme::SMALL)
            .font(BOLD),
        );
        for line in lines::position(books) {
            panel = panel.push(line_view(&line, lang));
        }
        panel = panel.push(row![
            text(T::IncomeStatement.get(lang))
                .size(theme::SMALL)
                .font(BOLD)
                .width(Fill),
            text(T::ThisMonth.get(lang))
                .size(theme::SMALL)
                .width(150)
                .align_x(iced::alignment::Horizontal::Right),
            text(T::YearToDate.get(lang))
                .size(theme::SMALL)
                .width(150)
                .align_x(iced::alignment::Horizontal::Right),
        ]);
        for line in lines::income(books) {
            panel = panel.push(line_view(&line, lang));
        }
        card(panel)
    }
}

fn chip<'a>(label: &'a str, chosen: bool) -> button::Button<'a, BooksMessage> {
    button(text(label).size(theme::SMALL))
        .padding([6, 8])
        .style(if chosen {
            button::primary
        } else {
            button::secondary
        })
}

fn line_view<'a>(line: &Line, lang: Lang) -> Element<'a, BooksMessage> {
    let label = match lang {
        Lang::Id => line.id,
        Lang::En => line.en,
    };
    if line.heading {
        return text(label).size(theme::SMALL).color(theme::MUTED).into();
    }
    match line.year_to_date {
        Some(year) => {
            let font = if line.total {
                BOLD
            } else {
                iced::Font::DEFAULT
            };
            row![
                text(label).size(theme::SMALL).font(font).width(Fill),
                text(line.amount.to_string())
                    .size(theme::SMALL)
                    .font(font)
                    .width(150)
                    .align_x(iced::alignment::Horizontal::Right),
                text(year.to_string())
                    .size(theme::SMALL)
                    .font(font)
                    .width(150)
                    .align_x(iced::alignment::Horizontal::Right),
            ]
            .into()
        }
        None => figure(label, line.amount.to_string(), theme::SMALL),
    }
}
