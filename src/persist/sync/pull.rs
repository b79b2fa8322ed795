//! Merging the documents pulled from the team database into the workspace.
//!
//! Each document is compared with what this browser last knew of it ([`Known`]): a
//! document not changed here since is taken as it is (added, updated or deleted); one
//! changed on both sides goes through the entity-level merge (`domain::merge`), whose
//! bases are this browser's last sync (for our changes) and the document's stamp when we
//! last knew it (for theirs). Conflicting revisions of a document (two servers that
//! replicated) are merged the same way, one after the other.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::merge::{merge, Change, Choices, EntityRef, Merged, Scope, Status};
use crate::domain::model::{EntityKind, Id, Timestamp, Tombstone, Workspace};
use crate::domain::validate::{validate, Problem};

use super::doc::{hash_of, Content, DocId, Known, Remote};

/// The pulled documents (winning revisions first, then the contents of conflicting
/// revisions), and what merging them needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct Pulled {
    pub docs: Vec<Remote>,
    /// The contents of the other leaves of documents in conflict, merged after the winners.
    pub losers: Vec<Remote>,
}

/// The merged workspace and what to record as known once it is applied.
#[derive(Debug, Clone)]
pub struct Applied {
    pub merged: Merged,
    pub known: Vec<(String, Known)>,
}

/// Merges `pulled` into `local`; see the module documentation. `server` names the team
/// database as a workspace for the merge (its sync mark is not kept).
pub fn merge_pulled(
    local: &Workspace,
    pulled: &Pulled,
    known: &BTreeMap<String, Known>,
    last_synced: Option<Timestamp>,
    choices: &Choices,
    now: Timestamp,
) -> Result<Applied, Vec<Problem>> {
    check(local, &pulled.docs)?;
    check(local, &pulled.losers)?;
    let mut out = local.clone();
    let mut changes = Vec::new();
    let mut both = Incoming::new(&out, last_synced, now);
    let mut recorded = Vec::new();
    for r in &pulled.docs {
        let key = r.id.key();
        let k = known.get(&key);
        if unchanged_here(&out, &r.id, k) {
            take(&mut out, r, &mut changes);
        } else {
            both.add(r, k);
        }
        recorded.push((
            key,
            Known {
                rev: r.rev.clone(),
                hash: r.content.hash(),
                stamp: r.content.stamp(),
                deleted: matches!(r.content, Content::Deleted(_)),
            },
        ));
    }
    let mut workspace = both.merge_into(out, choices, now, &mut changes);
    if !pulled.losers.is_empty() {
        let mut losers = Incoming::new(&workspace, last_synced, now);
        for r in &pulled.losers {
            losers.add(r, known.get(&r.id.key()));
        }
        workspace = losers.merge_into(workspace, choices, now, &mut changes);
    }
    workspace.sync_marks = local.sync_marks.clone();
    Ok(Applied {
        merged: Merged { workspace, changes },
        known: recorded,
    })
}

/// The id the team database has as a workspace in a merge.
const SERVER_ID: &str = "sync:team-database";

/// The documents changed on both sides, as a workspace for the entity-level merge.
struct Incoming {
    theirs: Workspace,
    /// The earliest stamp of the documents as we last knew them; `None` when one was unknown.
    base: Option<Timestamp>,
    any: bool,
    now: Timestamp,
}

impl Incoming {
    fn new(local: &Workspace, last_synced: Option<Timestamp>, now: Timestamp) -> Self {
        let mut theirs = Workspace {
            id: Id::new(SERVER_ID),
            name: "Team database".into(),
            settings: local.settings.clone(),
            ..Workspace::default()
        };
        if let Some(at) = last_synced {
            theirs.sync_marks.insert(local.id.clone(), at);
        }
        Incoming {
            theirs,
            base: None,
            any: false,
            now,
        }
    }

    fn add(&mut self, r: &Remote, k: Option<&Known>) {
        let stamp = k.and_then(|k| k.stamp);
        self.base = if self.any {
            self.base.min(stamp)
        } else {
            stamp
        };
        self.any = true;
        let t = &mut self.theirs;
        match (&r.id, &r.content) {
            (DocId::Account(_), Content::Account(a)) => t.accounts.push(Arc::new((**a).clone())),
            (DocId::Member(_), Content::Member(m)) => t.team.push(m.clone()),
            (DocId::Settings, Content::Settings(s)) => t.settings = (**s).clone(),
            (id, Content::Deleted(at)) => {
                let kind = match id {
                    DocId::Account(_) => EntityKind::Account,
                    DocId::Member(_) => EntityKind::Member,
                    DocId::Settings => return,
                };
                if let DocId::Account(id) | DocId::Member(id) = id {
                    t.deleted.push(Tombstone {
                        kind,
                        id: id.clone(),
                        // No date: now, so that it counts as a change of theirs.
                        at: at.unwrap_or(self.now),
                    });
                }
            }
            _ => {}
        }
    }

    fn merge_into(
        self,
        mut out: Workspace,
        choices: &Choices,
        now: Timestamp,
        changes: &mut Vec<Change>,
    ) -> Workspace {
        if !self.any {
            return out;
        }
        let marks = out.sync_marks.clone();
        match self.base {
            Some(at) => out.sync_marks.insert(self.theirs.id.clone(), at),
            None => out.sync_marks.remove(&self.theirs.id),
        };
        let merged = merge(&out, &self.theirs, Scope::Workspace, choices, now, now);
        changes.extend(merged.changes);
        let mut ws = merged.workspace;
        ws.sync_marks = marks;
        ws
    }
}

/// Whether the entity is here as it was when we last knew the document.
fn unchanged_here(ws: &Workspace, id: &DocId, k: Option<&Known>) -> bool {
    let here = local_hash(ws, id);
    match (k, here) {
        (Some(k), Some(h)) => !k.deleted && k.hash == h,
        (Some(k), None) => k.deleted,
        // Settings never edited here (a new workspace's) are no change of ours.
        (None, Some(_)) => *id == DocId::Settings && ws.settings.updated_at.is_none(),
        (None, None) => !deleted_here(ws, id),
    }
}

/// The hash of the entity's JSON here, or `None` when it is not here.
pub fn local_hash(ws: &Workspace, id: &DocId) -> Option<u64> {
    match id {
        DocId::Account(id) => ws.account(id).map(hash_of),
        DocId::Member(id) => ws.member(id).map(hash_of),
        DocId::Settings => Some(hash_of(&ws.settings)),
    }
}

fn deleted_here(ws: &Workspace, id: &DocId) -> bool {
    let (kind, id) = match id {
        DocId::Account(id) => (EntityKind::Account, id),
        DocId::Member(id) => (EntityKind::Member, id),
        DocId::Settings => return false,
    };
    ws.deleted.iter().any(|t| t.kind == kind && &t.id == id)
}

/// Takes a document not changed here as it is.
fn take(out: &mut Workspace, r: &Remote, changes: &mut Vec<Change>) {
    let (kind, id) = match &r.id {
        DocId::Account(id) => (EntityKind::Account, id.clone()),
        DocId::Member(id) => (EntityKind::Member, id.clone()),
        DocId::Settings => (EntityKind::Settings, Id::new("settings")),
    };
    let entity = EntityRef {
        account: None,
        kind,
        id: id.clone(),
    };
    let mut record = |name: String, status| {
        changes.push(Change {
            entity: entity.clone(),
            name,
            status,
            fields: Vec::new(),
        })
    };
    match &r.content {
        Content::Account(a) => {
            let a = Arc::new((**a).clone());
            match out.accounts.iter_mut().find(|x| x.id == id) {
                Some(x) => {
                    record(a.name.clone(), Status::Updated);
                    *x = a;
                }
                None => {
                    record(a.name.clone(), Status::Added);
                    out.accounts.push(a);
                }
            }
            out.deleted.retain(|t| !(t.kind == kind && t.id == id));
        }
        Content::Member(m) => {
            match out.team.iter_mut().find(|x| x.id == id) {
                Some(x) => {
                    record(m.name.clone(), Status::Updated);
                    *x = m.clone();
                }
                None => {
                    record(m.name.clone(), Status::Added);
                    out.team.push(m.clone());
                }
            }
            out.deleted.retain(|t| !(t.kind == kind && t.id == id));
        }
        Content::Settings(s) => {
            record("Settings".into(), Status::Updated);
            out.settings = (**s).clone();
        }
        Content::Deleted(at) => {
            let name = match kind {
                EntityKind::Account => out.account(&id).map(|a| a.name.clone()),
                _ => out.member(&id).map(|m| m.name.clone()),
            };
            if let Some(name) = name {
                record(name, Status::Removed);
                out.accounts
                    .retain(|a| !(kind == EntityKind::Account && a.id == id));
                out.team
                    .retain(|m| !(kind == EntityKind::Member && m.id == id));
            }
            if !out.deleted.iter().any(|t| t.kind == kind && t.id == id) {
                out.deleted.push(Tombstone {
                    kind,
                    id,
                    at: at.unwrap_or_else(|| r.content.stamp().unwrap_or_default()),
                });
            }
        }
    }
}

/// The pulled plans checked as an import is: a plan with problems is not merged.
fn check(local: &Workspace, docs: &[Remote]) -> Result<(), Vec<Problem>> {
    let mut ws = Workspace {
        team: local.team.clone(),
        settings: local.settings.clone(),
        ..Workspace::default()
    };
    for r in docs {
        match &r.content {
            Content::Account(a) => ws.accounts.push(Arc::new((**a).clone())),
            Content::Member(m) => match ws.team.iter_mut().find(|x| x.id == m.id) {
                Some(x) => *x = m.clone(),
                None => ws.team.push(m.clone()),
            },
            Content::Settings(s) => ws.settings = (**s).clone(),
            Content::Deleted(_) => {}
        }
    }
    let problems = validate(&ws);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
