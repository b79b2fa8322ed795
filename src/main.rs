//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    account_planner::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Account Planner runs in the browser: see README.md (`make serve`).");
}
