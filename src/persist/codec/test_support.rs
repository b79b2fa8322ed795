//! What the codec's tests share, and the tests of other modules (merge) use: a sample
//! workspace, a map for storage, and proptest strategies for accounts and workspaces.

use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;

use super::{decode_storage, Loaded, Write};
use crate::domain::model::{Account, Contact, Id, Segment, TeamMember, Timestamp, Workspace};

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

pub(crate) fn sample() -> Workspace {
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

pub(crate) fn store(entries: &[(String, String)]) -> BTreeMap<String, String> {
    entries.iter().cloned().collect()
}

pub(crate) fn apply(storage: &mut BTreeMap<String, String>, writes: &[Write]) {
    for (k, v) in writes {
        match v {
            Some(v) => storage.insert(k.clone(), v.clone()),
            None => storage.remove(k),
        };
    }
}

pub(crate) fn load(storage: &BTreeMap<String, String>) -> Loaded {
    let entries: Vec<(String, String)> = storage
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    decode_storage(&entries)
}

pub(crate) fn keys(writes: &[Write]) -> Vec<(String, bool)> {
    writes
        .iter()
        .map(|(k, v)| (k.clone(), v.is_some()))
        .collect()
}

pub(crate) const POOL: [&str; 6] = ["a0", "a1", "a2", "a3", "a4", "a/5 é"];

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
