//! Tombstones: what was deleted and when, so that a merge does not bring it back.

use serde::{Deserialize, Serialize};

use super::{EntityKind, Id, Timestamp};

/// An entity deleted at `at`. Kept so that a merge with a copy that still has the entity
/// (a colleague's file, another device) deletes it there too instead of bringing it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub kind: EntityKind,
    pub id: Id,
    pub at: Timestamp,
}
