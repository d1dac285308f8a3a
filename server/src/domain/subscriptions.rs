//! Newsletter sign-ups.

use ascend_types::{CreateSubscription, SubscriptionAccepted};

use super::Board;
use super::error::{Error, Result};
use crate::store::pool::with_write_tx;

pub const MAX_TOPICS: usize = 10;

/// The address check is shared with the app, so both say the same thing.
pub use ascend_types::email::normalize_email;

fn validate(body: &CreateSubscription) -> Result<(String, Vec<String>)> {
    let mut problems = Vec::new();
    let email = normalize_email(&body.email)
        .map_err(|message| problems.push(("email".to_owned(), message)));
    let mut topics: Vec<String> = body
        .topics
        .iter()
        .map(|t| t.trim().to_lowercase())
        .collect();
    topics.sort();
    topics.dedup();
    // Counted as sent, as the API's document says (repeats are kept once).
    if body.topics.len() > MAX_TOPICS {
        problems.push((
            "topics".into(),
            format!("Choose at most {MAX_TOPICS} topics."),
        ));
    }
    if topics.iter().any(|t| {
        t.is_empty() || t.len() > 40 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }) {
        problems.push((
            "topics".into(),
            "Each topic is a short word such as \"engineering\" or \"remote\".".into(),
        ));
    }
    match email {
        Ok(email) if problems.is_empty() => Ok((email, topics)),
        _ => Err(Error::Unprocessable(problems)),
    }
}

/// Stores the address once. A repeated sign-up answers exactly like the
/// first, so nobody can learn from it who is subscribed.
///
/// Another process (an import, a seed) may be writing the database: the
/// insert waits for it, and is tried again if it stays busy
/// ([`with_write_tx`]), rather than failing the sign-up.
pub async fn subscribe(board: &Board, body: &CreateSubscription) -> Result<SubscriptionAccepted> {
    let (email, topics) = validate(body)?;
    let row = (email, serde_json::to_string(&topics)?, board.today());
    with_write_tx(&board.pool, &row, |conn, (email, topics, today)| {
        Box::pin(
            sqlx::query(
                "INSERT INTO subscriptions (email, topics, created_on) VALUES ($1, $2, $3) \
                 ON CONFLICT (email) DO NOTHING",
            )
            .bind(email)
            .bind(topics)
            .bind(today)
            .execute(conn),
        )
    })
    .await?;
    let (email, ..) = row;
    Ok(SubscriptionAccepted { email, topics })
}
