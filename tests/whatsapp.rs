//! The struk by WhatsApp: a wa.me link for the buyer's number carrying the
//! text struk, from the command line and from the till (F6 under the last
//! sale). The link is read back here with a percent-decoder written here.

mod common;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::keyboard::key::Named;
use sentra::domain::unit::Unit;
use window::Window;

/// `%XX` back to bytes, by RFC 3986.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            assert!(
                bytes[i].is_ascii_alphanumeric() || b"-_.~".contains(&bytes[i]),
                "{} left as it is",
                bytes[i] as char
            );
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The text struk the link must carry, read from the book in this process.
fn text_struk(dir: &std::path::Path, receipt: &str) -> String {
    let store = sentra::store::Store::open(dir).unwrap();
    let sale = store.sale(receipt).unwrap();
    sentra::print::from_book::receipt_text(&store, &sale, 58, false).unwrap()
}

#[test]
fn the_link_for_a_number_carries_the_text_struk_exactly() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "KRP-01",
            "--name",
            "Keripik Pisang & Coklat",
            "--price",
            "12500",
        ],
    );
    sentra_ok(d, &["sale", "--item", "KRP-01=2", "--pay", "cash=30000"]);
    let receipt = "ST07-20261127-0001";
    let link = sentra_ok(d, &["receipt", receipt, "--whatsapp", "0812-3456-7890"]);
    let link = link.trim();
    let prefix = "https://wa.me/6281234567890?text=";
    assert!(link.starts_with(prefix), "{link}");
    let text = percent_decode(&link[prefix.len()..]);
    assert_eq!(text, text_struk(d, receipt));
    assert!(
        text.contains("Keripik Pisang & Coklat") && text.contains("Rp25.000"),
        "{text}"
    );
    // Not a mobile number: refused, saying so.
    for number in ["12345", "021-555-1234", "0812 abc"] {
        let (ok, _, stderr) = sentra(d, &["receipt", receipt, "--whatsapp", number]);
        assert!(
            !ok && stderr.contains("bukan nomor HP Indonesia"),
            "{number}: {stderr}"
        );
    }
}

#[test]
fn f6_under_the_last_sale_opens_its_struk_in_whatsapp() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 12_500, Unit::Pcs), NOW)
        .unwrap();
    store
        .receive_stock("KRP-01", qty("10"), None, None, NOW)
        .unwrap();
    // What the browser would be handed is written to a file instead.
    let opened = dir.path().join("opened.txt");
    let opener = dir.path().join("opener.sh");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.part' && mv '{0}.part' '{0}'\n",
            opened.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    // SAFETY: this test binary's only test that reads SENTRA_OPENER.
    unsafe { std::env::set_var("SENTRA_OPENER", &opener) };
    let book = dir.path().to_path_buf();
    let mut window = Window::on(store);
    if window.focus_is("opening-float") {
        window.type_keys("100000");
        window.press_key(Named::Enter);
    }
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.press_key(Named::F2);
    window.type_keys("12500");
    window.press_key(Named::Enter);
    let receipt = window.till().last_sale.clone().expect("sold").receipt;

    // F6: the number field; a wrong number is refused there.
    window.press_key(Named::F6);
    assert!(window.focus_is("kasir-whatsapp"));
    window.type_keys("12345");
    window.press_key(Named::Enter);
    assert!(
        window.shows_part("bukan nomor HP Indonesia"),
        "{:?}",
        window.texts()
    );
    assert!(window.focus_is("kasir-whatsapp"));
    assert!(!opened.exists());
    window.interact(|ui| {
        for _ in 0..5 {
            ui.tap_key(iced::keyboard::Key::Named(Named::Backspace));
        }
    });
    window.type_keys("0812 3456 7890");
    window.press_key(Named::Enter);
    assert!(
        window.shows_part("Struk dibuka di WhatsApp"),
        "{:?}",
        window.texts()
    );
    assert!(window.focus_is("kasir-search"), "the next buyer");
    let mut waited = 0;
    while !opened.exists() && waited < 100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        waited += 1;
    }
    let link = std::fs::read_to_string(&opened).expect("the link was handed on");
    let prefix = "https://wa.me/6281234567890?text=";
    assert!(link.starts_with(prefix), "{link}");
    drop(window);
    assert_eq!(
        percent_decode(&link[prefix.len()..]),
        text_struk(&book, &receipt)
    );
}

/// The fresh-eyes trial of issue 26: with the focus left in the buyer's
/// number, the next buyer's first scan went into it and was lost. A
/// barcode there (a scanner's length, no phone number) is that item.
#[test]
fn a_scan_into_the_buyers_number_is_the_next_buyers_item() {
    let (_dir, mut store) = new_stall();
    let barcode = sentra::domain::barcode::ean13_from_twelve(899_450_500_001);
    let item = sentra::store::NewProduct {
        barcode: Some(barcode.clone()),
        ..product("KRP-01", 12_500, Unit::Pcs)
    };
    store.add_product(&item, NOW).unwrap();
    store
        .receive_stock("KRP-01", qty("10"), None, None, NOW)
        .unwrap();
    let mut window = Window::on(store);
    if window.focus_is("opening-float") {
        window.type_keys("100000");
        window.press_key(Named::Enter);
    }
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    window.press_key(Named::F2);
    window.type_keys("12500");
    window.press_key(Named::Enter);
    assert!(window.till().last_sale.is_some());
    window.press_key(Named::F6);
    assert!(window.focus_is("kasir-whatsapp"));
    window.type_keys(&barcode);
    window.press_key(Named::Enter);
    assert_eq!(window.till().cart.len(), 1, "{:?}", window.texts());
    assert!(window.till().whatsapp.is_empty());
    assert!(window.focus_is("kasir-search"));
}
