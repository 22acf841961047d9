//! The house's rooms, read from the source: the office's tables are named
//! only in `src/office/`, the stall's tables only in `src/store/`, and
//! every arrow points down (money, domain, store, sync, office, books,
//! print, cli, ui). Test modules are left out: a test may look anywhere.

use std::path::{Path, PathBuf};

/// The layers from the bottom up; a layer may use those before it.
const LAYERS: [&str; 9] = [
    "domain", "store", "sync", "office", "books", "print", "demo", "cli", "ui",
];

/// The stall's tables, as `schema.sql` makes them.
const STALL_TABLES: [&str; 30] = [
    "stall",
    "settings",
    "manager_pin",
    "record_sequence",
    "products",
    "days",
    "sales",
    "sale_lines",
    "payments",
    "voids",
    "returns",
    "return_lines",
    "day_closes",
    "stock_movements",
    "held_sales",
    "exports",
    "book_events",
    "producers",
    "product_consignments",
    "handover_notes",
    "handover_lines",
    "consigned_lines",
    "producer_payouts",
    "customers",
    "kasbon_repayments",
    "expenses",
    "price_changes",
    "books_openings",
    "fixed_assets",
    "money_moves",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each source file (as `src/…`) with its text up to its test module.
fn code(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    files
        .into_iter()
        .filter(|p| !p.ends_with("tests.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let text = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let name = path.strip_prefix(root).unwrap().display().to_string();
            (name, text)
        })
        .collect()
}

/// The SQL words that name a table after them.
const NAMING: [&str; 5] = ["FROM ", "JOIN ", "INTO ", "UPDATE ", "TABLE "];

/// Tables named by a statement in `text` that `wanted` picks.
fn tables_named(text: &str, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for word in NAMING {
        for (at, _) in text.match_indices(word) {
            let name: String = text[at + word.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if wanted(&name) {
                found.push(name);
            }
        }
    }
    found
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_offices_tables_are_named_only_in_the_office() {
    let mut strays = Vec::new();
    let mut inside = 0;
    for (file, text) in code(root()) {
        let named = tables_named(&text, |t| t.starts_with("office_"));
        if file.starts_with("src/office/") {
            inside += named.len();
        } else if !named.is_empty() {
            strays.push(format!("{file}: {named:?}"));
        }
    }
    assert!(inside > 100, "the office's statements were found: {inside}");
    assert!(
        strays.is_empty(),
        "office tables named outside src/office:\n{}",
        strays.join("\n")
    );
}

#[test]
fn the_stalls_tables_are_named_only_in_the_store() {
    let mut strays = Vec::new();
    let mut inside = 0;
    for (file, text) in code(root()) {
        let named = tables_named(&text, |t| STALL_TABLES.contains(&t));
        if file.starts_with("src/store/") {
            inside += named.len();
        } else if !named.is_empty() {
            strays.push(format!("{file}: {named:?}"));
        }
    }
    assert!(inside > 100, "the store's statements were found: {inside}");
    assert!(
        strays.is_empty(),
        "stall tables named outside src/store:\n{}",
        strays.join("\n")
    );
}

#[test]
fn every_arrow_points_down() {
    let mut up = Vec::new();
    for (file, text) in code(root()) {
        let Some(layer) = LAYERS
            .iter()
            .position(|l| file.starts_with(&format!("src/{l}/")))
        else {
            continue;
        };
        for higher in &LAYERS[layer + 1..] {
            if text.contains(&format!("crate::{higher}::"))
                || text.contains(&format!("crate::{higher}}}"))
            {
                up.push(format!("{file} uses {higher}"));
            }
        }
    }
    assert!(up.is_empty(), "arrows pointing up:\n{}", up.join("\n"));
}

#[test]
fn a_stray_statement_is_found() {
    let text = r#"conn.execute("UPDATE office_sales SET x = 1", [])"#;
    assert_eq!(
        tables_named(text, |t| t.starts_with("office_")),
        ["office_sales"]
    );
    let text = "SELECT s.id FROM sales s JOIN payments p";
    assert_eq!(
        tables_named(text, |t| STALL_TABLES.contains(&t)),
        ["sales", "payments"]
    );
}
