//! Execution: of the actions that have come due or are done, the share done on time; an
//! action done late counts half, an overdue one nothing.

use chrono::NaiveDate;

use super::Verdict;
use crate::domain::model::{AccountPlan, Action, ActionStatus};

pub fn is_overdue(a: &Action, today: NaiveDate) -> bool {
    matches!(a.status, ActionStatus::Open | ActionStatus::InProgress)
        && a.due.is_some_and(|d| d < today)
}

pub fn score(plan: &AccountPlan, today: NaiveDate) -> Verdict {
    let (mut on_time, mut late, mut overdue) = (0usize, 0usize, 0usize);
    for a in &plan.actions {
        match a.status {
            ActionStatus::Done => match (a.due, a.completed_on) {
                (Some(due), Some(done)) if done > due => late += 1,
                _ => on_time += 1,
            },
            ActionStatus::Cancelled => {}
            _ if is_overdue(a, today) => overdue += 1,
            _ => {}
        }
    }
    let counted = on_time + late + overdue;
    if counted == 0 {
        return Err(if plan.actions.is_empty() {
            "No actions planned yet.".into()
        } else {
            "No action has come due yet.".into()
        });
    }
    Ok((
        100.0 * (on_time as f64 + 0.5 * late as f64) / counted as f64,
        format!("{on_time} actions done on time, {late} done late, {overdue} overdue."),
    ))
}
