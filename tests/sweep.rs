//! The bad-input sweep: every argument of every command that takes a number,
//! a code or a choice is given empty, negative, huge, non-numeric, very long,
//! SQL-looking and non-UTF-8 values; each is refused with one line and the
//! book keeps every record. Free-text fields take SQL-looking text as text.

mod common;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::Command;

use common::*;

fn bad_values() -> Vec<OsString> {
    let mut values: Vec<OsString> = [
        "",
        " ",
        "-5",
        "0",
        "99999999999999999999999999",
        "abc",
        "1e5",
        "1,2,3",
        "NaN",
        "1'; DROP TABLE sales; --",
        "Robert'); DELETE FROM products; --",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    values.push(OsString::from("9".repeat(10_000)));
    values.push(OsString::from("x".repeat(10_000)));
    values.push(OsString::from_vec(vec![0xff, 0xfe, b'1']));
    values
}

/// A stall with a product, a sale (receipt ST07-20261127-0001) and a PIN.
fn stall() -> tempfile::TempDir {
    let dir = cli_stall(Some(PIN));
    let d = dir.path();
    sentra_ok(
        d,
        &[
            "product", "add", "--sku", "KRP-01", "--name", "Keripik", "--price", "10000",
        ],
    );
    sentra_ok(d, &["stock", "receive", "KRP-01", "20"]);
    sentra_ok(d, &["sale", "--item", "KRP-01=2", "--pay", "cash=20000"]);
    dir
}

fn run(dir: &std::path::Path, args: &[OsString]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sentra"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SENTRA_NOW", NOW_TEXT)
        .env_remove("SENTRA_DATA_DIR")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Templates with `{}` where the bad value goes, and values that are, for
/// that argument, perfectly good (a negative adjustment is a loss).
const TEMPLATES: &[(&[&str], &[&str])] = &[
    (
        &[
            "product", "add", "--sku", "NEW", "--name", "X", "--price", "{}",
        ],
        &[],
    ),
    (
        &[
            "product", "add", "--sku", "NEW", "--name", "X", "--price", "5000", "--cost", "{}",
        ],
        &["0"],
    ),
    (
        &[
            "product",
            "add",
            "--sku",
            "NEW",
            "--name",
            "X",
            "--price",
            "5000",
            "--min-stock",
            "{}",
        ],
        &["0"],
    ),
    // No barcode at all is allowed: blank means none.
    (
        &[
            "product",
            "add",
            "--sku",
            "NEW",
            "--name",
            "X",
            "--price",
            "5000",
            "--barcode",
            "{}",
        ],
        &["", " "],
    ),
    (
        &[
            "product", "add", "--sku", "NEW", "--name", "X", "--price", "5000", "--unit", "{}",
        ],
        &[],
    ),
    (
        &[
            "product", "add", "--sku", "{}", "--name", "X", "--price", "5000",
        ],
        &["-5", "0", "abc", "1e5", "NaN", "99999999999999999999999999"],
    ),
    (&["product", "list", "--low-stock", "{}"], &[]),
    (&["stock", "receive", "KRP-01", "{}"], &[]),
    (&["stock", "receive", "{}", "1"], &[]),
    (&["stock", "receive", "KRP-01", "1", "--cost", "{}"], &["0"]),
    (
        &["stock", "adjust", "KRP-01", "{}", "--reason", "rusak"],
        &["-5"],
    ),
    (&["stock", "count", "KRP-01", "{}"], &["0"]),
    (&["stock", "ledger", "{}"], &[]),
    (&["sale", "--item", "{}", "--pay", "cash=10000"], &[]),
    (
        &["sale", "--item", "KRP-01={}", "--pay", "cash=100000"],
        &[],
    ),
    (&["sale", "--item", "KRP-01=1", "--pay", "cash={}"], &[]),
    (&["sale", "--item", "KRP-01=1", "--pay", "{}=10000"], &[]),
    (
        &["sale", "--item", "KRP-01=1@{}", "--pay", "cash=10000"],
        &["0"],
    ),
    (
        &[
            "sale",
            "--item",
            "KRP-01=1",
            "--discount",
            "{}",
            "--pay",
            "cash=10000",
        ],
        &["0"],
    ),
    (&["void", "{}", "--reason", "salah", "--pin", PIN], &[]),
    (
        &[
            "void",
            "ST07-20261127-0001",
            "--reason",
            "salah",
            "--pin",
            "{}",
        ],
        &[],
    ),
    (
        &["return", "{}", "--item", "KRP-01=1", "--refund", "cash=0"],
        &[],
    ),
    (
        &[
            "return",
            "ST07-20261127-0001",
            "--item",
            "KRP-01={}",
            "--refund",
            "cash=0",
        ],
        &[],
    ),
    (
        &[
            "return",
            "ST07-20261127-0001",
            "--item",
            "KRP-01=1",
            "--refund",
            "cash={}",
        ],
        &["0"],
    ),
    (&["receipt", "{}"], &[]),
    (&["receipt", "ST07-20261127-0001", "--width", "{}"], &[]),
    (&["day", "open", "--float", "{}"], &["0"]),
    (&["day", "close", "--counted-cash", "{}"], &["0"]),
    (&["day", "reopen", "--date", "{}", "--pin", PIN], &[]),
    (&["report", "day", "--date", "{}"], &[]),
    (&["settings", "set", "tax_rate", "{}"], &["0"]),
    (&["settings", "set", "receipt_width", "{}"], &[]),
    (&["settings", "set", "{}", "1"], &[]),
    (&["settings", "set", "qris_payload", "{}"], &["", " "]),
    (&["pin", "set", "--new", "{}", "--old", PIN], &[]),
    (&["demo", "--days", "{}"], &[]),
    (&["export", "--out", "{}"], &[]),
    (&["export", "--out", ".", "--since-seq", "{}"], &["-5", "0"]),
    (&["restore", "{}"], &[]),
    (&["import", "{}"], &[]),
];

#[test]
fn every_argument_refuses_every_kind_of_bad_value_and_changes_nothing() {
    let dir = stall();
    let d = dir.path();
    let mut tried = 0;
    for (template, good) in TEMPLATES {
        for value in bad_values() {
            if value.to_str().is_some_and(|v| good.contains(&v)) {
                continue;
            }
            let args: Vec<OsString> = template
                .iter()
                .map(|part| {
                    if part.contains("{}") {
                        let (before, after) = part.split_once("{}").unwrap();
                        let mut filled = OsString::from(before);
                        filled.push(&value);
                        filled.push(after);
                        filled
                    } else {
                        OsString::from(part)
                    }
                })
                .collect();
            let before = snapshot(d);
            let (ok, stderr) = run(d, &args);
            let shown = format!("{args:?}").chars().take(160).collect::<String>();
            assert!(!ok, "accepted: {shown}");
            let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), 1, "{shown}: {stderr:?}");
            assert!(
                lines[0].starts_with("galat: ") && lines[0].len() > 12,
                "{shown}: {stderr:?}"
            );
            assert!(!stderr.contains("panicked"), "{shown}: {stderr}");
            assert_eq!(snapshot(d), before, "{shown} changed the book");
            tried += 1;
        }
    }
    assert!(tried > 450, "{tried} bad values tried");
}

#[test]
fn text_fields_refuse_empty_huge_and_control_text_and_keep_sql_as_text() {
    let dir = stall();
    let d = dir.path();
    let text_templates: &[&[&str]] = &[
        &[
            "product", "add", "--sku", "NEW", "--name", "{}", "--price", "5000",
        ],
        &[
            "product",
            "add",
            "--sku",
            "NEW",
            "--name",
            "X",
            "--category",
            "{}",
            "--price",
            "5000",
        ],
        &["stock", "adjust", "KRP-01", "-1", "--reason", "{}"],
        &["stock", "receive", "KRP-01", "1", "--note", "{}"],
        &["void", "ST07-20261127-0001", "--reason", "{}", "--pin", PIN],
    ];
    for template in text_templates {
        for value in [
            "",
            "   ",
            &"x".repeat(10_000),
            "baris\nkedua",
            "tab\tdi tengah",
        ] {
            if value.trim().is_empty() && template.contains(&"--note") {
                continue; // a blank note is no note
            }
            let args: Vec<String> = template.iter().map(|p| p.replace("{}", value)).collect();
            let before = snapshot(d);
            let (ok, _, stderr) = sentra(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(
                !ok,
                "accepted {:?}",
                &args.join(" ").chars().take(120).collect::<String>()
            );
            assert_eq!(stderr.lines().count(), 1);
            assert_eq!(snapshot(d), before);
        }
    }
    // SQL-looking text is only text: stored as written, nothing run.
    let sly = "Keripik'); DROP TABLE sales; --";
    sentra_ok(
        d,
        &[
            "product",
            "add",
            "--sku",
            "SLY-1",
            "--name",
            sly,
            "--category",
            "x' OR '1'='1",
            "--price",
            "5000",
        ],
    );
    let listed: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &["--json", "product", "list", "--search", "DROP TABLE"],
    ))
    .unwrap();
    assert_eq!(listed[0]["name"], sly);
    assert_eq!(listed[0]["category"], "x' OR '1'='1");
    // The search's own wildcards are literal too.
    let percent: serde_json::Value = serde_json::from_str(&sentra_ok(
        d,
        &["--json", "product", "list", "--search", "%"],
    ))
    .unwrap();
    assert_eq!(percent.as_array().unwrap().len(), 0);
    let report = sentra_ok(d, &["report", "day"]);
    assert!(
        report.contains("Jumlah transaksi"),
        "the sales table is still there"
    );
}
