//! Every change the pages make to the workspace: each stamps what it changed and queues
//! the save of just that.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use super::{fresh_id, give_id, AppState};
use crate::domain::merge::{stamp_changes, stamp_team_changes};
use crate::domain::model::{Account, Id, PlanPart, Settings, TeamMember, Workspace};
use crate::domain::validate::{introduced_problems, Problem};
use crate::persist::browser;

impl AppState {
    /// Adds an account named `name` and returns its id; an empty name is refused.
    pub fn add_account(&self, name: &str) -> Result<Id, String> {
        self.finish_loading();
        let name = name.trim();
        if name.is_empty() {
            return Err("Enter a name for the account.".into());
        }
        let id = self.new_id("acc");
        let account = Arc::new(Account::new(id.clone(), name, self.today, Utc::now()));
        let index = self.workspace.with_untracked(|ws| ws.accounts.len());
        self.write.update(|ws| ws.accounts.push(account.clone()));
        self.schedule_save(Some(&id));
        self.record(super::undo::Change {
            what: String::new(),
            notice: false,
            account: id.clone(),
            index,
            before: None,
            after: Some(account),
        });
        Ok(id)
    }

    /// Applies `edit` to one account, stamps what it changed (and records what it deleted)
    /// for merges, queues the save, and keeps the change for undo (one step per field
    /// edit, see `undo`). An edit that changes nothing does none of these.
    pub fn update_account(&self, id: &Id, edit: impl FnOnce(&mut Account)) {
        self.edit_account(id, &mut once(edit), None);
    }

    /// [`AppState::update_account`], kept in the undo history with `what`: the sentence of
    /// the undo notice and whether to show it (by default, none).
    pub(super) fn edit_account(
        &self,
        id: &Id,
        edit: &mut dyn FnMut(&mut Account),
        what: Option<(String, bool)>,
    ) {
        self.finish_loading();
        let mut change = None;
        self.write.update(|ws| {
            let Some(before) = ws.shared(id).cloned() else {
                return;
            };
            let index = ws.accounts.iter().position(|a| &a.id == id).unwrap_or(0);
            if let Some(account) = ws.account_mut(id) {
                edit(account);
                if *account == *before {
                    return; // nothing changed: nothing to stamp, save or undo
                }
                let now = Utc::now();
                stamp_changes(&before, account, now);
                account.updated_at = Some(now);
            }
            let after = ws.shared(id).cloned();
            let (what, notice) = what.unwrap_or_default();
            change = Some(super::undo::Change {
                what,
                notice,
                account: id.clone(),
                index,
                before: Some(before),
                after,
            });
        });
        if let Some(change) = change {
            self.schedule_save(Some(id));
            self.record(change);
        }
    }

    /// True while the workspace is the untouched-or-not demo: an import replaces it.
    pub fn is_demo(&self) -> bool {
        self.workspace.with_untracked(|ws| ws.demo)
    }

    /// Replaces the whole workspace (reset, clear the demo, delete everything).
    pub fn replace_workspace(&self, mut ws: Workspace) {
        self.finish_loading();
        give_id(&mut ws);
        self.write.set(ws);
        self.history.update(|h| h.clear());
        self.schedule_save(None);
    }

    /// Changes the workspace settings and stamps them for merges.
    pub fn update_settings(&self, edit: impl FnOnce(&mut Settings)) {
        self.finish_loading();
        self.write.update(|ws| {
            edit(&mut ws.settings);
            ws.settings.updated_at = Some(Utc::now());
        });
        self.schedule_meta_save();
    }

    /// Renames the workspace.
    pub fn rename_workspace(&self, name: String) {
        self.finish_loading();
        self.write.update(|ws| ws.name = name);
        self.schedule_meta_save();
    }

    /// Adds a member to the workspace team; an empty name is refused with the reason.
    pub fn add_member(&self, name: &str) -> Result<Id, String> {
        self.finish_loading();
        let name = name.trim();
        if name.is_empty() {
            return Err("Enter the new team member's name.".into());
        }
        let id = self.new_id("mem");
        let member = TeamMember {
            id: id.clone(),
            name: name.to_string(),
            updated_at: Some(Utc::now()),
            ..TeamMember::default()
        };
        self.write.update(|ws| ws.team.push(member));
        self.schedule_meta_save();
        Ok(id)
    }

    /// Changes a member of the workspace team and stamps it for merges.
    pub fn update_member(&self, id: &Id, edit: impl FnOnce(&mut TeamMember)) {
        self.finish_loading();
        self.write.update(|ws| {
            if let Some(m) = ws.team.iter_mut().find(|m| &m.id == id) {
                edit(m);
                m.updated_at = Some(Utc::now());
            }
        });
        self.schedule_meta_save();
    }

    /// Applies a change that removes something others may refer to (a team member, a
    /// department, …), unless it would leave references dangling: then nothing changes
    /// and the places that still refer to it are returned.
    pub fn remove_checked(&self, edit: impl FnOnce(&mut Workspace)) -> Result<(), Vec<Problem>> {
        self.finish_loading();
        let before = self.workspace.get_untracked();
        let mut after = before.clone();
        edit(&mut after);
        let problems = introduced_problems(&before, &after);
        if !problems.is_empty() {
            return Err(problems);
        }
        stamp_team_changes(&before, &mut after, Utc::now());
        self.write.set(after);
        self.schedule_save(None);
        Ok(())
    }

    /// Deletes every stored value of ours (backups of unreadable values too) and starts an
    /// empty workspace. Nothing can be undone after this; the page offers an export first.
    pub fn delete_all_data(&self) -> Result<usize, String> {
        self.finish_loading();
        let removed = browser::remove_all().map_err(|e| e.to_string())?;
        self.history.update(|h| h.clear());
        self.quarantined.set(Vec::new());
        self.tab_conflicts.set(Vec::new());
        self.pending_import.set(None);
        self.read_only.set(None);
        self.saved.set_value(Workspace::default());
        self.replace_workspace(Workspace::default());
        Ok(removed)
    }

    /// A value of one account as a signal, for a field or a cell to show.
    pub fn account_value<T>(
        &self,
        id: &Id,
        read: impl Fn(&Account) -> T + Send + Sync + 'static,
    ) -> Signal<T>
    where
        T: Default + Clone + Send + Sync + 'static,
    {
        let state = *self;
        let id = id.clone();
        Signal::derive(move || {
            state
                .workspace
                .with(|ws| ws.account(&id).map(&read))
                .unwrap_or_default()
        })
    }

    /// A setter for one account's value, for a field to call with what the user typed.
    pub fn account_setter<T: 'static>(
        &self,
        id: &Id,
        write: impl Fn(&mut Account, T) + Send + Sync + 'static,
    ) -> Callback<T> {
        let state = *self;
        let id = id.clone();
        Callback::new(move |value: T| state.update_account(&id, |a| write(a, value)))
    }

    /// Records that the user reviewed `part` of an account's plan today.
    pub fn mark_reviewed(&self, id: &Id, part: PlanPart) {
        let today = self.today;
        self.update_account(id, |a| {
            a.plan.reviewed.insert(part, today);
        });
    }

    /// A fresh id for a new entity of kind `prefix` ("con", "opp", …).
    pub fn new_id(&self, prefix: &str) -> Id {
        fresh_id(prefix)
    }
}

/// `edit` as the `dyn` closure [`AppState::edit_account`] takes: one copy of the edit
/// path in the wasm, not one per field that calls it.
pub(super) fn once(edit: impl FnOnce(&mut Account)) -> impl FnMut(&mut Account) {
    let mut edit = Some(edit);
    move |a| {
        if let Some(edit) = edit.take() {
            edit(a)
        }
    }
}
