use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::domain::model::{
    Action, Contact, Contract, Interaction, Meeting, Rhythm, SuccessMeasure, Workspace,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Thursday 14 May 2026: the week runs to Wednesday 20 May, the meetings to 28 May.
fn today() -> NaiveDate {
    day("2026-05-14")
}

fn action(id: &str, due: &str, status: ActionStatus) -> Action {
    Action {
        id: Id::new(id),
        title: format!("Action {id}"),
        due: Some(day(due)),
        status,
        ..Action::default()
    }
}

fn meeting(id: &str, next: &str) -> Meeting {
    Meeting {
        id: Id::new(id),
        title: format!("Meeting {id}"),
        next_date: Some(day(next)),
        ..Meeting::default()
    }
}

fn measure(id: &str, last: Option<&str>) -> SuccessMeasure {
    SuccessMeasure {
        id: Id::new(id),
        name: id.to_string(),
        rhythm: Rhythm::Monthly,
        last_checked: last.map(day),
        ..SuccessMeasure::default()
    }
}

fn decider(id: &str) -> Contact {
    Contact {
        id: Id::new(id),
        name: format!("Contact {id}"),
        role: Some(DecisionRole::DecisionMaker),
        ..Contact::default()
    }
}

fn touch(contact: &str, on: &str) -> Interaction {
    Interaction {
        id: Id::new(format!("x-{contact}-{on}")),
        date: Some(day(on)),
        contacts: vec![Id::new(contact)],
        ..Interaction::default()
    }
}

fn account(id: &str, owner: &str) -> Account {
    let mut a = Account {
        id: Id::new(id),
        name: format!("Account {id}"),
        owner: Some(Id::new(owner)),
        ..Account::default()
    };
    // Reviewed today: no review is due.
    for part in PlanPart::ALL {
        a.plan.reviewed.insert(part, today());
    }
    a
}

/// Ann's account with one of everything, on and off the edges of each window.
fn busy() -> Account {
    let mut a = account("a", "tm-ann");
    let p = &mut a.plan;
    p.actions = vec![
        action("late", "2026-05-10", ActionStatus::InProgress),
        action("today", "2026-05-14", ActionStatus::Open),
        action("wed", "2026-05-20", ActionStatus::Open),
        action("thu", "2026-05-21", ActionStatus::Open),
        action("done-late", "2026-05-01", ActionStatus::Done),
        action("cancelled", "2026-05-15", ActionStatus::Cancelled),
    ];
    p.cadence = vec![
        meeting("yesterday", "2026-05-13"),
        meeting("in-14", "2026-05-28"),
        meeting("in-15", "2026-05-29"),
        meeting("today", "2026-05-14"),
    ];
    p.measures = vec![
        measure("due-sat", Some("2026-04-15")), // 15 Apr + 31 = 16 May
        measure("due-later", Some("2026-04-25")), // 26 May
        measure("never", None),
    ];
    p.contract = Contract {
        end_date: Some(day("2026-06-30")),
        notice_days: Some(60), // notice from 1 May
        ..Contract::default()
    };
    p.contacts = vec![
        decider("dm-90"),
        decider("dm-91"),
        decider("dm-never"),
        Contact {
            id: Id::new("user"),
            ..Contact::default()
        },
    ];
    p.interactions = vec![
        touch("dm-90", "2026-02-13"), // exactly 90 days ago: still touched
        touch("dm-91", "2026-02-12"),
        touch("dm-91", "2026-06-01"), // in the future: not a touch yet
    ];
    a
}

fn workspace() -> Workspace {
    let mut archived = account("archived", "tm-ann");
    archived.archived = true;
    archived.plan.actions = vec![action("old", "2026-05-01", ActionStatus::Open)];
    let mut bobs = account("b", "tm-bob");
    bobs.plan.actions = vec![action("bob-late", "2026-05-13", ActionStatus::Open)];
    Workspace {
        accounts: vec![Arc::new(busy()), Arc::new(archived), Arc::new(bobs)],
        ..Workspace::default()
    }
}

fn listed(groups: &[Group], kind: Kind) -> Vec<(Option<&str>, Option<NaiveDate>)> {
    groups[kind as usize]
        .items
        .iter()
        .map(|i| (i.entity.as_ref().map(|e| e.as_str()), i.date))
        .collect()
}

#[test]
fn anns_week_lists_each_kind_inside_its_window() {
    let g = agenda(&workspace(), &Whose::Owner(Id::new("tm-ann")), today());
    assert_eq!(g.iter().map(|g| g.kind).collect::<Vec<_>>(), Kind::ALL);
    let d = |s| Some(day(s));
    assert_eq!(
        listed(&g, Kind::OverdueAction),
        [(Some("late"), d("2026-05-10"))]
    );
    assert_eq!(
        listed(&g, Kind::ActionThisWeek),
        [
            (Some("today"), d("2026-05-14")),
            (Some("wed"), d("2026-05-20"))
        ]
    );
    assert_eq!(
        listed(&g, Kind::Meeting),
        [
            (Some("today"), d("2026-05-14")),
            (Some("in-14"), d("2026-05-28"))
        ]
    );
    assert_eq!(listed(&g, Kind::Review), []);
    assert_eq!(
        listed(&g, Kind::MeasureCheck),
        [(Some("never"), None), (Some("due-sat"), d("2026-05-16"))]
    );
    assert_eq!(listed(&g, Kind::Renewal), [(None, d("2026-06-30"))]);
    assert_eq!(
        listed(&g, Kind::DecisionMaker),
        [(Some("dm-never"), None), (Some("dm-91"), d("2026-02-12"))]
    );
    assert_eq!(count(&g), 10);
    let renewal = &g[Kind::Renewal as usize].items[0];
    assert_eq!(renewal.title, "Contract ends 2026-06-30 (60 days' notice)");
    assert_eq!(renewal.part, PlanPart::Contract);
    assert_eq!(g[0].items[0].part, PlanPart::Actions);
    assert_eq!(g[0].items[0].account_name, "Account a");
}

#[test]
fn everyone_adds_bobs_account_but_never_the_archived_one() {
    let g = agenda(&workspace(), &Whose::Everyone, today());
    assert_eq!(
        listed(&g, Kind::OverdueAction),
        [
            (Some("late"), Some(day("2026-05-10"))),
            (Some("bob-late"), Some(day("2026-05-13")))
        ]
    );
    let bob = agenda(&workspace(), &Whose::Owner(Id::new("tm-bob")), today());
    assert_eq!(count(&bob), 1);
}

#[test]
fn the_notice_period_opens_notice_days_before_the_end_and_closes_at_it() {
    let mut a = busy();
    assert_eq!(renewal_in_notice(&a, day("2026-04-30")), None);
    assert_eq!(
        renewal_in_notice(&a, day("2026-05-01")),
        Some(day("2026-06-30"))
    );
    assert_eq!(
        renewal_in_notice(&a, day("2026-06-30")),
        Some(day("2026-06-30"))
    );
    assert_eq!(renewal_in_notice(&a, day("2026-07-01")), None);
    a.plan.contract.renewal_status = RenewalStatus::Renewed;
    assert_eq!(renewal_in_notice(&a, today()), None);
    a.plan.contract.renewal_status = RenewalStatus::InDiscussion;
    a.plan.contract.notice_days = None;
    assert_eq!(renewal_in_notice(&a, today()), None);
}

#[test]
fn a_review_lists_the_parts_due_by_the_end_of_the_week() {
    // Created 1 April, never reviewed: the actions (monthly, 31 days) were due 2 May; the
    // contract (quarterly, 92 days) is due 2 July.
    let mut a = account("r", "tm-ann");
    a.plan.reviewed.clear();
    a.created_on = Some(day("2026-04-01"));
    a.plan.actions = vec![Action::default()];
    a.plan.contract.end_date = Some(day("2027-12-31"));
    let ws = Workspace {
        accounts: vec![Arc::new(a)],
        ..Workspace::default()
    };
    let g = agenda(&ws, &Whose::Everyone, today());
    assert_eq!(count(&g), 1);
    let review = &g[Kind::Review as usize].items[0];
    assert_eq!(review.title, "Review Actions");
    assert_eq!(review.date, Some(day("2026-05-02")));
    assert_eq!(review.part, PlanPart::Actions);
}

/// A random workspace: accounts with owners among three, some archived, actions, meetings,
/// measures and decision makers dated around `today`.
fn arb_workspace() -> impl Strategy<Value = Workspace> {
    let status = prop_oneof![
        Just(ActionStatus::Open),
        Just(ActionStatus::InProgress),
        Just(ActionStatus::Done),
        Just(ActionStatus::Cancelled),
    ];
    let offsets = || proptest::collection::vec(proptest::option::of(-200i64..200), 0..6);
    let account = (
        proptest::option::of(0usize..3),
        any::<bool>(),
        proptest::collection::vec((proptest::option::of(-40i64..40), status), 0..6),
        offsets(),
        offsets(),
        offsets(),
        proptest::option::of((-100i64..400, 0u32..120)),
    );
    proptest::collection::vec(account, 0..6).prop_map(|accounts| {
        let t = today();
        let at = |o: i64| t + Duration::days(o);
        let accounts = accounts
            .into_iter()
            .enumerate()
            .map(
                |(i, (owner, archived, actions, meetings, checks, touches, contract))| {
                    let mut a = Account {
                        id: Id::new(format!("acc-{i}")),
                        name: format!("Account {i}"),
                        owner: owner.map(|o| Id::new(format!("tm-{o}"))),
                        archived,
                        created_on: Some(at(-300)),
                        ..Account::default()
                    };
                    let p = &mut a.plan;
                    p.actions = actions
                        .into_iter()
                        .enumerate()
                        .map(|(j, (due, status))| Action {
                            id: Id::new(format!("act-{i}-{j}")),
                            due: due.map(at),
                            status,
                            ..Action::default()
                        })
                        .collect();
                    p.cadence = meetings
                        .into_iter()
                        .enumerate()
                        .map(|(j, next)| Meeting {
                            id: Id::new(format!("m-{i}-{j}")),
                            next_date: next.map(at),
                            ..Meeting::default()
                        })
                        .collect();
                    p.measures = checks
                        .into_iter()
                        .enumerate()
                        .map(|(j, last)| SuccessMeasure {
                            id: Id::new(format!("sm-{i}-{j}")),
                            last_checked: last.map(at),
                            ..SuccessMeasure::default()
                        })
                        .collect();
                    for (j, last) in touches.into_iter().enumerate() {
                        let c = decider(&format!("c-{i}-{j}"));
                        if let Some(o) = last {
                            p.interactions
                                .push(touch(c.id.as_str(), &at(o).to_string()));
                        }
                        p.contacts.push(c);
                    }
                    if let Some((end, notice)) = contract {
                        p.contract.end_date = Some(at(end));
                        p.contract.notice_days = Some(notice);
                    }
                    Arc::new(a)
                },
            )
            .collect();
        Workspace {
            accounts,
            ..Workspace::default()
        }
    })
}

fn arb_whose() -> impl Strategy<Value = Whose> {
    prop_oneof![
        Just(Whose::Everyone),
        (0usize..4).prop_map(|o| Whose::Owner(Id::new(format!("tm-{o}"))))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_item_falls_outside_its_window(ws in arb_workspace(), whose in arb_whose()) {
        let t = today();
        let week_end = t + Duration::days(WEEK_DAYS - 1);
        for g in agenda(&ws, &whose, t) {
            for i in &g.items {
                prop_assert_eq!(i.kind, g.kind);
                let d = i.date;
                let inside = match i.kind {
                    Kind::OverdueAction => d.is_some_and(|d| d < t),
                    Kind::ActionThisWeek => d.is_some_and(|d| (t..=week_end).contains(&d)),
                    Kind::Meeting => d.is_some_and(|d| d >= t && d <= t + Duration::days(MEETING_DAYS)),
                    Kind::Review => d.is_some_and(|d| d <= week_end),
                    Kind::MeasureCheck => d.is_none_or(|d| d <= week_end),
                    Kind::Renewal => d.is_some_and(|d| d >= t),
                    Kind::DecisionMaker => d.is_none_or(|d| d < t - Duration::days(UNTOUCHED_DAYS)),
                };
                prop_assert!(inside, "{:?} dated {:?}", i.kind, d);
            }
        }
    }

    #[test]
    fn every_overdue_action_of_the_chosen_accounts_appears_exactly_once(
        ws in arb_workspace(),
        whose in arb_whose(),
    ) {
        let t = today();
        let groups = agenda(&ws, &whose, t);
        let all: Vec<&Item> = groups.iter().flat_map(|g| &g.items).collect();
        for a in &ws.accounts {
            let chosen = !a.archived && whose.covers(a);
            for action in &a.plan.actions {
                let times = all
                    .iter()
                    .filter(|i| i.account == a.id && i.entity.as_ref() == Some(&action.id))
                    .count();
                let expected = usize::from(chosen && is_overdue(action, t));
                if is_overdue(action, t) {
                    prop_assert_eq!(times, expected, "{:?}", action.id);
                }
            }
        }
    }

    #[test]
    fn archived_and_other_owners_accounts_never_appear(ws in arb_workspace(), whose in arb_whose()) {
        for i in agenda(&ws, &whose, today()).iter().flat_map(|g| &g.items) {
            let a = ws.account(&i.account).unwrap();
            prop_assert!(!a.archived);
            prop_assert!(whose.covers(a));
        }
    }
}

#[test]
fn the_demo_has_overdue_actions_and_meetings_on_any_day() {
    use crate::domain::sample::demo::demo_workspace;
    for t in [
        "2026-05-14",
        "2026-01-01",
        "2025-12-31",
        "2027-02-28",
        "2026-08-09",
    ] {
        let ws = demo_workspace(day(t));
        let g = agenda(&ws, &Whose::Everyone, day(t));
        for kind in [Kind::OverdueAction, Kind::Meeting, Kind::DecisionMaker] {
            assert!(!g[kind as usize].items.is_empty(), "{t}: no {kind:?}");
        }
        for m in &ws.team {
            let mine = agenda(&ws, &Whose::Owner(m.id.clone()), day(t));
            let owns = ws.accounts.iter().any(|a| a.owner.as_ref() == Some(&m.id));
            assert_eq!(count(&mine) > 0, owns, "{t}: {}", m.name);
        }
    }
}
