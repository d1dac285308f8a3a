//! Storing a parsed import file: good records in, bad ones reported with
//! their position, each batch of records in one transaction.

use std::collections::HashMap;

use sqlx::SqlitePool;

use super::{FileError, RecordError, parse};
use crate::store::writes::{self as store, StoreError, Written};

/// Records per transaction: large enough to be fast, small enough that a
/// crash loses little work (and never half a job: a job is one statement).
const BATCH: usize = 500;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<RecordError>,
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
pub async fn import_file(
    pool: &SqlitePool,
    bytes: &[u8],
    company: Option<&str>,
    today: i64,
) -> Result<ImportReport, ImportError> {
    let parsed = parse(bytes, company, today).map_err(ImportError::File)?;
    let mut report = ImportReport::default();
    let mut company_ids: HashMap<String, (i64, String)> = HashMap::new();
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
            let stored = async {
                let (company_id, company_name) = match company_ids.get(&record.company.slug) {
                    Some(known) => known.clone(),
                    None => {
                        let id = store::upsert_company(&mut tx, &record.company).await?;
                        let known = (id, record.company.name.clone());
                        company_ids.insert(record.company.slug.clone(), known.clone());
                        known
                    }
                };
                let mut job = record.job.clone();
                job.company_slug = record.company.slug.clone();
                store::upsert_job(&mut tx, company_id, &company_name, &job).await
            }
            .await;
            match stored {
                Ok(Written::Inserted) => report.inserted += 1,
                Ok(Written::Updated) => report.updated += 1,
                Ok(Written::Unchanged) => report.unchanged += 1,
                Err(StoreError::Invalid(reason)) => report.problems.push(RecordError {
                    position: *position,
                    reason,
                }),
                Err(StoreError::Database(error)) => return Err(ImportError::Database(error)),
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}
