//! Growth pipeline: probability-weighted value of open opportunities aligned to a customer
//! goal against the growth target (80%), and open white space against it (20%).

use super::{pct, Verdict};
use crate::domain::model::{AccountPlan, CellStatus};
use crate::domain::money::format_money_short;

/// Open, goal-aligned opportunities' value × probability.
pub fn aligned_weighted(plan: &AccountPlan) -> f64 {
    plan.opportunities
        .iter()
        .filter(|o| o.stage.is_open() && o.goal.is_some())
        .map(|o| o.value.unwrap_or(0.0).max(0.0) * o.probability.clamp(0.0, 1.0))
        .sum()
}

/// Estimated value of white-space cells that are open opportunities.
pub fn open_white_space(plan: &AccountPlan) -> f64 {
    plan.white_space
        .cells
        .iter()
        .filter(|c| c.status == CellStatus::Open)
        .filter_map(|c| c.value)
        .map(|v| v.max(0.0))
        .sum()
}

pub fn score(plan: &AccountPlan) -> Verdict {
    let Some(target) = plan.revenue.growth_target.filter(|t| *t > 0.0) else {
        return Err("No growth target recorded.".into());
    };
    let pipeline = aligned_weighted(plan);
    let space = open_white_space(plan);
    let score = 80.0 * (pipeline / target).min(1.0) + 20.0 * (space / target).min(1.0);
    Ok((
        score,
        format!(
            "Aligned pipeline {} (weighted) is {} of the {} growth target; open white space {}.",
            format_money_short(pipeline),
            pct(pipeline, target),
            format_money_short(target),
            format_money_short(space)
        ),
    ))
}
