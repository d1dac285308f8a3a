//! What can go wrong when the board is asked something, in its own terms:
//! the HTTP layer (`crate::error::AppError`) turns each into a status and
//! the JSON error shape, the site into a page.

/// A failed question to the board.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A parameter that cannot be used as given; `field` names it.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// Fields of a request body that do not pass, each with why.
    #[error("the request has invalid fields: {0:?}")]
    Unprocessable(Vec<(String, String)>),
    /// Nothing by that name.
    #[error("{0}")]
    NotFound(String),
    /// It was there, and is no longer (a closed job).
    #[error("{0}")]
    Gone(String),
    /// The database failed us.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A background task that worked something out did not finish.
    #[error("{what}: {source}")]
    Task {
        what: &'static str,
        #[source]
        source: tokio::task::JoinError,
    },
    /// Too much of this work is waiting already; asking again later helps.
    #[error("too busy {0}")]
    Busy(&'static str),
    /// Stored data that does not read back as it was written.
    #[error("stored data is damaged: {0}")]
    Damaged(String),
    /// Turning an answer into JSON failed.
    #[error("serializing an answer: {0}")]
    Serialize(#[from] serde_json::Error),
    /// A failure several requests waited on together (see `Kept`).
    #[error(transparent)]
    Shared(std::sync::Arc<Error>),
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
