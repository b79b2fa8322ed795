//! The one place the UI reads and writes the workspace: a context of signals, read by the
//! pages, and methods that change the model and hand the change to the save queue.
//!
//! One file per concern: the start (`load`), the changes pages make (`edit`), saving
//! (`save`), other tabs (`tabs`), importing and exporting files (`import`, `export`),
//! undo (`undo`) and team sync (`sync`).

mod archive;
mod cadence;
mod drafts;
mod edit;
mod export;
mod import;
mod load;
mod locale;
mod save;
mod sync;
mod tabs;
mod undo;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::history::History;
use crate::domain::model::{new_id, Id, Workspace};
use crate::domain::portfolio::{Portfolio, RowCache};
use crate::domain::validate::Problem;
use crate::persist::codec::{self, Quarantined};
use crate::persist::tabs::TabConflict;

pub use drafts::{store_review_draft, stored_review_draft};
pub use import::{ImportProgress, PendingImport};
pub use load::Stored;
pub use locale::{provide_locale, use_locale, use_money, UserLocale};
pub use sync::{sync_enabled_at_start, SyncStatus};
pub use undo::Change;

/// Shared app state, provided as context at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace as the user sees it (always the latest edit). Read-only here: every
    /// change goes through a method of `AppState`, which records what needs saving.
    pub workspace: ReadSignal<Workspace>,
    write: WriteSignal<Workspace>,
    /// While the start decodes plans after the first render: the accounts not decoded yet,
    /// by their summaries (see `load`); `None` once every plan is in the workspace.
    pub loading: RwSignal<Option<load::Pending>>,
    decoding: StoredValue<Option<load::Decoding>>,
    /// The portfolio's rows worked out so far (see [`AppState::portfolio`]).
    rows: StoredValue<RowCache>,
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
    /// The files of the last import that could not be imported: each name and every
    /// problem found.
    pub import_errors: RwSignal<Vec<(String, Vec<Problem>)>>,
    /// Set while files are being read for an import.
    pub import_progress: RwSignal<Option<ImportProgress>>,
    /// The current reading of files; a cancel or a newer import makes older ones stop.
    import_run: StoredValue<u32>,
    /// What the last applied import did, in a sentence.
    pub import_done: RwSignal<Option<String>>,
    /// The share link the page was opened with, until the import page opens it.
    /// (A signal only because that type is in the app already: nothing tracks it.)
    share_link: RwSignal<Option<String>>,
    /// Accounts changed both here and in another tab, waiting for the user's choice; their
    /// local edits are not saved meanwhile.
    pub tab_conflicts: RwSignal<Vec<TabConflict>>,
    /// The changes that can be undone and redone (Undo/Redo, the undo notice,
    /// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z): see `undo`.
    pub history: RwSignal<History<Change>>,
    /// What storage holds now, so that a save writes only what changed.
    saved: StoredValue<Workspace>,
    /// The accounts changed since the last successful save: a save looks at those only.
    unsaved: StoredValue<codec::Scope>,
    save_pending: StoredValue<bool>,
    /// Whether anything was changed in this page: until then a save has nothing to write
    /// (the demo of a first visit is not stored just because the page was closed).
    touched: StoredValue<bool>,
    /// Whether the browser was asked to keep storage persistent this session.
    persistence_asked: StoredValue<bool>,
    /// Set when the browser refused to keep storage persistent: the user is reminded to
    /// export now and then.
    pub persistence_refused: RwSignal<bool>,
    /// The user's calendar day when the app started.
    pub today: NaiveDate,
}

impl AppState {
    fn new(start: load::Start, today: NaiveDate) -> Self {
        let (workspace, write) = signal(start.workspace);
        let (loading, decoding) = start.pending.unzip();
        AppState {
            workspace,
            write,
            loading: RwSignal::new(loading),
            decoding: StoredValue::new(decoding),
            rows: StoredValue::new(RowCache::default()),
            saved: StoredValue::new(start.saved),
            // The demo of a first visit is not stored yet: its first save writes all of it.
            unsaved: StoredValue::new(if start.first_visit {
                codec::Scope::All
            } else {
                codec::Scope::default()
            }),
            storage_problem: RwSignal::new(start.problem),
            quarantined: RwSignal::new(start.quarantined),
            read_only: RwSignal::new(start.read_only),
            pending_import: RwSignal::new(None),
            import_errors: RwSignal::new(Vec::new()),
            import_progress: RwSignal::new(None),
            import_run: StoredValue::new(0),
            import_done: RwSignal::new(None),
            share_link: RwSignal::new(None),
            tab_conflicts: RwSignal::new(Vec::new()),
            history: RwSignal::new(History::default()),
            save_pending: StoredValue::new(false),
            touched: StoredValue::new(false),
            persistence_asked: StoredValue::new(false),
            persistence_refused: RwSignal::new(false),
            today,
        }
    }
}

impl AppState {
    /// The portfolio as it stands, with the accounts still known by their summaries only;
    /// only accounts changed since the last time are scored again. Tracks the workspace.
    pub fn portfolio(&self) -> Portfolio {
        self.loading
            .with(|pending| {
                let pending = pending.as_deref().map_or(&[][..], Vec::as_slice);
                self.workspace.with(|ws| {
                    self.rows.try_update_value(|cache| {
                        cache.portfolio_while_loading(ws, pending, self.today)
                    })
                })
            })
            // Disposed: the view asking is going away.
            .unwrap_or_default()
    }
}

/// Used by views: the app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A performance mark, for `make bench` to break a load down.
pub(crate) fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        _ = perf.mark(name);
    }
}

/// [`mark`] once what is rendered now is painted: the frame callback runs before the paint,
/// the timeout after it.
pub(crate) fn mark_after_paint(name: &'static str) {
    request_animation_frame(move || set_timeout(move || mark(name), std::time::Duration::ZERO));
}

/// A fresh id for an entity of kind `prefix` ("acc", "con", …): the time and a random number.
fn fresh_id(prefix: &str) -> Id {
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    new_id(prefix, js_sys::Date::now() as i64, random)
}

/// A fresh id for a workspace.
fn new_workspace_id() -> Id {
    fresh_id("ws")
}

/// Gives a workspace without an id (a new one, or one stored before ids) a fresh one,
/// which its next save stores.
fn give_id(ws: &mut Workspace) {
    if ws.id.as_str().is_empty() {
        ws.id = new_workspace_id();
    }
}
