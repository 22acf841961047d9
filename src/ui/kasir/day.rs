//! Today as the till sees it: read from the book, opened with *kas awal*,
//! reopened by a manager after *tutup kasir*.

use super::{Kasir, Message, OPENING_FLOAT, Panel, SCAN_GAP, SEARCH, Today, longest_digit_run};
use crate::money::Rupiah;
use crate::store::{Day, Store};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::Say;
use crate::ui::refusal::Refusal;
use crate::ui::widgets::Notice;

impl Kasir {
    /// Opening, reopening and reading today.
    pub(super) fn on_day(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::DayLoaded(result) => self.day_loaded(result),
            Message::OpeningFloatChanged(text) => self.float_changed(text),
            // Enter ended a scan typed into kas awal: it is the search's. The
            // field still holds it until drawn anew, so the next scan's keys
            // typed there are told apart by what it held.
            Message::OpenDay if self.float_scan.is_some() => self.submit(),
            Message::OpenDay => self.open_with_float(),
            Message::ReopenPinChanged(text) => self.reopen_pin_changed(text),
            Message::Reopen if self.scan_in_pin("") => Action::None,
            Message::Reopen => self.reopen(),
            Message::DayChanged(result) => self.day_changed(result),
            _ => Action::None,
        }
    }

    /// Today's state as read; the focus moves only if the day closed or
    /// opened meanwhile, or no panel is open.
    fn day_loaded(&mut self, result: Result<Today, Refusal>) -> Action<Message> {
        let was_closed = matches!(self.today, Today::Closed { .. });
        match result {
            Ok(today) => self.today = today,
            Err(error) => self.notice = Some(Notice::Error(error.into())),
        }
        let closed = matches!(self.today, Today::Closed { .. });
        // A panel keeps its field (a wrong PIN is typed again where
        // it was); only a day that closed or opened moves the focus.
        if self.panel == Panel::None || closed != was_closed {
            Action::Focus(self.home())
        } else {
            Action::None
        }
    }

    /// Enter in *kas awal*: today opens with the float typed.
    fn open_with_float(&mut self) -> Action<Message> {
        let float = match Rupiah::parse(&self.opening_float) {
            Ok(float) => float,
            Err(error) => {
                self.day_error = Some(Refusal::from(error).into());
                return Action::Focus(OPENING_FLOAT);
            }
        };
        Action::job(move |store| Message::DayChanged(at_now(|now| store.open_day(float, now))))
    }

    /// The reopen PIN as typed; a scanner's keys there are never a PIN.
    fn reopen_pin_changed(&mut self, text: String) -> Action<Message> {
        if self.scan_in_pin(&text) {
            self.reopen_pin.clear();
            self.day_error = Some(Say::ScanOnClosedDay);
            return Action::None;
        }
        self.reopen_pin = text;
        self.day_error = None;
        Action::None
    }

    /// Reopens the closed day with the PIN typed (used once: it empties).
    fn reopen(&mut self) -> Action<Message> {
        let Today::Closed { day } = &self.today else {
            return Action::None;
        };
        let Some(date) = crate::clock::parse_day(day) else {
            return Action::None;
        };
        let pin = std::mem::take(&mut self.reopen_pin);
        Action::job(move |store| {
            Message::DayChanged(at_now(|now| store.reopen_day(date, &pin, now)))
        })
    }

    /// Today opened or reopened: the search is the vendor's; refused: said
    /// under the field.
    fn day_changed(&mut self, result: Result<Day, Refusal>) -> Action<Message> {
        match result {
            Ok(day) => {
                self.float_scan = None;
                self.today = Today::Open {
                    day: day.day,
                    float: day.opening_float,
                };
                self.day_error = None;
                self.opening_float.clear();
                Action::Focus(SEARCH)
            }
            Err(error) => {
                self.day_error = Some(error.into());
                Action::Focus(self.home())
            }
        }
    }

    /// Whether keys reaching the reopen PIN are a scanner's: more digits
    /// than a PIN has, or keys close behind them. A scan is never tried as
    /// a PIN (a wrong try counts towards the lockout).
    fn scan_in_pin(&mut self, text: &str) -> bool {
        let burst = self
            .scan_in_pin
            .is_some_and(|seen| seen.elapsed() < SCAN_GAP);
        if burst || longest_digit_run(text) > crate::domain::pin::MAX_PIN_DIGITS {
            self.scan_in_pin = Some(std::time::Instant::now());
            return true;
        }
        false
    }
}

/// Reads today's state again (a refusal may mean the day closed meanwhile),
/// leaving the focus where it is.
pub(super) fn reload_day() -> Action<Message> {
    Action::job(|store| Message::DayLoaded(at_now(|now| today(store, now))))
}

/// Today's state in the book.
fn today(store: &Store, now: time::OffsetDateTime) -> Result<Today, crate::store::StoreError> {
    let date = store.business_day(now);
    let day = date.to_string();
    Ok(match store.day(date)? {
        None => Today::NotOpened { day },
        Some(state) if state.open => Today::Open {
            day,
            float: state.opening_float,
        },
        Some(_) => Today::Closed { day },
    })
}
