//! Backups: a copy a day, fourteen kept; a restore refuses what is not a
//! Sentra book or is newer than the program, and keeps the book it replaces.
//! And one book, one program: a second is refused while the first works on.

mod common;

use common::*;
use rusqlite::Connection;
use sentra::domain::unit::Unit;
use sentra::store::migrate::latest_version;
use sentra::store::{Store, StoreError};
use time::Duration;

fn sell(store: &mut Store, when: time::OffsetDateTime) -> String {
    let request = cash_sale("KRP-01", "1", 10_000);
    store.complete_sale(&request, when).unwrap().receipt
}

#[test]
fn a_backup_a_day_and_the_newest_fourteen_kept() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    for day in 0..16 {
        let when = NOW + Duration::days(day);
        sell(&mut store, when);
        let first = store.daily_backup(when).unwrap();
        assert!(first.is_some(), "day {day}: a backup");
        assert!(
            store.daily_backup(when).unwrap().is_none(),
            "day {day}: only one"
        );
    }
    let mut kept: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 14);
    assert_eq!(
        kept.first().unwrap(),
        "sentra-2026-11-29.db",
        "the two oldest went"
    );
    assert_eq!(kept.last().unwrap(), "sentra-2026-12-12.db");
    // A backup is a whole Sentra book that opens on its own.
    let copy = Connection::open(dir.path().join("backups").join(kept.last().unwrap())).unwrap();
    let sales: i64 = copy
        .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sales, 16);
}

#[test]
fn closing_the_day_on_the_command_line_takes_the_days_backup() {
    let dir = cli_stall(None);
    let d = dir.path();
    let out = sentra_ok(d, &["day", "close", "--counted-cash", "0"]);
    assert!(out.contains("Cadangan harian:"), "{out}");
    assert!(d.join("backups/sentra-2026-11-27.db").is_file());
}

#[test]
fn a_restore_refuses_a_foreign_or_newer_file_and_keeps_the_book_it_replaces() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    let first = sell(&mut store, NOW);
    let backup = dir.path().join("siang.sentra-backup");
    store.backup_to(&backup).unwrap();
    let second = sell(&mut store, NOW);

    // Not a Sentra book.
    let foreign = dir.path().join("lain.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(matches!(
        store.restore_from(&foreign, Some(PIN), false, NOW),
        Err(StoreError::NotABook(_))
    ));
    let text = dir.path().join("catatan.txt");
    std::fs::write(&text, "ini bukan buku").unwrap();
    assert!(matches!(
        store.restore_from(&text, Some(PIN), false, NOW),
        Err(StoreError::NotABook(_))
    ));
    // A book from a newer Sentra.
    let newer = dir.path().join("baru.db");
    std::fs::copy(&backup, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", latest_version() + 1)
        .unwrap();
    assert!(matches!(
        store.restore_from(&newer, Some(PIN), false, NOW),
        Err(StoreError::TooNew { .. })
    ));
    // Refusals left the book as it was.
    assert!(store.sale(&second).is_ok());

    // The later sale is given up knowingly (`--accept-loss`).
    let kept = store
        .restore_from(&backup, Some(PIN), true, NOW)
        .unwrap()
        .previous;
    assert!(store.sale(&first).is_ok());
    assert!(matches!(
        store.sale(&second),
        Err(StoreError::UnknownReceipt(_))
    ));
    // The replaced book, with the later sale, is kept beside it.
    let replaced = Connection::open(&kept).unwrap();
    let receipts: i64 = replaced
        .query_row(
            "SELECT COUNT(*) FROM sales WHERE receipt = ?1",
            [&second],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(receipts, 1);
}

#[test]
fn a_second_program_is_refused_while_the_first_keeps_selling() {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    sell(&mut store, NOW);
    let (ok, _, stderr) = sentra(
        dir.path(),
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
    );
    assert!(!ok);
    assert!(
        stderr.contains("sedang dipakai program Sentra lain"),
        "{stderr}"
    );
    // The first goes on as if nothing happened.
    sell(&mut store, NOW);
    assert_eq!(store.day_report(NOW.date()).unwrap().sales_count, 2);
    drop(store);
    // Once it is closed, the folder is free again.
    sentra_ok(
        dir.path(),
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
    );
}

/// ST07 with the manager PIN, a product and `sales` sales, through the
/// command line; and a folder for backups outside the data folder.
fn cli_stall_with_sales(sales: usize) -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    for _ in 0..sales {
        sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    }
    (dir, tempfile::tempdir().unwrap())
}

fn backup_of(dir: &std::path::Path, to: &std::path::Path) -> String {
    sentra_ok(dir, &["backup", to.to_str().unwrap()]);
    to.to_str().unwrap().to_string()
}

/// The restore is refused with `expected` in its one line, and the book is
/// as it was.
fn restore_refused(dir: &std::path::Path, args: &[&str], expected: &str) {
    let copies = || {
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("before-restore")
            })
            .count()
    };
    let (before, kept) = (snapshot(dir), copies());
    let (ok, stdout, stderr) = sentra(dir, args);
    assert!(!ok, "restore {args:?} should fail, printed {stdout}");
    assert!(
        stderr.contains(expected),
        "{args:?}: expected {expected:?} in {stderr:?}"
    );
    assert_eq!(snapshot(dir), before, "{args:?} changed the book");
    assert_eq!(copies(), kept, "a refused restore keeps no copy");
}

#[test]
fn a_restore_asks_for_the_manager_pin() {
    let (dir, elsewhere) = cli_stall_with_sales(1);
    let d = dir.path();
    let backup = backup_of(d, &elsewhere.path().join("cadangan.db"));
    restore_refused(d, &["restore", &backup], "perlu PIN manajer");
    // A path that is no backup file is said before any PIN try is spent
    // (the count below stays at the one wrong PIN).
    let missing = elsewhere.path().join("tidak-ada.db");
    let missing = missing.to_str().unwrap();
    restore_refused(d, &["restore", missing, "--pin", "9999"], "tidak ditemukan");
    let folder = elsewhere.path().to_str().unwrap();
    restore_refused(d, &["restore", folder, "--pin", "9999"], "adalah folder");
    restore_refused(d, &["restore", &backup, "--pin", "9999"], "PIN salah");
    // The wrong try is counted, as for every PIN action.
    let tries: i64 = Connection::open(d.join("sentra.db"))
        .unwrap()
        .query_row("SELECT wrong_tries FROM manager_pin", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tries, 1);
    let out = sentra_ok(d, &["restore", &backup, "--pin", PIN]);
    assert!(out.contains("Buku sebelumnya disimpan"), "{out}");
}

#[test]
fn a_restore_takes_only_this_stalls_own_backup_or_an_offices_onto_an_office() {
    let (dir, elsewhere) = cli_stall_with_sales(1);
    let d = dir.path();
    let e = elsewhere.path();
    // Another stall.
    let st08 = tempfile::tempdir().unwrap();
    sentra_ok(
        st08.path(),
        &[
            "init",
            "stall",
            "--code",
            "ST08",
            "--name",
            "Kopi Lada",
            "--regency",
            "1871",
            "--manager-pin",
            PIN,
        ],
    );
    let other_stall = backup_of(st08.path(), &e.join("st08.db"));
    restore_refused(
        d,
        &["restore", &other_stall, "--pin", PIN],
        "milik toko ST08",
    );
    // The same code on another PC: another key.
    let impostor = cli_stall(Some(PIN));
    let same_code = backup_of(impostor.path(), &e.join("st07-lain.db"));
    restore_refused(
        d,
        &["restore", &same_code, "--pin", PIN],
        "kunci tanda tangan lain",
    );
    // An office book onto a stall, and a stall's onto the office.
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &[
            "init",
            "office",
            "--name",
            "Sentra Way Halim",
            "--manager-pin",
            PIN,
        ],
    );
    let office_book = backup_of(office.path(), &e.join("kantor.db"));
    restore_refused(
        d,
        &["restore", &office_book, "--pin", PIN],
        "milik kantor pengelola",
    );
    let own = backup_of(d, &e.join("st07.db"));
    restore_refused(
        office.path(),
        &["restore", &own, "--pin", PIN],
        "milik toko ST07",
    );
    // Office onto office, and the stall's own backup onto the stall, are taken.
    sentra_ok(office.path(), &["restore", &office_book, "--pin", PIN]);
    sentra_ok(d, &["restore", &own, "--pin", PIN]);
}

#[test]
fn a_restore_refuses_a_backup_whose_schema_was_changed() {
    let (dir, elsewhere) = cli_stall_with_sales(2);
    let d = dir.path();
    let e = elsewhere.path();
    let backup = e.join("cadangan.db");
    backup_of(d, &backup);
    let edited = |name: &str, sql: &str| {
        let path = e.join(name);
        std::fs::copy(&backup, &path).unwrap();
        Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        path.to_str().unwrap().to_string()
    };
    // The append-only trigger dropped (and a total edited while it was gone).
    let dropped = edited(
        "tanpa-trigger.db",
        "DROP TRIGGER sales_append_only_update; UPDATE sales SET total = 5;",
    );
    restore_refused(
        d,
        &["restore", &dropped, "--pin", PIN],
        "trigger sales_append_only_update hilang",
    );
    // A trigger added that halves every sale from then on.
    let halving = edited(
        "separuh.db",
        "DROP TRIGGER sales_append_only_update;
         CREATE TRIGGER halve AFTER INSERT ON sales BEGIN
             UPDATE sales SET total = total / 2 WHERE id = NEW.id;
         END;",
    );
    restore_refused(
        d,
        &["restore", &halving, "--pin", PIN],
        "trigger halve ditambahkan",
    );
    let sneaky = edited(
        "separuh-saja.db",
        "CREATE TRIGGER halve AFTER INSERT ON payments BEGIN SELECT 1; END;",
    );
    restore_refused(
        d,
        &["restore", &sneaky, "--pin", PIN],
        "trigger halve ditambahkan",
    );
    // The trigger kept by name but emptied.
    let emptied = edited(
        "trigger-kosong.db",
        "DROP TRIGGER sales_append_only_delete;
         CREATE TRIGGER sales_append_only_delete BEFORE DELETE ON sales BEGIN SELECT 1; END;",
    );
    restore_refused(
        d,
        &["restore", &emptied, "--pin", PIN],
        "trigger sales_append_only_delete diubah",
    );
    // An index or table added is refused the same way.
    let table = edited("tabel.db", "CREATE TABLE extra (x);");
    restore_refused(
        d,
        &["restore", &table, "--pin", PIN],
        "tabel extra ditambahkan",
    );
    // The untouched backup is taken.
    sentra_ok(d, &["restore", backup.to_str().unwrap(), "--pin", PIN]);
}

#[test]
fn a_restored_books_stock_is_its_own_ledgers_whatever_the_file_says() {
    let (dir, elsewhere) = cli_stall_with_sales(3);
    let d = dir.path();
    sentra_ok(d, &["stock", "receive", "KRP-01", "10"]);
    let backup = elsewhere.path().join("cadangan.db");
    backup_of(d, &backup);
    // The figure is no part of the schema: a file can carry a wrong one.
    Connection::open(&backup)
        .unwrap()
        .execute_batch("UPDATE products SET stock = 999000; UPDATE product_counts SET low = 77;")
        .unwrap();
    sentra_ok(d, &["restore", backup.to_str().unwrap(), "--pin", PIN]);
    let store = Store::open(d).unwrap();
    // 10 received, 3 sold.
    assert_eq!(store.find_product("KRP-01").unwrap().stock, qty("7"));
    // The low products are counted again from the figures.
    let low: i64 = store
        .connection()
        .query_row(
            "SELECT (SELECT low FROM product_counts) - COUNT(*) FROM products WHERE stock <= min_stock",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(low, 0);
}

#[test]
fn two_restores_in_the_same_second_keep_two_before_restore_copies() {
    let (dir, elsewhere) = cli_stall_with_sales(1);
    let d = dir.path();
    let backup = backup_of(d, &elsewhere.path().join("cadangan.db"));
    let original = snapshot(d);
    // The tests' clock stands still: both restores happen at the same second.
    let first: serde_json::Value =
        serde_json::from_str(&sentra_ok(d, &["--json", "restore", &backup, "--pin", PIN])).unwrap();
    let second: serde_json::Value =
        serde_json::from_str(&sentra_ok(d, &["--json", "restore", &backup, "--pin", PIN])).unwrap();
    let first = std::path::PathBuf::from(first["previous"].as_str().unwrap());
    let second = std::path::PathBuf::from(second["previous"].as_str().unwrap());
    assert_ne!(first, second);
    assert!(first.is_file() && second.is_file());
    // The first copy is still the original book.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&first, copy.path().join("sentra.db")).unwrap();
    assert_eq!(snapshot(copy.path()), original);
}

#[test]
fn an_older_backup_is_refused_with_what_would_be_lost_and_accept_loss_never_reuses_a_number() {
    let (dir, elsewhere) = cli_stall_with_sales(1);
    let d = dir.path();
    let backup = backup_of(d, &elsewhere.path().join("pagi.db"));
    // Two more sales after the backup: receipts 0002 and 0003, sequence 2 and 3.
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    restore_refused(
        d,
        &["restore", &backup, "--pin", PIN],
        "berisi 2 catatan sesudahnya (nomor urut 2 sampai 3) yang akan hilang",
    );
    // --accept-loss still needs the PIN.
    restore_refused(
        d,
        &["restore", &backup, "--accept-loss"],
        "perlu PIN manajer",
    );
    let out = sentra_ok(d, &["restore", &backup, "--pin", PIN, "--accept-loss"]);
    assert!(
        out.contains("2 catatan (nomor urut 2 sampai 3) dilepas"),
        "{out}"
    );
    // The next sale is numbered after everything ever printed or sent.
    let sale: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=1",
            "--pay",
            "cash=10000",
        ],
    ))
    .unwrap();
    // The restore itself is a record (number 4, for the office to hear of).
    assert_eq!(sale["seq"], 5, "{sale}");
    assert_eq!(sale["receipt"], "ST07-20261127-0004", "{sale}");
    // A second restore of the same backup loses nothing more: only the new
    // sale, which it names (the first restore's record is carried over).
    restore_refused(
        d,
        &["restore", &backup, "--pin", PIN],
        "berisi 1 catatan sesudahnya (nomor urut 5 sampai 5)",
    );
    sentra_ok(d, &["restore", &backup, "--pin", PIN, "--accept-loss"]);
    let sale: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &[
            "--json",
            "sale",
            "--item",
            "KRP-01=1",
            "--pay",
            "cash=10000",
        ],
    ))
    .unwrap();
    assert_eq!(sale["seq"], 7, "{sale}");
    assert_eq!(sale["receipt"], "ST07-20261127-0005", "{sale}");
    // Both restores are in the book, each saying what it gave up.
    let details: Vec<String> = Connection::open(d.join("sentra.db"))
        .unwrap()
        .prepare("SELECT detail FROM book_events WHERE kind = 'restored' ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        details,
        vec![
            "cadangan dipulihkan (sampai catatan 1); catatan 2–3 (2) dilepas",
            "cadangan dipulihkan (sampai catatan 1); catatan 5–5 (1) dilepas",
        ]
    );
}

#[test]
fn a_book_not_set_up_yet_takes_a_backup_without_a_pin() {
    // A new PC after the old one died: nothing in the book to protect.
    let (dir, elsewhere) = cli_stall_with_sales(2);
    let backup = backup_of(dir.path(), &elsewhere.path().join("cadangan.db"));
    let fresh = tempfile::tempdir().unwrap();
    sentra_ok(fresh.path(), &["restore", &backup]);
    let out = sentra_ok(
        fresh.path(),
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
    );
    assert!(out.contains("ST07-20261127-0003"), "{out}");
}
