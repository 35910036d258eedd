//! The details of the selected finding: what it is, why it was flagged, and the
//! kind-specific facts (neutral alternative, source found, speaker).

use web_sys::{Event, HtmlInputElement, HtmlSelectElement, MouseEvent, SubmitEvent};
use yew::prelude::*;

use crate::analysis::{is_builtin_rule_id, Detail, Kind, QuoteForm, Status};
use crate::article::{Review, ReviewedFinding};
use crate::rules::{category_name, RuleSet};

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
    /// The reader confirmed, dismissed or un-reviewed this finding.
    pub on_review: Callback<(usize, Review)>,
    /// The reader re-classified this finding.
    pub on_change_kind: Callback<(usize, Kind, Status)>,
    /// Switch off the rule (by id) that made this finding.
    pub on_switch_off: Callback<String>,
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
    let index = props.index;
    // The dismiss form is open (asking for the reason).
    let dismissing = use_state_eq(|| false);
    let reason_error = use_state_eq(|| false);
    let reason_ref = use_node_ref();
    {
        // A new finding starts with the form closed.
        let (dismissing, reason_error) = (dismissing.clone(), reason_error.clone());
        use_effect_with(index, move |_| {
            dismissing.set(false);
            reason_error.set(false);
        });
    }
    {
        // The reason field takes focus when the form opens.
        let reason_ref = reason_ref.clone();
        use_effect_with(*dismissing, move |open| {
            if *open {
                if let Some(input) = reason_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    let confirmed = props.finding.review == Review::Confirmed;
    let rejected = matches!(props.finding.review, Review::Rejected { .. });
    let on_confirm = {
        let on_review = props.on_review.clone();
        Callback::from(move |_: MouseEvent| {
            let review = if confirmed {
                Review::Unreviewed
            } else {
                Review::Confirmed
            };
            on_review.emit((index, review))
        })
    };
    let on_open_dismiss = {
        let dismissing = dismissing.clone();
        Callback::from(move |_: MouseEvent| dismissing.set(true))
    };
    let on_cancel_dismiss = {
        let dismissing = dismissing.clone();
        Callback::from(move |_: MouseEvent| dismissing.set(false))
    };
    let on_restore = {
        let on_review = props.on_review.clone();
        Callback::from(move |_: MouseEvent| on_review.emit((index, Review::Unreviewed)))
    };
    let on_dismiss = {
        let (on_review, dismissing, reason_error, reason_ref) = (
            props.on_review.clone(),
            dismissing.clone(),
            reason_error.clone(),
            reason_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let reason = reason_ref
                .cast::<HtmlInputElement>()
                .map(|input| input.value().trim().to_string())
                .unwrap_or_default();
            if reason.is_empty() {
                reason_error.set(true);
                return;
            }
            reason_error.set(false);
            dismissing.set(false);
            on_review.emit((index, Review::Rejected { reason }));
        })
    };
    let on_kind = {
        let (on_change_kind, status) = (props.on_change_kind.clone(), finding.status);
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(kind) = Kind::parse(&select.value()) {
                on_change_kind.emit((index, kind, status));
            }
        })
    };
    let on_status = {
        let (on_change_kind, kind) = (props.on_change_kind.clone(), finding.kind);
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(status) = Status::parse(&select.value()) {
                on_change_kind.emit((index, kind, status));
            }
        })
    };
    // Only a rule this build knows can be switched off (an imported file may
    // carry findings of rules from another version).
    let switchable = is_builtin_rule_id(&finding.rule_id, RuleSet::builtin());
    let on_switch_off = {
        let (on_switch_off, rule_id) = (props.on_switch_off.clone(), finding.rule_id.clone());
        Callback::from(move |_: MouseEvent| on_switch_off.emit(rule_id.clone()))
    };
    let kind_options = Kind::ALL.iter().map(|&kind| {
        html! { <option value={kind.as_str()} selected={kind == finding.kind}>{ kind.label() }</option> }
    });
    let status_options = Status::ALL.iter().filter(|s| s.valid_for(finding.kind)).map(|&status| {
        html! { <option value={status.as_str()} selected={status == finding.status}>{ status.label() }</option> }
    });
    let review_controls = html! {
        <div class="review-controls">
            <div class="review-actions" role="group" aria-label="Your review of this finding">
                if rejected {
                    <button type="button" id="restore-finding" onclick={on_restore}>{ "Restore (undo dismissal)" }</button>
                } else {
                    <button type="button" id="confirm-finding" aria-pressed={if confirmed { "true" } else { "false" }} onclick={on_confirm}>
                        { if confirmed { "✓ Confirmed" } else { "Confirm" } }
                    </button>
                    if !*dismissing {
                        <button type="button" id="dismiss-finding" onclick={on_open_dismiss}>{ "Dismiss…" }</button>
                    }
                }
            </div>
            if *dismissing && !rejected {
                <form id="dismiss-form" class="dismiss-form" onsubmit={on_dismiss}>
                    <label for="dismiss-reason">{ "Why is this not a problem? (kept in the file)" }</label>
                    <input
                        id="dismiss-reason"
                        type="text"
                        ref={reason_ref}
                        autocomplete="off"
                        aria-invalid={(*reason_error).then_some("true")}
                        aria-describedby="dismiss-reason-error"
                    />
                    <p id="dismiss-reason-error" class="field-error">
                        if *reason_error { { "Write a reason first: it tells others why you dismissed it." } }
                    </p>
                    <div class="form-actions">
                        <button type="submit" id="dismiss-submit" class="primary">{ "Dismiss finding" }</button>
                        <button type="button" onclick={on_cancel_dismiss}>{ "Cancel" }</button>
                    </div>
                </form>
            }
            <div class="reclassify">
                <label>{ "Kind " }<select id="finding-kind" onchange={on_kind}>{ for kind_options }</select></label>
                <label>{ "Status " }<select id="finding-status" onchange={on_status}>{ for status_options }</select></label>
            </div>
            if switchable {
                <div class="rule-switch">
                    <button
                        type="button"
                        id="switch-off-rule"
                        data-rule={finding.rule_id.clone()}
                        aria-label={format!("Switch off rule {}: hide all its findings", finding.rule_id)}
                        aria-describedby="switch-off-hint"
                        onclick={on_switch_off}
                    >
                        { "Switch off rule " }<code>{ finding.rule_id.clone() }</code>
                    </button>
                    <p id="switch-off-hint" class="hint">
                        { "Hides every finding of this rule, here and in the articles you analyse next. Undo brings them back; “Switched-off rules” at the top lists it." }
                    </p>
                </div>
            }
        </div>
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
            data-review={match props.finding.review { Review::Unreviewed => "unreviewed", Review::Confirmed => "confirmed", Review::Rejected { .. } => "rejected" }}
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
            // The middle scrolls (with a visible scroll bar) when it is taller than
            // the panel; the heading above and the navigation below stay in sight.
            <div class="details-body" tabindex="0" role="group" aria-label="Finding details (scrolls)">
                <blockquote class={classes!("finding-text", rejected.then_some("dismissed"))}>{ props.quoted.clone() }</blockquote>
                <dl class="facts">
                    { row("Why flagged", html! { { finding.explanation.clone() } }) }
                    { kind_rows(&finding.detail) }
                    { review }
                    { row("Rule", html! { <code>{ finding.rule_id.clone() }</code> }) }
                </dl>
                { review_controls }
            </div>
            <nav class="details-nav" aria-label="Other findings">
                <button type="button" disabled={props.previous.is_none()} onclick={step(props.previous)}>{ "← Previous" }</button>
                <span class="position">{ position }</span>
                <button type="button" disabled={props.next.is_none()} onclick={step(props.next)}>{ "Next →" }</button>
            </nav>
        </section>
    }
}
