//! A USB scanner at the till: 13 digits and Enter in a few milliseconds, the
//! next code at once. The keys reach the window faster than it redraws and
//! faster than the book answers, so these tests type whole bursts into one
//! drawing of the view (as the running window gets them between two frames)
//! and hold the book's answers back, delivering them late and interleaved
//! with the keys. Every scan must land in the cart, in order, whole.

mod common;

use std::collections::VecDeque;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::id;
use iced_test::simulator;
use sentra::domain::barcode::ean13_from_twelve;
use sentra::domain::unit::Unit;
use sentra::store::NewProduct;
use sentra::ui::{Action, App, Message, Phase};

/// Twenty items, each with its own EAN-13 (check digits right).
fn codes() -> Vec<String> {
    (1..=20)
        .map(|n| ean13_from_twelve(899_450_500_000 + n))
        .collect()
}

/// The app on a stall selling the twenty items, with answers held back.
struct Till {
    app: App,
    waiting: VecDeque<Message>,
}

impl Till {
    fn open() -> (tempfile::TempDir, Till) {
        let (dir, mut store) = new_stall();
        for (n, code) in codes().iter().enumerate() {
            let sku = format!("BRG-{:02}", n + 1);
            let item = NewProduct {
                name: format!("Barang {:02}", n + 1),
                barcode: Some(code.clone()),
                ..product(&sku, 1_000 * (n as i64 + 1), Unit::Pcs)
            };
            store.add_product(&item, NOW).unwrap();
            store
                .receive_stock(&sku, qty("10"), None, None, NOW)
                .unwrap();
        }
        let (app, effect) = App::with_store(store).unwrap();
        let mut till = Till {
            app,
            waiting: VecDeque::new(),
        };
        till.hold(effect);
        till.deliver_all();
        (dir, till)
    }

    /// Runs an effect's jobs on the book now, but keeps their answers back.
    fn hold(&mut self, effect: Action<Message>) {
        let (jobs, _focus) = effect.into_parts();
        for job in jobs {
            let answers = self.app.book().expect("book open").run_now(job);
            self.waiting.extend(answers);
        }
    }

    fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.hold(effect);
    }

    /// One late answer, if any is waiting.
    fn deliver_one(&mut self) {
        if let Some(answer) = self.waiting.pop_front() {
            self.send(answer);
        }
    }

    /// The newest answer first: the window may hand answers over in any
    /// order, whatever order the book gave them in.
    fn deliver_newest(&mut self) {
        if let Some(answer) = self.waiting.pop_back() {
            self.send(answer);
        }
    }

    fn deliver_all(&mut self) {
        while !self.waiting.is_empty() {
            self.deliver_one();
        }
    }

    /// Types `keys` (Enter as '\n') into one drawing of the view, with the
    /// search field focused, and returns the messages the keys made.
    fn burst(&mut self, keys: &str) -> Vec<Message> {
        let mut ui = simulator(self.app.view());
        ui.click(id("kasir-search"))
            .expect("the search field is on screen");
        for key in keys.chars() {
            if key == '\n' {
                ui.tap_key(Key::Named(Named::Enter));
            } else {
                ui.typewrite(&key.to_string());
            }
        }
        ui.into_messages().collect()
    }

    fn cart(&self) -> Vec<(String, String)> {
        match &self.app.phase {
            Phase::Stall(shell) => shell
                .kasir
                .cart
                .iter()
                .map(|item| {
                    let code = item.product.barcode.clone().unwrap_or_default();
                    (code, item.quantity.clone())
                })
                .collect(),
            _ => panic!("not on a stall's screens"),
        }
    }
}

fn expected() -> Vec<(String, String)> {
    codes().into_iter().map(|c| (c, "1".to_string())).collect()
}

#[test]
fn twenty_scans_in_one_burst_land_in_order_with_answers_late() {
    let (_dir, mut till) = Till::open();
    let keys: String = codes().iter().map(|c| format!("{c}\n")).collect();
    let messages = till.burst(&keys);
    let typed = messages
        .iter()
        .filter(|m| matches!(m, Message::Kasir(_)))
        .count();
    assert_eq!(
        typed,
        20 * 14,
        "a key press is a message: 13 digits and Enter, twenty times"
    );
    let keys_seen = messages
        .iter()
        .filter(|m| matches!(m, Message::KeyPressed(_)))
        .count();
    assert_eq!(keys_seen, 20 * 14, "and the window's keys see every one");
    // The book answers one job for every seven keys handled: searches and
    // lookups arrive while later codes are still being typed.
    for (n, message) in messages.into_iter().enumerate() {
        till.send(message);
        if n % 7 == 6 {
            till.deliver_one();
        }
    }
    till.deliver_all();
    assert_eq!(till.cart(), expected());
}

#[test]
fn twenty_scans_across_redraws_land_in_order_with_answers_late() {
    let (_dir, mut till) = Till::open();
    let keys: String = codes().iter().map(|c| format!("{c}\n")).collect();
    // The window redraws at uneven moments: mid-code, right after Enter,
    // and with several codes between two frames.
    let cuts = [5usize, 14, 15, 33, 40, 41, 70, 99, 140, 141, 200, 279];
    let mut start = 0;
    for (n, &cut) in cuts.iter().chain(std::iter::once(&keys.len())).enumerate() {
        for message in till.burst(&keys[start..cut]) {
            till.send(message);
        }
        // Answers come late, some before the next frame, some after.
        if n % 2 == 0 {
            till.deliver_one();
        }
        start = cut;
    }
    till.deliver_all();
    assert_eq!(till.cart(), expected());
}

#[test]
fn an_unknown_code_in_a_burst_is_refused_and_the_next_scan_lands_whole() {
    let (_dir, mut till) = Till::open();
    let codes = codes();
    let keys = format!("{}\n8990000000017\n{}\n", codes[0], codes[1]);
    for message in till.burst(&keys) {
        till.send(message);
    }
    till.deliver_all();
    let want: Vec<_> = expected().into_iter().take(2).collect();
    assert_eq!(till.cart(), want);
    match &till.app.phase {
        Phase::Stall(shell) => assert!(shell.kasir.search.query.is_empty()),
        _ => unreachable!(),
    }
}

#[test]
fn answers_handed_over_newest_first_still_fill_the_cart_in_scan_order() {
    let (_dir, mut till) = Till::open();
    let keys: String = codes().iter().map(|c| format!("{c}\n")).collect();
    for message in till.burst(&keys) {
        till.send(message);
    }
    while !till.waiting.is_empty() {
        till.deliver_newest();
    }
    assert_eq!(till.cart(), expected());
}

/// The payment panel's total, if it is open.
fn paying(till: &Till) -> Option<sentra::money::Rupiah> {
    match &till.app.phase {
        Phase::Stall(shell) => match &shell.kasir.panel {
            sentra::ui::kasir::Panel::Pay(payment) => Some(payment.total),
            _ => None,
        },
        _ => unreachable!(),
    }
}

fn f2() -> Message {
    Message::KeyPressed(sentra::ui::KeyPress::plain(Named::F2))
}

#[test]
fn f2_right_after_the_last_scan_pays_for_every_item_scanned() {
    let (_dir, mut till) = Till::open();
    let codes = codes();
    let keys = format!("{}\n{}\n{}\n", codes[0], codes[1], codes[2]);
    for message in till.burst(&keys) {
        till.send(message);
    }
    // F2 reaches the window before the book has answered any lookup.
    till.send(f2());
    assert_eq!(
        paying(&till),
        None,
        "no panel for a cart still being scanned"
    );
    while !till.waiting.is_empty() {
        till.deliver_newest();
    }
    let want: Vec<_> = expected().into_iter().take(3).collect();
    assert_eq!(till.cart(), want);
    assert_eq!(
        paying(&till),
        Some(sentra::money::Rupiah::new(1_000 + 2_000 + 3_000)),
        "the panel opens for the three items once the last has landed"
    );
}

#[test]
fn f2_overtaking_the_last_scans_enter_still_asks_for_every_item() {
    let (_dir, mut till) = Till::open();
    let codes = codes();
    let keys = format!("{}\n{}\n{}\n", codes[0], codes[1], codes[2]);
    let mut messages = till.burst(&keys);
    // Should F2 reach `update` before the text field's last Enter (it could
    // while keys came through a subscription), the panel still follows.
    let last_enter = messages
        .iter()
        .rposition(|m| matches!(m, Message::Kasir(sentra::ui::kasir::Message::Submit)))
        .expect("three Enters");
    let late = messages.split_off(last_enter);
    for message in messages {
        till.send(message);
    }
    till.deliver_all();
    till.send(f2());
    assert_eq!(paying(&till), Some(sentra::money::Rupiah::new(3_000)));
    for message in late {
        till.send(message);
    }
    till.deliver_all();
    assert_eq!(till.cart().len(), 3);
    assert_eq!(
        paying(&till),
        Some(sentra::money::Rupiah::new(6_000)),
        "the open panel asks for the item that landed after it opened"
    );
    // F5 (uang pas) and Enter sell all three.
    till.send(Message::KeyPressed(sentra::ui::KeyPress::plain(Named::F5)));
    till.send(Message::Kasir(sentra::ui::kasir::Message::Complete));
    till.deliver_all();
    let sale = match &till.app.phase {
        Phase::Stall(shell) => shell.kasir.last_sale.clone().expect("sold"),
        _ => unreachable!(),
    };
    assert_eq!(sale.lines.len(), 3);
}
