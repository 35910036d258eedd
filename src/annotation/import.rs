//! Annotation file → article, checking everything the format promises.
//!
//! The file is parsed into a `serde_json::Value` and walked by hand rather than
//! deserialized into derived structs: a derived `Deserialize` reports "invalid type:
//! string, expected usize" without saying which of a thousand annotations it was,
//! while a reader needs "annotation 3: items[2].target.selector[0].end must be a
//! whole number …". Every check below produces one such sentence.
//!
//! Rules of thumb: keys outside the `sl:` prefix that the format does not use are
//! ignored (JSON-LD files may carry other vocabularies), but an `sl:` term in a place
//! that does not use it is an error, because it would otherwise be silently lost.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::chars::CharIndex;
use super::{
    article_id, text_sha256, ImportError, FORMAT_VERSION, MAX_FILE_BYTES, SL_NAMESPACE, W3C_CONTEXT,
};
use crate::analysis::{
    Detail, Finding, Kind, Language, QuoteForm, SourceReach, SourceRef, Span, Speaker, Status,
};
use crate::article::{AnnotatedArticle, Answer, ChecklistAnswer, Note, Review, ReviewedFinding};

type Result<T> = std::result::Result<T, ImportError>;

fn fail<T>(message: String) -> Result<T> {
    Err(ImportError { message })
}

/// Parse an untrusted annotation file's JSON (ours or another tool's): size limit,
/// byte-order mark, emptiness and syntax, each refused with its own message.
pub(super) fn parse_json(json: &str) -> Result<Value> {
    if json.len() > MAX_FILE_BYTES {
        return fail(format!(
            "the file is too large ({} bytes; Sourcelight reads annotation files up to {} MB)",
            json.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    // Editors on Windows like to start UTF-8 files with a byte-order mark; JSON forbids it.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return fail("not JSON: the file is empty".to_string());
    }
    serde_json::from_str(json).map_err(|e| ImportError {
        message: format!("not JSON: {e}"),
    })
}

pub(super) fn from_json(json: &str) -> Result<AnnotatedArticle> {
    let value = parse_json(json)?;
    collection(&Node {
        value: &value,
        path: String::new(),
    })
}

fn collection(root: &Node) -> Result<AnnotatedArticle> {
    if !root.value.is_object() {
        return fail(format!(
            "the file must be a JSON object (an AnnotationCollection), found {}",
            describe(root.value)
        ));
    }
    check_context(&root.required("@context")?)?;
    root.required("type")?.expect_str("AnnotationCollection")?;
    root.required("id")?.str()?;
    root.allow_sl(
        &["sl:formatVersion", "sl:article", "sl:checklistAnswers"],
        "an AnnotationCollection",
    )?;
    let version_node = root.required("sl:formatVersion")?;
    let version = version_node.whole_number()?;
    if version != FORMAT_VERSION {
        let hint = if version > FORMAT_VERSION {
            " (a newer Sourcelight wrote it; update this one)"
        } else {
            ""
        };
        return fail(format!(
            "{} is {version}, but this Sourcelight reads version {FORMAT_VERSION}{hint}",
            version_node.name()
        ));
    }

    let article = root.required("sl:article")?;
    article.object()?;
    article.required("type")?.expect_str("Text")?;
    article.allow_sl(
        &["sl:languageOverride", "sl:textSha256", "sl:text"],
        "sl:article",
    )?;
    let text = article.required("sl:text")?.str()?;
    let hash_node = article.required("sl:textSha256")?;
    let claimed_hash = hash_node.str()?;
    if claimed_hash.len() != 64 || !claimed_hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return fail(format!(
            "{} must be 64 hexadecimal digits, found {}",
            hash_node.name(),
            describe(hash_node.value)
        ));
    }
    if !claimed_hash.eq_ignore_ascii_case(&text_sha256(text)) {
        return fail(
            "the text's SHA-256 does not match sl:textSha256 (sl:article.sl:text was changed after the file was written, or the hash is wrong)"
                .to_string(),
        );
    }
    let source_id = article_id(text);
    let id_node = article.required("id")?;
    if id_node.str()? != source_id {
        return fail(format!(
            "{} must be \"{source_id}\" (derived from the text's SHA-256), found {}",
            id_node.name(),
            describe(id_node.value)
        ));
    }
    if let Some(format) = article.optional("format")? {
        format.expect_str("text/plain")?;
    }
    let language_node = article.required("language")?;
    let language = Language::parse(language_node.str()?).map_or_else(
        || {
            fail(format!(
                "{} must be \"en\" or \"zh\", found {}",
                language_node.name(),
                describe(language_node.value)
            ))
        },
        Ok,
    )?;
    let language_override = article.required("sl:languageOverride")?.bool()?;

    let mut answers = Vec::new();
    if let Some(list) = root.optional("sl:checklistAnswers")? {
        for answer in list.array()? {
            answers.push(checklist_answer(&answer)?);
        }
    }

    let page = root.required("first")?;
    page.object()?;
    page.required("type")?.expect_str("AnnotationPage")?;
    page.allow_sl(&[], "first (the AnnotationPage)")?;
    if page.optional("next")?.is_some() {
        return fail(
            "first.next: collections of more than one page are not supported; put every annotation in first.items"
                .to_string(),
        );
    }
    let items_node = page.required("items")?;
    let items = items_node.value.as_array().map_or_else(
        || {
            fail(format!(
                "{} must be an array, found {}",
                items_node.name(),
                describe(items_node.value)
            ))
        },
        Ok,
    )?;
    if let Some(total_node) = root.optional("total")? {
        let total = total_node.whole_number()?;
        if total != items.len() as u64 {
            return fail(format!(
                "total says {total} annotations, but first.items holds {}",
                items.len()
            ));
        }
    }

    let index = CharIndex::new(text);
    let context = Context {
        index: &index,
        source_id: &source_id,
    };
    let mut findings = Vec::new();
    let mut notes: Vec<Note> = Vec::new();
    let mut note_ids = HashSet::new();
    for (i, value) in items.iter().enumerate() {
        // Paths inside an annotation start at `items[i]` (short for first.items[i]),
        // and the message opens with the annotation's 1-based number.
        let node = Node {
            value,
            path: format!("items[{i}]"),
        };
        let in_item = |e: ImportError| ImportError {
            message: format!("annotation {}: {}", i + 1, e.message),
        };
        match annotation(&node, &context).map_err(in_item)? {
            Item::Finding(finding) => findings.push(finding),
            Item::Note(note) => {
                if !note_ids.insert(note.id.clone()) {
                    return Err(in_item(ImportError {
                        message: format!(
                            "{}.sl:noteId \"{}\" is already used by an earlier note",
                            node.path,
                            shorten(&note.id)
                        ),
                    }));
                }
                notes.push(note);
            }
        }
    }

    Ok(AnnotatedArticle {
        text: text.to_string(),
        language,
        language_override,
        findings,
        notes,
        answers,
    })
}

/// `@context` must bring in the W3C vocabulary and map `sl:` to our namespace;
/// without the mapping the `sl:` keys would mean something else (or nothing).
fn check_context(node: &Node) -> Result<()> {
    let entries: Vec<&Value> = match node.value {
        Value::Array(list) => list.iter().collect(),
        other => vec![other],
    };
    let has_w3c = entries.iter().any(|v| v.as_str() == Some(W3C_CONTEXT));
    let sl = entries
        .iter()
        .filter_map(|v| v.as_object())
        .find_map(|terms| terms.get("sl"));
    if !has_w3c {
        return fail(format!("@context must include \"{W3C_CONTEXT}\""));
    }
    match sl {
        None => fail(format!("@context must map the sl: prefix to \"{SL_NAMESPACE}\" (add {{\"sl\": \"{SL_NAMESPACE}\"}})")),
        Some(Value::String(iri)) if iri == SL_NAMESPACE => Ok(()),
        Some(other) => fail(format!("@context maps sl: to {}, but Sourcelight's terms are \"{SL_NAMESPACE}\"", describe(other))),
    }
}

fn checklist_answer(node: &Node) -> Result<ChecklistAnswer> {
    node.object()?;
    node.allow_sl(&["sl:item", "sl:answer", "sl:note"], "a checklist answer")?;
    let item_id = node.required("sl:item")?.str()?.to_string();
    let answer_node = node.required("sl:answer")?;
    let answer = Answer::parse(answer_node.str()?).map_or_else(
        || {
            fail(format!(
                "{} must be \"unanswered\", \"yes\", \"no\" or \"unsure\", found {}",
                answer_node.name(),
                describe(answer_node.value)
            ))
        },
        Ok,
    )?;
    let note = match node.optional("sl:note")? {
        Some(n) => n.str()?.to_string(),
        None => String::new(),
    };
    Ok(ChecklistAnswer {
        item_id,
        answer,
        note,
    })
}

struct Context<'a> {
    index: &'a CharIndex<'a>,
    source_id: &'a str,
}

enum Item {
    Finding(ReviewedFinding),
    Note(Note),
}

fn annotation(node: &Node, context: &Context) -> Result<Item> {
    node.object()?;
    node.required("type")?.expect_str("Annotation")?;
    node.required("id")?.str()?;
    let motivation = node.required("motivation")?;
    match motivation.str()? {
        "assessing" | "highlighting" => finding(node, context).map(Item::Finding),
        "commenting" => note(node, context).map(Item::Note),
        _ => fail(format!(
            "{} must be \"assessing\" (a finding), \"highlighting\" (also a finding) or \"commenting\" (a reader's note), found {}",
            motivation.name(),
            describe(motivation.value)
        )),
    }
}

/// A body that only some kinds of finding carry, remembered until the kind is known.
struct Extra<T> {
    path: String,
    value: T,
}

fn set_once<T>(slot: &mut Option<T>, value: T, node: &Node, what: &str) -> Result<()> {
    if slot.is_some() {
        return fail(format!(
            "{} is a second {what}; an annotation has at most one",
            node.name()
        ));
    }
    *slot = Some(value);
    Ok(())
}

fn finding(node: &Node, context: &Context) -> Result<ReviewedFinding> {
    let rule_id = node.required("sl:rule")?.str()?.to_string();
    let mut kind: Option<Kind> = None;
    let mut status: Option<(Status, String)> = None;
    let mut explanation: Option<String> = None;
    let mut alternative: Option<Extra<String>> = None;
    let mut speaker: Option<Extra<Speaker>> = None;
    let mut source: Option<Extra<SourceRef>> = None;

    for body in node.required("body")?.one_or_many()? {
        body.object()?;
        body.required("type")?.expect_str("TextualBody")?;
        let purpose_node = body.required("purpose")?;
        let purpose = purpose_node.str()?;
        let value = body.required("value")?.str()?;
        match purpose {
            "tagging" => {
                body.allow_sl(&["sl:facet"], "a tagging body")?;
                let facet = body.required("sl:facet")?;
                match facet.str()? {
                    "kind" => {
                        let parsed = Kind::parse(value).map_or_else(
                            || {
                                fail(format!(
                                    "unknown kind \"{}\" in {} (expected loaded-language, statistic or quote)",
                                    shorten(value),
                                    body.name()
                                ))
                            },
                            Ok,
                        )?;
                        set_once(&mut kind, parsed, &body, "body tagging the kind")?;
                    }
                    "status" => {
                        let parsed = Status::parse(value).map_or_else(
                            || {
                                let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                                fail(format!(
                                    "unknown status \"{}\" in {} (expected one of {})",
                                    shorten(value),
                                    body.name(),
                                    all.join(", ")
                                ))
                            },
                            Ok,
                        )?;
                        set_once(&mut status, (parsed, body.name().to_string()), &body, "body tagging the status")?;
                    }
                    _ => {
                        return fail(format!(
                            "{} must be \"kind\" or \"status\" on a finding, found {}",
                            facet.name(),
                            describe(facet.value)
                        ))
                    }
                }
            }
            "describing" => {
                body.allow_sl(&[], "a describing body")?;
                set_once(&mut explanation, value.to_string(), &body, "describing body")?;
            }
            "editing" => {
                body.allow_sl(&[], "an editing body")?;
                let extra = Extra { path: body.name().to_string(), value: value.to_string() };
                set_once(&mut alternative, extra, &body, "editing body")?;
            }
            "identifying" => {
                body.allow_sl(&["sl:named", "sl:position"], "an identifying body")?;
                let named = body.required("sl:named")?.bool()?;
                let span = position(&body.required("sl:position")?, context)?;
                let extra = Extra {
                    path: body.name().to_string(),
                    value: Speaker { text: value.to_string(), span, named }
                };
                set_once(&mut speaker, extra, &body, "identifying body")?;
            }
            "linking" => {
                body.allow_sl(&["sl:reach", "sl:position"], "a linking body")?;
                let reach_node = body.required("sl:reach")?;
                let reach = SourceReach::parse(reach_node.str()?).map_or_else(
                    || {
                        let all: Vec<&str> = SourceReach::ALL.iter().map(|r| r.as_str()).collect();
                        fail(format!(
                            "{} must be one of {}, found {}",
                            reach_node.name(),
                            all.join(", "),
                            describe(reach_node.value)
                        ))
                    },
                    Ok,
                )?;
                let span = position(&body.required("sl:position")?, context)?;
                let extra = Extra {
                    path: body.name().to_string(),
                    value: SourceRef { text: value.to_string(), span, reach }
                };
                set_once(&mut source, extra, &body, "linking body")?;
            }
            _ => {
                return fail(format!(
                    "{} \"{}\" is not used on a finding (expected tagging, describing, editing, identifying or linking)",
                    purpose_node.name(),
                    shorten(purpose)
                ))
            }
        }
    }

    let Some(kind) = kind else {
        return fail(format!(
            "{} has no body tagging its kind (purpose \"tagging\", sl:facet \"kind\")",
            node.name()
        ));
    };
    let Some((status, status_path)) = status else {
        return fail(format!(
            "{} has no body tagging its status (purpose \"tagging\", sl:facet \"status\")",
            node.name()
        ));
    };
    if !status.valid_for(kind) {
        let valid: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| s.valid_for(kind))
            .map(|s| s.as_str())
            .collect();
        return fail(format!(
            "{status_path}: status \"{}\" is not valid for a {} finding (expected {})",
            status.as_str(),
            kind.as_str(),
            valid.join(" or ")
        ));
    }
    let Some(explanation) = explanation else {
        return fail(format!(
            "{} has no describing body (the explanation)",
            node.name()
        ));
    };
    let only_for = |path: &str, what: &str, owner: Kind| -> Result<()> {
        fail(format!(
            "{path} is {what}, which only {} findings have, but this one is {}",
            owner.as_str(),
            kind.as_str()
        ))
    };

    let detail = match kind {
        Kind::LoadedLanguage => {
            node.allow_sl(
                &["sl:rule", "sl:review", "sl:category"],
                "a loaded-language finding",
            )?;
            if let Some(extra) = &speaker {
                only_for(&extra.path, "an identifying body", Kind::Quote)?;
            }
            if let Some(extra) = &source {
                only_for(&extra.path, "a linking body", Kind::Statistic)?;
            }
            let category = node.required("sl:category")?.str()?.to_string();
            let Some(alternative) = alternative else {
                return fail(format!(
                    "{} has no editing body (the neutral alternative)",
                    node.name()
                ));
            };
            Detail::Loaded {
                category,
                alternative: alternative.value,
            }
        }
        Kind::Statistic => {
            node.allow_sl(&["sl:rule", "sl:review"], "a statistic finding")?;
            if let Some(extra) = &alternative {
                only_for(&extra.path, "an editing body", Kind::LoadedLanguage)?;
            }
            if let Some(extra) = &speaker {
                only_for(&extra.path, "an identifying body", Kind::Quote)?;
            }
            Detail::Statistic {
                source: source.map(|extra| extra.value),
            }
        }
        Kind::Quote => {
            node.allow_sl(
                &["sl:rule", "sl:review", "sl:quoteForm", "sl:cue"],
                "a quote finding",
            )?;
            if let Some(extra) = &alternative {
                only_for(&extra.path, "an editing body", Kind::LoadedLanguage)?;
            }
            if let Some(extra) = &source {
                only_for(&extra.path, "a linking body", Kind::Statistic)?;
            }
            let form_node = node.required("sl:quoteForm")?;
            let form = QuoteForm::parse(form_node.str()?).map_or_else(
                || {
                    fail(format!(
                        "{} must be \"direct\" or \"reported\", found {}",
                        form_node.name(),
                        describe(form_node.value)
                    ))
                },
                Ok,
            )?;
            let cue = match node.optional("sl:cue")? {
                Some(cue) => Some(cue.str()?.to_string()),
                None => None,
            };
            Detail::Quote {
                form,
                speaker: speaker.map(|extra| extra.value),
                cue,
            }
        }
    };

    let review = match node.optional("sl:review")? {
        Some(review) => reader_review(&review)?,
        None => Review::Unreviewed,
    };
    let target = node.required("target")?;
    let Some(span) = target_span(&target, context)? else {
        return fail(format!(
            "{} must select a part of the text with a TextPositionSelector (only notes may target the whole article)",
            target.name()
        ));
    };
    Ok(ReviewedFinding {
        finding: Finding {
            kind,
            status,
            span,
            rule_id,
            explanation,
            detail,
        },
        review,
    })
}

fn reader_review(node: &Node) -> Result<Review> {
    node.object()?;
    node.allow_sl(&["sl:verdict", "sl:reason"], "sl:review")?;
    let verdict = node.required("sl:verdict")?;
    let reason = node.optional("sl:reason")?;
    match (verdict.str()?, reason) {
        ("rejected", Some(reason)) => Ok(Review::Rejected {
            reason: reason.str()?.to_string(),
        }),
        ("rejected", None) => fail(format!(
            "{} is missing (a rejected finding keeps the reader's reason)",
            node.key_path("sl:reason")
        )),
        ("unreviewed" | "confirmed", Some(reason)) => fail(format!(
            "{} is only for rejected findings, but sl:verdict is {}",
            reason.name(),
            describe(verdict.value)
        )),
        ("unreviewed", None) => Ok(Review::Unreviewed),
        ("confirmed", None) => Ok(Review::Confirmed),
        _ => fail(format!(
            "{} must be \"unreviewed\", \"confirmed\" or \"rejected\", found {}",
            verdict.name(),
            describe(verdict.value)
        )),
    }
}

fn note(node: &Node, context: &Context) -> Result<Note> {
    node.allow_sl(&["sl:noteId"], "a reader's note")?;
    let id = node.required("sl:noteId")?.str()?.to_string();
    let mut body_text: Option<String> = None;
    let mut label: Option<String> = None;
    for body in node.required("body")?.one_or_many()? {
        body.object()?;
        body.required("type")?.expect_str("TextualBody")?;
        let purpose_node = body.required("purpose")?;
        let value = body.required("value")?.str()?;
        match purpose_node.str()? {
            "commenting" => {
                body.allow_sl(&[], "a commenting body")?;
                set_once(&mut body_text, value.to_string(), &body, "commenting body")?;
            }
            "tagging" => {
                body.allow_sl(&["sl:facet"], "a tagging body")?;
                body.required("sl:facet")?.expect_str("label")?;
                set_once(&mut label, value.to_string(), &body, "tagging body")?;
            }
            other => {
                return fail(format!(
                    "{} \"{}\" is not used on a reader's note (expected commenting or tagging)",
                    purpose_node.name(),
                    shorten(other)
                ))
            }
        }
    }
    let Some(body) = body_text else {
        return fail(format!(
            "{} has no commenting body (the note's text)",
            node.name()
        ));
    };
    let Some(label) = label else {
        return fail(format!(
            "{} has no tagging body with sl:facet \"label\"",
            node.name()
        ));
    };
    let span = target_span(&node.required("target")?, context)?;
    Ok(Note {
        id,
        span,
        label,
        body,
    })
}

/// The span a target selects, or `None` when it targets the whole article.
fn target_span(node: &Node, context: &Context) -> Result<Option<Span>> {
    let wrong_source = |found: &Node| {
        fail(format!(
            "{} must be the article's id \"{}\" (sl:article.id), found {}",
            found.name(),
            context.source_id,
            describe(found.value)
        ))
    };
    match node.value {
        Value::String(iri) if iri == context.source_id => return Ok(None),
        Value::String(_) => return wrong_source(node),
        Value::Object(_) => {}
        other => {
            return fail(format!(
                "{} must be the article's id or an object with source and selector, found {}",
                node.name(),
                describe(other)
            ))
        }
    }
    let source = node.required("source")?;
    if source.str()? != context.source_id {
        return wrong_source(&source);
    }
    let Some(selectors) = node.optional("selector")? else {
        return Ok(None);
    };
    let mut position_node: Option<Node> = None;
    let mut quote_node: Option<Node> = None;
    for selector in selectors.one_or_many()? {
        selector.object()?;
        let type_node = selector.required("type")?;
        match type_node.str()? {
            "TextPositionSelector" => {
                let copy = Node { value: selector.value, path: selector.path.clone() };
                set_once(&mut position_node, copy, &selector, "TextPositionSelector")?;
            }
            "TextQuoteSelector" => {
                let copy = Node { value: selector.value, path: selector.path.clone() };
                set_once(&mut quote_node, copy, &selector, "TextQuoteSelector")?;
            }
            other => {
                return fail(format!(
                    "{} \"{}\" is not supported (Sourcelight reads TextPositionSelector and TextQuoteSelector)",
                    type_node.name(),
                    shorten(other)
                ))
            }
        }
    }
    let Some(position_node) = position_node else {
        return fail(format!("{} has no TextPositionSelector", selectors.name()));
    };
    let span = position(&position_node, context)?;
    if let Some(quote) = quote_node {
        check_quote(&quote, span, context)?;
    }
    Ok(Some(span))
}

/// A `TextPositionSelector` inside the text: code points, end exclusive.
fn position(node: &Node, context: &Context) -> Result<Span> {
    node.object()?;
    node.required("type")?.expect_str("TextPositionSelector")?;
    let start = node.required("start")?.code_point()?;
    let end = node.required("end")?.code_point()?;
    if start > end {
        return fail(format!(
            "{} TextPositionSelector start {start} is after its end {end}",
            node.name()
        ));
    }
    let len = context.index.len();
    if end > len {
        return fail(format!(
            "{} TextPositionSelector end {end} is past the end of the text ({len} code points)",
            node.name()
        ));
    }
    Ok(Span { start, end })
}

/// The quote must agree with the position: a file whose text and offsets drifted
/// apart (edited by hand, or offsets counted in UTF-16) is caught here.
fn check_quote(node: &Node, span: Span, context: &Context) -> Result<()> {
    let index = context.index;
    let exact = node.required("exact")?.str()?;
    let at = index.slice(span);
    if exact != at {
        return fail(format!(
            "{} TextQuoteSelector exact \"{}\" does not match the text at code points {}..{}, which reads \"{}\"",
            node.name(),
            shorten(exact),
            span.start,
            span.end,
            shorten(at)
        ));
    }
    if let Some(prefix_node) = node.optional("prefix")? {
        let prefix = prefix_node.str()?;
        let wanted = prefix.chars().count();
        let before = index.before(span.start, wanted);
        if wanted > span.start || prefix != before {
            return fail(format!(
                "{} TextQuoteSelector prefix \"{}\" does not match the text before code point {}, which reads \"{}\"",
                node.name(),
                shorten(prefix),
                span.start,
                shorten(before)
            ));
        }
    }
    if let Some(suffix_node) = node.optional("suffix")? {
        let suffix = suffix_node.str()?;
        let wanted = suffix.chars().count();
        let after = index.after(span.end, wanted);
        if span.end.saturating_add(wanted) > index.len() || suffix != after {
            return fail(format!(
                "{} TextQuoteSelector suffix \"{}\" does not match the text after code point {}, which reads \"{}\"",
                node.name(),
                shorten(suffix),
                span.end,
                shorten(after)
            ));
        }
    }
    Ok(())
}

/// A value in the file with the path that leads to it, for messages.
struct Node<'v> {
    value: &'v Value,
    /// `sl:article.language`, `items[2].target.selector[0]`; empty for the root.
    path: String,
}

impl<'v> Node<'v> {
    /// How messages refer to this value.
    fn name(&self) -> &str {
        if self.path.is_empty() {
            "the file"
        } else {
            &self.path
        }
    }

    fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn object(&self) -> Result<&'v Map<String, Value>> {
        self.value.as_object().map_or_else(
            || {
                fail(format!(
                    "{} must be an object, found {}",
                    self.name(),
                    describe(self.value)
                ))
            },
            Ok,
        )
    }

    /// A key that may be left out; `null` counts as left out, as in JSON-LD.
    fn optional(&self, key: &str) -> Result<Option<Node<'v>>> {
        Ok(match self.object()?.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(Node {
                value,
                path: self.key_path(key),
            }),
        })
    }

    fn required(&self, key: &str) -> Result<Node<'v>> {
        self.optional(key)?
            .map_or_else(|| fail(format!("{} is missing", self.key_path(key))), Ok)
    }

    fn str(&self) -> Result<&'v str> {
        self.value.as_str().map_or_else(
            || {
                fail(format!(
                    "{} must be a string, found {}",
                    self.name(),
                    describe(self.value)
                ))
            },
            Ok,
        )
    }

    fn bool(&self) -> Result<bool> {
        self.value.as_bool().map_or_else(
            || {
                fail(format!(
                    "{} must be true or false, found {}",
                    self.name(),
                    describe(self.value)
                ))
            },
            Ok,
        )
    }

    fn whole_number(&self) -> Result<u64> {
        self.value.as_u64().map_or_else(
            || {
                fail(format!(
                    "{} must be a whole number (0 or more), found {}",
                    self.name(),
                    describe(self.value)
                ))
            },
            Ok,
        )
    }

    /// A code-point offset. Numbers too large for this machine's `usize` (only
    /// possible on 32-bit wasm) become `usize::MAX`, which the range check rejects.
    fn code_point(&self) -> Result<usize> {
        Ok(usize::try_from(self.whole_number()?).unwrap_or(usize::MAX))
    }

    fn expect_str(&self, expected: &str) -> Result<()> {
        if self.value.as_str() == Some(expected) {
            Ok(())
        } else {
            fail(format!(
                "{} must be \"{expected}\", found {}",
                self.name(),
                describe(self.value)
            ))
        }
    }

    fn array(&self) -> Result<Vec<Node<'v>>> {
        let list = self.value.as_array().map_or_else(
            || {
                fail(format!(
                    "{} must be an array, found {}",
                    self.name(),
                    describe(self.value)
                ))
            },
            Ok,
        )?;
        Ok(list
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                value,
                path: format!("{}[{i}]", self.path),
            })
            .collect())
    }

    /// W3C lets `body` and `selector` be one object or an array of them.
    fn one_or_many(&self) -> Result<Vec<Node<'v>>> {
        if self.value.is_array() {
            self.array()
        } else {
            Ok(vec![Node {
                value: self.value,
                path: self.path.clone(),
            }])
        }
    }

    /// Reject `sl:` terms this place does not use, so none is silently dropped.
    fn allow_sl(&self, allowed: &[&str], place: &str) -> Result<()> {
        for key in self.object()?.keys() {
            if key.starts_with("sl:") && !allowed.contains(&key.as_str()) {
                let expected = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed.join(", ")
                };
                return fail(format!(
                    "{} is not a term {place} uses (it uses: {expected})",
                    self.key_path(key)
                ));
            }
        }
        Ok(())
    }
}

/// A JSON value as a message shows it: strings quoted and shortened, containers named.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{}\"", shorten(s)),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// At most 40 code points of `s` (cut on a char boundary), with control characters
/// shown escaped so a message stays on one line.
fn shorten(s: &str) -> String {
    const LIMIT: usize = 40;
    let mut out = String::new();
    for c in s.chars().take(LIMIT) {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(LIMIT).is_some() {
        out.push('…');
    }
    out
}
