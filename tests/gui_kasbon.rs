//! Kasbon in the window, as a vendor does it: a sale on kasbon for a
//! customer added on the spot from the payment panel, then the customer
//! paying part of it back on the Pelanggan screen, an expense written from
//! Laporan; the day report shows them all. The Simulator clicks and types
//! into the real views; the jobs run on the real book.

mod common;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::id;
use iced_test::{Simulator, simulator};
use sentra::domain::payment::PaymentMethod;
use sentra::domain::unit::Unit;
use sentra::store::{NewProduct, Store};
use sentra::ui::{Action, App, Message, Phase, Shell};

struct Window {
    app: App,
}

impl Window {
    fn on(store: Store) -> Window {
        let (app, effect) = App::with_store(store).unwrap();
        let mut window = Window { app };
        window.settle(effect);
        window
    }

    fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.settle(effect);
    }

    fn settle(&mut self, effect: Action<Message>) {
        let (jobs, _focus) = effect.into_parts();
        for job in jobs {
            for answer in self.app.book().expect("book open").run_now(job) {
                self.send(answer);
            }
        }
    }

    fn interact(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>)) {
        let messages: Vec<Message> = {
            let mut ui = simulator(self.app.view());
            act(&mut ui);
            ui.into_messages().collect()
        };
        for message in messages {
            self.send(message);
        }
    }

    fn click(&mut self, label: &str) {
        self.interact(|ui| {
            ui.click(label)
                .unwrap_or_else(|e| panic!("click {label:?}: {e:?}"));
        });
    }

    fn type_in(&mut self, field: &'static str, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.tap_key(Key::Named(Named::End));
            ui.typewrite(text);
        });
    }

    fn enter_in(&mut self, field: &'static str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.tap_key(Key::Named(Named::Enter));
        });
    }

    fn shows(&self, text: &str) -> bool {
        let mut ui = simulator(self.app.view());
        ui.find(text).is_ok()
    }

    fn shell(&self) -> &Shell {
        match &self.app.phase {
            Phase::Stall(shell) => shell,
            _ => panic!("not a stall"),
        }
    }

    fn book<T: Send + 'static>(&self, read: impl FnOnce(&mut Store) -> T + Send + 'static) -> T {
        self.app
            .book()
            .expect("book open")
            .run_now(sentra::ui::Job::new(read))
            .pop()
            .unwrap()
    }
}

#[test]
fn a_kasbon_sale_for_a_customer_added_at_the_till_then_a_repayment_in_the_day_report() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(
            &NewProduct {
                name: "Keripik Pisang Coklat 200 g".into(),
                cost: Some(rp(6_500)),
                ..product("KRP-01", 10_000, Unit::Pack)
            },
            NOW,
        )
        .unwrap();
    store
        .receive_stock("KRP-01", qty("50"), None, None, NOW)
        .unwrap();
    let mut window = Window::on(store);

    // Three packs in the cart, then pay: kasbon, for a new customer.
    window.type_in("kasir-search", "KRP-01");
    window.enter_in("kasir-search");
    window.type_in("kasir-search", "2*KRP-01");
    window.enter_in("kasir-search");
    window.click("Bayar");
    window.click("Kasbon");
    assert!(window.shows("+ Pelanggan baru"), "the customer picker");
    window.click("+ Pelanggan baru");
    window.type_in("kasbon-new-name", "Bu Siti");
    window.type_in("kasbon-new-phone", "0812 7788 9900");
    window.type_in("kasbon-new-limit", "100000");
    // Credit from the first sale asks the manager's PIN: refused without
    // it, the PIN field waiting, nobody added.
    window.click("Simpan");
    assert!(window.shows("perlu PIN manajer: batas kasbon Bu Siti naik dari Rp0 ke Rp100.000"));
    assert!(window.book(|s| s.customer("C001").is_err()));
    window.type_in("kasbon-new-pin", PIN);
    window.click("Simpan");
    assert!(
        window.shows("Bu Siti (C001)"),
        "the new customer is the one who takes the kasbon"
    );
    // Nothing typed: kasbon for all that is due.
    window.enter_in("kasir-amount");
    let sale = window
        .shell()
        .kasir
        .last_sale
        .clone()
        .expect("the kasbon sale is recorded");
    assert_eq!(sale.total, rp(30_000));
    assert_eq!(sale.payments.len(), 1);
    assert_eq!(sale.payments[0].method, PaymentMethod::Kasbon);
    assert_eq!(sale.payments[0].customer.as_deref(), Some("C001"));
    let today = window.book(|s| s.business_day(NOW));
    let owed = window.book(move |s| s.customer_balance("C001", today).unwrap());
    assert_eq!((owed.balance, owed.limit), (rp(30_000), rp(100_000)));
    assert_eq!(owed.phone.as_deref(), Some("0812 7788 9900"));

    // On the Pelanggan screen, Bu Siti pays Rp20.000 in cash.
    window.click("Pelanggan");
    assert!(window.shows("Rp30.000"), "what she owes, in the list");
    window.click("Bu Siti");
    window.type_in("pelanggan-amount", "20000");
    window.enter_in("pelanggan-amount");
    // Her kuitansi is kept with the statements, the amount in words.
    let folder = window.book(|s| s.dir().join("rekening"));
    let (kuitansi, words) = kuitansi_in(&folder, "kuitansi-C001-");
    assert!(
        window.shows(&format!(
            "Bayar kasbon Bu Siti Rp20.000 (Tunai) tercatat. Sisa kasbon Rp10.000. Kuitansi: {}",
            kuitansi.display()
        )),
        "the repayment is confirmed"
    );
    let owed = window.book(move |s| s.customer_balance("C001", today).unwrap());
    assert_eq!(owed.balance, rp(10_000));
    assert!(
        words.contains("dua puluh ribu rupiah")
            && words.contains("Sisa kasbon / Still owed Rp10.000"),
        "{words}"
    );

    // From Laporan, a plastic-bag expense paid out of the drawer.
    window.click("Laporan");
    window.click("+ Pengeluaran");
    window.click("Kemasan");
    window.type_in("expense-amount", "5000");
    window.type_in("expense-note", "kantong plastik");
    window.click("Dibayar dari uang di laci");
    window.enter_in("expense-amount");

    // The day report shows the kasbon sale, the repayment and the expense,
    // and the drawer expects the cash repayment less the expense.
    let report = window.shell().laporan.report.clone().expect("a report");
    let kasbon = report
        .payments
        .iter()
        .find(|m| m.method == PaymentMethod::Kasbon)
        .expect("kasbon in the payment split");
    assert_eq!(kasbon.amount, rp(30_000));
    assert_eq!(report.repayments.len(), 1);
    assert_eq!(report.repayments[0].amount, rp(20_000));
    assert_eq!(report.expenses.len(), 1);
    assert_eq!(report.cash.expected, rp(20_000 - 5_000));
    assert_eq!(report.profit.gross_profit, rp(30_000 - 3 * 6_500));
    assert!(
        window.shows("Bu Siti (C001) · Tunai"),
        "the repayment listed"
    );
    assert!(window.shows("Kemasan · dari laci — kantong plastik"));
    assert!(window.shows("Bayar kasbon tunai"));
    assert!(window.shows("Pengeluaran dari laci"));
}
