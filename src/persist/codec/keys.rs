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

/// The key of an account's value.
pub fn account_key(id: &Id) -> String {
    format!("{ACCOUNT_PREFIX}{id}")
}

/// Whether `key` holds data of ours (not a backup of a quarantined value): storage with
/// none is a first visit's, which the app opens without its codec.
pub fn is_data_key(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(QUARANTINE_PREFIX)
}

/// The key a quarantined value is copied to.
pub fn quarantine_key(key: &str) -> String {
    format!("{QUARANTINE_PREFIX}{key}")
}
