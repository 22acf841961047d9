//! The payment panel's QRIS by the keyboard: with `qris_amount` on, the code
//! carries what is being paid by QRIS (what is left, or the amount typed),
//! and says so; off, the static code as before.

mod common;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::keyboard::key::Named;
use sentra::domain::unit::Unit;
use sentra::store::Store;
use window::Window;

/// A static QRIS as issuers print them, without its CRC (made by the
/// program: tests/qris.rs checks the CRC by one written there).
const STATIC: &str = "00020101021151440014ID.CO.QRIS.WWW0215ID10200000000010303UMI\
    5204581253033605802ID5911TAPIS INDAH6014BANDAR LAMPUNG";

fn stall(with_amount: bool) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 12_500, Unit::Pcs), NOW)
        .unwrap();
    store
        .receive_stock("KRP-01", qty("20"), None, None, NOW)
        .unwrap();
    let payload = sentra::domain::qris::with_crc(STATIC);
    store.set_setting("qris_payload", &payload).unwrap();
    let on = if with_amount { "on" } else { "off" };
    store.set_setting("qris_amount", on).unwrap();
    (dir, store)
}

/// The amount (tag 54) of the code on screen, if it carries one.
fn shown_amount(window: &Window) -> Option<String> {
    let shown = window.till().qris.shown().expect("a QRIS on screen");
    sentra::domain::qris::fields(&shown.payload)
        .unwrap()
        .into_iter()
        .find(|(tag, _)| *tag == "54")
        .map(|(_, value)| value.to_string())
}

fn to_payment_by_qris(window: &mut Window) {
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.press_key(Named::F2);
    window.press_key(Named::F10);
}

#[test]
fn the_qris_carries_what_is_paid_by_it() {
    let (_dir, store) = stall(true);
    let mut window = Window::on(store);
    if window.focus_is("opening-float") {
        window.type_keys("100000");
        window.press_key(Named::Enter);
    }
    to_payment_by_qris(&mut window);
    assert_eq!(shown_amount(&window).as_deref(), Some("25000"));
    assert!(
        window.shows_part("QRIS berisi Rp25.000"),
        "{:?}",
        window.texts()
    );
    // More than is due (a digit too many): no code carries it.
    window.type_keys("250000");
    assert_eq!(shown_amount(&window), None);
    for _ in 0.."250000".len() {
        window.press_key(Named::Backspace);
    }
    // Part by QRIS: the code follows the amount typed.
    window.type_keys("10000");
    assert_eq!(shown_amount(&window).as_deref(), Some("10000"));
    assert!(window.shows_part("QRIS berisi Rp10.000"));
    window.press_key(Named::Enter);
    let sale = window.till().last_sale.clone();
    assert!(sale.is_none(), "Rp10.000 of Rp25.000 is not the whole sale");
}

#[test]
fn without_the_setting_the_static_code_is_shown() {
    let (_dir, store) = stall(false);
    let mut window = Window::on(store);
    if window.focus_is("opening-float") {
        window.type_keys("100000");
        window.press_key(Named::Enter);
    }
    to_payment_by_qris(&mut window);
    assert_eq!(shown_amount(&window), None);
    assert!(!window.shows_part("QRIS berisi"));
}

/// Issue 23's fresh-eyes trial: anyone at the till could point the QRIS at
/// their own account. In Pengaturan a new code is refused without the
/// manager PIN (typed in the PIN card's first field) and saved with it.
#[test]
fn pengaturan_changes_the_qris_code_only_with_the_pin() {
    use sentra::ui::{Message, pengaturan};
    let (_dir, store) = stall(true);
    let mut window = Window::on(store);
    window.send(Message::SwitchTab(sentra::ui::Tab::Pengaturan));
    let other = sentra::domain::qris::with_crc(
        "00020101021151440014ID.CO.QRIS.WWW0215ID10200000000010303UMI\
         5204581253033605802ID5914HELPER PRIBADI6014BANDAR LAMPUNG",
    );
    let set = || {
        Message::Pengaturan(pengaturan::Message::Set(pengaturan::Setting::Qris(
            String::new(),
        )))
    };
    window.send(Message::Pengaturan(pengaturan::Message::QrisChanged(
        other.clone(),
    )));
    window.send(set());
    assert!(
        window.shows_part("perlu PIN manajer: pengaturan kode QRIS diubah dari TAPIS INDAH"),
        "{:?}",
        window.texts()
    );
    window.send(Message::Pengaturan(pengaturan::Message::OldPinChanged(
        PIN.into(),
    )));
    window.send(set());
    assert!(window.shows_part("Tersimpan"), "{:?}", window.texts());
    let sentra::ui::Phase::Stall(shell) = &window.app.phase else {
        panic!("not a stall")
    };
    assert_eq!(
        shell.pengaturan.settings.qris_payload.as_deref(),
        Some(other.as_str())
    );
    // The PIN does not stay in its field.
    assert!(shell.pengaturan.old_pin.is_empty());
}
