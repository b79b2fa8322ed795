//! One module per screen.

pub mod account;
pub mod data;
pub mod import_preview;
pub mod portfolio;
pub mod settings;
pub mod sync;
pub mod team;
