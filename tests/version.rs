//! `sentra --version`: the program's version and the schema of the book it
//! keeps, the same schema a new book is made with.

mod common;

use common::*;

#[test]
fn version_names_the_program_and_the_book_schema() {
    let dir = cli_stall(None);
    let (ok, out, _) = sentra(dir.path(), &["--version"]);
    assert!(ok);
    let schema: u32 = rusqlite::Connection::open(dir.path().join("sentra.db"))
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(schema, sentra::store::migrate::latest_version());
    assert_eq!(
        out.trim(),
        format!(
            "sentra {} (skema buku {schema} / book schema {schema})",
            env!("CARGO_PKG_VERSION")
        )
    );
}
