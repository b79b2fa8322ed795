//! One module per screen.

pub mod account;
pub mod portfolio;
