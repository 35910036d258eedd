//! The article text, its paragraphs and sentences, and the one offset type.
//!
//! Every position the program hands out is a [`Span`] of Unicode code points,
//! because the W3C Web Annotation model counts code points. Detectors work on
//! UTF-8 byte offsets internally (that is what `str` and aho-corasick give) and
//! convert through [`Document`]; the browser's UTF-16 offsets are converted in
//! [`utf16_offsets`]. Those are the only conversions in the program.

use std::ops::Range;

/// A half-open range `[start, end)` of Unicode code points (Rust `char`s) in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Code points shared by the two spans.
    pub fn overlap_len(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// The article, indexed for offset conversion and split into paragraphs and sentences.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    /// `char_starts[i]` is the byte offset of code point `i`; one extra entry holds `text.len()`.
    char_starts: Vec<usize>,
    paragraphs: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
}

impl Document {
    pub fn new(text: &str) -> Document {
        let mut char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        char_starts.push(text.len());
        let paragraphs = split_paragraphs(text);
        let sentences = paragraphs
            .iter()
            .flat_map(|p| split_sentences(text, p.clone()))
            .collect();
        Document {
            text: text.to_string(),
            char_starts,
            paragraphs,
            sentences,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_starts.len() - 1
    }

    /// Byte ranges of the paragraphs, trimmed of surrounding white space, in order.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// Byte ranges of the sentences, trimmed, in order; every sentence lies inside one paragraph.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// Index of the sentence containing byte `pos` (or the last one starting before it).
    pub fn sentence_index(&self, pos: usize) -> Option<usize> {
        let after = self.sentences.partition_point(|s| s.start <= pos);
        after.checked_sub(1)
    }

    /// Index of the paragraph containing byte `pos` (or the last one starting before it).
    pub fn paragraph_index(&self, pos: usize) -> Option<usize> {
        let after = self.paragraphs.partition_point(|p| p.start <= pos);
        after.checked_sub(1)
    }

    /// The code point index of byte offset `byte` (rounded down to a char boundary).
    pub fn char_index(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Convert a byte range into a code-point span.
    pub fn span(&self, bytes: Range<usize>) -> Span {
        Span::new(self.char_index(bytes.start), self.char_index(bytes.end))
    }

    /// Convert a code-point span into a byte range (clamped to the text).
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        let n = self.char_len();
        let start = self.char_starts[span.start.min(n)];
        let end = self.char_starts[span.end.min(n)];
        start..end.max(start)
    }

    /// The text of a code-point span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[self.byte_range(span)]
    }
}

/// Text of a code-point span in any string (clamped); for callers without a `Document`.
pub fn slice_chars(text: &str, span: Span) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

/// Number of code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// UTF-16 offsets (what the browser's DOM and JavaScript count) of code point
/// boundaries: `result[i]` is the UTF-16 offset of code point `i`, with one extra
/// entry for the end. Characters outside the Basic Multilingual Plane take two units.
pub fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        out.push(at);
        at += c.len_utf16();
    }
    out.push(at);
    out
}

/// Convert a UTF-16 offset to a code-point index (rounding down inside a surrogate pair).
pub fn char_index_from_utf16(text: &str, utf16: usize) -> usize {
    let mut at = 0;
    for (i, c) in text.chars().enumerate() {
        if at + c.len_utf16() > utf16 {
            return i;
        }
        at += c.len_utf16();
    }
    text.chars().count()
}

/// Is `c` a Han (Chinese) character? Covers the unified ideographs and their extensions.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// White space that separates paragraphs when repeated inside a line: pages copied
/// from the web often flatten paragraphs into runs of spaces and no-break spaces.
fn is_wide_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\t')
}

/// Paragraphs: separated by line breaks, or by a run of three or more spaces
/// (including no-break and ideographic spaces) inside a line.
fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut gap_start: Option<usize> = None;
    let mut gap_len = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let trimmed = piece.trim_matches(|c: char| c.is_whitespace());
        if !trimmed.is_empty() {
            let lead = piece.len() - piece.trim_start_matches(|c: char| c.is_whitespace()).len();
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            push(start, i, &mut out);
            start = i + c.len_utf8();
            gap_start = None;
            gap_len = 0;
        } else if is_wide_gap(c) {
            if gap_start.is_none() {
                gap_start = Some(i);
            }
            gap_len += 1;
        } else {
            if let Some(g) = gap_start {
                if gap_len >= 3 {
                    push(start, g, &mut out);
                    start = i;
                }
            }
            gap_start = None;
            gap_len = 0;
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// Abbreviations whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr",
    "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "est", "dept", "fig", "p.m", "a.m",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', ')', '）', '》', '】', ']'];

/// Split one paragraph into sentences. Ends at `.`, `!`, `?`, `。`, `！`, `？`, `…`
/// (and `;` is not an end), keeping closing quotes and brackets with the sentence.
/// A period inside a number (3.5) or after a known abbreviation (U.S., Dr.) does not end one.
fn split_sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let p = &text[para.clone()];
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let is_end = match c {
            '。' | '！' | '？' | '!' | '?' | '…' => true,
            '.' => {
                let next = chars.get(i + 1).map(|&(_, c)| c);
                let prev_word: String = p[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '.')
                    // Abbreviations are short; capping the look-back keeps a text
                    // like "1.1.1.1…" linear instead of quadratic.
                    .take(12)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let digit_follows = next.is_some_and(|n| n.is_ascii_digit());
                let abbreviation = ABBREVIATIONS.contains(&prev_word.to_lowercase().as_str())
                    || (prev_word.chars().count() == 1
                        && prev_word.chars().all(|c| c.is_uppercase()));
                let lower_follows = chars[i + 1..]
                    .iter()
                    .map(|&(_, c)| c)
                    .take(64)
                    .find(|c| !c.is_whitespace() && !CLOSERS.contains(c))
                    .is_some_and(|c| c.is_lowercase());
                !digit_follows
                    && !abbreviation
                    && !lower_follows
                    && next.is_none_or(|n| n.is_whitespace() || CLOSERS.contains(&n))
            }
            _ => false,
        };
        if is_end {
            // Swallow repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '。' | '！' | '？' | '!' | '?' | '.' | '…')
                    || CLOSERS.contains(&chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(p.len(), |&(b, _)| b);
            push_trimmed(p, start, end, para.start, &mut out);
            start = end;
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(p, start, p.len(), para.start, &mut out);
    out
}

fn push_trimmed(p: &str, from: usize, to: usize, base: usize, out: &mut Vec<Range<usize>>) {
    let piece = &p[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(base + from + lead..base + from + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences()
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
    }

    #[test]
    fn spans_count_code_points_not_bytes_or_utf16() {
        let text = "a😀b𠀀c 中";
        let doc = Document::new(text);
        assert_eq!(doc.char_len(), 7);
        let b = text.find('b').unwrap();
        assert_eq!(doc.span(b..b + 1), Span::new(2, 3));
        assert_eq!(doc.slice(Span::new(3, 5)), "𠀀c");
        assert_eq!(utf16_offsets(text), vec![0, 1, 3, 4, 6, 7, 8, 9]);
        assert_eq!(char_index_from_utf16(text, 3), 2);
        assert_eq!(
            char_index_from_utf16(text, 2),
            1,
            "inside a surrogate pair rounds down"
        );
        assert_eq!(slice_chars(text, Span::new(1, 3)), "😀b");
    }

    #[test]
    fn out_of_range_spans_are_clamped() {
        let doc = Document::new("abc");
        assert_eq!(doc.slice(Span::new(2, 99)), "c");
        assert_eq!(doc.slice(Span::new(50, 99)), "");
    }

    #[test]
    fn sentences_skip_abbreviations_and_decimals() {
        assert_eq!(
            sentences("The U.S. fell 3.5 percent. Dr. Li said so! Really? Yes."),
            vec![
                "The U.S. fell 3.5 percent.",
                "Dr. Li said so!",
                "Really?",
                "Yes."
            ]
        );
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        assert_eq!(
            sentences("He said “stop.” Then left."),
            vec!["He said “stop.”", "Then left."]
        );
    }

    #[test]
    fn chinese_sentences_and_flattened_paragraphs() {
        let text = "第一句。第二句!   第三段,还有?\n第四";
        let doc = Document::new(text);
        assert_eq!(doc.paragraphs().len(), 3);
        assert_eq!(
            sentences(text),
            vec!["第一句。", "第二句!", "第三段,还有?", "第四"]
        );
    }

    #[test]
    fn sentence_splitting_stays_linear_on_dotted_runs() {
        // Regression: the look-back for abbreviations once made this quadratic (minutes).
        // Speed is measured in examples/bench.rs; here the test would take minutes.
        let text = "1.".repeat(200_000);
        let doc = Document::new(&text);
        assert!(!doc.sentences().is_empty());
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(Document::new("").sentences().is_empty());
        assert!(Document::new(" \n\n \u{a0}").paragraphs().is_empty());
    }
}
