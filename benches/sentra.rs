//! Sentra's benchmark: each measure beside its baseline, in the same run, on
//! the same disk, with the data made here. `cargo bench --bench sentra`.
//!
//! 1. a sale committed vs one bare INSERT committed (WAL, synchronous=FULL)
//! 2. search as you type over 100,000 products vs `LIKE '%q%'`, and vs 1,000
//! 3. opening a book of 100,000 products and 1,000,000 sales vs an empty one
//! 4. a day's report in a book of 1,000,000 sales vs one of 10,000
//! 5. the office importing exports of 1,000,000 sale lines vs bulk INSERTs;
//!    importing them all again
//! 6. peak memory of the window on 100,000 products vs an empty book
//! 7. Kasir, keystroke to drawn frame: typing a name and a scan at 100,000
//!    products vs 1,000; a 50-line cart vs an empty one; the payment panel
//! 8. Stok, to the drawn frame: the low-stock filter, the sort by stock, and
//!    scrolling, at 100,000 products vs 1,000
//! 9. start-up to the first Kasir frame, 1,000,000 sales vs an empty book
//! 10. Kantor with a year of 100 stalls' files vs a week: the day view,
//!     moving between days to the drawn frame, the stalls list
//!
//! 11. the office importing 100,000 wrong-PIN events (ten files of 10,000
//!     into one book) vs 10,000 events into an empty book, ten times
//!
//! `SENTRA_BENCH_ONLY=11` runs row 11 alone; `SENTRA_BENCH_ONLY=1,7` runs
//! rows 1 and 7 (the sale commit and the till's frames, the full books).
//! `SENTRA_BENCH_QUICK=1` shrinks the books and leaves out 1, 5 and 6, for
//! trying the bench out; the figures it prints are not the benchmark's.

// Beside the bench, not in benches/ itself, where Cargo would take each
// file for a bench of its own.
#[path = "sentra/frames.rs"]
mod frames;
#[path = "sentra/office.rs"]
mod office;
#[path = "sentra/screens.rs"]
mod screens;

use std::path::Path;
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use rusqlite::{Connection, params};
use sentra::domain::barcode::ean13_from_twelve;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::money::{Quantity, Rupiah};
use sentra::store::{SaleItem, SaleRequest, Store};
use sentra::sync::file::{seal, to_hex};
use sentra::sync::format::*;
use time::{Duration as Days, OffsetDateTime, macros::datetime};

const NOW: OffsetDateTime = datetime!(2026-11-27 10:00 +7);

struct Row {
    name: String,
    ours: Stats,
    baseline: Stats,
    /// ours / baseline of the medians (or as the goal says).
    ratio: f64,
    goal: String,
    met: bool,
}

#[derive(Clone, Copy)]
struct Stats {
    median: Duration,
    p99: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p99: at(0.99),
    }
}

fn time<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = work();
    (start.elapsed(), value)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const FIRST: [&str; 16] = [
    "Keripik", "Kopi", "Batik", "Tapis", "Kemplang", "Sambal", "Madu", "Lada", "Gula", "Dodol",
    "Kain", "Tas", "Dompet", "Kaos", "Lanting", "Bolu",
];
const SECOND: [&str; 16] = [
    "Pisang", "Robusta", "Lampung", "Siger", "Coklat", "Balado", "Keju", "Original", "Udang",
    "Ikan", "Hutan", "Aren", "Durian", "Sutra", "Katun", "Gajah",
];
const THIRD: [&str; 8] = [
    "Manis", "Pedas", "Premium", "Spesial", "Asli", "Super", "Mini", "Jumbo",
];

fn product_name(rng: &mut Rng, n: usize) -> String {
    format!(
        "{} {} {} {} g No.{n}",
        FIRST[rng.below(16) as usize],
        SECOND[rng.below(16) as usize],
        THIRD[rng.below(8) as usize],
        100 + 50 * rng.below(10)
    )
}

/// A stall book with `products` products and `sales` sales (500 a day,
/// ending today), written in bulk straight into the schema.
fn make_stall(dir: &Path, products: usize, sales: usize) {
    {
        let mut store = Store::open(dir).unwrap();
        store
            .init_stall("BNCH", "Toko Uji", None, 1802, None, NOW)
            .unwrap();
    }
    let mut conn = Connection::open(dir.join("sentra.db")).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let tx = conn.transaction().unwrap();
    let mut rng = Rng(42);
    let mut ids = Vec::with_capacity(products);
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO products (id, sku, barcode, name, unit, category, price, cost, min_stock, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'pcs', ?5, ?6, NULL, 0, ?7, ?7)",
            )
            .unwrap();
        for n in 0..products {
            let id = uuid::Uuid::now_v7().to_string();
            let barcode = ean13_from_twelve(899_000_000_000 + n as u64);
            let price = 5_000 + 500 * rng.below(400) as i64;
            insert
                .execute(params![
                    id,
                    format!("P{n:06}"),
                    barcode,
                    product_name(&mut rng, n),
                    FIRST[n % 16],
                    price,
                    "2021-01-01T08:00:00+07:00"
                ])
                .unwrap();
            ids.push((id, format!("P{n:06}"), price));
        }
    }
    let per_day = 500;
    let days = sales.div_ceil(per_day);
    let first_day = NOW.date() - Days::days(days as i64 - 1);
    {
        let mut day_row = tx
            .prepare("INSERT INTO days (day, status, opened_at, opening_float) VALUES (?1, 'closed', ?2, 0)")
            .unwrap();
        let mut sale = tx
            .prepare(
                "INSERT INTO sales (id, seq, receipt, day, number_in_day, created_at, subtotal, line_discounts,
                    sale_discount, tax_mode, tax, total, tendered, change)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, 'none', 0, ?7, ?7, 0)",
            )
            .unwrap();
        let mut line = tx
            .prepare(
                "INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, category, unit, unit_price, quantity,
                    gross, line_discount, sale_discount_share, net)
                 VALUES (?1, ?2, ?3, ?4, 'Produk', 'Keripik', 'pcs', ?5, 1000, ?5, 0, 0, ?5)",
            )
            .unwrap();
        let mut payment = tx
            .prepare(
                "INSERT INTO payments (sale_id, line_no, method, amount, tendered) VALUES (?1, 1, 'cash', ?2, ?2)",
            )
            .unwrap();
        let mut movement = tx
            .prepare(
                "INSERT INTO stock_movements (id, product_id, kind, quantity, sale_id, created_at)
                 VALUES (?1, ?2, 'sale', -1000, ?3, ?4)",
            )
            .unwrap();
        let mut seq = 0i64;
        for d in 0..days {
            let day = first_day + Days::days(d as i64);
            let day_text = day.to_string();
            day_row
                .execute(params![day_text, format!("{day_text}T07:00:00+07:00")])
                .unwrap();
            for n in 0..per_day.min(sales - d * per_day) {
                seq += 1;
                let id = uuid::Uuid::now_v7().to_string();
                let at = format!("{day_text}T{:02}:{:02}:00+07:00", 8 + n / 40, n % 60);
                let picked: Vec<usize> = (0..1 + rng.below(3))
                    .map(|_| rng.below(products as u64) as usize)
                    .collect();
                let total: i64 = picked.iter().map(|p| ids[*p].2).sum();
                let receipt = format!("BNCH-{}-{:04}", day_text.replace('-', ""), n + 1);
                sale.execute(params![id, seq, receipt, day_text, n as i64 + 1, at, total])
                    .unwrap();
                for (index, p) in picked.iter().enumerate() {
                    let (product_id, sku, price) = &ids[*p];
                    line.execute(params![id, index as i64 + 1, product_id, sku, price])
                        .unwrap();
                    movement
                        .execute(params![
                            uuid::Uuid::now_v7().to_string(),
                            product_id,
                            id,
                            at
                        ])
                        .unwrap();
                }
                payment.execute(params![id, total]).unwrap();
            }
        }
        tx.execute("UPDATE record_sequence SET last = ?1", [seq])
            .unwrap();
    }
    tx.commit().unwrap();
    // No ANALYZE: the program never runs it, so a real book has no
    // statistics either.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

fn bench_sale_commit(scratch: &Path) -> Row {
    let dir = scratch.join("commit");
    let mut store = Store::open(&dir).unwrap();
    store
        .init_stall("BNCH", "Toko Uji", None, 1802, None, NOW)
        .unwrap();
    for n in 0..20 {
        let product = sentra::store::NewProduct {
            sku: format!("P{n:02}"),
            barcode: None,
            name: format!("Produk {n}"),
            unit: sentra::domain::unit::Unit::Pcs,
            category: "Uji".into(),
            price: Rupiah::new(10_000 + n * 1_000),
            cost: None,
            min_stock: Quantity::ZERO,
        };
        store.add_product(&product, NOW).unwrap();
    }
    let request = |n: usize| SaleRequest {
        items: (0..5)
            .map(|i| SaleItem {
                code: format!("P{:02}", (n + i) % 20),
                quantity: Quantity::ONE,
                discount: None,
            })
            .collect(),
        discount: None,
        tenders: vec![
            Tender {
                method: PaymentMethod::Qris,
                amount: Rupiah::new(20_000),
                reference: None,
            },
            Tender {
                method: PaymentMethod::Cash,
                amount: Rupiah::new(200_000),
                reference: None,
            },
        ],
    };
    let runs = 300;
    let bare = Connection::open(scratch.join("bare.db")).unwrap();
    bare.pragma_update(None, "journal_mode", "WAL").unwrap();
    bare.pragma_update(None, "synchronous", "FULL").unwrap();
    bare.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
        .unwrap();
    // A sale, then a bare insert, in turns: a drift of the shared machine's
    // disk falls on both sides alike.
    let (ours, baseline): (Vec<Duration>, Vec<Duration>) = (0..runs)
        .map(|n| {
            let sale = time(|| store.complete_sale(&request(n), NOW).unwrap()).0;
            let insert = time(|| {
                bare.execute_batch("BEGIN IMMEDIATE").unwrap();
                bare.execute("INSERT INTO t (x) VALUES (?1)", [n.to_string()])
                    .unwrap();
                bare.execute_batch("COMMIT").unwrap();
            })
            .0;
            (sale, insert)
        })
        .unzip();
    // Each sale against the insert beside it: the median of those ratios,
    // not the ratio of two medians taken minutes apart.
    let mut ratios: Vec<f64> = ours
        .iter()
        .zip(&baseline)
        .map(|(sale, insert)| sale.as_secs_f64() / insert.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let ratio = ratios[ratios.len() / 2];
    eprintln!("        median of the pair ratios {ratio:.2}");
    let (ours, baseline) = (stats(ours), stats(baseline));
    Row {
        name: "1. sale commit (5 lines, 2 payments)".into(),
        ours,
        baseline,
        ratio,
        goal: "median of pair ratios ≤ 1.5".into(),
        met: ratio <= 1.5,
    }
}

fn queries(store: &Store, rng: &mut Rng, count: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        if n % 7 == 0 {
            // A barcode, as a scanner sends it.
            let products = store
                .connection()
                .query_row("SELECT COUNT(*) FROM products", [], |r| r.get::<_, i64>(0))
                .unwrap();
            out.push(ean13_from_twelve(
                899_000_000_000 + rng.below(products as u64),
            ));
        } else {
            let word = if n % 2 == 0 {
                FIRST[rng.below(16) as usize]
            } else {
                SECOND[rng.below(16) as usize]
            };
            let length = 1 + rng.below(6) as usize;
            out.push(word.chars().take(length).collect::<String>().to_lowercase());
        }
    }
    out
}

fn search_times(store: &Store, queries: &[String]) -> Vec<Duration> {
    queries
        .iter()
        .map(|q| time(|| store.search_products(q, 8).unwrap()).0)
        .collect()
}

fn naive_times(store: &Store, queries: &[String]) -> Vec<Duration> {
    let mut statement = store
        .connection()
        .prepare("SELECT id, sku, name, price FROM products WHERE name LIKE ?1 OR barcode LIKE ?1 ORDER BY name LIMIT 8")
        .unwrap();
    queries
        .iter()
        .map(|q| {
            time(|| {
                let rows: Vec<String> = statement
                    .query_map([format!("%{q}%")], |r| r.get(1))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                rows
            })
            .0
        })
        .collect()
}

fn main() {
    // The window's clock: the morning after the books' last day, which is
    // not opened yet (the books close every day they hold), so the till
    // sells and Kantor's today follows the files. Set before any thread.
    // SAFETY: no other thread runs yet.
    unsafe { std::env::set_var(sentra::clock::NOW_VARIABLE, "2026-11-28T09:00:00+07:00") };
    let quick = std::env::var("SENTRA_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
    if std::env::var("SENTRA_BENCH_ONLY").is_ok_and(|v| v == "11") {
        let scratch = tempfile::Builder::new()
            .prefix("sentra-bench")
            .tempdir_in(std::env::current_dir().unwrap().join("target"))
            .unwrap();
        let row = office::bench_events(scratch.path());
        print_row(&row);
        return;
    }
    frames::load_fonts();
    if std::env::var("SENTRA_BENCH_ONLY").is_ok_and(|v| v == "1,7") {
        till_rows();
        return;
    }
    let started = Instant::now();
    let scratch = tempfile::Builder::new()
        .prefix("sentra-bench")
        .tempdir_in(std::env::current_dir().unwrap().join("target"))
        .unwrap();
    let s = scratch.path();
    let mut rows = Vec::new();
    // The sale commit is cheap (300 pairs, a second or two): quick runs too.
    {
        eprintln!("[{:>5.1}s] 1. sale commit", started.elapsed().as_secs_f64());
        rows.push(bench_sale_commit(s));
    }
    let (large_products, large_sales) = if quick {
        (10_000, 100_000)
    } else {
        (100_000, 1_000_000)
    };

    eprintln!(
        "[{:>5.1}s] making books: 1,000 products / 10,000 sales, then {large_products} products / {large_sales} sales",
        started.elapsed().as_secs_f64()
    );
    let small = s.join("small");
    make_stall(&small, 1_000, 10_000);
    let large = s.join("large");
    make_stall(&large, large_products, large_sales);
    let empty = s.join("empty");
    {
        let mut store = Store::open(&empty).unwrap();
        store
            .init_stall("BNCH", "Toko Uji", None, 1802, None, NOW)
            .unwrap();
    }

    eprintln!("[{:>5.1}s] 2. search", started.elapsed().as_secs_f64());
    {
        let large_store = Store::open(&large).unwrap();
        let small_store = Store::open(&small).unwrap();
        let mut rng = Rng(7);
        let large_queries = queries(&large_store, &mut rng, 400);
        let small_queries = queries(&small_store, &mut rng, 400);
        // Warm both the same way.
        search_times(&large_store, &large_queries[..50]);
        naive_times(&large_store, &large_queries[..5]);
        let ours = stats(search_times(&large_store, &large_queries));
        let naive = stats(naive_times(&large_store, &large_queries[..100]));
        let speedup = naive.p99.as_secs_f64() / ours.p99.as_secs_f64();
        rows.push(Row {
            name: "2a. search, 100k products (p99) vs LIKE '%q%'".into(),
            ours,
            baseline: naive,
            ratio: speedup,
            goal: "naive / ours ≥ 20".into(),
            met: speedup >= 20.0,
        });
        search_times(&small_store, &small_queries[..50]);
        let small_stats = stats(search_times(&small_store, &small_queries));
        let growth = ours.p99.as_secs_f64() / small_stats.p99.as_secs_f64();
        rows.push(Row {
            name: "2b. search p99, 100k vs 1k products".into(),
            ours,
            baseline: small_stats,
            ratio: growth,
            goal: "ratio ≤ 3".into(),
            met: growth <= 3.0,
        });
    }

    eprintln!("[{:>5.1}s] 3. opening", started.elapsed().as_secs_f64());
    {
        let open = |dir: &Path| {
            time(|| {
                let store = Store::open(dir).unwrap();
                let identity = store.identity().unwrap();
                let settings = store.settings().unwrap();
                let held = store.held_sales().unwrap();
                (identity, settings, held)
            })
            .0
        };
        for _ in 0..3 {
            open(&large);
            open(&empty);
        }
        // The two books take turns, so a drift of the shared machine falls
        // on both sides alike.
        let (ours, baseline): (Vec<_>, Vec<_>) =
            (0..30).map(|_| (open(&large), open(&empty))).unzip();
        let (ours, baseline) = (stats(ours), stats(baseline));
        let ratio = ours.median.as_secs_f64() / baseline.median.as_secs_f64();
        rows.push(Row {
            name: "3. open to first Kasir data, 100k/1M vs empty".into(),
            ours,
            baseline,
            ratio,
            goal: "ratio ≤ 1.3".into(),
            met: ratio <= 1.3,
        });
    }

    eprintln!("[{:>5.1}s] 4. day report", started.elapsed().as_secs_f64());
    {
        let large_store = Store::open(&large).unwrap();
        let small_store = Store::open(&small).unwrap();
        let day = NOW.date() - Days::days(3);
        let report = |store: &Store| time(|| store.day_report(day).unwrap()).0;
        for _ in 0..5 {
            report(&large_store);
            report(&small_store);
        }
        let (ours, baseline): (Vec<_>, Vec<_>) = (0..50)
            .map(|_| (report(&large_store), report(&small_store)))
            .unzip();
        let (ours, baseline) = (stats(ours), stats(baseline));
        let ratio = ours.median.as_secs_f64() / baseline.median.as_secs_f64();
        assert_eq!(large_store.day_report(day).unwrap().sales_count, 500);
        rows.push(Row {
            name: "4. day report (500 sales), 1M-sale vs 10k-sale book".into(),
            ours,
            baseline,
            ratio,
            goal: "ratio ≤ 1.5".into(),
            met: ratio <= 1.5,
        });
    }

    let memory = if quick {
        None
    } else {
        eprintln!(
            "[{:>5.1}s] 5. office import",
            started.elapsed().as_secs_f64()
        );
        rows.extend(bench_import(s));

        eprintln!("[{:>5.1}s] 6. memory", started.elapsed().as_secs_f64());
        bench_memory(&large, &empty)
    };

    eprintln!(
        "[{:>5.1}s] 7. Kasir frames",
        started.elapsed().as_secs_f64()
    );
    // Printed after 6, in their numbers' order.
    let mut later = Vec::new();
    later.extend(screens::bench_kasir(&small, &large));
    eprintln!("[{:>5.1}s] 8. Stok frames", started.elapsed().as_secs_f64());
    later.extend(screens::bench_stok(
        &small,
        &large,
        if quick { 3 } else { 10 },
    ));
    eprintln!("[{:>5.1}s] 9. start-up", started.elapsed().as_secs_f64());
    later.push(screens::bench_start(&large, &empty));

    // 100 stalls, 30 sales each a day: 1.1 million sales in the year.
    let (stalls, per_day) = if quick { (20, 6) } else { (100, 30) };
    eprintln!(
        "[{:>5.1}s] making offices: {stalls} stalls × 365 days and × 7 days (bulk, shape checked against a real import)",
        started.elapsed().as_secs_f64()
    );
    office::check_shape(s);
    let year = s.join("office-year");
    office::make_office(&year, stalls, 365, per_day);
    let week = s.join("office-week");
    office::make_office(&week, stalls, 7, per_day);
    eprintln!("[{:>5.1}s] 10. Kantor", started.elapsed().as_secs_f64());
    later.extend(screens::bench_kantor(
        &year,
        &week,
        if quick { 2 } else { 5 },
    ));

    eprintln!(
        "[{:>5.1}s] 11. events import",
        started.elapsed().as_secs_f64()
    );
    later.push(office::bench_events(s));

    println!();
    println!(
        "{:<52} {:>21} {:>21} {:>8}  goal",
        "measure", "ours median / p99", "baseline median / p99", "ratio"
    );
    let print = print_row;
    rows.iter().for_each(print);
    match memory {
        Some((large_kb, empty_kb)) => {
            let ratio = large_kb as f64 / empty_kb as f64;
            println!(
                "{:<52} {:>21} {:>21} {:>8.2}  ratio ≤ 1.5 {}",
                "6. window peak RSS, 100k products vs empty",
                format!("{} MiB", large_kb / 1024),
                format!("{} MiB", empty_kb / 1024),
                ratio,
                if ratio <= 1.5 { "✓" } else { "✗ missed" }
            );
        }
        None => println!("6. window peak RSS: skipped (no X display and no Xvfb to start one)"),
    }
    later.iter().for_each(print);
    println!("\nwhole run: {:.0} s", started.elapsed().as_secs_f64());
}

/// Rows 1 and 7 alone: what the vendor feels at the till, with the same
/// books as the whole run.
fn till_rows() {
    let scratch = tempfile::Builder::new()
        .prefix("sentra-bench")
        .tempdir_in(std::env::current_dir().unwrap().join("target"))
        .unwrap();
    let s = scratch.path();
    let mut rows = vec![bench_sale_commit(s)];
    let (small, large) = (s.join("small"), s.join("large"));
    make_stall(&small, 1_000, 10_000);
    make_stall(&large, 100_000, 1_000_000);
    rows.extend(screens::bench_kasir(&small, &large));
    println!();
    rows.iter().for_each(print_row);
}

fn print_row(row: &Row) {
    println!(
        "{:<52} {:>21} {:>21} {:>8.2}  {} {}",
        row.name,
        format!("{} / {}", show(row.ours.median), show(row.ours.p99)),
        format!("{} / {}", show(row.baseline.median), show(row.baseline.p99)),
        row.ratio,
        row.goal,
        if row.met { "✓" } else { "✗ missed" }
    );
}

fn show(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

/// Daily exports of 100 stalls: 20 days × 250 sales × 2 lines = 1,000,000 lines.
fn bench_import(scratch: &Path) -> Vec<Row> {
    let folder = scratch.join("exports");
    std::fs::create_dir_all(&folder).unwrap();
    let mut contents = Vec::new();
    for stall in 0..100usize {
        let key = SigningKey::from_bytes(&[stall as u8 + 1; 32]);
        let mut seq = 1;
        for d in 0..20i64 {
            let day = (NOW.date() - Days::days(19 - d)).to_string();
            let sales: Vec<SaleRecord> = (0..250)
                .map(|n| {
                    let s = SaleRecord {
                        id: uuid::Uuid::now_v7().to_string(),
                        seq,
                        receipt: format!("S{stall:03}-{}-{:04}", day.replace('-', ""), n + 1),
                        day: day.clone(),
                        created_at: format!("{day}T10:00:00+07:00"),
                        subtotal: 30_000,
                        line_discounts: 0,
                        sale_discount: 0,
                        tax: 0,
                        total: 30_000,
                        lines: (1..=2)
                            .map(|l| SaleLineRecord {
                                line_no: l,
                                sku: format!("P{l}"),
                                name: "Keripik Pisang".into(),
                                category: "Keripik".into(),
                                unit: "pcs".into(),
                                unit_price: 15_000,
                                quantity_milli: 1_000,
                                gross: 15_000,
                                line_discount: 0,
                                sale_discount_share: 0,
                                net: 15_000,
                            })
                            .collect(),
                        payments: vec![PaymentRecord {
                            method: "cash".into(),
                            amount: 30_000,
                            tendered: 30_000,
                            reference: None,
                            customer: None,
                        }],
                    };
                    seq += 1;
                    s
                })
                .collect();
            let content = sentra::sync::export::with_products(ExportContent {
                export_id: uuid::Uuid::now_v7().to_string(),
                created_at: format!("{day}T21:00:00+07:00"),
                stall: StallInfo {
                    code: format!("S{stall:03}"),
                    name: format!("Toko {stall}"),
                    owner: None,
                    regency: 1802,
                    regency_kemendagri: None,
                    public_key: to_hex(key.verifying_key().as_bytes()),
                    struk_key: Some(
                        sentra::domain::struk_check::StrukKey::from_secret(&key.to_bytes())
                            .to_hex(),
                    ),
                    struk_keyed_since: Some("2026-01-01T00:00:00+07:00".into()),
                },
                sequence: SequenceRange {
                    from: seq - 250,
                    to: seq - 1,
                },
                products: Vec::new(),
                sales,
                voids: Vec::new(),
                returns: Vec::new(),
                day_closes: Vec::new(),
                events: Vec::new(),
                producers: Vec::new(),
                consigned_lines: Vec::new(),
                payouts: Vec::new(),
                repayments: Vec::new(),
                expenses: Vec::new(),
                prices: Vec::new(),
            });
            let name = format!(
                "sentra-S{stall:03}-{}-{:07}-{:07}.sentra",
                day,
                seq - 250,
                seq - 1
            );
            std::fs::write(folder.join(name), seal(&content, &key)).unwrap();
            contents.push(content);
        }
    }

    let office_dir = scratch.join("office");
    let mut office = Store::open(&office_dir).unwrap();
    office.init_office("Sentra", None, NOW).unwrap();
    let files = sentra::office::import::collect_files(std::slice::from_ref(&folder)).unwrap();
    // As `sentra import DIR` does it.
    let (first, _) = time(|| {
        sentra::office::import::import_files(&mut office, &files, NOW, |_, result| {
            result.unwrap();
        })
        .unwrap();
    });
    let (again, _) = time(|| {
        sentra::office::import::import_files(&mut office, &files, NOW, |_, result| {
            assert_eq!(result.unwrap().new_records, 0);
        })
        .unwrap();
    });
    let lines: i64 = office
        .connection()
        .query_row("SELECT COUNT(*) FROM office_sale_lines", [], |r| r.get(0))
        .unwrap();
    assert_eq!(lines, 1_000_000);
    drop(office);

    // The limit: the same rows, already in memory, bulk-inserted into the
    // same tables in one transaction with prepared statements.
    let bulk_dir = scratch.join("office-bulk");
    {
        let mut store = Store::open(&bulk_dir).unwrap();
        store.init_office("Sentra", None, NOW).unwrap();
    }
    let mut conn = Connection::open(bulk_dir.join("sentra.db")).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    let (bulk, _) = time(|| {
        let tx = conn.transaction().unwrap();
        {
            let mut sale = tx
                .prepare(
                    "INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal, line_discounts,
                        sale_discount, tax, total) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .unwrap();
            let mut line = tx
                .prepare(
                    "INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price, quantity,
                        gross, line_discount, sale_discount_share, net, stall_code)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .unwrap();
            let mut payment = tx
                .prepare(
                    "INSERT INTO office_payments (sale_id, line_no, method, amount, tendered, reference, stall_code)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .unwrap();
            let mut seen = tx
                .prepare("INSERT INTO office_seen (stall_code, seq, day) VALUES (?1, ?2, ?3)")
                .unwrap();
            for content in &contents {
                let code = &content.stall.code;
                for s in &content.sales {
                    sale.execute(params![
                        s.id,
                        code,
                        s.seq,
                        s.receipt,
                        s.day,
                        s.created_at,
                        s.subtotal,
                        s.line_discounts,
                        s.sale_discount,
                        s.tax,
                        s.total
                    ])
                    .unwrap();
                    for l in &s.lines {
                        line.execute(params![
                            s.id,
                            l.line_no,
                            l.sku,
                            l.name,
                            l.category,
                            l.unit,
                            l.unit_price,
                            l.quantity_milli,
                            l.gross,
                            l.line_discount,
                            l.sale_discount_share,
                            l.net,
                            code
                        ])
                        .unwrap();
                    }
                    for (i, p) in s.payments.iter().enumerate() {
                        payment
                            .execute(params![
                                s.id,
                                i as i64 + 1,
                                p.method,
                                p.amount,
                                p.tendered,
                                p.reference,
                                code
                            ])
                            .unwrap();
                    }
                    seen.execute(params![code, s.seq, s.day]).unwrap();
                }
            }
        }
        tx.commit().unwrap();
    });
    let one = |d: Duration| Stats { median: d, p99: d };
    let ratio = first.as_secs_f64() / bulk.as_secs_f64();
    let repeat = again.as_secs_f64() / first.as_secs_f64();
    vec![
        Row {
            name: "5a. office import, 2,000 files / 1M lines, vs bulk".into(),
            ours: one(first),
            baseline: one(bulk),
            ratio,
            goal: "ratio ≤ 2".into(),
            met: ratio <= 2.0,
        },
        Row {
            name: "5b. the same files again (all known) vs first".into(),
            ours: one(again),
            baseline: one(first),
            ratio: repeat,
            goal: "ratio ≤ 0.5".into(),
            met: repeat <= 0.5,
        },
    ]
}

/// Peak RSS (VmHWM, KiB) of the real window on each book, under X.
fn bench_memory(large: &Path, empty: &Path) -> Option<(u64, u64)> {
    let mut xvfb = None;
    let display = match std::env::var("DISPLAY") {
        Ok(display) if !display.is_empty() => display,
        _ => {
            let child = std::process::Command::new("Xvfb")
                .args([":97", "-screen", "0", "1366x768x24"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .ok()?;
            xvfb = Some(child);
            std::thread::sleep(Duration::from_secs(1));
            ":97".to_string()
        }
    };
    let peak = |dir: &Path| -> Option<u64> {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sentra"))
            .env("DISPLAY", &display)
            .env("ICED_BACKEND", "tiny-skia")
            .env("SENTRA_DATA_DIR", dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        std::thread::sleep(Duration::from_secs(5));
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok();
        let _ = child.kill();
        let _ = child.wait();
        status?
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let result = (|| Some((peak(large)?, peak(empty)?)))();
    if let Some(mut xvfb) = xvfb {
        let _ = xvfb.kill();
        let _ = xvfb.wait();
    }
    result
}
