//! Undo and redo of every change to an account (edits, deletions, archiving, new and
//! duplicated accounts): the Undo/Redo buttons, the undo notice and Ctrl/Cmd+Z,
//! Shift+Ctrl/Cmd+Z.
//!
//! Each change keeps the account before and after it (two `Arc`s: cheap), in the pure
//! history of `domain::history`, which makes the keystrokes of one field one step. An undo
//! puts the "before" back as a new edit (`stamp_restored`: stamped now, tombstones of what
//! comes back removed), so merges and other tabs see it like any other change.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use super::AppState;
use crate::domain::history::Coalesce;
use crate::domain::merge::{stamp_restored, stamp_team_changes};
use crate::domain::model::{Account, Id};

/// One change of one account, as the history keeps it.
#[derive(Clone, Debug)]
pub struct Change {
    /// What it did, for the undo notice: "Deleted contact “Ann Lee”." (empty for a change
    /// the notice does not offer).
    pub what: String,
    /// Whether the undo notice offers it (deletions and archiving: things that go out of
    /// sight); an edit is undone from the header's button or the keyboard.
    pub notice: bool,
    pub account: Id,
    /// Where the account stood in the list (to put a deleted account back in its place).
    pub index: usize,
    /// The account before and after the change; `None`: it did not exist.
    pub before: Option<Arc<Account>>,
    pub after: Option<Arc<Account>>,
}

impl Coalesce for Change {
    fn absorb(&mut self, later: Change) {
        self.after = later.after;
    }
}

impl AppState {
    /// Deletes something from an account so that it can be undone: `what` names it for
    /// the undo notice ("contact “Ann Lee”"). What referred to it in the plan is cleared in
    /// the same step (undo brings both back).
    pub fn delete_in_account(&self, id: &Id, what: String, edit: impl FnOnce(&mut Account)) {
        let what = Some((format!("Deleted {what}."), true));
        let offerings = self
            .workspace
            .with_untracked(|ws| ws.settings.offerings.clone());
        let edit = move |a: &mut Account| {
            edit(a);
            crate::domain::dangling::drop_dangling(&mut a.plan, &offerings);
        };
        self.edit_account(id, &mut super::edit::once(edit), what);
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
        self.put(id, index, None);
        self.record(Change {
            what: format!("Deleted account “{}”.", account.name),
            notice: true,
            account: id.clone(),
            index,
            before: Some(account),
            after: None,
        });
    }

    /// Takes the last change back.
    pub fn undo(&self) {
        self.finish_loading();
        let Some(c) = self.history.try_update(|h| h.undo().cloned()).flatten() else {
            return;
        };
        self.put(&c.account, c.index, c.before);
    }

    /// Makes the last undone change again.
    pub fn redo(&self) {
        self.finish_loading();
        let Some(c) = self.history.try_update(|h| h.redo().cloned()).flatten() else {
            return;
        };
        self.put(&c.account, c.index, c.after);
    }

    /// Ends the current step: the next keystroke, even in the same field, is a new one
    /// (a field lost the focus).
    pub fn end_undo_step(&self) {
        if self.history.with_untracked(|h| h.is_open()) {
            self.history.update(|h| h.seal());
        }
    }

    /// Hides the undo notice; the change stays in the history.
    pub fn dismiss_undo_notice(&self) {
        self.history.update(|h| {
            if let Some(c) = h.next_undo_mut() {
                c.notice = false;
            }
        });
    }

    /// Keeps `change` in the history, coalesced with the previous keystrokes of the field
    /// that has the focus (see `domain::history`).
    pub(super) fn record(&self, change: Change) {
        let key = (!change.notice)
            .then(focused_field)
            .flatten()
            .map(|field| format!("{}/{field}", change.account));
        let now = js_sys::Date::now();
        self.history
            .update(|h| h.record(change, key.as_deref(), now));
    }

    /// Makes the account `id` be `target` (`None`: not there), at `index` if it comes back.
    fn put(&self, id: &Id, index: usize, target: Option<Arc<Account>>) {
        let now = Utc::now();
        self.write.update(|ws| {
            let at = ws.accounts.iter().position(|a| &a.id == id);
            match (at, target) {
                (Some(i), Some(target)) => {
                    let mut back = (*target).clone();
                    stamp_restored(&ws.accounts[i], &mut back, now);
                    ws.accounts[i] = Arc::new(back);
                }
                (None, Some(target)) => {
                    let before = ws.clone();
                    let at = index.min(ws.accounts.len());
                    ws.accounts.insert(at, target);
                    stamp_team_changes(&before, ws, now);
                }
                (Some(i), None) => {
                    let before = ws.clone();
                    ws.accounts.remove(i);
                    stamp_team_changes(&before, ws, now);
                }
                (None, None) => {}
            }
        });
        self.schedule_save(Some(id));
    }
}

/// The id of the text field that has the focus, if any: the keystrokes of one field
/// coalesce into one step.
fn focused_field() -> Option<String> {
    let el = document().active_element()?;
    let tag = el.tag_name().to_ascii_lowercase();
    (matches!(tag.as_str(), "input" | "textarea") && !el.id().is_empty()).then(|| el.id())
}
