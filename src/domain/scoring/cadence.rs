//! Cadence: per meeting, the share of expected occurrences held in the last half year
//! (a year for yearly meetings), 60%, and acceptance, 40%: the share of attendees who
//! accepted (tentative counts half, `domain::meeting::acceptance`), or acceptance by all
//! parties where no answer is recorded; an overdue next date costs 20 points, a missing one
//! 10. The component is the meetings' mean.

use chrono::{Days, NaiveDate};

use super::{plural, Verdict};
use crate::domain::meeting::{acceptance, accepted_by_all};
use crate::domain::model::{AccountPlan, Meeting};

/// Days of history a meeting is judged on (at least one recurrence).
const WINDOW: i64 = 182;

/// Held and expected occurrences of a meeting in its window ending `today`.
pub fn held_expected(m: &Meeting, today: NaiveDate) -> (usize, usize) {
    let period = m.recurrence.days();
    let window = WINDOW.max(period);
    let expected = (window / period).max(1) as usize;
    // The window's first day: comparing dates is cheaper than an age per date.
    let first = today
        .checked_sub_days(Days::new(window as u64 - 1))
        .unwrap_or(NaiveDate::MIN);
    let held = m
        .held
        .iter()
        .filter(|d| (first..=today).contains(d))
        .count();
    (held.min(expected), expected)
}

/// A meeting's score from its `held_expected` counts.
fn meeting_score((held, expected): (usize, usize), m: &Meeting, today: NaiveDate) -> f64 {
    let mut s = 60.0 * held as f64 / expected as f64 + 40.0 * acceptance(m);
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
    // One pass: each meeting's counts feed both its score and the totals.
    let (mut sum, mut held, mut expected, mut accepted, mut overdue) = (0.0, 0, 0, 0, 0);
    for m in &plan.cadence {
        let counts = held_expected(m, today);
        sum += meeting_score(counts, m, today);
        held += counts.0;
        expected += counts.1;
        accepted += usize::from(accepted_by_all(m));
        overdue += usize::from(m.next_date.is_some_and(|d| d < today));
    }
    Ok((
        sum / n,
        format!(
            "{held} of {expected} expected meetings held, {accepted} of {} accepted by all parties, {} overdue.",
            plural(plan.cadence.len(), "meeting", "meetings"),
            overdue
        ),
    ))
}
