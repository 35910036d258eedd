//! The analysed article, read-only, with every shown finding as a (possibly nested) `<mark>`.
//!
//! The text is rendered as Yew text nodes only, never as HTML. Clicks, focus and
//! keys are handled once on the container (event delegation) rather than on each
//! of possibly thousands of marks. Keyboard: one mark is in the tab order (roving
//! tab stop); arrows or j/k move between findings, Enter or Space opens details.
//!
//! The marks themselves are rendered by [`ArticleText`], which re-renders only
//! when the text, the findings or the filters change. Which mark is selected and
//! which one holds the tab stop change on every key press, so they are applied to
//! the DOM directly in an effect: re-rendering (and diffing) thousands of marks
//! for one moved highlight made keyboard stepping through a long article lag.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::effects;
use super::segments::{self, shorten, CharOffsets, Segment};
use crate::analysis::Span;
use crate::article::{AnnotatedArticle, Review};

const VIEW_ID: &str = "article-view";

#[derive(Properties, Clone)]
pub struct ArticleViewProps {
    pub article: Rc<AnnotatedArticle>,
    /// Changes exactly when the article's text or findings change.
    pub generation: u64,
    pub offsets: Rc<CharOffsets>,
    /// Indexes of the findings to highlight, in text order.
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub active: Option<usize>,
    pub on_select: Callback<usize>,
}

/// Compared by `generation` instead of the article: a checklist answer changes
/// the article but not one character of this view, and re-rendering a long
/// article on every keystroke in a note would be wasted work.
impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.visible == other.visible
            && self.selected == other.selected
            && self.active == other.active
            && self.on_select == other.on_select
    }
}

#[derive(Properties, Clone)]
struct ArticleTextProps {
    article: Rc<AnnotatedArticle>,
    generation: u64,
    offsets: Rc<CharOffsets>,
    visible: Rc<Vec<usize>>,
}

impl PartialEq for ArticleTextProps {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && self.visible == other.visible
    }
}

/// What the recursive renderer needs besides the tree.
struct RenderContext<'a> {
    article: &'a AnnotatedArticle,
    offsets: &'a CharOffsets,
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

fn render(nodes: &[Segment], context: &RenderContext) -> Html {
    nodes
        .iter()
        .map(|node| match node {
            Segment::Text { start, end } => {
                html! { { context.offsets.slice(&context.article.text, *start, *end).to_string() } }
            }
            Segment::Mark {
                finding,
                first_piece,
                children,
                ..
            } => {
                let Some(reviewed) = context.article.findings.get(*finding) else {
                    return render(children, context);
                };
                let kind = reviewed.finding.kind;
                let status = reviewed.finding.status;
                let label = mark_label(context.article, context.offsets, *finding);
                let review = match reviewed.review {
                    Review::Unreviewed => None,
                    Review::Confirmed => Some("confirmed"),
                    Review::Rejected { .. } => Some("rejected"),
                };
                // Every piece is focusable by script and click (tabindex -1); the
                // effect in `ArticleView` gives one first piece tabindex 0.
                html! {
                    <mark
                        class={classes!("finding", first_piece.then_some("first-piece"))}
                        data-kind={kind.as_str()}
                        data-status={status.as_str()}
                        data-finding={finding.to_string()}
                        data-review={review}
                        tabindex="-1"
                        aria-label={label.clone()}
                        title={format!("{label} — select for details")}
                    >
                        { render(children, context) }
                    </mark>
                }
            }
        })
        .collect()
}

/// The article's text and marks; re-renders only when they change.
#[function_component]
fn ArticleText(props: &ArticleTextProps) -> Html {
    let tree = use_memo((props.generation, props.visible.clone()), {
        let (article, offsets) = (props.article.clone(), props.offsets.clone());
        move |(_, visible): &(u64, Rc<Vec<usize>>)| {
            let spans: Vec<(usize, Span)> = visible
                .iter()
                .filter_map(|&i| article.findings.get(i).map(|f| (i, f.finding.span)))
                .collect();
            let t0 = js_sys::Date::now();
            let r = segments::build(offsets.char_len(), &spans);
            web_sys::console::log_1(&format!("PERF segments {}ms", js_sys::Date::now() - t0).into());
            r
        }
    });
    let t0 = js_sys::Date::now();
    let context = RenderContext {
        article: &props.article,
        offsets: &props.offsets,
    };
    let h = render(&tree, &context);
    web_sys::console::log_1(&format!("PERF render vnodes {}ms", js_sys::Date::now() - t0).into());
    h
}

/// Every element in the view matching `selector`.
fn marks(view: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = view.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Mark the selected finding's pieces (`aria-current`, which the CSS also shows) and put the tab stop on `tab_stop`'s first piece.
fn apply_selection(view: &Element, selected: Option<usize>, tab_stop: Option<usize>) {
    for mark in marks(view, "mark[aria-current]") {
        let _ = mark.remove_attribute("aria-current");
    }
    if let Some(index) = selected {
        for mark in marks(view, &format!("mark[data-finding=\"{index}\"]")) {
            let _ = mark.set_attribute("aria-current", "true");
        }
    }
    for mark in marks(view, "mark[tabindex=\"0\"]") {
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
        .filter(|active| props.visible.binary_search(active).is_ok())
        .or_else(|| props.visible.first().copied());

    // Runs after every render that could have changed the marks or the selection.
    use_effect_with(
        (
            props.selected,
            tab_stop,
            props.generation,
            props.visible.clone(),
            view.clone(),
        ),
        |(selected, tab_stop, _, _, view)| {
            let t0 = js_sys::Date::now();
            if let Some(view) = view.cast::<Element>() {
                apply_selection(&view, *selected, *tab_stop);
            }
            web_sys::console::log_1(&format!("PERF effect (after DOM) apply_selection {}ms", js_sys::Date::now() - t0).into());
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
            id={VIEW_ID}
            ref={view}
            class="article-text"
            lang={props.article.language.code()}
            {onclick}
            {onfocusin}
            {onkeydown}
        >
            <ArticleText
                article={props.article.clone()}
                generation={props.generation}
                offsets={props.offsets.clone()}
                visible={props.visible.clone()}
            />
        </div>
    }
}
