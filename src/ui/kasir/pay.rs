//! The payment panel: methods, amounts, split payments, change.

use super::Message;
use crate::domain::payment::{PaymentMethod, Settlement, Tender, quick_cash, settle};
use crate::money::Rupiah;
use crate::ui::i18n::Say;
use crate::ui::refusal::Refusal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub total: Rupiah,
    pub method: PaymentMethod,
    /// The amount being typed for `method`.
    pub amount: String,
    pub reference: String,
    /// Payments already put down (a split).
    pub tenders: Vec<Tender>,
    /// A refusal from the last try to finish or add a payment.
    pub error: Option<Say>,
    /// Who takes the kasbon, when kasbon is a method of the sale.
    pub kasbon: Box<super::kasbon::KasbonPick>,
    /// A discount in the cart above the vendor's limit, and the manager
    /// PIN typed for it.
    pub approval: Option<crate::domain::pin::Approval>,
    pub pin: String,
}

impl Payment {
    pub fn new(total: Rupiah) -> Payment {
        Payment {
            total,
            method: PaymentMethod::Cash,
            amount: String::new(),
            reference: String::new(),
            tenders: Vec::new(),
            error: None,
            kasbon: Default::default(),
            approval: None,
            pin: String::new(),
        }
    }

    /// What is still due after the payments put down.
    pub fn remaining(&self) -> Rupiah {
        let paid = Rupiah::sum(self.tenders.iter().map(|t| t.amount)).unwrap_or(self.total);
        self.total
            .checked_sub(paid)
            .unwrap_or(Rupiah::ZERO)
            .max(Rupiah::ZERO)
    }

    /// What a QRIS code would be paid for: the amount typed, or what is
    /// left; none unless QRIS is the method.
    pub fn qris_amount(&self) -> Option<Rupiah> {
        if self.method != PaymentMethod::Qris {
            return None;
        }
        // A code for more than is due would take money the sale refuses
        // (a mistyped digit): none is shown for it.
        match self.amount.trim() {
            "" => Some(self.remaining()),
            typed => Rupiah::parse(typed)
                .ok()
                .filter(|amount| amount.is_positive() && *amount <= self.remaining()),
        }
    }

    /// The quick cash amounts for what is left: *uang pas* first.
    pub fn quick_amounts(&self) -> Vec<Rupiah> {
        quick_cash(self.remaining())
    }

    fn entry(&self) -> Result<Option<Tender>, Refusal> {
        let text = self.amount.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let amount = Rupiah::parse(text)?;
        let reference = Some(self.reference.trim().to_string()).filter(|r| !r.is_empty());
        Ok(Some(Tender {
            method: self.method,
            amount,
            reference,
        }))
    }

    /// The payments put down plus the one being typed. Non-cash with nothing
    /// typed means "exactly what is left", which is what a cashier means when
    /// the buyer shows a paid QRIS.
    pub fn tenders_with_entry(&self) -> Result<Vec<Tender>, Refusal> {
        let mut tenders = self.tenders.clone();
        match self.entry()? {
            Some(tender) => tenders.push(tender),
            None if self.method != PaymentMethod::Cash && self.remaining().is_positive() => tenders
                .push(Tender {
                    method: self.method,
                    amount: self.remaining(),
                    reference: Some(self.reference.trim().to_string()).filter(|r| !r.is_empty()),
                }),
            None => {}
        }
        Ok(tenders)
    }

    /// The settlement as things stand, for the change display.
    pub fn preview(&self) -> Result<Settlement, Refusal> {
        Ok(settle(self.total, &self.tenders_with_entry()?)?)
    }

    pub fn update(&mut self, message: Message) {
        self.error = None;
        match message {
            Message::PayMethod(method) if self.method != method => {
                self.method = method;
                self.amount.clear();
                self.reference.clear();
            }
            Message::AmountChanged(text) => self.amount = text,
            Message::ReferenceChanged(text) => self.reference = text,
            Message::DiscountPinChanged(text) => self.pin = text,
            Message::QuickCash(index) => {
                if let Some(amount) = self.quick_amounts().get(index) {
                    self.method = PaymentMethod::Cash;
                    self.amount = amount.value().to_string();
                }
            }
            Message::AddTender => match self.entry() {
                Ok(Some(tender)) => {
                    self.tenders.push(tender);
                    self.amount.clear();
                    self.reference.clear();
                }
                Ok(None) => self.error = Some(Say::TypeAmountFirst),
                Err(error) => self.error = Some(error.into()),
            },
            Message::RemoveTender(index) if index < self.tenders.len() => {
                self.tenders.remove(index);
            }
            _ => {}
        }
    }
}
