//! The command line: the same work as the window, headless, for scripts, the
//! office's automation and tests. The commands are a contract: add, never rename.

mod args;
mod books;
mod catalogue;
mod consign;
mod days;
mod desk;
mod kasbon;
mod output;
mod printing;
mod selling;
mod setup;
mod sync;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::store::{Store, StoreError};
pub use output::Output;

/// Sentra: kasir untuk toko di sentra UMKM Lampung.
#[derive(Debug, Parser)]
#[command(name = "sentra", version = version_text(), about, disable_help_subcommand = true)]
pub struct Cli {
    /// Folder data (bawaan: folder data aplikasi di komputer ini)
    #[arg(long, global = true, env = "SENTRA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Cetak hasil sebagai satu dokumen JSON
    #[arg(long, global = true)]
    pub json: bool,
    /// Buka juga layar pelanggan (jendela kedua untuk pembeli)
    #[arg(long)]
    pub customer_display: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `sentra --version` prints: the program's version and the schema of
/// the book it keeps (a book newer than that is refused on opening).
pub fn version_text() -> String {
    format!(
        "{} (skema buku {} / book schema {})",
        env!("CARGO_PKG_VERSION"),
        crate::store::migrate::latest_version(),
        crate::store::migrate::latest_version()
    )
}

/// `sentra stalls …`: the office's known stalls.
#[derive(Debug, Subcommand)]
pub enum StallsCommand {
    /// Terima kunci baru sebuah toko (PC toko dipasang ulang); PIN kantor
    Repin {
        code: String,
        /// Awal kunci baru toko (16+ angka heksadesimal), dibaca dari toko itu
        #[arg(long)]
        key: String,
        #[arg(long)]
        pin: String,
    },
}

/// `sentra clock …`: the PC's clock.
#[derive(Debug, Subcommand)]
pub enum ClockCommand {
    /// Terima jam komputer yang lebih awal dari catatan terakhir; dicatat
    Accept {
        #[arg(long)]
        pin: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Atur buku baru sebagai toko atau kantor pengelola
    #[command(subcommand)]
    Init(setup::Init),
    /// Isi toko baru dengan katalog dan penjualan contoh
    Demo {
        /// Berapa hari penjualan contoh (sampai hari ini)
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
        days: u32,
    },
    /// Katalog produk
    #[command(subcommand)]
    Product(catalogue::ProductCommand),
    /// Penitip: produsen yang menitipkan barang (titip jual)
    #[command(subcommand)]
    Producer(consign::ProducerCommand),
    /// Titip jual: terima titipan, retur ke penitip, laporan, bayar penitip
    #[command(subcommand)]
    Consign(consign::ConsignCommand),
    /// Stok: terima barang, penyesuaian, stok opname, kartu stok
    #[command(subcommand)]
    Stock(catalogue::StockCommand),
    /// Catat penjualan
    Sale(selling::SaleArgs),
    /// Batalkan nota hari ini (PIN manajer)
    Void {
        receipt: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        pin: String,
    },
    /// Retur barang dari sebuah nota
    Return {
        receipt: String,
        /// SKU=JUMLAH, boleh berulang
        #[arg(long = "item", value_name = "SKU=QTY", required = true, value_parser = args::return_item)]
        items: Vec<crate::store::ReturnItem>,
        /// METODE=JUMLAH; untuk nota kasbon juga kasbon=JUMLAH (mengurangi kasbon)
        #[arg(long = "refund", value_name = "METHOD=RP", required = true, value_parser = args::tender)]
        refunds: Vec<crate::domain::payment::Tender>,
        /// PIN manajer: uang kembali untuk seluruh sisa nota (sama dengan pembatalan)
        #[arg(long)]
        pin: Option<String>,
    },
    /// Tampilkan (atau simpan sebagai PDF) struk sebuah nota
    Receipt {
        receipt: String,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Kirim sebagai ESC/POS ke berkas, perangkat (/dev/usb/lp0, COM5),
        /// cups:ANTREAN atau windows:NAMA
        #[arg(long, value_name = "FILE|DEVICE", conflicts_with = "pdf")]
        escpos: Option<String>,
        #[arg(long, value_parser = ["58", "80"])]
        width: Option<String>,
        /// Tautan wa.me berisi struk ini untuk nomor HP pembeli (08…)
        #[arg(long, value_name = "NOMOR", conflicts_with_all = ["pdf", "escpos"])]
        whatsapp: Option<String>,
    },
    /// QRIS toko dengan jumlah terisi (dari QRIS statis), sebagai teks atau PNG
    Qris {
        /// Jumlah yang dibayar (Rp1 sampai Rp10.000.000)
        #[arg(long, value_parser = args::rupiah)]
        amount: crate::money::Rupiah,
        /// Simpan juga sebagai gambar PNG
        #[arg(long, value_name = "FILE")]
        png: Option<PathBuf>,
    },
    /// Cetak label harga dengan barcode (PDF, lembar A4 atau rol)
    Label(printing::LabelArgs),
    /// Printer struk thermal (ESC/POS): halaman tes
    #[command(subcommand)]
    Printer(printing::PrinterCommand),
    /// Buka, tutup (tutup kasir) atau buka kembali hari
    #[command(subcommand)]
    Day(days::DayCommand),
    /// Laporan harian toko atau laporan sentra
    #[command(subcommand)]
    Report(days::ReportCommand),
    /// Pelanggan dan kasbon: tambah, daftar, bayar kasbon, rekening
    #[command(subcommand)]
    Customer(kasbon::CustomerCommand),
    /// Pengeluaran toko (dari laci atau bukan)
    #[command(subcommand)]
    Expense(kasbon::ExpenseCommand),
    /// Buku bulanan (SAK EMKM): saldo awal, batalkan catatan buku
    #[command(subcommand)]
    Books(books::BooksCommand),
    /// Aset tetap: catat, daftar
    #[command(subcommand)]
    Asset(books::AssetCommand),
    /// Pinjaman bank: catat, angsuran, daftar
    #[command(subcommand)]
    Loan(books::LoanCommand),
    /// Pemilik: prive
    #[command(subcommand)]
    Owner(books::OwnerCommand),
    /// Bank: setoran kas
    #[command(subcommand)]
    Bank(books::BankCommand),
    /// Pemasok: bayar utang usaha
    #[command(subcommand)]
    Supplier(books::SupplierCommand),
    /// Tulis berkas ekspor untuk kantor
    Export {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Kirim ulang mulai nomor urut ini
        #[arg(long, value_name = "N")]
        since_seq: Option<i64>,
    },
    /// Kantor: impor berkas ekspor toko
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Tulis tanda terima (PDF) per berkas yang diimpor ke folder ini
        #[arg(long, value_name = "DIR")]
        receipts: Option<PathBuf>,
        /// Lebar tanda terima: 58, 80 (mm) atau a4
        #[arg(long, value_parser = ["58", "80", "a4"], default_value = "80")]
        width: String,
    },
    /// Kantor: tanda terima hari sebuah toko seperti tercatat di kantor
    #[command(subcommand)]
    Office(desk::OfficeCommand),
    /// Kantor: retribusi (atur, catat pembayaran)
    #[command(subcommand)]
    Fee(desk::FeeCommand),
    /// Kantor: retribusi terutang, dibayar dan sisa per toko
    Fees {
        #[arg(long, value_parser = args::date)]
        from: Option<time::Date>,
        #[arg(long, value_parser = args::date)]
        to: Option<time::Date>,
    },
    /// Kantor: periksa struk dari kode QR-nya (NOMOR#CEK)
    Verify { qr: String },
    /// Kantor: daftar toko yang dikenal (atau `stalls repin KODE --pin PIN`)
    Stalls {
        #[command(subcommand)]
        action: Option<StallsCommand>,
    },
    /// Jam komputer: terima jam yang mundur (PIN manajer)
    #[command(subcommand)]
    Clock(ClockCommand),
    /// Salin buku ke sebuah berkas cadangan
    Backup { file: PathBuf },
    /// Pulihkan buku dari berkas cadangan (PIN manajer; buku lama disimpan)
    Restore {
        file: PathBuf,
        /// PIN manajer
        #[arg(long)]
        pin: Option<String>,
        /// Terima hilangnya catatan buku ini yang lebih baru dari cadangan
        #[arg(long)]
        accept_loss: bool,
    },
    /// PIN manajer
    #[command(subcommand)]
    Pin(setup::PinCommand),
    /// Pengaturan toko
    #[command(subcommand)]
    Settings(setup::SettingsCommand),
    /// Jual terus-menerus untuk uji ketahanan (cetak nomor nota setelah tersimpan)
    #[command(hide = true)]
    Soak {
        #[arg(long, default_value_t = u64::MAX)]
        sales: u64,
    },
}

/// Why a command failed, as the one line a person reads.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Clock(#[from] crate::clock::ClockError),
    #[error(transparent)]
    Print(#[from] crate::print::PrintError),
    #[error("tidak ada folder data bawaan di komputer ini: pakai --data-dir")]
    NoDataDir,
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),
    #[error(transparent)]
    Office(#[from] crate::office::OfficeError),
    #[error(transparent)]
    Books(#[from] crate::books::report::ReportError),
    #[error("{rejected} dari {total} berkas ditolak")]
    SomeRejected { rejected: usize, total: usize },
    #[error("tidak ada berkas .sentra di {0}")]
    NothingToImport(String),
    #[error(transparent)]
    Printer(#[from] printing::PrinterCliError),
    #[error("tanggal awal {from} sesudah tanggal akhir {to}")]
    DateRange { from: String, to: String },
    #[error("hari sudah ditutup, tetapi ekspor gagal: {0}")]
    ClosedButNotExported(crate::sync::SyncError),
    #[error("struk {0} PALSU: kode ceknya tidak cocok dengan catatan kantor")]
    ForgedStruk(String),
    #[error("struk {receipt} tidak terbukti sah: {why}")]
    StrukNotConfirmed { receipt: String, why: &'static str },
    #[error(
        "{saved} sudah tercatat, jangan diulang; hanya kertasnya gagal ({source}). Cetak lagi: {again}"
    )]
    PaperAfterRecord {
        /// What is in the book now (`Penjualan ST07-20261127-0001`).
        saved: String,
        /// How to get the paper again.
        again: String,
        source: crate::print::PrintError,
    },
}

/// The paper of a record just made: its failing does not undo the record,
/// and the person is told so, with how to print it again, so nobody makes
/// the record a second time.
pub(crate) fn paper_after_record(
    written: Result<(), crate::print::PrintError>,
    saved: impl FnOnce() -> String,
    again: impl FnOnce() -> String,
) -> Result<(), CliError> {
    written.map_err(|source| CliError::PaperAfterRecord {
        saved: saved(),
        again: again(),
        source,
    })
}

/// The data folder: `--data-dir`, `SENTRA_DATA_DIR`, or the platform's.
pub fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, CliError> {
    given
        .or_else(crate::paths::default_data_dir)
        .ok_or(CliError::NoDataDir)
}

/// Runs one command to completion.
pub fn run(data_dir: PathBuf, command: Command, out: &Output) -> Result<(), CliError> {
    let mut store = Store::open(&data_dir)?;
    let now = crate::clock::now()?;
    match command {
        command @ (Command::Sale { .. }
        | Command::Void { .. }
        | Command::Return { .. }
        | Command::Receipt { .. }
        | Command::Qris { .. }
        | Command::Label { .. }
        | Command::Printer { .. }) => selling(&mut store, command, now, out),
        command @ (Command::Export { .. }
        | Command::Import { .. }
        | Command::Office { .. }
        | Command::Fee { .. }
        | Command::Fees { .. }
        | Command::Verify { .. }
        | Command::Stalls { .. }) => office(&mut store, command, now, out),
        command @ (Command::Report { .. }
        | Command::Customer { .. }
        | Command::Expense { .. }
        | Command::Books { .. }
        | Command::Asset { .. }
        | Command::Loan { .. }
        | Command::Owner { .. }
        | Command::Bank { .. }
        | Command::Supplier { .. }) => books_and_reports(&mut store, command, now, out),
        Command::Init(init) => setup::init(&mut store, init, now, out),
        Command::Demo { days } => setup::demo(&mut store, days, now, out),
        Command::Product(command) => catalogue::product(&mut store, command, now, out),
        Command::Producer(command) => consign::producer(&mut store, command, now, out),
        Command::Consign(command) => consign::consign(&mut store, command, now, out),
        Command::Stock(command) => catalogue::stock(&mut store, command, now, out),
        Command::Day(command) => days::day(&mut store, command, now, out),
        Command::Clock(ClockCommand::Accept { pin }) => {
            setup::accept_clock(&mut store, &pin, now, out)
        }
        Command::Backup { file } => setup::backup(&store, &file, out),
        Command::Restore {
            file,
            pin,
            accept_loss,
        } => setup::restore(&mut store, &file, pin.as_deref(), accept_loss, now, out),
        Command::Pin(command) => setup::pin(&mut store, command, now, out),
        Command::Settings(command) => setup::settings(&mut store, command, now, out),
        Command::Soak { sales } => soak(&mut store, sales),
    }
}

/// Selling and its paper: sales, voids, returns, struk, QRIS, labels, printers.
fn selling(
    store: &mut Store,
    command: Command,
    now: time::OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        Command::Sale(sale) => selling::sale(store, sale, now, out),
        Command::Void {
            receipt,
            reason,
            pin,
        } => selling::void(store, &receipt, &reason, &pin, now, out),
        Command::Return {
            receipt,
            items,
            refunds,
            pin,
        } => selling::return_items(store, &receipt, &items, &refunds, pin.as_deref(), now, out),
        Command::Receipt {
            receipt,
            width,
            whatsapp: Some(number),
            ..
        } => selling::receipt_whatsapp(store, &receipt, width.as_deref(), &number, out),
        Command::Receipt {
            receipt,
            width,
            escpos: Some(to),
            ..
        } => printing::receipt_escpos(store, &receipt, width.as_deref(), &to, out),
        Command::Qris { amount, png } => printing::qris(store, amount, png.as_deref(), out),
        Command::Label(args) => printing::label(store, args, out),
        Command::Printer(command) => printing::printer(store, command, out),
        Command::Receipt {
            receipt,
            width,
            pdf,
            escpos: None,
            whatsapp: None,
        } => selling::receipt(store, &receipt, width.as_deref(), pdf.as_deref(), out),
        _ => unreachable!("only selling's commands are sent here"),
    }
}

/// The file between stall and office, and the office's desk.
fn office(
    store: &mut Store,
    command: Command,
    now: time::OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        Command::Export {
            out: dir,
            since_seq,
        } => sync::export(store, &dir, since_seq, now, out),
        Command::Import {
            paths,
            receipts,
            width,
        } => {
            let receipts = receipts.as_deref().map(|dir| sync::Receipts {
                dir,
                paper: desk::paper(&width),
            });
            sync::import(store, &paths, receipts, now, out)
        }
        Command::Office(command) => desk::office(store, command, now, out),
        Command::Fee(command) => desk::fee(store, command, now, out),
        Command::Fees { from, to } => desk::fees(store, from, to, out),
        Command::Verify { qr } => desk::verify(store, &qr, out),
        Command::Stalls { action: None } => sync::stalls(store, out),
        Command::Stalls {
            action: Some(StallsCommand::Repin { code, key, pin }),
        } => sync::repin(store, &code, &key, &pin, now, out),
        _ => unreachable!("only office's commands are sent here"),
    }
}

/// Reports, customers, expenses and the month's books.
fn books_and_reports(
    store: &mut Store,
    command: Command,
    now: time::OffsetDateTime,
    out: &Output,
) -> Result<(), CliError> {
    match command {
        Command::Report(days::ReportCommand::Centre { date, csv, pdf }) => {
            sync::report_centre(store, date, csv.as_deref(), pdf.as_deref(), now, out)
        }
        Command::Report(days::ReportCommand::Producers { from, to, csv, pdf }) => {
            consign::report_producers(store, from, to, csv.as_deref(), pdf.as_deref(), now, out)
        }
        Command::Report(days::ReportCommand::Profit { from, to }) => {
            kasbon::profit(store, from, to, now, out)
        }
        Command::Report(days::ReportCommand::Month { month, pdf, xlsx }) => {
            books::report_month(store, &month, pdf.as_deref(), xlsx.as_ref(), now, out)
        }
        Command::Report(command) => days::report(store, command, now, out),
        Command::Customer(command) => kasbon::customer(store, command, now, out),
        Command::Expense(command) => kasbon::expense(store, command, now, out),
        Command::Books(command) => books::books(store, command, now, out),
        Command::Asset(command) => books::asset(store, command, now, out),
        Command::Loan(command) => books::loan(store, command, now, out),
        Command::Owner(command) => books::owner(store, command, now, out),
        Command::Bank(command) => books::bank(store, command, now, out),
        Command::Supplier(command) => books::supplier(store, command, now, out),
        _ => unreachable!("only books_and_reports's commands are sent here"),
    }
}

/// Turns clap's multi-line usage error into the one line a person needs:
/// the first paragraph, folded, with clap's English phrases in Indonesian.
pub fn usage_error_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let paragraph = rendered.split("\n\n").next().unwrap_or_default();
    let folded = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    let phrases = [
        ("error: ", ""),
        (
            "the following required arguments were not provided:",
            "argumen wajib belum diisi:",
        ),
        ("unrecognized subcommand", "perintah tidak dikenal:"),
        ("unexpected argument", "argumen tidak dikenal:"),
        ("invalid value", "nilai tidak valid"),
        (" for ", " untuk "),
        (" found", ""),
        ("a value is required", "nilainya harus diisi"),
        ("but none was supplied", ""),
        ("tip: ", "saran: "),
    ];
    let line = phrases.iter().fold(folded, |text, (english, indonesian)| {
        text.replacen(english, indonesian, 1)
    });
    format!("{} (lihat sentra --help)", line.trim())
}

/// Sells the stall's first products over and over, printing each receipt
/// number only once its sale is committed: the crash test kills this
/// process at random and checks that every printed number is in the book.
fn soak(store: &mut Store, sales: u64) -> Result<(), CliError> {
    use std::io::Write;

    use crate::domain::payment::{PaymentMethod, Tender};
    use crate::store::{ProductFilter, SaleItem, SaleRequest};

    let products = store.list_products(&ProductFilter::default())?;
    let products: Vec<_> = products.into_iter().take(5).collect();
    let mut stdout = std::io::stdout().lock();
    for n in 0..sales {
        let picked: Vec<_> = products
            .iter()
            .skip((n % 3) as usize)
            .take(1 + (n % 3) as usize)
            .collect();
        let total =
            crate::money::Rupiah::sum(picked.iter().map(|p| p.price)).map_err(StoreError::from)?;
        let request = SaleRequest {
            items: picked
                .iter()
                .map(|p| SaleItem {
                    code: p.sku.clone(),
                    quantity: crate::money::Quantity::ONE,
                    discount: None,
                })
                .collect(),
            discount: None,
            tenders: vec![Tender {
                method: PaymentMethod::Cash,
                amount: total,
                reference: None,
            }],
        };
        let sale = store.complete_sale(&request, crate::clock::now()?)?;
        if writeln!(stdout, "{}", sale.receipt)
            .and_then(|_| stdout.flush())
            .is_err()
        {
            break;
        }
    }
    Ok(())
}
