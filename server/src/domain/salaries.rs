//! Salary estimates from comparable postings: what `GET
//! /api/salaries/estimate` answers, and the estimate a job's page shows
//! when the employer gave no salary.

use std::collections::HashMap;

use ascend_types::salary::{convert_period, percentile, region_of, round_for_period, title_family};
use ascend_types::{CurrencyRates, MIN_ESTIMATE_SAMPLE, SalaryEstimate, SalaryPeriod, Seniority};
use sqlx::SqliteConnection;

use super::Board;
use super::error::{Error, Result};
use super::params::Params;
use super::rates::rates;

/// What an estimate compares on.
#[derive(Debug, Clone)]
pub struct EstimateRequest {
    pub family: String,
    pub seniority: Option<Seniority>,
    pub region: Option<String>,
    /// `None` picks the currency most comparable postings use.
    pub currency: Option<String>,
    pub period: SalaryPeriod,
}

/// Percentiles of comparable postings' yearly midpoints. Narrowest first:
/// title family with seniority and region, then without region, then the
/// family alone; the first with enough postings answers.
pub async fn estimate(
    conn: &mut SqliteConnection,
    request: &EstimateRequest,
) -> Result<Option<SalaryEstimate>> {
    let rates = rates(conn).await?;
    if let Some(currency) = &request.currency
        && !rates.rates.contains_key(currency)
    {
        return Err(Error::invalid(
            "currency",
            format!("Ascend has no exchange rate for {currency}."),
        ));
    }
    let seniority = request.seniority.map(|s| s.as_str());
    let steps = [
        (seniority, request.region.as_deref()),
        (seniority, None),
        (None, None),
    ];
    for (index, (seniority, region)) in steps.into_iter().enumerate() {
        if index > 0 && (seniority, region) == steps[index - 1] {
            continue;
        }
        let sample: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "SELECT salary_min, salary_max, salary_currency, salary_period FROM jobs \
             WHERE title_family = $1 AND salary_min IS NOT NULL \
             AND ($2 IS NULL OR seniority = $2) AND ($3 IS NULL OR region = $3) LIMIT 5000",
        )
        .bind(&request.family)
        .bind(seniority)
        .bind(region)
        .fetch_all(&mut *conn)
        .await?;
        if (sample.len() as i64) < MIN_ESTIMATE_SAMPLE {
            continue;
        }
        if let Some(found) = summarise(
            &sample,
            &rates,
            request,
            seniority.is_some(),
            region.is_some(),
        ) {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// Converts each posting's midpoint to a yearly figure in one currency and
/// takes the 10th, 50th and 90th percentiles, in the asked period.
fn summarise(
    sample: &[(i64, i64, String, String)],
    rates: &CurrencyRates,
    request: &EstimateRequest,
    same_seniority: bool,
    same_region: bool,
) -> Option<SalaryEstimate> {
    let currency = request
        .currency
        .clone()
        .unwrap_or_else(|| most_common_currency(sample));
    let mut yearly: Vec<f64> = sample
        .iter()
        .filter_map(|(min, max, from, period)| {
            let period = SalaryPeriod::parse(period)?;
            let midpoint = (*min as f64 + *max as f64) / 2.0;
            rates.convert(
                convert_period(midpoint, period, SalaryPeriod::Year),
                from,
                &currency,
            )
        })
        .collect();
    if (yearly.len() as i64) < MIN_ESTIMATE_SAMPLE {
        return None;
    }
    yearly.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let value = convert_period(
            percentile(&yearly, p).unwrap_or_default(),
            SalaryPeriod::Year,
            request.period,
        );
        round_for_period(value, request.period)
    };
    Some(SalaryEstimate {
        currency,
        period: request.period,
        sample_size: yearly.len() as i64,
        same_seniority,
        same_region,
        p10: at(10.0),
        p50: at(50.0),
        p90: at(90.0),
    })
}

fn most_common_currency(sample: &[(i64, i64, String, String)]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, _, currency, _) in sample {
        *counts.entry(currency.as_str()).or_default() += 1;
    }
    // Ties go to the alphabetically first code, so the answer is stable.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(currency, _)| currency.to_owned())
        .unwrap_or_else(|| "USD".into())
}

impl EstimateRequest {
    /// The request `GET /api/salaries/estimate?title=...` makes, naming
    /// the parameter at fault.
    pub fn parse(query: Option<&str>) -> Result<Self> {
        let params = Params::parse(query)?;
        let title = params.text("title", 200)?.ok_or_else(|| {
            Error::invalid("title", "title is required: the job title to estimate for.")
        })?;
        let seniorities: Vec<&str> = Seniority::ALL.iter().map(|s| s.as_str()).collect();
        let periods: Vec<&str> = SalaryPeriod::ALL.iter().map(|p| p.as_str()).collect();
        Ok(EstimateRequest {
            family: title_family(title),
            seniority: params.choice("seniority", Seniority::parse, &seniorities)?,
            region: params
                .text("location", 200)?
                .and_then(region_of)
                .map(str::to_owned),
            currency: params.currency("currency")?,
            period: params
                .choice("period", SalaryPeriod::parse, &periods)?
                .unwrap_or(SalaryPeriod::Year),
        })
    }
}

/// The estimate for `request`, or `None` when too few postings compare.
pub async fn salary_estimate(
    board: &Board,
    request: &EstimateRequest,
) -> Result<Option<SalaryEstimate>> {
    let mut conn = board.pool.acquire().await?;
    estimate(&mut conn, request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates_of(pairs: &[(&str, f64)]) -> CurrencyRates {
        CurrencyRates {
            base: "USD".into(),
            rates: pairs
                .iter()
                .map(|&(code, rate)| (code.to_owned(), rate))
                .collect(),
        }
    }

    fn posting(min: i64, max: i64, currency: &str, period: &str) -> (i64, i64, String, String) {
        (min, max, currency.into(), period.into())
    }

    #[test]
    fn summary_converts_currency_and_period() {
        let rates = rates_of(&[("USD", 1.0), ("EUR", 0.5)]);
        let sample = vec![
            posting(90_000, 110_000, "EUR", "year"),
            posting(90_000, 110_000, "EUR", "year"),
            posting(45, 55, "EUR", "hour"),
            posting(190_000, 210_000, "USD", "year"),
            posting(8_000, 8_000, "EUR", "month"),
            posting(1, 1, "XYZ", "year"),
        ];
        let request = EstimateRequest {
            family: "backend engineer".into(),
            seniority: None,
            region: None,
            currency: None,
            period: SalaryPeriod::Year,
        };
        let estimate = summarise(&sample, &rates, &request, false, false).unwrap();
        // EUR is the most common; USD 200k is EUR 100k; 50/hour is 104k a year;
        // the unknown currency is left out.
        assert_eq!(estimate.currency, "EUR");
        assert_eq!(estimate.sample_size, 5);
        assert_eq!(estimate.p50, 100_000);
        assert_eq!(estimate.p10, 98_000);
        assert_eq!(estimate.p90, 102_000);

        let monthly = EstimateRequest {
            currency: Some("USD".into()),
            period: SalaryPeriod::Month,
            ..request
        };
        let estimate = summarise(&sample, &rates, &monthly, true, false).unwrap();
        assert_eq!(estimate.p50, 16_670);
        assert!(estimate.same_seniority);
    }

    #[test]
    fn too_small_a_sample_gives_none() {
        let rates = rates_of(&[("USD", 1.0)]);
        let sample = vec![posting(1, 2, "USD", "year"); 4];
        let request = EstimateRequest {
            family: "x".into(),
            seniority: None,
            region: None,
            currency: None,
            period: SalaryPeriod::Year,
        };
        assert!(summarise(&sample, &rates, &request, false, false).is_none());
    }
}
