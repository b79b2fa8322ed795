//! Archiving an account (out of the portfolio, kept read-only), restoring it, and
//! duplicating an account as the template of a new one; each can be undone.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use super::undo::Change;
use super::AppState;
use crate::domain::model::Id;
use crate::domain::template::{copy_name, duplicate_as_template};

impl AppState {
    /// Archives an account: it leaves the portfolio and opens read-only; the undo notice
    /// offers to take it back.
    pub fn archive_account(&self, id: &Id) {
        self.set_archived(id, true);
    }

    /// Brings an archived account back to the portfolio.
    pub fn restore_account(&self, id: &Id) {
        self.set_archived(id, false);
    }

    fn set_archived(&self, id: &Id, archived: bool) {
        let Some(name) = self
            .workspace
            .with_untracked(|ws| ws.account(id).map(|a| a.name.clone()))
        else {
            return;
        };
        let what = if archived {
            format!("Archived account “{name}”.")
        } else {
            format!("Restored account “{name}”.")
        };
        self.edit_account(id, &mut |a| a.archived = archived, Some((what, true)));
    }

    /// Adds a copy of account `id` as the template of a new one ("Copy of …", new ids,
    /// without the original's history: `domain::template`), just after it in the list;
    /// returns the copy's id.
    pub fn duplicate_account(&self, id: &Id) -> Option<Id> {
        self.finish_loading();
        let (index, original) = self.workspace.with_untracked(|ws| {
            let i = ws.accounts.iter().position(|a| &a.id == id)?;
            Some((i + 1, ws.accounts[i].clone()))
        })?;
        let copy = duplicate_as_template(
            &original,
            &copy_name(&original.name),
            |kind| self.new_id(kind),
            self.today,
            Utc::now(),
        );
        let copy_id = copy.id.clone();
        let copy = Arc::new(copy);
        self.write.update(|ws| {
            ws.accounts
                .insert(index.min(ws.accounts.len()), copy.clone())
        });
        self.schedule_save(Some(&copy_id));
        self.record(Change {
            what: String::new(),
            notice: false,
            account: copy_id.clone(),
            index,
            before: None,
            after: Some(copy),
        });
        Some(copy_id)
    }
}
