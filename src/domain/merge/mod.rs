//! The three-way merge of two copies of a workspace (a colleague's file, another device),
//! entity by entity.
//!
//! Every entity is compared on its own, by id: an account's details, revenue and contract,
//! each contact, interaction, goal, measure, feedback item, business unit, white-space
//! cell, opportunity, action, meeting, team role and review, and the workspace's team
//! members and settings. Whether a side changed an entity since the other last saw it is
//! told by the entity's `updated_at` and the **base**: what each side last saw of the
//! other ([`Bases`], from the sync marks). So:
//!
//! | mine            | theirs          | result                                    |
//! |-----------------|-----------------|-------------------------------------------|
//! | equal           | equal           | nothing to do                             |
//! | not changed     | changed         | take theirs (`Updated`)                   |
//! | changed         | not changed     | keep mine (`Kept`)                        |
//! | both changed, or no way to tell     || `Conflict`: the user's choice, mine by default |
//! | absent          | present         | add (`Added`), unless deleted here: then it stays deleted, or is a conflict if they changed it since |
//! | present         | deleted there   | delete (`Removed`), or a conflict if changed here since |
//!
//! Deletions are kept as tombstones ([`Tombstone`]) so that a copy that still has an
//! entity does not bring it back. A conflict kept as mine is stamped `now`: the decision is
//! the newest change, so the next merge either way does not ask again.
//!
//! Everything here is pure: [`merge`] gives the merged workspace and what changed, for the
//! preview with the default choices and for the import with the user's.

/// Calls `$m!` with the path of every list of entities in an account plan, so that the
/// merge and the stamping of edits go over the same lists. Feedback's three lists are not
/// among them: an item can move from one to another, so each user treats them apart.
macro_rules! plan_lists {
    ($m:ident) => {
        $m!(
            contacts,
            interactions,
            goals,
            measures,
            white_space.units,
            white_space.cells,
            opportunities,
            actions,
            cadence,
            team,
            reviews,
            previous
        )
    };
}

mod account;
mod entity;
mod list;
mod references;
mod stamp;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_practices;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::domain::model::{Account, EntityKind, Id, Timestamp, Tombstone, Workspace};

pub use entity::Entity;
pub use references::referenced_members;
pub use stamp::{stamp_changes, stamp_restored, stamp_team_changes};

/// What each side last saw of the other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bases {
    /// When, in their clock, their copy was as we last merged it: their entities stamped
    /// later changed since (our `sync_marks[their id]`).
    pub theirs: Option<Timestamp>,
    /// The same for what they last merged of ours (their `sync_marks[our id]`).
    pub ours: Option<Timestamp>,
}

impl Bases {
    /// The bases of merging `theirs` into `mine`.
    pub fn between(mine: &Workspace, theirs: &Workspace) -> Bases {
        Bases {
            theirs: mine.sync_marks.get(&theirs.id).copied(),
            ours: theirs.sync_marks.get(&mine.id).copied(),
        }
    }
}

/// What the incoming copy holds: a whole workspace, or one account with what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Accounts, team members and settings merge; a missing account is not deleted unless
    /// a tombstone says so.
    Workspace,
    /// The account file's one account merges; its team and settings only fill in what the
    /// account refers to.
    Account,
}

/// How one entity compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Only theirs has it: added.
    Added,
    /// Changed there only: theirs is taken.
    Updated,
    /// Deleted there, not changed here since: deleted here too.
    Removed,
    /// Changed here only (or deleted here and not changed there): mine stays.
    Kept,
    /// Changed on both sides since the base (or no way to tell).
    Conflict(Clash),
}

/// The two sides of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Clash {
    BothChanged,
    /// Deleted here, changed there.
    DeletedHere,
    /// Changed here, deleted there.
    DeletedThere,
}

/// Which entity: the account it belongs to (none for team members and settings), its
/// kind and its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef {
    pub account: Option<Id>,
    pub kind: EntityKind,
    pub id: Id,
}

/// One field that differs between the two versions of an entity in conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

/// One entity the merge does something to (unchanged ones are not listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub entity: EntityRef,
    /// The entity's name for people ("Ann Lee", "Cut cost to serve by 10%").
    pub name: String,
    pub status: Status,
    /// For a conflict of two versions: the fields that differ.
    pub fields: Vec<FieldDiff>,
}

/// The user's decision for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    #[default]
    KeepMine,
    TakeTheirs,
}

/// The user's decisions; a conflict without one keeps mine (or `all`, when set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub each: BTreeMap<EntityRef, Choice>,
    pub all: Option<Choice>,
}

impl Choices {
    pub fn of(&self, entity: &EntityRef) -> Choice {
        self.each
            .get(entity)
            .copied()
            .or(self.all)
            .unwrap_or_default()
    }
}

/// The merged workspace and every change that made it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub workspace: Workspace,
    pub changes: Vec<Change>,
}

impl Merged {
    /// How many changes have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.changes.iter().filter(|c| c.status == status).count()
    }
    pub fn conflicts(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| matches!(c.status, Status::Conflict(_)))
    }
}

/// Everything one merge shares: the bases, the user's choices and the clock.
pub(crate) struct Ctx<'a> {
    pub bases: Bases,
    pub choices: &'a Choices,
    pub now: Timestamp,
    pub changes: Vec<Change>,
    /// The stamps that stand for an entity's own when it has none: its account's last
    /// change on each side (mine, theirs), which no change of the entity can be after.
    pub fallback: (Option<Timestamp>, Option<Timestamp>),
    /// Whether a conflict kept as mine stamped something `now`.
    pub bumped: bool,
}

impl Ctx<'_> {
    /// Whether our version changed since they last saw it (no stamp or no base: maybe).
    pub fn mine_changed(&self, at: Option<Timestamp>) -> bool {
        changed(at.or(self.fallback.0), self.bases.ours)
    }
    /// Whether their version changed since we last saw it.
    pub fn theirs_changed(&self, at: Option<Timestamp>) -> bool {
        changed(at.or(self.fallback.1), self.bases.theirs)
    }
}

fn changed(at: Option<Timestamp>, base: Option<Timestamp>) -> bool {
    match (at, base) {
        (Some(at), Some(base)) => at > base,
        _ => true,
    }
}

/// Merges `theirs` into `mine` with the user's `choices`, at `now`; see the module
/// documentation. The sync mark of `theirs` becomes `seen` (when their copy was written,
/// in their clock; the caller passes `now` when the file does not say), except for a copy
/// of this same workspace.
pub fn merge(
    mine: &Workspace,
    theirs: &Workspace,
    scope: Scope,
    choices: &Choices,
    now: Timestamp,
    seen: Timestamp,
) -> Merged {
    let mut ctx = Ctx {
        bases: Bases::between(mine, theirs),
        choices,
        now,
        changes: Vec::new(),
        fallback: (None, None),
        bumped: false,
    };
    let mut out = mine.clone();
    let mut renewed = Vec::new();
    if scope == Scope::Workspace {
        merge_team_and_settings(&mut out, mine, theirs, &mut ctx, &mut renewed);
    }
    out.accounts = merge_accounts(mine, theirs, scope, &mut ctx, &mut renewed);
    references::fill(&mut out, theirs);
    out.deleted = workspace_tombs(&out, mine, theirs, scope, renewed);
    if theirs.id != mine.id {
        out.sync_marks.insert(theirs.id.clone(), seen);
    }
    Merged {
        workspace: out,
        changes: ctx.changes,
    }
}

fn merge_team_and_settings(
    out: &mut Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    ctx: &mut Ctx,
    renewed: &mut Vec<Tombstone>,
) {
    let team = std::mem::take(&mut out.team);
    let my_tombs = tombs_of(&mine.deleted, EntityKind::Member);
    let their_tombs = tombs_of(&theirs.deleted, EntityKind::Member);
    out.team = list::merge(
        team,
        &theirs.team,
        None,
        &my_tombs,
        &their_tombs,
        ctx,
        renewed,
    );
    let settings = out.settings.clone();
    out.settings = list::merge_one(settings, &theirs.settings, None, ctx);
}

/// The accounts of the merge, mine first in my order, then those only they have.
fn merge_accounts(
    mine: &Workspace,
    theirs: &Workspace,
    scope: Scope,
    ctx: &mut Ctx,
    renewed: &mut Vec<Tombstone>,
) -> Vec<Arc<Account>> {
    let (my_tombs, their_tombs) = match scope {
        Scope::Workspace => (
            tombs_of(&mine.deleted, EntityKind::Account),
            tombs_of(&theirs.deleted, EntityKind::Account),
        ),
        Scope::Account => (tombs_of(&mine.deleted, EntityKind::Account), HashMap::new()),
    };
    account::merge_all(mine, theirs, &my_tombs, &their_tombs, ctx, renewed)
}

/// The workspace's tombstones (accounts, team members) after a merge.
fn workspace_tombs(
    out: &Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    scope: Scope,
    mut renewed: Vec<Tombstone>,
) -> Vec<Tombstone> {
    let theirs: &[Tombstone] = match scope {
        Scope::Workspace => &theirs.deleted,
        Scope::Account => &[],
    };
    if mine.deleted.is_empty() && theirs.is_empty() && renewed.is_empty() {
        return Vec::new();
    }
    renewed.extend(mine.deleted.iter().cloned());
    union_tombs(&renewed, theirs, |kind, id| match kind {
        EntityKind::Account => out.account(id).is_some(),
        EntityKind::Member => out.member(id).is_some(),
        _ => false,
    })
}

/// The tombstones of one kind, by id.
pub(crate) fn tombs_of(list: &[Tombstone], kind: EntityKind) -> HashMap<&Id, Timestamp> {
    list.iter()
        .filter(|t| t.kind == kind)
        .map(|t| (&t.id, t.at))
        .collect()
}

/// Both lists of tombstones, the later of two for the same entity, without those whose
/// entity is `present` again (restored, or kept by a choice).
pub(crate) fn union_tombs(
    mine: &[Tombstone],
    theirs: &[Tombstone],
    present: impl Fn(EntityKind, &Id) -> bool,
) -> Vec<Tombstone> {
    let mut by_key: BTreeMap<(EntityKind, &Id), Timestamp> = BTreeMap::new();
    for t in mine.iter().chain(theirs) {
        let at = by_key.entry((t.kind, &t.id)).or_insert(t.at);
        *at = (*at).max(t.at);
    }
    by_key
        .into_iter()
        .filter(|((kind, id), _)| !present(*kind, id))
        .map(|((kind, id), at)| Tombstone {
            kind,
            id: id.clone(),
            at,
        })
        .collect()
}
