//! Code-point positions in a possibly large text, for slicing selectors in both directions.
//!
//! `analysis::Document` keeps one byte offset per code point, which for a 50 MB file
//! would cost hundreds of megabytes; here only every `STRIDE`-th code point is
//! remembered and the rest is a short walk, so checking thousands of selectors
//! stays linear in the text and small in memory.

use crate::analysis::Span;

const STRIDE: usize = 64;

pub(super) struct CharIndex<'a> {
    text: &'a str,
    /// `checkpoints[k]` is the byte offset of code point `k * STRIDE`.
    checkpoints: Vec<usize>,
    len: usize,
}

impl<'a> CharIndex<'a> {
    pub(super) fn new(text: &'a str) -> CharIndex<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            len = i + 1;
        }
        CharIndex {
            text,
            checkpoints,
            len,
        }
    }

    /// Length of the text in code points.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Byte offset of code point `index`; `None` past the end (the end itself is `Some`).
    pub(super) fn byte_at(&self, index: usize) -> Option<usize> {
        if index > self.len {
            return None;
        }
        if index == self.len {
            return Some(self.text.len());
        }
        let checkpoint = self.checkpoints.get(index / STRIDE).copied()?;
        let rest = &self.text[checkpoint..];
        rest.char_indices()
            .nth(index % STRIDE)
            .map(|(offset, _)| checkpoint + offset)
    }

    /// The text of `span`, clamped to the text (an inverted span is empty).
    pub(super) fn slice(&self, span: Span) -> &'a str {
        let end = span.end.min(self.len);
        let start = span.start.min(end);
        match (self.byte_at(start), self.byte_at(end)) {
            (Some(from), Some(to)) => &self.text[from..to],
            _ => "",
        }
    }

    /// Up to `n` code points ending at code point `end`.
    pub(super) fn before(&self, end: usize, n: usize) -> &'a str {
        self.slice(Span {
            start: end.saturating_sub(n),
            end,
        })
    }

    /// Up to `n` code points starting at code point `start`.
    pub(super) fn after(&self, start: usize, n: usize) -> &'a str {
        self.slice(Span {
            start,
            end: start.saturating_add(n),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_chars_across_strides() {
        let text: String = "a😀𠀀中é".repeat(60);
        let index = CharIndex::new(&text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(index.len(), chars.len());
        for start in (0..=chars.len()).step_by(7) {
            for end in (start..=chars.len()).step_by(13) {
                let expected: String = chars[start..end].iter().collect();
                assert_eq!(index.slice(Span { start, end }), expected);
            }
        }
        assert_eq!(index.byte_at(chars.len() + 1), None);
        assert_eq!(index.slice(Span { start: 5, end: 2 }), "");
        assert_eq!(index.before(1, 32), "a");
        assert_eq!(index.after(chars.len() - 1, 32), "é");
        assert_eq!(CharIndex::new("").slice(Span { start: 0, end: 9 }), "");
    }
}
