//! The documents of a team database: one per account (`account:<id>`), one per team member
//! (`member:<id>`) and one for the settings (`settings`), each holding the JSON the export
//! writes for that entity, with the schema version. A deleted account or member is a
//! CouchDB tombstone (`_deleted`) that says when it was deleted.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::domain::model::{
    Account, EntityKind, Id, Settings, TeamMember, Timestamp, SCHEMA_VERSION,
};

pub const ACCOUNT_PREFIX: &str = "account:";
pub const MEMBER_PREFIX: &str = "member:";
pub const SETTINGS_ID: &str = "settings";

/// Which entity a document holds, by its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocId {
    Account(Id),
    Member(Id),
    Settings,
}

impl DocId {
    /// The document id of an entity; `None` for an id of none of ours (a design document).
    pub fn parse(id: &str) -> Option<DocId> {
        if let Some(rest) = id.strip_prefix(ACCOUNT_PREFIX) {
            (!rest.is_empty()).then(|| DocId::Account(Id::new(rest)))
        } else if let Some(rest) = id.strip_prefix(MEMBER_PREFIX) {
            (!rest.is_empty()).then(|| DocId::Member(Id::new(rest)))
        } else {
            (id == SETTINGS_ID).then_some(DocId::Settings)
        }
    }

    pub fn of_tomb(kind: EntityKind, id: &Id) -> Option<DocId> {
        match kind {
            EntityKind::Account => Some(DocId::Account(id.clone())),
            EntityKind::Member => Some(DocId::Member(id.clone())),
            _ => None,
        }
    }

    pub fn key(&self) -> String {
        match self {
            DocId::Account(id) => format!("{ACCOUNT_PREFIX}{id}"),
            DocId::Member(id) => format!("{MEMBER_PREFIX}{id}"),
            DocId::Settings => SETTINGS_ID.to_string(),
        }
    }
}

/// What this browser last knew of a document: its revision on the server, and a hash of
/// the entity's JSON at that revision (so a local change is told by comparing hashes) and
/// the entity's stamp then (what their changes since are told by).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub rev: String,
    /// FNV-1a of the entity's JSON; 0 for a deletion.
    pub hash: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// FNV-1a, 64 bits: stable across builds and platforms (std's hashers are not promised to be).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The entity's JSON, as the export writes it, and its hash.
pub fn body_of<T: Serialize>(entity: &T) -> (Value, u64) {
    let text = serde_json::to_string(entity).unwrap_or_default();
    let hash = fnv(text.as_bytes());
    (serde_json::from_str(&text).unwrap_or(Value::Null), hash)
}

/// The hash of an entity's JSON (what [`body_of`] gives, without the value).
pub fn hash_of<T: Serialize>(entity: &T) -> u64 {
    fnv(serde_json::to_string(entity).unwrap_or_default().as_bytes())
}

/// A document to write: the entity under its field, the schema version, and for an
/// account the CouchDB user who owns it (the owner's email), which the design document
/// checks.
pub fn doc_for(id: &DocId, body: Value, owner: Option<&str>, rev: Option<&str>) -> Value {
    let mut doc = Map::new();
    doc.insert("_id".into(), Value::from(id.key()));
    if let Some(rev) = rev {
        doc.insert("_rev".into(), Value::from(rev));
    }
    doc.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    let field = match id {
        DocId::Account(_) => {
            if let Some(owner) = owner.filter(|o| !o.is_empty()) {
                doc.insert("owner".into(), Value::from(owner));
            }
            "account"
        }
        DocId::Member(_) => "member",
        DocId::Settings => "settings",
    };
    doc.insert(field.into(), body);
    Value::Object(doc)
}

/// The tombstone of a deleted account or member.
pub fn tombstone_doc(id: &DocId, rev: &str, at: Timestamp) -> Value {
    json!({ "_id": id.key(), "_rev": rev, "_deleted": true, "deleted_at": at })
}

/// One document as the server gave it, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub id: DocId,
    pub rev: String,
    pub content: Content,
    /// Other leaves of the document's revision tree (after replication between servers).
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Account(Box<Account>),
    Member(TeamMember),
    Settings(Box<Settings>),
    Deleted(Option<Timestamp>),
}

impl Content {
    /// The hash [`Known`] keeps for this content.
    pub fn hash(&self) -> u64 {
        match self {
            Content::Account(a) => hash_of(a),
            Content::Member(m) => hash_of(m),
            Content::Settings(s) => hash_of(s),
            Content::Deleted(_) => 0,
        }
    }
    pub fn stamp(&self) -> Option<Timestamp> {
        match self {
            Content::Account(a) => a.updated_at,
            Content::Member(m) => m.updated_at,
            Content::Settings(s) => s.updated_at,
            Content::Deleted(at) => *at,
        }
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDoc {
    pub id: String,
    pub message: String,
}

/// Decodes one document; `Ok(None)` for a document that is none of ours (design documents).
pub fn decode(doc: &Value) -> Result<Option<Remote>, BadDoc> {
    let raw_id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
    let bad = |message: String| BadDoc {
        id: raw_id.to_string(),
        message,
    };
    let Some(id) = DocId::parse(raw_id) else {
        return Ok(None);
    };
    let rev = doc
        .get("_rev")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("it has no revision".into()))?
        .to_string();
    let conflicts = doc
        .get("_conflicts")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if doc.get("_deleted").and_then(Value::as_bool) == Some(true) {
        let at = doc
            .get("deleted_at")
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        return Ok(Some(Remote {
            id,
            rev,
            content: Content::Deleted(at),
            conflicts,
        }));
    }
    let version = doc.get("schema_version").and_then(Value::as_u64);
    match version {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(bad(format!(
                "it was written by a newer version of the app (schema version {v}); update this app to sync"
            )))
        }
        Some(_) => {}
        None => return Err(bad("it has no schema version".into())),
    }
    let field = |name: &str| {
        doc.get(name)
            .cloned()
            .ok_or_else(|| bad(format!("it has no “{name}”")))
    };
    let content = match &id {
        DocId::Account(want) => {
            let a: Account = from(field("account")?).map_err(&bad)?;
            if &a.id != want {
                return Err(bad(format!("it holds the account “{}”", a.id)));
            }
            Content::Account(Box::new(a))
        }
        DocId::Member(want) => {
            let m: TeamMember = from(field("member")?).map_err(&bad)?;
            if &m.id != want {
                return Err(bad(format!("it holds the team member “{}”", m.id)));
            }
            Content::Member(m)
        }
        DocId::Settings => Content::Settings(Box::new(from(field("settings")?).map_err(&bad)?)),
    };
    Ok(Some(Remote {
        id,
        rev,
        content,
        conflicts,
    }))
}

fn from<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, String> {
    serde_json::from_value(v).map_err(|e| format!("it does not read as this app's data: {e}"))
}
