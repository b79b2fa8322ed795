//! After a merge, the team members and taxonomy terms the merged accounts refer to that
//! this workspace lacks come from theirs, so that the result stays valid.

use std::collections::HashSet;

use crate::domain::model::{Account, Id, Settings, Term, Workspace};

/// Every team member an account refers to.
pub fn referenced_members(a: &Account) -> HashSet<Id> {
    let p = &a.plan;
    let mut ids: HashSet<Id> = HashSet::new();
    let mut add = |id: &Option<Id>| {
        if let Some(id) = id {
            ids.insert(id.clone());
        }
    };
    add(&a.owner);
    p.contacts.iter().for_each(|c| add(&c.owner));
    for c in &p.contacts {
        if let Some(crate::domain::model::Introducer::Member(m)) = &c.introduced_by {
            add(&Some(m.clone()));
        }
    }
    p.interactions.iter().for_each(|x| add(&x.by));
    p.opportunities.iter().for_each(|o| add(&o.owner));
    p.actions.iter().for_each(|x| add(&x.owner));
    p.team.iter().for_each(|r| add(&r.member));
    p.reviews.iter().for_each(|r| add(&r.reviewer));
    for m in &p.cadence {
        ids.extend(m.internal_attendees.iter().cloned());
    }
    ids.extend(p.contributors.members.iter().cloned());
    ids
}

/// Adds to `out`, from `theirs`, the members and terms its accounts refer to and lacks.
pub(crate) fn fill(out: &mut Workspace, theirs: &Workspace) {
    let mut members: HashSet<Id> = HashSet::new();
    let mut terms = Terms::default();
    for a in &out.accounts {
        members.extend(referenced_members(a));
        terms.add(a);
    }
    for m in &theirs.team {
        if members.contains(&m.id) && out.member(&m.id).is_none() {
            out.team.push(m.clone());
        }
    }
    terms.fill(&mut out.settings, &theirs.settings);
}

#[derive(Default)]
struct Terms {
    departments: HashSet<Id>,
    levels: HashSet<Id>,
    offerings: HashSet<Id>,
    meeting_types: HashSet<Id>,
}

impl Terms {
    fn add(&mut self, a: &Account) {
        for c in &a.plan.contacts {
            self.departments.extend(c.department.clone());
            self.levels.extend(c.level.clone());
        }
        let cells = &a.plan.white_space.cells;
        self.offerings
            .extend(cells.iter().map(|c| c.offering.clone()));
        // The areas interactions were about: offerings among them (goals are not terms).
        for x in &a.plan.interactions {
            self.offerings.extend(x.areas.iter().cloned());
        }
        let meetings = a.plan.cadence.iter();
        self.meeting_types
            .extend(meetings.filter_map(|m| m.meeting_type.clone()));
    }

    fn fill(&self, s: &mut Settings, from: &Settings) {
        fill_terms(&mut s.departments, &from.departments, &self.departments);
        fill_terms(&mut s.offerings, &from.offerings, &self.offerings);
        fill_terms(
            &mut s.meeting_types,
            &from.meeting_types,
            &self.meeting_types,
        );
        for t in &from.levels {
            if self.levels.contains(&t.id) && !s.levels.iter().any(|x| x.id == t.id) {
                s.levels.push(t.clone());
            }
        }
    }
}

fn fill_terms(list: &mut Vec<Term>, from: &[Term], used: &HashSet<Id>) {
    for t in from {
        if used.contains(&t.id) && !list.iter().any(|x| x.id == t.id) {
            list.push(t.clone());
        }
    }
}
