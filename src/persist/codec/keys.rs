//! The keys of the storage layout (see [`super`]).

use crate::domain::model::Id;

/// The prefix of every key the app owns.
pub const PREFIX: &str = "account-planner/";
/// The workspace without its accounts.
pub const META_KEY: &str = "account-planner/meta";
/// The order of the accounts.
pub const INDEX_KEY: &str = "account-planner/index";
/// One key per account: this prefix and the account's id.
pub const ACCOUNT_PREFIX: &str = "account-planner/account/";
/// Backups of values that could not be decoded: this prefix and the original key.
pub const QUARANTINE_PREFIX: &str = "account-planner/quarantine/";

/// Per-browser work in progress (a review being held), not workspace data: this prefix,
/// the kind of draft and the account's id. Never decoded as the workspace, never synced.
pub const DRAFT_PREFIX: &str = "account-planner/draft/";

/// The key of the review being held on account `id` in this browser.
pub fn review_draft_key(id: &Id) -> String {
    format!("{DRAFT_PREFIX}review/{id}")
}

/// The key of an account's value.
pub fn account_key(id: &Id) -> String {
    format!("{ACCOUNT_PREFIX}{id}")
}

/// Whether `key` holds data of ours (not a backup of a quarantined value, nor a draft):
/// storage with none is a first visit's, which the app opens without its codec.
pub fn is_data_key(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(QUARANTINE_PREFIX) && !key.starts_with(DRAFT_PREFIX)
}

/// The key a quarantined value is copied to.
pub fn quarantine_key(key: &str) -> String {
    format!("{QUARANTINE_PREFIX}{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_and_backups_are_not_workspace_data() {
        assert!(is_data_key(META_KEY));
        assert!(is_data_key(&account_key(&Id::new("acc-1"))));
        assert!(!is_data_key(&review_draft_key(&Id::new("acc-1"))));
        assert!(!is_data_key(&quarantine_key(META_KEY)));
        assert_eq!(
            review_draft_key(&Id::new("acc-1")),
            "account-planner/draft/review/acc-1"
        );
    }
}
