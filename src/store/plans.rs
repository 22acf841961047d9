//! The structure behind the speed, guarded by tests rather than timings: the
//! statements the till's search and the day's report really run are traced,
//! and SQLite's query plan for each must find its rows through an index,
//! never by reading a whole table of sales, lines or products.

use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::Store;

/// The statements `work` ran on the book (here and in `sync::plans`), as SQLite traced them (bound
/// values written in). Trigger bodies show as comments and are left out.
pub(crate) fn traced(store: &mut Store, work: impl FnOnce(&mut Store)) -> Vec<String> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    store
        .conn
        .trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Stmt(statement, text) = event
                    && !text.trim_start().starts_with("--")
                {
                    let sql = statement.expanded_sql().unwrap_or_else(|| text.to_string());
                    sink.lock().unwrap_or_else(|p| p.into_inner()).push(sql);
                }
            }),
        )
        .unwrap();
    work(store);
    store
        .conn
        .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .unwrap();
    seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// Every step of the plan that reads a whole table (or a whole index) of the
/// tables that grow with the years.
fn full_scans(conn: &Connection, sql: &str) -> Vec<String> {
    const GROWING: [&str; 8] = [
        "sales",
        "sale_lines",
        "payments",
        "products",
        "stock_movements",
        "voids",
        "returns",
        "day_turnover",
    ];
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
            let table = rest.split_whitespace().next().unwrap_or("");
            let aliases = [
                ("s", "sales"),
                ("l", "sale_lines"),
                ("p", "products"),
                ("m", "stock_movements"),
                ("v", "voids"),
                ("r", "returns"),
            ];
            let table = aliases
                .iter()
                .find(|(a, _)| *a == table)
                .map(|(_, t)| *t)
                .unwrap_or(table);
            GROWING.contains(&table)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payment::{PaymentMethod, Tender};
    use crate::domain::unit::Unit;
    use crate::money::{Quantity, Rupiah};
    use crate::store::{NewProduct, ProductFilter, ProductOrder, SaleItem, SaleRequest};
    use time::macros::datetime;

    fn busy_stall() -> (tempfile::TempDir, Store) {
        let now = datetime!(2026-11-27 10:00 +7);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .init_stall("ST07", "Tapis Indah", None, 1802, Some("1234"), now)
            .unwrap();
        for n in 0..30 {
            let product = NewProduct {
                sku: format!("KRP-{n:02}"),
                barcode: Some(crate::domain::barcode::ean13_from_twelve(
                    899_100_000_000 + n,
                )),
                name: format!("Keripik Pisang Rasa {n}"),
                unit: Unit::Pcs,
                category: "Keripik".into(),
                price: Rupiah::new(10_000),
                cost: None,
                min_stock: Quantity::ZERO,
            };
            store.add_product(&product, now).unwrap();
        }
        for day in 0..5 {
            for n in 0..4 {
                let request = SaleRequest {
                    items: vec![SaleItem {
                        code: format!("KRP-{n:02}"),
                        quantity: Quantity::ONE,
                        discount: None,
                    }],
                    discount: None,
                    tenders: vec![Tender {
                        method: PaymentMethod::Cash,
                        amount: Rupiah::new(10_000),
                        reference: None,
                    }],
                };
                store
                    .complete_sale(&request, now + time::Duration::days(day))
                    .unwrap();
            }
        }
        // No ANALYZE: without statistics the planner takes every table to be
        // large, as a book is after some years, and shows the plan it would use.
        (dir, store)
    }

    #[test]
    fn the_day_report_reads_only_its_day() {
        let (_dir, mut store) = busy_stall();
        let day = time::macros::date!(2026 - 11 - 29);
        let statements = traced(&mut store, |store| {
            store.day_report(day).unwrap();
        });
        assert!(statements.len() >= 8, "{statements:?}");
        for sql in statements
            .iter()
            .filter(|s| !s.trim_start().starts_with("--"))
        {
            assert_eq!(full_scans(&store.conn, sql), Vec::<String>::new(), "{sql}");
        }
    }

    #[test]
    fn the_search_never_scans_the_catalogue() {
        let (_dir, mut store) = busy_stall();
        for query in ["k", "kerip", "pis ras", "KRP-1", "8991000000012", "zzz"] {
            let statements = traced(&mut store, |store| {
                store.search_products(query, 8).unwrap();
            });
            let by_words = statements.iter().any(|s| s.contains("products_fts"));
            assert_eq!(
                by_words,
                query.chars().count() >= 3,
                "{query}: {statements:?}"
            );
            for sql in statements
                .iter()
                .filter(|s| !s.trim_start().starts_with("--"))
            {
                assert_eq!(
                    full_scans(&store.conn, sql),
                    Vec::<String>::new(),
                    "{query}: {sql}"
                );
            }
        }
    }

    #[test]
    fn a_sale_looks_everything_up_by_key() {
        let (_dir, mut store) = busy_stall();
        let statements = traced(&mut store, |store| {
            let request = SaleRequest {
                items: vec![SaleItem {
                    code: "KRP-07".into(),
                    quantity: Quantity::ONE,
                    discount: None,
                }],
                discount: None,
                tenders: vec![Tender {
                    method: PaymentMethod::Qris,
                    amount: Rupiah::new(10_000),
                    reference: None,
                }],
            };
            store
                .complete_sale(&request, datetime!(2026-12-02 11:00 +7))
                .unwrap();
        });
        for sql in statements
            .iter()
            .filter(|s| s.trim_start().starts_with("SELECT"))
        {
            assert_eq!(full_scans(&store.conn, sql), Vec::<String>::new(), "{sql}");
        }
    }

    /// SQLite's plan for `sql`, one line per step.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        statement
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn the_stock_table_reads_the_stock_figure_and_its_indexes() {
        let (_dir, mut store) = busy_stall();
        let low = ProductFilter {
            low_stock_only: true,
            ..Default::default()
        };
        let low_keripik = ProductFilter {
            low_stock_only: true,
            search: Some("pisang".into()),
            category: Some("Keripik".into()),
        };
        let orders = [
            ProductOrder::Name,
            ProductOrder::Sku,
            ProductOrder::Price,
            ProductOrder::Stock,
        ];
        for descending in [false, true] {
            for order in orders {
                for filter in [&low, &low_keripik] {
                    let statements = traced(&mut store, |store| {
                        store.product_page(filter, order, descending, 50).unwrap();
                    });
                    assert_eq!(statements.len(), 2, "{statements:?}");
                    // The low filter alone is counted by migration 16's
                    // triggers: one row read, however many are low.
                    if std::ptr::eq(filter, &low) {
                        assert_eq!(statements[1].trim(), "SELECT low FROM product_counts");
                    }
                    for sql in &statements {
                        // The stock is the figure the ledger's trigger keeps,
                        // never the ledger added up again.
                        assert!(!sql.contains("stock_movements"), "{sql}");
                        // Only the low products' own index is walked.
                        for step in full_scans(&store.conn, sql) {
                            assert!(
                                step.contains("INDEX products_low"),
                                "{order:?}: {step} in {sql}"
                            );
                        }
                    }
                }
                // Sorted by stock: the page walks the stock index in its
                // order and stops at the page's end (no sort of every
                // product); the count is SQLite's count of the table.
                if order == ProductOrder::Stock {
                    let statements = traced(&mut store, |store| {
                        store
                            .product_page(&ProductFilter::default(), order, descending, 50)
                            .unwrap();
                    });
                    let [page, count] = statements.as_slice() else {
                        panic!("{statements:?}");
                    };
                    assert!(!page.contains("stock_movements"), "{page}");
                    let steps = plan(&store.conn, page);
                    assert!(
                        steps.iter().all(|s| !s.contains("TEMP B-TREE")),
                        "{steps:?}"
                    );
                    assert_eq!(
                        full_scans(&store.conn, page),
                        ["SCAN p USING INDEX products_stock"],
                        "{page}"
                    );
                    assert_eq!(count.trim(), "SELECT COUNT(*) FROM products p");
                }
            }
        }
    }

    #[test]
    fn the_categories_are_found_without_reading_every_product() {
        let (_dir, mut store) = busy_stall();
        for (sku, category) in [("KOPI-1", "kopi"), ("BTK-1", "Batik"), ("BTK-2", "Batik")] {
            let product = NewProduct {
                sku: sku.into(),
                barcode: None,
                name: format!("Produk {sku}"),
                unit: Unit::Pcs,
                category: category.into(),
                price: Rupiah::new(25_000),
                cost: None,
                min_stock: Quantity::ZERO,
            };
            store
                .add_product(&product, datetime!(2026-11-27 11:00 +7))
                .unwrap();
        }
        let statements = traced(&mut store, |store| {
            // Each once, in the order a person reads them (case aside).
            assert_eq!(store.categories().unwrap(), ["Batik", "Keripik", "kopi"]);
        });
        let [sql] = statements.as_slice() else {
            panic!("{statements:?}");
        };
        assert_eq!(full_scans(&store.conn, sql), Vec::<String>::new(), "{sql}");
        let steps = plan(&store.conn, sql);
        assert!(
            steps
                .iter()
                .filter(|s| s.contains("products"))
                .all(|s| s.starts_with("SEARCH") && s.contains("products_category")),
            "{steps:?}"
        );
    }

    #[test]
    fn a_sale_is_one_read_and_one_write_per_table() {
        let (_dir, mut store) = busy_stall();
        let request = SaleRequest {
            items: (0..5)
                .map(|n| SaleItem {
                    code: format!("KRP-{:02}", n * 3),
                    quantity: Quantity::ONE,
                    discount: None,
                })
                .collect(),
            discount: None,
            tenders: vec![
                Tender {
                    method: PaymentMethod::Qris,
                    amount: Rupiah::new(20_000),
                    reference: None,
                },
                Tender {
                    method: PaymentMethod::Cash,
                    amount: Rupiah::new(50_000),
                    reference: None,
                },
            ],
        };
        let now = datetime!(2026-12-02 11:00 +7);
        // The day is opened by its first sale; the one counted is the next.
        store.complete_sale(&request, now).unwrap();
        let statements = traced(&mut store, |store| {
            store.complete_sale(&request, now).unwrap();
        });
        let starts = |prefix: &str| statements.iter().filter(|s| s.starts_with(prefix)).count();
        // The cart's products in one read; the clock, the day and the
        // receipt number in another; the sequence in one write; one
        // multi-row statement each for the lines, the ledger, the payments.
        assert_eq!(starts("SELECT p.id"), 1, "{statements:#?}");
        assert_eq!(starts("SELECT (SELECT latest_at"), 1, "{statements:#?}");
        assert_eq!(starts("UPDATE record_sequence"), 1, "{statements:#?}");
        for table in ["sales", "sale_lines", "stock_movements", "payments"] {
            assert_eq!(
                starts(&format!("INSERT INTO {table} ")),
                1,
                "{table}: {statements:#?}"
            );
        }
        assert_eq!(statements.len(), 9, "{statements:#?}");
    }
}
