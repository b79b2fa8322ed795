//! The plan's year: the customer's fiscal year (which month it starts in, which year a day
//! falls in, its label), changing it, and starting next year's plan, which keeps last
//! year's as a read-only [`ClosedPlan`] and compares the new one with it.

use chrono::{Datelike, NaiveDate};

use crate::domain::model::{Account, ClosedPlan, Feedback, Id, PlanPart, Revenue};

/// A start month as stored, made valid (1–12; 0 or nonsense reads as January).
fn month_of(start_month: u8) -> u32 {
    u32::from(start_month.clamp(1, 12))
}

/// The fiscal year `day` falls in, named by the calendar year it starts in: with a July
/// start, 2027-03-31 is in fiscal year 2026 (July 2026 – June 2027).
pub fn fiscal_year_of(day: NaiveDate, start_month: u8) -> i32 {
    if day.month() >= month_of(start_month) {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The first day of fiscal year `year`.
pub fn fiscal_year_start(year: i32, start_month: u8) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month_of(start_month), 1)
}

/// A fiscal year as people name it: "FY 2026" when it is the calendar year, "FY 2026/27"
/// when it spans two.
pub fn year_label(year: i32, start_month: u8) -> String {
    if month_of(start_month) == 1 {
        format!("FY {year}")
    } else {
        format!("FY {year}/{:02}", (year + 1).rem_euclid(100))
    }
}

/// The label of the account's plan year.
pub fn plan_label(account: &Account) -> String {
    year_label(account.plan.year, account.fiscal_year_start_month)
}

/// Changes the month the customer's fiscal year starts in. A plan that was for the fiscal
/// year running on `today` stays for the one running then (so a July start does not push
/// this year's plan to a year not begun); a plan for another year keeps its year.
pub fn change_fiscal_start(account: &mut Account, month: u8, today: NaiveDate) {
    let month = month.clamp(1, 12);
    let was_current = account.plan.year == fiscal_year_of(today, account.fiscal_year_start_month);
    account.fiscal_year_start_month = month;
    if was_current {
        account.plan.year = fiscal_year_of(today, month);
    }
}

/// The id of the closed plan of `year`: one per year, so two people who both start next
/// year's plan merge their copies of last year's as one entity.
pub fn closed_plan_id(year: i32) -> Id {
    Id(format!("fy-{year}"))
}

/// Starts next year's plan. Contacts, interactions, white space, opportunities, actions,
/// cadence, team, contract and reviews carry over; goals and measures carry over too (same
/// ids, the measures' values cleared, so the new plan can be compared with last year's
/// final values and history); feedback starts empty (actions no longer answer it), and revenue with last year's actual spend only.
/// Last year's revenue, goals, measures and feedback are kept, as they ended, in
/// `plan.previous`. The parts that start anew (revenue, measures, feedback) lose their
/// review date, and the plan its contributors. Pure: the caller stamps the change.
pub fn start_next_year(account: &Account, today: NaiveDate) -> Account {
    let mut next = account.clone();
    let plan = &mut next.plan;
    let closed = ClosedPlan {
        id: closed_plan_id(plan.year),
        year: plan.year,
        fiscal_year_start_month: account.fiscal_year_start_month,
        closed_on: Some(today),
        revenue: plan.revenue.clone(),
        goals: plan.goals.clone(),
        measures: plan.measures.clone(),
        feedback: std::mem::take(&mut plan.feedback),
        updated_at: None,
    };
    let spent = actual_total(&closed.revenue);
    plan.revenue = Revenue {
        last_year: spent.or(closed.revenue.last_year),
        updated_at: plan.revenue.updated_at,
        ..Revenue::default()
    };
    for m in &mut plan.measures {
        m.current = None;
        m.last_checked = None;
        m.history = Vec::new();
    }
    plan.feedback = Feedback::default();
    // The feedback they answered is last year's now: a link would point at nothing.
    for a in &mut plan.actions {
        a.feedback = None;
    }
    for part in [
        PlanPart::Revenue,
        PlanPart::SuccessMeasures,
        PlanPart::Feedback,
    ] {
        plan.reviewed.remove(&part);
    }
    plan.contributors = Default::default();
    plan.previous.retain(|p| p.id != closed.id);
    plan.previous.push(closed);
    plan.year += 1;
    next
}

/// The sum of the actuals recorded, or `None` when none is.
fn actual_total(r: &Revenue) -> Option<f64> {
    let recorded: Vec<f64> = r.quarterly_actuals.iter().flatten().copied().collect();
    (!recorded.is_empty()).then(|| recorded.iter().sum())
}

/// The plan kept for the year before the current plan's, if any.
pub fn last_year(account: &Account) -> Option<&ClosedPlan> {
    account
        .plan
        .previous
        .iter()
        .find(|p| p.year == account.plan.year - 1)
}

/// This year's revenue against last year's, over the same quarters.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenueVariance {
    /// The label of last year ("FY 2025/26").
    pub last_label: String,
    /// How many quarters are compared (those recorded this year, 0 when none).
    pub quarters: usize,
    /// This year's actuals over those quarters.
    pub this_year: f64,
    /// Last year's actuals over the same quarters.
    pub last_year: f64,
    /// Last year's actuals in all.
    pub last_year_total: Option<f64>,
    /// Last year's commitment.
    pub last_commitment: Option<f64>,
}

impl RevenueVariance {
    /// This year minus last year, over the same quarters.
    pub fn change(&self) -> f64 {
        self.this_year - self.last_year
    }
}

/// This year's actuals against last year's over the quarters recorded this year; `None`
/// without a plan kept for last year.
pub fn revenue_variance(account: &Account) -> Option<RevenueVariance> {
    let last = last_year(account)?;
    let now = &account.plan.revenue.quarterly_actuals;
    let quarters = now.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
    let sum = |a: &[Option<f64>; 4]| a[..quarters].iter().flatten().sum::<f64>();
    Some(RevenueVariance {
        last_label: year_label(last.year, last.fiscal_year_start_month),
        quarters,
        this_year: sum(now),
        last_year: sum(&last.revenue.quarterly_actuals),
        last_year_total: actual_total(&last.revenue),
        last_commitment: last.revenue.commitment,
    })
}

/// A measure's final value last year, by the measure's id: `(final, target)`.
pub fn measure_last_year(account: &Account, measure: &Id) -> Option<(Option<f64>, Option<f64>)> {
    last_year(account)?
        .measures
        .iter()
        .find(|m| &m.id == measure)
        .map(|m| (m.current, m.target))
}

#[cfg(test)]
mod tests;
