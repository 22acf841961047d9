//! A barcode scanned while a panel's field has the focus: the amount paid,
//! a PIN, the kasbon customer's search or form, the void's fields. A USB
//! scanner types wherever the focus is, and the vendor scans the next item
//! whatever is open: its digits go to the search (the field keeps what it
//! held before them), its Enter adds the item, and nothing is paid, saved
//! or tried as a PIN on a barcode's digits.

use super::kasbon::KasbonMessage;
use super::{Kasir, Message, Panel, SEARCH};
use crate::ui::action::Action;

/// How a field tells a scanner's digits from what belongs in it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape {
    /// A run of this many digits cannot be the field's: 12 for money (the
    /// most a payment may be, Rp10 miliar, has 11) or a name, 9 for a PIN
    /// (at most 8).
    Digits(usize),
    /// A field where a phone number is at home: only a whole EAN-13 with
    /// its check digit right, not starting as a phone does (0…, 62…).
    Barcode,
}

impl Shape {
    fn is_scan(self, run: &str) -> bool {
        match self {
            Shape::Digits(at_least) => run.len() >= at_least,
            Shape::Barcode => {
                run.len() == 13
                    && !run.starts_with('0')
                    && !run.starts_with("62")
                    && crate::domain::barcode::validate_ean13(run).is_ok()
            }
        }
    }
}

/// What a message types into a panel's field, and the field's rule.
fn typed(message: &Message) -> Option<(&str, Shape)> {
    let digits = Shape::Digits(12);
    let pin = Shape::Digits(9);
    Some(match message {
        Message::AmountChanged(text) => (text, digits),
        Message::DiscountPinChanged(text) => (text, pin),
        Message::VoidReceiptChanged(text) | Message::VoidReasonChanged(text) => (text, digits),
        Message::VoidPinChanged(text) => (text, pin),
        Message::Kasbon(kasbon) => match kasbon {
            KasbonMessage::QueryChanged(text) | KasbonMessage::PhoneChanged(text) => {
                (text, Shape::Barcode)
            }
            KasbonMessage::NameChanged(text) | KasbonMessage::LimitChanged(text) => (text, digits),
            KasbonMessage::PinChanged(text) => (text, pin),
            _ => return None,
        },
        _ => return None,
    })
}

/// The digits a scanner added to a field it is still typing into: the field
/// may still hold what it showed when the scan began (`seen`), or what the
/// till put back (`held`).
pub(super) fn more_digits<'t>(text: &'t str, seen: &str, held: &str) -> Option<&'t str> {
    text.strip_prefix(seen)
        .or_else(|| text.strip_prefix(held))
        .filter(|more| more.chars().all(|c| c.is_ascii_digit()))
}

/// The Enter of a field a scan may have begun in.
pub(super) fn is_enter(message: &Message) -> bool {
    matches!(
        message,
        Message::Complete
            | Message::SubmitVoid
            | Message::Kasbon(KasbonMessage::ChooseHighlighted | KasbonMessage::SaveNew)
    )
}

impl Kasir {
    /// The field `message` writes to, as it holds now.
    fn field(&mut self, message: &Message) -> Option<&mut String> {
        match (&mut self.panel, message) {
            (Panel::Pay(payment), Message::AmountChanged(_)) => Some(&mut payment.amount),
            (Panel::Pay(payment), Message::DiscountPinChanged(_)) => Some(&mut payment.pin),
            (Panel::Pay(payment), Message::Kasbon(kasbon)) => {
                let pick = &mut payment.kasbon;
                match kasbon {
                    KasbonMessage::QueryChanged(_) => Some(&mut pick.query),
                    KasbonMessage::PhoneChanged(_) => Some(&mut pick.phone),
                    KasbonMessage::NameChanged(_) => Some(&mut pick.name),
                    KasbonMessage::LimitChanged(_) => Some(&mut pick.limit),
                    KasbonMessage::PinChanged(_) => Some(&mut pick.pin),
                    _ => None,
                }
            }
            (Panel::Void(form), Message::VoidReceiptChanged(_)) => Some(&mut form.receipt),
            (Panel::Void(form), Message::VoidReasonChanged(_)) => Some(&mut form.reason),
            (Panel::Void(form), Message::VoidPinChanged(_)) => Some(&mut form.pin),
            _ => None,
        }
    }

    /// Takes the keys of `message` when they are a scanner's: the field
    /// keeps what it held before the scan, the digits go on to the search
    /// and the focus with them. `None`: the keys are the field's own.
    pub(super) fn scan_in_panel(&mut self, message: &Message) -> Option<Action<Message>> {
        let (text, shape) = typed(message)?;
        let text = text.to_string();
        let held = self.field(message)?.clone();
        // The scanner still typing here: only its new digits.
        if let Some(seen) = &self.panel_scan {
            if let Some(more) = more_digits(&text, seen, &held).map(str::to_string) {
                let query = format!("{}{more}", self.search.query);
                self.search.set(query);
                self.panel_scan = Some(text);
                return Some(Action::Focus(SEARCH));
            }
            self.panel_scan = None;
        }
        // The scanner's digits end the text; what was typed before them
        // stays (digits typed just before a scan cannot be told from it:
        // they go with it, and an unknown code says so).
        let start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (kept, run) = text.split_at(start);
        if !shape.is_scan(run) {
            return None;
        }
        self.search.set(run.to_string());
        self.results.clear();
        self.search_version += 1;
        let kept = kept.to_string();
        if let Some(field) = self.field(message) {
            *field = kept;
        }
        self.panel_scan = Some(text);
        Some(Action::Focus(SEARCH))
    }
}
