//! Team sync, the browser's side: when to sync (on demand, every little while the page is
//! open, on coming back online and on focus), retrying with backoff when the server cannot
//! be reached, and the merges it makes applied through the state like any change. The
//! protocol itself is `persist::sync`; this browser's sync settings are kept under their
//! own storage key, never in the workspace, and never the password.

use std::cell::RefCell;
use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;

use super::import::{NamedFile, PendingImport};
use super::{new_workspace_id, AppState};
use crate::domain::merge::{Change, Choices, Status};
use crate::domain::model::{Id, Timestamp, Workspace, SCHEMA_VERSION};
use crate::persist::browser;
use crate::persist::export::json::{ImportFile, ImportKind};
use crate::persist::http;
use crate::persist::sync::{
    self, session, Cycle, HashCache, Held, Host, Next, SyncConfig, SyncError,
};

/// This browser's sync settings (server, database, revisions known), apart from the data.
pub const SYNC_KEY: &str = "account-planner-sync";
/// How often the page pulls and pushes while open.
const POLL: Duration = Duration::from_secs(20);
/// The longest wait between two attempts while the server cannot be reached.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// What the settings' sync section shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    pub enabled: bool,
    pub server: String,
    pub database: String,
    pub user: Option<String>,
    pub last_synced: Option<Timestamp>,
    /// Changes made here that the server does not have yet.
    pub waiting: usize,
    pub running: bool,
    /// The last error, in words.
    pub error: Option<String>,
    /// What the last sync brought, in a sentence.
    pub note: Option<String>,
    /// Conflicts waiting for the user's choice.
    pub conflicts: usize,
    /// The session ended: the user signs in again (sync stays set up meanwhile).
    pub signed_out: bool,
}

/// The sync's working state, kept out of the reactive graph.
#[derive(Default)]
struct Engine {
    config: SyncConfig,
    cache: HashCache,
    /// The status line's own: the sync's is taken out while a sync runs.
    status_cache: HashCache,
    held: Option<Held>,
    /// The server asked for a sign-in (the session ended).
    signed_out: bool,
    running: bool,
    again: bool,
    failures: u32,
    timer: Option<TimeoutHandle>,
    listening: bool,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    /// Here rather than in `AppState`, so that the first screen's code has none of it.
    static STATUS: ArcRwSignal<SyncStatus> = ArcRwSignal::new(SyncStatus::default());
}

fn status() -> ArcRwSignal<SyncStatus> {
    STATUS.with(Clone::clone)
}

fn with_engine<R>(f: impl FnOnce(&mut Engine) -> R) -> R {
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        f(e.get_or_insert_with(|| Engine {
            config: read_config(),
            ..Engine::default()
        }))
    })
}

/// The stored sync settings; none (or unreadable: then sync is off until the user signs in
/// again, and the stored value is left as it is until then) gives the defaults.
pub fn read_config() -> SyncConfig {
    browser::read(SYNC_KEY)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Whether sync was set up in this browser (read at start, without the sync's code).
pub fn sync_enabled_at_start() -> bool {
    browser::read(SYNC_KEY).is_some_and(|t| t.contains("\"enabled\":true"))
}

fn write_config(config: &SyncConfig) {
    if let Ok(text) = serde_json::to_string(config) {
        _ = browser::apply([(SYNC_KEY, Some(text.as_str()))]);
    }
}

/// The app as the sync protocol sees it.
struct AppHost(AppState);

impl Host for AppHost {
    fn workspace(&self) -> Workspace {
        self.0.finish_loading();
        self.0.workspace.get_untracked()
    }
    fn apply(&mut self, ws: Workspace, _changes: &[Change]) {
        self.0.write.set(ws);
        self.0.schedule_save(None);
    }
    fn new_workspace_id(&self) -> Id {
        new_workspace_id()
    }
}

impl AppState {
    /// Starts syncing (at start when sync is set up, and after a sign-in): now, every
    /// [`POLL`], on coming back online and when the page gets the focus.
    pub fn start_sync(&self) {
        let state = *self;
        let listen = with_engine(|e| !std::mem::replace(&mut e.listening, true));
        if listen {
            let online = window_event_listener(leptos::ev::online, move |_| state.sync_now());
            let focus = window_event_listener(leptos::ev::focus, move |_| state.sync_now());
            // Kept for the page's life: the app is never unmounted but by leaving the page.
            std::mem::forget((online, focus));
        }
        self.refresh_sync_status(None);
        self.sync_now();
    }

    /// Syncs now (or right after the sync under way).
    pub fn sync_now(&self) {
        let go = with_engine(|e| {
            if !e.config.enabled || e.held.is_some() {
                return false;
            }
            if e.running {
                e.again = true;
                return false;
            }
            if let Some(t) = e.timer.take() {
                t.clear();
            }
            e.running = true;
            true
        });
        if !go {
            return;
        }
        status().update(|s| s.running = true);
        let state = *self;
        leptos::task::spawn_local(async move { state.run_sync().await });
    }

    async fn run_sync(self) {
        let (mut config, cache) = with_engine(|e| (e.config.clone(), std::mem::take(&mut e.cache)));
        let ws_id = self.workspace.with_untracked(|ws| ws.id.clone());
        if config.workspace.as_ref().is_some_and(|id| *id != ws_id) {
            config.forget();
        }
        let (mut cycle, mut req) = Cycle::start(&config, cache);
        let mut host = AppHost(self);
        let outcome = loop {
            let reply = http::send(&config.server, &req).await;
            match cycle.on_reply(&mut config, reply, &mut host, Utc::now()) {
                Next::Send(next) => req = next,
                other => break other,
            }
        };
        config.workspace = Some(self.workspace.with_untracked(|ws| ws.id.clone()));
        write_config(&config);
        let cache = cycle.into_cache();
        let signed_out = matches!(outcome, Next::Failed(SyncError::SignedOut));
        let (error, note, delay) = match outcome {
            Next::Done(report) => (
                refusals(&report),
                Some(report_sentence(&report)),
                Some(POLL),
            ),
            Next::Conflicts(held) => {
                self.hold(&config, *held);
                (None, None, None)
            }
            Next::Failed(e) => {
                let e = self.explain(&config, e).await;
                let delay = e.transient().then(|| {
                    let n = with_engine(|g| {
                        g.failures += 1;
                        g.failures
                    });
                    (Duration::from_secs(5) * 2u32.saturating_pow(n.min(8))).min(MAX_BACKOFF)
                });
                (Some(e.to_string()), None, delay)
            }
            Next::Send(_) => unreachable!("the loop sends every request"),
        };
        let again = with_engine(|e| {
            e.config = config;
            e.cache = cache;
            e.running = false;
            e.signed_out = signed_out;
            if error.is_none() {
                e.failures = 0;
            }
            std::mem::take(&mut e.again)
        });
        self.refresh_sync_status(Some((error, note)));
        if again {
            self.sync_now();
        } else if let Some(delay) = delay {
            self.sync_later(delay);
        }
    }

    /// A 401 on the database: signed out, or (pouchdb-server) signed in without access.
    async fn explain(&self, config: &SyncConfig, e: SyncError) -> SyncError {
        if e != SyncError::SignedOut {
            return e;
        }
        match session::read(http::send(&config.server, &session::check()).await) {
            Ok(Some(_)) => SyncError::NoAccess,
            _ => e,
        }
    }

    fn sync_later(&self, delay: Duration) {
        let state = *self;
        if let Ok(t) = set_timeout_with_handle(move || state.sync_now(), delay) {
            with_engine(|e| e.timer = Some(t));
        }
    }

    /// Pulled changes in conflict: shown as an import preview, applied with the choices.
    fn hold(&self, config: &SyncConfig, held: Held) {
        let mut theirs = Workspace {
            id: Id::new("sync"),
            name: config.database.clone(),
            ..Workspace::default()
        };
        for r in &held.pulled.docs {
            if let sync::doc::Content::Account(a) = &r.content {
                theirs.accounts.push(std::sync::Arc::new((**a).clone()));
            }
        }
        let file = ImportFile {
            kind: ImportKind::Workspace,
            workspace: theirs,
            from_version: SCHEMA_VERSION,
            exported_at: None,
        };
        self.pending_import.set(Some(PendingImport {
            files: vec![NamedFile {
                name: config.database.clone(),
                file,
            }],
            preview: held.preview.clone(),
            from_sync: true,
        }));
        with_engine(|e| e.held = Some(held));
    }

    /// Opens the preview of the conflicts waiting again (after it was closed).
    pub fn review_sync_conflicts(&self) {
        let config = with_engine(|e| e.config.clone());
        if let Some(held) = with_engine(|e| e.held.take()) {
            self.hold(&config, held);
        }
    }

    /// Applies the held changes with the user's choices, then syncs the result.
    pub(super) fn apply_sync_choices(&self, choices: &Choices) {
        self.finish_loading();
        let Some(held) = with_engine(|e| e.held.take()) else {
            return;
        };
        let mut config = with_engine(|e| e.config.clone());
        let mut host = AppHost(*self);
        let result = held.resolve(&mut config, &mut host, choices, Utc::now());
        let settled = held.preview.conflicts().count();
        self.pending_import.set(None);
        match result {
            Ok(()) => {
                write_config(&config);
                with_engine(|e| e.config = config);
                let done = format!(
                    "Merged the changes from the team database: {settled} conflict{} settled as you chose.",
                    if settled == 1 { "" } else { "s" }
                );
                self.import_done.set(Some(done.clone()));
                self.refresh_sync_status(Some((None, Some(done))));
                self.sync_now();
            }
            Err(e) => self.refresh_sync_status(Some((Some(e.to_string()), None))),
        }
    }

    /// Signs in to the server and database, and starts syncing; a wrong password, an
    /// unreachable server or a database without access is told in words, and nothing is kept.
    pub fn sign_in_to_sync(
        &self,
        server: String,
        database: String,
        name: String,
        password: String,
    ) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let mut config = with_engine(|e| e.config.clone());
            if config.server != server || config.database != database {
                config.forget();
                config.workspace = None;
            }
            config.server = server.trim().trim_end_matches('/').to_string();
            config.database = database.trim().to_string();
            if let Some(problem) = config.problem() {
                state.refresh_sync_status(Some((Some(problem), None)));
                return;
            }
            status().update(|s| s.running = true);
            let signed = session::read(
                http::send(&config.server, &session::sign_in(&name, &password)).await,
            );
            let checked = match signed {
                Ok(Some((user, _))) => {
                    let db = sync::Request {
                        method: "GET",
                        path: config.db_path(),
                        body: None,
                    };
                    match http::send(&config.server, &db).await {
                        Some(r) if r.status == 200 => Ok(user),
                        Some(r) if r.status == 401 => Err(SyncError::NoAccess),
                        Some(r) => Err(SyncError::of_reply(r.status, &r.body)),
                        None => Err(SyncError::Unreachable),
                    }
                }
                Ok(None) => Err(SyncError::WrongPassword),
                Err(e) => Err(e),
            };
            match checked {
                Ok(user) => {
                    config.user = Some(user);
                    config.enabled = true;
                    write_config(&config);
                    with_engine(|e| {
                        e.config = config;
                        e.failures = 0;
                        e.signed_out = false;
                    });
                    status().update(|s| s.running = false);
                    state.start_sync();
                }
                Err(e) => {
                    status().update(|s| s.running = false);
                    state.refresh_sync_status(Some((Some(e.to_string()), None)));
                }
            }
        });
    }

    /// Signs out: the server ends the session, and this browser stops syncing (what it
    /// knows of the database stays, for the next sign-in).
    pub fn sign_out_of_sync(&self) {
        let config = with_engine(|e| {
            e.config.enabled = false;
            e.config.user = None;
            if let Some(t) = e.timer.take() {
                t.clear();
            }
            e.config.clone()
        });
        write_config(&config);
        let state = *self;
        leptos::task::spawn_local(async move {
            _ = http::send(&config.server, &session::sign_out()).await;
            state.refresh_sync_status(Some((
                None,
                Some("Signed out; nothing syncs until you sign in again.".into()),
            )));
        });
    }

    /// Changes here that the server does not have yet (for the status line).
    pub fn sync_waiting(&self) -> usize {
        let ws = self.workspace.get_untracked();
        with_engine(|e| {
            if e.config.enabled {
                sync::waiting(&ws, &e.config, &mut e.status_cache)
            } else {
                0
            }
        })
    }

    /// Brings the status up to date; `outcome` replaces the error and note when given.
    fn refresh_sync_status(&self, outcome: Option<(Option<String>, Option<String>)>) {
        let waiting = self.sync_waiting();
        let (config, running, conflicts, signed_out) = with_engine(|e| {
            (
                e.config.clone(),
                e.running,
                e.held.as_ref().map_or(0, |h| h.preview.conflicts().count()),
                e.signed_out,
            )
        });
        let mut s = status().get_untracked();
        s.enabled = config.enabled;
        s.server = config.server;
        s.database = config.database;
        s.user = config.user;
        s.last_synced = config.last_synced;
        s.waiting = waiting;
        s.running = running;
        s.conflicts = conflicts;
        s.signed_out = signed_out;
        if let Some((error, note)) = outcome {
            s.error = error;
            s.note = note;
        }
        // Only a real change notifies: the section's views read it while they are made.
        if status().with_untracked(|old| *old != s) {
            status().set(s);
        }
    }

    /// The sync's status, for the settings page.
    pub fn sync_status(&self) -> RwSignal<SyncStatus> {
        status().into()
    }

    /// Brings the status up to date (when the settings page opens).
    pub fn load_sync_status(&self) {
        self.refresh_sync_status(None);
    }
}

/// What a sync did, in a sentence.
fn report_sentence(r: &sync::Report) -> String {
    let taken = r
        .changes
        .iter()
        .filter(|c| matches!(c.status, Status::Added | Status::Updated | Status::Removed))
        .count();
    format!(
        "Last sync: {taken} change{} from the team, {} sent.",
        if taken == 1 { "" } else { "s" },
        r.pushed
    )
}

/// The documents the server refused (its rules), in a sentence: each reason cut short.
fn refusals(r: &sync::Report) -> Option<String> {
    if r.refused.is_empty() {
        return None;
    }
    let each: Vec<String> = r
        .refused
        .iter()
        .take(3)
        .map(|why| match why.char_indices().nth(160) {
            Some((i, _)) => format!("{}…", &why[..i]),
            None => why.clone(),
        })
        .collect();
    Some(format!(
        "The server refused {} change{}: {}",
        r.refused.len(),
        if r.refused.len() == 1 { "" } else { "s" },
        each.join("; ")
    ))
}
