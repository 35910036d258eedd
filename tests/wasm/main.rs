//! Browser tests of the Yew app (wasm-bindgen-test in a real Chromium): the page
//! is mounted into a fresh element and used the way a reader uses it.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm`
//! (with `wasm-bindgen-test-runner` as the wasm32 runner). Natively this file is empty.

#![cfg(target_arch = "wasm32")]

mod app;
mod pure;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
