//! The month's books as a table (XLSX or CSV): one row per line of the
//! statements, the figures as numbers a spreadsheet adds up.

use super::lines::{self, Part};
use super::report::MonthBooks;
use crate::store::table::{Cell, Table};

pub const COLUMNS: [&str; 7] = [
    "period",
    "statement",
    "key",
    "line",
    "line_en",
    "amount",
    "year_to_date",
];

/// Every line of the two statements, headings left out.
pub fn month_table(books: &MonthBooks) -> Table {
    let mut table = Table::new("Laporan Keuangan", &COLUMNS);
    let all = lines::position(books)
        .into_iter()
        .chain(lines::income(books));
    for line in all.filter(|l| !l.heading) {
        let statement = match line.part {
            Part::Position => "laporan posisi keuangan",
            Part::Income => "laporan laba rugi",
        };
        table.push(vec![
            Cell::code(books.statements.period.clone()),
            Cell::text(statement),
            Cell::code(line.key),
            Cell::text(line.id),
            Cell::text(line.en),
            Cell::Rupiah(line.amount),
            line.year_to_date.map_or(Cell::Empty, Cell::Rupiah),
        ]);
    }
    table
}
