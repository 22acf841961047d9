//! The window, driven as a vendor drives it: iced_test's Simulator clicks and
//! types into the real views, the messages go through the real `update`, and
//! the jobs it asks for run on the real book (here, synchronously).

mod common;

use common::*;
use iced::keyboard::{Key, key::Named};
use iced_test::selector::id;
use iced_test::{Simulator, simulator};
use sentra::domain::unit::Unit;
use sentra::money::{MoneyError, Quantity};
use sentra::store::{NewProduct, Store};
use sentra::ui::{App, Effect, Job, Message, Phase};

/// The app with a test's hands on it.
struct Window {
    app: App,
}

impl Window {
    fn on(store: Store) -> Window {
        Window {
            app: App::with_store(store).unwrap(),
        }
    }

    /// Sends a message through the real update and runs what it asks for,
    /// feeding each job's answer back in, until nothing is left to do.
    fn send(&mut self, message: Message) {
        let effect = self.app.handle(message);
        self.settle(effect);
    }

    fn settle(&mut self, effect: Effect<Message>) {
        let (jobs, _focus) = effect.into_parts();
        for job in jobs {
            let answer = self.app.book().expect("book open").run_now(job);
            self.send(answer);
        }
    }

    /// Lets `act` use a simulator of the current view, then feeds back what
    /// it produced.
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

    /// What the view produces for `act`, without sending it yet.
    fn produce(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>)) -> Vec<Message> {
        let mut ui = simulator(self.app.view());
        act(&mut ui);
        ui.into_messages().collect()
    }

    /// Handles one message and runs the jobs it asks for, returning their
    /// answers unsent: a test can then look at the screen between steps.
    fn step(&mut self, message: Message) -> Vec<Message> {
        let (jobs, _focus) = self.app.handle(message).into_parts();
        jobs.into_iter()
            .map(|job| self.app.book().expect("book open").run_now(job))
            .collect()
    }

    fn click(&mut self, label: &str) {
        self.interact(|ui| {
            ui.click(label)
                .unwrap_or_else(|e| panic!("click {label:?}: {e:?}"));
        });
    }

    /// Clicks into the text field `field` and types `text` at its end.
    fn type_in(&mut self, field: &'static str, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
            ui.typewrite(text);
        });
    }

    /// Clears the text field `field` (`count` backspaces) and types `text`.
    fn retype(&mut self, field: &'static str, count: usize, text: &str) {
        self.interact(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("field {field}: {e:?}"));
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

    /// A key as the keyboard subscription delivers it.
    fn press(&mut self, key: Named) {
        self.send(Message::KeyPressed(Key::Named(key)));
    }

    fn shows(&self, text: &str) -> bool {
        let mut ui = simulator(self.app.view());
        ui.find(text).is_ok()
    }

    fn book<T: Send + 'static>(&self, read: impl FnOnce(&mut Store) -> T + Send + 'static) -> T {
        self.app.book().expect("book open").run_now(Job::new(read))
    }

    fn kasir(&self) -> &sentra::ui::kasir::Kasir {
        match &self.app.phase {
            Phase::Stall(shell) => &shell.kasir,
            _ => panic!("not on a stall's screens"),
        }
    }
}

fn stall() -> (tempfile::TempDir, Window) {
    let (dir, mut store) = new_stall();
    let products = [
        (
            "KRP-01",
            "Keripik Pisang Coklat 200 g",
            Unit::Pack,
            10_000,
            Some("8994505000011"),
        ),
        ("KPI-03", "Kopi Robusta Curah", Unit::Kg, 150_000, None),
        ("KPI-04", "Kopi Luwak 100 g", Unit::Pack, 175_000, None),
        ("TPS-04", "Dompet Tapis", Unit::Pcs, 300_000, None),
    ];
    for (sku, name, unit, price, barcode) in products {
        let product = NewProduct {
            name: name.into(),
            barcode: barcode.map(str::to_string),
            ..product(sku, price, unit)
        };
        store.add_product(&product, NOW).unwrap();
        store
            .receive_stock(sku, qty("50"), None, None, NOW)
            .unwrap();
    }
    (dir, Window::on(store))
}

/// Scans the test barcode into the search field, as a wedge scanner does.
fn scan(window: &mut Window, code: &str) {
    window.type_in("kasir-search", code);
    window.enter_in("kasir-search");
}

#[test]
fn scan_a_barcode_and_take_cash_with_change() {
    let (_dir, mut window) = stall();
    scan(&mut window, "8994505000011");
    assert_eq!(window.kasir().cart.len(), 1);
    assert!(window.shows("Keripik Pisang Coklat 200 g"));
    assert!(window.shows("Rp10.000"));

    // An unknown code says so and keeps the cart.
    scan(&mut window, "8990000000000");
    assert!(window.shows("Kode \"8990000000000\" tidak dikenal."));
    assert_eq!(window.kasir().cart.len(), 1);

    window.click("Bayar (F2)");
    window.type_in("kasir-amount", "50000");
    assert!(window.shows("Rp40.000"), "change shown while typing");
    window.enter_in("kasir-amount");

    let sale = window.kasir().last_sale.clone().expect("sale completed");
    assert!(window.shows(&format!("Struk {} tersimpan.", sale.receipt)));
    assert!(window.kasir().cart.is_empty());
    let receipt = sale.receipt.clone();
    let stored = window.book(move |s| s.sale(&receipt).unwrap());
    assert_eq!((stored.total, stored.change), (rp(10_000), rp(40_000)));
    assert_eq!(
        window.book(|s| s.find_product("KRP-01").unwrap().stock),
        qty("49")
    );

    // The receipt went to paper (a PDF in the data folder), and a reprint says SALINAN.
    let Some(Ok(path)) = window.kasir().receipt_file.clone() else {
        panic!("no receipt PDF")
    };
    assert!(
        path.ends_with(&format!("struk/{}.pdf", sale.receipt)),
        "{path}"
    );
    assert!(window.shows(&format!("Struk PDF: {path}")));
    let original = pdf_extract::extract_text(&path).unwrap();
    assert!(
        original.contains(&sale.receipt)
            && original.contains("Rp40.000")
            && !original.contains("SALINAN")
    );
    window.click("Cetak ulang (salinan)");
    let Some(Ok(copy)) = window.kasir().receipt_file.clone() else {
        panic!("no reprint")
    };
    assert!(
        pdf_extract::extract_text(&copy)
            .unwrap()
            .contains("SALINAN / COPY")
    );
}

#[test]
fn pick_by_name_with_the_keyboard_and_split_qris_and_cash() {
    let (_dir, mut window) = stall();
    window.type_in("kasir-search", "kopi");
    assert!(window.shows("Kopi Luwak 100 g") && window.shows("Kopi Robusta Curah"));
    window.press(Named::ArrowDown);
    window.enter_in("kasir-search");
    assert_eq!(window.kasir().cart[0].product.sku, "KPI-03");

    window.retype("cart-quantity-0", 1, "0,5");
    window.type_in("cart-discount-0", "10%");
    assert!(window.shows("Rp67.500"), "0,5 kg × Rp150.000 − 10%");

    window.press(Named::F2);
    window.click("QRIS");
    window.type_in("kasir-amount", "50000");
    window.type_in("payment-reference", "QR123");
    window.click("Tambah pembayaran lain");
    window.click("Tunai");
    window.type_in("kasir-amount", "30000");
    assert!(window.shows("Rp12.500"));
    window.click("Selesai (Enter)");

    let receipt = window
        .kasir()
        .last_sale
        .as_ref()
        .expect("sale")
        .receipt
        .clone();
    let sale = window.book(move |s| s.sale(&receipt).unwrap());
    assert_eq!(sale.total, rp(67_500));
    assert_eq!(sale.change, rp(12_500));
    assert_eq!(sale.lines[0].quantity, qty("0.5"));
    let paid: Vec<(String, i64, i64)> = sale
        .payments
        .iter()
        .map(|p| {
            (
                p.method.key().to_string(),
                p.amount.value(),
                p.tendered.value(),
            )
        })
        .collect();
    assert_eq!(
        paid,
        [
            ("qris".into(), 50_000, 50_000),
            ("cash".into(), 17_500, 30_000)
        ]
    );
    assert_eq!(sale.payments[0].reference.as_deref(), Some("QR123"));
}

#[test]
fn hold_a_cart_and_resume_it() {
    let (_dir, mut window) = stall();
    scan(&mut window, "8994505000011");
    scan(&mut window, "8994505000011");
    window.press(Named::F4);
    assert!(window.kasir().cart.is_empty());
    assert!(window.shows("Keranjang ditahan (F4 untuk melanjutkan)."));
    assert_eq!(window.book(|s| s.held_sales().unwrap().len()), 1);

    window.press(Named::F4);
    assert!(window.shows("Keranjang ditahan"));
    window.click("Lanjutkan");
    assert_eq!(window.kasir().cart.len(), 1);
    assert_eq!(window.kasir().cart[0].quantity, "2");
    assert!(window.shows("Rp20.000"));
    assert!(window.book(|s| s.held_sales().unwrap().is_empty()));
}

#[test]
fn void_with_a_wrong_then_the_right_pin() {
    let (_dir, mut window) = stall();
    scan(&mut window, "TPS-04");
    window.press(Named::F2);
    window.click("Uang pas");
    window.enter_in("kasir-amount");
    let receipt = window
        .kasir()
        .last_sale
        .as_ref()
        .expect("sale")
        .receipt
        .clone();

    window.press(Named::F8);
    assert!(window.shows(&receipt), "the last receipt is offered");
    window.type_in("void-reason", "salah barang");
    window.type_in("void-pin", "9999");
    window.enter_in("void-pin");
    assert!(window.shows("PIN salah (4 kali coba lagi sebelum terkunci)"));
    let check = receipt.clone();
    assert!(!window.book(move |s| s.sale(&check).unwrap().voided));

    window.type_in("void-pin", PIN);
    window.click("Batalkan nota");
    assert!(window.shows(&format!("Nota {receipt} dibatalkan.")));
    assert!(window.shows("DIBATALKAN"));
    let check = receipt.clone();
    assert!(window.book(move |s| s.sale(&check).unwrap().voided));
    assert_eq!(
        window.book(|s| s.find_product("TPS-04").unwrap().stock),
        qty("50")
    );
}

#[test]
fn add_a_product_with_a_bad_price_then_a_good_one_and_receive_it() {
    let (_dir, mut window) = stall();
    window.click("Stok");
    assert!(window.shows("Dompet Tapis"));
    window.click("Tambah produk");
    window.retype("product-sku", 0, "KPL-09");
    window.type_in("product-name", "Kemplang Udang Pedas");
    window.retype("product-category", 4, "Kemplang");
    window.retype("product-unit", 3, "pack");
    window.type_in("product-price", "dua puluh");
    window.click("Simpan");
    let refusal = MoneyError::BadAmount("dua puluh".into()).to_string();
    assert!(
        window.shows(&refusal),
        "the message stands next to the price"
    );
    assert!(window.book(|s| s.lookup_product("KPL-09").unwrap().is_none()));

    window.retype("product-price", "dua puluh".len(), "25.000");
    window.click("Simpan");
    assert!(window.shows("KPL-09 Kemplang Udang Pedas tersimpan."));
    let saved = window.book(|s| s.find_product("KPL-09").unwrap());
    assert_eq!(
        (saved.price, saved.category.as_str()),
        (rp(25_000), "Kemplang")
    );

    // Receive 24 packs and see them in the table.
    window.type_in("stock-search", "KPL-09");
    window.click("Terima");
    window.type_in("movement-quantity", "24");
    window.click("Simpan");
    assert!(window.shows("24 pack"));
    assert_eq!(
        window.book(|s| s.find_product("KPL-09").unwrap().stock),
        Quantity::from_milli(24_000)
    );
}

#[test]
fn close_the_day_with_a_cash_difference() {
    let (_dir, mut window) = stall();
    let usb = tempfile::tempdir().unwrap();
    let folder = usb.path().to_str().unwrap().to_string();
    window.book(move |s| s.set_setting("export_dir", &folder).unwrap());
    scan(&mut window, "KRP-01");
    window.press(Named::F2);
    window.type_in("kasir-amount", "20000");
    window.enter_in("kasir-amount");

    window.click("Laporan");
    assert!(window.shows("Rp10.000"), "today's sales");
    window.type_in("counted-cash", "9.000");
    assert!(window.shows("-Rp1.000"), "selisih before closing");
    window.click("Tutup hari ini");
    assert!(window.shows("Hari sudah ditutup."));
    let (expected, counted, difference): (i64, i64, i64) = window.book(|s| {
        s.connection()
            .query_row(
                "SELECT expected, counted, difference FROM day_closes",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    });
    assert_eq!((expected, counted, difference), (10_000, 9_000, -1_000));
    // The file for the office went to the export folder, and the screen says where.
    let written: Vec<_> = std::fs::read_dir(usb.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1);
    let path = written[0].display().to_string();
    let closed = window.book(|s| s.business_day(sentra::clock::now().unwrap()));
    assert!(window.shows(&format!(
        "Hari {closed} ditutup. Selisih -Rp1.000. Berkas untuk kantor: {path}"
    )));

    window.click("Cetak laporan");
    let report = window.book(move |s| s.dir().join(format!("laporan/harian-{closed}.pdf")));
    assert!(window.shows(&format!("Laporan PDF: {}", report.display())));
    let text = pdf_extract::extract_text(&report).unwrap();
    assert!(
        text.contains("Rp9.000") && text.contains("-Rp1.000"),
        "the counted cash and the selisih are on paper"
    );
}

#[test]
fn switch_the_language_and_the_labels_change() {
    let (_dir, mut window) = stall();
    assert!(window.shows("Bayar (F2)"));
    window.click("Pengaturan");
    window.click("English");
    assert!(window.shows("Till") && window.shows("Settings") && window.shows("Stock"));
    window.click("Till");
    assert!(window.shows("Pay (F2)") && !window.shows("Bayar (F2)"));
    assert_eq!(window.book(|s| s.settings().unwrap().language), "en");

    // The screens' own sentences follow the language too.
    scan(&mut window, "8990000000000");
    assert!(window.shows("Unknown code \"8990000000000\"."));
    scan(&mut window, "KRP-01");
    window.press(Named::F2);
    window.click("Exact");
    window.enter_in("kasir-amount");
    let receipt = window
        .kasir()
        .last_sale
        .as_ref()
        .expect("sold")
        .receipt
        .clone();
    assert!(window.shows(&format!("Receipt {receipt} saved.")));
}

#[test]
fn first_run_sets_up_a_stall_with_demo_data_and_opens_the_till() {
    let dir = tempfile::tempdir().unwrap();
    let mut window = Window::on(Store::open(dir.path()).unwrap());
    assert!(window.shows("Selamat datang di Sentra"));
    window.type_in("setup-code", "st09");
    window.type_in("setup-name", "Kopi Way Kanan");
    window.type_in("setup-owner", "Pak Darto");
    window.type_in("setup-pin", "4321");
    window.click("Isi dengan data contoh");
    // Without a regency the form says what is missing and writes nothing.
    window.click("Mulai");
    assert!(window.shows("pilih kabupaten/kota asal"));
    assert!(window.book(|s| s.identity().unwrap().is_none()));

    // iced's pick_list does not show its options to test selectors, so the
    // choice arrives as the message the list sends when a person picks one.
    assert!(window.shows("Kabupaten/kota asal"));
    window.send(Message::FirstRun(
        sentra::ui::first_run::Message::RegencyPicked(
            sentra::domain::regency::Regency::by_code(1807).unwrap(),
        ),
    ));
    window.click("Mulai");
    assert!(window.shows("Bayar (F2)"), "the till is open");
    assert!(window.shows("Kopi Way Kanan · ST09"));
    let identity = window.book(|s| s.identity().unwrap().unwrap());
    assert_eq!(identity.regency.unwrap().name, "Way Kanan");
    assert!(window.book(|s| s.list_products(&Default::default()).unwrap().len()) >= 40);

    // And it sells at once.
    scan(&mut window, "KRP-01");
    assert_eq!(window.kasir().cart.len(), 1);
}

#[test]
fn the_office_imports_a_folder_file_by_file_with_progress() {
    // Three stalls' files and one that is not an export, on a "USB stick".
    // Sold today by the real clock: the office screen opens on today.
    let today = sentra::clock::now().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let mut stalls = Vec::new();
    for (code, regency) in [("ST01", 1802), ("ST02", 1871), ("ST03", 1807)] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .init_stall(code, &format!("Toko {code}"), None, regency, None, NOW)
            .unwrap();
        store
            .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
            .unwrap();
        let request = sentra::store::SaleRequest {
            items: vec![sentra::store::SaleItem {
                code: "KRP-01".into(),
                quantity: qty("2"),
                discount: None,
            }],
            discount: None,
            tenders: vec![sentra::domain::payment::Tender {
                method: sentra::domain::payment::PaymentMethod::Cash,
                amount: rp(20_000),
                reference: None,
            }],
        };
        store.complete_sale(&request, today).unwrap();
        sentra::sync::export::export(&mut store, usb.path(), None, today).unwrap();
        stalls.push((dir, store));
    }
    std::fs::write(usb.path().join("zz-foto.sentra"), b"\x89PNG not an export").unwrap();

    let office_dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(office_dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, NOW)
        .unwrap();
    let mut window = Window::on(office);
    window.type_in("import-path", usb.path().to_str().unwrap());

    // Run the import one message at a time, looking at the screen in between.
    let mut queue = window.produce(|ui| {
        ui.click("Impor").unwrap();
    });
    let mut seen_progress = Vec::new();
    let mut clicked_mid_import = false;
    while let Some(message) = queue.pop() {
        let answers = window.step(message);
        if let Phase::Office(kantor) = &window.app.phase
            && kantor.importing
            && !kantor.queue.is_empty()
        {
            seen_progress.push(format!("{}/{} berkas", kantor.done, kantor.queue.len()));
            // The window still takes a person's clicks while files go in.
            if kantor.done == 2 && !clicked_mid_import {
                clicked_mid_import = true;
                queue.extend(window.produce(|ui| {
                    ui.click("◂ Sebelumnya").unwrap();
                }));
            }
        }
        queue.extend(answers);
    }
    assert_eq!(
        seen_progress.first().map(String::as_str),
        Some("0/4 berkas")
    );
    assert!(
        seen_progress.contains(&"3/4 berkas".to_string()),
        "{seen_progress:?}"
    );
    assert!(clicked_mid_import);
    assert!(window.shows("4/4 berkas"));
    assert!(window.shows("1 dari 4 berkas ditolak."));
    assert!(window.shows("✕ zz-foto.sentra: ditolak: bukan berkas ekspor Sentra"));

    window.click("Hari ini");
    assert!(window.shows("ST01 Toko ST01") && window.shows("ST03 Toko ST03"));
    assert!(window.shows("Rp60.000"), "the centre's net for the day");
    let csv = office_dir.path().join("provinsi.csv");
    window.type_in("centre-csv-path", csv.to_str().unwrap());
    window.click("Tulis CSV");
    assert!(window.shows(&format!("3 baris ditulis ke {}", csv.display())));
    assert_eq!(std::fs::read_to_string(&csv).unwrap().lines().count(), 4);

    window.click("Cetak laporan sentra");
    let day = window.book(|s| s.business_day(sentra::clock::now().unwrap()));
    let report = office_dir.path().join(format!("laporan/sentra-{day}.pdf"));
    assert!(window.shows(&format!("Laporan PDF: {}", report.display())));
    let text = pdf_extract::extract_text(&report).unwrap();
    assert!(text.contains("ST02") && text.contains("Rp60.000"));
}

/// Bad values for the window's fields, as a vendor (or a cat) might type them.
fn bad_typing() -> Vec<String> {
    vec![
        String::new(),
        "-5".into(),
        "0".into(),
        "99999999999999999999999".into(),
        "abc".into(),
        "1'; DROP TABLE sales; --".into(),
        "9".repeat(10_000),
    ]
}

/// What a field sends when its whole text becomes `value` (as a paste does).
fn pasted(field: &str, value: String) -> Message {
    use sentra::ui::stok::Field;
    use sentra::ui::{kasir, laporan, pengaturan, stok};
    let product = |f: Field| Message::Stok(stok::Message::FormChanged(f, value.clone()));
    match field {
        "product-price" => product(Field::Price),
        "product-cost" => product(Field::Cost),
        "product-min-stock" => product(Field::MinStock),
        "product-barcode" => product(Field::Barcode),
        "product-sku" => product(Field::Sku),
        "product-unit" => product(Field::Unit),
        "product-name" => product(Field::Name),
        "kasir-amount" => Message::Kasir(kasir::Message::AmountChanged(value)),
        "void-pin" => Message::Kasir(kasir::Message::VoidPinChanged(value)),
        "counted-cash" => Message::Laporan(laporan::Message::CountedChanged(value)),
        "tax_rate" => Message::Pengaturan(pengaturan::Message::TaxRateChanged(value)),
        "qris_payload" => Message::Pengaturan(pengaturan::Message::QrisChanged(value)),
        other => panic!("no field {other}"),
    }
}

impl Window {
    /// Puts `value` in `field`: typed key by key when short; a 10,000
    /// character value arrives whole, as a paste would bring it (typing it
    /// through the simulator one key at a time takes minutes).
    fn fill(&mut self, field: &'static str, value: &str) {
        if value.chars().count() > 100 {
            self.send(pasted(field, value.to_string()));
        } else {
            self.send(pasted(field, String::new()));
            self.type_in(field, value);
        }
    }
}

#[test]
fn every_form_refuses_bad_values_with_a_message_and_saves_nothing() {
    let (_dir, mut window) = stall();
    let products =
        |window: &Window| window.book(|s| s.list_products(&Default::default()).unwrap().len());
    let before = products(&window);
    window.click("Stok");

    // The product form: each field in turn gets each bad value, the others good.
    let fields: &[(&'static str, &[&str])] = &[
        ("product-price", &[]),
        ("product-cost", &["", "0"]),
        ("product-min-stock", &["", "0"]),
        ("product-barcode", &[""]),
        (
            "product-sku",
            &["-5", "0", "abc", "99999999999999999999999"],
        ),
        ("product-unit", &[]),
        (
            "product-name",
            &[
                "-5",
                "0",
                "abc",
                "99999999999999999999999",
                "1'; DROP TABLE sales; --",
            ],
        ),
    ];
    for (field, good) in fields {
        for value in bad_typing() {
            if good.contains(&value.as_str()) {
                continue;
            }
            window.click("Tambah produk");
            for (other, text) in [
                ("product-sku", "BARU-1"),
                ("product-name", "Produk Baru"),
                ("product-price", "15000"),
            ] {
                if other != *field {
                    window.fill(other, text);
                }
            }
            window.fill(field, &value);
            window.click("Simpan");
            let Phase::Stall(shell) = &window.app.phase else {
                panic!()
            };
            let form = shell
                .stok
                .form
                .as_ref()
                .unwrap_or_else(|| panic!("{field} = {value:.20}: saved"));
            assert!(!form.errors.is_empty(), "{field} = {value:.20}: no message");
            assert!(
                window.shows(&form.errors[0].message),
                "{field}: the message is on screen"
            );
            assert_eq!(products(&window), before, "{field} = {value:.20}: saved");
            window.press(Named::Escape);
        }
    }

    // The pay panel: a bad amount is said so and sells nothing.
    window.click("Kasir");
    scan(&mut window, "KRP-01");
    let today = || sentra::clock::now().unwrap();
    let sales = |window: &Window| {
        window.book(move |s| s.day_report(s.business_day(today())).unwrap().sales_count)
    };
    for value in bad_typing() {
        window.press(Named::F2);
        window.fill("kasir-amount", &value);
        window.enter_in("kasir-amount");
        let Phase::Stall(shell) = &window.app.phase else {
            panic!()
        };
        assert!(
            matches!(shell.kasir.panel, sentra::ui::kasir::Panel::Pay(_)),
            "amount {value:.20}: panel closed"
        );
        assert_eq!(sales(&window), 0, "amount {value:.20}: sold");
        window.press(Named::Escape);
    }

    // The void form: a bad PIN voids nothing.
    window.press(Named::F2);
    window.click("Uang pas");
    window.enter_in("kasir-amount");
    let receipt = window
        .kasir()
        .last_sale
        .as_ref()
        .expect("sold")
        .receipt
        .clone();
    for value in bad_typing() {
        window.press(Named::F8);
        window.type_in("void-reason", "uji");
        window.fill("void-pin", &value);
        window.enter_in("void-pin");
        let Phase::Stall(shell) = &window.app.phase else {
            panic!()
        };
        let sentra::ui::kasir::Panel::Void(form) = &shell.kasir.panel else {
            panic!("pin {value:.20}: panel closed")
        };
        assert!(form.error.is_some(), "pin {value:.20}: no message");
        let check = receipt.clone();
        assert!(
            !window.book(move |s| s.sale(&check).unwrap().voided),
            "pin {value:.20}: voided"
        );
        window.press(Named::Escape);
    }

    // Tutup kasir: a bad count cannot close the day.
    window.click("Laporan");
    for value in bad_typing().into_iter().filter(|v| v != "0") {
        window.fill("counted-cash", &value);
        window.send(Message::Laporan(sentra::ui::laporan::Message::CloseDay));
        let day_open = window.book(move |s| s.day(s.business_day(today())).unwrap().unwrap().open);
        assert!(day_open, "count {value:.20}: the day closed");
    }

    // Settings: a bad PPN rate or QRIS text is refused and nothing changes.
    window.click("Pengaturan");
    let settings = |window: &Window| window.book(|s| s.settings().unwrap());
    let saved = settings(&window);
    for value in bad_typing().into_iter().filter(|v| v != "0") {
        window.fill("tax_rate", &value);
        // The first "Simpan" on the screen is the PPN rate's.
        window.click("Simpan");
        assert_eq!(settings(&window), saved, "tax rate {value:.20}");
        assert!(
            window.shows("pengaturan tax_rate tidak valid: persen 0–100, mis. 11"),
            "tax rate {value:.20}"
        );
    }
    for value in bad_typing().into_iter().filter(|v| !v.is_empty()) {
        window.fill("qris_payload", &value);
        let Phase::Stall(shell) = &window.app.phase else {
            panic!()
        };
        let typed = shell.pengaturan.qris.clone();
        // What the QRIS field's "Simpan" sends.
        window.send(Message::Pengaturan(sentra::ui::pengaturan::Message::Set(
            "qris_payload",
            typed,
        )));
        assert_eq!(settings(&window), saved, "qris {value:.20}");
    }
}
