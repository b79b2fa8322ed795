//! The references the account practices added: the areas an interaction was about, who
//! introduced a contact, and the segments' own rhythm and weights.

use super::*;
use crate::domain::model::{Contact, Goal, Interaction, Introducer, ReviewRhythm, Weights};
use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
use chrono::NaiveDate;
use std::sync::Arc;

fn valid() -> Workspace {
    let today = NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
    let ws = synthetic_workspace(1, 2, &SMALL, today);
    assert_eq!(validate(&ws), vec![]);
    ws
}

fn paths(ws: &Workspace) -> Vec<String> {
    validate(ws).into_iter().map(|p| p.path).collect()
}

#[test]
fn an_area_must_be_an_offering_or_a_goal_of_the_account() {
    let mut ws = valid();
    let plan = &mut Arc::make_mut(&mut ws.accounts[0]).plan;
    plan.goals.push(Goal {
        id: Id::new("goal-mine"),
        ..Goal::default()
    });
    plan.interactions.push(Interaction {
        id: Id::new("int-areas"),
        areas: vec![
            Id::new("off-core"),
            Id::new("goal-mine"),
            Id::new("off-gone"),
        ],
        ..Interaction::default()
    });
    let n = plan.interactions.len();
    assert_eq!(
        paths(&ws),
        [format!("accounts[0].plan.interactions[{}].areas[2]", n - 1)]
    );
}

#[test]
fn an_introducer_must_be_another_contact_or_a_team_member() {
    let mut ws = valid();
    let member = ws.team[0].id.clone();
    let plan = &mut Arc::make_mut(&mut ws.accounts[0]).plan;
    let known = plan.contacts[0].id.clone();
    let n = plan.contacts.len();
    for (id, by) in [
        ("new-1", Introducer::Contact(known)),
        ("new-2", Introducer::Member(member)),
        ("new-3", Introducer::Contact(Id::new("con-ghost"))),
        ("new-4", Introducer::Member(Id::new("tm-ghost"))),
        ("new-5", Introducer::Contact(Id::new("new-5"))),
    ] {
        plan.contacts.push(Contact {
            id: Id::new(id),
            introduced_by: Some(by),
            ..Contact::default()
        });
    }
    let found = validate(&ws);
    let at = |k: usize| format!("accounts[0].plan.contacts[{}].introduced_by", n + k);
    assert_eq!(
        found.iter().map(|p| p.path.clone()).collect::<Vec<_>>(),
        [at(2), at(3), at(4)]
    );
    assert!(found[2].message.contains("cannot introduce themselves"));
}

#[test]
fn a_segment_s_own_rhythm_and_weights_are_checked_at_their_path() {
    let mut ws = valid();
    ws.settings.segments.key.rhythm = Some(ReviewRhythm {
        monthly_review_days: 0,
        quarterly_update_days: 92,
    });
    ws.settings.segments.maintain.weights = Some(Weights {
        cadence: -1.0,
        ..Weights::default()
    });
    assert_eq!(
        paths(&ws),
        [
            "settings.segments.key.rhythm.monthly_review_days",
            "settings.segments.maintain.weights.cadence",
        ]
    );
}
