//! Validation on a valid synthetic workspace broken one field at a time, on hand-built
//! reporting lines, and on arbitrary input (proptest): every problem found, with its path.

use super::*;
use crate::domain::model::{Contact, FeedbackItem, Interaction, WhiteSpaceCell};
use crate::domain::sample::synthetic::{synthetic_workspace, SMALL};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::sync::Arc;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

/// A valid two-account workspace to break.
fn valid() -> Workspace {
    let ws = synthetic_workspace(1, 2, &SMALL, today());
    assert_eq!(validate(&ws), vec![]);
    ws
}

fn paths(ws: &Workspace) -> Vec<String> {
    validate(ws).into_iter().map(|p| p.path).collect()
}

fn contact(id: &str, name: &str, boss: Option<&str>) -> Contact {
    Contact {
        id: Id::new(id),
        name: name.into(),
        reports_to: boss.map(Id::new),
        ..Contact::default()
    }
}

/// One account holding just these contacts.
fn with_contacts(contacts: Vec<Contact>) -> Workspace {
    let mut ws = Workspace::default();
    ws.accounts.push(Arc::new(Account {
        id: Id::new("acc-1"),
        fiscal_year_start_month: 1,
        ..Account::default()
    }));
    Arc::make_mut(&mut ws.accounts[0]).plan.contacts = contacts;
    ws
}

#[test]
fn removing_a_used_team_member_names_every_reference_and_an_unused_one_none() {
    let before = valid();
    let owner = before.accounts[0]
        .owner
        .clone()
        .expect("synthetic accounts have owners");
    let mut after = before.clone();
    after.team.retain(|m| m.id != owner);
    let found = introduced_problems(&before, &after);
    assert!(!found.is_empty());
    assert!(
        found.iter().any(|p| p.path == "accounts[0].owner"),
        "{found:?}"
    );
    assert!(found.iter().all(|p| p.message.contains(owner.as_str())));

    let mut unused = before.clone();
    unused.team.push(crate::domain::model::TeamMember {
        id: Id::new("tm-spare"),
        name: "Spare".into(),
        ..Default::default()
    });
    let mut removed = unused.clone();
    removed.team.pop();
    assert_eq!(introduced_problems(&unused, &removed), vec![]);
}

#[test]
fn removing_a_department_in_use_is_an_introduced_problem_but_old_problems_are_not() {
    let mut before = valid();
    Arc::make_mut(&mut before.accounts[1])
        .plan
        .revenue
        .commitment = Some(-1.0); // an existing problem
    let dept = before.accounts[0].plan.contacts[0]
        .department
        .clone()
        .expect("synthetic contacts have departments");
    let mut after = before.clone();
    after.settings.departments.retain(|d| d.id != dept);
    let found = introduced_problems(&before, &after);
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|p| !p.path.starts_with("accounts[1].plan.revenue")));
    assert!(
        found.iter().any(|p| p.path.ends_with(".department")),
        "{found:?}"
    );
}

#[test]
fn an_interaction_with_a_missing_contact_is_reported_at_that_contact() {
    let mut ws = valid();
    Arc::make_mut(&mut ws.accounts[1]).plan.interactions[3].contacts[0] = Id::new("con-ghost");
    let problems = validate(&ws);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].path,
        "accounts[1].plan.interactions[3].contacts[0]"
    );
    assert!(problems[0].message.contains("con-ghost"));
}

#[test]
fn duplicate_ids_are_reported_at_the_second_use() {
    let mut ws = valid();
    Arc::make_mut(&mut ws.accounts[1]).id = ws.accounts[0].id.clone();
    Arc::make_mut(&mut ws.accounts[0]).plan.interactions[5].id =
        ws.accounts[0].plan.interactions[4].id.clone();
    let problems = validate(&ws);
    let got: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        got,
        ["accounts[1].id", "accounts[0].plan.interactions[5].id"]
    );
    assert!(problems[1]
        .message
        .contains("accounts[0].plan.interactions[4]"));
}

#[test]
fn duplicate_contacts_and_empty_ids_are_reported() {
    let ws = with_contacts(vec![
        contact("c1", "Ann", None),
        contact("c1", "Bob", None),
        contact(" ", "Cy", None),
    ]);
    assert_eq!(
        paths(&ws),
        [
            "accounts[0].plan.contacts[1].id",
            "accounts[0].plan.contacts[2].id"
        ]
    );
}

#[test]
fn feedback_ids_are_unique_across_the_three_lists() {
    let mut ws = with_contacts(vec![]);
    let item = |id: &str| FeedbackItem {
        id: Id::new(id),
        ..FeedbackItem::default()
    };
    let fb = &mut Arc::make_mut(&mut ws.accounts[0]).plan.feedback;
    fb.start = vec![item("f1"), item("f2")];
    fb.keep = vec![item("f3"), item("f1")];
    assert_eq!(paths(&ws), ["accounts[0].plan.feedback.keep[1].id"]);
}

#[test]
fn a_reporting_cycle_is_reported_once_at_its_first_member() {
    let ws = with_contacts(vec![
        contact("c0", "Root", None),
        contact("c1", "Ann", Some("c2")),
        contact("c2", "Bob", Some("c3")),
        contact("c3", "Cy", Some("c1")),
    ]);
    let problems = validate(&ws);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "accounts[0].plan.contacts[1].reports_to");
    assert!(
        problems[0].message.contains("Ann → Bob → Cy → Ann"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_contact_reporting_to_themself_is_a_cycle_of_one() {
    let ws = with_contacts(vec![
        contact("c0", "Root", None),
        contact("c1", "Ann", Some("c1")),
    ]);
    let problems = validate(&ws);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "accounts[0].plan.contacts[1].reports_to");
    assert_eq!(problems[0].message, "Ann reports to themself");
}

#[test]
fn reporting_to_a_missing_contact_is_a_dangling_reference_not_a_cycle() {
    let ws = with_contacts(vec![contact("c0", "Root", Some("c9"))]);
    let problems = validate(&ws);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "accounts[0].plan.contacts[0].reports_to");
    assert!(problems[0].message.contains("does not exist"));
}

#[test]
fn negative_and_non_finite_money_is_reported() {
    let mut ws = valid();
    let plan = &mut Arc::make_mut(&mut ws.accounts[0]).plan;
    plan.revenue.commitment = Some(-5.0);
    plan.revenue.quarterly_actuals[2] = Some(f64::NAN);
    plan.contract.value = Some(f64::INFINITY);
    plan.white_space.cells[0].value = Some(-1.0);
    assert_eq!(
        paths(&ws),
        [
            "accounts[0].plan.revenue.commitment",
            "accounts[0].plan.revenue.quarterly_actuals[2]",
            "accounts[0].plan.white_space.cells[0].value",
            "accounts[0].plan.contract.value",
        ]
    );
    let problems = validate(&ws);
    assert_eq!(problems[0].message, "amount -5 is negative");
    assert_eq!(problems[1].message, "amount is not a number");
}

#[test]
fn a_probability_outside_zero_to_one_or_nan_is_reported() {
    let mut ws = valid();
    let opps = &mut Arc::make_mut(&mut ws.accounts[1]).plan.opportunities;
    opps[0].probability = 1.5;
    opps[1].probability = -0.01;
    opps[2].probability = f64::NAN;
    assert_eq!(
        paths(&ws),
        [
            "accounts[1].plan.opportunities[0].probability",
            "accounts[1].plan.opportunities[1].probability",
            "accounts[1].plan.opportunities[2].probability",
        ]
    );
    // The bounds themselves are fine.
    let opps = &mut Arc::make_mut(&mut ws.accounts[1]).plan.opportunities;
    opps[0].probability = 0.0;
    opps[1].probability = 1.0;
    opps[2].probability = 0.5;
    assert_eq!(paths(&ws), Vec::<String>::new());
}

#[test]
fn a_contract_ending_before_it_starts_is_reported_at_its_end_date() {
    let mut ws = valid();
    let c = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contract;
    c.end_date = c.start_date.map(|d| d.pred_opt().unwrap());
    let problems = validate(&ws);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "accounts[0].plan.contract.end_date");
    // Ending on the day it starts is allowed.
    let c = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contract;
    c.end_date = c.start_date;
    assert!(validate(&ws).is_empty());
}

#[test]
fn a_duplicate_white_space_cell_and_an_unknown_unit_are_reported() {
    let mut ws = valid();
    let cells = &mut Arc::make_mut(&mut ws.accounts[0]).plan.white_space.cells;
    let copy = cells[0].clone();
    cells.push(copy);
    cells.push(WhiteSpaceCell {
        unit: Id::new("unit-x"),
        ..cells[0].clone()
    });
    let n = cells.len();
    assert_eq!(
        paths(&ws),
        [
            format!("accounts[0].plan.white_space.cells[{}]", n - 2),
            format!("accounts[0].plan.white_space.cells[{}].unit", n - 1),
        ]
    );
}

#[test]
fn asking_for_more_components_than_a_score_has_is_reported() {
    let mut ws = valid();
    ws.settings.confidence.min_components = 8;
    assert_eq!(paths(&ws), Vec::<String>::new());
    ws.settings.confidence.min_components = 9;
    assert_eq!(paths(&ws), vec!["settings.confidence.min_components"]);
}

#[test]
fn an_interaction_by_an_unknown_team_member_is_reported() {
    let mut ws = valid();
    Arc::make_mut(&mut ws.accounts[0])
        .plan
        .interactions
        .push(Interaction {
            id: Id::new("int-new"),
            by: Some(Id::new("tm-ghost")),
            ..Interaction::default()
        });
    let n = ws.accounts[0].plan.interactions.len();
    assert_eq!(
        paths(&ws),
        [format!("accounts[0].plan.interactions[{}].by", n - 1)]
    );
}

#[test]
fn a_contributor_who_is_neither_a_contact_nor_a_team_member_is_reported() {
    let mut ws = valid();
    let contact = ws.accounts[1].plan.contacts[0].id.clone();
    let member = ws.team[0].id.clone();
    let who = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contributors;
    who.contacts = vec![Id::new("con-ghost"), contact];
    who.members = vec![member.clone(), Id::new("tm-ghost")];
    // The second contact is one of the other account's: not a contact of this one.
    assert_eq!(
        paths(&ws),
        [
            "accounts[0].plan.contributors.contacts[0]",
            "accounts[0].plan.contributors.contacts[1]",
            "accounts[0].plan.contributors.members[1]",
        ]
    );
    let own = ws.accounts[0].plan.contacts[0].id.clone();
    let who = &mut Arc::make_mut(&mut ws.accounts[0]).plan.contributors;
    who.contacts = vec![own];
    who.members = vec![member];
    assert_eq!(validate(&ws), vec![]);
}

/// Breaks account `i` of `ws` in one of several ways; returns the expected path.
fn inject(ws: &mut Workspace, i: usize, defect: usize, k: usize) -> String {
    let plan = &mut Arc::make_mut(&mut ws.accounts[i]).plan;
    let p = format!("accounts[{i}].plan");
    match defect {
        0 => {
            let k = k % plan.interactions.len();
            plan.interactions[k].contacts[0] = Id::new("con-ghost");
            format!("{p}.interactions[{k}].contacts[0]")
        }
        1 => {
            let k = k % plan.contacts.len();
            plan.contacts[k].reports_to = Some(plan.contacts[k].id.clone());
            format!("{p}.contacts[{k}].reports_to")
        }
        2 => {
            plan.revenue.last_year = Some(-1.0);
            format!("{p}.revenue.last_year")
        }
        3 => {
            let k = k % plan.opportunities.len();
            plan.opportunities[k].probability = if k.is_multiple_of(2) { 1.01 } else { f64::NAN };
            format!("{p}.opportunities[{k}].probability")
        }
        4 => {
            let c = &mut plan.contract;
            c.end_date = c.start_date.map(|d| d.pred_opt().unwrap());
            format!("{p}.contract.end_date")
        }
        5 => {
            let k = 1 + k % (plan.goals.len() - 1);
            plan.goals[k].id = plan.goals[0].id.clone();
            format!("{p}.goals[{k}].id")
        }
        _ => {
            let k = k % plan.contacts.len();
            plan.contacts[k].owner = Some(Id::new("tm-ghost"));
            format!("{p}.contacts[{k}].owner")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn one_injected_defect_is_reported_at_its_path(
        seed in any::<u64>(),
        i in 0usize..3,
        defect in 0usize..7,
        k in 0usize..100,
    ) {
        let mut ws = synthetic_workspace(seed, 3, &SMALL, today());
        prop_assert!(validate(&ws).is_empty());
        let expected = inject(&mut ws, i, defect, k);
        let problems = validate(&ws);
        prop_assert!(problems.iter().any(|p| p.path == expected), "{expected} not in {problems:?}");
        let prefix = format!("accounts[{i}].");
        prop_assert!(problems.iter().all(|p| p.path.starts_with(&prefix)), "{problems:?}");
    }
}

#[test]
fn the_practices_references_must_resolve_and_histories_keep_date_order() {
    use crate::domain::model::{AttendeeResponse, MeasureValue};
    let mut ws = valid();
    let a = Arc::make_mut(&mut ws.accounts[0]);
    let p = &mut a.plan;
    p.revenue.agreed_by = Some(Id::new("con-nobody"));
    p.actions[0].feedback = Some(Id::new("fb-nothing"));
    p.cadence[0]
        .responses
        .insert(Id::new("con-stranger"), AttendeeResponse::Accepted);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    p.measures[0].history = vec![
        MeasureValue {
            date: d("2026-03-01"),
            value: 1.0,
        },
        MeasureValue {
            date: d("2026-02-01"),
            value: f64::NAN,
        },
    ];
    let found = validate(&ws);
    let at: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        at,
        vec![
            "accounts[0].plan.revenue.agreed_by",
            "accounts[0].plan.measures[0].history[1].value",
            "accounts[0].plan.measures[0].history[1].date",
            "accounts[0].plan.actions[0].feedback",
            "accounts[0].plan.cadence[0].responses.con-stranger",
        ]
    );
    assert_eq!(
        found[3].message,
        "answers feedback item 'fb-nothing', which does not exist in this account"
    );
    // Linked to a real item, answered by a real attendee: valid again.
    let mut ok = valid();
    let a = Arc::make_mut(&mut ok.accounts[0]);
    let item = a.plan.feedback.start[0].id.clone();
    a.plan.actions[0].feedback = Some(item);
    let who = a.plan.cadence[0].attendees[0].clone();
    a.plan.cadence[0]
        .responses
        .insert(who, AttendeeResponse::Declined);
    a.plan.revenue.agreed_by = Some(a.plan.contacts[0].id.clone());
    assert_eq!(validate(&ok), vec![]);
}
