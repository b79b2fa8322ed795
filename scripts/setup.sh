#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: each step is skipped
# (and says so) when the right version is already there. Only the package registries are
# reached (crates.io, Debian, npm); nothing downloads a prebuilt tool or browser.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the `wasm-bindgen` crate pinned in Cargo.toml and `[tools]` in Trunk.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

skip() { echo "setup: skipped $1 (already installed)"; }
step() { echo "setup: installing $1"; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skip "rust target wasm32-unknown-unknown"
else
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  skip "trunk $TRUNK_VERSION"
else
  step "trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  skip "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the locked set needs a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Code splitting (scripts/split.mjs): the wasm-split-cli binary of the crate
# wasm_split_cli_support, the splitter that Leptos's `#[lazy]` is made for.
WASM_SPLIT_VERSION=0.2.4
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
  && command -v wasm-split-cli >/dev/null; then
  skip "wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli)"
else
  step "wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli; about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  skip "chromium and chromium-driver"
else
  step "chromium and chromium-driver (Debian)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# The other engines of the cross-browser journeys: Firefox ESR and WebKitGTK (Safari's
# engine, whose WebDriver server starts MiniBrowser and needs an X display: Xvfb).
if command -v firefox-esr >/dev/null && command -v WebKitWebDriver >/dev/null && command -v Xvfb >/dev/null; then
  skip "firefox-esr, webkit2gtk-driver and xvfb"
else
  step "firefox-esr, webkit2gtk-driver and xvfb (Debian)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr webkit2gtk-driver xvfb
fi

if command -v geckodriver >/dev/null; then
  skip "geckodriver $(geckodriver --version | awk 'NR==1 {print $2}')"
else
  step "geckodriver (Firefox's WebDriver server; about 2 minutes)"
  cargo install geckodriver --locked
fi

# playwright-core drives Debian's Chromium; binaryen 132 brings the wasm-opt Trunk uses
# (Debian's binaryen 108 produces wasm that dies in the browser).
if [ -x e2e/node_modules/.bin/wasm-opt ] && [ -d e2e/node_modules/playwright-core ] \
  && cmp -s e2e/package-lock.json e2e/node_modules/.package-lock.json.ci-stamp 2>/dev/null; then
  skip "npm packages in e2e/"
else
  step "npm packages in e2e/ (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.json.ci-stamp)
fi
# The sync tests' CouchDB-compatible server: pouchdb-server 4.2.0 from the npm registry, in
# a folder of its own. Its install scripts are not run: LevelDB comes prebuilt inside the
# leveldown package itself (node-gyp-build finds it at run time), and the script of the
# unused sqlite3 adapter would download a binary.
if [ "$(node -p "require('./couchdb/test-server/node_modules/pouchdb-server/package.json').version" 2>/dev/null || true)" = "4.2.0" ] \
  && cmp -s couchdb/test-server/package-lock.json couchdb/test-server/node_modules/.package-lock.json.ci-stamp 2>/dev/null; then
  skip "pouchdb-server 4.2.0 (couchdb/test-server)"
else
  step "pouchdb-server 4.2.0 (couchdb/test-server, npm ci --ignore-scripts)"
  (cd couchdb/test-server && npm ci --ignore-scripts --no-audit --no-fund \
    && cp package-lock.json node_modules/.package-lock.json.ci-stamp)
fi
echo "setup: done"
