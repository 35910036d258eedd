//! The details of the selected finding: what it is, why it was flagged, and the
//! kind-specific facts (neutral alternative, source found, speaker).

use web_sys::MouseEvent;
use yew::prelude::*;

use crate::analysis::{Detail, Kind, QuoteForm};
use crate::article::{Review, ReviewedFinding};
use crate::rules::category_name;

#[derive(Properties, PartialEq, Clone)]
pub struct DetailsProps {
    /// Index of the finding in the article.
    pub index: usize,
    pub finding: ReviewedFinding,
    /// The flagged text.
    pub quoted: String,
    /// 1-based position among the shown findings (`None` if it is filtered out).
    pub position: Option<usize>,
    pub total: usize,
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub on_close: Callback<()>,
    /// Select another finding (previous / next).
    pub on_step: Callback<usize>,
}

/// The small symbol that marks each kind, in the text and here.
pub fn kind_marker(kind: Kind) -> &'static str {
    match kind {
        Kind::LoadedLanguage => "!",
        Kind::Statistic => "#",
        Kind::Quote => "❝",
    }
}

fn row(term: &str, value: Html) -> Html {
    html! {
        <>
            <dt>{ term.to_string() }</dt>
            <dd>{ value }</dd>
        </>
    }
}

fn kind_rows(detail: &Detail) -> Html {
    match detail {
        Detail::Loaded {
            category,
            alternative,
        } => html! {
            <>
                { row("Neutral alternative", html! { <span class="alternative">{ alternative.clone() }</span> }) }
                { row("Category", html! { { category_name(category).to_string() } }) }
            </>
        },
        Detail::Statistic { source } => {
            let value = match source {
                Some(source) => html! {
                    <>
                        <q class="source-text">{ source.text.clone() }</q>
                        <span class="reach">{ format!(" — found {}", source.reach.label()) }</span>
                    </>
                },
                None => html! {
                    <span class="missing">{ "No source found in this or the adjacent sentence." }</span>
                },
            };
            row("Source", value)
        }
        Detail::Quote { form, speaker, cue } => {
            let speaker_value = match speaker {
                Some(speaker) if speaker.named => html! {
                    <><span class="speaker">{ speaker.text.clone() }</span>{ " — named, so the quote can be checked" }</>
                },
                Some(speaker) => html! {
                    <>
                        <span class="speaker">{ speaker.text.clone() }</span>
                        <span class="missing">{ " — vague: no one the reader can look up" }</span>
                    </>
                },
                None => html! { <span class="missing">{ "No speaker found" }</span> },
            };
            let form = match form {
                QuoteForm::Direct => "Direct quote (the speaker's own words)",
                QuoteForm::Reported => "Reported speech (paraphrased)",
            };
            html! {
                <>
                    { row("Speaker", speaker_value) }
                    { row("Form", html! { { form } }) }
                    { row("Cue", html! { { cue.clone().unwrap_or_else(|| "—".to_string()) } }) }
                </>
            }
        }
    }
}

#[function_component]
pub fn Details(props: &DetailsProps) -> Html {
    let finding = &props.finding.finding;
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let step = |target: Option<usize>| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(target) = target {
                on_step.emit(target);
            }
        })
    };
    let review = match &props.finding.review {
        Review::Unreviewed => Html::default(),
        Review::Confirmed => row("Your review", html! { { "Confirmed" } }),
        Review::Rejected { reason } => {
            row("Your review", html! { { format!("Dismissed: {reason}") } })
        }
    };
    let position = match props.position {
        Some(position) => format!("{position} of {}", props.total),
        None => "hidden by a filter".to_string(),
    };

    html! {
        <section
            id="details"
            class="panel details"
            aria-labelledby="details-heading"
            data-finding={props.index.to_string()}
            data-kind={finding.kind.as_str()}
            data-status={finding.status.as_str()}
        >
            <div class="details-head">
                <h2 id="details-heading">
                    <span class="kind-marker" data-kind={finding.kind.as_str()} aria-hidden="true">
                        { kind_marker(finding.kind) }
                    </span>
                    { finding.kind.label() }
                    <span class="status-badge" data-status={finding.status.as_str()}>{ finding.status.label() }</span>
                </h2>
                <button type="button" class="close" aria-label="Close details (Escape)" onclick={on_close}>{ "×" }</button>
            </div>
            <blockquote class="finding-text">{ props.quoted.clone() }</blockquote>
            <dl class="facts">
                { row("Why flagged", html! { { finding.explanation.clone() } }) }
                { kind_rows(&finding.detail) }
                { review }
                { row("Rule", html! { <code>{ finding.rule_id.clone() }</code> }) }
            </dl>
            <nav class="details-nav" aria-label="Other findings">
                <button type="button" disabled={props.previous.is_none()} onclick={step(props.previous)}>{ "← Previous" }</button>
                <span class="position">{ position }</span>
                <button type="button" disabled={props.next.is_none()} onclick={step(props.next)}>{ "Next →" }</button>
            </nav>
        </section>
    }
}
