//! Small reusable views.

pub mod account_exports;
pub mod charts;
pub mod fields;
pub mod storage_banner;
pub mod undo_notice;
pub mod update_banner;
