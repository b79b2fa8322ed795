//! A benchmark, not a test: scoring the synthetic 1,000-account workspace inside wasm,
//! timed from Rust with `performance.now()`. It asserts nothing about speed; it prints
//! `bench: <name> <value> ms` lines that `make bench` collects. Run it with the release
//! settings (profile `benchmark`):
//!
//! ```sh
//! cargo test --profile benchmark --target wasm32-unknown-unknown --test bench_wasm -- --nocapture
//! ```
#![cfg(target_arch = "wasm32")]

use account_planner::domain::portfolio::portfolio;
use account_planner::domain::sample::synthetic::{synthetic_workspace, BENCH};
use account_planner::domain::scoring::score_account;
use chrono::NaiveDate;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 11;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance")
        .now()
}

/// The median of `RUNS` timings of `f`, in milliseconds (after one warm-up run).
fn median_ms(mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

#[wasm_bindgen_test]
fn score_1000_accounts() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let ws = synthetic_workspace(1, 1000, &BENCH, today);
    let score = median_ms(|| {
        for a in &ws.accounts {
            std::hint::black_box(score_account(a, &ws.settings, today));
        }
    });
    console_log!("bench: wasm_score_1000 {score:.2} ms");
    let rows = median_ms(|| {
        std::hint::black_box(portfolio(&ws, today));
    });
    console_log!("bench: wasm_portfolio_1000 {rows:.2} ms");
}
