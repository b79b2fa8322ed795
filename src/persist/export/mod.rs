//! Exports: see `persist/mod.rs`.
