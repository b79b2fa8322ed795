# Account Planner: every target installs what it needs first (`make setup`, idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# The wasm-opt of the npm package binaryen 132, never Debian's.
export PATH := $(CURDIR)/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# `make dist SYNC_ORIGIN=https://couch.example.com`: the one other origin the page may talk
# to (its sync server; scripts/csp.mjs). Unset: only its own (a same-origin reverse proxy).
export SYNC_ORIGIN

.PHONY: setup serve dist single test test-native test-wasm test-e2e test-cross bench profile lint fmt clean fuzz

setup:
	@scripts/setup.sh

## Builds and serves the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve --offline

## Release build into dist/, then the size of each file, raw and gzip; SYNC_ORIGIN=… adds
## the sync server's origin to the page's connect-src.
dist: setup
	@t0=$$(date +%s); trunk build --release --offline; \
		echo "make dist: trunk build --release took $$(( $$(date +%s) - t0 )) s"
	@scripts/sizes.sh dist

## One self-contained HTML file (CSS, JS and wasm inlined) that runs from file://.
single: dist
	node scripts/single.mjs dist dist-single

## All test layers; fails if any fails.
test: setup lint test-native test-wasm test-e2e test-cross
	@echo "make test: all layers passed"

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --test web --test bench_wasm -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features split -- -D warnings

## 1. The domain and the pure persistence layer, natively; then a short fuzz of the import
## path (60 s or 100,000 cases, whichever ends first), printing its figures.
test-native:
	cargo test -- --skip fuzz_the_import_path
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} cargo test --test fuzz_import fuzz_the_import_path -- --nocapture

## The long fuzz of the import path (30 minutes, optimised build; FUZZ_SECONDS to change).
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-1800} FUZZ_CASES=$${FUZZ_CASES:-1000000000} \
		cargo test --profile benchmark --test fuzz_import fuzz_the_import_path -- --nocapture

## 2. Browser APIs and components (wasm-bindgen-test), in headless Chromium and Firefox.
test-wasm: setup
	cargo test --target wasm32-unknown-unknown --test web
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) \
		cargo test --target wasm32-unknown-unknown --test web

## 3. End to end: the release build served on 127.0.0.1, driven by Playwright.
test-e2e: single
	cd e2e && npm test

## 4. The same journeys in Chromium, Firefox ESR and WebKitGTK over WebDriver; a line per engine.
test-cross: single
	cd e2e && node cross/run.mjs

## Every benchmark (native, wasm, and the release build in Chromium), one `bench:` line per
## figure, a table against the budgets, and target/bench.json. A missed budget is reported,
## not an error.
bench: dist
	cargo bench --profile benchmark --bench domain
	cargo run --profile benchmark --example bench_data
	cargo test --profile benchmark --target wasm32-unknown-unknown --test bench_wasm -- --nocapture \
		| tee target/bench/wasm.log
	cd e2e && node bench/browser.mjs
	node scripts/bench-report.mjs

## Where a keystroke's time goes with the 1,000 benchmark accounts (CPU profile with the
## wasm's function names; PROFILE=load for the app's start instead); after `make bench` has
## written target/bench/.
profile: dist
	cd e2e && node bench/profile.mjs

fmt:
	cargo fmt

clean:
	cargo clean
	rm -rf dist dist-single
