//! The annotation file as written: serde structs whose field order is the order of
//! the keys in the file. They borrow from the article so exporting copies nothing
//! but the JSON itself. (Import reads a `serde_json::Value` by hand instead, so
//! that every error can name the exact path; see `import`.)

use serde::Serialize;

#[derive(Serialize)]
pub(super) struct Collection<'a> {
    #[serde(rename = "@context")]
    pub context: (&'static str, ContextTerms),
    pub id: String,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub label: &'static str,
    pub generator: Agent,
    pub total: usize,
    #[serde(rename = "sl:formatVersion")]
    pub format_version: u64,
    #[serde(rename = "sl:article")]
    pub article: Article<'a>,
    #[serde(rename = "sl:checklistAnswers")]
    pub checklist_answers: Vec<ChecklistAnswer<'a>>,
    pub first: Page<'a>,
}

/// The second half of `@context`: the project's prefix.
#[derive(Serialize)]
pub(super) struct ContextTerms {
    pub sl: &'static str,
}

/// Who made an annotation: the software for findings, the reader for notes.
#[derive(Serialize)]
pub(super) struct Agent {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<&'static str>,
    pub name: &'static str,
}

/// The article the annotations target, embedded so the file is self-contained.
#[derive(Serialize)]
pub(super) struct Article<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub format: &'static str,
    pub language: &'static str,
    #[serde(rename = "sl:languageOverride")]
    pub language_override: bool,
    #[serde(rename = "sl:textSha256")]
    pub text_sha256: String,
    #[serde(rename = "sl:text")]
    pub text: &'a str,
}

#[derive(Serialize)]
pub(super) struct ChecklistAnswer<'a> {
    #[serde(rename = "sl:item")]
    pub item: &'a str,
    #[serde(rename = "sl:answer")]
    pub answer: &'static str,
    #[serde(rename = "sl:note")]
    pub note: &'a str,
}

#[derive(Serialize)]
pub(super) struct Page<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: &'static str,
    #[serde(rename = "startIndex")]
    pub start_index: usize,
    pub items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
pub(super) struct Annotation<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub motivation: &'static str,
    pub creator: Agent,
    #[serde(rename = "sl:noteId", skip_serializing_if = "Option::is_none")]
    pub note_id: Option<&'a str>,
    #[serde(rename = "sl:rule", skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    #[serde(rename = "sl:category", skip_serializing_if = "Option::is_none")]
    pub category: Option<&'a str>,
    #[serde(rename = "sl:quoteForm", skip_serializing_if = "Option::is_none")]
    pub quote_form: Option<&'static str>,
    #[serde(rename = "sl:cue", skip_serializing_if = "Option::is_none")]
    pub cue: Option<&'a str>,
    #[serde(rename = "sl:review", skip_serializing_if = "Option::is_none")]
    pub review: Option<Review<'a>>,
    pub body: Vec<Body<'a>>,
    pub target: Target<'a>,
}

#[derive(Serialize)]
pub(super) struct Review<'a> {
    #[serde(rename = "sl:verdict")]
    pub verdict: &'static str,
    #[serde(rename = "sl:reason", skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// Every body is a `TextualBody`; `purpose` says what it is for, and the optional
/// `sl:` fields carry the structured part (which tag, the speaker's position, …).
#[derive(Serialize)]
pub(super) struct Body<'a> {
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub purpose: &'static str,
    #[serde(rename = "sl:facet", skip_serializing_if = "Option::is_none")]
    pub facet: Option<&'static str>,
    pub value: &'a str,
    #[serde(rename = "sl:named", skip_serializing_if = "Option::is_none")]
    pub named: Option<bool>,
    #[serde(rename = "sl:reach", skip_serializing_if = "Option::is_none")]
    pub reach: Option<&'static str>,
    #[serde(rename = "sl:position", skip_serializing_if = "Option::is_none")]
    pub position: Option<PositionSelector>,
}

impl<'a> Body<'a> {
    pub fn text(purpose: &'static str, value: &'a str) -> Body<'a> {
        Body {
            type_: "TextualBody",
            purpose,
            facet: None,
            value,
            named: None,
            reach: None,
            position: None,
        }
    }

    pub fn tag(facet: &'static str, value: &'a str) -> Body<'a> {
        Body {
            facet: Some(facet),
            ..Body::text("tagging", value)
        }
    }
}

/// The whole article (an IRI) or a part of it (a specific resource with selectors).
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum Target<'a> {
    Whole(String),
    Part {
        source: String,
        selector: (PositionSelector, QuoteSelector<'a>),
    },
}

#[derive(Serialize)]
pub(super) struct PositionSelector {
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub start: usize,
    pub end: usize,
}

impl PositionSelector {
    pub fn new(start: usize, end: usize) -> PositionSelector {
        PositionSelector {
            type_: "TextPositionSelector",
            start,
            end,
        }
    }
}

#[derive(Serialize)]
pub(super) struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
}
