//! The duplicate: a hand-built account copied field by field, and on synthetic plans
//! (proptest) no id of the copy equals one of the original's, and every reference of the
//! copy points inside the copy.

use std::collections::HashSet;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::model::{
    Action, Contact, FeedbackItem, Goal, Interaction, Meeting, Opportunity, Review, SuccessMeasure,
    TeamRole, Term, WhiteSpaceCell,
};
use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
use crate::domain::validate::validate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 12, 4, 11, 0, 0).unwrap()
}

/// Fresh ids "new-<kind>-1", "new-<kind>-2", …
fn counter() -> impl FnMut(&str) -> Id {
    let mut n = 0;
    move |kind| {
        n += 1;
        Id::new(format!("new-{kind}-{n}"))
    }
}

/// Every id an entity of `a` has.
fn ids(a: &Account) -> Vec<Id> {
    let p = &a.plan;
    let mut out = vec![a.id.clone()];
    out.extend(p.contacts.iter().map(|x| x.id.clone()));
    out.extend(p.goals.iter().map(|x| x.id.clone()));
    out.extend(p.measures.iter().map(|x| x.id.clone()));
    out.extend(p.interactions.iter().map(|x| x.id.clone()));
    out.extend(p.white_space.units.iter().map(|x| x.id.clone()));
    out.extend(p.opportunities.iter().map(|x| x.id.clone()));
    out.extend(p.actions.iter().map(|x| x.id.clone()));
    out.extend(p.cadence.iter().map(|x| x.id.clone()));
    out.extend(p.team.iter().map(|x| x.id.clone()));
    out.extend(p.reviews.iter().map(|x| x.id.clone()));
    let f = &p.feedback;
    out.extend(
        f.start
            .iter()
            .chain(&f.stop)
            .chain(&f.keep)
            .map(|x| x.id.clone()),
    );
    out
}

/// Every reference from one entity of `a` to another of `a` (not to the workspace).
fn references(a: &Account) -> Vec<Id> {
    let p = &a.plan;
    let mut out: Vec<Id> = Vec::new();
    for c in &p.contacts {
        out.extend(c.reports_to.clone());
    }
    for g in &p.goals {
        out.extend(g.source_contact.clone());
    }
    for m in &p.measures {
        out.extend(m.evaluator.clone().into_iter().chain(m.goal.clone()));
    }
    for x in &p.interactions {
        out.extend(x.contacts.iter().cloned());
    }
    out.extend(p.white_space.cells.iter().map(|c| c.unit.clone()));
    for o in &p.opportunities {
        out.extend(o.goal.clone());
    }
    for x in &p.actions {
        out.extend(x.link.as_ref().map(|l| match l {
            ActionLink::Opportunity(id) | ActionLink::Goal(id) | ActionLink::Measure(id) => {
                id.clone()
            }
        }));
    }
    for m in &p.cadence {
        out.extend(m.attendees.iter().cloned());
    }
    for r in &p.team {
        out.extend(r.counterpart.clone());
    }
    for r in &p.reviews {
        out.extend(r.follow_ups.iter().cloned());
    }
    out.extend(p.contributors.contacts.iter().cloned());
    let f = &p.feedback;
    out.extend(
        f.start
            .iter()
            .chain(&f.stop)
            .chain(&f.keep)
            .filter_map(|x| x.source_contact.clone()),
    );
    out
}

/// An account with one of everything, each referring to the others.
fn original() -> Account {
    let old = Utc.with_ymd_and_hms(2026, 1, 2, 9, 0, 0).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut a = Account::new(Id::new("acc-o"), "Acme", day, old);
    a.industry = "Retail".into();
    a.owner = Some(Id::new("mem-1"));
    a.archived = true;
    let p = &mut a.plan;
    p.revenue.commitment = Some(100.0);
    p.revenue.quarterly_actuals = [Some(20.0), None, None, None];
    p.contacts = vec![
        Contact {
            id: "con-boss".into(),
            name: "Ann".into(),
            ..Default::default()
        },
        Contact {
            id: "con-b".into(),
            name: "Bo".into(),
            reports_to: Some("con-boss".into()),
            department: Some("dep-it".into()),
            ..Default::default()
        },
    ];
    p.goals = vec![Goal {
        id: "goal-1".into(),
        title: "Grow".into(),
        source_contact: Some("con-b".into()),
        ..Default::default()
    }];
    p.measures = vec![SuccessMeasure {
        id: "msr-1".into(),
        name: "Uptime".into(),
        goal: Some("goal-1".into()),
        evaluator: Some("con-boss".into()),
        current: Some(99.0),
        last_checked: Some(day),
        ..Default::default()
    }];
    p.interactions = vec![Interaction {
        id: "int-1".into(),
        contacts: vec!["con-b".into()],
        date: Some(day),
        ..Default::default()
    }];
    p.white_space.units = vec![Term::new("unit-1", "North")];
    p.white_space.cells = vec![WhiteSpaceCell {
        unit: "unit-1".into(),
        offering: "off-1".into(),
        ..Default::default()
    }];
    p.opportunities = vec![Opportunity {
        id: "opp-1".into(),
        goal: Some("goal-1".into()),
        ..Default::default()
    }];
    p.actions = vec![
        Action {
            id: "act-open".into(),
            title: "Call".into(),
            link: Some(ActionLink::Measure("msr-1".into())),
            ..Default::default()
        },
        Action {
            id: "act-done".into(),
            status: ActionStatus::Done,
            ..Default::default()
        },
    ];
    p.cadence = vec![Meeting {
        id: "mtg-1".into(),
        attendees: vec!["con-boss".into()],
        internal_attendees: vec!["mem-1".into()],
        held: vec![day],
        ..Default::default()
    }];
    p.team = vec![TeamRole {
        id: "role-1".into(),
        member: Some("mem-1".into()),
        counterpart: Some("con-boss".into()),
        ..Default::default()
    }];
    p.contributors.contacts = vec!["con-b".into()];
    p.feedback.keep = vec![FeedbackItem {
        id: "fb-1".into(),
        text: "Fast".into(),
        ..Default::default()
    }];
    p.reviews = vec![Review {
        id: "rev-1".into(),
        ..Default::default()
    }];
    p.reviewed
        .insert(crate::domain::model::PlanPart::Goals, day);
    a
}

#[test]
fn the_copy_keeps_the_plan_under_new_ids_and_drops_its_history() {
    let a = original();
    let c = duplicate_as_template(&a, &copy_name(" Acme "), counter(), today(), now());
    assert_eq!(c.name, "Copy of Acme");
    assert_eq!(
        (c.industry.as_str(), c.owner.clone()),
        ("Retail", Some(Id::new("mem-1")))
    );
    assert!(!c.archived);
    assert_eq!(c.created_on, Some(today()));
    let p = &c.plan;
    // People, their lines and departments, under new ids.
    assert_eq!(
        p.contacts
            .iter()
            .map(|x| x.name.as_str())
            .collect::<Vec<_>>(),
        ["Ann", "Bo"]
    );
    assert_eq!(p.contacts[0].id, Id::new("new-con-1"));
    assert_eq!(p.contacts[1].reports_to, Some(Id::new("new-con-1")));
    assert_eq!(p.contacts[1].department, Some(Id::new("dep-it")));
    assert_eq!(p.goals[0].source_contact, Some(Id::new("new-con-2")));
    assert_eq!(p.measures[0].goal, Some(p.goals[0].id.clone()));
    assert_eq!(p.measures[0].evaluator, Some(Id::new("new-con-1")));
    assert_eq!(
        (p.measures[0].current, p.measures[0].last_checked),
        (None, None)
    );
    assert_eq!(p.opportunities[0].goal, Some(p.goals[0].id.clone()));
    assert_eq!(p.white_space.cells[0].unit, p.white_space.units[0].id);
    assert_eq!(p.white_space.cells[0].offering, Id::new("off-1"));
    // Only the open action, linked to the copy's measure.
    assert_eq!(p.actions.len(), 1);
    assert_eq!(
        p.actions[0].link,
        Some(ActionLink::Measure(p.measures[0].id.clone()))
    );
    assert_eq!(p.cadence[0].attendees, vec![Id::new("new-con-1")]);
    assert_eq!(p.cadence[0].internal_attendees, vec![Id::new("mem-1")]);
    assert!(p.cadence[0].held.is_empty());
    assert_eq!(p.team[0].counterpart, Some(Id::new("new-con-1")));
    assert_eq!(p.contributors.contacts, vec![Id::new("new-con-2")]);
    // The revenue plan, not what was spent.
    assert_eq!(p.revenue.commitment, Some(100.0));
    assert_eq!(p.revenue.quarterly_actuals, [None; 4]);
    // History is not carried.
    assert!(p.interactions.is_empty() && p.reviews.is_empty() && p.reviewed.is_empty());
    assert!(p.feedback.keep.is_empty());
    // Every entity is stamped as new.
    assert!(p.contacts.iter().all(|x| x.updated_at == Some(now())));
    assert_eq!(c.details_updated_at, Some(now()));
}

fn assert_independent(original: &Account, copy: &Account) -> Result<(), TestCaseError> {
    let old: HashSet<Id> = ids(original).into_iter().collect();
    let new: Vec<Id> = ids(copy);
    let unique: HashSet<&Id> = new.iter().collect();
    prop_assert_eq!(unique.len(), new.len(), "ids of the copy repeat");
    for id in &new {
        prop_assert!(!old.contains(id), "{} is an id of the original", id);
    }
    for r in references(copy) {
        prop_assert!(unique.contains(&r), "{} points outside the copy", r);
    }
    Ok(())
}

#[test]
fn the_hand_built_copy_is_independent() {
    let a = original();
    let c = duplicate_as_template(&a, "Copy", counter(), today(), now());
    assert_independent(&a, &c).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn a_copy_shares_no_id_and_points_only_inside_itself(seed in any::<u64>(), which in 0usize..3) {
        let mut ws = synthetic_workspace(seed, 3, &SMALL, today());
        let original = ws.accounts[which].clone();
        // Ids as the app makes them: the kind, then something unique.
        let mut n = 0u64;
        let copy = duplicate_as_template(&original, &copy_name(&original.name), |kind| {
            n += 1;
            Id::new(format!("{kind}-copy{n}"))
        }, today(), now());
        assert_independent(&original, &copy)?;
        // The copy sits in the workspace without a dangling reference.
        ws.accounts.push(std::sync::Arc::new(copy));
        prop_assert_eq!(validate(&ws), vec![]);
    }
}
