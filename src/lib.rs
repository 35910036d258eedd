//! Sourcelight: a media-literacy annotator.
//!
//! `analysis` is the pure core (no IO, no web crates, never panics on any input);
//! `rules` holds the loaded-language packs as data; `annotation` is the W3C Web
//! Annotation file, the only serialization boundary; `ui` is the Yew app (wasm only);
//! `cli` is the native command-line tool.

pub mod analysis;
pub mod annotation;
pub mod article;
pub mod compare;
pub mod reanchor;
pub mod report;
pub mod rules;
pub mod share;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

pub mod ui;

/// The three seed articles that started the project, bundled so the app and the
/// tests can offer them without any network request.
pub const SEED_ARTICLES: [(&str, &str); 3] = [
    (
        "Chips and AI: “you are my enemy” (EN commentary)",
        include_str!("../assets/seeds/000_4b0d180f71e0c4f2.txt"),
    ),
    (
        "Chip containment has backfired (EN comment, with source)",
        include_str!("../assets/seeds/001_b2ba1f865d37b29f.txt"),
    ),
    (
        "风向彻底变了 (ZH commentary)",
        include_str!("../assets/seeds/002_8a456bd384d602db.txt"),
    ),
];
