//! Laporan: a day at a glance, past days, *tutup kasir*, the PPh Final
//! estimate for the month and the year, and the month's books (SAK EMKM).
//!
//! Keys: Ctrl+PgUp/Ctrl+PgDn a day back or on, Ctrl+Home today; PgUp/PgDn,
//! ↑/↓ and Home/End scroll; F9 prints the report; F6 writes an expense, whose
//! category is picked with F1 (next) and whose *dari laci* box is F7. The
//! counted cash field has the focus on an open day, Enter asks to close and
//! Enter again closes, Esc does not. F8 prints the month's statements; F10
//! opens the books form, whose kind is picked with F1, an asset's payment
//! with F2 and cash or bank with F7.

pub mod books;
mod money;
mod view;

use iced::keyboard::{Key, key::Named};
use time::{Date, Duration};

use super::KeyPress;
use super::action::{Action, Scroll, at_now};
use super::i18n::{Lang, Say};
use super::refusal::{Refusal, WindowError};
use super::widgets::Notice;
use crate::money::Rupiah;
use crate::store::{DayReport, Store};
use crate::sync::day_close::{ClosedDay, close_day, export_after_close};

/// The counted cash field.
pub const COUNTED: &str = "counted-cash";
/// The screen's scrolling view, which the keys scroll.
pub const SCROLL: &str = "laporan-scroll";

#[derive(Default)]
pub struct Laporan {
    /// The day shown; `None` is today.
    pub date: Option<Date>,
    pub report: Option<DayReport>,
    pub is_today: bool,
    version: u64,
    /// *Uang dihitung*, as typed for tutup kasir.
    pub counted: String,
    /// Tutup kasir was asked for: the screen waits for the confirmation.
    pub confirming: bool,
    pub closing: bool,
    pub notice: Option<Notice>,
    /// Expenses, kasbon repaid and laba kotor.
    pub money: money::Money,
    /// The month's statements and the books form.
    pub books: books::Books,
    /// Lines in Kasir's cart, not paid yet, when this screen was opened: a
    /// day closed under them would leave the cart stuck until a reopen.
    pub unpaid_cart: usize,
}

#[derive(Debug, Clone)]
pub enum Message {
    Today,
    PreviousDay,
    NextDay,
    /// A report, tagged with the version it answers; and whether it is today's.
    Loaded(u64, Result<Box<(DayReport, bool)>, Refusal>),
    CountedChanged(String),
    /// Print the day report shown (F9).
    PrintReport,
    Printed(Result<String, Refusal>),
    /// Ask to close the day (Enter in the counted cash).
    CloseDay,
    /// Close it (Enter again).
    ConfirmClose,
    /// Do not close it (Esc).
    CancelClose,
    /// The day is closed, with the export's path or why it failed.
    Closed(Result<Box<ClosedSummary>, Refusal>),
    /// Today is closed and its file for the office was not written (the PC
    /// died, the stick was full): write it now (F11).
    ExportAgain,
    ExportedAgain(Result<Say, Refusal>),
    /// Expenses and laba kotor.
    Money(money::MoneyMessage),
    /// The month's books.
    Books(books::BooksMessage),
    /// Print the month's statements (F8).
    PrintMonth,
    /// Scroll the screen (PgUp/PgDn, ↑/↓, Home/End).
    Scroll(Scroll),
    /// A job of this screen died before answering.
    JobFailed(Refusal),
}

/// What tutup kasir did, as the screen tells it.
#[derive(Debug, Clone)]
pub struct ClosedSummary {
    pub day: String,
    pub difference: Rupiah,
    pub export: Option<Result<String, Refusal>>,
    pub backup_failed: Option<Refusal>,
}

impl Laporan {
    /// The screen is left: its messages go with it.
    pub fn leave(&mut self) {
        self.notice = None;
        self.money.saved = None;
        self.books.saved = None;
    }

    /// Loads the report of the day shown.
    pub fn refresh(&mut self) -> Action<Message> {
        self.version += 1;
        self.confirming = false;
        let (version, date) = (self.version, self.date);
        Action::search("day-report", move |store| {
            Message::Loaded(version, load(store, date))
        })
        .and(self.money.load(date).map(Message::Money))
        .and(self.books.load(date).map(Message::Books))
    }

    pub fn hotkey(&self, press: &KeyPress) -> Option<Message> {
        let Key::Named(named) = &press.key else {
            return None;
        };
        let writing = self.money.writing;
        let booking = self.books.writing;
        let books = |message| Some(Message::Books(message));
        match named {
            Named::Escape if self.confirming => Some(Message::CancelClose),
            Named::F9 => Some(Message::PrintReport),
            Named::F8 => Some(Message::PrintMonth),
            Named::F11 => Some(Message::ExportAgain),
            Named::F10 => books(books::BooksMessage::Write),
            Named::F1 if booking => books(books::BooksMessage::NextKind),
            Named::F2 if booking => books(books::BooksMessage::NextPaid),
            Named::F7 if booking => books(books::BooksMessage::FromCash(!self.books.from_cash)),
            Named::Escape if booking => books(books::BooksMessage::Cancel),
            Named::F6 => Some(Message::Money(money::MoneyMessage::WriteExpense)),
            Named::F1 if writing => Some(Message::Money(money::MoneyMessage::NextCategory)),
            Named::F7 if writing => Some(Message::Money(money::MoneyMessage::FromDrawerToggled(
                !self.money.from_drawer,
            ))),
            Named::Escape if writing => Some(Message::Money(money::MoneyMessage::CancelExpense)),
            Named::PageUp if press.modifiers.control() => Some(Message::PreviousDay),
            Named::PageDown if press.modifiers.control() => Some(Message::NextDay),
            Named::Home if press.modifiers.control() => Some(Message::Today),
            // In a field these move its cursor.
            _ if press.captured => None,
            named => Scroll::for_key(named).map(Message::Scroll),
        }
    }

    /// What the drawer should hold against what was counted, as typed so far.
    pub fn difference(&self) -> Option<Result<Rupiah, Refusal>> {
        let report = self.report.as_ref()?;
        if self.counted.trim().is_empty() {
            return None;
        }
        Some(
            Rupiah::parse(&self.counted)
                .and_then(|counted| counted.checked_sub(report.cash.expected))
                .map_err(Refusal::from),
        )
    }

    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Books(books::BooksMessage::Print) | Message::PrintMonth => self.print_month(),
            Message::Books(message) => self.books_message(message),
            Message::Money(message) => self.money_message(message),
            Message::Scroll(by) => Action::Scroll { view: SCROLL, by },
            Message::Today => {
                self.date = None;
                self.refresh()
            }
            Message::PreviousDay => self.step(-1),
            Message::NextDay => self.step(1),
            Message::Loaded(version, result) => self.loaded(version, result),
            Message::PrintReport => match &self.report {
                Some(report) => {
                    let day = report.day.clone();
                    Action::job(move |store| {
                        Message::Printed(super::documents::day_report(store, &day))
                    })
                }
                None => Action::None,
            },
            Message::Printed(result) => {
                self.notice = Some(match result {
                    Ok(path) => Notice::Info(Say::ReportWritten(path)),
                    Err(error) => Notice::Error(error.into()),
                });
                Action::None
            }
            Message::CountedChanged(text) => {
                self.counted = text;
                self.confirming = false;
                Action::None
            }
            Message::CloseDay => {
                if self.confirming {
                    return self.update(Message::ConfirmClose);
                }
                if self.unpaid_cart > 0 {
                    self.notice = Some(Notice::Error(Say::UnpaidCart(self.unpaid_cart)));
                    return Action::Focus(COUNTED);
                }
                match self.difference() {
                    Some(Ok(_)) if !self.closing => self.confirming = true,
                    Some(Err(error)) => self.notice = Some(Notice::Error(error.into())),
                    _ => {}
                }
                Action::Focus(COUNTED)
            }
            Message::CancelClose => {
                self.confirming = false;
                Action::Focus(COUNTED)
            }
            Message::ConfirmClose => self.confirm_close(),
            Message::Closed(result) => self.closed(result),
            Message::ExportAgain => self.export_again(),
            Message::ExportedAgain(result) => {
                self.notice = Some(Notice::of(result));
                Action::None
            }
            Message::JobFailed(why) => {
                self.closing = false;
                self.confirming = false;
                self.notice = Some(Notice::Error(why.into()));
                Action::None
            }
        }
    }

    /// Expenses and laba kotor: one form open at a time; a new expense is
    /// said at the top, where the form was (the list that shows it is
    /// further down), and changes the drawer and the day's lists.
    fn money_message(&mut self, message: money::MoneyMessage) -> Action<Message> {
        if matches!(message, money::MoneyMessage::WriteExpense) {
            self.books.writing = false;
        }
        let (effect, changed) = self.money.update(message);
        let effect = effect.map(Message::Money);
        if !changed {
            return effect;
        }
        if let Some(Ok(expense)) = &self.money.saved {
            let name = |lang| money::category_name(expense.category, lang);
            self.notice = Some(Notice::Info(Say::ExpenseRecorded {
                category: (name(Lang::Id), name(Lang::En)),
                amount: expense.amount.to_string(),
            }));
        }
        effect.and(self.refresh())
    }

    /// The day's report, if it answers the latest question: an open today
    /// puts the focus in the counted cash.
    fn loaded(
        &mut self,
        version: u64,
        result: Result<Box<(DayReport, bool)>, Refusal>,
    ) -> Action<Message> {
        if version != self.version {
            return Action::None;
        }
        match result {
            Ok(loaded) => {
                let (report, is_today) = *loaded;
                let open_today = is_today && report.closed.is_none();
                self.report = Some(report);
                self.is_today = is_today;
                if open_today {
                    return Action::Focus(COUNTED);
                }
            }
            Err(error) => self.notice = Some(Notice::Error(error.into())),
        }
        Action::None
    }

    /// Enter again: close the day with the counted cash.
    fn confirm_close(&mut self) -> Action<Message> {
        if !self.confirming || self.closing {
            return Action::None;
        }
        self.confirming = false;
        let counted = match Rupiah::parse(&self.counted) {
            Ok(counted) => counted,
            Err(error) => {
                self.notice = Some(Notice::Error(Refusal::from(error).into()));
                return Action::None;
            }
        };
        self.closing = true;
        Action::job(move |store| Message::Closed(close(store, counted).map(Box::new)))
    }

    /// Today closed: its file for the office, if the close did not write it.
    fn export_again(&mut self) -> Action<Message> {
        let Some(report) = self.report.as_ref().filter(|r| r.closed.is_some()) else {
            return Action::None;
        };
        if !self.is_today {
            return Action::None;
        }
        let day = report.day.clone();
        Action::job(move |store| Message::ExportedAgain(export_again(store, &day)))
    }

    /// The close is done (or refused): said at the top, with the export.
    fn closed(&mut self, result: Result<Box<ClosedSummary>, Refusal>) -> Action<Message> {
        self.closing = false;
        let closed = match result {
            Ok(closed) => *closed,
            Err(error) => {
                self.notice = Some(Notice::Error(error.into()));
                return Action::None;
            }
        };
        self.counted.clear();
        let failed = matches!(closed.export, Some(Err(_))) || closed.backup_failed.is_some();
        let say = Say::DayClosed {
            day: closed.day.clone(),
            difference: closed.difference.to_string(),
            export: closed.export,
            backup_failed: closed.backup_failed,
        };
        self.notice = Some(if failed {
            Notice::Error(say)
        } else {
            Notice::Info(say)
        });
        self.refresh()
    }

    /// The month's books: one form open at a time (F1 and F7 mean
    /// something in each), and the statements read again after a record.
    fn books_message(&mut self, message: books::BooksMessage) -> Action<Message> {
        if matches!(message, books::BooksMessage::Write) {
            self.money.writing = false;
        }
        let (effect, changed) = self.books.update(message);
        let effect = effect.map(Message::Books);
        if !changed {
            return effect;
        }
        self.notice = Some(Notice::Info(Say::BooksSaved));
        effect.and(self.books.load(self.date).map(Message::Books))
    }

    /// The month's statements to `laporan/` (F8).
    fn print_month(&self) -> Action<Message> {
        let Some(books) = self.books.month.clone() else {
            return Action::None;
        };
        Action::job(move |store| Message::Printed(super::documents::month_books(store, &books)))
    }

    fn step(&mut self, days: i64) -> Action<Message> {
        if let Some(report) = &self.report
            && let Some(shown) = crate::clock::parse_day(&report.day)
        {
            self.date = Some(shown + Duration::days(days));
        }
        self.refresh()
    }
}

fn load(store: &Store, date: Option<Date>) -> Result<Box<(DayReport, bool)>, Refusal> {
    let now = crate::clock::now()?;
    let today = store.business_day(now);
    let date = date.unwrap_or(today);
    Ok(Box::new((store.day_report(date)?, date == today)))
}

/// Today's file for the office, after a close that did not write it: the
/// same rule as `sentra day close` run again.
fn export_again(store: &mut Store, day: &str) -> Result<Say, Refusal> {
    let dir = store
        .settings()?
        .export_dir
        .ok_or(WindowError::NoExportDir)?;
    let written = at_now(|now| export_after_close(store, day, &dir, now))?;
    Ok(Say::ExportWrittenAgain(written.path.display().to_string()))
}

/// *Tutup kasir* with the export folder from the settings: the same step
/// as `sentra day close`.
fn close(store: &mut Store, counted: Rupiah) -> Result<ClosedSummary, Refusal> {
    let export_dir = store.settings()?.export_dir;
    let closed: ClosedDay = at_now(|now| close_day(store, counted, export_dir.as_deref(), now))?;
    Ok(ClosedSummary {
        day: closed.close.day.clone(),
        difference: closed.close.cash.difference,
        export: closed.export.map(|export| {
            export
                .map(|summary| summary.path.display().to_string())
                .map_err(Refusal::from)
        }),
        backup_failed: closed.backup.err().map(Refusal::from),
    })
}
