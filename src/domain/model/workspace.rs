//! The workspace: everything a user has, and the team of our own people.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Account, Id, Settings, Timestamp, Tombstone};
use crate::domain::dates;

/// The schema version this build writes. Older versions are migrated forward on load and
/// import; newer ones are refused.
pub const SCHEMA_VERSION: u32 = 3;

/// Everything a user has: one JSON document when exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub schema_version: u32,
    /// Identifies this workspace across devices, so imports can tell "my own export" apart.
    pub id: Id,
    pub name: String,
    /// True while the workspace is the demo content a first visit opens with.
    pub demo: bool,
    pub settings: Settings,
    pub team: Vec<TeamMember>,
    /// Shared, so that a copy of the workspace (the app keeps one as what storage holds)
    /// costs a pointer per account, and an edit copies only the account it changes
    /// (`Arc::make_mut`).
    pub accounts: Vec<Arc<Account>>,
    /// When this workspace last exchanged data with another workspace (keyed by that
    /// workspace's id): the "last common" instant that tells an edit on both sides (a
    /// conflict) from an edit on one side only.
    #[serde(deserialize_with = "dates::stamp_map")]
    pub sync_marks: BTreeMap<Id, Timestamp>,
    /// Accounts and team members deleted, so that merges do not bring them back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            schema_version: SCHEMA_VERSION,
            id: Id::default(),
            name: "My accounts".into(),
            demo: false,
            settings: Settings::default(),
            team: Vec::new(),
            accounts: Vec::new(),
            sync_marks: BTreeMap::new(),
            deleted: Vec::new(),
        }
    }
}

impl Workspace {
    pub fn account(&self, id: &Id) -> Option<&Account> {
        self.shared(id).map(|a| &**a)
    }
    /// The account as the workspace holds it, to share rather than copy.
    pub fn shared(&self, id: &Id) -> Option<&Arc<Account>> {
        self.accounts.iter().find(|a| &a.id == id)
    }
    pub fn account_mut(&mut self, id: &Id) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| &a.id == id)
            .map(Arc::make_mut)
    }
    pub fn member(&self, id: &Id) -> Option<&TeamMember> {
        self.team.iter().find(|m| &m.id == id)
    }
}

/// One of our own people (account manager, leader, specialist).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TeamMember {
    pub id: Id,
    pub name: String,
    pub email: String,
    pub title: String,
    #[serde(deserialize_with = "dates::opt_stamp")]
    pub updated_at: Option<Timestamp>,
}
