//! Deletions that can be undone (the undo notice and Ctrl/Cmd+Z).

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use super::AppState;
use crate::domain::merge::{stamp_changes, stamp_team_changes};
use crate::domain::model::{Account, Id};

/// How many deletions can be undone.
const UNDO_DEPTH: usize = 20;

/// A deletion that can be undone.
#[derive(Clone, Debug)]
pub enum Undo {
    /// Something inside an account: the whole account as it was before.
    Account { what: String, before: Arc<Account> },
    /// A whole account, and where it stood in the list.
    DeletedAccount { index: usize, account: Arc<Account> },
}

impl Undo {
    /// What was deleted, for the undo notice.
    pub fn describe(&self) -> String {
        match self {
            Undo::Account { what, .. } => format!("Deleted {what}."),
            Undo::DeletedAccount { account, .. } => format!("Deleted account “{}”.", account.name),
        }
    }
}

impl AppState {
    /// Deletes something from an account so that it can be undone: `what` names it for
    /// the undo notice ("contact “Ann Lee”").
    pub fn delete_in_account(&self, id: &Id, what: String, edit: impl FnOnce(&mut Account)) {
        self.finish_loading();
        let Some(before) = self.workspace.with_untracked(|ws| ws.shared(id).cloned()) else {
            return;
        };
        self.update_account(id, edit);
        self.remember_for_undo(Undo::Account { what, before });
    }

    /// Deletes a whole account, with undo.
    pub fn delete_account(&self, id: &Id) {
        self.finish_loading();
        let Some((index, account)) = self.workspace.with_untracked(|ws| {
            ws.accounts
                .iter()
                .position(|a| &a.id == id)
                .map(|i| (i, ws.accounts[i].clone()))
        }) else {
            return;
        };
        self.write.update(|ws| {
            let before = ws.clone();
            ws.accounts.remove(index);
            stamp_team_changes(&before, ws, Utc::now());
        });
        self.schedule_save(Some(&account.id));
        self.remember_for_undo(Undo::DeletedAccount { index, account });
    }

    /// Brings back the last deleted thing.
    pub fn undo_last(&self) {
        self.finish_loading();
        let Some(item) = self.undo.try_update(|stack| stack.pop()).flatten() else {
            return;
        };
        match item {
            Undo::Account { before, .. } => {
                let id = before.id.clone();
                self.write.update(|ws| {
                    if let Some(a) = ws.accounts.iter_mut().find(|a| a.id == id) {
                        // What comes back is stamped as changed now and loses its tombstones.
                        let mut back = (*before).clone();
                        back.deleted = a.deleted.clone();
                        stamp_changes(a, &mut back, Utc::now());
                        *a = Arc::new(back);
                    }
                });
                self.schedule_save(Some(&id));
            }
            Undo::DeletedAccount { index, account } => {
                self.schedule_save(Some(&account.id));
                self.write.update(|ws| {
                    if ws.account(&account.id).is_none() {
                        let before = ws.clone();
                        let at = index.min(ws.accounts.len());
                        ws.accounts.insert(at, account);
                        stamp_team_changes(&before, ws, Utc::now());
                    }
                });
            }
        }
    }

    /// Keeps `item` for undo, forgetting the oldest past [`UNDO_DEPTH`].
    fn remember_for_undo(&self, item: Undo) {
        self.undo.update(|stack| {
            stack.push(item);
            let excess = stack.len().saturating_sub(UNDO_DEPTH);
            stack.drain(..excess);
        });
    }
}
