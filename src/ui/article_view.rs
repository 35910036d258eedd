//! The analysed article, read-only, with every shown finding as a (possibly nested) `<mark>`.
//!
//! Clicks, focus and keys are handled once on the container (event delegation)
//! rather than on each of possibly thousands of marks. Keyboard: one mark is in
//! the tab order (roving tab stop); arrows or j/k move between findings, Enter or
//! Space opens details.
//!
//! The text and marks are built by an effect with plain DOM calls rather than as
//! Yew virtual nodes: mounting 50,000 marks through the virtual DOM took Yew
//! about ten seconds on this machine where direct calls take well under one (a
//! long, dense article has that many). The article's characters still only ever
//! go into text nodes (`createTextNode`), never through an HTML parser. Which
//! mark is selected and which holds the tab stop change on every key press and
//! are applied to the built DOM by a second effect.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent, Node};
use yew::prelude::*;

use super::effects;
use super::segments::{self, shorten, CharOffsets, Segment};
use crate::analysis::Span;
use crate::article::{AnnotatedArticle, Review};

#[derive(Properties, Clone)]
pub struct ArticleViewProps {
    pub article: Rc<AnnotatedArticle>,
    /// Changes exactly when the article's text or findings change.
    pub generation: u64,
    pub offsets: Rc<CharOffsets>,
    /// Indexes of the findings to highlight, in text order (the order the arrow keys follow).
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub active: Option<usize>,
    pub on_select: Callback<usize>,
    /// Keyboard selection mode: the view takes a caret (read-only) so Shift+arrows select text.
    pub caret_mode: bool,
    /// The reader pressed N (add a note) in the view.
    pub on_note_key: Callback<()>,
    /// The reader clicked one of their notes' highlights.
    pub on_open_note: Callback<String>,
}

/// Compared by `generation` instead of the article: a checklist answer changes
/// the article but not one character of this view.
impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.visible == other.visible
            && self.selected == other.selected
            && self.active == other.active
            && self.on_select == other.on_select
            && self.caret_mode == other.caret_mode
    }
}

/// How a highlight introduces itself to assistive technology and in its tooltip.
fn mark_label(article: &AnnotatedArticle, offsets: &CharOffsets, index: usize) -> String {
    let Some(reviewed) = article.findings.get(index) else {
        return String::new();
    };
    let finding = &reviewed.finding;
    let text = offsets.slice(&article.text, finding.span.start, finding.span.end);
    format!(
        "{} ({}): “{}”",
        finding.kind.label(),
        finding.status.label(),
        shorten(text, 60)
    )
}

/// Append `nodes` to `parent` as text nodes and `<mark>` elements. Recursion
/// depth is the nesting depth of the marks.
fn append_segments(
    document: &Document,
    parent: &Node,
    nodes: &[Segment],
    article: &AnnotatedArticle,
    offsets: &CharOffsets,
) -> Result<(), JsValue> {
    for node in nodes {
        match node {
            Segment::Text { start, end } => {
                let text = offsets.slice(&article.text, *start, *end);
                parent.append_child(&document.create_text_node(text))?;
            }
            Segment::Mark {
                finding,
                first_piece,
                children,
                ..
            } => {
                // Indexes past the findings are the reader's notes (see `build_article`).
                if let Some(note) = finding
                    .checked_sub(article.findings.len())
                    .and_then(|i| article.notes.get(i))
                {
                    let mark = document.create_element("mark")?;
                    mark.set_attribute(
                        "class",
                        if *first_piece {
                            "note first-piece"
                        } else {
                            "note"
                        },
                    )?;
                    mark.set_attribute("data-kind", "note")?;
                    mark.set_attribute("data-note", &note.id)?;
                    mark.set_attribute("data-label", &note.label)?;
                    let label = format!("Your note ({}): {}", note.label, shorten(&note.body, 80));
                    mark.set_attribute("title", &format!("{label} — click to edit"))?;
                    mark.set_attribute("aria-label", &label)?;
                    append_segments(document, &mark, children, article, offsets)?;
                    parent.append_child(&mark)?;
                    continue;
                }
                let Some(reviewed) = article.findings.get(*finding) else {
                    append_segments(document, parent, children, article, offsets)?;
                    continue;
                };
                let mark = document.create_element("mark")?;
                let class = if *first_piece {
                    "finding first-piece"
                } else {
                    "finding"
                };
                let label = mark_label(article, offsets, *finding);
                mark.set_attribute("class", class)?;
                mark.set_attribute("data-kind", reviewed.finding.kind.as_str())?;
                mark.set_attribute("data-status", reviewed.finding.status.as_str())?;
                mark.set_attribute("data-finding", &finding.to_string())?;
                mark.set_attribute("data-rule", &reviewed.finding.rule_id)?;
                let label = match reviewed.review {
                    Review::Unreviewed => label,
                    Review::Confirmed => {
                        mark.set_attribute("data-review", "confirmed")?;
                        format!("{label} (confirmed)")
                    }
                    Review::Rejected { .. } => {
                        mark.set_attribute("data-review", "rejected")?;
                        format!("{label} (dismissed)")
                    }
                };
                // Every piece can take focus from a click or from script;
                // `apply_selection` gives one first piece tabindex 0.
                mark.set_attribute("tabindex", "-1")?;
                mark.set_attribute("aria-label", &label)?;
                mark.set_attribute("title", &format!("{label} — select for details"))?;
                append_segments(document, &mark, children, article, offsets)?;
                parent.append_child(&mark)?;
            }
        }
    }
    Ok(())
}

/// Replace the view's content with the article's text and the marks of `visible`.
fn build_article(
    view: &Element,
    article: &AnnotatedArticle,
    offsets: &CharOffsets,
    visible: &[usize],
) {
    // The reader's notes are highlighted too, numbered after the findings.
    let notes = article
        .notes
        .iter()
        .enumerate()
        .filter_map(|(i, note)| Some((article.findings.len() + i, note.span?)));
    let spans: Vec<(usize, Span)> = visible
        .iter()
        .filter_map(|&i| article.findings.get(i).map(|f| (i, f.finding.span)))
        .chain(notes)
        .collect();
    let tree = segments::build(offsets.char_len(), &spans);
    view.set_text_content(None);
    let Some(document) = view.owner_document() else {
        return;
    };
    if append_segments(&document, view, &tree, article, offsets).is_err() {
        // Creating nodes fails only if the document is going away; keep the text readable.
        view.set_text_content(Some(&article.text));
    }
}

/// Every element in the view matching `selector`.
fn matching(view: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = view.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Mark the selected finding's pieces (`aria-current`, which the CSS shows too)
/// and put the tab stop on the first piece of `tab_stop`.
fn apply_selection(view: &Element, selected: Option<usize>, tab_stop: Option<usize>) {
    for mark in matching(view, "mark[aria-current]") {
        let _ = mark.remove_attribute("aria-current");
    }
    if let Some(index) = selected {
        for mark in matching(view, &format!("mark[data-finding=\"{index}\"]")) {
            let _ = mark.set_attribute("aria-current", "true");
        }
    }
    for mark in matching(view, "mark[tabindex=\"0\"]") {
        let _ = mark.set_attribute("tabindex", "-1");
    }
    if let Some(index) = tab_stop {
        if let Ok(Some(first)) = view.query_selector(&format!("mark[data-finding=\"{index}\"]")) {
            let _ = first.set_attribute("tabindex", "0");
        }
    }
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let view = use_node_ref();
    let tab_stop = props
        .active
        .filter(|active| props.visible.contains(active))
        .or_else(|| props.visible.first().copied());

    // Build the text and marks when the article or the filters change. The
    // container has no virtual children, so Yew never touches what this adds.
    use_effect_with((props.generation, props.visible.clone(), view.clone()), {
        let (article, offsets) = (props.article.clone(), props.offsets.clone());
        move |(_, visible, view): &(u64, Rc<Vec<usize>>, NodeRef)| {
            if let Some(view) = view.cast::<Element>() {
                build_article(&view, &article, &offsets, visible);
            }
        }
    });
    // Then (effects run in order) show the selection and the tab stop.
    use_effect_with(
        (
            props.selected,
            tab_stop,
            props.generation,
            props.visible.clone(),
            view.clone(),
        ),
        |(selected, tab_stop, _, _, view)| {
            if let Some(view) = view.cast::<Element>() {
                apply_selection(&view, *selected, *tab_stop);
            }
        },
    );

    // In keyboard selection mode the view is `contenteditable` for its caret
    // only: every edit (typing, paste, drop, cut, undo) is refused before it happens.
    {
        let view = view.clone();
        use_effect_with(view, |view| {
            let listener = view.cast::<Element>().map(|element| {
                gloo::events::EventListener::new_with_options(
                    &element,
                    "beforeinput",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    |event| event.prevent_default(),
                )
            });
            move || drop(listener)
        });
    }
    {
        let view = view.clone();
        use_effect_with((props.caret_mode, view), |(caret_mode, view)| {
            if *caret_mode {
                if let Some(element) = view.cast::<HtmlElement>() {
                    let _ = element.focus();
                    effects::caret_to_start(&element);
                }
            }
        });
    }

    let onclick = {
        let (on_select, on_open_note, caret_mode) = (
            props.on_select.clone(),
            props.on_open_note.clone(),
            props.caret_mode,
        );
        Callback::from(move |event: MouseEvent| {
            // A click that ends a mouse selection is not a click on a highlight.
            let selecting = gloo::utils::document()
                .get_selection()
                .ok()
                .flatten()
                .is_some_and(|s| !s.is_collapsed());
            if selecting || caret_mode {
                return;
            }
            // The innermost highlight under the pointer decides: a note or a finding.
            let innermost = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("mark").ok().flatten());
            if let Some(note) = innermost
                .as_ref()
                .and_then(|m| m.get_attribute("data-note"))
            {
                on_open_note.emit(note);
                return;
            }
            if let Some(index) = effects::finding_at(event.target()) {
                on_select.emit(index);
            }
        })
    };
    // Moving onto a highlight with the keyboard (Tab included) opens its details.
    let onfocusin = {
        let (on_select, caret_mode) = (props.on_select.clone(), props.caret_mode);
        Callback::from(move |event: FocusEvent| {
            if caret_mode {
                return;
            }
            if let Some(index) = effects::finding_at(event.target()) {
                on_select.emit(index);
            }
        })
    };
    let onkeydown = {
        let (on_select, visible, on_note_key, caret_mode) = (
            props.on_select.clone(),
            props.visible.clone(),
            props.on_note_key.clone(),
            props.caret_mode,
        );
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            if event.key() == "n" || event.key() == "N" {
                event.prevent_default();
                on_note_key.emit(());
                return;
            }
            // With a caret, the arrows move it (and Shift+arrows select), as in any text.
            if caret_mode {
                return;
            }
            let Some(current) = effects::finding_at(event.target()) else {
                return;
            };
            let Some(position) = visible.iter().position(|&i| i == current) else {
                return;
            };
            let target = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" | "j" => visible.get(position + 1).copied(),
                "ArrowLeft" | "ArrowUp" | "k" => position
                    .checked_sub(1)
                    .and_then(|p| visible.get(p).copied()),
                "Home" => visible.first().copied(),
                "End" => visible.last().copied(),
                "Enter" | " " | "Spacebar" => {
                    event.prevent_default();
                    on_select.emit(current);
                    return;
                }
                _ => return,
            };
            // At either end the keys do nothing rather than scroll the page.
            event.prevent_default();
            if let Some(target) = target {
                on_select.emit(target);
                effects::focus_finding(target);
            }
        })
    };

    html! {
        <div
            id="article-view"
            ref={view}
            class={classes!("article-text", props.caret_mode.then_some("caret-mode"))}
            lang={props.article.language.code()}
            contenteditable={props.caret_mode.then_some("true")}
            role={props.caret_mode.then_some("textbox")}
            aria-readonly={props.caret_mode.then_some("true")}
            aria-multiline={props.caret_mode.then_some("true")}
            aria-label={props.caret_mode.then_some("The article (read-only): move with the arrow keys, select with Shift+arrows, press N to add a note")}
            tabindex={props.caret_mode.then_some("0")}
            spellcheck="false"
            {onclick}
            {onfocusin}
            {onkeydown}
        />
    }
}
