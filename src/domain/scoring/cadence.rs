//! Cadence: per meeting, the share of expected occurrences held in the last half year
//! (a year for yearly meetings), 60%, and acceptance by all parties, 40%; an overdue next
//! date costs 20 points, a missing one 10. The component is the meetings' mean.

use chrono::NaiveDate;

use super::{plural, Verdict};
use crate::domain::model::{AccountPlan, Meeting};

/// Days of history a meeting is judged on (at least one recurrence).
const WINDOW: i64 = 182;

/// Held and expected occurrences of a meeting in its window ending `today`.
pub fn held_expected(m: &Meeting, today: NaiveDate) -> (usize, usize) {
    let period = m.recurrence.days();
    let window = WINDOW.max(period);
    let expected = (window / period).max(1) as usize;
    let held = m
        .held
        .iter()
        .filter(|d| (0..window).contains(&(today - **d).num_days()))
        .count();
    (held.min(expected), expected)
}

pub fn meeting_score(m: &Meeting, today: NaiveDate) -> f64 {
    let (held, expected) = held_expected(m, today);
    let mut s = 60.0 * held as f64 / expected as f64 + if m.accepted_by_all { 40.0 } else { 0.0 };
    match m.next_date {
        Some(d) if d < today => s -= 20.0,
        None => s -= 10.0,
        _ => {}
    }
    s.max(0.0)
}

pub fn score(plan: &AccountPlan, today: NaiveDate) -> Verdict {
    if plan.cadence.is_empty() {
        return Err("No meeting cadence agreed yet.".into());
    }
    let n = plan.cadence.len() as f64;
    let score = plan
        .cadence
        .iter()
        .map(|m| meeting_score(m, today))
        .sum::<f64>()
        / n;
    let (held, expected) = plan
        .cadence
        .iter()
        .map(|m| held_expected(m, today))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let accepted = plan.cadence.iter().filter(|m| m.accepted_by_all).count();
    let overdue = plan
        .cadence
        .iter()
        .filter(|m| m.next_date.is_some_and(|d| d < today))
        .count();
    Ok((
        score,
        format!(
            "{held} of {expected} expected meetings held, {accepted} of {} accepted by all parties, {} overdue.",
            plural(plan.cadence.len(), "meeting", "meetings"),
            overdue
        ),
    ))
}
