//! *Kas awal*, the field a fresh day starts in. Only an amount belongs
//! there: a scanner or a name typed while it has the focus is the day's
//! first sale coming, and goes on to the search.

use super::{Action, Kasir, Message, SEARCH, longest_digit_run};

/// A run of this many digits in *kas awal* is a barcode (EAN-8 and
/// longer), never an amount: a drawer holds less than Rp10.000.000.
const FLOAT_SCAN_DIGITS: usize = 8;

impl Kasir {
    /// *Kas awal* as typed. Only an amount belongs here: a letter or `*`
    /// (a name, `N*CODE`) or a barcode's run of digits is the first sale
    /// coming, and goes to the search with the focus, as do the keys that
    /// follow it into this field before it is drawn anew.
    pub(super) fn float_changed(&mut self, text: String) -> Action<Message> {
        if let Some(seen) = &self.float_scan {
            if let Some(more) = text.strip_prefix(seen.as_str()) {
                let query = format!("{}{more}", self.search.query);
                self.search.set(query.clone());
                self.float_scan = Some(text);
                return Action::Focus(SEARCH).and(self.search(query));
            }
            self.float_scan = None;
        }
        let amount = text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '));
        if amount && longest_digit_run(&text) < FLOAT_SCAN_DIGITS {
            self.opening_float = text;
            self.day_error = None;
            return Action::None;
        }
        self.opening_float.clear();
        self.search.set(text.clone());
        self.float_scan = Some(text.clone());
        Action::Focus(SEARCH).and(self.search(text))
    }
}
