//! The office's side of `store::plans`: the statements Kantor's day view and
//! the stalls list really run are traced, and SQLite's plan for each must
//! find its rows through an index (or a summary kept by triggers), never by
//! reading a whole table that grows with every file imported. A year of a
//! centre's files is millions of records; these screens must cost what a
//! week costs.

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use ed25519_dalek::SigningKey;
    use rusqlite::Connection;
    use time::macros::{date, datetime};

    use crate::office::centre::{centre_day, gaps, stalls};
    use crate::store::Store;
    use crate::store::plans::traced;
    use crate::sync::file::{seal, to_hex};
    use crate::sync::format::*;

    /// The office tables that grow with every file. `office_stalls`,
    /// `office_centre_days` (one row a day), the fee rules and re-pins stay
    /// small.
    /// (`office_shared_ids` holds only ids two stalls both sent: empty but
    /// for a stall copying another's, and listed whole on the desk.)
    const GROWING: [&str; 18] = [
        "office_payouts",
        "office_consigned_lines",
        "office_seen",
        "office_sales",
        "office_sale_lines",
        "office_payments",
        "office_voids",
        "office_returns",
        "office_return_lines",
        "office_day_closes",
        "office_events",
        "office_imports",
        "office_repayments",
        "office_expenses",
        "office_stall_days",
        "office_seen_runs",
        "office_fee_payments",
        "office_prices",
    ];

    fn words(sql: &str) -> Vec<String> {
        sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Every step of the plan that reads a whole growing table or index; an
    /// alias (`FROM office_sales s`) counts as its table.
    fn full_scans(conn: &Connection, sql: &str) -> Vec<String> {
        let tokens = words(sql);
        let mut aliases: HashMap<String, String> = HashMap::new();
        for pair in tokens.windows(2) {
            if GROWING.contains(&pair[0].as_str()) {
                aliases.insert(pair[1].clone(), pair[0].clone());
            }
        }
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let steps: Vec<String> = statement
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        steps
            .into_iter()
            .filter(|step| {
                let Some(rest) = step.strip_prefix("SCAN ") else {
                    return false;
                };
                let name = rest.split_whitespace().next().unwrap_or("");
                let table = aliases.get(name).map(String::as_str).unwrap_or(name);
                GROWING.contains(&table)
            })
            .collect()
    }

    /// A stall's day as its export: `sales` sales from `seq`, the first voided.
    fn stall_day(stall: u8, day: &str, seq: i64, sales: i64) -> (ExportContent, SigningKey) {
        let key = SigningKey::from_bytes(&[stall + 1; 32]);
        let code = format!("S{stall:03}");
        let records: Vec<SaleRecord> = (0..sales)
            .map(|n| SaleRecord {
                id: uuid::Uuid::now_v7().to_string(),
                seq: seq + n,
                receipt: format!("{code}-{}-{:04}", day.replace('-', ""), n + 1),
                day: day.to_string(),
                created_at: format!("{day}T10:{n:02}:00+07:00"),
                subtotal: 15_000,
                line_discounts: 0,
                sale_discount: 0,
                tax: 0,
                total: 15_000,
                lines: vec![SaleLineRecord {
                    line_no: 1,
                    sku: "P1".into(),
                    name: "Keripik Pisang".into(),
                    category: "Keripik".into(),
                    unit: "pcs".into(),
                    unit_price: 15_000,
                    quantity_milli: 1_000,
                    gross: 15_000,
                    line_discount: 0,
                    sale_discount_share: 0,
                    net: 15_000,
                }],
                payments: vec![PaymentRecord {
                    method: "cash".into(),
                    amount: 15_000,
                    tendered: 15_000,
                    reference: None,
                    customer: None,
                }],
            })
            .collect();
        let voids = vec![VoidRecord {
            id: uuid::Uuid::now_v7().to_string(),
            seq: seq + sales,
            sale_id: records[0].id.clone(),
            day: day.to_string(),
            created_at: format!("{day}T20:00:00+07:00"),
            reason: "salah scan".into(),
        }];
        let content = crate::sync::export::with_products(ExportContent {
            export_id: uuid::Uuid::now_v7().to_string(),
            created_at: format!("{day}T21:00:00+07:00"),
            stall: StallInfo {
                code,
                name: format!("Toko {stall}"),
                owner: None,
                regency: 1802,
                regency_kemendagri: Some("18.06".into()),
                public_key: to_hex(key.verifying_key().as_bytes()),
                struk_key: Some(
                    crate::domain::struk_check::StrukKey::from_secret(&key.to_bytes()).to_hex(),
                ),
                struk_keyed_since: Some("2026-01-01T00:00:00+07:00".into()),
            },
            sequence: SequenceRange {
                from: seq,
                to: seq + sales,
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

    /// An office that imported 3 stalls' files for 4 days (stall 2 sent
    /// nothing on the third).
    fn busy_office() -> (tempfile::TempDir, Store) {
        let now = datetime!(2026-11-27 22:00 +7);
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).unwrap();
        for stall in 0..3u8 {
            let mut seq = 1;
            for d in 0..4 {
                if stall == 2 && d == 2 {
                    continue;
                }
                let day = (date!(2026 - 11 - 24) + time::Duration::days(d)).to_string();
                let (content, key) = stall_day(stall, &day, seq, 3);
                seq = content.sequence.to + 1;
                let name = format!("sentra-S{stall:03}-{day}.sentra");
                std::fs::write(files.join(name), seal(&content, &key)).unwrap();
            }
        }
        let mut store = Store::open(&dir.path().join("office")).unwrap();
        store.init_office("Sentra", None, now).unwrap();
        let found = crate::office::import::collect_files(&[files]).unwrap();
        crate::office::import::import_files(&mut store, &found, now, |_, result| {
            result.unwrap();
        })
        .unwrap();
        // No ANALYZE: the planner takes every table to be large, as an
        // office's are after a year, and shows the plan it would use.
        (dir, store)
    }

    fn assert_no_full_scans(store: &Store, statements: &[String]) {
        for sql in statements {
            assert_eq!(
                full_scans(store.connection(), sql),
                Vec::<String>::new(),
                "{sql}"
            );
        }
    }

    #[test]
    fn the_kantor_day_view_reads_only_its_day() {
        let (_dir, mut store) = busy_office();
        let mut shown = None;
        let statements = traced(&mut store, |store| {
            shown = Some(centre_day(store, date!(2026 - 11 - 26)).unwrap());
        });
        let shown = shown.unwrap();
        assert_eq!(shown.stalls.len(), 2);
        assert_eq!(shown.silent.len(), 1, "stall 2 sent nothing that day");
        assert_eq!(shown.totals.sales_count, 4, "two sales each stand");
        assert!(statements.len() >= 6, "{statements:?}");
        assert!(
            statements
                .iter()
                .all(|s| !words(s).contains(&"office_seen".to_string())),
            "the day view asks the summaries, not every number seen: {statements:?}"
        );
        assert_no_full_scans(&store, &statements);
    }

    #[test]
    fn the_stalls_list_reads_summaries_not_the_history() {
        let (_dir, mut store) = busy_office();
        let mut listed = Vec::new();
        let statements = traced(&mut store, |store| {
            listed = stalls(store).unwrap();
        });
        assert_eq!(listed.len(), 3);
        assert_eq!(listed[2].silent_days, vec!["2026-11-26".to_string()]);
        assert_eq!(listed[2].gaps, vec![]);
        assert_eq!(listed[0].first_day.as_deref(), Some("2026-11-24"));
        assert_eq!(listed[0].last_day.as_deref(), Some("2026-11-27"));
        for sql in &statements {
            let words = words(sql);
            assert!(
                !words.contains(&"office_seen".to_string())
                    && !words.contains(&"office_sales".to_string()),
                "the stalls list reads no record table: {sql}"
            );
        }
        assert_no_full_scans(&store, &statements);
    }

    /// The steps of a plan that read every row a stall ever sent: a search
    /// on a growing table by the stall alone. Once per record imported,
    /// such a step makes an import quadratic in the stall's history.
    fn stall_wide(conn: &Connection, sql: &str) -> Vec<String> {
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let steps: Vec<String> = statement
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        steps
            .into_iter()
            .filter(|step| {
                let table = step.split_whitespace().nth(1).unwrap_or("");
                step.starts_with("SEARCH ")
                    && GROWING.contains(&table)
                    && step.ends_with("(stall_code=?)")
            })
            .collect()
    }

    /// Issue 23: importing a year of wrong-PIN events took hours, each event
    /// reading all its stall's events. Every lookup an import makes (a file
    /// of sales, a void and events) goes through an index on its key.
    #[test]
    fn an_import_looks_up_each_record_by_its_key() {
        let (dir, mut store) = busy_office();
        let day = "2026-11-28";
        let (mut content, key) = stall_day(0, day, 17, 3);
        content.events = (0..3)
            .map(|n| crate::domain::record::EventRecord {
                id: uuid::Uuid::now_v7().to_string(),
                seq: 21 + n,
                day: day.to_string(),
                created_at: format!("{day}T11:0{n}:00+07:00"),
                kind: "pin_wrong".into(),
                detail: "void".into(),
            })
            .collect();
        content.sequence.to = 23;
        let file = dir.path().join("events.sentra");
        std::fs::write(&file, seal(&content, &key)).unwrap();
        let statements = traced(&mut store, |store| {
            crate::office::import::import_file(store, &file, datetime!(2026-11-27 22:00 +7))
                .unwrap();
        });
        assert!(
            statements.iter().any(|s| s.contains("office_events")),
            "{statements:?}"
        );
        assert_no_full_scans(&store, &statements);
        for sql in &statements {
            assert_eq!(
                stall_wide(store.connection(), sql),
                Vec::<String>::new(),
                "{sql}"
            );
        }
    }

    /// The summaries as the records say they should be.
    fn recomputed(conn: &Connection) -> Vec<String> {
        let read = |sql: &str| -> Vec<String> {
            let mut statement = conn.prepare(sql).unwrap();
            let n = statement.column_count();
            statement
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let mut out = Vec::new();
        out.extend(read(
            "SELECT DISTINCT stall_code, day FROM office_seen ORDER BY 1, 2",
        ));
        out.extend(read(
            "SELECT stall_code, MIN(day), MAX(day), COUNT(DISTINCT day) FROM office_seen GROUP BY 1 ORDER BY 1",
        ));
        out.extend(read("SELECT DISTINCT day FROM office_seen ORDER BY 1"));
        let mut by_stall: std::collections::BTreeMap<(String, i64), Vec<i64>> = Default::default();
        let mut statement = conn
            .prepare("SELECT stall_code, epoch, seq FROM office_seen ORDER BY 1, 2, 3")
            .unwrap();
        for row in statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
        {
            let (code, epoch, seq): (String, i64, i64) = row.unwrap();
            by_stall.entry((code, epoch)).or_default().push(seq);
        }
        for ((code, epoch), seqs) in by_stall {
            out.push(format!("{code}/{epoch} gaps {:?}", gaps(&seqs)));
        }
        out
    }

    fn summarised(conn: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT stall_code, day FROM office_stall_days ORDER BY 1, 2",
            "SELECT stall_code, first_day, last_day, days FROM office_stall_span ORDER BY 1",
            "SELECT day FROM office_centre_days ORDER BY 1",
        ] {
            let mut statement = conn.prepare(sql).unwrap();
            let n = statement.column_count();
            out.extend(
                statement
                    .query_map([], |r| {
                        Ok((0..n)
                            .map(|i| {
                                format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())
                            })
                            .collect::<Vec<_>>()
                            .join("|"))
                    })
                    .unwrap()
                    .map(Result::unwrap),
            );
        }
        let mut runs: std::collections::BTreeMap<(String, i64), Vec<(i64, i64)>> =
            Default::default();
        let mut statement = conn
            .prepare("SELECT stall_code, epoch, first, last FROM office_seen_runs ORDER BY 1, 2, 3")
            .unwrap();
        for row in statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
        {
            let (code, epoch, first, last): (String, i64, i64, i64) = row.unwrap();
            runs.entry((code, epoch)).or_default().push((first, last));
        }
        for ((code, epoch), runs) in runs {
            // Runs never touch: two that could merge would be one.
            assert!(runs.windows(2).all(|w| w[0].1 + 1 < w[1].0), "{runs:?}");
            out.push(format!(
                "{code}/{epoch} gaps {:?}",
                crate::office::centre::run_gaps(&runs)
            ));
        }
        out
    }

    /// Numbers arriving in any order (files out of order, overlapping,
    /// resent, a key re-pinned) leave the summaries as the records say.
    #[test]
    fn the_summaries_follow_the_numbers_in_any_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .init_office("Sentra", None, datetime!(2026-11-27 22:00 +7))
            .unwrap();
        let conn = store.connection();
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for _ in 0..2_000 {
            let stall = format!("S{:03}", next(3));
            let epoch = (next(10) == 0) as i64;
            let seq = 1 + next(120) as i64;
            let day = format!("2026-11-{:02}", 1 + (seq / 10).min(27) + next(2) as i64);
            conn.execute(
                "INSERT OR IGNORE INTO office_seen (stall_code, epoch, seq, day) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![stall, epoch, seq, day],
            )
            .unwrap();
        }
        assert_eq!(summarised(conn), recomputed(conn));
    }

    /// An office book from before the summaries gets them from what it holds.
    #[test]
    fn migrating_an_office_fills_the_summaries() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate_to(&mut conn, 14).unwrap();
        for (stall, seq, day) in [
            ("S001", 1, "2026-11-01"),
            ("S001", 2, "2026-11-01"),
            ("S001", 5, "2026-11-03"),
            ("S002", 3, "2026-11-02"),
            ("S002", 4, "2026-11-04"),
            ("S002", 1, "2026-11-02"),
        ] {
            conn.execute(
                "INSERT INTO office_seen (stall_code, epoch, seq, day) VALUES (?1, 0, ?2, ?3)",
                rusqlite::params![stall, seq, day],
            )
            .unwrap();
        }
        crate::store::migrate::migrate(&mut conn).unwrap();
        assert_eq!(summarised(&conn), recomputed(&conn));
        assert!(summarised(&conn).contains(&"S001/0 gaps [(3, 4)]".to_string()));
    }
}
