//! Work in progress kept per browser, apart from the workspace: the review being held on
//! an account survives a reload or a closed tab, until the user saves or cancels it.
//!
//! Why per browser and not in the account: a half-held review is one person's work in
//! this browser, not a fact of the plan; in the account it would travel in every export,
//! share link and team merge, and need a field in the format for something never meant
//! to be read by anyone else. Its own key (`codec::review_draft_key`) is outside what the
//! codec decodes and what other tabs react to; "Delete all data" removes it with the rest.

use crate::domain::model::Id;
use crate::domain::review::ReviewDraft;
use crate::persist::{browser, codec};

/// What was kept of the review being held on account `id`: `Ok(None)` when nothing is,
/// `Err` (with the reason) when the stored draft cannot be read, which is then left as it
/// is until the user starts another review.
pub fn stored_review_draft(id: &Id) -> Result<Option<ReviewDraft>, String> {
    let Some(raw) = browser::read(&codec::review_draft_key(id)) else {
        return Ok(None);
    };
    serde_json::from_str(&raw).map(Some).map_err(|e| {
        format!("The review in progress kept in this browser could not be read ({e}).")
    })
}

/// Keeps the review being held on account `id` (`None`: the review was saved or
/// cancelled, and its draft goes). A failure (storage full or missing) is returned: the
/// draft then lives in the page only.
pub fn store_review_draft(id: &Id, draft: Option<&ReviewDraft>) -> Result<(), String> {
    let key = codec::review_draft_key(id);
    let text = draft
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| e.to_string())?;
    browser::apply([(key.as_str(), text.as_deref())])
        .map(|_| ())
        .map_err(|e| e.to_string())
}
