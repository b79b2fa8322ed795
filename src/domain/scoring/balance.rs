//! Relationship balance, the anti-rut: how evenly the last 90 days' touches spread over
//! the contacts, `(1 − HHI) / (1 − 1/m)` with `m` the contacts that could share them (at
//! most 10), less a penalty for each decision maker who is neutral (10) or worse (20),
//! at most 40.

use super::{pct, Verdict};
use crate::domain::coverage::{herfindahl, top_two_share, WindowTouches, ENGAGED_DAYS};
use crate::domain::model::{AccountPlan, DecisionRole, Stance};

/// More contacts than this do not raise the ideal spread further.
const SPREAD_CONTACTS: usize = 10;

/// The points a decision maker's stance costs.
pub fn stance_penalty(stance: Option<Stance>) -> f64 {
    match stance {
        Some(Stance::Neutral) => 10.0,
        Some(Stance::Skeptic) | Some(Stance::Opponent) => 20.0,
        _ => 0.0,
    }
}

pub fn score(plan: &AccountPlan, window: &WindowTouches) -> Verdict {
    if plan.contacts.is_empty() {
        return Err("No contacts recorded yet.".into());
    }
    if plan.interactions.is_empty() {
        return Err("No interactions logged yet.".into());
    }
    let counts: Vec<usize> = window.per_contact.iter().map(|t| t.1).collect();
    let touches: usize = counts.iter().sum();
    let penalty: f64 = plan
        .contacts
        .iter()
        .filter(|c| c.role == Some(DecisionRole::DecisionMaker))
        .map(|c| stance_penalty(c.stance))
        .sum::<f64>()
        .min(40.0);
    let doubters = plan
        .contacts
        .iter()
        .filter(|c| c.role == Some(DecisionRole::DecisionMaker) && stance_penalty(c.stance) > 0.0)
        .count();
    let doubt = match doubters {
        0 => String::new(),
        1 => " A decision maker is neutral or worse.".into(),
        n => format!(" {n} decision makers are neutral or worse."),
    };
    if touches == 0 {
        return Ok((
            0.0,
            format!("No interaction in the last {ENGAGED_DAYS} days.{doubt}"),
        ));
    }
    let m = plan.contacts.len().clamp(1, SPREAD_CONTACTS) as f64;
    let spread = if m <= 1.0 {
        0.0
    } else {
        ((1.0 - herfindahl(&counts)) / (1.0 - 1.0 / m)).clamp(0.0, 1.0)
    };
    let score = (100.0 * spread - penalty).max(0.0);
    let top = top_two_share(&counts);
    Ok((
        score,
        format!(
            "{touches} touches in the last {ENGAGED_DAYS} days with {} of {} contacts; the top two hold {}.{doubt}",
            counts.len(),
            plan.contacts.len(),
            pct(top, 1.0)
        ),
    ))
}
