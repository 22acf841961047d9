//! Stall to office by file: the office's totals equal the stalls' own, however
//! the files arrive, and every kind of bad file is refused with its reason
//! while the office book stays as it was.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use proptest::prelude::*;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::money::Rupiah;
use sentra::office::centre::{self as office, DayTotals};
use sentra::office::import::import_file;
use sentra::store::{ReturnItem, SaleItem, SaleRequest, Store};
use sentra::sync::export::export;
use sentra::sync::{Rejection, SyncError};
use time::{Date, Duration, OffsetDateTime};

const PRODUCTS: [(&str, i64, Unit); 4] = [
    ("KRP-01", 10_000, Unit::Pack),
    ("KPI-03", 150_000, Unit::Kg),
    ("TPS-04", 300_000, Unit::Pcs),
    ("KPL-01", 17_000, Unit::Pack),
];

fn stall(code: &str, regency: u16) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .init_stall(code, &format!("Toko {code}"), None, regency, Some(PIN), NOW)
        .unwrap();
    for (sku, price, unit) in PRODUCTS {
        store.add_product(&product(sku, price, unit), NOW).unwrap();
    }
    (dir, store)
}

fn office_book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.init_office("Sentra UMKM Lampung", None, NOW).unwrap();
    (dir, store)
}

fn at(day: i64, minute: i64) -> OffsetDateTime {
    NOW - Duration::hours(2) + Duration::days(day) + Duration::minutes(minute)
}

fn date(day: i64) -> Date {
    (NOW + Duration::days(day)).date()
}

fn sell(
    store: &mut Store,
    when: OffsetDateTime,
    items: &[(usize, i64)],
    method: PaymentMethod,
) -> String {
    let items: Vec<SaleItem> = items
        .iter()
        .map(|(product, units)| SaleItem {
            code: PRODUCTS[*product].0.into(),
            quantity: sentra::money::Quantity::whole(*units).unwrap(),
            discount: None,
        })
        .collect();
    // The buyer pays exactly what the cart costs, by the chosen method.
    let lines: Vec<_> = items
        .iter()
        .map(|item| sentra::domain::cart::CartLine {
            unit_price: rp(PRODUCTS.iter().find(|p| p.0 == item.code).unwrap().1),
            quantity: item.quantity,
            discount: None,
        })
        .collect();
    let total = sentra::domain::cart::price_cart(&lines, None, Default::default())
        .unwrap()
        .total;
    let tenders = vec![Tender {
        method,
        amount: total,
        reference: None,
    }];
    store
        .complete_sale(
            &SaleRequest {
                items,
                discount: None,
                tenders,
            },
            when,
        )
        .unwrap()
        .receipt
}

fn export_now(store: &mut Store, dir: &Path, when: OffsetDateTime) -> PathBuf {
    export(store, dir, None, when).unwrap().path
}

/// The figures both sides must agree on, from the stall's own report.
fn stall_figures(store: &Store, day: Date) -> DayTotals {
    let report = store.day_report(day).unwrap();
    let paid = |method: PaymentMethod| {
        report
            .payments
            .iter()
            .find(|m| m.method == method)
            .map(|m| m.amount)
            .unwrap_or_default()
    };
    DayTotals {
        sales_count: report.sales_count,
        gross: report.gross,
        discounts: report.discounts,
        tax: report.tax,
        net: report.net,
        returns: report.returns_total,
        takings: report.takings,
        cash: paid(PaymentMethod::Cash),
        qris: paid(PaymentMethod::Qris),
        transfer: paid(PaymentMethod::Transfer),
        card: paid(PaymentMethod::Card),
        kasbon: paid(PaymentMethod::Kasbon),
        repayments: Rupiah::sum(report.repayments.iter().map(|r| r.amount)).unwrap(),
        expenses: Rupiah::sum(report.expenses.iter().map(|e| e.amount)).unwrap(),
        // No retribusi is set at these offices.
        fee: Rupiah::ZERO,
    }
}

fn office_figures(office: &Store, code: &str, day: Date) -> DayTotals {
    office::stall_day(office.connection(), code, &day.to_string()).unwrap()
}

#[derive(Debug, Clone)]
struct PlannedSale {
    stall: usize,
    day: i64,
    items: Vec<(usize, i64)>,
    method: usize,
    correction: u8,
    export_after: bool,
}

fn planned_sale() -> impl Strategy<Value = PlannedSale> {
    (
        0..2usize,
        0..3i64,
        prop::collection::vec((0..4usize, 1..4i64), 1..4),
        0..4usize,
        0..6u8,
        any::<bool>(),
    )
        .prop_map(
            |(stall, day, items, method, correction, export_after)| PlannedSale {
                stall,
                day,
                items,
                method,
                correction,
                export_after,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the stalls sell, void and return over several days, exported
    /// in whatever pieces and imported in whatever order, twice over: each
    /// stall's day at the office equals the stall's own report of it.
    #[test]
    fn office_totals_equal_stall_totals(
        mut plan in prop::collection::vec(planned_sale(), 1..20),
        shuffle in any::<u64>(),
    ) {
        plan.sort_by_key(|p| p.day);
        let mut stalls = vec![stall("ST01", 1802), stall("ST02", 1871)];
        let exports = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        let mut closed = vec![-1i64; stalls.len()];
        for (index, sale) in plan.iter().enumerate() {
            let store = &mut stalls[sale.stall].1;
            // Close earlier days as a vendor would before selling on a new one.
            for day in (closed[sale.stall] + 1)..sale.day {
                // A cash refund on a day of QRIS sales leaves the drawer short.
                let expected = store.day_report(date(day)).unwrap().cash.expected;
                store.close_day(expected.max(rp(0)), at(day, 600)).unwrap();
                closed[sale.stall] = day;
            }
            let when = at(sale.day, index as i64);
            let receipt = sell(store, when, &sale.items, PaymentMethod::ALL[sale.method]);
            match sale.correction {
                0 => { store.void_sale(&receipt, "salah input", PIN, when).unwrap(); }
                1 => {
                    let (product, _) = sale.items[0];
                    let item = ReturnItem { sku: PRODUCTS[product].0.into(), quantity: qty("1") };
                    let refund = Tender { method: PaymentMethod::Cash, amount: rp(1_000), reference: None };
                    store.return_items_with(&receipt, &[item], &[refund], Some(PIN), when).unwrap();
                }
                _ => {}
            }
            if sale.export_after {
                files.push(export_now(store, exports.path(), when));
            }
        }
        for (store_dir, store) in &mut stalls {
            let _ = store_dir;
            match export(store, exports.path(), None, at(3, 0)) {
                Ok(summary) => files.push(summary.path),
                Err(SyncError::NothingNew { .. }) => {}
                Err(other) => panic!("{other}"),
            }
        }
        // Every file twice, in a shuffled order.
        let mut arrivals: Vec<PathBuf> = files.iter().chain(files.iter()).cloned().collect();
        let mut seed = shuffle;
        for i in (1..arrivals.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            arrivals.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let (_office_dir, mut office) = office_book();
        for file in &arrivals {
            import_file(&mut office, file, office_now()).unwrap();
        }
        for (index, (_, store)) in stalls.iter().enumerate() {
            let code = if index == 0 { "ST01" } else { "ST02" };
            for day in 0..3 {
                prop_assert_eq!(office_figures(&office, code, date(day)), stall_figures(store, date(day)));
            }
        }
        let statuses = office::stalls(&office).unwrap();
        prop_assert!(statuses.iter().all(|s| s.gaps.is_empty()));
    }
}

#[test]
fn the_same_file_twice_and_overlapping_files_count_once() {
    let (_dir, mut store) = stall("ST07", 1802);
    let exports = tempfile::tempdir().unwrap();
    sell(&mut store, at(0, 1), &[(0, 2)], PaymentMethod::Cash);
    let first = export_now(&mut store, exports.path(), at(0, 2));
    sell(&mut store, at(0, 3), &[(2, 1)], PaymentMethod::Qris);
    let second = export_now(&mut store, exports.path(), at(0, 4));
    // A re-send of everything overlaps both.
    let everything = export(&mut store, exports.path(), Some(1), at(0, 5))
        .unwrap()
        .path;

    let (_office_dir, mut office) = office_book();
    let stats = import_file(&mut office, &first, office_now()).unwrap();
    assert_eq!((stats.new_records, stats.known_records), (1, 0));
    let again = import_file(&mut office, &first, office_now()).unwrap();
    assert_eq!((again.new_records, again.known_records), (0, 1));
    let overlap = import_file(&mut office, &everything, office_now()).unwrap();
    assert_eq!((overlap.new_records, overlap.known_records), (1, 1));
    let last = import_file(&mut office, &second, office_now()).unwrap();
    assert_eq!((last.new_records, last.known_records), (0, 1));
    let figures = office_figures(&office, "ST07", date(0));
    assert_eq!((figures.sales_count, figures.net), (2, rp(320_000)));
    assert_eq!(figures, stall_figures(&store, date(0)));
}

#[test]
fn a_missing_middle_export_shows_as_a_gap_until_it_arrives() {
    let (_dir, mut store) = stall("ST07", 1802);
    let exports = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for minute in 0..3 {
        sell(&mut store, at(0, minute), &[(0, 1)], PaymentMethod::Cash);
        sell(&mut store, at(0, minute), &[(3, 1)], PaymentMethod::Cash);
        files.push(export_now(&mut store, exports.path(), at(0, minute)));
    }
    let (_office_dir, mut office) = office_book();
    import_file(&mut office, &files[0], office_now()).unwrap();
    import_file(&mut office, &files[2], office_now()).unwrap();
    let status = &office::stalls(&office).unwrap()[0];
    assert_eq!(status.gaps, vec![(3, 4)]);
    import_file(&mut office, &files[1], office_now()).unwrap();
    assert!(office::stalls(&office).unwrap()[0].gaps.is_empty());
}

#[test]
fn a_void_drops_out_whichever_arrives_first() {
    for void_first in [false, true] {
        let (_dir, mut store) = stall("ST07", 1802);
        let exports = tempfile::tempdir().unwrap();
        let kept = sell(&mut store, at(0, 1), &[(0, 1)], PaymentMethod::Cash);
        let voided = sell(&mut store, at(0, 2), &[(2, 1)], PaymentMethod::Cash);
        let sales = export_now(&mut store, exports.path(), at(0, 3));
        store
            .void_sale(&voided, "pembeli batal", PIN, at(0, 4))
            .unwrap();
        let void = export_now(&mut store, exports.path(), at(0, 5));
        let (_office_dir, mut office) = office_book();
        let order = if void_first {
            [&void, &sales]
        } else {
            [&sales, &void]
        };
        for file in order {
            import_file(&mut office, file, office_now()).unwrap();
        }
        let figures = office_figures(&office, "ST07", date(0));
        assert_eq!(
            (figures.sales_count, figures.net),
            (1, rp(10_000)),
            "void first: {void_first}, kept {kept}"
        );
        assert_eq!(figures, stall_figures(&store, date(0)));
    }
}

/// Rewrites a file's content, optionally fixing its length and checksum so
/// that only the signature can tell.
fn rewrite(
    bytes: &[u8],
    edit: impl FnOnce(&mut serde_json::Value),
    reseal_checksum: bool,
) -> Vec<u8> {
    let newline = bytes.iter().position(|b| *b == b'\n').unwrap();
    let mut envelope: serde_json::Value = serde_json::from_slice(&bytes[..newline]).unwrap();
    let mut content: serde_json::Value = serde_json::from_slice(&bytes[newline + 1..]).unwrap();
    edit(&mut content);
    let body = serde_json::to_vec(&content).unwrap();
    if reseal_checksum {
        use sha2::Digest;
        envelope["length"] = body.len().into();
        envelope["sha256"] = sentra::sync::file::to_hex(&sha2::Sha256::digest(&body)).into();
    }
    let mut out = serde_json::to_vec(&envelope).unwrap();
    out.push(b'\n');
    out.extend(body);
    out
}

#[test]
fn bad_files_are_refused_each_with_its_reason_and_change_nothing() {
    let (_dir, mut store) = stall("ST07", 1802);
    let exports = tempfile::tempdir().unwrap();
    sell(&mut store, at(0, 1), &[(0, 2), (3, 1)], PaymentMethod::Cash);
    sell(&mut store, at(0, 2), &[(2, 1)], PaymentMethod::Qris);
    let good = std::fs::read(export_now(&mut store, exports.path(), at(0, 3))).unwrap();
    let (_office_dir, mut office) = office_book();
    let pinned = exports.path().join("pinned.sentra");
    std::fs::write(&pinned, &good).unwrap();
    import_file(&mut office, &pinned, office_now()).unwrap();

    // Another stall's key, under this stall's code.
    let (_other_dir, mut impostor) = stall("ST07", 1802);
    sell(&mut impostor, at(0, 1), &[(2, 3)], PaymentMethod::Cash);
    let impostor_file = std::fs::read(export_now(&mut impostor, exports.path(), at(0, 2))).unwrap();

    let mut random = vec![0u8; 4096];
    let mut seed = 7u64;
    for byte in &mut random {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        *byte = (seed >> 56) as u8;
    }
    // Same length, one digit different: only the checksum can tell.
    let changed_amount =
        String::from_utf8(good.clone())
            .unwrap()
            .replacen("\"total\":37000", "\"total\":97000", 1);
    assert!(
        changed_amount.as_bytes() != good.as_slice(),
        "the amount was changed"
    );
    let cases: Vec<(&str, Vec<u8>, Rejection)> = vec![
        (
            "one changed amount",
            changed_amount.into_bytes(),
            Rejection::Corrupt,
        ),
        (
            "one changed amount, checksum redone",
            rewrite(&good, |c| c["sales"][0]["total"] = 1.into(), true),
            Rejection::BadSignature,
        ),
        (
            "one removed sale, checksum redone",
            rewrite(
                &good,
                |c| {
                    c["sales"].as_array_mut().unwrap().remove(0);
                },
                true,
            ),
            Rejection::BadSignature,
        ),
        (
            "one removed sale",
            rewrite(
                &good,
                |c| {
                    c["sales"].as_array_mut().unwrap().remove(0);
                },
                false,
            ),
            Rejection::Corrupt,
        ),
        (
            "a truncated file",
            good[..good.len() * 2 / 3].to_vec(),
            Rejection::Truncated {
                found: 0,
                expected: 0,
            },
        ),
        ("random bytes", random, Rejection::NotAnExport),
        ("an empty file", Vec::new(), Rejection::Empty),
        (
            "another stall's key under this code",
            impostor_file,
            Rejection::WrongKey("ST07".into()),
        ),
        (
            "a future version",
            String::from_utf8(good.clone())
                .unwrap()
                .replacen(
                    &format!("\"version\":{}", sentra::sync::format::VERSION),
                    &format!("\"version\":{}", sentra::sync::format::VERSION + 1),
                    1,
                )
                .into_bytes(),
            Rejection::UnknownVersion(u64::from(sentra::sync::format::VERSION) + 1),
        ),
    ];
    for (name, bytes, expected) in cases {
        let before = snapshot(_office_dir.path());
        let path = exports.path().join("bad.sentra");
        std::fs::write(&path, &bytes).unwrap();
        let result = import_file(&mut office, &path, office_now());
        match (&result, &expected) {
            (
                Err(SyncError::Rejected(Rejection::Truncated { .. })),
                Rejection::Truncated { .. },
            ) => {}
            // A new key for a known code names its first digits, for a re-pin.
            (
                Err(SyncError::Refused(sentra::sync::content::Refusal::NewKey { stall, .. })),
                Rejection::WrongKey(code),
            ) => {
                assert_eq!(stall, code, "{name}")
            }
            (Err(SyncError::Rejected(reason)), expected) => assert_eq!(reason, expected, "{name}"),
            (other, _) => panic!("{name}: expected a refusal, got {other:?}"),
        }
        assert_eq!(
            snapshot(_office_dir.path()),
            before,
            "{name} changed the office book"
        );
    }
    let figures = office_figures(&office, "ST07", date(0));
    assert_eq!(figures, stall_figures(&store, date(0)));
}

#[test]
fn an_export_is_written_whole_or_not_at_all_and_marks_what_was_sent() {
    let (_dir, mut store) = stall("ST07", 1802);
    sell(&mut store, at(0, 1), &[(0, 1)], PaymentMethod::Cash);
    // An unplugged stick: its folder is gone, and none is made in its place.
    let unplugged = tempfile::tempdir().unwrap().path().join("usb");
    assert!(matches!(
        export(&mut store, &unplugged, None, at(0, 2)),
        Err(SyncError::NoFolder(_))
    ));
    assert!(!unplugged.exists());
    assert_eq!(sentra::sync::export::last_exported(&store).unwrap(), 0);
    let exports = tempfile::tempdir().unwrap();
    let summary = export(&mut store, exports.path(), None, at(0, 3)).unwrap();
    assert_eq!((summary.from, summary.to, summary.records), (1, 1, 1));
    let names: Vec<String> = std::fs::read_dir(exports.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["sentra-ST07-20261127-0000001-0000001.sentra"]);
    assert!(matches!(
        export(&mut store, exports.path(), None, at(0, 4)),
        Err(SyncError::NothingNew { last: 1 })
    ));
}

#[test]
fn the_command_line_exports_imports_and_reports_the_centre() {
    let stall_dir = cli_stall(None);
    let s = stall_dir.path();
    sentra_ok(
        s,
        &[
            "product",
            "add",
            "--sku",
            "KRP-01",
            "--name",
            "Keripik",
            "--price",
            "10000",
            "--category",
            "Keripik",
        ],
    );
    sentra_ok(s, &["sale", "--item", "KRP-01=3", "--pay", "cash=50000"]);
    let usb = tempfile::tempdir().unwrap();
    let out = sentra_ok(
        s,
        &[
            "day",
            "close",
            "--counted-cash",
            "30000",
            "--export-dir",
            usb.path().to_str().unwrap(),
        ],
    );
    assert!(out.contains("Ekspor ditulis:"), "{out}");

    let office_dir = tempfile::tempdir().unwrap();
    let o = office_dir.path();
    sentra_ok(o, &["init", "office", "--name", "Sentra UMKM Lampung"]);
    let imported = sentra_ok(o, &["import", usb.path().to_str().unwrap()]);
    assert!(
        imported.contains("diimpor (ST07, nomor 1–2): 2 catatan baru, 0 sudah ada"),
        "{imported}"
    );
    let junk = usb.path().join("junk.sentra");
    std::fs::write(&junk, "bukan ekspor").unwrap();
    let (ok, stdout, stderr) = sentra(o, &["import", usb.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(
        stdout.contains("0 catatan baru, 2 sudah ada")
            && stdout.contains("junk.sentra: ditolak: bukan berkas ekspor Sentra"),
        "{stdout}"
    );
    assert!(stderr.contains("1 dari 2 berkas ditolak"), "{stderr}");

    let csv_path = o.join("provinsi.csv");
    let report = sentra_ok(
        o,
        &[
            "report",
            "centre",
            "--date",
            "2026-11-27",
            "--csv",
            csv_path.to_str().unwrap(),
        ],
    );
    assert!(
        report.contains("ST07 Tapis Indah") && report.contains("Rp30.000"),
        "{report}"
    );
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        office::CSV_COLUMNS
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        (&row[1], &row[6], &row[10], &row[13]),
        ("ST07", "1", "30000", "30000")
    );
    let stalls: serde_json::Value =
        serde_json::from_str(&sentra_ok(o, &["--json", "stalls"])).unwrap();
    assert_eq!(stalls[0]["code"], "ST07");
    assert_eq!(stalls[0]["gaps"].as_array().unwrap().len(), 0);
}

/// The office imports a week after the stalls' first day: every record's day
/// is then in the past, as at a real office.
fn office_now() -> OffsetDateTime {
    NOW + Duration::days(7)
}
