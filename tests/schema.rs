//! `docs/workspace.schema.json` against real exports: the demo workspace, synthetic
//! workspaces, account files and the frozen version 1 fixture must pass it; a renamed
//! field, an unknown enum value or an out-of-range number must not.
//!
//! Run with `cargo test --test schema`. Each failure lists every schema error with the
//! JSON Pointer of the offending value.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::LazyLock;

use account_planner::domain::model::*;
use account_planner::domain::sample::demo::demo_workspace;
use account_planner::domain::sample::synthetic::{synthetic_workspace, SMALL};
use account_planner::domain::validate::validate;
use account_planner::persist::export::json::{
    export_account, export_customer_account, export_workspace, parse_import,
};
use chrono::{DateTime, Days, NaiveDate, Utc};
use jsonschema::{Draft, Validator};
use proptest::prelude::*;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../docs/workspace.schema.json");
const V0: &str = include_str!("fixtures/workspace-v0.json");
const V1: &str = include_str!("fixtures/workspace-v1.json");
const V2: &str = include_str!("fixtures/workspace-v2.json");
const V3: &str = include_str!("fixtures/workspace-v3.json");

static SCHEMA_VALUE: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(SCHEMA).expect("the schema is JSON"));

/// Formats are only annotations in draft 2020-12 unless asked for; the schema also has
/// patterns, but the test asserts both.
static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(&SCHEMA_VALUE)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
});

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// Every schema error as (instance pointer, message).
fn errors(instance: &Value) -> Vec<(String, String)> {
    VALIDATOR
        .iter_errors(instance)
        .map(|e| {
            (
                e.instance_path().to_string(),
                format!("{e} (schema: {})", e.schema_path()),
            )
        })
        .collect()
}

fn assert_valid(label: &str, text: &str) {
    let instance: Value = serde_json::from_str(text).expect("an export is JSON");
    let errs = errors(&instance);
    assert!(
        errs.is_empty(),
        "{label}: {} schema error(s):\n{}",
        errs.len(),
        errs.iter()
            .map(|(at, msg)| format!("  at {at:?}: {msg}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The instance pointers of every error, for the negative tests.
fn error_paths(instance: &Value) -> BTreeSet<String> {
    errors(instance).into_iter().map(|(at, _)| at).collect()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    if let Err(e) = jsonschema::meta::validate(&SCHEMA_VALUE) {
        panic!(
            "docs/workspace.schema.json is not a valid schema: {e} at {}",
            e.instance_path()
        );
    }
    assert_eq!(
        SCHEMA_VALUE["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    LazyLock::force(&VALIDATOR);
}

#[test]
fn the_demo_workspace_export_matches() {
    for days_later in [0, 400] {
        let day = today().checked_add_days(Days::new(days_later)).unwrap();
        let ws = demo_workspace(day);
        assert!(validate(&ws).is_empty());
        assert_valid(
            &format!("demo workspace of {day}"),
            &export_workspace(&ws, chrono::DateTime::UNIX_EPOCH),
        );
    }
}

#[test]
fn synthetic_workspace_exports_match() {
    for seed in [0, 1, 2, 3, 42, 1_000, u64::MAX] {
        let ws = synthetic_workspace(seed, 3, &SMALL, today());
        assert_valid(
            &format!("synthetic seed {seed}"),
            &export_workspace(&ws, chrono::DateTime::UNIX_EPOCH),
        );
    }
}

#[test]
fn account_exports_match() {
    let demo = demo_workspace(today());
    let synthetic = synthetic_workspace(7, 2, &SMALL, today());
    for ws in [&demo, &synthetic] {
        for account in &ws.accounts {
            let text = export_account(ws, &account.id, chrono::DateTime::UNIX_EPOCH)
                .expect("the account exists");
            assert_valid(&format!("account file of {}", account.id), &text);
            let text = export_customer_account(ws, &account.id, chrono::DateTime::UNIX_EPOCH)
                .expect("the account exists");
            assert_valid(&format!("customer version of {}", account.id), &text);
        }
    }
}

#[test]
fn the_version_3_fixture_matches() {
    assert_valid("tests/fixtures/workspace-v3.json", V3);
}

#[test]
fn the_version_2_fixture_does_not_match_but_its_migrated_export_does() {
    let v2: Value = serde_json::from_str(V2).unwrap();
    assert!(!errors(&v2).is_empty());
    let migrated = parse_import(V2).expect("the v2 fixture loads").workspace;
    assert_valid(
        "v2 fixture migrated and exported",
        &export_workspace(&migrated, chrono::DateTime::UNIX_EPOCH),
    );
}

#[test]
fn the_version_1_fixture_does_not_match_but_its_migrated_export_does() {
    let v1: Value = serde_json::from_str(V1).unwrap();
    assert!(!errors(&v1).is_empty());
    let migrated = parse_import(V1).expect("the v1 fixture loads").workspace;
    assert_valid(
        "v1 fixture migrated and exported",
        &export_workspace(&migrated, chrono::DateTime::UNIX_EPOCH),
    );
}

#[test]
fn the_version_0_fixture_does_not_match_but_its_migrated_export_does() {
    // The schema describes the current version only; older files are migrated on import.
    let v0: Value = serde_json::from_str(V0).unwrap();
    assert!(!errors(&v0).is_empty());
    let migrated = parse_import(V0).expect("the v0 fixture loads").workspace;
    assert_valid(
        "v0 fixture migrated and exported",
        &export_workspace(&migrated, chrono::DateTime::UNIX_EPOCH),
    );
}

/// A workspace where every optional value is set and every list and map has an entry,
/// somewhere: the demo and a synthetic workspace side by side, plus the few things
/// neither has.
fn rich_workspace() -> Workspace {
    let mut ws = demo_workspace(today());
    // Every segment with a process of its own: key its weights, growth its rhythm.
    ws.settings.segments.key.weights = Some(Default::default());
    ws.settings.segments.growth.rhythm = Some(Default::default());
    let synthetic = synthetic_workspace(5, 3, &SMALL, today());
    ws.accounts.extend(synthetic.accounts.into_iter().map(|a| {
        let mut a = Arc::unwrap_or_clone(a);
        // The synthetic team is not in the demo's; drop those references.
        a.owner = None;
        let p = &mut a.plan;
        p.contacts.iter_mut().for_each(|c| c.owner = None);
        p.interactions.iter_mut().for_each(|x| x.by = None);
        p.opportunities.iter_mut().for_each(|o| o.owner = None);
        p.actions.iter_mut().for_each(|x| x.owner = None);
        p.team.iter_mut().for_each(|r| r.member = None);
        p.reviews.iter_mut().for_each(|r| r.reviewer = None);
        p.cadence
            .iter_mut()
            .for_each(|m| m.internal_attendees.clear());
        Arc::new(a)
    }));
    let at = |secs: i64| -> Timestamp { DateTime::<Utc>::from_timestamp(secs, 0).unwrap() };
    ws.sync_marks
        .insert(Id::new("ws-elsewhere"), at(1_764_000_000));
    ws.settings.updated_at = Some(at(1_764_000_123));
    // Fractions of a second are written too.
    ws.team[0].updated_at = DateTime::<Utc>::from_timestamp(1_764_000_000, 250_000_000);
    // Timestamps the generators leave unset.
    let edited = Some(at(1_764_000_456));
    for a in &mut ws.accounts {
        let p = &mut Arc::make_mut(a).plan;
        p.contract.updated_at = edited;
        p.cadence.iter_mut().for_each(|x| x.updated_at = edited);
        p.team.iter_mut().for_each(|x| x.updated_at = edited);
        p.reviews.iter_mut().for_each(|x| x.updated_at = edited);
        p.white_space
            .cells
            .iter_mut()
            .for_each(|x| x.updated_at = edited);
        let fb = &mut p.feedback;
        for item in fb.start.iter_mut().chain(&mut fb.stop).chain(&mut fb.keep) {
            item.updated_at = edited;
        }
    }
    // A plan started anew: last year's, with every part filled, kept in `previous`.
    let feedback = ws.accounts[0].plan.feedback.clone();
    let last = Arc::make_mut(ws.accounts.last_mut().expect("accounts"));
    // Its contacts' ids, not the demo's.
    let said_by = last.plan.contacts.first().map(|c| c.id.clone());
    last.plan.feedback = feedback;
    let fb = &mut last.plan.feedback;
    for item in fb.start.iter_mut().chain(&mut fb.stop).chain(&mut fb.keep) {
        item.source_contact = said_by.clone();
    }
    last.plan
        .goals
        .iter_mut()
        .for_each(|g| g.updated_at = edited);
    last.plan
        .measures
        .iter_mut()
        .for_each(|m| m.updated_at = edited);
    *last = account_planner::domain::plan_year::start_next_year(last, today());
    last.plan
        .previous
        .iter_mut()
        .for_each(|p| p.updated_at = edited);
    let review = ws
        .accounts
        .iter_mut()
        .find_map(|a| {
            Arc::make_mut(a)
                .plan
                .reviews
                .iter_mut()
                .find(|r| r.kind == ReviewKind::Coaching)
        })
        .expect("a coaching review");
    review.answers.push(CoachingAnswer {
        question: "What would make the customer renew early?".into(),
        answer: "A signed success plan.".into(),
    });
    ws
}

fn normalized_path(at: &str, key: &str) -> String {
    // Map keys that are ids, not property names, collapse to `*`.
    if at == "/sync_marks" {
        format!("{at}/*")
    } else {
        format!("{at}/{key}")
    }
}

/// Records every property path (array indices as `[]`) and whether it ever held a value
/// other than null, an empty list or an empty object.
fn walk(v: &Value, at: String, seen: &mut BTreeSet<String>, filled: &mut BTreeSet<String>) {
    seen.insert(at.clone());
    match v {
        Value::Null => {}
        Value::Array(a) if a.is_empty() => {}
        Value::Object(m) if m.is_empty() => {}
        _ => {
            filled.insert(at.clone());
        }
    }
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| walk(x, normalized_path(&at, k), seen, filled)),
        Value::Array(a) => a
            .iter()
            .for_each(|x| walk(x, format!("{at}/[]"), seen, filled)),
        _ => {}
    }
}

#[test]
fn every_field_is_checked_with_a_real_value() {
    // Otherwise a field that is always null in the samples would pass a schema that has
    // the wrong type for its values.
    let ws = rich_workspace();
    assert_eq!(validate(&ws), vec![]);
    let text = export_workspace(&ws, chrono::DateTime::UNIX_EPOCH);
    assert_valid("rich workspace", &text);
    let (mut seen, mut filled) = (BTreeSet::new(), BTreeSet::new());
    walk(
        &serde_json::from_str(&text).unwrap(),
        String::new(),
        &mut seen,
        &mut filled,
    );
    let never: Vec<&String> = seen.difference(&filled).collect();
    assert!(
        never.is_empty(),
        "never given a value in the samples: {never:#?}"
    );
}

/// A unit enum's name (also its name under `$defs`) with the serialized names of all its
/// variants, in declaration order. The exhaustive match stops compiling when the model
/// gains a variant this list lacks.
macro_rules! variants {
    ($ty:ident: $($v:ident),+ $(,)?) => {{
        #[allow(dead_code)]
        fn exhaustive(x: $ty) {
            match x {
                $($ty::$v)|+ => {}
            }
        }
        (stringify!($ty), vec![$(serde_json::to_value($ty::$v).unwrap()),+])
    }};
}

#[test]
fn every_enum_lists_exactly_the_serialized_variant_names() {
    let defs = &SCHEMA_VALUE["$defs"];
    let cases: Vec<(&str, Vec<Value>)> = vec![
        variants!(ComponentKind: Coverage, RelationshipBalance, Cadence, SuccessMeasures, Revenue, GrowthPipeline, Execution, Freshness),
        variants!(Segment: Strategic, Key, Growth, Maintain),
        variants!(PlanPart: Revenue, Goals, SuccessMeasures, Feedback, Contacts, WhiteSpace, Opportunities, Actions, Cadence, Team, Contract),
        variants!(GoalKind: Goal, Initiative, SpecialProject, MeasurementChange),
        variants!(Direction: HigherIsBetter, LowerIsBetter),
        variants!(Rhythm: Weekly, Fortnightly, Monthly, Quarterly, HalfYearly, Yearly),
        variants!(DecisionRole: DecisionMaker, Influencer, Coach, User, Gatekeeper),
        variants!(Stance: Champion, Supporter, Neutral, Skeptic, Opponent),
        variants!(InteractionKind: Meeting, Call, Email, Event),
        variants!(CellStatus: Sold, InProgress, Open, Competitor, NotApplicable),
        variants!(Dimension: Engage, Win, Grow),
        variants!(Stage: Identified, Qualified, Proposed, Negotiation, Won, Lost),
        variants!(ActionStatus: Open, InProgress, Done, Cancelled),
        variants!(RenewalStatus: NotStarted, InDiscussion, Renewed, Lost),
        variants!(Risk: Low, Medium, High),
        variants!(ReviewKind: Monthly, Quarterly, Coaching),
        variants!(AttendeeResponse: Accepted, Tentative, Declined, NoAnswer),
        variants!(FeedbackStatus: Open, InProgress, Done, Declined),
        variants!(Impact: High, Medium, Low),
    ];
    for (name, expected) in cases {
        assert_eq!(
            defs[name]["enum"],
            Value::Array(expected),
            "$defs/{name}/enum"
        );
    }
    // The adjacently tagged action link.
    let id = || Id::new("x");
    let link_kinds: Vec<Value> = [
        ActionLink::Opportunity(id()),
        ActionLink::Goal(id()),
        ActionLink::Measure(id()),
    ]
    .iter()
    .map(|l| {
        #[allow(dead_code)]
        fn exhaustive(l: &ActionLink) {
            match l {
                ActionLink::Opportunity(_) | ActionLink::Goal(_) | ActionLink::Measure(_) => {}
            }
        }
        serde_json::to_value(l).unwrap()["kind"].clone()
    })
    .collect();
    assert_eq!(
        defs["ActionLink"]["properties"]["kind"]["enum"],
        Value::Array(link_kinds)
    );
}

// ---- The schema is not vacuous: each of these is refused, at the right place. ----

fn demo_export() -> Value {
    serde_json::from_str(&export_workspace(
        &demo_workspace(today()),
        chrono::DateTime::UNIX_EPOCH,
    ))
    .unwrap()
}

fn first_opportunity(v: &Value) -> (usize, usize) {
    let accounts = v["accounts"].as_array().unwrap();
    accounts
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            (!a["plan"]["opportunities"].as_array().unwrap().is_empty()).then_some((i, 0))
        })
        .expect("the demo has an opportunity")
}

#[test]
fn a_renamed_field_is_refused() {
    let mut v = demo_export();
    let contact = v["accounts"][0]["plan"]["contacts"][0]
        .as_object_mut()
        .unwrap();
    let name = contact.remove("name").unwrap();
    contact.insert("full_name".into(), name);
    let errs = errors(&v);
    assert_eq!(
        error_paths(&v),
        BTreeSet::from(["/accounts/0/plan/contacts/0".to_string()]),
        "{errs:#?}"
    );
    // Both halves: the new name is unknown and the old one is missing.
    assert!(
        errs.iter().any(|(_, m)| m.contains("full_name")),
        "{errs:#?}"
    );
    assert!(
        errs.iter().any(|(_, m)| m.contains("\"name\"")),
        "{errs:#?}"
    );
}

#[test]
fn a_renamed_field_in_an_account_file_is_refused() {
    let ws = demo_workspace(today());
    let text = export_account(&ws, &ws.accounts[0].id, chrono::DateTime::UNIX_EPOCH).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let revenue = v["account"]["plan"]["revenue"].as_object_mut().unwrap();
    let x = revenue.remove("commitment").unwrap();
    revenue.insert("commitments".into(), x);
    assert_eq!(
        error_paths(&v),
        BTreeSet::from(["/account/plan/revenue".to_string()])
    );
}

#[test]
fn a_wrong_enum_value_is_refused() {
    let mut v = demo_export();
    v["accounts"][1]["segment"] = json!("mega");
    let (i, j) = first_opportunity(&v);
    // Serde's variant name, not the Rust one.
    v["accounts"][i]["plan"]["opportunities"][j]["stage"] = json!("Won");
    assert_eq!(
        error_paths(&v),
        BTreeSet::from([
            "/accounts/1/segment".to_string(),
            format!("/accounts/{i}/plan/opportunities/{j}/stage"),
        ])
    );
}

#[test]
fn a_probability_above_one_is_refused() {
    let mut v = demo_export();
    let (i, j) = first_opportunity(&v);
    let at = format!("/accounts/{i}/plan/opportunities/{j}/probability");
    *v.pointer_mut(&at).unwrap() = json!(1.5);
    let errs = errors(&v);
    assert_eq!(error_paths(&v), BTreeSet::from([at.clone()]), "{errs:#?}");
    // And the app refuses the same file.
    let problems = parse_import(&v.to_string()).unwrap_err();
    assert_eq!(
        problems[0].path,
        format!("accounts[{i}].plan.opportunities[{j}].probability")
    );
    *v.pointer_mut(&at).unwrap() = json!(-0.1);
    assert_eq!(error_paths(&v), BTreeSet::from([at]));
}

#[test]
fn other_out_of_shape_values_are_refused_where_they_are() {
    let cases: Vec<(&str, Value)> = vec![
        ("/accounts/0/plan/revenue/commitment", json!(-1)),
        ("/accounts/0/plan/revenue/quarterly_actuals", json!([1, 2])),
        ("/accounts/0/created_on", json!("24/11/2026")),
        ("/accounts/0/created_on", json!("2026-02-30")),
        ("/accounts/0/updated_at", json!("2026-11-24 10:00")),
        ("/accounts/0/fiscal_year_start_month", json!(13)),
        ("/accounts/0/plan/contacts/0/strength", json!(6)),
        ("/accounts/0/plan/contacts/0/id", json!("  ")),
        (
            "/accounts/0/plan/reviewed",
            json!({"nonsense": "2026-01-01"}),
        ),
        ("/settings/weights/coverage", json!(-5)),
        ("/settings/bands/green_from", json!(101)),
        ("/settings/rhythm/monthly_review_days", json!(0)),
        ("/team/0/name", Value::Null),
        ("/schema_version", json!(1)),
    ];
    for (at, value) in cases {
        let mut v = demo_export();
        *v.pointer_mut(at)
            .unwrap_or_else(|| panic!("{at} is in the demo export")) = value.clone();
        let errs = errors(&v);
        assert_eq!(
            error_paths(&v),
            BTreeSet::from([at.to_string()]),
            "{at} = {value}: {errs:#?}"
        );
    }
    // A file without `kind` (the exporter always writes it).
    let mut v = demo_export();
    v.as_object_mut().unwrap().remove("kind");
    let errs = errors(&v);
    assert_eq!(error_paths(&v), BTreeSet::from([String::new()]));
    assert!(
        errs.iter().any(|(_, m)| m.contains("\"kind\"")),
        "{errs:#?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_synthetic_workspace_export_matches(
        seed in any::<u64>(),
        accounts in 0usize..4,
        days in 0u64..3_650,
    ) {
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(days);
        let ws = synthetic_workspace(seed, accounts, &SMALL, day);
        let text = export_workspace(&ws, chrono::DateTime::UNIX_EPOCH);
        let errs = errors(&serde_json::from_str(&text).unwrap());
        prop_assert!(errs.is_empty(), "seed {}: {:#?}", seed, errs);
        if let Some(a) = ws.accounts.first() {
            let text = export_account(&ws, &a.id, chrono::DateTime::UNIX_EPOCH).unwrap();
            let errs = errors(&serde_json::from_str(&text).unwrap());
            prop_assert!(errs.is_empty(), "seed {} account file: {:#?}", seed, errs);
        }
    }
}
