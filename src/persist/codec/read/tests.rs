use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::domain::model::Opportunity;
use crate::persist::codec::test_support::{apply, keys, load, sample, store};
use crate::persist::codec::{encode_storage, is_data_key};

#[test]
fn empty_storage_is_a_fresh_default_workspace() {
    let loaded = decode_storage(&[("other-app/x".into(), "{".into())]);
    assert!(loaded.fresh);
    assert_eq!(loaded.workspace, Workspace::default());
    assert!(loaded.repaired.is_empty() && loaded.quarantined.is_empty());
    assert!(loaded.repair_writes().is_empty());
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
        r#"{"workspace":{"id":"ws-1","name":"Old","members":[{"id":"tm-1","name":"Ann"}]}}"#.into(),
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
    let raw = include_str!("../../../../tests/fixtures/packed-account-v2.txt").trim_end();
    let (account, upgrade) = decode_account("acc-1", raw).ok().unwrap();
    // It had no summary yet and is of schema version 1: migrated (and rewritten).
    assert_eq!(upgrade, Upgrade::Migrated);
    let mut expected = (*sample().accounts[0]).clone();
    expected.details_updated_at = expected.updated_at;
    expected.plan.revenue.updated_at = expected.updated_at;
    assert_eq!(account, expected);
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
        ("account-planner/other", Some("{}")),
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

/// Keys of ours (data and backups), of another app on the same origin, and odd ones.
fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(META_KEY.to_string()),
        Just(INDEX_KEY.to_string()),
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
    fn any_raw_text_in_any_key_never_panics(
        which in 0usize..3,
        raw in prop_oneof!["\\PC{0,80}", "\\{\"schema_version\":[0-9]{1,3},\"(account|workspace|accounts)\":\\PC{0,40}"],
    ) {
        let mut s = store(&encode_storage(&sample()));
        let key = [META_KEY, INDEX_KEY, "account-planner/account/acc-1"][which];
        s.insert(key.into(), raw);
        let loaded = load(&s);
        // The other account always survives.
        prop_assert!(loaded.workspace.account(&Id::new("acc-2")).is_some());
    }
}
