//! The first screen of a start: the workspace without its accounts and each account's
//! summary, read without decoding any plan (the app decodes the plans after the first
//! render; see `state::load`).

use rustc_hash::FxHashMap;

use super::read::{decode_index, decode_meta, kind_of, Kind};
use crate::domain::model::{Id, Workspace};
use crate::domain::summary::AccountSummary;
use crate::persist::packed;

/// What the first screen shows of storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Summaries {
    /// The workspace without its accounts.
    pub workspace: Workspace,
    /// Every account's id and summary, in the index's order.
    pub accounts: Vec<(Id, AccountSummary)>,
}

/// The summaries of storage, or `None` whenever more than summaries is needed to show it
/// right: a value damaged, of another version, missing or not listed, or an account stored
/// without its summary. The caller then decodes all of storage at once, which repairs,
/// quarantines or refuses as it must (and writes the summaries that were missing).
pub fn read_summaries(entries: &[(String, String)]) -> Option<Summaries> {
    let mut meta = None;
    let mut index = None;
    let mut summaries = FxHashMap::default();
    for (key, raw) in entries {
        match kind_of(key) {
            None => {}
            Some(Kind::Meta) => match decode_meta(raw) {
                Ok((workspace, false)) => meta = Some(workspace),
                _ => return None,
            },
            Some(Kind::Index) => index = Some(decode_index(raw).ok()?),
            Some(Kind::Account(id)) => {
                summaries.insert(id, packed::summary_of::<AccountSummary>(raw)?);
            }
        }
    }
    let (workspace, index) = (meta?, index?);
    if index.len() != summaries.len() {
        return None;
    }
    let accounts = index
        .into_iter()
        .map(|id| {
            let summary = summaries.remove(id.as_str())?;
            Some((id, summary))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Summaries {
        workspace,
        accounts,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::persist::codec::test_support::{arb_workspace, load, sample, store};
    use crate::persist::codec::{
        decode_storage, decode_storage_with, encode_storage, AccountDecodes, ACCOUNT_PREFIX,
        INDEX_KEY, META_KEY,
    };

    type Entries = Vec<(String, String)>;

    fn entries(ws: &Workspace) -> Entries {
        encode_storage(ws)
    }

    #[test]
    fn summaries_come_in_index_order_with_the_workspace_without_accounts() {
        let ws = sample();
        let s = read_summaries(&entries(&ws)).expect("every account has its summary");
        let expected: Vec<_> = ws
            .accounts
            .iter()
            .map(|a| (a.id.clone(), AccountSummary::of(a)))
            .collect();
        assert_eq!(s.accounts, expected);
        assert_eq!(s.accounts[0].1.name, "Acme");
        assert!(s.workspace.accounts.is_empty());
        assert_eq!((s.workspace.id, s.workspace.team), (ws.id.clone(), ws.team));
    }

    #[test]
    fn anything_unusual_asks_for_the_full_decode() {
        let good = entries(&sample());
        let with = |edit: &dyn Fn(&mut Entries)| {
            let mut e = good.clone();
            edit(&mut e);
            read_summaries(&e)
        };
        let set = |key: &str, value: &str| {
            let (key, value) = (key.to_string(), value.to_string());
            move |e: &mut Entries| {
                for (k, v) in e.iter_mut() {
                    if *k == key {
                        *v = value.clone();
                    }
                }
            }
        };
        let acc1 = format!("{ACCOUNT_PREFIX}acc-1");
        assert!(with(&|_| {}).is_some());
        assert!(
            with(&|e| e.retain(|(k, _)| k != INDEX_KEY)).is_none(),
            "no index"
        );
        assert!(
            with(&|e| e.retain(|(k, _)| k != META_KEY)).is_none(),
            "no meta"
        );
        assert!(with(&set(INDEX_KEY, "{oops")).is_none(), "damaged index");
        assert!(with(&set(&acc1, "{oops")).is_none(), "damaged account");
        let plain = r#"{"schema_version":1,"account":{"id":"acc-1","name":"Acme"}}"#;
        assert!(
            with(&set(&acc1, plain)).is_none(),
            "an account without summary"
        );
        let unlisted = |e: &mut Entries| {
            let copy = e.iter().find(|(k, _)| *k == acc1).unwrap().1.clone();
            e.push((format!("{ACCOUNT_PREFIX}acc-9"), copy));
        };
        assert!(
            with(&unlisted).is_none(),
            "an account the index does not list"
        );
        let newer = r#"{"schema_version":99,"workspace":{}}"#;
        assert!(with(&set(META_KEY, newer)).is_none(), "a newer meta");
        // Keys that are not ours, and quarantine backups, are not looked at.
        assert!(with(&|e| e.push(("other-app".into(), "{".into()))).is_some());
    }

    #[test]
    fn accounts_stored_without_a_summary_are_rewritten_with_one() {
        let ws = sample();
        let mut storage = store(&entries(&ws));
        let acc1 = format!("{ACCOUNT_PREFIX}acc-1");
        // As the previous version packed it: the same value, without the summary.
        let without = crate::persist::packed::pack(
            &crate::persist::codec::unpack(&storage[&acc1])
                .unwrap()
                .unwrap(),
        );
        storage.insert(acc1.clone(), without);
        let pairs: Vec<_> = storage.clone().into_iter().collect();
        assert!(read_summaries(&pairs).is_none());

        let loaded = load(&storage);
        assert_eq!(loaded.workspace, ws, "it still opens, as it was");
        assert!(
            loaded.repaired.is_empty(),
            "silently: {:?}",
            loaded.repaired
        );
        let writes = loaded.repair_writes();
        assert_eq!(
            writes.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            [acc1.as_str()]
        );
        crate::persist::codec::test_support::apply(&mut storage, &writes);
        let pairs: Vec<_> = storage.into_iter().collect();
        assert!(read_summaries(&pairs).is_some());
    }

    proptest! {
        #[test]
        fn decoding_in_slices_ends_where_decoding_at_once_does(
            ws in arb_workspace(),
            steps in 0usize..8,
        ) {
            let e = entries(&ws);
            let mut decodes = AccountDecodes::new(&e);
            for _ in 0..steps {
                decodes.decode_next(&e);
            }
            prop_assert_eq!(decode_storage_with(&e, decodes), decode_storage(&e));
        }

        #[test]
        fn every_stored_workspace_has_its_summaries(ws in arb_workspace()) {
            let s = read_summaries(&entries(&ws)).expect("summaries");
            prop_assert_eq!(s.accounts.len(), ws.accounts.len());
            for ((id, summary), a) in s.accounts.iter().zip(&ws.accounts) {
                prop_assert_eq!(id, &a.id);
                prop_assert_eq!(summary, &AccountSummary::of(a));
            }
        }
    }
}
