//! The one place the UI reads and writes the workspace: a context of signals plus methods
//! that change the model and hand the change to the save queue.

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::model::{new_id, Account, Id, Workspace};
use crate::domain::validate::Problem;
use crate::persist::browser;
use crate::persist::codec::{self, Quarantined};
use crate::persist::export::json::{self, ImportFile};
use crate::persist::merge::{self, Choices, MergePlan};

/// A checked import file and what merging it would do.
#[derive(Clone, Debug)]
pub struct PendingImport {
    pub file_name: String,
    pub file: ImportFile,
    pub plan: MergePlan,
}

/// Shared app state, provided as context at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace as the user sees it (always the latest edit).
    pub workspace: RwSignal<Workspace>,
    /// Set while the latest changes exist only in memory, with the reason.
    pub storage_problem: RwSignal<Option<String>>,
    /// Stored values that failed to decode: kept untouched (and backed up), shown to the
    /// user with a download of their raw text, never replaced by defaults.
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Set when storage holds data of a newer app version: nothing is written then, so a
    /// newer tab's data is never overwritten by this older one.
    pub read_only: RwSignal<Option<String>>,
    /// An import read and checked, waiting for the user's review.
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// Why the last file could not be imported: its name and every problem found.
    pub import_errors: RwSignal<Option<(String, Vec<Problem>)>>,
    /// What the last applied import did, in a sentence.
    pub import_done: RwSignal<Option<String>>,
    /// What storage holds now, so that a save writes only what changed.
    saved: StoredValue<Workspace>,
    save_pending: StoredValue<bool>,
    /// The user's calendar day when the app started.
    pub today: NaiveDate,
}

/// Delay between the last edit and the write, so that typing never waits on storage.
const SAVE_DELAY: Duration = Duration::from_millis(150);

impl AppState {
    /// Loads the stored workspace, repairing and quarantining what it must, or starts an
    /// empty one on a first visit.
    pub fn load() -> Self {
        let today = chrono::Local::now().date_naive();
        let mut problem = None;
        let mut quarantined = Vec::new();
        let mut read_only = None;
        let workspace = match browser::read_all() {
            Ok(entries) => {
                let loaded = codec::decode_storage(&entries);
                if let Some(newer) = &loaded.refused_newer {
                    read_only = Some(newer.message());
                } else if let Err(e) = browser::apply(
                    loaded
                        .repair_writes()
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_deref())),
                ) {
                    problem = Some(format!("{e}: your changes are kept in this page only."));
                }
                quarantined = loaded.quarantined;
                loaded.workspace
            }
            Err(e) => {
                problem = Some(format!("{e}: your changes are kept in this page only."));
                Workspace::default()
            }
        };
        // What storage now holds; a workspace without an id gets one on its first save.
        let saved = workspace.clone();
        let mut workspace = workspace;
        if workspace.id.as_str().is_empty() {
            workspace.id = new_id("ws", js_sys::Date::now() as i64, random_u64());
        }
        let state = AppState {
            saved: StoredValue::new(saved),
            workspace: RwSignal::new(workspace),
            storage_problem: RwSignal::new(problem),
            quarantined: RwSignal::new(quarantined),
            read_only: RwSignal::new(read_only),
            pending_import: RwSignal::new(None),
            import_errors: RwSignal::new(None),
            import_done: RwSignal::new(None),
            save_pending: StoredValue::new(false),
            today,
        };
        // Write what is still queued when the page goes away.
        let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
        on_cleanup(move || flush_on_hide.remove());
        state
    }

    /// Adds an account named `name` and returns its id; an empty name is refused.
    pub fn add_account(&self, name: &str) -> Result<Id, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("Enter a name for the account.".into());
        }
        let id = new_id("acc", js_sys::Date::now() as i64, random_u64());
        let account = Account::new(id.clone(), name, self.today, Utc::now());
        self.workspace.update(|ws| ws.accounts.push(account));
        self.schedule_save();
        Ok(id)
    }

    /// Applies `edit` to one account, stamps it as changed and queues the save.
    pub fn update_account(&self, id: &Id, edit: impl FnOnce(&mut Account)) {
        self.workspace.update(|ws| {
            if let Some(account) = ws.account_mut(id) {
                edit(account);
                account.updated_at = Some(Utc::now());
            }
        });
        self.schedule_save();
    }

    /// Reads an import file's text, checks it completely and plans the merge; nothing
    /// changes until `apply_import`. Problems are kept for the page to show.
    pub fn start_import(&self, file_name: &str, text: &str) {
        self.import_done.set(None);
        let result = json::parse_import(text).map(|file| {
            let plan = self
                .workspace
                .with_untracked(|local| merge::plan_merge(local, &file.workspace));
            PendingImport {
                file_name: file_name.to_string(),
                file,
                plan,
            }
        });
        match result {
            Ok(pending) => {
                self.import_errors.set(None);
                self.pending_import.set(Some(pending));
            }
            Err(problems) => {
                self.pending_import.set(None);
                self.import_errors
                    .set(Some((file_name.to_string(), problems)));
            }
        }
    }

    /// Refuses a file before reading it (too large, unreadable), with the reason.
    pub fn refuse_import(&self, file_name: &str, why: String) {
        self.pending_import.set(None);
        self.import_done.set(None);
        self.import_errors.set(Some((
            file_name.to_string(),
            vec![Problem {
                path: String::new(),
                message: why,
            }],
        )));
    }

    /// Applies the pending import with the user's choices.
    pub fn apply_import(&self, choices: &Choices) {
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        let merged = self.workspace.with_untracked(|local| {
            merge::apply_merge(
                local,
                &pending.file.workspace,
                &pending.plan,
                choices,
                Utc::now(),
            )
        });
        let before = self.workspace.with_untracked(|ws| ws.accounts.len());
        let added = merged.accounts.len().saturating_sub(before);
        self.workspace.set(merged);
        self.pending_import.set(None);
        self.import_done.set(Some(format!(
            "Imported {}: {added} account{} added, the rest merged as you chose.",
            pending.file_name,
            if added == 1 { "" } else { "s" }
        )));
        self.schedule_save();
    }

    /// Replaces the whole workspace (reset, clear the demo, delete everything).
    pub fn replace_workspace(&self, mut ws: Workspace) {
        if ws.id.as_str().is_empty() {
            ws.id = new_id("ws", js_sys::Date::now() as i64, random_u64());
        }
        self.workspace.set(ws);
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        let state = *self;
        set_timeout(move || state.flush(), SAVE_DELAY);
    }

    /// Writes what changed since the last successful save. On failure the change stays in
    /// memory, the user is told, and the next save retries it.
    pub fn flush(&self) {
        // The page may be going away: every read here tolerates disposed values.
        if self.save_pending.try_set_value(false).is_some() {
            return;
        }
        if self.read_only.try_with_untracked(Option::is_some) != Some(false) {
            return;
        }
        let Some(current) = self.workspace.try_get_untracked() else {
            return;
        };
        let Some(writes) = self
            .saved
            .try_with_value(|saved| codec::storage_writes(saved, &current))
        else {
            return;
        };
        if writes.is_empty() {
            return;
        }
        let result = browser::apply(writes.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        match result {
            Ok(_) => {
                self.saved.try_set_value(current);
                self.storage_problem.try_set(None);
            }
            Err(e) => {
                _ = self.storage_problem.try_set(Some(format!(
                    "{e}: your latest changes are kept in this page only."
                )))
            }
        }
    }
}

fn random_u64() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Used by views: the app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
