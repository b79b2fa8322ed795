//! See `persist/mod.rs`.
