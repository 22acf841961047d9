//! No output path may be the book, its WAL, its lock, a backup or the copy a
//! restore kept: every command that writes a file refuses such a path before
//! anything is recorded, and the book stays whole with the same records.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use rusqlite::Connection;
use sentra::store::Store;

/// ST07 with a product, one sale and the day's backup; the day still open.
fn stall() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000", "--unit",
            "pcs",
        ],
    );
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    let store = Store::open(d).unwrap();
    store.daily_backup(NOW).unwrap().expect("the day's backup");
    drop(store);
    std::fs::write(
        d.join("sentra.db.before-restore-1"),
        b"the book before a restore",
    )
    .unwrap();
    dir
}

fn integrity(dir: &Path) -> String {
    Connection::open(dir.join("sentra.db"))
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn sales(dir: &Path) -> i64 {
    Connection::open(dir.join("sentra.db"))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
        .unwrap()
}

/// The bytes of the files that must not change: the daily backup and the
/// before-restore copy.
fn kept_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    [
        dir.join("backups/sentra-2026-11-27.db"),
        dir.join("sentra.db.before-restore-1"),
    ]
    .into_iter()
    .map(|p| {
        let bytes = std::fs::read(&p).unwrap();
        (p, bytes)
    })
    .collect()
}

/// Every way of naming a protected file: directly, with `..`, in capitals,
/// through a symlink (also a dangling one), a symlinked folder and a hard link.
fn protected_targets(dir: &Path, elsewhere: &Path) -> Vec<PathBuf> {
    let mut targets = vec![
        dir.join("sentra.db"),
        dir.join("sentra.db-wal"),
        dir.join("sentra.db-shm"),
        dir.join("sentra.db-journal"),
        dir.join("sentra.lock"),
        dir.join("backups/sentra-2026-11-27.db"),
        dir.join("backups/baru.pdf"),
        dir.join("sentra.db.before-restore-1"),
        dir.join("backups/../sentra.db"),
        dir.join("struk/../sentra.db-wal"),
        dir.join("SENTRA.DB"),
    ];
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(dir.join("sentra.db"), elsewhere.join("link.pdf")).unwrap();
        symlink(
            dir.join("sentra.db-journal"),
            elsewhere.join("dangling.pdf"),
        )
        .unwrap();
        symlink(dir, elsewhere.join("data")).unwrap();
        std::fs::hard_link(
            dir.join("backups/sentra-2026-11-27.db"),
            elsewhere.join("hard.db"),
        )
        .unwrap();
        targets.extend([
            elsewhere.join("link.pdf"),
            elsewhere.join("dangling.pdf"),
            elsewhere.join("data/sentra.db"),
            elsewhere.join("data/sentra.lock"),
            elsewhere.join("data/backups/sentra-2026-11-27.db"),
            elsewhere.join("hard.db"),
        ]);
    }
    targets
}

fn refused(dir: &Path, args: &[&str]) {
    let before = snapshot(dir);
    let (ok, stdout, stderr) = sentra(dir, args);
    assert!(!ok, "sentra {args:?} should fail, printed {stdout}");
    assert!(
        stderr.contains("simpan ke") || stderr.contains("pilih folder lain"),
        "sentra {args:?}: {stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert_eq!(snapshot(dir), before, "sentra {args:?} changed the book");
}

#[test]
fn every_output_path_onto_the_book_its_wal_its_lock_or_a_backup_is_refused() {
    let dir = stall();
    let d = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let kept = kept_files(d);
    let before = snapshot(d);
    let receipt = "ST07-20261127-0001";
    for target in protected_targets(d, elsewhere.path()) {
        let t = target.to_str().unwrap();
        refused(d, &["receipt", receipt, "--pdf", t]);
        refused(
            d,
            &[
                "sale",
                "--item",
                "KRP-01=1",
                "--pay",
                "cash=10000",
                "--pdf",
                t,
            ],
        );
        refused(d, &["backup", t]);
        refused(d, &["product", "export", t]);
        refused(d, &["report", "day", "--pdf", t]);
        refused(d, &["day", "close", "--counted-cash", "10000", "--pdf", t]);
    }
    for folder in [d.to_path_buf(), d.join("backups"), d.join("struk/..")] {
        let f = folder.to_str().unwrap();
        refused(d, &["export", "--out", f]);
        refused(
            d,
            &["day", "close", "--counted-cash", "10000", "--export-dir", f],
        );
    }
    assert_eq!(integrity(d), "ok");
    assert_eq!(snapshot(d), before);
    assert_eq!(sales(d), 1);
    assert_eq!(
        kept_files(d),
        kept,
        "the backup and the kept copy are untouched"
    );
    // The day is still open: nothing was closed on the way.
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);

    // Paths that are not the book's are written as before, the data
    // folder's own `struk` folder included.
    let pdf = elsewhere.path().join("struk.pdf");
    sentra_ok(d, &["receipt", receipt, "--pdf", pdf.to_str().unwrap()]);
    assert!(pdf.is_file());
    std::fs::create_dir_all(d.join("struk")).unwrap();
    let inside = d.join("struk/salinan.pdf");
    sentra_ok(d, &["receipt", receipt, "--pdf", inside.to_str().unwrap()]);
    assert!(inside.is_file());
    let copy = elsewhere.path().join("cadangan.db");
    sentra_ok(d, &["backup", copy.to_str().unwrap()]);
    assert!(copy.is_file());
    assert_eq!(integrity(d), "ok");
}

#[test]
fn a_sale_with_its_pdf_onto_the_book_is_not_recorded() {
    let dir = stall();
    let d = dir.path();
    let book = d.join("sentra.db");
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=2",
            "--pay",
            "cash=20000",
            "--pdf",
            book.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(stderr.contains("buku Sentra ini"), "{stderr}");
    assert_eq!(sales(d), 1, "no sale recorded");
    assert_eq!(integrity(d), "ok");
    // The next sale takes the next number: nothing was used up.
    let out = sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    assert!(out.contains("ST07-20261127-0002"), "{out}");
}

#[test]
fn the_office_refuses_its_book_wal_lock_and_backup_for_the_centre_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "init",
            "office",
            "--name",
            "Sentra Way Halim",
            "--manager-pin",
            PIN,
        ],
    );
    let store = Store::open(d).unwrap();
    store.daily_backup(NOW).unwrap().expect("the day's backup");
    drop(store);
    std::fs::write(
        d.join("sentra.db.before-restore-1"),
        b"the book before a restore",
    )
    .unwrap();
    let kept = kept_files(d);
    let before = snapshot(d);
    let elsewhere = tempfile::tempdir().unwrap();
    for target in protected_targets(d, elsewhere.path()) {
        let t = target.to_str().unwrap();
        refused(d, &["report", "centre", "--date", "2026-11-27", "--csv", t]);
        refused(d, &["report", "centre", "--date", "2026-11-27", "--pdf", t]);
        refused(d, &["backup", t]);
    }
    assert_eq!(integrity(d), "ok");
    assert_eq!(snapshot(d), before);
    assert_eq!(kept_files(d), kept);
    let csv = elsewhere.path().join("sentra.csv");
    sentra_ok(
        d,
        &[
            "report",
            "centre",
            "--date",
            "2026-11-27",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(csv.is_file());
}

#[test]
fn a_restore_never_reads_the_book_it_would_replace() {
    let dir = stall();
    let d = dir.path();
    let before = snapshot(d);
    for source in [d.join("sentra.db"), d.join("backups/../sentra.db")] {
        let (ok, _, stderr) = sentra(d, &["restore", source.to_str().unwrap(), "--pin", PIN]);
        assert!(!ok);
        assert!(stderr.contains("sedang dipakai"), "{stderr}");
    }
    assert_eq!(snapshot(d), before);
    assert_eq!(integrity(d), "ok");
}

#[test]
fn another_stalls_live_book_is_never_an_output_path() {
    let mine = cli_stall(Some(PIN));
    let other = cli_stall(Some(PIN));
    let book = other.path().join("sentra.db");
    let before = std::fs::read(&book).unwrap();
    let (ok, _, stderr) = sentra(mine.path(), &["product", "export", book.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("buku Sentra lain"), "{stderr}");
    let (ok, _, _) = sentra(mine.path(), &["backup", book.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(std::fs::read(&book).unwrap(), before);
}

/// Issue 23, item 8: nor another book's lock or WAL: writing over them
/// breaks that book as surely as writing over the book.
#[test]
fn another_books_lock_and_wal_are_never_an_output_path() {
    let mine = cli_stall(Some(PIN));
    let other = cli_stall(Some(PIN));
    for name in ["sentra.lock", "sentra.db-wal"] {
        let target = other.path().join(name);
        let before = std::fs::read(&target).ok();
        let (ok, _, stderr) = sentra(
            mine.path(),
            &["product", "export", target.to_str().unwrap()],
        );
        assert!(!ok, "{name} written over");
        assert!(stderr.contains("buku Sentra lain"), "{name}: {stderr}");
        assert_eq!(std::fs::read(&target).ok(), before, "{name}");
    }
    assert_eq!(integrity(other.path()), "ok");
}
