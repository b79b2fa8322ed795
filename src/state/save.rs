//! Saving: every change is written within the event that made it, only what changed,
//! and a failed write keeps the change in memory, tells the user and is retried.

use leptos::prelude::*;

use super::AppState;
use crate::domain::model::{Id, Workspace};
use crate::persist::browser;
use crate::persist::codec;
use crate::persist::tabs;

/// Writes what is still queued when the page goes away.
pub(super) fn flush_on_page_hide(state: AppState) {
    let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    on_cleanup(move || flush_on_hide.remove());
}

impl AppState {
    /// Queues a save of the change to account `changed`, or of any change (`None`). It
    /// runs once the current event is handled, so a keystroke is stored within its frame and
    /// several changes made by one event are written together.
    pub(super) fn schedule_save(&self, changed: Option<&Id>) {
        self.unsaved.update_value(|scope| match changed {
            Some(id) => scope.add(id),
            None => scope.add_all(),
        });
        self.schedule_meta_save();
    }

    /// Queues a save after a change outside the accounts (settings, team): the meta is
    /// compared on every save.
    pub(super) fn schedule_meta_save(&self) {
        self.touched.set_value(true);
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        let state = *self;
        queue_microtask(move || state.flush());
    }

    /// Once there is real data stored, asks the browser to keep it (once per session).
    fn ask_for_persistence(&self) {
        if self.persistence_asked.try_get_value() != Some(false) {
            return;
        }
        self.persistence_asked.set_value(true);
        let refused = self.persistence_refused;
        leptos::task::spawn_local(async move {
            if browser::request_persistence().await == Some(false) {
                refused.try_set(true);
            }
        });
    }

    /// Writes what changed since the last successful save. On failure the change stays in
    /// memory, the user is told, and the next save retries it.
    pub fn flush(&self) {
        if self.touched.try_get_value() != Some(true) {
            return;
        }
        // The page may be going away: every read here tolerates disposed values.
        if self.save_pending.try_set_value(false).is_some() {
            return;
        }
        if self.read_only.try_with_untracked(Option::is_some) != Some(false) {
            return;
        }
        let Some(scope) = self.unsaved.try_update_value(std::mem::take) else {
            return;
        };
        // Accounts in conflict with another tab keep what storage has until settled.
        let held = self
            .tab_conflicts
            .try_with_untracked(|list| list.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default();
        let present = browser::our_keys().ok();
        let index = present.as_ref().and(browser::read(codec::INDEX_KEY));
        let write = |current: &Workspace| -> Option<Result<(), String>> {
            // Rare: while a conflict is open the save works on a copy that holds it back.
            let held_back;
            let (to_write, scope) = if held.is_empty() {
                (current, scope.clone())
            } else {
                held_back = self
                    .saved
                    .try_with_value(|saved| tabs::hold_back(saved, current, &held))?;
                (&held_back, codec::Scope::All)
            };
            let writes = self.saved.try_with_value(|saved| match &present {
                // Keys removed behind the app's back (or lost by a failed write) are
                // written again.
                Some(present) => {
                    codec::writes_after_loss(saved, present, index.as_deref(), to_write, &scope)
                }
                None => codec::storage_writes(saved, to_write),
            })?;
            if writes.is_empty() {
                return Some(Ok(()));
            }
            let result = browser::apply(writes.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
            Some(match result {
                Ok(_) => {
                    self.saved.try_update_value(|saved| {
                        codec::record_saved(saved, to_write, &scope);
                        // A change the scope missed would never be saved: tests catch it.
                        debug_assert!(saved == to_write, "a change was not marked for saving");
                    });
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            })
        };
        let Some(outcome) = self.workspace.try_with_untracked(write).flatten() else {
            return;
        };
        match outcome {
            Ok(()) => {
                self.storage_problem.try_set(None);
                self.ask_for_persistence();
            }
            Err(e) => {
                // Retried with the next save, scope and all.
                self.unsaved.try_update_value(|later| later.merge(scope));
                _ = self.storage_problem.try_set(Some(format!(
                    "{e}: your latest changes are kept in this page only."
                )))
            }
        }
    }
}
