//! What a deletion leaves behind: references inside a plan to an entity no longer in it.
//! Deleting a contact, goal, measure, opportunity, feedback item or business unit removes
//! every reference to it, so that a plan never points at nothing (an import's validation
//! refuses such a file, and the user's own export would then not open again).

use std::collections::HashSet;

use crate::domain::model::{AccountPlan, ActionLink, Id, Introducer, Term};

/// Removes from `plan` every reference to a contact, goal, measure, opportunity, feedback
/// item or business unit of the plan that no longer exists. `offerings` are the workspace's
/// (an interaction's areas name offerings or goals). References to team members and
/// taxonomy terms are left alone: removing those is refused while they are in use.
pub fn drop_dangling(plan: &mut AccountPlan, offerings: &[Term]) {
    let ids = |it: &mut dyn Iterator<Item = &Id>| it.cloned().collect::<HashSet<Id>>();
    let contacts = ids(&mut plan.contacts.iter().map(|c| &c.id));
    let goals = ids(&mut plan.goals.iter().map(|g| &g.id));
    let measures = ids(&mut plan.measures.iter().map(|m| &m.id));
    let opportunities = ids(&mut plan.opportunities.iter().map(|o| &o.id));
    let units = ids(&mut plan.white_space.units.iter().map(|u| &u.id));
    let feedback = ids(&mut plan
        .feedback
        .start
        .iter()
        .chain(&plan.feedback.stop)
        .chain(&plan.feedback.keep)
        .map(|f| &f.id));
    let keep = |set: &HashSet<Id>, r: &mut Option<Id>| {
        if r.as_ref().is_some_and(|id| !set.contains(id)) {
            *r = None;
        }
    };

    for c in &mut plan.contacts {
        keep(&contacts, &mut c.reports_to);
        if matches!(&c.introduced_by, Some(Introducer::Contact(id)) if !contacts.contains(id)) {
            c.introduced_by = None;
        }
    }
    for g in &mut plan.goals {
        keep(&contacts, &mut g.source_contact);
    }
    for m in &mut plan.measures {
        keep(&contacts, &mut m.evaluator);
        keep(&goals, &mut m.goal);
    }
    for list in [
        &mut plan.feedback.start,
        &mut plan.feedback.stop,
        &mut plan.feedback.keep,
    ] {
        for f in list {
            keep(&contacts, &mut f.source_contact);
        }
    }
    for x in &mut plan.interactions {
        x.contacts.retain(|c| contacts.contains(c));
        x.areas
            .retain(|a| goals.contains(a) || offerings.iter().any(|o| &o.id == a));
    }
    plan.white_space
        .cells
        .retain(|cell| units.contains(&cell.unit));
    for o in &mut plan.opportunities {
        keep(&goals, &mut o.goal);
    }
    for a in &mut plan.actions {
        let linked = match &a.link {
            Some(ActionLink::Opportunity(id)) => opportunities.contains(id),
            Some(ActionLink::Goal(id)) => goals.contains(id),
            Some(ActionLink::Measure(id)) => measures.contains(id),
            None => true,
        };
        if !linked {
            a.link = None;
        }
        keep(&feedback, &mut a.feedback);
    }
    for m in &mut plan.cadence {
        m.attendees.retain(|c| contacts.contains(c));
        let (customer, ours) = (&m.attendees, &m.internal_attendees);
        m.responses
            .retain(|who, _| customer.contains(who) || ours.contains(who));
    }
    for role in &mut plan.team {
        keep(&contacts, &mut role.counterpart);
    }
    keep(&contacts, &mut plan.revenue.agreed_by);
    plan.contributors.contacts.retain(|c| contacts.contains(c));
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::sample::demo::demo_workspace;
    use crate::domain::validate::validate;

    /// One deletion from a plan.
    type Deletion = Box<dyn Fn(&mut AccountPlan)>;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    /// Deleting any one contact, goal, measure, opportunity or business unit of any demo
    /// plan leaves a workspace that validates (and so exports and imports again), and
    /// changes nothing else that did not refer to it.
    #[test]
    fn deleting_any_entity_of_the_demo_leaves_a_valid_workspace() {
        let ws = demo_workspace(today());
        assert_eq!(validate(&ws), vec![]);
        let offerings = ws.settings.offerings.clone();
        let mut deletions = 0;
        for (i, account) in ws.accounts.iter().enumerate() {
            let p = &account.plan;
            let mut cases: Vec<Deletion> = Vec::new();
            for c in &p.contacts {
                let id = c.id.clone();
                cases.push(Box::new(move |p| p.contacts.retain(|c| c.id != id)));
            }
            for g in &p.goals {
                let id = g.id.clone();
                cases.push(Box::new(move |p| p.goals.retain(|g| g.id != id)));
            }
            for m in &p.measures {
                let id = m.id.clone();
                cases.push(Box::new(move |p| p.measures.retain(|m| m.id != id)));
            }
            for o in &p.opportunities {
                let id = o.id.clone();
                cases.push(Box::new(move |p| p.opportunities.retain(|o| o.id != id)));
            }
            for u in &p.white_space.units {
                let id = u.id.clone();
                cases.push(Box::new(move |p| {
                    p.white_space.units.retain(|u| u.id != id)
                }));
            }
            for delete in cases {
                let mut after = ws.clone();
                let plan = &mut Arc::make_mut(&mut after.accounts[i]).plan;
                delete(plan);
                let deleted_only = plan.clone();
                drop_dangling(plan, &offerings);
                assert_eq!(
                    validate(&after),
                    vec![],
                    "account {i}, deletion {deletions}"
                );
                // Idempotent: a plan without dangling references is left as it is.
                let pruned = after.accounts[i].plan.clone();
                let mut again = pruned.clone();
                drop_dangling(&mut again, &offerings);
                assert_eq!(again, pruned);
                // Only references were touched: the entity lists keep their length.
                assert_eq!(pruned.contacts.len(), deleted_only.contacts.len());
                assert_eq!(pruned.actions.len(), deleted_only.actions.len());
                deletions += 1;
            }
        }
        assert!(
            deletions > 50,
            "the demo has {deletions} entities to delete"
        );
    }

    #[test]
    fn a_deleted_contact_leaves_every_place_that_named_them() {
        let ws = demo_workspace(today());
        let account = ws
            .accounts
            .iter()
            .find(|a| a.plan.revenue.agreed_by.is_some())
            .expect("a demo commitment agreed by a contact");
        let mut plan = account.plan.clone();
        let gone = plan.revenue.agreed_by.clone().unwrap();
        let named_in_interactions = plan
            .interactions
            .iter()
            .filter(|x| x.contacts.contains(&gone))
            .count();
        assert!(named_in_interactions > 0, "the agreeing contact was met");
        plan.contacts.retain(|c| c.id != gone);
        drop_dangling(&mut plan, &ws.settings.offerings);
        assert_eq!(plan.revenue.agreed_by, None);
        assert!(plan
            .interactions
            .iter()
            .all(|x| !x.contacts.contains(&gone)));
        assert!(plan
            .cadence
            .iter()
            .all(|m| !m.attendees.contains(&gone) && !m.responses.contains_key(&gone)));
        assert!(plan
            .contacts
            .iter()
            .all(|c| c.reports_to.as_ref() != Some(&gone)));
        assert!(!plan.contributors.contacts.contains(&gone));
        // The interactions themselves stay, with their other contacts.
        assert_eq!(plan.interactions.len(), account.plan.interactions.len());
    }
}
