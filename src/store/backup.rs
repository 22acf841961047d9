//! Backups of the book, and restoring one (keeping the book it replaces).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags};
use time::OffsetDateTime;

use super::migrate::{APPLICATION_ID, latest_version};
use super::{DATABASE_FILE, Result, Store, StoreError};

/// How many daily backups the data folder keeps.
pub const DAILY_BACKUPS_KEPT: usize = 14;

impl Store {
    /// The day's automatic backup into `backups/sentra-YYYY-MM-DD.db` in the
    /// data folder, once a day, keeping the newest fourteen. Returns the file
    /// written, or `None` when today's backup already exists.
    pub fn daily_backup(&self, now: OffsetDateTime) -> Result<Option<PathBuf>> {
        let folder = self.dir.join("backups");
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
        let temporary = temporary_name(target);
        let _ = std::fs::remove_file(&temporary);
        self.conn
            .execute("VACUUM INTO ?1", [temporary.to_string_lossy()])
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&temporary);
            })?;
        std::fs::File::open(&temporary)?.sync_all()?;
        std::fs::rename(&temporary, target)?;
        Ok(())
    }

    /// Replaces the book with the backup `source`, after checking it is a
    /// Sentra book this program can read. The replaced book is kept beside it
    /// as `sentra.db.before-restore-<time>`; returns that path.
    pub fn restore_from(&mut self, source: &Path, now: OffsetDateTime) -> Result<PathBuf> {
        check_backup(source)?;
        let kept = self.dir.join(format!(
            "{DATABASE_FILE}.before-restore-{}",
            now.unix_timestamp()
        ));
        self.backup_to(&kept)?;
        self.conn
            .restore(MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>)?;
        super::migrate::migrate(&mut self.conn)?;
        self.forget();
        self.offset = self.settings()?.utc_offset;
        Ok(kept)
    }
}

/// Refuses anything that is not a Sentra book, or one from a newer program.
fn check_backup(source: &Path) -> Result<()> {
    let not_a_book = || StoreError::NotABook(source.to_path_buf());
    if !source.is_file() {
        return Err(not_a_book());
    }
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_a_book())?;
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
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(not_a_book());
    }
    Ok(())
}

fn temporary_name(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    target.with_file_name(name)
}
