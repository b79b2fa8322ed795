//! See the module list in `domain/mod.rs`.
