//! The sourcing checklist: automatic items derived from the findings and the text,
//! and manual items (the SIFT moves) that the reader answers with a note.

use super::text::Document;
use super::{Finding, Language};

/// How an automatic item came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Pass,
    Warn,
}

impl ItemState {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Pass => "pass",
            ItemState::Warn => "warn",
        }
    }
}

/// One automatic checklist item.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistItem {
    /// Stable id, e.g. "unsourced-statistics".
    pub id: &'static str,
    pub title: &'static str,
    pub state: ItemState,
    /// The number the item is about (unsourced statistics, vague attributions, …).
    pub count: usize,
    /// One sentence for the reader: what was found and what to do about it.
    pub summary: String,
    /// Indexes into the findings behind this item.
    pub findings: Vec<usize>,
    /// Pieces of text behind this item that are not findings (a link, a byline).
    pub evidence: Vec<String>,
}

/// A move the reader makes by hand and answers with a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManualItem {
    pub id: &'static str,
    pub title: &'static str,
    pub prompt: &'static str,
}

/// The SIFT moves (Mike Caulfield): stop, investigate the source, find better
/// coverage, trace claims to the original.
pub const MANUAL_ITEMS: [ManualItem; 4] = [
    ManualItem {
        id: "sift-stop",
        title: "Stop",
        prompt: "Before sharing or reacting: what do you already know about this site or author, and what is your reaction based on?",
    },
    ManualItem {
        id: "sift-investigate",
        title: "Investigate the source",
        prompt: "Who published this and what is their expertise and agenda? Look them up outside the article itself.",
    },
    ManualItem {
        id: "sift-find",
        title: "Find better coverage",
        prompt: "Do trusted outlets report the same events and numbers? Note what they say and how it differs.",
    },
    ManualItem {
        id: "sift-trace",
        title: "Trace claims to the original",
        prompt: "Pick the key statistic or quote and find where it first appeared. Was it reported accurately and in context?",
    },
];

/// Compute the automatic items. (Filled in below.)
pub fn automatic(_doc: &Document, _findings: &[Finding], _language: Language) -> Vec<ChecklistItem> {
    Vec::new()
}
