use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::model::{Contact, Goal, Settings, TeamMember};
use crate::domain::sample::synthetic::{synthetic_workspace, Shape};

pub(super) fn at(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

const SMALL: Shape = Shape {
    contacts: 4,
    interactions: 5,
    opportunities: 3,
};

/// A workspace every stamp of which is before `at(0)`, as two copies of it (ids "mine"
/// and "theirs") that last saw each other at `at(0)`.
pub(super) fn pair(accounts: usize) -> (Workspace, Workspace) {
    let mut base = synthetic_workspace(7, accounts, &SMALL, today());
    for a in &mut base.accounts {
        Arc::make_mut(a).details_updated_at = Some(at(-100));
        Arc::make_mut(a).plan.revenue.updated_at = Some(at(-100));
    }
    base.settings.updated_at = Some(at(-100));
    let mut mine = Workspace {
        id: Id::new("ws-mine"),
        ..base.clone()
    };
    let mut theirs = Workspace {
        id: Id::new("ws-theirs"),
        ..base
    };
    mine.sync_marks.insert(theirs.id.clone(), at(0));
    theirs.sync_marks.insert(mine.id.clone(), at(0));
    (mine, theirs)
}

/// An edit made at `when`, through the same stamping as the app's.
pub(super) fn edit(ws: &mut Workspace, i: usize, when: Timestamp, f: impl FnOnce(&mut Account)) {
    let before = ws.accounts[i].clone();
    let a = Arc::make_mut(&mut ws.accounts[i]);
    f(a);
    stamp_changes(&before, a, when);
    a.updated_at = Some(when);
}

fn merged(mine: &Workspace, theirs: &Workspace, choices: &Choices) -> Merged {
    merge(mine, theirs, Scope::Workspace, choices, at(1000), at(900))
}

fn contact(id: &str, name: &str) -> Contact {
    Contact {
        id: Id::new(id),
        name: name.into(),
        ..Contact::default()
    }
}

#[test]
fn edits_to_different_entities_of_one_account_both_stay_without_a_question() {
    let (mut mine, mut theirs) = pair(2);
    edit(&mut mine, 0, at(10), |a| {
        a.plan.goals.push(Goal {
            id: Id::new("goal-leader"),
            title: "Expand to the Nordics".into(),
            ..Goal::default()
        })
    });
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.contacts.push(contact("con-new", "Ann Lee"));
        a.plan.contacts[0].title = "CFO".into();
    });
    let m = merged(&mine, &theirs, &Choices::default());
    assert_eq!(m.conflicts().count(), 0, "{:?}", m.changes);
    let a = &m.workspace.accounts[0];
    assert!(a.plan.goals.iter().any(|g| g.id.as_str() == "goal-leader"));
    assert!(a.plan.contacts.iter().any(|c| c.name == "Ann Lee"));
    assert_eq!(a.plan.contacts[0].title, "CFO");
    assert_eq!(m.count(Status::Added), 1);
    assert_eq!(m.count(Status::Updated), 1);
    assert_eq!(m.workspace.sync_marks[&theirs.id], at(900));
}

#[test]
fn the_same_entity_changed_on_both_sides_is_a_conflict_field_by_field() {
    let (mut mine, mut theirs) = pair(1);
    edit(&mut mine, 0, at(10), |a| {
        a.plan.contacts[0].title = "CFO".into()
    });
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.contacts[0].title = "CEO".into();
        a.plan.contacts[0].phone = "+1 555".into();
    });
    let m = merged(&mine, &theirs, &Choices::default());
    let conflict: Vec<&Change> = m.conflicts().collect();
    assert_eq!(conflict.len(), 1);
    let c = conflict[0];
    assert_eq!(c.status, Status::Conflict(Clash::BothChanged));
    assert_eq!(c.entity.kind, EntityKind::Contact);
    let fields: Vec<(&str, &str, &str)> = c
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.mine.as_str(), f.theirs.as_str()))
        .collect();
    let phone_mine = mine.accounts[0].plan.contacts[0].phone.clone();
    assert!(fields.contains(&("title", "CFO", "CEO")), "{fields:?}");
    assert!(fields
        .iter()
        .any(|(f, m, t)| *f == "phone" && *m == phone_mine && *t == "+1 555"));
    assert_eq!(fields.len(), 2, "stamps are not a difference");

    // Mine by default, stamped now so that the next merge does not ask again.
    let kept = &m.workspace.accounts[0].plan.contacts[0];
    assert_eq!(kept.title, "CFO");
    assert_eq!(kept.updated_at, Some(at(1000)));
    let again = merged(&m.workspace, &theirs, &Choices::default());
    assert_eq!(again.conflicts().count(), 0);
    assert_eq!(again.workspace, m.workspace);

    // Theirs when chosen, for this entity or for all.
    let one = Choices {
        each: [(c.entity.clone(), Choice::TakeTheirs)].into(),
        all: None,
    };
    let all = Choices {
        each: Default::default(),
        all: Some(Choice::TakeTheirs),
    };
    for choices in [one, all] {
        let m = merged(&mine, &theirs, &choices);
        assert_eq!(m.workspace.accounts[0].plan.contacts[0].title, "CEO");
    }
}

#[test]
fn a_deletion_is_not_brought_back_and_travels_to_the_other_side() {
    let (mut mine, theirs) = pair(1);
    let gone = mine.accounts[0].plan.contacts[1].id.clone();
    edit(&mut mine, 0, at(10), |a| {
        a.plan.contacts.remove(1);
    });
    let tomb = &mine.accounts[0].deleted;
    assert_eq!(tomb.len(), 1);
    assert_eq!(
        (tomb[0].kind, &tomb[0].id, tomb[0].at),
        (EntityKind::Contact, &gone, at(10))
    );

    // They still have it, unchanged: it stays deleted here.
    let m = merged(&mine, &theirs, &Choices::default());
    assert!(m.changes.is_empty(), "{:?}", m.changes);
    assert!(m.workspace.accounts[0]
        .plan
        .contacts
        .iter()
        .all(|c| c.id != gone));

    // And our file deletes it there.
    let back = merged(&theirs, &mine, &Choices::default());
    assert_eq!(back.count(Status::Removed), 1);
    assert!(back.workspace.accounts[0]
        .plan
        .contacts
        .iter()
        .all(|c| c.id != gone));
    assert_eq!(back.workspace.accounts[0].deleted, mine.accounts[0].deleted);
}

#[test]
fn a_deletion_against_a_change_is_a_conflict_either_way() {
    let (mut mine, mut theirs) = pair(1);
    let id = mine.accounts[0].plan.contacts[1].id.clone();
    edit(&mut mine, 0, at(10), |a| {
        a.plan.contacts.remove(1);
    });
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.contacts[1].title = "CTO".into()
    });
    let m = merged(&mine, &theirs, &Choices::default());
    let c: Vec<&Change> = m.conflicts().collect();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Conflict(Clash::DeletedHere));
    assert!(m.workspace.accounts[0]
        .plan
        .contacts
        .iter()
        .all(|x| x.id != id));
    let renewed = &m.workspace.accounts[0].deleted[0];
    assert_eq!(renewed.at, at(1000));

    let take = Choices {
        all: Some(Choice::TakeTheirs),
        ..Choices::default()
    };
    let m = merged(&mine, &theirs, &take);
    assert!(m.workspace.accounts[0]
        .plan
        .contacts
        .iter()
        .any(|x| x.title == "CTO"));
    assert!(
        m.workspace.accounts[0].deleted.is_empty(),
        "restored, so no tombstone"
    );

    // Seen from their side: changed here, deleted there.
    let m = merged(&theirs, &mine, &Choices::default());
    assert_eq!(
        m.conflicts().next().unwrap().status,
        Status::Conflict(Clash::DeletedThere)
    );
    assert!(m.workspace.accounts[0]
        .plan
        .contacts
        .iter()
        .any(|x| x.title == "CTO"));
}

#[test]
fn accounts_are_added_and_deleted_whole() {
    let (mut mine, mut theirs) = pair(3);
    let before = mine.clone();
    mine.accounts.remove(2);
    stamp_team_changes(&before, &mut mine, at(10));
    assert_eq!(mine.deleted.len(), 1);
    let mut new = (*theirs.accounts[0]).clone();
    new.id = Id::new("acc-new");
    new.name = "Globex".into();
    theirs.accounts.push(Arc::new(new));
    let m = merged(&mine, &theirs, &Choices::default());
    let names: Vec<&str> = m
        .workspace
        .accounts
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names.len(), 3);
    assert_eq!(names[2], "Globex");
    assert_eq!(m.count(Status::Added), 1);
    assert!(m.workspace.account(&before.accounts[2].id).is_none());

    // An account file never deletes what it does not hold.
    let file = Workspace {
        accounts: vec![theirs.accounts[0].clone()],
        ..theirs.clone()
    };
    let m = merge(
        &before,
        &file,
        Scope::Account,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert_eq!(m.workspace.accounts.len(), 3);
}

#[test]
fn members_and_settings_conflict_with_a_choice() {
    let (mut mine, mut theirs) = pair(1);
    mine.team[0].title = "Director".into();
    mine.team[0].updated_at = Some(at(10));
    theirs.team[0].title = "VP".into();
    theirs.team[0].updated_at = Some(at(20));
    mine.settings.currency = "EUR".into();
    mine.settings.updated_at = Some(at(10));
    theirs.settings.currency = "GBP".into();
    theirs.settings.updated_at = Some(at(20));
    let m = merged(&mine, &theirs, &Choices::default());
    let kinds: Vec<EntityKind> = m.conflicts().map(|c| c.entity.kind).collect();
    assert_eq!(kinds, [EntityKind::Member, EntityKind::Settings]);
    assert_eq!(m.workspace.settings.currency, "EUR");
    let take = Choices {
        all: Some(Choice::TakeTheirs),
        ..Choices::default()
    };
    let m = merged(&mine, &theirs, &take);
    assert_eq!(m.workspace.settings.currency, "GBP");
    assert_eq!(m.workspace.team[0].title, "VP");
}

#[test]
fn without_a_base_every_difference_is_a_conflict_but_additions_are_not() {
    let (mut mine, mut theirs) = pair(1);
    mine.sync_marks.clear();
    theirs.sync_marks.clear();
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.contacts[0].title = "CEO".into();
        a.plan.contacts.push(contact("con-x", "New"));
    });
    let m = merged(&mine, &theirs, &Choices::default());
    assert_eq!(m.conflicts().count(), 1);
    assert_eq!(m.count(Status::Added), 1);
}

#[test]
fn stamping_an_edit_marks_what_changed_and_undo_clears_the_tombstone() {
    let (mine, _) = pair(1);
    let before = mine.accounts[0].clone();
    let mut after = (*before).clone();
    after.name = "Renamed".into();
    after.plan.revenue.commitment = Some(1.0);
    after.plan.contacts[0].title = "Head of IT".into();
    let removed = after.plan.goals.remove(0);
    stamp_changes(&before, &mut after, at(5));
    assert_eq!(after.details_updated_at, Some(at(5)));
    assert_eq!(after.plan.revenue.updated_at, Some(at(5)));
    assert_eq!(after.plan.contacts[0].updated_at, Some(at(5)));
    assert_eq!(
        after.plan.contacts[1].updated_at,
        before.plan.contacts[1].updated_at
    );
    assert_eq!(after.deleted.len(), 1);
    assert_eq!(after.deleted[0].id, removed.id);

    let mut undone = (*before).clone();
    undone.deleted = after.deleted.clone();
    let snapshot = after.clone();
    stamp_changes(&snapshot, &mut undone, at(6));
    assert!(undone.deleted.is_empty());
}

#[test]
fn a_restored_state_is_stamped_as_a_new_edit_and_loses_its_tombstones() {
    let (mine, _) = pair(1);
    let before = mine.accounts[0].clone();
    let mut after = (*before).clone();
    after.name = "Renamed".into();
    let removed = after.plan.goals.remove(0);
    stamp_changes(&before, &mut after, at(5));
    assert_eq!(after.deleted.len(), 1);

    // Undo: the account as it was, brought back after `after`.
    let mut undone = (*before).clone();
    stamp_restored(&after, &mut undone, at(6));
    assert!(undone.deleted.is_empty(), "the goal is back: no tombstone");
    assert_eq!(undone.name, before.name);
    assert_eq!(
        undone.details_updated_at,
        Some(at(6)),
        "the name changed again"
    );
    let goal = undone
        .plan
        .goals
        .iter()
        .find(|g| g.id == removed.id)
        .unwrap();
    assert_eq!(
        goal.updated_at,
        Some(at(6)),
        "what comes back is new to the team"
    );
    assert_eq!(
        undone.plan.contacts[0].updated_at, after.plan.contacts[0].updated_at,
        "untouched entities keep their stamp"
    );
    assert_eq!(undone.updated_at, Some(at(6)));

    // Redo: the deletion again, with its tombstone.
    let mut redone = after.clone();
    stamp_restored(&undone, &mut redone, at(7));
    assert_eq!(redone.deleted.len(), 1);
    assert_eq!(
        (redone.deleted[0].id.clone(), redone.deleted[0].at),
        (removed.id, at(7))
    );
    assert_eq!(redone.details_updated_at, Some(at(7)));
}

#[test]
fn feedback_moved_between_lists_is_one_change() {
    let (mut mine, theirs) = pair(1);
    edit(&mut mine, 0, at(10), |a| {
        let item = a.plan.feedback.start.remove(0);
        a.plan.feedback.keep.push(item);
    });
    let back = merged(&theirs, &mine, &Choices::default());
    let f = &back.workspace.accounts[0].plan.feedback;
    // Order inside a list is not a change: compare as sets.
    let ids = |l: &[crate::domain::model::FeedbackItem]| {
        let mut v: Vec<Id> = l.iter().map(|x| x.id.clone()).collect();
        v.sort();
        v
    };
    let want = &mine.accounts[0].plan.feedback;
    assert_eq!(ids(&f.start), ids(&want.start));
    assert_eq!(ids(&f.keep), ids(&want.keep));
    assert_eq!(back.count(Status::Updated), 1);
}

// Property tests: random edits of two copies of one workspace.

#[derive(Debug, Clone)]
enum Op {
    Retitle(usize, usize),
    Delete(usize, usize),
    Add(usize),
    Rename(usize),
}

/// The side's edits: `lane` 0 and 1 touch disjoint entities (contacts of even and odd
/// positions; renames only in lane 0).
fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        prop_oneof![
            (0..3usize, 0..2usize).prop_map(|(a, c)| Op::Retitle(a, c)),
            (0..3usize, 0..2usize).prop_map(|(a, c)| Op::Delete(a, c)),
            (0..3usize).prop_map(Op::Add),
            (0..3usize).prop_map(Op::Rename),
        ],
        0..6,
    )
}

/// Applies `ops` in `lane` to `ws`, each a minute after the last from `start`.
fn apply(ws: &mut Workspace, ops: &[Op], lane: usize, start: i64) {
    for (n, op) in ops.iter().enumerate() {
        let when = at(start + n as i64);
        let tag = format!("{lane}-{n}");
        match op {
            Op::Retitle(a, c) => edit(ws, *a, when, |acc| {
                let id = ws_contact_id(*c, lane);
                if let Some(x) = acc
                    .plan
                    .contacts
                    .iter_mut()
                    .find(|x| x.id.as_str().ends_with(&id))
                {
                    x.title = format!("title {tag}");
                }
            }),
            Op::Delete(a, c) => edit(ws, *a, when, |acc| {
                let id = ws_contact_id(*c, lane);
                acc.plan.contacts.retain(|x| !x.id.as_str().ends_with(&id));
            }),
            Op::Add(a) => edit(ws, *a, when, |acc| {
                acc.plan
                    .contacts
                    .push(contact(&format!("con-add-{tag}"), &tag))
            }),
            Op::Rename(a) if lane == 0 => edit(ws, *a, when, |acc| acc.name = tag.clone()),
            Op::Rename(_) => {}
        }
    }
}

/// The synthetic contacts' ids end with their position; lanes own alternate ones.
fn ws_contact_id(c: usize, lane: usize) -> String {
    format!("-{:02}", c * 2 + lane)
}

/// Every entity a side changed (by id) and its version there.
fn changed_contacts(before: &Workspace, after: &Workspace) -> Vec<(Id, Contact)> {
    let mut out = Vec::new();
    for (b, a) in before.accounts.iter().zip(&after.accounts) {
        for c in &a.plan.contacts {
            if b.plan.contacts.iter().all(|x| x != c) {
                out.push((a.id.clone(), c.clone()));
            }
        }
    }
    out
}

/// The workspace with every list in id order, to compare merges made in another order.
fn normalised(mut ws: Workspace) -> Workspace {
    for a in &mut ws.accounts {
        let a = Arc::make_mut(a);
        a.plan.contacts.sort_by(|x, y| x.id.cmp(&y.id));
        a.deleted
            .sort_by(|x, y| (x.kind, &x.id).cmp(&(y.kind, &y.id)));
    }
    ws.accounts.sort_by(|x, y| x.id.cmp(&y.id));
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_entity_changed_on_one_side_only_is_never_dropped(
        mine_ops in ops(), their_ops in ops()
    ) {
        let (mut mine, mut theirs) = pair(3);
        let (mine0, theirs0) = (mine.clone(), theirs.clone());
        apply(&mut mine, &mine_ops, 0, 10);
        apply(&mut theirs, &their_ops, 1, 20);
        let m = merged(&mine, &theirs, &Choices::default());
        prop_assert_eq!(m.conflicts().count(), 0, "{:?}", m.changes);
        for (account, c) in changed_contacts(&mine0, &mine)
            .into_iter()
            .chain(changed_contacts(&theirs0, &theirs))
        {
            let a = m.workspace.account(&account).unwrap();
            prop_assert!(a.plan.contacts.contains(&c), "lost {:?}", c);
        }
        for (a0, a1) in theirs0.accounts.iter().zip(&theirs.accounts) {
            // Deleted there: gone here too.
            let merged = m.workspace.account(&a0.id).unwrap();
            for c in a0.plan.contacts.iter().filter(|c| a1.plan.contacts.iter().all(|x| x.id != c.id)) {
                prop_assert!(merged.plan.contacts.iter().all(|x| x.id != c.id), "back: {:?}", c.id);
            }
        }
    }

    #[test]
    fn merging_the_same_file_twice_changes_nothing(
        mine_ops in ops(), their_ops in ops(), overlap in any::<bool>()
    ) {
        let (mut mine, mut theirs) = pair(3);
        apply(&mut mine, &mine_ops, 0, 10);
        // With `overlap`, both sides edit the same contacts: conflicts.
        apply(&mut theirs, &their_ops, usize::from(!overlap), 20);
        let once = merged(&mine, &theirs, &Choices::default());
        let twice = merge(&once.workspace, &theirs, Scope::Workspace, &Choices::default(), at(2000), at(900));
        prop_assert_eq!(&twice.workspace, &once.workspace);
        prop_assert_eq!(twice.conflicts().count(), 0);
    }

    #[test]
    fn without_conflicts_the_order_of_two_imports_does_not_matter(
        a_ops in ops(), b_ops in ops()
    ) {
        let (mine, a) = pair(3);
        let mut a = a;
        let mut b = Workspace { id: Id::new("ws-b"), ..a.clone() };
        let mut mine = mine;
        mine.sync_marks.insert(b.id.clone(), at(0));
        b.sync_marks = [(mine.id.clone(), at(0))].into();
        apply(&mut a, &a_ops, 0, 10);
        apply(&mut b, &b_ops, 1, 20);
        let ab = merged(&merged(&mine, &a, &Choices::default()).workspace, &b, &Choices::default());
        let ba = merged(&merged(&mine, &b, &Choices::default()).workspace, &a, &Choices::default());
        prop_assert_eq!(ab.conflicts().count(), 0);
        prop_assert_eq!(normalised(ab.workspace), normalised(ba.workspace));
    }
}

#[test]
fn a_workspace_merged_with_itself_changes_nothing() {
    let (mine, _) = pair(4);
    let m = merge(
        &mine,
        &mine,
        Scope::Workspace,
        &Choices::default(),
        at(1),
        at(1),
    );
    assert!(m.changes.is_empty());
    assert_eq!(m.workspace, mine);
}

#[test]
fn members_and_terms_an_account_needs_come_with_it() {
    let (mine, mut theirs) = pair(1);
    let member = TeamMember {
        id: Id::new("mem-new"),
        name: "Sam".into(),
        ..TeamMember::default()
    };
    theirs.team.push(member.clone());
    theirs.settings = Settings {
        departments: vec![crate::domain::model::Term::new("dep-new", "Legal")],
        ..theirs.settings.clone()
    };
    edit(&mut theirs, 0, at(20), |a| {
        let mut c = contact("con-legal", "Lee");
        c.owner = Some(member.id.clone());
        c.department = Some(Id::new("dep-new"));
        a.plan.contacts.push(c);
    });
    let m = merge(
        &mine,
        &theirs,
        Scope::Account,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert!(m.workspace.member(&member.id).is_some());
    assert!(m
        .workspace
        .settings
        .departments
        .iter()
        .any(|d| d.name == "Legal"));
}

#[test]
fn an_action_linked_to_feedback_deleted_on_the_other_side_keeps_its_edit_without_the_link() {
    let (mut mine, mut theirs) = pair(1);
    let item = mine.accounts[0].plan.feedback.start[0].id.clone();
    edit(&mut mine, 0, at(10), |a| {
        crate::domain::feedback::delete_item(&mut a.plan, &item)
    });
    let linked = item.clone();
    edit(&mut theirs, 0, at(20), |a| {
        let x = &mut a.plan.actions[0];
        x.feedback = Some(linked);
        x.impact = Some(crate::domain::model::Impact::High);
    });
    let m = merged(&mine, &theirs, &Choices::default());
    let a = &m.workspace.accounts[0];
    assert!(crate::domain::feedback::find(&a.plan, &item).is_none());
    assert_eq!(
        a.plan.actions[0].impact,
        Some(crate::domain::model::Impact::High)
    );
    assert_eq!(a.plan.actions[0].feedback, None);
    assert_eq!(crate::domain::validate::validate(&m.workspace), vec![]);
}

/// Starting next year's plan on one side: last year's plan reaches the other side, and no
/// feedback item is lost (it moved into last year's plan, which merges as one entity).
#[test]
fn a_plan_started_anew_on_one_side_merges_with_last_years_kept() {
    use crate::domain::plan_year::start_next_year;
    let (mut mine, theirs) = pair(1);
    let old = theirs.accounts[0].plan.clone();
    let feedback: Vec<Id> = old
        .feedback
        .start
        .iter()
        .chain(&old.feedback.stop)
        .chain(&old.feedback.keep)
        .map(|f| f.id.clone())
        .collect();
    assert!(!feedback.is_empty(), "the synthetic plan has feedback");
    edit(&mut mine, 0, at(10), |a| *a = start_next_year(a, today()));
    for m in [
        merged(&mine, &theirs, &Choices::default()),
        merged(&theirs, &mine, &Choices::default()),
    ] {
        let plan = &m.workspace.accounts[0].plan;
        assert_eq!(plan.year, old.year + 1);
        assert_eq!(plan.previous.len(), 1);
        assert_eq!(plan.previous[0].year, old.year);
        let kept = &plan.previous[0].feedback;
        for id in &feedback {
            let in_last = kept
                .start
                .iter()
                .chain(&kept.stop)
                .chain(&kept.keep)
                .any(|f| &f.id == id);
            assert!(in_last, "feedback {id} lost");
        }
        assert!(
            plan.feedback.start.is_empty()
                && plan.feedback.stop.is_empty()
                && plan.feedback.keep.is_empty()
        );
        assert_eq!(m.conflicts().count(), 0);
    }
}
