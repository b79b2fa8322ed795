use super::*;
use crate::persist::export::sample;
use proptest::prelude::*;

fn paths(r: Result<ImportFile, Vec<Problem>>) -> Vec<(String, String)> {
    r.unwrap_err()
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

#[test]
fn the_direct_decoding_of_a_current_file_gives_what_the_part_by_part_one_gives() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let shape = crate::domain::sample::synthetic::Shape {
        contacts: 5,
        interactions: 8,
        opportunities: 3,
    };
    let workspaces = [
        sample::workspace(),
        crate::domain::sample::demo::demo_workspace(today),
        crate::domain::sample::synthetic::synthetic_workspace(3, 4, &shape, today),
    ];
    for ws in workspaces {
        let text = export_workspace(&ws, chrono::DateTime::UNIX_EPOCH);
        let direct = current_workspace_file(&text).expect("a current file decodes directly");
        let by_parts = parse_import_part_by_part(&text).unwrap();
        assert_eq!(direct, by_parts);
    }
    // Not current, or not decodable as it is: the part-by-part path, with its paths.
    assert!(current_workspace_file(r#"{"kind":"workspace","schema_version":1}"#).is_none());
    let nan = r#"{"kind":"workspace","schema_version":2,"settings":{"weights":{"coverage":null}}}"#;
    assert!(current_workspace_file(nan).is_none());
    assert!(
        parse_import(nan).is_ok(),
        "a null number is its default, as before"
    );
}

#[test]
fn a_workspace_export_starts_with_its_version_and_kind_and_round_trips() {
    let ws = sample::workspace();
    let text = export_workspace(&ws, chrono::DateTime::UNIX_EPOCH);
    assert!(
        text.starts_with(
            "{\n  \"kind\": \"workspace\",\n  \"exported_at\": \"1970-01-01T00:00:00Z\",\n  \"schema_version\": 3,\n"
        ),
        "{}",
        &text[..80]
    );
    let file = parse_import(&text).unwrap();
    assert_eq!(file.kind, ImportKind::Workspace);
    assert_eq!(file.from_version, SCHEMA_VERSION);
    assert_eq!(file.workspace, ws);
    // A byte-order mark (as some editors add) is fine.
    assert_eq!(
        parse_import(&format!("\u{feff}{text}")).unwrap().workspace,
        ws
    );
}

#[test]
fn an_account_export_carries_the_members_it_references_and_the_settings() {
    let ws = sample::workspace();
    let text = export_account(&ws, &Id::new("acc-acme"), chrono::DateTime::UNIX_EPOCH).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["kind"], "account");
    assert_eq!(v["schema_version"], 3);
    assert_eq!(v["exported_at"], "1970-01-01T00:00:00Z");
    assert_eq!(v["workspace_id"], "ws-sample");
    let team: Vec<&str> = v["team"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(team, ["tm-ann", "tm-bob"]);
    let file = parse_import(&text).unwrap();
    assert_eq!(file.kind, ImportKind::Account);
    let got = file.workspace;
    assert_eq!(got.id, ws.id);
    assert_eq!(got.name, ws.name);
    assert_eq!(got.settings, ws.settings);
    assert_eq!(got.team, ws.team[..2].to_vec());
    assert_eq!(got.accounts, vec![ws.accounts[0].clone()]);
    assert_eq!(
        export_account(&ws, &Id::new("nope"), chrono::DateTime::UNIX_EPOCH),
        None
    );
    assert!(!text.contains("customer_version"));
}

#[test]
fn a_customer_version_imports_beside_the_full_plan_never_over_it() {
    let mut ws = sample::workspace();
    let acme = Arc::make_mut(&mut ws.accounts[0]);
    acme.notes = "Internal: budget holder is leaving".into();
    acme.plan.contributors.members = vec![Id::new("tm-cy")];
    let text =
        export_customer_account(&ws, &Id::new("acc-acme"), chrono::DateTime::UNIX_EPOCH).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["customer_version"], true);
    assert_eq!(v["account"]["id"], "acc-acme-customer");
    assert_eq!(v["account"]["name"], "Acme, Inc. (customer version)");
    assert!(!text.contains("Internal:") && !text.contains("supporter"));
    // A contributor of our team travels with the file, so that it validates.
    let file = parse_import(&text).unwrap();
    let got = &file.workspace;
    assert!(got.team.iter().any(|m| m.id.as_str() == "tm-cy"));
    assert_eq!(got.accounts[0].plan.goals, ws.accounts[0].plan.goals);
    // Its own customer version keeps the marks without doubling them.
    let again =
        export_customer_account(got, &got.accounts[0].id, chrono::DateTime::UNIX_EPOCH).unwrap();
    let v: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(v["account"]["id"], "acc-acme-customer");
    assert_eq!(v["account"]["name"], "Acme, Inc. (customer version)");
    assert_eq!(
        export_customer_account(&ws, &Id::new("nope"), chrono::DateTime::UNIX_EPOCH),
        None
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = "{\n  \"name\": \"x\",\n  oops\n}";
    assert_eq!(
        paths(parse_import(text)),
        [(
            "".to_string(),
            "the file is not valid JSON: key must be a string (line 3, column 3)".to_string()
        )]
    );
    let cut = &export_workspace(&sample::workspace(), chrono::DateTime::UNIX_EPOCH)[..100];
    let msg = &paths(parse_import(cut))[0].1;
    assert!(msg.contains("EOF while parsing"), "{msg}");
    assert_eq!(
        paths(parse_import("  \n")),
        [("".into(), "the file is empty".into())]
    );
    assert_eq!(paths(parse_import("[1]"))[0].0, "");
}

#[test]
fn a_newer_file_is_refused_with_both_versions() {
    let got = paths(parse_import(
        r#"{"schema_version": 4, "kind": "workspace"}"#,
    ));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "schema_version");
    assert!(got[0].1.contains("newer version"), "{}", got[0].1);
    assert!(got[0].1.contains("schema version 4"), "{}", got[0].1);
    let bad = paths(parse_import(r#"{"schema_version": "one"}"#));
    assert_eq!(bad[0].0, "schema_version");
    let kind = paths(parse_import(r#"{"schema_version": 1, "kind": "plan"}"#));
    assert_eq!(kind[0].0, "kind");
}

#[test]
fn type_errors_are_reported_per_account_with_their_paths() {
    let mut v: Value = serde_json::from_str(&export_workspace(
        &sample::workspace(),
        chrono::DateTime::UNIX_EPOCH,
    ))
    .unwrap();
    v["accounts"][0]["plan"]["contacts"][1]["strength"] = Value::from(300);
    v["accounts"][1]["segment"] = Value::from("mega");
    v["settings"]["bands"]["green_from"] = Value::from("high");
    let got = paths(parse_import(&v.to_string()));
    assert_eq!(
        got,
        [
            (
                "settings.bands.green_from".to_string(),
                "invalid type: string \"high\", expected u8".to_string()
            ),
            (
                "accounts[0].plan.contacts[1].strength".to_string(),
                "invalid value: integer `300`, expected u8".to_string()
            ),
            (
                "accounts[1].segment".to_string(),
                "unknown variant `mega`, expected one of `strategic`, `key`, `growth`, `maintain`"
                    .to_string()
            ),
        ]
    );
    let mut v: Value = serde_json::from_str(
        &export_account(
            &sample::workspace(),
            &Id::new("acc-acme"),
            chrono::DateTime::UNIX_EPOCH,
        )
        .unwrap(),
    )
    .unwrap();
    v["account"]["plan"]["revenue"]["quarterly_actuals"] = Value::from(vec![1, 2]);
    let got = paths(parse_import(&v.to_string()));
    assert_eq!(got[0].0, "account.plan.revenue.quarterly_actuals");
    assert!(got[0].1.contains("invalid length 2"), "{}", got[0].1);
}

#[test]
fn validation_problems_come_back_with_paths_in_the_file() {
    let mut ws = sample::workspace();
    Arc::make_mut(&mut ws.accounts[0]).plan.contacts[0].level = Some(Id::new("lvl-nope"));
    let got = paths(parse_import(&export_workspace(
        &ws,
        chrono::DateTime::UNIX_EPOCH,
    )));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "accounts[0].plan.contacts[0].level");
    // In an account file the same field is under `account`, and a member the file
    // does not carry is reported.
    let text = export_account(&ws, &Id::new("acc-acme"), chrono::DateTime::UNIX_EPOCH).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["team"] = Value::Array(vec![]);
    let got = paths(parse_import(&v.to_string()));
    let got: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        got,
        [
            "account.owner",
            "account.plan.contacts[0].level",
            "account.plan.contacts[0].owner",
            "account.plan.interactions[0].by",
            "account.plan.opportunities[0].owner",
            "account.plan.cadence[0].internal_attendees[0]",
            "account.plan.cadence[0].internal_attendees[1]",
        ]
    );
}

#[test]
fn a_version_0_file_without_kind_is_migrated() {
    let text = r#"{"id":"w","name":"Old","members":[{"id":"tm","name":"T"}],
        "accounts":[{"id":"a","name":"A","owner":"tm","plan_year":2024,
        "goals":[{"id":"g","title":"G"}]}]}"#;
    let file = parse_import(text).unwrap();
    assert_eq!(file.from_version, 0);
    assert_eq!(file.workspace.team[0].name, "T");
    assert_eq!(file.workspace.accounts[0].plan.year, 2024);
    assert_eq!(file.workspace.accounts[0].plan.goals[0].title, "G");
}

#[test]
fn path_at_follows_objects_arrays_and_escaped_keys() {
    let text = "{\"a\": [1, {\"b\\\"c\": [0, 1, 2]}], \"d\": 1}";
    let at = |needle: &str| path_at(text, 1, text.find(needle).unwrap());
    assert_eq!(at("1,"), ".a[0]");
    assert_eq!(at("2]"), ".a[1].b\"c[2]");
    assert_eq!(at("1}"), ".d");
}

fn mutate(text: &str, ops: &[(u8, usize, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(op, at, c) in ops {
        if chars.is_empty() {
            break;
        }
        let i = at % chars.len();
        match op % 4 {
            0 => {
                chars.remove(i);
            }
            1 => chars.insert(i, c),
            2 => chars[i] = c,
            _ => chars.truncate(i),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #[test]
    fn any_text_is_refused_or_accepted_without_panic(s in "\\PC{0,200}") {
        let _ = parse_import(&s);
    }

    #[test]
    fn any_bytes_are_refused_or_accepted_without_panic(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse_import(&String::from_utf8_lossy(&b));
    }

    #[test]
    fn mutated_exports_never_panic(
        ops in proptest::collection::vec((any::<u8>(), any::<usize>(), prop_oneof![Just('"'), Just('{'), Just(']'), Just(','), Just('9'), Just('n'), any::<char>()]), 1..6),
        account in any::<bool>(),
    ) {
        let ws = sample::workspace();
        let text = if account {
            export_account(&ws, &Id::new("acc-acme"), chrono::DateTime::UNIX_EPOCH).unwrap()
        } else {
            export_workspace(&ws, chrono::DateTime::UNIX_EPOCH)
        };
        let mutated = mutate(&text, &ops);
        match parse_import(&mutated) {
            Ok(file) => prop_assert!(validate(&file.workspace).is_empty()),
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn a_wrong_value_anywhere_is_reported_at_a_path_that_exists(seed in any::<u64>()) {
        // Replace one leaf of a valid export with an object: always a type error, whose
        // path must point into the file.
        let mut v: Value = serde_json::from_str(&export_workspace(&sample::workspace(), chrono::DateTime::UNIX_EPOCH)).unwrap();
        let mut leaves = Vec::new();
        collect_leaves(&v, String::new(), &mut leaves);
        leaves.retain(|p| p != "/schema_version" && p != "/kind");
        let target = leaves[(seed % leaves.len() as u64) as usize].clone();
        *v.pointer_mut(&target).unwrap() = serde_json::json!({"x": [1]});
        let problems = parse_import(&v.to_string()).unwrap_err();
        let p = &problems[0].path;
        let pointer = format!("/{}", p.replace(['.', '['], "/").replace(']', ""));
        prop_assert!(v.pointer(&pointer).is_some(), "{} → {} not in file (changed {})", p, pointer, target);
    }
}

fn collect_leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| collect_leaves(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| collect_leaves(x, format!("{at}/{i}"), out)),
        _ => out.push(at),
    }
}
