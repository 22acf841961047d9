//! The clock and the PIN as a dishonest or careless hand would use them: a
//! clock set back, a PIN guessed by moving the clock forward past its lock,
//! a stall PC reinstalled with a new key. Everything through the real binary.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const MORNING: &str = "2026-11-27T10:00:00+07:00";

fn stall(dir: &Path) {
    for args in [
        vec![
            "init",
            "stall",
            "--code",
            "ST07",
            "--name",
            "Tapis Indah",
            "--regency",
            "1802",
            "--manager-pin",
            PIN,
        ],
        vec![
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    ] {
        let (ok, _, stderr) = sentra_at(dir, MORNING, &args);
        assert!(ok, "{stderr}");
    }
}

fn sell(dir: &Path, at: &str) -> (bool, String) {
    let (ok, stdout, stderr) = sentra_at(
        dir,
        at,
        &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"],
    );
    (ok, format!("{stdout}{stderr}"))
}

fn json(dir: &Path, at: &str, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    let (ok, stdout, stderr) = sentra_at(dir, at, &args);
    assert!(ok, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn export(dir: &Path, at: &str, out: &Path) -> PathBuf {
    let (ok, stdout, stderr) = sentra_at(dir, at, &["export", "--out", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    PathBuf::from(stdout.trim())
}

#[test]
fn a_clock_set_back_is_refused_until_a_manager_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    stall(dir.path());
    assert!(sell(dir.path(), "2026-11-27T11:00:00+07:00").0);
    let before = snapshot(dir.path());

    // Back an hour, and back to 2020: both refused, naming both times.
    for earlier in ["2026-11-27T10:00:00+07:00", "2020-01-01T08:00:00+07:00"] {
        let (ok, text) = sell(dir.path(), earlier);
        assert!(!ok, "a sale at {earlier} was recorded");
        assert!(
            text.contains(earlier) && text.contains("2026-11-27T11:00:00+07:00"),
            "{text}"
        );
        assert!(text.contains("clock accept"), "{text}");
    }
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a refused sale changed the book"
    );

    // A wrong PIN does not accept it, and is itself recorded.
    let (ok, _, _) = sentra_at(
        dir.path(),
        "2026-11-27T10:00:00+07:00",
        &["clock", "accept", "--pin", "9999"],
    );
    assert!(!ok);
    let (ok, stdout, stderr) = sentra_at(
        dir.path(),
        "2026-11-27T10:00:00+07:00",
        &["clock", "accept", "--pin", PIN],
    );
    assert!(ok, "{stderr}");
    assert!(stdout.contains("2026-11-27T11:00:00+07:00"), "{stdout}");
    assert!(sell(dir.path(), "2026-11-27T10:05:00+07:00").0);

    let report = json(dir.path(), "2026-11-27T12:00:00+07:00", &["report", "day"]);
    assert_eq!(report["pin_wrong"], 1);
    let kinds: Vec<&str> = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["pin_wrong", "clock_accepted"]);
    let (_, text, _) = sentra_at(dir.path(), "2026-11-27T12:00:00+07:00", &["report", "day"]);
    assert!(text.contains("PIN manajer salah 1 kali"), "{text}");
    assert!(text.contains("jam mundur diterima"), "{text}");

    // The office sees both.
    let out = tempfile::tempdir().unwrap();
    let file = export(dir.path(), "2026-11-27T12:00:00+07:00", out.path());
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    sentra_ok(office.path(), &["import", file.to_str().unwrap()]);
    let stalls = json(office.path(), NOW_TEXT, &["stalls"]);
    assert_eq!(stalls[0]["pin_wrong"], 1);
    assert_eq!(stalls[0]["clock_accepted"], 1);
    assert_eq!(stalls[0]["gaps"], serde_json::json!([]));
}

#[test]
fn a_pin_guessed_past_its_lock_by_moving_the_clock_leaves_a_trail_at_the_office() {
    let dir = tempfile::tempdir().unwrap();
    stall(dir.path());
    assert!(sell(dir.path(), MORNING).0);
    // Twelve wrong guesses, moving the clock forward whenever the PIN locks.
    let mut minutes = 0;
    for guess in 0..12 {
        minutes += 10;
        let at = format!(
            "2026-11-27T{:02}:{:02}:00+07:00",
            10 + minutes / 60,
            minutes % 60
        );
        let (ok, _, stderr) = sentra_at(
            dir.path(),
            &at,
            &["clock", "accept", "--pin", &format!("{:04}", 9000 + guess)],
        );
        assert!(!ok);
        assert!(stderr.contains("PIN"), "{stderr}");
    }
    let at = "2026-11-27T13:00:00+07:00";
    let report = json(dir.path(), at, &["report", "day"]);
    assert_eq!(report["pin_wrong"], 12);
    let out = tempfile::tempdir().unwrap();
    let file = export(dir.path(), at, out.path());
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    sentra_ok(office.path(), &["import", file.to_str().unwrap()]);
    let stalls = json(office.path(), NOW_TEXT, &["stalls"]);
    assert_eq!(stalls[0]["pin_wrong"], 12);
    let (_, text, _) = sentra(office.path(), &["stalls"]);
    assert!(text.contains("PIN salah 12×"), "{text}");
}

#[test]
fn a_reinstalled_stall_is_taken_again_after_the_office_repins_it() {
    let out = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );

    let old_pc = tempfile::tempdir().unwrap();
    stall(old_pc.path());
    // Two sales, only the second reaches the office: a gap (1) under the
    // old key, which the new key must not wash out.
    assert!(sell(old_pc.path(), "2026-11-27T09:00:00+07:00").0);
    assert!(sell(old_pc.path(), MORNING).0);
    let (ok, stdout, stderr) = sentra_at(
        old_pc.path(),
        MORNING,
        &[
            "export",
            "--out",
            out.path().to_str().unwrap(),
            "--since-seq",
            "2",
        ],
    );
    assert!(ok, "{stderr}");
    let old_file = PathBuf::from(stdout.trim());
    sentra_ok(office.path(), &["import", old_file.to_str().unwrap()]);

    // The PC is reinstalled: same code, new key, numbers from 1 again.
    let new_pc = tempfile::tempdir().unwrap();
    stall(new_pc.path());
    assert!(sell(new_pc.path(), "2026-11-27T14:00:00+07:00").0);
    let new_out = out.path().join("new");
    std::fs::create_dir(&new_out).unwrap();
    let new_file = export(new_pc.path(), "2026-11-27T14:00:00+07:00", &new_out);
    let (ok, stdout, stderr) = sentra(office.path(), &["import", new_file.to_str().unwrap()]);
    assert!(!ok);
    // The vendor reads the new key from the stall's own settings.
    let settings = json(new_pc.path(), MORNING, &["settings", "list"]);
    let key = settings["public_key"].as_str().unwrap()[..16].to_string();
    let text = format!("{stdout}{stderr}");
    assert!(
        text.contains(&format!("stalls repin ST07 --key {key}")),
        "{text}"
    );

    // Only with the office's PIN, and only the key named.
    let (ok, _, _) = sentra(
        office.path(),
        &["stalls", "repin", "ST07", "--key", &key, "--pin", "9999"],
    );
    assert!(!ok);
    let (ok, _, _) = sentra(
        office.path(),
        &["stalls", "repin", "ST07", "--key", "xyz", "--pin", PIN],
    );
    assert!(!ok, "not a key");
    sentra_ok(
        office.path(),
        &[
            "stalls",
            "repin",
            "ST07",
            "--key",
            "0000000000000000",
            "--pin",
            PIN,
        ],
    );
    let (ok, _, _) = sentra(office.path(), &["import", new_file.to_str().unwrap()]);
    assert!(!ok, "another key than the one named");
    sentra_ok(
        office.path(),
        &["stalls", "repin", "ST07", "--key", &key, "--pin", PIN],
    );
    sentra_ok(office.path(), &["import", new_file.to_str().unwrap()]);

    let day = json(
        office.path(),
        NOW_TEXT,
        &["report", "centre", "--date", "2026-11-27"],
    );
    assert_eq!(day["stalls"][0]["totals"]["sales_count"], 2);
    assert_eq!(day["stalls"][0]["totals"]["net"], 20_000);
    let stalls = json(office.path(), NOW_TEXT, &["stalls"]);
    assert_eq!(stalls[0]["gaps"], serde_json::json!([]));
    assert_eq!(stalls[0]["earlier_gaps"], serde_json::json!([[0, 1, 1]]));
    assert!(stalls[0]["repins"][0]["done_at"].is_string(), "{stalls}");
    let (_, text, _) = sentra(office.path(), &["stalls"]);
    assert!(text.contains("kunci diganti"), "{text}");
    assert!(text.contains("CELAH nomor 1–1 di kunci lama"), "{text}");
    // The old key is no longer the stall's.
    let (ok, _, _) = sentra(office.path(), &["import", old_file.to_str().unwrap()]);
    assert!(
        ok,
        "the old file was already held: nothing new, nothing refused"
    );
}

#[test]
fn a_stalls_key_never_signs_for_another_code() {
    let out = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    let pc = tempfile::tempdir().unwrap();
    stall(pc.path());
    assert!(sell(pc.path(), MORNING).0);
    let file = export(pc.path(), MORNING, out.path());
    sentra_ok(office.path(), &["import", file.to_str().unwrap()]);
    // The same key signs a file that claims to be ST99.
    let bytes = std::fs::read(&file).unwrap();
    let newline = bytes.iter().position(|b| *b == b'\n').unwrap();
    let mut content: Value = serde_json::from_slice(&bytes[newline + 1..]).unwrap();
    content["export_id"] = Value::String(uuid::Uuid::now_v7().to_string());
    content["stall"]["code"] = "ST99".into();
    for sale in content["sales"].as_array_mut().unwrap() {
        let receipt = sale["receipt"].as_str().unwrap().replace("ST07", "ST99");
        sale["receipt"] = receipt.into();
    }
    let conn = rusqlite::Connection::open(pc.path().join("sentra.db")).unwrap();
    let secret: Vec<u8> = conn
        .query_row("SELECT secret_key FROM stall", [], |r| r.get(0))
        .unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&secret.try_into().unwrap());
    let content: sentra::sync::format::ExportContent = serde_json::from_value(content).unwrap();
    let forged = out.path().join("st99.sentra");
    std::fs::write(&forged, sentra::sync::file::seal(&content, &key)).unwrap();
    let before = snapshot(office.path());
    let (ok, stdout, stderr) = sentra(office.path(), &["import", forged.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        format!("{stdout}{stderr}").contains("milik toko ST07"),
        "{stdout}{stderr}"
    );
    assert_eq!(snapshot(office.path()), before);
}

#[test]
fn the_office_and_a_days_opening_refuse_a_clock_set_back_too() {
    let out = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    let later = "2026-11-28T09:00:00+07:00";
    let earlier = "2026-11-20T09:00:00+07:00";
    let (ok, _, stderr) = sentra_at(
        office.path(),
        MORNING,
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    assert!(ok, "{stderr}");
    let pc = tempfile::tempdir().unwrap();
    stall(pc.path());
    assert!(sell(pc.path(), MORNING).0);
    let file = export(pc.path(), MORNING, out.path());
    let (ok, _, stderr) = sentra_at(office.path(), later, &["import", file.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let before = snapshot(office.path());
    for args in [
        vec![
            "fee", "pay", "ST07", "--amount", "1000", "--method", "cash", "--pin", PIN,
        ],
        vec!["fee", "set", "--percent", "5"],
    ] {
        let (ok, _, stderr) = sentra_at(office.path(), earlier, &args);
        assert!(!ok, "{args:?} with the clock set back");
        assert!(
            stderr.contains(earlier) && stderr.contains(later),
            "{stderr}"
        );
    }
    assert_eq!(snapshot(office.path()), before);

    // A stall cannot open a day in the past either.
    let (ok, _, stderr) = sentra_at(pc.path(), "2026-11-20T08:00:00+07:00", &["day", "open"]);
    assert!(!ok);
    assert!(stderr.contains("clock accept"), "{stderr}");
}

/// Issue 23, item 8: `pin set --new` without `--old` on a book whose PIN is
/// set says the old PIN is needed, and spends no try.
#[test]
fn changing_the_pin_without_the_old_one_says_so() {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    let (ok, _, stderr) = sentra(d, &["pin", "set", "--new", "5678"]);
    assert!(!ok && stderr.contains("--old"), "{stderr}");
    let tries: i64 = rusqlite::Connection::open(d.join("sentra.db"))
        .unwrap()
        .query_row("SELECT wrong_tries FROM manager_pin", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tries, 0, "no try spent");
    sentra_ok(d, &["pin", "set", "--new", "5678", "--old", PIN]);
}

/// The fresh-eyes trial of issue 23: the stall's old sales, given new ids
/// and signed with a new key, were taken after one re-pin and every sale of
/// those days counted twice. A reinstalled PC starts where the old one
/// stopped: the new key's records of days before the old key's last are
/// refused; the new PC's own sales of that last day and after are taken.
#[test]
fn old_sales_signed_again_with_a_new_key_are_refused_after_a_repin() {
    use common::forge::{content_of, sign, stall_key};
    let out = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    sentra_ok(
        office.path(),
        &["init", "office", "--name", "Sentra", "--manager-pin", PIN],
    );
    let old_pc = tempfile::tempdir().unwrap();
    stall(old_pc.path());
    assert!(sell(old_pc.path(), "2026-11-26T10:00:00+07:00").0);
    assert!(sell(old_pc.path(), MORNING).0);
    let old_file = export(old_pc.path(), MORNING, out.path());
    sentra_ok(office.path(), &["import", old_file.to_str().unwrap()]);

    // A "new PC": its key, re-pinned at the office.
    let new_pc = tempfile::tempdir().unwrap();
    stall(new_pc.path());
    let settings = json(new_pc.path(), MORNING, &["settings", "list"]);
    let key = settings["public_key"].as_str().unwrap()[..16].to_string();
    sentra_ok(
        office.path(),
        &["stalls", "repin", "ST07", "--key", &key, "--pin", PIN],
    );
    // The old file's sales under new ids, signed with the new key.
    let mut content = content_of(&old_file);
    content["export_id"] = uuid::Uuid::now_v7().to_string().into();
    content["stall"]["public_key"] = settings["public_key"].clone();
    for sale in content["sales"].as_array_mut().unwrap() {
        sale["id"] = uuid::Uuid::now_v7().to_string().into();
    }
    content["prices"] = serde_json::json!([]);
    let version = sentra::sync::format::VERSION;
    let forged = sign(
        &content,
        &stall_key(new_pc.path()),
        version,
        out.path(),
        "again",
    );
    let before = snapshot(office.path());
    let (ok, stdout, stderr) = sentra(office.path(), &["import", forged.to_str().unwrap()]);
    let said = format!("{stdout}{stderr}");
    assert!(!ok, "{said}");
    assert!(
        said.contains(
            "bertanggal 2026-11-26, sebelum hari terakhir kunci lama toko ST07 (2026-11-27)"
        ),
        "{said}"
    );
    assert_eq!(snapshot(office.path()), before);
    // The new PC's own sale of the last day is taken.
    assert!(sell(new_pc.path(), "2026-11-27T14:00:00+07:00").0);
    let new_out = out.path().join("new");
    std::fs::create_dir(&new_out).unwrap();
    let new_file = export(new_pc.path(), "2026-11-27T14:00:00+07:00", &new_out);
    sentra_ok(office.path(), &["import", new_file.to_str().unwrap()]);
    let day = json(
        office.path(),
        NOW_TEXT,
        &["report", "centre", "--date", "2026-11-27"],
    );
    assert_eq!(day["stalls"][0]["totals"]["sales_count"], 2);
}

/// A stall set up while the PC's clock ran days ahead, the clock then put
/// right and accepted by the manager: its day still closes with its file
/// for the office (the struk key's start, dated by the wrong clock, does
/// not block the stall's own check of the file).
#[test]
fn a_clock_put_back_and_accepted_still_exports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    stall(d);
    let (ok, said) = sell(d, MORNING);
    assert!(ok, "{said}");
    let earlier = "2026-11-24T10:00:00+07:00";
    let (ok, _, stderr) = sentra_at(d, earlier, &["clock", "accept", "--pin", PIN]);
    assert!(ok, "{stderr}");
    let (ok, said) = sell(d, "2026-11-24T10:05:00+07:00");
    assert!(ok, "{said}");
    let usb = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = sentra_at(
        d,
        "2026-11-24T17:00:00+07:00",
        &[
            "day",
            "close",
            "--counted-cash",
            "10000",
            "--export-dir",
            usb.path().to_str().unwrap(),
        ],
    );
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(
        std::fs::read_dir(usb.path()).unwrap().count(),
        1,
        "{stdout}"
    );
}
