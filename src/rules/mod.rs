//! Loaded-language rule packs: data, not code.
//!
//! Each file `src/rules/<language>/<category>.json` holds one category of one
//! language (see docs/rules.md for the format). Files are compiled in by build.rs
//! and parsed once; unknown fields are rejected, and a test parses every file.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::analysis::Language;

include!(concat!(env!("OUT_DIR"), "/rule_files.rs"));

/// The closed set of loaded-language categories, with a reader-facing name.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("war-violence", "war or violence metaphor"),
    ("hyperbole-absolute", "hyperbole or absolute claim"),
    ("name-calling-label", "name-calling or label"),
    ("emotional-appeal", "emotional appeal"),
    ("sensational", "sensational wording"),
    ("clickbait", "headline or engagement bait"),
    ("us-vs-them", "us-versus-them framing"),
];

/// The reader-facing name of a category id (the id itself if unknown).
pub fn category_name(id: &str) -> &str {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == id)
        .map_or(id, |(_, name)| name)
}

/// One rule file as written on disk.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub language: String,
    pub category: String,
    pub entries: Vec<RuleEntry>,
}

/// One rule: a group of phrases (spellings, inflections, scripts) that share
/// an explanation and a neutral alternative.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    /// Unique within its language and category; the full id is `<language>.<category>.<id>`.
    pub id: String,
    /// Phrases to match. English phrases match whole words, case-insensitively; a
    /// trailing `*` lets the last word continue ("strangl*" matches "strangling").
    /// Chinese phrases match anywhere, as written (list both scripts).
    pub phrases: Vec<String>,
    pub explanation: String,
    pub alternative: String,
}

/// A rule ready for matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    pub language: Language,
    pub category: String,
    pub explanation: String,
    pub alternative: String,
}

/// A problem found while loading a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// All rules of all languages, with the phrases that trigger each.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// (phrase, index into `rules`)
    pub phrases: Vec<(String, usize)>,
}

impl RuleSet {
    /// The rule packs compiled into the program, parsed once.
    pub fn builtin() -> &'static RuleSet {
        static BUILTIN: OnceLock<RuleSet> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The built-in files are checked by `every_rule_file_loads`, so an error
            // here means a broken build; skipping the bad file keeps the app usable.
            let (set, _errors) = RuleSet::from_files(RULE_FILES);
            set
        })
    }

    /// Parse rule files given as (name, contents). Bad files are skipped and reported.
    pub fn from_files(files: &[(&str, &str)]) -> (RuleSet, Vec<RuleError>) {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        let mut seen_ids = HashSet::new();
        for (name, contents) in files {
            let err = |message: String| RuleError {
                file: name.to_string(),
                message,
            };
            let file: RuleFile = match serde_json::from_str(contents) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(err(e.to_string()));
                    continue;
                }
            };
            let Some(language) = Language::parse(&file.language) else {
                errors.push(err(format!("unknown language {:?}", file.language)));
                continue;
            };
            if !CATEGORIES.iter().any(|(c, _)| *c == file.category) {
                errors.push(err(format!("unknown category {:?}", file.category)));
                continue;
            }
            for entry in file.entries {
                let id = format!("{}.{}.{}", language.code(), file.category, entry.id);
                let problem = if !seen_ids.insert(id.clone()) {
                    Some("duplicate id")
                } else if entry.phrases.iter().all(|p| p.trim().is_empty()) {
                    Some("no phrases")
                } else if entry.explanation.trim().is_empty() {
                    Some("empty explanation")
                } else if entry.alternative.trim().is_empty() {
                    Some("empty alternative")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    errors.push(err(format!("{id}: {problem}")));
                    continue;
                }
                let index = set.rules.len();
                for phrase in &entry.phrases {
                    let phrase = phrase.trim();
                    if !phrase.is_empty() {
                        set.phrases.push((phrase.to_string(), index));
                    }
                }
                set.rules.push(Rule {
                    id,
                    language,
                    category: file.category.clone(),
                    explanation: entry.explanation,
                    alternative: entry.alternative,
                });
            }
        }
        (set, errors)
    }

    pub fn count(&self, language: Language) -> usize {
        self.rules.iter().filter(|r| r.language == language).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_loads() {
        assert!(!RULE_FILES.is_empty());
        let (set, errors) = RuleSet::from_files(RULE_FILES);
        assert_eq!(errors, vec![], "rule files with errors");
        for (name, _) in RULE_FILES {
            let lang = name.split('/').next().unwrap();
            assert!(
                Language::parse(lang).is_some(),
                "{name} is not in a language folder"
            );
        }
        assert!(set.count(Language::En) > 0 && set.count(Language::Zh) > 0);
    }

    #[test]
    fn unknown_fields_and_bad_values_are_rejected() {
        let files = [
            (
                "a.json",
                r#"{"language":"en","category":"sensational","entries":[],"extra":1}"#,
            ),
            (
                "b.json",
                r#"{"language":"fr","category":"sensational","entries":[]}"#,
            ),
            (
                "c.json",
                r#"{"language":"en","category":"nope","entries":[]}"#,
            ),
            (
                "d.json",
                r#"{"language":"en","category":"sensational","entries":[
                {"id":"x","phrases":["x"],"explanation":"","alternative":"y"},
                {"id":"y","phrases":["y"],"explanation":"e","alternative":"a","note":"?"}]}"#,
            ),
        ];
        let (set, errors) = RuleSet::from_files(&files);
        assert!(set.rules.is_empty());
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].message.contains("unknown field"));
    }
}
