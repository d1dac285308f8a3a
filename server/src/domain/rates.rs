//! The exchange rates salary estimates convert with, published at
//! `GET /api/currency-rates` so that the visitor's device converts salaries
//! the same way when it works out a match score.

use ascend_types::CurrencyRates;
use sqlx::SqliteConnection;

use super::Board;
use super::error::Result;

/// Units of each currency per US dollar.
pub async fn rates(conn: &mut SqliteConnection) -> Result<CurrencyRates> {
    let rows: Vec<(String, f64)> =
        sqlx::query_as("SELECT currency, units_per_usd FROM currency_rates ORDER BY currency")
            .fetch_all(&mut *conn)
            .await?;
    Ok(CurrencyRates {
        base: "USD".into(),
        rates: rows.into_iter().collect(),
    })
}

/// The published rates.
pub async fn currency_rates(board: &Board) -> Result<CurrencyRates> {
    rates(&mut *board.pool.acquire().await?).await
}
