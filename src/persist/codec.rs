//! The storage layout in localStorage, as pure functions over `(key, raw text)` pairs.
//!
//! * `account-planner/meta` — `{"schema_version":N,"workspace":{…}}`: the workspace without
//!   its accounts (id, name, settings, team, sync marks).
//! * `account-planner/index` — `{"schema_version":N,"accounts":["id",…]}`: account order.
//! * `account-planner/account/<id>` — `{"schema_version":N,"account":{…}}`: one per account.
//! * `account-planner/quarantine/<key>` — the raw text of a value that could not be decoded,
//!   copied aside before anything else is written. Never read back by the app.
//! * `account-planner/workspace` — the pre-release (version 0) layout: the whole workspace
//!   under one key. Read, then replaced by the keys above.
//!
//! Every key is decoded on its own, so one damaged value costs that value only (and even
//! then its raw text is kept). Writes for one change come in an order where every prefix
//! leaves loadable storage (see [`storage_writes`]), because the browser may stop us between
//! any two of them (quota, a closed tab).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::migrate::{self, MigrateError};
use super::packed;
use crate::domain::model::{Account, Id, Workspace, SCHEMA_VERSION};

/// The prefix of every key the app owns.
pub const PREFIX: &str = "account-planner/";
/// The workspace without its accounts.
pub const META_KEY: &str = "account-planner/meta";
/// The order of the accounts.
pub const INDEX_KEY: &str = "account-planner/index";
/// One key per account: this prefix and the account's id.
pub const ACCOUNT_PREFIX: &str = "account-planner/account/";
/// Backups of values that could not be decoded: this prefix and the original key.
pub const QUARANTINE_PREFIX: &str = "account-planner/quarantine/";
/// The single key of the pre-release (version 0) layout.
pub const LEGACY_KEY: &str = "account-planner/workspace";

/// A key and its new value, or `None` to remove the key; applied in order.
pub type Write = (String, Option<String>);

/// The key of an account's value.
pub fn account_key(id: &Id) -> String {
    format!("{ACCOUNT_PREFIX}{id}")
}

/// Whether `key` holds data of ours (not a backup of a quarantined value): storage with
/// none is a first visit's, which the app opens without its codec.
pub fn is_data_key(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(QUARANTINE_PREFIX)
}

/// The key a quarantined value is copied to.
pub fn quarantine_key(key: &str) -> String {
    format!("{QUARANTINE_PREFIX}{key}")
}

/// A stored value that could not be decoded: kept byte for byte, never replaced by defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
    /// Why, in words for the user.
    pub reason: String,
    /// The account's name, read best-effort from the raw text, to tell the user which
    /// account is affected.
    pub account_name: Option<String>,
}

impl Quarantined {
    pub fn backup_key(&self) -> String {
        quarantine_key(&self.key)
    }
}

/// Storage holds values written by a newer version of the app. The caller must not write
/// to storage at all (not even repairs) and should ask the user to update the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewerSchema {
    /// The highest version found.
    pub found: u64,
    /// The version this build understands.
    pub known: u32,
    /// The keys written by the newer app (left out of the workspace).
    pub keys: Vec<String>,
}

impl NewerSchema {
    pub fn message(&self) -> String {
        format!(
            "This browser's data was saved by a newer version of Account Planner (schema \
             version {}; this version understands up to {}). Nothing will be saved until \
             you open the newer version.",
            self.found, self.known
        )
    }
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Everything that decoded. When `refused_newer` is set, it lacks the newer values and
    /// must be treated as read-only.
    pub workspace: Workspace,
    pub quarantined: Vec<Quarantined>,
    pub refused_newer: Option<NewerSchema>,
    /// Notes about repairs made while loading (an account missing from the index, an index
    /// entry without its account, a migration).
    pub repaired: Vec<String>,
    /// True when storage held no value of ours at all (a first visit).
    pub fresh: bool,
    /// Keys whose values must be rewritten in the current format (migrated, or missing).
    rewrite_accounts: Vec<Id>,
    rewrite_index: bool,
    rewrite_meta: bool,
    remove_legacy: bool,
}

impl Loaded {
    /// The writes that back up quarantined values and bring storage to the current layout
    /// and version, in a crash-safe order: backups, accounts, index, meta, and the removal
    /// of the legacy key last. Empty when storage holds newer data (nothing may be written).
    /// Quarantined keys themselves are left in place.
    pub fn repair_writes(&self) -> Vec<Write> {
        if self.refused_newer.is_some() {
            return Vec::new();
        }
        let mut out: Vec<Write> = self
            .quarantined
            .iter()
            .map(|q| (q.backup_key(), Some(q.raw.clone())))
            .collect();
        for id in &self.rewrite_accounts {
            if let Some(a) = self.workspace.account(id) {
                out.push((account_key(id), Some(encode_account(a))));
            }
        }
        if self.rewrite_index {
            out.push((INDEX_KEY.into(), Some(encode_index(&self.workspace))));
        }
        if self.rewrite_meta {
            out.push((META_KEY.into(), Some(encode_meta(&self.workspace))));
        }
        if self.remove_legacy {
            out.push((LEGACY_KEY.into(), None));
        }
        out
    }
}

/// The stored value of an account: its envelope (without null members), packed.
pub fn encode_account(a: &Account) -> String {
    let mut body = to_value(a);
    migrate::strip_null_members(&mut body);
    pack(&envelope("account", body))
}

/// The version of a packed value's outer envelope. It is above every schema version an app
/// from before packing knows, so such an app refuses packed values as newer (and writes
/// nothing) instead of setting them aside as damaged. The envelope inside keeps the model's
/// own [`SCHEMA_VERSION`] and migrates with it.
pub const PACKED_VERSION: u64 = 2;

/// A packed value: `{"schema_version":2,"deflate":"…","deflate_bytes":M,"json_bytes":N}`,
/// where `deflate` is [`packed::to_text`] of [`packed::deflate`] of the N bytes of JSON.
#[derive(serde::Serialize, serde::Deserialize)]
struct PackedValue<'a> {
    schema_version: u64,
    #[serde(borrow)]
    deflate: std::borrow::Cow<'a, str>,
    deflate_bytes: usize,
    json_bytes: usize,
}

/// `json` as a packed value (see [`packed`]).
pub fn pack(json: &str) -> String {
    let bytes = packed::deflate(json.as_bytes());
    let value = PackedValue {
        schema_version: PACKED_VERSION,
        deflate: packed::to_text(&bytes).into(),
        deflate_bytes: bytes.len(),
        json_bytes: json.len(),
    };
    serde_json::to_string(&value).unwrap_or_default()
}

/// The JSON inside a packed value; `Ok(None)` when `raw` is not packed (a plain value of an
/// earlier version, read as it is).
pub fn unpack(raw: &str) -> Result<Option<String>, UnpackError> {
    if !raw.contains("\"deflate\"") {
        return Ok(None);
    }
    let Ok(value) = serde_json::from_str::<PackedValue>(raw) else {
        // Not a packed value after all (a plain one that mentions the word).
        return Ok(None);
    };
    if value.schema_version > PACKED_VERSION {
        return Err(UnpackError::Newer(value.schema_version));
    }
    let damaged =
        |e: packed::Damaged| UnpackError::Damaged(format!("the packed value is damaged: {e}"));
    let bytes = packed::from_text(&value.deflate, value.deflate_bytes).map_err(damaged)?;
    let json = packed::inflate(&bytes, value.json_bytes).map_err(damaged)?;
    String::from_utf8(json)
        .map(Some)
        .map_err(|_| UnpackError::Damaged("the packed value unpacks to invalid text".into()))
}

/// The JSON of a packed value, or as much of its start as opens when it is damaged or cut
/// short; `None` when `raw` does not look packed.
fn salvage_packed(raw: &str) -> Option<String> {
    if let Ok(Some(whole)) = unpack(raw) {
        return Some(whole);
    }
    let text = raw.split_once("\"deflate\":\"")?.1;
    let text = text.split('"').next().unwrap_or(text);
    // An account's name comes within its first few hundred bytes.
    let start = packed::inflate_prefix(&packed::from_text_prefix(text), 4096);
    (!start.is_empty()).then(|| String::from_utf8_lossy(&start).into_owned())
}

/// Why a packed value did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// Written by a newer app, with this version.
    Newer(u64),
    /// Damaged, with the reason in words.
    Damaged(String),
}

/// The stored index: the accounts' ids in order.
pub fn encode_index(ws: &Workspace) -> String {
    let ids: Vec<Value> = ws
        .accounts
        .iter()
        .map(|a| Value::from(a.id.as_str()))
        .collect();
    envelope("accounts", Value::Array(ids))
}

/// The stored meta: the workspace without its accounts.
pub fn encode_meta(ws: &Workspace) -> String {
    let mut v = to_value(&meta_clone(ws));
    if let Value::Object(m) = &mut v {
        m.remove("schema_version");
        m.remove("accounts");
    }
    envelope("workspace", v)
}

/// A copy of the workspace without its accounts.
fn meta_clone(ws: &Workspace) -> Workspace {
    Workspace {
        schema_version: ws.schema_version,
        id: ws.id.clone(),
        name: ws.name.clone(),
        demo: ws.demo,
        settings: ws.settings.clone(),
        team: ws.team.clone(),
        accounts: Vec::new(),
        sync_marks: ws.sync_marks.clone(),
    }
}

fn envelope(field: &str, body: Value) -> String {
    let mut m = Map::new();
    m.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    m.insert(field.into(), body);
    Value::Object(m).to_string()
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    // The model serialises to JSON without fail: string map keys, no custom serialisers.
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Every key and value of a workspace, as a first save writes them (accounts, index, meta).
pub fn encode_storage(ws: &Workspace) -> Vec<(String, String)> {
    storage_writes_from(None, ws, &Scope::All, &HashSet::new())
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// Which accounts a save must look at. The app knows what it changed, so a save after one
/// keystroke compares and encodes one account instead of a thousand; the index and the meta
/// are always checked (they are small).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Any account may have changed.
    All,
    /// Only these accounts were edited, added or deleted; every other account is equal on
    /// both sides.
    Accounts(FxHashSet<Id>),
}

impl Default for Scope {
    fn default() -> Self {
        Scope::Accounts(FxHashSet::default())
    }
}

impl Scope {
    fn has(&self, id: &Id) -> bool {
        match self {
            Scope::All => true,
            Scope::Accounts(ids) => ids.contains(id),
        }
    }

    /// Adds an account to the scope.
    pub fn add(&mut self, id: &Id) {
        if let Scope::Accounts(ids) = self {
            ids.insert(id.clone());
        }
    }

    /// Widens the scope to every account.
    pub fn add_all(&mut self) {
        *self = Scope::All;
    }

    /// Both scopes at once (a save that failed is retried with the next one's changes).
    pub fn merge(&mut self, other: Scope) {
        match other {
            Scope::All => self.add_all(),
            Scope::Accounts(ids) => ids.iter().for_each(|id| self.add(id)),
        }
    }
}

/// The writes that turn the stored `before` into `after`, in crash-safe order:
///
/// 1. the accounts that are new or changed (compared by value), in `after`'s order;
/// 2. the index, only if the ids or their order changed;
/// 3. the removal of deleted accounts' keys, after the index that no longer lists them;
/// 4. the meta, only if anything but the accounts changed.
///
/// Stopped after any of them, storage still loads: an account key the index does not list
/// yet is loaded anyway, an index entry whose key is gone is dropped, and every account is
/// either its old or its new version. (A stop between 2 and 3 brings a deleted account
/// back on the next load, rather than ever losing a new one.)
///
/// `after` must have unique account ids (as [`validate`](crate::domain::validate::validate)
/// requires): two accounts with one id would share one key.
pub fn storage_writes(before: &Workspace, after: &Workspace) -> Vec<Write> {
    storage_writes_from(Some(before), after, &Scope::All, &HashSet::new())
}

/// [`storage_writes`] looking only at the accounts in `scope` and at those in `lost` (stored
/// in `before` but gone from storage: written again when `after` still has them).
fn storage_writes_from(
    before: Option<&Workspace>,
    after: &Workspace,
    scope: &Scope,
    lost: &HashSet<&Id>,
) -> Vec<Write> {
    // Compared with what storage holds: the accounts in scope whose key is still there.
    let stored = |id: &Id| scope.has(id) && !lost.contains(id);
    let old: HashMap<&Id, &Arc<Account>> = before
        .map(|b| {
            b.accounts
                .iter()
                .filter(|a| stored(&a.id))
                .map(|a| (&a.id, a))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for a in after
        .accounts
        .iter()
        .filter(|a| scope.has(&a.id) || lost.contains(&a.id))
    {
        // The same allocation is the same account: only an edit (`Arc::make_mut`) parts them.
        if old
            .get(&a.id)
            .is_none_or(|&o| !Arc::ptr_eq(o, a) && **o != **a)
        {
            out.push((account_key(&a.id), Some(encode_account(a))));
        }
    }
    let index_changed = match before {
        None => true,
        Some(b) => !b
            .accounts
            .iter()
            .map(|a| &a.id)
            .eq(after.accounts.iter().map(|a| &a.id)),
    };
    if index_changed {
        out.push((INDEX_KEY.into(), Some(encode_index(after))));
    }
    if let Some(b) = before {
        // A set of every id only when every account is looked at; a scoped save asks for
        // its few accounts directly.
        let kept: Option<HashSet<&Id>> =
            (*scope == Scope::All).then(|| after.accounts.iter().map(|a| &a.id).collect());
        let is_kept = |id: &Id| match &kept {
            Some(kept) => kept.contains(id),
            None => after.account(id).is_some(),
        };
        for a in b.accounts.iter().filter(|a| stored(&a.id)) {
            if !is_kept(&a.id) {
                out.push((account_key(&a.id), None));
            }
        }
    }
    let meta = encode_meta(after);
    if before.is_none_or(|b| encode_meta(b) != meta) {
        out.push((META_KEY.into(), Some(meta)));
    }
    out
}

/// Like [`storage_writes`], when some of what `saved` says is stored may have gone behind
/// the app's back (removed by another program, by the user in the browser's tools, or by
/// a failed write): `present` lists our keys storage holds now and `stored_index`
/// the raw index value. Accounts whose key is gone are written again, and so are a missing
/// index or meta, so that the next save catches storage up with the page instead of losing
/// what only the page still has. An account whose key is gone *and* that a readable index
/// no longer lists was deleted by another tab: it is left for that tab's storage event to
/// settle, not brought back. Only the accounts in `scope` are compared.
pub fn writes_after_loss(
    saved: &Workspace,
    present: &[String],
    stored_index: Option<&str>,
    after: &Workspace,
    scope: &Scope,
) -> Vec<Write> {
    let stored_ids: Option<Vec<Id>> = stored_index.and_then(|raw| decode_index(raw).ok());
    // Which saved accounts lost their key: read from the key names once (a save runs on
    // every keystroke, so no key is formatted per account).
    let kept: FxHashSet<&str> = present
        .iter()
        .filter_map(|k| k.strip_prefix(ACCOUNT_PREFIX))
        .collect();
    let missing: Vec<&Id> = saved
        .accounts
        .iter()
        .map(|a| &a.id)
        .filter(|id| !kept.contains(id.as_str()))
        .collect();
    let lost: HashSet<&Id> = if missing.is_empty() {
        HashSet::new()
    } else {
        let listed: Option<HashSet<&Id>> = stored_ids.as_ref().map(|ids| ids.iter().collect());
        missing
            .into_iter()
            .filter(|id| listed.as_ref().is_none_or(|l| l.contains(id)))
            .collect()
    };
    // An index that is missing or unreadable is written again, and so is one out of step
    // with the page once lost accounts are being restored.
    let index_stale = match &stored_ids {
        None => true,
        Some(ids) => !lost.is_empty() && !ids.iter().eq(after.accounts.iter().map(|a| &a.id)),
    };
    let mut writes = storage_writes_from(Some(saved), after, scope, &lost);
    let written = |writes: &[Write], key: &str| writes.iter().any(|(k, _)| k == key);
    if index_stale && !written(&writes, INDEX_KEY) {
        let at = writes
            .iter()
            .position(|(k, _)| k == META_KEY)
            .unwrap_or(writes.len());
        writes.insert(at, (INDEX_KEY.into(), Some(encode_index(after))));
    }
    if !present.iter().any(|k| k == META_KEY) && !written(&writes, META_KEY) {
        writes.push((META_KEY.into(), Some(encode_meta(after))));
    }
    writes
}

/// Brings `saved` (what storage held) up to `after` once a save of `scope` succeeded,
/// copying only the accounts in scope: the others are equal on both sides already.
pub fn record_saved(saved: &mut Workspace, after: &Workspace, scope: &Scope) {
    if *scope == Scope::All {
        *saved = after.clone();
        return;
    }
    let same_order = saved.accounts.len() == after.accounts.len()
        && saved
            .accounts
            .iter()
            .zip(&after.accounts)
            .all(|(s, a)| s.id == a.id);
    if same_order {
        // The common case (an edit): copy the accounts in scope where they stand.
        let accounts = std::mem::take(&mut saved.accounts);
        *saved = meta_clone(after);
        saved.accounts = accounts;
        for (s, a) in saved.accounts.iter_mut().zip(&after.accounts) {
            if scope.has(&a.id) {
                *s = a.clone();
            }
        }
        return;
    }
    let mut old: HashMap<Id, Arc<Account>> = std::mem::take(&mut saved.accounts)
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    *saved = meta_clone(after);
    saved.accounts = after
        .accounts
        .iter()
        .map(|a| match old.remove(&a.id) {
            Some(kept) if !scope.has(&a.id) => kept,
            _ => a.clone(),
        })
        .collect();
}

/// Why one stored value did not open.
enum Failure {
    Bad(String),
    Newer(u64),
}

/// Opens an envelope `{"schema_version": N, "<field>": …}`: its version and its body.
fn open(raw: &str, field: &str) -> Result<(u64, Value), Failure> {
    let doc: Value = serde_json::from_str(raw).map_err(|e| {
        Failure::Bad(format!(
            "not valid JSON ({}, line {}, column {})",
            json_error_kind(&e),
            e.line(),
            e.column()
        ))
    })?;
    let version = migrate::schema_version_of(&doc).map_err(|e| Failure::Bad(e.to_string()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Failure::Newer(version));
    }
    let Value::Object(mut m) = doc else {
        return Err(Failure::Bad("expected a JSON object".into()));
    };
    match m.remove(field) {
        Some(body) => Ok((version, body)),
        None => Err(Failure::Bad(format!("the value has no \"{field}\" field"))),
    }
}

fn json_error_kind(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "it ends too early",
        serde_json::error::Category::Syntax => "a syntax error",
        serde_json::error::Category::Io => "unreadable",
        serde_json::error::Category::Data => "unexpected data",
    }
}

/// Typed decoding after null members are stripped (see [`migrate::strip_null_members`]).
///
/// Decoded from the value's text, not from the tree: the import and the current-account
/// path decode the model from text too, so the wasm holds one copy of the model's
/// `Deserialize` code (for text) instead of two (text and tree). The error's position
/// (always line 1 of the compact text, which tells the user nothing) is left out, as the
/// tree's errors have none.
fn typed<T: DeserializeOwned>(mut v: Value) -> Result<T, Failure> {
    migrate::strip_null_members(&mut v);
    serde_json::from_str(&v.to_string()).map_err(|e| {
        let full = e.to_string();
        let what = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(w, _)| w);
        Failure::Bad(format!("unexpected content: {what}"))
    })
}

fn migrate_failure(e: MigrateError) -> Failure {
    match e {
        MigrateError::Newer { found, .. } => Failure::Newer(found),
        other => Failure::Bad(other.to_string()),
    }
}

fn decode_meta(raw: &str) -> Result<(Workspace, bool), Failure> {
    let (version, body) = open(raw, "workspace")?;
    let Value::Object(mut parts) = body else {
        return Err(Failure::Bad("the workspace is not a JSON object".into()));
    };
    parts.remove("accounts");
    let migrated = version < u64::from(SCHEMA_VERSION);
    if migrated {
        parts = migrate::migrate_embedded(parts, version).map_err(migrate_failure)?;
        parts.remove("accounts");
    }
    let mut ws: Workspace = typed(Value::Object(parts))?;
    ws.schema_version = SCHEMA_VERSION;
    Ok((ws, migrated))
}

fn decode_index(raw: &str) -> Result<Vec<Id>, Failure> {
    // The index has had one shape since version 0: no migration.
    let (_, body) = open(raw, "accounts")?;
    typed(body)
}

/// How an account read from storage should be written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Upgrade {
    /// Current: leave it.
    None,
    /// Of an older schema: rewritten, and the user told.
    Migrated,
    /// Current but plain JSON, from before packing: rewritten packed, silently.
    Repack,
}

fn decode_account(key_id: &str, raw: &str) -> Result<(Account, Upgrade), Failure> {
    let unpacked = unpack(raw).map_err(|e| match e {
        UnpackError::Newer(v) => Failure::Newer(v),
        UnpackError::Damaged(why) => Failure::Bad(why),
    })?;
    let (account, migrated) = decode_account_json(key_id, unpacked.as_deref().unwrap_or(raw))?;
    let upgrade = match (migrated, unpacked.is_some()) {
        (true, _) => Upgrade::Migrated,
        (false, false) => Upgrade::Repack,
        (false, true) => Upgrade::None,
    };
    Ok((account, upgrade))
}

/// An account's envelope of the current version, read straight into the model.
#[derive(serde::Deserialize)]
struct CurrentAccount {
    schema_version: u64,
    account: Account,
}

fn decode_account_json(key_id: &str, raw: &str) -> Result<(Account, bool), Failure> {
    // What this version wrote reads straight into the model, without the JSON tree the
    // general path below builds; anything else (older versions, nulls, damage) takes that
    // path, which migrates and explains.
    if let Ok(current) = serde_json::from_str::<CurrentAccount>(raw) {
        if current.schema_version == u64::from(SCHEMA_VERSION)
            && current.account.id.as_str() == key_id
        {
            return Ok((current.account, false));
        }
    }
    let (version, body) = open(raw, "account")?;
    let migrated = version < u64::from(SCHEMA_VERSION);
    let body = if migrated {
        let mut parts = Map::new();
        parts.insert("accounts".into(), Value::Array(vec![body]));
        let mut out = migrate::migrate_embedded(parts, version).map_err(migrate_failure)?;
        match out.remove("accounts") {
            Some(Value::Array(mut a)) if a.len() == 1 => a.remove(0),
            _ => return Err(Failure::Bad("migration lost the account".into())),
        }
    } else {
        body
    };
    let account: Account = typed(body)?;
    if account.id.as_str() != key_id {
        return Err(Failure::Bad(format!(
            "the key names account '{key_id}' but the value holds account '{}'",
            account.id
        )));
    }
    Ok((account, migrated))
}

fn decode_legacy(raw: &str) -> Result<Workspace, Failure> {
    let doc: Value = serde_json::from_str(raw).map_err(|e| {
        Failure::Bad(format!(
            "not valid JSON ({}, line {}, column {})",
            json_error_kind(&e),
            e.line(),
            e.column()
        ))
    })?;
    let (doc, _) = migrate::migrate_workspace(doc).map_err(migrate_failure)?;
    let mut ws: Workspace = typed(doc)?;
    ws.schema_version = SCHEMA_VERSION;
    Ok(ws)
}

/// One value another tab wrote, as a storage event reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed {
    /// An account written (`Some`) or removed (`None`).
    Account(Id, Option<Box<Account>>),
    /// The account order.
    Index(Vec<Id>),
    /// The workspace without its accounts.
    Meta(Box<Workspace>),
}

/// Decodes the one value another tab wrote under `key` (`raw` is `None` when it removed
/// the key). `None` when this is not simply a current value of ours (damaged, of another
/// version, a removed index or meta, the legacy key): the caller then reads all of storage,
/// which quarantines, migrates or refuses as loading does.
pub fn decode_changed(key: &str, raw: Option<&str>) -> Option<Changed> {
    if key.starts_with(QUARANTINE_PREFIX) {
        return None;
    }
    if let Some(id) = key.strip_prefix(ACCOUNT_PREFIX) {
        let Some(raw) = raw else {
            return Some(Changed::Account(Id::new(id), None));
        };
        return match decode_account(id, raw) {
            Ok((account, Upgrade::None)) => {
                Some(Changed::Account(Id::new(id), Some(Box::new(account))))
            }
            _ => None,
        };
    }
    match (key, raw) {
        (INDEX_KEY, Some(raw)) => decode_index(raw).ok().map(Changed::Index),
        (META_KEY, Some(raw)) => match decode_meta(raw) {
            Ok((ws, false)) => Some(Changed::Meta(Box::new(ws))),
            _ => None,
        },
        _ => None,
    }
}

/// Reads an account's name from raw text that may not even be JSON: the `account.name` (or
/// top-level `name`) of valid JSON, else the first non-empty `"name": "…"` in the text
/// (an account's name comes right after its id in what this app writes).
pub fn guess_account_name(raw: &str) -> Option<String> {
    if let Some(inner) = salvage_packed(raw) {
        return guess_account_name(&inner);
    }
    let clean = |s: &str| {
        let s: String = s.trim().chars().take(200).collect();
        (!s.is_empty()).then_some(s)
    };
    if let Ok(v) = serde_json::from_str::<Value>(raw) {
        // Valid JSON: only the account's own name counts, never a contact's.
        return ["/account/name", "/name"]
            .iter()
            .find_map(|p| v.pointer(p).and_then(Value::as_str).and_then(clean));
    }
    let mut rest = raw;
    while let Some(at) = rest.find("\"name\"") {
        rest = &rest[at + 6..];
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix(':') else {
            continue;
        };
        let Some(body) = after.trim_start().strip_prefix('"') else {
            continue;
        };
        // Up to the first quote that is not escaped (or the end of a truncated value).
        let mut end = body.len();
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = i;
                    break;
                }
                _ => escaped = false,
            }
        }
        let inner = &body[..end];
        let text = serde_json::from_str::<String>(&format!("\"{inner}\""))
            .unwrap_or_else(|_| inner.to_string());
        if let Some(name) = clean(&text) {
            return Some(name);
        }
    }
    None
}

/// Decodes storage, each key on its own. See the module documentation and [`Loaded`].
pub fn decode_storage(entries: &[(String, String)]) -> Loaded {
    let mut quarantined = Vec::new();
    let mut newer: Vec<(String, u64)> = Vec::new();
    let mut repaired = Vec::new();
    let mut fresh = true;
    let mut failed = |f: Failure, key: &str, raw: &str, account: bool| match f {
        Failure::Bad(reason) => quarantined.push(Quarantined {
            key: key.to_string(),
            raw: raw.to_string(),
            reason,
            account_name: if account {
                guess_account_name(raw)
            } else {
                None
            },
        }),
        Failure::Newer(v) => newer.push((key.to_string(), v)),
    };

    let mut meta: Option<(Workspace, bool)> = None;
    let mut meta_present = false;
    let mut index: Option<Vec<Id>> = None;
    let mut index_present = false;
    let mut legacy: Option<Workspace> = None;
    let mut legacy_present = false;
    // Accounts from their own keys, in storage order, and whether each was migrated.
    let mut keyed: Vec<(Account, Upgrade)> = Vec::new();

    for (key, raw) in entries {
        if !key.starts_with(PREFIX) || key.starts_with(QUARANTINE_PREFIX) {
            continue;
        }
        if key == META_KEY {
            fresh = false;
            meta_present = true;
            match decode_meta(raw) {
                Ok(m) => meta = Some(m),
                Err(f) => failed(f, key, raw, false),
            }
        } else if key == INDEX_KEY {
            fresh = false;
            index_present = true;
            match decode_index(raw) {
                Ok(ids) => index = Some(ids),
                Err(f) => failed(f, key, raw, false),
            }
        } else if key == LEGACY_KEY {
            fresh = false;
            legacy_present = true;
            match decode_legacy(raw) {
                Ok(ws) => legacy = Some(ws),
                Err(f) => failed(f, key, raw, false),
            }
        } else if let Some(id) = key.strip_prefix(ACCOUNT_PREFIX) {
            fresh = false;
            match decode_account(id, raw) {
                Ok(a) => keyed.push(a),
                Err(f) => failed(f, key, raw, true),
            }
        }
        // Any other key under the prefix belongs to another part of the app.
    }

    let mut rewrite_accounts = Vec::new();
    let mut rewrite_meta = false;

    // The workspace without accounts: the meta key, else the legacy workspace, else defaults.
    let mut workspace = match (meta, &legacy) {
        (Some((ws, migrated)), _) => {
            if migrated {
                repaired.push("workspace settings were upgraded to the current format".into());
                rewrite_meta = true;
            }
            ws
        }
        (None, Some(old)) => {
            rewrite_meta = true;
            meta_clone(old)
        }
        (None, None) => {
            if !fresh && !meta_present {
                repaired.push(
                    "the workspace settings were missing; the default settings are used".into(),
                );
                rewrite_meta = true;
            }
            Workspace::default()
        }
    };

    // All accounts by id: the legacy ones, overridden by those under their own keys.
    let mut by_id: HashMap<Id, Arc<Account>> = HashMap::new();
    let mut storage_order: Vec<Id> = Vec::new();
    let legacy_decoded = legacy.is_some();
    if let Some(old) = legacy {
        if !old.accounts.is_empty() {
            repaired.push(format!(
                "{} accounts were moved from the old single-key format",
                old.accounts.len()
            ));
        }
        for a in old.accounts {
            if by_id.contains_key(&a.id) {
                continue;
            }
            storage_order.push(a.id.clone());
            rewrite_accounts.push(a.id.clone());
            by_id.insert(a.id.clone(), a);
        }
    }
    for (a, upgrade) in keyed {
        if upgrade != Upgrade::None {
            if upgrade == Upgrade::Migrated {
                repaired.push(format!(
                    "account '{}' was upgraded to the current format",
                    a.name
                ));
            }
            rewrite_accounts.push(a.id.clone());
        } else {
            // Its own key is current: no need to rewrite it from the legacy copy.
            rewrite_accounts.retain(|id| id != &a.id);
        }
        if !by_id.contains_key(&a.id) {
            storage_order.push(a.id.clone());
        }
        by_id.insert(a.id.clone(), Arc::new(a));
    }

    // Order: the index first, then accounts it does not list in storage order.
    let mut order: Vec<Id> = Vec::new();
    let mut placed: HashSet<Id> = HashSet::new();
    let quarantined_ids: HashSet<&str> = quarantined
        .iter()
        .filter_map(|q| q.key.strip_prefix(ACCOUNT_PREFIX))
        .collect();
    let newer_ids: HashSet<&str> = newer
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(ACCOUNT_PREFIX))
        .collect();
    let mut rewrite_index = false;
    let index_found = index.is_some();
    for id in index.unwrap_or_default() {
        if by_id.contains_key(&id) {
            if placed.insert(id.clone()) {
                order.push(id);
            } else {
                repaired.push(format!("account '{id}' was listed twice in the index"));
                rewrite_index = true;
            }
        } else {
            rewrite_index = true;
            if quarantined_ids.contains(id.as_str()) || newer_ids.contains(id.as_str()) {
                // Reported with the quarantined (or newer) value.
            } else {
                repaired.push(format!(
                    "the index listed account '{id}', whose data was not found; it was dropped"
                ));
            }
        }
    }
    let mut unlisted = 0;
    for id in storage_order {
        if placed.insert(id.clone()) {
            if index_found {
                let name = by_id.get(&id).map(|a| a.name.as_str()).unwrap_or("");
                repaired.push(format!(
                    "account '{name}' ({id}) was missing from the index and was restored"
                ));
            }
            unlisted += 1;
            order.push(id);
        }
    }
    if unlisted > 0 {
        rewrite_index = true;
        if !index_found && index_present {
            repaired.push(format!(
                "the account index could not be read; {unlisted} accounts were loaded in storage order"
            ));
        } else if !index_found && !legacy_present {
            repaired.push(format!(
                "the account index was missing; {unlisted} accounts were loaded in storage order"
            ));
        }
    }
    workspace.accounts = order
        .into_iter()
        .filter_map(|id| by_id.remove(&id))
        .collect();
    workspace.schema_version = SCHEMA_VERSION;

    let refused_newer = newer
        .iter()
        .map(|(_, v)| *v)
        .max()
        .map(|found| NewerSchema {
            found,
            known: SCHEMA_VERSION,
            keys: newer.iter().map(|(k, _)| k.clone()).collect(),
        });
    Loaded {
        workspace,
        quarantined,
        refused_newer,
        repaired,
        fresh,
        rewrite_accounts,
        rewrite_index,
        rewrite_meta,
        remove_legacy: legacy_decoded,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::model::{Contact, Opportunity, Segment, TeamMember, Timestamp};
    use proptest::prelude::*;

    pub(crate) fn ts(secs: i64) -> Timestamp {
        chrono::DateTime::from_timestamp(1_760_000_000 + secs, 0).unwrap()
    }

    pub(crate) fn account(id: &str, name: &str) -> Account {
        Account {
            id: Id::new(id),
            name: name.into(),
            fiscal_year_start_month: 1,
            ..Account::default()
        }
    }

    fn sample() -> Workspace {
        let mut ws = Workspace {
            id: Id::new("ws-1"),
            name: "Mine".into(),
            ..Workspace::default()
        };
        ws.team.push(TeamMember {
            id: Id::new("tm-1"),
            name: "Ann".into(),
            ..TeamMember::default()
        });
        let mut a = account("acc-1", "Acme");
        a.plan.contacts.push(Contact {
            id: Id::new("c-1"),
            name: "Zoë \"Z\" Smith".into(),
            ..Contact::default()
        });
        ws.accounts.push(Arc::new(a));
        ws.accounts.push(Arc::new(account("acc-2", "Globex")));
        ws
    }

    fn store(entries: &[(String, String)]) -> BTreeMap<String, String> {
        entries.iter().cloned().collect()
    }

    fn apply(storage: &mut BTreeMap<String, String>, writes: &[Write]) {
        for (k, v) in writes {
            match v {
                Some(v) => storage.insert(k.clone(), v.clone()),
                None => storage.remove(k),
            };
        }
    }

    fn load(storage: &BTreeMap<String, String>) -> Loaded {
        let entries: Vec<(String, String)> = storage
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        decode_storage(&entries)
    }

    fn keys(writes: &[Write]) -> Vec<(String, bool)> {
        writes
            .iter()
            .map(|(k, v)| (k.clone(), v.is_some()))
            .collect()
    }

    #[test]
    fn a_workspace_round_trips_through_storage() {
        let ws = sample();
        let entries = encode_storage(&ws);
        let got: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            got,
            [
                "account-planner/account/acc-1",
                "account-planner/account/acc-2",
                "account-planner/index",
                "account-planner/meta"
            ]
        );
        assert_eq!(
            entries[2].1,
            r#"{"accounts":["acc-1","acc-2"],"schema_version":1}"#
        );
        assert!(entries[3].1.contains(r#""schema_version":1"#));
        assert!(!entries[3].1.contains("\"accounts\""));
        let loaded = decode_storage(&entries);
        assert_eq!(loaded.workspace, ws);
        assert!(loaded.quarantined.is_empty() && loaded.repaired.is_empty());
        assert!(loaded.refused_newer.is_none() && !loaded.fresh);
        assert!(loaded.repair_writes().is_empty());
    }

    #[test]
    fn empty_storage_is_a_fresh_default_workspace() {
        let loaded = decode_storage(&[("other-app/x".into(), "{".into())]);
        assert!(loaded.fresh);
        assert_eq!(loaded.workspace, Workspace::default());
        assert!(loaded.repaired.is_empty() && loaded.quarantined.is_empty());
        assert!(loaded.repair_writes().is_empty());
    }

    #[test]
    fn only_what_changed_is_written_in_crash_safe_order() {
        let before = sample();
        // Nothing changed: nothing written.
        assert!(storage_writes(&before, &before).is_empty());

        // One account edited: just its key.
        let mut after = before.clone();
        Arc::make_mut(&mut after.accounts[1]).notes = "renewal at risk".into();
        assert_eq!(
            keys(&storage_writes(&before, &after)),
            [("account-planner/account/acc-2".into(), true)]
        );

        // An account deleted and another added: the new one, the index, then the removal.
        let mut after = before.clone();
        after.accounts.remove(0);
        after.accounts.push(Arc::new(account("acc-3", "Initech")));
        assert_eq!(
            keys(&storage_writes(&before, &after)),
            [
                ("account-planner/account/acc-3".into(), true),
                ("account-planner/index".into(), true),
                ("account-planner/account/acc-1".into(), false),
            ]
        );

        // Reordered: only the index. Renamed workspace: only the meta.
        let mut after = before.clone();
        after.accounts.reverse();
        after.name = "Renamed".into();
        assert_eq!(
            keys(&storage_writes(&before, &after)),
            [
                ("account-planner/index".into(), true),
                ("account-planner/meta".into(), true)
            ]
        );
    }

    #[test]
    fn an_account_deleted_by_another_tab_is_not_brought_back() {
        let ws = sample();
        let mut s = store(&encode_storage(&ws));
        // The other tab deleted acc-1: index first, then the key.
        let mut other = ws.clone();
        other.accounts.retain(|a| a.id.as_str() != "acc-1");
        apply(&mut s, &storage_writes(&ws, &other));
        let present: Vec<String> = s.keys().cloned().collect();
        let index = s.get(INDEX_KEY).cloned();
        // This tab changed nothing yet about acc-1 and still shows it.
        let writes = writes_after_loss(&ws, &present, index.as_deref(), &ws, &Scope::All);
        assert!(writes.is_empty(), "{:?}", keys(&writes));
        // Behind the app's back (no index change): it is written again.
        let mut s = store(&encode_storage(&ws));
        s.remove(&account_key(&Id::new("acc-1")));
        let present: Vec<String> = s.keys().cloned().collect();
        let index = s.get(INDEX_KEY).cloned();
        let writes = writes_after_loss(&ws, &present, index.as_deref(), &ws, &Scope::All);
        assert_eq!(
            keys(&writes)[0],
            ("account-planner/account/acc-1".to_string(), true)
        );
        assert!(keys(&writes)[1..].iter().all(|(k, _)| k == INDEX_KEY));
        apply(&mut s, &writes);
        assert_eq!(load(&s).workspace, ws);
    }

    #[test]
    fn a_damaged_account_is_quarantined_with_its_name_and_the_rest_loads() {
        let mut s = store(&encode_storage(&sample()));
        let raw = r#"{"schema_version":1,"account":{"id":"acc-1","name":"Acme","segment":"mega"}}"#;
        s.insert("account-planner/account/acc-1".into(), raw.into());
        let loaded = load(&s);
        assert_eq!(loaded.workspace.accounts.len(), 1);
        assert_eq!(loaded.workspace.accounts[0].name, "Globex");
        assert_eq!(loaded.quarantined.len(), 1);
        let q = &loaded.quarantined[0];
        assert_eq!(q.key, "account-planner/account/acc-1");
        assert_eq!(q.raw, raw);
        assert_eq!(q.account_name.as_deref(), Some("Acme"));
        assert!(q.reason.contains("unknown variant `mega`"), "{}", q.reason);
        // Dropping it from the index is not a second message.
        assert!(loaded.repaired.is_empty(), "{:?}", loaded.repaired);
        let writes = loaded.repair_writes();
        assert_eq!(
            keys(&writes),
            [
                (
                    "account-planner/quarantine/account-planner/account/acc-1".into(),
                    true
                ),
                ("account-planner/index".into(), true)
            ]
        );
        assert_eq!(writes[0].1.as_deref(), Some(raw));
    }

    #[test]
    fn truncated_json_is_quarantined_and_the_name_still_guessed() {
        let mut s = store(&encode_storage(&sample()));
        let packed = s["account-planner/account/acc-1"].clone();
        let plain = unpack(&packed).unwrap().unwrap();
        // A packed value and a plain one of an earlier version, each cut in half.
        for full in [packed, plain] {
            let cut: String = full.chars().take(full.chars().count() / 2).collect();
            s.insert("account-planner/account/acc-1".into(), cut.clone());
            let loaded = load(&s);
            let q = &loaded.quarantined[0];
            assert_eq!(q.raw, cut);
            assert_eq!(q.account_name.as_deref(), Some("Acme"));
            assert!(
                q.reason.starts_with("not valid JSON (it ends too early"),
                "{}",
                q.reason
            );
        }
    }

    #[test]
    fn account_names_are_guessed_from_escaped_or_broken_text() {
        assert_eq!(
            guess_account_name(r#"{"account":{"id":"x","name" : "A \"B\" \u00e9"#),
            Some("A \"B\" é".into())
        );
        assert_eq!(
            guess_account_name(r#"{"name":"", "x": {"name": "Inner"}}"#),
            None
        );
        assert_eq!(
            guess_account_name(r#"garbage "name": "Cut off"#),
            Some("Cut off".into())
        );
        assert_eq!(guess_account_name("not json at all"), None);
        assert_eq!(guess_account_name(r#""name":"#), None);
    }

    #[test]
    fn a_damaged_meta_or_index_costs_nothing_else() {
        let ws = sample();
        let mut s = store(&encode_storage(&ws));
        s.insert(
            META_KEY.into(),
            "{\"schema_version\":1,\"workspace\":[]}".into(),
        );
        s.insert(INDEX_KEY.into(), "}{".into());
        let loaded = load(&s);
        assert_eq!(loaded.quarantined.len(), 2);
        assert!(loaded.quarantined.iter().all(|q| q.account_name.is_none()));
        // Both accounts still load, in key order.
        let ids: Vec<&str> = loaded
            .workspace
            .accounts
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["acc-1", "acc-2"]);
        assert_eq!(loaded.workspace.accounts, ws.accounts);
        assert_eq!(
            loaded.repaired,
            ["the account index could not be read; 2 accounts were loaded in storage order"]
        );
        // The damaged meta is backed up but not overwritten with defaults.
        let writes = loaded.repair_writes();
        assert!(writes.iter().all(|(k, _)| k != META_KEY));
        assert_eq!(writes.len(), 3);
    }

    #[test]
    fn a_key_holding_another_account_is_quarantined() {
        let mut s = store(&encode_storage(&sample()));
        let other = s["account-planner/account/acc-2"].clone();
        s.insert("account-planner/account/acc-1".into(), other);
        let loaded = load(&s);
        assert_eq!(loaded.quarantined.len(), 1);
        assert_eq!(
            loaded.quarantined[0].reason,
            "the key names account 'acc-1' but the value holds account 'acc-2'"
        );
        assert_eq!(loaded.workspace.accounts.len(), 1);
    }

    #[test]
    fn a_newer_value_is_refused_and_nothing_may_be_written() {
        let mut s = store(&encode_storage(&sample()));
        s.insert(
            "account-planner/account/acc-2".into(),
            r#"{"schema_version":9,"account":{"id":"acc-2","shiny":true}}"#.into(),
        );
        let loaded = load(&s);
        let newer = loaded.refused_newer.clone().unwrap();
        assert_eq!(newer.found, 9);
        assert_eq!(newer.known, SCHEMA_VERSION);
        assert_eq!(newer.keys, ["account-planner/account/acc-2"]);
        assert!(newer.message().contains("newer version"));
        assert!(loaded.quarantined.is_empty());
        assert_eq!(loaded.workspace.accounts.len(), 1);
        assert!(loaded.repair_writes().is_empty());
    }

    #[test]
    fn unlisted_keys_are_restored_and_missing_keys_dropped_from_the_index() {
        let ws = sample();
        let mut s = store(&encode_storage(&ws));
        s.insert(
            INDEX_KEY.into(),
            r#"{"schema_version":1,"accounts":["acc-2","ghost","acc-2"]}"#.into(),
        );
        let loaded = load(&s);
        let ids: Vec<&str> = loaded
            .workspace
            .accounts
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["acc-2", "acc-1"]);
        assert_eq!(
            loaded.repaired,
            [
                "the index listed account 'ghost', whose data was not found; it was dropped",
                "account 'acc-2' was listed twice in the index",
                "account 'Acme' (acc-1) was missing from the index and was restored",
            ]
        );
        let writes = loaded.repair_writes();
        assert_eq!(keys(&writes), [("account-planner/index".into(), true)]);
        apply(&mut s, &writes);
        let again = load(&s);
        assert!(again.repaired.is_empty());
        assert_eq!(again.workspace, loaded.workspace);
    }

    #[test]
    fn per_key_values_of_version_0_are_migrated_and_rewritten() {
        let mut s = BTreeMap::new();
        s.insert(
            META_KEY.into(),
            r#"{"workspace":{"id":"ws-1","name":"Old","members":[{"id":"tm-1","name":"Ann"}]}}"#
                .into(),
        );
        s.insert(
            "account-planner/account/acc-1".into(),
            r#"{"account":{"id":"acc-1","name":"Acme","plan_year":2025,"goals":[{"id":"g","title":"Grow"}]}}"#
                .into(),
        );
        s.insert(INDEX_KEY.into(), r#"{"accounts":["acc-1"]}"#.into());
        let loaded = load(&s);
        assert!(loaded.quarantined.is_empty());
        let ws = &loaded.workspace;
        assert_eq!(ws.team[0].name, "Ann");
        assert_eq!(ws.accounts[0].plan.year, 2025);
        assert_eq!(ws.accounts[0].plan.goals[0].title, "Grow");
        assert_eq!(
            keys(&loaded.repair_writes()),
            [
                ("account-planner/account/acc-1".into(), true),
                ("account-planner/meta".into(), true)
            ]
        );
        apply(&mut s, &loaded.repair_writes());
        let again = load(&s);
        assert!(again.repaired.is_empty() && again.repair_writes().is_empty());
        assert_eq!(&again.workspace, ws);
    }

    #[test]
    fn the_legacy_single_key_moves_to_the_per_key_layout() {
        let legacy = r#"{"id":"ws-0","name":"Dev","members":[],"accounts":[
            {"id":"a","name":"A","plan_year":2024},{"id":"b","name":"B"}]}"#;
        let mut s = BTreeMap::new();
        s.insert(LEGACY_KEY.to_string(), legacy.to_string());
        let loaded = load(&s);
        assert_eq!(loaded.workspace.name, "Dev");
        assert_eq!(loaded.workspace.accounts.len(), 2);
        assert_eq!(loaded.workspace.accounts[0].plan.year, 2024);
        let writes = loaded.repair_writes();
        assert_eq!(
            keys(&writes),
            [
                ("account-planner/account/a".into(), true),
                ("account-planner/account/b".into(), true),
                ("account-planner/index".into(), true),
                ("account-planner/meta".into(), true),
                ("account-planner/workspace".into(), false),
            ]
        );
        // Every prefix of the move loads the same workspace.
        for n in 0..=writes.len() {
            let mut t = s.clone();
            apply(&mut t, &writes[..n]);
            let l = load(&t);
            assert!(l.quarantined.is_empty());
            assert_eq!(l.workspace, loaded.workspace, "after {n} writes");
        }
        let mut t = s.clone();
        apply(&mut t, &writes);
        assert!(load(&t).repaired.is_empty());
    }

    #[test]
    fn a_nan_number_does_not_quarantine_the_account() {
        let mut ws = sample();
        Arc::make_mut(&mut ws.accounts[0])
            .plan
            .opportunities
            .push(Opportunity {
                id: Id::new("o"),
                probability: f64::NAN,
                value: Some(f64::INFINITY),
                ..Opportunity::default()
            });
        let loaded = decode_storage(&encode_storage(&ws));
        assert!(loaded.quarantined.is_empty());
        let o = &loaded.workspace.accounts[0].plan.opportunities[0];
        assert_eq!((o.probability, o.value), (0.0, None));
    }

    #[test]
    fn accounts_are_stored_packed_and_read_back() {
        let ws = sample();
        let s = store(&encode_storage(&ws));
        let raw = &s["account-planner/account/acc-1"];
        assert!(
            raw.starts_with(r#"{"schema_version":2,"deflate":""#),
            "{raw}"
        );
        let inner = unpack(raw).unwrap().unwrap();
        assert!(inner.contains(r#""name":"Zoë \"Z\" Smith""#), "{inner}");
        assert!(
            !inner.contains(":null"),
            "null members are left out: {inner}"
        );
        let loaded = load(&s);
        assert_eq!(loaded.workspace, ws);
        assert!(loaded.repair_writes().is_empty());
    }

    #[test]
    fn plain_accounts_from_before_packing_load_and_are_rewritten_packed_silently() {
        let ws = sample();
        let mut s = store(&encode_storage(&ws));
        for id in ["acc-1", "acc-2"] {
            let key = format!("account-planner/account/{id}");
            let plain = unpack(&s[&key]).unwrap().unwrap();
            s.insert(key, plain);
        }
        let loaded = load(&s);
        assert_eq!(loaded.workspace, ws);
        assert!(loaded.repaired.is_empty(), "{:?}", loaded.repaired);
        let writes = loaded.repair_writes();
        assert_eq!(
            keys(&writes),
            [
                ("account-planner/account/acc-1".into(), true),
                ("account-planner/account/acc-2".into(), true)
            ]
        );
        apply(&mut s, &writes);
        assert!(s["account-planner/account/acc-2"].contains(r#""deflate":"#));
        assert!(load(&s).repair_writes().is_empty());
    }

    #[test]
    fn a_packed_value_of_format_2_still_opens() {
        // Written by this format's first release: a change to the dictionary or the text
        // alphabet that would strand stored data fails here.
        let raw = include_str!("../../tests/fixtures/packed-account-v2.txt").trim_end();
        let (account, upgrade) = decode_account("acc-1", raw).ok().unwrap();
        assert_eq!(upgrade, Upgrade::None);
        assert_eq!(account, *sample().accounts[0]);
    }

    #[test]
    fn packed_values_of_a_newer_format_make_storage_read_only() {
        let mut s = store(&encode_storage(&sample()));
        let key = "account-planner/account/acc-2".to_string();
        let newer = s[&key].replacen(r#""schema_version":2"#, r#""schema_version":3"#, 1);
        s.insert(key.clone(), newer);
        let loaded = load(&s);
        let refused = loaded.refused_newer.as_ref().unwrap();
        assert_eq!((refused.found, refused.keys.clone()), (3, vec![key]));
        assert!(loaded.repair_writes().is_empty());
    }

    #[test]
    fn a_damaged_packed_value_is_quarantined_with_the_reason_and_its_name() {
        let mut s = store(&encode_storage(&sample()));
        let key = "account-planner/account/acc-1".to_string();
        let raw = s[&key].clone();
        // One character of the compressed text replaced by one outside its alphabet.
        let end = raw.find(r#"","deflate_bytes""#).unwrap();
        let at = raw[..end].char_indices().rev().nth(3).unwrap().0;
        let damaged = format!(
            "{}~{}",
            &raw[..at],
            &raw[at + raw[at..].chars().next().unwrap().len_utf8()..]
        );
        s.insert(key.clone(), damaged.clone());
        let loaded = load(&s);
        let q = &loaded.quarantined[0];
        assert_eq!(
            (q.key.as_str(), q.raw.as_str()),
            (key.as_str(), damaged.as_str())
        );
        assert!(
            q.reason
                .starts_with("the packed value is damaged: its text holds a foreign character"),
            "{}",
            q.reason
        );
        assert_eq!(q.account_name.as_deref(), Some("Acme"));
        assert!(loaded.workspace.account(&Id::new("acc-2")).is_some());
    }

    #[test]
    fn a_busy_account_packs_to_a_fraction_of_its_json() {
        let ws = crate::domain::sample::synthetic::synthetic_workspace(
            3,
            2,
            &crate::domain::sample::synthetic::BENCH,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        );
        for a in &ws.accounts {
            let plain = unpack(&encode_account(a)).unwrap().unwrap();
            let packed = encode_account(a).chars().count();
            assert!(
                packed * 12 < plain.len(),
                "{packed} chars packed, {} plain",
                plain.len()
            );
        }
    }

    #[test]
    fn one_changed_value_decodes_on_its_own_and_anything_unusual_asks_for_a_full_read() {
        let ws = sample();
        let s = store(&encode_storage(&ws));
        let acc1 = "account-planner/account/acc-1";
        assert_eq!(
            decode_changed(acc1, Some(&s[acc1])),
            Some(Changed::Account(
                Id::new("acc-1"),
                Some(Box::new(Account::clone(&ws.accounts[0])))
            ))
        );
        assert_eq!(
            decode_changed(acc1, None),
            Some(Changed::Account(Id::new("acc-1"), None))
        );
        assert_eq!(
            decode_changed(INDEX_KEY, Some(&s[INDEX_KEY])),
            Some(Changed::Index(vec![Id::new("acc-1"), Id::new("acc-2")]))
        );
        let Some(Changed::Meta(meta)) = decode_changed(META_KEY, Some(&s[META_KEY])) else {
            panic!("the meta decodes");
        };
        assert_eq!((meta.name.as_str(), meta.team.len()), ("Mine", 1));
        // Damaged, plain of before packing, under another key's id, newer, removed meta.
        let plain = unpack(&s[acc1]).unwrap().unwrap();
        let newer = s[acc1].replacen(r#""schema_version":2"#, r#""schema_version":3"#, 1);
        for (key, raw) in [
            (acc1, Some("{")),
            (acc1, Some(plain.as_str())),
            ("account-planner/account/acc-2", Some(s[acc1].as_str())),
            (acc1, Some(newer.as_str())),
            (META_KEY, None),
            (INDEX_KEY, None),
            (LEGACY_KEY, Some("{}")),
        ] {
            assert_eq!(decode_changed(key, raw), None, "{key}: {raw:?}");
        }
    }

    #[test]
    fn quarantine_backups_are_never_read_back() {
        let mut s = store(&encode_storage(&sample()));
        s.insert(quarantine_key("account-planner/account/zzz"), "{bad".into());
        let loaded = load(&s);
        assert!(loaded.quarantined.is_empty() && loaded.repaired.is_empty());
        assert_eq!(
            quarantine_key("account-planner/meta"),
            "account-planner/quarantine/account-planner/meta"
        );
    }

    const POOL: [&str; 6] = ["a0", "a1", "a2", "a3", "a4", "a/5 é"];

    pub(crate) fn arb_account(id: &'static str) -> impl Strategy<Value = Account> {
        (
            "[A-Za-z ]{0,10}",
            "\\PC{0,12}",
            0u8..4,
            any::<bool>(),
            proptest::option::of(0i64..1_000),
            proptest::collection::vec("[a-z]{1,6}", 0..3),
        )
            .prop_map(move |(name, notes, seg, archived, t, contacts)| Account {
                id: Id::new(id),
                name,
                notes,
                segment: [
                    Segment::Strategic,
                    Segment::Key,
                    Segment::Growth,
                    Segment::Maintain,
                ][seg as usize],
                archived,
                fiscal_year_start_month: 1,
                updated_at: t.map(ts),
                plan: crate::domain::model::AccountPlan {
                    contacts: contacts
                        .into_iter()
                        .enumerate()
                        .map(|(i, n)| Contact {
                            id: Id::new(format!("c{i}")),
                            name: n,
                            ..Contact::default()
                        })
                        .collect(),
                    ..Default::default()
                },
                ..Account::default()
            })
    }

    /// A workspace with some accounts of `POOL`, in random order.
    pub(crate) fn arb_workspace() -> impl Strategy<Value = Workspace> {
        let accounts = POOL.map(|id| proptest::option::of(arb_account(id)));
        (accounts, "[A-Za-z]{0,6}", any::<bool>(), any::<u64>()).prop_map(
            |(accounts, name, demo, seed)| {
                let mut accounts: Vec<Account> = accounts.into_iter().flatten().collect();
                // A cheap deterministic shuffle from the seed.
                let n = accounts.len();
                for i in (1..n).rev() {
                    let j = (seed.rotate_left(i as u32 * 7) % (i as u64 + 1)) as usize;
                    accounts.swap(i, j);
                }
                Workspace {
                    id: Id::new("ws"),
                    name,
                    demo,
                    accounts: accounts.into_iter().map(Arc::new).collect(),
                    ..Workspace::default()
                }
            },
        )
    }

    /// `before` and an `after` that keeps, changes, adds, deletes and reorders accounts.
    fn arb_change() -> impl Strategy<Value = (Workspace, Workspace)> {
        (
            arb_workspace(),
            arb_workspace(),
            [0u8..3, 0u8..3, 0u8..3, 0u8..3, 0u8..3, 0u8..3],
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(before, other, ops, meta_from_other, reverse)| {
                let mut after = if meta_from_other {
                    meta_clone(&other)
                } else {
                    meta_clone(&before)
                };
                let mut ids: Vec<Id> = before.accounts.iter().map(|a| a.id.clone()).collect();
                for a in &other.accounts {
                    if !ids.contains(&a.id) {
                        ids.push(a.id.clone());
                    }
                }
                for id in ids {
                    let i = POOL.iter().position(|p| *p == id.as_str()).unwrap();
                    let (b, o) = (before.account(&id), other.account(&id));
                    let pick = match ops[i] {
                        0 => b,
                        1 => o,
                        _ => b.or(o),
                    };
                    if let Some(a) = pick {
                        after.accounts.push(Arc::new(a.clone()));
                    }
                }
                if reverse {
                    after.accounts.reverse();
                }
                (before, after)
            })
    }

    /// Storage holding `ws`, with the keys (in key order) whose `lost` flag is set removed
    /// behind the app: the storage, the keys left and the raw index.
    fn stored_with_losses(
        ws: &Workspace,
        lost: &[bool],
    ) -> (BTreeMap<String, String>, Vec<String>, Option<String>) {
        let mut s = store(&encode_storage(ws));
        let keys: Vec<String> = s.keys().cloned().collect();
        for (k, gone) in keys.iter().zip(lost) {
            if *gone {
                s.remove(k);
            }
        }
        let present = s.keys().cloned().collect();
        let index = s.get(INDEX_KEY).cloned();
        (s, present, index)
    }

    /// Keys of ours (data and backups), of another app on the same origin, and odd ones.
    fn arb_key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(META_KEY.to_string()),
            Just(INDEX_KEY.to_string()),
            Just(LEGACY_KEY.to_string()),
            "[a-z0-9-]{1,12}".prop_map(|id| format!("{ACCOUNT_PREFIX}{id}")),
            "[a-z/]{0,12}".prop_map(|k| format!("{QUARANTINE_PREFIX}{k}")),
            "[a-z/]{0,12}".prop_map(|k| format!("{PREFIX}{k}")),
            "[a-zA-Z/-]{0,20}",
        ]
    }

    proptest! {
        /// The app skips the codec when storage holds no data key of ours: decoding such
        /// storage must find a first visit, with nothing to repair, set aside or refuse.
        #[test]
        fn storage_without_a_data_key_decodes_as_a_first_visit(
            entries in proptest::collection::vec((arb_key(), ".{0,40}"), 0..8)
        ) {
            let loaded = decode_storage(&entries);
            if !entries.iter().any(|(k, _)| is_data_key(k)) {
                prop_assert!(loaded.fresh);
                prop_assert_eq!(&loaded.workspace, &Workspace::default());
                prop_assert!(loaded.quarantined.is_empty());
                prop_assert!(loaded.refused_newer.is_none());
                prop_assert!(loaded.repair_writes().is_empty());
            }
        }

        #[test]
        fn every_prefix_of_the_writes_leaves_loadable_storage((before, after) in arb_change()) {
            let base = store(&encode_storage(&before));
            prop_assert_eq!(&load(&base).workspace, &before);
            let writes = storage_writes(&before, &after);
            for n in 0..=writes.len() {
                let mut s = base.clone();
                apply(&mut s, &writes[..n]);
                let loaded = load(&s);
                prop_assert!(loaded.quarantined.is_empty());
                prop_assert!(loaded.refused_newer.is_none());
                for a in &loaded.workspace.accounts {
                    prop_assert!(
                        before.account(&a.id) == Some(a) || after.account(&a.id) == Some(a),
                        "account {} is neither version after {} writes", a.id, n
                    );
                }
                // Nothing present on both sides is ever missing.
                for a in &after.accounts {
                    if before.account(&a.id).is_some() {
                        prop_assert!(loaded.workspace.account(&a.id).is_some());
                    }
                }
                let meta = encode_meta(&loaded.workspace);
                prop_assert!(meta == encode_meta(&before) || meta == encode_meta(&after));
            }
            let mut s = base.clone();
            apply(&mut s, &writes);
            let loaded = load(&s);
            prop_assert_eq!(&loaded.workspace, &after);
            prop_assert!(loaded.repaired.is_empty());
            prop_assert_eq!(store(&encode_storage(&after)), s);
        }

        #[test]
        fn keys_removed_behind_our_back_are_written_again(
            (before, after) in arb_change(),
            lost in proptest::collection::vec(any::<bool>(), 0..12),
        ) {
            let (mut s, present, index) = stored_with_losses(&before, &lost);
            let writes = writes_after_loss(&before, &present, index.as_deref(), &after, &Scope::All);
            apply(&mut s, &writes);
            let loaded = load(&s);
            prop_assert_eq!(&loaded.workspace, &after);
            prop_assert!(loaded.repaired.is_empty(), "{:?}", loaded.repaired);
            prop_assert_eq!(store(&encode_storage(&after)), s);
        }

        #[test]
        fn a_save_scoped_to_the_changed_accounts_ends_where_a_full_one_does(
            (before, after) in arb_change(),
            lost in proptest::collection::vec(any::<bool>(), 0..12),
            extra in any::<bool>(),
        ) {
            // The accounts that differ, were added or deleted; sometimes one more.
            let mut changed: FxHashSet<Id> = after
                .accounts
                .iter()
                .filter(|a| before.account(&a.id) != Some(*a))
                .chain(before.accounts.iter().filter(|a| after.account(&a.id).is_none()))
                .map(|a| a.id.clone())
                .collect();
            if extra {
                changed.extend(after.accounts.first().map(|a| a.id.clone()));
            }
            let scope = Scope::Accounts(changed);
            let (mut s, present, index) = stored_with_losses(&before, &lost);
            let writes = writes_after_loss(&before, &present, index.as_deref(), &after, &scope);
            apply(&mut s, &writes);
            prop_assert_eq!(store(&encode_storage(&after)), s);
            let mut saved = before.clone();
            record_saved(&mut saved, &after, &scope);
            // What was saved is shared with the workspace, not copied.
            for s in saved.accounts.iter().filter(|s| scope.has(&s.id)) {
                prop_assert!(after.accounts.iter().any(|a| Arc::ptr_eq(s, a)));
            }
            prop_assert_eq!(saved, after);
        }

        #[test]
        fn any_raw_text_in_any_key_never_panics(
            which in 0usize..4,
            raw in prop_oneof!["\\PC{0,80}", "\\{\"schema_version\":[0-9]{1,3},\"(account|workspace|accounts)\":\\PC{0,40}"],
        ) {
            let mut s = store(&encode_storage(&sample()));
            let key = [META_KEY, INDEX_KEY, "account-planner/account/acc-1", LEGACY_KEY][which];
            s.insert(key.into(), raw);
            let loaded = load(&s);
            // The other account always survives.
            prop_assert!(loaded.workspace.account(&Id::new("acc-2")).is_some());
        }
    }
}
