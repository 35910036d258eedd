//! Comparing two annotated versions of one article (two students' files, or a
//! student's and a teacher's): which findings and notes each has, which they
//! share, and how well they agree.
//!
//! Matching: two items match when they are of the same kind (for notes: the same
//! label) and their spans overlap by at least half of the shorter span
//! ([`MIN_OVERLAP`]). Each item matches at most one other; pairs are taken
//! greedily, the best-overlapping first. A finding the reader dismissed
//! (`Review::Rejected`) counts as absent.
//!
//! Scores, per kind and per note label:
//! - `agreement` is the Dice coefficient `2·both / (|A| + |B|)` (equal to the F1
//!   score of one version measured against the other): 1 when every item has a
//!   partner, 0 when none does; `None` when neither version has any item.
//! - for matched findings, `same_status` counts the pairs whose status agrees, and
//!   `status_kappa` is Cohen's kappa over those statuses, `(p_o − p_e) / (1 − p_e)`
//!   with `p_e` from each version's own status shares: agreement beyond what the
//!   two would reach by chance; `None` when there is no pair or chance agreement
//!   is already certain (every pair has one and the same status).
//!
//! When the texts differ, version B is first re-anchored onto version A's text
//! (`reanchor::reanchor_article`); what cannot be placed is listed in `b_orphans`.

use crate::analysis::{Kind, Span, Status, MANUAL_ITEMS};
use crate::article::{AnnotatedArticle, ChecklistAnswer, Note, Review, ReviewedFinding};
use crate::reanchor::{reanchor_article, Orphan};

/// Least overlap, as a share of the shorter span, for two items to match.
pub const MIN_OVERLAP: f64 = 0.5;

/// Everything that differs (and agrees) between versions A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// False when B was annotated on a different text; B's spans below are then
    /// B's items re-anchored onto A's text.
    pub same_text: bool,
    /// One entry per kind, in `Kind::ALL` order.
    pub kinds: Vec<KindComparison>,
    /// Dice coefficient over all kinds together; `None` when neither has findings.
    pub overall_agreement: Option<f64>,
    /// The reader's notes on parts of the text, one entry per label, sorted by label.
    pub notes: Vec<LabelComparison>,
    /// Notes on the whole article: these have no span to match, so they are listed.
    pub article_notes_a: Vec<Note>,
    pub article_notes_b: Vec<Note>,
    /// Checklist answers, one entry per item either version answered (the SIFT
    /// items first, in their order, then the rest by id).
    pub answers: Vec<AnswerComparison>,
    /// Items of B that could not be placed on A's text (empty when `same_text`).
    pub b_orphans: Vec<Orphan>,
}

/// Findings of one kind in the two versions.
#[derive(Clone, Debug, PartialEq)]
pub struct KindComparison {
    pub kind: Kind,
    pub only_a: Vec<ReviewedFinding>,
    pub only_b: Vec<ReviewedFinding>,
    pub both: Vec<FindingMatch>,
    /// Dice coefficient of the matched findings; `None` when neither has any.
    pub agreement: Option<f64>,
    /// Matched pairs whose status is the same.
    pub same_status: usize,
    /// Cohen's kappa over the statuses of the matched pairs (see the module docs).
    pub status_kappa: Option<f64>,
}

/// A finding present in both versions.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingMatch {
    pub a: ReviewedFinding,
    pub b: ReviewedFinding,
    /// Shared code points as a share of the shorter span (0.5 to 1).
    pub overlap: f64,
}

impl FindingMatch {
    pub fn same_status(&self) -> bool {
        self.a.finding.status == self.b.finding.status
    }
}

/// The reader's notes with one label in the two versions.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelComparison {
    pub label: String,
    pub only_a: Vec<Note>,
    pub only_b: Vec<Note>,
    pub both: Vec<(Note, Note)>,
    /// Dice coefficient of the matched notes; `None` when neither has any.
    pub agreement: Option<f64>,
}

/// Both versions' answers to one checklist item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerComparison {
    pub item_id: String,
    pub a: ChecklistAnswer,
    pub b: ChecklistAnswer,
}

impl AnswerComparison {
    pub fn same_answer(&self) -> bool {
        self.a.answer == self.b.answer
    }
}

/// Compare version `a` with version `b` (see the module docs for the rules).
pub fn compare(a: &AnnotatedArticle, b: &AnnotatedArticle) -> Comparison {
    let same_text = a.text == b.text;
    let (b_on_a, b_orphans) = if same_text {
        (b.clone(), Vec::new())
    } else {
        reanchor_article(b, &a.text)
    };

    let kinds: Vec<KindComparison> = Kind::ALL
        .into_iter()
        .map(|kind| compare_kind(kind, a, &b_on_a))
        .collect();
    let matched: usize = kinds.iter().map(|k| k.both.len()).sum();
    let total: usize = kinds
        .iter()
        .map(|k| 2 * k.both.len() + k.only_a.len() + k.only_b.len())
        .sum();
    let overall_agreement = dice(matched, total);

    let mut labels: Vec<&str> = a
        .notes
        .iter()
        .chain(&b_on_a.notes)
        .filter(|n| n.span.is_some())
        .map(|n| n.label.as_str())
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let notes = labels
        .into_iter()
        .map(|label| compare_label(label, a, &b_on_a))
        .collect();
    let whole_article = |article: &AnnotatedArticle| -> Vec<Note> {
        article
            .notes
            .iter()
            .filter(|n| n.span.is_none())
            .cloned()
            .collect()
    };

    Comparison {
        same_text,
        kinds,
        overall_agreement,
        notes,
        article_notes_a: whole_article(a),
        article_notes_b: whole_article(&b_on_a),
        answers: compare_answers(a, &b_on_a),
        b_orphans,
    }
}

fn compare_kind(kind: Kind, a: &AnnotatedArticle, b: &AnnotatedArticle) -> KindComparison {
    let present = |article: &AnnotatedArticle| -> Vec<ReviewedFinding> {
        article
            .findings
            .iter()
            .filter(|f| f.finding.kind == kind && !matches!(f.review, Review::Rejected { .. }))
            .cloned()
            .collect()
    };
    let (in_a, in_b) = (present(a), present(b));
    let spans_a: Vec<Span> = in_a.iter().map(|f| f.finding.span).collect();
    let spans_b: Vec<Span> = in_b.iter().map(|f| f.finding.span).collect();
    let pairs = match_spans(&spans_a, &spans_b);

    let (mut paired_a, mut paired_b) = (vec![false; in_a.len()], vec![false; in_b.len()]);
    let mut both = Vec::with_capacity(pairs.len());
    for &(i, j, overlap) in &pairs {
        paired_a[i] = true;
        paired_b[j] = true;
        both.push(FindingMatch {
            a: in_a[i].clone(),
            b: in_b[j].clone(),
            overlap,
        });
    }
    // Keep the pairs in text order, as every other list of findings is.
    both.sort_by_key(|m| {
        (
            m.a.finding.span.start,
            std::cmp::Reverse(m.a.finding.span.end),
        )
    });
    let unpaired = |items: Vec<ReviewedFinding>, paired: &[bool]| -> Vec<ReviewedFinding> {
        items
            .into_iter()
            .zip(paired)
            .filter(|(_, &p)| !p)
            .map(|(f, _)| f)
            .collect()
    };
    let statuses: Vec<(Status, Status)> = both
        .iter()
        .map(|m| (m.a.finding.status, m.b.finding.status))
        .collect();
    KindComparison {
        kind,
        agreement: dice(both.len(), in_a.len() + in_b.len()),
        same_status: statuses.iter().filter(|(x, y)| x == y).count(),
        status_kappa: cohens_kappa(&statuses),
        both,
        only_a: unpaired(in_a, &paired_a),
        only_b: unpaired(in_b, &paired_b),
    }
}

fn compare_label(label: &str, a: &AnnotatedArticle, b: &AnnotatedArticle) -> LabelComparison {
    let with_label = |article: &AnnotatedArticle| -> Vec<Note> {
        article
            .notes
            .iter()
            .filter(|n| n.label == label && n.span.is_some())
            .cloned()
            .collect()
    };
    let (in_a, in_b) = (with_label(a), with_label(b));
    let span = |n: &Note| n.span.unwrap_or_default();
    let spans_a: Vec<Span> = in_a.iter().map(span).collect();
    let spans_b: Vec<Span> = in_b.iter().map(span).collect();
    let pairs = match_spans(&spans_a, &spans_b);
    let (mut paired_a, mut paired_b) = (vec![false; in_a.len()], vec![false; in_b.len()]);
    let mut both = Vec::with_capacity(pairs.len());
    for &(i, j, _) in &pairs {
        paired_a[i] = true;
        paired_b[j] = true;
        both.push((in_a[i].clone(), in_b[j].clone()));
    }
    both.sort_by_key(|(n, _)| n.span.map(|s| (s.start, std::cmp::Reverse(s.end))));
    let unpaired = |items: &[Note], paired: &[bool]| -> Vec<Note> {
        items
            .iter()
            .zip(paired)
            .filter(|(_, &p)| !p)
            .map(|(n, _)| n.clone())
            .collect()
    };
    LabelComparison {
        label: label.to_string(),
        agreement: dice(both.len(), in_a.len() + in_b.len()),
        only_a: unpaired(&in_a, &paired_a),
        only_b: unpaired(&in_b, &paired_b),
        both,
    }
}

fn compare_answers(a: &AnnotatedArticle, b: &AnnotatedArticle) -> Vec<AnswerComparison> {
    let mut others: Vec<&str> = a
        .answers
        .iter()
        .chain(&b.answers)
        .map(|answer| answer.item_id.as_str())
        .filter(|id| !MANUAL_ITEMS.iter().any(|item| item.id == *id))
        .collect();
    others.sort_unstable();
    others.dedup();
    let answered = |id: &str| {
        a.answers
            .iter()
            .chain(&b.answers)
            .any(|answer| answer.item_id == id)
    };
    MANUAL_ITEMS
        .iter()
        .map(|item| item.id)
        .filter(|id| answered(id))
        .chain(others)
        .map(|id| AnswerComparison {
            item_id: id.to_string(),
            a: a.answer(id),
            b: b.answer(id),
        })
        .collect()
}

/// Share of the shorter span that the two spans have in common (an empty span
/// matches only the identical empty span).
fn overlap_share(x: Span, y: Span) -> f64 {
    let shorter = x.len().min(y.len());
    if shorter == 0 {
        return if x == y { 1.0 } else { 0.0 };
    }
    x.overlap_len(y) as f64 / shorter as f64
}

/// Shared code points as a share of the union of the two spans (Jaccard index):
/// tells a span that fits exactly from one that merely contains the other.
fn union_share(x: Span, y: Span) -> f64 {
    let shared = x.overlap_len(y);
    let union = x.len() + y.len() - shared;
    if union == 0 {
        return 1.0;
    }
    shared as f64 / union as f64
}

/// One-to-one pairs `(index in a, index in b, overlap share)` with overlap of at
/// least [`MIN_OVERLAP`], best overlap first; among equal overlaps the closer fit
/// (larger share of the union) first, then the earlier in the text.
fn match_spans(a: &[Span], b: &[Span]) -> Vec<(usize, usize, f64)> {
    let mut candidates: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            let share = overlap_share(x, y);
            if share >= MIN_OVERLAP {
                candidates.push((i, j, share, union_share(x, y)));
            }
        }
    }
    candidates.sort_by(|p, q| {
        q.2.total_cmp(&p.2)
            .then(q.3.total_cmp(&p.3))
            .then((p.0, p.1).cmp(&(q.0, q.1)))
    });
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (i, j, share, _) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j, share));
        }
    }
    pairs
}

/// `2·matched / total`, `None` when there is nothing at all.
fn dice(matched: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| 2.0 * matched as f64 / total as f64)
}

/// Cohen's kappa of two raters' labels on the same items.
fn cohens_kappa(pairs: &[(Status, Status)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let observed = pairs.iter().filter(|(x, y)| x == y).count() as f64 / n;
    let chance: f64 = Status::ALL
        .iter()
        .map(|status| {
            let share_a = pairs.iter().filter(|(x, _)| x == status).count() as f64 / n;
            let share_b = pairs.iter().filter(|(_, y)| y == status).count() as f64 / n;
            share_a * share_b
        })
        .sum();
    if 1.0 - chance < 1e-9 {
        return None;
    }
    Some((observed - chance) / (1.0 - chance))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Detail, Finding, Language, QuoteForm};
    use crate::article::Answer;

    const TEXT: &str = "The senator slammed the reckless bill. Prices rose 40 percent last year, \
        officials said. “It is a disaster,” one expert warned. Some say it will pass.";

    fn span_of(text: &str, needle: &str) -> Span {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        let start = text[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    fn finding(text: &str, kind: Kind, status: Status, needle: &str) -> ReviewedFinding {
        let detail = match kind {
            Kind::LoadedLanguage => Detail::Loaded {
                category: "test".to_string(),
                alternative: "neutral".to_string(),
            },
            Kind::Statistic => Detail::Statistic { source: None },
            Kind::Quote => Detail::Quote {
                form: QuoteForm::Direct,
                speaker: None,
                cue: None,
            },
        };
        ReviewedFinding {
            finding: Finding {
                kind,
                status,
                span: span_of(text, needle),
                rule_id: "test".to_string(),
                explanation: "test".to_string(),
                detail,
            },
            review: Review::Unreviewed,
        }
    }

    fn article(text: &str, findings: Vec<ReviewedFinding>) -> AnnotatedArticle {
        AnnotatedArticle::with_findings(text, Language::En, findings)
    }

    fn note(text: &str, id: &str, label: &str, needle: Option<&str>) -> Note {
        Note {
            id: id.to_string(),
            span: needle.map(|n| span_of(text, n)),
            label: label.to_string(),
            body: format!("body of {id}"),
        }
    }

    fn kind(comparison: &Comparison, kind: Kind) -> &KindComparison {
        comparison
            .kinds
            .iter()
            .find(|k| k.kind == kind)
            .expect("every kind is listed")
    }

    fn quoted(text: &str, f: &ReviewedFinding) -> String {
        crate::analysis::text::slice_chars(text, f.finding.span)
    }

    #[test]
    fn identical_versions_agree_fully() {
        let a = article(
            TEXT,
            vec![
                finding(TEXT, Kind::LoadedLanguage, Status::AuthorWording, "slammed"),
                finding(TEXT, Kind::Statistic, Status::Sourced, "rose 40 percent"),
            ],
        );
        let comparison = compare(&a, &a.clone());
        assert!(comparison.same_text);
        assert_eq!(comparison.overall_agreement, Some(1.0));
        let loaded = kind(&comparison, Kind::LoadedLanguage);
        assert_eq!(
            (loaded.both.len(), loaded.only_a.len(), loaded.only_b.len()),
            (1, 0, 0)
        );
        assert_eq!(loaded.agreement, Some(1.0));
        assert_eq!(loaded.same_status, 1);
        assert_eq!(
            loaded.status_kappa, None,
            "one status only: chance agreement is certain"
        );
        assert_eq!(kind(&comparison, Kind::Quote).agreement, None);
        assert!(comparison.b_orphans.is_empty());
    }

    #[test]
    fn overlap_of_half_the_shorter_span_matches() {
        let a = article(
            TEXT,
            vec![
                finding(
                    TEXT,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "slammed the",
                ),
                finding(
                    TEXT,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "reckless bill",
                ),
                finding(TEXT, Kind::Quote, Status::Attributed, "“It is a disaster,”"),
            ],
        );
        let b = article(
            TEXT,
            vec![
                // "slammed" lies inside A's "slammed the": matched.
                finding(TEXT, Kind::LoadedLanguage, Status::AuthorWording, "slammed"),
                // Shares "bill" (4 of 13 and 4 of 10): under half, not matched.
                finding(
                    TEXT,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "bill. Price",
                ),
                // Same words, different kind: not matched.
                finding(
                    TEXT,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "disaster",
                ),
            ],
        );
        let comparison = compare(&a, &b);
        let loaded = kind(&comparison, Kind::LoadedLanguage);
        assert_eq!(loaded.both.len(), 1);
        assert_eq!(quoted(TEXT, &loaded.both[0].a), "slammed the");
        assert_eq!(quoted(TEXT, &loaded.both[0].b), "slammed");
        assert_eq!(loaded.both[0].overlap, 1.0);
        let only_a: Vec<String> = loaded.only_a.iter().map(|f| quoted(TEXT, f)).collect();
        let only_b: Vec<String> = loaded.only_b.iter().map(|f| quoted(TEXT, f)).collect();
        assert_eq!(only_a, vec!["reckless bill"]);
        assert_eq!(only_b, vec!["bill. Price", "disaster"]);
        // 2·1 / (2 + 3)
        assert_eq!(loaded.agreement, Some(0.4));
        assert_eq!(kind(&comparison, Kind::Quote).only_a.len(), 1);
        // 2·1 / (3 + 3)
        assert!((comparison.overall_agreement.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn each_finding_has_at_most_one_partner() {
        let a = article(
            TEXT,
            vec![finding(
                TEXT,
                Kind::LoadedLanguage,
                Status::AuthorWording,
                "slammed the reckless",
            )],
        );
        let b = article(
            TEXT,
            vec![
                finding(TEXT, Kind::LoadedLanguage, Status::AuthorWording, "slammed"),
                finding(
                    TEXT,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "slammed the reckless",
                ),
            ],
        );
        let loaded = kind(&compare(&a, &b), Kind::LoadedLanguage).clone();
        assert_eq!(loaded.both.len(), 1);
        assert_eq!(
            quoted(TEXT, &loaded.both[0].b),
            "slammed the reckless",
            "the closer match wins"
        );
        assert_eq!(loaded.only_b.len(), 1);
    }

    #[test]
    fn rejected_findings_count_as_absent() {
        let mut dismissed = finding(TEXT, Kind::Statistic, Status::Unsourced, "rose 40 percent");
        dismissed.review = Review::Rejected {
            reason: "it is sourced".to_string(),
        };
        let a = article(TEXT, vec![dismissed]);
        let b = article(
            TEXT,
            vec![finding(
                TEXT,
                Kind::Statistic,
                Status::Unsourced,
                "rose 40 percent",
            )],
        );
        let stats = kind(&compare(&a, &b), Kind::Statistic).clone();
        assert_eq!(
            (stats.both.len(), stats.only_a.len(), stats.only_b.len()),
            (0, 0, 1)
        );
        assert_eq!(stats.agreement, Some(0.0));
    }

    #[test]
    fn status_agreement_and_kappa() {
        let text = "A said “one”. B said “two”. Some say “three”. They say “four”.";
        let both_versions = |statuses: [Status; 4]| {
            let quotes = ["“one”", "“two”", "“three”", "“four”"];
            article(
                text,
                quotes
                    .iter()
                    .zip(statuses)
                    .map(|(q, s)| finding(text, Kind::Quote, s, q))
                    .collect(),
            )
        };
        use Status::{Attributed as At, VagueAttribution as Va};
        let a = both_versions([At, At, Va, Va]);
        let b = both_versions([At, Va, Va, Va]);
        let quotes = kind(&compare(&a, &b), Kind::Quote).clone();
        assert_eq!(quotes.both.len(), 4);
        assert_eq!(quotes.agreement, Some(1.0), "the spans all agree");
        assert_eq!(quotes.same_status, 3);
        assert_eq!(quotes.both.iter().filter(|m| m.same_status()).count(), 3);
        // p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2; kappa = (3/4 − 1/2) / (1/2) = 1/2.
        assert!((quotes.status_kappa.unwrap() - 0.5).abs() < 1e-9);
        // Complete agreement on mixed statuses is kappa 1.
        let same = kind(&compare(&a, &a), Kind::Quote).clone();
        assert!((same.status_kappa.unwrap() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn notes_are_compared_by_label_and_answers_listed() {
        let mut a = article(TEXT, Vec::new());
        let mut b = article(TEXT, Vec::new());
        a.notes = vec![
            note(TEXT, "note-1", "bias", Some("slammed the reckless bill")),
            note(TEXT, "note-2", "check", Some("officials said")),
            note(TEXT, "note-3", "overall", None),
        ];
        b.notes = vec![
            note(TEXT, "note-1", "bias", Some("the reckless bill")),
            note(TEXT, "note-2", "bias", Some("officials said")),
            note(TEXT, "note-3", "overall", None),
        ];
        a.set_answer(ChecklistAnswer {
            item_id: "sift-trace".to_string(),
            answer: Answer::Yes,
            note: String::new(),
        });
        b.set_answer(ChecklistAnswer {
            item_id: "sift-trace".to_string(),
            answer: Answer::No,
            note: "could not find it".to_string(),
        });
        b.set_answer(ChecklistAnswer {
            item_id: "sift-stop".to_string(),
            answer: Answer::Yes,
            note: String::new(),
        });
        let comparison = compare(&a, &b);
        let labels: Vec<&str> = comparison.notes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["bias", "check"],
            "whole-article notes have no span to match"
        );
        let bias = &comparison.notes[0];
        assert_eq!(bias.both.len(), 1);
        assert_eq!(
            bias.only_b.len(),
            1,
            "same span, different label: not matched"
        );
        assert!((bias.agreement.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(comparison.notes[1].only_a.len(), 1);
        assert_eq!(comparison.article_notes_a.len(), 1);
        assert_eq!(comparison.article_notes_b.len(), 1);
        let ids: Vec<&str> = comparison
            .answers
            .iter()
            .map(|x| x.item_id.as_str())
            .collect();
        assert_eq!(ids, vec!["sift-stop", "sift-trace"]);
        assert_eq!(comparison.answers[0].a.answer, Answer::Unanswered);
        assert!(!comparison.answers[1].same_answer());
        assert_eq!(comparison.answers[1].b.note, "could not find it");
    }

    #[test]
    fn different_texts_are_compared_after_reanchoring() {
        let a = article(
            TEXT,
            vec![
                finding(TEXT, Kind::LoadedLanguage, Status::AuthorWording, "slammed"),
                finding(TEXT, Kind::Statistic, Status::Sourced, "rose 40 percent"),
            ],
        );
        // B worked on a copy with an extra first line and without the last sentence.
        let text_b = format!(
            "Published Monday.\n{}",
            TEXT.replace(" Some say it will pass.", " A new ending.")
        );
        let mut b = article(
            &text_b,
            vec![
                finding(
                    &text_b,
                    Kind::LoadedLanguage,
                    Status::AuthorWording,
                    "slammed",
                ),
                finding(
                    &text_b,
                    Kind::Statistic,
                    Status::Unsourced,
                    "rose 40 percent",
                ),
                finding(&text_b, Kind::Quote, Status::Unattributed, "A new ending"),
            ],
        );
        b.notes
            .push(note(&text_b, "note-1", "mine", Some("Published Monday")));
        let comparison = compare(&a, &b);
        assert!(!comparison.same_text);
        let loaded = kind(&comparison, Kind::LoadedLanguage);
        assert_eq!(loaded.both.len(), 1);
        assert_eq!(
            loaded.both[0].b.finding.span,
            span_of(TEXT, "slammed"),
            "B's spans are on A's text"
        );
        let stats = kind(&comparison, Kind::Statistic);
        assert_eq!((stats.both.len(), stats.same_status), (1, 0));
        let orphaned: Vec<&str> = comparison
            .b_orphans
            .iter()
            .map(|o| o.quote.as_str())
            .collect();
        assert_eq!(orphaned, vec!["A new ending", "Published Monday"]);
        assert!(kind(&comparison, Kind::Quote).only_b.is_empty());
    }
}
