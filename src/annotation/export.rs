//! Article → annotation file. Never fails: spans outside the text are clamped when
//! the quote selector is cut (the position selector keeps the span as it is, so a
//! broken article gives a file that import rejects rather than a silently changed one).

use super::chars::CharIndex;
use super::wire::{
    Agent, Annotation, Article, Body, ChecklistAnswer, Collection, ContextTerms, Page,
    PositionSelector, QuoteSelector, Review, Target,
};
use super::{
    article_id, collection_id, text_sha256, FORMAT_VERSION, QUOTE_CONTEXT_CHARS, SL_NAMESPACE,
    W3C_CONTEXT,
};
use crate::analysis::{Detail, Span};
use crate::article::{self, AnnotatedArticle, Note, ReviewedFinding};

pub(super) fn to_json(article: &AnnotatedArticle) -> String {
    let collection = collection(article);
    // Serializing these structs cannot fail: every key is a string and every value a
    // plain string, number, bool, sequence or struct.
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

fn collection(article: &AnnotatedArticle) -> Collection<'_> {
    let text = article.text.as_str();
    let index = CharIndex::new(text);
    let source = article_id(text);
    let collection_id = collection_id(text);
    let mut items: Vec<Annotation> =
        Vec::with_capacity(article.findings.len() + article.notes.len());
    for (n, finding) in article.findings.iter().enumerate() {
        items.push(finding_annotation(
            finding,
            format!("{collection_id}#finding-{}", n + 1),
            &source,
            &index,
        ));
    }
    for (n, note) in article.notes.iter().enumerate() {
        items.push(note_annotation(
            note,
            format!("{collection_id}#note-{}", n + 1),
            &source,
            &index,
        ));
    }
    Collection {
        context: (W3C_CONTEXT, ContextTerms { sl: SL_NAMESPACE }),
        id: collection_id.clone(),
        type_: "AnnotationCollection",
        label: "Sourcelight annotations",
        generator: software(),
        total: items.len(),
        format_version: FORMAT_VERSION,
        article: Article {
            id: source,
            type_: "Text",
            format: "text/plain",
            language: article.language.code(),
            language_override: article.language_override,
            text_sha256: text_sha256(text),
            text,
        },
        checklist_answers: article
            .answers
            .iter()
            .map(|a| ChecklistAnswer {
                item: &a.item_id,
                answer: a.answer.as_str(),
                note: &a.note,
            })
            .collect(),
        first: Page {
            id: format!("{collection_id}#page-1"),
            type_: "AnnotationPage",
            start_index: 0,
            items,
        },
    }
}

fn software() -> Agent {
    Agent {
        type_: Some("Software"),
        name: "Sourcelight",
    }
}

/// The reader is recorded without any personal detail: no `Person`, no name of theirs.
fn reader() -> Agent {
    Agent {
        type_: None,
        name: "reader",
    }
}

fn finding_annotation<'a>(
    reviewed: &'a ReviewedFinding,
    id: String,
    source: &str,
    index: &CharIndex<'a>,
) -> Annotation<'a> {
    let finding = &reviewed.finding;
    let mut body = vec![
        Body::tag("kind", finding.kind.as_str()),
        Body::tag("status", finding.status.as_str()),
        Body::text("describing", &finding.explanation),
    ];
    let (mut category, mut quote_form, mut cue) = (None, None, None);
    match &finding.detail {
        Detail::Loaded {
            category: c,
            alternative,
        } => {
            category = Some(c.as_str());
            body.push(Body::text("editing", alternative));
        }
        Detail::Statistic { source } => {
            if let Some(found) = source {
                body.push(Body {
                    reach: Some(found.reach.as_str()),
                    position: Some(PositionSelector::new(found.span.start, found.span.end)),
                    ..Body::text("linking", &found.text)
                });
            }
        }
        Detail::Quote {
            form,
            speaker,
            cue: c,
        } => {
            quote_form = Some(form.as_str());
            cue = c.as_deref();
            if let Some(speaker) = speaker {
                body.push(Body {
                    named: Some(speaker.named),
                    position: Some(PositionSelector::new(speaker.span.start, speaker.span.end)),
                    ..Body::text("identifying", &speaker.text)
                });
            }
        }
    }
    let review = match &reviewed.review {
        article::Review::Unreviewed => Review {
            verdict: "unreviewed",
            reason: None,
        },
        article::Review::Confirmed => Review {
            verdict: "confirmed",
            reason: None,
        },
        article::Review::Rejected { reason } => Review {
            verdict: "rejected",
            reason: Some(reason),
        },
    };
    Annotation {
        id,
        type_: "Annotation",
        motivation: "assessing",
        creator: software(),
        note_id: None,
        rule: Some(&finding.rule_id),
        category,
        quote_form,
        cue,
        review: Some(review),
        body,
        target: part_of(source, finding.span, index),
    }
}

fn note_annotation<'a>(
    note: &'a Note,
    id: String,
    source: &str,
    index: &CharIndex<'a>,
) -> Annotation<'a> {
    Annotation {
        id,
        type_: "Annotation",
        motivation: "commenting",
        creator: reader(),
        note_id: Some(&note.id),
        rule: None,
        category: None,
        quote_form: None,
        cue: None,
        review: None,
        body: vec![
            Body::text("commenting", &note.body),
            Body::tag("label", &note.label),
        ],
        target: match note.span {
            Some(span) => part_of(source, span, index),
            None => Target::Whole(source.to_string()),
        },
    }
}

fn part_of<'a>(source: &str, span: Span, index: &CharIndex<'a>) -> Target<'a> {
    Target::Part {
        source: source.to_string(),
        selector: (
            PositionSelector::new(span.start, span.end),
            QuoteSelector {
                type_: "TextQuoteSelector",
                exact: index.slice(span),
                prefix: index.before(span.start, QUOTE_CONTEXT_CHARS),
                suffix: index.after(span.end, QUOTE_CONTEXT_CHARS),
            },
        ),
    }
}
