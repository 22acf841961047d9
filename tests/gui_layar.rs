//! The layar pelanggan follows the till, state by state, as the buyer sees
//! it: idle (the stall and its line), the lines as they are scanned and the
//! total, the amount due with the QRIS carrying it, then the change and
//! thanks. Driven by the keys of the real till; the buyer's view is the
//! real one, read through iced_test's Simulator.

mod common;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::keyboard::key::Named;
use sentra::domain::unit::Unit;
use sentra::store::Store;
use sentra::ui::layar::{Moment, moment};
use window::Window;

const STATIC: &str = "00020101021151440014ID.CO.QRIS.WWW0215ID10200000000010303UMI\
    5204581253033605802ID5911TAPIS INDAH6014BANDAR LAMPUNG";

fn stall() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    let mut keripik = product("KRP-01", 12_500, Unit::Pcs);
    keripik.name = "Keripik Pisang Coklat".into();
    store.add_product(&keripik, NOW).unwrap();
    store
        .receive_stock("KRP-01", qty("50"), None, None, NOW)
        .unwrap();
    let tier = sentra::domain::price_tier::PriceTier {
        from: qty("12"),
        price: rp(9_000),
    };
    store.set_price_tiers("KRP-01", &[tier], NOW).unwrap();
    let payload = sentra::domain::qris::with_crc(STATIC);
    store.set_setting("qris_payload", &payload).unwrap();
    store.set_setting("qris_amount", "on").unwrap();
    store
        .set_setting("customer_line", "Keripik asli Lampung")
        .unwrap();
    (dir, store)
}

fn open(store: Store) -> Window {
    let mut window = Window::on(store);
    if window.focus_is("opening-float") {
        window.type_keys("100000");
        window.press_key(Named::Enter);
    }
    window
}

fn shows(window: &Window, part: &str) -> bool {
    window.customer_texts().iter().any(|t| t.contains(part))
}

#[test]
fn idle_it_shows_the_stall_and_its_line() {
    let (_dir, store) = stall();
    let window = open(store);
    assert_eq!(moment(window.till()), Moment::Idle);
    let texts = window.customer_texts();
    for part in ["Selamat datang", "Tapis Indah", "Keripik asli Lampung"] {
        assert!(shows(&window, part), "{part}: {texts:?}");
    }
}

#[test]
fn it_shows_each_line_as_scanned_and_the_total() {
    let (_dir, store) = stall();
    let mut window = open(store);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    assert_eq!(moment(window.till()), Moment::Cart);
    assert!(
        shows(&window, "Keripik Pisang Coklat"),
        "{:?}",
        window.customer_texts()
    );
    assert!(shows(&window, "1 pcs × Rp12.500"));
    assert!(shows(&window, "TOTAL"));
    // Twelve: the harga grosir, said so, and the total follows.
    window.type_keys("11*KRP-01");
    window.press_key(Named::Enter);
    let texts = window.customer_texts();
    assert!(
        shows(&window, "12 pcs × Rp9.000 · harga grosir"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Rp108.000"), "{texts:?}");
}

#[test]
fn at_payment_by_qris_it_shows_the_amount_due_and_the_code_carrying_it() {
    let (_dir, store) = stall();
    let mut window = open(store);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.press_key(Named::F2);
    window.press_key(Named::F10);
    assert_eq!(moment(window.till()), Moment::Paying);
    let texts = window.customer_texts();
    assert!(shows(&window, "Silakan bayar"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Rp25.000"), "{texts:?}");
    assert!(shows(&window, "Pindai QRIS"), "{texts:?}");
    assert!(shows(&window, "QRIS · Rp25.000"), "{texts:?}");
    // The code drawn is the till's: tag 54 is the amount due.
    let shown = window.till().qris.shown().unwrap();
    let amount = sentra::domain::qris::fields(&shown.payload)
        .unwrap()
        .into_iter()
        .find(|(tag, _)| *tag == "54")
        .map(|(_, value)| value.to_string());
    assert_eq!(amount.as_deref(), Some("25000"));
}

#[test]
fn after_the_sale_it_shows_the_change_and_thanks() {
    let (_dir, store) = stall();
    let mut window = open(store);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.press_key(Named::F2);
    window.type_keys("20000");
    window.press_key(Named::Enter);
    assert!(window.till().last_sale.is_some(), "{:?}", window.texts());
    assert_eq!(moment(window.till()), Moment::Done);
    let texts = window.customer_texts();
    for part in ["Terima kasih", "Kembalian", "Rp7.500", "TOTAL Rp12.500"] {
        assert!(shows(&window, part), "{part}: {texts:?}");
    }
    // The next scan starts the next buyer's lines.
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    assert_eq!(moment(window.till()), Moment::Cart);
    // Taken off again: the last buyer's thanks are over, the layar is idle.
    window.press_key(Named::Delete);
    assert!(window.till().cart.is_empty());
    assert_eq!(moment(window.till()), Moment::Idle);
    assert!(
        shows(&window, "Keripik asli Lampung"),
        "{:?}",
        window.customer_texts()
    );
}

#[test]
fn a_long_cart_shows_its_latest_lines_and_a_split_payment_says_what_is_paid() {
    let (_dir, mut store) = stall();
    for n in 1..=9 {
        let item = product(&format!("BRG-{n}"), 1_000 * n, Unit::Pcs);
        store.add_product(&item, NOW).unwrap();
        store
            .receive_stock(&item.sku, qty("5"), None, None, NOW)
            .unwrap();
    }
    let mut window = open(store);
    for n in 1..=9 {
        window.type_keys(&format!("BRG-{n}"));
        window.press_key(Named::Enter);
    }
    let texts = window.customer_texts();
    // The newest line is on the buyer's screen; the first ones are counted.
    assert!(texts.iter().any(|t| t == "Rp9.000"), "{texts:?}");
    assert!(shows(&window, "dan 3 barang sebelumnya"), "{texts:?}");
    // Rp5.000 paid by QRIS of Rp45.000: said beside what is left.
    window.press_key(Named::F2);
    window.press_key(Named::F10);
    window.type_keys("5000");
    window.press_key(Named::F3);
    let texts = window.customer_texts();
    assert!(texts.iter().any(|t| t == "Rp40.000"), "{texts:?}");
    assert!(shows(&window, "Sudah dibayar Rp5.000"), "{texts:?}");
}

#[test]
fn the_setting_decides_once_changed_even_when_the_flag_opened_it() {
    use sentra::ui::{Message, pengaturan};
    let (_dir, store) = stall();
    let mut window = open(store);
    window.app.windows.asked = true;
    let set = |on| {
        Message::Pengaturan(pengaturan::Message::Set(
            pengaturan::Setting::CustomerDisplay(on),
        ))
    };
    window.send(set(true));
    assert!(!window.app.windows.asked, "the setting decides now");
    window.send(set(false));
    assert!(!window.app.windows.asked);
    assert!(!window.app.windows.dismissed);
}

#[test]
fn the_layar_pelanggan_never_takes_the_keyboard_from_the_till() {
    let (_dir, store) = stall();
    let mut window = open(store);
    // Nothing on the buyer's screen can take the focus, in any state.
    assert_eq!(window.customer_focusables(), 0);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    assert_eq!(window.customer_focusables(), 0);
    window.press_key(Named::F2);
    window.press_key(Named::F10);
    assert_eq!(window.customer_focusables(), 0);
    // And the till keeps its own: the amount field has it.
    assert!(window.focus_is(sentra::ui::kasir::AMOUNT));
}
