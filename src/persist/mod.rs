//! Turns the domain into stored and exported bytes and back. Everything here is pure and
//! tested natively, except `browser`, the one module that touches the browser's storage.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod codec;
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod http;
pub mod merge;
pub mod migrate;
pub mod packed;
pub mod sync;
pub mod tabs;
