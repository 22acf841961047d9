//! Backups of the book, and restoring one (keeping the book it replaces).

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use rusqlite::backup::Backup;
use rusqlite::{Connection, MAIN_DB, OpenFlags, OptionalExtension, params};
use time::OffsetDateTime;

use super::migrate::{APPLICATION_ID, latest_version};
use super::output_path::{BACKUP_FOLDER, BEFORE_RESTORE};
use super::{DATABASE_FILE, Identity, Kind, Result, Store, StoreError};
use crate::domain::restore::{RESTORED, RestoreNote};

/// How many daily backups the data folder keeps.
pub const DAILY_BACKUPS_KEPT: usize = 14;

impl Store {
    /// The day's automatic backup into `backups/sentra-YYYY-MM-DD.db` in the
    /// data folder, once a day, keeping the newest fourteen. Returns the file
    /// written, or `None` when today's backup already exists.
    pub fn daily_backup(&self, now: OffsetDateTime) -> Result<Option<PathBuf>> {
        let folder = self.dir.join(BACKUP_FOLDER);
        std::fs::create_dir_all(&folder).map_err(|e| StoreError::folder(&folder, e))?;
        let path = folder.join(format!("sentra-{}.db", self.business_day(now)));
        if path.exists() {
            return Ok(None);
        }
        self.backup_to(&path)?;
        let mut daily: Vec<PathBuf> = std::fs::read_dir(&folder)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                name.starts_with("sentra-")
                    && name.ends_with(".db")
                    && name.len() == "sentra-YYYY-MM-DD.db".len()
            })
            .collect();
        // The names sort by date.
        daily.sort();
        let excess = daily.len().saturating_sub(DAILY_BACKUPS_KEPT);
        for old in &daily[..excess] {
            std::fs::remove_file(old)?;
        }
        Ok(Some(path))
    }

    /// Writes a consistent copy of the book to `target` (written to a
    /// temporary name first, so a pulled stick never holds half a backup).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.is_dir() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                format!(
                    "{} adalah folder, bukan nama berkas cadangan",
                    target.display()
                ),
            )));
        }
        // A fresh, empty file (random name, never a link) that VACUUM INTO
        // fills; removed whatever happens, so no copy of the book and its
        // key outlives the command.
        let (file, temporary) = super::files::create_fresh(target)?;
        drop(file);
        let written = (|| -> Result<()> {
            self.conn
                .execute("VACUUM INTO ?1", [temporary.to_string_lossy()])?;
            // Windows flushes only a file opened for writing.
            std::fs::OpenOptions::new()
                .write(true)
                .open(&temporary)?
                .sync_all()?;
            std::fs::rename(&temporary, target)?;
            Ok(())
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }

    /// Replaces the book with the backup `source` and returns where the
    /// replaced book was kept (`sentra.db.before-restore-…`, a new name every
    /// time).
    ///
    /// Refused unless: the manager PIN is right (a book not set up yet has
    /// nothing to protect and needs none); `source` is not the book itself;
    /// it is a whole Sentra book no newer than this program whose schema is
    /// exactly what this program's migrations make at its version (no
    /// append-only trigger dropped, nothing added or changed); it belongs to
    /// this same stall (code and key) or, on the office, to an office; and it
    /// does not end before this book's last record, unless `accept_loss`
    /// gives those records up. The restored book's sequence and each day's
    /// receipt numbers continue above everything this book ever numbered, so
    /// no printed number is used twice.
    pub fn restore_from(
        &mut self,
        source: &Path,
        pin: Option<&str>,
        accept_loss: bool,
        now: OffsetDateTime,
    ) -> Result<RestoreSummary> {
        // The file first: a wrong path must not spend a PIN try.
        if source.is_dir() {
            return Err(RestoreError::Folder(source.to_path_buf()).into());
        }
        if !source.is_file() {
            return Err(RestoreError::NoFile(source.to_path_buf()).into());
        }
        let ours = self.identity()?;
        if ours.is_some() {
            let pin = pin
                .filter(|p| !p.is_empty())
                .ok_or(RestoreError::PinRequired)?;
            self.verify_pin(pin, now)?;
        }
        if self.is_own_book(source)? {
            return Err(RestoreError::OwnBook(source.to_path_buf()).into());
        }
        // Everything is checked on a private copy, and the copy is what is
        // restored: the file cannot change between the checks and the restore.
        let staged = Staged::new(self.dir.join(format!("{DATABASE_FILE}.restoring")));
        let mut copy = staged.copy_of(source)?;
        let version = check_book(&copy, source)?;
        check_schema(&copy, version)?;
        check_owner(&copy, ours.as_ref())?;
        let theirs = last_sequence(&copy)?;
        let given_up = records_after(&self.conn, theirs)?;
        if let (Some(lost), false) = (given_up, accept_loss) {
            return Err(RestoreError::WouldLose {
                backup: theirs,
                count: lost.count,
                first: lost.first,
                last: lost.last,
            }
            .into());
        }
        super::migrate::migrate(&mut copy)?;
        // Each product's stock figure from the backup's own ledger: a figure
        // is not history, and one edited in the file must not come back.
        super::stock::refigure(&copy)?;
        carry_trail(&self.conn, &mut copy, theirs)?;
        carry_numbers(&self.conn, &mut copy)?;
        drop(copy);

        let kept = self.keep_current(now)?;
        self.conn
            .restore(MAIN_DB, &staged.0, None::<fn(rusqlite::backup::Progress)>)?;
        super::migrate::migrate(&mut self.conn)?;
        self.forget();
        self.offset = self.settings()?.utc_offset;
        self.record_restore(theirs, given_up, now)?;
        Ok(RestoreSummary {
            previous: kept,
            given_up,
        })
    }

    /// A stall's restore is an event the office must hear of: the records
    /// it gave up leave numbers no file will ever carry, and a struk of a
    /// given-up sale is checked against a book that no longer has it.
    fn record_restore(
        &mut self,
        backup_last: i64,
        given_up: Option<LostRecords>,
        now: OffsetDateTime,
    ) -> Result<()> {
        if !self.identity()?.is_some_and(|i| i.kind == Kind::Stall) {
            return Ok(());
        }
        let detail = RestoreNote {
            backup_last,
            given_up: given_up.map(|l| (l.first, l.last, l.count)),
        }
        .detail();
        let stamp = crate::clock::stamp(now, self.offset);
        let day = super::days::day_key(self.business_day(now));
        self.write(|tx| super::events::record(tx, RESTORED, &detail, &day, &stamp))
    }

    /// A copy of the book as it is, under a name no earlier restore used.
    fn keep_current(&self, now: OffsetDateTime) -> Result<PathBuf> {
        let stamp = now.unix_timestamp();
        let mut kept = self.dir.join(format!("{BEFORE_RESTORE}{stamp}"));
        let mut n = 1;
        while kept.exists() || temporary_name(&kept).exists() {
            n += 1;
            kept = self.dir.join(format!("{BEFORE_RESTORE}{stamp}-{n}"));
        }
        self.backup_to(&kept)?;
        Ok(kept)
    }
}

/// What a restore did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RestoreSummary {
    /// The replaced book, kept beside the new one.
    pub previous: PathBuf,
    /// The records of the replaced book after the backup's last one, given
    /// up with `accept_loss`.
    pub given_up: Option<LostRecords>,
}

/// A run of record sequence numbers a restore gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LostRecords {
    pub count: i64,
    pub first: i64,
    pub last: i64,
}

/// Why a backup is not restored.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("berkas cadangan {0} tidak ditemukan; periksa nama dan foldernya")]
    NoFile(PathBuf),
    #[error("{0} adalah folder; pilih berkas cadangan di dalamnya")]
    Folder(PathBuf),
    #[error("memulihkan buku perlu PIN manajer (--pin)")]
    PinRequired,
    #[error("{0} adalah buku yang sedang dipakai, bukan cadangan; pilih berkas cadangan")]
    OwnBook(PathBuf),
    #[error(
        "cadangan ini buku yang belum diatur sebagai toko atau kantor; tidak ada yang bisa dipulihkan"
    )]
    Empty,
    #[error(
        "cadangan ini milik {found}, sedangkan buku ini milik {ours}; hanya cadangan buku ini sendiri yang bisa dipulihkan"
    )]
    OtherOwner { found: String, ours: String },
    #[error(
        "cadangan toko {code} ini memakai kunci tanda tangan lain dari kunci toko {code} di buku ini; hanya cadangan toko ini sendiri (kode dan kunci yang sama) yang bisa dipulihkan"
    )]
    OtherKey { code: String },
    #[error(
        "susunan cadangan ini tidak sama dengan buku Sentra versi skema {version} ({differences}); cadangan yang diubah tidak dipulihkan"
    )]
    Schema { version: u32, differences: String },
    #[error(
        "cadangan ini berakhir di nomor urut {backup}, sedangkan buku ini berisi {count} catatan sesudahnya (nomor urut {first} sampai {last}) yang akan hilang; bila memang itu yang diinginkan, ulangi dengan --accept-loss dan PIN manajer"
    )]
    WouldLose {
        backup: i64,
        count: i64,
        first: i64,
        last: i64,
    },
}

/// The private copy a restore checks and then restores, removed whatever
/// happens.
struct Staged(PathBuf);

impl Staged {
    fn new(path: PathBuf) -> Staged {
        let staged = Staged(path);
        staged.remove();
        staged
    }

    /// Copies `source` (read only: the person's backup is never changed)
    /// into the staged file, through SQLite, so a backup still holding a
    /// `-wal` beside it is copied whole.
    fn copy_of(&self, source: &Path) -> Result<Connection> {
        let not_a_book = || StoreError::NotABook(source.to_path_buf());
        if !source.is_file() {
            return Err(not_a_book());
        }
        let from = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|_| not_a_book())?;
        let application_id: i32 = from
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|_| not_a_book())?;
        if application_id != APPLICATION_ID {
            return Err(not_a_book());
        }
        let mut copy = Connection::open(&self.0)?;
        Backup::new(&from, &mut copy)
            .and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None))
            .map_err(|_| not_a_book())?;
        Ok(copy)
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Refuses anything that is not a whole Sentra book, or one from a newer
/// program; returns its schema version.
fn check_book(conn: &Connection, source: &Path) -> Result<u32> {
    let not_a_book = || StoreError::NotABook(source.to_path_buf());
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_a_book())?;
    if application_id != APPLICATION_ID {
        return Err(not_a_book());
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > latest_version() {
        return Err(StoreError::TooNew {
            found: version,
            supported: latest_version(),
        });
    }
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| not_a_book())?;
    if ok != "ok" {
        return Err(not_a_book());
    }
    Ok(version)
}

/// The schema as `(type, name) → sql`, SQLite's own bookkeeping left out.
fn schema(conn: &Connection) -> Result<BTreeMap<(String, String), Option<String>>> {
    let mut statement = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )?;
    let rows = statement.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The backup's tables, indexes, triggers and views must be exactly what a
/// fresh book migrated to the same version has: a dropped append-only
/// trigger, or a trigger that changes figures, is found here.
fn check_schema(copy: &Connection, version: u32) -> Result<()> {
    let mut fresh = Connection::open_in_memory()?;
    super::migrate::migrate_to(&mut fresh, version)?;
    let expected = schema(&fresh)?;
    let found = schema(copy)?;
    let word = |kind: &str| match kind {
        "table" => "tabel".to_string(),
        "index" => "indeks".to_string(),
        other => other.to_string(),
    };
    let mut differences = Vec::new();
    for ((kind, name), sql) in &expected {
        match found.get(&(kind.clone(), name.clone())) {
            None => differences.push(format!("{} {name} hilang", word(kind))),
            Some(other) if other != sql => {
                differences.push(format!("{} {name} diubah", word(kind)))
            }
            Some(_) => {}
        }
    }
    for (kind, name) in found.keys() {
        if !expected.contains_key(&(kind.clone(), name.clone())) {
            differences.push(format!("{} {name} ditambahkan", word(kind)));
        }
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(RestoreError::Schema {
            version,
            differences: differences.join(", "),
        }
        .into())
    }
}

/// A stall takes only its own backups (same code, same key); the office
/// takes only an office's; a book not set up yet takes either.
fn check_owner(copy: &Connection, ours: Option<&Identity>) -> Result<()> {
    let theirs: Option<(String, Option<String>, Option<Vec<u8>>)> = copy
        .query_row(
            "SELECT kind, code, public_key FROM stall WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((kind, code, key)) = theirs else {
        return Err(RestoreError::Empty.into());
    };
    let Some(ours) = ours else {
        return Ok(());
    };
    let label = |kind: &str, code: Option<&str>| match kind {
        "stall" => format!("toko {}", code.unwrap_or("?")),
        _ => "kantor pengelola".to_string(),
    };
    let ours_kind = match ours.kind {
        Kind::Stall => "stall",
        Kind::Office => "office",
    };
    if kind != ours_kind || (ours.kind == Kind::Stall && code != ours.code) {
        return Err(RestoreError::OtherOwner {
            found: label(&kind, code.as_deref()),
            ours: label(ours_kind, ours.code.as_deref()),
        }
        .into());
    }
    if ours.kind == Kind::Stall && key.as_deref() != ours.public_key.as_ref().map(|k| &k[..]) {
        return Err(RestoreError::OtherKey {
            code: ours.stall_code().to_string(),
        }
        .into());
    }
    Ok(())
}

fn last_sequence(conn: &Connection) -> Result<i64> {
    super::sequence::last(conn)
}

/// The records of `book` numbered after `last` (those a restore of a backup
/// ending at `last` would lose): every table of records that carries the
/// stall's sequence number (`seq`), the office's copies left out.
fn records_after(book: &Connection, last: i64) -> Result<Option<LostRecords>> {
    let tables: Vec<String> = book
        .prepare(
            "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.name = 'seq' AND m.name NOT LIKE 'office\\_%' ESCAPE '\\'
             ORDER BY m.name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if tables.is_empty() {
        return Ok(None);
    }
    let union = tables
        .iter()
        .map(|t| {
            // The trail (a wrong PIN, an earlier restore) is no sale to
            // lose: it is carried over (and a wrong PIN typed into this very
            // restore must not block it).
            if t == "book_events" {
                format!("SELECT seq FROM \"{t}\" WHERE seq > ?1 AND kind NOT IN {TRAIL}")
            } else {
                format!("SELECT seq FROM \"{t}\" WHERE seq > ?1")
            }
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let (count, first, last): (i64, Option<i64>, Option<i64>) = book.query_row(
        &format!("SELECT COUNT(*), MIN(seq), MAX(seq) FROM ({union})"),
        [last],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(match (first, last) {
        (Some(first), Some(last)) if count > 0 => Some(LostRecords { count, first, last }),
        _ => None,
    })
}

/// The events a restore carries over into the restored book: what the
/// manager and the office must still hear of whatever the backup holds.
const TRAIL: &str = "('pin_wrong', 'pin_locked', 'restored')";

/// Into the (migrated) copy: the book's trail numbered after the backup's
/// last record, under its own numbers, so the office still gets it.
fn carry_trail(book: &Connection, copy: &mut Connection, after: i64) -> Result<()> {
    let tx = copy.transaction()?;
    {
        let mut read = book.prepare(&format!(
            "SELECT id, seq, day, created_at, kind, detail FROM book_events
             WHERE seq > ?1 AND kind IN {TRAIL} ORDER BY seq"
        ))?;
        let mut write = tx.prepare(
            "INSERT OR IGNORE INTO book_events (id, seq, day, created_at, kind, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut rows = read.query([after])?;
        while let Some(r) = rows.next()? {
            write.execute(params![
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Into the (migrated) copy: the sequence continues above the book's last
/// number, and each day's receipt numbers above the highest this book
/// printed (kept as a floor in `receipt_floor`), so nothing printed or sent
/// is numbered again.
fn carry_numbers(book: &Connection, copy: &mut Connection) -> Result<()> {
    let current = last_sequence(book)?;
    let printed: Vec<(String, i64)> = book
        .prepare(
            "SELECT day, MAX(n) FROM (SELECT day, number_in_day AS n FROM sales
                                      UNION ALL SELECT day, last_number FROM receipt_floor)
             GROUP BY day",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let tx = copy.transaction()?;
    tx.execute(
        "UPDATE record_sequence SET last = MAX(last, ?1) WHERE id = 1",
        [current],
    )?;
    {
        let mut floor = tx.prepare(
            "INSERT INTO receipt_floor (day, last_number)
             SELECT ?1, ?2 WHERE ?2 > (SELECT COALESCE(MAX(number_in_day), 0) FROM sales WHERE day = ?1)
             ON CONFLICT (day) DO UPDATE SET last_number = MAX(last_number, excluded.last_number)",
        )?;
        for (day, number) in &printed {
            floor.execute(params![day, number])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn temporary_name(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    target.with_file_name(name)
}
