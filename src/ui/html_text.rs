//! Rich text (pasted HTML or an opened .html file) reduced to plain text that keeps its paragraphs.
//!
//! The HTML is parsed by the browser's `DOMParser` into an inert document that is
//! never attached to the page (scripts do not run, images do not load), and its
//! nodes are walked: block elements become line breaks, scripts and styles are
//! dropped, text is kept as text. Nothing of it is ever rendered as HTML. The
//! text-building half is pure and tested natively; the DOM walk is browser-only.

/// How an element affects the text around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementRole {
    /// Dropped with everything inside it (script, style, …).
    Skip,
    /// A paragraph-like block: a blank line before and after.
    Paragraph,
    /// A line-like block (div, li, tr): a line break before and after.
    Line,
    /// `<br>`: one line break.
    Break,
    /// A table cell: a space between cells.
    Cell,
    /// `<pre>`: white space inside is kept as written.
    Preformatted,
    /// Anything else (span, a, em, …): its text flows on.
    Inline,
}

/// The role of an element by its tag name (any case).
pub fn element_role(tag: &str) -> ElementRole {
    match tag.to_ascii_lowercase().as_str() {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
        | "iframe" | "object" | "embed" | "svg" | "math" | "canvas" | "video" | "audio"
        | "select" | "button" | "input" | "textarea" => ElementRole::Skip,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul" | "ol" | "dl"
        | "table" | "figure" | "section" | "article" | "header" | "footer" | "aside" | "nav"
        | "main" | "hr" | "address" | "details" => ElementRole::Paragraph,
        "div" | "li" | "tr" | "dt" | "dd" | "figcaption" | "caption" | "summary" | "form"
        | "fieldset" | "legend" | "center" => ElementRole::Line,
        "br" => ElementRole::Break,
        "td" | "th" => ElementRole::Cell,
        "pre" | "listing" | "plaintext" | "xmp" => ElementRole::Preformatted,
        _ => ElementRole::Inline,
    }
}

/// Builds plain text from a stream of text pieces and breaks, collapsing HTML white space.
#[derive(Debug, Default)]
pub struct TextBuilder {
    out: String,
    /// Line breaks owed before the next text (at most 2: a blank line).
    pending_breaks: usize,
    /// A space owed before the next text on the same line.
    pending_space: bool,
}

/// White space that HTML collapses (not the no-break space, which is content).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

impl TextBuilder {
    pub fn new() -> TextBuilder {
        TextBuilder::default()
    }

    /// Text from a text node outside `<pre>`: runs of white space become one space.
    pub fn text(&mut self, raw: &str) {
        for (i, word) in raw.split(is_html_space).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if !word.is_empty() {
                self.emit(word);
            }
        }
    }

    /// Text inside `<pre>`: kept as written, line breaks included.
    pub fn preformatted(&mut self, raw: &str) {
        for (i, line) in raw.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            let line = line.trim_end_matches('\r');
            if !line.is_empty() {
                self.pending_space = false;
                self.emit(line);
            }
        }
    }

    /// A block boundary: `blank_line` asks for an empty line (a paragraph), else a line break.
    pub fn block(&mut self, blank_line: bool) {
        let wanted = if blank_line { 2 } else { 1 };
        self.pending_breaks = self.pending_breaks.max(wanted);
        self.pending_space = false;
    }

    /// `<br>`: breaks add up, so `<br><br>` makes a blank line.
    pub fn line_break(&mut self) {
        self.pending_breaks = (self.pending_breaks + 1).min(2);
        self.pending_space = false;
    }

    /// A gap between table cells.
    pub fn cell(&mut self) {
        self.pending_space = true;
    }

    fn emit(&mut self, piece: &str) {
        if !self.out.is_empty() {
            if self.pending_breaks > 0 {
                for _ in 0..self.pending_breaks {
                    self.out.push('\n');
                }
            } else if self.pending_space && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
        }
        self.pending_breaks = 0;
        self.pending_space = false;
        self.out.push_str(piece);
    }

    /// The text, without leading or trailing breaks.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Reduce an HTML string to plain text with its paragraphs kept, via an inert
/// `DOMParser` document. Returns `None` if the browser could not parse it.
#[cfg(target_arch = "wasm32")]
pub fn html_to_text(html: &str) -> Option<String> {
    use web_sys::{DomParser, Node, SupportedType};

    let parser = DomParser::new().ok()?;
    let document = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let root: Node = match document.body() {
        Some(body) => body.into(),
        None => document.document_element()?.into(),
    };
    let mut builder = TextBuilder::new();
    let mut preformatted_depth = 0usize;

    // An explicit walk (first child, next sibling, parent) rather than recursion:
    // a pathologically deep document must not overflow the wasm stack.
    let leave = |node: &Node, builder: &mut TextBuilder, preformatted_depth: &mut usize| {
        match element_role(&node.node_name()) {
            ElementRole::Paragraph => builder.block(true),
            ElementRole::Line => builder.block(false),
            ElementRole::Preformatted => {
                *preformatted_depth = preformatted_depth.saturating_sub(1);
                builder.block(true);
            }
            _ => {}
        }
    };
    let mut current = root.first_child();
    while let Some(node) = current {
        let mut descend = false;
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                let text = node.node_value().unwrap_or_default();
                if preformatted_depth > 0 {
                    builder.preformatted(&text);
                } else {
                    builder.text(&text);
                }
            }
            Node::ELEMENT_NODE => {
                let hidden = node
                    .dyn_ref::<web_sys::Element>()
                    .is_some_and(|element| element.has_attribute("hidden"));
                match element_role(&node.node_name()) {
                    _ if hidden => {}
                    ElementRole::Skip => {}
                    ElementRole::Break => builder.line_break(),
                    ElementRole::Cell => {
                        builder.cell();
                        descend = true;
                    }
                    ElementRole::Paragraph => {
                        builder.block(true);
                        descend = true;
                    }
                    ElementRole::Line => {
                        builder.block(false);
                        descend = true;
                    }
                    ElementRole::Preformatted => {
                        builder.block(true);
                        preformatted_depth += 1;
                        descend = true;
                    }
                    ElementRole::Inline => descend = true,
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                current = Some(child);
                continue;
            }
            leave(&node, &mut builder, &mut preformatted_depth);
        }
        // No children to visit: move to the next sibling, closing parents on the way up.
        let mut at = node;
        current = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent_node() {
                Some(parent) if !parent.is_same_node(Some(&root)) => {
                    leave(&parent, &mut builder, &mut preformatted_depth);
                    at = parent;
                }
                _ => break None,
            }
        };
    }
    Some(builder.finish())
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

#[cfg(test)]
mod tests {
    use super::*;

    /// Feed a token stream: `<p>`/`</p>` style tags by role, everything else as text.
    fn build(tokens: &[&str]) -> String {
        let mut builder = TextBuilder::new();
        for token in tokens {
            match *token {
                "<p>" | "</p>" => builder.block(true),
                "<div>" | "</div>" => builder.block(false),
                "<br>" => builder.line_break(),
                "<td>" => builder.cell(),
                text => builder.text(text),
            }
        }
        builder.finish()
    }

    #[test]
    fn paragraphs_become_blank_lines_and_white_space_collapses() {
        assert_eq!(
            build(&[
                "<p>",
                "  First\n   paragraph ",
                "</p>",
                "\n  ",
                "<p>",
                "Second",
                "</p>"
            ]),
            "First paragraph\n\nSecond"
        );
    }

    #[test]
    fn inline_text_joins_with_single_spaces() {
        assert_eq!(
            build(&["<p>", "A ", "bold", " move", "</p>"]),
            "A bold move"
        );
        assert_eq!(build(&["no", "space"]), "nospace");
    }

    #[test]
    fn line_breaks_add_up_to_a_blank_line() {
        assert_eq!(
            build(&["one", "<br>", "two", "<br>", "<br>", "<br>", "three"]),
            "one\ntwo\n\nthree"
        );
        assert_eq!(
            build(&["<div>", "a", "</div>", "<div>", "b", "</div>"]),
            "a\nb"
        );
    }

    #[test]
    fn leading_and_trailing_breaks_are_dropped() {
        assert_eq!(build(&["<p>", "<br>", "text", "<br>", "</p>"]), "text");
    }

    #[test]
    fn cells_are_separated_by_a_space() {
        assert_eq!(build(&["<td>", "a", "<td>", "b"]), "a b");
    }

    #[test]
    fn no_break_spaces_are_content() {
        assert_eq!(build(&["a\u{a0}\u{a0}\u{a0}b"]), "a\u{a0}\u{a0}\u{a0}b");
    }

    #[test]
    fn preformatted_keeps_lines() {
        let mut builder = TextBuilder::new();
        builder.preformatted("line one\r\n  indented\n");
        assert_eq!(builder.finish(), "line one\n  indented");
    }

    #[test]
    fn roles_by_tag() {
        assert_eq!(element_role("SCRIPT"), ElementRole::Skip);
        assert_eq!(element_role("h3"), ElementRole::Paragraph);
        assert_eq!(element_role("LI"), ElementRole::Line);
        assert_eq!(element_role("br"), ElementRole::Break);
        assert_eq!(element_role("span"), ElementRole::Inline);
    }
}
