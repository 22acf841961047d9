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
        store.restore_from(&foreign, NOW),
        Err(StoreError::NotABook(_))
    ));
    let text = dir.path().join("catatan.txt");
    std::fs::write(&text, "ini bukan buku").unwrap();
    assert!(matches!(
        store.restore_from(&text, NOW),
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
        store.restore_from(&newer, NOW),
        Err(StoreError::TooNew { .. })
    ));
    // Refusals left the book as it was.
    assert!(store.sale(&second).is_ok());

    let kept = store.restore_from(&backup, NOW).unwrap();
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
