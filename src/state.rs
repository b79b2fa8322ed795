//! The one place the UI reads and writes the workspace: a context of signals plus methods
//! that change the model and hand the change to the save queue.

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::model::{new_id, Account, Id, Workspace};
use crate::persist::browser;

/// Shared app state, provided as context at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace as the user sees it (always the latest edit).
    pub workspace: RwSignal<Workspace>,
    /// Set while the latest changes exist only in memory, with the reason.
    pub storage_problem: RwSignal<Option<String>>,
    /// What storage holds now, so that a save writes only what changed.
    saved: StoredValue<Workspace>,
    save_pending: StoredValue<bool>,
    /// The user's calendar day when the app started.
    pub today: NaiveDate,
}

/// Delay between the last edit and the write, so that typing never waits on storage.
const SAVE_DELAY: Duration = Duration::from_millis(150);

impl AppState {
    /// Loads the stored workspace, or starts an empty one.
    pub fn load() -> Self {
        let today = chrono::Local::now().date_naive();
        let (workspace, problem) = match browser::read_all() {
            Ok(entries) => (interim_layout::load(&entries), None),
            Err(e) => (
                Workspace::default(),
                Some(format!("{e}: your changes are kept in this page only.")),
            ),
        };
        let state = AppState {
            saved: StoredValue::new(workspace.clone()),
            workspace: RwSignal::new(workspace),
            storage_problem: RwSignal::new(problem),
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
        self.save_pending.set_value(false);
        let Some(current) = self.workspace.try_get_untracked() else {
            return;
        };
        let writes = self
            .saved
            .with_value(|saved| interim_layout::writes(saved, &current));
        if writes.is_empty() {
            return;
        }
        let result = browser::apply(writes.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        match result {
            Ok(_) => {
                self.saved.set_value(current);
                self.storage_problem.set(None);
            }
            Err(e) => self.storage_problem.set(Some(format!(
                "{e}: your latest changes are kept in this page only."
            ))),
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

/// The storage layout until `persist::codec`'s layout lands: one key per account, an
/// index and a meta key, each with its schema version.
mod interim_layout {
    use crate::domain::model::{Account, Workspace, SCHEMA_VERSION};
    use crate::persist::browser::PREFIX;
    use serde_json::json;

    pub fn load(entries: &[(String, String)]) -> Workspace {
        let get = |k: &str| {
            entries
                .iter()
                .find(|(key, _)| key == &format!("{PREFIX}{k}"))
        };
        let mut ws = get("meta")
            .and_then(|(_, v)| serde_json::from_str::<serde_json::Value>(v).ok())
            .and_then(|v| serde_json::from_value::<Workspace>(v["workspace"].clone()).ok())
            .unwrap_or_default();
        let order: Vec<String> = get("index")
            .and_then(|(_, v)| serde_json::from_str::<serde_json::Value>(v).ok())
            .and_then(|v| serde_json::from_value(v["accounts"].clone()).ok())
            .unwrap_or_default();
        for id in order {
            if let Some((_, raw)) = get(&format!("account/{id}")) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw) {
                    if let Ok(a) = serde_json::from_value::<Account>(v["account"].clone()) {
                        ws.accounts.push(a);
                    }
                }
            }
        }
        ws
    }

    pub fn writes(before: &Workspace, after: &Workspace) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        for a in &after.accounts {
            if before.account(&a.id) != Some(a) {
                let v = json!({"schema_version": SCHEMA_VERSION, "account": a});
                out.push((format!("{PREFIX}account/{}", a.id), Some(v.to_string())));
            }
        }
        let ids = |w: &Workspace| w.accounts.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        if ids(before) != ids(after) || out.is_empty() && before != after {
            let v = json!({"schema_version": SCHEMA_VERSION, "accounts": ids(after)});
            out.push((format!("{PREFIX}index"), Some(v.to_string())));
            let meta = Workspace {
                accounts: Vec::new(),
                ..after.clone()
            };
            let v = json!({"schema_version": SCHEMA_VERSION, "workspace": meta});
            out.push((format!("{PREFIX}meta"), Some(v.to_string())));
        }
        out
    }
}
