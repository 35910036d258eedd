//! Annotation files written by other W3C Web Annotation tools (Hypothesis,
//! Recogito, Annotator-style JSON-LD), placed on the article the reader has open.
//!
//! Such files carry no text of their own, only each annotation's selectors, so
//! every annotation is re-anchored on the current text by its quoted words
//! (`TextQuoteSelector`), with its `TextPositionSelector` as the expected place.
//! What cannot be placed is returned as an [`Orphan`], never dropped.
//!
//! The file is untrusted: it is walked as a `serde_json::Value` in fixed shapes
//! (no unbounded recursion), anything unexpected is skipped rather than unwrapped,
//! and the whole-text searching all annotations may do together is capped.

use serde_json::{Map, Value};

use super::chars::CharIndex;
use super::ImportError;
use crate::analysis::Span;
use crate::article::{AnnotatedArticle, Note};
use crate::reanchor::{reanchor, Orphan, MAX_WHOLE_TEXT_SCAN_BYTES};

/// Label of an imported note whose annotation carries no tag.
pub const DEFAULT_LABEL: &str = "imported";

/// Whole-text passes one re-anchoring search may make at worst (the quote, its
/// context, pieces of the quote for the approximate search); used to charge each
/// search against [`MAX_WHOLE_TEXT_SCAN_BYTES`], so a file with thousands of
/// annotations on a long text cannot freeze the page.
const SCANS_PER_SEARCH: usize = 12;

/// Where one annotation says it belongs.
#[derive(Default)]
struct Selection {
    /// `TextQuoteSelector`: exact, prefix, suffix.
    quote: Option<(String, String, String)>,
    /// `TextPositionSelector`, in code points.
    position: Option<Span>,
}

/// Read an annotation file made by another tool and place its annotations on
/// `current_text` as reader's notes (ids `imported-1`, …) on a fresh analysis of
/// that text. Refuses a file with no annotations, one whose annotations have no
/// text selectors at all, and Sourcelight's own files (which `annotation::import`
/// reads, with their own checks).
pub fn import_foreign(
    json: &str,
    current_text: &str,
) -> Result<(AnnotatedArticle, Vec<Orphan>), ImportError> {
    let fail = |message: String| Err(ImportError { message });
    let root = super::import::parse_json(json)?;
    if let Value::Object(map) = &root {
        // A damaged Sourcelight file must be reported by its own checks, not half-read here.
        if map.keys().any(|key| key.starts_with("sl:")) {
            return fail("this is a Sourcelight annotation file, not one from another tool".into());
        }
    }
    let annotations = collect_annotations(&root);
    if annotations.is_empty() {
        return fail(
            "found no annotations: expected a W3C Web Annotation, an AnnotationPage (items), \
             an AnnotationCollection with its first page embedded, or a JSON array of annotations"
                .to_string(),
        );
    }

    let index = CharIndex::new(current_text);
    let mut article = AnnotatedArticle::analyze(current_text, None);
    let mut orphans = Vec::new();
    let mut any_selector = false;
    let mut scan_budget = MAX_WHOLE_TEXT_SCAN_BYTES;
    let search_cost = SCANS_PER_SEARCH.saturating_mul(current_text.len().max(1));
    for annotation in annotations {
        let (label, body) = label_and_body(annotation);
        let selections = selections(annotation);
        if selections.is_empty() {
            // A note on the page as a whole (Hypothesis "page notes").
            push_note(&mut article, None, label, body);
            continue;
        }
        any_selector = true;
        for selection in selections {
            let placed = place(
                &selection,
                &index,
                current_text,
                &mut scan_budget,
                search_cost,
            );
            match placed {
                Ok(span) => push_note(&mut article, Some(span), label.clone(), body.clone()),
                Err(reason) => orphans.push(Orphan {
                    description: describe_orphan(&label, &body, &reason),
                    quote: selection
                        .quote
                        .map(|(exact, _, _)| exact)
                        .unwrap_or_default(),
                }),
            }
        }
    }
    if !any_selector {
        return fail(
            "none of the annotations has a TextQuoteSelector or TextPositionSelector, \
             so none can be placed on the text"
                .to_string(),
        );
    }
    Ok((article, orphans))
}

fn push_note(article: &mut AnnotatedArticle, span: Option<Span>, label: String, body: String) {
    let id = format!("imported-{}", article.notes.len() + 1);
    article.notes.push(Note {
        id,
        span,
        label,
        body,
    });
}

fn describe_orphan(label: &str, body: &str, reason: &str) -> String {
    if body.is_empty() {
        format!("Imported note \u{201c}{label}\u{201d}: {reason}")
    } else {
        format!("Imported note \u{201c}{label}\u{201d} ({body}): {reason}")
    }
}

/// Where `selection` stands in `text`, or why it cannot be placed.
fn place(
    selection: &Selection,
    index: &CharIndex,
    text: &str,
    scan_budget: &mut usize,
    search_cost: usize,
) -> Result<Span, String> {
    let len = index.len();
    let Some((exact, prefix, suffix)) = &selection.quote else {
        // Only a position: nothing to check it against, so it is taken on trust
        // when it lies inside the text.
        return match selection.position {
            Some(span) if span.start < span.end && span.end <= len => Ok(span),
            Some(span) => Err(format!(
                "its position {}–{} is not a stretch of this text ({len} characters long).",
                span.start, span.end
            )),
            None => Err("it has no usable selector.".to_string()),
        };
    };
    if exact.is_empty() {
        return Err("its TextQuoteSelector quotes no words.".to_string());
    }
    // Cheap case first: the quote with its recorded context still stands at the
    // recorded position (a file made on this very text).
    let exact_chars = exact.chars().count();
    if let Some(span) = selection.position {
        let end_char = span.start.checked_add(exact_chars);
        if let (Some(start), Some(end)) = (
            index.byte_at(span.start),
            end_char.and_then(|e| index.byte_at(e)),
        ) {
            if text.get(start..end) == Some(exact.as_str())
                && text[..start].ends_with(prefix.as_str())
                && text[end..].starts_with(suffix.as_str())
            {
                return Ok(Span::new(span.start, span.start + exact_chars));
            }
        }
    }
    if search_cost > *scan_budget {
        return Err(
            "not searched for: the file has too many annotations to look for in a text this long."
                .to_string(),
        );
    }
    *scan_budget -= search_cost;
    reanchor(exact, prefix, suffix, selection.position, text)
        .ok_or_else(|| "its words are not in this text.".to_string())
}

/// The annotations a file holds, in whichever container it uses.
fn collect_annotations(root: &Value) -> Vec<&Map<String, Value>> {
    match root {
        Value::Array(items) => objects(items),
        Value::Object(map) => {
            if is_annotation(map) {
                return vec![map];
            }
            // AnnotationPage; Hypothesis's export ("annotations") and API search ("rows").
            for key in ["items", "annotations", "rows"] {
                if let Some(Value::Array(items)) = map.get(key) {
                    return objects(items);
                }
            }
            // AnnotationCollection with its first page embedded.
            if let Some(Value::Object(first)) = map.get("first") {
                if let Some(Value::Array(items)) = first.get("items") {
                    return objects(items);
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn objects(items: &[Value]) -> Vec<&Map<String, Value>> {
    items
        .iter()
        .filter_map(Value::as_object)
        .filter(|map| is_annotation(map))
        .collect()
}

fn is_annotation(map: &Map<String, Value>) -> bool {
    has_type(map.get("type"), "Annotation")
        || has_type(map.get("@type"), "Annotation")
        || map.contains_key("target")
}

/// True when a `type` (a string or an array of them) names `wanted`, with or without
/// a vocabulary prefix ("oa:Annotation").
fn has_type(value: Option<&Value>, wanted: &str) -> bool {
    let matches = |v: &Value| {
        v.as_str()
            .is_some_and(|t| t == wanted || t.rsplit(':').next() == Some(wanted))
    };
    match value {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(v) => matches(v),
        None => false,
    }
}

fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(v) => vec![v],
    }
}

/// One selection per target that carries a text selector; a target that is only a
/// source address selects nothing.
fn selections(annotation: &Map<String, Value>) -> Vec<Selection> {
    let mut found = Vec::new();
    for target in one_or_many(annotation.get("target")) {
        let Value::Object(target) = target else {
            continue;
        };
        let mut selection = Selection::default();
        for selector in one_or_many(target.get("selector")) {
            let Value::Object(selector) = selector else {
                continue;
            };
            let kind = selector.get("type").or_else(|| selector.get("@type"));
            if selection.quote.is_none() && has_type(kind, "TextQuoteSelector") {
                if let Some(exact) = selector.get("exact").and_then(Value::as_str) {
                    let text = |key: &str| {
                        selector
                            .get(key)
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string()
                    };
                    selection.quote = Some((exact.to_string(), text("prefix"), text("suffix")));
                }
            } else if selection.position.is_none() && has_type(kind, "TextPositionSelector") {
                let number = |key: &str| {
                    selector
                        .get(key)
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                };
                if let (Some(start), Some(end)) = (number("start"), number("end")) {
                    if start <= end {
                        selection.position = Some(Span::new(start, end));
                    }
                }
            }
        }
        if selection.quote.is_some() || selection.position.is_some() {
            found.push(selection);
        }
    }
    // Annotator-style records quote the words outside any selector.
    if found.is_empty() {
        if let Some(quote) = annotation.get("quote").and_then(Value::as_str) {
            found.push(Selection {
                quote: Some((quote.to_string(), String::new(), String::new())),
                position: None,
            });
        }
    }
    found
}

/// The note's label (its tags, or [`DEFAULT_LABEL`]) and body (its comments).
fn label_and_body(annotation: &Map<String, Value>) -> (String, String) {
    let mut tags: Vec<String> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let keep = |list: &mut Vec<String>, value: &str| {
        let value = value.trim();
        if !value.is_empty() && !list.iter().any(|kept| kept == value) {
            list.push(value.to_string());
        }
    };
    for body in one_or_many(annotation.get("body")) {
        match body {
            // A bare string body is an address (of a linked resource); kept as written.
            Value::String(s) => keep(&mut texts, s),
            Value::Object(body) => {
                let Some(value) = body.get("value").and_then(Value::as_str) else {
                    continue;
                };
                let purposes = one_or_many(body.get("purpose"));
                if purposes.iter().any(|p| has_type(Some(p), "tagging")) {
                    keep(&mut tags, value);
                } else {
                    keep(&mut texts, value);
                }
            }
            _ => {}
        }
    }
    if let Some(value) = annotation.get("bodyValue").and_then(Value::as_str) {
        keep(&mut texts, value);
    }
    // Hypothesis and Annotator: `text` for the comment, `tags` for the tags.
    if let Some(value) = annotation.get("text").and_then(Value::as_str) {
        keep(&mut texts, value);
    }
    for tag in one_or_many(annotation.get("tags")) {
        if let Some(tag) = tag.as_str() {
            keep(&mut tags, tag);
        }
    }
    let label = if tags.is_empty() {
        DEFAULT_LABEL.to_string()
    } else {
        tags.join(", ")
    };
    (label, texts.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "The mayor said the plan was a disaster. Critics called it reckless. \
                        Officials later confirmed the budget had doubled since spring.";

    fn code_point_span(text: &str, words: &str) -> (usize, usize) {
        let byte = text.find(words).expect("words in text");
        let start = text[..byte].chars().count();
        (start, start + words.chars().count())
    }

    fn noted<'a>(article: &'a AnnotatedArticle, text: &'a str) -> Vec<(&'a str, &'a str)> {
        let index = CharIndex::new(text);
        article
            .notes
            .iter()
            .map(|n| (index.slice(n.span.expect("placed")), n.body.as_str()))
            .collect()
    }

    #[test]
    fn hypothesis_annotation_with_quote_and_position_becomes_a_note() {
        let (start, end) = code_point_span(TEXT, "called it reckless");
        let file = json!({
            "id": "abc123",
            "uri": "https://example.org/story",
            "text": "Loaded word, no source.",
            "tags": ["framing"],
            "target": [{
                "source": "https://example.org/story",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]"},
                    {"type": "TextQuoteSelector", "exact": "called it reckless", "prefix": "disaster. Critics ", "suffix": ". Officials"},
                    {"type": "TextPositionSelector", "start": start, "end": end}
                ]
            }]
        });
        let (article, orphans) = import_foreign(&file.to_string(), TEXT).unwrap();
        assert!(orphans.is_empty());
        assert_eq!(article.text, TEXT);
        assert_eq!(article.notes.len(), 1);
        assert_eq!(article.notes[0].id, "imported-1");
        assert_eq!(article.notes[0].label, "framing");
        assert_eq!(
            noted(&article, TEXT),
            vec![("called it reckless", "Loaded word, no source.")]
        );
        // The analysis is the usual one for the text.
        assert_eq!(
            article.findings,
            AnnotatedArticle::analyze(TEXT, None).findings
        );
    }

    #[test]
    fn annotation_page_of_two_with_w3c_bodies_and_a_stale_position() {
        let file = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationPage",
            "items": [
                {
                    "type": "Annotation",
                    "body": [
                        {"type": "TextualBody", "purpose": "commenting", "value": "Who said so?"},
                        {"type": "TextualBody", "purpose": "describing", "value": "Unnamed officials."},
                        {"type": "TextualBody", "purpose": "tagging", "value": "vague-source"}
                    ],
                    // The position is from another version of the page: the quote wins.
                    "target": {"source": "x", "selector": [
                        {"type": "TextQuoteSelector", "exact": "Officials later confirmed", "prefix": "reckless. "},
                        {"type": "TextPositionSelector", "start": 3, "end": 28}
                    ]}
                },
                {
                    "type": "Annotation",
                    "bodyValue": "Check the number.",
                    "target": {"source": "x", "selector":
                        {"type": "TextQuoteSelector", "exact": "budget had doubled"}}
                }
            ]
        });
        let (article, orphans) = import_foreign(&file.to_string(), TEXT).unwrap();
        assert!(orphans.is_empty(), "{orphans:?}");
        assert_eq!(
            noted(&article, TEXT),
            vec![
                (
                    "Officials later confirmed",
                    "Who said so?\n\nUnnamed officials."
                ),
                ("budget had doubled", "Check the number."),
            ]
        );
        assert_eq!(article.notes[0].label, "vague-source");
        assert_eq!(article.notes[1].label, DEFAULT_LABEL);
        assert_eq!(article.notes[1].id, "imported-2");
    }

    #[test]
    fn collection_with_embedded_page_and_plain_array_are_read() {
        let annotation = json!({"type": "Annotation", "bodyValue": "b",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "the plan was a disaster"}}});
        let collection =
            json!({"type": "AnnotationCollection", "first": {"items": [annotation.clone()]}});
        let array = json!([annotation]);
        for file in [collection, array] {
            let (article, orphans) = import_foreign(&file.to_string(), TEXT).unwrap();
            assert!(orphans.is_empty());
            assert_eq!(
                noted(&article, TEXT),
                vec![("the plan was a disaster", "b")]
            );
        }
    }

    #[test]
    fn an_annotation_that_cannot_be_placed_is_an_orphan_not_lost() {
        let file = json!([
            {"type": "Annotation", "bodyValue": "kept",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "Critics called it reckless"}}},
            {"type": "Annotation", "bodyValue": "about the weather",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "heavy rain flooded the valley overnight"}}},
            {"type": "Annotation", "bodyValue": "far away",
             "target": {"selector": {"type": "TextPositionSelector", "start": 5000, "end": 5010}}}
        ]);
        let (article, orphans) = import_foreign(&file.to_string(), TEXT).unwrap();
        assert_eq!(
            noted(&article, TEXT),
            vec![("Critics called it reckless", "kept")]
        );
        assert_eq!(orphans.len(), 2);
        assert_eq!(orphans[0].quote, "heavy rain flooded the valley overnight");
        assert!(orphans[0].description.contains("about the weather"));
        assert!(orphans[1].description.contains("far away"));
    }

    #[test]
    fn garbage_and_files_without_annotations_or_selectors_are_refused() {
        let cases = [
            ("", "empty"),
            ("{not json", "not JSON"),
            ("[1, 2, 3]", "no annotations"),
            ("{\"type\": \"AnnotationPage\", \"items\": []}", "no annotations"),
            ("\"Annotation\"", "no annotations"),
            (
                "{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}",
                "no annotations",
            ),
            (
                "[{\"type\": \"Annotation\", \"target\": \"https://example.org/\", \"bodyValue\": \"x\"}]",
                "TextQuoteSelector",
            ),
            (
                "{\"type\": \"AnnotationCollection\", \"sl:formatVersion\": 1, \"first\": {\"items\": []}}",
                "Sourcelight",
            ),
        ];
        for (json, names) in cases {
            let error = import_foreign(json, TEXT).unwrap_err();
            assert!(error.message.contains(names), "{json}: {}", error.message);
        }
    }

    #[test]
    fn hostile_values_do_not_panic() {
        let cases = [
            json!([{"target": {"selector": {"type": "TextPositionSelector", "start": 10, "end": 2}}}]),
            json!([{"target": {"selector": {"type": "TextPositionSelector", "start": -1, "end": 1e30}}}]),
            json!([{"target": {"selector": [{"type": "TextQuoteSelector", "exact": ""},
                {"type": "TextPositionSelector", "start": u64::MAX, "end": u64::MAX}]}}]),
            json!([{"target": {"selector": [{"type": "TextQuoteSelector", "exact": "mayor", "prefix": 5},
                {"type": "TextPositionSelector", "start": usize::MAX - 1, "end": usize::MAX}]}}]),
            json!([{"target": [null, 3, {"selector": [null, "x", {"type": ["oa:TextQuoteSelector"], "exact": "é"}]}],
                "body": [null, 1, {"value": 2}, {"value": "v", "purpose": ["tagging", "x"]}]}]),
        ];
        for file in cases {
            let _ = import_foreign(&file.to_string(), TEXT);
            let _ = import_foreign(&file.to_string(), "");
        }
    }

    #[test]
    fn emoji_before_the_quote_counts_as_one_code_point() {
        let text = "🙂🙂 Breaking: 统计数据 shows the rate rose 40% in a year.";
        let (start, end) = code_point_span(text, "rate rose 40%");
        let file = json!({
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": "Which survey?", "purpose": "commenting"},
            "target": {"selector": [
                {"type": "TextQuoteSelector", "exact": "rate rose 40%", "prefix": "shows the ", "suffix": " in a year"},
                {"type": "TextPositionSelector", "start": start, "end": end}
            ]}
        });
        let (article, orphans) = import_foreign(&file.to_string(), text).unwrap();
        assert!(orphans.is_empty());
        assert_eq!(article.notes[0].span, Some(Span::new(start, end)));
        assert_eq!(
            noted(&article, text),
            vec![("rate rose 40%", "Which survey?")]
        );
        // A position counted in UTF-16 units (as a browser would) is only a hint.
        let utf16_start = text[..text.find("rate").unwrap()].encode_utf16().count();
        let skewed = file.to_string().replace(
            &format!("\"start\":{start}"),
            &format!("\"start\":{utf16_start}"),
        );
        let (article, _) = import_foreign(&skewed, text).unwrap();
        assert_eq!(
            noted(&article, text),
            vec![("rate rose 40%", "Which survey?")]
        );
    }
}
