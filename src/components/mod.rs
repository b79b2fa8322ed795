//! Small reusable views.
pub mod account_exports;
pub mod backup_reminder;
pub mod charts;
pub mod demo_banner;
pub mod fields;
pub mod share_link;
pub mod shortcuts;
pub mod sort_header;
pub mod storage_banner;
pub mod undo_notice;
pub mod update_banner;
