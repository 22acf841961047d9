//! Files that passed through many hands, and disks that misbehave.
//!
//! Real export files are mutated every which way (bit flips, cut, spliced,
//! bytes inserted and removed, fields edited); each must either import
//! exactly its records or be refused whole, and never panic. Then the disk:
//! a stick that fills up, a stick pulled out, a book on a read-only disk.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use proptest::prelude::*;
use sentra::domain::payment::{PaymentMethod, Tender};
use sentra::domain::unit::Unit;
use sentra::office::import::import_file;
use sentra::store::{SaleItem, SaleRequest, Store};
use sentra::sync::SyncError;
use sentra::sync::export::{export, last_exported};

/// Mutated files tried per run (reported in docs/reliability.md).
const CASES: u32 = 2_000;

fn stall_export() -> (tempfile::TempDir, Vec<u8>) {
    let (dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    store
        .add_product(&product("TPS-04", 300_000, Unit::Pcs), NOW)
        .unwrap();
    for (code, units, method) in [
        ("KRP-01", "3", PaymentMethod::Cash),
        ("TPS-04", "1", PaymentMethod::Qris),
    ] {
        let total = if code == "KRP-01" { 30_000 } else { 300_000 };
        let request = SaleRequest {
            items: vec![SaleItem {
                code: code.into(),
                quantity: qty(units),
                discount: None,
            }],
            discount: None,
            tenders: vec![Tender {
                method,
                amount: rp(total),
                reference: None,
            }],
        };
        store.complete_sale(&request, NOW).unwrap();
    }
    store.close_day(rp(30_000), NOW).unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = export(&mut store, out.path(), None, NOW).unwrap().path;
    let bytes = std::fs::read(path).unwrap();
    (dir, bytes)
}

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Overwrite(usize, Vec<u8>),
    SwapHalves(usize),
    ReplaceDigit(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| Mutation::Remove(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Mutation::Overwrite(at, b)),
        any::<usize>().prop_map(Mutation::SwapHalves),
        (any::<usize>(), 0..10u8).prop_map(|(at, d)| Mutation::ReplaceDigit(at, d)),
    ]
}

fn apply(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if out.is_empty() {
        return out;
    }
    let len = out.len();
    match mutation {
        Mutation::FlipBit(at, bit) => out[at % len] ^= 1 << bit,
        Mutation::Truncate(at) => out.truncate(at % len),
        Mutation::Insert(at, extra) => {
            let at = at % len;
            out.splice(at..at, extra.iter().copied());
        }
        Mutation::Remove(at, n) => {
            let at = at % len;
            let end = (at + n).min(out.len());
            out.drain(at..end);
        }
        Mutation::Overwrite(at, patch) => {
            for (i, b) in patch.iter().enumerate() {
                if let Some(slot) = out.get_mut((at + i) % len) {
                    *slot = *b;
                }
            }
        }
        Mutation::SwapHalves(at) => out.rotate_left(at % len),
        Mutation::ReplaceDigit(at, digit) => {
            // Change a digit somewhere in the content: an amount, a quantity.
            let digits: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !digits.is_empty() {
                out[digits[at % digits.len()]] = b'0' + digit;
            }
        }
    }
    out
}

fn new_office() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.init_office("Sentra UMKM Lampung", None, NOW).unwrap();
    (dir, store)
}

fn records(office: &Store) -> i64 {
    office
        .connection()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM office_sales) + (SELECT COUNT(*) FROM office_sale_lines)
                  + (SELECT COUNT(*) FROM office_payments) + (SELECT COUNT(*) FROM office_day_closes)
                  + (SELECT COUNT(*) FROM office_seen) + (SELECT COUNT(*) FROM office_stalls)",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// A mutated file never panics the importer and never half-imports: it
    /// is refused with the office unchanged, or (when the mutation changed
    /// nothing that matters) it imports exactly what the original holds.
    #[test]
    fn a_mutated_export_imports_whole_or_not_at_all(mutations in prop::collection::vec(mutation(), 1..4)) {
        thread_local! {
            static ORIGINAL: (tempfile::TempDir, Vec<u8>) = stall_export();
        }
        let original = ORIGINAL.with(|o| o.1.clone());
        let mut bytes = original.clone();
        for m in &mutations {
            bytes = apply(&bytes, m);
        }
        let files = tempfile::tempdir().unwrap();
        let path = files.path().join("mutated.sentra");
        std::fs::write(&path, &bytes).unwrap();
        let (office_dir, mut office) = new_office();
        let outcome = import_file(&mut office, &path, NOW);
        match outcome {
            Err(SyncError::Rejected(_)) => prop_assert_eq!(records(&office), 0),
            Ok(stats) => {
                // Only harmless changes get through: the same records as the original.
                let reference_dir = tempfile::tempdir().unwrap();
                let reference_path = reference_dir.path().join("original.sentra");
                std::fs::write(&reference_path, &original).unwrap();
                let (_ref_office_dir, mut reference) = new_office();
                let expected = import_file(&mut reference, &reference_path, NOW).unwrap();
                prop_assert_eq!(stats.new_records, expected.new_records);
                prop_assert_eq!(records(&office), records(&reference));
            }
            Err(other) => prop_assert!(false, "unexpected failure: {other}"),
        }
        drop(office_dir);
    }
}

fn mount_tmpfs(at: &Path, options: &str) -> bool {
    std::fs::create_dir_all(at).unwrap();
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(at)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn unmount(at: &Path) {
    let _ = Command::new("umount").arg(at).status();
}

/// A tmpfs mount that is taken down when the test ends, pass or fail.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        unmount(&self.0);
    }
}

#[test]
fn a_full_stick_leaves_no_file_and_the_next_export_is_complete() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    // Enough sales that their export cannot fit on an 8 KiB stick.
    for _ in 0..40 {
        let request = cash_sale("KRP-01", "1", 10_000);
        store.complete_sale(&request, NOW).unwrap();
    }
    let base = tempfile::tempdir().unwrap();
    let stick = base.path().join("usb");
    if !mount_tmpfs(&stick, "size=8k") {
        // CI runs as root and must run it: there, not mounting is a failure.
        assert!(std::env::var_os("CI").is_none(), "CI cannot mount a tmpfs");
        eprintln!("skipped: this machine does not let the test mount a small tmpfs");
        return;
    }
    let _mount = Mount(stick.clone());
    let error = export(&mut store, &stick, None, NOW).unwrap_err();
    assert!(error.to_string().contains("tidak bisa menulis"), "{error}");
    let left: Vec<_> = std::fs::read_dir(&stick)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing is left on the stick: {left:?}");
    assert_eq!(last_exported(&store).unwrap(), 0, "not marked as sent");

    // On a stick with room, the next export carries everything.
    let roomy = tempfile::tempdir().unwrap();
    let summary = export(&mut store, roomy.path(), None, NOW).unwrap();
    assert_eq!((summary.from, summary.to, summary.records), (1, 40, 40));
}

#[test]
fn a_stick_pulled_out_mid_export_is_refused_and_nothing_is_marked() {
    let (_dir, mut store) = new_stall();
    store
        .add_product(&product("KRP-01", 10_000, Unit::Pack), NOW)
        .unwrap();
    let request = cash_sale("KRP-01", "1", 10_000);
    store.complete_sale(&request, NOW).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let folder = stick.path().join("SENTRA");
    std::fs::create_dir(&folder).unwrap();
    std::fs::remove_dir(&folder).unwrap(); // pulled out
    assert!(matches!(
        export(&mut store, &folder, None, NOW),
        Err(SyncError::NoFolder(_))
    ));
    assert!(
        !folder.exists(),
        "no folder made on the PC's disk in its place"
    );
    assert_eq!(last_exported(&store).unwrap(), 0);
    std::fs::create_dir(&folder).unwrap(); // plugged back in
    assert_eq!(export(&mut store, &folder, None, NOW).unwrap().records, 1);
}

#[test]
fn a_book_on_a_read_only_disk_is_a_clear_error_at_start() {
    let base = tempfile::tempdir().unwrap();
    let disk = base.path().join("ro");
    let (dir, store) = new_stall();
    drop(store);
    if !mount_tmpfs(&disk, "size=4m") {
        // CI runs as root and must run it: there, not mounting is a failure.
        assert!(std::env::var_os("CI").is_none(), "CI cannot mount a tmpfs");
        eprintln!("skipped: this machine does not let the test mount a tmpfs");
        return;
    }
    let _mount = Mount(disk.clone());
    for name in ["sentra.db", "sentra.lock"] {
        std::fs::copy(dir.path().join(name), disk.join(name)).unwrap();
    }
    assert!(
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&disk)
            .status()
            .unwrap()
            .success()
    );
    let (ok, _, stderr) = sentra(&disk, &["product", "list"]);
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&disk.display().to_string()) && stderr.contains("tidak bisa"),
        "{stderr}"
    );
}
