//! Plan freshness: the share of the started plan parts reviewed within their rhythm. A part
//! not started has nothing to review: it neither counts as reviewed on time nor as stale,
//! and a plan with no part started has no freshness to judge.

use chrono::NaiveDate;

use super::{plural, Verdict};
use crate::domain::model::{Account, PlanPart, Settings};
use crate::domain::staleness::{review_summary, rhythm_of};

pub fn score(account: &Account, settings: &Settings, today: NaiveDate) -> Verdict {
    let s = review_summary(account, rhythm_of(account, settings), today);
    let (started, next) = match (s.started.len(), s.next_review) {
        (n, Some(next)) if n > 0 => (n, next),
        _ => return Err("No part of the plan is filled in yet.".into()),
    };
    let fresh = started - s.stale_parts;
    let not_started = match PlanPart::ALL.len() - started {
        0 => String::new(),
        n => format!(", {} not started", plural(n, "part", "parts")),
    };
    Ok((
        100.0 * fresh as f64 / started as f64,
        format!(
            "{fresh} of {} reviewed on time{not_started}; next review due {next}.",
            plural(started, "started plan part", "started plan parts"),
        ),
    ))
}
