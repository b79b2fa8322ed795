//! Small reusable views.

pub mod storage_banner;
