//! The account-planning model: every concept of the product brief's glossary as a plain,
//! serialisable type. These types are also the stored and exported format (see
//! `docs/format.md`), so a field's name is a promise: add fields with `#[serde(default)]`,
//! never rename one without a migration.

mod account;
mod enums;
mod ids;
mod plan;
mod review;
mod settings;
mod tombstone;
mod workspace;

pub use account::*;
pub use enums::*;
pub use ids::*;
pub use plan::*;
pub use review::*;
pub use settings::*;
pub use tombstone::*;
pub use workspace::*;

#[cfg(test)]
mod tests;
