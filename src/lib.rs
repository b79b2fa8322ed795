//! Account Planner: plan, score and grow existing customer accounts, offline, in the browser.
//!
//! The native build holds the pure layers (`domain`, `persist`); the wasm build adds the
//! browser storage, the shared state and the Leptos views.

pub mod domain;
pub mod format;
pub mod persist;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(target_arch = "wasm32")]
pub mod chunk;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod nav;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod state;

#[cfg(target_arch = "wasm32")]
pub use boot::mount;
