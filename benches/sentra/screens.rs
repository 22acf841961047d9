//! What the vendor feels: keystroke to frame in Kasir and Stok, start-up to
//! the first Kasir frame, and the office's Kantor moving between days.

use std::path::Path;
use std::time::Duration;

use iced::Point;
use iced::keyboard::key::Named;
use sentra::domain::barcode::ean13_from_twelve;
use sentra::store::Store;
use sentra::ui::kasir::{self, CartItem, Panel};
use sentra::ui::stok::{self, SortBy};
use sentra::ui::{Message, Phase, Shell, Tab};

use super::frames::Screen;
use super::{Rng, Row, Stats, stats, time};

/// Names a vendor types, a keystroke at a time.
const TYPED: [&str; 8] = [
    "keripik pisang",
    "kopi robusta",
    "batik lampung",
    "tapis siger",
    "kemplang ikan",
    "dodol durian",
    "madu hutan",
    "lada original",
];

fn shell(screen: &Screen) -> &Shell {
    match &screen.app.phase {
        Phase::Stall(shell) => shell,
        _ => panic!("not a stall's screens"),
    }
}

fn row(name: &str, ours: Vec<Duration>, baseline: Vec<Duration>, goal: f64) -> Row {
    let (ours, baseline) = (stats(ours), stats(baseline));
    ratio_row(name, ours, baseline, goal)
}

fn ratio_row(name: &str, ours: Stats, baseline: Stats, goal: f64) -> Row {
    let ratio = ours.median.as_secs_f64() / baseline.median.as_secs_f64();
    Row {
        name: name.into(),
        ours,
        baseline,
        ratio,
        goal: format!("ratio ≤ {goal}"),
        met: ratio <= goal,
    }
}

/// A name typed, each keystroke timed to its frame; Esc (untimed) clears
/// the search after it.
fn typing(screen: &mut Screen, name: &str) -> Vec<Duration> {
    let samples = (1..=name.len())
        .map(|end| {
            let typed = name[..end].to_string();
            screen.frame_after(Message::Kasir(kasir::Message::QueryChanged(typed)))
        })
        .collect();
    assert!(
        !shell(screen).kasir.results.is_empty(),
        "{name}: the search finds it"
    );
    screen.key(Named::Escape);
    samples
}

/// Puts `cart` in the till and takes what it held out (untimed): the same
/// screen measured with one cart and another, turn about, so a shared
/// machine's drift falls on both.
fn swap_cart(screen: &mut Screen, cart: &mut Vec<CartItem>) {
    match &mut screen.app.phase {
        Phase::Stall(shell) => std::mem::swap(&mut shell.kasir.cart, cart),
        _ => panic!("not a stall's screens"),
    }
}

fn products(screen: &Screen) -> u64 {
    screen
        .app
        .book()
        .unwrap()
        .with(|store| {
            store
                .connection()
                .query_row("SELECT COUNT(*) FROM products", [], |r| r.get::<_, i64>(0))
                .unwrap()
        })
        .try_into()
        .unwrap()
}

/// A scanner's burst: the barcode's digits and Enter, one frame after them.
fn scan(screen: &mut Screen, barcode: String) -> Duration {
    screen.frame_after_all(vec![
        Message::Kasir(kasir::Message::QueryChanged(barcode)),
        Message::Kasir(kasir::Message::Submit),
    ])
}

fn scans(screen: &mut Screen, rng: &mut Rng, count: usize) -> Vec<Duration> {
    let catalogue = products(screen);
    (0..count)
        .map(|_| {
            let barcode = ean13_from_twelve(899_000_000_000 + rng.below(catalogue));
            let took = scan(screen, barcode);
            assert_eq!(
                shell(screen).kasir.cart.len(),
                1,
                "the scan lands in the cart"
            );
            screen.send(Message::Kasir(kasir::Message::RemoveLine(0)));
            took
        })
        .collect()
}

/// F2, then a cash amount typed, each keystroke to its frame; Esc closes.
fn paying(screen: &mut Screen) -> Vec<Duration> {
    let mut samples = vec![screen.frame_after(Message::Kasir(kasir::Message::OpenPay))];
    assert!(matches!(shell(screen).kasir.panel, Panel::Pay(_)));
    for end in 1..=7 {
        let typed = "5000000"[..end].to_string();
        samples.push(screen.frame_after(Message::Kasir(kasir::Message::AmountChanged(typed))));
    }
    screen.key(Named::Escape);
    samples
}

pub fn bench_kasir(small: &Path, large: &Path) -> Vec<Row> {
    let mut big = Screen::open(Store::open(large).unwrap());
    let mut little = Screen::open(Store::open(small).unwrap());
    big.draw();
    little.draw();
    // The first round warms both; then the books take turns name by name.
    let (mut big_typing, mut little_typing) = (Vec::new(), Vec::new());
    for round in 0..3 {
        for name in TYPED {
            let (b, l) = (typing(&mut big, name), typing(&mut little, name));
            if round > 0 {
                big_typing.extend(b);
                little_typing.extend(l);
            }
        }
    }
    let mut rng = Rng(99);
    let (mut big_scans, mut little_scans) = (Vec::new(), Vec::new());
    for n in 0..65 {
        let (b, l) = (
            scans(&mut big, &mut rng, 1),
            scans(&mut little, &mut rng, 1),
        );
        if n >= 5 {
            big_scans.extend(b);
            little_scans.extend(l);
        }
    }
    drop(little);

    // The same keystrokes with 50 lines in the cart and with none, on the
    // 100k book, turn about.
    let catalogue = products(&big);
    for n in 0..50 {
        scan(
            &mut big,
            ean13_from_twelve(899_000_000_000 + (n * 1_997) % catalogue),
        );
    }
    assert_eq!(shell(&big).kasir.cart.len(), 50);
    let mut fifty = Vec::new();
    swap_cart(&mut big, &mut fifty);
    let (mut cart_typing, mut empty_typing) = (Vec::new(), Vec::new());
    for round in 0..3 {
        for name in TYPED {
            let empty = typing(&mut big, name);
            swap_cart(&mut big, &mut fifty);
            let full = typing(&mut big, name);
            swap_cart(&mut big, &mut fifty);
            if round > 0 {
                empty_typing.extend(empty);
                cart_typing.extend(full);
            }
        }
    }
    // Paying for 50 lines and for one, turn about.
    let mut one = vec![fifty[0].clone()];
    let (mut cart_paying, mut one_paying) = (Vec::new(), Vec::new());
    for round in 0..14 {
        swap_cart(&mut big, &mut fifty);
        let full = paying(&mut big);
        swap_cart(&mut big, &mut fifty);
        swap_cart(&mut big, &mut one);
        let single = paying(&mut big);
        swap_cart(&mut big, &mut one);
        if round >= 2 {
            cart_paying.extend(full);
            one_paying.extend(single);
        }
    }

    vec![
        row(
            "7a. Kasir keystroke→frame, 100k vs 1k products",
            big_typing,
            little_typing,
            1.2,
        ),
        row(
            "7b. Kasir scan→frame, 100k vs 1k products",
            big_scans,
            little_scans,
            1.2,
        ),
        row(
            "7c. Kasir keystroke→frame, 50-line vs empty cart",
            cart_typing,
            empty_typing,
            1.5,
        ),
        row(
            "7d. payment panel F2/amount→frame, 50 vs 1 line",
            cart_paying,
            one_paying,
            1.2,
        ),
    ]
}

/// What one round on Stok cost: the low-stock filter, the sort by stock,
/// and scrolling.
#[derive(Default)]
struct StokTimes {
    low: Vec<Duration>,
    sort: Vec<Duration>,
    scroll: Vec<Duration>,
}

fn stok_screen(dir: &Path) -> Screen {
    let mut screen = Screen::open(Store::open(dir).unwrap());
    screen.send(Message::SwitchTab(Tab::Stok));
    screen.draw();
    assert!(shell(&screen).stok.page.is_some());
    screen
}

fn stok_round(screen: &mut Screen, times: &mut StokTimes) {
    let stok_message = Message::Stok;
    times
        .low
        .push(screen.frame_after(stok_message(stok::Message::LowOnlyToggled(true))));
    screen.send(stok_message(stok::Message::LowOnlyToggled(false)));
    times
        .sort
        .push(screen.frame_after(stok_message(stok::Message::SortBy(SortBy::Stock))));
    let sorted = screen.last_frame;
    screen.send(stok_message(stok::Message::SortBy(SortBy::Name)));
    screen.draw();
    assert_ne!(
        sorted, screen.last_frame,
        "sorting by stock shows other rows"
    );
    // The table scrolled by the wheel and paged by ↓, down and back.
    let over_table = Point::new(400.0, 500.0);
    let top = screen.last_frame;
    for _ in 0..10 {
        times.scroll.push(screen.wheel(over_table, -3.0));
    }
    assert_ne!(top, screen.last_frame, "the wheel scrolls the table");
    for _ in 0..10 {
        times.scroll.push(screen.wheel(over_table, 3.0));
    }
    for key in [Named::ArrowDown, Named::ArrowUp] {
        for _ in 0..10 {
            times
                .scroll
                .push(screen.frame_after(Message::KeyPressed(sentra::ui::KeyPress::plain(key))));
        }
    }
}

pub fn bench_stok(small: &Path, large: &Path, rounds: usize) -> Vec<Row> {
    let (mut big_screen, mut little_screen) = (stok_screen(large), stok_screen(small));
    // A warming round each, then turn about.
    stok_round(&mut big_screen, &mut StokTimes::default());
    stok_round(&mut little_screen, &mut StokTimes::default());
    let (mut big, mut little) = (StokTimes::default(), StokTimes::default());
    for _ in 0..rounds {
        stok_round(&mut big_screen, &mut big);
        stok_round(&mut little_screen, &mut little);
    }
    vec![
        row(
            "8a. Stok low-stock filter→frame, 100k vs 1k",
            big.low,
            little.low,
            1.5,
        ),
        row(
            "8b. Stok sort by stock→frame, 100k vs 1k",
            big.sort,
            little.sort,
            1.5,
        ),
        row(
            "8c. Stok wheel/↓ scrolling→frame, 100k vs 1k",
            big.scroll,
            little.scroll,
            1.5,
        ),
    ]
}

/// The program's boot path, in the Simulator's stead: open the book, read
/// identity and settings, the Kasir's first data, a renderer made, the first
/// frame drawn. The fonts are loaded once per process before (a real start
/// loads them too, the same on either book).
pub fn bench_start(large: &Path, empty: &Path) -> Row {
    let start = |dir: &Path| {
        time(|| {
            let mut screen = Screen::open(Store::open(dir).unwrap());
            screen.draw();
            assert_eq!(shell(&screen).tab, Tab::Kasir);
            screen.last_frame
        })
        .0
    };
    for _ in 0..3 {
        start(large);
        start(empty);
    }
    let (mut ours, mut baseline) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        ours.push(start(large));
        baseline.push(start(empty));
    }
    row(
        "9. start→first Kasir frame (boot path), 1M vs empty",
        ours,
        baseline,
        1.3,
    )
}

/// Kantor: Ctrl+PgUp through the last week and Ctrl+PgDn back, each day's
/// frame.
fn kantor_days(screen: &mut Screen) -> Vec<Duration> {
    let mut samples = Vec::new();
    let mut shown = Vec::new();
    for key in [Named::PageUp, Named::PageDown] {
        for _ in 0..6 {
            let press = sentra::ui::KeyPress {
                modifiers: iced::keyboard::Modifiers::CTRL,
                ..sentra::ui::KeyPress::plain(key)
            };
            samples.push(screen.frame_after(Message::KeyPressed(press)));
            shown.push(screen.last_frame);
        }
    }
    shown.sort();
    shown.dedup();
    assert!(shown.len() > 3, "each day draws its own figures");
    samples
}

/// The centre's last seven days, each as Kantor loads it.
fn day_views(store: &Store) -> Vec<Duration> {
    (0..7)
        .map(|back| {
            let date = super::NOW.date() - time::Duration::days(back);
            let (took, day) = time(|| sentra::office::centre::centre_day(store, date).unwrap());
            assert_eq!(day.stalls.len() + day.silent.len(), stall_count(store));
            assert!(day.totals.sales_count > 0);
            took
        })
        .collect()
}

fn stalls_list(store: &Store) -> Duration {
    let (took, list) = time(|| sentra::office::centre::stalls(store).unwrap());
    assert!(
        list.iter()
            .all(|s| s.gaps.is_empty() && s.silent_days.is_empty() && s.first_day.is_some())
    );
    took
}

pub fn bench_kantor(year: &Path, week: &Path, rounds: usize) -> Vec<Row> {
    let (mut year_view, mut week_view) = (Vec::new(), Vec::new());
    let (mut year_stalls, mut week_stalls) = (Vec::new(), Vec::new());
    {
        let (year_store, week_store) = (Store::open(year).unwrap(), Store::open(week).unwrap());
        for round in 0..rounds * 2 + 1 {
            let (y, w) = (day_views(&year_store), day_views(&week_store));
            let (ys, ws) = (stalls_list(&year_store), stalls_list(&week_store));
            if round > 0 {
                year_view.extend(y);
                week_view.extend(w);
                year_stalls.push(ys);
                week_stalls.push(ws);
            }
        }
    }
    let (mut year_screen, mut week_screen) = (
        Screen::open(Store::open(year).unwrap()),
        Screen::open(Store::open(week).unwrap()),
    );
    year_screen.draw();
    week_screen.draw();
    let (mut year_frames, mut week_frames) = (Vec::new(), Vec::new());
    for round in 0..rounds + 1 {
        let (y, w) = (kantor_days(&mut year_screen), kantor_days(&mut week_screen));
        if round > 0 {
            year_frames.extend(y);
            week_frames.extend(w);
        }
    }
    vec![
        row(
            "10a. Kantor day view (centre_day), year vs week",
            year_view,
            week_view,
            1.5,
        ),
        row(
            "10b. Kantor PgUp/PgDn→frame, year vs week",
            year_frames,
            week_frames,
            1.5,
        ),
        row(
            "10c. Kantor stalls list, year vs week",
            year_stalls,
            week_stalls,
            1.5,
        ),
    ]
}

fn stall_count(store: &Store) -> usize {
    store
        .connection()
        .query_row("SELECT COUNT(*) FROM office_stalls", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap() as usize
}
