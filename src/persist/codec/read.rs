//! Decoding: everything storage holds, each key on its own, and the one value another tab
//! wrote.

use std::collections::hash_map::Entry;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::{Map, Value};

use super::keys::{
    account_key, quarantine_key, ACCOUNT_PREFIX, INDEX_KEY, META_KEY, PREFIX, QUARANTINE_PREFIX,
};
use super::write::{encode_account, encode_index, encode_meta, Write};
use crate::domain::model::{Account, Id, Workspace, SCHEMA_VERSION};
use crate::domain::summary::AccountSummary;
use crate::persist::migrate::{self, MigrateError};
use crate::persist::packed::{self, unpack, UnpackError};

#[cfg(test)]
mod tests;

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
}

impl Loaded {
    /// The writes that back up quarantined values and bring storage to the current layout
    /// and version, in a crash-safe order: backups, accounts, index, meta. Empty when
    /// storage holds newer data (nothing may be written).
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
        out
    }
}

/// Why one stored value did not open.
pub(super) enum Failure {
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

pub(super) fn decode_meta(raw: &str) -> Result<(Workspace, bool), Failure> {
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

pub(super) fn decode_index(raw: &str) -> Result<Vec<Id>, Failure> {
    // The index has had one shape since version 0: no migration.
    let (_, body) = open(raw, "accounts")?;
    typed(body)
}

/// How an account read from storage should be written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Upgrade {
    /// Current: leave it.
    None,
    /// Of an older schema: rewritten, and the user told.
    Migrated,
    /// Current but plain JSON, from before packing, or packed without a summary: rewritten
    /// packed with its summary, silently.
    Repack,
}

fn decode_account(key_id: &str, raw: &str) -> Result<(Account, Upgrade), Failure> {
    let unpacked = unpack(raw).map_err(|e| match e {
        UnpackError::Newer(v) => Failure::Newer(v),
        UnpackError::Damaged(why) => Failure::Bad(why),
    })?;
    let (account, migrated) = decode_account_json(key_id, unpacked.as_deref().unwrap_or(raw))?;
    // A packed value from before summaries is rewritten too, for the next start's first
    // screen (see `read_summaries`).
    let summarised = || packed::summary_of::<IgnoredAny>(raw).is_some();
    let upgrade = match (migrated, unpacked.is_some()) {
        (true, _) => Upgrade::Migrated,
        (false, true) if summarised() => Upgrade::None,
        (false, _) => Upgrade::Repack,
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
/// version, a removed index or meta): the caller then reads all of storage, which
/// quarantines, migrates or refuses as loading does.
pub fn decode_changed(key: &str, raw: Option<&str>) -> Option<Changed> {
    match (kind_of(key)?, raw) {
        (Kind::Account(id), None) => Some(Changed::Account(Id::new(id), None)),
        (Kind::Account(id), Some(raw)) => match decode_account(id, raw) {
            Ok((account, Upgrade::None)) => {
                Some(Changed::Account(Id::new(id), Some(Box::new(account))))
            }
            _ => None,
        },
        (Kind::Index, Some(raw)) => decode_index(raw).ok().map(Changed::Index),
        (Kind::Meta, Some(raw)) => match decode_meta(raw) {
            Ok((ws, false)) => Some(Changed::Meta(Box::new(ws))),
            _ => None,
        },
        (Kind::Index | Kind::Meta, None) => None,
    }
}

/// Reads an account's name from raw text that may not even be JSON: the `account.name` (or
/// top-level `name`) of valid JSON, else the first non-empty `"name": "…"` in the text
/// (an account's name comes right after its id in what this app writes).
pub fn guess_account_name(raw: &str) -> Option<String> {
    let clean = |s: &str| {
        let s: String = s.trim().chars().take(200).collect();
        (!s.is_empty()).then_some(s)
    };
    // The summary a packed value starts with names it, however damaged the rest is.
    if let Some(summary) = packed::summary_of::<AccountSummary>(raw) {
        return clean(&summary.name);
    }
    if let Some(inner) = packed::salvage(raw) {
        return guess_account_name(&inner);
    }
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
    decode_storage_with(entries, AccountDecodes::new(entries))
}

/// The accounts of `entries` decoded one at a time (the slow part of a start), so that a
/// caller can spread the work over several turns of the page; then
/// [`decode_storage_with`] decodes the rest of storage with them.
pub struct AccountDecodes {
    /// For each entry, its account's decode once done: shared, so that what the workspace
    /// holds in the end is the very allocation a caller saw decoded ([`AccountDecodes::last`]).
    done: Vec<Option<Decoded>>,
    /// The next entry to look at.
    next: usize,
    /// The entry decoded last.
    last: Option<usize>,
}

type Decoded = Result<(Arc<Account>, Upgrade), Failure>;

fn decode_shared(id: &str, raw: &str) -> Decoded {
    decode_account(id, raw).map(|(account, upgrade)| (Arc::new(account), upgrade))
}

impl AccountDecodes {
    pub fn new(entries: &[(String, String)]) -> Self {
        AccountDecodes {
            done: std::iter::repeat_with(|| None)
                .take(entries.len())
                .collect(),
            next: 0,
            last: None,
        }
    }

    /// The account [`AccountDecodes::decode_next`] decoded last, if it opened.
    pub fn last(&self) -> Option<&Arc<Account>> {
        match self.done.get(self.last?)? {
            Some(Ok((account, _))) => Some(account),
            _ => None,
        }
    }

    /// Decodes the next account of `entries` (the same entries as [`AccountDecodes::new`]);
    /// `false` once there are none left.
    pub fn decode_next(&mut self, entries: &[(String, String)]) -> bool {
        while let Some((key, raw)) = entries.get(self.next) {
            let at = self.next;
            self.next += 1;
            if let Some(Kind::Account(id)) = kind_of(key) {
                self.done[at] = Some(decode_shared(id, raw));
                self.last = Some(at);
                return true;
            }
        }
        false
    }

    /// The decode of entry `at`: taken if done, else done now.
    fn take(&mut self, at: usize, id: &str, raw: &str) -> Decoded {
        match self.done.get_mut(at).and_then(Option::take) {
            Some(done) => done,
            None => decode_shared(id, raw),
        }
    }
}

/// [`decode_storage`], with the accounts that `decodes` has decoded already.
pub fn decode_storage_with(entries: &[(String, String)], decodes: AccountDecodes) -> Loaded {
    let found = Found::read(entries, decodes);
    let mut repairs = Repairs::default();
    let meta_missing = !found.fresh && !found.meta_present;
    let mut workspace = meta_or_default(found.meta, meta_missing, &mut repairs);
    let unplaced = Unplaced::new(found.accounts, &mut repairs);
    let set_aside = set_aside_ids(&found.quarantined, &found.newer);
    workspace.accounts = order_accounts(
        found.index.as_deref(),
        found.index_present,
        unplaced,
        &set_aside,
        &mut repairs,
    );
    workspace.schema_version = SCHEMA_VERSION;
    Loaded {
        workspace,
        quarantined: found.quarantined,
        refused_newer: refused_newer(found.newer),
        repaired: repairs.notes,
        fresh: found.fresh,
        rewrite_accounts: repairs.accounts,
        rewrite_index: repairs.index,
        rewrite_meta: repairs.meta,
    }
}

/// What a key of ours holds.
pub(super) enum Kind<'a> {
    Meta,
    Index,
    /// An account, with the id its key names.
    Account(&'a str),
}

/// The kind of `key`; `None` for a key that is not ours to decode: another app's, a
/// quarantine backup, or another part of the app's under [`PREFIX`].
pub(super) fn kind_of(key: &str) -> Option<Kind<'_>> {
    if !key.starts_with(PREFIX) || key.starts_with(QUARANTINE_PREFIX) {
        None
    } else if key == META_KEY {
        Some(Kind::Meta)
    } else if key == INDEX_KEY {
        Some(Kind::Index)
    } else {
        key.strip_prefix(ACCOUNT_PREFIX).map(Kind::Account)
    }
}

/// Every key of ours, decoded on its own, in one pass in storage order.
#[derive(Default)]
struct Found<'a> {
    /// The meta, and whether it was migrated.
    meta: Option<(Workspace, bool)>,
    /// Whether storage holds the meta key at all (even when its value did not open).
    meta_present: bool,
    index: Option<Vec<Id>>,
    index_present: bool,
    /// The accounts that opened, in storage order: the id their key names, the account and
    /// how it must be written back.
    accounts: Vec<(&'a str, Arc<Account>, Upgrade)>,
    quarantined: Vec<Quarantined>,
    /// The keys written by a newer app, with their versions.
    newer: Vec<(String, u64)>,
    /// No key of ours at all: a first visit.
    fresh: bool,
}

impl<'a> Found<'a> {
    fn read(entries: &'a [(String, String)], mut decodes: AccountDecodes) -> Self {
        let mut found = Found {
            fresh: true,
            ..Found::default()
        };
        for (at, (key, raw)) in entries.iter().enumerate() {
            let Some(kind) = kind_of(key) else {
                continue;
            };
            found.fresh = false;
            match kind {
                Kind::Meta => {
                    found.meta_present = true;
                    match decode_meta(raw) {
                        Ok(meta) => found.meta = Some(meta),
                        Err(f) => found.set_aside(f, key, raw, false),
                    }
                }
                Kind::Index => {
                    found.index_present = true;
                    match decode_index(raw) {
                        Ok(ids) => found.index = Some(ids),
                        Err(f) => found.set_aside(f, key, raw, false),
                    }
                }
                Kind::Account(id) => match decodes.take(at, id, raw) {
                    Ok((account, upgrade)) => found.accounts.push((id, account, upgrade)),
                    Err(f) => found.set_aside(f, key, raw, true),
                },
            }
        }
        found
    }

    /// A value that did not open: quarantined (with the account's name, for an account's
    /// key) or refused as newer.
    fn set_aside(&mut self, f: Failure, key: &str, raw: &str, account: bool) {
        match f {
            Failure::Bad(reason) => self.quarantined.push(Quarantined {
                key: key.to_string(),
                raw: raw.to_string(),
                reason,
                account_name: if account {
                    guess_account_name(raw)
                } else {
                    None
                },
            }),
            Failure::Newer(v) => self.newer.push((key.to_string(), v)),
        }
    }
}

/// What loading repaired: notes for the user in the order they were found, and the values
/// to write back (see [`Loaded::repair_writes`]).
#[derive(Default)]
struct Repairs {
    notes: Vec<String>,
    accounts: Vec<Id>,
    index: bool,
    meta: bool,
}

/// The workspace without its accounts: the meta that opened, else the defaults. `missing`:
/// storage holds other keys of ours but no meta, which is then written again.
fn meta_or_default(
    meta: Option<(Workspace, bool)>,
    missing: bool,
    repairs: &mut Repairs,
) -> Workspace {
    match meta {
        Some((ws, migrated)) => {
            if migrated {
                repairs
                    .notes
                    .push("workspace settings were upgraded to the current format".into());
                repairs.meta = true;
            }
            ws
        }
        None => {
            if missing {
                repairs.notes.push(
                    "the workspace settings were missing; the default settings are used".into(),
                );
                repairs.meta = true;
            }
            Workspace::default()
        }
    }
}

/// The accounts that opened, in storage order, each until it takes its place in the
/// workspace.
struct Unplaced<'a> {
    accounts: Vec<Option<Arc<Account>>>,
    /// Where each id is in `accounts`.
    at: FxHashMap<&'a str, usize>,
}

impl<'a> Unplaced<'a> {
    /// Marks the accounts of an older format (noted) or plain (silently) for rewriting.
    fn new(found: Vec<(&'a str, Arc<Account>, Upgrade)>, repairs: &mut Repairs) -> Self {
        let mut accounts = Vec::with_capacity(found.len());
        let mut at = FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
        for (id, account, upgrade) in found {
            if upgrade != Upgrade::None {
                if upgrade == Upgrade::Migrated {
                    repairs.notes.push(format!(
                        "account '{}' was upgraded to the current format",
                        account.name
                    ));
                }
                repairs.accounts.push(account.id.clone());
            }
            let account = Some(account);
            match at.entry(id) {
                // One key twice (not in localStorage): the later value, in the first place.
                Entry::Occupied(e) => accounts[*e.get()] = account,
                Entry::Vacant(e) => {
                    e.insert(accounts.len());
                    accounts.push(account);
                }
            }
        }
        Unplaced { accounts, at }
    }
}

/// The ids of the accounts whose values were set aside (quarantined, or newer): reported
/// with their values, not again as missing from the index.
fn set_aside_ids<'b>(
    quarantined: &'b [Quarantined],
    newer: &'b [(String, u64)],
) -> FxHashSet<&'b str> {
    let quarantined = quarantined.iter().map(|q| q.key.as_str());
    let newer = newer.iter().map(|(key, _)| key.as_str());
    quarantined
        .chain(newer)
        .filter_map(|key| key.strip_prefix(ACCOUNT_PREFIX))
        .collect()
}

/// The accounts in the index's order, then the ones it does not list in storage order; what
/// the index got wrong is noted, and the index rewritten.
fn order_accounts(
    index: Option<&[Id]>,
    index_present: bool,
    mut unplaced: Unplaced,
    set_aside: &FxHashSet<&str>,
    repairs: &mut Repairs,
) -> Vec<Arc<Account>> {
    let mut order = Vec::with_capacity(unplaced.accounts.len());
    for id in index.unwrap_or_default() {
        let Some(&at) = unplaced.at.get(id.as_str()) else {
            repairs.index = true;
            if !set_aside.contains(id.as_str()) {
                repairs.notes.push(format!(
                    "the index listed account '{id}', whose data was not found; it was dropped"
                ));
            }
            continue;
        };
        match unplaced.accounts[at].take() {
            Some(account) => order.push(account),
            None => {
                repairs
                    .notes
                    .push(format!("account '{id}' was listed twice in the index"));
                repairs.index = true;
            }
        }
    }
    let listed = order.len();
    for account in unplaced.accounts.into_iter().flatten() {
        if index.is_some() {
            repairs.notes.push(format!(
                "account '{}' ({}) was missing from the index and was restored",
                account.name, account.id
            ));
        }
        order.push(account);
    }
    let unlisted = order.len() - listed;
    if unlisted > 0 {
        repairs.index = true;
        if index.is_none() {
            let why = if index_present {
                "could not be read"
            } else {
                "was missing"
            };
            repairs.notes.push(format!(
                "the account index {why}; {unlisted} accounts were loaded in storage order"
            ));
        }
    }
    order
}

/// The refusal of storage written by a newer app, if any key was.
fn refused_newer(newer: Vec<(String, u64)>) -> Option<NewerSchema> {
    let found = newer.iter().map(|(_, v)| *v).max()?;
    Some(NewerSchema {
        found,
        known: SCHEMA_VERSION,
        keys: newer.into_iter().map(|(k, _)| k).collect(),
    })
}
