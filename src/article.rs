//! An annotated article: what the reader is working on and what an annotation
//! file carries. The UI's state, the annotation file and the command line all
//! hold this one type; only `annotation` turns it into JSON.

use crate::analysis::{self, Finding, Language, Options};
use crate::rules::RuleSet;

/// The reader's verdict on an automatic finding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Review {
    #[default]
    Unreviewed,
    Confirmed,
    /// Dismissed as a false positive; kept (marked rejected) with the reader's reason.
    Rejected {
        reason: String,
    },
}

/// A finding with the reader's review of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewedFinding {
    pub finding: Finding,
    pub review: Review,
}

/// A note the reader wrote, on a stretch of the text or on the article as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Unique within the article (e.g. "note-3").
    pub id: String,
    /// `None` for a note on the whole article.
    pub span: Option<analysis::Span>,
    /// A built-in kind ("loaded-language", "statistic", "quote") or the reader's own tag.
    pub label: String,
    pub body: String,
}

/// The reader's answer to a checklist item (manual or automatic).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    #[default]
    Unanswered,
    Yes,
    No,
    Unsure,
}

impl Answer {
    pub const ALL: [Answer; 4] = [Answer::Unanswered, Answer::Yes, Answer::No, Answer::Unsure];

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Unanswered => "unanswered",
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unsure => "unsure",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChecklistAnswer {
    /// A `ManualItem::id` or `ChecklistItem::id`.
    pub item_id: String,
    pub answer: Answer,
    pub note: String,
}

/// Everything about one article that the reader works on and shares.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotatedArticle {
    pub text: String,
    /// The language the analysis used.
    pub language: Language,
    /// True when the reader chose the language rather than letting it be detected.
    pub language_override: bool,
    pub findings: Vec<ReviewedFinding>,
    pub notes: Vec<Note>,
    pub answers: Vec<ChecklistAnswer>,
}

impl AnnotatedArticle {
    /// Analyse `text` afresh with every built-in rule.
    pub fn analyze(text: &str, language: Option<Language>) -> AnnotatedArticle {
        let options = Options {
            language,
            disabled_rules: Vec::new(),
        };
        AnnotatedArticle::analyze_with(text, &options)
    }

    /// Analyse `text` afresh with the built-in rules, the reader's language choice
    /// and without the rules the reader switched off.
    pub fn analyze_with(text: &str, options: &Options) -> AnnotatedArticle {
        let language = options.language;
        let analysis = analysis::analyze(text, RuleSet::builtin(), options);
        let findings = analysis
            .findings
            .into_iter()
            .map(|finding| ReviewedFinding {
                finding,
                review: Review::Unreviewed,
            })
            .collect();
        let mut article = AnnotatedArticle::with_findings(text, analysis.language, findings);
        article.language_override = language.is_some();
        article
    }

    /// An article with these findings and nothing from the reader yet (no notes,
    /// no answers, language detected rather than chosen).
    pub fn with_findings(
        text: &str,
        language: Language,
        findings: Vec<ReviewedFinding>,
    ) -> AnnotatedArticle {
        AnnotatedArticle {
            text: text.to_string(),
            language,
            language_override: false,
            findings,
            notes: Vec::new(),
            answers: Vec::new(),
        }
    }

    /// The findings without their reviews, in order.
    pub fn plain_findings(&self) -> Vec<Finding> {
        self.findings.iter().map(|f| f.finding.clone()).collect()
    }

    /// The automatic checklist for the current findings (rejected findings left out).
    /// Finding indexes in the items refer to `self.findings`.
    pub fn checklist(&self) -> Vec<analysis::ChecklistItem> {
        let doc = analysis::Document::new(&self.text);
        let (original_index, kept): (Vec<usize>, Vec<Finding>) = self
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| !matches!(f.review, Review::Rejected { .. }))
            .map(|(i, f)| (i, f.finding.clone()))
            .unzip();
        let mut items = analysis::checklist::automatic(&doc, &kept, self.language);
        for item in &mut items {
            for index in &mut item.findings {
                *index = original_index[*index];
            }
        }
        items
    }

    /// The reader's answer to an item (unanswered if none).
    pub fn answer(&self, item_id: &str) -> ChecklistAnswer {
        self.answers
            .iter()
            .find(|a| a.item_id == item_id)
            .cloned()
            .unwrap_or_else(|| ChecklistAnswer {
                item_id: item_id.to_string(),
                ..Default::default()
            })
    }

    /// Set (or replace) the reader's answer to an item.
    pub fn set_answer(&mut self, answer: ChecklistAnswer) {
        match self
            .answers
            .iter_mut()
            .find(|a| a.item_id == answer.item_id)
        {
            Some(existing) => *existing = answer,
            None => self.answers.push(answer),
        }
    }
}
