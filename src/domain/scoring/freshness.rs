//! Plan freshness: the share of plan parts reviewed within their rhythm.

use chrono::NaiveDate;

use super::Verdict;
use crate::domain::model::{Account, PlanPart, Settings};
use crate::domain::staleness::review_summary;

pub fn score(account: &Account, settings: &Settings, today: NaiveDate) -> Verdict {
    let s = review_summary(account, &settings.rhythm, today);
    let n = PlanPart::ALL.len();
    let fresh = n - s.stale_parts;
    Ok((
        100.0 * fresh as f64 / n as f64,
        format!(
            "{fresh} of {n} plan parts reviewed on time; next review due {}.",
            s.next_review
        ),
    ))
}
