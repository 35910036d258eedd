//! The W3C Web Annotation file (JSON-LD): the only module that derives serde for
//! the article model, so the internal types stay free to change.
//!
//! One file holds one [`AnnotatedArticle`]: an `AnnotationCollection` that embeds the
//! full text (with its SHA-256) and one page of `Annotation`s, one per finding and
//! one per reader's note, plus the checklist answers under the project's own `sl:`
//! terms. The format is written down in docs/annotation-format.md (with a JSON
//! Schema in docs/annotation.schema.json); `import(&export(a)) == Ok(a)` for every
//! article whose spans lie inside its text and whose statuses suit their kinds.
//!
//! - `wire`: the serde structs of the file as written (export side).
//! - `export`: article → wire structs → pretty JSON.
//! - `import`: JSON → checked article; every rejection names what is wrong and where.
//! - `chars`: code-point ↔ byte lookup shared by both directions.
//! - `foreign`: files from other W3C tools, re-anchored onto the open article as notes.

mod chars;
mod export;
pub mod foreign;
mod import;
mod wire;

use sha2::{Digest, Sha256};

use crate::article::AnnotatedArticle;

/// The JSON-LD context of the W3C Web Annotation vocabulary.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI the `sl:` prefix stands for. A URN rather than a web address because the
/// project has no web site to host a vocabulary; the terms are defined in
/// docs/annotation-format.md.
pub const SL_NAMESPACE: &str = "urn:sourcelight:ns:";

/// The version of the `sl:` terms this program writes and reads (`sl:formatVersion`).
pub const FORMAT_VERSION: u64 = 1;

/// Files larger than this are refused before parsing: a real article with every
/// annotation is a few hundred kilobytes, and parsing a huge file in the browser
/// would freeze the page.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Code points of context kept on each side of a finding in a `TextQuoteSelector`.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

/// Why a file could not be imported; `Display` names what is wrong for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// The annotation file for `article`, as pretty-printed JSON-LD.
pub fn export(article: &AnnotatedArticle) -> String {
    export::to_json(article)
}

/// Read an annotation file; reject one that breaks the format with a message naming what is wrong.
pub fn import(json: &str) -> Result<AnnotatedArticle, ImportError> {
    import::from_json(json)
}

/// Lower-case hex SHA-256 of the text's UTF-8 bytes (`sl:textSha256`).
pub fn text_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0x0f), 16).unwrap_or('0'));
    }
    hex
}

/// The id of the article text, derived from its content so that exporting the same
/// text twice gives the same id (the core has no clock or random numbers):
/// `urn:sourcelight:sha256:<hex>`. Every annotation's target `source` is this id.
pub fn article_id(text: &str) -> String {
    format!("urn:sourcelight:sha256:{}", text_sha256(text))
}

/// The id of the collection of annotations on the text:
/// `urn:sourcelight:annotations:sha256:<hex>`. The page and the annotations are
/// fragments of it (`#page-1`, `#finding-3`, `#note-1`).
pub fn collection_id(text: &str) -> String {
    format!("urn:sourcelight:annotations:sha256:{}", text_sha256(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_known_digests() {
        // FIPS 180-2 test vectors.
        assert_eq!(
            text_sha256(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            text_sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn ids_are_content_addressed() {
        assert_eq!(
            article_id("abc"),
            format!("urn:sourcelight:sha256:{}", text_sha256("abc"))
        );
        assert_ne!(article_id("abc"), article_id("abd"));
        assert_ne!(article_id("abc"), collection_id("abc"));
    }
}
