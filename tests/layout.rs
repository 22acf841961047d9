//! Every screen laid out as the window lays it out, at the three screen sizes
//! of the stalls (1024×768, 1366×768, 1920×1080), and checked for what a
//! person would see as broken: a text that does not fit its place, a text,
//! button or field past the window's edge, one drawn over another, two
//! amounts glued into one. The screens are the real views of a stall with
//! the demo's week of trade, reached through the real `update`.
//!
//! `SENTRA_SCREENSHOTS=DIR cargo test --test layout` also writes each
//! screen as a PNG (the README's are made so).

mod common;
#[path = "common/layout.rs"]
mod layout;
#[path = "common/window.rs"]
mod window;

use common::*;
use iced::Size;
use iced::keyboard::key::Named;
use iced::widget::Id;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::store::{Credit, NewCustomer, SaleItem, SaleRequest, Store};
use sentra::ui::{Message, Tab};
use window::Window;

const SIZES: [(u32, u32); 3] = [(1024, 768), (1366, 768), (1920, 1080)];

/// The demo stall at 10:00 on the tests' day: a week of trade, four
/// producers, two customers who owe kasbon.
fn demo_stall() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    sentra::demo::fill(&mut store, 7, NOW).unwrap();
    for (code, name, limit) in [
        ("C001", "Bu Siti Aminah", 500_000),
        ("C002", "Pak Joko", 250_000),
    ] {
        let customer = NewCustomer {
            code: code.into(),
            name: name.into(),
            phone: Some("0812-7788-9900".into()),
            limit: rp(limit),
        };
        store.add_customer(&customer, Some(PIN), NOW).unwrap();
        let sale = SaleRequest {
            items: vec![SaleItem {
                code: "KRP-01".into(),
                quantity: qty("3"),
                discount: None,
            }],
            discount: None,
            tenders: vec![Tender {
                method: PaymentMethod::Kasbon,
                amount: rp(30_000),
                reference: None,
            }],
        };
        let credit = Credit {
            customer: code.into(),
            pin: None,
        };
        store.complete_sale_on(&sale, Some(&credit), NOW).unwrap();
    }
    (dir, store)
}

fn shell(window: &Window) -> &sentra::ui::Shell {
    match &window.app.phase {
        sentra::ui::Phase::Stall(shell) => shell,
        _ => panic!("not on a stall's screens"),
    }
}

fn tab(window: &mut Window, tab: Tab) {
    window.send(Message::SwitchTab(tab));
}

/// Three items in the cart, typed and scanned into the search field.
fn fill_cart(window: &mut Window) {
    for code in ["KRP-01", "3*KPI-01", "TPS-01"] {
        window.focused = Some(Id::from("kasir-search"));
        window.type_keys(code);
        window.press_key(Named::Enter);
    }
    assert!(window.till().cart.len() >= 3, "the cart was filled");
}

/// Each screen in the state a person sees it, named for the PNG.
fn screens() -> Vec<(&'static str, tempfile::TempDir, Window)> {
    let mut out = Vec::new();

    let dir = tempfile::tempdir().unwrap();
    let first = Window::on(Store::open(dir.path()).unwrap());
    out.push(("first-run", dir, first));

    let stall = |tab_to: Option<Tab>| {
        let (dir, store) = demo_stall();
        let mut window = Window::on(store);
        if let Some(to) = tab_to {
            tab(&mut window, to);
        }
        (dir, window)
    };
    let (dir, mut kasir) = stall(None);
    fill_cart(&mut kasir);
    out.push(("kasir", dir, kasir));

    let (dir, mut pay) = stall(None);
    fill_cart(&mut pay);
    pay.press_key(Named::F2);
    pay.type_keys("100000");
    out.push(("kasir-bayar", dir, pay));

    // Paid by QRIS carrying the amount: the code, its note, and the
    // confirm button still on screen.
    let (dir, mut store) = demo_stall();
    let qris = "00020101021151440014ID.CO.QRIS.WWW0215ID10200000000010303UMI\
                5204581253033605802ID5911TAPIS INDAH6014BANDAR LAMPUNG";
    store
        .set_setting("qris_payload", &sentra::domain::qris::with_crc(qris))
        .unwrap();
    store.set_setting("qris_amount", "on").unwrap();
    let mut by_qris = Window::on(store);
    fill_cart(&mut by_qris);
    by_qris.press_key(Named::F2);
    by_qris.press_key(Named::F10);
    assert!(by_qris.till().qris.shown().is_some(), "a QRIS on screen");
    out.push(("kasir-bayar-qris", dir, by_qris));

    // Part paid by cash, the rest by QRIS: the paid line, the code and the
    // confirm button on one screen.
    let (dir, mut store) = demo_stall();
    store
        .set_setting("qris_payload", &sentra::domain::qris::with_crc(qris))
        .unwrap();
    store.set_setting("qris_amount", "on").unwrap();
    let mut split = Window::on(store);
    fill_cart(&mut split);
    split.press_key(Named::F2);
    split.type_keys("10000");
    split.press_key(Named::F3);
    split.press_key(Named::F10);
    out.push(("kasir-bayar-qris-sebagian", dir, split));

    let (dir, mut store) = demo_stall();
    store.close_day(rp(1_000_000), NOW).unwrap();
    let closed = Window::on(store);
    out.push(("kasir-tutup", dir, closed));

    let (dir, mut store) = demo_stall();
    store.close_day(rp(1_000_000), NOW).unwrap();
    let mut closed = Window::on(store);
    tab(&mut closed, Tab::Laporan);
    out.push(("laporan-ditutup", dir, closed));

    // Closed, reopened by the manager, closed again: both closes show.
    let (dir, mut store) = demo_stall();
    store.close_day(rp(1_000_000), NOW).unwrap();
    store.reopen_day(NOW.date(), PIN, NOW).unwrap();
    store.close_day(rp(3_532_000), NOW).unwrap();
    let mut twice = Window::on(store);
    tab(&mut twice, Tab::Laporan);
    out.push(("laporan-dua-tutup", dir, twice));

    // A sale paid with uang pas, then F8: its void asks for the PIN.
    let (dir, mut void) = stall(None);
    fill_cart(&mut void);
    void.press_key(Named::F2);
    void.press_key(Named::F5);
    void.press_key(Named::Enter);
    assert!(void.till().last_sale.is_some(), "the sale went through");
    void.press_key(Named::F8);
    out.push(("kasir-batal", dir, void));

    let (dir, mut kasbon) = stall(None);
    fill_cart(&mut kasbon);
    kasbon.press_key(Named::F2);
    kasbon.press_key(Named::F1);
    out.push(("kasir-kasbon", dir, kasbon));

    for (name, to) in [
        ("stok", Tab::Stok),
        ("pelanggan", Tab::Pelanggan),
        ("penitip", Tab::Penitip),
        ("laporan", Tab::Laporan),
        ("pengaturan", Tab::Pengaturan),
    ] {
        let (dir, window) = stall(Some(to));
        out.push((name, dir, window));
    }

    let (dir, mut pelanggan) = stall(Some(Tab::Pelanggan));
    pelanggan.send(Message::Pelanggan(sentra::ui::pelanggan::Message::Select(
        "C001".into(),
    )));
    out.push(("pelanggan-rekening", dir, pelanggan));

    let (dir, mut penitip) = stall(Some(Tab::Penitip));
    penitip.send(Message::Penitip(sentra::ui::penitip::Message::Select(
        "P001".into(),
    )));
    out.push(("penitip-rekening", dir, penitip));

    let (dir, mut closing) = stall(Some(Tab::Laporan));
    closing.send(Message::Laporan(
        sentra::ui::laporan::Message::CountedChanged("1.000.000".into()),
    ));
    closing.send(Message::Laporan(sentra::ui::laporan::Message::CloseDay));
    out.push(("laporan-tutup", dir, closing));

    // A product opened for editing (Enter on the highlighted row).
    let (dir, mut edit) = stall(Some(Tab::Stok));
    edit.send(Message::Stok(sentra::ui::stok::Message::SearchSubmitted));
    assert!(shell(&edit).stok.form.is_some(), "Enter opens the product");
    out.push(("stok-ubah", dir, edit));

    // A new product, with the consignment fields.
    let (dir, mut new_product) = stall(Some(Tab::Stok));
    new_product.press_key(Named::F3);
    out.push(("stok-baru", dir, new_product));

    // Just after a sale: the last receipt's card and its reprint.
    let (dir, mut sold) = stall(None);
    fill_cart(&mut sold);
    sold.press_key(Named::F2);
    sold.press_key(Named::F5);
    sold.press_key(Named::Enter);
    assert!(sold.till().last_sale.is_some(), "the sale went through");
    out.push(("kasir-terjual", dir, sold));

    // The expense form, a cash expense from the drawer (its PIN field).
    let (dir, mut expense) = stall(Some(Tab::Laporan));
    expense.press_key(Named::F6);
    expense.press_key(Named::F7);
    out.push(("laporan-pengeluaran", dir, expense));
    // The books form with its most fields (saldo awal), and the month's
    // statements under the day.
    let (dir, mut books) = stall(Some(Tab::Laporan));
    books.press_key(Named::F10);
    out.push(("laporan-buku-bulanan", dir, books));

    // A new kasbon customer typed in at the till, given credit (so the
    // manager's PIN is asked beside Simpan).
    let (dir, mut new_customer) = stall(None);
    fill_cart(&mut new_customer);
    new_customer.press_key(Named::F2);
    new_customer.press_key(Named::F1);
    new_customer.press_key(Named::Insert);
    new_customer.type_keys("Bu Sari Wulandari");
    new_customer.press_key(Named::Tab);
    new_customer.type_keys("0812 7788 9900");
    new_customer.press_key(Named::Tab);
    new_customer.type_keys("250000");
    out.push(("kasir-pelanggan-baru", dir, new_customer));

    // Terima titipan with two lines on the note.
    let (dir, mut intake) = stall(Some(Tab::Penitip));
    intake.send(Message::Penitip(sentra::ui::penitip::Message::Select(
        "P001".into(),
    )));
    intake.press_key(Named::F5);
    let skus: Vec<String> = match &shell(&intake).penitip.panel {
        sentra::ui::penitip::Panel::Handover(form) => form
            .products
            .iter()
            .take(2)
            .map(|p| p.sku.clone())
            .collect(),
        _ => panic!("F5 opens Terima titipan"),
    };
    assert!(!skus.is_empty(), "P001 has goods");
    for sku in skus {
        intake.send(Message::Penitip(sentra::ui::penitip::Message::PickProduct(
            sku,
        )));
    }
    out.push(("penitip-terima", dir, intake));

    let (dir, kantor) = office_with_files();
    out.push(("kantor", dir, kantor));
    out
}

/// The office after importing the demo stall's file.
fn office_with_files() -> (tempfile::TempDir, Window) {
    let usb = tempfile::tempdir().unwrap();
    let (_stall_dir, mut stall) = demo_stall();
    stall.close_day(rp(1_000_000), NOW).unwrap();
    sentra::sync::export::export(&mut stall, usb.path(), None, NOW).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, NOW)
        .unwrap();
    // A daily retribusi: seven days owed make a seven-digit balance.
    let daily = sentra::domain::fee::FeeRule::Daily(rp(151_217));
    sentra::office::fees::set_rule(&mut office, daily, NOW).unwrap();
    let mut window = Window::on(office);
    window.send(Message::Kantor(sentra::ui::kantor::Message::PathChanged(
        usb.path().display().to_string(),
    )));
    window.send(Message::Kantor(sentra::ui::kantor::Message::Import));
    drop(usb);
    (dir, window)
}

#[test]
fn every_screen_fits_at_each_screen_size_with_nothing_over_anything() {
    // SAFETY: the only test in this binary that reads the clock.
    unsafe { std::env::set_var("SENTRA_NOW", NOW_TEXT) };
    let shots = std::env::var_os("SENTRA_SCREENSHOTS").map(std::path::PathBuf::from);
    let mut broken = Vec::new();
    for (name, _dir, window) in screens() {
        for (width, height) in SIZES {
            let size = Size::new(width, height);
            let (found, pixels) = layout::draw(window.app.view(), size);
            assert!(
                found.texts.len() > 5,
                "{name}: the walk found the screen's texts: {:?} {:?}",
                found.texts.len(),
                found.unwalked
            );
            for defect in layout::defects(&found, size) {
                broken.push(format!("{name} {width}×{height}: {defect}"));
            }
            if let Some(folder) = &shots {
                let path = folder.join(format!("{name}-{width}x{height}.png"));
                layout::save_png(pixels, size, &path);
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} defects:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// The check finds each kind of breakage when a layout is broken on
/// purpose, so a pass above means the screens have none of them.
#[test]
fn a_layout_broken_on_purpose_is_caught() {
    use iced::widget::{button, column, container, row, space, text};
    let size = Size::new(1024, 768);
    let broken: iced::Element<'_, Message> = column![
        // A label in a button too narrow for it.
        button(text("Ya, tutup kasir")).width(60),
        // Two amounts with nothing between them.
        row![text("Rp0"), text("Rp1.058.520")],
        // A title squeezed by what sits beside it, over the line under it.
        container(text("Hari sudah ditutup")).height(8),
        text("Laporan 2026-11-27"),
        // A confirm button past the right edge.
        row![space().width(1000), button(text("Selesai"))],
        // A confirm button half under the bottom of a scrolling panel.
        iced::widget::scrollable(column![
            space().height(60),
            button(row![text("Batalkan nota").width(iced::Fill), text("Enter")].spacing(8))
                .padding(12),
        ])
        .height(80),
    ]
    .into();
    let (found, _) = layout::draw(broken, size);
    let said = layout::defects(&found, size).join("\n");
    for expected in [
        "\"Ya, tutup kasir\" wraps in its button",
        "\"Rp0\" and \"Rp1.058.520\" touch",
        "\"Hari sudah ditutup\" needs",
        "\"Hari sudah ditutup\" is drawn over \"Laporan 2026-11-27\"",
        "\"Selesai\" is past the window's edge",
        "confirm button \"Batalkan nota\" is cut off",
    ] {
        assert!(
            said.contains(expected),
            "{expected:?} not found in:\n{said}"
        );
    }
}
