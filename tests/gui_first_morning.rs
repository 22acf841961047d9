//! A new stall set up at 06:00, before opening hours, with demo data, by the
//! keyboard alone; then the morning's kas awal and first sale. The demo's
//! days must not be dated ahead of the clock, or the first sale is refused
//! as a clock set back. The clock is fixed through `SENTRA_NOW`, as the
//! program reads it; no other test in this file reads another time.

mod common;
#[path = "common/window.rs"]
mod window;

use common::PIN;
use iced::keyboard::key::Named;
use sentra::store::Store;
use sentra::ui::Phase;
use window::Window;

const SIX_IN_THE_MORNING: &str = "2026-12-04T06:00:00+07:00";

#[test]
fn first_run_at_six_with_demo_data_then_the_first_sale_by_keys() {
    unsafe { std::env::set_var("SENTRA_NOW", SIX_IN_THE_MORNING) };
    let dir = tempfile::tempdir().unwrap();
    let mut window = Window::on(Store::open(dir.path()).unwrap());
    assert!(matches!(window.app.phase, Phase::FirstRun(_)));
    assert!(window.focus_is("setup-code"));
    window.type_keys("ST09");
    window.press_key(Named::Tab);
    assert!(window.focus_is("setup-name"), "{:?}", window.focused);
    window.type_keys("Kopi Bu Ani");
    window.press_key(Named::Tab);
    window.press_key(Named::Tab);
    assert!(window.focus_is("setup-regency"), "{:?}", window.focused);
    window.type_keys("1802");
    window.press_key(Named::F7);
    window.press_key(Named::Tab);
    assert!(window.focus_is("setup-pin"), "{:?}", window.focused);
    window.type_keys(PIN);
    window.press_key(Named::Enter);

    // Set up, with the demo (five weeks): the till opens on a fresh day, in kas awal.
    assert!(
        matches!(window.app.phase, Phase::Stall(_)),
        "set-up finished: {:?}",
        match &window.app.phase {
            Phase::FirstRun(run) => run.error.clone(),
            _ => None,
        }
    );
    assert!(
        matches!(
            window.till().today,
            sentra::ui::kasir::Today::NotOpened { .. }
        ),
        "{:?}",
        window.till().today
    );
    assert!(window.focus_is("opening-float"), "{:?}", window.focused);
    window.type_keys("200000");
    window.press_key(Named::Enter);
    assert!(window.focus_is("kasir-search"), "{:?}", window.focused);

    // The first sale: a name, Enter, F2, uang pas (F5), Enter.
    window.type_keys("kopi");
    window.press_key(Named::Enter);
    assert_eq!(window.till().cart.len(), 1, "{:?}", window.till().notice);
    window.press_key(Named::F2);
    window.press_key(Named::F5);
    window.press_key(Named::Enter);
    let sale = window
        .till()
        .last_sale
        .clone()
        .unwrap_or_else(|| panic!("the first sale: {:?}", window.till().panel));
    assert_eq!(sale.day, "2026-12-04");
    drop(window);
    let store = Store::open(dir.path()).unwrap();
    let day = store
        .day(time::macros::date!(2026 - 12 - 04))
        .unwrap()
        .unwrap();
    assert_eq!(day.opening_float, sentra::money::Rupiah::new(200_000));
}

#[test]
fn a_scan_typed_into_kas_awal_goes_on_to_the_search() {
    unsafe { std::env::set_var("SENTRA_NOW", SIX_IN_THE_MORNING) };
    let (_dir, mut store) = common::new_stall();
    let item = sentra::store::NewProduct {
        barcode: Some("8994505000011".into()),
        ..common::product("KRP-01", 10_000, sentra::domain::unit::Unit::Pcs)
    };
    store.add_product(&item, common::NOW).unwrap();
    let mut window = Window::on(store);
    assert!(
        window.focus_is("opening-float"),
        "a fresh day starts in kas awal"
    );
    // The scanner fires while kas awal has the focus: its digits and Enter
    // reach that field before the focus moves.
    window.type_keys("8994505000011");
    window.press_key(Named::Enter);
    let cart: Vec<String> = window
        .till()
        .cart
        .iter()
        .map(|line| line.product.sku.clone())
        .collect();
    assert_eq!(cart, vec!["KRP-01"]);
    assert!(
        window.till().opening_float.is_empty(),
        "no kas awal of 13 digits"
    );
    assert!(window.focus_is("kasir-search"));
}

#[test]
fn a_set_up_refused_once_the_book_is_set_up_goes_on_to_the_till_and_says_why() {
    unsafe { std::env::set_var("SENTRA_NOW", SIX_IN_THE_MORNING) };
    let dir = tempfile::tempdir().unwrap();
    let mut window = Window::on(Store::open(dir.path()).unwrap());
    // The book gets its identity while the form is still open, as a set-up
    // whose demo data was refused leaves it: trying again can only be
    // refused as "already set up", which must not be a dead end.
    let now = sentra::clock::now().unwrap();
    window.app.book().unwrap().with(move |store| {
        store
            .init_stall("ST09", "Kopi Bu Ani", None, 1802, None, now)
            .unwrap();
    });
    window.type_keys("ST09");
    window.press_key(Named::Tab);
    window.type_keys("Kopi Bu Ani");
    window.press_key(Named::Tab);
    window.press_key(Named::Tab);
    window.type_keys("1802");
    window.press_key(Named::Enter);
    assert!(
        matches!(window.app.phase, Phase::Stall(_)),
        "on to the screens of the stall that was set up"
    );
    let said = window
        .till()
        .notice
        .as_ref()
        .map(|notice| format!("{notice:?}"))
        .unwrap_or_default();
    assert!(said.starts_with("Error("), "the refusal is told: {said}");
}
