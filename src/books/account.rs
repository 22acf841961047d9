//! The accounts the statements are made of. A debit is a positive amount, a
//! credit a negative one, so every entry's lines sum to zero.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Account {
    /// Kas: the drawer and petty cash.
    Cash,
    /// Bank: the stall's account, where QRIS, transfer and card money lands.
    Bank,
    /// Piutang usaha: kasbon not yet paid back.
    Receivables,
    /// Persediaan: the stall's own goods at cost (consigned goods are not).
    Inventory,
    /// Aset tetap at cost.
    FixedAssets,
    /// Akumulasi penyusutan (a contra asset, credit balance).
    AccumulatedDepreciation,
    /// Utang usaha: goods bought on the supplier's credit.
    PayableSuppliers,
    /// Utang kepada penitip: consigned sales owed to producers.
    PayableProducers,
    /// Utang bank: loan principal outstanding.
    BankLoans,
    /// Modal awal: the opening balances' equity.
    OpeningEquity,
    /// Tambahan modal: the owner paying for the stall from their own pocket.
    CapitalPaidIn,
    /// Prive: the owner's drawings.
    Drawings,
    /// Pendapatan: sales of the stall's own goods.
    Revenue,
    /// Pendapatan komisi: the stall's share of consigned sales.
    Commission,
    /// Harga pokok penjualan.
    CostOfGoods,
    /// Beban usaha: pengeluaran and fees.
    Expenses,
    /// Beban penyusutan.
    Depreciation,
    /// Beban bunga.
    Interest,
    /// Beban pajak.
    Tax,
}

impl Account {
    /// True for the accounts of the laba rugi, closed into profit.
    pub fn is_income_statement(self) -> bool {
        matches!(
            self,
            Account::Revenue
                | Account::Commission
                | Account::CostOfGoods
                | Account::Expenses
                | Account::Depreciation
                | Account::Interest
                | Account::Tax
        )
    }
}
