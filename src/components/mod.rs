//! Small reusable views.

pub mod account_exports;
pub mod storage_banner;
pub mod update_banner;
