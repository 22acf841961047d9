//! The stall's book: one SQLite file per PC, owned by one process at a time.
//!
//! Every write is one immediate transaction, so a sale (its lines, payments,
//! ledger rows and sequence number) is on disk whole or not at all.

mod backup;
mod barcodes;
mod bulk;
mod consign;
mod customers;
mod days;
mod error;
mod events;
mod expenses;
pub mod files;
mod held;
mod kasbon;
mod lock;
pub mod migrate;
mod money_events;
pub mod output_path;
mod pin;
#[cfg(test)]
pub(crate) mod plans;
mod prices;
mod product_csv;
mod products;
mod profit;
mod records;
mod registers;
mod reports;
mod returns;
mod sales;
mod scale;
pub(crate) mod sequence;
mod setting_key;
mod settings;
pub mod spreadsheet;
mod stall;
mod stock;
pub mod table;
mod voids;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use time::UtcOffset;

pub use backup::{RestoreError, RestoreSummary};
pub use consign::{
    Consignment, HandoverItem, HandoverKind, HandoverLine, HandoverNote, NewProducer, Payout,
    Producer, ProducerBalance, ProducerStatement, StatementProduct, records_for_sales,
};
pub use customers::{Customer, CustomerBalance, NewCustomer};
pub use days::{Day, DayCloseRecord};
pub use error::{StoreError, book_kind};
pub use events::BookEvent;
pub use expenses::{Expense, NewExpense};
pub use held::{HeldSale, ResumedCart};
pub use kasbon::{KasbonStatement, Repayment, StatementEntry, StatementKind};
pub use output_path::OutputPathError;
pub use product_csv::{CsvImportSummary, CsvProblem};
pub use products::{DEFAULT_CATEGORY, NewProduct, Product, ProductFilter, ProductOrder};
pub use profit::{PeriodProfit, ProductProfit, ProfitReport};
pub use records::{BookRecords, price_row};
pub use registers::{Asset, Loan, MoneyMove, Opening, RegisterRecord};
pub use reports::{Correction, DayReport, MethodTotal, PphEstimate, ProductTotal};
pub use returns::{ReturnItem, ReturnRecord};
pub use sales::{CompletedSale, Credit, SaleItem, SaleRequest, SoldLine};
pub use scale::ScaleScan;
pub use setting_key::Key as SettingKey;
pub use settings::{SettingProblem, Settings, label as setting_label};
pub use stall::{Identity, Kind};
pub use stock::{MovementKind, StockMovement};
pub use voids::VoidRecord;

/// The book's file name inside the data folder.
pub const DATABASE_FILE: &str = "sentra.db";

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open book. Holds the data folder's lock for as long as it lives.
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    offset: UtcOffset,
    /// Identity and settings, read once: every sale needs them, and only
    /// this process can change them (it holds the folder's lock).
    cache: std::cell::RefCell<Cache>,
    _lock: lock::FolderLock,
}

#[derive(Default)]
struct Cache {
    identity: Option<Identity>,
    settings: Option<Settings>,
}

impl Store {
    /// Opens (creating if needed) the book in `dir`: takes the folder's lock,
    /// sets the pragmas and brings the schema up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::folder(dir, e))?;
        let lock = lock::FolderLock::acquire(dir)?;
        let conn =
            Connection::open(dir.join(DATABASE_FILE)).map_err(|e| StoreError::open(dir, e))?;
        configure(&conn).map_err(|e| StoreError::open(dir, e))?;
        let mut store = Store {
            conn,
            dir: dir.to_path_buf(),
            offset: crate::clock::WIB,
            cache: Default::default(),
            _lock: lock,
        };
        migrate::migrate(&mut store.conn)?;
        store.offset = store.settings()?.utc_offset;
        Ok(store)
    }

    /// The stall's UTC offset (WIB by default).
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }

    /// Forgets what was read once, after a change of identity, settings or
    /// the whole book.
    fn forget(&self) {
        *self.cache.borrow_mut() = Cache::default();
    }

    /// The data folder this book lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Direct read access to the connection, for reports and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one immediate transaction: all of it lands, or none.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write_with(work)
    }

    /// [`Store::write`] for work whose errors are not the book's own (the
    /// office import's refusals): an error rolls everything back all the same.
    pub(crate) fn write_with<T, E: From<rusqlite::Error>>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Durability first: WAL with a full sync on every commit, so a sale whose
/// receipt number was shown survives the power going off.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Room for every statement a working day repeats (a sale alone keeps
    // seven, the stock screen, the till's search and the reports more),
    // so none is parsed again because another pushed it out.
    conn.set_prepared_statement_cache_capacity(128);
    // Plans that do not depend on the values bound. Without this, SQLite
    // marks any statement with `column = ?` or `LIMIT ?` to be planned
    // again when its values change, and the statement cache clears a
    // statement's values each time it is put back: every cached statement
    // was parsed and planned again on every use (a tenth of a sale's time,
    // measured). The book has no statistics (no ANALYZE) and no LIKE prefix
    // to gain from the values, so no plan is lost.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}
