//! The manager's desk in Kantor, driven as a manager drives it: iced_test's
//! Simulator types and clicks into the real view, the messages go through
//! the real `update`, and the jobs run on the real book. Files are imported,
//! a tanda terima is printed for one of them, and a struk is verified by the
//! text its QR code holds (as a scanner would type it).

mod common;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::{Candidate, id};
use iced_test::simulator;
use sentra::domain::unit::Unit;
use sentra::store::Store;
use sentra::ui::Phase;

#[path = "common/window.rs"]
mod window;

use window::Window;

impl Window {
    fn type_in(&mut self, field: &'static str, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.typewrite(text);
        });
    }

    fn enter(&mut self) {
        self.interact(|ui| ui.tap_key(Key::Named(Named::Enter)));
    }

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

    fn kantor(&self) -> &sentra::ui::kantor::Kantor {
        match &self.app.phase {
            Phase::Office(kantor) => kantor,
            _ => panic!("not on the office's screen"),
        }
    }
}

#[test]
fn the_manager_imports_prints_a_tanda_terima_and_verifies_a_struk() {
    let now = sentra::clock::now().unwrap();
    // A stall sells, prints a struk, and exports to the "USB stick".
    let (stall_dir, mut stall) = new_stall();
    stall
        .add_product(&product("KRP-01", 10_000, Unit::Pack), now)
        .unwrap();
    let sale = stall
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), now)
        .unwrap();
    let qr = sentra::print::receipt::qr_payload(&sale, &stall.struk_key().unwrap().0);
    let usb = tempfile::tempdir().unwrap();
    sentra::sync::export::export(&mut stall, usb.path(), None, now).unwrap();
    drop(stall_dir);

    let office_dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(office_dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, now)
        .unwrap();
    let mut window = Window::on(office);

    window.type_in("import-path", usb.path().to_str().unwrap());
    window.enter();
    assert!(window.shows("1 baru"), "the file was imported");

    // The vendor's tanda terima, from the file's row.
    window.click("Tanda terima");
    let written = match &window.kantor().desk.written {
        Some(Ok(path)) => std::path::PathBuf::from(path),
        other => panic!("no tanda terima written: {other:?}"),
    };
    assert!(written.starts_with(office_dir.path().join("tanda-terima")));
    let text = pdf_extract::extract_text(&written).unwrap();
    assert!(text.contains("ST07") && text.contains("Rp20.000"), "{text}");

    // A struk verified by its QR text, typed as a scanner types it.
    window.type_in(sentra::ui::kantor::meja::VERIFY, &qr);
    window.enter();
    assert!(
        window.shows(&format!("SAH: struk {}", sale.receipt)),
        "the struk is found"
    );
    assert!(window.shows("Rp20.000"));
    // An altered check value is caught.
    let (number, check) = qr.split_once('#').unwrap();
    let last = if check.ends_with('0') { '1' } else { '0' };
    let altered = format!("{number}#{}{last}", &check[..check.len() - 1]);
    window.type_in(sentra::ui::kantor::meja::VERIFY, &altered);
    window.enter();
    assert!(window.shows("PALSU"), "a forged struk is named so");
}

#[test]
fn a_clock_set_back_is_accepted_in_pengaturan_with_the_pin() {
    let now = sentra::clock::now().unwrap();
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), now)
        .unwrap();
    // The book's latest record is an hour ahead of this PC's clock.
    store
        .complete_sale(
            &cash_sale("KRP-01", "1", 10_000),
            now + time::Duration::hours(1),
        )
        .unwrap();
    assert!(matches!(
        store.complete_sale(&cash_sale("KRP-01", "1", 10_000), now),
        Err(sentra::store::StoreError::ClockBehind { .. })
    ));
    let mut window = Window::on(store);
    window.click("Pengaturan");
    window.type_in("old-pin", "9999");
    window.click("Terima jam komputer (PIN lama)");
    assert!(window.shows("PIN salah"), "a wrong PIN is refused");
    window.type_in("old-pin", PIN);
    window.click("Terima jam komputer (PIN lama)");
    assert!(window.shows("Jam komputer diterima dan dicatat"));
    let sold = window.app.book().unwrap().with(|s| {
        let later = sentra::clock::now().unwrap();
        s.complete_sale(&cash_sale("KRP-01", "1", 10_000), later)
    });
    let sold = sold.is_ok();
    assert!(sold, "the till sells again");
    let kinds = window.app.book().unwrap().with(|s| {
        let day = s.business_day(sentra::clock::now().unwrap()).to_string();
        s.events_on(&day)
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect::<Vec<_>>()
    });
    assert_eq!(kinds, ["pin_wrong", "clock_accepted"]);
}
