//! What the records say happened to money, one event per record (or per
//! month, for depreciation). The store reads them from the book
//! (`Store::money_events`); `books::journal` turns each into a balanced
//! entry. Here, below both, so that neither names the other's types.

use serde::Serialize;
use time::Date;

use crate::money::Rupiah;

/// Where money came from or went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Purse {
    /// Kas: the drawer (and any cash kept apart from it).
    Cash,
    /// The stall's bank account.
    Bank,
}

/// How goods or an asset bought were paid (`--paid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Paid {
    #[default]
    Drawer,
    Bank,
    /// On the supplier's credit: utang usaha.
    Credit,
    /// From the owner's own pocket: capital added.
    Owner,
}

impl Paid {
    pub const ALL: [Paid; 4] = [Paid::Drawer, Paid::Bank, Paid::Credit, Paid::Owner];

    pub fn parse(text: &str) -> Option<Paid> {
        match text {
            "drawer" => Some(Paid::Drawer),
            "bank" => Some(Paid::Bank),
            "credit" => Some(Paid::Credit),
            "owner" => Some(Paid::Owner),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paid::Drawer => "drawer",
            Paid::Bank => "bank",
            Paid::Credit => "credit",
            Paid::Owner => "owner",
        }
    }

    /// The word on screen and paper.
    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (Paid::Drawer, false) => "kas (tunai)",
            (Paid::Drawer, true) => "cash",
            (Paid::Bank, false) => "bank",
            (Paid::Bank, true) => "bank",
            (Paid::Credit, false) => "utang ke pemasok",
            (Paid::Credit, true) => "supplier's credit",
            (Paid::Owner, false) => "uang pemilik",
            (Paid::Owner, true) => "owner's money",
        }
    }
}

impl Purse {
    pub fn key(self) -> &'static str {
        match self {
            Purse::Cash => "cash",
            Purse::Bank => "bank",
        }
    }

    pub fn from_key(key: &str) -> Option<Purse> {
        match key {
            "cash" => Some(Purse::Cash),
            "bank" => Some(Purse::Bank),
            _ => None,
        }
    }
}

/// A sale's money, split the way the books need it. Paid in
/// (`cash + bank + receivable`) equals earned and owed
/// (`own + commission + owed`); `cost` is the own goods' cost then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SaleMoney {
    pub cash: Rupiah,
    pub bank: Rupiah,
    /// Paid by kasbon.
    pub receivable: Rupiah,
    /// The stall's own goods, as the buyer paid for them (tax included).
    pub own: Rupiah,
    /// The stall's commission on consigned goods.
    pub commission: Rupiah,
    /// What the consigned goods owe their producers.
    pub owed: Rupiah,
    /// The own goods' cost at the time of sale (HPP).
    pub cost: Rupiah,
}

/// One thing the records say happened, on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Saldo awal: the books start here. Inventory is the stock at cost then;
    /// equity left out is what the assets are worth.
    Opening {
        date: Date,
        cash: Rupiah,
        bank: Rupiah,
        inventory: Rupiah,
        equity: Rupiah,
    },
    /// Goods received at cost, paid somehow.
    Purchase {
        date: Date,
        cost: Rupiah,
        paid: Paid,
    },
    Sale {
        date: Date,
        money: SaleMoney,
    },
    /// A sale cancelled: its whole entry reversed.
    Void {
        date: Date,
        money: SaleMoney,
    },
    /// Part of a sale taken back: that part reversed.
    Return {
        date: Date,
        money: SaleMoney,
    },
    /// Bayar penitip.
    Payout {
        date: Date,
        amount: Rupiah,
        from: Purse,
    },
    /// Bayar kasbon.
    Repayment {
        date: Date,
        amount: Rupiah,
        into: Purse,
    },
    /// Pengeluaran.
    Expense {
        date: Date,
        amount: Rupiah,
        from: Purse,
    },
    /// The centre's fee paid by the stall.
    Fee {
        date: Date,
        amount: Rupiah,
        from: Purse,
    },
    /// A fixed asset bought; depreciated straight-line over its life.
    Asset {
        date: Date,
        cost: Rupiah,
        life_months: u32,
        paid: Paid,
    },
    /// A month's straight-line depreciation of the assets.
    Depreciation {
        date: Date,
        amount: Rupiah,
    },
    /// A bank loan paid into the bank account.
    Loan {
        date: Date,
        amount: Rupiah,
    },
    /// An instalment from the bank account: principal and interest.
    LoanPayment {
        date: Date,
        principal: Rupiah,
        interest: Rupiah,
    },
    /// Prive.
    Drawing {
        date: Date,
        amount: Rupiah,
        from: Purse,
    },
    /// Setoran: cash taken to the bank.
    Deposit {
        date: Date,
        amount: Rupiah,
    },
    /// Utang usaha paid to a supplier.
    SupplierPaid {
        date: Date,
        amount: Rupiah,
        from: Purse,
    },
    /// Own goods lost, damaged or found at a count, at cost: positive when
    /// stock went down (a cost), negative when it went up.
    StockChange {
        date: Date,
        amount: Rupiah,
    },
    /// Selisih kas at tutup kasir: positive when the drawer held less than
    /// expected (a cost), negative when it held more.
    CashShort {
        date: Date,
        amount: Rupiah,
    },
}

impl Event {
    pub fn date(&self) -> Date {
        match self {
            Event::Opening { date, .. }
            | Event::Purchase { date, .. }
            | Event::Sale { date, .. }
            | Event::Void { date, .. }
            | Event::Return { date, .. }
            | Event::Payout { date, .. }
            | Event::Repayment { date, .. }
            | Event::Expense { date, .. }
            | Event::Fee { date, .. }
            | Event::Asset { date, .. }
            | Event::Depreciation { date, .. }
            | Event::Loan { date, .. }
            | Event::LoanPayment { date, .. }
            | Event::Drawing { date, .. }
            | Event::Deposit { date, .. }
            | Event::SupplierPaid { date, .. }
            | Event::StockChange { date, .. }
            | Event::CashShort { date, .. } => *date,
        }
    }
}
