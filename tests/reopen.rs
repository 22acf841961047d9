//! A day closed, reopened by the manager and closed again: both closes and
//! both selisih in the day report (its PDF read back as text) and in the
//! export, the reopen a record of its own that the office takes, and a
//! forged reopen (of a day never closed) refused like any forged record.

mod common;

use common::*;
use sentra::domain::day_close::{DAY_REOPENED, reopen_detail};
use sentra::domain::unit::Unit;
use sentra::office::import::import_file;
use sentra::print::day_report::{StallHeading, day_report_pdf};
use sentra::store::Store;
use sentra::sync::export::export;
use sentra::sync::file::{open, seal};
use time::Duration;

/// A day closed Rp5.000 short, reopened at 17:00, a sale more, closed again
/// Rp2.000 over. Returns the stall and its export of all of it.
fn closed_twice() -> (tempfile::TempDir, Store, Vec<u8>) {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store.open_day(rp(100_000), NOW).unwrap();
    store
        .complete_sale(&cash_sale("KRP-01", "2", 20_000), NOW)
        .unwrap();
    let first = store.close_day(rp(115_000), NOW).unwrap();
    assert_eq!(first.cash.difference, rp(-5_000));
    let later = NOW + Duration::hours(7);
    store.reopen_day(NOW.date(), PIN, later).unwrap();
    store
        .complete_sale(&cash_sale("KRP-01", "1", 10_000), later)
        .unwrap();
    let second = store.close_day(rp(132_000), later).unwrap();
    assert_eq!(second.cash.difference, rp(2_000));
    let usb = tempfile::tempdir().unwrap();
    let path = export(&mut store, usb.path(), None, later).unwrap().path;
    let bytes = std::fs::read(path).unwrap();
    (dir, store, bytes)
}

#[test]
fn both_closes_and_both_selisih_are_in_the_day_report_pdf() {
    let (_dir, store, _) = closed_twice();
    let report = store.day_report(NOW.date()).unwrap();
    assert_eq!(report.closes.len(), 2);
    let bytes = day_report_pdf(
        &StallHeading {
            name: "Tapis Indah",
            code: "ST07",
            regency: "Tanggamus",
            language: sentra::domain::language::Language::Id,
        },
        &report,
        "2026-11-27 21:30",
    );
    let pdf = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pdf.path(), &bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([pdf.path().to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Tutup kasir / Day closes",
        "seharusnya Rp120.000 · dihitung Rp115.000 · selisih -Rp5.000",
        "seharusnya Rp130.000 · dihitung Rp132.000 · selisih Rp2.000",
        "hari 2026-11-27 dibuka kembali oleh manajer",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn the_export_carries_both_closes_and_the_reopen_and_the_office_takes_them() {
    let (_dir, _store, bytes) = closed_twice();
    let (content, _, _) = open(&bytes).unwrap();
    let differences: Vec<i64> = content.day_closes.iter().map(|c| c.difference).collect();
    assert_eq!(differences, [-5_000, 2_000]);
    let reopens: Vec<_> = content
        .events
        .iter()
        .filter(|e| e.kind == DAY_REOPENED)
        .collect();
    assert_eq!(reopens.len(), 1);
    assert!(
        content.day_closes[0].seq < reopens[0].seq && reopens[0].seq < content.day_closes[1].seq
    );

    let office_dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(office_dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, NOW)
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("st07.sentra");
    std::fs::write(&path, &bytes).unwrap();
    import_file(&mut office, &path, NOW + Duration::hours(8)).unwrap();
    let held: i64 = office
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM office_events WHERE kind = 'day_reopened'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(held, 1);
    let closes: i64 = office
        .connection()
        .query_row("SELECT COUNT(*) FROM office_day_closes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(closes, 2);
}

/// One way to forge a file's reopen.
type Forge = fn(&mut sentra::sync::format::ExportContent);

#[test]
fn a_forged_reopen_is_refused_and_changes_nothing() {
    let (_dir, store, bytes) = closed_twice();
    let key = store.signing_key().unwrap();
    let (content, _, _) = open(&bytes).unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let mut office = Store::open(office_dir.path()).unwrap();
    office
        .init_office("Sentra UMKM Lampung", None, NOW)
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let later = NOW + Duration::hours(8);
    let forgeries: [(&str, Forge); 3] = [
        // A reopen of a day the stall never closed.
        ("never closed", |c| {
            let reopen = c
                .events
                .iter_mut()
                .find(|e| e.kind == DAY_REOPENED)
                .unwrap();
            reopen.detail = reopen_detail("2026-11-20");
        }),
        // A reopen before the close it reopens.
        ("before its close", |c| {
            let first = c.day_closes[0].seq;
            let reopen = c
                .events
                .iter_mut()
                .find(|e| e.kind == DAY_REOPENED)
                .unwrap();
            c.day_closes[0].seq = reopen.seq;
            reopen.seq = first;
        }),
        // A reopen naming no day, or a day after it.
        ("no day", |c| {
            let reopen = c
                .events
                .iter_mut()
                .find(|e| e.kind == DAY_REOPENED)
                .unwrap();
            reopen.detail = reopen_detail("2026-12-31");
        }),
    ];
    for (what, forge) in forgeries {
        let mut forged = content.clone();
        forged.export_id = uuid::Uuid::now_v7().to_string();
        forge(&mut forged);
        let path = files.path().join("forged.sentra");
        std::fs::write(&path, seal(&forged, &key)).unwrap();
        let before = snapshot(office_dir.path());
        let result = import_file(&mut office, &path, later);
        let said = result.expect_err(what).to_string();
        assert!(
            said.contains("buka kembali"),
            "{what}: refused for another reason: {said}"
        );
        assert_eq!(
            snapshot(office_dir.path()),
            before,
            "{what}: changed the book"
        );
    }
    // The honest file still goes in.
    let path = files.path().join("honest.sentra");
    std::fs::write(&path, &bytes).unwrap();
    import_file(&mut office, &path, later).unwrap();
}
