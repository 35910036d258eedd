//! The analysis core: turns an article's text into findings and a checklist.
//!
//! Architecture invariant: this module knows nothing about Yew, the DOM or files,
//! does no IO, and never fails: every `&str` yields an `Analysis`.

pub mod checklist;
pub mod language;
pub mod loaded;
pub mod quotes;
pub mod statistics;
pub mod text;

pub use checklist::{ChecklistItem, ItemState, ManualItem, MANUAL_ITEMS};
pub use language::Language;
pub use text::{Document, Span};

use crate::rules::RuleSet;

/// What kind of thing a finding is. The `as_str` names are the ones the page
/// (`data-kind`) and the annotation file use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    LoadedLanguage,
    Statistic,
    Quote,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::LoadedLanguage, Kind::Statistic, Kind::Quote];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::LoadedLanguage => "loaded-language",
            Kind::Statistic => "statistic",
            Kind::Quote => "quote",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::LoadedLanguage => "Loaded language",
            Kind::Statistic => "Statistic",
            Kind::Quote => "Quote",
        }
    }
}

/// The second axis of a finding. Which statuses are valid depends on the kind:
/// loaded language is `AuthorWording` or `QuotedWording` (inside someone else's
/// direct quote); statistics are `Sourced` or `Unsourced`; quotes are
/// `Attributed`, `VagueAttribution`, `Unattributed` or `ScareQuote`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    AuthorWording,
    QuotedWording,
    Sourced,
    Unsourced,
    Attributed,
    VagueAttribution,
    Unattributed,
    ScareQuote,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::AuthorWording,
        Status::QuotedWording,
        Status::Sourced,
        Status::Unsourced,
        Status::Attributed,
        Status::VagueAttribution,
        Status::Unattributed,
        Status::ScareQuote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::AuthorWording => "author-wording",
            Status::QuotedWording => "quoted-wording",
            Status::Sourced => "sourced",
            Status::Unsourced => "unsourced",
            Status::Attributed => "attributed",
            Status::VagueAttribution => "vague-attribution",
            Status::Unattributed => "unattributed",
            Status::ScareQuote => "scare-quote",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::AuthorWording => "author's wording",
            Status::QuotedWording => "a speaker's wording",
            Status::Sourced => "sourced",
            Status::Unsourced => "no source given",
            Status::Attributed => "named speaker",
            Status::VagueAttribution => "vague attribution",
            Status::Unattributed => "no speaker",
            Status::ScareQuote => "scare quote",
        }
    }

    /// The statuses a finding of `kind` may carry.
    pub fn valid_for(self, kind: Kind) -> bool {
        use Status::*;
        match kind {
            Kind::LoadedLanguage => matches!(self, AuthorWording | QuotedWording),
            Kind::Statistic => matches!(self, Sourced | Unsourced),
            Kind::Quote => matches!(
                self,
                Attributed | VagueAttribution | Unattributed | ScareQuote
            ),
        }
    }
}

/// How far from a statistic its source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceReach {
    SameSentence,
    AdjacentSentence,
    ParagraphLead,
    SourceLine,
    QuotedSpeaker,
}

impl SourceReach {
    pub const ALL: [SourceReach; 5] = [
        SourceReach::SameSentence,
        SourceReach::AdjacentSentence,
        SourceReach::ParagraphLead,
        SourceReach::SourceLine,
        SourceReach::QuotedSpeaker,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceReach::SameSentence => "same-sentence",
            SourceReach::AdjacentSentence => "adjacent-sentence",
            SourceReach::ParagraphLead => "paragraph-lead",
            SourceReach::SourceLine => "source-line",
            SourceReach::QuotedSpeaker => "quoted-speaker",
        }
    }

    pub fn parse(s: &str) -> Option<SourceReach> {
        SourceReach::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceReach::SameSentence => "in the same sentence",
            SourceReach::AdjacentSentence => "in the adjacent sentence",
            SourceReach::ParagraphLead => "in the paragraph's lead",
            SourceReach::SourceLine => "in a closing source line",
            SourceReach::QuotedSpeaker => "said by a named speaker",
        }
    }
}

/// The text that backs a statistic, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    pub text: String,
    pub span: Span,
    pub reach: SourceReach,
}

/// Direct ("…") or reported (X said that …) speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteForm {
    Direct,
    Reported,
}

impl QuoteForm {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteForm::Direct => "direct",
            QuoteForm::Reported => "reported",
        }
    }

    pub fn parse(s: &str) -> Option<QuoteForm> {
        [QuoteForm::Direct, QuoteForm::Reported]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Who a quote is attributed to, as written in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker as named in the text ("Bill Gates", "the CEO of NVIDIA", "有人").
    pub text: String,
    pub span: Span,
    /// False for vague speakers ("experts", "some people", "知情人士").
    pub named: bool,
}

/// Kind-specific details shown in the details panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    Loaded {
        /// Rule category, e.g. "war-violence" (see `rules::CATEGORIES`).
        category: String,
        /// A neutral wording the reader could use instead.
        alternative: String,
    },
    Statistic {
        source: Option<SourceRef>,
    },
    Quote {
        form: QuoteForm,
        speaker: Option<Speaker>,
        /// The cue that introduced the speech ("warned", "表示", "according to").
        cue: Option<String>,
    },
}

/// One highlighted piece of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub status: Status,
    pub span: Span,
    /// Stable id of the rule that produced it, e.g. "en.war-violence.strangle" or "stat.percent".
    pub rule_id: String,
    /// Why it was flagged, in one or two sentences for a reader.
    pub explanation: String,
    pub detail: Detail,
}

/// What the reader chose in the page (or on the command line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `None` detects the language; `Some` overrides it.
    pub language: Option<Language>,
    /// Rule ids the reader switched off.
    pub disabled_rules: Vec<String>,
}

/// Everything the analysis says about one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The language used for the density figures and for picking rule packs.
    pub language: Language,
    /// Sorted by span start, then by longer span first.
    pub findings: Vec<Finding>,
}

/// Analyse `text`. Never panics; an empty text yields no findings.
pub fn analyze(text: &str, rules: &RuleSet, options: &Options) -> Analysis {
    let doc = Document::new(text);
    let language = options.language.unwrap_or_else(|| language::detect(text));
    // Mixed text works because, when detecting, both packs run: English phrases
    // only match Latin words and Chinese phrases only match Han text. An explicit
    // override narrows the packs to that language.
    let languages: &[Language] = match options.language {
        None => &[Language::En, Language::Zh],
        Some(Language::En) => &[Language::En],
        Some(Language::Zh) => &[Language::Zh],
    };
    let quotes = quotes::detect(&doc);
    let statistics = statistics::detect(&doc, &quotes);
    let loaded = loaded::detect(&doc, rules, languages, &options.disabled_rules, &quotes);
    let mut findings: Vec<Finding> = quotes.into_iter().chain(statistics).chain(loaded).collect();
    sort_findings(&mut findings);
    Analysis { language, findings }
}

/// The one order findings are kept in: by start, longer first, then by kind.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.kind).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.kind,
        ))
    });
}
