//! The hand-labelled evaluation sets (tests/eval/<lang>/NAME.txt + NAME.labels.json, and the
//! held-out tests/eval-heldout/<lang>/ in the same format) are well formed.
//!
//! These checks never run a detector: they only make sure the labels written by hand under
//! docs/labelling.md can be trusted by whatever scores the detectors against them — every label file
//! parses, uses only the documented fields and values, and points at text that really is in its
//! passage. A broken label would otherwise silently count as a miss or a false alarm.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const LANGUAGES: [&str; 2] = ["en", "zh"];
const GENRES: [&str; 5] = ["wire", "opinion", "propaganda", "headline", "press-release"];
const KINDS: [&str; 3] = ["loaded-language", "statistic", "quote"];
const LOADED_STATUSES: [&str; 2] = ["author-wording", "quoted-wording"];
const STATISTIC_STATUSES: [&str; 2] = ["sourced", "unsourced"];
const QUOTE_STATUSES: [&str; 4] = [
    "attributed",
    "vague-attribution",
    "unattributed",
    "scare-quote",
];
/// Quote statuses that name someone, so the label must say who.
const STATUSES_WITH_SPEAKER: [&str; 2] = ["attributed", "vague-attribution"];
const QUOTE_FORMS: [&str; 2] = ["direct", "reported"];
const LOADED_CATEGORIES: [&str; 7] = [
    "war-violence",
    "hyperbole-absolute",
    "name-calling-label",
    "emotional-appeal",
    "sensational",
    "clickbait",
    "us-vs-them",
];
const TOP_LEVEL_FIELDS: [&str; 5] = ["language", "genre", "source", "labels", "script"];
/// Chinese passages may say which script they are written in (optional).
const SCRIPTS: [&str; 2] = ["simplified", "traditional"];
const LABEL_FIELDS: [&str; 7] = [
    "kind",
    "text",
    "status",
    "form",
    "speaker",
    "occurrence",
    "category",
];
/// The brief for the English half asks for at least this many passages besides the seeds.
const MIN_ENGLISH_PASSAGES: usize = 22;
/// The held-out set must stay big enough per language for its aggregate scores to mean something.
const MIN_HELDOUT_PASSAGES_PER_LANGUAGE: usize = 10;

/// The set the detectors are tuned on.
const TUNING_SET: &str = "tests/eval";
/// The set scored only in aggregate and never tuned on (see tests/eval-heldout/README.md).
const HELDOUT_SET: &str = "tests/eval-heldout";
/// Every labelled set whose files must be well formed.
const LABELLED_SETS: [&str; 2] = [TUNING_SET, HELDOUT_SET];

const LABELS_SUFFIX: &str = ".labels.json";

fn set_root(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(set)
}

/// Sorted file names in `dir` that end with `suffix` (an absent folder has none).
fn file_names_ending_with(dir: &Path, suffix: &str) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(suffix))
        .collect();
    names.sort();
    names
}

/// Byte offset of the `occurrence`-th (1-based) match of `needle` in `haystack`.
/// Matches may overlap, like a reader counting every place the words appear.
fn nth_occurrence(haystack: &str, needle: &str, occurrence: usize) -> Option<usize> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..occurrence {
        let at = from + haystack.get(from..)?.find(needle)?;
        found = Some(at);
        // Step one character past the match start so overlapping matches are counted.
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Every problem found in one label file, prefixed with where it is.
fn problems_in_label_file(language: &str, labels_path: &Path, passage: &str) -> Vec<String> {
    let file = labels_path.display().to_string();
    let mut problems = Vec::new();
    let raw = match fs::read_to_string(labels_path) {
        Ok(raw) => raw,
        Err(error) => return vec![format!("{file}: cannot read: {error}")],
    };
    let root: Value = match serde_json::from_str(&raw) {
        Ok(root) => root,
        Err(error) => return vec![format!("{file}: invalid JSON: {error}")],
    };
    let Some(root) = root.as_object() else {
        return vec![format!("{file}: top level is not an object")];
    };
    for key in root.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            problems.push(format!("{file}: unknown field {key:?}"));
        }
    }
    if root.get("language").and_then(Value::as_str) != Some(language) {
        problems.push(format!("{file}: \"language\" must be {language:?}"));
    }
    match root.get("genre").and_then(Value::as_str) {
        Some(genre) if GENRES.contains(&genre) => {}
        other => problems.push(format!("{file}: bad \"genre\" {other:?}")),
    }
    if let Some(script) = root.get("script") {
        match script.as_str() {
            Some(script) if SCRIPTS.contains(&script) => {}
            _ => problems.push(format!("{file}: bad \"script\" {script}")),
        }
    }
    match root.get("source").and_then(Value::as_str) {
        Some(source) if !source.trim().is_empty() => {}
        _ => problems.push(format!("{file}: \"source\" must be a non-empty string")),
    }
    let Some(labels) = root.get("labels").and_then(Value::as_array) else {
        problems.push(format!("{file}: \"labels\" must be an array"));
        return problems;
    };

    // Two identical labels on the same span would double-count one finding.
    let mut seen_spans: HashSet<(String, usize, usize)> = HashSet::new();
    for (index, label) in labels.iter().enumerate() {
        let at = format!("{file}: label #{index}");
        let Some(label) = label.as_object() else {
            problems.push(format!("{at}: not an object"));
            continue;
        };
        for key in label.keys() {
            if !LABEL_FIELDS.contains(&key.as_str()) {
                problems.push(format!("{at}: unknown field {key:?}"));
            }
        }
        let kind = label.get("kind").and_then(Value::as_str).unwrap_or("");
        if !KINDS.contains(&kind) {
            problems.push(format!("{at}: bad \"kind\" {kind:?}"));
            continue;
        }
        let status = label.get("status").and_then(Value::as_str);
        let allowed_statuses: &[&str] = match kind {
            "loaded-language" => &LOADED_STATUSES,
            "statistic" => &STATISTIC_STATUSES,
            _ => &QUOTE_STATUSES,
        };
        match status {
            // Loaded language defaults to the author's wording, so its status may be left out.
            None if kind == "loaded-language" => {}
            None => problems.push(format!("{at}: {kind} needs a \"status\"")),
            Some(status) if allowed_statuses.contains(&status) => {}
            Some(status) => problems.push(format!("{at}: status {status:?} not valid for {kind}")),
        }
        if label.contains_key("status") && status.is_none() {
            problems.push(format!("{at}: \"status\" must be a string"));
        }
        if kind == "loaded-language" {
            if let Some(category) = label.get("category") {
                match category.as_str() {
                    Some(category) if LOADED_CATEGORIES.contains(&category) => {}
                    _ => problems.push(format!("{at}: bad \"category\" {category}")),
                }
            }
        } else if label.contains_key("category") {
            problems.push(format!("{at}: only loaded language has a \"category\""));
        }
        if kind == "quote" {
            match label.get("form").and_then(Value::as_str) {
                Some(form) if QUOTE_FORMS.contains(&form) => {}
                other => problems.push(format!("{at}: bad \"form\" {other:?}")),
            }
            let needs_speaker = status.is_some_and(|s| STATUSES_WITH_SPEAKER.contains(&s));
            match label.get("speaker") {
                Some(speaker) if needs_speaker => {
                    if speaker.as_str().is_none_or(|s| s.trim().is_empty()) {
                        problems.push(format!("{at}: \"speaker\" must be a non-empty string"));
                    }
                }
                Some(_) => problems.push(format!("{at}: omit \"speaker\" for status {status:?}")),
                None if needs_speaker => problems.push(format!("{at}: \"speaker\" is required")),
                None => {}
            }
        } else {
            for quote_only in ["form", "speaker"] {
                if label.contains_key(quote_only) {
                    problems.push(format!("{at}: only quotes have {quote_only:?}"));
                }
            }
        }

        let occurrence = match label.get("occurrence") {
            None => 1,
            Some(value) => match value.as_u64() {
                Some(n) if n >= 1 => n as usize,
                _ => {
                    problems.push(format!("{at}: \"occurrence\" must be an integer >= 1"));
                    continue;
                }
            },
        };
        let Some(text) = label.get("text").and_then(Value::as_str) else {
            problems.push(format!("{at}: \"text\" must be a string"));
            continue;
        };
        if text.trim().is_empty() {
            problems.push(format!("{at}: \"text\" is empty"));
            continue;
        }
        match nth_occurrence(passage, text, occurrence) {
            None => problems.push(format!(
                "{at}: {text:?} (occurrence {occurrence}) is not in the passage"
            )),
            Some(start) => {
                if !seen_spans.insert((kind.to_string(), start, start + text.len())) {
                    problems.push(format!("{at}: duplicate {kind} label on {text:?}"));
                }
            }
        }
    }
    problems
}

/// A labelled copy of a seed (`seed-000.txt`) must stay byte-for-byte equal to
/// `assets/seeds/000_*.txt`, so labels on the copy are labels on the seed.
fn seed_copy_problem(passage_path: &Path, passage: &str) -> Option<String> {
    let name = passage_path.file_name()?.to_str()?;
    let number = name.strip_prefix("seed-")?.strip_suffix(".txt")?;
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/seeds");
    let prefix = format!("{number}_");
    let original = file_names_ending_with(&seeds_dir, ".txt")
        .into_iter()
        .find(|seed| seed.starts_with(&prefix));
    let Some(original) = original else {
        return Some(format!(
            "{name}: no assets/seeds/{prefix}*.txt to copy from"
        ));
    };
    match fs::read_to_string(seeds_dir.join(&original)) {
        Ok(seed) if seed == passage => None,
        Ok(_) => Some(format!("{name}: differs from assets/seeds/{original}")),
        Err(error) => Some(format!(
            "{name}: cannot read assets/seeds/{original}: {error}"
        )),
    }
}

/// All problems in one language folder of a labelled set, plus how many non-seed passages it holds.
fn check_language(set: &str, language: &str) -> (Vec<String>, usize) {
    let dir = set_root(set).join(language);
    let mut problems = Vec::new();
    let passages = file_names_ending_with(&dir, ".txt");
    let label_files = file_names_ending_with(&dir, LABELS_SUFFIX);

    for label_file in &label_files {
        let stem = &label_file[..label_file.len() - LABELS_SUFFIX.len()];
        if !passages
            .iter()
            .any(|p| p.strip_suffix(".txt") == Some(stem))
        {
            problems.push(format!(
                "{set}/{language}/{label_file}: no {stem}.txt beside it"
            ));
        }
    }
    let mut non_seed_passages = 0;
    for passage_name in &passages {
        let stem = &passage_name[..passage_name.len() - ".txt".len()];
        if !stem.starts_with("seed-") {
            non_seed_passages += 1;
        } else if set == HELDOUT_SET {
            // The detectors were tuned on the seeds, so a seed copy would not be held out.
            problems.push(format!(
                "{set}/{language}/{passage_name}: seed copies belong in {TUNING_SET} only"
            ));
        }
        let passage_path = dir.join(passage_name);
        let passage = match fs::read_to_string(&passage_path) {
            Ok(passage) => passage,
            Err(error) => {
                problems.push(format!(
                    "{set}/{language}/{passage_name}: cannot read: {error}"
                ));
                continue;
            }
        };
        if passage.trim().is_empty() {
            problems.push(format!("{set}/{language}/{passage_name}: empty passage"));
        }
        problems.extend(seed_copy_problem(&passage_path, &passage));
        let labels_path = dir.join(format!("{stem}{LABELS_SUFFIX}"));
        if !labels_path.exists() {
            problems.push(format!(
                "{set}/{language}/{passage_name}: no {stem}{LABELS_SUFFIX}"
            ));
            continue;
        }
        problems.extend(problems_in_label_file(language, &labels_path, &passage));
    }
    (problems, non_seed_passages)
}

#[test]
fn every_label_file_is_well_formed_and_points_into_its_passage() {
    let mut problems = Vec::new();
    for set in LABELLED_SETS {
        for language in LANGUAGES {
            problems.extend(check_language(set, language).0);
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in {}:\n{}",
        problems.len(),
        LABELLED_SETS.join(" and "),
        problems.join("\n")
    );
}

#[test]
fn english_half_has_enough_passages() {
    let (_, english_passages) = check_language(TUNING_SET, "en");
    assert!(
        english_passages >= MIN_ENGLISH_PASSAGES,
        "tests/eval/en has {english_passages} passages besides the seeds; expected at least {MIN_ENGLISH_PASSAGES}"
    );
}

#[test]
fn heldout_set_has_enough_passages_in_each_language() {
    for language in LANGUAGES {
        let (_, passages) = check_language(HELDOUT_SET, language);
        assert!(
            passages >= MIN_HELDOUT_PASSAGES_PER_LANGUAGE,
            "{HELDOUT_SET}/{language} has {passages} passages; expected at least {MIN_HELDOUT_PASSAGES_PER_LANGUAGE}"
        );
    }
}

#[test]
fn nth_occurrence_counts_from_one_and_allows_overlap() {
    assert_eq!(nth_occurrence("0.2% and 2%", "2%", 1), Some(2));
    assert_eq!(nth_occurrence("0.2% and 2%", "2%", 2), Some(9));
    assert_eq!(nth_occurrence("0.2% and 2%", "2%", 3), None);
    assert_eq!(nth_occurrence("aaa", "aa", 2), Some(1));
    // Offsets are bytes: four 3-byte characters and an ASCII comma come first.
    assert_eq!(nth_occurrence("全球第二,全球第二", "全球第二", 2), Some(13));
}
