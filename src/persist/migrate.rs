//! Schema migrations: raw JSON documents of an older schema version are brought forward one
//! version at a time, before typed decoding, so that old stored values and old export files
//! keep loading.
//!
//! Every migration step works on a **workspace document** (the JSON of a whole
//! [`Workspace`](crate::domain::model::Workspace)). Other documents (a stored account key, the
//! stored meta key, an account export) are migrated by embedding them in a workspace document,
//! migrating that, and taking the part back out (see `persist::codec`), so a step is written
//! once and reaches every place the data lives.
//!
//! # Versions
//!
//! * **0** — the pre-release format written by development builds (never released): a bare
//!   workspace with **no `schema_version` field** (absent means 0). It differed from
//!   version 1 in two ways: team members were listed under `members` (not `team`), and each
//!   account carried its plan's parts directly on the account object (`goals`, `contacts`,
//!   `cadence`… beside `name`), with the plan year as `plan_year`; and accounts had no fiscal
//!   year start (every plan followed the calendar year, so version 1 gets
//!   `fiscal_year_start_month: 1`).
//! * **1** — entities merged account by account; no tombstones, no stamps of their own on
//!   an account's details and revenue.
//! * **2** — tombstones (`deleted`, empty when absent), `details_updated_at` on accounts and
//!   `updated_at` on revenue, which version 1 documents get from their account's
//!   `updated_at` (the latest any part could have changed, so a merge never takes them for
//!   older than they are).
//! * **3** — the current format (see `docs/format.md`): the account practices in depth,
//!   the plan's year, each a field that older documents read as its default, and the
//!   process of each segment (`settings.segments`). Version 2 had one review rhythm and one
//!   set of weights for every segment, so its settings get segments that all follow the
//!   workspace's: a stored workspace keeps the rhythm its team chose (a new one starts with
//!   strategic accounts reviewed monthly and maintain accounts quarterly).
//!
//! Policy: a step never drops data it does not understand; it only moves or renames. A
//! document of a *newer* version than [`SCHEMA_VERSION`] is refused, never downgraded.

use serde_json::{Map, Value};

use crate::domain::model::SCHEMA_VERSION;

/// One migration step: a workspace document of version `n` to version `n + 1`. The step does
/// not need to set `schema_version`; the runner does.
pub type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[n]` migrates version `n` to `n + 1`. Its length is checked against
/// [`SCHEMA_VERSION`] at compile time: raising the version without adding a step does not build.
pub const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3];

/// Why a document could not be brought to the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// The document is not a JSON object.
    NotAnObject,
    /// `schema_version` is there but not a whole number ≥ 0.
    BadVersion(String),
    /// Made by a newer app: refused, never downgraded.
    Newer { found: u64, known: u32 },
    /// A step failed.
    Step { from: u32, message: String },
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrateError::NotAnObject => f.write_str("expected a JSON object"),
            MigrateError::BadVersion(v) => {
                write!(f, "schema_version {v} is not a whole number")
            }
            MigrateError::Newer { found, known } => write!(
                f,
                "made by a newer version of Account Planner (schema version {found}; this app \
                 understands up to {known}): update the app to open it"
            ),
            MigrateError::Step { from, message } => write!(
                f,
                "could not upgrade from schema version {from} to {}: {message}",
                from + 1
            ),
        }
    }
}

/// The `schema_version` of a document; a missing field means version 0.
pub fn schema_version_of(doc: &Value) -> Result<u64, MigrateError> {
    let obj = doc.as_object().ok_or(MigrateError::NotAnObject)?;
    match obj.get("schema_version") {
        None | Some(Value::Null) => Ok(0),
        Some(v) => v.as_u64().ok_or_else(|| MigrateError::BadVersion(short(v))),
    }
}

/// Brings a workspace document of any known version to [`SCHEMA_VERSION`] and sets its
/// `schema_version`. Returns the document and the version it was found at.
pub fn migrate_workspace(doc: Value) -> Result<(Value, u32), MigrateError> {
    run(doc, &STEPS)
}

/// Migrates the parts of a workspace document that another document carries (a stored
/// account, the stored meta, an account export), found at `version`: `parts` is shaped as a
/// workspace (`{"accounts": [account]}`, `{"settings": …, "team": …}`) and comes back at the
/// current version, with `schema_version` set.
pub fn migrate_embedded(
    mut parts: Map<String, Value>,
    version: u64,
) -> Result<Map<String, Value>, MigrateError> {
    parts.insert("schema_version".into(), Value::from(version));
    match migrate_workspace(Value::Object(parts))? {
        (Value::Object(m), _) => Ok(m),
        _ => Err(MigrateError::NotAnObject),
    }
}

/// Removes every object member whose value is `null`, at any depth (array items stay).
///
/// Every field of the model either is an `Option` (where a missing field and `null` both
/// mean `None`) or has a default, so this changes the meaning of nothing that decodes,
/// and it rescues one thing that would not: serde_json writes a non-finite `f64` (a NaN
/// probability, an infinite weight) as `null`, which a plain `f64` field then refuses.
/// Such a number comes back as the field's default instead of quarantining the value.
pub fn strip_null_members(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_null_members);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_null_members),
        _ => {}
    }
}

/// The runner, over any list of steps (tests use their own).
fn run(doc: Value, steps: &[Step]) -> Result<(Value, u32), MigrateError> {
    let found = schema_version_of(&doc)?;
    let known = steps.len() as u32;
    if found > u64::from(known) {
        return Err(MigrateError::Newer { found, known });
    }
    let from = found as u32;
    let mut doc = doc;
    for (v, step) in steps.iter().enumerate().skip(from as usize) {
        doc = step(doc).map_err(|message| MigrateError::Step {
            from: v as u32,
            message,
        })?;
        if !doc.is_object() {
            return Err(MigrateError::Step {
                from: v as u32,
                message: "the step did not return an object".into(),
            });
        }
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(known));
    }
    Ok((doc, from))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// The fields of `AccountPlan` that version 0 kept on the account itself.
const V0_PLAN_FIELDS: [&str; 14] = [
    "revenue",
    "goals",
    "measures",
    "feedback",
    "contacts",
    "interactions",
    "white_space",
    "opportunities",
    "actions",
    "cadence",
    "team",
    "contract",
    "reviews",
    "reviewed",
];

/// Version 0 → 1: `members` becomes `team`; each account's plan fields (and `plan_year`
/// as `year`) move into its `plan` object; a missing fiscal year start becomes January. Where a field is already present at the new
/// place, that one wins and the old one is left where it was (typed decoding ignores it),
/// so nothing is dropped.
fn v0_to_v1(doc: Value) -> Result<Value, String> {
    let Value::Object(mut ws) = doc else {
        return Err("expected a JSON object".into());
    };
    if let Some(members) = ws.remove("members") {
        if ws.contains_key("team") {
            // Both present: keep `team`, leave `members` in place rather than drop it.
            ws.insert("members".into(), members);
        } else {
            ws.insert("team".into(), members);
        }
    }
    if let Some(accounts) = ws.get_mut("accounts") {
        let Value::Array(accounts) = accounts else {
            return Err("accounts is not a list".into());
        };
        for account in accounts.iter_mut() {
            if let Value::Object(a) = account {
                v0_account_to_v1(a)?;
            }
        }
    }
    Ok(Value::Object(ws))
}

fn v0_account_to_v1(a: &mut Map<String, Value>) -> Result<(), String> {
    let mut plan = match a.remove("plan") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(p)) => p,
        Some(_) => return Err("an account's plan is not an object".into()),
    };
    for field in V0_PLAN_FIELDS {
        if plan.contains_key(field) {
            continue;
        }
        if let Some(v) = a.remove(field) {
            plan.insert(field.into(), v);
        }
    }
    if !plan.contains_key("year") {
        if let Some(y) = a.remove("plan_year") {
            plan.insert("year".into(), y);
        }
    }
    a.insert("plan".into(), Value::Object(plan));
    a.entry("fiscal_year_start_month").or_insert(Value::from(1));
    Ok(())
}

/// Version 1 → 2: an account's details and revenue get its `updated_at` as their own stamp.
/// Tombstones start empty (the field's default).
fn v1_to_v2(doc: Value) -> Result<Value, String> {
    let Value::Object(mut ws) = doc else {
        return Err("expected a JSON object".into());
    };
    if let Some(accounts) = ws.get_mut("accounts") {
        let Value::Array(accounts) = accounts else {
            return Err("accounts is not a list".into());
        };
        for account in accounts.iter_mut() {
            if let Value::Object(a) = account {
                v1_account_to_v2(a);
            }
        }
    }
    Ok(Value::Object(ws))
}

fn v1_account_to_v2(a: &mut Map<String, Value>) {
    let stamp = match a.get("updated_at") {
        Some(s @ Value::String(_)) => s.clone(),
        _ => return,
    };
    a.entry("details_updated_at")
        .or_insert_with(|| stamp.clone());
    if let Some(Value::Object(plan)) = a.get_mut("plan") {
        if let Some(Value::Object(revenue)) = plan.get_mut("revenue") {
            revenue.entry("updated_at").or_insert(stamp);
        }
    }
}

/// Version 2 → 3: settings without `segments` (or no settings) get every segment following the workspace's
/// rhythm and weights, as version 2 ran them (the new default would review maintain
/// accounts less often). Every other field version 3 added reads as its default.
fn v2_to_v3(doc: Value) -> Result<Value, String> {
    let Value::Object(mut ws) = doc else {
        return Err("expected a JSON object".into());
    };
    // A document without settings ran on the default settings: one rhythm for all, too.
    let settings = ws
        .entry("settings")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(settings) = settings {
        settings.entry("segments").or_insert_with(|| {
            let follow = || Value::Object(Map::new());
            let mut segments = Map::new();
            for segment in ["strategic", "key", "growth", "maintain"] {
                segments.insert(segment.into(), follow());
            }
            Value::Object(segments)
        });
    }
    Ok(Value::Object(ws))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v2_settings_keep_one_rhythm_for_every_segment() {
        let doc = json!({"schema_version": 2, "settings": {"currency": "EUR"}});
        let (doc, from) = migrate_workspace(doc).unwrap();
        assert_eq!(from, 2);
        let segments = &doc["settings"]["segments"];
        for segment in ["strategic", "key", "growth", "maintain"] {
            assert_eq!(segments[segment], json!({}), "{segment}");
        }
        let settings: crate::domain::model::Settings =
            serde_json::from_value(doc["settings"].clone()).unwrap();
        for segment in crate::domain::model::Segment::ALL {
            assert_eq!(
                settings.rhythm_for(segment),
                &settings.rhythm,
                "{segment:?}"
            );
        }
        // A document without settings ran on the defaults: its segments follow them too.
        let (doc, _) = migrate_workspace(json!({"schema_version": 2, "accounts": []})).unwrap();
        assert_eq!(doc["settings"]["segments"]["maintain"], json!({}));
        // Settings already carrying segments are left as they are.
        let own = json!({"schema_version": 2, "settings": {"segments": {"key": {"rhythm": {"monthly_review_days": 7, "quarterly_update_days": 30}}}}});
        let (doc, _) = migrate_workspace(own.clone()).unwrap();
        assert_eq!(doc["settings"]["segments"], own["settings"]["segments"]);
    }

    #[test]
    fn a_missing_version_is_zero_and_a_bad_one_is_reported() {
        assert_eq!(schema_version_of(&json!({})), Ok(0));
        assert_eq!(schema_version_of(&json!({"schema_version": 1})), Ok(1));
        assert_eq!(
            schema_version_of(&json!({"schema_version": "1"})),
            Err(MigrateError::BadVersion("\"1\"".into()))
        );
        assert_eq!(
            schema_version_of(&json!({"schema_version": -1})),
            Err(MigrateError::BadVersion("-1".into()))
        );
        assert_eq!(
            schema_version_of(&json!([1])),
            Err(MigrateError::NotAnObject)
        );
    }

    #[test]
    fn a_newer_document_is_refused_with_both_versions() {
        let err = migrate_workspace(json!({"schema_version": 7})).unwrap_err();
        assert_eq!(
            err,
            MigrateError::Newer {
                found: 7,
                known: SCHEMA_VERSION
            }
        );
        assert!(err.to_string().contains("schema version 7"));
    }

    #[test]
    fn a_current_document_passes_through_untouched() {
        let doc = json!({"schema_version": 3, "name": "X", "accounts": [{"id": "a", "plan": {"year": 2026}}]});
        assert_eq!(migrate_workspace(doc.clone()), Ok((doc, 3)));
    }

    #[test]
    fn v0_moves_members_and_plan_fields() {
        let v0 = json!({
            "name": "Old",
            "members": [{"id": "tm-1", "name": "Ann"}],
            "accounts": [{
                "id": "acc-1",
                "name": "Acme",
                "plan_year": 2025,
                "goals": [{"id": "g1", "title": "Grow"}],
                "contacts": [],
                "contract": {"notice_days": 30}
            }]
        });
        let (v1, from) = migrate_workspace(v0).unwrap();
        assert_eq!(from, 0);
        assert_eq!(
            v1,
            json!({
                "schema_version": 3,
                "name": "Old",
                "settings": {"segments": {"strategic": {}, "key": {}, "growth": {}, "maintain": {}}},
                "team": [{"id": "tm-1", "name": "Ann"}],
                "accounts": [{
                    "id": "acc-1",
                    "name": "Acme",
                    "fiscal_year_start_month": 1,
                    "plan": {
                        "year": 2025,
                        "goals": [{"id": "g1", "title": "Grow"}],
                        "contacts": [],
                        "contract": {"notice_days": 30}
                    }
                }]
            })
        );
    }

    #[test]
    fn v1_gives_details_and_revenue_the_account_stamp() {
        let stamp = "2026-10-01T12:00:00Z";
        let v1 = json!({"schema_version": 1, "accounts": [
            {"id": "a", "updated_at": stamp, "plan": {"revenue": {"commitment": 5.0}}},
            {"id": "b", "details_updated_at": "2026-09-01T00:00:00Z", "updated_at": stamp},
            {"id": "c"}
        ]});
        let (v2, from) = migrate_workspace(v1).unwrap();
        assert_eq!(from, 1);
        assert_eq!(v2["accounts"][0]["details_updated_at"], stamp);
        assert_eq!(v2["accounts"][0]["plan"]["revenue"]["updated_at"], stamp);
        assert_eq!(
            v2["accounts"][1]["details_updated_at"], "2026-09-01T00:00:00Z",
            "kept"
        );
        assert_eq!(v2["accounts"][2], json!({"id": "c"}), "nothing to copy");
    }

    #[test]
    fn v0_never_drops_a_field_it_cannot_place() {
        let v0 = json!({
            "members": [{"id": "m"}],
            "team": [{"id": "t"}],
            "accounts": [{"id": "a", "goals": [1], "plan": {"goals": [2]}}]
        });
        let (v1, _) = migrate_workspace(v0).unwrap();
        assert_eq!(v1["team"], json!([{"id": "t"}]));
        assert_eq!(v1["members"], json!([{"id": "m"}]));
        assert_eq!(v1["accounts"][0]["plan"]["goals"], json!([2]));
        assert_eq!(v1["accounts"][0]["goals"], json!([1]));
    }

    #[test]
    fn v0_with_malformed_parts_is_an_error_not_a_panic() {
        let err = migrate_workspace(json!({"accounts": 5})).unwrap_err();
        assert!(matches!(err, MigrateError::Step { from: 0, .. }));
        assert!(migrate_workspace(json!({"accounts": [{"plan": 3}]})).is_err());
        // Non-object accounts are left for typed decoding to report.
        assert!(migrate_workspace(json!({"accounts": [3]})).is_ok());
    }

    #[test]
    fn the_runner_applies_steps_in_order_from_the_found_version() {
        fn add_a(mut v: Value) -> Result<Value, String> {
            v["trail"] = Value::from(format!("{}a", v["trail"].as_str().unwrap_or("")));
            Ok(v)
        }
        fn add_b(mut v: Value) -> Result<Value, String> {
            v["trail"] = Value::from(format!("{}b", v["trail"].as_str().unwrap_or("")));
            Ok(v)
        }
        fn fail(_: Value) -> Result<Value, String> {
            Err("boom".into())
        }
        let steps: [Step; 2] = [add_a, add_b];
        let (doc, from) = run(json!({}), &steps).unwrap();
        assert_eq!(
            (doc["trail"].as_str(), doc["schema_version"].as_u64(), from),
            (Some("ab"), Some(2), 0)
        );
        let (doc, from) = run(json!({"schema_version": 1}), &steps).unwrap();
        assert_eq!((doc["trail"].as_str(), from), (Some("b"), 1));
        let failing: [Step; 2] = [add_a, fail];
        assert_eq!(
            run(json!({}), &failing),
            Err(MigrateError::Step {
                from: 1,
                message: "boom".into()
            })
        );
    }
}
