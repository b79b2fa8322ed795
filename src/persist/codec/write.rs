//! Encoding: the stored values of a workspace, and the writes that bring storage from one
//! workspace to the next in an order that is safe to stop anywhere.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde_json::{Map, Value};

use super::keys::{account_key, ACCOUNT_PREFIX, INDEX_KEY, META_KEY};
use super::read::decode_index;
use crate::domain::model::{Account, Id, Workspace, SCHEMA_VERSION};
use crate::domain::summary::AccountSummary;
use crate::persist::migrate;
use crate::persist::packed::pack_with_summary;

/// A key and its new value, or `None` to remove the key; applied in order.
pub type Write = (String, Option<String>);

/// The stored value of an account: its envelope (without null members), packed, with its
/// summary beside it for the first screen of a start (see [`super::read_summaries`]).
pub fn encode_account(a: &Account) -> String {
    let mut body = to_value(a);
    migrate::strip_null_members(&mut body);
    pack_with_summary(&envelope("account", body), &AccountSummary::of(a))
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
        deleted: ws.deleted.clone(),
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::persist::codec::test_support::{
        account, apply, arb_workspace, keys, load, sample, store, POOL,
    };
    use crate::persist::codec::{decode_storage, unpack};
    use proptest::prelude::*;

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
            r#"{"accounts":["acc-1","acc-2"],"schema_version":3}"#
        );
        assert!(entries[3].1.contains(r#""schema_version":3"#));
        assert!(!entries[3].1.contains("\"accounts\""));
        let loaded = decode_storage(&entries);
        assert_eq!(loaded.workspace, ws);
        assert!(loaded.quarantined.is_empty() && loaded.repaired.is_empty());
        assert!(loaded.refused_newer.is_none() && !loaded.fresh);
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
    fn accounts_are_stored_packed_and_read_back() {
        let ws = sample();
        let s = store(&encode_storage(&ws));
        let raw = &s["account-planner/account/acc-1"];
        assert!(
            raw.starts_with(r#"{"schema_version":2,"summary":["Acme","#),
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

    proptest! {
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
    }
}
