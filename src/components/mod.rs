//! Small reusable views.

pub mod storage_banner;
pub mod update_banner;
