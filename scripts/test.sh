#!/usr/bin/env bash
# Sets up the machine (skipping what is there) and runs every test:
#   1. the analysis core, annotation file and command line, natively (cargo test);
#   2. UI pieces in headless Chromium (wasm-bindgen-test);
#   3. the release build with Trunk, then end-to-end tests in headless Chromium
#      driven by playwright-core (tests/e2e/).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native tests (cargo test)"
cargo test --locked

echo "== browser unit tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  CARGO_TARGET_DIR=target-wasm cargo test --locked --target wasm32-unknown-unknown --test wasm

echo "== release build (trunk)"
CARGO_TARGET_DIR=target-wasm trunk build --release --offline

echo "== end-to-end tests (playwright-core + Chromium)"
node --test --test-concurrency=1 tests/e2e/
