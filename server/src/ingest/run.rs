//! Storing a parsed import file: good records in, bad ones reported with
//! their position, each batch of records in one transaction and each record
//! in a savepoint of it.

use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::{FileError, ImportRecord, RecordError, RecordNote, parse};
use crate::logos::LogoFetcher;
use crate::store::writes::{self as store, StoreError, Written};

/// Records per transaction: large enough to be fast, small enough that a
/// crash loses little work.
const BATCH: usize = 500;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The records rejected, none of which left anything behind.
    pub problems: Vec<RecordError>,
    /// What was changed in the records stored (markup removed from
    /// plain-text fields), so that the change is never silent.
    pub notes: Vec<RecordNote>,
}

#[derive(Debug)]
pub enum ImportError {
    File(FileError),
    Database(sqlx::Error),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(error) => write!(f, "{error}"),
            ImportError::Database(error) => write!(f, "database error: {error}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<sqlx::Error> for ImportError {
    fn from(error: sqlx::Error) -> Self {
        ImportError::Database(error)
    }
}

/// Parses `bytes` and stores every good record. Importing the same file
/// again inserts and updates nothing.
///
/// A record is stored whole or not at all: its company (profile and
/// reviews) and its job go in one savepoint, so a record whose job the
/// store rejects leaves no company (or company update) behind, and the
/// records after it go on.
pub async fn import_file(
    pool: &SqlitePool,
    bytes: &[u8],
    company: Option<&str>,
    today: i64,
) -> Result<ImportReport, ImportError> {
    import_file_with(pool, bytes, company, today, &LogoFetcher::default()).await
}

/// [`import_file`], fetching the file's logos with `logos` (tests let it
/// reach a server on loopback).
pub async fn import_file_with(
    pool: &SqlitePool,
    bytes: &[u8],
    company: Option<&str>,
    today: i64,
    logos: &LogoFetcher,
) -> Result<ImportReport, ImportError> {
    let mut parsed = parse(bytes, company, today).map_err(ImportError::File)?;
    // Logos become Ascend's own copies, fetched before any transaction.
    logos.localize(pool, &mut parsed.records).await?;
    let mut report = ImportReport::default();
    let records: Vec<_> = parsed.records.into_iter().enumerate().collect();
    for batch in records.chunks(BATCH) {
        let mut tx = pool.begin().await?;
        for (position, record) in batch {
            let record = match record {
                Ok(record) => record,
                Err(problem) => {
                    report.problems.push(problem.clone());
                    continue;
                }
            };
            // A nested `begin` on a transaction is a savepoint.
            let mut savepoint = tx.begin().await?;
            match store_record(&mut savepoint, record).await {
                Ok(written) => {
                    savepoint.commit().await?;
                    report.count(*position, record, written);
                }
                Err(StoreError::Invalid(reason)) => {
                    savepoint.rollback().await?;
                    report.problems.push(RecordError {
                        position: *position,
                        reason,
                    });
                }
                Err(StoreError::Database(error)) => return Err(ImportError::Database(error)),
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}

/// One record: its company, then its job.
async fn store_record(
    conn: &mut SqliteConnection,
    record: &ImportRecord,
) -> Result<Written, StoreError> {
    let company_id = store::upsert_company(conn, &record.company).await?;
    store::upsert_job(conn, company_id, &record.company.name, &record.job).await
}

impl ImportReport {
    /// Counts a stored record and keeps its notes.
    fn count(&mut self, position: usize, record: &ImportRecord, written: Written) {
        match written {
            Written::Inserted => self.inserted += 1,
            Written::Updated => self.updated += 1,
            Written::Unchanged => self.unchanged += 1,
        }
        self.notes
            .extend(record.notes.iter().map(|note| RecordNote {
                position,
                note: note.clone(),
            }));
    }
}
