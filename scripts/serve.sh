#!/usr/bin/env bash
# Sets up the machine (skipping what is there), builds the app and serves it at
# http://127.0.0.1:8080 — the three seed articles are under "Try an example".
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec env CARGO_TARGET_DIR=target-wasm trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload
