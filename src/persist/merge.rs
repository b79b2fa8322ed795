//! Import merge: what an incoming workspace (a file another device or colleague exported)
//! would change in the local one, and applying the user's decisions.
//!
//! Accounts, team members and the settings are compared one by one, by id. The *sync mark*
//! `local.sync_marks[incoming.id]` is when this workspace last merged from that source: an
//! entity whose `updated_at` is after it changed since. So:
//!
//! | local vs incoming                                  | status       | default      |
//! |----------------------------------------------------|--------------|--------------|
//! | only incoming has it                               | `Added`      | add it       |
//! | equal                                              | `Unchanged`  | nothing      |
//! | incoming changed since the mark, local did not     | `Updated`    | take incoming|
//! | local changed since the mark, incoming did not     | `LocalNewer` | keep local   |
//! | both changed, or no mark, or no way to tell        | `Conflict`   | keep local   |
//!
//! A missing `updated_at` counts as "may have changed" on the local side and as "cannot
//! tell" on the incoming side, so it can only ever lead to a conflict, never to a silent
//! overwrite. Entities only the local side has are not listed and are never touched.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::domain::model::{Account, Id, Settings, TeamMember, Timestamp, Workspace};

/// How one entity compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Added,
    Updated,
    Unchanged,
    LocalNewer,
    Conflict,
}

/// One entity of the incoming workspace and how it compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: Id,
    /// The incoming name (the local one may differ).
    pub name: String,
    pub status: Status,
}

/// What an import would do, for the user to review before anything changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePlan {
    /// The incoming workspace's id and name.
    pub source: Id,
    pub source_name: String,
    /// The last merge from that source, if any.
    pub last_sync: Option<Timestamp>,
    /// In the incoming order.
    pub accounts: Vec<Entry>,
    pub members: Vec<Entry>,
    pub settings: Status,
}

impl MergePlan {
    /// How many entities (accounts, members, settings) have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.accounts
            .iter()
            .chain(&self.members)
            .filter(|e| e.status == status)
            .count()
            + usize::from(self.settings == status)
    }

    /// True when applying the plan with default choices changes nothing but the sync mark.
    pub fn changes_nothing(&self) -> bool {
        self.count(Status::Added) == 0 && self.count(Status::Updated) == 0
    }
}

/// The user's decision for one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    KeepLocal,
    TakeIncoming,
    /// Keep the local one and add the incoming one as a copy with a fresh id derived from
    /// its own and " (imported)" after its name. For the settings, the same as `KeepLocal`.
    KeepBoth,
}

impl Choice {
    /// What happens to an entity the user made no choice for.
    pub fn default_for(status: Status) -> Choice {
        match status {
            Status::Added | Status::Updated => Choice::TakeIncoming,
            Status::Unchanged | Status::LocalNewer | Status::Conflict => Choice::KeepLocal,
        }
    }
}

/// The user's decisions, by id; anything not listed gets [`Choice::default_for`] its status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub accounts: BTreeMap<Id, Choice>,
    pub members: BTreeMap<Id, Choice>,
    pub settings: Option<Choice>,
}

/// The suffix added to the name of an incoming copy kept beside the local one.
pub const IMPORTED_SUFFIX: &str = " (imported)";

fn classify<T: PartialEq>(
    local: Option<(&T, Option<Timestamp>)>,
    incoming: (&T, Option<Timestamp>),
    mark: Option<Timestamp>,
) -> Status {
    let Some((l, l_at)) = local else {
        return Status::Added;
    };
    let (i, i_at) = incoming;
    if l == i {
        return Status::Unchanged;
    }
    let Some(mark) = mark else {
        return Status::Conflict;
    };
    let local_unchanged = l_at.is_some_and(|t| t <= mark);
    let local_changed = l_at.is_some_and(|t| t > mark);
    let incoming_unchanged = i_at.is_some_and(|t| t <= mark);
    let incoming_changed = i_at.is_some_and(|t| t > mark);
    if incoming_changed && local_unchanged {
        Status::Updated
    } else if local_changed && incoming_unchanged {
        Status::LocalNewer
    } else {
        Status::Conflict
    }
}

/// Compares `incoming` with `local`; see the module documentation.
pub fn plan_merge(local: &Workspace, incoming: &Workspace) -> MergePlan {
    let mark = local.sync_marks.get(&incoming.id).copied();
    let accounts = incoming
        .accounts
        .iter()
        .map(|a| Entry {
            id: a.id.clone(),
            name: a.name.clone(),
            status: classify(
                local.account(&a.id).map(|l| (l, l.updated_at)),
                (a, a.updated_at),
                mark,
            ),
        })
        .collect();
    let members = incoming
        .team
        .iter()
        .map(|m| Entry {
            id: m.id.clone(),
            name: m.name.clone(),
            status: classify(
                local.member(&m.id).map(|l| (l, l.updated_at)),
                (m, m.updated_at),
                mark,
            ),
        })
        .collect();
    let settings = classify(
        Some((&local.settings, local.settings.updated_at)),
        (&incoming.settings, incoming.settings.updated_at),
        mark,
    );
    MergePlan {
        source: incoming.id.clone(),
        source_name: incoming.name.clone(),
        last_sync: mark,
        accounts,
        members,
        settings,
    }
}

/// `base-imported`, else `base-imported-2`, `-3`… : the first id `taken` does not hold.
fn derived_id(base: &Id, taken: impl Fn(&Id) -> bool) -> Id {
    let first = Id(format!("{base}-imported"));
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| Id(format!("{base}-imported-{n}")))
        .find(|id| !taken(id))
        .unwrap_or(first)
}

/// Applies `plan` with the user's `choices` and records the merge in the sync mark (`now`).
///
/// Local data is only ever replaced where the choice (or the default for an `Updated`
/// entity) takes the incoming version; local-only entities are never touched. Team members
/// and taxonomy terms that an account taken from the file refers to, and that the local
/// workspace lacks, are added from the file so that the result stays valid.
pub fn apply_merge(
    local: &Workspace,
    incoming: &Workspace,
    plan: &MergePlan,
    choices: &Choices,
    now: Timestamp,
) -> Workspace {
    let mut out = local.clone();

    let settings_choice = choices
        .settings
        .unwrap_or(Choice::default_for(plan.settings));
    if plan.settings != Status::Unchanged && settings_choice == Choice::TakeIncoming {
        out.settings = incoming.settings.clone();
    }

    for entry in &plan.members {
        let Some(m) = incoming.member(&entry.id) else {
            continue;
        };
        let choice = choices
            .members
            .get(&entry.id)
            .copied()
            .unwrap_or(Choice::default_for(entry.status));
        apply_one(
            &mut out.team,
            m,
            entry.status,
            choice,
            |m| &m.id,
            |m, id| TeamMember {
                id,
                name: format!("{}{IMPORTED_SUFFIX}", m.name),
                ..m.clone()
            },
        );
    }

    let mut taken: Vec<Id> = Vec::new();
    for entry in &plan.accounts {
        let Some(a) = incoming.shared(&entry.id) else {
            continue;
        };
        let choice = choices
            .accounts
            .get(&entry.id)
            .copied()
            .unwrap_or(Choice::default_for(entry.status));
        if let Some(id) = apply_one(
            &mut out.accounts,
            a,
            entry.status,
            choice,
            |a| &a.id,
            |a, id| {
                Arc::new(Account {
                    id,
                    name: format!("{}{IMPORTED_SUFFIX}", a.name),
                    ..(**a).clone()
                })
            },
        ) {
            taken.push(id);
        }
    }

    fill_references(&mut out, incoming, &taken);

    if !incoming.id.as_str().is_empty() && incoming.id != local.id {
        out.sync_marks.insert(incoming.id.clone(), now);
    }
    out
}

/// Applies one decision to a list; returns the id of the incoming version when it went in.
fn apply_one<T: Clone>(
    list: &mut Vec<T>,
    item: &T,
    status: Status,
    choice: Choice,
    id_of: impl Fn(&T) -> &Id,
    copy_as: impl Fn(&T, Id) -> T,
) -> Option<Id> {
    let id = id_of(item).clone();
    let at = list.iter().position(|x| id_of(x) == &id);
    match (status, choice, at) {
        (Status::Unchanged, _, _) | (_, Choice::KeepLocal, _) => None,
        (_, Choice::TakeIncoming, Some(i)) => {
            list[i] = item.clone();
            Some(id)
        }
        (_, Choice::KeepBoth, Some(_)) => {
            let fresh = derived_id(&id, |c| list.iter().any(|x| id_of(x) == c));
            list.push(copy_as(item, fresh.clone()));
            Some(fresh)
        }
        (_, Choice::TakeIncoming | Choice::KeepBoth, None) => {
            list.push(item.clone());
            Some(id)
        }
    }
}

/// Adds the members and taxonomy terms that the accounts `taken` from `incoming` refer to
/// and `out` lacks, from `incoming`.
fn fill_references(out: &mut Workspace, incoming: &Workspace, taken: &[Id]) {
    let mut members: HashSet<Id> = HashSet::new();
    let (mut departments, mut levels, mut offerings, mut meeting_types) = (
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
    );
    for id in taken {
        let Some(a) = out.account(id) else { continue };
        members.extend(crate::persist::export::json::referenced_members(a));
        for c in &a.plan.contacts {
            departments.extend(c.department.clone());
            levels.extend(c.level.clone());
        }
        offerings.extend(a.plan.white_space.cells.iter().map(|c| c.offering.clone()));
        meeting_types.extend(a.plan.cadence.iter().filter_map(|m| m.meeting_type.clone()));
    }
    for m in &incoming.team {
        if members.contains(&m.id) && out.member(&m.id).is_none() {
            out.team.push(m.clone());
        }
    }
    let from: &Settings = &incoming.settings;
    let s = &mut out.settings;
    for t in &from.departments {
        if departments.contains(&t.id) && !s.departments.iter().any(|x| x.id == t.id) {
            s.departments.push(t.clone());
        }
    }
    for t in &from.levels {
        if levels.contains(&t.id) && !s.levels.iter().any(|x| x.id == t.id) {
            s.levels.push(t.clone());
        }
    }
    for t in &from.offerings {
        if offerings.contains(&t.id) && !s.offerings.iter().any(|x| x.id == t.id) {
            s.offerings.push(t.clone());
        }
    }
    for t in &from.meeting_types {
        if meeting_types.contains(&t.id) && !s.meeting_types.iter().any(|x| x.id == t.id) {
            s.meeting_types.push(t.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Contact, Term};
    use crate::persist::codec::test_support::{account, arb_workspace, ts};
    use proptest::prelude::*;

    /// A local workspace that last synced with "ws-b" at ts(100), and the incoming one.
    fn pair() -> (Workspace, Workspace) {
        let stamped = |id: &str, name: &str, t: i64| {
            Arc::new(Account {
                updated_at: Some(ts(t)),
                ..account(id, name)
            })
        };
        let mut local = Workspace {
            id: Id::new("ws-a"),
            ..Workspace::default()
        };
        local.sync_marks.insert(Id::new("ws-b"), ts(100));
        local.accounts = vec![
            stamped("same", "Same", 50),
            stamped("theirs", "Old name", 50), // only they edited
            stamped("mine", "My edit", 150),   // only we edited
            stamped("both", "Our edit", 160),  // both edited
            stamped("local-only", "Ours", 10),
        ];
        let incoming = Workspace {
            id: Id::new("ws-b"),
            name: "Bob's".into(),
            accounts: vec![
                stamped("same", "Same", 50),
                stamped("theirs", "New name", 120),
                stamped("mine", "Before my edit", 50),
                stamped("both", "Their edit", 170),
                stamped("new", "Brand new", 130),
            ],
            ..Workspace::default()
        };
        (local, incoming)
    }

    fn statuses(plan: &MergePlan) -> Vec<(&str, Status)> {
        plan.accounts
            .iter()
            .map(|e| (e.id.as_str(), e.status))
            .collect()
    }

    #[test]
    fn each_account_is_classified_against_the_sync_mark() {
        let (local, incoming) = pair();
        let plan = plan_merge(&local, &incoming);
        assert_eq!(plan.last_sync, Some(ts(100)));
        assert_eq!(
            statuses(&plan),
            [
                ("same", Status::Unchanged),
                ("theirs", Status::Updated),
                ("mine", Status::LocalNewer),
                ("both", Status::Conflict),
                ("new", Status::Added),
            ]
        );
        assert_eq!(plan.settings, Status::Unchanged);
        assert_eq!(plan.count(Status::Conflict), 1);
        assert!(!plan.changes_nothing());
    }

    #[test]
    fn without_a_sync_mark_every_difference_is_a_conflict() {
        let (mut local, incoming) = pair();
        local.sync_marks.clear();
        let plan = plan_merge(&local, &incoming);
        assert_eq!(
            statuses(&plan),
            [
                ("same", Status::Unchanged),
                ("theirs", Status::Conflict),
                ("mine", Status::Conflict),
                ("both", Status::Conflict),
                ("new", Status::Added),
            ]
        );
    }

    #[test]
    fn a_missing_timestamp_can_only_lead_to_a_conflict() {
        let (mut local, mut incoming) = pair();
        Arc::make_mut(&mut incoming.accounts[1]).updated_at = None; // "theirs" would be Updated
        Arc::make_mut(&mut local.accounts[2]).updated_at = None; // "mine" would be LocalNewer
        let plan = plan_merge(&local, &incoming);
        assert_eq!(plan.accounts[1].status, Status::Conflict);
        assert_eq!(plan.accounts[2].status, Status::Conflict);
    }

    #[test]
    fn defaults_take_updates_and_additions_and_keep_everything_else() {
        let (local, incoming) = pair();
        let plan = plan_merge(&local, &incoming);
        let out = apply_merge(&local, &incoming, &plan, &Choices::default(), ts(200));
        let names: Vec<(&str, &str)> = out
            .accounts
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("same", "Same"),
                ("theirs", "New name"),
                ("mine", "My edit"),
                ("both", "Our edit"),
                ("local-only", "Ours"),
                ("new", "Brand new"),
            ]
        );
        assert_eq!(out.sync_marks.get(&Id::new("ws-b")), Some(&ts(200)));
        // Merging the same file again: nothing left to do, the conflict is still shown.
        let again = plan_merge(&out, &incoming);
        assert_eq!(
            statuses(&again),
            [
                ("same", Status::Unchanged),
                ("theirs", Status::Unchanged),
                ("mine", Status::Conflict),
                ("both", Status::Conflict),
                ("new", Status::Unchanged),
            ]
        );
    }

    #[test]
    fn the_user_can_replace_keep_both_or_decline() {
        let (local, incoming) = pair();
        let plan = plan_merge(&local, &incoming);
        let mut choices = Choices::default();
        choices.accounts.insert(Id::new("both"), Choice::KeepBoth);
        choices
            .accounts
            .insert(Id::new("mine"), Choice::TakeIncoming);
        choices
            .accounts
            .insert(Id::new("theirs"), Choice::KeepLocal);
        choices.accounts.insert(Id::new("new"), Choice::KeepLocal);
        let out = apply_merge(&local, &incoming, &plan, &choices, ts(200));
        let names: Vec<(&str, &str)> = out
            .accounts
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("same", "Same"),
                ("theirs", "Old name"),
                ("mine", "Before my edit"),
                ("both", "Our edit"),
                ("local-only", "Ours"),
                ("both-imported", "Their edit (imported)"),
            ]
        );
        // Keeping both again makes a second, distinct copy.
        let plan = plan_merge(&out, &incoming);
        let out2 = apply_merge(&out, &incoming, &plan, &choices, ts(300));
        assert_eq!(out2.accounts.last().unwrap().id, Id::new("both-imported-2"));
    }

    #[test]
    fn members_and_settings_merge_like_accounts_and_references_are_filled() {
        let (mut local, mut incoming) = pair();
        let ann = |name: &str, t: i64| TeamMember {
            id: Id::new("tm-ann"),
            name: name.into(),
            updated_at: Some(ts(t)),
            ..TeamMember::default()
        };
        local.team.push(ann("Ann", 10));
        incoming.team.push(ann("Ann Archer", 120));
        incoming.team.push(TeamMember {
            id: Id::new("tm-zed"),
            name: "Zed".into(),
            ..TeamMember::default()
        });
        // Their settings changed too, after the mark: Updated, but the user keeps theirs.
        incoming.settings.currency = "EUR".into();
        incoming.settings.updated_at = Some(ts(110));
        incoming
            .settings
            .departments
            .push(Term::new("dept-legal", "Legal"));
        local.settings.updated_at = Some(ts(90));
        // The new account refers to Zed and to the Legal department.
        let new = incoming.account_mut(&Id::new("new")).unwrap();
        new.owner = Some(Id::new("tm-zed"));
        new.plan.contacts.push(Contact {
            id: Id::new("c"),
            department: Some(Id::new("dept-legal")),
            ..Contact::default()
        });
        let plan = plan_merge(&local, &incoming);
        assert_eq!(plan.settings, Status::Updated);
        let members: Vec<Status> = plan.members.iter().map(|e| e.status).collect();
        assert_eq!(members, [Status::Updated, Status::Added]);
        let mut choices = Choices {
            settings: Some(Choice::KeepLocal),
            ..Choices::default()
        };
        choices.members.insert(Id::new("tm-zed"), Choice::KeepLocal);
        let out = apply_merge(&local, &incoming, &plan, &choices, ts(200));
        assert_eq!(out.settings.currency, "USD");
        assert_eq!(out.team[0].name, "Ann Archer");
        // Zed was declined as such, but the account taken needs him: he comes along.
        assert_eq!(out.team[1].name, "Zed");
        assert!(out
            .settings
            .departments
            .iter()
            .any(|d| d.id.as_str() == "dept-legal"));
        assert_eq!(crate::domain::validate::validate(&out), vec![]);
    }

    fn arb_choice() -> impl Strategy<Value = Choice> {
        prop_oneof![
            Just(Choice::KeepLocal),
            Just(Choice::TakeIncoming),
            Just(Choice::KeepBoth)
        ]
    }

    proptest! {
        #[test]
        fn merging_a_workspace_with_itself_changes_nothing(ws in arb_workspace()) {
            let plan = plan_merge(&ws, &ws);
            prop_assert!(plan.changes_nothing());
            prop_assert_eq!(plan.count(Status::Unchanged), plan.accounts.len() + plan.members.len() + 1);
            prop_assert_eq!(apply_merge(&ws, &ws, &plan, &Choices::default(), ts(5)), ws);
        }

        #[test]
        fn merging_an_empty_workspace_changes_nothing_but_the_mark(ws in arb_workspace()) {
            let empty = Workspace { id: Id::new("ws-empty"), ..Workspace::default() };
            let plan = plan_merge(&ws, &empty);
            prop_assert!(plan.changes_nothing());
            let mut out = apply_merge(&ws, &empty, &plan, &Choices::default(), ts(5));
            prop_assert_eq!(out.sync_marks.remove(&Id::new("ws-empty")), Some(ts(5)));
            prop_assert_eq!(out, ws);
        }

        #[test]
        fn every_local_account_survives_unless_replaced_by_choice(
            local in arb_workspace(),
            other in arb_workspace(),
            mark in proptest::option::of(0i64..1_000),
            picks in proptest::collection::vec(proptest::option::of(arb_choice()), 6),
        ) {
            let mut local = local;
            let incoming = Workspace { id: Id::new("ws-other"), ..other };
            if let Some(m) = mark {
                local.sync_marks.insert(Id::new("ws-other"), ts(m));
            }
            let plan = plan_merge(&local, &incoming);
            let mut choices = Choices::default();
            for (entry, pick) in plan.accounts.iter().zip(&picks) {
                if let Some(c) = pick {
                    choices.accounts.insert(entry.id.clone(), *c);
                }
            }
            let out = apply_merge(&local, &incoming, &plan, &choices, ts(2_000));
            for a in &local.accounts {
                let got = out.account(&a.id);
                prop_assert!(got.is_some(), "account {} lost", a.id);
                let entry = plan.accounts.iter().find(|e| e.id == a.id);
                let replaced = entry.is_some_and(|e| {
                    let c = choices.accounts.get(&e.id).copied().unwrap_or(Choice::default_for(e.status));
                    e.status != Status::Unchanged && c == Choice::TakeIncoming
                });
                if replaced {
                    prop_assert_eq!(got, incoming.account(&a.id));
                } else {
                    prop_assert_eq!(got, Some(&**a));
                }
            }
            // Nothing is replaced without a choice or an Updated status.
            for e in &plan.accounts {
                if e.status == Status::Conflict && !choices.accounts.contains_key(&e.id) {
                    prop_assert_eq!(out.account(&e.id), local.account(&e.id));
                }
            }
            // Ids stay unique.
            let ids: HashSet<&Id> = out.accounts.iter().map(|a| &a.id).collect();
            prop_assert_eq!(ids.len(), out.accounts.len());
        }
    }
}
