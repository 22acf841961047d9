//! Kasir by keys alone, as a USB scanner and a cashier's hands use it: the
//! Simulator types into the real view, the messages go through the real
//! `update`, and the jobs it asks for wait in a queue and answer late and
//! out of turn, as the book's worker does when the scanner is faster.

mod common;

use std::collections::VecDeque;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::id;
use iced_test::simulator;
use sentra::domain::unit::Unit;
use sentra::store::{NewProduct, Store};
use sentra::ui::kasir::SEARCH;
use sentra::ui::{App, Job, Message, Phase, Shell};

/// The app with its jobs held back: they run when the test says.
struct Till {
    app: App,
    jobs: VecDeque<Job<Message>>,
}

impl Till {
    fn on(store: Store) -> Till {
        let (app, effect) = App::with_store(store).unwrap();
        let mut till = Till {
            app,
            jobs: VecDeque::new(),
        };
        till.jobs.extend(effect.into_parts().0);
        till.answer_all();
        till
    }

    fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.jobs.extend(effect.into_parts().0);
    }

    /// Keys typed into the search field in one go, as one batch of events
    /// reaches the window: `\n` is Enter. The jobs they ask for wait.
    fn scan(&mut self, keys: &str) {
        let messages: Vec<Message> = {
            let mut ui = simulator(self.app.view());
            ui.click(id(SEARCH)).expect("the search field");
            ui.tap_key(Key::Named(Named::End));
            for key in keys.chars() {
                if key == '\n' {
                    ui.tap_key(Key::Named(Named::Enter));
                } else {
                    ui.typewrite(&key.to_string());
                }
            }
            ui.into_messages().collect()
        };
        for message in messages {
            self.send(message);
        }
    }

    /// Runs the `count` oldest waiting jobs, the newest of them first, and
    /// feeds their answers in that order: answers late and out of turn.
    fn answer_backwards(&mut self, count: usize) {
        let count = count.min(self.jobs.len());
        let mut taken: Vec<Job<Message>> = self.jobs.drain(..count).collect();
        taken.reverse();
        let book = self.app.book().expect("book open").clone();
        let answers: Vec<Message> = taken.into_iter().flat_map(|j| book.run_now(j)).collect();
        for answer in answers {
            self.send(answer);
        }
    }

    fn answer_all(&mut self) {
        while !self.jobs.is_empty() {
            let count = self.jobs.len();
            self.answer_backwards(count);
        }
    }

    fn shell(&self) -> &Shell {
        match &self.app.phase {
            Phase::Stall(shell) => shell,
            _ => panic!("not a stall"),
        }
    }

    fn cart(&self) -> Vec<(String, String)> {
        self.shell()
            .kasir
            .cart
            .iter()
            .map(|line| (line.product.sku.clone(), line.quantity.clone()))
            .collect()
    }
}

/// An EAN-13 of GS1 Indonesia's prefix with its check digit.
fn ean13(serial: u32) -> String {
    let body = format!("899{serial:09}");
    let sum: u32 = body
        .chars()
        .enumerate()
        .map(|(at, c)| c.to_digit(10).unwrap() * if at % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// A stall with `count` products, each with its own barcode and stock.
fn stall_with_barcodes(count: u32) -> (tempfile::TempDir, Store, Vec<String>) {
    let (dir, mut store) = new_stall();
    let mut codes = Vec::new();
    for n in 1..=count {
        let sku = format!("SKU-{n:02}");
        let code = ean13(4_000 + n * 37);
        store
            .add_product(
                &NewProduct {
                    barcode: Some(code.clone()),
                    ..product(&sku, 1_000 * i64::from(n), Unit::Pack)
                },
                NOW,
            )
            .unwrap();
        store
            .receive_stock(&sku, qty("10"), None, None, NOW)
            .unwrap();
        codes.push(code);
    }
    (dir, store, codes)
}

#[test]
fn twenty_scans_with_no_time_between_them_land_in_the_cart_in_order() {
    let (_dir, store, codes) = stall_with_barcodes(20);
    let mut till = Till::on(store);
    // Scans come in batches of one to four (a batch is what reaches the
    // window between two frames); between batches only some of the
    // searches and lookups asked for so far have answered, newest first.
    let mut next = 0;
    for (round, batch) in [1, 3, 2, 4, 1, 2, 3, 4].into_iter().enumerate() {
        let keys: String = codes[next..next + batch]
            .iter()
            .map(|code| format!("{code}\n"))
            .collect();
        next += batch;
        till.scan(&keys);
        till.answer_backwards(round % 3 * 7);
    }
    assert_eq!(next, 20);
    till.answer_all();
    let expected: Vec<(String, String)> = (1..=20)
        .map(|n| (format!("SKU-{n:02}"), "1".to_string()))
        .collect();
    assert_eq!(till.cart(), expected, "every scan, once, in order");
    assert_eq!(till.shell().kasir.query, "", "nothing left in the field");
}

#[test]
fn an_unknown_code_leaves_the_field_clean_for_the_scan_after_it() {
    let (_dir, store, codes) = stall_with_barcodes(2);
    let mut till = Till::on(store);
    let unknown = ean13(777_777);
    till.scan(&format!("{}\n{unknown}\n{}\n", codes[0], codes[1]));
    till.answer_backwards(3);
    till.scan(&format!("{unknown}\n"));
    till.scan(&format!("{}\n", codes[0]));
    till.answer_all();
    assert_eq!(
        till.cart(),
        vec![
            ("SKU-01".to_string(), "2".to_string()),
            ("SKU-02".to_string(), "1".to_string())
        ],
        "the unknown code glued to nothing"
    );
    assert_eq!(till.shell().kasir.query, "");
}
