//! Team sync through a CouchDB 3 database, local-first: the protocol, pure.
//!
//! The workspace stays in the browser; a sync pulls the documents changed on the server
//! since the last one (`_changes`), merges them entity by entity ([`pull`]), and pushes
//! what changed here (`_bulk_docs`, each document with the revision it replaces). Nothing
//! here does input or output: a [`Cycle`] says which [`Request`] to send next and is given
//! the [`Reply`], so the whole protocol is tested natively against a fake server. The
//! browser's side is `persist::http` (fetch) and `state::sync` (when to sync).
//!
//! What this browser knows of the server ([`SyncConfig`]: the address, the database, the
//! last sequence, each document's revision) is kept per browser, never in the workspace;
//! the password is never kept: the server's cookie session holds the sign-in.

mod cycle;
pub mod doc;
mod error;
pub mod pull;
pub mod session;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::model::{Id, Timestamp};

pub use cycle::{waiting, Cycle, HashCache, Held, Host, Next, Report};
pub use doc::Known;
pub use error::SyncError;

/// This browser's sync settings and what it knows of the team database.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncConfig {
    /// The server's address, e.g. `https://couch.example.com` or this page's origin and
    /// the path of a reverse proxy (`https://planner.example.com/couchdb`).
    pub server: String,
    pub database: String,
    /// Who signed in last (the session itself is the server's cookie).
    pub user: Option<String>,
    /// Whether sync is on: set by the first sign-in, cleared by signing out.
    pub enabled: bool,
    /// The last sequence of `_changes` merged here (a number or CouchDB's opaque string).
    pub last_seq: Option<Value>,
    /// When the last sync completed, in this browser's clock.
    pub last_synced: Option<Timestamp>,
    /// The workspace these revisions belong to: another workspace starts from scratch.
    pub workspace: Option<Id>,
    /// Every document's revision and content hash as last pushed or pulled.
    pub known: BTreeMap<String, Known>,
}

impl SyncConfig {
    /// Forgets what was known of the server (another server, database or workspace).
    pub fn forget(&mut self) {
        self.last_seq = None;
        self.last_synced = None;
        self.known.clear();
    }

    /// What is wrong with the address and database name, in words; `None` when both are usable.
    pub fn problem(&self) -> Option<String> {
        let s = self.server.trim();
        if !(s.starts_with("https://") || s.starts_with("http://")) {
            return Some("The server address must start with https:// (or http:// for a server on this computer).".into());
        }
        let db = &self.database;
        let ok = db.starts_with(|c: char| c.is_ascii_lowercase())
            && db
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
        (!ok).then(|| "The database name must start with a lowercase letter and hold only lowercase letters, digits and _$()+-/.".into())
    }

    /// The URL of `path` on the server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.trim().trim_end_matches('/'))
    }

    /// The database's path, with `/` escaped as CouchDB wants.
    pub fn db_path(&self) -> String {
        format!("/{}", self.database.replace('/', "%2F"))
    }
}

/// One HTTP request, relative to the server's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: &'static str,
    pub path: String,
    /// A JSON body.
    pub body: Option<String>,
}

/// The server's answer, or `None` when there was none (network error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// Escapes a document id for a URL path (ids are ours: letters, digits, `-`, `:`, `_`).
pub fn escape(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
