//! Re-anchoring: finding where annotations made on one version of a text belong in
//! another, possibly edited, version — by the quoted words and their context, as a
//! W3C `TextQuoteSelector` (exact, prefix, suffix) is meant to be used.
//!
//! The search, in order of cost:
//! 1. the quote still stands at the expected position with its context around it;
//! 2. every exact occurrence of the quote, scored by how well the text before and
//!    after it matches the recorded prefix and suffix, then by distance from the
//!    expected position (this is what tells duplicates apart);
//! 3. if the quote no longer occurs verbatim, an approximate search for a stretch
//!    within [`MAX_ERROR_RATE`] edits of it. That search never scans the whole text
//!    with the edit-distance matrix (quadratic on a 2 MB text): it looks only near
//!    the expected position, next to occurrences of the recorded context, and
//!    around occurrences of the quote's rarest pieces — by the pigeonhole principle
//!    a stretch with `k` edits keeps at least one of `k + 1` pieces intact — and
//!    stops after a fixed budget of matrix cells.
//!
//! For a whole article ([`reanchor_article`]) each quote is expected where the
//! previous one moved to, and looked for first within [`LOCAL_CHARS`] of there;
//! only what is not found nearby is searched for in the whole text, within a
//! total budget ([`MAX_WHOLE_TEXT_SCAN_BYTES`]), so the work stays about linear
//! in the text plus the annotations. Measured natively (release build): a 2 MB
//! text with 14,000 annotations, half of them on deleted passages, takes about
//! 3.5 s; a 130 KB text with 930 annotations, half deleted, 0.7 s.
//!
//! A short quote (a single loaded word, a name) occurs in many places, so it is
//! placed only where some of its old context survives; otherwise it is reported as
//! an orphan rather than pinned to the wrong sentence.
//!
//! Spans are code points ([`Span`]); internally the search works on UTF-8 byte
//! offsets with a sparse code-point index, so a long text costs little memory.

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::{Detail, Kind, Span};
use crate::annotation::QUOTE_CONTEXT_CHARS;
use crate::article::{AnnotatedArticle, Note, Review, ReviewedFinding};

/// Largest share of the quote's code points that may differ (inserted, deleted or
/// replaced) for an approximate match to count. A fifth tolerates a fixed typo, a
/// changed word in a sentence, or straightened quotation marks, but not a rewrite.
pub const MAX_ERROR_RATE: f64 = 0.2;

/// A quote at least this long (in code points) is specific enough to be placed on
/// an exact occurrence even when none of its context survives.
pub const SPECIFIC_QUOTE_CHARS: usize = 16;

/// An approximate match at least this long may be placed without its context.
const SPECIFIC_FUZZY_CHARS: usize = 32;

/// Least context score (0 to 2: prefix plus suffix similarity) for placing a quote
/// that is too short to be specific. Unrelated English text scores up to about
/// 0.5 by shared common trigrams ("the", "ing"); a quote whose neighbourhood
/// survived, even with an insertion right next to it, scores above 1.
const MIN_CONTEXT_SCORE: f64 = 0.75;

/// Context score from which an exact match at the expected position is taken
/// without looking anywhere else.
const CONFIDENT_CONTEXT_SCORE: f64 = 1.5;

/// Extra code points of text compared on each side beyond the recorded context,
/// so that a short insertion right next to the quote does not hide its context.
const CONTEXT_SLACK: usize = 16;

/// How far (in code points) around the expected position the approximate search
/// always looks, at least.
const NEAR_HINT_CHARS: usize = 64;

/// At most this many pieces of the quote are looked up for the approximate search.
const MAX_PIECES: usize = 8;

/// Shortest piece worth looking up: shorter ones occur everywhere.
const MIN_PIECE_CHARS: usize = 3;

/// Code points on either side of the expected position searched first. Most
/// edits are local, and the expected position already follows the edits made
/// before the previous annotation, so most quotes are found here.
pub const LOCAL_CHARS: usize = 4096;

/// Whole-text scans one search makes at most: the quote, two pieces of context
/// and up to [`MAX_PIECES`] pieces of the quote, plus one for luck.
const SCANS_PER_SEARCH: usize = 12;

/// Bytes of whole-text scanning that re-anchoring one article may spend on
/// quotes not found near their old place (about a second). A long text where
/// thousands of passages were deleted would otherwise cost time proportional to
/// its length times the number of deletions; past this budget, quotes are
/// searched for only near their old place, and those not found are orphans that
/// say so.
pub const MAX_WHOLE_TEXT_SCAN_BYTES: usize = 1 << 30;

/// Occurrences of one piece (or one context fragment) looked at, at most.
const MAX_OCCURRENCES: usize = 64;

/// Work budget of the approximate search, in edit-distance matrix cells per quote
/// (with the cut-off, about `max_edits` cells per window character). Four million
/// cells take a few milliseconds.
const MAX_MATRIX_CELLS: usize = 4_000_000;

/// Something from the imported article that could not be placed on the new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// What it was, in words for the reader, with everything the reader wrote in it
    /// (a note's body, a dismissal's reason), so nothing is lost.
    pub description: String,
    /// The words it was attached to in the imported text.
    pub quote: String,
}

/// Where `exact` (recorded with `prefix` before it and `suffix` after it) now stands
/// in `text`, or `None` if it cannot be placed with confidence. `hint` is where it
/// is expected (its old span, shifted by any known edits before it).
pub fn reanchor(
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<Span>,
    text: &str,
) -> Option<Span> {
    let target = Indexed::new(text);
    let quote = Quote {
        exact,
        prefix,
        suffix,
    };
    let whole = Region::whole(&target);
    locate(&target, &quote, hint, &whole).map(|placement| placement.span)
}

/// Move every finding (with its speaker and source spans) and every note of
/// `imported` onto `new_text`. What cannot be placed is left out of the returned
/// article and listed as an [`Orphan`]; nothing is dropped silently. The checklist
/// answers, language and reviews carry over unchanged.
pub fn reanchor_article(
    imported: &AnnotatedArticle,
    new_text: &str,
) -> (AnnotatedArticle, Vec<Orphan>) {
    reanchor_article_within(imported, new_text, MAX_WHOLE_TEXT_SCAN_BYTES)
}

/// [`reanchor_article`] with a given budget of whole-text scanning, in bytes.
fn reanchor_article_within(
    imported: &AnnotatedArticle,
    new_text: &str,
    budget: usize,
) -> (AnnotatedArticle, Vec<Orphan>) {
    if imported.text == new_text {
        return (imported.clone(), Vec::new());
    }
    let mut placer = Placer {
        old: Indexed::new(&imported.text),
        new: Indexed::new(new_text),
        budget,
    };
    let mut orphans = Vec::new();
    // The offset between the versions where the last item was placed: edits
    // accumulate along the text, so it is the best guess for the next item, and
    // with a good guess most items are found by the cheap first step.
    let mut shift: isize = 0;

    let mut placed: Vec<(ReviewedFinding, f64, Span)> = Vec::new();
    for reviewed in &imported.findings {
        let old_span = reviewed.finding.span;
        let placement = match placer.place(old_span, shift) {
            Ok(placement) => placement,
            Err(unplaced) => {
                orphans.push(Orphan {
                    description: format!("{}{}", describe_finding(reviewed), unplaced.note()),
                    quote: placer.old.slice(old_span).to_string(),
                });
                continue;
            }
        };
        shift = placement.span.start as isize - old_span.start as isize;
        let mut moved = reviewed.clone();
        moved.finding.span = placement.span;
        let quote_now = placer.new.slice(placement.span).to_string();
        match &mut moved.finding.detail {
            Detail::Quote { speaker, .. } => {
                if let Some(who) = speaker {
                    match placer.place(who.span, shift) {
                        Ok(found) => {
                            who.span = found.span;
                            who.text = placer.new.slice(found.span).to_string();
                        }
                        Err(unplaced) => {
                            orphans.push(Orphan {
                                description: format!(
                                    "Speaker \u{201c}{}\u{201d} of the quote \u{201c}{quote_now}\u{201d}: the quote was kept without its speaker, whose words are no longer in the text.{}",
                                    who.text,
                                    unplaced.note()
                                ),
                                quote: placer.old.slice(who.span).to_string(),
                            });
                            *speaker = None;
                        }
                    }
                }
            }
            Detail::Statistic { source } => {
                if let Some(reference) = source {
                    match placer.place(reference.span, shift) {
                        Ok(found) => {
                            reference.span = found.span;
                            reference.text = placer.new.slice(found.span).to_string();
                        }
                        Err(unplaced) => {
                            orphans.push(Orphan {
                                description: format!(
                                    "Source \u{201c}{}\u{201d} of the statistic \u{201c}{quote_now}\u{201d}: the statistic was kept without its source, which is no longer in the text.{}",
                                    reference.text,
                                    unplaced.note()
                                ),
                                quote: placer.old.slice(reference.span).to_string(),
                            });
                            *source = None;
                        }
                    }
                }
            }
            Detail::Loaded { .. } => {}
        }
        placed.push((moved, placement.score, old_span));
    }

    // Two findings of one kind that stood on different words must not end up on
    // the same words (a paragraph and its near-duplicate, one of them deleted):
    // the better-matching one stays, the other is an orphan.
    let mut keep = vec![true; placed.len()];
    let mut by_place: HashMap<(Kind, Span), Vec<usize>> = HashMap::new();
    for (index, (moved, _, _)) in placed.iter().enumerate() {
        by_place
            .entry((moved.finding.kind, moved.finding.span))
            .or_default()
            .push(index);
    }
    for group in by_place.values().filter(|group| group.len() > 1) {
        // Findings that already shared their words in the old text stay together.
        let mut old_spans: Vec<Span> = group.iter().map(|&i| placed[i].2).collect();
        old_spans.sort_unstable();
        old_spans.dedup();
        if old_spans.len() < 2 {
            continue;
        }
        let best = group
            .iter()
            .copied()
            .max_by(|&a, &b| placed[a].1.total_cmp(&placed[b].1).then(b.cmp(&a)))
            .unwrap_or(group[0]);
        let winning_old_span = placed[best].2;
        for &i in group {
            if placed[i].2 != winning_old_span {
                keep[i] = false;
            }
        }
    }
    let mut findings = Vec::with_capacity(placed.len());
    for ((moved, _, old_span), kept) in placed.into_iter().zip(keep) {
        if kept {
            findings.push(moved);
        } else {
            orphans.push(Orphan {
                description: format!(
                    "{} It matched the same words as another finding, which fits them better.",
                    describe_finding(&moved)
                ),
                quote: placer.old.slice(old_span).to_string(),
            });
        }
    }
    // Keep the one order findings live in (see `analysis::sort_findings`).
    findings.sort_by(|a, b| {
        let key = |f: &ReviewedFinding| {
            (
                f.finding.span.start,
                std::cmp::Reverse(f.finding.span.end),
                f.finding.kind,
            )
        };
        key(a).cmp(&key(b))
    });

    let mut notes = Vec::with_capacity(imported.notes.len());
    shift = 0;
    for note in &imported.notes {
        let Some(old_span) = note.span else {
            notes.push(note.clone());
            continue;
        };
        match placer.place(old_span, shift) {
            Ok(placement) => {
                shift = placement.span.start as isize - old_span.start as isize;
                notes.push(Note {
                    span: Some(placement.span),
                    ..note.clone()
                });
            }
            Err(unplaced) => orphans.push(Orphan {
                description: format!("{}{}", describe_note(note), unplaced.note()),
                quote: placer.old.slice(old_span).to_string(),
            }),
        }
    }

    let article = AnnotatedArticle {
        text: new_text.to_string(),
        language: imported.language,
        language_override: imported.language_override,
        findings,
        notes,
        answers: imported.answers.clone(),
    };
    (article, orphans)
}

/// Places the words of spans in the old text onto the new one, sharing the
/// whole-text search budget between them.
struct Placer<'o, 'n> {
    old: Indexed<'o>,
    new: Indexed<'n>,
    budget: usize,
}

/// Why nothing could be placed: `searched_whole` is false when only the text near
/// the old position was searched because the budget was spent.
struct Unplaced {
    searched_whole: bool,
}

impl Unplaced {
    /// A sentence for an orphan's description when the search was cut short.
    fn note(&self) -> &'static str {
        if self.searched_whole {
            ""
        } else {
            " (Only the text near its old place was searched: the text is long and many passages changed.)"
        }
    }
}

impl Placer<'_, '_> {
    /// Place the words of `old_span`, expecting them `shift` code points away.
    fn place(&mut self, old_span: Span, shift: isize) -> Result<Placement, Unplaced> {
        let start = self.old.byte_of(old_span.start);
        let end = self.old.byte_of(old_span.end.max(old_span.start));
        let quote = Quote {
            exact: &self.old.text[start..end],
            prefix: self.old.before(start, QUOTE_CONTEXT_CHARS),
            suffix: self.old.after(end, QUOTE_CONTEXT_CHARS),
        };
        let moved = |at: usize| at.saturating_add_signed(shift);
        let hint = Span::new(moved(old_span.start), moved(old_span.end));
        match locate_within_budget(&self.new, &quote, Some(hint), &mut self.budget) {
            (Some(placement), _) => Ok(placement),
            (None, searched_whole) => Err(Unplaced { searched_whole }),
        }
    }
}

fn describe_finding(reviewed: &ReviewedFinding) -> String {
    let finding = &reviewed.finding;
    let mut description = format!(
        "{} ({}): {}",
        finding.kind.label(),
        finding.status.label(),
        finding.explanation
    );
    if let Review::Rejected { reason } = &reviewed.review {
        description.push_str(&format!(" Dismissed by the reader: {reason}"));
    } else if reviewed.review == Review::Confirmed {
        description.push_str(" Confirmed by the reader.");
    }
    if finding.kind == Kind::LoadedLanguage {
        if let Detail::Loaded { alternative, .. } = &finding.detail {
            description.push_str(&format!(" Neutral alternative: {alternative}"));
        }
    }
    description
}

fn describe_note(note: &Note) -> String {
    format!("Note ({}): {}", note.label, note.body)
}

/// What a selector records: the quoted words and the text on either side.
struct Quote<'q> {
    exact: &'q str,
    prefix: &'q str,
    suffix: &'q str,
}

/// Where a quote was placed and how well it fits there (higher is better): two
/// points for the quote itself (less for edits), up to two for its context.
#[derive(Clone, Copy, Debug)]
struct Placement {
    span: Span,
    score: f64,
    /// The context fits so well that no other place needs to be considered.
    confident: bool,
}

impl Placement {
    fn new(span: Span, quote_score: f64, context_score: f64, penalty: f64) -> Placement {
        Placement {
            span,
            score: quote_score + context_score - penalty,
            confident: context_score >= CONFIDENT_CONTEXT_SCORE,
        }
    }
}

/// The part of the target a search looks at: byte range and the same range in
/// code points.
#[derive(Clone, Debug)]
struct Region {
    bytes: Range<usize>,
    chars: Range<usize>,
}

impl Region {
    fn whole(target: &Indexed) -> Region {
        Region {
            bytes: 0..target.text.len(),
            chars: 0..target.char_len,
        }
    }

    /// `reach` code points on either side of `span`.
    fn around(target: &Indexed, span: Span, reach: usize) -> Region {
        let chars =
            span.start.saturating_sub(reach)..span.end.saturating_add(reach).min(target.char_len);
        Region {
            bytes: target.byte_of(chars.start)..target.byte_of(chars.end),
            chars,
        }
    }
}

/// Search near the hint first; search the whole text only when that finds no
/// confident placement and `budget` (bytes of whole-text scanning) allows. The
/// flag says whether the whole text was searched.
fn locate_within_budget(
    target: &Indexed,
    quote: &Quote,
    hint: Option<Span>,
    budget: &mut usize,
) -> (Option<Placement>, bool) {
    let Some(h) = hint else {
        return (locate(target, quote, None, &Region::whole(target)), true);
    };
    let local = Region::around(target, h, LOCAL_CHARS);
    if local.chars == (0..target.char_len) {
        return (locate(target, quote, hint, &local), true);
    }
    let near = locate(target, quote, hint, &local);
    if near.is_some_and(|p| p.confident) {
        return (near, false);
    }
    let cost = SCANS_PER_SEARCH.saturating_mul(target.text.len());
    if cost > *budget {
        return (near, false);
    }
    *budget -= cost;
    (locate(target, quote, hint, &Region::whole(target)), true)
}

fn locate(
    target: &Indexed,
    quote: &Quote,
    hint: Option<Span>,
    region: &Region,
) -> Option<Placement> {
    let hint = hint.map(|h| {
        let start = h.start.min(target.char_len);
        Span::new(start, h.end.min(target.char_len))
    });
    if quote.exact.is_empty() {
        return locate_empty(target, quote, hint, region);
    }
    let quote_chars = quote.exact.chars().count();
    let context = ContextScorer::new(quote);

    // 1. Still in place, with its neighbourhood.
    if let Some(h) = hint {
        let start = target.byte_of(h.start);
        if target.text[start..].starts_with(quote.exact) {
            let end = start + quote.exact.len();
            let placement = Placement::new(
                Span::new(h.start, h.start + quote_chars),
                2.0,
                context.score(target, start, end),
                0.0,
            );
            if placement.confident {
                return Some(placement);
            }
        }
    }

    // 2. The best exact occurrence.
    let mut best: Option<Placement> = None;
    let mut best_context = 0.0;
    for (offset, _) in target.text[region.bytes.clone()].match_indices(quote.exact) {
        let byte = region.bytes.start + offset;
        let start = target.char_of(byte);
        let span = Span::new(start, start + quote_chars);
        let context_score = context.score(target, byte, byte + quote.exact.len());
        let placement = Placement::new(
            span,
            2.0,
            context_score,
            distance_penalty(target, span, hint),
        );
        if best.is_none_or(|b| placement.score > b.score) {
            best = Some(placement);
            best_context = context_score;
        }
    }
    if let Some(placement) = best {
        if quote_chars >= SPECIFIC_QUOTE_CHARS || best_context >= MIN_CONTEXT_SCORE {
            return Some(placement);
        }
    }

    // 3. Nearly the same words.
    locate_approximately(target, quote, &context, hint, region)
}

/// An empty selection is placed where its prefix and suffix meet.
fn locate_empty(
    target: &Indexed,
    quote: &Quote,
    hint: Option<Span>,
    region: &Region,
) -> Option<Placement> {
    if let Some(h) = hint {
        let at = target.byte_of(h.start);
        if target.text[..at].ends_with(quote.prefix) && target.text[at..].starts_with(quote.suffix)
        {
            return Some(Placement::new(Span::new(h.start, h.start), 2.0, 2.0, 0.0));
        }
    }
    if quote.prefix.is_empty() && quote.suffix.is_empty() {
        return None;
    }
    let joined = format!("{}{}", quote.prefix, quote.suffix);
    let at =
        region.bytes.start + target.text[region.bytes.clone()].find(&joined)? + quote.prefix.len();
    let start = target.char_of(at);
    let span = Span::new(start, start);
    Some(Placement::new(
        span,
        2.0,
        2.0,
        distance_penalty(target, span, hint),
    ))
}

/// Up to 0.05 points off for distance from the expected position, so that it only
/// decides between places whose context fits equally well.
fn distance_penalty(target: &Indexed, span: Span, hint: Option<Span>) -> f64 {
    let Some(h) = hint else { return 0.0 };
    let distance = span.start.abs_diff(h.start) as f64;
    0.05 * (distance / target.char_len.max(1) as f64).min(1.0)
}

fn locate_approximately(
    target: &Indexed,
    quote: &Quote,
    context: &ContextScorer,
    hint: Option<Span>,
    region: &Region,
) -> Option<Placement> {
    let pattern: Vec<char> = quote.exact.chars().collect();
    let m = pattern.len();
    let max_edits = (m as f64 * MAX_ERROR_RATE).floor() as usize;
    if max_edits == 0 {
        return None;
    }
    let windows = candidate_windows(target, quote, &pattern, max_edits, hint, region);

    let mut cells_left = MAX_MATRIX_CELLS;
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let mut matches: Vec<(usize, Span)> = Vec::new();
    for (from, to) in windows {
        if covered.iter().any(|&(a, b)| a <= from && to <= b) {
            continue;
        }
        if cells_left == 0 {
            break;
        }
        covered.push((from, to));
        let window_start = target.byte_of(from);
        let window_end = target.byte_of(to);
        let window: Vec<char> = target.text[window_start..window_end].chars().collect();
        let (found, cells) = approximate_matches(&pattern, &window, max_edits);
        cells_left = cells_left.saturating_sub(cells);
        for (edits, start, end) in found {
            matches.push((edits, Span::new(from + start, from + end)));
        }
    }
    let fewest = matches.iter().map(|&(edits, _)| edits).min()?;
    // Alignments one edit worse can still be the right place when their context is
    // better (the end of "abXc" against "abc" is both "abX" and "abXc").
    matches.retain(|&(edits, _)| edits <= fewest + 1);
    matches.sort_by_key(|&(edits, span)| (span, edits));
    matches.dedup_by_key(|&mut (_, span)| span);

    let mut best: Option<Placement> = None;
    let mut best_context = 0.0;
    for (edits, span) in matches {
        let start = target.byte_of(span.start);
        let end = target.byte_of(span.end);
        let context_score = context.score(target, start, end);
        let quote_score = 2.0 * (1.0 - edits as f64 / m as f64);
        let placement = Placement::new(
            span,
            quote_score,
            context_score,
            distance_penalty(target, span, hint),
        );
        if best.is_none_or(|b| placement.score > b.score) {
            best = Some(placement);
            best_context = context_score;
        }
    }
    let placement = best?;
    (m >= SPECIFIC_FUZZY_CHARS || best_context >= MIN_CONTEXT_SCORE).then_some(placement)
}

/// Code-point windows `[from, to)` of the target worth searching, most promising
/// first: near the expected position, next to surviving context, then where most
/// of the quote's rare pieces point to.
fn candidate_windows(
    target: &Indexed,
    quote: &Quote,
    pattern: &[char],
    max_edits: usize,
    hint: Option<Span>,
    region: &Region,
) -> Vec<(usize, usize)> {
    let m = pattern.len();
    let (low, high) = (region.chars.start, region.chars.end);
    let text = &target.text[region.bytes.clone()];
    let base = region.bytes.start;
    let mut windows: Vec<(usize, usize)> = Vec::new();
    // Where a match may lie if it starts between `first` and `last`, give or take
    // `reach` (edits before a piece move the quote's start by up to `max_edits`).
    let around = |first: usize, last: usize, reach: usize| -> (usize, usize) {
        (
            first.saturating_sub(reach).max(low),
            last.saturating_add(m + reach).min(high),
        )
    };
    let reach = 2 * max_edits;

    if let Some(h) = hint {
        windows.push(around(h.start, h.start, NEAR_HINT_CHARS.max(m)));
    }

    // Next to the recorded context: the quote begins where its prefix ends and
    // ends where its suffix begins.
    let prefix_tail = last_chars(quote.prefix, CONTEXT_SLACK);
    if prefix_tail.chars().count() >= CONTEXT_SLACK / 2 {
        for (offset, found) in text.match_indices(prefix_tail).take(MAX_OCCURRENCES) {
            let start = target.char_of(base + offset + found.len());
            windows.push(around(start, start, reach));
        }
    }
    let suffix_head = first_chars(quote.suffix, CONTEXT_SLACK);
    if suffix_head.chars().count() >= CONTEXT_SLACK / 2 {
        for (offset, _) in text.match_indices(suffix_head).take(MAX_OCCURRENCES) {
            let start = target.char_of(base + offset).saturating_sub(m);
            windows.push(around(start, start, reach));
        }
    }

    // Pieces of the quote: each occurrence of a piece votes for the place where
    // the quote would start. Common pieces ("the ", "的") say little and would
    // flood the search, so only rare ones vote.
    let n_pieces = (max_edits + 1).min(MAX_PIECES).min(m / MIN_PIECE_CHARS);
    let mut votes: Vec<(usize, usize)> = Vec::new();
    for piece_index in 0..n_pieces {
        let offset_in_quote = piece_index * m / n_pieces;
        let piece: String = pattern[offset_in_quote..(piece_index + 1) * m / n_pieces]
            .iter()
            .collect();
        // One more than the cap tells "rare enough" from "too common".
        let found: Vec<usize> = text
            .match_indices(piece.as_str())
            .take(MAX_OCCURRENCES + 1)
            .map(|(offset, _)| base + offset)
            .collect();
        if found.len() <= MAX_OCCURRENCES {
            for byte in found {
                votes.push((
                    target.char_of(byte).saturating_sub(offset_in_quote),
                    piece_index,
                ));
            }
        }
    }
    // Votes for nearby starts are one place; the more pieces agree on it, the
    // likelier it is, and among equals the nearer to the expected position.
    votes.sort_unstable();
    let mut places: Vec<(usize, usize, usize)> = Vec::new(); // (first, last, pieces)
    let mut pieces_seen: Vec<usize> = Vec::new();
    for (start, piece_index) in votes {
        match places.last_mut() {
            Some((_, last, count)) if start <= *last + reach => {
                *last = start;
                if !pieces_seen.contains(&piece_index) {
                    pieces_seen.push(piece_index);
                    *count += 1;
                }
            }
            _ => {
                pieces_seen.clear();
                pieces_seen.push(piece_index);
                places.push((start, start, 1));
            }
        }
    }
    let distance = |first: usize| hint.map_or(0, |h| first.abs_diff(h.start));
    places.sort_by_key(|&(first, _, count)| (std::cmp::Reverse(count), distance(first)));
    windows.extend(
        places
            .into_iter()
            .map(|(first, last, _)| around(first, last, reach)),
    );
    windows.retain(|(from, to)| from < to);
    windows
}

/// Sellers' algorithm with Ukkonen's cut-off: every `(edits, start, end)` such
/// that `window[start..end]` is within `max_edits` edits (Levenshtein) of
/// `pattern`, taking for each end the alignment with fewest edits; and the number
/// of matrix cells computed. Rows whose cost already exceeds `max_edits` are not
/// computed, so the work is about `max_edits * window.len()`, not
/// `pattern.len() * window.len()`.
fn approximate_matches(
    pattern: &[char],
    window: &[char],
    max_edits: usize,
) -> (Vec<(usize, usize, usize)>, usize) {
    let m = pattern.len();
    // Any cost above `max_edits` is as bad as another: store them all as `over`.
    let over = max_edits + 1;
    // Column j: cost[i] = fewest edits aligning pattern[..i] with some window[s..j]
    // (capped at `over`), start[i] = that s. Rows after `last` are `over`.
    let mut cost: Vec<usize> = (0..=m).map(|i| i.min(over)).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut next_cost = vec![over; m + 1];
    let mut next_start = vec![0; m + 1];
    let mut last = max_edits.min(m);
    let mut found = Vec::new();
    let mut cells = 0;
    for (j, &c) in window.iter().enumerate() {
        let j = j + 1;
        next_cost[0] = 0;
        next_start[0] = j;
        let limit = (last + 1).min(m);
        for i in 1..=limit {
            let previous = |row: usize| if row <= last { cost[row] } else { over };
            let substitute = previous(i - 1) + usize::from(pattern[i - 1] != c);
            let skip_text = previous(i) + 1;
            let skip_pattern = next_cost[i - 1] + 1;
            // Ties go to the diagonal, then to skipping text, so that alignments
            // stay as tight as the edits allow.
            let (value, from) = if substitute <= skip_text && substitute <= skip_pattern {
                (substitute, start[i - 1])
            } else if skip_text <= skip_pattern {
                (skip_text, start[i])
            } else {
                (skip_pattern, next_start[i - 1])
            };
            next_cost[i] = value.min(over);
            next_start[i] = from;
        }
        cells += limit;
        let mut new_last = limit;
        while new_last > 0 && next_cost[new_last] > max_edits {
            new_last -= 1;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
        last = new_last;
        if last == m && start[m] < j {
            found.push((cost[m], start[m], j));
        }
    }
    (found, cells)
}

/// Scores how well the text around a candidate matches the recorded context.
struct ContextScorer {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl ContextScorer {
    fn new(quote: &Quote) -> ContextScorer {
        ContextScorer {
            prefix: quote.prefix.chars().collect(),
            suffix: quote.suffix.chars().collect(),
        }
    }

    /// 0 to 2: prefix similarity plus suffix similarity for a candidate at bytes
    /// `start..end` of the target.
    fn score(&self, target: &Indexed, start: usize, end: usize) -> f64 {
        let before: Vec<char> = target
            .before(start, self.prefix.len() + CONTEXT_SLACK)
            .chars()
            .collect();
        let after: Vec<char> = target
            .after(end, self.suffix.len() + CONTEXT_SLACK)
            .chars()
            .collect();
        similarity(&self.prefix, &before, Side::Before)
            + similarity(&self.suffix, &after, Side::After)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// 0 to 1: how much of the recorded context `expected` survives in `actual`, the
/// text on the same side of a candidate (a little longer than `expected`). The
/// larger of two measures: the share that matches verbatim next to the candidate,
/// and the share of its three-character pieces found anywhere in `actual` (which
/// forgives an insertion or a changed word between the quote and its context).
fn similarity(expected: &[char], actual: &[char], side: Side) -> f64 {
    if expected.is_empty() {
        // The quote stood at the very start or end of the old text: still there
        // is a perfect fit; elsewhere there is nothing to compare.
        return if actual.is_empty() { 1.0 } else { 0.5 };
    }
    let verbatim = match side {
        Side::Before => expected
            .iter()
            .rev()
            .zip(actual.iter().rev())
            .take_while(|(a, b)| a == b)
            .count(),
        Side::After => expected
            .iter()
            .zip(actual.iter())
            .take_while(|(a, b)| a == b)
            .count(),
    };
    let verbatim_share = verbatim as f64 / expected.len() as f64;
    if expected.len() < 3 {
        return verbatim_share;
    }
    let total = expected.len() - 2;
    let surviving = expected
        .windows(3)
        .filter(|piece| actual.windows(3).any(|other| other == *piece))
        .count();
    verbatim_share.max(surviving as f64 / total as f64)
}

fn last_chars(text: &str, n: usize) -> &str {
    match text.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((at, _)) if n > 0 => &text[at..],
        _ if n == 0 => "",
        _ => text,
    }
}

fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Code-point positions in a possibly long text: only every `STRIDE`-th code
/// point's byte offset is stored, the rest is a short walk, so a 2 MB text costs
/// a few hundred kilobytes rather than one `usize` per character.
struct Indexed<'t> {
    text: &'t str,
    /// `checkpoints[k]` is the byte offset of code point `k * STRIDE`.
    checkpoints: Vec<usize>,
    char_len: usize,
}

const STRIDE: usize = 64;

impl<'t> Indexed<'t> {
    fn new(text: &'t str) -> Indexed<'t> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (byte, _) in text.char_indices() {
            if char_len % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len += 1;
        }
        if checkpoints.is_empty() {
            checkpoints.push(0);
        }
        Indexed {
            text,
            checkpoints,
            char_len,
        }
    }

    /// Byte offset of code point `index`, clamped to the end of the text.
    fn byte_of(&self, index: usize) -> usize {
        if index >= self.char_len {
            return self.text.len();
        }
        let checkpoint = self.checkpoints[index / STRIDE];
        self.text[checkpoint..]
            .char_indices()
            .nth(index % STRIDE)
            .map_or(self.text.len(), |(offset, _)| checkpoint + offset)
    }

    /// Code-point index of byte offset `byte` (rounded down to a character boundary).
    fn char_of(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = self
            .checkpoints
            .partition_point(|&at| at <= byte)
            .saturating_sub(1);
        let checkpoint = self.checkpoints[k];
        k * STRIDE + self.text[checkpoint..byte].chars().count()
    }

    fn slice(&self, span: Span) -> &'t str {
        let start = self.byte_of(span.start);
        let end = self.byte_of(span.end).max(start);
        &self.text[start..end]
    }

    /// Up to `n` code points ending at byte `at` (a character boundary).
    fn before(&self, at: usize, n: usize) -> &'t str {
        last_chars(&self.text[..at], n)
    }

    /// Up to `n` code points starting at byte `at` (a character boundary).
    fn after(&self, at: usize, n: usize) -> &'t str {
        first_chars(&self.text[at..], n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::slice_chars;
    use crate::analysis::{Finding, QuoteForm, Speaker, Status};
    use crate::article::Note;

    /// The quote, prefix and suffix of `span` in `text`, as a selector records them.
    fn selector(text: &str, span: Span) -> (String, String, String) {
        let chars: Vec<char> = text.chars().collect();
        let exact = chars[span.start..span.end].iter().collect();
        let prefix = chars[span.start.saturating_sub(QUOTE_CONTEXT_CHARS)..span.start]
            .iter()
            .collect();
        let suffix = chars[span.end..(span.end + QUOTE_CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect();
        (exact, prefix, suffix)
    }

    /// Span of the `nth` occurrence (0-based) of `needle` in `text`, in code points.
    fn span_of(text: &str, needle: &str, nth: usize) -> Span {
        let (byte, _) = text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        let start = text[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    /// Re-anchor the `nth` `needle` of `old` onto `new` with its old span as the hint.
    fn check(old: &str, needle: &str, nth: usize, new: &str) -> Option<String> {
        let span = span_of(old, needle, nth);
        let (exact, prefix, suffix) = selector(old, span);
        reanchor(&exact, &prefix, &suffix, Some(span), new).map(|s| slice_chars(new, s))
    }

    const OLD: &str = "The minister said the plan would devastate local farms. \
        Officials estimate that 42 percent of growers will be affected. \
        “We will not back down,” said Jane Doe, a farmer from the valley. \
        Critics called the policy a disaster for rural communities.";

    #[test]
    fn unchanged_text_keeps_every_span() {
        for needle in [
            "devastate",
            "42 percent",
            "Jane Doe",
            "disaster",
            "The minister",
        ] {
            let span = span_of(OLD, needle, 0);
            let (exact, prefix, suffix) = selector(OLD, span);
            assert_eq!(
                reanchor(&exact, &prefix, &suffix, Some(span), OLD),
                Some(span)
            );
            assert_eq!(reanchor(&exact, &prefix, &suffix, None, OLD), Some(span));
        }
    }

    #[test]
    fn insertions_before_and_after_move_the_span() {
        let new = format!(
            "BREAKING: a long new lede paragraph was added here.\n\n{OLD}\n\nUpdate: more text."
        );
        for needle in ["devastate", "42 percent", "Jane Doe", "disaster"] {
            let span = span_of(OLD, needle, 0);
            let (exact, prefix, suffix) = selector(OLD, span);
            let found = reanchor(&exact, &prefix, &suffix, Some(span), &new).expect(needle);
            assert_eq!(found, span_of(&new, needle, 0), "{needle}");
        }
    }

    #[test]
    fn insertion_right_next_to_a_short_quote_keeps_it() {
        let new = OLD.replace(
            "would devastate local",
            "would, critics fear, devastate many local",
        );
        assert_eq!(
            check(OLD, "devastate", 0, &new).as_deref(),
            Some("devastate")
        );
    }

    #[test]
    fn insertion_inside_the_quote_is_found_approximately() {
        let old_quote = "Critics called the policy a disaster for rural communities";
        let new = OLD.replace(
            old_quote,
            "Critics called the new policy a disaster for rural communities",
        );
        assert_eq!(
            check(OLD, old_quote, 0, &new).as_deref(),
            Some("Critics called the new policy a disaster for rural communities")
        );
    }

    #[test]
    fn a_fixed_typo_inside_the_quote() {
        let old = OLD.replace("devastate", "devastete");
        assert_eq!(
            check(&old, "devastete", 0, OLD).as_deref(),
            Some("devastate")
        );
        let old = OLD.replace("42 percent of growers", "42 percnet of growers");
        assert_eq!(
            check(&old, "42 percnet of growers", 0, OLD).as_deref(),
            Some("42 percent of growers")
        );
    }

    #[test]
    fn a_deleted_paragraph_leaves_an_orphan() {
        let old =
            format!("{OLD}\nA separate paragraph mentions an unprecedented catastrophe.\nThe end.");
        let new = format!("{OLD}\nThe end.");
        assert_eq!(check(&old, "unprecedented catastrophe", 0, &new), None);
        // A short word from the deleted paragraph that also occurs elsewhere, in a
        // different sentence, must not jump there.
        let old = format!("{OLD}\nThen the deal was a disaster, one more said.\nThe end.");
        let new = format!("{OLD}\nThe end.");
        assert_eq!(check(&old, "disaster", 1, &new), None);
    }

    #[test]
    fn duplicates_are_told_apart_by_their_context() {
        let old = "In March the index rose 5 percent, analysts said. \
                   In April the index rose 5 percent, officials said.";
        // Insert text at the front so the old positions point at nothing useful.
        let new = format!("Preface paragraph, added later to the story. {old}");
        assert_eq!(
            reanchor_with_context(old, "rose 5 percent", 1, &new),
            span_of(&new, "rose 5 percent", 1)
        );
        assert_eq!(
            reanchor_with_context(old, "rose 5 percent", 0, &new),
            span_of(&new, "rose 5 percent", 0)
        );
        // Swap the sentences: the context still decides.
        let swapped = "In April the index rose 5 percent, officials said. \
                       In March the index rose 5 percent, analysts said.";
        assert_eq!(
            reanchor_with_context(old, "rose 5 percent", 1, swapped),
            span_of(swapped, "rose 5 percent", 0)
        );
    }

    fn reanchor_with_context(old: &str, needle: &str, nth: usize, new: &str) -> Span {
        let span = span_of(old, needle, nth);
        let (exact, prefix, suffix) = selector(old, span);
        reanchor(&exact, &prefix, &suffix, Some(span), new).expect("placed")
    }

    #[test]
    fn emoji_and_astral_characters_count_as_one_code_point() {
        let old = "😀 前言 𠀀 The senator 🙂 slammed the bill as a disgrace. 完";
        let new = "🎉🎉 新增 𠀀𠀀 😀 前言 𠀀 The senator 🙂 slammed the bill as a disgrace. 完";
        for needle in ["slammed", "𠀀 The senator 🙂", "disgrace"] {
            let found = reanchor_with_context(old, needle, 0, new);
            assert_eq!(found, span_of(new, needle, 0), "{needle}");
            assert_eq!(slice_chars(new, found), needle);
        }
        // An approximate match across astral characters.
        let edited = new.replace("slammed the bill", "slammed this bill");
        assert_eq!(
            check(old, "🙂 slammed the bill as", 0, &edited).as_deref(),
            Some("🙂 slammed this bill as")
        );
    }

    #[test]
    fn chinese_text_with_an_edit() {
        let old =
            "美国为了遏制中国科技发展,联合日本、荷兰等国,对中国芯片下了死手,从设备到技术层层封锁。";
        let new = "据报道,美国为了遏制中国科技发展,联合日本和荷兰等国,对中国芯片下了狠手,从设备到技术层层封锁。";
        assert_eq!(
            check(old, "下了死手", 0, new),
            None,
            "a changed short phrase is not guessed"
        );
        assert_eq!(
            check(old, "联合日本、荷兰等国,对中国芯片下了死手", 0, new).as_deref(),
            Some("联合日本和荷兰等国,对中国芯片下了狠手")
        );
        assert_eq!(check(old, "层层封锁", 0, new).as_deref(), Some("层层封锁"));
    }

    #[test]
    fn empty_and_out_of_range_inputs_do_not_panic() {
        assert_eq!(reanchor("", "", "", None, ""), None);
        assert_eq!(reanchor("abc", "", "", Some(Span::new(50, 60)), ""), None);
        assert_eq!(
            reanchor("abc", "", "", Some(Span::new(50, 60)), "xx abc"),
            Some(Span::new(3, 6))
        );
        assert_eq!(
            reanchor(
                "",
                "before ",
                " after",
                Some(Span::new(99, 99)),
                "x before  after"
            ),
            Some(Span::new(9, 9))
        );
        assert_eq!(
            reanchor("é", "", "", Some(Span::new(0, 1)), "eé"),
            Some(Span::new(1, 2))
        );
    }

    #[test]
    fn a_long_text_is_searched_in_bounded_time() {
        // About 2 MB of repetitive text with the quote edited near the end: the
        // approximate search must not run the matrix over the whole text.
        let filler = "The committee met again on Tuesday to discuss the budget. ";
        let mut old = filler.repeat(35_000);
        old.push_str("In a surprise move, the chairman denounced the proposal as reckless. ");
        old.push_str(&filler.repeat(10));
        let new = old.replace(
            "denounced the proposal as reckless",
            "denounced the proposals as reckless",
        );
        let started = std::time::Instant::now();
        assert_eq!(
            check(
                &old,
                "the chairman denounced the proposal as reckless",
                0,
                &new
            )
            .as_deref(),
            Some("the chairman denounced the proposals as reckless")
        );
        // A phrase that is gone entirely: still bounded.
        assert_eq!(
            check(
                &old,
                "In a surprise move",
                0,
                &new.replace("In a surprise move", "Suddenly")
            ),
            None
        );
        assert!(
            started.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
    }

    fn finding(kind: Kind, status: Status, span: Span, detail: Detail) -> ReviewedFinding {
        ReviewedFinding {
            finding: Finding {
                kind,
                status,
                span,
                rule_id: "test.rule".to_string(),
                explanation: "Why it was flagged.".to_string(),
                detail,
            },
            review: Review::Unreviewed,
        }
    }

    fn article(text: &str) -> AnnotatedArticle {
        AnnotatedArticle::with_findings(text, crate::analysis::Language::En, Vec::new())
    }

    #[test]
    fn an_article_moves_with_its_speakers_and_notes() {
        let mut old = article(OLD);
        old.findings.push(finding(
            Kind::LoadedLanguage,
            Status::AuthorWording,
            span_of(OLD, "devastate", 0),
            Detail::Loaded {
                category: "harm".to_string(),
                alternative: "harm".to_string(),
            },
        ));
        old.findings.push(finding(
            Kind::Quote,
            Status::Attributed,
            span_of(OLD, "“We will not back down,”", 0),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(Speaker {
                    text: "Jane Doe".to_string(),
                    span: span_of(OLD, "Jane Doe", 0),
                    named: true,
                }),
                cue: Some("said".to_string()),
            },
        ));
        old.notes.push(Note {
            id: "note-1".to_string(),
            span: Some(span_of(OLD, "42 percent of growers", 0)),
            label: "statistic".to_string(),
            body: "Where does this come from?".to_string(),
        });
        old.notes.push(Note {
            id: "note-2".to_string(),
            span: None,
            label: "overall".to_string(),
            body: "One-sided.".to_string(),
        });

        let (same, orphans) = reanchor_article(&old, OLD);
        assert_eq!(same, old);
        assert!(orphans.is_empty());

        // A new first line, a doubled space inside the speaker's name (one edit) and
        // a word inserted right after it.
        let new_text = format!(
            "Editor's note: updated at noon.\n{}",
            OLD.replace("Jane Doe, a farmer", "Jane  Doe, a local farmer")
        );
        let (moved, orphans) = reanchor_article(&old, &new_text);
        assert!(orphans.is_empty(), "{orphans:?}");
        assert_eq!(moved.text, new_text);
        assert_eq!(moved.findings.len(), 2);
        assert_eq!(
            moved.findings[0].finding.span,
            span_of(&new_text, "devastate", 0)
        );
        let Detail::Quote {
            speaker: Some(speaker),
            ..
        } = &moved.findings[1].finding.detail
        else {
            panic!("speaker lost");
        };
        assert_eq!(speaker.text, "Jane  Doe");
        assert_eq!(speaker.span, span_of(&new_text, "Jane  Doe", 0));
        assert_eq!(
            moved.notes[0].span,
            Some(span_of(&new_text, "42 percent of growers", 0))
        );
        assert_eq!(moved.notes[1], old.notes[1]);
    }

    #[test]
    fn nothing_is_dropped_silently() {
        let mut old = article(OLD);
        old.findings.push(finding(
            Kind::LoadedLanguage,
            Status::AuthorWording,
            span_of(OLD, "disaster", 0),
            Detail::Loaded {
                category: "harm".to_string(),
                alternative: "failure".to_string(),
            },
        ));
        old.findings[0].review = Review::Rejected {
            reason: "fair comment".to_string(),
        };
        old.findings.push(finding(
            Kind::Quote,
            Status::Attributed,
            span_of(OLD, "“We will not back down,”", 0),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(Speaker {
                    text: "Jane Doe".to_string(),
                    span: span_of(OLD, "Jane Doe", 0),
                    named: true,
                }),
                cue: Some("said".to_string()),
            },
        ));
        old.notes.push(Note {
            id: "note-1".to_string(),
            span: Some(span_of(OLD, "Critics called the policy", 0)),
            label: "mine".to_string(),
            body: "Which critics?".to_string(),
        });
        // The last sentence is gone, and the speaker's name with it.
        let new_text = OLD
            .replace(
                " Critics called the policy a disaster for rural communities.",
                "",
            )
            .replace("said Jane Doe, a farmer from the valley", "a farmer said");
        let (moved, orphans) = reanchor_article(&old, &new_text);
        assert_eq!(moved.findings.len(), 1, "the quote stays");
        let Detail::Quote { speaker, .. } = &moved.findings[0].finding.detail else {
            panic!("wrong finding kept");
        };
        assert_eq!(speaker, &None);
        assert_eq!(moved.notes.len(), 0);
        assert_eq!(orphans.len(), 3, "{orphans:#?}");
        let quotes: Vec<&str> = orphans.iter().map(|o| o.quote.as_str()).collect();
        assert!(quotes.contains(&"disaster"));
        assert!(quotes.contains(&"Jane Doe"));
        assert!(quotes.contains(&"Critics called the policy"));
        let all = orphans
            .iter()
            .map(|o| o.description.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("fair comment"), "the reader's reason is kept");
        assert!(all.contains("Which critics?"), "the note's body is kept");
    }

    #[test]
    fn a_seed_article_survives_a_light_edit() {
        for (name, text) in crate::SEED_ARTICLES {
            let old = AnnotatedArticle::analyze(text, None);
            // A new first paragraph and one word changed in the middle.
            let middle = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(b, _)| b);
            let mut new_text = format!("Republished with permission.\n{}", &text[..middle]);
            new_text.push('¤');
            new_text.push_str(&text[middle..]);
            let (moved, orphans) = reanchor_article(&old, &new_text);
            assert_eq!(
                moved.findings.len() + orphans.len(),
                old.findings.len(),
                "{name}"
            );
            assert!(orphans.len() <= 1, "{name}: {orphans:#?}");
            for (before, after) in old.findings.iter().zip(&moved.findings) {
                if orphans.is_empty() {
                    assert_eq!(
                        slice_chars(text, before.finding.span),
                        slice_chars(&new_text, after.finding.span).replace('¤', ""),
                        "{name}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_passage_moved_far_away_needs_the_whole_text_search() {
        let filler: String = (0..200)
            .map(|n| format!("Filler sentence number {n} says nothing in particular. "))
            .collect();
        let passage = "The regulator denounced the merger as a reckless gamble.";
        let old_text = format!("{filler}\n{passage}");
        let new_text = format!("{passage}\n{filler}");
        let mut old = article(&old_text);
        old.findings.push(finding(
            Kind::LoadedLanguage,
            Status::AuthorWording,
            span_of(&old_text, "reckless gamble", 0),
            Detail::Loaded {
                category: "risk".to_string(),
                alternative: "risky bet".to_string(),
            },
        ));
        let (moved, orphans) = reanchor_article(&old, &new_text);
        assert!(orphans.is_empty(), "{orphans:?}");
        assert_eq!(
            moved.findings[0].finding.span,
            span_of(&new_text, "reckless gamble", 0)
        );
        // Without budget for whole-text searches only the neighbourhood of the old
        // place is searched, and the orphan says so.
        let (moved, orphans) = reanchor_article_within(&old, &new_text, 0);
        assert!(moved.findings.is_empty());
        assert_eq!(orphans.len(), 1);
        assert!(orphans[0]
            .description
            .contains("Only the text near its old place was searched"));
    }

    #[test]
    fn two_findings_do_not_collapse_onto_one_passage() {
        let sentence = "Critics called the policy a disaster for rural communities.";
        let old_text =
            format!("Monday: {sentence} Farmers agreed.\nTuesday: {sentence} Nobody agreed.");
        let new_text = format!("Monday: {sentence} Farmers agreed.");
        let phrase = "a disaster for rural communities";
        let loaded_on = |nth: usize| {
            finding(
                Kind::LoadedLanguage,
                Status::AuthorWording,
                span_of(&old_text, phrase, nth),
                Detail::Loaded {
                    category: "harm".to_string(),
                    alternative: "bad for".to_string(),
                },
            )
        };
        let mut old = article(&old_text);
        old.findings = vec![loaded_on(0), loaded_on(1)];
        let (moved, orphans) = reanchor_article(&old, &new_text);
        assert_eq!(moved.findings.len(), 1);
        assert_eq!(
            moved.findings[0].finding.span,
            span_of(&new_text, phrase, 0)
        );
        assert_eq!(orphans.len(), 1, "{orphans:?}");
        assert_eq!(orphans[0].quote, phrase);
        assert!(orphans[0]
            .description
            .contains("same words as another finding"));
    }
}
