//! The model's own promises: fresh ids, copies that share accounts, new accounts, part slugs
//! and the JSON round trip.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use super::*;

#[test]
fn new_ids_differ_by_time_and_randomness_and_carry_the_prefix() {
    let a = new_id("acc", 1_700_000_000_000, 42);
    let b = new_id("acc", 1_700_000_000_000, 43);
    let c = new_id("acc", 1_700_000_000_001, 42);
    assert!(a.as_str().starts_with("acc-"));
    assert_ne!(a, b);
    assert_ne!(a, c);
}

#[test]
fn a_copy_shares_its_accounts_until_one_is_edited() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
    let mut ws = Workspace::default();
    for id in ["acc-1", "acc-2"] {
        ws.accounts
            .push(Arc::new(Account::new(Id::new(id), id, today, now)));
    }
    let copy = ws.clone();
    assert!(Arc::ptr_eq(&ws.accounts[0], &copy.accounts[0]));
    ws.account_mut(&Id::new("acc-1")).unwrap().notes = "edited".into();
    // The edit copied that account only; the copy still reads as before.
    assert_eq!(copy.accounts[0].notes, "");
    assert_eq!(ws.accounts[0].notes, "edited");
    assert!(!Arc::ptr_eq(&ws.accounts[0], &copy.accounts[0]));
    assert!(Arc::ptr_eq(&ws.accounts[1], &copy.accounts[1]));
}

#[test]
fn new_account_trims_its_name_and_plans_for_this_year() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
    let a = Account::new(Id::new("acc-1"), "  Acme Corp ", today, now);
    assert_eq!(a.name, "Acme Corp");
    assert_eq!(a.plan.year, 2026);
    assert_eq!(a.created_on, Some(today));
    assert!(a.plan.contacts.is_empty());
}

#[test]
fn plan_part_slugs_round_trip() {
    for part in PlanPart::ALL {
        assert_eq!(PlanPart::from_slug(part.slug()), Some(part));
    }
    assert_eq!(PlanPart::from_slug("nope"), None);
}

#[test]
fn a_workspace_round_trips_through_json() {
    let mut ws = Workspace::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap();
    let mut acc = Account::new(Id::new("acc-1"), "Acme", today, now);
    acc.plan.reviewed.insert(PlanPart::Contacts, today);
    acc.plan.actions.push(Action {
        id: Id::new("act-1"),
        link: Some(ActionLink::Goal(Id::new("goal-1"))),
        ..Action::default()
    });
    ws.accounts.push(Arc::new(acc));
    let text = serde_json::to_string(&ws).unwrap();
    let back: Workspace = serde_json::from_str(&text).unwrap();
    assert_eq!(back, ws);
}

/// Each value's key is its JSON spelling and `from_key` finds the value by it (and nothing by
/// an empty key), and no two values of one enum share a key or a label.
fn check_choices<T>()
where
    T: Choice + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    for (i, &x) in T::ALL.iter().enumerate() {
        assert_eq!(serde_json::to_value(x).unwrap(), x.key(), "{x:?}");
        let back: T = serde_json::from_value(x.key().into()).unwrap();
        assert_eq!(back, x);
        assert_eq!(T::from_key(x.key()), Some(x), "{x:?}");
        assert!(!x.label().is_empty(), "{x:?}");
        for &y in &T::ALL[..i] {
            assert_ne!(x.key(), y.key());
            assert_ne!(x.label(), y.label());
        }
    }
    assert_eq!(T::from_key(""), None);
}

#[test]
fn enum_keys_are_their_json_names_and_labels_are_distinct() {
    check_choices::<Band>();
    check_choices::<Segment>();
    check_choices::<GoalKind>();
    check_choices::<Rhythm>();
    check_choices::<DecisionRole>();
    check_choices::<Stance>();
    check_choices::<InteractionKind>();
    check_choices::<CellStatus>();
    check_choices::<Dimension>();
    check_choices::<Stage>();
    check_choices::<ActionStatus>();
    check_choices::<RenewalStatus>();
    check_choices::<Risk>();
    check_choices::<ReviewKind>();
}

/// The heatmap's legend names each status once; a competitor's cell in a phrase (the e2e
/// test finds the legend by it).
#[test]
fn cell_status_long_labels_are_distinct() {
    let long: Vec<_> = CellStatus::ALL.map(CellStatus::long_label).into();
    for (i, l) in long.iter().enumerate() {
        assert!(!long[..i].contains(l), "{l}");
    }
    assert_eq!(CellStatus::Competitor.long_label(), "Held by a competitor");
    assert_eq!(CellStatus::Open.long_label(), CellStatus::Open.label());
}

#[test]
fn contributors_are_written_only_when_someone_is_named() {
    let mut plan = AccountPlan::default();
    let json = serde_json::to_string(&plan).unwrap();
    assert!(!json.contains("contributors"), "{json}");
    assert_eq!(serde_json::from_str::<AccountPlan>(&json).unwrap(), plan);
    plan.contributors.contacts.push(Id::new("con-1"));
    plan.contributors.members.push(Id::new("tm-1"));
    let json = serde_json::to_string(&plan).unwrap();
    assert!(
        json.contains(r#""contributors":{"contacts":["con-1"],"members":["tm-1"]}"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<AccountPlan>(&json).unwrap(), plan);
}
