//! Signing in and out of the server with a cookie session (`_session`): the password
//! goes to the server once and is never kept; the server's cookie holds the sign-in.

use serde_json::{json, Value};

use super::{Reply, Request, SyncError};

pub fn sign_in(name: &str, password: &str) -> Request {
    Request {
        method: "POST",
        path: "/_session".into(),
        body: Some(json!({ "name": name, "password": password }).to_string()),
    }
}

pub fn sign_out() -> Request {
    Request {
        method: "DELETE",
        path: "/_session".into(),
        body: None,
    }
}

/// Who the session belongs to.
pub fn check() -> Request {
    Request {
        method: "GET",
        path: "/_session".into(),
        body: None,
    }
}

/// The signed-in user's name and roles, from a reply to [`sign_in`] or [`check`]; `None`
/// for a reply to [`check`] without a session.
pub fn read(reply: Option<Reply>) -> Result<Option<(String, Vec<String>)>, SyncError> {
    let Some(reply) = reply else {
        return Err(SyncError::Unreachable);
    };
    match reply.status {
        200 => {
            let v: Value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
            // `POST` answers {name, roles}; `GET` {userCtx: {name, roles}}.
            let who = v.get("userCtx").unwrap_or(&v);
            let roles = who
                .get("roles")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            Ok(who
                .get("name")
                .and_then(Value::as_str)
                .map(|n| (n.to_string(), roles)))
        }
        401 => Err(SyncError::WrongPassword),
        s if s >= 500 => Err(SyncError::Server(s)),
        s => Err(SyncError::of_reply(s, &reply.body)),
    }
}
