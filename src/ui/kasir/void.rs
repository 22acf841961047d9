//! The void panel (F8, *batal*): a receipt already made, taken back with a
//! reason and the manager's PIN.

use super::{Kasir, Message, Panel, SEARCH, VOID_PIN, VOID_REASON, VOID_RECEIPT, VoidForm};
use crate::store::{CompletedSale, VoidRecord};
use crate::ui::action::{Action, at_now};
use crate::ui::i18n::Say;
use crate::ui::refusal::Refusal;
use crate::ui::widgets::Notice;

impl Kasir {
    /// The void form's fields, and the void itself.
    pub(super) fn on_void(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::OpenVoid => self.open_void(),
            Message::VoidReceiptChanged(text) => self.void_receipt_changed(text),
            Message::VoidSaleFound(receipt, result) => self.void_sale_found(receipt, result),
            Message::VoidReasonChanged(text) => self.edit_void(|form| form.reason = text),
            Message::VoidPinChanged(text) => self.edit_void(|form| form.pin = text),
            Message::SubmitVoid => self.submit_void(),
            Message::Voided(result) => self.voided(result),
            _ => Action::None,
        }
    }

    /// F8: the form, with the last sale's receipt filled in when there is
    /// one (the reason is what is left to type).
    fn open_void(&mut self) -> Action<Message> {
        if matches!(self.panel, Panel::Void(_)) {
            return Action::Focus(VOID_RECEIPT);
        }
        let receipt = self
            .last_sale
            .as_ref()
            .map(|s| s.receipt.clone())
            .unwrap_or_default();
        self.panel = Panel::Void(VoidForm {
            receipt: receipt.clone(),
            ..VoidForm::default()
        });
        let focus = if receipt.is_empty() {
            VOID_RECEIPT
        } else {
            VOID_REASON
        };
        Action::Focus(focus).and(find_sale(receipt))
    }

    /// Another receipt number: the sale shown goes until it is found.
    fn void_receipt_changed(&mut self, text: String) -> Action<Message> {
        if let Panel::Void(form) = &mut self.panel {
            form.receipt = text.clone();
            form.sale = None;
            form.error = None;
        }
        find_sale(text)
    }

    /// The sale a receipt number names, if the form still shows that number.
    fn void_sale_found(
        &mut self,
        receipt: String,
        result: Result<CompletedSale, Refusal>,
    ) -> Action<Message> {
        if let Panel::Void(form) = &mut self.panel
            && form.receipt.trim() == receipt
        {
            form.sale = Some(result);
        }
        Action::None
    }

    fn edit_void(&mut self, edit: impl FnOnce(&mut VoidForm)) -> Action<Message> {
        if let Panel::Void(form) = &mut self.panel {
            edit(form);
            form.error = None;
        }
        Action::None
    }

    fn submit_void(&mut self) -> Action<Message> {
        let Panel::Void(form) = &mut self.panel else {
            return Action::None;
        };
        if form.voiding {
            return Action::None;
        }
        form.voiding = true;
        let (receipt, reason, pin) = (
            form.receipt.trim().to_string(),
            form.reason.clone(),
            form.pin.clone(),
        );
        Action::job(move |store| {
            Message::Voided(at_now(|now| store.void_sale(&receipt, &reason, &pin, now)))
        })
    }

    fn voided(&mut self, result: Result<VoidRecord, Refusal>) -> Action<Message> {
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
                Action::Focus(SEARCH)
            }
            Err(error) => {
                if let Panel::Void(form) = &mut self.panel {
                    form.voiding = false;
                    form.error = Some(error);
                    form.pin.clear();
                }
                Action::Focus(VOID_PIN).and(super::day::reload_day())
            }
        }
    }
}

/// Looks up the sale a receipt number names, once it looks like one.
fn find_sale(receipt: String) -> Action<Message> {
    let receipt = receipt.trim().to_string();
    if receipt.len() < 8 {
        return Action::None;
    }
    Action::search("void-sale", move |store| {
        let found = store.sale(&receipt).map_err(Refusal::from);
        Message::VoidSaleFound(receipt, found)
    })
}
