#!/usr/bin/env bash
# Prints the benchmark numbers quoted in README.md: native analysis time per seed
# and for 1 MB / 10 MB pastes, and the gzipped size of the app the browser loads.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native analysis ($(nproc) cores, release build)"
cargo run --quiet --release --example bench

echo
echo "== bundle size (trunk build --release)"
CARGO_TARGET_DIR=target-wasm trunk build --release --offline >/dev/null 2>&1
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-50s %8d bytes  %8d gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-50s %8s        %8d gzipped\n' "total (wasm + js + css)" "" "$total"
