//! Loaded language: phrases from the rule packs, matched with aho-corasick.
//!
//! English phrases match whole words, ignoring ASCII case, and a rule phrase ending
//! in `*` lets its last word continue (inflections). Chinese phrases need no word
//! segmentation: a phrase of two or more Han characters is specific enough to match
//! anywhere. Where matches overlap, the leftmost wins, then the longest.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

use super::text::{is_han, Document};
use super::{Detail, Finding, Kind, Language, QuoteForm, Status};
use crate::rules::{category_name, RuleSet};

/// The compiled matcher for a rule set.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: (rule index, last word may continue, needs word boundaries).
    patterns: Vec<(usize, bool, bool)>,
}

impl Matcher {
    pub fn new(rules: &RuleSet) -> Matcher {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (phrase, rule) in &rules.phrases {
            let (body, star) = match phrase.strip_suffix('*') {
                Some(b) => (b.trim_end(), true),
                None => (phrase.as_str(), false),
            };
            if body.is_empty() {
                continue;
            }
            let bounded = !body.chars().any(is_han);
            // Text pasted from the web uses typographic apostrophes; match both.
            for variant in apostrophe_variants(body) {
                texts.push(variant);
                patterns.push((*rule, star, bounded));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .ok();
        Matcher {
            automaton,
            patterns,
        }
    }

    /// The matcher for the built-in rules, compiled once.
    pub fn builtin() -> &'static Matcher {
        static BUILTIN: OnceLock<Matcher> = OnceLock::new();
        BUILTIN.get_or_init(|| Matcher::new(RuleSet::builtin()))
    }

    /// Byte ranges and rule indexes of the matches in `text`, leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in automaton.find_overlapping_iter(text) {
            let (rule, star, bounded) = self.patterns[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if bounded {
                if text[..start].chars().next_back().is_some_and(is_word_char) {
                    continue;
                }
                if star {
                    end += text[end..]
                        .chars()
                        .take_while(|c| is_word_char(*c))
                        .map(char::len_utf8)
                        .sum::<usize>();
                } else if text[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
            }
            candidates.push((start, end, rule));
        }
        candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out = Vec::new();
        let mut taken_until = 0;
        for (start, end, rule) in candidates {
            if start >= taken_until {
                out.push((start..end, rule));
                taken_until = end;
            }
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c) || c == '_'
}

fn apostrophe_variants(phrase: &str) -> Vec<String> {
    if phrase.contains('\'') {
        vec![phrase.to_string(), phrase.replace('\'', "’")]
    } else {
        vec![phrase.to_string()]
    }
}

/// Loaded-language findings in `doc`, using `rules` (which must be the rule set the
/// built-in matcher was compiled from when it is `RuleSet::builtin()`; any other set
/// is compiled on the spot). A match inside a direct quote with a speaker is that
/// speaker's wording, not the author's.
pub fn detect(
    doc: &Document,
    rules: &RuleSet,
    languages: &[Language],
    disabled_rules: &[String],
    quotes: &[Finding],
) -> Vec<Finding> {
    let owned;
    let matcher = if std::ptr::eq(rules, RuleSet::builtin()) {
        Matcher::builtin()
    } else {
        owned = Matcher::new(rules);
        &owned
    };
    let speakers_quotes: Vec<_> = quotes
        .iter()
        .filter(|q| {
            matches!(
                q.detail,
                Detail::Quote {
                    form: QuoteForm::Direct,
                    ..
                }
            ) && matches!(q.status, Status::Attributed | Status::VagueAttribution)
        })
        .map(|q| q.span)
        .collect();
    let mut out = Vec::new();
    for (bytes, rule_index) in matcher.find(doc.text()) {
        let rule = &rules.rules[rule_index];
        // `analyze` filters every finding too; skipping here saves building them.
        if !languages.contains(&rule.language) || super::rule_is_disabled(&rule.id, disabled_rules)
        {
            continue;
        }
        let span = doc.span(bytes);
        let quoted = speakers_quotes.iter().any(|q| q.contains(span));
        let explanation = if quoted {
            format!("{} Here it is inside a quotation, so it is the speaker's wording, not the author's.", rule.explanation)
        } else {
            rule.explanation.clone()
        };
        out.push(Finding {
            kind: Kind::LoadedLanguage,
            status: if quoted {
                Status::QuotedWording
            } else {
                Status::AuthorWording
            },
            span,
            rule_id: rule.id.clone(),
            explanation: format!(
                "{}: {}",
                capitalize(category_name(&rule.category)),
                explanation
            ),
            detail: Detail::Loaded {
                category: rule.category.clone(),
                alternative: rule.alternative.clone(),
            },
        });
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
