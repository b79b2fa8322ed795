//! Scoring: see `domain/mod.rs`.
