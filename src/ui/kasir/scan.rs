//! The search field as a scanner fills it. A USB scanner types a code and
//! Enter faster than the window redraws: every key of one burst reaches the
//! text field before the till's `view` runs again, so the field still holds
//! the code Enter took away, and reports the next scan glued to it. The
//! till clears its query the moment Enter is pressed (never later, when a
//! lookup answers, which would wipe the keys of the next scan), and strips
//! what the field still held at Enter from what it reports until the field
//! is drawn anew.

use std::cell::Cell;

/// What the search field holds, as the till sees it.
#[derive(Debug, Default)]
pub struct ScanField {
    /// The text the till owns: what the next Enter acts on.
    pub query: String,
    /// What the field holds beyond `query` because it was not drawn since
    /// the last Enter: the codes already taken, in the order typed.
    taken: String,
    /// Whether the field was drawn since the last Enter.
    drawn: Cell<bool>,
}

impl ScanField {
    /// The field reported `text`: the query is what was typed after the
    /// last Enter.
    pub fn changed(&mut self, text: String) {
        if !self.drawn.get()
            && !self.taken.is_empty()
            && let Some(rest) = text.strip_prefix(self.taken.as_str())
        {
            self.query = rest.to_string();
            return;
        }
        self.taken.clear();
        self.query = text;
    }

    /// Enter: hands over what was typed and empties the field at once, so
    /// the keys that follow begin the next code.
    pub fn take(&mut self) -> String {
        let typed = std::mem::take(&mut self.query);
        if self.drawn.get() {
            self.taken.clear();
        }
        self.taken.push_str(&typed);
        self.drawn.set(false);
        typed
    }

    /// The till set the text itself (a stray scan's digits, Esc).
    pub fn set(&mut self, text: String) {
        self.query = text;
        self.taken.clear();
    }

    /// The field is being drawn with `query`: from now on it reports what
    /// it shows.
    pub fn drawn(&self) -> &str {
        self.drawn.set(true);
        &self.query
    }
}

#[cfg(test)]
mod tests {
    use super::ScanField;

    /// Types `keys` into a field that still holds `shown`, as the widget
    /// does between two drawings.
    fn type_keys(field: &mut ScanField, shown: &mut String, keys: &str) {
        for key in keys.chars() {
            shown.push(key);
            field.changed(shown.clone());
        }
    }

    #[test]
    fn a_burst_of_scans_is_taken_code_by_code() {
        let mut field = ScanField::default();
        let mut shown = field.drawn().to_string();
        type_keys(&mut field, &mut shown, "8991111111116");
        assert_eq!(field.take(), "8991111111116");
        type_keys(&mut field, &mut shown, "8992222222223");
        assert_eq!(field.take(), "8992222222223");
        type_keys(&mut field, &mut shown, "899");
        assert_eq!(field.query, "899");
        // Drawn anew, the field shows the query and reports from there.
        let mut shown = field.drawn().to_string();
        type_keys(&mut field, &mut shown, "3333333330");
        assert_eq!(field.take(), "8993333333330");
    }

    #[test]
    fn the_same_code_twice_after_a_drawing_is_two_codes() {
        let mut field = ScanField::default();
        let mut shown = field.drawn().to_string();
        type_keys(&mut field, &mut shown, "5");
        assert_eq!(field.take(), "5");
        let mut shown = field.drawn().to_string();
        type_keys(&mut field, &mut shown, "5");
        assert_eq!(field.take(), "5");
    }
}

/// Scans in the order they were typed. Each Enter takes a ticket; the book
/// answers every lookup, but the window may hand two answers over in either
/// order, so an answer waits until every earlier scan's answer was applied.
#[derive(Debug)]
pub struct InTurn<M> {
    issued: u64,
    next: u64,
    arrived: std::collections::BTreeMap<u64, M>,
}

impl<M> Default for InTurn<M> {
    fn default() -> Self {
        InTurn {
            issued: 0,
            next: 0,
            arrived: std::collections::BTreeMap::new(),
        }
    }
}

impl<M> InTurn<M> {
    /// The ticket of the next scan.
    pub fn issue(&mut self) -> u64 {
        self.issued += 1;
        self.issued
    }

    /// Whether a scan typed so far has not been applied yet.
    pub fn waiting(&self) -> bool {
        self.next < self.issued
    }

    /// Takes an answer in; returns the answers now due, in order.
    pub fn arrived(&mut self, ticket: u64, answer: M) -> Vec<M> {
        self.arrived.insert(ticket, answer);
        let mut due = Vec::new();
        while let Some(answer) = self.arrived.remove(&(self.next + 1)) {
            self.next += 1;
            due.push(answer);
        }
        due
    }
}

#[cfg(test)]
mod in_turn_tests {
    use super::InTurn;

    #[test]
    fn answers_handed_over_out_of_order_are_applied_in_order() {
        let mut turn = InTurn::default();
        let (a, b, c) = (turn.issue(), turn.issue(), turn.issue());
        assert!(turn.arrived(b, "b").is_empty());
        assert_eq!(turn.arrived(a, "a"), vec!["a", "b"]);
        assert!(turn.waiting());
        assert_eq!(turn.arrived(c, "c"), vec!["c"]);
        assert!(!turn.waiting());
    }
}
