//! Writing a stall's export: every record since the last export, sealed and
//! signed, written so that a pulled USB stick never leaves half a file under
//! the real name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;
use uuid::Uuid;

use super::SyncError;
use super::file::{seal, to_hex};
use super::format::*;
use crate::clock;
use crate::store::Store;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportSummary {
    pub path: PathBuf,
    pub from: i64,
    pub to: i64,
    pub records: usize,
}

/// The highest sequence number already exported (0 for none).
pub fn last_exported(store: &Store) -> Result<i64, SyncError> {
    Ok(store.last_exported()?)
}

/// Exports the records from `since` (default: after the last export) to the
/// newest into a new file in `out_dir`.
pub fn export(
    store: &mut Store,
    out_dir: &Path,
    since: Option<i64>,
    now: OffsetDateTime,
) -> Result<ExportSummary, SyncError> {
    let identity = store.require_stall()?;
    let last = last_exported(store)?;
    let newest = store.last_seq()?;
    let from = since.unwrap_or(last + 1).max(1);
    if from > newest {
        return Err(SyncError::NothingNew { last });
    }
    let key = store.signing_key()?;
    let records = store.records_between(from, newest)?;
    let (struk_key, struk_keyed_since) = store.struk_key()?;
    let content = ExportContent {
        export_id: Uuid::now_v7().to_string(),
        created_at: clock::stamp(now, store.offset()),
        stall: StallInfo {
            code: identity.stall_code().to_string(),
            name: identity.name.clone(),
            owner: identity.owner.clone(),
            regency: identity.regency.map(|r| r.code).unwrap_or_default(),
            regency_kemendagri: identity.regency.map(|r| r.kemendagri.into()),
            public_key: to_hex(key.verifying_key().as_bytes()),
            struk_key: Some(struk_key.to_hex()),
            struk_keyed_since: Some(struk_keyed_since),
        },
        sequence: SequenceRange { from, to: newest },
        products: Vec::new(),
        sales: records.sales,
        voids: records.voids,
        returns: records.returns,
        day_closes: records.day_closes,
        events: records.events,
        producers: store.producers()?.iter().map(|p| p.info()).collect(),
        consigned_lines: records.consigned_lines,
        payouts: records.payouts,
        repayments: records.repayments,
        expenses: records.expenses,
        prices: records.prices,
    };
    let content = with_products(content);
    let day = clock::business_day(now, store.offset());
    let name = format!(
        "sentra-{}-{:04}{:02}{:02}-{from:07}-{newest:07}.{EXTENSION}",
        content.stall.code,
        day.year(),
        u8::from(day.month()),
        day.day()
    );
    // The office's rules, checked before signing: a book edited behind the
    // program's back is caught here, not only at the office.
    super::content::check_content(&content, newest_day(&content, day))?;
    let path = write_atomically(out_dir, &name, &seal(&content, &key))?;
    // Marked as sent only once the file is whole under its real name.
    store.mark_exported(
        &content.export_id,
        &content.created_at,
        (from, newest),
        &name,
    )?;
    Ok(ExportSummary {
        path,
        from,
        to: newest,
        records: content.record_count(),
    })
}

/// The names and categories of the products sold in the file.
pub fn with_products(mut content: ExportContent) -> ExportContent {
    let mut products = BTreeMap::new();
    for line in content.sales.iter().flat_map(|s| &s.lines) {
        products
            .entry(line.sku.clone())
            .or_insert_with(|| ProductInfo {
                sku: line.sku.clone(),
                name: line.name.clone(),
                category: line.category.clone(),
                unit: line.unit.clone(),
            });
    }
    content.products = products.into_values().collect();
    content
}

/// Makes sure `dir` exists and takes files, before anything is committed to.
/// A missing folder is not made: an unplugged USB stick's mount point must
/// not quietly become a folder on the PC's own disk.
pub fn check_writable(dir: &Path) -> Result<(), SyncError> {
    let io = |source| SyncError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(SyncError::NoFolder(dir.to_path_buf()));
    }
    crate::store::files::check_writable(&dir.join(".sentra-probe")).map_err(io)
}

/// Writes `bytes` to `dir/name` through a temporary name: flushed to the
/// disk, then renamed, so the real name only ever holds a whole file.
pub fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, SyncError> {
    let io = |path: &Path, source: std::io::Error| SyncError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(SyncError::NoFolder(dir.to_path_buf()));
    }
    let target = dir.join(name);
    crate::store::files::write_whole(&target, bytes).map_err(|e| io(&target, e))?;
    Ok(target)
}

/// The latest day the stall's own check of a file allows: today, or a later
/// day the book already holds (a record or the struk key's start made while
/// the PC's clock ran ahead, before a manager accepted it set back). The
/// office bounds the file by its own clock, whatever the stall's says.
fn newest_day(content: &ExportContent, today: time::Date) -> time::Date {
    let parse = |day: &str| clock::parse_day(day.get(..10)?);
    content
        .sequence_days()
        .map(|(_, day)| day)
        .chain(content.stall.struk_keyed_since.as_deref())
        .filter_map(parse)
        .fold(today, time::Date::max)
}
