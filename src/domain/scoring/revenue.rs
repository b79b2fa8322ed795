//! Revenue: actuals recorded so far against the commitment pro rata to the quarters of
//! the customer's fiscal year that are over (or already have actuals). A commitment nobody
//! at the customer agreed counts at most `commitment::UNAGREED_CAP`.

use chrono::{Datelike, NaiveDate};

use super::{pct, Verdict};
use crate::domain::commitment::{is_agreed, unagreed_note, UNAGREED_CAP};
use crate::domain::model::Account;
use crate::domain::money::format_money_short;
use crate::domain::plan_year::fiscal_year_start;

/// How many quarters of the plan's fiscal year are over on `today` (0–4).
pub fn quarters_elapsed(account: &Account, today: NaiveDate) -> usize {
    let Some(start) = fiscal_year_start(account.plan.year, account.fiscal_year_start_month) else {
        return 0;
    };
    if today < start {
        return 0;
    }
    let months = (today.year() - start.year()) * 12 + today.month() as i32 - start.month() as i32;
    (months / 3).clamp(0, 4) as usize
}

/// The quarters a revenue comparison covers: those over, or later ones with actuals.
pub fn quarters_due(account: &Account, today: NaiveDate) -> usize {
    let recorded = account
        .plan
        .revenue
        .quarterly_actuals
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    quarters_elapsed(account, today).max(recorded)
}

pub fn score(account: &Account, today: NaiveDate) -> Verdict {
    let r = &account.plan.revenue;
    let Some(commitment) = r.commitment.filter(|c| *c > 0.0) else {
        return Err("No revenue commitment recorded.".into());
    };
    let due = quarters_due(account, today);
    if due == 0 {
        return Err(format!(
            "The first quarter of {} is not over yet.",
            crate::domain::plan_year::plan_label(account)
        ));
    }
    let actual: f64 = r.quarterly_actuals[..due].iter().flatten().sum();
    let missing = r.quarterly_actuals[..due]
        .iter()
        .filter(|a| a.is_none())
        .count();
    let expected = commitment * due as f64 / 4.0;
    let mut score = (100.0 * actual / expected).clamp(0.0, 100.0);
    let mut note = match missing {
        0 => String::new(),
        1 => " One quarter's actuals are not recorded.".into(),
        n => format!(" {n} quarters' actuals are not recorded."),
    };
    if !is_agreed(r) {
        score = score.min(UNAGREED_CAP);
        note.push_str(&unagreed_note(r));
    }
    Ok((
        score,
        format!(
            "Actuals {} against {} expected by the end of Q{due} ({}).{note}",
            format_money_short(actual),
            format_money_short(expected),
            pct(actual, expected)
        ),
    ))
}
