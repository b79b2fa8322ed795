//! The one place the UI reads and writes the workspace: a context of signals plus methods
//! that change the model and hand the change to the save queue.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

use crate::codec_chunk;
use crate::domain::model::{new_id, Account, Id, PlanPart, Settings, TeamMember, Workspace};
use crate::domain::sample::demo::demo_workspace;
use crate::domain::validate::{introduced_problems, Problem};
use crate::persist::browser;
use crate::persist::codec::{self, Quarantined};
use crate::persist::export::json::{self, ImportFile};
use crate::persist::merge::{self, Choices, MergePlan};
use crate::persist::tabs::{self, TabConflict};

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

/// A checked import file and what merging it would do.
#[derive(Clone, Debug)]
pub struct PendingImport {
    pub file_name: String,
    pub file: ImportFile,
    pub plan: MergePlan,
}

/// What storage held when the app started.
pub enum Stored {
    /// Nothing of ours: a first visit, which needs no codec.
    Nothing,
    /// Decoded, with the writes that repair it.
    Decoded(Box<codec_chunk::Decoded>),
    /// Storage could not be read, with the reason.
    Unavailable(String),
}

impl Stored {
    /// Our keys in storage: the first step of a start, which tells whether it needs the
    /// codec ([`Stored::holds_data`]) before the values are read.
    pub fn keys() -> Result<Vec<String>, browser::StorageError> {
        mark("load-start");
        browser::our_keys()
    }

    /// Whether `keys` hold data of ours, which needs the codec to decode.
    pub fn holds_data(keys: &[String]) -> bool {
        keys.iter().any(|k| codec::is_data_key(k))
    }

    /// Reads the values of `keys` and decodes them. `Err`, with what was read, when that
    /// needs the codec and its chunk is not loaded yet (see [`codec_chunk`]).
    pub fn read(
        keys: Result<Vec<String>, browser::StorageError>,
    ) -> Result<Stored, Vec<(String, String)>> {
        let entries = match keys.and_then(browser::read_values) {
            Ok(entries) => entries,
            Err(e) => return Ok(Stored::Unavailable(e.to_string())),
        };
        mark("load-read");
        if !entries.iter().any(|(key, _)| codec::is_data_key(key)) {
            mark("load-decoded");
            return Ok(Stored::Nothing);
        }
        match codec_chunk::ready() {
            Some(codec) => Ok(Stored::decode(codec, &entries)),
            None => Err(entries),
        }
    }

    /// Decodes what [`Stored::read`] read.
    pub fn decode(codec: codec_chunk::Codec, entries: &[(String, String)]) -> Stored {
        let decoded = (codec.decode_storage)(entries);
        mark("load-decoded");
        Stored::Decoded(decoded)
    }
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
    /// Accounts changed both here and in another tab, waiting for the user's choice; their
    /// local edits are not saved meanwhile.
    pub tab_conflicts: RwSignal<Vec<TabConflict>>,
    /// Deleted things that can be brought back (newest last), for the undo notice and
    /// Ctrl/Cmd+Z.
    pub undo: RwSignal<Vec<Undo>>,
    /// What storage holds now, so that a save writes only what changed.
    saved: StoredValue<Workspace>,
    /// The accounts changed since the last successful save: a save looks at those only.
    unsaved: StoredValue<codec::Scope>,
    save_pending: StoredValue<bool>,
    /// Whether anything was changed in this page: until then a save has nothing to write
    /// (the demo of a first visit is not stored just because the page was closed).
    touched: StoredValue<bool>,
    /// Set when another tab wrote while the codec's chunk was still loading.
    other_tab_pending: StoredValue<bool>,
    /// Whether the browser was asked to keep storage persistent this session.
    persistence_asked: StoredValue<bool>,
    /// Set when the browser refused to keep storage persistent: the user is reminded to
    /// export now and then.
    pub persistence_refused: RwSignal<bool>,
    /// The user's calendar day when the app started.
    pub today: NaiveDate,
}

impl AppState {
    /// Starts from what storage held (read and decoded before the app mounts), repairing
    /// what it must, or from the demo workspace on a first visit.
    pub fn load(stored: Stored) -> Self {
        let today = chrono::Local::now().date_naive();
        let mut problem = None;
        let mut quarantined = Vec::new();
        let mut read_only = None;
        let mut first_visit = false;
        let workspace = match stored {
            Stored::Decoded(decoded) => {
                let codec_chunk::Decoded { loaded, repairs } = *decoded;
                if let Some(newer) = &loaded.refused_newer {
                    read_only = Some(newer.message());
                } else if let Err(e) =
                    browser::apply(repairs.iter().map(|(k, v)| (k.as_str(), v.as_deref())))
                {
                    problem = Some(format!("{e}: your changes are kept in this page only."));
                }
                quarantined = loaded.quarantined;
                first_visit = loaded.fresh;
                if loaded.fresh {
                    demo_workspace(today)
                } else {
                    loaded.workspace
                }
            }
            Stored::Nothing => {
                // A first visit opens the demo workspace, clearly marked; it is only
                // written to storage once the user changes something.
                first_visit = true;
                demo_workspace(today)
            }
            Stored::Unavailable(e) => {
                problem = Some(format!("{e}: your changes are kept in this page only."));
                Workspace::default()
            }
        };
        // What storage now holds (nothing, on a first visit); a workspace without an id
        // gets one on its first save.
        let saved = if first_visit {
            Workspace::default()
        } else {
            workspace.clone()
        };
        mark("load-copied");
        let mut workspace = workspace;
        if workspace.id.as_str().is_empty() {
            workspace.id = new_id("ws", js_sys::Date::now() as i64, random_u64());
        }
        let state = AppState {
            saved: StoredValue::new(saved),
            // The demo of a first visit is not stored yet: its first save writes all of it.
            unsaved: StoredValue::new(if first_visit {
                codec::Scope::All
            } else {
                codec::Scope::default()
            }),
            workspace: RwSignal::new(workspace),
            storage_problem: RwSignal::new(problem),
            quarantined: RwSignal::new(quarantined),
            read_only: RwSignal::new(read_only),
            pending_import: RwSignal::new(None),
            import_errors: RwSignal::new(None),
            import_done: RwSignal::new(None),
            tab_conflicts: RwSignal::new(Vec::new()),
            undo: RwSignal::new(Vec::new()),
            save_pending: StoredValue::new(false),
            touched: StoredValue::new(false),
            other_tab_pending: StoredValue::new(false),
            persistence_asked: StoredValue::new(false),
            persistence_refused: RwSignal::new(false),
            today,
        };
        // Write what is still queued when the page goes away.
        let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
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
        on_cleanup(move || {
            flush_on_hide.remove();
            other_tab.remove();
        });
        state
    }

    /// Another tab wrote one key: that value alone is reconciled when it decodes as a current
    /// value of ours (a keystroke there costs one account here); anything else reads all of
    /// storage.
    fn other_tab_wrote(&self, key: &str, value: Option<&str>) {
        if self.read_only.get_untracked().is_some() {
            return;
        }
        if self.showing_unstored_demo() {
            return self.reload_from_other_tab();
        }
        let Some(codec) = codec_chunk::ready() else {
            return self.reload_from_other_tab();
        };
        let Some(change) = (codec.decode_changed)(key, value) else {
            return self.reload_from_other_tab();
        };
        let mut conflict = None;
        let mut shown_changed = false;
        self.saved.update_value(|saved| {
            self.workspace.try_update_untracked(|mine| match change {
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
            self.workspace.notify();
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
        if self.read_only.get_untracked().is_some() {
            return;
        }
        let Some(codec) = codec_chunk::ready() else {
            // Handled once the codec is here, before any save of this page.
            self.other_tab_pending.set_value(true);
            return self.when_codec_loaded();
        };
        let Ok(entries) = browser::read_all() else {
            return;
        };
        let loaded = (codec.decode_storage)(&entries).loaded;
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
                self.workspace.set(loaded.workspace);
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
            self.workspace.set(reconciled.mine);
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
        let Some(conflict) = self
            .tab_conflicts
            .with_untracked(|list| list.iter().find(|c| &c.id == id).cloned())
        else {
            return;
        };
        self.workspace
            .update(|ws| tabs::settle(ws, &conflict, take_theirs));
        self.tab_conflicts
            .update(|list| list.retain(|c| &c.id != id));
        self.schedule_save(Some(id));
    }

    /// Adds an account named `name` and returns its id; an empty name is refused.
    pub fn add_account(&self, name: &str) -> Result<Id, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("Enter a name for the account.".into());
        }
        let id = new_id("acc", js_sys::Date::now() as i64, random_u64());
        let account = Account::new(id.clone(), name, self.today, Utc::now());
        self.workspace
            .update(|ws| ws.accounts.push(Arc::new(account)));
        self.schedule_save(Some(&id));
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
        self.schedule_save(Some(id));
    }

    /// Reads an import file's text, checks it completely and plans the merge; nothing
    /// changes until `apply_import`. Problems are kept for the page to show.
    pub fn start_import(&self, file_name: &str, text: &str) {
        self.import_done.set(None);
        let result = json::parse_import(text).map(|file| {
            let plan = self
                .workspace
                .with_untracked(|local| merge::plan_merge(&import_base(local), &file.workspace));
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
                &import_base(local),
                &pending.file.workspace,
                &pending.plan,
                choices,
                Utc::now(),
            )
        });
        let before = self
            .workspace
            .with_untracked(|ws| if ws.demo { 0 } else { ws.accounts.len() });
        let added = merged.accounts.len().saturating_sub(before);
        self.workspace.set(merged);
        self.pending_import.set(None);
        self.import_done.set(Some(format!(
            "Imported {}: {added} account{} added, the rest merged as you chose.",
            pending.file_name,
            if added == 1 { "" } else { "s" }
        )));
        self.schedule_save(None);
    }

    /// True while the workspace is the untouched-or-not demo: an import replaces it.
    pub fn is_demo(&self) -> bool {
        self.workspace.with_untracked(|ws| ws.demo)
    }

    /// Replaces the whole workspace (reset, clear the demo, delete everything).
    pub fn replace_workspace(&self, mut ws: Workspace) {
        if ws.id.as_str().is_empty() {
            ws.id = new_id("ws", js_sys::Date::now() as i64, random_u64());
        }
        self.workspace.set(ws);
        self.schedule_save(None);
    }

    /// Changes the workspace settings and stamps them for merges.
    pub fn update_settings(&self, edit: impl FnOnce(&mut Settings)) {
        self.workspace.update(|ws| {
            edit(&mut ws.settings);
            ws.settings.updated_at = Some(Utc::now());
        });
        self.schedule_meta_save();
    }

    /// Adds a member to the workspace team; an empty name is refused with the reason.
    pub fn add_member(&self, name: &str) -> Result<Id, String> {
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
        self.workspace.update(|ws| ws.team.push(member));
        self.schedule_meta_save();
        Ok(id)
    }

    /// Changes a member of the workspace team and stamps it for merges.
    pub fn update_member(&self, id: &Id, edit: impl FnOnce(&mut TeamMember)) {
        self.workspace.update(|ws| {
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
        let before = self.workspace.get_untracked();
        let mut after = before.clone();
        edit(&mut after);
        let problems = introduced_problems(&before, &after);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.workspace.set(after);
        self.schedule_save(None);
        Ok(())
    }

    /// Deletes every stored value of ours (backups of unreadable values too) and starts an
    /// empty workspace. Nothing can be undone after this; the page offers an export first.
    pub fn delete_all_data(&self) -> Result<usize, String> {
        let removed = browser::remove_all().map_err(|e| e.to_string())?;
        self.undo.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.tab_conflicts.set(Vec::new());
        self.pending_import.set(None);
        self.read_only.set(None);
        self.saved.set_value(Workspace::default());
        self.replace_workspace(Workspace::default());
        Ok(removed)
    }

    /// Queues a save after a change made to the workspace directly: anything may have
    /// changed, so the save compares every account.
    pub fn touch_workspace(&self) {
        self.schedule_save(None);
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

    /// Deletes something from an account so that it can be undone: `what` names it for
    /// the undo notice ("contact “Ann Lee”").
    pub fn delete_in_account(&self, id: &Id, what: String, edit: impl FnOnce(&mut Account)) {
        let Some(before) = self.workspace.with_untracked(|ws| ws.shared(id).cloned()) else {
            return;
        };
        self.update_account(id, edit);
        self.undo.update(|stack| {
            stack.push(Undo::Account { what, before });
            let excess = stack.len().saturating_sub(UNDO_DEPTH);
            stack.drain(..excess);
        });
    }

    /// Deletes a whole account, with undo.
    pub fn delete_account(&self, id: &Id) {
        let Some((index, account)) = self.workspace.with_untracked(|ws| {
            ws.accounts
                .iter()
                .position(|a| &a.id == id)
                .map(|i| (i, ws.accounts[i].clone()))
        }) else {
            return;
        };
        self.workspace.update(|ws| {
            ws.accounts.remove(index);
        });
        self.schedule_save(Some(&account.id));
        self.undo.update(|stack| {
            stack.push(Undo::DeletedAccount { index, account });
            let excess = stack.len().saturating_sub(UNDO_DEPTH);
            stack.drain(..excess);
        });
    }

    /// Brings back the last deleted thing.
    pub fn undo_last(&self) {
        let Some(item) = self.undo.try_update(|stack| stack.pop()).flatten() else {
            return;
        };
        match item {
            Undo::Account { before, .. } => {
                let id = before.id.clone();
                self.workspace.update(|ws| {
                    if let Some(a) = ws.accounts.iter_mut().find(|a| a.id == id) {
                        *a = before;
                    }
                });
                self.schedule_save(Some(&id));
            }
            Undo::DeletedAccount { index, account } => {
                self.schedule_save(Some(&account.id));
                self.workspace.update(|ws| {
                    if ws.account(&account.id).is_none() {
                        let at = index.min(ws.accounts.len());
                        ws.accounts.insert(at, account);
                    }
                });
            }
        }
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
        new_id(prefix, js_sys::Date::now() as i64, random_u64())
    }

    /// Queues a save of the change to account `changed`, or of any change (`None`). It
    /// runs once the current event is handled, so a keystroke is stored within its frame and
    /// several changes made by one event are written together.
    fn schedule_save(&self, changed: Option<&Id>) {
        self.unsaved.update_value(|scope| match changed {
            Some(id) => scope.add(id),
            None => scope.add_all(),
        });
        self.schedule_meta_save();
    }

    /// Queues a save after a change outside the accounts (settings, team): the meta is
    /// compared on every save.
    fn schedule_meta_save(&self) {
        self.touched.set_value(true);
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        let state = *self;
        queue_microtask(move || state.flush());
    }

    /// Waits for the codec's chunk, then does what waited for it, in the order the events
    /// came: another tab's writes first, then this page's save. If the chunk cannot be
    /// fetched, the changes stay in memory, the user is told, and the next change tries
    /// again.
    fn when_codec_loaded(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match codec_chunk::load().await {
                Ok(_) => {
                    if state.other_tab_pending.try_update_value(std::mem::take) == Some(true) {
                        state.reload_from_other_tab();
                    }
                    if state.save_pending.try_get_value() == Some(true) {
                        state.flush();
                    }
                }
                // Only a save that waited is news to the user: another tab's write is read
                // once the chunk comes, at the next change or the next write there.
                Err(e) if state.save_pending.try_get_value() == Some(true) => {
                    state.save_pending.try_set_value(false);
                    state.storage_problem.try_set(Some(format!(
                        "{e}: your latest changes are kept in this page only."
                    )));
                }
                Err(_) => {}
            }
        });
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
        let Some(codec) = codec_chunk::ready() else {
            // A first save, before the codec's chunk came: it runs once the chunk is here.
            return self.when_codec_loaded();
        };
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
            let writes = self.saved.try_with_value(|saved| {
                (codec.writes)(codec_chunk::Writes {
                    saved,
                    // Keys removed behind the app's back (or lost by a failed write) are
                    // written again.
                    present: present.as_deref().map(|p| (p, index.as_deref())),
                    after: to_write,
                    scope: &scope,
                })
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

/// A performance mark, for `make bench` to break a load down.
pub(crate) fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        _ = perf.mark(name);
    }
}

fn random_u64() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Used by views: the app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// What an import merges into: the workspace, or an empty one when it is the demo (a
/// user importing their own file does not want the made-up accounts mixed in).
fn import_base(local: &Workspace) -> Cow<'_, Workspace> {
    if local.demo {
        Cow::Owned(Workspace {
            id: new_id("ws", js_sys::Date::now() as i64, random_u64()),
            ..Workspace::default()
        })
    } else {
        Cow::Borrowed(local)
    }
}
