//! What went wrong with a sync, in words a user understands, from the server's replies.

use std::fmt;

use serde_json::Value;

/// Why a sync (or a sign-in) stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// No reply: offline, the address is wrong, or the server is down.
    Unreachable,
    /// The name or password given to sign in is wrong.
    WrongPassword,
    /// The server asks for a sign-in: never signed in here, or the session ended.
    SignedOut,
    /// Signed in, but not a member of the team database.
    NoAccess,
    /// The team database does not exist on the server.
    NoDatabase,
    /// The server refused a document (the design document's rules), with its reason.
    Refused(String),
    /// The server failed (a 5xx reply), with the status.
    Server(u16),
    /// The team database holds something this app cannot read: where, and what is wrong.
    Unreadable(String),
}

impl SyncError {
    /// Whether trying again later may work without the user doing anything.
    pub fn transient(&self) -> bool {
        matches!(self, SyncError::Unreachable | SyncError::Server(_))
    }

    /// The error of a reply to a request on the team database (`status` ≥ 400).
    pub fn of_reply(status: u16, body: &str) -> SyncError {
        let reason = reason_of(body);
        match status {
            401 => SyncError::SignedOut,
            403 if reason.error == "forbidden" && !reason.reason.contains("access") => {
                SyncError::Refused(reason.reason)
            }
            // CouchDB 3 answers a signed-in user outside `_security` with 403; pouchdb-server
            // with 401 (taken above as signed out, then told apart by the session check).
            403 => SyncError::NoAccess,
            404 => SyncError::NoDatabase,
            s if s >= 500 => SyncError::Server(s),
            s => SyncError::Unreadable(format!(
                "the server answered {s} ({})",
                if reason.reason.is_empty() {
                    reason.error
                } else {
                    reason.reason
                }
            )),
        }
    }
}

struct Reason {
    error: String,
    reason: String,
}

fn reason_of(body: &str) -> Reason {
    let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Reason {
        error: text("error"),
        reason: text("reason"),
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Unreachable => f.write_str(
                "The sync server cannot be reached (offline, or the server is down). Your changes are kept here and sync when it is back.",
            ),
            SyncError::WrongPassword => f.write_str("Wrong user name or password."),
            SyncError::SignedOut => f.write_str("You are signed out of the sync server: sign in to sync."),
            SyncError::NoAccess => f.write_str(
                "Your user has no access to this team database: ask your administrator to add you to its members.",
            ),
            SyncError::NoDatabase => f.write_str("There is no team database of that name on the server."),
            SyncError::Refused(why) => write!(f, "The server refused a change: {why}"),
            SyncError::Server(s) => write!(f, "The sync server failed (error {s}); it is tried again later."),
            SyncError::Unreadable(what) => write!(f, "The team database holds data this app cannot read: {what}"),
        }
    }
}
