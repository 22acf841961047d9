//! The last sale, under the till's keys: its receipt printed again (F7) and
//! its struk sent to the buyer's WhatsApp (F6).

use super::{BARCODE_LENGTHS, Kasir, Message, Panel, SEARCH, WHATSAPP};
use crate::ui::action::Action;

impl Kasir {
    /// The reprint and the WhatsApp number of the last sale.
    pub(super) fn on_last_sale(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::Reprint => self.reprint(),
            Message::ReceiptPrinted(result) => {
                self.receipt_file = Some(result);
                Action::None
            }
            Message::FocusWhatsApp => Action::Focus(WHATSAPP),
            Message::WhatsAppChanged(text) => {
                self.whatsapp = text;
                self.whatsapp_sent = None;
                Action::None
            }
            // A barcode scanned into the buyer's number (the focus left
            // there): it is the next buyer's first item, not a number.
            Message::SendWhatsApp if is_scan_not_phone(&self.whatsapp) => {
                let code = std::mem::take(&mut self.whatsapp);
                self.search.changed(code.trim().to_string());
                self.submit().and(Action::Focus(SEARCH))
            }
            Message::SendWhatsApp => self.send_whatsapp(),
            Message::WhatsAppOpened(result) => {
                let sent = result.is_ok();
                self.whatsapp_sent = Some(result);
                // Sent: the next buyer; refused: the number again.
                Action::Focus(if sent { SEARCH } else { WHATSAPP })
            }
            _ => Action::None,
        }
    }

    /// F7: a copy (SALINAN) of the last receipt, with no panel open.
    fn reprint(&self) -> Action<Message> {
        match &self.last_sale {
            Some(sale) if self.panel == Panel::None => {
                let receipt = sale.receipt.clone();
                Action::job(move |store| {
                    Message::ReceiptPrinted(crate::ui::documents::receipt(store, &receipt, true))
                })
            }
            _ => Action::None,
        }
    }

    /// Opens the last sale's struk in WhatsApp for the number typed.
    fn send_whatsapp(&self) -> Action<Message> {
        match &self.last_sale {
            Some(sale) => {
                let (receipt, number) = (sale.receipt.clone(), self.whatsapp.clone());
                Action::job(move |store| {
                    Message::WhatsAppOpened(crate::ui::documents::whatsapp(
                        store, &receipt, &number,
                    ))
                })
            }
            None => Action::None,
        }
    }
}

/// Whether `typed` is a scanned barcode (a length scanners type, digits
/// only) and no Indonesian phone number.
fn is_scan_not_phone(typed: &str) -> bool {
    let typed = typed.trim();
    BARCODE_LENGTHS.contains(&typed.len())
        && typed.bytes().all(|b| b.is_ascii_digit())
        && crate::domain::whatsapp::wa_number(typed).is_err()
}
