//! An office that has imported a centre's files: each stall's day as one
//! export (its sales, two lines each, cash, and one void).
//!
//! A year of 100 stalls is 36,500 files. Importing them for real (signature,
//! every record's checks, a synced commit per file) would take minutes of
//! the bench's time, so the books are written with bulk INSERTs of exactly
//! the rows an import writes for those files, the office's triggers firing as
//! they do on import. `check_shape` imports a few such files for real and
//! asserts that every office table then holds the same rows as the bulk
//! writer makes of the same files.

use std::path::Path;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use rusqlite::types::Value;
use rusqlite::{Connection, Transaction, params};
use sentra::store::Store;
use sentra::sync::file::{seal, to_hex};
use sentra::sync::format::*;
use time::Duration as Days;

use super::NOW;

/// Stall `stall`'s export of `day`: `sales` sales numbered from `seq`, the
/// first of them voided the same day (numbered after the sales).
pub fn stall_day(stall: usize, day: &str, seq: i64, sales: usize) -> (ExportContent, SigningKey) {
    let key = SigningKey::from_bytes(&[stall as u8 + 1; 32]);
    let code = format!("S{stall:03}");
    let records: Vec<SaleRecord> = (0..sales)
        .map(|n| SaleRecord {
            id: uuid::Uuid::now_v7().to_string(),
            seq: seq + n as i64,
            receipt: format!("{code}-{}-{:04}", day.replace('-', ""), n + 1),
            day: day.to_string(),
            created_at: format!("{day}T{:02}:{:02}:00+07:00", 8 + n / 60, n % 60),
            subtotal: 30_000,
            line_discounts: 0,
            sale_discount: 0,
            tax: 0,
            total: 30_000,
            lines: (1..=2)
                .map(|l| SaleLineRecord {
                    line_no: l,
                    sku: format!("P{l}"),
                    name: "Keripik Pisang".into(),
                    category: if l == 1 { "Keripik" } else { "Kopi" }.into(),
                    unit: "pcs".into(),
                    unit_price: 15_000,
                    quantity_milli: 1_000,
                    gross: 15_000,
                    line_discount: 0,
                    sale_discount_share: 0,
                    net: 15_000,
                })
                .collect(),
            payments: vec![PaymentRecord {
                method: "cash".into(),
                amount: 30_000,
                tendered: 30_000,
                reference: None,
                customer: None,
            }],
        })
        .collect();
    let last = seq + sales as i64;
    let voids = vec![VoidRecord {
        id: uuid::Uuid::now_v7().to_string(),
        seq: last,
        sale_id: records[0].id.clone(),
        day: day.to_string(),
        created_at: format!("{day}T20:00:00+07:00"),
        reason: "salah scan".into(),
    }];
    let content = sentra::sync::export::with_products(ExportContent {
        export_id: uuid::Uuid::now_v7().to_string(),
        created_at: format!("{day}T21:00:00+07:00"),
        stall: StallInfo {
            code,
            name: format!("Toko {stall}"),
            owner: None,
            regency: [1801, 1802, 1806, 1871][stall % 4],
            regency_kemendagri: None,
            public_key: to_hex(key.verifying_key().as_bytes()),
            struk_key: Some(
                sentra::domain::struk_check::StrukKey::from_secret(&key.to_bytes()).to_hex(),
            ),
            struk_keyed_since: Some("2026-01-01T00:00:00+07:00".into()),
        },
        sequence: SequenceRange {
            from: seq,
            to: last,
        },
        products: Vec::new(),
        sales: records,
        voids,
        returns: Vec::new(),
        day_closes: Vec::new(),
        events: Vec::new(),
        producers: Vec::new(),
        consigned_lines: Vec::new(),
        payouts: Vec::new(),
        repayments: Vec::new(),
        expenses: Vec::new(),
        prices: Vec::new(),
    });
    (content, key)
}

fn file_name(content: &ExportContent) -> String {
    format!(
        "sentra-{}-{}-{:07}-{:07}.sentra",
        content.stall.code, content.sales[0].day, content.sequence.from, content.sequence.to
    )
}

/// The rows the import writes for `content`, written straight.
fn insert(tx: &Transaction<'_>, content: &ExportContent, stamp: &str) {
    let code = &content.stall.code;
    let key = sentra::sync::file::from_hex(&content.stall.public_key).unwrap();
    tx.prepare_cached(
        "INSERT INTO office_stalls (code, name, owner, regency, public_key, first_seen, last_import)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (code) DO UPDATE SET last_import = excluded.last_import",
    )
    .unwrap()
    .execute(params![
        code,
        content.stall.name,
        content.stall.owner,
        content.stall.regency,
        key,
        stamp
    ])
    .unwrap();
    // The stall's struk key, as the import keeps it (a version-4 file).
    let struk_key = content
        .stall
        .struk_key
        .as_deref()
        .and_then(sentra::domain::struk_check::StrukKey::from_hex);
    if let (Some(struk_key), Some(since)) = (struk_key, &content.stall.struk_keyed_since) {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_struk_keys (stall_code, struk_key, keyed_since) VALUES (?1, ?2, ?3)",
        )
        .unwrap()
        .execute(params![code, struk_key.as_bytes().to_vec(), since])
        .unwrap();
    }
    for (seq, day) in content.sequence_days() {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO office_seen (stall_code, epoch, seq, day) VALUES (?1, 0, ?2, ?3)",
        )
        .unwrap()
        .execute(params![code, seq, day])
        .unwrap();
    }
    for s in &content.sales {
        tx.prepare_cached(
            "INSERT INTO office_sales (id, stall_code, seq, receipt, day, created_at, subtotal,
                line_discounts, sale_discount, tax, total, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
        )
        .unwrap()
        .execute(params![
            s.id,
            code,
            s.seq,
            s.receipt,
            s.day,
            s.created_at,
            s.subtotal,
            s.line_discounts,
            s.sale_discount,
            s.tax,
            s.total
        ])
        .unwrap();
        for l in &s.lines {
            tx.prepare_cached(
                "INSERT INTO office_sale_lines (sale_id, line_no, sku, name, category, unit, unit_price,
                    quantity, gross, line_discount, sale_discount_share, net, stall_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .unwrap()
            .execute(params![
                s.id,
                l.line_no,
                l.sku,
                l.name,
                l.category,
                l.unit,
                l.unit_price,
                l.quantity_milli,
                l.gross,
                l.line_discount,
                l.sale_discount_share,
                l.net,
                code
            ])
            .unwrap();
        }
        for (i, p) in s.payments.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO office_payments (sale_id, line_no, method, amount, tendered, reference, customer,
                    stall_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .unwrap()
            .execute(params![
                s.id,
                i as i64 + 1,
                p.method,
                p.amount,
                p.tendered,
                p.reference,
                p.customer,
                code
            ])
            .unwrap();
        }
    }
    for v in &content.voids {
        tx.prepare_cached(
            "INSERT INTO office_voids (id, stall_code, seq, sale_id, day, created_at, reason, epoch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
        )
        .unwrap()
        .execute(params![
            v.id,
            code,
            v.seq,
            v.sale_id,
            v.day,
            v.created_at,
            v.reason
        ])
        .unwrap();
    }
    let records = (content.sales.len() + content.voids.len()) as i64;
    tx.prepare_cached(
        "INSERT INTO office_imports (export_id, stall_code, imported_at, file_name, seq_from, seq_to,
            new_records, known_records, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)",
    )
    .unwrap()
    .execute(params![
        content.export_id,
        code,
        stamp,
        file_name(content),
        content.sequence.from,
        content.sequence.to,
        records,
        "bulk"
    ])
    .unwrap();
}

fn new_office(dir: &Path) -> Connection {
    {
        let mut store = Store::open(dir).unwrap();
        store.init_office("Sentra", None, NOW).unwrap();
    }
    let conn = Connection::open(dir.join("sentra.db")).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    conn
}

/// An office holding `days` days (ending at NOW) of `stalls` stalls, `sales`
/// sales a stall a day.
pub fn make_office(dir: &Path, stalls: usize, days: usize, sales: usize) {
    let mut conn = new_office(dir);
    let tx = conn.transaction().unwrap();
    let stamp = NOW.to_string();
    for stall in 0..stalls {
        let mut seq = 1;
        for d in 0..days {
            let day = (NOW.date() - Days::days((days - 1 - d) as i64)).to_string();
            let (content, _) = stall_day(stall, &day, seq, sales);
            seq = content.sequence.to + 1;
            insert(&tx, &content, &stamp);
        }
    }
    tx.commit().unwrap();
    // No ANALYZE: the program never runs it.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

/// A few files imported for real, and the same files written by `insert`:
/// every office table must hold the same rows, apart from the import's own
/// clock, digests and the files' names.
pub fn check_shape(scratch: &Path) {
    let folder = scratch.join("shape-files");
    std::fs::create_dir_all(&folder).unwrap();
    let mut contents = Vec::new();
    for stall in 0..2 {
        let mut seq = 1;
        for d in 0..3i64 {
            let day = (NOW.date() - Days::days(2 - d)).to_string();
            let (content, key) = stall_day(stall, &day, seq, 4);
            seq = content.sequence.to + 1;
            std::fs::write(folder.join(file_name(&content)), seal(&content, &key)).unwrap();
            contents.push(content);
        }
    }
    let real = scratch.join("shape-real");
    {
        let mut office = Store::open(&real).unwrap();
        office.init_office("Sentra", None, NOW).unwrap();
        let files = sentra::office::import::collect_files(std::slice::from_ref(&folder)).unwrap();
        sentra::office::import::import_files(&mut office, &files, NOW, |_, result| {
            result.unwrap();
        })
        .unwrap();
    }
    let bulk = scratch.join("shape-bulk");
    {
        let mut conn = new_office(&bulk);
        let tx = conn.transaction().unwrap();
        for content in &contents {
            insert(&tx, content, &NOW.to_string());
        }
        tx.commit().unwrap();
    }
    let real = Connection::open(real.join("sentra.db")).unwrap();
    let bulk = Connection::open(bulk.join("sentra.db")).unwrap();
    let tables: Vec<String> = real
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'office%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let volatile = [
        "imported_at",
        "first_seen",
        "last_import",
        "sha256",
        "file_sha256",
        "file_name",
    ];
    for table in tables {
        let rows = |conn: &Connection| -> Vec<Vec<Value>> {
            let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
            let names: Vec<String> = statement.column_names().map(|n| n.to_string()).collect();
            let mut rows: Vec<Vec<Value>> = statement
                .query_map([], |r| {
                    (0..names.len())
                        .map(|i| {
                            if volatile.contains(&names[i].as_str()) {
                                Ok(Value::Null)
                            } else {
                                r.get::<_, Value>(i)
                            }
                        })
                        .collect()
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            rows
        };
        assert_eq!(
            rows(&real),
            rows(&bulk),
            "{table}: the bulk writer must write what an import writes"
        );
    }
}

/// `count` wrong-PIN events of one stall from `seq`, as its export.
fn events_file(dir: &Path, seq: i64, count: i64) -> std::path::PathBuf {
    let key = SigningKey::from_bytes(&[200; 32]);
    let day = "2026-11-27";
    let events = (0..count)
        .map(|n| EventRecord {
            id: uuid::Uuid::now_v7().to_string(),
            seq: seq + n,
            day: day.to_string(),
            created_at: format!(
                "{day}T{:02}:{:02}:{:02}+07:00",
                8 + n % 12,
                n / 60 % 60,
                n % 60
            ),
            kind: "pin_wrong".into(),
            detail: "void".into(),
        })
        .collect();
    let content = ExportContent {
        export_id: uuid::Uuid::now_v7().to_string(),
        created_at: format!("{day}T21:00:00+07:00"),
        stall: StallInfo {
            code: "EVNT".into(),
            name: "Toko Acara".into(),
            owner: None,
            regency: 1802,
            regency_kemendagri: None,
            public_key: to_hex(key.verifying_key().as_bytes()),
            struk_key: Some(
                sentra::domain::struk_check::StrukKey::from_secret(&key.to_bytes()).to_hex(),
            ),
            struk_keyed_since: Some("2026-01-01T00:00:00+07:00".into()),
        },
        sequence: SequenceRange {
            from: seq,
            to: seq + count - 1,
        },
        products: Vec::new(),
        sales: Vec::new(),
        voids: Vec::new(),
        returns: Vec::new(),
        day_closes: Vec::new(),
        events,
        producers: Vec::new(),
        consigned_lines: Vec::new(),
        payouts: Vec::new(),
        repayments: Vec::new(),
        expenses: Vec::new(),
        prices: Vec::new(),
    };
    let path = dir.join(format!("events-{seq:07}.sentra"));
    std::fs::write(&path, seal(&content, &key)).unwrap();
    path
}

fn import_seconds(office: &mut Store, file: &Path) -> Duration {
    let now = time::macros::datetime!(2026-11-27 22:00 +7);
    let started = std::time::Instant::now();
    sentra::office::import::import_file(office, file, now).unwrap();
    started.elapsed()
}

fn fresh_office(dir: &Path) -> Store {
    let mut store = Store::open(dir).unwrap();
    store
        .init_office("Sentra", None, time::macros::datetime!(2026-11-27 21:00 +7))
        .unwrap();
    store
}

/// Row 11: a year of wrong-PIN events must import in time linear in their
/// number. Ten files of 10,000 events into one office, against the first of
/// them imported into an empty office ten times.
pub fn bench_events(scratch: &Path) -> super::Row {
    const PER_FILE: i64 = 10_000;
    let files_dir = scratch.join("events");
    std::fs::create_dir_all(&files_dir).unwrap();
    let files: Vec<_> = (0..10)
        .map(|i| events_file(&files_dir, 1 + i * PER_FILE, PER_FILE))
        .collect();
    let mut office = fresh_office(&scratch.join("events-office"));
    let ours: Duration = files.iter().map(|f| import_seconds(&mut office, f)).sum();
    let held: i64 = office
        .connection()
        .query_row("SELECT COUNT(*) FROM office_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(held, 10 * PER_FILE);
    let baseline: Duration = (0..10)
        .map(|i| {
            let mut office = fresh_office(&scratch.join(format!("events-small-{i}")));
            import_seconds(&mut office, &files[0])
        })
        .sum();
    let ratio = ours.as_secs_f64() / baseline.as_secs_f64();
    let one = |d: Duration| super::Stats { median: d, p99: d };
    super::Row {
        name: "11. import 100k wrong-PIN events vs 10k × 10".into(),
        ours: one(ours),
        baseline: one(baseline),
        ratio,
        goal: "ratio ≤ 2".into(),
        met: ratio <= 2.0,
    }
}
