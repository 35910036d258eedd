//! Share links: the whole annotated article in the URL fragment, so a reader can
//! send their work as one link and nothing ever reaches a server.
//!
//! The fragment payload is `v1.` followed by the base64url (no padding) of the
//! zlib-compressed annotation file ([`crate::annotation::export`], re-serialised
//! without the pretty-printing white space). The fragment part of a URL (after
//! `#`) is never sent to the server, so the article stays on the reader's machine.
//! zlib rather than raw deflate because its Adler-32 checksum catches a link that
//! was damaged in transit, and because browsers can read it natively
//! (`DecompressionStream("deflate")`) should a script ever need to.
//!
//! Decoding treats the fragment as untrusted input: it never panics, names what is
//! wrong in the error, and caps the inflated size so that a small crafted link
//! cannot expand into gigabytes (a "decompression bomb").

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::annotation;
use crate::article::AnnotatedArticle;

/// The longest payload [`encode`] produces, in characters (the payload is ASCII,
/// so also bytes).
///
/// Browsers accept far longer URLs (Chromium up to 2 MB), but a share link has to
/// survive being pasted into chat apps, e-mail and learning platforms, several of
/// which cut or refuse links in the tens of kilobytes, and an address bar that has
/// to lay out a huge URL gets sluggish. 32,000 characters is a round number under
/// those limits that still fits a long news article with all its findings and
/// notes: the seed articles (2.4–5.6 KB of text) come to links of 2,500–5,700
/// characters, so roughly 25–30 KB of text fits. Anything larger should travel as
/// an annotation file instead.
pub const MAX_FRAGMENT_BYTES: usize = 32_000;

/// The largest annotation file a link may inflate to. JSON compresses about
/// 3–10 times, so an honest link within [`MAX_FRAGMENT_BYTES`] inflates to a few
/// hundred kilobytes at most; 4 MiB leaves generous room for older or longer links
/// while refusing a crafted link that would expand a thousandfold.
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// Links longer than this are refused before any decoding work. Larger than
/// [`MAX_FRAGMENT_BYTES`] so that a link made by a future version with a higher
/// limit still opens, but bounded so that a pasted multi-megabyte string is not
/// decoded at all.
pub const MAX_DECODE_CHARS: usize = 1024 * 1024;

/// The version tag this program writes and reads, including its separator.
const VERSION_PREFIX: &str = "v1.";

/// zlib level 9: links are made rarely and read often, so spend the time once on
/// the smallest output.
const COMPRESSION_LEVEL: u8 = 9;

/// Why a link could not be made or read. `Display` gives a message for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The payload would be longer than [`MAX_FRAGMENT_BYTES`].
    TooLong { chars: usize, limit: usize },
    /// Nothing after the `#`.
    Empty,
    /// The fragment does not start with a version tag such as `v1.`.
    NotAShareLink,
    /// A version tag this program does not know (made by a newer version).
    UnknownVersion(String),
    /// Characters outside base64url, or a broken base64 length.
    NotBase64,
    /// The compressed data is damaged (cut short, altered, wrong checksum).
    Corrupt,
    /// The data would inflate beyond [`MAX_INFLATED_BYTES`].
    InflatesTooLarge { limit: usize },
    /// The inflated data is not UTF-8 text.
    NotText,
    /// The inflated text is not a valid annotation file.
    Invalid(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong { chars, limit } => write!(
                f,
                "This article and its annotations need a link of {chars} characters, more than the {limit} a share link may have (longer links get cut off by chat apps and e-mail). Export an annotation file and send the file instead."
            ),
            ShareError::Empty => f.write_str("The share link has nothing after the #."),
            ShareError::NotAShareLink => f.write_str(
                "This is not a Sourcelight share link: the part after # should start with \"v1.\". Check that the whole link was copied.",
            ),
            ShareError::UnknownVersion(tag) => write!(
                f,
                "This share link was made in format \"{tag}\", which this version of Sourcelight cannot read. Open it with a newer version, or ask for the annotation file."
            ),
            ShareError::NotBase64 => f.write_str(
                "The share link contains characters that do not belong in it; it may have been cut off or changed when it was copied.",
            ),
            ShareError::Corrupt => f.write_str(
                "The share link is damaged (cut off or changed when it was copied), so the article cannot be restored. Ask for the link again or for the annotation file.",
            ),
            ShareError::InflatesTooLarge { limit } => write!(
                f,
                "The share link would unpack to more than {} MB, far more than any article; it was refused.",
                limit / (1024 * 1024)
            ),
            ShareError::NotText => f.write_str(
                "The share link does not contain text; it may have been made by another program.",
            ),
            ShareError::Invalid(message) => {
                write!(f, "The share link holds an invalid annotation file: {message}")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment payload (without `#`) that carries `article`, or
/// [`ShareError::TooLong`] when it would exceed [`MAX_FRAGMENT_BYTES`].
pub fn encode(article: &AnnotatedArticle) -> Result<String, ShareError> {
    let json = compact(&annotation::export(article));
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), COMPRESSION_LEVEL);
    let mut payload = String::with_capacity(VERSION_PREFIX.len() + compressed.len() * 4 / 3 + 4);
    payload.push_str(VERSION_PREFIX);
    URL_SAFE_NO_PAD.encode_string(&compressed, &mut payload);
    if payload.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLong {
            chars: payload.len(),
            limit: MAX_FRAGMENT_BYTES,
        });
    }
    Ok(payload)
}

/// Restore the article from a fragment made by [`encode`], with or without the
/// leading `#`. Never panics, whatever the input.
pub fn decode(fragment: &str) -> Result<AnnotatedArticle, ShareError> {
    let payload = fragment.trim();
    let payload = payload.strip_prefix('#').unwrap_or(payload);
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let Some(data) = payload.strip_prefix(VERSION_PREFIX) else {
        return Err(match version_tag(payload) {
            Some(tag) => ShareError::UnknownVersion(tag.to_string()),
            None => ShareError::NotAShareLink,
        });
    };
    if payload.len() > MAX_DECODE_CHARS {
        return Err(ShareError::TooLong {
            chars: payload.len(),
            limit: MAX_DECODE_CHARS,
        });
    }
    // Some messengers and mail clients pad a copied link with '=' or break it over
    // lines; neither belongs to the payload, so both are forgiven.
    let cleaned: String = data
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches('=')
        .to_string();
    if cleaned.is_empty() {
        return Err(ShareError::Empty);
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(cleaned.as_bytes())
        .map_err(|_| ShareError::NotBase64)?;
    let inflated =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_INFLATED_BYTES)
            .map_err(|error| match error.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::InflatesTooLarge {
                    limit: MAX_INFLATED_BYTES,
                },
                _ => ShareError::Corrupt,
            })?;
    let json = String::from_utf8(inflated).map_err(|_| ShareError::NotText)?;
    annotation::import(&json).map_err(|error| ShareError::Invalid(error.message))
}

/// `v2` for a payload like `v2.abc`: a version tag is `v` and digits before a dot.
fn version_tag(payload: &str) -> Option<&str> {
    let (tag, _) = payload.split_once('.')?;
    let digits = tag.strip_prefix('v')?;
    (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(tag)
}

/// The same JSON without the pretty-printing white space (a share link is not read
/// by people, and every byte saved lets a longer article fit). Falls back to the
/// input, which is equally valid, should it ever fail to parse.
fn compact(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|value| serde_json::to_string(&value).ok())
        .unwrap_or_else(|| json.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Answer, ChecklistAnswer, Note, Review};

    fn annotated_seed(index: usize) -> AnnotatedArticle {
        AnnotatedArticle::analyze(crate::SEED_ARTICLES[index].1, None)
    }

    #[test]
    fn every_seed_round_trips() {
        for (index, (name, _)) in crate::SEED_ARTICLES.iter().enumerate() {
            let article = annotated_seed(index);
            let payload = encode(&article).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(payload.starts_with("v1."));
            assert!(
                payload
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'),
                "{name}: the payload must need no percent-encoding in a URL"
            );
            assert_eq!(decode(&payload).as_ref(), Ok(&article), "{name}");
            assert_eq!(
                decode(&format!("#{payload}")).as_ref(),
                Ok(&article),
                "{name}, with #"
            );
        }
    }

    #[test]
    fn reviews_notes_and_answers_survive_the_trip() {
        let mut article = annotated_seed(1);
        if let Some(first) = article.findings.first_mut() {
            first.review = Review::Rejected {
                reason: "a fair description, <not> loaded & \"fine\"".to_string(),
            };
        }
        article.notes.push(Note {
            id: "note-1".to_string(),
            span: Some(crate::analysis::Span::new(0, 5)),
            label: "my-tag".to_string(),
            body: "Check this 😀 against the 原文.\nSecond line.".to_string(),
        });
        article.set_answer(ChecklistAnswer {
            item_id: "sift-stop".to_string(),
            answer: Answer::Unsure,
            note: "I know the site.".to_string(),
        });
        let payload = encode(&article).expect("fits");
        assert_eq!(decode(&payload), Ok(article));
    }

    #[test]
    fn a_compressed_link_is_much_shorter_than_the_file() {
        let article = annotated_seed(0);
        let payload = encode(&article).expect("fits");
        assert!(payload.len() * 3 < annotation::export(&article).len());
    }

    #[test]
    fn too_long_an_article_is_refused_with_advice() {
        // Text that does not compress: a pseudo-random mix of Han characters, so
        // the link really would be long.
        let mut state: u32 = 12345;
        let text: String = (0..40_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from_u32(0x4E00 + (state >> 16) % 0x5000).unwrap_or('中')
            })
            .collect();
        let article = AnnotatedArticle::analyze(&text, None);
        match encode(&article) {
            Err(error @ ShareError::TooLong { chars, limit }) => {
                assert!(chars > limit);
                assert_eq!(limit, MAX_FRAGMENT_BYTES);
                assert!(error.to_string().contains("annotation file"));
            }
            other => panic!("expected TooLong, got {other:?}"),
        }
    }

    #[test]
    fn garbage_is_rejected_with_a_reason() {
        let payload = encode(&annotated_seed(1)).expect("fits");
        let body = &payload[VERSION_PREFIX.len()..];
        let cases: Vec<(String, ShareError)> = vec![
            (String::new(), ShareError::Empty),
            ("#".to_string(), ShareError::Empty),
            ("v1.".to_string(), ShareError::Empty),
            ("#about".to_string(), ShareError::NotAShareLink),
            ("hello world".to_string(), ShareError::NotAShareLink),
            (
                format!("v2.{body}"),
                ShareError::UnknownVersion("v2".to_string()),
            ),
            ("v1.!!!***".to_string(), ShareError::NotBase64),
            ("v1.中文".to_string(), ShareError::NotBase64),
            // Valid base64 of bytes that are not zlib data.
            ("v1.aGVsbG8gd29ybGQ".to_string(), ShareError::Corrupt),
        ];
        for (input, expected) in cases {
            assert_eq!(decode(&input), Err(expected.clone()), "input {input:?}");
            assert!(!expected.to_string().is_empty());
        }
        // Cut off, as a messenger might: depending on where the cut falls the base64
        // or the compressed stream breaks first; either way the reader hears why.
        for cut in [payload.len() / 2, payload.len() / 2 + 1, payload.len() - 1] {
            let result = decode(&payload[..cut]);
            assert!(
                matches!(result, Err(ShareError::Corrupt | ShareError::NotBase64)),
                "cut at {cut}: {result:?}"
            );
        }
    }

    #[test]
    fn a_changed_character_is_caught() {
        let payload = encode(&annotated_seed(2)).expect("fits");
        let middle = payload.len() / 2;
        let mut bytes = payload.into_bytes();
        bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(bytes).expect("ascii");
        assert!(decode(&damaged).is_err());
    }

    #[test]
    fn valid_compression_of_something_else_is_not_an_article() {
        let not_json = miniz_oxide::deflate::compress_to_vec_zlib(b"just some words", 6);
        let payload = format!("v1.{}", URL_SAFE_NO_PAD.encode(not_json));
        assert!(matches!(decode(&payload), Err(ShareError::Invalid(_))));
        let not_utf8 = miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe, 0x00], 6);
        let payload = format!("v1.{}", URL_SAFE_NO_PAD.encode(not_utf8));
        assert_eq!(decode(&payload), Err(ShareError::NotText));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        // 16 MiB of spaces compresses to about 16 KB; the link must not inflate it.
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 16 * 1024 * 1024], 6);
        let payload = format!("v1.{}", URL_SAFE_NO_PAD.encode(&bomb));
        assert!(payload.len() < MAX_DECODE_CHARS);
        assert_eq!(
            decode(&payload),
            Err(ShareError::InflatesTooLarge {
                limit: MAX_INFLATED_BYTES
            })
        );
    }

    #[test]
    fn padding_and_line_breaks_from_copying_are_forgiven() {
        let article = annotated_seed(1);
        let payload = encode(&article).expect("fits");
        let (head, tail) = payload.split_at(payload.len() / 2);
        let mangled = format!("  #{head}\n{tail}==  ");
        assert_eq!(decode(&mangled), Ok(article));
    }
}
