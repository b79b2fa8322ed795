//! The customer version of a plan (the product brief's "customer-safe" export and print):
//! the plan as the account manager can show it to the customer, to build it together.
//!
//! Left out, field by field, and why:
//!
//! - **Contacts' stance, relationship strength and role in decisions**: our read of the
//!   customer's people ("skeptic", "gatekeeper", "2 of 5") is for us, not for them.
//! - **Internal notes**: the account's notes, contacts' notes, interactions' notes, the
//!   contract's notes and white-space cells' notes are written for ourselves.
//! - **Competitors' names** in white-space cells: our competitive picture. The cell still
//!   says that a competitor holds it, which the customer knows.
//! - **Opportunities' probability** (written as 0, the field has no empty value): our odds
//!   of winning would weaken us in a negotiation. Name, goal, stage, value, dates and next
//!   step stay: they are what we propose to do for the customer.
//! - **The growth target**: our own target on top of the customer's commitment.
//! - **The contract's risk** (written as the default, low): our read of the renewal.
//! - **Actions' expected impact**: which of the work we do for them we judge worth less.
//! - **Coaching**: every review, with its notes, coaching answers, score snapshot and
//!   follow-up list (the follow-up actions themselves stay in the actions).
//!
//! Everything else stays: revenue figures the customer knows (last year, commitment,
//! actuals), goals, measures, the customer's own feedback, contacts with their titles,
//! departments, levels, reporting lines, contact details and major challenge, the dates and
//! people of interactions, white space, actions, cadence, our team, the contract's dates,
//! value and renewal status, the plan contributors (the customer's people among them helped
//! build it, and the plan says so), and the dates parts were last reviewed.

use super::model::{Account, Risk};

/// `account` without what the customer should not see (see the module documentation).
pub fn customer_version(account: &Account) -> Account {
    let mut a = account.clone();
    a.notes.clear();
    let p = &mut a.plan;
    p.revenue.growth_target = None;
    // Past years' plans hold last year's growth targets: the customer version shows this year's.
    p.previous.clear();
    for c in &mut p.contacts {
        c.stance = None;
        c.strength = None;
        c.role = None;
        c.notes.clear();
    }
    for x in &mut p.interactions {
        x.note.clear();
    }
    for cell in &mut p.white_space.cells {
        cell.competitor = None;
        cell.note.clear();
    }
    for o in &mut p.opportunities {
        o.probability = 0.0;
    }
    for x in &mut p.actions {
        x.impact = None;
    }
    p.contract.risk = Risk::default();
    p.contract.notes.clear();
    p.reviews.clear();
    a
}

#[cfg(test)]
mod tests;
