//! One module per screen.

pub mod account;
pub mod archived;
pub mod data;
pub mod import_preview;
pub mod portfolio;
pub mod search;
pub mod settings;
pub mod sync;
pub mod team;
pub mod week;

/// The `?page=` of the archived accounts.
pub const ARCHIVED_PAGE: &str = "archived";
