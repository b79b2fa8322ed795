//! Other tabs of the app on the same storage: what they write is adopted here, what was
//! changed here is kept, and what changed on both sides waits for the user's choice.

use leptos::prelude::*;

use super::AppState;
use crate::domain::model::Id;
use crate::persist::browser;
use crate::persist::codec;
use crate::persist::tabs::{self, TabConflict};

/// Follows what other tabs write, for as long as the app is mounted.
pub(super) fn follow_other_tabs(state: AppState) {
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        match ev.key() {
            // The whole storage was cleared.
            None => state.reload_from_other_tab(),
            Some(key) if codec::is_data_key(&key) => {
                state.other_tab_wrote(&key, ev.new_value().as_deref());
            }
            Some(_) => {}
        }
    });
    on_cleanup(move || other_tab.remove());
}

impl AppState {
    /// Another tab wrote one key: that value alone is reconciled when it decodes as a current
    /// value of ours (a keystroke there costs one account here); anything else reads all of
    /// storage.
    fn other_tab_wrote(&self, key: &str, value: Option<&str>) {
        self.finish_loading();
        if self.read_only.get_untracked().is_some() {
            return;
        }
        if self.showing_unstored_demo() {
            return self.reload_from_other_tab();
        }
        let Some(change) = codec::decode_changed(key, value) else {
            return self.reload_from_other_tab();
        };
        let mut conflict = None;
        let mut shown_changed = false;
        self.saved.update_value(|saved| {
            self.write.try_update_untracked(|mine| match change {
                codec::Changed::Account(id, theirs) => {
                    let r = tabs::reconcile_account(saved, mine, &id, theirs.map(|t| *t));
                    shown_changed = r.shown_changed;
                    conflict = r.conflict;
                }
                codec::Changed::Index(ids) => {
                    tabs::follow_index(saved, &ids);
                    shown_changed = tabs::follow_index(mine, &ids);
                }
                codec::Changed::Meta(theirs) => {
                    tabs::reconcile_meta(saved, mine, *theirs);
                    shown_changed = true;
                }
            });
        });
        if shown_changed {
            self.write.notify();
        }
        self.add_tab_conflicts(conflict);
        // Local edits not yet stored (a failed write) are retried.
        self.schedule_meta_save();
    }

    /// True while this tab shows a first visit's demo, never stored and never changed.
    fn showing_unstored_demo(&self) -> bool {
        self.touched.try_get_value() == Some(false)
            && self.workspace.try_with_untracked(|ws| ws.demo) == Some(true)
            && self
                .saved
                .try_with_value(|saved| saved.accounts.is_empty() && !saved.demo)
                == Some(true)
    }

    /// Shows two-tab conflicts, each replacing an older one about the same account.
    fn add_tab_conflicts(&self, conflicts: impl IntoIterator<Item = TabConflict>) {
        let mut conflicts = conflicts.into_iter().peekable();
        if conflicts.peek().is_none() {
            return;
        }
        self.tab_conflicts.update(|list| {
            for c in conflicts {
                list.retain(|old| old.id != c.id);
                list.push(c);
            }
        });
    }

    /// Another tab wrote to storage: adopt what changed there, keep what changed here, and
    /// ask about what changed on both sides.
    fn reload_from_other_tab(&self) {
        self.finish_loading();
        if self.read_only.get_untracked().is_some() {
            return;
        }
        let Ok(entries) = browser::read_all() else {
            return;
        };
        let loaded = codec::decode_storage(&entries);
        if let Some(newer) = &loaded.refused_newer {
            self.read_only.set(Some(newer.message()));
            return;
        }
        if self.showing_unstored_demo() {
            // What another tab stored is the user's own and replaces the demo here; merged
            // in, the made-up accounts would be written back over it (a "Clear demo"
            // there undone by a tab left open on the demo).
            if !loaded.fresh {
                self.saved.set_value(loaded.workspace.clone());
                self.write.set(loaded.workspace);
                self.history.update(|h| h.clear());
                self.quarantined.set(loaded.quarantined);
            }
            return;
        }
        let Some(mine) = self.workspace.try_get_untracked() else {
            return;
        };
        let reconciled = self
            .saved
            .with_value(|saved| tabs::reconcile(saved, &mine, &loaded.workspace));
        self.saved.set_value(reconciled.saved);
        if reconciled.mine != mine {
            self.write.set(reconciled.mine);
            // An undo would put back a state from before another tab's change, and undo
            // that change with it: the history starts over.
            self.history.update(|h| h.clear());
        }
        self.add_tab_conflicts(reconciled.conflicts);
        if !loaded.quarantined.is_empty() {
            self.quarantined.set(loaded.quarantined);
        }
        // Local edits made before the other tab's write are still to be saved.
        self.schedule_save(None);
    }

    /// Settles a two-tab conflict with the user's choice, then saves.
    pub fn settle_tab_conflict(&self, id: &Id, take_theirs: bool) {
        self.finish_loading();
        let Some(conflict) = self
            .tab_conflicts
            .with_untracked(|list| list.iter().find(|c| &c.id == id).cloned())
        else {
            return;
        };
        self.write
            .update(|ws| tabs::settle(ws, &conflict, take_theirs));
        self.tab_conflicts
            .update(|list| list.retain(|c| &c.id != id));
        self.schedule_save(Some(id));
    }
}
