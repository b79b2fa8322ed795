//! Success measures: the share of measures whose current value is on or ahead of target
//! (in their direction); a measure without a current value or a target counts against.

use super::Verdict;
use crate::domain::model::{AccountPlan, Direction, SuccessMeasure};

/// True when the measure has both values and is on or ahead of target.
pub fn on_target(m: &SuccessMeasure) -> bool {
    match (m.current, m.target) {
        (Some(c), Some(t)) => match m.direction {
            Direction::HigherIsBetter => c >= t,
            Direction::LowerIsBetter => c <= t,
        },
        _ => false,
    }
}

pub fn unmeasured(m: &SuccessMeasure) -> bool {
    m.current.is_none() || m.target.is_none()
}

pub fn score(plan: &AccountPlan) -> Verdict {
    if plan.measures.is_empty() {
        return Err("No success measures agreed with the customer yet.".into());
    }
    let n = plan.measures.len();
    let good = plan.measures.iter().filter(|m| on_target(m)).count();
    let missing = plan.measures.iter().filter(|m| unmeasured(m)).count();
    let behind = n - good - missing;
    Ok((
        100.0 * good as f64 / n as f64,
        format!("{good} of {n} success measures on or ahead of target, {behind} behind, {missing} not measured."),
    ))
}
