//! Confidence: how much of the plan a score stands on. A plan with too few components
//! with data, or (as the settings ask) without a contact or a revenue commitment, is too
//! thin to judge: its band is Incomplete, never red, amber or green.

use serde::Serialize;

use crate::domain::model::{Account, ComponentKind, Confidence};

/// Why a plan is too thin to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Gap {
    /// Fewer components with data than the settings ask for.
    TooFewComponents {
        measured: usize,
        needed: usize,
    },
    NoContact,
    NoCommitment,
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Gap::TooFewComponents { measured, needed } => write!(
                f,
                "{measured} of {} components have data, {needed} are needed",
                ComponentKind::ALL.len()
            ),
            Gap::NoContact => f.write_str("no contact recorded"),
            Gap::NoCommitment => f.write_str("no revenue commitment recorded"),
        }
    }
}

/// What keeps a plan whose score stands on `measured` components from a real band; empty
/// when nothing does.
pub fn gaps(account: &Account, measured: usize, rule: &Confidence) -> Vec<Gap> {
    let plan = &account.plan;
    let needed = usize::from(rule.min_components);
    let mut out = Vec::new();
    if measured < needed {
        out.push(Gap::TooFewComponents { measured, needed });
    }
    if rule.needs_contact && plan.contacts.is_empty() {
        out.push(Gap::NoContact);
    }
    if rule.needs_commitment && !plan.revenue.commitment.is_some_and(|c| c > 0.0) {
        out.push(Gap::NoCommitment);
    }
    out
}
