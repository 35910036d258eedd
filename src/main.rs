//! In the browser: mount the Yew app. Natively: the `sourcelight` command-line tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    sourcelight::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(sourcelight::cli::run());
}
