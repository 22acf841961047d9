//! The Penitip screen, driven as a vendor drives it: iced_test's Simulator
//! clicks and types into the real view, the messages go through the real
//! `update`, and the jobs run on the real book. Goods come in under a
//! handover note picked by keyboard, its PDF is written, and a payout is
//! refused with a wrong PIN and taken with the right one.

mod common;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced::widget::Id;
use iced_test::selector::{Candidate, id};
use iced_test::simulator;
use sentra::domain::consign::Terms;
use sentra::domain::unit::Unit;
use sentra::store::{HandoverItem, NewProducer, Store};
use sentra::ui::penitip;
use sentra::ui::{Message, Tab};

#[path = "common/window.rs"]
mod window;

use window::Window;

impl Window {
    fn typing(&mut self, text: &str) {
        assert!(
            self.focused.is_some(),
            "typing {text:?} with no field focused"
        );
        self.interact(|ui| ui.typewrite(text));
    }

    fn enter(&mut self) {
        self.interact(|ui| ui.tap_key(Key::Named(Named::Enter)));
    }

    fn type_in(&mut self, field: &'static str, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.typewrite(text);
        });
    }

    fn has_focus(&self, field: &'static str) -> bool {
        self.focused == Some(Id::from(field))
    }

    /// Whether some text on screen holds `words`.
    fn shows(&self, words: &str) -> bool {
        let words = words.to_string();
        let mut ui = simulator(self.app.view());
        ui.find(move |candidate: Candidate<'_>| -> Option<()> {
            match candidate {
                Candidate::Text { content, .. } if content.contains(&words) => Some(()),
                _ => None,
            }
        })
        .is_ok()
    }

    fn screen(&self) -> &penitip::Penitip {
        match &self.app.phase {
            sentra::ui::Phase::Stall(shell) => &shell.penitip,
            _ => panic!("not a stall"),
        }
    }

    fn store<T>(&self, read: impl FnOnce(&Store) -> T + Send + 'static) -> T
    where
        T: Send + 'static,
    {
        let (sender, receiver) = std::sync::mpsc::channel();
        let job = sentra::ui::Job::new(move |store: &mut Store| {
            sender.send(read(store)).unwrap();
        });
        for _ in self.app.book().unwrap().run_now(job) {}
        receiver.recv().unwrap()
    }
}

fn stall() -> (tempfile::TempDir, Store) {
    // The window reads the clock through SENTRA_NOW, as the program does;
    // every test here sets the same value.
    unsafe { std::env::set_var("SENTRA_NOW", NOW_TEXT) };
    let (dir, mut store) = new_stall();
    store
        .add_producer(
            &NewProducer {
                code: "P001".into(),
                name: "Ibu Sari".into(),
                regency: 1806,
                nib: Some("1234567890123".into()),
                ..NewProducer::default()
            },
            NOW,
        )
        .unwrap();
    let mut keripik = product("KRP-LU", 12_000, Unit::Pack);
    keripik.name = "Keripik Pisang Lampung Utara".into();
    store
        .add_consigned_product(&keripik, "P001", Terms::ConsignPrice(rp(9_000)), NOW)
        .unwrap();
    store
        .consign_receive(
            "P001",
            &[HandoverItem {
                sku: "KRP-LU".into(),
                quantity: qty("10"),
            }],
            None,
            NOW,
        )
        .unwrap();
    store
        .complete_sale(&cash_sale("KRP-LU", "4", 48_000), NOW)
        .unwrap();
    (dir, store)
}

#[test]
fn goods_in_by_keyboard_then_a_payout_with_the_pin() {
    let (dir, store) = stall();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Penitip));
    assert!(window.has_focus(penitip::SEARCH));
    assert_eq!(window.screen().list.len(), 1);
    assert!(window.shows("Rp36.000"), "the balance in the list");

    window.click("P001 · Ibu Sari");
    let shown = window.screen().selected.clone().expect("shown");
    assert_eq!(shown.balance, rp(36_000));
    assert!(window.shows("Laporan titip jual"));

    // Terima titipan: the picker has the focus; a name and Enter put the
    // item on the note and its quantity takes the focus; Enter goes back.
    window.click("Terima titipan");
    assert!(window.has_focus(penitip::PICK));
    window.typing("lampung");
    window.enter();
    assert!(window.has_focus(penitip::QUANTITY[0]));
    window.typing("12");
    window.enter();
    assert!(window.has_focus(penitip::PICK));
    window.type_in(penitip::NOTE, "panen baru");
    window.enter();
    let (notes, stock) = window.store(|store| {
        (
            store.handover_notes("P001").unwrap(),
            store.find_product("KRP-LU").unwrap().stock,
        )
    });
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0].0, "ST07-TT-20261127-02");
    assert_eq!(stock, qty("18"));
    let pdf = dir.path().join("titipan").join("ST07-TT-20261127-02.pdf");
    assert!(pdf.exists(), "the note's PDF is written");
    assert!(window.shows("ST07-TT-20261127-02"));

    // Bayar penitip: a wrong PIN pays nothing, the right one pays.
    window.type_in(penitip::AMOUNT, "20000");
    window.type_in(penitip::PIN, "9999");
    window.enter();
    assert!(window.shows("PIN salah"), "the refusal is on screen");
    assert_eq!(
        window.store(|store| store.producer_balance("P001").unwrap()),
        rp(36_000)
    );
    window.type_in(penitip::PIN, PIN);
    window.click("Bayar");
    assert_eq!(
        window.store(|store| store.producer_balance("P001").unwrap()),
        rp(16_000)
    );
    assert!(window.shows("Ibu Sari dibayar Rp20.000"));
    // The kuitansi for Ibu Sari to sign, the amount in words.
    let folder = window.store(|store| store.dir().join("titipan"));
    let (_, words) = kuitansi_in(&folder, "kuitansi-P001-");
    assert!(
        words.contains("dua puluh ribu rupiah") && words.contains("Penitip / Producer"),
        "{words}"
    );
    assert_eq!(
        window.screen().selected.as_ref().unwrap().balance,
        rp(16_000)
    );
    let drawer = window.store(|store| store.day_report(NOW.date()).unwrap().cash.expected);
    assert_eq!(drawer, rp(48_000 - 20_000));
}

#[test]
fn a_handover_line_is_taken_off_and_the_note_saved_by_keys_alone() {
    let (_dir, mut store) = stall();
    let mut kopi = product("KPI-LU", 30_000, Unit::Pack);
    kopi.name = "Kopi Robusta Liwa".into();
    store
        .add_consigned_product(&kopi, "P001", Terms::ConsignPrice(rp(25_000)), NOW)
        .unwrap();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Penitip));
    // F5 on the producer the arrows are on, not shown yet: shown, and the
    // note opens.
    assert!(window.screen().selected.is_none());
    window.press_key(Named::F5);
    assert!(matches!(window.screen().panel, penitip::Panel::Handover(_)));
    assert!(window.has_focus(penitip::PICK));
    // Enter with nothing picked yet saves nothing.
    window.enter();
    assert!(window.has_focus(penitip::PICK));
    window.typing("keripik");
    window.enter();
    window.typing("5");
    window.enter();
    // The empty picker lists both goods; an arrow moves to the kopi and
    // Enter takes it (without the arrow, Enter here would save the note).
    window.press_key(Named::ArrowDown);
    window.enter();
    window.typing("3");
    window.enter();
    // The keripik was a mistake: its quantity 0 and Enter takes it off.
    window.interact(|ui| {
        ui.click(id(penitip::QUANTITY[0])).unwrap();
        ui.tap_key(Key::Named(Named::End));
        ui.tap_key(Key::Named(Named::Backspace));
        ui.typewrite("0");
    });
    window.enter();
    match &window.screen().panel {
        penitip::Panel::Handover(form) => {
            assert_eq!(form.lines.len(), 1, "{:?}", form.lines);
            assert_eq!(form.lines[0].0, "KPI-LU");
        }
        _ => panic!("the note is still open"),
    }
    assert!(window.has_focus(penitip::PICK));
    // Enter in the empty picker saves the note.
    window.enter();
    let stock = window.store(|store| store.find_product("KPI-LU").unwrap().stock);
    assert_eq!(stock, qty("3"));
    let keripik = window.store(|store| store.find_product("KRP-LU").unwrap().stock);
    assert_eq!(keripik, qty("6"), "the line taken off moved nothing");
}

#[test]
fn a_new_producer_from_the_form_and_a_refusal_said_in_english() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Penitip));
    window.click("+ Penitip baru");
    assert!(window.has_focus(penitip::FORM_NAME));
    window.typing("Pak Made");
    window.send(Message::Penitip(penitip::Message::FormRegency(
        sentra::domain::regency::Regency::by_code(1802).unwrap(),
    )));
    window.type_in(penitip::FORM_NIB, "123");
    window.click("Simpan");
    assert!(window.shows("NIB harus 13 angka"));
    assert_eq!(window.store(|store| store.producers().unwrap().len()), 1);
    window.app.lang = sentra::ui::i18n::Lang::En;
    assert!(window.shows("a NIB is 13 digits: \"123\""));
    window.app.lang = sentra::ui::i18n::Lang::Id;
    window.type_in(penitip::FORM_NIB, "4567890123");
    window.click("Simpan");
    let producers = window.store(|store| store.producers().unwrap());
    assert_eq!(producers.len(), 2);
    assert_eq!(producers[1].code, "P002");
    assert_eq!(producers[1].nib.as_deref(), Some("1234567890123"));
    assert!(window.shows("Penitip Pak Made (P002) disimpan."));
}

#[test]
fn a_consigned_product_is_added_in_stok_and_can_be_taken_in() {
    use sentra::ui::stok::{self, Field};
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(Tab::Stok));
    window.press_key(Named::F3);
    let fill = |window: &mut Window, field: Field, value: &str| {
        window.send(Message::Stok(stok::Message::FormChanged(
            field,
            value.into(),
        )));
    };
    fill(&mut window, Field::Sku, "KPI-LB");
    fill(&mut window, Field::Name, "Kopi Liwa Bubuk 250 g");
    fill(&mut window, Field::Price, "40000");
    fill(&mut window, Field::Producer, "P001");
    // A producer with no terms is refused at the terms' field.
    window.send(Message::Stok(stok::Message::SaveProduct));
    let errors = |window: &Window| match &window.app.phase {
        sentra::ui::Phase::Stall(shell) => shell
            .stok
            .form
            .as_ref()
            .map(|f| f.errors.iter().map(|e| e.field).collect::<Vec<_>>())
            .unwrap_or_default(),
        _ => unreachable!(),
    };
    assert_eq!(errors(&window), vec![Some(Field::Terms)]);
    // A producer the stall does not know is refused at its field.
    fill(&mut window, Field::Terms, "30000");
    fill(&mut window, Field::Producer, "P404");
    window.send(Message::Stok(stok::Message::SaveProduct));
    assert_eq!(errors(&window), vec![Some(Field::Producer)]);
    fill(&mut window, Field::Producer, "p001");
    window.send(Message::Stok(stok::Message::SaveProduct));
    assert!(errors(&window).is_empty());
    let theirs = window.store(|store| {
        store
            .producer_products("P001")
            .unwrap()
            .into_iter()
            .map(|p| p.sku)
            .collect::<Vec<_>>()
    });
    assert!(theirs.contains(&"KPI-LB".to_string()), "{theirs:?}");
}
