//! Kasir by the keyboard alone: the cart's lines (↑/↓, Delete, +/-), a
//! kasbon customer picked by typing, a wrong PIN typed again where it was,
//! and a scan on a closed day. No click: keys go to the focused field and
//! then to the window's keys.

mod common;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::keyboard::key::Named;
use sentra::domain::unit::Unit;
use sentra::store::{NewCustomer, NewProduct, Store};
use window::Window;

const ITEMS: [(&str, &str, &str); 3] = [
    ("KRP-01", "Keripik Pisang", "8994505000011"),
    ("KPI-01", "Kopi Robusta 250 g", "8994505000028"),
    ("TPS-01", "Dompet Tapis", "8994505000035"),
];

fn stall() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    for (n, (sku, name, code)) in ITEMS.iter().enumerate() {
        let item = NewProduct {
            name: name.to_string(),
            barcode: Some(code.to_string()),
            ..product(sku, 10_000 * (n as i64 + 1), Unit::Pcs)
        };
        store.add_product(&item, NOW).unwrap();
        store
            .receive_stock(sku, qty("20"), None, None, NOW)
            .unwrap();
    }
    (dir, store)
}

fn scan(window: &mut Window, code: &str) {
    window.type_keys(code);
    window.press_key(Named::Enter);
}

fn lines(window: &Window) -> Vec<(String, String)> {
    window
        .till()
        .cart
        .iter()
        .map(|item| (item.product.sku.clone(), item.quantity.clone()))
        .collect()
}

fn line(sku: &str, quantity: &str) -> (String, String) {
    (sku.to_string(), quantity.to_string())
}

#[test]
fn cart_lines_are_walked_changed_and_removed_by_keys() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    // A fresh day starts in kas awal; the first scan goes on to the search.
    assert!(window.focus_is("opening-float"));
    for (_, _, code) in ITEMS {
        scan(&mut window, code);
    }
    assert_eq!(
        window.till().cart_cursor,
        2,
        "the last added is highlighted"
    );
    window.press_key(Named::ArrowUp);
    assert_eq!(window.till().cart_cursor, 1);
    window.type_keys("+");
    window.type_keys("+");
    assert_eq!(
        lines(&window),
        vec![
            line("KRP-01", "1"),
            line("KPI-01", "3"),
            line("TPS-01", "1")
        ]
    );
    assert!(
        window.till().search.query.is_empty(),
        "the sign is a key, not a search"
    );
    window.type_keys("-");
    assert_eq!(lines(&window)[1], line("KPI-01", "2"));
    window.type_keys("-");
    window.type_keys("-");
    assert_eq!(lines(&window)[1], line("KPI-01", "1"), "never below one");
    window.press_key(Named::Delete);
    assert_eq!(
        lines(&window),
        vec![line("KRP-01", "1"), line("TPS-01", "1")]
    );
    window.press_key(Named::ArrowDown);
    window.press_key(Named::Delete);
    assert_eq!(lines(&window), vec![line("KRP-01", "1")]);
    // A scan after the keys lands as ever.
    scan(&mut window, ITEMS[2].2);
    assert_eq!(
        lines(&window),
        vec![line("KRP-01", "1"), line("TPS-01", "1")]
    );
    assert!(window.focus_is("kasir-search"));
}

#[test]
fn a_quantity_typed_as_n_star_reaches_the_highlighted_line_and_it_shows() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    for (_, _, code) in ITEMS {
        scan(&mut window, code);
    }
    window.press_key(Named::ArrowUp);
    window.press_key(Named::ArrowUp);
    assert_eq!(window.till().cart_cursor, 0);
    // The list was asked to show the line the keys now act on.
    assert_eq!(window.revealed.last(), Some(&("kasir-cart-lines", 0, 3)));
    window.type_keys("12*");
    window.press_key(Named::Enter);
    assert_eq!(
        lines(&window),
        vec![
            line("KRP-01", "12"),
            line("KPI-01", "1"),
            line("TPS-01", "1")
        ]
    );
    assert!(window.till().search.query.is_empty());
    // A quantity the unit cannot take is refused; the line keeps its 12.
    window.type_keys("0,5*");
    window.press_key(Named::Enter);
    assert_eq!(lines(&window)[0], line("KRP-01", "12"));
    assert!(window.shows_part("Keripik Pisang"), "{:?}", window.texts());
    // The keys are written under the cart.
    assert!(window.shows_part("5* Enter: jumlah 5"));
    // A scan after it lands as ever, highlighted and shown.
    window.revealed.clear();
    scan(&mut window, ITEMS[1].2);
    assert_eq!(lines(&window)[1], line("KPI-01", "2"));
    assert_eq!(window.revealed.last(), Some(&("kasir-cart-lines", 1, 3)));
}

#[test]
fn an_unknown_code_stays_on_screen_after_good_scans_until_esc() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    scan(&mut window, "8990000000017");
    scan(&mut window, ITEMS[1].2);
    scan(&mut window, ITEMS[2].2);
    assert_eq!(window.till().cart.len(), 3);
    assert!(
        window.shows_text("Kode \"8990000000017\" tidak dikenal."),
        "{:?}",
        window.texts()
    );
    scan(&mut window, "123");
    assert!(window.shows_text("2 kode tidak dikenal: \"8990000000017\", \"123\"."));
    // Still there while paying: the money is taken knowing.
    window.press_key(Named::F2);
    assert!(window.focus_is("kasir-amount"));
    assert!(window.shows_part("tidak dikenal"));
    window.press_key(Named::Escape);
    assert!(
        window.shows_part("tidak dikenal"),
        "Esc closed the panel first"
    );
    window.press_key(Named::Escape);
    assert!(!window.shows_part("tidak dikenal"));
    assert_eq!(window.till().cart.len(), 3, "Esc keeps the cart");
}

#[test]
fn a_kasbon_customer_is_picked_by_typing_and_the_sale_goes_through() {
    let (dir, mut store) = stall();
    for (code, name) in [
        ("C001", "Bu Rahma"),
        ("C002", "Pak Rahmat"),
        ("C003", "Sri"),
    ] {
        store
            .add_customer(
                &NewCustomer {
                    code: code.into(),
                    name: name.into(),
                    phone: None,
                    limit: rp(500_000),
                },
                Some(PIN),
                NOW,
            )
            .unwrap();
    }
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    window.press_key(Named::F2);
    window.press_key(Named::F1);
    assert!(
        window.focus_is("kasbon-search"),
        "kasbon moves to the customer search"
    );
    window.type_keys("Rahm");
    window.press_key(Named::ArrowDown);
    window.press_key(Named::Enter);
    let chosen = match &window.till().panel {
        sentra::ui::kasir::Panel::Pay(payment) => payment.kasbon.chosen.clone(),
        _ => panic!("the payment panel is open"),
    };
    let chosen = chosen.expect("a customer chosen by Enter");
    assert_eq!(chosen.code, "C002", "↓ moved to the second Rahm…");
    assert!(window.focus_is("kasir-amount"));
    // An empty amount on kasbon is what remains: Enter completes.
    window.press_key(Named::Enter);
    let sale = window.till().last_sale.clone().expect("the sale completed");
    drop(window);
    let out = sentra_ok(dir.path(), &["customer", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let balance = list
        .as_array()
        .or_else(|| list["customers"].as_array())
        .unwrap()
        .iter()
        .find(|c| c["code"] == "C002")
        .map(|c| c["balance"].as_i64().unwrap());
    assert_eq!(
        balance,
        Some(10_000),
        "{} on kasbon for Pak Rahmat",
        sale.receipt
    );
}

#[test]
fn a_new_kasbon_customer_is_added_from_the_payment_panel_by_keys() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    window.press_key(Named::F2);
    window.press_key(Named::F1);
    assert!(window.focus_is("kasbon-search"));
    window.type_keys("Bu Yanti");
    assert!(window.shows_part("Insert"), "the key is on its button");
    window.press_key(Named::Insert);
    assert!(
        window.focus_is("kasbon-new-name"),
        "the name field takes the keys"
    );
    // Esc leaves the form and keeps the sale's panel.
    window.press_key(Named::Escape);
    assert!(window.focus_is("kasbon-search"));
    assert!(matches!(
        window.till().panel,
        sentra::ui::kasir::Panel::Pay(_)
    ));
    window.press_key(Named::Insert);
    // Tab and the keys right behind it in one burst, as fast hands type
    // them: each key lands in the field Tab moved to.
    window.interact(|ui| {
        ui.tap_key(iced::keyboard::Key::Named(Named::Tab));
        ui.typewrite("0812345678");
        ui.tap_key(iced::keyboard::Key::Named(Named::Tab));
        ui.typewrite("100000");
    });
    match &window.till().panel {
        sentra::ui::kasir::Panel::Pay(payment) => assert_eq!(
            (payment.kasbon.phone.as_str(), payment.kasbon.limit.as_str()),
            ("0812345678", "100000")
        ),
        _ => panic!("the payment panel is open"),
    }
    // Credit asks the manager's PIN: its field is there, and Enter without
    // it is refused into it; a wrong one is typed again there.
    assert!(window.shows_part("[PIN]"), "{:?}", window.texts());
    window.press_key(Named::Enter);
    assert!(window.focus_is("kasbon-new-pin"), "{:?}", window.texts());
    assert!(
        window.shows_part("perlu PIN manajer"),
        "{:?}",
        window.texts()
    );
    let wrong = if PIN == "0000" { "1111" } else { "0000" };
    window.type_keys(wrong);
    window.press_key(Named::Enter);
    assert!(window.focus_is("kasbon-new-pin"), "{:?}", window.texts());
    assert!(window.shows_part("PIN salah"), "{:?}", window.texts());
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    let chosen = match &window.till().panel {
        sentra::ui::kasir::Panel::Pay(payment) => payment.kasbon.chosen.clone(),
        _ => panic!("the payment panel is open"),
    };
    let chosen = chosen.expect("the new customer is chosen");
    assert_eq!(chosen.name, "Bu Yanti", "the name typed in the search");
    assert_eq!(chosen.limit, rp(100_000));
    assert!(window.focus_is("kasir-amount"));
    // F1 again: another customer (the search keeps "Bu Yanti"); a name
    // that finds nobody says so.
    window.press_key(Named::F1);
    assert!(window.focus_is("kasbon-search"));
    window.type_keys("zzz");
    window.press_key(Named::Enter);
    assert!(
        window.shows_part("Belum ada pelanggan terpilih"),
        "{:?}",
        window.texts()
    );
    window.interact(|ui| {
        for _ in 0..3 {
            ui.tap_key(iced::keyboard::Key::Named(Named::Backspace));
        }
    });
    window.press_key(Named::Enter);
    assert!(window.focus_is("kasir-amount"), "{:?}", window.texts());
    window.press_key(Named::Enter);
    assert!(
        window.till().last_sale.is_some(),
        "the kasbon sale completed"
    );
}

#[test]
fn a_free_line_asks_for_the_manager_pin_before_the_sale() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    scan(&mut window, ITEMS[1].2);
    // The keripik given away: 100% off its line.
    window.send(sentra::ui::Message::Kasir(
        sentra::ui::kasir::Message::LineDiscountChanged(0, "100%".into()),
    ));
    window.press_key(Named::F2);
    assert!(
        window.shows_text("Perlu PIN manajer: diskon 100% (Keripik Pisang), batas 50%"),
        "{:?}",
        window.texts()
    );
    // Uang pas and Enter: the PIN is asked for before the book is.
    window.press_key(Named::F5);
    window.press_key(Named::Enter);
    assert!(window.focus_is("discount-pin"));
    assert!(window.till().last_sale.is_none());
    // The next item scanned while the PIN is asked: an item, not a PIN.
    scan_burst(&mut window, ITEMS[2].2);
    assert_eq!(window.till().cart.len(), 3);
    assert!(!window.shows_part("PIN harus"), "{:?}", window.texts());
    window.press_key(Named::Escape);
    window.press_key(Named::F2);
    window.press_key(Named::F5);
    window.press_key(Named::Enter);
    assert!(window.focus_is("discount-pin"));
    // A wrong PIN is refused and typed again where it was.
    window.type_keys("9999");
    window.press_key(Named::Enter);
    assert!(window.till().last_sale.is_none());
    assert!(window.focus_is("discount-pin"));
    assert!(window.shows_part("PIN salah"), "{:?}", window.texts());
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    let sale = window
        .till()
        .last_sale
        .clone()
        .expect("the sale went through");
    assert_eq!(sale.total, rp(50_000));
}

#[test]
fn a_scan_while_the_amount_has_the_focus_adds_its_item_not_money() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    window.press_key(Named::F2);
    assert!(window.focus_is("kasir-amount"));
    // The next buyer's item scanned into the amount paid.
    window.type_keys(ITEMS[1].2);
    window.press_key(Named::Enter);
    assert!(
        window.till().last_sale.is_none(),
        "no sale on a barcode's money"
    );
    assert_eq!(
        lines(&window),
        vec![line("KRP-01", "1"), line("KPI-01", "1")]
    );
    match &window.till().panel {
        sentra::ui::kasir::Panel::Pay(payment) => {
            assert_eq!(payment.total, rp(30_000), "the panel asks for both");
            assert_eq!(payment.amount, "", "the digits are not an amount");
        }
        _ => panic!("the payment panel stays open"),
    }
    // Money typed after it is money again.
    assert!(window.focus_is("kasir-amount"), "back to the amount");
    window.type_keys("30000");
    window.press_key(Named::Enter);
    let sale = window.till().last_sale.clone().expect("paid");
    assert_eq!(sale.total, rp(30_000));
}

#[test]
fn plus_on_the_main_keyboard_is_shift_and_equals_and_still_adds_one() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    // The main keyboard's + is Shift with =: the key is "=", the character
    // typed "+".
    let mut press = iced_test::simulator::press_key(
        iced::keyboard::Key::Character("=".into()),
        Some("+".into()),
    );
    if let iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
        modified_key,
        modifiers,
        ..
    }) = &mut press
    {
        *modified_key = iced::keyboard::Key::Character("+".into());
        *modifiers = iced::keyboard::Modifiers::SHIFT;
    }
    let release = iced_test::simulator::release_key(iced::keyboard::Key::Character("=".into()));
    window.interact(|ui| ui.simulate(vec![press, release]));
    assert_eq!(lines(&window), vec![line("KRP-01", "2")]);
    assert!(window.till().search.query.is_empty());
}

#[test]
fn a_wrong_void_pin_is_typed_again_in_the_pin_field() {
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    window.press_key(Named::F2);
    window.press_key(Named::F5);
    window.press_key(Named::Enter);
    let receipt = window.till().last_sale.clone().unwrap().receipt;
    window.press_key(Named::F8);
    // The last sale's receipt is filled in; the reason is asked first.
    assert!(window.focus_is("void-reason"));
    match &window.till().panel {
        sentra::ui::kasir::Panel::Void(form) => assert_eq!(form.receipt, receipt),
        _ => panic!("the void panel is open"),
    }
    window.type_keys("salah hitung");
    window.press_key(Named::Tab);
    assert!(window.focus_is("void-pin"));
    window.type_keys("9999");
    window.press_key(Named::Enter);
    assert!(
        window.focus_is("void-pin"),
        "the focus stays in the PIN field, not {:?}",
        window.focused
    );
    match &window.till().panel {
        sentra::ui::kasir::Panel::Void(form) => assert!(form.pin.is_empty(), "cleared"),
        _ => panic!("the void panel stays open"),
    }
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    assert!(window.till().last_sale.as_ref().unwrap().voided);
}

#[test]
fn a_scan_on_a_closed_day_is_told_and_never_tried_as_a_pin() {
    let (dir, mut store) = stall();
    let now = sentra::clock::now().unwrap();
    store.open_day(rp(0), now).unwrap();
    store.close_day(rp(0), now).unwrap();
    let mut window = Window::on(store);
    assert!(
        window.focus_is("reopen-pin"),
        "a closed day asks for the PIN"
    );
    window.type_keys(ITEMS[0].2);
    window.press_key(Named::Enter);
    let said = window
        .till()
        .day_error
        .as_ref()
        .map(|s| s.say(sentra::ui::i18n::Lang::Id))
        .unwrap_or_default();
    assert!(said.contains("Hari sudah ditutup"), "{said}");
    assert!(window.till().reopen_pin.is_empty());
    // The manager, a moment later, reopens with the PIN.
    std::thread::sleep(std::time::Duration::from_millis(400));
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    assert!(matches!(
        window.till().today,
        sentra::ui::kasir::Today::Open { .. }
    ));
    drop(window);
    let store = Store::open(dir.path()).unwrap();
    let day = store.business_day(now).to_string();
    let events = store.events_on(&day).unwrap();
    assert!(
        events.iter().all(|e| e.kind != "pin_wrong"),
        "the scan was not counted as a wrong PIN: {events:?}"
    );
}

#[test]
fn closing_the_window_holds_the_cart_not_paid() {
    let (dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    scan(&mut window, ITEMS[2].2);
    window.send(sentra::ui::Message::CloseRequested(
        iced::window::Id::unique(),
    ));
    drop(window);
    // Opened again: the cart is under F4.
    let store = Store::open(dir.path()).unwrap();
    let held = store.held_sales().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    let mut window = Window::on(store);
    assert!(window.till().cart.is_empty());
    assert!(
        window.shows_text("1 keranjang ditahan: F4 untuk melihat."),
        "{:?}",
        window.texts()
    );
    window.press_key(Named::F4);
    window.press_key(Named::Enter);
    assert_eq!(
        lines(&window),
        vec![line("KRP-01", "1"), line("TPS-01", "1")]
    );
}

/// Types a scanner's burst wherever the focus is: 13 digits and Enter, the
/// keys landing where the focus is as each one comes.
fn scan_burst(window: &mut Window, code: &str) {
    for digit in code.chars() {
        window.type_keys(&digit.to_string());
    }
    window.press_key(Named::Enter);
}

#[test]
fn a_scan_into_any_panel_field_adds_its_item_and_nothing_else() {
    let (dir, store) = stall();
    let mut window = Window::on(store);
    scan(&mut window, ITEMS[0].2);
    // Kasbon's customer search, then the new customer's name.
    window.press_key(Named::F2);
    window.press_key(Named::F1);
    assert!(window.focus_is("kasbon-search"));
    scan_burst(&mut window, ITEMS[1].2);
    window.press_key(Named::F1);
    window.press_key(Named::Insert);
    assert!(window.focus_is("kasbon-new-name"));
    scan_burst(&mut window, ITEMS[2].2);
    assert_eq!(
        lines(&window),
        vec![
            line("KRP-01", "1"),
            line("KPI-01", "1"),
            line("TPS-01", "1")
        ]
    );
    let customers = window
        .app
        .book()
        .unwrap()
        .with(|store| store.customers(None, NOW.date()).unwrap().len());
    assert_eq!(customers, 0, "no customer named by a barcode");
    window.press_key(Named::Escape);
    window.press_key(Named::Escape);
    // The void panel's fields.
    window.press_key(Named::F8);
    scan_burst(&mut window, ITEMS[0].2);
    assert_eq!(lines(&window)[0], line("KRP-01", "2"));
    drop(window);
    let _ = dir;
}
