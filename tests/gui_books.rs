//! The month's books in the window: Laporan shows the month's SAK EMKM
//! statements as the book computes them and prints them (F8); its books
//! form (F10) writes the registers by the keyboard alone; Stok's terima
//! barang says how the goods were paid (F2). The real views, the real
//! `update`, the jobs on the real book.

mod common;
#[path = "common/window.rs"]
mod window;

use std::process::Command;

use common::*;
use iced::keyboard::Modifiers;
use iced::keyboard::key::Named;
use sentra::books::month_books;
use sentra::domain::books_event::Paid;
use sentra::domain::unit::Unit;
use sentra::store::{NewProduct, Store};
use sentra::ui::{Phase, Shell, Tab};
use window::Window;

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

fn go_to(window: &mut Window, tab: Tab) {
    for _ in 0..6 {
        if shell(window).tab == tab {
            return;
        }
        window.press_with(Named::Tab, Modifiers::CTRL);
    }
    assert_eq!(shell(window).tab, tab, "Ctrl+Tab reaches every screen");
}

/// A stall with saldo awal, stock bought and a cash sale this month.
fn stall() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = new_stall();
    store
        .add_product(
            &NewProduct {
                cost: Some(rp(6_000)),
                ..product("KRP-01", 10_000, Unit::Pack)
            },
            NOW,
        )
        .unwrap();
    store
        .record_opening(NOW.date(), (rp(500_000), rp(1_000_000), None), None, NOW)
        .unwrap();
    store
        .receive_stock_paid("KRP-01", qty("10"), None, Some(Paid::Bank), None, NOW)
        .unwrap();
    store.open_day(rp(100_000), NOW).unwrap();
    store
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    (dir, store)
}

#[test]
fn laporan_shows_the_months_statements_and_prints_them() {
    fixed_clock();
    let (dir, store) = stall();
    let expected = month_books(&store, "2026-11", NOW.date()).unwrap();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Laporan);
    assert!(
        window.shows_text("Laporan keuangan bulan ini (SAK EMKM)"),
        "{:?}",
        window.texts()
    );
    let p = &expected.statements.position;
    let i = &expected.statements.income;
    // Kas 500.000 + 20.000; bank 1.000.000 − 60.000; stock 8 × 6.000.
    assert_eq!(p.assets.cash, rp(520_000));
    assert_eq!(p.assets.bank, rp(940_000));
    assert_eq!(p.assets.inventory, rp(48_000));
    for figure in [
        p.assets.cash,
        p.assets.bank,
        p.assets.inventory,
        p.assets.total,
        p.equity.total,
        i.revenue,
        i.gross_profit,
    ] {
        assert!(
            window.shows_text(&figure.to_string()),
            "{figure} not on screen: {:?}",
            window.texts()
        );
    }
    assert!(window.shows_text("Jumlah liabilitas dan ekuitas"));

    // F8: the month's PDF in laporan/, said at the top of the screen.
    window.press_key(Named::F8);
    let pdf = dir.path().join("laporan").join("bulanan-2026-11.pdf");
    assert!(pdf.exists(), "{:?}", shell(&window).laporan.notice);
    let said = format!("{:?}", shell(&window).laporan.notice);
    assert!(said.contains("bulanan-2026-11.pdf"), "{said}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (CI installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Laporan Posisi Keuangan"), "{text}");
    assert!(text.contains(&p.assets.total.to_string()), "{text}");
}

#[test]
fn the_books_form_writes_an_asset_and_a_prive_by_the_keyboard_alone() {
    fixed_clock();
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Laporan);

    // F10, F1 to "Aset tetap", its name, cost and life, F2 once (from
    // kas to bank).
    window.press_key(Named::F10);
    assert!(window.focus_is("books-first"));
    window.press_key(Named::F1);
    assert!(window.focus_is("books-name"));
    window.type_keys("Etalase kaca");
    window.press_key(Named::Tab);
    window.type_keys("1.200.000");
    window.press_key(Named::Tab);
    window.type_keys("12");
    window.press_key(Named::F2);
    window.press_key(Named::Enter);
    let assets = book(&window, |s| s.assets().unwrap());
    assert_eq!(assets.len(), 1, "{:?}", shell(&window).laporan.books.saved);
    assert_eq!(assets[0].name, "Etalase kaca");
    assert_eq!(assets[0].cost, rp(1_200_000));
    assert_eq!(assets[0].life_months, 12);
    assert_eq!(assets[0].paid, "bank");
    let said = format!("{:?}", shell(&window).laporan.notice);
    assert!(said.contains("BooksSaved"), "{said}");
    // The statements were read again: a month's depreciation of 100.000.
    assert!(window.shows_text("Rp1.100.000"), "{:?}", window.texts());

    // Prive: F1 four more times; a wrong PIN is refused and writes nothing.
    window.press_key(Named::F10);
    for _ in 0..3 {
        window.press_key(Named::F1);
    }
    assert_eq!(
        shell(&window).laporan.books.kind,
        sentra::ui::laporan::books::Kind::Drawing
    );
    window.type_keys("50.000");
    // From the kas (F7): the bank went into the etalase.
    window.press_key(Named::F7);
    window.press_key(Named::Tab);
    window.type_keys("9999");
    window.press_key(Named::Enter);
    let drawn = |window: &Window| {
        book(window, |s| {
            s.connection()
                .query_row(
                    "SELECT COUNT(*) FROM money_moves WHERE kind = 'owner_draw'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
        })
    };
    assert_eq!(drawn(&window), 0);
    let refusal = shell(&window)
        .laporan
        .books
        .saved
        .clone()
        .unwrap()
        .unwrap_err();
    assert!(refusal.say(sentra::ui::i18n::Lang::Id).contains("PIN"));
    assert!(
        shell(&window).laporan.books.pin.is_empty(),
        "the PIN is cleared"
    );
    // The right PIN (the focus is still in its field).
    assert!(window.focus_is("books-pin"));
    window.type_keys(PIN);
    window.press_key(Named::Enter);
    assert_eq!(drawn(&window), 1);
    let purse: String = book(&window, |s| {
        s.connection()
            .query_row("SELECT purse FROM money_moves", [], |r| r.get(0))
            .unwrap()
    });
    assert_eq!(purse, "cash");
}

#[test]
fn stok_asks_how_goods_received_were_paid() {
    fixed_clock();
    let (_dir, store) = stall();
    let mut window = Window::on(store);
    go_to(&mut window, Tab::Stok);
    // F5 on the highlighted product, F2 three times: on the supplier's credit.
    window.press_key(Named::F5);
    for _ in 0..3 {
        window.press_key(Named::F2);
    }
    assert!(
        window.shows_part("utang ke pemasok"),
        "{:?}",
        window.texts()
    );
    window.type_keys("5");
    window.press_key(Named::Enter);
    let paid: Vec<Option<String>> = book(&window, |s| {
        s.connection()
            .prepare("SELECT paid FROM stock_movements WHERE kind = 'receive' ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    });
    assert_eq!(paid, vec![Some("bank".into()), Some("credit".into())]);
}
