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
    /// Rule ids the reader switched off. An entry also names a group: every rule
    /// whose id continues it after a dot (see [`rule_is_disabled`]).
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
    // Switched-off quote and statistic rules are dropped only here: every quote still
    // tells the other detectors whose words they are looking at.
    let mut findings: Vec<Finding> = quotes
        .into_iter()
        .chain(statistics)
        .chain(loaded)
        .filter(|f| !rule_is_disabled(&f.rule_id, &options.disabled_rules))
        .collect();
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

// ---------- switching rules off ----------

/// The rule ids of statistics and quotes, which are written in their detectors'
/// code rather than in rule files. An entry ending in `.*` is an open family: the
/// vague-attribution rules are named after the vague speaker (`quote.vague.experts`),
/// so they cannot all be listed. `every_rule_id_produced_is_known` keeps this list
/// and the detectors in step.
pub const NON_LOADED_RULE_IDS: &[&str] = &[
    "stat.count",
    "stat.percent",
    "stat.multiplier",
    "stat.ranking",
    "stat.money",
    "stat.growth",
    "stat.measure",
    "quote.direct",
    "quote.echo",
    "quote.reported",
    "quote.unattributed",
    "quote.scare",
    "quote.scare.so-called",
    "quote.vague.*",
];

/// Does the switched-off entry `entry` cover the rule `rule_id`? An entry covers
/// its own id and, as a group, every id that continues it after a dot:
/// `stat.ranking` covers `stat.ranking` and `stat.ranking.x` but not
/// `stat.rankings`. A blank entry covers nothing.
pub fn entry_covers(entry: &str, rule_id: &str) -> bool {
    let entry = entry.trim();
    !entry.is_empty()
        && rule_id
            .strip_prefix(entry)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Is `rule_id` switched off by any entry of `disabled`? The one test every
/// detector's findings go through.
pub fn rule_is_disabled(rule_id: &str, disabled: &[String]) -> bool {
    disabled.iter().any(|entry| entry_covers(entry, rule_id))
}

/// Is `id` exactly the id of a built-in rule (a loaded-language rule in `rules`, a
/// listed statistic or quote rule, or a member of a listed family)?
pub fn is_builtin_rule_id(id: &str, rules: &RuleSet) -> bool {
    rules.rules.iter().any(|r| r.id == id)
        || NON_LOADED_RULE_IDS
            .iter()
            .any(|known| match known.strip_suffix(".*") {
                Some(family) => id
                    .strip_prefix(family)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(|member| !member.is_empty()),
                None => *known == id,
            })
}

/// Does switching off `entry` switch off at least one built-in rule? True for a rule
/// id and for a group of them (`en.war-violence`, `stat`, `quote.vague`); false for
/// a typo, which would otherwise silently switch off nothing.
pub fn is_known_rule_entry(entry: &str, rules: &RuleSet) -> bool {
    let entry = entry.trim();
    if entry.is_empty() {
        return false;
    }
    is_builtin_rule_id(entry, rules)
        || rules.rules.iter().any(|r| entry_covers(entry, &r.id))
        || NON_LOADED_RULE_IDS
            .iter()
            .any(|known| entry_covers(entry, known.strip_suffix(".*").unwrap_or(known)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_entry_covers_its_id_and_its_group_on_a_dot_boundary() {
        let off = entries(&["stat.ranking", "en.hyperbole-absolute"]);
        assert!(rule_is_disabled("stat.ranking", &off));
        assert!(rule_is_disabled("stat.ranking.superlative", &off));
        assert!(!rule_is_disabled("stat.rankings", &off));
        assert!(!rule_is_disabled("stat.rank", &off));
        assert!(!rule_is_disabled("stat", &off));
        assert!(rule_is_disabled("en.hyperbole-absolute.never", &off));
        assert!(!rule_is_disabled("en.hyperbole-absolutely.never", &off));
        assert!(!rule_is_disabled("zh.hyperbole-absolute.never", &off));
        assert!(!rule_is_disabled("quote.direct", &off));
        // Blank entries switch nothing off; surrounding spaces are ignored.
        assert!(!rule_is_disabled("quote.direct", &entries(&["", "  "])));
        assert!(rule_is_disabled("quote.direct", &entries(&[" quote "])));
        assert!(!rule_is_disabled("quote.direct", &[]));
    }

    /// A text with every kind of statistic and quote the detectors know.
    const VARIED: &str = "Unemployment rose 12% last year, the ministry said. \
        Sales tripled to $4.5 billion, making it the largest maker in Asia. \
        The factory employs 3,000 workers and the trip takes 45 minutes at 30 degrees. \
        Exports fell 3 percent. It was the second-biggest drop on record. \
        “We will not back down,” said Maria Lopez, the union leader. \
        “Back down,” she repeated, is not in our vocabulary. \
        Experts say the plan will fail. Some people believe it is a “miracle”. The so-called “reform” was invoked again. \
        “Nobody knows what happens next.” \
        Officials warned that the sanctions would strangle the industry, a total disaster. \
        The minister reportedly plans to resign.\n\n\
        据悉，该公司去年营收增长了15%，达到30亿元。业内人士表示，这是“史无前例”的灾难。\
        张伟说：“我们绝不让步。”";

    /// Every text the crate carries: the varied text above, the seed articles
    /// and, when the evaluation set is present, each of its texts.
    fn corpus() -> Vec<String> {
        let mut texts = vec![VARIED.to_string()];
        texts.extend(crate::SEED_ARTICLES.iter().map(|(_, t)| t.to_string()));
        let eval = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
        for language in ["en", "zh"] {
            let Ok(dir) = std::fs::read_dir(eval.join(language)) else {
                continue;
            };
            for entry in dir.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "txt") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        texts.push(text);
                    }
                }
            }
        }
        texts
    }

    #[test]
    fn every_rule_id_produced_is_known() {
        let rules = RuleSet::builtin();
        let mut produced = std::collections::BTreeSet::new();
        for text in corpus() {
            for language in [None, Some(Language::En), Some(Language::Zh)] {
                let options = Options {
                    language,
                    disabled_rules: Vec::new(),
                };
                for f in analyze(&text, rules, &options).findings {
                    produced.insert(f.rule_id);
                }
            }
        }
        let unknown: Vec<&String> = produced
            .iter()
            .filter(|id| !is_builtin_rule_id(id, rules))
            .collect();
        assert!(
            unknown.is_empty(),
            "rule ids missing from NON_LOADED_RULE_IDS: {unknown:?}"
        );
        // …and the other way: a listed id no detector produces any more is stale.
        for known in NON_LOADED_RULE_IDS {
            let found = match known.strip_suffix(".*") {
                Some(family) => produced.iter().any(|id| entry_covers(family, id)),
                None => produced.contains(*known),
            };
            assert!(found, "{known} is listed but no text here produced it");
        }
    }

    #[test]
    fn known_entries_are_rules_or_groups_and_typos_are_not() {
        let rules = RuleSet::builtin();
        for entry in [
            "en.war-violence.strangle",
            "en.war-violence",
            "en",
            "zh.sensational",
            "stat",
            "stat.ranking",
            "quote.scare",
            "quote.scare.so-called",
            "quote.vague",
            "quote.vague.experts",
        ] {
            assert!(is_known_rule_entry(entry, rules), "{entry} should be known");
        }
        for entry in [
            "",
            " ",
            "en.war-violense",
            "en.war-violence.",
            "stat.rankings",
            "stat.rank",
            "quote.vague.",
            "quotes",
            "fr",
        ] {
            assert!(
                !is_known_rule_entry(entry, rules),
                "{entry:?} should be unknown"
            );
        }
        assert!(is_builtin_rule_id("quote.vague.experts", rules));
        assert!(!is_builtin_rule_id("quote.vague", rules));
        assert!(!is_builtin_rule_id("en.war-violence", rules));
    }

    #[test]
    fn analyze_drops_every_kind_of_switched_off_rule() {
        let rules = RuleSet::builtin();
        let all = analyze(VARIED, rules, &Options::default()).findings;
        // One id of each kind that this text produces, switched off as a rule or a group.
        let pick = |prefix: &str| {
            all.iter()
                .map(|f| f.rule_id.clone())
                .find(|id| id.starts_with(prefix))
                .unwrap_or_else(|| panic!("no {prefix} finding in the varied text"))
        };
        for (entry, covered) in [
            (pick("stat."), pick("stat.")),
            (pick("quote."), pick("quote.")),
            (pick("en."), pick("en.")),
            ("quote".to_string(), "quote.direct".to_string()),
            ("en.war-violence".to_string(), pick("en.war-violence.")),
        ] {
            let options = Options {
                language: None,
                disabled_rules: vec![entry.clone()],
            };
            let kept = analyze(VARIED, rules, &options).findings;
            assert!(
                kept.iter().all(|f| !entry_covers(&entry, &f.rule_id)),
                "{entry} still produced findings"
            );
            assert!(
                all.iter().any(|f| f.rule_id == covered),
                "{covered} is in the full analysis"
            );
            // Nothing else is lost.
            let expected: Vec<&Finding> = all
                .iter()
                .filter(|f| !entry_covers(&entry, &f.rule_id))
                .collect();
            assert_eq!(kept.iter().collect::<Vec<_>>(), expected, "{entry}");
        }
    }
}
