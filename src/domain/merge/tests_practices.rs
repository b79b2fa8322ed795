//! The practices' fields merge like their entities' other fields: one side's introducer
//! and the other's interaction areas both stay; a segment's rhythm set on one side comes
//! over with the settings; an introducing team member comes over with the account.

use chrono::NaiveDate;

use super::tests::{at, edit, pair};
use super::*;
use crate::domain::model::{Introducer, ReviewRhythm, TeamMember};
use crate::domain::validate::validate;

#[test]
fn an_introducer_on_one_side_and_areas_on_the_other_both_stay() {
    let (mut mine, mut theirs) = pair(2);
    let boss = mine.accounts[0].plan.contacts[0].id.clone();
    edit(&mut mine, 0, at(10), |a| {
        a.plan.contacts[1].introduced_by = Some(Introducer::Contact(boss.clone()));
        a.plan.contacts[1].first_met = NaiveDate::from_ymd_opt(2026, 10, 20);
    });
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.interactions[0].areas = vec![Id::new("off-core")];
        a.plan.goals[0].rank = Some(1);
    });
    let m = merge(
        &mine,
        &theirs,
        Scope::Workspace,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert_eq!(m.conflicts().count(), 0);
    let plan = &m.workspace.accounts[0].plan;
    assert_eq!(
        plan.contacts[1].introduced_by,
        Some(Introducer::Contact(boss))
    );
    assert_eq!(
        plan.contacts[1].first_met,
        NaiveDate::from_ymd_opt(2026, 10, 20)
    );
    assert_eq!(plan.interactions[0].areas, [Id::new("off-core")]);
    assert_eq!(plan.goals[0].rank, Some(1));
}

#[test]
fn a_segment_s_rhythm_and_an_introducing_member_come_over() {
    let (mine, mut theirs) = pair(2);
    let rhythm = ReviewRhythm {
        monthly_review_days: 14,
        quarterly_update_days: 60,
    };
    theirs.settings.segments.key.rhythm = Some(rhythm);
    theirs.settings.updated_at = Some(at(30));
    // Their new colleague introduced a contact; our copy has never heard of her.
    theirs.team.push(TeamMember {
        id: Id::new("tm-new"),
        name: "Noor Haddad".into(),
        ..TeamMember::default()
    });
    edit(&mut theirs, 0, at(20), |a| {
        a.plan.contacts[2].introduced_by = Some(Introducer::Member(Id::new("tm-new")));
    });
    let m = merge(
        &mine,
        &theirs,
        Scope::Workspace,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert_eq!(m.workspace.settings.segments.key.rhythm, Some(rhythm));
    assert_eq!(validate(&m.workspace), vec![]);
    // An account file brings only the members its account refers to: the introducer is one.
    let mut file = theirs.clone();
    file.accounts.truncate(1);
    let m = merge(
        &mine,
        &file,
        Scope::Account,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert!(m.workspace.member(&Id::new("tm-new")).is_some());
    assert_eq!(validate(&m.workspace), vec![]);
    // Without the introduction, nothing refers to her and she stays out.
    edit(&mut file, 0, at(40), |a| {
        a.plan.contacts[2].introduced_by = None
    });
    let m = merge(
        &mine,
        &file,
        Scope::Account,
        &Choices::default(),
        at(1000),
        at(900),
    );
    assert!(m.workspace.member(&Id::new("tm-new")).is_none());
}
