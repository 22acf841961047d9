//! The QRIS the payment panel shows: the stall's static code, or, when the
//! setting is on, a code carrying the amount being paid by QRIS. The code
//! is drawn again only when the amount it carries changes.

use iced::widget::qr_code::Data;

use crate::money::Rupiah;
use crate::store::Settings;

/// A code on screen, and the amount it carries (none: the static code).
pub struct Shown {
    pub payload: String,
    pub amount: Option<Rupiah>,
    pub data: Data,
}

#[derive(Default)]
pub struct QrisShown {
    settings: Settings,
    shown: Option<Shown>,
}

impl QrisShown {
    pub fn new(settings: &Settings) -> QrisShown {
        let mut qris = QrisShown {
            settings: settings.clone(),
            shown: None,
        };
        qris.follow(None);
        qris
    }

    /// Shows the code for `amount` paid by QRIS (none: not paying by QRIS
    /// yet, the static code).
    pub fn follow(&mut self, amount: Option<Rupiah>) {
        // The book keeps only a static code that passed the EMV checks (one
        // stored before them is set aside, and Pengaturan says why).
        let wanted = match amount {
            Some(amount) => self.settings.qris_to_show(amount),
            None => self.settings.qris_payload.clone().map(|p| (p, false)),
        };
        let Some((payload, carries)) = wanted else {
            self.shown = None;
            return;
        };
        if self.shown.as_ref().is_some_and(|s| s.payload == payload) {
            return;
        }
        self.shown = Data::new(&payload).ok().map(|data| Shown {
            payload,
            amount: amount.filter(|_| carries),
            data,
        });
    }

    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    /// Whether codes carry the amount (the setting), for the panel's note.
    pub fn with_amount(&self) -> bool {
        self.settings.qris_amount
    }
}
