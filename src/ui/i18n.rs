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
