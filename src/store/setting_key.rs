//! The one list of the stall's settings: each key as the book and
//! `sentra settings set KEY` spell it, its name as a person reads it, and
//! whether a change needs the manager PIN. Everything else (reading the book,
//! the CLI's list, refusals, Pengaturan) matches on [`Key`], so a new setting
//! is added here and the compiler points at every place that must know it.

/// Declares [`Key`] and its table from one list.
macro_rules! keys {
    ($($key:ident = $name:literal, $id:literal, $en:literal, $guarded:literal;)*) => {
        /// A setting of the stall.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($key,)*
        }

        impl Key {
            /// Every key, in the order `sentra settings` lists them.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// As the book and the CLI spell it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$key => $name,)*
                }
            }

            /// As a person reads it: (Indonesian, English). Refusals name
            /// the setting, not the book's key.
            pub fn label(self) -> (&'static str, &'static str) {
                match self {
                    $(Key::$key => ($id, $en),)*
                }
            }

            /// Loosens a PIN's guard, moves the stall's clock (and with it
            /// every business day) or sends the buyers' QRIS money elsewhere:
            /// a change needs the manager PIN.
            pub fn guarded(self) -> bool {
                match self {
                    $(Key::$key => $guarded,)*
                }
            }
        }
    };
}

keys! {
    TaxMode = "tax_mode", "cara pajak", "tax mode", false;
    TaxRate = "tax_rate", "tarif PPN", "VAT rate", false;
    PphRate = "pph_rate", "tarif PPh final", "final income tax rate", false;
    PphFreeTurnover = "pph_free_turnover", "omzet bebas PPh", "income-tax-free turnover", false;
    PphTaxpayer = "pph_taxpayer", "jenis wajib pajak", "kind of taxpayer", false;
    ReceiptWidth = "receipt_width", "lebar struk", "receipt width", false;
    Language = "language", "bahasa", "language", false;
    UtcOffsetHours = "utc_offset_hours", "zona waktu", "time zone", true;
    ExportDir = "export_dir", "folder ekspor", "export folder", false;
    QrisPayload = "qris_payload", "kode QRIS", "QRIS code", true;
    QrisAmount = "qris_amount", "QRIS dengan jumlah", "QRIS with the amount", false;
    CustomerDisplay = "customer_display", "layar pelanggan", "customer display", false;
    CustomerLine = "customer_line", "tulisan layar pelanggan", "customer display line", false;
    CustomerDisplayAt = "customer_display_at", "letak layar pelanggan", "customer display position", false;
    ReceiptDelivery = "receipt_delivery", "cara struk diberikan", "receipt delivery", false;
    ScalePrefix = "scale_prefix", "awalan barcode timbangan", "scale barcode prefix", false;
    ScaleLayout = "scale_layout", "susunan barcode timbangan", "scale barcode layout", false;
    EscposPrinter = "escpos_printer", "printer struk", "receipt printer", false;
    PinExpenseOver = "pin_expense_over", "batas pengeluaran laci tanpa PIN", "drawer expense allowed without the PIN", true;
    PinDiscountPercent = "pin_discount_percent", "diskon yang perlu PIN (%)", "discount that needs the PIN (%)", true;
    PurchasePaid = "purchase_paid", "cara bayar barang masuk", "how goods received are paid", false;
}

impl Key {
    /// The key spelled `name`, if there is one.
    pub fn parse(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|key| key.name() == name)
    }

    /// Every key's name, for a refusal that lists them.
    pub fn names() -> String {
        Key::ALL
            .iter()
            .map(|key| key.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn every_key_is_spelled_once_and_read_back() {
        for key in Key::ALL {
            assert_eq!(Key::parse(key.name()), Some(*key));
        }
        let mut names: Vec<_> = Key::ALL.iter().map(|k| k.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Key::ALL.len());
        assert_eq!(Key::parse("tax"), None);
    }
}
