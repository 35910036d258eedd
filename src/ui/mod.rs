//! The browser app: Yew function components, one per file, around one reducer.
//!
//! `state`, `segments` and `html_text`'s text builder are pure Rust (no web
//! crates) so they compile and are tested natively; everything that touches Yew
//! or the DOM is compiled for wasm32 only. Side effects (files, downloads,
//! scrolling, focus) live in `effects` and are called from callbacks and effects,
//! never from the reducer.

pub mod html_text;
pub mod segments;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod article_view;
#[cfg(target_arch = "wasm32")]
mod checklist;
#[cfg(target_arch = "wasm32")]
mod compare_view;
#[cfg(target_arch = "wasm32")]
mod details;
#[cfg(target_arch = "wasm32")]
mod dialog;
#[cfg(target_arch = "wasm32")]
mod effects;
#[cfg(target_arch = "wasm32")]
mod export_import;
#[cfg(target_arch = "wasm32")]
mod findings_list;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod language;
#[cfg(target_arch = "wasm32")]
mod legend;
#[cfg(target_arch = "wasm32")]
mod notes;
#[cfg(target_arch = "wasm32")]
mod rules;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mount the app on the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
