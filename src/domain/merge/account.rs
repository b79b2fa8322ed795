//! The merge of the accounts: whole accounts added or deleted, and each account both sides
//! have merged part by part.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::entity::kind_of;
use super::list::{merge, merge_one};
use super::{tombs_of, union_tombs, Change, Choice, Clash, Ctx, Entity, EntityRef, Status};
use crate::domain::model::{
    Account, AccountPlan, Contributors, EntityKind, FeedbackItem, Id, Segment, Timestamp,
    Tombstone, Workspace,
};

pub(crate) fn merge_all(
    mine: &Workspace,
    theirs: &Workspace,
    my_tombs: &HashMap<&Id, Timestamp>,
    their_tombs: &HashMap<&Id, Timestamp>,
    ctx: &mut Ctx,
    renewed: &mut Vec<Tombstone>,
) -> Vec<Arc<Account>> {
    let their_index: HashMap<&Id, &Arc<Account>> =
        theirs.accounts.iter().map(|a| (&a.id, a)).collect();
    let mut out = Vec::with_capacity(mine.accounts.len());
    for m in &mine.accounts {
        match their_index.get(&m.id) {
            Some(t) if Arc::ptr_eq(m, t) || m == *t => out.push(m.clone()),
            Some(t) => out.push(Arc::new(merge_account(m, t, ctx))),
            None if their_tombs
                .get(&m.id)
                .is_some_and(|at| ctx.theirs_changed(Some(*at))) =>
            {
                if let Some(kept) = deleted_there(m, ctx) {
                    out.push(kept);
                }
            }
            None => out.push(m.clone()),
        }
    }
    let my_ids: HashSet<&Id> = mine.accounts.iter().map(|a| &a.id).collect();
    for t in theirs.accounts.iter().filter(|t| !my_ids.contains(&t.id)) {
        if !my_tombs.contains_key(&t.id) {
            record(ctx, t, Status::Added);
            out.push(t.clone());
        } else if ctx.theirs_changed(t.updated_at) {
            record(ctx, t, Status::Conflict(Clash::DeletedHere));
            match ctx.choices.of(&account_ref(t)) {
                Choice::TakeTheirs => out.push(t.clone()),
                Choice::KeepMine => renewed.push(Tombstone {
                    kind: EntityKind::Account,
                    id: t.id.clone(),
                    at: ctx.now,
                }),
            }
        }
    }
    out
}

/// A whole account they deleted.
fn deleted_there(m: &Arc<Account>, ctx: &mut Ctx) -> Option<Arc<Account>> {
    if !ctx.mine_changed(m.updated_at) {
        record(ctx, m, Status::Removed);
        return None;
    }
    record(ctx, m, Status::Conflict(Clash::DeletedThere));
    match ctx.choices.of(&account_ref(m)) {
        Choice::TakeTheirs => None,
        Choice::KeepMine => {
            let mut kept = (**m).clone();
            kept.updated_at = Some(ctx.now);
            Some(Arc::new(kept))
        }
    }
}

fn account_ref(a: &Account) -> EntityRef {
    EntityRef {
        account: None,
        kind: EntityKind::Account,
        id: a.id.clone(),
    }
}

fn record(ctx: &mut Ctx, a: &Account, status: Status) {
    ctx.changes.push(Change {
        entity: account_ref(a),
        name: a.name.clone(),
        status,
        fields: Vec::new(),
    });
}

/// One account both sides have, part by part.
fn merge_account(mine: &Account, theirs: &Account, ctx: &mut Ctx) -> Account {
    let id = Some(&mine.id);
    ctx.fallback = (mine.updated_at, theirs.updated_at);
    ctx.bumped = false;
    let mut renewed: Vec<Tombstone> = Vec::new();
    let details = merge_one(Details::of(mine), &Details::of(theirs), id, ctx);
    let mut out = details.onto(mine.clone());
    let (p, t) = (&mut out.plan, &theirs.plan);
    let my_deleted = &mine.deleted;
    let (mt, tt) = (&mine.deleted, &theirs.deleted);
    macro_rules! lists {
        ($($($field:ident).+),+) => {$({
            let kind = kind_of(&t.$($field).+);
            let mine_list = std::mem::take(&mut p.$($field).+);
            p.$($field).+ = merge(
                mine_list,
                &t.$($field).+,
                id,
                &tombs_of(mt, kind),
                &tombs_of(tt, kind),
                ctx,
                &mut renewed,
            );
        })+};
    }
    p.revenue = merge_one(std::mem::take(&mut p.revenue), &t.revenue, id, ctx);
    p.contract = merge_one(std::mem::take(&mut p.contract), &t.contract, id, ctx);
    plan_lists!(lists);
    merge_feedback(p, t, id, (mt, tt), ctx, &mut renewed);
    // An item deleted on one side while an action was linked to it on the other.
    crate::domain::feedback::drop_dangling_links(p);
    for (part, day) in &t.reviewed {
        let at = p.reviewed.entry(*part).or_insert(*day);
        *at = (*at).max(*day);
    }
    renewed.extend(my_deleted.iter().cloned());
    out.deleted = account_tombs(&out.plan, &renewed, &theirs.deleted);
    out.updated_at = mine.updated_at.max(theirs.updated_at);
    if ctx.bumped {
        out.updated_at = out.updated_at.max(Some(ctx.now));
    }
    ctx.fallback = (None, None);
    out
}

/// The feedback items of the three lists merge as one list, so that an item moved from
/// one list to another is a change of that item, not a deletion and an addition.
fn merge_feedback(
    p: &mut AccountPlan,
    t: &AccountPlan,
    id: Option<&Id>,
    (mt, tt): (&[Tombstone], &[Tombstone]),
    ctx: &mut Ctx,
    renewed: &mut Vec<Tombstone>,
) {
    if p.feedback == t.feedback {
        return;
    }
    let kind = EntityKind::Feedback;
    let mine = Listed::all(&std::mem::take(&mut p.feedback));
    let theirs = Listed::all(&t.feedback);
    let merged = merge(
        mine,
        &theirs,
        id,
        &tombs_of(mt, kind),
        &tombs_of(tt, kind),
        ctx,
        renewed,
    );
    for item in merged {
        match item.list {
            FeedbackList::Start => p.feedback.start.push(item.item),
            FeedbackList::Stop => p.feedback.stop.push(item.item),
            FeedbackList::Keep => p.feedback.keep.push(item.item),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum FeedbackList {
    Start,
    Stop,
    Keep,
}

/// A feedback item and the list it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Listed {
    list: FeedbackList,
    #[serde(flatten)]
    item: FeedbackItem,
}

impl Listed {
    fn all(f: &crate::domain::model::Feedback) -> Vec<Listed> {
        let tag = |list: FeedbackList| {
            move |item: &FeedbackItem| Listed {
                list,
                item: item.clone(),
            }
        };
        f.start
            .iter()
            .map(tag(FeedbackList::Start))
            .chain(f.stop.iter().map(tag(FeedbackList::Stop)))
            .chain(f.keep.iter().map(tag(FeedbackList::Keep)))
            .collect()
    }
}

impl Entity for Listed {
    const KIND: EntityKind = EntityKind::Feedback;
    fn id(&self) -> Id {
        self.item.id.clone()
    }
    fn stamp(&self) -> Option<Timestamp> {
        self.item.updated_at
    }
    fn set_stamp(&mut self, at: Timestamp) {
        self.item.updated_at = Some(at);
    }
    fn name(&self) -> String {
        self.item.text.clone()
    }
}

/// The account's own fields, which merge as one entity (and are stamped as one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Details {
    name: String,
    industry: String,
    segment: Segment,
    owner: Option<Id>,
    fiscal_year_start_month: u8,
    notes: String,
    archived: bool,
    created_on: Option<NaiveDate>,
    year: i32,
    contributors: Contributors,
    #[serde(skip)]
    pub(crate) updated_at: Option<Timestamp>,
}

impl Details {
    pub(crate) fn of(a: &Account) -> Details {
        Details {
            name: a.name.clone(),
            industry: a.industry.clone(),
            segment: a.segment,
            owner: a.owner.clone(),
            fiscal_year_start_month: a.fiscal_year_start_month,
            notes: a.notes.clone(),
            archived: a.archived,
            created_on: a.created_on,
            year: a.plan.year,
            contributors: a.plan.contributors.clone(),
            updated_at: a.details_updated_at,
        }
    }

    fn onto(self, mut a: Account) -> Account {
        a.name = self.name;
        a.industry = self.industry;
        a.segment = self.segment;
        a.owner = self.owner;
        a.fiscal_year_start_month = self.fiscal_year_start_month;
        a.notes = self.notes;
        a.archived = self.archived;
        a.created_on = self.created_on;
        a.plan.year = self.year;
        a.plan.contributors = self.contributors;
        a.details_updated_at = self.updated_at;
        a
    }
}

impl Entity for Details {
    const KIND: EntityKind = EntityKind::Details;
    fn id(&self) -> Id {
        Id::new(EntityKind::Details.key())
    }
    fn stamp(&self) -> Option<Timestamp> {
        self.updated_at
    }
    fn set_stamp(&mut self, at: Timestamp) {
        self.updated_at = Some(at);
    }
    fn name(&self) -> String {
        "Account details".into()
    }
}

/// The account's tombstones after a merge: both sides', renewed ones included, except
/// those whose entity the plan has again.
fn account_tombs(plan: &AccountPlan, mine: &[Tombstone], theirs: &[Tombstone]) -> Vec<Tombstone> {
    if mine.is_empty() && theirs.is_empty() {
        return Vec::new();
    }
    let present = super::stamp::entity_ids(plan);
    union_tombs(mine, theirs, |kind, id| {
        present.contains(&(kind, id.clone()))
    })
}
