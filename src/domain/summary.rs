//! An account's summary: what the portfolio's first screen shows of it before its plan is
//! decoded. Stored beside each account by the same save (see `persist::codec`), so that a
//! start with many accounts paints the whole list at once and scores it as plans decode.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Account, Id, Segment};
use super::scoring::open_white_space;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub name: String,
    pub segment: Segment,
    pub owner: Option<Id>,
    pub archived: bool,
    pub commitment: f64,
    pub actuals: f64,
    /// Probability-weighted value of open opportunities.
    pub pipeline: f64,
    pub open_white_space: f64,
    pub contract_end: Option<NaiveDate>,
}

impl AccountSummary {
    pub fn of(a: &Account) -> AccountSummary {
        let p = &a.plan;
        AccountSummary {
            name: a.name.clone(),
            segment: a.segment,
            owner: a.owner.clone(),
            archived: a.archived,
            commitment: p.revenue.commitment.unwrap_or(0.0),
            actuals: p.revenue.quarterly_actuals.iter().flatten().sum(),
            pipeline: p
                .opportunities
                .iter()
                .filter(|o| o.stage.is_open())
                .map(|o| o.value.unwrap_or(0.0).max(0.0) * o.probability.clamp(0.0, 1.0))
                .sum(),
            open_white_space: open_white_space(p),
            contract_end: p.contract.end_date,
        }
    }
}
