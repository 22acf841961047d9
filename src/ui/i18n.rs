//! Every word on screen, in Bahasa Indonesia first and English second.
//! One table, so a missing translation is a compile error, not a blank; the
//! book's refusals are said in [`super::refusal`].

use crate::domain::payment::PaymentMethod;
use crate::store::MovementKind;

use super::refusal::{Refusal, method_english};

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

    /// The same language for paper and dates, below the screens.
    pub fn language(self) -> crate::domain::language::Language {
        crate::domain::language::Language::from_key(self.key())
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
    Pelanggan => "Pelanggan", "Customers";
    Penitip => "Penitip", "Producers";
    Pengaturan => "Pengaturan", "Settings";
    // Till
    SearchHint => "Scan barcode atau ketik nama / SKU…", "Scan a barcode or type a name / SKU…";
    CartEmpty => "Keranjang kosong. Scan atau cari barang.", "The cart is empty. Scan or search for an item.";
    CartKeys => "Panah atas/bawah: pilih baris · + / -: satu lagi, satu kurang · 5* Enter: jumlah 5 · Delete: hapus baris", "Up/Down: pick a line · + / -: one more, one less · 5* Enter: quantity 5 · Delete: remove the line";
    Item => "Barang", "Item";
    Sku => "SKU", "SKU";
    Qty => "Jumlah", "Qty";
    Discount => "Diskon", "Discount";
    Amount => "Jumlah Rp", "Amount";
    Subtotal => "Subtotal", "Subtotal";
    Total => "Total", "Total";
    SaleDiscount => "Diskon nota", "Sale discount";
    SaleDiscountHint => "Rp atau %", "Rp or %";
    HeldCarts => "Keranjang ditahan", "Held carts";
    Back => "Kembali", "Back";
    Pay => "Bayar", "Pay";
    Hold => "Tahan", "Hold";
    HeldList => "Daftar ditahan", "Held carts";
    HeldHint => "Panah atas/bawah memilih, Enter melanjutkan.", "Up/down arrows pick, Enter resumes.";
    VoidReceipt => "Batal nota", "Void a receipt";
    LastSale => "Nota terakhir", "Last sale";
    Change => "Kembalian", "Change";
    Voided => "DIBATALKAN", "VOIDED";
    ToPay => "Harus dibayar", "To pay";
    ExactMoney => "Uang pas", "Exact";
    NoQris => "QRIS toko belum diatur (Pengaturan).", "The stall's QRIS is not set (Settings).";
    AmountHint => "Jumlah dibayar", "Amount paid";
    ReferenceHint => "Referensi (boleh kosong)", "Reference (optional)";
    AddSplit => "Bayar sebagian", "Pay in part";
    Finish => "Selesai", "Finish";
    ConfirmPaid => "Sudah dibayar, selesai", "Paid, finish";
    RecordKasbon => "Catat kasbon, selesai", "Record the kasbon, finish";
    VoidTitle => "Batal nota", "Void a receipt";
    Receipt => "Nomor nota", "Receipt number";
    Reason => "Alasan", "Reason";
    ManagerPin => "PIN manajer", "Manager PIN";
    VoidConfirm => "Batalkan nota", "Void it";
    OpeningFloatHint => "Hari belum dibuka. Kas awal (uang di laci):", "The day is not open yet. Opening float (cash in the drawer):";
    OpenDay => "Buka hari", "Open the day";
    ReopenHint => "Penjualan baru menunggu manajer membuka kembali hari ini dengan PIN.", "New sales wait for a manager to reopen today with the PIN.";
    Reopen => "Buka kembali", "Reopen";
    // Stock
    StockSearch => "Cari nama, SKU atau barcode", "Search name, SKU or barcode";
    AllCategories => "Semua kategori", "All categories";
    LowOnly => "Hanya stok menipis", "Low stock only";
    AddProduct => "Tambah produk", "Add product";
    ImportCsv => "Impor CSV", "Import CSV";
    ExportCsv => "Ekspor CSV", "Export CSV";
    CsvPath => "Berkas CSV", "CSV file";
    CsvPin => "PIN manajer", "Manager PIN";
    Name => "Nama", "Name";
    Category => "Kategori", "Category";
    Unit => "Satuan", "Unit";
    SellPrice => "Harga jual", "Price";
    Cost => "HPP", "Cost";
    MinStock => "Stok min.", "Min. stock";
    WholesaleField => "Harga grosir (mis. 12=9000 24=8500)", "Wholesale prices (e.g. 12=9000 24=8500)";
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
    AdjustField => "Jumlah ± (mis. -2 rusak, 3 ketemu)", "Quantity ± (e.g. -2 damaged, 3 found)";
    When => "Waktu · jenis", "When · kind";
    Balance => "Saldo", "Balance";
    RowKeys => "baris terpilih: panah atas/bawah; PgUp/PgDn per 15 baris dan halaman berikutnya", "selected row: up/down arrows; PgUp/PgDn by 15 rows and to the next page";
    CountedField => "Hasil hitung", "Counted";
    Note => "Catatan", "Note";
    Low => "menipis", "low";
    ShowingFirst => "Menampilkan", "Showing";
    Of => "dari", "of";
    // Reports
    Today => "Hari ini", "Today";
    PrevDay => "‹ Sebelumnya", "‹ Previous";
    NextDay => "Berikutnya ›", "Next ›";
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
    CloseYes => "Ya, tutup kasir", "Yes, close the day";
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
    PphTaxpayer => "PPh Final", "PPh Final";
    OrangPribadi => "orang pribadi", "individual";
    Badan => "badan (CV, firma, koperasi)", "entity (CV, firm, co-op)";
    Language => "Bahasa", "Language";
    ExportFolder => "Folder ekspor (flashdisk)", "Export folder (USB stick)";
    QrisPayload => "Teks QRIS statis toko", "The stall's static QRIS text";
    QrisAmount => "QRIS dengan jumlah", "QRIS with the amount";
    Wholesale => "harga grosir", "wholesale price";
    CustomerWindow => "Sentra · Layar Pelanggan", "Sentra · Customer Display";
    CustomerDisplay => "Layar pelanggan", "Customer display";
    CustomerLine => "Tulisan layar pelanggan", "Customer display line";
    Welcome2 => "Selamat datang", "Welcome";
    YourItems => "Belanjaan Anda", "Your items";
    PleasePay => "Silakan bayar", "Please pay";
    ScanToPay => "Pindai QRIS untuk membayar", "Scan the QRIS to pay";
    PaidBy => "Dibayar dengan", "Paying by";
    ThankYou => "Terima kasih", "Thank you";
    TotalBig => "TOTAL", "TOTAL";
    WhatsAppNumber => "HP pembeli", "Buyer's phone";
    WhatsAppOpened => "Struk dibuka di WhatsApp: kirim dari sana.", "The struk is open in WhatsApp: send it from there.";
    QrisAmountNote => "Pembeli tidak perlu mengetik jumlah; tetap pastikan uang masuk sebelum selesai.", "The buyer need not type the amount; still check the money arrived before finishing.";
    On => "nyala", "on";
    Off => "mati", "off";
    ChangePin => "Ganti PIN manajer", "Change the manager PIN";
    OldPin => "PIN lama", "Old PIN";
    NewPin => "PIN baru", "New PIN";
    Backup => "Cadangan", "Backup";
    BackupNow => "Buat cadangan sekarang", "Back up now";
    RestoreFrom => "Pulihkan dari berkas", "Restore from file";
    Restore => "Pulihkan", "Restore";
    ExportAgain => "Tulis ekspor lagi", "Write the export again";
    NotInCart => "Tidak masuk keranjang. Esc: hapus pesan ini", "Not in the cart. Esc: clear this message";
    AcceptClock => "Terima jam komputer (PIN lama)", "Accept the PC's clock (current PIN)";
    QrisNotNational => "Peringatan: QRIS tanpa templat nasional ID.CO.QRIS.WWW; sebagian aplikasi mungkin tidak bisa membacanya", "Warning: a QRIS without the national ID.CO.QRIS.WWW template; some apps may not read it";
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
    StallKey => "Kunci toko", "Stall key";
    StallCodeShort => "Kode", "Code";
    Regency => "Kabupaten/kota asal", "Regency of origin";
    RegencyField => "Kabupaten/kota asal (ketik kode atau nama)", "Regency of origin (type its code or name)";
    RegencyChosen => "Terpilih. Tab ke kolom berikutnya.", "Chosen. Tab to the next field.";
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
    SharedId => "id sama dikirim dua toko", "one id sent by two stalls";
    SentFirst => "dulu", "first";
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
    // Labels, scale barcodes, the thermal printer
    ScaleBarcode => "Barcode timbangan", "Scale barcode";
    EscposPrinter => "Printer struk ESC/POS", "ESC/POS receipt printer";
    TestPrint => "Tes printer", "Test print";
    FromScale => "dari timbangan", "from the scale";
    Labels => "Label harga", "Price labels";
    PrintLabels => "Cetak label", "Print labels";
    ProducerCode => "Kode penitip", "Producer code";
    ConsignTerms => "Harga setor Rp / komisi %", "Consign price Rp / commission %";
    NoProductsFound => "Tidak ada produk yang cocok dengan pencarian atau saringan ini (F1, F2).", "No product matches this search or filter (F1, F2).";
    TickWithF9 => "centang baris: F9", "tick a row: F9";
    LabelStock => "Kertas label", "Label stock";
    LabelCopies => "Jumlah", "Copies";
    SkipPlaces => "Lewati tempat terpakai", "Skip used places";
    GiveBarcodes => "Beri barcode toko", "Give store barcodes";
    NoBarcodeYet => "belum ada barcode", "no barcode yet";
    // Said on one screen (Kasir's kasbon, Penitip, Meja, Pelanggan, Laporan)
    StrukQrField => "QR struk: NOMOR#CEK atau NOMOR · CEK", "Receipt QR: NUMBER#CHECK or NUMBER · CHECK";
    Verify => "Periksa", "Verify";
    ManagersDesk => "Meja pengelola", "Manager's desk";
    TandaTerimaLabel => "Tanda terima:", "Receipt:";
    FeesByStall => "Retribusi per toko", "Fees by stall";
    Owed => "Terutang", "Owed";
    Paid => "Dibayar", "Paid";
    BalanceLeft => "Sisa", "Balance";
    Owes => "kasbon", "owes";
    Limit => "batas", "limit";
    ChangeCategory => "Ganti (F1)", "Change (F1)";
    PastLimitPin => "Melewati batas kasbon: PIN manajer", "Past the credit limit: manager PIN";
    NewCustomer => "Pelanggan baru", "New customer";
    Phone => "Telepon", "Phone";
    CreditLimitRp => "Batas kasbon (Rp)", "Credit limit (Rp)";
    FindACustomerNameOrPhone => "Cari pelanggan: nama atau telepon", "Find a customer: name or phone";
    NewCustomerButton => "+ Pelanggan baru", "+ New customer";
    ProducersPaidInCash => "Bayar penitip tunai", "Producers paid in cash";
    ProducerPayouts => "Bayar penitip", "Producer payouts";
    ProducersConsignment => "Penitip (titip jual)", "Producers (consignment)";
    FindANameCodeOrRegency => "Cari nama, kode atau asal", "Find a name, code or regency";
    NewProducer => "+ Penitip baru", "+ New producer";
    PickAProducerToSeeTheir => "Pilih penitip untuk melihat laporannya, menerima atau mengembalikan barang, atau membayarnya.", "Pick a producer to see their statement, take in or hand back goods, or pay them.";
    Producer => "Penitip", "Producer";
    NoProducersYet => "Belum ada penitip.", "No producers yet.";
    OwedShort => "hak", "owed";
    PaidShort => "dibayar", "paid";
    BalanceOwedPaid => "Saldo (hak − dibayar)", "Balance (owed − paid)";
    TakeInGoods => "Terima titipan", "Take in goods";
    HandBackGoods => "Retur ke penitip", "Hand back goods";
    PayTheProducer => "Bayar penitip", "Pay the producer";
    All => "Semua", "All";
    TransferReferenceRequired => "Referensi transfer (wajib)", "Transfer reference (required)";
    ConsignmentStatement => "Laporan titip jual", "Consignment statement";
    FromDay => "Dari TTTT-BB-HH", "From YYYY-MM-DD";
    Print => "Cetak", "Print";
    Open => "Awal", "Open";
    In => "Terima", "In";
    Sold => "Terjual", "Sold";
    ReturnedBack => "Retur", "Back";
    Handed => "Kembali", "Handed";
    Left => "Sisa", "Left";
    OwedHeading => "Hak", "Owed";
    SalesValue => "Nilai jual", "Sales value";
    OpeningBalance => "Saldo awal", "Opening balance";
    ProducerOwed => "Hak penitip", "Owed";
    GoodsIn => "terima titipan", "goods in";
    HandedBack => "retur ke penitip", "handed back";
    ChangeProducer => "Ubah penitip", "Change producer";
    NewProducerTitle => "Penitip baru", "New producer";
    CodeFixed => "Kode (tetap)", "Code (fixed)";
    RegencyOfOriginUpDown => "Kabupaten/kota asal (panah atas/bawah)", "Regency of origin (Up/Down)";
    Pick => "Pilih …", "Pick …";
    NibOptional => "NIB (13 angka, boleh kosong)", "NIB (13 digits, optional)";
    BankAccount => "Rekening bank", "Bank account";
    TakeInGoodsHandoverNote => "Terima titipan — berita acara serah terima", "Take in goods — handover note";
    HandBackGoodsHandoverNote => "Retur ke penitip — berita acara serah terima", "Hand back goods — handover note";
    ThisProducerHasNoConsignedGoods => "Penitip ini belum punya barang titipan: tambahkan di Stok (F3) dengan kode penitipnya.", "This producer has no consigned goods yet: add them in Stok (F3) with the producer's code.";
    Stock => "stok", "stock";
    NoGoodsYetTypeAName => "Belum ada barang: ketik nama atau SKU lalu Enter, atau klik barangnya.", "No goods yet: type a name or SKU and press Enter, or click the item.";
    HandoverKeysHint => "Jumlah 0 lalu Enter: hapus baris · Enter di kolom cari yang kosong: simpan", "Quantity 0 and Enter: remove the line · Enter in the empty search: save";
    FindProducersGoods => "Cari barang penitip ini…", "Find this producer's goods…";
    GoodsOnTheNote => "Barang di berita acara", "Goods on the note";
    SavePrint => "Simpan & cetak", "Save & print";
    CentresProducers => "Penitip sentra", "The centre's producers";
    ToDay => "Sampai TTTT-BB-HH", "To YYYY-MM-DD";
    Province => "provinsi", "province";
    Written => "Ditulis:", "Written:";
    Origin => "Asal", "Regency";
    Stalls => "Toko", "Stalls";
    SoldValue => "Nilai jual", "Sold";
    NoProducersInTheStallsFiles => "Belum ada penitip dari berkas toko yang diimpor.", "No producers in the stalls' files imported yet.";
    NibFirstSentBy => "NIB lebih dulu dari toko", "NIB sent first by stall";
    ByTheProducersRegencyOfOrigin => "Per kabupaten/kota asal penitip", "By the producers' regency of origin";
    Producers => "penitip", "producers";
    StallsCount => "toko", "stalls";
    FindANamePhoneOrCode => "Cari nama, telepon atau kode", "Find a name, phone or code";
    PickACustomerToTakeA => "Pilih pelanggan untuk bayar kasbon atau melihat rekeningnya.", "Pick a customer to take a repayment or see their statement.";
    KasbonHeading => "Kasbon", "Owes";
    LimitHeading => "Batas", "Limit";
    Oldest => "Tertua", "Oldest";
    NoCustomersYet => "Belum ada pelanggan.", "No customers yet.";
    D => "hr", "d";
    KasbonLeft => "Sisa kasbon", "Owes";
    CreditLimit => "Batas kasbon", "Credit limit";
    OldestUnpaid => "Tertua belum lunas", "Oldest unpaid";
    Days => "hari", "days";
    Repayment => "Bayar kasbon", "Repayment";
    PaidOff => "Lunas", "All";
    RecordRepayment => "Bayar kasbon", "Record repayment";
    Statement => "Rekening", "Statement";
    PrintStatement => "Cetak rekening", "Print statement";
    ZeroLimitHint => "Batas kasbon (Rp; 0 = hanya dengan PIN)", "Credit limit (Rp; 0 = only with the PIN)";
    PinGivesCredit => "PIN manajer (memberi kasbon)", "Manager PIN (gives credit)";
    Expenses => "Pengeluaran", "Expenses";
    FromTheDrawer => " · dari laci", " · from the drawer";
    NoExpensesYet => "Belum ada pengeluaran (F6).", "No expenses yet (F6).";
    Recorded => "tercatat.", "recorded.";
    KasbonRepaid => "Bayar kasbon", "Kasbon repaid";
    Expense => "+ Pengeluaran", "+ Expense";
    WriteAnExpense => "Catat pengeluaran", "Write an expense";
    PaidOutOfTheDrawer => "Dibayar dari uang di laci", "Paid out of the drawer";
    ExpensePinHint => "PIN manajer (di atas batas pengeluaran laci)", "Manager PIN (above the drawer expense limit)";
    SalesWithACost => "Penjualan ber-HPP", "Sales with a cost";
    CostOfGoods => "HPP", "Cost of goods";
    GrossProfit => "Laba kotor", "Gross profit";
    ThisDay => "Hari ini", "This day";
    ThisMonthToThisDay => "Bulan ini s/d hari ini", "This month to this day";
    ProfitByProductThisMonth => "Laba per produk (bulan ini)", "Profit by product (this month)";
    WithoutACostNotCounted => "Tanpa HPP (tidak dihitung):", "Without a cost (not counted):";
    KasbonRepaidInCash => "Bayar kasbon tunai", "Kasbon repaid in cash";
    ExpensesFromTheDrawer => "Pengeluaran dari laci", "Expenses from the drawer";
    // The month's books (SAK EMKM)
    BooksFromTheDrawer => "Belanja, prive, setoran dari laci", "Goods, drawings, deposits from the drawer";
    MonthBooks => "Laporan keuangan bulan ini (SAK EMKM)", "This month's statements (SAK EMKM)";
    PrintMonth => "Cetak laporan bulan", "Print the month";
    WriteBooks => "+ Catat buku", "+ Books entry";
    BooksForm => "Catat buku bulanan", "Write a books entry";
    Position => "Posisi keuangan", "Financial position";
    IncomeStatement => "Laba rugi", "Income statement";
    YearToDate => "Sejak Januari", "Year to date";
    BooksOpening => "Saldo awal", "Opening balances";
    BooksAsset => "Aset tetap", "Fixed asset";
    BooksLoan => "Pinjaman bank", "Bank loan";
    BooksInstalment => "Angsuran pinjaman", "Loan instalment";
    BooksDrawing => "Prive", "Owner's drawing";
    BooksDeposit => "Setoran ke bank", "Cash to the bank";
    BooksSupplier => "Bayar pemasok", "Pay a supplier";
    FieldDate => "Tanggal TTTT-BB-HH (kosong: hari ini)", "Date YYYY-MM-DD (empty: today)";
    FieldCash => "Kas (Rp)", "Cash (Rp)";
    FieldBank => "Bank (Rp)", "Bank (Rp)";
    FieldEquity => "Modal (Rp, kosong: semua aset)", "Equity (Rp, empty: all assets)";
    FieldAssetName => "Nama aset", "Asset name";
    FieldCost => "Harga perolehan (Rp)", "Cost (Rp)";
    FieldLife => "Umur (bulan)", "Life (months)";
    FieldLender => "Pemberi pinjaman", "Lender";
    FieldLoan => "Kode pinjaman (PJ-1)", "Loan code (PJ-1)";
    FieldPrincipal => "Pokok (Rp)", "Principal (Rp)";
    FieldInterest => "Bunga (Rp)", "Interest (Rp)";
    FieldAmount => "Jumlah (Rp)", "Amount (Rp)";
    FieldNote => "Catatan (boleh kosong)", "Note (optional)";
    FieldPin => "PIN manajer", "Manager PIN";
    FieldPinReplace => "PIN manajer (bila mengganti saldo awal)", "Manager PIN (when replacing opening balances)";
    FromCash => "Dari kas tunai (bukan bank)", "From cash (not the bank)";
    PaidWith => "Dibayar dengan", "Paid with";
    PaidAsSet => "seperti pengaturan", "as set";
    BooksSaved => "Catatan buku tersimpan.", "Books entry saved.";
    NoBooksYet => "Belum ada catatan bulan ini.", "Nothing recorded this month yet.";
}

/// A payment method's name on screen.
pub fn method_name(method: PaymentMethod, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => method.label(),
        Lang::En => method_english(method),
    }
}

/// A payment method's name on a narrow button: "Kartu", not "Kartu debit".
pub fn method_short(method: PaymentMethod, lang: Lang) -> &'static str {
    match (method, lang) {
        (PaymentMethod::Card, Lang::Id) => "Kartu",
        (PaymentMethod::Card, Lang::En) => "Card",
        (other, _) => method_name(other, lang),
    }
}

/// A payment method's name from its key (`cash`, `qris` …).
pub fn method_key_name(key: &str, lang: Lang) -> Option<&'static str> {
    PaymentMethod::parse(key).ok().map(|m| method_name(m, lang))
}

/// A kind of stock movement on screen.
pub fn movement_name(kind: MovementKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (MovementKind::Receive, Lang::Id) => "terima barang",
        (MovementKind::Receive, Lang::En) => "received",
        (MovementKind::Adjust, Lang::Id) => "penyesuaian",
        (MovementKind::Adjust, Lang::En) => "adjustment",
        (MovementKind::Count, Lang::Id) => "stok opname",
        (MovementKind::Count, Lang::En) => "stock count",
        (MovementKind::Sale, Lang::Id) => "penjualan",
        (MovementKind::Sale, Lang::En) => "sale",
        (MovementKind::Void, Lang::Id) => "batal",
        (MovementKind::Void, Lang::En) => "void",
        (MovementKind::Return, Lang::Id) => "retur",
        (MovementKind::Return, Lang::En) => "return",
        (MovementKind::ConsignIn, Lang::Id) => "terima titipan",
        (MovementKind::ConsignIn, Lang::En) => "consignment in",
        (MovementKind::ConsignOut, Lang::Id) => "retur ke penitip",
        (MovementKind::ConsignOut, Lang::En) => "back to the producer",
    }
}

/// A note the program itself wrote on a ledger row, in the screen's
/// language; a person's note stays as they wrote it.
pub fn program_note(note: &str, lang: Lang) -> String {
    match (note, lang) {
        ("stok awal", Lang::En) => "opening stock".into(),
        ("stok awal dari impor CSV", Lang::En) => "opening stock from a CSV import".into(),
        // Titip jual: "terima titipan ST07-TT-20261127-01 (P001)".
        (note, Lang::En) if note.starts_with("terima titipan ") => {
            note.replacen("terima titipan", "consignment in", 1)
        }
        (note, Lang::En) if note.starts_with("retur ke penitip ") => {
            note.replacen("retur ke penitip", "back to the producer", 1)
        }
        (note, _) => note.to_string(),
    }
}

/// A sentence for the person, with its data, said in the screen's language
/// when it is drawn. The book's refusals travel typed in `Refused`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    Refused(Refusal),
    /// A manager accepted the PC's clock, earlier than the book's latest record.
    ClockAccepted(String),
    CartHeld,
    NoHeldCarts,
    UnknownCode(String),
    /// Codes of this cart that matched nothing (more than one).
    UnknownCodes(Vec<String>),
    /// `5*` and Enter with no line in the cart.
    NoLineForQuantity,
    /// Enter in the kasbon picker with no customer found.
    ChooseCustomerFirst,
    /// A day close asked for while Kasir's cart holds lines not paid.
    UnpaidCart(usize),
    /// Carts held in the book, under an empty cart.
    HeldWaiting(usize),
    /// An expense was written down.
    ExpenseRecorded {
        /// The category's name in Indonesian and in English.
        category: (&'static str, &'static str),
        amount: String,
    },
    /// The stored QRIS fails the EMV checks: (Indonesian, English) reason.
    QrisUnusable(String, String),
    /// A scan on a closed day: nothing can be sold until a manager reopens.
    ScanOnClosedDay,
    ReceiptSaved(String),
    Voided(String),
    TypeAmountFirst,
    PickRegency,
    /// A product goes into the cart with less stock than the cart holds.
    LowStock {
        name: String,
        stock: String,
        unit: &'static str,
    },
    /// The day is closed: no sale until it is reopened.
    DayIsClosed(String),
    /// The offer to round the total down to this amount.
    RoundTo(String),
    /// How many lines a sale or a held cart has.
    SaleLines(usize),
    /// A held cart, by the time it was held.
    HeldAt(String),
    /// Tutup kasir, asked once more, with the difference.
    ConfirmClose(String),
    ProductSaved {
        sku: String,
        name: String,
    },
    Received {
        sku: String,
        quantity: String,
        stock: String,
        unit: &'static str,
    },
    Adjusted {
        sku: String,
        quantity: String,
        stock: String,
        unit: &'static str,
    },
    Counted {
        sku: String,
        counted: String,
        difference: String,
        unit: &'static str,
    },
    CsvImported {
        path: String,
        added: usize,
        updated: usize,
        stock_unchanged: usize,
    },
    /// A closed day's export written again (F11 in Laporan).
    ExportWrittenAgain(String),
    CsvExported {
        count: usize,
        path: String,
    },
    DayClosed {
        day: String,
        difference: String,
        export: Option<Result<String, Refusal>>,
        backup_failed: Option<Refusal>,
    },
    ReportWritten(String),
    /// A books entry (saldo awal, aset, pinjaman…) was saved.
    BooksSaved,
    FilesImported {
        count: usize,
        days: Vec<String>,
    },
    FilesRejected {
        rejected: usize,
        total: usize,
        days: Vec<String>,
    },
    NothingToImport(String),
    CsvRowsWritten {
        rows: usize,
        path: String,
    },
    Saved,
    PinChanged,
    BackupWritten(String),
    Restored(String),
    /// A QRIS typed in Pengaturan that fails the EMV checks: (why, in
    /// Indonesian and in English).
    QrisNotUsed(String, String),
    /// The till's cart while paying shows its last lines: how many are above.
    LinesAbove(usize),
    /// A payment that needs the manager PIN: (why, in Indonesian and English).
    PinNeededFor(String, String),
    /// A close before the one shown, on a day reopened: (its number, when).
    EarlierClose(usize, String),
    /// What was counted at a close, and the selisih.
    CountedAndDifference(String, String),
    /// The layar pelanggan's cart shows its last lines: how many are above.
    ItemsBefore(usize),
    /// Part of a split payment paid already, on the layar pelanggan.
    PaidAlready(crate::money::Rupiah),
    /// The printer took the test page.
    TestPrinted(String),
    /// Label PDF written (and opened or printed as set).
    LabelsWritten {
        count: usize,
        path: String,
    },
    /// Products that got an in-store barcode.
    BarcodesGiven(usize),
    /// A scale label landed in the cart.
    FromScale {
        name: String,
        quantity: String,
        unit: &'static str,
    },
}

impl From<Refusal> for Say {
    fn from(refusal: Refusal) -> Say {
        Say::Refused(refusal)
    }
}

impl Say {
    pub fn say(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Say::Refused(refusal) => refusal.say(lang),
            Say::CartHeld if id => "Keranjang ditahan (F4 untuk melanjutkan).".into(),
            Say::CartHeld => "Cart held (F4 to resume).".into(),
            Say::NoHeldCarts if id => "Tidak ada keranjang yang ditahan.".into(),
            Say::NoHeldCarts => "No held carts.".into(),
            Say::UnknownCode(code) if id => format!("Kode \"{code}\" tidak dikenal."),
            Say::UnknownCode(code) => format!("Unknown code \"{code}\"."),
            Say::UnknownCodes(codes) if id => {
                format!("{} kode tidak dikenal: {}.", codes.len(), quoted(codes))
            }
            Say::UnknownCodes(codes) => {
                format!("{} unknown codes: {}.", codes.len(), quoted(codes))
            }
            Say::ExpenseRecorded { category, amount } if id => {
                format!("{} {amount} tercatat.", category.0)
            }
            Say::ExpenseRecorded { category, amount } => {
                format!("{} {amount} recorded.", category.1)
            }
            Say::HeldWaiting(count) if id => format!("{count} keranjang ditahan: F4 untuk melihat."),
            Say::HeldWaiting(count) => format!("{count} held carts: F4 to see them."),
            Say::UnpaidCart(lines) if id => format!(
                "Keranjang di Kasir berisi {lines} baris yang belum dibayar: selesaikan atau tahan (F4) dulu, lalu tutup hari."
            ),
            Say::UnpaidCart(lines) => format!(
                "Kasir's cart holds {lines} lines not paid yet: finish or hold it (F4) first, then close the day."
            ),
            Say::ChooseCustomerFirst if id => {
                "Belum ada pelanggan terpilih: ketik nama atau telepon, pilih dengan panah, Enter; pelanggan baru: Insert.".into()
            }
            Say::ChooseCustomerFirst => {
                "No customer chosen: type a name or phone, pick with the arrows, Enter; a new customer: Insert.".into()
            }
            Say::NoLineForQuantity if id => {
                "Belum ada baris di keranjang untuk diberi jumlah: pindai barangnya dulu.".into()
            }
            Say::NoLineForQuantity => {
                "No line in the cart to give a quantity: scan the item first.".into()
            }
            Say::QrisUnusable(why, _) if id => format!(
                "QRIS di Pengaturan tidak dipakai ({why}): struk dan kasir tanpa QRIS sampai diperbaiki."
            ),
            Say::QrisUnusable(_, why) => format!(
                "The QRIS in Settings is not used ({why}): no QRIS on the till or receipts until it is fixed."
            ),
            Say::ScanOnClosedDay if id => {
                "Hari sudah ditutup: barang tidak bisa dijual sampai manajer membuka lagi hari ini."
                    .into()
            }
            Say::ScanOnClosedDay => {
                "The day is closed: nothing can be sold until a manager reopens it.".into()
            }
            Say::ReceiptSaved(receipt) if id => format!("Struk {receipt} tersimpan."),
            Say::ReceiptSaved(receipt) => format!("Receipt {receipt} saved."),
            Say::Voided(receipt) if id => format!("Nota {receipt} dibatalkan."),
            Say::Voided(receipt) => format!("Receipt {receipt} voided."),
            Say::TypeAmountFirst if id => "ketik jumlahnya dulu".into(),
            Say::TypeAmountFirst => "type the amount first".into(),
            Say::PickRegency if id => "pilih kabupaten/kota asal".into(),
            Say::PickRegency => "pick the regency of origin".into(),
            Say::LowStock { name, stock, unit } if id => {
                format!("Stok {name} tinggal {stock} {unit}; barang tetap masuk keranjang.")
            }
            Say::LowStock { name, stock, unit } => {
                format!("Only {stock} {unit} of {name} in stock; it is in the cart all the same.")
            }
            Say::DayIsClosed(day) if id => format!("Hari {day} sudah ditutup."),
            Say::DayIsClosed(day) => format!("The day {day} is closed."),
            Say::RoundTo(total) if id => format!("Bulatkan total ke {total}"),
            Say::RoundTo(total) => format!("Round the total to {total}"),
            Say::SaleLines(1) if id => "1 baris barang".into(),
            Say::SaleLines(1) => "1 line".into(),
            Say::SaleLines(count) if id => format!("{count} baris barang"),
            Say::SaleLines(count) => format!("{count} lines"),
            Say::HeldAt(time) if id => format!("Ditahan {time}"),
            Say::HeldAt(time) => format!("Held at {time}"),
            Say::ConfirmClose(difference) if id => format!(
                "Tutup kasir sekarang? Selisih {difference}. Setelah ditutup, penjualan baru perlu PIN manajer."
            ),
            Say::ConfirmClose(difference) => format!(
                "Close the day now? Difference {difference}. Once closed, new sales need the manager PIN."
            ),
            Say::ProductSaved { sku, name } if id => format!("{sku} {name} tersimpan."),
            Say::ProductSaved { sku, name } => format!("{sku} {name} saved."),
            Say::Received {
                sku,
                quantity,
                stock,
                unit,
            } if id => format!("{sku}: diterima {quantity} {unit}, stok sekarang {stock} {unit}."),
            Say::Received {
                sku,
                quantity,
                stock,
                unit,
            } => format!("{sku}: received {quantity} {unit}, stock now {stock} {unit}."),
            Say::Adjusted {
                sku,
                quantity,
                stock,
                unit,
            } if id => {
                format!("{sku}: disesuaikan {quantity} {unit}, stok sekarang {stock} {unit}.")
            }
            Say::Adjusted {
                sku,
                quantity,
                stock,
                unit,
            } => format!("{sku}: adjusted by {quantity} {unit}, stock now {stock} {unit}."),
            Say::Counted {
                sku,
                counted,
                difference,
                unit,
            } if id => {
                format!("{sku}: dihitung {counted} {unit}, selisih {difference} {unit}.")
            }
            Say::Counted {
                sku,
                counted,
                difference,
                unit,
            } => format!("{sku}: counted {counted} {unit}, difference {difference} {unit}."),
            Say::CsvImported {
                path,
                added,
                updated,
                stock_unchanged,
            } if id => {
                let kept = if *stock_unchanged > 0 {
                    format!(
                        " Stok {stock_unchanged} produk yang sudah ada tidak diubah dari berkas: pakai stok opname."
                    )
                } else {
                    String::new()
                };
                format!("Impor {path}: {added} produk baru, {updated} diperbarui.{kept}")
            }
            Say::CsvImported {
                path,
                added,
                updated,
                stock_unchanged,
            } => {
                let kept = if *stock_unchanged > 0 {
                    format!(
                        " The stock of {stock_unchanged} existing products was not changed from the file: use a stock count."
                    )
                } else {
                    String::new()
                };
                format!("Imported {path}: {added} new, {updated} updated.{kept}")
            }
            Say::ExportWrittenAgain(path) if id => {
                format!("Hari ini sudah ditutup; berkas ekspor yang belum tertulis kini ditulis: {path}")
            }
            Say::ExportWrittenAgain(path) => {
                format!("Today is closed already; the export file it had not written is written now: {path}")
            }
            Say::CsvExported { count, path } if id => format!("{count} produk diekspor ke {path}."),
            Say::CsvExported { count, path } => format!("{count} products exported to {path}."),
            Say::DayClosed {
                day,
                difference,
                export,
                backup_failed,
            } => {
                let mut text = if id {
                    format!("Hari {day} ditutup. Selisih {difference}.")
                } else {
                    format!("Day {day} closed. Difference {difference}.")
                };
                text.push_str(&match (export, id) {
                    (Some(Ok(path)), true) => format!(" Berkas untuk kantor: {path}"),
                    (Some(Ok(path)), false) => format!(" File for the office: {path}"),
                    (Some(Err(error)), true) => format!(" Ekspor gagal: {}", error.say(lang)),
                    (Some(Err(error)), false) => format!(" Export failed: {}", error.say(lang)),
                    (None, true) => {
                        " Atur folder ekspor di Pengaturan untuk menulis berkas kantor.".into()
                    }
                    (None, false) => {
                        " Set an export folder in Settings to write the office's file.".into()
                    }
                });
                if let Some(error) = backup_failed {
                    text.push_str(&if id {
                        format!(" Cadangan harian gagal: {}", error.say(lang))
                    } else {
                        format!(" The day's backup failed: {}", error.say(lang))
                    });
                }
                text
            }
            Say::BooksSaved => T::BooksSaved.get(lang).to_string(),
            Say::ReportWritten(path) if id => format!("Laporan PDF: {path}"),
            Say::ReportWritten(path) => format!("Report PDF: {path}"),
            Say::FilesImported { count, days } if id => {
                format!("{count} berkas diimpor.{}", days_said(days, lang))
            }
            Say::FilesImported { count, days } => {
                format!(
                    "{} imported.{}",
                    en_count(*count as i64, "file", "files"),
                    days_said(days, lang)
                )
            }
            Say::FilesRejected {
                rejected,
                total,
                days,
            } if id => {
                format!(
                    "{rejected} dari {total} berkas ditolak.{}",
                    days_said(days, lang)
                )
            }
            Say::FilesRejected {
                rejected,
                total,
                days,
            } => format!(
                "{rejected} of {} refused.{}",
                en_count(*total as i64, "file", "files"),
                days_said(days, lang)
            ),
            Say::NothingToImport(path) if id => format!("Tidak ada berkas .sentra di {path}."),
            Say::NothingToImport(path) => format!("No .sentra files in {path}."),
            Say::CsvRowsWritten { rows, path } if id => format!("{rows} baris ditulis ke {path}"),
            Say::CsvRowsWritten { rows, path } => format!(
                "{} written to {path}",
                en_count(*rows as i64, "row", "rows")
            ),
            Say::Saved => T::Saved.get(lang).into(),
            Say::PinChanged if id => "PIN manajer diganti.".into(),
            Say::PinChanged => "Manager PIN changed.".into(),
            Say::BackupWritten(path) if id => format!("Cadangan tersimpan: {path}"),
            Say::BackupWritten(path) => format!("Backup saved: {path}"),
            Say::QrisNotUsed(why, _) if id => format!("QRIS tidak dipakai: {why}"),
            Say::QrisNotUsed(_, why) => format!("QRIS not used: {why}"),
            Say::LinesAbove(hidden) if id => format!("{hidden} baris lain di atas (Esc untuk melihat)"),
            Say::LinesAbove(hidden) => format!(
                "{} above (Esc to see them)",
                en_count(*hidden as i64, "more line", "more lines")
            ),
            Say::PinNeededFor(why, _) if id => format!("Perlu PIN manajer: {why}"),
            Say::PinNeededFor(_, why) => format!("Manager PIN needed: {why}"),
            Say::EarlierClose(n, at) if id => format!("Tutup kasir {n} ({at}), dibuka kembali"),
            Say::EarlierClose(n, at) => format!("Day close {n} ({at}), reopened"),
            Say::CountedAndDifference(counted, difference) if id => {
                format!("dihitung {counted} · selisih {difference}")
            }
            Say::CountedAndDifference(counted, difference) => {
                format!("counted {counted} · difference {difference}")
            }
            Say::ItemsBefore(skip) if id => format!("… dan {skip} barang sebelumnya"),
            Say::ItemsBefore(skip) => format!("… and {skip} items before"),
            Say::PaidAlready(paid) if id => format!("Sudah dibayar {paid}"),
            Say::PaidAlready(paid) => format!("Paid already {paid}"),
            Say::Restored(kept) if id => {
                format!("Buku dipulihkan. Buku sebelumnya disimpan di {kept}.")
            }
            Say::Restored(kept) => format!("Book restored. The previous book is kept at {kept}."),
            Say::ClockAccepted(latest) if id => format!(
                "Jam komputer diterima dan dicatat (catatan terakhir {latest}); penjualan bisa dilanjutkan."
            ),
            Say::ClockAccepted(latest) => format!(
                "The PC's clock is accepted and recorded (latest record {latest}); sales can go on."
            ),
            Say::TestPrinted(printer) if id => format!("Halaman tes dikirim ke {printer}."),
            Say::TestPrinted(printer) => format!("Test page sent to {printer}."),
            Say::LabelsWritten { count, path } if id => format!("{count} label ditulis: {path}"),
            Say::LabelsWritten { count, path } => format!("{count} labels written: {path}"),
            Say::BarcodesGiven(count) if id => format!("{count} produk mendapat barcode toko."),
            Say::BarcodesGiven(count) => format!("{count} products got a store barcode."),
            Say::FromScale {
                name,
                quantity,
                unit,
            } if id => format!("Dari timbangan: {name} {quantity} {unit}."),
            Say::FromScale {
                name,
                quantity,
                unit,
            } => format!("From the scale: {name} {quantity} {unit}."),
        }
    }
}

/// The days an import carried, and the one shown: ` Hari 2026-11-25,
/// 2026-11-26; menampilkan 2026-11-26.`
fn days_said(days: &[String], lang: Lang) -> String {
    let Some(latest) = days.last() else {
        return String::new();
    };
    let span = days_span(days, lang);
    match lang {
        Lang::Id => format!(" Hari: {span}; menampilkan {latest}."),
        Lang::En => format!(" Days: {span}; showing {latest}."),
    }
}

/// Days in a line that fits: all of them when few, else the first and the
/// last and how many.
pub fn days_span(days: &[String], lang: Lang) -> String {
    match days {
        [first, .., last] if days.len() > 3 => {
            let n = days.len();
            match lang {
                Lang::Id => format!("{first} s/d {last}, {n} hari"),
                Lang::En => format!("{first} to {last}, {n} days"),
            }
        }
        _ => days.join(", "),
    }
}

/// `n` things in English, one or many: "1 file", "2 files".
pub fn en_count(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Codes in quotes, separated by commas.
fn quoted(codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| format!("\"{code}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
