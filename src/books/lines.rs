//! The statements' lines, named once, in the order SAK EMKM lays them out:
//! the screen, the paper, the spreadsheet and the command line all read
//! them from here. `key` is the JSON path of the figure.

use super::report::MonthBooks;
use super::statements::{Assets, Equity, Income, Liabilities};
use crate::money::Rupiah;

/// Which statement a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Position,
    Income,
}

/// One line of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub part: Part,
    /// The figure's JSON path, e.g. `position.assets.cash`.
    pub key: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    pub amount: Rupiah,
    /// The year to date, for the laba rugi.
    pub year_to_date: Option<Rupiah>,
    /// A total, drawn bold with a rule over it.
    pub total: bool,
    /// A heading with no figure.
    pub heading: bool,
}

fn heading(part: Part, id: &'static str, en: &'static str) -> Line {
    Line {
        part,
        key: "",
        id,
        en,
        amount: Rupiah::ZERO,
        year_to_date: None,
        total: false,
        heading: true,
    }
}

fn figure(key: &'static str, id: &'static str, en: &'static str, amount: Rupiah) -> Line {
    Line {
        part: Part::Position,
        key,
        id,
        en,
        amount,
        year_to_date: None,
        total: false,
        heading: false,
    }
}

fn total(key: &'static str, id: &'static str, en: &'static str, amount: Rupiah) -> Line {
    Line {
        total: true,
        ..figure(key, id, en, amount)
    }
}

/// A position line: a figure, or a total when the last field is true.
type Row = (&'static str, &'static str, &'static str, Rupiah, bool);

fn rows(rows: &[Row]) -> Vec<Line> {
    rows.iter()
        .map(|&(key, id, en, amount, is_total)| {
            if is_total {
                total(key, id, en, amount)
            } else {
                figure(key, id, en, amount)
            }
        })
        .collect()
}

fn assets(a: &Assets) -> Vec<Line> {
    rows(&[
        ("position.assets.cash", "Kas", "Cash", a.cash, false),
        ("position.assets.bank", "Bank", "Bank", a.bank, false),
        (
            "position.assets.receivables",
            "Piutang usaha (kasbon)",
            "Receivables (kasbon)",
            a.receivables,
            false,
        ),
        (
            "position.assets.inventory",
            "Persediaan",
            "Inventory",
            a.inventory,
            false,
        ),
        (
            "position.assets.fixed_assets",
            "Aset tetap (setelah penyusutan)",
            "Fixed assets (net)",
            a.fixed_assets,
            false,
        ),
        (
            "position.assets.total",
            "Jumlah aset",
            "Total assets",
            a.total,
            true,
        ),
    ])
}

fn liabilities(l: &Liabilities) -> Vec<Line> {
    rows(&[
        (
            "position.liabilities.payable_suppliers",
            "Utang usaha",
            "Payable to suppliers",
            l.payable_suppliers,
            false,
        ),
        (
            "position.liabilities.payable_producers",
            "Utang kepada penitip",
            "Payable to producers (consignment)",
            l.payable_producers,
            false,
        ),
        (
            "position.liabilities.bank_loans",
            "Utang bank",
            "Bank loans",
            l.bank_loans,
            false,
        ),
        (
            "position.liabilities.total",
            "Jumlah liabilitas",
            "Total liabilities",
            l.total,
            true,
        ),
    ])
}

fn equity(e: &Equity, both: Rupiah) -> Vec<Line> {
    rows(&[
        (
            "position.equity.opening",
            "Modal",
            "Capital",
            e.opening,
            false,
        ),
        (
            "position.equity.retained",
            "Saldo laba bulan-bulan lalu",
            "Retained earnings",
            e.retained,
            false,
        ),
        (
            "position.equity.profit",
            "Laba (rugi) bulan ini",
            "Profit (loss) this month",
            e.profit,
            false,
        ),
        (
            "position.equity.drawings",
            "Prive (dikurangkan)",
            "Owner's drawings (less)",
            e.drawings,
            false,
        ),
        (
            "position.equity.total",
            "Jumlah ekuitas",
            "Total equity",
            e.total,
            true,
        ),
        (
            "",
            "Jumlah liabilitas dan ekuitas",
            "Total liabilities and equity",
            both,
            true,
        ),
    ])
}

/// The laporan posisi keuangan at the month's end.
pub fn position(books: &MonthBooks) -> Vec<Line> {
    let p = &books.statements.position;
    let both = p
        .liabilities
        .total
        .checked_add(p.equity.total)
        .unwrap_or(p.liabilities.total);
    let mut lines = vec![heading(Part::Position, "ASET", "ASSETS")];
    lines.extend(assets(&p.assets));
    lines.push(heading(Part::Position, "LIABILITAS", "LIABILITIES"));
    lines.extend(liabilities(&p.liabilities));
    lines.push(heading(Part::Position, "EKUITAS", "EQUITY"));
    lines.extend(equity(&p.equity, both));
    lines
}

/// The laporan laba rugi of the month, with the year to date beside it.
pub fn income(books: &MonthBooks) -> Vec<Line> {
    let (m, y) = (&books.statements.income, &books.statements.year_to_date);
    type Pick = fn(&Income) -> Rupiah;
    let rows: [(&str, &str, &str, Pick, bool); 9] = [
        (
            "income.revenue",
            "Penjualan barang sendiri",
            "Sales of own goods",
            |i| i.revenue,
            false,
        ),
        (
            "income.commission",
            "Pendapatan komisi titip jual",
            "Consignment commission",
            |i| i.commission,
            false,
        ),
        (
            "income.cost_of_goods",
            "Harga pokok penjualan",
            "Cost of goods sold",
            |i| i.cost_of_goods,
            false,
        ),
        (
            "income.gross_profit",
            "Laba kotor",
            "Gross profit",
            |i| i.gross_profit,
            true,
        ),
        (
            "income.expenses",
            "Beban usaha",
            "Operating expenses",
            |i| i.expenses,
            false,
        ),
        (
            "income.depreciation",
            "Beban penyusutan",
            "Depreciation",
            |i| i.depreciation,
            false,
        ),
        (
            "income.interest",
            "Beban bunga",
            "Interest",
            |i| i.interest,
            false,
        ),
        ("income.tax", "Beban pajak", "Tax", |i| i.tax, false),
        (
            "income.profit",
            "Laba (rugi) bersih",
            "Net profit (loss)",
            |i| i.profit,
            true,
        ),
    ];
    rows.into_iter()
        .map(|(key, id, en, get, is_total)| Line {
            part: Part::Income,
            key,
            id,
            en,
            amount: get(m),
            year_to_date: Some(get(y)),
            total: is_total,
            heading: false,
        })
        .collect()
}

/// The accounting policies the numbers follow, as the CALK states them
/// (Indonesian, English).
pub const POLICIES: [(&str, &str); 8] = [
    (
        "Laporan keuangan disusun mengacu pada SAK EMKM, dengan dasar akrual dan biaya historis, dalam Rupiah penuh.",
        "The statements follow SAK EMKM, on the accrual basis and historical cost, in whole rupiah.",
    ),
    (
        "Kas adalah uang tunai toko (laci dan yang disimpan). Uang QRIS, transfer dan kartu dicatat di Bank.",
        "Cash is the stall's cash (drawer and kept). QRIS, transfer and card money is in Bank.",
    ),
    (
        "Piutang usaha adalah kasbon pelanggan yang belum dibayar.",
        "Receivables are customers' kasbon not yet paid.",
    ),
    (
        "Persediaan barang sendiri dicatat sebesar biaya perolehan dengan metode rata-rata tertimbang (dihitung ulang setiap barang masuk); HPP adalah biaya rata-rata saat dijual. Selisih stok opname dan penyesuaian masuk beban usaha.",
        "Own goods are held at cost by moving weighted average (recomputed at each receipt); cost of goods is that average when sold. Count differences and adjustments are operating expenses.",
    ),
    (
        "Barang titipan bukan persediaan toko: pendapatan toko hanya komisinya, sisanya utang kepada penitip sampai dibayar.",
        "Consigned goods are not the stall's stock: its revenue is the commission; the rest is owed to the producer until paid.",
    ),
    (
        "Aset tetap disusutkan dengan metode garis lurus sepanjang umurnya, mulai bulan perolehan, tanpa nilai sisa.",
        "Fixed assets are depreciated straight-line over their life from the month bought, with no residual value.",
    ),
    (
        "Pendapatan diakui saat penjualan; batal dan retur mengurangi pendapatan pada tanggalnya. Selisih kas saat tutup kasir masuk beban usaha.",
        "Revenue is recognised at sale; voids and returns reduce it on their day. Cash differences at closing are operating expenses.",
    ),
    (
        "PPh final UMKM tidak dihitung di laporan ini; bila dibayar, dicatat sebagai beban usaha.",
        "Final UMKM income tax is not computed here; when paid, it is an operating expense.",
    ),
];
