//! The window's side of labels, scale barcodes and the thermal printer,
//! driven as a vendor drives it: iced_test's Simulator clicks and types into
//! the real views, the messages go through the real `update`, and the jobs
//! run on the real book (synchronously, as tests/gui.rs does).

mod common;

use std::process::Command;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::id;
use iced_test::simulator;
use sentra::domain::scale::Plu;
use sentra::domain::unit::Unit;
use sentra::store::{NewProduct, Store};
use sentra::ui::{KeyPress, Message, Phase};

#[path = "common/window.rs"]
mod window;

use window::Window;

impl Window {
    fn type_in(&mut self, field: &'static str, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.tap_key(Key::Named(Named::End));
            ui.typewrite(text);
        });
    }

    /// Clears `count` characters of `field` and types `text`.
    fn retype(&mut self, field: &'static str, count: usize, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.tap_key(Key::Named(Named::End));
            for _ in 0..count {
                ui.tap_key(Key::Named(Named::Backspace));
            }
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

    /// A key as the window's keys deliver it.
    fn press(&mut self, key: Named) {
        self.send(Message::KeyPressed(KeyPress::plain(key)));
    }

    fn book<T: Send + 'static>(&self, read: impl FnOnce(&mut Store) -> T + Send + 'static) -> T {
        self.app.book().expect("book open").with(read)
    }

    fn kasir(&self) -> &sentra::ui::kasir::Kasir {
        match &self.app.phase {
            Phase::Stall(shell) => &shell.kasir,
            _ => panic!("not on a stall's screens"),
        }
    }
}

/// An EAN-13 from its first twelve digits, check digit worked as GS1 says.
fn ean(twelve: &str) -> String {
    let sum: u32 = twelve
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{twelve}{}", (10 - sum % 10) % 10)
}

/// Keripik curah by the kilo on the scale (PLU 42), a tapis cloth without a
/// barcode and a packet of coffee with its maker's.
fn stall() -> (tempfile::TempDir, Window) {
    let (dir, mut store) = new_stall();
    store
        .add_product_with_plu(
            &NewProduct {
                name: "Keripik Pisang Curah".into(),
                ..product("KPC-01", 55_000, Unit::Kg)
            },
            Some(Plu::parse("42").unwrap()),
            NOW,
        )
        .unwrap();
    store
        .add_product(
            &NewProduct {
                name: "Kain Tapis Siger".into(),
                ..product("TPS-01", 950_000, Unit::Pcs)
            },
            NOW,
        )
        .unwrap();
    store
        .add_product(
            &NewProduct {
                name: "Kopi Robusta 250 g".into(),
                barcode: Some("8991002101104".into()),
                ..product("KOP-02", 45_000, Unit::Pack)
            },
            NOW,
        )
        .unwrap();
    for sku in ["KPC-01", "TPS-01", "KOP-02"] {
        store
            .receive_stock(sku, qty("20"), None, None, NOW)
            .unwrap();
    }
    (dir, Window::on(store))
}

fn scan(window: &mut Window, code: &str) {
    window.type_in("kasir-search", code);
    window.enter_in("kasir-search");
}

#[test]
fn a_scale_label_scanned_at_the_till_adds_its_weight_marked_as_from_the_scale() {
    let (_dir, mut window) = stall();
    scan(&mut window, &ean("200004200750"));
    let cart = &window.kasir().cart;
    assert_eq!(cart.len(), 1, "{:?}", window.texts());
    assert_eq!(cart[0].product.sku, "KPC-01");
    assert_eq!(cart[0].quantity().unwrap(), qty("0,75"));
    assert!(cart[0].scale.is_some());
    assert!(window.shows_part("Rp41.250"), "{:?}", window.texts());
    assert!(window.shows_part("dari timbangan"), "{:?}", window.texts());

    // A wrong check digit and an unknown PLU: a sentence, the cart as it was.
    let good = ean("200004200750");
    let bad = format!("{}{}", &good[..12], (good.as_bytes()[12] - b'0' + 1) % 10);
    scan(&mut window, &bad);
    assert!(
        window.shows_part("angka periksa barcode"),
        "{:?}",
        window.texts()
    );
    scan(&mut window, &ean("200004300750"));
    assert!(window.shows_part("PLU 00043"), "{:?}", window.texts());
    assert_eq!(window.kasir().cart.len(), 1);

    window.press(Named::F2);
    window.type_in("kasir-amount", "50000");
    window.enter_in("kasir-amount");
    let sale = window.kasir().last_sale.clone().expect("sale completed");
    assert_eq!(sale.total, rp(41_250));
    assert_eq!(sale.lines[0].quantity, qty("0,75"));
}

#[test]
fn settings_test_print_and_every_receipt_go_to_the_thermal_printer() {
    let (dir, mut window) = stall();
    // A printer device, as /dev/usb/lp0 would be.
    let device = dir.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let device_text = device.to_str().unwrap().to_string();

    window.click("Pengaturan");
    window.type_in("escpos_printer", &device_text);
    window.click("Tes printer");
    assert!(
        window.shows_part("Halaman tes dikirim"),
        "{:?}",
        window.texts()
    );
    let page = std::fs::read(&device).unwrap();
    assert!(page.starts_with(b"\x1b@"), "{page:?}");
    assert!(page.windows(10).any(|w| w == b"SENTRA#TES"));
    window.enter_in("escpos_printer");
    let saved = window.book(|s| s.settings().unwrap().escpos_printer);
    assert_eq!(saved.map(|p| p.to_string()), Some(device_text.clone()));

    // The scale barcode, prefix and layout in one field: a bad prefix is
    // refused and nothing changes; a good one is saved.
    window.retype("scale", 13, "30 PPPPPWWWWW");
    window.enter_in("scale");
    assert!(window.shows_part("02 atau 20–29"), "{:?}", window.texts());
    assert_eq!(
        window.book(|s| s.settings().unwrap().scale_prefix),
        Some("20".to_string())
    );
    window.retype("scale", 13, "21 PPPPRRRRRR");
    window.enter_in("scale");
    let layout = window
        .book(|s| s.settings().unwrap().scale_layout())
        .unwrap();
    assert_eq!(
        (layout.prefix.as_str(), layout.pattern().as_str()),
        ("21", "PPPPRRRRRR")
    );

    // Sell: the receipt goes to the printer as ESC/POS; the PDF is kept.
    std::fs::write(&device, b"").unwrap();
    window.click("Kasir");
    scan(&mut window, "8991002101104");
    window.press(Named::F2);
    window.type_in("kasir-amount", "50000");
    window.enter_in("kasir-amount");
    let sale = window.kasir().last_sale.clone().expect("sale completed");
    let printed = std::fs::read(&device).unwrap();
    assert!(printed.starts_with(b"\x1b@"));
    assert!(
        printed
            .windows(sale.receipt.len())
            .any(|w| w == sale.receipt.as_bytes()),
        "the receipt number is on the paper"
    );
    assert!(printed.ends_with(b"\x1dV\x01"), "cut at the end");
    assert!(matches!(window.kasir().receipt_file, Some(Ok(_))));

    // A printer that is gone: the sale stands, the reason is shown.
    std::fs::remove_file(&device).unwrap();
    scan(&mut window, "8991002101104");
    window.press(Named::F2);
    window.type_in("kasir-amount", "50000");
    window.enter_in("kasir-amount");
    assert!(window.kasir().cart.is_empty(), "the sale is in the book");
    assert!(
        matches!(&window.kasir().receipt_file, Some(Err(e)) if e.say(sentra::ui::i18n::Lang::Id).contains("tidak bisa dibuka")),
        "{:?}",
        window.kasir().receipt_file
    );
}

#[test]
fn tick_products_in_stok_give_them_barcodes_and_print_their_labels() {
    let (dir, mut window) = stall();
    window.click("Stok");
    // The table is by name: Kain Tapis, Keripik, Kopi. F9 ticks a row.
    window.press(Named::F9);
    window.press(Named::ArrowDown);
    window.press(Named::ArrowDown);
    window.press(Named::F9);
    window.click("Cetak label (2) · centang baris: F9");
    assert!(
        window.shows_part("belum ada barcode"),
        "{:?}",
        window.texts()
    );
    window.type_in("label-copies-0", "0");
    window.click("Beri barcode toko");
    assert!(
        window.shows_part("1 produk mendapat barcode toko"),
        "{:?}",
        window.texts()
    );
    let tapis = window.book(|s| s.find_product("TPS-01").unwrap().barcode.unwrap());
    assert!(tapis.starts_with("21"), "{tapis}");

    window.click("Cetak label");
    let texts = window.texts();
    let written = texts
        .iter()
        .find(|t| t.contains("label ditulis"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(written.starts_with("11 label ditulis"), "{written}");
    let path = written.split(": ").nth(1).unwrap();
    assert!(path.starts_with(dir.path().to_str().unwrap()), "{path}");
    let text = Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .expect("pdftotext is needed for these tests (.ci/run installs it)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.matches("SKU TPS-01").count(), 10, "{text}");
    assert_eq!(text.matches("SKU KOP-02").count(), 1, "{text}");
}

#[test]
#[ignore = "pictures for a person to look at: cargo test --test gui_labels pictures -- --ignored"]
fn pictures() {
    let (_dir, mut window) = stall();
    let take = |window: &Window, name: &str| {
        let mut ui = simulator(window.app.view());
        let snap = ui.snapshot(&iced::Theme::Light).unwrap();
        let _ = snap.matches_image(format!("/tmp/sentra-{name}.png"));
    };
    scan(&mut window, &ean("200004200750"));
    scan(&mut window, "8991002101104");
    take(&window, "kasir");
    window.click("Stok");
    window.press(Named::F9);
    window.press(Named::ArrowDown);
    window.press(Named::ArrowDown);
    window.press(Named::F9);
    window.click("Cetak label (2) · centang baris: F9");
    take(&window, "stok");
    window.click("Pengaturan");
    take(&window, "pengaturan");
}
