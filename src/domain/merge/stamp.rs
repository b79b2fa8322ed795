//! Stamps and tombstones for a change made here: every entity an edit changed gets `now`,
//! every entity it removed a tombstone, so that the next merge can tell what changed.

use std::collections::{HashMap, HashSet};

use super::account::Details;
use super::entity::{kind_of, Entity};
use crate::domain::model::{Account, AccountPlan, EntityKind, Id, Timestamp, Tombstone, Workspace};

/// Stamps what changed from `before` to `after` (one account) and records what was
/// deleted; an entity that is back (an undo) loses its tombstone.
pub fn stamp_changes(before: &Account, after: &mut Account, now: Timestamp) {
    let mut details = Details::of(after);
    stamp_one(&Details::of(before), &mut details, now);
    after.details_updated_at = details.updated_at;
    let (b, a) = (&before.plan, &mut after.plan);
    stamp_one(&b.revenue, &mut a.revenue, now);
    stamp_one(&b.contract, &mut a.contract, now);
    let mut gone: Vec<(EntityKind, Id)> = Vec::new();
    macro_rules! lists {
        ($($($field:ident).+),+) => {
            $(stamp_list(&b.$($field).+, &mut a.$($field).+, now, &mut gone);)+
        };
    }
    plan_lists!(lists);
    lists!(feedback.start, feedback.stop, feedback.keep);
    if gone.is_empty() && after.deleted.is_empty() {
        return;
    }
    let present = entity_ids(&after.plan);
    after
        .deleted
        .retain(|t| !present.contains(&(t.kind, t.id.clone())));
    for (kind, id) in gone {
        if !present.contains(&(kind, id.clone())) {
            after.deleted.retain(|t| !(t.kind == kind && t.id == id));
            after.deleted.push(Tombstone { kind, id, at: now });
        }
    }
}

/// Makes `restored` (an earlier state of the account, brought back by an undo or a redo)
/// the account again after `current`: what differs from `current` is stamped `now` (an
/// undo is an edit like any other, newer than what the team has seen), what is the same
/// keeps its stamp, the entities that come back lose their tombstones and those that go
/// get one.
pub fn stamp_restored(current: &Account, restored: &mut Account, now: Timestamp) {
    restored.deleted = current.deleted.clone();
    restored.details_updated_at = current.details_updated_at;
    restamp_one(&current.plan.revenue, &mut restored.plan.revenue);
    restamp_one(&current.plan.contract, &mut restored.plan.contract);
    macro_rules! lists {
        ($($($field:ident).+),+) => {
            $(restamp_list(&current.plan.$($field).+, &mut restored.plan.$($field).+, now);)+
        };
    }
    plan_lists!(lists);
    lists!(feedback.start, feedback.stop, feedback.keep);
    stamp_changes(current, restored, now);
    restored.updated_at = Some(now);
}

/// Gives `restored` the stamp of `current`, so that [`stamp_changes`] stamps it exactly
/// when their content differs.
fn restamp_one<T: Entity>(current: &T, restored: &mut T) {
    if let Some(at) = current.stamp() {
        restored.set_stamp(at);
    }
}

/// The same for a list; an entity that comes back is stamped `now`.
fn restamp_list<T: Entity>(current: &[T], restored: &mut [T], now: Timestamp) {
    let by_id: HashMap<Id, &T> = current.iter().map(|e| (e.id(), e)).collect();
    for e in restored.iter_mut() {
        match by_id.get(&e.id()) {
            Some(c) => restamp_one(*c, e),
            None => e.set_stamp(now),
        }
    }
}

/// Records the accounts and team members deleted from `before` to `after`, and stamps
/// the team members that changed.
pub fn stamp_team_changes(before: &Workspace, after: &mut Workspace, now: Timestamp) {
    let mut gone: Vec<(EntityKind, Id)> = Vec::new();
    stamp_list(&before.team, &mut after.team, now, &mut gone);
    let kept: HashSet<&Id> = after.accounts.iter().map(|a| &a.id).collect();
    gone.extend(
        before
            .accounts
            .iter()
            .filter(|a| !kept.contains(&a.id))
            .map(|a| (EntityKind::Account, a.id.clone())),
    );
    let back = |t: &Tombstone| match t.kind {
        EntityKind::Account => after.account(&t.id).is_some(),
        EntityKind::Member => after.member(&t.id).is_some(),
        _ => false,
    };
    let deleted: Vec<Tombstone> = after.deleted.iter().filter(|t| !back(t)).cloned().collect();
    after.deleted = deleted;
    for (kind, id) in gone {
        after.deleted.retain(|t| !(t.kind == kind && t.id == id));
        after.deleted.push(Tombstone { kind, id, at: now });
    }
}

fn stamp_one<T: Entity>(before: &T, after: &mut T, now: Timestamp) {
    // With the same stamp, a difference is an edit that did not stamp it.
    if before.stamp() == after.stamp() && before != after {
        after.set_stamp(now);
    }
}

/// Stamps the changed and new entities of a list; the removed ones go to `gone`.
fn stamp_list<T: Entity>(
    before: &[T],
    after: &mut [T],
    now: Timestamp,
    gone: &mut Vec<(EntityKind, Id)>,
) {
    if before == after {
        return;
    }
    let old: Vec<Id> = before.iter().map(Entity::id).collect();
    let new: Vec<Id> = after.iter().map(Entity::id).collect();
    let (was_at, removed) = pair_up(&old, &new);
    for (e, at) in after.iter_mut().zip(was_at) {
        match at {
            Some(i) => stamp_one(&before[i], e, now),
            None if e.stamp().is_none() => e.set_stamp(now),
            None => {}
        }
    }
    gone.extend(removed.into_iter().map(|id| (T::KIND, id)));
}

/// For each id of `new`, its position in `old`; and the ids of `old` that `new` lacks, in
/// their order. (Apart from the entities' types: compiled once, not per kind.)
fn pair_up(old: &[Id], new: &[Id]) -> (Vec<Option<usize>>, Vec<Id>) {
    let index: HashMap<&Id, usize> = old.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let kept: HashSet<&Id> = new.iter().collect();
    let was_at = new.iter().map(|id| index.get(id).copied()).collect();
    let removed = old
        .iter()
        .filter(|id| !kept.contains(id))
        .cloned()
        .collect();
    (was_at, removed)
}

/// Every entity of a plan, by kind and id.
pub(crate) fn entity_ids(p: &AccountPlan) -> HashSet<(EntityKind, Id)> {
    let mut out = HashSet::new();
    macro_rules! add {
        ($($($field:ident).+),+) => {
            $(out.extend(p.$($field).+.iter().map(|e| (kind_of(&p.$($field).+), e.id())));)+
        };
    }
    plan_lists!(add);
    add!(feedback.start, feedback.stop, feedback.keep);
    out
}
