//! JSON export and import: a whole workspace, or one account with what it needs.
//!
//! * Workspace file: `"kind": "workspace"` followed by the [`Workspace`] itself (which
//!   starts with its `"schema_version"`). A file without `kind` is read as a workspace (version 0
//!   files had neither field).
//! * Account file: `{"schema_version", "kind": "account", "workspace_id", "workspace_name",
//!   "account": {…}, "team": [the members it references], "settings": {…}}`.
//!
//! [`parse_import`] checks everything before the caller changes anything: JSON syntax (with
//! line and column), the schema version (newer refused, older migrated), every field's type
//! (with its path), then [`validate`]. It never panics, whatever the input.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::customer_version::customer_version;
use crate::domain::merge::referenced_members;
use crate::domain::model::{
    Account, Id, Settings, TeamMember, Timestamp, Workspace, SCHEMA_VERSION,
};
use crate::domain::validate::{validate, Problem};
use crate::persist::migrate::{self, MigrateError};

pub const KIND_WORKSPACE: &str = "workspace";
pub const KIND_ACCOUNT: &str = "account";

/// The whole workspace as a pretty JSON file, fields in the model's order, written at `now`.
pub fn export_workspace(ws: &Workspace, now: Timestamp) -> String {
    let fixed;
    let ws = if ws.schema_version == SCHEMA_VERSION {
        ws
    } else {
        fixed = Workspace {
            schema_version: SCHEMA_VERSION,
            ..ws.clone()
        };
        &fixed
    };
    let file = WorkspaceFile {
        kind: KIND_WORKSPACE,
        exported_at: now,
        workspace: ws,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

#[derive(Serialize)]
struct WorkspaceFile<'a> {
    kind: &'static str,
    exported_at: Timestamp,
    #[serde(flatten)]
    workspace: &'a Workspace,
}

/// The account file of one account, or `None` when the workspace has no such account.
pub fn export_account(ws: &Workspace, id: &Id, now: Timestamp) -> Option<String> {
    account_file(ws, ws.account(id)?, false, now)
}

/// What the customer version's account id and name end with.
pub const CUSTOMER_ID_SUFFIX: &str = "-customer";
pub const CUSTOMER_NAME_SUFFIX: &str = " (customer version)";

/// The account file of one account's customer version ([`customer_version`]), or `None`
/// when the workspace has no such account. It is marked three ways: `"customer_version":
/// true`, and the account's id and name end with [`CUSTOMER_ID_SUFFIX`] and
/// [`CUSTOMER_NAME_SUFFIX`]. So an import, by this app or an older one, adds it beside the
/// full plan instead of replacing the full plan's stances, notes and reviews with blanks.
pub fn export_customer_account(ws: &Workspace, id: &Id, now: Timestamp) -> Option<String> {
    let mut account = customer_version(ws.account(id)?);
    if !account.id.as_str().ends_with(CUSTOMER_ID_SUFFIX) {
        account.id = Id(format!("{}{CUSTOMER_ID_SUFFIX}", account.id));
    }
    if !account.name.ends_with(CUSTOMER_NAME_SUFFIX) {
        account.name.push_str(CUSTOMER_NAME_SUFFIX);
    }
    account_file(ws, &account, true, now)
}

fn account_file(
    ws: &Workspace,
    account: &Account,
    customer_version: bool,
    now: Timestamp,
) -> Option<String> {
    let used = referenced_members(account);
    let team: Vec<&TeamMember> = ws.team.iter().filter(|m| used.contains(&m.id)).collect();
    let file = AccountFileOut {
        schema_version: SCHEMA_VERSION,
        kind: KIND_ACCOUNT,
        exported_at: now,
        customer_version,
        workspace_id: &ws.id,
        workspace_name: &ws.name,
        sync_marks: &ws.sync_marks,
        account,
        team,
        settings: &ws.settings,
    };
    serde_json::to_string_pretty(&file).ok()
}

#[derive(Serialize)]
struct AccountFileOut<'a> {
    schema_version: u32,
    kind: &'static str,
    exported_at: Timestamp,
    /// Written only for a customer version (import ignores it).
    #[serde(skip_serializing_if = "is_false")]
    customer_version: bool,
    workspace_id: &'a Id,
    workspace_name: &'a str,
    sync_marks: &'a BTreeMap<Id, Timestamp>,
    account: &'a Account,
    team: Vec<&'a TeamMember>,
    settings: &'a Settings,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// What an import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Workspace,
    Account,
}

/// A file that passed every check, ready for [`merge_file`](crate::persist::merge::merge_file).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportFile {
    pub kind: ImportKind,
    /// The file's content as a workspace. For an account file: the sender's workspace id
    /// and name and settings, the team members the account references, and the account.
    pub workspace: Workspace,
    /// The schema version the file was written in (older ones were migrated).
    pub from_version: u32,
    /// When the file was written (files before schema version 2 do not say).
    pub exported_at: Option<Timestamp>,
}

fn problem(path: &str, message: impl Into<String>) -> Vec<Problem> {
    vec![Problem {
        path: path.into(),
        message: message.into(),
    }]
}

/// Reads an export file of either kind; see the module documentation.
pub fn parse_import(text: &str) -> Result<ImportFile, Vec<Problem>> {
    match current_workspace_file(text) {
        Some(file) => checked(file, None),
        None => parse_import_part_by_part(text),
    }
}

/// A workspace file of the current version, decoded straight from its text: a leader's
/// roll-up reads megabytes per file, and the part-by-part path below (through a JSON value
/// and each part's own text, for the path of a bad field) takes about three times as
/// long. Anything else, or anything that does not decode, goes that way instead, so the
/// problems reported are the same.
fn current_workspace_file(text: &str) -> Option<ImportFile> {
    #[derive(Deserialize)]
    struct Head {
        kind: Option<String>,
        schema_version: Option<u64>,
        exported_at: Option<String>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head: Head = serde_json::from_str(text).ok()?;
    if head.kind.as_deref() != Some(KIND_WORKSPACE)
        || head.schema_version != Some(u64::from(SCHEMA_VERSION))
    {
        return None;
    }
    let exported_at = match head.exported_at {
        None => None,
        Some(s) => Some(crate::domain::dates::quick_stamp(&s)?),
    };
    let workspace: Workspace = serde_json::from_str(text).ok()?;
    Some(ImportFile {
        kind: ImportKind::Workspace,
        workspace,
        from_version: SCHEMA_VERSION,
        exported_at,
    })
}

/// The file's problems found by [`validate`], with account-file paths, or the file.
fn checked(file: ImportFile, prefix: Option<&str>) -> Result<ImportFile, Vec<Problem>> {
    let problems = validate(&file.workspace);
    if problems.is_empty() {
        return Ok(file);
    }
    Err(problems
        .into_iter()
        .map(|p| Problem {
            path: match prefix {
                Some(name) => rename_account_path(&p.path, name),
                None => p.path,
            },
            message: p.message,
        })
        .collect())
}

fn parse_import_part_by_part(text: &str) -> Result<ImportFile, Vec<Problem>> {
    let mut obj = json_object(text)?;
    let kind = import_kind(&obj)?;
    obj.remove("kind");
    let exported_at = exported_at(obj.remove("exported_at"))?;
    let version_problem = |e: MigrateError| problem("schema_version", e.to_string());
    // The version is read in place: a copy of a large file's document would cost as much
    // as reading it.
    let doc = Value::Object(obj);
    let version = migrate::schema_version_of(&doc).map_err(version_problem)?;
    let Value::Object(obj) = doc else {
        unreachable!("made from an object above")
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(version_problem(MigrateError::Newer {
            found: version,
            known: SCHEMA_VERSION,
        }));
    }
    let from_version = version as u32;
    let (workspace, prefix) = match kind {
        ImportKind::Workspace => (decode_workspace(obj, version)?, None),
        ImportKind::Account => (decode_account_file(obj, version)?, Some("account")),
    };
    let file = ImportFile {
        kind,
        workspace,
        from_version,
        exported_at,
    };
    checked(file, prefix)
}

/// The file's `exported_at`, if it has one.
fn exported_at(value: Option<Value>) -> Result<Option<Timestamp>, Vec<Problem>> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => match crate::domain::dates::quick_stamp(&s) {
            Some(at) => Ok(Some(at)),
            None => Err(problem(
                "exported_at",
                format!("expected a date and time such as 2026-12-04T09:30:00Z, found \"{s}\""),
            )),
        },
        Some(other) => Err(problem(
            "exported_at",
            format!("expected a date and time, found {}", short(&other)),
        )),
    }
}

/// The file's JSON object (a byte-order mark is skipped), or why it has none: empty, not
/// JSON (with the line and column), or JSON but not an object.
fn json_object(text: &str) -> Result<Map<String, Value>, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(problem("", "the file is empty"));
    }
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let what = full
            .rsplit_once(" at line ")
            .map(|(w, _)| w.to_string())
            .unwrap_or(full);
        problem(
            "",
            format!(
                "the file is not valid JSON: {what} (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    let Value::Object(obj) = doc else {
        return Err(problem(
            "",
            "the file is not an Account Planner export (expected a JSON object)",
        ));
    };
    Ok(obj)
}

/// Which kind of export the object says it is; without a `kind`, a workspace when it
/// looks like one.
fn import_kind(obj: &Map<String, Value>) -> Result<ImportKind, Vec<Problem>> {
    let kind = match obj.get("kind") {
        None => ImportKind::Workspace,
        Some(Value::String(k)) if k == KIND_WORKSPACE => ImportKind::Workspace,
        Some(Value::String(k)) if k == KIND_ACCOUNT => ImportKind::Account,
        Some(other) => {
            return Err(problem(
                "kind",
                format!(
                    "unknown kind {}: expected \"workspace\" or \"account\"",
                    short(other)
                ),
            ))
        }
    };
    // Without a kind, a file must at least look like a workspace: another app's JSON
    // would otherwise decode to an empty workspace through the field defaults.
    const WORKSPACE_FIELDS: [&str; 5] =
        ["schema_version", "accounts", "settings", "team", "members"];
    if kind == ImportKind::Workspace
        && !obj.contains_key("kind")
        && !WORKSPACE_FIELDS.iter().any(|f| obj.contains_key(*f))
    {
        return Err(problem(
            "",
            "the file is JSON but not an Account Planner export (it has no accounts, team, settings or schema_version)",
        ));
    }
    Ok(kind)
}

/// `accounts[0].x` → `account.x` in an account file's paths.
fn rename_account_path(path: &str, name: &str) -> String {
    match path.strip_prefix("accounts[0]") {
        Some(rest) => format!("{name}{rest}"),
        None => path.to_string(),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn migration_problem(e: MigrateError) -> Vec<Problem> {
    let path = match e {
        MigrateError::Newer { .. } | MigrateError::BadVersion(_) => "schema_version",
        _ => "",
    };
    problem(path, e.to_string())
}

fn decode_workspace(mut obj: Map<String, Value>, version: u64) -> Result<Workspace, Vec<Problem>> {
    if version < u64::from(SCHEMA_VERSION) {
        obj = migrate::migrate_embedded(obj, version).map_err(migration_problem)?;
    }
    let accounts = obj.remove("accounts");
    let mut problems = Vec::new();
    let mut ws: Workspace = match typed_at(Value::Object(obj), "") {
        Ok(ws) => ws,
        Err(p) => {
            problems.push(p);
            Workspace::default()
        }
    };
    match accounts {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (i, a) in list.into_iter().enumerate() {
                match typed_at::<Account>(a, &format!("accounts[{i}]")) {
                    Ok(a) => ws.accounts.push(Arc::new(a)),
                    Err(p) => problems.push(p),
                }
            }
        }
        Some(_) => problems.push(Problem {
            path: "accounts".into(),
            message: "expected a list of accounts".into(),
        }),
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    ws.schema_version = SCHEMA_VERSION;
    Ok(ws)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AccountFileHead {
    workspace_id: Id,
    workspace_name: String,
    /// What the sender's workspace last saw of others (the base of a merge).
    #[serde(deserialize_with = "crate::domain::dates::stamp_map")]
    sync_marks: BTreeMap<Id, Timestamp>,
}

fn decode_account_file(
    mut obj: Map<String, Value>,
    version: u64,
) -> Result<Workspace, Vec<Problem>> {
    let Some(account) = obj.remove("account") else {
        return Err(problem("account", "the file has no account"));
    };
    let team = obj.remove("team");
    let settings = obj.remove("settings");
    let (account, team, settings) = if version < u64::from(SCHEMA_VERSION) {
        let mut parts = Map::new();
        parts.insert("accounts".into(), Value::Array(vec![account]));
        if let Some(t) = team {
            parts.insert("team".into(), t);
        }
        if let Some(s) = settings {
            parts.insert("settings".into(), s);
        }
        let mut out = migrate::migrate_embedded(parts, version).map_err(migration_problem)?;
        let account = match out.remove("accounts") {
            Some(Value::Array(mut a)) if a.len() == 1 => a.remove(0),
            _ => return Err(problem("account", "the account could not be upgraded")),
        };
        (account, out.remove("team"), out.remove("settings"))
    } else {
        (account, team, settings)
    };
    let mut problems = Vec::new();
    let head: AccountFileHead = typed_at(Value::Object(obj), "").unwrap_or_else(|p| {
        problems.push(p);
        AccountFileHead::default()
    });
    let account: Option<Account> = typed_at(account, "account")
        .map_err(|p| problems.push(p))
        .ok();
    let team: Vec<TeamMember> = match team {
        None => Vec::new(),
        Some(t) => typed_at(t, "team").unwrap_or_else(|p| {
            problems.push(p);
            Vec::new()
        }),
    };
    let settings: Settings = match settings {
        None => Settings::default(),
        Some(s) => typed_at(s, "settings").unwrap_or_else(|p| {
            problems.push(p);
            Settings::default()
        }),
    };
    match account {
        Some(account) if problems.is_empty() => Ok(Workspace {
            schema_version: SCHEMA_VERSION,
            id: head.workspace_id,
            name: head.workspace_name,
            demo: false,
            settings,
            team,
            accounts: vec![Arc::new(account)],
            sync_marks: head.sync_marks,
            deleted: Vec::new(),
        }),
        _ => Err(problems),
    }
}

/// Typed decoding of one part, with the path of the first field that does not fit.
///
/// Null members are dropped first (see [`migrate::strip_null_members`]); the part is then
/// decoded from its own pretty text, so that the line and column serde reports can be
/// turned back into a path inside the part.
fn typed_at<T: DeserializeOwned>(mut v: Value, prefix: &str) -> Result<T, Problem> {
    migrate::strip_null_members(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| {
        let inner = path_at(&text, e.line(), e.column());
        let path = match (prefix.is_empty(), inner.is_empty()) {
            (true, _) => inner.trim_start_matches('.').to_string(),
            (false, true) => prefix.to_string(),
            (false, false) => format!("{prefix}{inner}"),
        };
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map(|(w, _)| w.to_string())
            .unwrap_or(full);
        Problem { path, message }
    })
}

/// The JSON path (`.a[2].b`) of the value being read at `line`/`column` (as serde_json
/// reports them: 1-based lines, bytes into the line) of valid JSON `text`.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut l = 1;
    while l < line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => break,
        }
        l += 1;
    }
    let end = (start + column).min(bytes.len());

    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array { index: usize },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let from = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        let raw = &text[from..i.min(bytes.len())];
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                        *want_key = false;
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                path.push('.');
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests;

/// The frozen sample files of every schema version must keep loading to the same workspace.
#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::domain::model::*;
    use crate::persist::export::sample::{at, day};

    const V0: &str = include_str!("../../../../tests/fixtures/workspace-v0.json");
    const V1: &str = include_str!("../../../../tests/fixtures/workspace-v1.json");
    const V2: &str = include_str!("../../../../tests/fixtures/workspace-v2.json");
    const V3: &str = include_str!("../../../../tests/fixtures/workspace-v3.json");

    /// What both fixtures hold, written out by hand.
    fn expected() -> Workspace {
        let mut acme = Account {
            id: Id::new("acc-1"),
            name: "Acme Corp".into(),
            industry: "Manufacturing".into(),
            segment: Segment::Key,
            owner: Some(Id::new("tm-1")),
            fiscal_year_start_month: 1,
            created_on: Some(day(2025, 1, 6)),
            updated_at: Some(at(0)),
            // Version 2 gives the details and the revenue the account's stamp.
            details_updated_at: Some(at(0)),
            ..Account::default()
        };
        acme.plan.year = 2025;
        acme.plan.revenue.commitment = Some(250_000.0);
        acme.plan.revenue.updated_at = Some(at(0));
        acme.plan.contacts.push(Contact {
            id: Id::new("c-1"),
            name: "Dana Boss".into(),
            department: Some(Id::new("dept-exec")),
            level: Some(Id::new("lvl-exec")),
            role: Some(DecisionRole::DecisionMaker),
            ..Contact::default()
        });
        acme.plan.goals.push(Goal {
            id: Id::new("g-1"),
            title: "Lower cost to serve".into(),
            source_contact: Some(Id::new("c-1")),
            ..Goal::default()
        });
        acme.plan.cadence.push(Meeting {
            id: Id::new("m-1"),
            title: "QBR".into(),
            attendees: vec![Id::new("c-1")],
            recurrence: Rhythm::Quarterly,
            next_date: Some(day(2025, 3, 31)),
            accepted_by_all: true,
            ..Meeting::default()
        });
        Workspace {
            id: Id::new("ws-fixture"),
            name: "Fixture".into(),
            team: vec![TeamMember {
                id: Id::new("tm-1"),
                name: "Ann Archer".into(),
                ..TeamMember::default()
            }],
            accounts: vec![acme.into()],
            // Every version before 3 ran all segments on the workspace's rhythm and weights.
            settings: Settings {
                segments: SegmentProcesses {
                    strategic: SegmentProcess::default(),
                    key: SegmentProcess::default(),
                    growth: SegmentProcess::default(),
                    maintain: SegmentProcess::default(),
                },
                ..Settings::default()
            },
            ..Workspace::default()
        }
    }

    #[test]
    fn the_version_1_fixture_loads() {
        let file = parse_import(V1).unwrap();
        assert_eq!(file.from_version, 1);
        assert_eq!(file.workspace, expected());
    }

    #[test]
    fn the_version_0_fixture_loads_to_the_same_workspace() {
        let file = parse_import(V0).unwrap();
        assert_eq!(file.from_version, 0);
        assert_eq!(file.workspace, expected());
    }

    /// The version 2 fixture: the same, with what version 2 added (contributors, tombstones).
    fn expected_v2() -> Workspace {
        let mut ws = expected();
        let acme = Arc::make_mut(&mut ws.accounts[0]);
        acme.plan.contributors.contacts.push(Id::new("c-1"));
        acme.plan.contributors.members.push(Id::new("tm-1"));
        acme.deleted.push(Tombstone {
            kind: EntityKind::Goal,
            id: Id::new("g-0"),
            at: at(1),
        });
        ws.deleted.push(Tombstone {
            kind: EntityKind::Member,
            id: Id::new("tm-0"),
            at: at(2),
        });
        ws
    }

    #[test]
    fn the_version_2_fixture_loads() {
        let file = parse_import(V2).unwrap();
        assert_eq!(file.from_version, 2);
        assert_eq!(file.exported_at, Some(at(3)));
        assert_eq!(file.workspace, expected_v2());
    }

    /// The version 3 fixture: the same, with some of what version 3 added (who agreed the
    /// commitment, a measure's history, when a contact was first met, a goal's rank, an
    /// attendee's answer, a segment's own rhythm).
    fn expected_v3() -> Workspace {
        let mut ws = expected_v2();
        ws.settings.segments.maintain.rhythm = Some(ReviewRhythm {
            monthly_review_days: 92,
            quarterly_update_days: 92,
        });
        let acme = Arc::make_mut(&mut ws.accounts[0]);
        acme.plan.revenue.agreed_by = Some(Id::new("c-1"));
        acme.plan.revenue.agreed_on = Some(day(2025, 1, 20));
        acme.plan.contacts[0].first_met = Some(day(2024, 11, 4));
        acme.plan.goals[0].rank = Some(1);
        acme.plan.cadence[0]
            .responses
            .insert(Id::new("c-1"), AttendeeResponse::Accepted);
        acme.plan.measures.push(SuccessMeasure {
            id: Id::new("sm-1"),
            name: "Cost per order".into(),
            target: Some(8.0),
            current: Some(9.5),
            last_checked: Some(day(2025, 2, 28)),
            history: vec![
                MeasureValue {
                    date: day(2025, 1, 31),
                    value: 10.0,
                },
                MeasureValue {
                    date: day(2025, 2, 28),
                    value: 9.5,
                },
            ],
            goal: Some(Id::new("g-1")),
            ..SuccessMeasure::default()
        });
        ws
    }

    #[test]
    fn the_version_3_fixture_loads() {
        let file = parse_import(V3).unwrap();
        assert_eq!(file.from_version, 3);
        assert_eq!(file.exported_at, Some(at(3)));
        assert_eq!(file.workspace, expected_v3());
    }

    #[test]
    #[ignore = "writes the fixture; run by hand only when a new version is frozen"]
    fn print_current_fixture() {
        println!("{}", export_workspace(&expected_v3(), at(3)));
    }
}

#[cfg(test)]
mod foreign_json_tests {
    use super::*;

    #[test]
    fn another_apps_json_is_refused_not_read_as_an_empty_workspace() {
        let err = parse_import(r#"{"name": "todo list", "items": [1, 2]}"#).unwrap_err();
        assert_eq!(err.len(), 1);
        assert!(
            err[0].message.contains("not an Account Planner export"),
            "{err:?}"
        );
        // A real (if empty) workspace file is still accepted.
        assert!(parse_import(r#"{"schema_version": 1, "accounts": []}"#).is_ok());
    }
}
