//! The storage layout in localStorage, as pure functions over `(key, raw text)` pairs.
//!
//! * `account-planner/meta` — `{"schema_version":N,"workspace":{…}}`: the workspace without
//!   its accounts (id, name, settings, team, sync marks).
//! * `account-planner/index` — `{"schema_version":N,"accounts":["id",…]}`: account order.
//! * `account-planner/account/<id>` — `{"schema_version":N,"account":{…}}`: one per account,
//!   stored packed (see [`packed`](super::packed)), with the account's summary beside the
//!   packed text, which the first screen of a start reads without decoding any plan
//!   ([`read_summaries`]).
//! * `account-planner/quarantine/<key>` — the raw text of a value that could not be decoded,
//!   copied aside before anything else is written. Never read back by the app.
//!
//! Every key is decoded on its own, so one damaged value costs that value only (and even
//! then its raw text is kept). Writes for one change come in an order where every prefix
//! leaves loadable storage (see [`storage_writes`]), because the browser may stop us between
//! any two of them (quota, a closed tab). The keys are in `keys`, the encoding and the
//! writes in `write`, the decoding in `read`, the first screen's summaries in `summaries`; everything is re-exported here.

mod keys;
mod read;
mod summaries;
#[cfg(test)]
pub(crate) mod test_support;
mod write;

pub use super::packed::{pack, unpack, UnpackError, PACKED_VERSION};
pub use keys::{
    account_key, is_data_key, quarantine_key, review_draft_key, ACCOUNT_PREFIX, DRAFT_PREFIX,
    INDEX_KEY, META_KEY, PREFIX, QUARANTINE_PREFIX,
};
pub use read::{
    decode_changed, decode_storage, decode_storage_with, guess_account_name, AccountDecodes,
    Changed, Loaded, NewerSchema, Quarantined,
};
pub use summaries::{read_summaries, Summaries};
pub use write::{
    encode_account, encode_index, encode_meta, encode_storage, record_saved, storage_writes,
    writes_after_loss, Scope, Write,
};
