//! The article as a tree of text runs and (possibly nested) highlights, ready to render as `<mark>`s.
//!
//! Findings may overlap: a loaded word inside a quote is contained in it, but a
//! statistic can also start inside a quote and end after it. HTML elements must
//! nest, so a finding that only partly overlaps an enclosing one is split into
//! pieces that each carry the same finding index. This module is pure logic (no
//! web crates) so it is tested natively.

use crate::analysis::Span;

/// One node of the rendered article. Ranges are code points, half-open, like [`Span`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Plain text `[start, end)`.
    Text { start: usize, end: usize },
    /// A highlight of finding `finding` over `[start, end)`. `first_piece` is true
    /// for the first (or only) piece of a split finding: that piece carries the
    /// marker and takes keyboard focus.
    Mark {
        finding: usize,
        start: usize,
        end: usize,
        first_piece: bool,
        children: Vec<Segment>,
    },
}

/// A highlight still open while sweeping the text.
struct OpenMark {
    /// Position of the finding in the sorted order; the key for nesting.
    order: usize,
    finding: usize,
    start: usize,
    first_piece: bool,
    children: Vec<Segment>,
}

/// Build the segment tree for a text of `text_len` code points and the findings
/// `(finding index, span)` to highlight.
///
/// Findings are ordered by start ascending, then end descending (longest first),
/// then index; at every position the findings covering it are nested in that
/// order. Where the set of covering findings changes, the open marks that no
/// longer share the same prefix of that order are closed and reopened, which
/// nests contained findings and splits partly overlapping ones. Spans are
/// clamped to the text; empty spans are skipped. The text leaves, read in order,
/// cover `[0, text_len)` exactly once.
pub fn build(text_len: usize, findings: &[(usize, Span)]) -> Vec<Segment> {
    let mut items: Vec<(Span, usize)> = findings
        .iter()
        .map(|&(index, span)| {
            (
                Span::new(span.start.min(text_len), span.end.min(text_len)),
                index,
            )
        })
        .filter(|(span, _)| !span.is_empty())
        .collect();
    items.sort_by_key(|&(span, index)| (span.start, std::cmp::Reverse(span.end), index));

    let mut boundaries: Vec<usize> = Vec::with_capacity(items.len() * 2 + 2);
    boundaries.push(0);
    boundaries.push(text_len);
    for (span, _) in &items {
        boundaries.push(span.start);
        boundaries.push(span.end);
    }
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut root: Vec<Segment> = Vec::new();
    let mut open: Vec<OpenMark> = Vec::new();
    // Positions (in `items`) of the findings covering the current run, kept in
    // ascending order: a finding that starts later always sorts after every
    // finding still open, so new ones are pushed at the end.
    let mut covering: Vec<usize> = Vec::new();
    let mut started = vec![false; items.len()];
    let mut next_item = 0;

    for pair in boundaries.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        covering.retain(|&order| items[order].0.end > from);
        while next_item < items.len() && items[next_item].0.start <= from {
            covering.push(next_item);
            next_item += 1;
        }
        let shared = open
            .iter()
            .zip(&covering)
            .take_while(|(mark, &order)| mark.order == order)
            .count();
        while open.len() > shared {
            close_top(&mut open, &mut root, from);
        }
        for &order in &covering[shared..] {
            open.push(OpenMark {
                order,
                finding: items[order].1,
                start: from,
                first_piece: !started[order],
                children: Vec::new(),
            });
            started[order] = true;
        }
        let target = match open.last_mut() {
            Some(mark) => &mut mark.children,
            None => &mut root,
        };
        push_text(target, from, to);
    }
    while !open.is_empty() {
        close_top(&mut open, &mut root, text_len);
    }
    root
}

fn close_top(open: &mut Vec<OpenMark>, root: &mut Vec<Segment>, end: usize) {
    let Some(mark) = open.pop() else { return };
    let segment = Segment::Mark {
        finding: mark.finding,
        start: mark.start,
        end,
        first_piece: mark.first_piece,
        children: mark.children,
    };
    match open.last_mut() {
        Some(parent) => parent.children.push(segment),
        None => root.push(segment),
    }
}

/// Append a text run, merging it with an adjacent one.
fn push_text(target: &mut Vec<Segment>, start: usize, end: usize) {
    if start >= end {
        return;
    }
    if let Some(Segment::Text { end: last_end, .. }) = target.last_mut() {
        if *last_end == start {
            *last_end = end;
            return;
        }
    }
    target.push(Segment::Text { start, end });
}

/// Byte offsets of every code point of a text, for slicing by code-point ranges
/// in constant time (a long article has thousands of runs to slice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharOffsets {
    /// `starts[i]` is the byte offset of code point `i`; one extra entry holds the text's length.
    starts: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharOffsets { starts }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The text of code points `[start, end)`, clamped to the text. `text` must be
    /// the string these offsets were built from.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let n = self.char_len();
        let from = self.starts[start.min(n)];
        let to = self.starts[end.min(n)].max(from);
        text.get(from..to).unwrap_or("")
    }
}

/// At most `max_chars` code points of `text`, with an ellipsis when cut; for list entries.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{}…", head.trim_end())
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(start: usize, end: usize) -> Segment {
        Segment::Text { start, end }
    }

    fn mark(
        finding: usize,
        start: usize,
        end: usize,
        first_piece: bool,
        children: Vec<Segment>,
    ) -> Segment {
        Segment::Mark {
            finding,
            start,
            end,
            first_piece,
            children,
        }
    }

    fn check(text_len: usize, findings: &[(usize, (usize, usize))], expected: Vec<Segment>) {
        let findings: Vec<(usize, Span)> = findings
            .iter()
            .map(|&(i, (s, e))| (i, Span::new(s, e)))
            .collect();
        let got = build(text_len, &findings);
        assert_eq!(got, expected);
        check_invariants(text_len, &findings, &got);
    }

    /// Text leaves tile `[0, len)`; every mark contains its children; the pieces
    /// of each finding tile its (clamped) span and exactly one is the first.
    fn check_invariants(text_len: usize, findings: &[(usize, Span)], tree: &[Segment]) {
        fn walk(
            nodes: &[Segment],
            lo: usize,
            hi: usize,
            leaves: &mut Vec<(usize, usize)>,
            pieces: &mut Vec<(usize, usize, usize, bool)>,
        ) {
            let mut at = lo;
            for node in nodes {
                match node {
                    Segment::Text { start, end } => {
                        assert!(start < end, "empty text run");
                        assert_eq!(*start, at, "gap or overlap before text run");
                        leaves.push((*start, *end));
                        at = *end;
                    }
                    Segment::Mark {
                        finding,
                        start,
                        end,
                        first_piece,
                        children,
                    } => {
                        assert!(start < end, "empty mark");
                        assert_eq!(*start, at, "gap or overlap before mark");
                        pieces.push((*finding, *start, *end, *first_piece));
                        walk(children, *start, *end, leaves, pieces);
                        at = *end;
                    }
                }
            }
            assert_eq!(at, hi, "children do not fill their parent");
        }
        let mut leaves = Vec::new();
        let mut pieces = Vec::new();
        walk(tree, 0, text_len, &mut leaves, &mut pieces);
        for &(index, span) in findings {
            let span = Span::new(span.start.min(text_len), span.end.min(text_len));
            let mut mine: Vec<(usize, usize, bool)> = pieces
                .iter()
                .filter(|p| p.0 == index)
                .map(|p| (p.1, p.2, p.3))
                .collect();
            mine.sort();
            if span.is_empty() {
                assert!(mine.is_empty());
                continue;
            }
            assert_eq!(
                mine.iter().filter(|p| p.2).count(),
                1,
                "one first piece for finding {index}"
            );
            assert!(mine[0].2, "the first piece comes first");
            let mut at = span.start;
            for (start, end, _) in &mine {
                assert_eq!(*start, at, "pieces of finding {index} must tile its span");
                at = *end;
            }
            assert_eq!(at, span.end);
        }
    }

    #[test]
    fn no_findings_is_one_text_run() {
        check(5, &[], vec![text(0, 5)]);
        check(0, &[], vec![]);
    }

    #[test]
    fn separate_and_adjacent_findings() {
        check(
            10,
            &[(0, (1, 3)), (1, (3, 5))],
            vec![
                text(0, 1),
                mark(0, 1, 3, true, vec![text(1, 3)]),
                mark(1, 3, 5, true, vec![text(3, 5)]),
                text(5, 10),
            ],
        );
    }

    #[test]
    fn contained_finding_nests_inside() {
        // A loaded word inside a quote.
        check(
            10,
            &[(0, (0, 10)), (1, (4, 6))],
            vec![mark(
                0,
                0,
                10,
                true,
                vec![
                    text(0, 4),
                    mark(1, 4, 6, true, vec![text(4, 6)]),
                    text(6, 10),
                ],
            )],
        );
    }

    #[test]
    fn same_span_nests_by_index() {
        check(
            4,
            &[(3, (0, 4)), (2, (0, 4))],
            vec![mark(
                2,
                0,
                4,
                true,
                vec![mark(3, 0, 4, true, vec![text(0, 4)])],
            )],
        );
    }

    #[test]
    fn partial_overlap_splits_the_later_finding() {
        check(
            20,
            &[(0, (0, 10)), (1, (5, 15))],
            vec![
                mark(
                    0,
                    0,
                    10,
                    true,
                    vec![text(0, 5), mark(1, 5, 10, true, vec![text(5, 10)])],
                ),
                mark(1, 10, 15, false, vec![text(10, 15)]),
                text(15, 20),
            ],
        );
    }

    #[test]
    fn longer_finding_with_same_start_is_outer() {
        check(
            10,
            &[(0, (2, 4)), (1, (2, 8))],
            vec![
                text(0, 2),
                mark(
                    1,
                    2,
                    8,
                    true,
                    vec![mark(0, 2, 4, true, vec![text(2, 4)]), text(4, 8)],
                ),
                text(8, 10),
            ],
        );
    }

    #[test]
    fn spans_are_clamped_and_empty_ones_dropped() {
        check(
            5,
            &[(0, (3, 99)), (1, (2, 2)), (2, (50, 60))],
            vec![text(0, 3), mark(0, 3, 5, true, vec![text(3, 5)])],
        );
    }

    #[test]
    fn chain_of_overlaps_keeps_invariants() {
        // A overlaps B overlaps C; B is split by A's end, C by B's end.
        let findings: Vec<(usize, Span)> = vec![
            (0, Span::new(0, 6)),
            (1, Span::new(4, 10)),
            (2, Span::new(8, 14)),
        ];
        let tree = build(16, &findings);
        check_invariants(16, &findings, &tree);
    }

    #[test]
    fn random_findings_keep_invariants() {
        // A small linear congruential generator keeps the test deterministic
        // without a dependency.
        let mut seed: u64 = 0x5eed;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % bound.max(1)
        };
        for _ in 0..500 {
            let len = next(60);
            let n = next(8);
            let findings: Vec<(usize, Span)> = (0..n)
                .map(|i| {
                    let a = next(len + 5);
                    let b = next(len + 5);
                    (i, Span::new(a.min(b), a.max(b)))
                })
                .collect();
            let tree = build(len, &findings);
            check_invariants(len, &findings, &tree);
        }
    }

    #[test]
    fn char_offsets_slice_by_code_points() {
        let text = "a😀b中c";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_len(), 5);
        assert_eq!(offsets.slice(text, 1, 4), "😀b中");
        assert_eq!(offsets.slice(text, 4, 99), "c");
        assert_eq!(offsets.slice(text, 9, 3), "");
    }

    #[test]
    fn shorten_cuts_on_code_points() {
        assert_eq!(shorten("中文中文中文", 4), "中文中文…");
        assert_eq!(shorten("short", 10), "short");
    }
}
