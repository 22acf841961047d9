//! Every file Sentra writes goes through one door (store::files): a fresh
//! random temporary name beside the target, never a link followed, renamed
//! into place. A dishonest hand at the stall's shell plants links to the
//! book under every name the old writers used; the book stays whole. Pipes
//! and devices are written through and never hang.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

fn book_ok(dir: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(dir.join("sentra.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    std::fs::read(dir.join("sentra.db")).unwrap()
}

fn stall_with_a_sale() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KRP-01", "10"]);
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    dir
}

#[cfg(unix)]
#[test]
fn links_planted_at_every_old_temporary_name_never_reach_the_book() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    let book = d.join("sentra.db");
    let out = tempfile::tempdir().unwrap();
    let o = out.path();
    let plant = |name: &str| std::os::unix::fs::symlink(&book, o.join(name)).unwrap();
    for name in [
        "day.pdf.tmp",
        ".day.pdf.tmp",
        "day.pdf.probe",
        "day.csv.tmp",
        "p.csv.tmp",
        ".sentra-probe",
        "copy.db.tmp",
    ] {
        plant(name);
    }
    let before = book_ok(d);
    let path = |name: &str| o.join(name).to_str().unwrap().to_string();
    sentra_ok(d, &["report", "day", "--pdf", &path("day.pdf")]);
    sentra_ok(d, &["product", "export", &path("p.csv")]);
    sentra_ok(d, &["export", "--out", o.to_str().unwrap()]);
    sentra_ok(d, &["backup", &path("copy.db")]);
    let after = book_ok(d);
    assert_eq!(before.len(), after.len(), "the book was not written over");
    assert!(
        std::fs::read(o.join("day.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    // No temporary file of ours is left, and the planted links are as they were.
    for entry in std::fs::read_dir(o).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let meta = std::fs::symlink_metadata(entry.path()).unwrap();
        assert!(
            meta.file_type().is_symlink() || !name.ends_with(".tmp"),
            "left behind: {name}"
        );
    }
}

#[test]
fn a_backup_aimed_at_a_folder_is_refused_and_leaves_no_copy_of_the_book() {
    let dir = stall_with_a_sale();
    let folder = tempfile::tempdir().unwrap();
    let (ok, _, err) = sentra(dir.path(), &["backup", folder.path().to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let parent = folder.path().parent().unwrap();
    let stray: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let base = folder
                .path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            n.starts_with(&format!(".{base}")) || n == &format!("{base}.tmp")
        })
        .collect();
    assert!(stray.is_empty(), "copies of the book left: {stray:?}");
    assert!(std::fs::read_dir(folder.path()).unwrap().next().is_none());
}

#[cfg(unix)]
#[test]
fn product_export_to_a_pipe_prints_the_header_at_once() {
    let dir = stall_with_a_sale();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sentra"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["product", "export", "/dev/stdout"])
        .env("SENTRA_NOW", NOW_TEXT)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = send.send(first);
    });
    let first = receive.recv_timeout(Duration::from_secs(5));
    let _ = child.kill();
    let _ = child.wait();
    let first = first.expect("the header within seconds, not a hang");
    assert!(first.starts_with("sku,"), "{first}");
    // And `-` is standard output too.
    let out = sentra_ok(dir.path(), &["product", "export", "-"]);
    assert!(out.starts_with("sku,") && out.contains("KRP-01"), "{out}");
}

/// Issue 23, item 4: `--pdf` naming a folder (or a folder that is not there)
/// is refused before the sale, the handover, the day close or the fee
/// payment is recorded, so nobody retries a sale that already counted.
#[test]
fn a_pdf_aimed_at_a_folder_is_refused_before_any_record() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    let folder = d.join("struk");
    std::fs::create_dir(&folder).unwrap();
    let missing = d.join("no-such-folder").join("x.pdf");
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P1",
            "--name",
            "Sari",
            "--regency",
            "1806",
        ],
    );
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "TTP-01",
            "--name",
            "Titip",
            "--price",
            "1000",
            "--producer",
            "P1",
            "--consign-price",
            "800",
        ],
    );
    let count = |table: &str| -> i64 {
        let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    for target in [&folder, &missing] {
        let pdf = target.to_str().unwrap();
        for (args, table) in [
            (
                vec![
                    "sale",
                    "--item",
                    "KRP-01=1",
                    "--pay",
                    "cash=10000",
                    "--pdf",
                    pdf,
                ],
                "sales",
            ),
            (
                vec![
                    "consign", "receive", "P1", "--item", "TTP-01=3", "--pdf", pdf,
                ],
                "handover_notes",
            ),
            (
                vec!["day", "close", "--counted-cash", "10000", "--pdf", pdf],
                "day_closes",
            ),
        ] {
            let before = count(table);
            let (ok, _, stderr) = sentra(d, &args);
            assert!(!ok, "{args:?} was recorded");
            assert!(stderr.contains("tidak bisa menulis"), "{args:?}: {stderr}");
            assert_eq!(count(table), before, "{args:?} made a record");
        }
    }

    // The office's fee payment, likewise.
    let usb = tempfile::tempdir().unwrap();
    sentra_ok(d, &["export", "--out", usb.path().to_str().unwrap()]);
    let office = tempfile::tempdir().unwrap();
    let o = office.path();
    sentra_ok(
        o,
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    sentra_ok(o, &["import", usb.path().to_str().unwrap()]);
    let office_folder = o.join("kuitansi");
    std::fs::create_dir(&office_folder).unwrap();
    let payments = || -> i64 {
        let conn = rusqlite::Connection::open(o.join("sentra.db")).unwrap();
        conn.query_row("SELECT COUNT(*) FROM office_fee_payments", [], |r| r.get(0))
            .unwrap()
    };
    let (ok, _, stderr) = sentra(
        o,
        &[
            "fee",
            "pay",
            "ST07",
            "--amount",
            "1000",
            "--method",
            "cash",
            "--pin",
            PIN,
            "--pdf",
            office_folder.to_str().unwrap(),
        ],
    );
    assert!(!ok && stderr.contains("tidak bisa menulis"), "{stderr}");
    assert_eq!(payments(), 0);
}

/// A receipt printer is a path written straight into: `printer test --to`
/// and the `escpos_printer` setting may never name the book or its WAL.
#[test]
fn a_printer_that_is_the_book_is_refused() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    book_ok(d);
    let book = d.join("sentra.db");
    let book = book.to_str().unwrap();
    let (ok, _, stderr) = sentra(d, &["printer", "test", "--to", book]);
    assert!(!ok && stderr.contains("buku Sentra"), "{stderr}");
    let (ok, _, stderr) = sentra(d, &["settings", "set", "escpos_printer", book]);
    assert!(!ok && stderr.contains("buku Sentra"), "{stderr}");
    let wal = format!("{book}-wal");
    let (ok, _, stderr) = sentra(d, &["printer", "test", "--to", &wal]);
    assert!(!ok, "{stderr}");
    book_ok(d);
    let sales: i64 = rusqlite::Connection::open(d.join("sentra.db"))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sales, 1, "the book still holds its sale");
}

/// `product export /dev/stdout > file` (or `-`) keeps the whole CSV and
/// nothing else: the message goes to standard error.
#[cfg(unix)]
#[test]
fn product_export_to_standard_output_keeps_its_message_off_it() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    let out = tempfile::tempdir().unwrap();
    for target in ["/dev/stdout", "-"] {
        let path = out.path().join("other.csv");
        let file = std::fs::File::create(&path).unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_sentra"))
            .arg("--data-dir")
            .arg(d)
            .args(["product", "export", target])
            .env("SENTRA_NOW", NOW_TEXT)
            .env_remove("SENTRA_DATA_DIR")
            .stdout(file)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{target}");
        let csv = std::fs::read_to_string(&path).unwrap();
        assert!(csv.starts_with("sku") && csv.contains("KRP-01"), "{csv}");
        assert!(
            !csv.contains("diekspor"),
            "{target}: the message went into the CSV: {csv}"
        );
    }
    book_ok(d);
}

/// Issue 23, item 8: the export folder setting may not be the data folder
/// (where the book and its lock live) nor its backups.
#[test]
fn the_export_folder_setting_is_never_the_data_folder() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    for target in [d.to_path_buf(), d.join("backups")] {
        let (ok, _, stderr) = sentra(
            d,
            &["settings", "set", "export_dir", target.to_str().unwrap()],
        );
        assert!(!ok, "{} accepted", target.display());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let usb = tempfile::tempdir().unwrap();
    sentra_ok(
        d,
        &[
            "settings",
            "set",
            "export_dir",
            usb.path().to_str().unwrap(),
        ],
    );
    book_ok(d);
}

/// Issue 23, item 5: `consign pay` says nothing of the producer's balance
/// until the manager PIN is right.
#[test]
fn a_payout_shows_no_balance_before_the_pin() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "producer",
            "add",
            "--code",
            "P1",
            "--name",
            "Sari",
            "--regency",
            "1806",
        ],
    );
    let wrong = if PIN == "0000" { "1111" } else { "0000" };
    let (ok, _, stderr) = sentra(
        d,
        &[
            "consign", "pay", "P1", "--amount", "5000000", "--method", "cash", "--pin", wrong,
        ],
    );
    assert!(!ok && stderr.contains("PIN salah"), "{stderr}");
    assert!(
        !stderr.contains("Rp0"),
        "the balance shown before the PIN: {stderr}"
    );
}

/// Paper that fails only as it is written (a full disk: /dev/full) comes
/// after the record: the person is told the record is saved, not to make it
/// again, and how to print it again.
#[cfg(target_os = "linux")]
#[test]
fn paper_failing_after_the_record_says_the_record_is_saved_and_how_to_print_again() {
    let dir = stall_with_a_sale();
    let d = dir.path();
    let count = || -> i64 {
        let conn = rusqlite::Connection::open(d.join("sentra.db")).unwrap();
        conn.query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
            .unwrap()
    };
    let before = count();
    let (ok, _, stderr) = sentra(
        d,
        &[
            "sale",
            "--item",
            "KRP-01=1",
            "--pay",
            "cash=10000",
            "--pdf",
            "/dev/full",
        ],
    );
    assert!(!ok, "a paper that was not written is not a success");
    assert_eq!(count(), before + 1, "the sale is in the book");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("Penjualan ST07-20261127-0002 sudah tercatat, jangan diulang")
            && stderr.contains("sentra receipt ST07-20261127-0002 --pdf FILE"),
        "{stderr}"
    );
    // The way it names prints it.
    let copy = d.join("copy.pdf");
    sentra_ok(
        d,
        &[
            "receipt",
            "ST07-20261127-0002",
            "--pdf",
            copy.to_str().unwrap(),
        ],
    );
    assert!(std::fs::metadata(&copy).unwrap().len() > 1000);
    book_ok(d);
}

/// A book's backups, here or in another stall's folder, and a backup on a
/// stick are never replaced by paper or a table; only a newer backup may
/// replace a backup on a stick; a backup is never written over a device or
/// a pipe (a rename would put a file where the device was).
#[cfg(unix)]
#[test]
fn books_and_backups_anywhere_are_never_replaced_by_paper() {
    let mine = stall_with_a_sale();
    let other = stall_with_a_sale();
    let d = mine.path();
    let theirs = other.path().join("backups");
    std::fs::create_dir_all(&theirs).unwrap();
    // Their day close's backup, as it lies in their data folder.
    let their_backup = theirs.join("sentra-2026-11-27.db");
    let made = other.path().join("made.db");
    sentra_ok(other.path(), &["backup", made.to_str().unwrap()]);
    std::fs::rename(&made, &their_backup).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let on_stick = stick.path().join("cadangan.db");
    sentra_ok(d, &["backup", on_stick.to_str().unwrap()]);
    let kept = |path: &Path| std::fs::read(path).unwrap();
    let (their_bytes, stick_bytes) = (kept(&their_backup), kept(&on_stick));

    for target in [&their_backup, &on_stick] {
        let path = target.to_str().unwrap();
        for args in [
            vec!["report", "day", "--pdf", path],
            vec!["product", "export", path],
            vec!["receipt", "ST07-20261127-0001", "--pdf", path],
        ] {
            let (ok, _, stderr) = sentra(d, &args);
            assert!(!ok, "{args:?} replaced a backup");
            assert!(stderr.contains("cadangan"), "{args:?}: {stderr}");
        }
    }
    let (ok, _, stderr) = sentra(d, &["backup", their_backup.to_str().unwrap()]);
    assert!(!ok && stderr.contains("folder cadangan"), "{stderr}");
    assert_eq!(kept(&their_backup), their_bytes);
    assert_eq!(kept(&on_stick), stick_bytes);

    // A newer backup replaces the one on the stick.
    sentra_ok(d, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    sentra_ok(d, &["backup", on_stick.to_str().unwrap()]);
    assert_ne!(kept(&on_stick), stick_bytes);

    // A pipe stays a pipe.
    let fifo = stick.path().join("pipa");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (ok, _, stderr) = sentra(d, &["backup", fifo.to_str().unwrap()]);
    assert!(!ok && stderr.contains("bukan berkas biasa"), "{stderr}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    book_ok(d);
}
