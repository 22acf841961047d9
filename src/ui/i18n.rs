//! Every word on screen, in Bahasa Indonesia first and English second.
//! One table, so a missing translation is a compile error, not a blank.

/// The language of the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// From the setting's key (`id`, `en`).
    pub fn from_key(key: &str) -> Lang {
        if key == "en" { Lang::En } else { Lang::Id }
    }

    pub fn key(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A text on screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Id) => $id, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    // Tabs
    Kasir => "Kasir", "Till";
    Stok => "Stok", "Stock";
    Laporan => "Laporan", "Reports";
    Pengaturan => "Pengaturan", "Settings";
    Kantor => "Kantor", "Office";
    // Till
    SearchHint => "Scan barcode atau ketik nama / SKU…", "Scan a barcode or type a name / SKU…";
    CartEmpty => "Keranjang kosong. Scan atau cari barang.", "The cart is empty. Scan or search for an item.";
    Item => "Barang", "Item";
    Sku => "SKU", "SKU";
    Items => "barang", "items";
    Qty => "Jumlah", "Qty";
    Price => "Harga", "Price";
    Discount => "Diskon", "Discount";
    Amount => "Jumlah Rp", "Amount";
    Subtotal => "Subtotal", "Subtotal";
    Total => "Total", "Total";
    SaleDiscount => "Diskon nota", "Sale discount";
    SaleDiscountHint => "Rp atau %", "Rp or %";
    HeldCarts => "Keranjang ditahan", "Held carts";
    Resume => "Lanjutkan", "Resume";
    Back => "Kembali", "Back";
    BackEsc => "Kembali (Esc)", "Back (Esc)";
    PayF2 => "Bayar (F2)", "Pay (F2)";
    HoldF4 => "Tahan (F4)", "Hold (F4)";
    HeldF4 => "Daftar ditahan (F4)", "Held carts (F4)";
    VoidF8 => "Batal nota (F8)", "Void a receipt (F8)";
    LastSale => "Nota terakhir", "Last sale";
    Change => "Kembalian", "Change";
    Voided => "DIBATALKAN", "VOIDED";
    Cash => "Tunai", "Cash";
    Qris => "QRIS", "QRIS";
    Transfer => "Transfer", "Transfer";
    Card => "Kartu", "Card";
    ToPay => "Harus dibayar", "To pay";
    ExactMoney => "Uang pas", "Exact";
    NoQris => "QRIS toko belum diatur (Pengaturan).", "The stall's QRIS is not set (Settings).";
    AmountHint => "Jumlah dibayar", "Amount paid";
    ReferenceHint => "Referensi (boleh kosong)", "Reference (optional)";
    AddSplit => "Tambah pembayaran lain", "Add another payment";
    Finish => "Selesai (Enter)", "Finish (Enter)";
    ConfirmPaid => "Sudah dibayar — Selesai (Enter)", "Paid — Finish (Enter)";
    VoidTitle => "Batal nota", "Void a receipt";
    Receipt => "Nomor nota", "Receipt number";
    Reason => "Alasan", "Reason";
    ManagerPin => "PIN manajer", "Manager PIN";
    VoidConfirm => "Batalkan nota", "Void it";
    // Stock
    StockSearch => "Cari nama, SKU atau barcode", "Search name, SKU or barcode";
    AllCategories => "Semua kategori", "All categories";
    LowOnly => "Hanya stok menipis", "Low stock only";
    AddProduct => "Tambah produk", "Add product";
    ImportCsv => "Impor CSV", "Import CSV";
    ExportCsv => "Ekspor CSV", "Export CSV";
    CsvPath => "Berkas CSV", "CSV file";
    Name => "Nama", "Name";
    Category => "Kategori", "Category";
    Unit => "Satuan", "Unit";
    SellPrice => "Harga jual", "Price";
    Cost => "HPP", "Cost";
    MinStock => "Stok min.", "Min. stock";
    Barcode => "Barcode", "Barcode";
    StockColumn => "Stok", "Stock";
    Save => "Simpan", "Save";
    Cancel => "Batal", "Cancel";
    Edit => "Ubah", "Edit";
    Receive => "Terima barang", "Receive";
    Adjust => "Penyesuaian", "Adjust";
    Count => "Stok opname", "Count";
    Ledger => "Kartu stok", "Ledger";
    ReceiveShort => "Terima", "Receive";
    AdjustShort => "Sesuaikan", "Adjust";
    CountShort => "Opname", "Count";
    LedgerShort => "Kartu", "Ledger";
    QuantityField => "Jumlah", "Quantity";
    CountedField => "Hasil hitung", "Counted";
    Note => "Catatan", "Note";
    Low => "menipis", "low";
    ShowingFirst => "Menampilkan", "Showing";
    Of => "dari", "of";
    // Reports
    Today => "Hari ini", "Today";
    PrevDay => "◂ Sebelumnya", "◂ Previous";
    NextDay => "Berikutnya ▸", "Next ▸";
    SalesCount => "Transaksi", "Sales";
    Gross => "Penjualan kotor", "Gross sales";
    Net => "Penjualan bersih", "Net sales";
    Average => "Rata-rata", "Average";
    Returns => "Retur", "Returns";
    Voids => "Batal", "Voids";
    Takings => "Pendapatan", "Takings";
    Payments => "Pembayaran", "Payments";
    TopProducts => "Produk terlaris", "Top products";
    ByHour => "Penjualan per jam", "Sales by hour";
    CloseDay => "Tutup kasir", "Close the day";
    OpeningFloat => "Kas awal", "Opening float";
    CashIn => "Tunai masuk", "Cash in";
    CashOut => "Tunai keluar", "Cash out";
    Expected => "Seharusnya", "Expected";
    Counted => "Uang dihitung", "Counted cash";
    Difference => "Selisih", "Difference";
    CloseNow => "Tutup hari ini", "Close today";
    DayClosed => "Hari sudah ditutup.", "The day is closed.";
    PphEstimate => "Perkiraan PPh Final", "PPh Final estimate";
    ThisMonth => "Bulan ini", "This month";
    ThisYear => "Tahun ini", "This year";
    Turnover => "omzet", "turnover";
    NoSales => "Belum ada penjualan.", "No sales yet.";
    // Settings
    Identity => "Identitas toko", "Stall identity";
    ReceiptWidth => "Lebar struk", "Receipt width";
    Tax => "Pajak (PPN)", "Tax (VAT)";
    TaxNone => "Tanpa PPN", "No VAT";
    TaxInclusive => "Harga termasuk PPN", "Prices include VAT";
    TaxExclusive => "PPN ditambahkan", "VAT added";
    TaxRate => "Tarif PPN (%)", "VAT rate (%)";
    Language => "Bahasa", "Language";
    ExportFolder => "Folder ekspor (flashdisk)", "Export folder (USB stick)";
    QrisPayload => "Teks QRIS statis toko", "The stall's static QRIS text";
    ChangePin => "Ganti PIN manajer", "Change the manager PIN";
    OldPin => "PIN lama", "Old PIN";
    NewPin => "PIN baru", "New PIN";
    Backup => "Cadangan", "Backup";
    BackupNow => "Buat cadangan sekarang", "Back up now";
    RestoreFrom => "Pulihkan dari berkas", "Restore from file";
    Restore => "Pulihkan", "Restore";
    AcceptLoss => "Terima hilangnya catatan yang lebih baru dari cadangan", "Accept losing the records newer than the backup";
    Saved => "Tersimpan.", "Saved.";
    // First run
    Welcome => "Selamat datang di Sentra", "Welcome to Sentra";
    ChooseKind => "Komputer ini untuk…", "This computer is for…";
    AStall => "Toko (kasir)", "A stall (till)";
    TheOffice => "Kantor pengelola", "The centre's office";
    StallCode => "Kode toko (mis. ST07)", "Stall code (e.g. ST07)";
    StallName => "Nama toko", "Stall name";
    Owner => "Pemilik", "Owner";
    Regency => "Kabupaten/kota asal", "Regency of origin";
    PickRegency => "Pilih kabupaten/kota…", "Pick a regency…";
    OfficeName => "Nama sentra", "Centre name";
    LoadDemo => "Isi dengan data contoh", "Fill with demo data";
    Start => "Mulai", "Start";
    Working => "Sedang bekerja…", "Working…";
    ImportFiles => "Impor berkas dari toko", "Import the stalls' files";
    ImportPath => "Folder atau berkas (flashdisk)", "Folder or file (USB stick)";
    Import => "Impor", "Import";
    Files => "berkas", "files";
    New => "baru", "new";
    AlreadyHeld => "sudah ada", "already held";
    Stall => "Toko", "Stall";
    Silent => "tanpa kabar", "sent nothing";
    ByRegency => "Per kabupaten/kota", "By regency";
    ByCategory => "Per kategori", "By category";
    ProvinceCsv => "CSV untuk provinsi", "CSV for the province";
    WriteCsv => "Tulis CSV", "Write CSV";
    Opening => "Membuka buku…", "Opening the book…";
    Reprint => "Cetak ulang (salinan)", "Reprint (copy)";
    ReceiptFile => "Struk PDF", "Receipt PDF";
    PrintReport => "Cetak laporan", "Print the report";
    PrintCentre => "Cetak laporan sentra", "Print the centre report";
    AfterSale => "Setelah penjualan, struk…", "After a sale, the receipt is…";
    DeliverSave => "Disimpan saja", "Saved only";
    DeliverOpen => "Dibuka", "Opened";
    DeliverPrint => "Dicetak", "Printed";
}

/// A sentence for the person, with its data, said in the screen's language
/// when it is drawn. Words that come from the book (its refusals) are
/// `Plain`: they are Indonesian sentences already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    Plain(String),
    CartHeld,
    NoHeldCarts,
    UnknownCode(String),
    ReceiptSaved(String),
    Voided(String),
    TypeAmountFirst,
    PickRegency,
    ProductSaved {
        sku: String,
        name: String,
    },
    Received {
        sku: String,
        quantity: String,
        stock: String,
    },
    Adjusted {
        sku: String,
        quantity: String,
        stock: String,
    },
    Counted {
        sku: String,
        counted: String,
        difference: String,
    },
    CsvImported {
        path: String,
        added: usize,
        updated: usize,
    },
    CsvExported {
        count: usize,
        path: String,
    },
    DayClosed {
        day: String,
        difference: String,
        export: Option<Result<String, String>>,
    },
    ReportWritten(String),
    FilesImported(usize),
    FilesRejected {
        rejected: usize,
        total: usize,
    },
    CsvRowsWritten {
        rows: usize,
        path: String,
    },
    Saved,
    PinChanged,
    BackupWritten(String),
    Restored(String),
}

impl From<String> for Say {
    fn from(text: String) -> Say {
        Say::Plain(text)
    }
}

impl Say {
    pub fn say(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Say::Plain(text) => text.clone(),
            Say::CartHeld if id => "Keranjang ditahan (F4 untuk melanjutkan).".into(),
            Say::CartHeld => "Cart held (F4 to resume).".into(),
            Say::NoHeldCarts if id => "Tidak ada keranjang yang ditahan.".into(),
            Say::NoHeldCarts => "No held carts.".into(),
            Say::UnknownCode(code) if id => format!("Kode \"{code}\" tidak dikenal."),
            Say::UnknownCode(code) => format!("Unknown code \"{code}\"."),
            Say::ReceiptSaved(receipt) if id => format!("Struk {receipt} tersimpan."),
            Say::ReceiptSaved(receipt) => format!("Receipt {receipt} saved."),
            Say::Voided(receipt) if id => format!("Nota {receipt} dibatalkan."),
            Say::Voided(receipt) => format!("Receipt {receipt} voided."),
            Say::TypeAmountFirst if id => "ketik jumlahnya dulu".into(),
            Say::TypeAmountFirst => "type the amount first".into(),
            Say::PickRegency if id => "pilih kabupaten/kota asal".into(),
            Say::PickRegency => "pick the regency of origin".into(),
            Say::ProductSaved { sku, name } if id => format!("{sku} {name} tersimpan."),
            Say::ProductSaved { sku, name } => format!("{sku} {name} saved."),
            Say::Received {
                sku,
                quantity,
                stock,
            } if id => format!("{sku}: diterima {quantity}, stok sekarang {stock}."),
            Say::Received {
                sku,
                quantity,
                stock,
            } => format!("{sku}: received {quantity}, stock now {stock}."),
            Say::Adjusted {
                sku,
                quantity,
                stock,
            } if id => {
                format!("{sku}: disesuaikan {quantity}, stok sekarang {stock}.")
            }
            Say::Adjusted {
                sku,
                quantity,
                stock,
            } => format!("{sku}: adjusted {quantity}, stock now {stock}."),
            Say::Counted {
                sku,
                counted,
                difference,
            } if id => {
                format!("{sku}: dihitung {counted}, selisih {difference}.")
            }
            Say::Counted {
                sku,
                counted,
                difference,
            } => format!("{sku}: counted {counted}, difference {difference}."),
            Say::CsvImported {
                path,
                added,
                updated,
            } if id => {
                format!("Impor {path}: {added} produk baru, {updated} diperbarui.")
            }
            Say::CsvImported {
                path,
                added,
                updated,
            } => format!("Imported {path}: {added} new, {updated} updated."),
            Say::CsvExported { count, path } if id => format!("{count} produk diekspor ke {path}."),
            Say::CsvExported { count, path } => format!("{count} products exported to {path}."),
            Say::DayClosed {
                day,
                difference,
                export,
            } => {
                let mut text = if id {
                    format!("Hari {day} ditutup. Selisih {difference}.")
                } else {
                    format!("Day {day} closed. Difference {difference}.")
                };
                text.push_str(&match (export, id) {
                    (Some(Ok(path)), true) => format!(" Berkas untuk kantor: {path}"),
                    (Some(Ok(path)), false) => format!(" File for the office: {path}"),
                    (Some(Err(error)), true) => format!(" Ekspor gagal: {error}"),
                    (Some(Err(error)), false) => format!(" Export failed: {error}"),
                    (None, true) => {
                        " Atur folder ekspor di Pengaturan untuk menulis berkas kantor.".into()
                    }
                    (None, false) => {
                        " Set an export folder in Settings to write the office's file.".into()
                    }
                });
                text
            }
            Say::ReportWritten(path) if id => format!("Laporan PDF: {path}"),
            Say::ReportWritten(path) => format!("Report PDF: {path}"),
            Say::FilesImported(count) if id => format!("{count} berkas diimpor."),
            Say::FilesImported(count) => format!("{count} files imported."),
            Say::FilesRejected { rejected, total } if id => {
                format!("{rejected} dari {total} berkas ditolak.")
            }
            Say::FilesRejected { rejected, total } => {
                format!("{rejected} of {total} files refused.")
            }
            Say::CsvRowsWritten { rows, path } if id => format!("{rows} baris ditulis ke {path}"),
            Say::CsvRowsWritten { rows, path } => format!("{rows} rows written to {path}"),
            Say::Saved => T::Saved.get(lang).into(),
            Say::PinChanged if id => "PIN manajer diganti.".into(),
            Say::PinChanged => "Manager PIN changed.".into(),
            Say::BackupWritten(path) if id => format!("Cadangan tersimpan: {path}"),
            Say::BackupWritten(path) => format!("Backup saved: {path}"),
            Say::Restored(kept) if id => {
                format!("Buku dipulihkan. Buku sebelumnya disimpan di {kept}.")
            }
            Say::Restored(kept) => format!("Book restored. The previous book is kept at {kept}."),
        }
    }
}
