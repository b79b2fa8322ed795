//! The merge of one list of entities (and of a single entity), by the rule of the module
//! documentation; every change is recorded in the context.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Change, Choice, Clash, Ctx, Entity, EntityRef, FieldDiff, Status};
use crate::domain::model::{Id, Timestamp, Tombstone};

/// Merges `theirs` into `mine`: mine in my order, then theirs that are new here.
/// Tombstones of mine kept deleted against a change of theirs (a conflict kept as mine)
/// are renewed in `renewed`.
pub(crate) fn merge<T: Entity>(
    mine: Vec<T>,
    theirs: &[T],
    account: Option<&Id>,
    my_tombs: &HashMap<&Id, Timestamp>,
    their_tombs: &HashMap<&Id, Timestamp>,
    ctx: &mut Ctx,
    renewed: &mut Vec<Tombstone>,
) -> Vec<T> {
    if mine == theirs {
        return mine;
    }
    let their_index: HashMap<Id, &T> = theirs.iter().map(|t| (t.id(), t)).collect();
    let my_ids: HashSet<Id> = mine.iter().map(Entity::id).collect();
    let mut out = Vec::with_capacity(mine.len().max(theirs.len()));
    for m in mine {
        let id = m.id();
        match their_index.get(&id) {
            Some(t) => out.push(merge_one(m, t, account, ctx)),
            None => {
                if let Some(kept) = deleted_there(m, account, their_tombs.get(&id).copied(), ctx) {
                    out.push(kept);
                }
            }
        }
    }
    for t in theirs {
        let id = t.id();
        if my_ids.contains(&id) {
            continue;
        }
        match my_tombs.get(&id) {
            None => {
                ctx.record(t, account, Status::Added, Vec::new());
                out.push(t.clone());
            }
            Some(_) if !ctx.theirs_changed(t.stamp()) => {}
            Some(_) => {
                let entity = entity_ref::<T>(account, &id);
                ctx.record(t, account, Status::Conflict(Clash::DeletedHere), Vec::new());
                match ctx.choices.of(&entity) {
                    Choice::TakeTheirs => out.push(t.clone()),
                    Choice::KeepMine => {
                        ctx.bumped = true;
                        renewed.push(Tombstone {
                            kind: T::KIND,
                            id,
                            at: ctx.now,
                        })
                    }
                }
            }
        }
    }
    out
}

/// Mine, which they no longer have: kept unless they deleted it since we last saw them
/// (then removed, or a conflict if it changed here since they saw it).
fn deleted_there<T: Entity>(
    mut m: T,
    account: Option<&Id>,
    tomb: Option<Timestamp>,
    ctx: &mut Ctx,
) -> Option<T> {
    if !tomb.is_some_and(|at| ctx.theirs_changed(Some(at))) {
        return Some(m);
    }
    if !ctx.mine_changed(m.stamp()) {
        ctx.record(&m, account, Status::Removed, Vec::new());
        return None;
    }
    ctx.record(
        &m,
        account,
        Status::Conflict(Clash::DeletedThere),
        Vec::new(),
    );
    match ctx.choices.of(&entity_ref::<T>(account, &m.id())) {
        Choice::TakeTheirs => None,
        Choice::KeepMine => {
            m.set_stamp(ctx.now);
            ctx.bumped |= m.stamp() == Some(ctx.now);
            Some(m)
        }
    }
}

/// One entity both sides have.
pub(crate) fn merge_one<T: Entity>(mine: T, theirs: &T, account: Option<&Id>, ctx: &mut Ctx) -> T {
    if &mine == theirs {
        return mine;
    }
    if mine.same_content(theirs) {
        // The same edit on both sides: the later stamp, no question.
        return if theirs.stamp() > mine.stamp() {
            theirs.clone()
        } else {
            mine
        };
    }
    let mine_changed = ctx.mine_changed(mine.stamp());
    let theirs_changed = ctx.theirs_changed(theirs.stamp());
    if theirs_changed && !mine_changed {
        ctx.record(theirs, account, Status::Updated, Vec::new());
        return theirs.clone();
    }
    if mine_changed && !theirs_changed {
        ctx.record(&mine, account, Status::Kept, Vec::new());
        return mine;
    }
    let fields = field_diffs(&mine, theirs);
    ctx.record(&mine, account, Status::Conflict(Clash::BothChanged), fields);
    match ctx.choices.of(&entity_ref::<T>(account, &mine.id())) {
        Choice::TakeTheirs => theirs.clone(),
        Choice::KeepMine => {
            let mut kept = mine;
            kept.set_stamp(ctx.now);
            ctx.bumped |= kept.stamp() == Some(ctx.now);
            kept
        }
    }
}

fn entity_ref<T: Entity>(account: Option<&Id>, id: &Id) -> EntityRef {
    EntityRef {
        account: account.cloned(),
        kind: T::KIND,
        id: id.clone(),
    }
}

impl Ctx<'_> {
    fn record<T: Entity>(
        &mut self,
        e: &T,
        account: Option<&Id>,
        status: Status,
        fields: Vec<FieldDiff>,
    ) {
        self.changes.push(Change {
            entity: entity_ref::<T>(account, &e.id()),
            name: e.name(),
            status,
            fields,
        });
    }
}

/// The top-level fields whose values differ, as short text, stamps aside.
fn field_diffs<T: Entity>(mine: &T, theirs: &T) -> Vec<FieldDiff> {
    // `to_value`, as storage writes every entity: no second serializer per entity.
    let (Ok(Value::Object(m)), Ok(Value::Object(t))) =
        (serde_json::to_value(mine), serde_json::to_value(theirs))
    else {
        return Vec::new();
    };
    m.iter()
        .filter(|(k, _)| k.as_str() != "updated_at")
        .filter_map(|(k, v)| {
            let other = t.get(k).unwrap_or(&Value::Null);
            (v != other).then(|| FieldDiff {
                field: k.replace('_', " "),
                mine: text_of(v),
                theirs: text_of(other),
            })
        })
        .collect()
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) if s.is_empty() => "—".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
