//! `sentra --version` names the program's version and the schema version of
//! the books it makes, as a vendor reads it to the office on the phone.

mod common;

use common::*;
use rusqlite::Connection;

#[test]
fn version_names_the_program_and_the_books_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = sentra(dir.path(), &["--version"]);
    assert!(ok, "--version failed: {err}");
    assert_eq!(out.lines().count(), 1, "one line: {out:?}");
    // --version opens no book.
    assert!(!dir.path().join("sentra.db").exists());

    // The schema version is what a book this program makes really carries.
    let stall = cli_stall(None);
    let book = Connection::open(stall.path().join("sentra.db")).unwrap();
    let schema: u32 = book
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert!(schema >= 17, "a book at schema {schema}");
    assert_eq!(
        out.trim(),
        format!("sentra {} (skema buku {schema})", env!("CARGO_PKG_VERSION"))
    );
}
