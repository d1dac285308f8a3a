//! Storing a parsed import file: good records in, bad ones reported with
//! their position, each batch of records in one write transaction and each
//! record in a savepoint of it.
//!
//! Other processes (a running server) write the same database meanwhile:
//! batches are small so that they get in between, a batch that finds the
//! database busy is tried again whole, and the WAL is checkpointed as the
//! import goes.

use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::{FileError, ImportRecord, RecordError, RecordNote, parse};
use crate::logos::LogoFetcher;
use crate::store::pool::{self, BULK_BATCH, Busy, CHECKPOINT_EVERY};
use crate::store::writes::{self as store, StoreError, Written};

/// After this many batches in a row could not be stored because the
/// database stayed busy (each tried [`pool::WRITE_ATTEMPTS`] times), the
/// import stops trying: another writer is holding the database.
const BUSY_BATCHES_BEFORE_GIVING_UP: usize = 3;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The records not stored, none of which left anything behind: those
    /// rejected, and those a busy database kept out (counted in `unstored`).
    pub problems: Vec<RecordError>,
    /// Of the problems, the valid records not stored because the database
    /// stayed busy; importing the file again stores them.
    pub unstored: usize,
    /// What was changed in the records stored (markup removed from
    /// plain-text fields), so that the change is never silent.
    pub notes: Vec<RecordNote>,
}

#[derive(Debug)]
pub enum ImportError {
    File(FileError),
    /// The database failed in a way waiting does not cure (not a busy
    /// database, which the report lists record by record). The batches
    /// before were stored, as `stored` says; the rest of the file was not.
    Database {
        error: sqlx::Error,
        /// The position of the first record not stored.
        at: usize,
        stored: Box<ImportReport>,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(error) => write!(f, "{error}"),
            ImportError::Database { error, at, stored } => write!(
                f,
                "database error: {error}; the import stopped at record {at}, after storing \
                 {} inserted, {} updated and {} unchanged records (importing the file again \
                 goes on from there)",
                stored.inserted, stored.updated, stored.unchanged
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// One batch: the records, each with its position in the file.
type Batch = [(usize, Result<ImportRecord, RecordError>)];

/// Parses `bytes` and stores every good record. Importing the same file
/// again inserts and updates nothing.
///
/// A record is stored whole or not at all: its company (profile and
/// reviews) and its job go in one savepoint, so a record whose job the
/// store rejects leaves no company (or company update) behind, and the
/// records after it go on.
///
/// Batches of [`BULK_BATCH`] records are committed one by one. A batch the
/// database stayed too busy for is rolled back and its records reported
/// as problems (with `unstored` counting them); the batches after it go
/// on, until [`BUSY_BATCHES_BEFORE_GIVING_UP`] in a row failed so. Any
/// other database error stops the import with [`ImportError::Database`].
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
    logos
        .localize(pool, &mut parsed.records)
        .await
        .map_err(|error| ImportError::Database {
            error,
            at: 0,
            stored: Box::default(),
        })?;
    let mut report = ImportReport::default();
    let records: Vec<_> = parsed.records.into_iter().enumerate().collect();
    let mut busy_in_a_row = 0;
    for (index, batch) in records.chunks(BULK_BATCH).enumerate() {
        if busy_in_a_row == BUSY_BATCHES_BEFORE_GIVING_UP {
            report.not_stored(
                batch,
                &format!(
                    "the import stopped after {busy_in_a_row} batches in a row found the database busy"
                ),
            );
            continue;
        }
        match pool::with_bulk_write_tx(pool, batch, |conn, batch| {
            Box::pin(store_batch(conn, batch))
        })
        .await
        {
            Ok(stored) => {
                busy_in_a_row = 0;
                report.absorb(stored);
            }
            Err(error) if error.is_busy() => {
                busy_in_a_row += 1;
                tracing::warn!(
                    first = batch[0].0,
                    records = batch.len(),
                    %error,
                    "a batch of the import was not stored: the database stayed busy"
                );
                report.not_stored(batch, &format!("the database stayed busy ({error})"));
            }
            Err(error) => {
                pool::checkpoint_after_bulk_write(pool, "import").await;
                return Err(ImportError::Database {
                    error,
                    at: batch[0].0,
                    stored: Box::new(report),
                });
            }
        }
        if (index + 1).is_multiple_of(CHECKPOINT_EVERY) {
            pool::checkpoint_after_bulk_write(pool, "import").await;
        }
    }
    pool::checkpoint_after_bulk_write(pool, "import").await;
    Ok(report)
}

/// Stores a batch in the transaction `conn` is in, returning what it did;
/// a database error (the batch is then rolled back) is returned as such.
async fn store_batch(
    conn: &mut SqliteConnection,
    batch: &Batch,
) -> Result<ImportReport, sqlx::Error> {
    let mut report = ImportReport::default();
    for (position, record) in batch {
        let record = match record {
            Ok(record) => record,
            Err(problem) => {
                report.problems.push(problem.clone());
                continue;
            }
        };
        // A `begin` inside a transaction is a savepoint.
        let mut savepoint = conn.begin().await?;
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
            Err(StoreError::Database(error)) => return Err(error),
        }
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
    /// Adds a committed batch's report.
    fn absorb(&mut self, batch: ImportReport) {
        self.inserted += batch.inserted;
        self.updated += batch.updated;
        self.unchanged += batch.unchanged;
        self.problems.extend(batch.problems);
        self.unstored += batch.unstored;
        self.notes.extend(batch.notes);
    }

    /// Reports a batch none of which was stored, for `why`: its records
    /// that could not be read as they are, the others as not stored.
    fn not_stored(&mut self, batch: &Batch, why: &str) {
        for (position, record) in batch {
            match record {
                Err(problem) => self.problems.push(problem.clone()),
                Ok(_) => {
                    self.unstored += 1;
                    self.problems.push(RecordError {
                        position: *position,
                        reason: format!("not stored: {why}; importing the file again stores it"),
                    });
                }
            }
        }
    }

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
