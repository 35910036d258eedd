//! Scores the detectors against a labelled evaluation set (`sourcelight eval DIR`).
//!
//! A set is a folder tree of passages `NAME.txt`, each with `NAME.labels.json`
//! (format and labelling rules: docs/labelling.md). Spans are scored the way
//! SemEval-2020 Task 11 scores propaganda spans: a predicted span earns credit in
//! proportion to its character overlap with gold spans of the same kind, so a
//! detector is neither all-right nor all-wrong for a span that is a word too long.
//! Alongside: sourced/unsourced accuracy on matched statistics, and speaker
//! accuracy on matched quotes, split by direct and reported speech.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::analysis::{analyze, Detail, Finding, Kind, Options, QuoteForm, Span, Status};
use crate::rules::RuleSet;

/// Genre and source are documentation for humans; they are accepted, not scored.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct LabelFile {
    language: String,
    #[serde(default)]
    script: Option<String>,
    #[serde(default)]
    genre: Option<String>,
    #[serde(default)]
    source: Option<String>,
    labels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    kind: String,
    text: String,
    #[serde(default)]
    occurrence: Option<usize>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    form: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
    /// Loaded-language category, documentation only: spans are scored by kind.
    #[serde(default)]
    #[allow(dead_code)]
    category: Option<String>,
}

/// One gold label resolved onto its passage.
#[derive(Clone, Debug)]
pub struct Gold {
    pub kind: Kind,
    pub span: Span,
    pub status: Option<Status>,
    pub form: Option<QuoteForm>,
    pub speaker: Option<String>,
}

/// A labelled passage.
#[derive(Clone, Debug)]
pub struct Passage {
    pub path: PathBuf,
    /// "en", "zh-Hans" or "zh-Hant": the rows of the report.
    pub group: String,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// Read every labelled passage under `dir` (recursively), sorted by path.
pub fn load_dir(dir: &Path) -> Result<Vec<Passage>, String> {
    let mut label_files = Vec::new();
    collect_label_files(dir, &mut label_files)?;
    label_files.sort();
    if label_files.is_empty() {
        return Err(format!("{}: no *.labels.json files found", dir.display()));
    }
    label_files.iter().map(|p| load_passage(p)).collect()
}

fn collect_label_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect_label_files(&path, out)?;
        } else if path.to_string_lossy().ends_with(".labels.json") {
            out.push(path);
        }
    }
    Ok(())
}

fn load_passage(labels_path: &Path) -> Result<Passage, String> {
    let name = labels_path.display();
    let json = std::fs::read_to_string(labels_path).map_err(|e| format!("{name}: {e}"))?;
    let file: LabelFile = serde_json::from_str(&json).map_err(|e| format!("{name}: {e}"))?;
    let text_path = PathBuf::from(
        labels_path
            .to_string_lossy()
            .replace(".labels.json", ".txt"),
    );
    let text =
        std::fs::read_to_string(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let group = match (file.language.as_str(), file.script.as_deref()) {
        ("en", _) => "en".to_string(),
        ("zh", Some("traditional")) => "zh-Hant".to_string(),
        ("zh", _) => "zh-Hans".to_string(),
        (other, _) => return Err(format!("{name}: unknown language {other:?}")),
    };
    let mut gold = Vec::new();
    for (i, label) in file.labels.iter().enumerate() {
        let at = |msg: String| format!("{name}: labels[{i}] ({:?}): {msg}", label.text);
        let kind =
            Kind::parse(&label.kind).ok_or_else(|| at(format!("unknown kind {:?}", label.kind)))?;
        let status = match &label.status {
            Some(s) => Some(
                Status::parse(s)
                    .filter(|s| s.valid_for(kind))
                    .ok_or_else(|| at(format!("bad status {s:?}")))?,
            ),
            None => None,
        };
        let form = match &label.form {
            Some(f) => Some(QuoteForm::parse(f).ok_or_else(|| at(format!("bad form {f:?}")))?),
            None => None,
        };
        let occurrence = label.occurrence.unwrap_or(1);
        let byte_start = text
            .match_indices(label.text.as_str())
            .nth(occurrence.saturating_sub(1))
            .map(|(b, _)| b)
            .ok_or_else(|| at(format!("occurrence {occurrence} not found in the passage")))?;
        let start = text[..byte_start].chars().count();
        let span = Span::new(start, start + label.text.chars().count());
        gold.push(Gold {
            kind,
            span,
            status,
            form,
            speaker: label.speaker.clone(),
        });
    }
    Ok(Passage {
        path: labels_path.to_path_buf(),
        group,
        text,
        gold,
    })
}

/// Running sums for one row of the span table.
#[derive(Clone, Debug, Default)]
pub struct SpanScore {
    pub n_gold: usize,
    pub n_predicted: usize,
    /// Σ over predictions of (overlap with same-kind gold) / |prediction|.
    pub precision_credit: f64,
    /// Σ over gold spans of (overlap with same-kind predictions) / |gold|.
    pub recall_credit: f64,
}

impl SpanScore {
    pub fn add(&mut self, predicted: &[Span], gold: &[Span]) {
        self.n_predicted += predicted.len();
        self.n_gold += gold.len();
        for p in predicted {
            let overlap: usize = gold.iter().map(|g| p.overlap_len(*g)).sum();
            self.precision_credit += (overlap.min(p.len()) as f64) / (p.len().max(1) as f64);
        }
        for g in gold {
            let overlap: usize = predicted.iter().map(|p| p.overlap_len(*g)).sum();
            self.recall_credit += (overlap.min(g.len()) as f64) / (g.len().max(1) as f64);
        }
    }

    pub fn precision(&self) -> f64 {
        if self.n_predicted == 0 {
            0.0
        } else {
            self.precision_credit / self.n_predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.n_gold == 0 {
            0.0
        } else {
            self.recall_credit / self.n_gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A count of right answers out of those asked.
#[derive(Clone, Copy, Debug, Default)]
pub struct Accuracy {
    pub right: usize,
    pub total: usize,
}

impl Accuracy {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    fn show(self) -> String {
        if self.total == 0 {
            "n/a".to_string()
        } else {
            format!(
                "{:.2} ({}/{})",
                self.right as f64 / self.total as f64,
                self.right,
                self.total
            )
        }
    }
}

/// The rows of the report for one language group.
#[derive(Clone, Debug, Default)]
pub struct GroupScore {
    pub passages: usize,
    /// Keyed by row name: "loaded-language", "statistic", "quote", "quote/direct", "quote/reported".
    pub spans: BTreeMap<&'static str, SpanScore>,
    pub statistic_status: Accuracy,
    pub speaker_direct: Accuracy,
    pub speaker_reported: Accuracy,
}

/// A gold label the detectors missed or a prediction with no gold, for `--misses`.
#[derive(Clone, Debug)]
pub struct Miss {
    pub passage: PathBuf,
    pub what: String,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub groups: BTreeMap<String, GroupScore>,
    pub misses: Vec<Miss>,
}

const ROWS: [&str; 5] = [
    "loaded-language",
    "statistic",
    "quote",
    "quote/direct",
    "quote/reported",
];

fn quote_form(f: &Finding) -> Option<QuoteForm> {
    match &f.detail {
        Detail::Quote { form, .. } => Some(*form),
        _ => None,
    }
}

fn speaker_text(f: &Finding) -> Option<&str> {
    match &f.detail {
        Detail::Quote {
            speaker: Some(s), ..
        } => Some(&s.text),
        _ => None,
    }
}

/// Speakers agree when, ignoring case and a leading "the", one contains the other
/// ("Gates" vs "Bill Gates"), or when both end in the same capitalised surname of
/// three or more letters, as a later mention with a title does ("Mayor Brooks" vs
/// "Delia Brooks"). "NVIDIA's CEO" vs "the CEO of NVIDIA" does not agree.
pub fn same_speaker(predicted: &str, gold: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    let (p, g) = (norm(predicted), norm(gold));
    let surname = |s: &str| {
        s.split_whitespace()
            .last()
            .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
    };
    let same_surname = surname(predicted.trim()).is_some_and(|a| Some(a) == surname(gold.trim()))
        && predicted.split_whitespace().count() > 1
        && gold.split_whitespace().count() > 1;
    !p.is_empty() && (p.contains(&g) || g.contains(&p) || same_surname)
}

/// Score the built-in detectors on `passages`.
pub fn score(passages: &[Passage]) -> Report {
    let mut report = Report::default();
    for passage in passages {
        let analysis = analyze(&passage.text, RuleSet::builtin(), &Options::default());
        let group = report.groups.entry(passage.group.clone()).or_default();
        group.passages += 1;
        let predicted = &analysis.findings;
        for row in ROWS {
            let in_row = |kind: Kind, form: Option<QuoteForm>| match row {
                "quote/direct" => kind == Kind::Quote && form == Some(QuoteForm::Direct),
                "quote/reported" => kind == Kind::Quote && form == Some(QuoteForm::Reported),
                name => kind.as_str() == name,
            };
            let p: Vec<Span> = predicted
                .iter()
                .filter(|f| in_row(f.kind, quote_form(f)))
                .map(|f| f.span)
                .collect();
            let g: Vec<Span> = passage
                .gold
                .iter()
                .filter(|g| in_row(g.kind, g.form))
                .map(|g| g.span)
                .collect();
            group.spans.entry(row).or_default().add(&p, &g);
        }
        for gold in &passage.gold {
            let best = predicted
                .iter()
                .filter(|f| f.kind == gold.kind)
                .max_by_key(|f| f.span.overlap_len(gold.span))
                .filter(|f| f.span.overlaps(gold.span));
            let excerpt = slice(&passage.text, gold.span);
            let Some(found) = best else {
                report.misses.push(Miss {
                    passage: passage.path.clone(),
                    what: format!("missed {} {excerpt:?}", gold.kind.as_str()),
                });
                continue;
            };
            match gold.kind {
                Kind::Statistic => {
                    if let Some(status) = gold.status {
                        let right = found.status == status;
                        group.statistic_status.add(right);
                        if !right {
                            report.misses.push(Miss {
                                passage: passage.path.clone(),
                                what: format!(
                                    "statistic {excerpt:?}: gold {}, found {}",
                                    status.as_str(),
                                    found.status.as_str()
                                ),
                            });
                        }
                    }
                }
                Kind::Quote => {
                    if let Some(gold_speaker) = &gold.speaker {
                        let right =
                            speaker_text(found).is_some_and(|s| same_speaker(s, gold_speaker));
                        match gold.form {
                            Some(QuoteForm::Reported) => group.speaker_reported.add(right),
                            _ => group.speaker_direct.add(right),
                        }
                        if !right {
                            report.misses.push(Miss {
                                passage: passage.path.clone(),
                                what: format!(
                                    "quote {excerpt:?}: gold speaker {gold_speaker:?}, found {:?}",
                                    speaker_text(found)
                                ),
                            });
                        }
                    }
                }
                Kind::LoadedLanguage => {}
            }
        }
        for f in predicted {
            if !passage
                .gold
                .iter()
                .any(|g| g.kind == f.kind && g.span.overlaps(f.span))
            {
                report.misses.push(Miss {
                    passage: passage.path.clone(),
                    what: format!(
                        "spurious {} {:?} ({})",
                        f.kind.as_str(),
                        slice(&passage.text, f.span),
                        f.rule_id
                    ),
                });
            }
        }
    }
    report
}

fn slice(text: &str, span: Span) -> String {
    crate::analysis::text::slice_chars(text, span)
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| language | passages | kind | gold | found | precision | recall | F1 |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
        for (group, score) in &self.groups {
            for row in ROWS {
                let s = &score.spans[row];
                let _ = writeln!(
                    out,
                    "| {group} | {} | {row} | {} | {} | {:.2} | {:.2} | {:.2} |",
                    score.passages,
                    s.n_gold,
                    s.n_predicted,
                    s.precision(),
                    s.recall(),
                    s.f1()
                );
            }
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| language | statistic sourced/unsourced | speaker (direct) | speaker (reported) |"
        );
        let _ = writeln!(out, "|---|---|---|---|");
        for (group, score) in &self.groups {
            let _ = writeln!(
                out,
                "| {group} | {} | {} | {} |",
                score.statistic_status.show(),
                score.speaker_direct.show(),
                score.speaker_reported.show()
            );
        }
        f.write_str(&out)
    }
}

/// Score every labelled passage under `dir` and return the printed report.
pub fn run(dir: &Path) -> Result<String, String> {
    Ok(score(&load_dir(dir)?).to_string())
}

/// The report followed by every miss, for tuning by hand.
pub fn run_with_misses(dir: &Path) -> Result<String, String> {
    let report = score(&load_dir(dir)?);
    let mut out = report.to_string();
    out.push('\n');
    for miss in &report.misses {
        let _ = writeln!(out, "{}: {}", miss.passage.display(), miss.what);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_credit_is_proportional_to_overlap() {
        let mut s = SpanScore::default();
        // Predicted [0,10) against gold [5,10): half of the prediction is right, all of the gold is found.
        s.add(&[Span::new(0, 10)], &[Span::new(5, 10)]);
        assert!((s.precision() - 0.5).abs() < 1e-9);
        assert!((s.recall() - 1.0).abs() < 1e-9);
        assert!((s.f1() - 2.0 / 3.0).abs() < 1e-9);
        s.add(&[], &[Span::new(20, 30)]);
        assert!((s.recall() - 0.5).abs() < 1e-9);
        let empty = SpanScore::default();
        assert_eq!(
            (empty.precision(), empty.recall(), empty.f1()),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn speakers_match_loosely() {
        assert!(same_speaker("Gates", "Bill Gates"));
        assert!(same_speaker("the CEO of NVIDIA", "CEO of NVIDIA"));
        assert!(!same_speaker("Li Wei", "Bill Gates"));
        assert!(same_speaker("Mayor Brooks", "Delia Brooks"));
        assert!(same_speaker("Mayor Brooks", "Brooks"), "contained");
        assert!(!same_speaker("Tom Lee", "Ann Li"));
        assert!(!same_speaker("", "Bill Gates"));
    }

    #[test]
    fn labels_resolve_to_code_point_spans_and_bad_labels_are_named() {
        let dir =
            std::env::temp_dir().join(format!("sourcelight-eval-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "😀 40% and 40% again").unwrap();
        std::fs::write(
            dir.join("a.labels.json"),
            r#"{"language":"en","labels":[{"kind":"statistic","text":"40%","occurrence":2,"status":"unsourced"}]}"#,
        )
        .unwrap();
        let passages = load_dir(&dir).unwrap();
        assert_eq!(passages[0].gold[0].span, Span::new(10, 13));
        std::fs::write(
            dir.join("a.labels.json"),
            r#"{"language":"en","labels":[{"kind":"statistic","text":"41%"}]}"#,
        )
        .unwrap();
        let err = load_dir(&dir).unwrap_err();
        assert!(
            err.contains("labels[0]") && err.contains("not found"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
