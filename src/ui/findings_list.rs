//! The findings side panel: grouped by kind with counts, a show/hide filter per
//! kind, and one button per finding that selects it and scrolls to its highlight.

use std::rc::Rc;

use web_sys::{Event, HtmlInputElement, MouseEvent};
use yew::prelude::*;

use super::details::kind_marker;
use super::segments::{shorten, CharOffsets};
use super::state::ItemFilter;
use crate::analysis::{Kind, Status};
use crate::article::{AnnotatedArticle, Review};

/// Entries listed per kind before a "Show all" button: a very long article can
/// have thousands of findings, and the highlights are the main way through them.
const ENTRIES_SHOWN: usize = 200;

#[derive(Properties, Clone)]
pub struct FindingsListProps {
    pub article: Rc<AnnotatedArticle>,
    /// Changes exactly when the article's text or findings change.
    pub generation: u64,
    pub offsets: Rc<CharOffsets>,
    pub visible: Rc<Vec<usize>>,
    pub hidden_kinds: Vec<Kind>,
    pub item_filter: Option<ItemFilter>,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    pub on_kind_visible: Callback<(Kind, bool)>,
    pub on_show_all: Callback<()>,
    /// Dismissed findings are listed (struck through) too.
    pub show_dismissed: bool,
    pub on_show_dismissed: Callback<bool>,
}

/// Compared by `generation` instead of the article (see `ArticleViewProps`).
impl PartialEq for FindingsListProps {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.visible == other.visible
            && self.hidden_kinds == other.hidden_kinds
            && self.item_filter == other.item_filter
            && self.selected == other.selected
            && self.on_select == other.on_select
            && self.on_kind_visible == other.on_kind_visible
            && self.on_show_all == other.on_show_all
            && self.show_dismissed == other.show_dismissed
    }
}

/// The finding's text for a list entry, in quotation marks unless it brings its own.
fn quoted(text: &str) -> String {
    let short = shorten(text, 90);
    let opens_with_quote = text.starts_with(['"', '“', '‘', '\'', '「', '『', '«']);
    if opens_with_quote {
        short
    } else {
        format!("“{short}”")
    }
}

pub fn plural_label(kind: Kind) -> &'static str {
    match kind {
        Kind::LoadedLanguage => "Loaded language",
        Kind::Statistic => "Statistics",
        Kind::Quote => "Quotes",
    }
}

/// "3 no source given · 2 sourced" for the findings of one kind.
fn status_summary(article: &AnnotatedArticle, kind: Kind) -> String {
    Status::ALL
        .iter()
        .filter(|status| status.valid_for(kind))
        .filter_map(|&status| {
            let n = article
                .findings
                .iter()
                .filter(|f| f.finding.kind == kind && f.finding.status == status)
                .count();
            (n > 0).then(|| format!("{n} {}", status.label()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[function_component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let expanded = use_state(Vec::<Kind>::new);
    let article = &props.article;
    let total = article.findings.len();

    let banner = props.item_filter.as_ref().map(|filter| {
        let on_show_all = props.on_show_all.clone();
        html! {
            <p class="filter-banner" role="status">
                { format!("Showing the {} findings behind “{}”. ", filter.findings.len(), filter.title) }
                <button type="button" id="show-all-findings" onclick={Callback::from(move |_: MouseEvent| on_show_all.emit(()))}>
                    { "Show all findings" }
                </button>
            </p>
        }
    });

    let groups = Kind::ALL.iter().map(|&kind| {
        let count = article.findings.iter().filter(|f| f.finding.kind == kind).count();
        let hidden = props.hidden_kinds.contains(&kind);
        let entries: Vec<usize> =
            props.visible.iter().copied().filter(|&i| article.findings[i].finding.kind == kind).collect();
        let filter_id = format!("filter-{}", kind.as_str());
        let onchange = {
            let on_kind_visible = props.on_kind_visible.clone();
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                on_kind_visible.emit((kind, input.checked()));
            })
        };
        let show_everything = expanded.contains(&kind);
        let shown = if show_everything { entries.len() } else { entries.len().min(ENTRIES_SHOWN) };
        let list = entries[..shown].iter().map(|&index| {
            let finding = &article.findings[index].finding;
            let review = match article.findings[index].review {
                Review::Unreviewed => None,
                Review::Confirmed => Some("confirmed"),
                Review::Rejected { .. } => Some("rejected"),
            };
            let text = props.offsets.slice(&article.text, finding.span.start, finding.span.end);
            let on_select = props.on_select.clone();
            let is_selected = props.selected == Some(index);
            html! {
                <li key={index}>
                    <button
                        type="button"
                        class={classes!("finding-entry", is_selected.then_some("selected"))}
                        data-finding={index.to_string()}
                        data-review={review}
                        data-kind={kind.as_str()}
                        data-status={finding.status.as_str()}
                        data-rule={finding.rule_id.clone()}
                        aria-current={is_selected.then_some("true")}
                        onclick={Callback::from(move |_: MouseEvent| on_select.emit(index))}
                    >
                        <span class="entry-text">{ quoted(text) }</span>
                        <span class="entry-status" data-status={finding.status.as_str()}>{ finding.status.label() }</span>
                        if review == Some("rejected") {
                            <span class="entry-review">{ "dismissed" }</span>
                        } else if review == Some("confirmed") {
                            <span class="entry-review">{ "✓ confirmed" }</span>
                        }
                    </button>
                </li>
            }
        });
        let more = (entries.len() > shown).then(|| {
            let expanded = expanded.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let mut kinds = (*expanded).clone();
                kinds.push(kind);
                expanded.set(kinds);
            });
            html! {
                <button type="button" class="show-more" {onclick}>
                    { format!("Show all {} {}", entries.len(), plural_label(kind).to_lowercase()) }
                </button>
            }
        });
        let body = if hidden {
            html! { <p class="muted">{ "Hidden. Tick “Show” to list and highlight them." }</p> }
        } else if entries.is_empty() {
            let message = if props.item_filter.is_some() { "None behind this check." } else { "None found." };
            html! { <p class="muted">{ message }</p> }
        } else {
            html! { <><ul class="entries">{ for list }</ul>{ for more }</> }
        };
        let heading_id = format!("group-{}", kind.as_str());
        html! {
            <section class="kind-group" data-kind-group={kind.as_str()} aria-labelledby={heading_id.clone()}>
                <div class="kind-head">
                    <h3 id={heading_id}>
                        <span class="kind-marker" data-kind={kind.as_str()} aria-hidden="true">{ kind_marker(kind) }</span>
                        { plural_label(kind) }
                        <span class="count" data-count={count.to_string()}>{ count }</span>
                    </h3>
                    <label class="filter" for={filter_id.clone()}>
                        <input
                            type="checkbox"
                            id={filter_id}
                            data-filter={kind.as_str()}
                            checked={!hidden}
                            {onchange}
                        />
                        { " Show" }
                        <span class="visually-hidden">{ format!(" {}", plural_label(kind).to_lowercase()) }</span>
                    </label>
                </div>
                if count > 0 {
                    <p class="status-summary">{ status_summary(article, kind) }</p>
                }
                { body }
            </section>
        }
    });

    let dismissed = article
        .findings
        .iter()
        .filter(|f| matches!(f.review, Review::Rejected { .. }))
        .count();
    let on_show_dismissed = {
        let on_show_dismissed = props.on_show_dismissed.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_show_dismissed.emit(input.checked());
        })
    };
    html! {
        <section id="findings-list" class="panel" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{ "Findings " }<span class="count">{ total }</span></h2>
            { for banner }
            if dismissed > 0 {
                <label class="filter show-dismissed" for="show-dismissed">
                    <input type="checkbox" id="show-dismissed" checked={props.show_dismissed} onchange={on_show_dismissed} />
                    { format!(" Show dismissed ({dismissed})") }
                </label>
            }
            { for groups }
        </section>
    }
}
