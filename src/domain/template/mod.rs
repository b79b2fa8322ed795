//! An account duplicated as the template of a new one: the same shape of plan (people,
//! goals, measures, white space, plays, open actions, cadence, team, contract) under new
//! ids, with every reference between them pointing inside the copy, and none of the dated
//! history of the original.
//!
//! What a template keeps, and why:
//! - **Kept**: the details (industry, segment, owner, fiscal year, notes; the name becomes
//!   "Copy of …" for the user to change), revenue's last year, commitment and growth
//!   target, goals, success measures (without their measured value and check date),
//!   contacts and their reporting lines, the white space, opportunities, the actions not
//!   done or cancelled, the cadence (without the dates it was held), the internal team,
//!   the contract and the plan's contributors: what lasts from one plan to the next.
//! - **Not carried**: interactions, reviews and their score snapshots, feedback (dated
//!   statements of the customer), quarterly actuals, "last reviewed" dates, tombstones,
//!   the archived flag. They are the original's history; the copy starts its own.
//!
//! References to the workspace (team members, departments, levels, offerings, meeting
//! types) are shared, not copied: they stay as they are.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{
    Account, AccountPlan, ActionLink, ActionStatus, Contributors, Feedback, Id, Introducer,
    Revenue, Timestamp,
};

/// The name a copy of `name` starts with.
pub fn copy_name(name: &str) -> String {
    format!("Copy of {}", name.trim())
}

/// `original` as the template of a new account named `name`, started `today` (its plan
/// in `today`'s year is the original's year: the copy plans the same year). `fresh` gives
/// a new id for a kind of entity ("acc", "con", …); every entity of the copy is stamped
/// `now`.
pub fn duplicate_as_template(
    original: &Account,
    name: &str,
    mut fresh: impl FnMut(&str) -> Id,
    today: NaiveDate,
    now: Timestamp,
) -> Account {
    let p = &original.plan;
    let mut ids = Remap::default();
    // New ids first, so that every reference can be remapped whatever the order.
    for c in &p.contacts {
        ids.give(&c.id, fresh("con"));
    }
    for g in &p.goals {
        ids.give(&g.id, fresh("goal"));
    }
    for m in &p.measures {
        ids.give(&m.id, fresh("msr"));
    }
    for o in &p.opportunities {
        ids.give(&o.id, fresh("opp"));
    }
    for u in &p.white_space.units {
        ids.give(&u.id, fresh("unit"));
    }
    let stamp = Some(now);
    let mut plan = AccountPlan {
        year: p.year,
        revenue: Revenue {
            last_year: p.revenue.last_year,
            commitment: p.revenue.commitment,
            growth_target: p.revenue.growth_target,
            updated_at: stamp,
            // The quarters' actuals and who agreed the commitment are this plan's history.
            ..Revenue::default()
        },
        feedback: Feedback::default(),
        interactions: Vec::new(),
        reviews: Vec::new(),
        reviewed: Default::default(),
        contributors: Contributors {
            contacts: ids.all(&p.contributors.contacts),
            members: p.contributors.members.clone(),
        },
        ..AccountPlan::default()
    };
    plan.contacts = p
        .contacts
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.id = ids.of(&c.id);
            c.reports_to = ids.opt(&c.reports_to);
            c.introduced_by = c.introduced_by.map(|by| match by {
                Introducer::Contact(id) => Introducer::Contact(ids.of(&id)),
                member => member,
            });
            c.first_met = None;
            c.updated_at = stamp;
            c
        })
        .collect();
    plan.goals = p
        .goals
        .iter()
        .map(|g| {
            let mut g = g.clone();
            g.id = ids.of(&g.id);
            g.source_contact = ids.opt(&g.source_contact);
            g.updated_at = stamp;
            g
        })
        .collect();
    plan.measures = p
        .measures
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.id = ids.of(&m.id);
            m.evaluator = ids.opt(&m.evaluator);
            m.goal = ids.opt(&m.goal);
            m.current = None;
            m.last_checked = None;
            m.history = Vec::new();
            m.updated_at = stamp;
            m
        })
        .collect();
    plan.white_space.units = p
        .white_space
        .units
        .iter()
        .map(|u| {
            let mut u = u.clone();
            u.id = ids.of(&u.id);
            u
        })
        .collect();
    plan.white_space.cells = p
        .white_space
        .cells
        .iter()
        .map(|cell| {
            let mut cell = cell.clone();
            cell.unit = ids.of(&cell.unit);
            cell.updated_at = stamp;
            cell
        })
        .collect();
    plan.opportunities = p
        .opportunities
        .iter()
        .map(|o| {
            let mut o = o.clone();
            o.id = ids.of(&o.id);
            o.goal = ids.opt(&o.goal);
            o.updated_at = stamp;
            o
        })
        .collect();
    plan.actions = p
        .actions
        .iter()
        .filter(|a| !matches!(a.status, ActionStatus::Done | ActionStatus::Cancelled))
        .map(|a| {
            let mut a = a.clone();
            a.id = fresh("act");
            a.link = a.link.map(|link| match link {
                ActionLink::Opportunity(id) => ActionLink::Opportunity(ids.of(&id)),
                ActionLink::Goal(id) => ActionLink::Goal(ids.of(&id)),
                ActionLink::Measure(id) => ActionLink::Measure(ids.of(&id)),
            });
            a.completed_on = None;
            // Feedback is not carried, so nothing is left to answer.
            a.feedback = None;
            a.updated_at = stamp;
            a
        })
        .collect();
    plan.cadence = p
        .cadence
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.id = fresh("mtg");
            m.attendees = ids.all(&m.attendees);
            m.held = Vec::new();
            m.responses = Default::default();
            m.updated_at = stamp;
            m
        })
        .collect();
    plan.team = p
        .team
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.id = fresh("role");
            r.counterpart = ids.opt(&r.counterpart);
            r.updated_at = stamp;
            r
        })
        .collect();
    plan.contract = p.contract.clone();
    plan.contract.updated_at = stamp;
    Account {
        id: fresh("acc"),
        name: name.trim().to_string(),
        industry: original.industry.clone(),
        segment: original.segment,
        owner: original.owner.clone(),
        fiscal_year_start_month: original.fiscal_year_start_month,
        notes: original.notes.clone(),
        archived: false,
        created_on: Some(today),
        updated_at: stamp,
        details_updated_at: stamp,
        plan,
        deleted: Vec::new(),
    }
}

/// The original's ids and the copy's.
#[derive(Default)]
struct Remap(HashMap<Id, Id>);

impl Remap {
    fn give(&mut self, old: &Id, new: Id) {
        self.0.insert(old.clone(), new);
    }

    /// The copy's id for `old`. An id of the original that names nothing in it (a
    /// dangling reference, which validation reports) is kept as it is: the copy is no
    /// worse than the original, and never points into it by a copied entity.
    fn of(&self, old: &Id) -> Id {
        self.0.get(old).cloned().unwrap_or_else(|| old.clone())
    }

    fn opt(&self, old: &Option<Id>) -> Option<Id> {
        old.as_ref().map(|id| self.of(id))
    }

    fn all(&self, old: &[Id]) -> Vec<Id> {
        old.iter().map(|id| self.of(id)).collect()
    }
}

#[cfg(test)]
mod tests;
