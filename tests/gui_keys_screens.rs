//! Every screen besides Kasir by the keyboard alone: Pengaturan, Pelanggan,
//! Penitip, Stok, Laporan and Kantor each reached with Ctrl+Tab and worked
//! with F-keys, arrows, Tab and Enter only. No click: keys go to the focused
//! field first and then to the window's keys; the messages go to
//! the real `update` and the jobs run on the real book.

mod common;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::keyboard::Modifiers;
use iced::keyboard::key::Named;
use sentra::domain::consign::Terms;
use sentra::domain::expense::ExpenseCategory;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::store::{Credit, HandoverItem, NewCustomer, NewProducer, Store};
use sentra::ui::{Phase, Scroll, Shell, Tab};
use window::Window;

/// The clock the window reads, the same in every test of this file.
fn fixed_clock() {
    unsafe { std::env::set_var("SENTRA_NOW", NOW_TEXT) };
}

fn shell(window: &Window) -> &Shell {
    match &window.app.phase {
        Phase::Stall(shell) => shell,
        _ => panic!("not on a stall's screens"),
    }
}

fn book<T: Send + 'static>(
    window: &Window,
    read: impl FnOnce(&mut Store) -> T + Send + 'static,
) -> T {
    window.app.book().expect("book open").with(read)
}

/// Ctrl+Tab (or Ctrl+Shift+Tab) until `tab` shows.
fn go_to(window: &mut Window, tab: Tab) {
    for _ in 0..6 {
        if shell(window).tab == tab {
            return;
        }
        window.press_with(Named::Tab, Modifiers::CTRL);
    }
    assert_eq!(shell(window).tab, tab, "Ctrl+Tab reaches every screen");
}

#[test]
fn pengaturan_choices_and_fields_by_keys() {
    fixed_clock();
    let (_dir, store) = new_stall();
    let mut window = Window::on(store);
    window.press_with(Named::Tab, Modifiers::CTRL | Modifiers::SHIFT);
    assert_eq!(shell(&window).tab, Tab::Pengaturan, "back from Kasir");
    assert!(window.focus_is("tax_rate"));
    window.press_key(Named::F2);
    window.press_key(Named::F3);
    window.press_key(Named::F4);
    let settings = book(&window, |s| s.settings().unwrap());
    assert_eq!(settings.receipt_width, 80);
    assert_eq!(settings.receipt_delivery, "open");
    assert_eq!(settings.tax.mode, sentra::domain::tax::TaxMode::Inclusive);
    // F9: the stall's PPh Final is paid by a badan, with no tax-free turnover.
    window.press_key(Named::F9);
    let pph = book(&window, |s| s.settings().unwrap().pph);
    assert_eq!(pph.taxpayer, sentra::domain::tax::Taxpayer::Badan);
    assert!(window.shows_text("PPh Final: badan (CV, firma, koperasi)"));
    window.type_keys("11");
    window.press_key(Named::Enter);
    let rate = book(&window, |s| {
        s.settings()
            .unwrap()
            .entries()
            .into_iter()
            .find(|(k, _)| *k == "tax_rate")
            .map(|(_, v)| v)
    });
    assert_eq!(rate.as_deref(), Some("11"));
    // Tab goes on to the next field in reading order.
    window.press_key(Named::Tab);
    assert!(window.focus_is("export_dir"), "{:?}", window.focused);
    window.press_key(Named::F1);
    assert_eq!(book(&window, |s| s.settings().unwrap().language), "en");
    assert_eq!(window.app.lang, sentra::ui::i18n::Lang::En);
    window.press_key(Named::F7);
    let said = format!("{:?}", shell(&window).pengaturan.notice);
    assert!(said.starts_with("Some(Info(BackupWritten"), "{said}");
}

#[test]
fn pelanggan_added_found_and_paid_by_keys() {
    fixed_clock();
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store
        .add_customer(
            &NewCustomer {
                code: "C001".into(),
                name: "Bu Rahma".into(),
                phone: None,
                limit: rp(500_000),
            },
            Some(PIN),
            NOW,
        )
        .unwrap();
    let mut kasbon = cash_sale("KRP-01", "3", 30_000);
    kasbon.tenders = vec![Tender {
        method: PaymentMethod::Kasbon,
        amount: rp(30_000),
        reference: None,
    }];
    let credit = Credit {
        customer: "C001".into(),
        pin: None,
    };
    store.complete_sale_on(&kasbon, Some(&credit), NOW).unwrap();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Pelanggan);
    assert!(window.focus_is("pelanggan-search"));

    // A new customer: F3, the name, Tab on, the limit, the PIN, Enter.
    window.press_key(Named::F3);
    assert!(window.focus_is("pelanggan-new-name"));
    window.type_keys("Pak Joko");
    window.press_key(Named::Tab);
    assert!(
        window.focus_is("pelanggan-new-phone"),
        "{:?}",
        window.focused
    );
    window.type_keys("081234567890");
    window.press_key(Named::Tab);
    assert!(
        window.focus_is("pelanggan-new-limit"),
        "{:?}",
        window.focused
    );
    window.type_keys("200000");
    // Credit asks the manager's PIN: Enter without it is refused into it.
    window.press_key(Named::Enter);
    assert!(window.focus_is("pelanggan-new-pin"), "{:?}", window.focused);
    assert!(
        window.shows_part("perlu PIN manajer"),
        "{:?}",
        window.texts()
    );
    assert!(book(&window, |s| s.customers(Some("Joko"), NOW.date()).unwrap()).is_empty());
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    let joko = book(&window, |s| s.customers(Some("Joko"), NOW.date()).unwrap());
    assert_eq!(
        joko.len(),
        1,
        "added: {:?}",
        shell(&window).pelanggan.outcome
    );
    assert_eq!(joko[0].limit, rp(200_000));

    // Bu Rahma pays all she owes: the list walked by arrows, Enter, F4, Enter.
    let list: Vec<String> = shell(&window)
        .pelanggan
        .list
        .iter()
        .map(|c| c.code.clone())
        .collect();
    let rahma = list.iter().position(|c| c == "C001").unwrap();
    for _ in 0..list.len() {
        window.press_key(Named::ArrowUp);
    }
    assert!(
        window.focus_is("pelanggan-search"),
        "the arrows walk from the search"
    );
    for _ in 0..rahma {
        window.press_key(Named::ArrowDown);
    }
    assert_eq!(shell(&window).pelanggan.highlighted, rahma);
    window.press_key(Named::Enter);
    assert!(window.focus_is("pelanggan-amount"), "{:?}", window.focused);
    window.press_key(Named::F4);
    assert_eq!(shell(&window).pelanggan.amount, "30000");
    window.press_key(Named::Enter);
    let owed = book(&window, |s| {
        s.kasbon_statement("C001", NOW.date())
            .unwrap()
            .customer
            .balance
    });
    assert_eq!(owed, rp(0), "paid off by keys");
}

#[test]
fn penitip_goods_received_and_paid_by_keys() {
    fixed_clock();
    let (dir, mut store) = new_stall();
    store
        .add_producer(
            &NewProducer {
                code: "P001".into(),
                name: "Ibu Sari".into(),
                regency: 1806,
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
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Penitip);
    assert!(window.focus_is("penitip-search"));
    window.type_keys("sari");
    window.press_key(Named::Enter);
    assert!(window.focus_is("penitip-amount"), "{:?}", window.focused);

    // Terima titipan: F5, the item by name, its quantity, Tab to the note, Enter.
    window.press_key(Named::F5);
    assert!(window.focus_is("penitip-pick"));
    window.type_keys("lampung");
    window.press_key(Named::Enter);
    assert!(window.focus_is("penitip-qty-0"));
    window.type_keys("12");
    window.press_key(Named::Enter);
    assert!(window.focus_is("penitip-pick"));
    // Tab in reading order: the picker, the line's quantity, the note.
    window.press_key(Named::Tab);
    assert!(window.focus_is("penitip-qty-0"), "{:?}", window.focused);
    window.press_key(Named::Tab);
    assert!(window.focus_is("penitip-note"), "{:?}", window.focused);
    window.type_keys("panen baru");
    window.press_key(Named::Enter);
    let stock = book(&window, |s| s.find_product("KRP-LU").unwrap().stock);
    assert_eq!(stock, qty("18"), "{:?}", shell(&window).penitip.outcome);
    assert!(
        dir.path()
            .join("titipan")
            .join("ST07-TT-20261127-02.pdf")
            .exists()
    );

    // Bayar penitip: F4 fills the balance, Tab to the PIN, Enter pays.
    window.press_key(Named::F4);
    assert!(window.focus_is("penitip-amount"));
    assert_eq!(shell(&window).penitip.amount, "36000");
    window.press_key(Named::Tab);
    assert!(window.focus_is("penitip-pin"), "{:?}", window.focused);
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    assert_eq!(
        book(&window, |s| s.producer_balance("P001").unwrap()),
        rp(0)
    );

    // A new producer: F3, the name, ↓↓ for the regency (no list to click), Enter.
    window.press_key(Named::F3);
    assert!(window.focus_is("penitip-name"));
    window.type_keys("Pak Made");
    window.press_key(Named::ArrowDown);
    window.press_key(Named::ArrowDown);
    window.press_key(Named::Enter);
    let producers = book(&window, |s| s.producers().unwrap());
    let made = producers
        .iter()
        .find(|p| p.name == "Pak Made")
        .unwrap_or_else(|| panic!("{:?}", shell(&window).penitip.outcome));
    assert_eq!(made.regency, sentra::domain::regency::REGENCIES[1].code);
}

#[test]
fn stok_filters_sorts_pages_labels_and_csv_by_keys() {
    fixed_clock();
    let (dir, mut store) = new_stall();
    for n in 0..230 {
        let mut item = product(&format!("P{n:03}"), 1_000 + n, Unit::Pcs);
        item.category = if n % 2 == 0 { "Batik" } else { "Kopi" }.into();
        store.add_product(&item, NOW).unwrap();
        if n >= 5 {
            store
                .receive_stock(&item.sku, qty("50"), None, None, NOW)
                .unwrap();
        }
    }
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Stok);
    assert!(window.focus_is("stock-search"));
    let page = |window: &Window| shell(window).stok.page.clone().unwrap();
    assert_eq!(page(&window).products.len(), 200);
    assert_eq!(page(&window).total, 230);

    // PgDn walks 15 rows at a time, and on past the 200th to the rest.
    for _ in 0..14 {
        window.press_key(Named::PageDown);
    }
    assert_eq!(shell(&window).stok.highlighted, 199);
    window.press_key(Named::PageDown);
    assert_eq!(shell(&window).stok.offset, 200);
    assert_eq!(page(&window).products.len(), 30);
    assert_eq!(page(&window).products[0].sku, "P200");
    window.press_key(Named::PageUp);
    assert_eq!(shell(&window).stok.offset, 0);
    assert_eq!(shell(&window).stok.highlighted, 199);

    // Sort: F4 the next column (SKU), Shift+F4 turns it.
    window.press_key(Named::F4);
    window.press_with(Named::F4, Modifiers::SHIFT);
    assert_eq!(page(&window).products[0].sku, "P229");
    // Filters: F1 the first category, F2 low stock only.
    window.press_key(Named::F1);
    assert_eq!(shell(&window).stok.category.as_deref(), Some("Batik"));
    window.press_key(Named::F2);
    let low: Vec<String> = page(&window)
        .products
        .iter()
        .map(|p| p.sku.clone())
        .collect();
    assert_eq!(low, vec!["P004", "P002", "P000"]);

    // Labels: F9 ticks two rows, F11 opens the panel in its first field,
    // Tab walks the counts then the places used, Enter writes the PDF.
    window.press_key(Named::F9);
    window.press_key(Named::ArrowUp);
    window.press_key(Named::F9);
    window.press_key(Named::F11);
    assert!(shell(&window).stok.labels.open);
    assert!(window.focus_is("label-copies-0"), "{:?}", window.focused);
    window.press_key(Named::Tab);
    assert!(window.focus_is("label-copies-1"), "{:?}", window.focused);
    window.press_key(Named::Tab);
    assert!(window.focus_is("label-skip"), "{:?}", window.focused);
    // F11 again: the next label stock (a list no key reached before).
    let sheet = shell(&window).stok.labels.sheet.clone();
    window.press_key(Named::F11);
    assert_ne!(shell(&window).stok.labels.sheet, sheet);
    window.press_with(Named::F11, Modifiers::SHIFT);
    window.press_key(Named::Enter);
    let labels = std::fs::read_dir(dir.path().join("label")).map(|d| d.count());
    assert_eq!(labels.ok(), Some(1), "{:?}", shell(&window).stok.notice);

    // CSV: F12 writes the table to the path's default, F10 reads it back.
    window.press_key(Named::Escape);
    window.press_key(Named::F12);
    let csv = dir.path().join("produk.csv");
    assert!(csv.exists(), "{:?}", shell(&window).stok.notice);
    window.press_key(Named::F10);
    let said = format!("{:?}", shell(&window).stok.notice);
    assert!(said.starts_with("Some(Info(CsvImported"), "{said}");

    // A file that cuts a price to Rp1 needs the manager's PIN, typed in
    // the field beside the path (Tab reaches it), then Enter imports.
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cells: Vec<String> = lines[1].split(',').map(str::to_string).collect();
    let sku = cells[0].clone();
    cells[5] = "1".into();
    lines[1] = cells.join(",");
    std::fs::write(&csv, lines.join("\n")).unwrap();
    window.press_key(Named::F10);
    let refusal = format!("{:?}", shell(&window).stok.notice);
    assert!(
        refusal.starts_with("Some(Error(") && refusal.contains("PriceImport"),
        "{refusal}"
    );
    for _ in 0..40 {
        if window.focus_is("csv-pin") {
            break;
        }
        window.press_key(Named::Tab);
    }
    assert!(window.focus_is("csv-pin"), "{:?}", window.focused);
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    let said = format!("{:?}", shell(&window).stok.notice);
    assert!(said.starts_with("Some(Info(CsvImported"), "{said}");
    let price = book(&window, move |s| {
        s.lookup_product(&sku).unwrap().unwrap().price
    });
    assert_eq!(price, rp(1));
}

#[test]
fn laporan_expense_scroll_days_and_close_by_keys() {
    fixed_clock();
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store.open_day(rp(100_000), NOW).unwrap();
    store
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Laporan);
    assert!(window.focus_is("counted-cash"));

    // An expense: F6, F1 twice (the second chip), F7 from the drawer, the amount, Enter.
    window.press_key(Named::F6);
    assert!(window.focus_is("expense-amount"));
    window.press_key(Named::F1);
    window.press_key(Named::F1);
    window.press_key(Named::F7);
    window.type_keys("15000");
    window.press_key(Named::Enter);
    let expenses = book(&window, |s| s.expenses_on(NOW.date()).unwrap());
    assert_eq!(expenses.len(), 1);
    assert_eq!(expenses[0].category, ExpenseCategory::ALL[1]);
    assert!(expenses[0].from_drawer);
    assert_eq!(expenses[0].amount, rp(15_000));
    // Said at the top, in the screen's message, not only in the list below.
    let said = format!("{:?}", shell(&window).laporan.notice);
    assert!(said.contains("ExpenseRecorded"), "{said}");

    // PgDn and End scroll the screen's view, which is there to scroll.
    window.scrolled.clear();
    window.press_key(Named::PageDown);
    window.press_key(Named::ArrowDown);
    assert_eq!(
        window.scrolled,
        vec![
            ("laporan-scroll", Scroll::By(Scroll::PAGE)),
            ("laporan-scroll", Scroll::By(Scroll::LINE))
        ]
    );
    assert!(window.shows_id("laporan-scroll"));

    // Days: Ctrl+PgUp the day before, Ctrl+Home back to today.
    let shown = |window: &Window| shell(window).laporan.report.as_ref().unwrap().day.clone();
    assert_eq!(shown(&window), "2026-11-27");
    window.press_with(Named::PageUp, Modifiers::CTRL);
    assert_eq!(shown(&window), "2026-11-26");
    window.press_with(Named::Home, Modifiers::CTRL);
    assert_eq!(shown(&window), "2026-11-27");

    // Tutup kasir: the counted cash, Enter, Enter.
    assert!(window.focus_is("counted-cash"), "{:?}", window.focused);
    window.type_keys("105000");
    window.press_key(Named::Enter);
    assert!(shell(&window).laporan.confirming);
    window.press_key(Named::Enter);
    let open = book(&window, |s| s.day(NOW.date()).unwrap().unwrap().open);
    assert!(!open, "closed by keys");
}

#[test]
fn a_day_is_not_closed_under_a_cart_not_paid() {
    fixed_clock();
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store.open_day(rp(100_000), NOW).unwrap();
    let mut window = Window::on(store);
    window.focused = Some(iced::widget::Id::from("kasir-search"));
    window.type_keys("KRP-01");
    window.press_key(Named::Enter);
    assert_eq!(shell(&window).kasir.cart.len(), 1);
    go_to(&mut window, Tab::Laporan);
    window.type_keys("100000");
    window.press_key(Named::Enter);
    assert!(!shell(&window).laporan.confirming);
    assert!(
        window.shows_part("belum dibayar: selesaikan atau tahan (F4) dulu"),
        "{:?}",
        window.texts()
    );
    let open = book(&window, |s| s.day(NOW.date()).unwrap().unwrap().open);
    assert!(open, "the day stays open");
    // Held, the cart no longer stands in the way.
    go_to(&mut window, Tab::Kasir);
    window.press_key(Named::F4);
    assert!(shell(&window).kasir.cart.is_empty());
    go_to(&mut window, Tab::Laporan);
    window.type_keys("100000");
    window.press_key(Named::Enter);
    window.press_key(Named::Enter);
    let open = book(&window, |s| s.day(NOW.date()).unwrap().unwrap().open);
    assert!(!open, "closed once the cart was held");
}

#[test]
fn kantor_import_tanda_terima_verify_language_and_scroll_by_keys() {
    fixed_clock();
    let usb = tempfile::tempdir().unwrap();
    let (_stall_dir, mut stall) = new_stall();
    stall
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    stall
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    sentra::sync::export::export(&mut stall, usb.path(), None, NOW).unwrap();

    let office_dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(office_dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, NOW)
        .unwrap();
    let mut window = Window::on(office);
    assert!(window.focus_is("import-path"));
    window.type_keys(usb.path().to_str().unwrap());
    window.press_key(Named::Enter);
    let kantor = |window: &Window| match &window.app.phase {
        Phase::Office(kantor) => kantor.results.clone(),
        _ => panic!("the office"),
    };
    assert_eq!(kantor(&window).len(), 1);
    assert!(kantor(&window)[0].outcome.is_ok(), "{:?}", kantor(&window));

    // F2: the tanda terima of the file just imported.
    window.press_key(Named::F2);
    let receipts = std::fs::read_dir(office_dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .filter(|f| f.file_name().to_string_lossy().ends_with(".pdf"))
        .count();
    assert!(receipts >= 1, "a tanda terima PDF is written");

    // F3: the desk's struk check; a code typed and Enter gets a verdict.
    window.press_key(Named::F3);
    assert!(window.focus_is("kantor-verify"));
    window.type_keys("ST07-20261127-0001#XXXX");
    window.press_key(Named::Enter);
    let verdict = match &window.app.phase {
        Phase::Office(kantor) => kantor.desk.verdict.clone(),
        _ => None,
    };
    assert!(verdict.is_some(), "the struk was checked");

    // F1 switches the language; PgDn and Home scroll.
    window.press_key(Named::F1);
    assert_eq!(window.app.lang, sentra::ui::i18n::Lang::En);
    window.scrolled.clear();
    window.press_key(Named::PageDown);
    assert_eq!(
        window.scrolled,
        vec![("kantor-scroll", Scroll::By(Scroll::PAGE))]
    );
    assert!(window.shows_id("kantor-scroll"));
}

#[test]
fn a_message_is_cleared_when_its_screen_is_left() {
    fixed_clock();
    let (_dir, mut store) = new_stall();
    store.open_day(rp(0), NOW).unwrap();
    let mut window = Window::on(store);
    // Kasir: a quantity with no line to take it is refused on screen...
    window.type_keys("2*");
    window.press_key(Named::Enter);
    assert!(shell(&window).kasir.notice.is_some());
    // ...and gone once the person has gone to Stok and back.
    go_to(&mut window, Tab::Stok);
    window.press_key(Named::F12);
    assert!(shell(&window).stok.notice.is_some(), "the export is told");
    go_to(&mut window, Tab::Pengaturan);
    assert_eq!(
        shell(&window).stok.notice,
        None,
        "Stok's word stays in Stok"
    );
    window.press_key(Named::F7);
    assert!(shell(&window).pengaturan.notice.is_some());
    go_to(&mut window, Tab::Kasir);
    assert_eq!(shell(&window).kasir.notice, None);
    assert_eq!(shell(&window).pengaturan.notice, None);
}

#[test]
fn each_screen_scrolls_by_page_keys() {
    fixed_clock();
    let (_dir, store) = new_stall();
    let mut window = Window::on(store);
    for (tab, view) in [
        (Tab::Pelanggan, "pelanggan-scroll"),
        (Tab::Penitip, "penitip-scroll"),
        (Tab::Laporan, "laporan-scroll"),
        (Tab::Pengaturan, "pengaturan-scroll"),
    ] {
        go_to(&mut window, tab);
        window.scrolled.clear();
        window.press_key(Named::PageDown);
        window.press_key(Named::PageUp);
        assert_eq!(
            window.scrolled,
            vec![
                (view, Scroll::By(Scroll::PAGE)),
                (view, Scroll::By(-Scroll::PAGE))
            ],
            "{tab:?}"
        );
        assert!(window.shows_id(view), "{tab:?} has the view it scrolls");
    }
}

#[test]
fn a_field_reached_by_tab_has_its_text_replaced_by_what_is_typed() {
    fixed_clock();
    let (_dir, store) = new_stall();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Stok);
    window.press_key(Named::F3);
    assert!(window.focus_is("product-sku"), "{:?}", window.focused);
    // SKU, Nama, Barcode, then Kategori, which says "Umum": typed over.
    window.interact(|ui| {
        ui.typewrite("KPI-01");
        for text in ["Kopi Robusta", "", "Kopi"] {
            ui.tap_key(iced::keyboard::Key::Named(Named::Tab));
            ui.typewrite(text);
        }
    });
    let form = shell(&window).stok.form.as_ref().expect("the form is open");
    assert_eq!(
        (
            form.sku.as_str(),
            form.name.as_str(),
            form.category.as_str()
        ),
        ("KPI-01", "Kopi Robusta", "Kopi")
    );
}
