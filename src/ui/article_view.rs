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
use web_sys::{Document, Element, FocusEvent, KeyboardEvent, MouseEvent, Node};
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
                match reviewed.review {
                    Review::Unreviewed => {}
                    Review::Confirmed => mark.set_attribute("data-review", "confirmed")?,
                    Review::Rejected { .. } => mark.set_attribute("data-review", "rejected")?,
                }
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
    let spans: Vec<(usize, Span)> = visible
        .iter()
        .filter_map(|&i| article.findings.get(i).map(|f| (i, f.finding.span)))
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

    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(index) = effects::finding_at(event.target()) {
                on_select.emit(index);
            }
        })
    };
    // Moving onto a highlight with the keyboard (Tab included) opens its details.
    let onfocusin = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: FocusEvent| {
            if let Some(index) = effects::finding_at(event.target()) {
                on_select.emit(index);
            }
        })
    };
    let onkeydown = {
        let (on_select, visible) = (props.on_select.clone(), props.visible.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
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
            class="article-text"
            lang={props.article.language.code()}
            {onclick}
            {onfocusin}
            {onkeydown}
        />
    }
}
