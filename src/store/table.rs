//! A table the program writes for people and other programs: the same rows
//! as CSV or as XLSX, chosen by the file's name.
//!
//! Each cell says what it is, so each format can keep it: rupiah and counts
//! stay numbers a spreadsheet adds up; codes (SKU, barcode, NIB, phone,
//! stall and regency codes) are text, so `0012345678905` keeps its zeros in
//! Excel; dates are dates. A CSV for people starts with a UTF-8 BOM, without
//! which Excel reads "Nénék" as "NÃ©nÃ©k"; its text cells go through [`text_cell`] so none runs as a formula. XLSX
//! needs no such guard: a string cell is never a formula.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::spreadsheet::text_cell;
use crate::money::{Quantity, Rupiah};

/// One cell, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Words: names, categories, notes.
    Text(String),
    /// A code that must stay text (leading zeros, a `+` of a phone number).
    Code(String),
    Rupiah(Rupiah),
    /// A whole number: a count, a sequence number, a regency's BPS code.
    Count(i64),
    /// A quantity, with its decimals (1,5 kg).
    Quantity(Quantity),
    Date(time::Date),
    Empty,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn code(value: impl Into<String>) -> Cell {
        Cell::Code(value.into())
    }

    /// An ISO date from a record ("2026-11-27") as a date; anything else
    /// as the text it is (the office's records keep the stall's words).
    pub fn iso_date(value: &str) -> Cell {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        match time::Date::parse(value, &format) {
            Ok(date) => Cell::Date(date),
            Err(_) if value.is_empty() => Cell::Empty,
            Err(_) => Cell::text(value),
        }
    }

    /// A code that may be absent.
    pub fn maybe_code(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, Cell::code)
    }

    /// How the cell reads in a CSV.
    fn csv_text(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Code(text) => text_cell(text).into_owned(),
            Cell::Rupiah(amount) => amount.value().to_string(),
            Cell::Count(count) => count.to_string(),
            Cell::Quantity(quantity) => quantity.to_decimal_string(),
            // Files for programs keep ISO dates (a column named `date`).
            Cell::Date(date) => date.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Rows under named columns, with a sheet name for XLSX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub sheet: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Which of the two formats a file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV with a BOM, for a person's spreadsheet.
    Csv,
    Xlsx,
}

impl TableFormat {
    /// By the file's name: `.xlsx` (any case) is XLSX, anything else CSV
    /// (`-` and devices included).
    pub fn for_path(path: &Path) -> TableFormat {
        let xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            TableFormat::Xlsx
        } else {
            TableFormat::Csv
        }
    }
}

impl Table {
    pub fn new(sheet: &'static str, columns: &[&'static str]) -> Table {
        Table {
            sheet,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "a row of {}", self.sheet);
        self.rows.push(row);
    }

    /// The bytes of the file, in the format its name asks for. A CSV sent
    /// down a pipe or to standard output goes to a program, which a BOM
    /// would only trip; one saved as a file is for a person's spreadsheet.
    pub fn bytes_for(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match TableFormat::for_path(path) {
            TableFormat::Csv if super::files::is_passthrough(path) => self.csv_without_bom(),
            TableFormat::Csv => self.csv(),
            TableFormat::Xlsx => self.xlsx().map_err(std::io::Error::other),
        }
    }

    /// Comma-separated UTF-8 with a BOM and a header row.
    pub fn csv(&self) -> std::io::Result<Vec<u8>> {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(self.csv_without_bom()?);
        Ok(bytes)
    }

    /// Comma-separated UTF-8 with a header row, for programs.
    pub fn csv_without_bom(&self) -> std::io::Result<Vec<u8>> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&self.columns)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Cell::csv_text))?;
        }
        writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    /// One worksheet with a bold, frozen header row and typed cells.
    pub fn xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(self.sheet)?;
        let header = Format::new().set_bold();
        let text = Format::new().set_num_format("@");
        let rupiah = Format::new().set_num_format("\"Rp\"#,##0;-\"Rp\"#,##0");
        let count = Format::new().set_num_format("0");
        let quantity = Format::new().set_num_format("#,##0.###");
        let date = Format::new().set_num_format("dd/mm/yyyy");
        for (column, name) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, *name, &header)?;
        }
        for (index, row) in self.rows.iter().enumerate() {
            let r = index as u32 + 1;
            for (column, cell) in row.iter().enumerate() {
                let c = column as u16;
                match cell {
                    Cell::Text(value) | Cell::Code(value) => {
                        sheet.write_string_with_format(r, c, value, &text)?
                    }
                    // Bounded amounts (domain::limits) are far below 2^53,
                    // so a spreadsheet's double holds every rupiah exactly.
                    Cell::Rupiah(amount) => {
                        sheet.write_number_with_format(r, c, amount.value() as f64, &rupiah)?
                    }
                    Cell::Count(value) => {
                        sheet.write_number_with_format(r, c, *value as f64, &count)?
                    }
                    Cell::Quantity(value) => {
                        sheet.write_number_with_format(r, c, value.as_f64(), &quantity)?
                    }
                    Cell::Date(value) => {
                        let day = ExcelDateTime::from_ymd(
                            value.year() as u16,
                            value.month() as u8,
                            value.day(),
                        )?;
                        sheet.write_datetime_with_format(r, c, &day, &date)?
                    }
                    Cell::Empty => sheet,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
        workbook.save_to_buffer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut table = Table::new("Contoh", &["date", "barcode", "name", "price"]);
        table.push(vec![
            Cell::Date(time::macros::date!(2026 - 11 - 27)),
            Cell::code("0012345678905"),
            Cell::text("=1+1"),
            Cell::Rupiah(Rupiah::new(-5000)),
        ]);
        table
    }

    #[test]
    fn csv_for_people_has_a_bom_and_guards_formulas() {
        let bytes = sample().csv().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}date,barcode,name,price\n2026-11-27,0012345678905,'=1+1,-5000\n"
        );
    }

    #[test]
    fn the_format_follows_the_name() {
        assert_eq!(
            TableFormat::for_path(Path::new("a.XLSX")),
            TableFormat::Xlsx
        );
        assert_eq!(TableFormat::for_path(Path::new("a.csv")), TableFormat::Csv);
        assert_eq!(TableFormat::for_path(Path::new("-")), TableFormat::Csv);
        let xlsx = sample().bytes_for(Path::new("x.xlsx")).unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"), "a zip file");
    }
}
