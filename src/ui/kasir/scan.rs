//! The scan queue: a scanner types a code and Enter in a few milliseconds and
//! the next code at once, faster than the book answers. Each Enter takes
//! exactly the characters typed before it out of the field (the field is
//! empty for the next code at once), the lookups are numbered, and their
//! answers are applied in the order the codes were entered, however late or
//! out of turn they come back.

use std::collections::VecDeque;

use crate::money::Quantity;
use crate::store::{Product, ScaleScan};

use super::super::refusal::Refusal;

/// What the book said about one entered code.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// The product the code names (and what is left of a stray scan's
    /// digits for the line it landed in), or none.
    Code {
        code: String,
        quantity: Option<Quantity>,
        found: Result<Option<(Product, String)>, Refusal>,
    },
    /// A scale label: its product and the weight of one label (`N*` labels
    /// asked), or why it cannot be sold.
    Scale {
        count: Option<Quantity>,
        scan: Result<ScaleScan, Refusal>,
    },
}

/// An entered code waiting for its answer, with what the till knew when
/// Enter was pressed.
#[derive(Debug)]
pub struct Pending<S> {
    ticket: u64,
    /// A scan that landed in a cart line first.
    pub stray: Option<S>,
    /// The search result highlighted for exactly this text, if any.
    pub fallback: Option<Product>,
    answer: Option<Lookup>,
}

/// The codes entered and not applied yet, oldest first.
#[derive(Debug)]
pub struct Queue<S> {
    next: u64,
    waiting: VecDeque<Pending<S>>,
}

impl<S> Default for Queue<S> {
    fn default() -> Self {
        Queue {
            next: 0,
            waiting: VecDeque::new(),
        }
    }
}

impl<S> Queue<S> {
    /// Takes a place in the line; the ticket goes with the lookup.
    pub fn enter(&mut self, stray: Option<S>, fallback: Option<Product>) -> u64 {
        self.next += 1;
        self.waiting.push_back(Pending {
            ticket: self.next,
            stray,
            fallback,
            answer: None,
        });
        self.next
    }

    /// Keeps an answer until every code entered before it is answered.
    pub fn answer(&mut self, ticket: u64, lookup: Lookup) {
        if let Some(pending) = self.waiting.iter_mut().find(|p| p.ticket == ticket) {
            pending.answer = Some(lookup);
        }
    }

    /// The oldest code, once it is answered: the next to apply.
    pub fn next_ready(&mut self) -> Option<(Pending<S>, Lookup)> {
        if self.waiting.front()?.answer.is_none() {
            return None;
        }
        let mut pending = self.waiting.pop_front()?;
        let answer = pending.answer.take()?;
        Some((pending, answer))
    }

    /// The oldest lookup still unanswered died: it will never answer, so it
    /// leaves the line rather than hold up the codes after it.
    pub fn drop_unanswered(&mut self) -> bool {
        match self.waiting.iter().position(|p| p.answer.is_none()) {
            Some(at) => {
                self.waiting.remove(at);
                true
            }
            None => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }
}

/// What the search field holds as the window's widget sees it. Keys that
/// came in one batch with an Enter are typed by the widget onto the text it
/// held when the batch began: the code before the Enter comes back glued in
/// front of the next one. That prefix is the code already taken; only what
/// follows it is new.
#[derive(Debug, Default)]
pub struct Field {
    /// The widget's text, as it last reported it.
    shown: String,
    /// The widget's text when Enter took it, while the widget may still
    /// type after it.
    taken: Option<String>,
}

impl Field {
    /// The search text for what the widget reports.
    pub fn typed(&mut self, reported: String) -> String {
        let fresh = match &self.taken {
            Some(taken) if reported.len() > taken.len() && reported.starts_with(taken.as_str()) => {
                reported[taken.len()..].to_string()
            }
            _ => {
                self.taken = None;
                reported.clone()
            }
        };
        self.shown = reported;
        fresh
    }

    /// Enter took the field's text: the widget may still hold it.
    pub fn taken(&mut self) {
        if !self.shown.is_empty() {
            self.taken = Some(self.shown.clone());
        }
    }

    /// The till set the field itself (cleared it, or a stray scan).
    pub fn set(&mut self, text: &str) {
        self.shown = text.to_string();
        self.taken = None;
    }
}
